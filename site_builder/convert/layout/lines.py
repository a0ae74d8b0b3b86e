"""The lines a report's layout repairs work on: a raw line as it came from its source, a clean
line for the parser, and what normalising found (notes, text set aside, metadata hints)."""

from __future__ import annotations

from dataclasses import dataclass, field

from site_builder.content.model import Metadata, SetAside


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
    source_after: bool = False  # the page's 来源/发布时间 line was among the chrome left out after
    indented: bool = False  # began with an indent (a paragraph start in PDF copies)
    hint: str = ""


@dataclass
class Normalised:
    lines: list[Line]
    notes: list[str] = field(default_factory=list)
    set_aside: list[SetAside] = field(default_factory=list)
    hints: Metadata = field(default_factory=Metadata)  # date/source read from chrome lines
    date_labelled: bool = False  # the hints' date is under a label (发布时间:), the article's


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
