"""Key figures across reports: the index of metrics and a page per metric with its chart and
tables.

- ``key-figures/``: the metrics seen in the reports, with how many reports and regions give
  each and the newest value; links to the downloads. It does not list figures, so it stays
  small at any number of reports.
- ``key-figures/<metric-id>/``: the metric's definition, a chart (site.charts) and a table of
  its values, then one of its year-on-year changes. Tables hold ``rows_per_page`` rows; more
  go to ``key-figures/<metric-id>/2/``, … (the chart, on the first page, summarises them all).
The CSV and JSON downloads linked from these pages are made in site.figure_downloads.

Plain functions over the reports; markup is in the theme's digest/*.html templates.
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from site_builder.content.metrics import Metric, Vocabulary, is_change
from site_builder.english.rules import QUALIFIERS as EN_QUALIFIERS
from site_builder.site.charts import Chart, Point, metric_chart, value_scale
from site_builder.site.figure_downloads import CSV_FILE, JSON_FILE
from site_builder.site.generated import FIGURES, GeneratedPage, Site, region_name, report_title
from site_builder.site.model import Report, lang_url, relative_url
from site_builder.site.strings import text, words
from site_builder.site.templates import Templates
from site_builder.site.text import figure_value, unit_name

ZH_QUALIFIERS = {"more_than": "以上", "nearly": "近", "about": "约", "up_to": "至多"}
EN_MONTHS = "Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec".split()
PERIOD_RE = re.compile(r"^(\d{4})-(\d{2})(?:/(\d{2}))?$")


@dataclass
class FigureRow:
    """One key figure of one report, as the site compares and downloads it."""

    report: Report
    figure: dict[str, Any]
    english: dict[str, Any]  # the figure with its English label and text (t_label, t_text)
    metric: Metric | None
    period: str  # the figure's own period, else the report's
    change: bool  # a year-on-year change of the metric, not its level

    @property
    def year(self) -> int | None:
        match = re.match(r"\d{4}", self.period)
        return int(match.group()) if match else None


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


# -- periods and values in the reader's language ------------------------------------------------


def period_text(period: str, lang: str) -> str:
    """'2021-01/11' -> 'Jan–Nov 2021' / '2021年1—11月'; '2021' -> '2021' / '2021年'."""
    match = PERIOD_RE.match(period)
    if match:
        year, first, last = match.group(1), int(match.group(2)), match.group(3)
        if lang == "zh":
            return f"{year}年{first}—{int(last)}月" if last else f"{year}年{first}月"
        months = EN_MONTHS[first - 1] + (f"–{EN_MONTHS[int(last) - 1]}" if last else "")
        return f"{months} {year}"
    if lang == "zh" and re.fullmatch(r"\d{4}", period):
        return f"{period}年"
    return period


def qualifier_text(qualifier: object, lang: str) -> str:
    names = ZH_QUALIFIERS if lang == "zh" else EN_QUALIFIERS
    return names.get(str(qualifier), "") if qualifier else ""


def metric_name(metric: Metric, lang: str) -> str:
    """The metric's name as a heading: 固定资产投资, Fixed-asset investment."""
    return metric.zh if lang == "zh" else metric.en[:1].upper() + metric.en[1:]


def definition(metric: Metric, lang: str) -> tuple[str, str | None]:
    """The definition in ``lang`` when the vocabulary has it, and its language otherwise."""
    if lang == "zh" and metric.definition_zh:
        return metric.definition_zh, None
    return metric.definition, None if lang == "en" else "en"


# -- downloads ----------------------------------------------------------------------------------


# -- pages --------------------------------------------------------------------------------------


def index_page(site: Site, rows: Sequence[FigureRow], templates: Templates) -> GeneratedPage:
    """key-figures/: every metric seen in a report, with counts and the newest value."""
    lang = site.lang
    metrics = []
    for metric_id, found in sorted(
        by_metric(rows).items(), key=lambda item: (-_report_count(item[1]), item[0])
    ):
        metric = found[0].metric
        assert metric is not None
        levels = [row for row in found if not row.change] or found
        newest = levels[0]
        metrics.append(
            {
                "name": metric_name(metric, lang),
                "other": metric.en if lang == "zh" else metric.zh,
                "href": site.href(metric_norm(metric_id), FIGURES),
                "unit": _unit_label(metric, lang),
                "reports": _report_count(found),
                "regions": _region_count(found),
                "newest": _newest_value(newest, lang),
                "newest_where": f"{region_name(newest.report, site) or ''} · {period_text(newest.period, lang)}",
                "sort_newest": newest.figure.get("value"),
            }
        )
    unmatched = [row for row in rows if row.metric is None]
    body = templates.render(
        "digest/key-figures.html",
        lang=lang,
        t=words(lang),
        metrics=metrics,
        csv_href=_download_href(CSV_FILE, site),
        json_href=_download_href(JSON_FILE, site),
        figures=len(rows),
        unmatched=len(unmatched),
        reports=len(site.reports),
    )
    meta = {"title": text(lang, "figures.title"), "hide": ["toc"], "search": {"exclude": True}}
    return GeneratedPage(FIGURES, meta, [body])


def metric_pages(
    site: Site, metric: Metric, rows: Sequence[FigureRow], templates: Templates, rows_per_page: int
) -> list[GeneratedPage]:
    """key-figures/<id>/ (and /2/, /3/, … for long tables) in the site's language."""
    lang = site.lang
    levels = [row for row in rows if not row.change]
    changes = [row for row in rows if row.change]
    count = page_count(rows, rows_per_page)
    name = metric_name(metric, lang)
    regions = _region_count(rows)
    pages = []
    for number in range(1, count + 1):
        norm = metric_norm(metric.id, number)
        part = slice((number - 1) * rows_per_page, number * rows_per_page)
        sections = []
        for key, found in (("levels", levels), ("changes", changes)):
            if not found:
                continue
            chart = _chart(found, metric, site, key) if number == 1 else None
            sections.append(_section(key, found[part], found, metric, site, norm, chart))
        definition_text, definition_lang = definition(metric, lang)
        body = templates.render(
            "digest/metric.html",
            lang=lang,
            t=words(lang),
            metric=metric,
            name=name,
            other_name=metric.en if lang == "zh" else metric.zh,
            other_lang="en" if lang == "zh" else "zh",
            definition=definition_text,
            definition_lang=definition_lang,
            facts=text(lang, "metric.facts", reports=_report_count(rows), regions=regions),
            unit=_unit_label(metric, lang),
            sections=sections,
            index_href=site.href(FIGURES, norm),
            csv_href=_download_href(CSV_FILE, site, norm),
            pages=[
                {
                    "number": n,
                    "href": site.href(metric_norm(metric.id, n), norm),
                    "current": n == number,
                }
                for n in range(1, count + 1)
            ],
        )
        title = name if number == 1 else text(lang, "metric.page", name=name, page=number)
        meta = {"title": title, "hide": ["toc"], "search": {"exclude": True}}
        pages.append(GeneratedPage(norm, meta, [body]))
    return pages


def _section(
    key: str,
    shown: Sequence[FigureRow],
    every: Sequence[FigureRow],
    metric: Metric,
    site: Site,
    norm: str,
    chart: Chart | None,
) -> dict[str, Any]:
    lang = site.lang
    unit = "percent" if key == "changes" else metric.unit
    scale = value_scale([float(r.figure["value"]) for r in every], unit, lang)
    rows = []
    for row in shown:
        title, title_lang = report_title(row.report, lang)
        href, href_lang = site.report_href(row.report, norm)
        rows.append(
            {
                "title": title,
                "title_lang": title_lang,
                "href": href,
                "hreflang": href_lang,
                "region": region_name(row.report, site) or "",
                "period": period_text(row.period, lang),
                "sort_period": row.period,
                "value": scale.number(float(row.figure["value"])),
                "sort_value": row.figure["value"],
                "qualifier": qualifier_text(row.figure.get("qualifier"), lang),
                "printed": _cell_value(row, lang),
            }
        )
    return {
        "id": key,
        "title": text(lang, f"metric.{key}"),
        "unit": scale.unit,
        "rows": rows,
        "total": len(every),
        "chart": chart,
        "chart_id": f"chart-{key}",
    }


def _chart(rows: Sequence[FigureRow], metric: Metric, site: Site, key: str) -> Chart | None:
    lang = site.lang
    same = same_regions([_region_key(row) for row in rows])
    points = [
        Point(
            _region_shown(same[_region_key(row)], site),
            period_text(row.period, lang),
            row.year,
            float(row.figure["value"]),
            _region_short(same[_region_key(row)], site),
        )
        for row in rows
        if row.year
    ]
    unit = "percent" if key == "changes" else metric.unit
    title = text(lang, f"chart.title.{key}", name=metric_name(metric, lang))
    return metric_chart(points, unit, lang, title, words(lang))


def same_regions(names: Sequence[str]) -> dict[str, str]:
    """Each region's name as the chart shows it: 双山街道 and 章丘区双山街道 are one place (a
    name that ends a longer one is that place without its parent), named by the longer."""
    longest_first = sorted(set(names), key=len, reverse=True)
    return {n: next(m for m in longest_first if m.endswith(n)) for n in longest_first}


def _region_short(region: str, site: Site) -> str:
    """The region's own unit without its parents: 钢山街道; in English its proper name,
    Gangshan (the legend under the chart has the full names)."""
    last = re.split(r"(?<=[省市县区])(?!$)", region)[-1] if region else ""
    if site.lang == "zh" or not last:
        return last
    english = site.english_name("region", last)
    return re.sub(r"\s+(Subdistrict|Town|Township|Village|District|County|City)$", "", english)


def _region_shown(region: str, site: Site) -> str:
    if not region:
        return text(site.lang, "archive.unknown_region")
    return region if site.lang == "zh" else site.english_name("region", region)


def _region_key(row: FigureRow) -> str:
    return str(row.report.meta.get("region") or "")


def _region_count(rows: Sequence[FigureRow]) -> int:
    return len(set(same_regions([_region_key(row) for row in rows]).values()))


def _report_count(rows: Sequence[FigureRow]) -> int:
    return len({row.report.slug for row in rows})


def _newest_value(row: FigureRow, lang: str) -> str:
    """A metric's newest value for the index; a year-on-year change says that it is one
    (违法犯罪率 同比下降12%, not 12%), since the index has no column that would."""
    value = _cell_value(row, lang)
    if not row.change or lang != "zh":
        return value  # the English texts say "down 12% year on year" themselves
    number = row.figure.get("value")
    falling = isinstance(number, (int, float)) and number < 0
    return ("同比下降" if falling else "同比增长") + value


def _cell_value(row: FigureRow, lang: str) -> str:
    return figure_value(row.figure if lang == "zh" else row.english, lang)


def _unit_label(metric: Metric, lang: str) -> str:
    return unit_name(metric.unit, lang) or ("" if lang == "zh" else metric.unit)


def _download_href(name: str, site: Site, from_norm: str = FIGURES) -> str:
    # The downloads live once, at the site's root, for every language.
    return relative_url(name, lang_url(from_norm, site.language))
