"""Key figures, dates and units written for readers of each language.

Plain functions; nothing here knows about MkDocs or HTML. The site's own words are in
site.strings.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Mapping
from typing import Any

from site_builder.content.glossary import GlossaryEntry
from site_builder.content.metrics import Vocabulary, is_change
from site_builder.english.figure_rules import NOUNS, english_figure
from site_builder.english.placeholders import is_placeholder
from site_builder.english.rules import english_date

# Unit column of the key-figures table. English: the plural nouns the English rules use,
# with symbols for measures; Chinese: the measure word as printed.
UNIT_NAMES = {
    "en": {unit: plural for unit, (_, plural) in NOUNS.items()}
    | {"percent": "%", "m2": "m²", "km2": "km²", "km": "km", "m": "m", "ha": "ha", "ton": "t"}
    | {"m3": "m³"},
    "zh": {
        "CNY": "元", "percent": "%", "mu": "亩", "m2": "平方米", "km2": "平方公里", "ha": "公顷",
        "km": "公里", "m": "米", "ton": "吨", "hour": "小时", "person": "人",
        "person_time": "人次", "household": "户", "enterprise": "家", "project": "个",
        "item": "项", "case": "件", "institution": "所", "session": "场", "dose": "剂次",
        "time": "次", "site": "处", "facility": "座", "building": "栋", "vehicle": "辆",
        "team": "支", "unit": "个", "class": "个", "copy": "份", "piece": "件", "count": "",
        "percentage_point": "个百分点", "USD": "美元", "head": "头", "m3": "立方米",
    },
}  # fmt: skip


def heading_slug(value: str, separator: str = "-") -> str:
    """Heading ids that keep their words in any script (Python-Markdown toc's ``slugify``):
    '聚焦项目建设 — 激发新动能' -> '聚焦项目建设-激发新动能', 'Focus — New Momentum' ->
    'focus-new-momentum'. Punctuation goes; runs of spaces and dashes become one separator."""
    value = unicodedata.normalize("NFC", value).lower()
    value = re.sub(r"[^\w\s-]", "", value)
    return re.sub(r"[\s_-]+", separator, value).strip(separator)


def unit_name(unit: str | None, lang: str) -> str:
    names = UNIT_NAMES.get(lang) or UNIT_NAMES["en"]
    return names.get(str(unit), str(unit or ""))


def figure_value(figure: Mapping[str, Any], lang: str) -> str:
    """A key figure's value as a reader of ``lang`` should see it.

    Chinese: the text as printed, with the direction of a year-on-year change
    (同比增长50.7%). Other languages: the translated text from the page, else the rule-based
    English (``english_figure``).
    """
    if lang == "zh":
        printed = str(figure.get("text") or "")
        value = figure.get("value")
        negative = isinstance(value, (int, float)) and value < 0
        if str(figure.get("label") or "").endswith(CHANGE_WORDS):
            return printed  # 固定资产投资同比增长 50.7%: the label says it already
        if figure.get("yoy"):
            return ("同比下降" if negative else "同比增长") + printed
        if negative and figure.get("unit") == "percent":
            return "下降" + printed
        return printed
    return str(figure.get("t_text") or english_figure(figure))


CHANGE_WORDS = ("同比增长", "同比下降", "增长", "下降")


def figure_label(
    figure: Mapping[str, Any],
    lang: str,
    glossary: Mapping[str, GlossaryEntry] | None = None,
    metrics: Vocabulary | None = None,
) -> tuple[str, bool]:
    """A key figure's label in ``lang`` and whether it had to stay in Chinese.

    The label an editor or translator wrote comes first; then, for a figure that measures a
    metric, the vocabulary's name (fixed-asset investment growth for a change); then the
    glossary; else the Chinese label."""
    label = str(figure.get("label") or "")
    if lang == "zh":
        return label, False
    written = figure.get("t_label")
    if written and not is_placeholder(str(written)):
        return str(written), False
    metric = metrics.get(figure.get("metric")) if metrics else None
    if metric is not None:
        value = figure.get("value")
        if is_change(figure, metric):
            declined = isinstance(value, int | float) and value < 0
            return f"{metric.en} {'decline' if declined else 'growth'}", False
        return metric.en, False
    entry = (glossary or {}).get(label)
    if entry:
        return entry.en, False
    return label, True


def headline_figures(figures: Iterable[Mapping[str, Any]], limit: int | None = None) -> list[Any]:
    """The figures marked ``headline``, in text order, at most ``limit``."""
    chosen = [f for f in figures if f.get("headline")]
    return chosen[:limit] if limit is not None else chosen


def date_text(date: str, lang: str) -> str:
    """'2021-12-31' as '31 December 2021' or '2021年12月31日'."""
    if lang == "zh":
        year, month, day = (int(part) for part in date.split("-"))
        return f"{year}年{month}月{day}日"
    return english_date(date) or date
