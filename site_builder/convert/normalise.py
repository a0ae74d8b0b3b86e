"""Normalise a report's raw lines before parsing: one plain function per repair.

Reports come as e-paper text, portal pages, Traditional-character mirrors, PDF copies and
one-line pastes. Before the parser sees them:

- ``split_run_together`` (run_together.py): a long line holding several paragraphs is split
  at sentence ends followed by a space, at spaced breaks (a full-width indent, a subtitle, a
  byline) and at numbered headings the numbering vouches for;
- ``clean_line`` (characters.py): runs of spaces collapse, full-width digits become ASCII;
- ``find_chrome`` (chrome.py): navigation, breadcrumbs, 发布时间/来源/字号 lines, print and
  share buttons, 上一篇/下一篇, comment boxes and copyright lines are set aside (kept in
  ``source.*``); each line knows whether chrome was left out next to it;
- ``reflow_wrapped`` (wrapped.py): lines hard-wrapped mid-sentence or mid-figure (PDF
  copies) are joined;
- ``close_unit_spaces`` (wrapped.py): 31.88 亿元 -> 31.88亿元, so the figure reads as one;
- ``analysis_text`` (characters.py): Traditional -> Simplified (OpenCC) for analysis only,
  of the same length as the printed text, so offsets found in it point into the text as
  printed.

Each change is reported as a layout note naming its source lines; nothing is dropped.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from site_builder.content.model import Metadata, SetAside
from site_builder.convert.characters import analysis_text, analysis_texts, clean_line
from site_builder.convert.chrome import chrome_hints, find_chrome
from site_builder.convert.run_together import split_run_together
from site_builder.convert.wrapped import close_unit_spaces, join_wrapped, reflow_wrapped


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


_INDENT_RE = re.compile(r"^(?:[\u3000\t]|[ \u00a0]{2,})")


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
