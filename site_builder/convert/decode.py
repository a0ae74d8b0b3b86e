"""Decode a raw report's bytes into clean text lines.

Handles UTF-8 (with or without BOM), UTF-16 with BOM, GB18030/GBK; LF, CRLF or CR line
ends; stray tabs, non-breaking and full-width spaces; full-width digits (２０２１ -> 2021).
"""

from __future__ import annotations

import codecs
import re

from site_builder.content.errors import InputError

_BOMS = [
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
]
# Runs of spaces of any width collapse to one ASCII space.
_SPACES_RE = re.compile(r"[ \t\u00a0\u2002\u2003\u2009\u200b\u3000]+")
_FULLWIDTH = str.maketrans("０１２３４５６７８９％．", "0123456789%.")
# C0 controls other than tab and line ends mark a binary file.
_CONTROL_RE = re.compile(r"[\x00-\x08\x0e-\x1f]")


def decode_bytes(data: bytes, path: object = "<input>") -> str:
    """Return the text of a report; raise InputError naming ``path`` if it is not text."""
    if not data.strip():
        raise InputError(path, "empty file")
    text = _decode(data, path)
    if _CONTROL_RE.search(text[:4096]):
        raise InputError(path, "binary file, not a text or HTML report")
    if "\ufffd" in text:
        raise InputError(path, "undecodable text (not UTF-8, UTF-16 or GB18030)")
    return text


def _decode(data: bytes, path: object) -> str:
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(encoding)
            except UnicodeDecodeError:
                raise InputError(path, f"undecodable text (bad {encoding})") from None
    if b"\x00" in data[:4096]:
        raise InputError(path, "binary file, not a text or HTML report")
    for encoding in ("utf-8", "gb18030"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise InputError(path, "undecodable text (not UTF-8, UTF-16 or GB18030)")


def normalise_line(line: str) -> str:
    return _SPACES_RE.sub(" ", line).strip().translate(_FULLWIDTH)


def text_lines(text: str) -> list[str]:
    """Split into normalised lines (CRLF/CR -> LF); empty lines are kept as ''."""
    # splitlines() also breaks at U+0085, U+2028 and U+2029, which YAML treats as line ends.
    lines = text.replace("\ufeff", "").splitlines()
    if text.endswith(("\n", "\r")):
        lines.append("")
    return [normalise_line(line) for line in lines]
