"""Lists whose figures share out their measures: 分别 ("respectively") gives each figure of a
group the measure the clause lists for it (城镇和农村居民人均可支配收入分别增长5.2%和6.8%), or
the measures of the figures before it."""

from __future__ import annotations

import re

from site_builder.content.model import KeyFigure
from site_builder.convert.figures.clauses import SENTENCE_END, clause_before, strip_noise
from site_builder.convert.figures.measures import base_measure, measure_of
from site_builder.convert.figures.noun_phrases import tidy_label


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
            if between not in ("和", "、", "与", "及", ",", "，"):  # 分别增长8%,6% too
                break
            group.append(group[-1] + 1)
        if len(group) > 1:
            _share_out(text, figures, spans, group)
        index = group[-1] + 1


def listed_measures(clause: str, count: int) -> list[str]:
    """The measures a clause lists before 分别, each whole: 城镇和农村居民人均可支配收入 ->
    城镇居民人均可支配收入, 农村居民人均可支配收入 (a short first item shares the last item's
    head); 城乡居民… names two, 城镇居民… and 农村居民…; [] when the clause does not list
    ``count`` of them."""
    clause = re.sub(r"分别.*$", "", clause)
    clause = re.sub(r"(?:均|都)?(?:达到|达|为|是|增长|下降|提高|同比|比上年)*$", "", clause)
    items = [item for item in re.split(r"[、和及与]", strip_noise(clause, "")) if item]
    if count == 2 and len(items) == 1 and items[0].startswith("城乡") and len(items[0]) > 2:
        return ["城镇" + items[0][2:], "农村" + items[0][2:]]
    if len(items) != count:
        return []
    last = items[-1]
    shared = [item for item in items[:-1] if len(item) <= 4 and len(last) > len(item) + 2]
    if len(shared) == len(items) - 1:  # 城镇和农村居民…: 城镇 + 居民…
        return [item + last[len(item) :] for item in items[:-1]] + [last]
    return items


def _share_out(
    text: str, figures: list[KeyFigure], spans: list[tuple[int, int]], group: list[int]
) -> None:
    first = figures[group[0]]
    suffix = first.label[len(base_measure(first.label)) :]
    if first.unit == "percent" and suffix:
        # 城镇和农村居民人均可支配收入分别增长5.2%和6.8%: the measures the clause lists
        levels = listed_measures(clause_before(text, spans[group[0]][0]), len(group))
        if len(levels) != len(group):  # …分别增长5.6%和7.1%: the figures before
            sentence = max(text.rfind(mark, 0, spans[group[0]][0]) for mark in SENTENCE_END) + 1
            levels = [
                measure_of(figures[j])
                for j in range(group[0])
                if figures[j].unit != "percent" and spans[j][0] >= sentence
            ][-len(group) :]
    else:
        suffix = ""
        levels = [n for n in re.split(r"[、和及与]", base_measure(first.label)) if n]
        if len(levels) != len(group):
            levels = listed_measures(clause_before(text, spans[group[0]][0]), len(group))
    if len(levels) != len(group) and group[0] >= len(group):
        # …分别增长12%和13%,分别达43366元和13835元: the measures of the list before
        before = figures[group[0] - len(group) : group[0]]
        sentence = max(text.rfind(mark, 0, spans[group[0]][0]) for mark in SENTENCE_END) + 1
        if spans[group[0] - len(group)][0] >= sentence and all(measure_of(f) for f in before):
            levels = [measure_of(f) for f in before]
    if len(levels) != len(group):
        return
    for member, measure in zip(group, levels, strict=True):
        figure = figures[member]
        figure.label = tidy_label(measure + suffix)
        if suffix:
            figure.yoy = first.yoy
            if (first.value < 0) != (figure.value < 0):
                figure.value = -figure.value
