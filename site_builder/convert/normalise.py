"""Normalise a report's raw lines before parsing: one plain function per repair.

Reports come as e-paper text, portal pages, Traditional-character mirrors, PDF copies and
one-line pastes. Before the parser sees them:

- ``split_run_together`` (run_together.py): a long line holding several paragraphs is split
  at sentence ends followed by a space, at spaced breaks (a full-width indent, a subtitle, a
  byline) and at numbered headings the numbering vouches for;
- ``clean_line``: runs of spaces collapse, full-width digits become ASCII;
- ``find_chrome`` (chrome.py): navigation, breadcrumbs, 发布时间/来源/字号 lines, print and
  share buttons, 上一篇/下一篇, comment boxes and copyright lines are set aside (kept in
  ``source.*``); each line knows whether chrome was left out next to it;
- ``reflow_wrapped``: lines hard-wrapped mid-sentence or mid-figure (PDF copies) are joined;
- ``close_unit_spaces``: 31.88 亿元 -> 31.88亿元, so the figure reads as one;
- ``analysis_text``: Traditional -> Simplified (OpenCC) for analysis only, of the same length
  as the printed text, so offsets found in it point into the text as printed.

Each change is reported as a layout note naming its source lines; nothing is dropped.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

import opencc

from site_builder.content.model import Metadata, SetAside
from site_builder.content.roles import ROLE_PATTERN
from site_builder.convert.chrome import chrome_hints, find_chrome
from site_builder.convert.run_together import HEADING_START, split_run_together


@dataclass
class RawLine:
    """A line as it came from the source: text not yet cleaned, and a hint from HTML markup."""

    number: int  # 1-based line of the source file (several pieces may share one)
    text: str
    hint: str = ""  # "caption" for a photo caption in HTML; "" when the markup says nothing


@dataclass
class Line:
    """A clean, non-empty line for the parser."""

    number: int
    text: str  # as printed, spaces collapsed, full-width digits in ASCII
    key: str  # the same text in Simplified characters, of the same length, for analysis
    gap_before: int = 0  # blank lines before this one
    gap_after: int = 0
    chrome_before: bool = False  # page chrome was left out right before this line
    chrome_after: bool = False
    indented: bool = False  # began with an indent (a paragraph start in PDF copies)
    hint: str = ""


@dataclass
class Normalised:
    lines: list[Line]
    notes: list[str] = field(default_factory=list)
    set_aside: list[SetAside] = field(default_factory=list)
    hints: Metadata = field(default_factory=Metadata)  # date/source read from chrome lines


# --- characters ---------------------------------------------------------------------------

_SPACES_RE = re.compile(r"[ \t\u00a0\u2002\u2003\u2009\u200b\u3000]+")
_FULLWIDTH = str.maketrans("０１２３４５６７８９％．", "0123456789%.")
_INDENT_RE = re.compile(r"^(?:[\u3000\t]|[ \u00a0]{2,})")
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


def analysis_text(text: str) -> str:
    """``text`` in Simplified characters, of exactly the same length (萬 -> 万, 餘 -> 余).

    OpenCC converts phrase by phrase; where a phrase changes length, each character is
    converted on its own instead, so every offset still points at the same printed character.
    """
    if text.isascii():
        return text
    converted = _CONVERTER.convert(text)
    if len(converted) == len(text):
        return converted
    return "".join(_simplified_char(char) for char in text)


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


# --- hard-wrapped text ----------------------------------------------------------------------

WRAP_MAX_WIDTH = 90  # PDF and e-mail line widths; e-paper paragraphs are longer lines
_END_OF_SENTENCE = "。！？!?；;：:…”」』）)"
_UNIT_START_RE = re.compile(
    r"^(?:%|‰|万|亿|余|多|元|亩|平方|公里|公顷|米|吨|人|户|家|个|项|件|吨|千|百|\.\d|\d)"
)
_NUMBER_END_RE = re.compile(r"(?:\d|\d\.|[万亿])$")
_STARTS_BLOCK_RE = re.compile(
    rf"^(?:{HEADING_START}|\d{{1,2}}[.．、](?!\d)|(?:{ROLE_PATTERN})[\s:：]|图为|第\s*\S+\s*版)"
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


# --- the stage ------------------------------------------------------------------------------


def normalise(raw: list[RawLine]) -> Normalised:
    """Clean, split, de-chrome and re-flow raw lines into the parser's lines, with notes."""
    notes: list[str] = []
    pieces: list[RawLine] = []
    for line in raw:
        split = [RawLine(line.number, piece, line.hint) for piece in split_run_together(line.text)]
        if len(split) > 1:
            notes.append(
                f"line {line.number}: run-together text split into {len(split)} lines"
                " at sentence ends and spaced breaks"
            )
        pieces.extend(split)
    texts = [clean_line(p.text) for p in pieces]
    indented = [bool(_INDENT_RE.match(p.text)) for p in pieces]
    keys = analysis_texts(texts)

    result = Normalised(lines=[], notes=notes)
    chrome = find_chrome(keys)
    chrome_hints([keys[i] for i in sorted(chrome)], result.hints)
    for index in sorted(chrome):
        result.set_aside.append(SetAside(pieces[index].number, texts[index], "chrome"))
    if chrome:
        numbers = sorted({pieces[i].number for i in chrome})
        notes.append(f"{line_ranges(numbers)}: page chrome left out ({len(chrome)} lines)")
    for index in chrome:
        texts[index] = keys[index] = ""

    groups, width = reflow_wrapped(texts, indented)
    wrapped = [group for group in groups if len(group) > 1]
    if wrapped:
        first, last = pieces[wrapped[0][0]].number, pieces[wrapped[-1][-1]].number
        joined = sum(len(group) for group in wrapped)
        notes.append(
            f"lines {first}–{last}: text re-flowed from {joined} wrapped lines"
            f" (wrapped at {width:g} characters) into {len(wrapped)} paragraphs"
        )
    closed: list[int] = []
    result.lines = []
    previous_end = -1
    for group in groups:
        text = join_wrapped([texts[i] for i in group])
        tidy = close_unit_spaces(text) if " " in text else text
        if tidy != text:
            closed.append(pieces[group[0]].number)
        first = group[0]
        gap = sum(1 for i in range(previous_end + 1, first) if i not in chrome)
        after_chrome = bool(chrome) and any(i in chrome for i in range(previous_end + 1, first))
        if result.lines:
            result.lines[-1].gap_after = gap
            result.lines[-1].chrome_after = after_chrome
        result.lines.append(
            Line(
                number=pieces[first].number,
                text=tidy,
                key=keys[first] if tidy == texts[first] else analysis_text(tidy),
                gap_before=gap,
                chrome_before=after_chrome,
                indented=indented[first],
                hint=pieces[first].hint,
            )
        )
        previous_end = group[-1]
    if result.lines:
        result.lines[-1].gap_after = sum(
            1 for i in range(previous_end + 1, len(texts)) if i not in chrome
        )
        result.lines[-1].chrome_after = any(
            i in chrome for i in range(previous_end + 1, len(texts))
        )
    if closed:
        notes.append(f"{line_ranges(closed)}: spaces between numbers and their units closed up")
    return result


def line_ranges(numbers: list[int]) -> str:
    """[1, 2, 3, 7, 9, 10] -> 'lines 1–3, 7, 9–10'; [4] -> 'line 4'."""
    numbers = sorted(set(numbers))
    spans: list[str] = []
    start = previous = numbers[0]
    for number in numbers[1:] + [None]:  # type: ignore[list-item]
        if number is not None and number == previous + 1:
            previous = number
            continue
        spans.append(f"{start}–{previous}" if previous > start else str(start))
        if number is not None:
            start = previous = number
    return ("lines " if len(numbers) > 1 else "line ") + ", ".join(spans)


def text_to_raw_lines(text: str) -> list[RawLine]:
    """A decoded text file as raw lines (CRLF/CR -> LF; a BOM left inside is dropped)."""
    # splitlines() also breaks at U+0085, U+2028 and U+2029, which YAML treats as line ends.
    lines = text.replace("\ufeff", "").splitlines()
    return [RawLine(number, line) for number, line in enumerate(lines, start=1)]
