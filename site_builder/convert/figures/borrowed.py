"""Labels a figure borrows when its own clause names no measure.

- A count of a class of the things counted before: 有规上企业48家,其中纳税过100万元的6家,过30万元
  的9家 -> 纳税过100万元的规上企业数, 纳税过30万元的规上企业数 (the class is the clause, the thing
  is the figure before's, and a class that opens with 过 shares the subject of the class before).
- Any other figure left without a label: the words of its clause, else the thing of the figure
  before of the same unit (公路36公里,其中12公里 -> 公路长度), else the words after it (其中3项已
  提前完成 -> 提前完成数); a figure with none of these keeps its empty label, which the review
  queue names (figure_no_label): a quantity the text gives is never dropped.

Runs after labels.py and lists.py, over the figures of one block.
"""

from __future__ import annotations

import re

from site_builder.content.model import KeyFigure
from site_builder.convert.figures.clauses import SENTENCE_END, phrase_after
from site_builder.convert.figures.measures import measure_of, with_measure_word
from site_builder.convert.figures.wording import THRESHOLD_BEFORE

_CLAUSE_MARKS = ",，;；:：" + SENTENCE_END
# Words that open a part of a whole or link a number, not what is measured
_OPENERS_RE = re.compile(r"^(?:其中|另有|还有|共计|合计|总计|累计|共有|现有|共|计|有|达|为|约)+")
_DONE_RE = re.compile(r"^(?:已经|已|均|都|全部)")
_CJK_RE = re.compile(r"[\u4e00-\u9fff]")
_LEAD_RE = re.compile(r"^\D+")
# What a count or a length is of, when nothing else says it
_UNIT_THINGS = {"enterprise": "企业", "household": "户", "person": "人"}


def borrow_labels(text: str, figures: list[KeyFigure], spans: list[tuple[int, int]]) -> None:
    """Fill in, in place, the labels of ``figures`` (found at ``spans`` of ``text``) whose
    clause names a class or nothing."""
    own = [f.label for f in figures]  # the labels as found: a borrowed one is never lent on
    classes: set[int] = set()  # counts of a class: their own labels name no thing
    for index, (figure, (start, end)) in enumerate(zip(figures, spans, strict=True)):
        opening = max(text.rfind(mark, 0, start) for mark in _CLAUSE_MARKS) + 1
        clause = text[opening:start]
        thing = _thing_before(figures, own, spans, index, text, opening, classes)
        counted = thing or _UNIT_THINGS.get(figure.unit, "")
        if figure.unit not in ("CNY", "percent") and _is_class(clause, text, end):
            classes.add(index)
            if counted:
                subject = _shared_subject(clause, text, opening)
                label = subject + _bare(clause) + counted
                figure.label = with_measure_word(label, figure.unit)
        elif not figure.label:
            words = _bare(clause).removesuffix("的")
            after = _DONE_RE.sub("", phrase_after(text, end))
            if len(_CJK_RE.findall(words)) >= 2:
                figure.label = with_measure_word(words, figure.unit)
            elif thing:
                figure.label = with_measure_word(thing, figure.unit)
            elif 2 <= len(after) <= 8 and _CJK_RE.match(after):  # 其中3项已提前完成
                figure.label = with_measure_word(after, figure.unit)
            elif counted:
                figure.label = with_measure_word(counted, figure.unit)


def _is_class(clause: str, text: str, end: int) -> bool:
    """其中纳税过50万元的 before a count with nothing after it: the count is of a class."""
    return clause.endswith("的") and text[end : end + 1] in ("", *_CLAUSE_MARKS, "、")


def _bare(clause: str) -> str:
    return _OPENERS_RE.sub("", clause.strip())


def _shared_subject(clause: str, text: str, opening: int) -> str:
    """过30万元的 after 其中纳税过100万元的: the subject (纳税) the clause before gave its class."""
    lead = _LEAD_RE.match(_bare(clause))
    if not lead or not lead.group().startswith(THRESHOLD_BEFORE) or opening < 2:
        return ""
    before_start = max(text.rfind(mark, 0, opening - 1) for mark in _CLAUSE_MARKS) + 1
    previous = text[before_start : opening - 1]
    at = re.search(re.escape(lead.group()) + r"\d", previous)
    return _bare(previous[: at.start()]) if at else ""


def _thing_before(
    figures: list[KeyFigure],
    own: list[str],
    spans: list[tuple[int, int]],
    index: int,
    text: str,
    opening: int,
    classes: set[int],
) -> str:
    """The thing the nearest figure before of the same unit and sentence counts (规上企业 of
    规上企业数), its class left out: "" when there is none."""
    sentence_start = max(text.rfind(mark, 0, opening) for mark in SENTENCE_END) + 1
    figure = figures[index]
    for earlier in range(index - 1, -1, -1):
        if spans[earlier][0] < sentence_start:
            break
        other = figures[earlier]
        if other.unit == figure.unit and own[earlier] and earlier not in classes:
            probe = KeyFigure(text=other.text, label=own[earlier], value=0, unit=other.unit)
            return measure_of(probe)
    return ""
