"""Hard-wrapped text (PDF and e-mail copies): which lines were cut mid-sentence or mid-figure
and join again, and numbers closed up with their units."""

from __future__ import annotations

import re

from site_builder.content.roles import ROLE_PATTERN
from site_builder.convert.layout.run_together import HEADING_START

WRAP_MAX_WIDTH = 90  # PDF and e-mail line widths; e-paper paragraphs are longer lines
_END_OF_SENTENCE = "。！？!?；;：:…”」』）)"
_UNIT_START_RE = re.compile(
    r"^(?:%|‰|万|亿|余|多|元|亩|平方|公里|公顷|米|吨|人|户|家|个|项|件|吨|千|百|\.\d|\d)"
)
_NUMBER_END_RE = re.compile(r"(?:\d|\d\.|[万亿])$")
_STARTS_BLOCK_RE = re.compile(
    rf"^(?:{HEADING_START}|\d{{1,2}}[.．、](?!\d)|(?:{ROLE_PATTERN})[\s:：]|图为|第\s*\S+\s*版)"
    # a speech's salutation alone on its line (各位代表:) opens the speech's text
    r"|^(?:尊敬的|各位|同志们|女士们|朋友们)[^。；;,，]{0,20}[:：]\s*$"
)


def display_width(text: str) -> float:
    """Width as set on a page: a Chinese character is 1, an ASCII letter or digit half."""
    return len(text) - len(text.encode("ascii", "ignore")) / 2


def wrap_width(texts: list[str]) -> float:
    """The width a text was hard-wrapped at, or 0 when it is not hard-wrapped.

    Hard-wrapped: most lines near the widest width end mid-sentence and run on into the next.
    """
    if sum(len(t) > 2 * WRAP_MAX_WIDTH for t in texts) > len(texts) / 4:
        return 0  # long paragraph lines: not hard-wrapped
    lengths = sorted(display_width(t) for t in texts if t)
    if len(lengths) < 4:
        return 0
    width = lengths[int(len(lengths) * 0.9) - 1 if len(lengths) >= 10 else -1]
    if width > WRAP_MAX_WIDTH or width < 12:
        return 0
    full = [
        i
        for i, t in enumerate(texts)
        if t and display_width(t) >= width * 0.8 and i + 1 < len(texts) and texts[i + 1]
    ]
    open_ended = [i for i in full if texts[i][-1] not in _END_OF_SENTENCE]
    return width if len(open_ended) >= 2 and len(open_ended) >= 0.5 * len(full) else 0


def _cut_mid_figure(text: str, following: str) -> bool:
    """15.2 / %, 7860 / 亩, 2万 / 平方米: a line break inside a figure."""
    return bool(_NUMBER_END_RE.search(text) and _UNIT_START_RE.match(following))


def joins_next(text: str, following: str, width: float, following_indented: bool) -> bool:
    """Whether ``following`` continues ``text`` (a wrapped line), in a text wrapped at ``width``."""
    if not following or _STARTS_BLOCK_RE.match(following) or following_indented:
        return False
    if _cut_mid_figure(text, following):
        return True
    return display_width(text) >= width * 0.8 and text[-1] not in _END_OF_SENTENCE


def reflow_wrapped(texts: list[str], indented: list[bool]) -> tuple[list[list[int]], float]:
    """Group the indexes of lines that belong together; and the wrap width (0 = not wrapped).

    ``texts`` are clean lines ("" for blank), ``indented`` whether each began with an indent.
    Without wrapping every line is its own group.
    """
    width = wrap_width(texts)
    groups: list[list[int]] = []
    for index, text in enumerate(texts):
        if not text:
            continue
        previous = groups[-1][-1] if groups else -1
        adjacent = bool(groups) and previous == index - 1
        if adjacent and (
            joins_next(texts[previous], text, width, indented[index])
            if width
            else _cut_mid_figure(texts[previous], text)
        ):
            groups[-1].append(index)
        else:
            groups.append([index])
    return groups, width


def join_wrapped(parts: list[str]) -> str:
    """Join wrapped pieces: no space between Chinese characters, one between Latin words."""
    out = parts[0]
    for part in parts[1:]:
        space = " " if out[-1:].isascii() and out[-1:].isalpha() and part[:1].isalpha() else ""
        out += space + part
    return out


_UNIT_SPACE_RE = re.compile(
    r"(?<=\d)\s+(?=(?:%|‰|万亿|万|亿|余|多|元|亩|平方米|平方公里|公里|公顷|千米|米|吨|人次|人|户|家"
    r"|个|项|件|所|座|处|辆|支)(?![\u4e00-\u9fff]?\d))"
)


def close_unit_spaces(text: str) -> str:
    """31.88 亿元 -> 31.88亿元, 15.2 % -> 15.2%: a number and its unit are one figure."""
    return _UNIT_SPACE_RE.sub("", text)


# A line that is only a figure's number, a placeholder or punctuation (5%, 2023, XX, ;, 1—10):
# some PDF extractions break the line around nearly every number.
_TOKEN_LINE_RE = re.compile(r"^(?:[\d.,%‰X×x—\-~+ ;；,，。、:：)）]{1,12})$")
_DATE_RE = re.compile(r"^\s*\d{4}[-/.]\d{1,2}[-/.]\d{1,2}\s*$")
MIN_TOKEN_LINES = 5


def token_line(text: str) -> bool:
    return (
        bool(text) and _TOKEN_LINE_RE.match(text.strip()) is not None and not _DATE_RE.match(text)
    )


def broken_around_numbers(texts: list[str]) -> bool:
    """Whether a text was extracted with a line break around its numbers: at least
    MIN_TOKEN_LINES lines (and a tenth of the lines) hold only a number or placeholder."""
    lines = [t for t in texts if t.strip()]
    tokens = sum(token_line(t) and any(c.isdigit() or c == "X" for c in t) for t in lines)
    return tokens >= MIN_TOKEN_LINES and tokens >= len(lines) / 10


def join_token_lines(texts: list[str], keep: list[bool]) -> list[list[int]]:
    """Groups of adjacent line indexes to join: each number-only line with the line before it
    and the line after it (增长 / 5% / ; -> 增长5%;), blank lines and the lines ``keep`` marks
    (page furniture) never crossed."""
    groups: list[list[int]] = []
    for index, text in enumerate(texts):
        if not text.strip() or keep[index] or (index and keep[index - 1]):
            groups.append([index])
            continue
        previous = groups[-1] if groups else []
        joins = (
            previous
            and texts[previous[-1]].strip()
            and previous[-1] == index - 1
            and (token_line(text) or token_line(texts[index - 1]))
        )
        if joins:
            previous.append(index)
        else:
            groups.append([index])
    return groups
