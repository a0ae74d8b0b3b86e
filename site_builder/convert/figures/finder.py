"""Find the key figures in an article: every quantity with its label, value, unit, qualifier.

4.7亿元 -> 470000000 CNY; 近3000亩 -> 3000 mu, nearly; 同比下降12% -> -12 percent, yoy.
Dates (2021年, 1至11月份), ordinals (第五届), names (十四五, 500强, 5G) and slogans in quotes
(“1234”) are not figures.
"""

from __future__ import annotations

import re

from site_builder.content.model import Article, KeyFigure
from site_builder.convert.figures.borrowed import borrow_labels
from site_builder.convert.figures.clauses import clause_before
from site_builder.convert.figures.labels import label_of
from site_builder.convert.figures.lists import relabel_respectively
from site_builder.convert.figures.numbers import (
    CN_NUMERAL_CHARS,
    parse_number,
    parse_quantity,
    tidy,
)
from site_builder.convert.figures.wording import is_wording

# Digits, or a Chinese numeral with its 万/亿 sections inside (一万八千, 一亿二千).
NUM = (
    rf"\d+万\d千(?:\d百)?"  # 860万5千 (Taiwan papers): 8605000
    rf"|\d+万\d{{1,4}}(?![\d.])"  # 3万1408 (Taiwan papers): 31408
    rf"|\d+(?:,\d{{3}})*(?:\.\d+)?"
    rf"|[{CN_NUMERAL_CHARS}]+(?:[万亿][{CN_NUMERAL_CHARS}]+)*(?:点[{CN_NUMERAL_CHARS}]+)?"
)
# Measure words and units, longest first; the value is the unit code.
UNITS = {
    "平方公里": "km2", "平方米": "m2", "平方公尺": "m2", "立方米": "m3", "公里": "km",
    "千米": "km", "公顷": "ha", "公尺": "m", "米": "m", "个百分点": "percentage_point",
    "百分点": "percentage_point", "美元": "USD", "头": "head",
    "亩": "mu", "吨": "ton", "小时": "hour", "人次": "person_time", "剂次": "dose",
    "场次": "session", "元": "CNY", "人": "person", "名": "person", "位": "person",
    "户": "household", "家": "enterprise", "个": "item", "项": "item", "件": "case",
    "所": "institution", "场": "session", "次": "time", "套": "unit", "座": "facility",
    "条": "item", "处": "site", "栋": "building", "辆": "vehicle", "支": "team",
    "块": "piece", "份": "copy", "台": "unit", "张": "piece", "宗": "case", "起": "case",
}  # fmt: skip
UNIT_ALT = "|".join(sorted(UNITS, key=len, reverse=True))
FIGURE_RE = re.compile(
    # The lookahead lets the scan skip ahead to a character a figure can start with.
    rf"(?=[近约超逾\d{CN_NUMERAL_CHARS}])"
    rf"(?P<pre>近|约|超过|超|逾)?"
    rf"(?P<num>{NUM})(?:(?P<sep>至|-|—|~|到)(?P<num2>{NUM}))?"
    rf"(?P<mult>万亿|亿|万|个亿(?![元以级]))?(?P<more>余|多)?(?P<mult2>万亿|亿|万)?"  # 4.9个亿: 4.9亿
    rf"(?:(?P<pct>%)|(?P<unit>{UNIT_ALT}))?"
    rf"(?P<post>以上|左右|多)?"
)
PERCENT_WORDS_RE = re.compile(rf"百分之(?P<num>{NUM})")
# 三成 = 30%; not 一成不变 or 建成 (no numeral before 成).
TENTHS_RE = re.compile(
    r"(?P<num>[一二两三四五六七八九]|[1-9](?:\.\d)?)成(?![为立功果绩效长员本型不])"
)
FRACTION_RE = re.compile(r"(?<![\d/])(?P<a>\d+)/(?P<b>\d+)(?![\d/])")
# What right after a number makes it a date, an ordinal or a name.
# One character decides it, so only that character is matched (not a copy of the rest).
NOT_AFTER = re.compile(r"^(?:年|月|日|号|周|届|版|期|批|级|楼|层)")
# After a number without a unit only: 十大行动, 500强, 5G (22座大棚 is a count of greenhouses).
NOT_AFTER_BARE = re.compile(r"^(?:大|强|中|类|G|K|[A-Za-z])")
# A count of periods is a duration, not a quantity: 连续3个季度, 6个月.
DURATION_AFTER = ("季度", "月", "年度", "星期", "工作日")
# 5个试点之一: one of them, not a count of the region's own.
ONE_OF_RE = re.compile(r"[^,，。；;！？!?]{0,12}之一")
# 家 of residents counts households, not enterprises (走访居民680家).
RESIDENTS = ("居民", "农户", "群众", "住户", "家庭", "村民", "贫困户", "低保户", "困难户")
# 同比增长, 比去年同期减少, 同比增幅(为), 降幅达: the change a percentage measures
CHANGE_RE = re.compile(  # (年均增长: an average annual change, not year on year)
    r"(同比|[比较](?:上年|去年)(?:同期)?|年均|年平均)?"
    r"(增长|提高|增加|上升|下降|减少|降低|(?:增幅|增速|降幅)(?:为|达到?)?)了?$"
)
DECLINE = ("下降", "减少", "降低", "降幅")
# 签约, 节约, 合约: 约 that is part of a word, not "about".
NOT_ABOUT_BEFORE = set("签节合预制契条邀特相履违公大")
MONEY_WORDS = (
    "投资", "收入", "税", "资金", "产值", "金额", "交易额", "签约", "营收", "销售", "基金", "经费",
    "补助", "奖金", "拨款", "预算", "争取", "奖励",
)  # fmt: skip
QUALIFIERS = {"近": "nearly", "约": "about", "超": "more_than", "超过": "more_than",
              "逾": "more_than", "余": "more_than", "多": "more_than", "以上": "more_than",
              "左右": "about"}  # fmt: skip
MAX_HEADLINES = 8
MIN_HEADLINES = 5


def find_key_figures(article: Article) -> list[KeyFigure]:
    """All figures in body text order, with 5-8 marked as headline figures."""
    figures: list[KeyFigure] = []
    for index, block in enumerate(article.blocks):
        if block.kind in ("paragraph", "caption"):
            found = figures_in_text(block.text, region=article.meta.region or "")
            for figure in found:
                figure.block = index
            figures.extend(found)
    mark_headlines(figures, lede=_lede_index(article))
    return figures


def _lede_index(article: Article) -> int:
    for index, block in enumerate(article.blocks):
        if block.kind == "paragraph":
            return index
        if block.kind == "heading":
            return -1
    return -1


def figures_in_text(text: str, region: str = "") -> list[KeyFigure]:
    """The figures in one block's text, in text order."""
    special = [
        (match, kind)
        for kind, pattern, mark in (
            ("words", PERCENT_WORDS_RE, "百分之"),
            ("tenths", TENTHS_RE, "成"),
            ("fraction", FRACTION_RE, "/"),
        )
        if mark in text  # a plain substring test is much quicker than a scan that finds nothing
        for match in pattern.finditer(text)
    ]
    spans = [match.span() for match, _ in special]
    general = [
        (match, "figure")
        for match in FIGURE_RE.finditer(text)
        if not any(s <= match.start() < e for s, e in spans)
    ]
    figures: list[KeyFigure] = []
    found: list[tuple[int, int]] = []  # where each figure is, for relabel_respectively
    floor = 0  # a figure's label never reaches back past the figure before it
    for match, kind in sorted(special + general, key=lambda item: item[0].start()):
        if kind == "figure":
            figure = _figure_from_match(text, match, figures, region, floor)
        else:
            figure = _percent_figure(text, match, kind, figures, region, floor)
        if figure:
            figures.append(figure)
            found.append((match.start(), match.end()))
            floor = match.end()
    relabel_respectively(text, figures, found)
    borrow_labels(text, figures, found)
    return figures


def _percent_figure(
    text: str, match: re.Match[str], kind: str, earlier: list[KeyFigure], region: str, floor: int
) -> KeyFigure | None:
    """百分之十二点五, 三成 (three tenths) and 1/4, as percentages."""
    if kind == "fraction":
        a, b = int(match.group("a")), int(match.group("b"))
        if not 0 < a < b or NOT_AFTER.match(text[match.end() : match.end() + 1]):
            return None
        value: float | None = a / b * 100
    else:
        value = parse_number(match.group("num"))
        if value is not None and kind == "tenths":
            value *= 10
    if value is None:
        return None
    return _make(text, match.start(), match.end(), value, "percent", None, earlier, region, floor)


def _figure_from_match(
    text: str, match: re.Match[str], earlier: list[KeyFigure], region: str, floor: int
) -> KeyFigure | None:
    start, end = match.start("num"), match.end()
    pre = match.group("pre")
    if pre == "约" and text[match.start() - 1 : match.start()] in NOT_ABOUT_BEFORE:
        pre = None
    multiplier = match.group("mult") or match.group("mult2")
    if match.group("num") == "一" and not multiplier:
        return None  # 一个窗口, 一次: wording, not a figure (一万余人 is one)
    bare = not (match.group("pct") or match.group("unit"))
    if (
        text[start - 1 : start] == "第"
        or NOT_AFTER.match(text[end : end + 1])
        or (bare and NOT_AFTER_BARE.match(text[end : end + 1]))
        or _in_slogan(text, start)
        or ONE_OF_RE.match(text, end)
    ):
        return None
    if match.group("unit") == "个" and text.startswith(DURATION_AFTER, end):
        return None
    value = parse_quantity(match.group("num"), multiplier)
    if value is None:
        return None
    unit = "percent" if match.group("pct") else UNITS.get(match.group("unit") or "")
    if unit is None:
        if not (multiplier or "万" in match.group("num") or "亿" in match.group("num")):
            return None  # a bare number is an id or a name (12345热线), not a quantity
        unit = (
            "CNY"
            if any(w in clause_before(text, start, item=True) for w in MONEY_WORDS)
            else "count"
        )
    if unit is None or (match.group("num")[0] in CN_NUMERAL_CHARS and unit == "percent"):
        return None
    value_max = None
    if match.group("num2"):
        upper = parse_quantity(match.group("num2"), multiplier)
        if upper is None:
            return None
        value_max = tidy(upper)
    figure_start = match.start("pre") if pre else start
    if unit == "percent" and not pre and text[start - 1 : start] in "-－−" and start > 1:
        figure_start, value = start - 1, -value  # 增长-88.65%: a decline printed with a sign
    if unit == "enterprise" and clause_before(text, figure_start, item=True).endswith(RESIDENTS):
        unit = "household"
    if is_wording(text, figure_start, end, unit, region):
        return None
    figure = _make(text, figure_start, end, value, unit, value_max, earlier, region, floor)
    qualifier = pre or match.group("more") or match.group("post")
    figure.qualifier = QUALIFIERS.get(qualifier or "")
    return figure


def _make(
    text: str,
    start: int,
    end: int,
    value: float,
    unit: str,
    value_max: float | int | None,
    earlier: list[KeyFigure],
    region: str = "",
    floor: int = 0,
) -> KeyFigure:
    # 同比下降 7%: a space between the change and its number does not lose the change
    before = clause_before(text, start, floor, item=True).rstrip()
    yoy = False
    change = CHANGE_RE.search(before)
    if change and unit == "percent":
        yoy = change.group(1) is not None and not change.group(1).startswith("年")
        if change.group(2).startswith(DECLINE):
            value = -value
    # 比去年同期增加563户: a count's change is one only against a named period
    compared = change and (unit == "percent" or change.group(1))
    changed = change.group(0) if change and compared else None
    label = label_of(text, start, end, unit, earlier, region, floor, changed)
    if unit in ("item", "case") and "项目" in label + text[end : end + 6]:
        unit = "project"
    return KeyFigure(text=text[start:end], label=label, value=tidy(value), unit=unit,
                     value_max=value_max, yoy=yoy)  # fmt: skip


def _in_slogan(text: str, start: int) -> bool:
    """Inside a short quoted slogan such as “1234” or “一张网” (quotes at most 7 apart, so
    only the few characters around ``start`` are looked at)."""
    opening = text.rfind("“", max(0, start - 7), start)
    if opening == -1:
        return False
    closing = text.find("”", start, opening + 8)
    return closing != -1 and text.find("”", opening, start) == -1


def mark_headlines(figures: list[KeyFigure], lede: int) -> None:
    """The lede's figures first, then the largest money and year-on-year figures.

    Size classes (5000万元以上…项目) and figures in Chinese numerals (六个双山) are wording
    more than results, so they are not headline figures.
    """
    eligible = [
        f
        for f in figures
        if f.text[-1:] != "上" or f.unit == "percent"
        if not any(ch in CN_NUMERAL_CHARS for ch in f.text[:1])
    ]
    chosen = [f for f in eligible if f.block == lede and lede >= 0]
    rest = [f for f in eligible if f not in chosen]
    money = sorted((f for f in rest if f.unit == "CNY"), key=lambda f: -f.value)
    growth = [f for f in rest if f.yoy]
    for extra in money + growth:
        if len(chosen) >= MIN_HEADLINES + 1:
            break
        chosen.append(extra)
    for figure in chosen[:MAX_HEADLINES]:
        figure.headline = True
