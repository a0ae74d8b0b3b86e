"""Labels of figures that refer to other figures: a change (同比增长), a target (完成全年任务的),
a share (占…比重), and figures shared out one to each measure by 分别."""

from __future__ import annotations

import re
from collections.abc import Sequence

from site_builder.content.model import KeyFigure
from site_builder.convert.clauses import SENTENCE_END, clause_before, strip_noise, unquote
from site_builder.convert.noun_phrases import measure_before, tidy_label
from site_builder.convert.words import (
    tokens,
)

TASK_RE = re.compile(r"(全年|年度)?(目标)?(任务|计划|目标)(数)?")
SHARE_RE = re.compile(r"占(?P<whole>[^占]{0,12}?)(?:的)?(?:比重|比例)?(?:为|达)?$")
CHANGE_SUFFIXES = ("同比增长", "同比下降", "增长", "下降")
TASK_SUFFIX = "完成全年任务比例"


def base_measure(label: str) -> str:
    """A label without the change or target words added to it: 固定资产投资同比增长 -> 固定资产投资."""
    for suffix in (TASK_SUFFIX, "完成任务比例", *CHANGE_SUFFIXES):
        if label.endswith(suffix):
            return label[: -len(suffix)]
    return label


def change_suffix(change: str, yoy: bool, decline: bool) -> str:
    """The words a change adds to its measure's label: 同比增长, 同比下降, 增长 or 下降."""
    if yoy:
        return "同比下降" if decline else "同比增长"
    return "下降" if decline else "增长"


def percent_label(
    before: str, change: str | None, earlier: Sequence[KeyFigure], region: str
) -> str | None:
    """Labels of percentages that refer to another figure: a change, a target, a share."""
    previous = base_measure(earlier[-1].label) if earlier else ""
    clean = unquote(before)
    if change is not None:
        words = [t for t in tokens(clean) if t.word not in ("分别", "和", "及", "与", "、")]
        own = measure_before("".join(t.word for t in words), region, "percent", earlier)
        return (own or previous) + _suffix_of(change)
    if TASK_RE.search(clean) and previous and not _noun_phrase_before_task(clean):
        return previous + TASK_SUFFIX
    share = SHARE_RE.search(clean)
    if share and previous and clean.startswith("占"):
        whole = share.group("whole").removesuffix("的")
        return f"{previous}占{whole}比例" if whole else None
    return None


def _noun_phrase_before_task(clause: str) -> bool:
    """技术合同登记额任务完成: the measure is named before the target words."""
    head = TASK_RE.split(clause, maxsplit=1)[0]
    return bool(strip_noise(re.sub(r"(完成|超额完成|实现)$", "", head), ""))


def _suffix_of(change: str) -> str:
    decline = any(word in change for word in ("下降", "减少", "降低"))
    yoy = any(word in change for word in ("同比", "比上年", "较上年", "比去年", "较去年"))
    return change_suffix(change, yoy, decline)


def relabel_respectively(text: str, figures: list[KeyFigure], spans: list[tuple[int, int]]) -> None:
    """Figures after 分别 ("respectively") go one to each measure named before them:
    城镇居民人均可支配收入、农村居民人均可支配收入分别达到41260元和22380元 gives each income its
    figure; 分别增长5.6%和7.1% then measures those two figures, in order, and every change of
    the group shares the first one's direction."""
    index = 0
    while index < len(figures):
        floor = spans[index - 1][1] if index else 0
        if "分别" not in clause_before(text, spans[index][0], floor):
            index += 1
            continue
        group = [index]
        while group[-1] + 1 < len(figures) and figures[group[-1] + 1].unit == figures[index].unit:
            between = text[spans[group[-1]][1] : spans[group[-1] + 1][0]]
            if between not in ("和", "、", "与", "及"):
                break
            group.append(group[-1] + 1)
        if len(group) > 1:
            _share_out(text, figures, spans, group)
        index = group[-1] + 1


def _share_out(
    text: str, figures: list[KeyFigure], spans: list[tuple[int, int]], group: list[int]
) -> None:
    first = figures[group[0]]
    suffix = first.label[len(base_measure(first.label)) :]
    if first.unit == "percent" and suffix:
        sentence = max(text.rfind(mark, 0, spans[group[0]][0]) for mark in SENTENCE_END) + 1
        levels = [
            base_measure(figures[j].label)
            for j in range(group[0])
            if figures[j].unit != "percent" and spans[j][0] >= sentence
        ][-len(group) :]
    else:
        suffix = ""
        levels = [n for n in re.split(r"[、和及与]", base_measure(first.label)) if n]
    if len(levels) != len(group):
        return
    for member, measure in zip(group, levels, strict=True):
        figure = figures[member]
        figure.label = tidy_label(measure + suffix)
        if suffix:
            figure.yoy = first.yoy
            if (first.value < 0) != (figure.value < 0):
                figure.value = -figure.value
