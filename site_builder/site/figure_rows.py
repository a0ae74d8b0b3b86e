"""Key figures across reports as rows: one per figure of each report, grouped by the metric
it measures, with the URLs of the metric pages and its period and qualifier in words.

Plain data and functions; the pages are built in site.key_figures, the downloads in
site.figure_downloads.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cached_property
from typing import Any

from site_builder.content.metrics import Metric, Vocabulary, is_change
from site_builder.content.periods import Period, parse_period
from site_builder.content.units import QUALIFIERS
from site_builder.site.generated import FIGURES
from site_builder.site.model import Report
from site_builder.site.places import Place, report_place
from site_builder.site.strings import text

EN_MONTHS = "Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec".split()


@dataclass
class FigureRow:
    """One key figure of one report, as the site compares and downloads it."""

    report: Report
    figure: dict[str, Any]
    english: dict[str, Any]  # the figure with its English label and text (t_label, t_text)
    metric: Metric | None
    period: str  # the figure's own period, else the report's
    change: bool  # a year-on-year change of the metric, not its level

    @cached_property
    def span(self) -> Period | None:
        """The period as first and last month; None when neither figure nor report says."""
        return parse_period(self.period)

    @property
    def year(self) -> int | None:
        """The year the period ends in."""
        return self.span.end[0] if self.span else None

    @property
    def estimate(self) -> bool:
        """A forecast (预计): shown as "expected" wherever the value appears."""
        return bool(self.figure.get("estimate"))

    @cached_property
    def place(self) -> Place | None:
        return report_place(self.report.meta)

    @property
    def level(self) -> str | None:
        return self.place.level if self.place else None

    @property
    def latest_key(self) -> tuple[Any, ...]:
        """Sorts the value of the latest period last (then the newest report)."""
        span = self.span
        return (span is not None, span.end if span else (0, 0), self.report.sort_key)


def figure_rows(reports: Sequence[Report], vocabulary: Vocabulary) -> list[FigureRow]:
    """Every key figure of every report (reports newest first, figures in text order)."""
    rows = []
    for report in reports:
        report_period = str(report.meta.get("period") or "")
        english = report.figures("en")
        for figure, translated in zip(report.figures("zh"), english, strict=True):
            metric = vocabulary.get(figure.get("metric"))
            rows.append(
                FigureRow(
                    report=report,
                    figure=figure,
                    english=translated,
                    metric=metric,
                    period=str(figure.get("period") or report_period),
                    change=bool(metric) and is_change(figure, metric),  # type: ignore[arg-type]
                )
            )
    return rows


def by_metric(rows: Sequence[FigureRow]) -> dict[str, list[FigureRow]]:
    """Rows that measure a metric, by metric id, in the vocabulary's order."""
    found: dict[str, list[FigureRow]] = {}
    for row in rows:
        if row.metric is not None and isinstance(row.figure.get("value"), int | float):
            found.setdefault(row.metric.id, []).append(row)
    return found


def metric_norm(metric_id: str, page: int = 1) -> str:
    return f"{FIGURES}{metric_id}/" + (f"{page}/" if page > 1 else "")


def page_count(rows: Sequence[FigureRow], rows_per_page: int) -> int:
    levels = sum(not row.change for row in rows)
    return max(1, math.ceil(max(levels, len(rows) - levels) / rows_per_page))


def metric_norms(figures: Sequence[FigureRow], rows_per_page: int) -> list[str]:
    """The URLs of every metric page the figures call for (before any page is built)."""
    norms = []
    for metric_id, rows in by_metric(figures).items():
        norms += [metric_norm(metric_id, n) for n in range(1, page_count(rows, rows_per_page) + 1)]
    return norms


def period_text(period: str | Period | None, lang: str) -> str:
    """'2021-01/11' -> 'Jan–Nov 2021' / '2021年1—11月'; '2021' -> '2021' / '2021年';
    '2024-06' -> 'Jun 2024' / '2024年6月'; nothing readable -> 'period not stated'."""
    span = period if isinstance(period, Period) else parse_period(period)
    if span is None:
        return text(lang, "period.not_stated")
    (first_year, first), (last_year, last) = span.start, span.end
    if span.full_years:
        if lang == "zh":
            years = f"{first_year}—{last_year}" if last_year != first_year else f"{first_year}"
            return f"{years}年"
        return f"{first_year}–{last_year}" if last_year != first_year else f"{first_year}"
    if first_year != last_year:
        if lang == "zh":
            return f"{first_year}年{first}月—{last_year}年{last}月"
        return f"{EN_MONTHS[first - 1]} {first_year}–{EN_MONTHS[last - 1]} {last_year}"
    if lang == "zh":
        return f"{first_year}年{first}—{last}月" if last != first else f"{first_year}年{first}月"
    months = EN_MONTHS[first - 1] + (f"–{EN_MONTHS[last - 1]}" if last != first else "")
    return f"{months} {first_year}"


def span_text(span: Period, lang: str) -> str:
    """The months a period covers without its year, for a chart panel: 'full year', 'Jan–Sep'
    / '全年', '1—9月' (several years: '2 full years' / '2年合计')."""
    first, last, years = span.span
    if years > 1:
        return text(lang, "period.years", years=years)
    if span.full_years:
        return text(lang, "period.full_year")
    if lang == "zh":
        return f"{first}—{last}月" if last != first else f"{first}月"
    return EN_MONTHS[first - 1] + (f"–{EN_MONTHS[last - 1]}" if last != first else "")


def qualifier_text(qualifier: object, lang: str) -> str:
    found = QUALIFIERS.get(str(qualifier)) if qualifier else None
    if found is None:
        return ""
    return found.zh if lang == "zh" else found.en


def metric_name(metric: Metric, lang: str) -> str:
    """The metric's name as a heading: 固定资产投资, Fixed-asset investment."""
    return metric.zh if lang == "zh" else metric.en[:1].upper() + metric.en[1:]


def definition(metric: Metric, lang: str) -> tuple[str, str | None]:
    """The definition in ``lang`` when the vocabulary has it, and its language otherwise."""
    if lang == "zh" and metric.definition_zh:
        return metric.definition_zh, None
    return metric.definition, None if lang == "en" else "en"
