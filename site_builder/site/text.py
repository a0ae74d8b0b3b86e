"""Key figures, dates and units written for readers of each language.

Plain functions; nothing here knows about MkDocs or HTML. The site's own words are in
site.strings.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Mapping
from typing import Any

from site_builder.content.english_rules import english_date
from site_builder.content.figure_english import english_figure
from site_builder.content.glossary import GlossaryEntry
from site_builder.content.metrics import Vocabulary, is_change
from site_builder.content.placeholders import is_placeholder
from site_builder.content.units import UNITS

# Unit column of the key-figures table. English: the plural nouns the English rules use,
# with symbols for measures; Chinese: the measure word as printed.
UNIT_NAMES = {
    "en": {unit.code: unit.symbol or unit.many for unit in UNITS.values()},
    "zh": {unit.code: unit.zh for unit in UNITS.values()},
}


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
    English (``english_figure``). An estimate says so: 预计19.77亿元, 1.977 billion yuan
    (expected).
    """
    said = _figure_words(figure, lang)
    if figure.get("estimate") and not ESTIMATE_SAID[lang == "zh"].search(said):
        return f"预计{said}" if lang == "zh" else f"{said} (expected)"
    return said


# An estimate (预计/预期/有望) is said once: a text that says it already gets no mark.
ESTIMATE_SAID = (
    re.compile(r"\b(?:expected|estimated|forecast|projected|anticipated)\b", re.I),
    re.compile("预计|预期|有望|估计"),
)


def estimate_mark(lang: str) -> str:
    """The word that marks a forecast beside a value: 'expected' / '预计'."""
    return "预计" if lang == "zh" else "expected"


def _figure_words(figure: Mapping[str, Any], lang: str) -> str:
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
    written = figure.get("t_text")
    if written and not is_placeholder(str(written)):
        return str(written)
    return english_figure(figure)


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
    """'2021-12-31' as 'December 31, 2021' or '2021年12月31日'."""
    if lang == "zh":
        year, month, day = (int(part) for part in date.split("-"))
        return f"{year}年{month}月{day}日"
    return english_date(date) or date
