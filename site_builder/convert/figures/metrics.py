"""Which indicator a key figure measures (``metric``) and the period the text gives it.

A figure measures a metric of the vocabulary (content/metrics.yml) when its label, without
the words reports put around a measure (全年, 预计, 累计, 全区…), is one of the metric's
Chinese names and its unit fits: the metric's unit for a level, percent for a change
(固定资产投资同比增长 -> fixed_asset_investment, yoy). A figure of a named company, park or
incubator (山东玻科孵化器…实现税收4242万元) is that body's, not the region's: no metric.

``estimate`` is set for a figure that 预计/预期/有望 says is expected.

``period`` is set when the sentence narrows the report's period before the figure:
2021年1至11月份 -> 2021-01/11, 上半年 -> 2022-01/06, 9月份 -> 2022-09, 前三季度 -> 2022-01/09.
"""

from __future__ import annotations

import re

from site_builder.content.metrics import Metric, Vocabulary
from site_builder.content.model import Article, KeyFigure
from site_builder.convert.characters import analysis_text
from site_builder.convert.figures.clauses import sentence_before
from site_builder.convert.figures.measures import (
    AVERAGE_SUFFIXES,
    CHANGE_SUFFIXES,
    TASK_SUFFIX,
    base_measure,
    without_measure_word,
)
from site_builder.convert.figures.subjects import BODY_RE
from site_builder.convert.figures.words import is_verb, tokens

# Words around a measure that do not change what is measured.
AROUND = re.compile(
    r"^(?:全年|今年|年度|当年|预计|累计|完成|实现|全区|全县|全市|全镇|全乡|全街道|全街|辖区|"
    r"本年|一年来|共|已)+"
)
INSIDE = re.compile(r"各类|各项|“|”")
# Bodies listed as examples before a region's figure: 美安电子公司、科比特航空公司等276万元.
EXAMPLES_RE = re.compile(r"[^,，;；:：]*等$")
COMPARED_RE = re.compile(r"(?:较|比)(?:上月|上季度|全市|全省|全区|全县|上半年|去年同期)")
SENTENCE_END = "。；;！？!?\n"
MONTH = r"(?:1[0-2]|[1-9]|十[一二]|[一二三四五六七八九十]|元)"
CN_MONTHS = {word: n for n, word in enumerate("元 二 三 四 五 六 七 八 九 十 十一 十二".split(), 1)}
CN_MONTHS["一"] = 1
SPAN_RE = re.compile(
    rf"(?:(?P<year>\d{{4}})年)?(?P<first>{MONTH})(?:月)?(?:至|-|—|－|~|到|—)(?P<last>{MONTH})月份?"
)
MONTH_RE = re.compile(rf"(?:(?P<year>\d{{4}})年)?(?P<month>{MONTH})月份?(?![0-9日号])")
NAMED_PERIODS = {
    "上半年": (1, 6),
    "下半年": (7, 12),
    "前三季度": (1, 9),
    "一季度": (1, 3),
    "第一季度": (1, 3),
    "二季度": (4, 6),
    "第二季度": (4, 6),
    "四季度": (10, 12),
    "第四季度": (10, 12),
}
NAMED_RE = re.compile(r"(?:(?P<year>\d{4})年)?(?P<name>" + "|".join(NAMED_PERIODS) + ")")
ESTIMATE_RE = re.compile(r"(?<![超好高低于合])(?:预计|预期|有望)(?!目标)")
WHOLE_YEAR_RE = re.compile(r"(?:全年|年度)(?!任务|目标|计划)|今年以来|一年来")


def describe_figures(article: Article, vocabulary: Vocabulary | None = None) -> None:
    """Set ``period`` (and, with a vocabulary, ``metric``) on the article's key figures."""
    year = report_year(article.meta.period, article.meta.date)
    cursors: dict[int, int] = {}
    for figure in article.key_figures:
        if figure.block < 0:
            continue
        text = article.blocks[figure.block].text
        start = text.find(figure.text, cursors.get(figure.block, 0))
        if start < 0:
            continue
        cursors[figure.block] = start + len(figure.text)
        # The words are read in Simplified, as labels are (實現財政收入 names 财政收入); the
        # analysis text keeps every offset.
        key = analysis_text(text)
        sentence = _sentence_before(key, start)
        figure.estimate = is_estimate(sentence)
        # 1至10月份,完成财政收入…;完成固定资产投资…: a period holds across ；, up to 。
        figure.period = narrowed_period(_sentence_before(key, start, "。！？!?\n"), year)
        if vocabulary is not None:
            metric = metric_of(figure, vocabulary, sentence)
            figure.metric = metric.id if metric else None
            if metric and _is_change(figure) and not figure.yoy:
                # A bare 增长8.2% of an indicator is against the year before, as in statistics
                figure.yoy = not COMPARED_RE.search(sentence[-12:])


def is_estimate(sentence: str) -> bool:
    """预计全年完成…, 预期增长…, 有望突破…: the figure after these words (in the same part of
    the sentence, up to ；) is expected, not a result; 超预期, 好于预期 are results."""
    return ESTIMATE_RE.search(sentence) is not None


def metric_of(figure: KeyFigure, vocabulary: Vocabulary, sentence: str = "") -> Metric | None:
    """The vocabulary's metric that the figure measures, or None."""
    if (
        figure.label.endswith((TASK_SUFFIX, "完成任务比例", *AVERAGE_SUFFIXES))
        or "占" in figure.label
    ):
        return None
    measure = (
        base_measure(figure.label)
        if _is_change(figure)
        else without_measure_word(figure.label, figure.unit)
    )
    names = [measure, _without_leading_verb(measure)]
    if _is_change(figure):  # 新增四上企业数同比增长: the level's measure word too
        names += [measure.removesuffix(word) for word in MEASURED_BY if measure.endswith(word)]
    metric = next((m for n in names if (m := vocabulary.by_name.get(metric_name(n)))), None)
    if metric is None or BODY_RE.search(EXAMPLES_RE.sub("", sentence)):
        return None
    if sentence and not _named_before(measure, sentence):
        return None  # 1871名志愿者支援抗击疫情: volunteers of one campaign, not the indicator
    if _is_change(figure):
        return metric if figure.unit == "percent" else None
    return metric if figure.unit in metric.units else None


MEASURED_BY = ("人数", "户数", "次数", "面积", "长度", "场次", "数")


def _without_leading_verb(label: str) -> str:
    """受理群众诉求 -> 群众诉求: a count's label may open with the verb that produced it."""
    words = tokens(label)
    return label[len(words[0].word) :] if len(words) > 1 and is_verb(words[0]) else label


def metric_name(label: str) -> str:
    """A label as the vocabulary names it: 全年预计完成工商税收 -> 工商税收."""
    name = INSIDE.sub("", label)
    return AROUND.sub("", name) or name


def narrowed_period(sentence: str, year: str | None) -> str | None:
    """The period a sentence gives before a figure, as 2021-01/11, 2021-09 or 2021-01/06.

    A span of months or a named period holds across ；, a single month (9月份) only in the
    part of the sentence after the last ；."""
    # Every period written has 月, 年 or 季 (一季度); most sentences before a figure have none,
    # and the patterns below have no literal start to skip ahead to.
    months = "月" in sentence
    if not months and "年" not in sentence and "季" not in sentence:
        return None
    part = max(sentence.rfind("；"), sentence.rfind(";")) + 1
    found: list[tuple[int, str]] = []
    spans: list[tuple[int, int]] = []
    for match in SPAN_RE.finditer(sentence) if months else ():
        spans.append(match.span())
        first, last = _month(match.group("first")), _month(match.group("last"))
        when = match.group("year") or year
        if when and first and last and first < last:
            found.append((match.start(), f"{when}-{first:02d}/{last:02d}"))
    for match in NAMED_RE.finditer(sentence):
        first, last = NAMED_PERIODS[match.group("name")]
        when = match.group("year") or year
        if when:
            found.append((match.start(), f"{when}-{first:02d}/{last:02d}"))
    for match in MONTH_RE.finditer(sentence) if months else ():
        if any(a <= match.start() < b for a, b in spans) or match.start() < part:
            continue
        month = _month(match.group("month"))
        when = match.group("year") or year
        if when and month:
            found.append((match.start(), f"{when}-{month:02d}"))
    for match in WHOLE_YEAR_RE.finditer(sentence):
        found.append((match.start(), ""))  # 上半年…, 全年接待游客150万人次: the whole year again
    latest = max(found) if found else None
    return latest[1] or None if latest else None


def report_year(period: str | None, date: str | None) -> str | None:
    """The year a report covers: its period's first year, else its date's."""
    for value in (period, date):
        match = re.match(r"\d{4}", str(value or ""))
        if match:
            return match.group()
    return None


def _month(word: str) -> int | None:
    if word in CN_MONTHS:
        return CN_MONTHS[word]
    return int(word) if word.isdigit() and 1 <= int(word) <= 12 else None


def _named_before(measure: str, sentence: str) -> bool:
    """Is the measure written before the figure (not only the thing counted after it)? Its
    words may be apart: 固定资产年度累计完成投资126亿 names 固定资产投资."""
    return metric_name(measure)[:2] in INSIDE.sub("", sentence)


def _is_change(figure: KeyFigure) -> bool:
    return figure.yoy or (figure.unit == "percent" and figure.label.endswith(CHANGE_SUFFIXES))


def _sentence_before(text: str, start: int, ends: str = SENTENCE_END) -> str:
    return sentence_before(text, start, ends)
