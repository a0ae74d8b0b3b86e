"""A report's title run into its text at the very start of a one-line or PDF copy.

青柳镇2023年上半年工作总结2023年上半年,青柳镇… and 第1页共8页青柳镇…工作自评报告柳岸村驻村工作组…
lost the break after the title. The title is split off only when it ends in a report's name
(工作总结, 工作报告, 自评报告, 纪实 …) at the start of the first line, and either

- the text goes on with a time (2023年, 今年, 上半年, 近年来) or a salutation (各位代表), or
- a PDF's page counter (第1页共8页) before the title vouches for the document's start;

so a report's name inside a sentence (学习…工作报告精神) or a longer title (…工作总结暨…计划)
stays whole. The page counter goes on a line of its own (chrome.py sets it aside).
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from site_builder.convert.layout.lines import RawLine
from site_builder.convert.report_names import REPORT_NAMES

if TYPE_CHECKING:
    from site_builder.convert.layout.repairs import Draft

_PAGE_COUNTER = r"第\s*\d{1,4}\s*页\s*[/／]?\s*共\s*\d{1,4}\s*页"
_NAMES = "|".join(sorted(REPORT_NAMES, key=len, reverse=True))
_RUN_IN_RE = re.compile(
    rf"^\s*(?P<counter>{_PAGE_COUNTER})?\s*"
    rf"(?P<title>[^\s,，。;；!！?？:：]{{4,50}}?(?:{_NAMES}))"
    r"(?P<rest>[^\s,，。;；、的和及与中].{20,})$",
    re.DOTALL,
)
# What a report's text opens with after its title: a time, or the salutation of a speech
_OPENING_RE = re.compile(r"^(?:\d{4}\s*年|今年|去年|上半年|前三季度|近年来|近年|一年来|各位代表)")
_SENTENCE_END_RE = re.compile(r"[。；;！？!?]")


def split_title(text: str) -> list[str]:
    """The first line as [page counter,] title and text when a title runs into the text;
    otherwise [text]."""
    match = _RUN_IN_RE.match(text)
    if not match:
        return [text]
    rest = match.group("rest")
    if not _SENTENCE_END_RE.search(rest):
        return [text]
    if not (match.group("counter") or _OPENING_RE.match(rest)):
        return [text]
    pieces = [match.group("counter"), match.group("title"), rest]
    return [piece for piece in pieces if piece]


def split_run_in_title(draft: Draft) -> None:
    """The repair: the first line of the text with a title run into it is split (a note says
    so); nothing else is touched."""
    first = next((i for i, line in enumerate(draft.pieces) if line.text.strip()), None)
    if first is None:
        return
    line = draft.pieces[first]
    pieces = split_title(line.text)
    if len(pieces) == 1:
        return
    draft.pieces[first : first + 1] = [RawLine(line.number, piece, line.hint) for piece in pieces]
    draft.notes.append(f"line {line.number}: a title run into the text split off")
    draft._texts = draft._keys = None
