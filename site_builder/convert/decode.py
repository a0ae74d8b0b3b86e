"""Decode a raw report's bytes into text.

Handles UTF-8 (with or without BOM), UTF-16 (with or without BOM: then its Chinese tells the
byte order), GB18030/GBK and Big5 (Traditional
mirror sites; told from GB18030 by which reading gives common characters, or by an HTML
page's declared charset). Line ends, spaces and full-width digits are the normaliser's.
"""

from __future__ import annotations

import codecs
import re

from site_builder.content.errors import InputError
from site_builder.convert.characters import analysis_text, clean_line

_BOMS = [
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
]
# C0 controls other than tab and line ends mark a binary file.
_CONTROL_RE = re.compile(r"[\x00-\x08\x0e-\x1f]")
_DECLARED_RE = re.compile(rb"""charset\s*=\s*["']?\s*([A-Za-z0-9_-]+)""", re.I)
# The most frequent characters of Chinese text (Simplified): a right reading is full of them.
_COMMON = set(
    "的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能"
    "下过子说产种面而方后多定行学法所民得经十三之进着等部度家电力里如水化高自二理起小物现实加量"
    "都两体制机当使点从业本去把性好应开它合还因由其些然前外天政四日那社义事平形相全表间样与关各"
    "重新线内数正心反你明看原又么利比或但质气第向道命此变条只没结解问意建月公无系军很情者最立代"
    "想已通并提直题党程展五果料象员革位入常文总次品式活设及管特件长求老头基资边流路级少图山统接"
    "知较将组见计别她手角期根论运农指几九区强放决西被干做必战先回则任取据处队南给色光门即保治北"
    "造百规热领七海口东导器压志世金增争济阶油思术极交受联什认六共权收证改清己美再采转更单风切打"
    "白教速花带安场身车例真务具万每目至达走积示议声报斗完类八离华名确才科张信马节话米整空元况今"
    "集温传土许步群广石记需段研界拉林律叫且究观越织装影算低持音众书布复容儿须际商非验连断深难近"
    "矿千周委素技备半办青省列习响约支般史感劳便团往酸历市克何除消构府称太准精值号率族维划选标写"
    "存候毛亲快效斯院查江型眼王按格养易置派层片始却专状育厂京识适属圆包火住调满县局照参红细引听"
    "该铁价严龙飞街镇村乡亿项目投资增长完成全年"
)


def decode_bytes(data: bytes, path: object = "<input>") -> str:
    """Return the text of a report; raise InputError naming ``path`` if it is not text."""
    if not data.strip():
        raise InputError(path, "empty file")
    text = _decode(data, path)
    # The whole text, not its start: a NUL, ESC or BEL further in would reach the page.
    if control := _CONTROL_RE.search(text):
        line = text.count("\n", 0, control.start()) + 1
        raise InputError(
            path,
            f"binary file, not a text or HTML report (control character "
            f"0x{ord(control.group()):02x} on line {line})",
        )
    if "\ufffd" in text:
        raise InputError(path, "undecodable text (not UTF-8, UTF-16, GB18030 or Big5)")
    if not text.strip():
        raise InputError(path, "empty file")
    return text


def _decode(data: bytes, path: object) -> str:
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(encoding)
            except UnicodeDecodeError:
                raise InputError(path, f"undecodable text (bad {encoding})") from None
    if b"\x00" in data:  # no text but UTF-16 has NUL bytes: without a BOM, Chinese text
        if reading := _utf16_without_bom(data):
            return reading
        raise InputError(path, "binary file, not a text or HTML report")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    readings = [text for text in (_strict(data, "gb18030"), _strict(data, "big5hkscs")) if text]
    declared = _DECLARED_RE.search(data[:4096])
    if declared and declared.group(1).lower().startswith(b"big5") and len(readings) == 2:
        return readings[1]
    if not readings:
        raise InputError(path, "undecodable text (not UTF-8, UTF-16, GB18030 or Big5)")
    return max(readings, key=common_share)


def _utf16_without_bom(data: bytes) -> str | None:
    """The UTF-16 reading (little- or big-endian) of ``data`` that is Chinese text, or None.
    Binary data seldom reads as text without control characters and full of common
    characters."""
    readings = [_strict(data, encoding) for encoding in ("utf-16-le", "utf-16-be")]
    texts = [text for text in readings if text and not _CONTROL_RE.search(text)]
    best = max(texts, key=common_share, default=None)
    return best if best is not None and common_share(best) >= 0.3 else None


def _strict(data: bytes, encoding: str) -> str | None:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError:
        return None


def common_share(text: str) -> float:
    """The share of Chinese characters in a text that are common ones (read as Simplified)."""
    sample = analysis_text(text[:3000])
    han = [ch for ch in sample if "\u4e00" <= ch <= "\u9fff"]
    return sum(ch in _COMMON for ch in han) / len(han) if han else 0.0


def text_lines(text: str) -> list[str]:
    """Clean lines (CRLF/CR -> LF, spaces collapsed, full-width digits); blank lines as ''."""
    # splitlines() also breaks at U+0085, U+2028 and U+2029, which YAML treats as line ends.
    lines = text.replace("\ufeff", "").splitlines()
    if text.endswith(("\n", "\r")):
        lines.append("")
    return [clean_line(line) for line in lines]
