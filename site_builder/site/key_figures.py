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

from collections.abc import Sequence
from typing import Any

from site_builder.content.metrics import Metric
from site_builder.site.charts import Chart, value_scale
from site_builder.site.figure_downloads import CSV_FILE, JSON_FILE
from site_builder.site.figure_rows import (
    FigureRow,
    by_metric,
    definition,
    figure_rows,
    metric_name,
    metric_norm,
    metric_norms,
    page_count,
    period_text,
    qualifier_text,
)
from site_builder.site.generated import FIGURES, GeneratedPage, Site, region_name, report_title
from site_builder.site.metric_charts import chart_of, region_count
from site_builder.site.model import lang_url, relative_url
from site_builder.site.strings import text, words
from site_builder.site.templates import Templates
from site_builder.site.text import figure_value, unit_name

# The rows and URLs are site.figure_rows'; the MkDocs adapter takes them from here too.
__all__ = [
    "FigureRow",
    "by_metric",
    "figure_rows",
    "index_page",
    "metric_norm",
    "metric_norms",
    "metric_pages",
]


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
                "regions": region_count(found),
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
    regions = region_count(rows)
    pages = []
    for number in range(1, count + 1):
        norm = metric_norm(metric.id, number)
        part = slice((number - 1) * rows_per_page, number * rows_per_page)
        sections = []
        for key, found in (("levels", levels), ("changes", changes)):
            if not found:
                continue
            chart = chart_of(found, metric, site, key) if number == 1 else None
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
