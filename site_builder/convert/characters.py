"""The characters of a line: spaces collapsed, full-width digits in ASCII, and the same text
in Simplified characters (OpenCC), of the same length, for analysis only."""

from __future__ import annotations

import re
from functools import lru_cache

import opencc

_SPACES_RE = re.compile(r"[ \t\u00a0\u2002\u2003\u2009\u200b\u3000]+")
_FULLWIDTH = str.maketrans("０１２３４５６７８９％．", "0123456789%.")
_CONVERTER = opencc.OpenCC("t2s")


_HAS_FULLWIDTH_RE = re.compile("[０-９％．]")


def clean_line(line: str) -> str:
    """Collapse runs of spaces of any width to one ASCII space, strip, full-width digits -> ASCII."""
    line = _SPACES_RE.sub(" ", line).strip()
    return line.translate(_FULLWIDTH) if _HAS_FULLWIDTH_RE.search(line) else line


@lru_cache(maxsize=8192)
def _simplified_char(char: str) -> str:
    converted = _CONVERTER.convert(char)
    return converted if len(converted) == 1 else char


# A pinyin gloss some mirror sites put after a character: 鎮(zhèn), 實(shí)現(xiàn), 創(chuàng )新, or
# without tones and with a space after it: 社會(hui) 變遷. It is not part of the text: the layout
# repairs take it out of the lines (``without_pinyin_glosses``) before anything reads them. A
# toned vowel marks a gloss; a toneless one must be a pinyin syllable, and is taken only from a
# text that has several (``toneless``), so a Latin word in brackets stays.
_TONES = "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ"
_GLOSS_RE = re.compile(rf"(?<=[\u3400-\u9fff])[(（][a-zü{_TONES}]*[{_TONES}][a-zü{_TONES}]* ?[)）]")
_SYLLABLE = (
    r"(?:zh|ch|sh|[bpmfdtnlgkhjqxrzcsyw])?"
    r"(?:iang|iong|uang|ueng|ang|eng|ing|ong|uai|ian|iao|uan|van|üan|ai|ei|ao|ou|an|en|er|in"
    r"|un|vn|ün|ia|ie|iu|ua|uo|ui|ve|üe|a|o|e|i|u|v|ü)"
)
_TONELESS_RE = re.compile(rf"(?<=[\u3400-\u9fff])\({_SYLLABLE}\) ?")


def toneless_glosses(text: str) -> int:
    """How many toneless pinyin glosses (會(hui) ) ``text`` seems to hold."""
    return len(_TONELESS_RE.findall(text)) if "(" in text else 0


def without_pinyin_glosses(text: str, toneless: bool = False) -> tuple[str, list[str]]:
    """``text`` without the pinyin glosses after its characters, and the glosses taken out;
    toneless ones too when ``toneless`` (the text is known to carry them)."""
    if "(" not in text and "（" not in text:
        return text, []
    glosses = _GLOSS_RE.findall(text)
    text = _GLOSS_RE.sub("", text) if glosses else text
    if toneless and (more := _TONELESS_RE.findall(text)):
        glosses += more
        text = _TONELESS_RE.sub("", text)
    return text, glosses


def analysis_text(text: str) -> str:
    """``text`` in Simplified characters, of exactly the same length (萬 -> 万, 餘 -> 余).

    OpenCC converts phrase by phrase; where a phrase changes length, each character is
    converted on its own instead, so every offset still points at the same printed character.
    """
    if text.isascii():
        return text
    converted = _CONVERTER.convert(text)
    if len(converted) != len(text):
        converted = "".join(_simplified_char(char) for char in text)
    return converted


# The texts converted by the last call and their keys (one report's lines or blocks): the
# parser's blocks are mostly the normaliser's lines again, and the figure finder converts the
# parser's blocks once more, so only texts not seen in the call before are converted.
_recent: dict[str, str] = {}


def analysis_texts(texts: list[str]) -> list[str]:
    """``analysis_text`` of each text, converted in one call (a call costs more than a line).

    A line break is a phrase boundary for OpenCC, so a text's key does not depend on the
    texts it is converted with."""
    global _recent
    new = [text for text in dict.fromkeys(texts) if text not in _recent]
    keys = dict(zip(new, _converted(new), strict=True))
    keys.update((text, _recent[text]) for text in texts if text not in keys)
    _recent = keys
    return [keys[text] for text in texts]


def _converted(texts: list[str]) -> list[str]:
    if not texts:
        return []
    keys = analysis_text("\n".join(texts)).split("\n")
    if len(keys) != len(texts) or any(len(k) != len(t) for k, t in zip(keys, texts, strict=True)):
        return [analysis_text(text) for text in texts]
    return keys
