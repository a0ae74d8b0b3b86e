"""Where a figure's words are: the clause before it, the phrase after it, its sentence, and
the time, place and filler words stripped from them."""

from __future__ import annotations

import bisect
import functools
import re

from site_builder.convert.figures.wording import short_region
from site_builder.convert.figures.words import QUOTES

DELIMS = ",，。；;：:、！？!?()（）+＋\n"  # 7名综治专干+78名专职网格员: + joins items
SENTENCE_END = "。；;！？!?\n"

# Words at the start of a clause that are time, place or manner, not the measure.
LEADING_NOISE = (
    "今年以来 一年来 截至目前 截至年底 目前 同时 其中 年度 当年 全年 今年 年内 已 并 还 了 共 累计 "
    "先后 积极 成功 共计 合计 总计 预计 现有 全街道 全街 全区 全县 全市 全镇 全乡 全域 辖区 街道 "
    "分别 又 再 均 都 进一步 持续 不断 切实 扎实 着力 大力 全力 深入 一共 全面 "
    # the report's own place named by a demonstrative: 该区地区生产总值同比增长6.8%
    "该区 该县 该镇 该市 该乡 该街道 该村 该社区 本区 本县 本镇 本市 全村"
).split()
LEADING_NOISE.sort(key=len, reverse=True)
TRAILING_NOISE = ("工作", "作用", "进度", "任务", "的", "等", "了")
PERIOD_RE = re.compile(
    r"^(?:\d{4}年)?(?:[1-9]\d?|元)?(?:至|-|—|－|~|到)?(?:[1-9]\d?)月份?|^(?:上|下)半年|"
    r"^前?[一二三四]季度|^\d{4}年度?"
)

# Compiled once: these run for every figure (re's own cache still costs a lookup and an escape).
DELIM_RE = re.compile(rf"[{re.escape(DELIMS)}]")
_ABBREVIATION_RE = re.compile(r"[A-Za-z]{2,8}")
_PHRASE_RE = re.compile(
    rf"(?:[^{re.escape(DELIMS.replace('、', ''))}0-9]|[0-9]+(?=[A-Za-z]|大类|类))*"
)


def clause_before(text: str, start: int, floor: int = 0, *, item: bool = False) -> str:
    """The words between the last delimiter (or ``floor``) and ``start``; a parenthesis right
    before the number, or holding an abbreviation, is skipped, so 地区生产总值(GDP)439亿元 and
    地区生产总值(gdp)为9.8亿元 still read 地区生产总值.

    With ``item``, the words of one item of a list, as printed: the clause also ends at 、 and
    at a parenthesis (what the figure finder reads a change or a money word from)."""
    if item:
        # One rfind per delimiter: a regex anchored at ``start`` would retry from every position.
        cut = floor
        for mark in DELIMS:
            after = text.rfind(mark, floor, start) + 1
            if after > cut:
                cut = after
        return text[cut:start]
    pos = start
    while pos > floor:
        char = text[pos - 1]
        if char in ")）":
            opening = max(text.rfind("(", floor, pos), text.rfind("（", floor, pos))
            # right before the number, or an abbreviation anywhere: 地区生产总值(gdp)为9.8亿元
            if opening > floor and (
                pos == start or _ABBREVIATION_RE.fullmatch(text, opening + 1, pos - 1)
            ):
                text = text[:opening] + " " * (pos - opening) + text[pos:]
                pos = opening
                continue
        if char in DELIMS and char != "、":  # 解决群众难心事、烦心事2200余件: one measure
            break
        pos -= 1
    return text[pos:start].replace(" ", "").lstrip("、") if pos < start else ""


def phrase_after(text: str, end: int) -> str:
    """The words after a figure up to the next delimiter or number."""
    match = _PHRASE_RE.match(text, end)
    return match.group().rstrip("、") if match else ""


def sentence_before(text: str, start: int, ends: str = SENTENCE_END) -> str:
    """The sentence up to ``start`` (from the last 。；！？, or the last of ``ends``)."""
    marks = _marks(text, ends)
    at = bisect.bisect_left(marks, start)
    return text[marks[at - 1] + 1 : start] if at else text[:start]


@functools.lru_cache(maxsize=16)  # every figure of a block asks again; a few blocks suffice
def _marks(text: str, ends: str) -> list[int]:
    """Where the sentence ends in ``text`` are, in order (found once per block, not per figure)."""
    return [match.start() for match in re.finditer(f"[{re.escape(ends)}]", text)]


def strip_noise(phrase: str, region: str, subject: bool = True) -> str:
    """A phrase without the time, place and manner words at its start (the subject's, when
    ``subject``) and the filler at its end."""
    pattern = _noise_pattern(region, subject)
    while phrase:
        match = pattern.match(phrase)
        if match is None or not match.group() or match.end() >= len(phrase):
            break
        phrase = phrase[match.end() :]
    for word in TRAILING_NOISE:
        if phrase.endswith(word) and len(phrase) > len(word) + 1:
            phrase = phrase[: -len(word)]
    return phrase


@functools.lru_cache(maxsize=64)
def _noise_pattern(region: str, subject: bool) -> re.Pattern[str]:
    """One word of noise at the start of a phrase: the region's names, time and manner words
    (or only particles, after a verb), or a period (1至11月份)."""
    names = [region, region[-4:], short_region(region) + "街道"] if region else []
    words = sorted(
        {w for w in names if w} | set(LEADING_NOISE if subject else ("了", "的", "等")),
        key=len,
        reverse=True,
    )
    # 有 (there are) before what is counted: 有卫生院2所 (not 有效, 有机, 有色, 有关 …)
    have = ["有(?![效机线色关序力益形望利权限])"] if subject else []
    alternatives = [*map(re.escape, words), *have, PERIOD_RE.pattern, ENUMERATOR]
    return re.compile("(?:" + "|".join(alternatives) + ")")


# 1、, 3., (二), 四、 opening a paragraph of a numbered list: its place in the list, not its words
ENUMERATOR = r"\d{1,2}[、．]|\d{1,2}\.(?!\d)|[一二三四五六七八九十]{1,3}、|[(（][一二三四五六七八九十\d]{1,3}[)）]"


def strip_period(phrase: str) -> str:
    """A phrase without the periods at its start (1至11月份, 上半年)."""
    while (match := PERIOD_RE.match(phrase)) and match.end() > 0:
        phrase = phrase[match.end() :]
    return phrase


def unquote(text: str) -> str:
    """The text without quotation marks."""
    return "".join(ch for ch in text if ch not in QUOTES)
