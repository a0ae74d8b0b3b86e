"""Key figures across reports: the index of metrics and a page per metric with its chart and
tables.

- ``key-figures/``: the metrics seen in the reports, with how many reports and regions give
  each and the latest value (of the latest period end); links to the downloads (the key
  figures and the reports they come from) and their data dictionary, a table of columns for
  each. It does not list figures, so it stays small at any number of reports.
- ``key-figures/<metric-id>/``: the metric's definition, charts that compare like with like
  (site.metric_charts: a panel per period span and administrative level) and a table of its
  values, each with its place, level, period and estimate mark and the panel it is in (or why
  it is in none); then the same for its year-on-year changes. Tables hold ``rows_per_page``
  rows; more go to ``key-figures/<metric-id>/2/``, … (the charts, on the first page, summarise
  them all).
The CSV and JSON downloads linked from these pages are made in site.figure_downloads.

Plain functions over the reports; markup is in the theme's digest/*.html templates.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from site_builder.content.metrics import Metric
from site_builder.site.charts import value_scale
from site_builder.site.figure_downloads import (
    CSV_FILE,
    FIGURE_COLUMNS,
    JSON_FILE,
    REPORT_COLUMNS,
    REPORTS_FILE,
)
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
from site_builder.site.generated import FIGURES, GeneratedPage, Site, report_title
from site_builder.site.metric_charts import Charted, panels_of, region_count
from site_builder.site.model import lang_url, relative_url
from site_builder.site.places import place_name
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
    """key-figures/: every metric seen in a report, with counts and the newest value; then
    the vocabulary's other metrics, which no report gives yet."""
    lang = site.lang
    metrics = []
    for metric_id, found in sorted(
        by_metric(rows).items(), key=lambda item: (-_report_count(item[1]), item[0])
    ):
        metric = found[0].metric
        assert metric is not None
        levels = [row for row in found if not row.change] or found
        newest = max(levels, key=lambda row: row.latest_key)  # the latest period's value
        metrics.append(
            {
                "name": metric_name(metric, lang),
                "other": metric.en if lang == "zh" else metric.zh,
                "href": site.href(metric_norm(metric_id), FIGURES),
                "unit": _unit_label(metric, lang),
                "reports": _report_count(found),
                "regions": region_count(found),
                "newest": _newest_value(newest, lang),
                "newest_where": f"{place_name(newest.report, site)} · {period_text(newest.period, lang)}",
                "sort_newest": newest.figure.get("value"),
            }
        )
    unmatched = [row for row in rows if row.metric is None]
    # The vocabulary's indicators that no report gives yet: named, so that a reader (and a
    # search for GDP) learns the digest tracks them and has no value yet.
    given = by_metric(rows)
    waiting = [
        {"name": metric_name(metric, lang), "other": metric.en if lang == "zh" else metric.zh}
        for metric in site.metrics
        if metric.id not in given
    ]
    body = templates.render(
        "digest/key-figures.html",
        lang=lang,
        t=words(lang),
        metrics=metrics,
        waiting=waiting,
        csv_href=_download_href(CSV_FILE, site),
        reports_href=_download_href(REPORTS_FILE, site),
        json_href=_download_href(JSON_FILE, site),
        figures=len(rows),
        unmatched=len(unmatched),
        reports=len(site.reports),
        tables=_dictionary(lang),
    )
    meta = {"title": text(lang, "figures.title"), "hide": ["toc"], "search": {"exclude": True}}
    return GeneratedPage(FIGURES, meta, [body])


def metric_pages(
    site: Site, metric: Metric, rows: Sequence[FigureRow], templates: Templates, rows_per_page: int
) -> list[GeneratedPage]:
    """key-figures/<id>/ (and /2/, /3/, … for long tables) in the site's language."""
    lang = site.lang
    # The latest period first: the first page shows the values a reader most wants.
    ordered = sorted(rows, key=lambda row: row.latest_key, reverse=True)
    levels = [row for row in ordered if not row.change]
    changes = [row for row in ordered if row.change]
    count = page_count(rows, rows_per_page)
    name = metric_name(metric, lang)
    regions = region_count(rows)
    charts = {
        key: panels_of(found, metric, site, key)
        for key, found in (("levels", levels), ("changes", changes))
        if found
    }
    pages = []
    for number in range(1, count + 1):
        norm = metric_norm(metric.id, number)
        part = slice((number - 1) * rows_per_page, number * rows_per_page)
        sections = []
        for key, found in (("levels", levels), ("changes", changes)):
            if found:
                charted = charts[key]
                sections.append(_section(key, found[part], found, site, norm, charted, number == 1))
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
            reports_href=_download_href(REPORTS_FILE, site, norm),
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
    site: Site,
    norm: str,
    charted: Charted,
    first_page: bool,
) -> dict[str, Any]:
    """A section's charts (on the first page), what they leave out, and its table rows."""
    lang = site.lang
    rows = [_table_row(row, key, site, norm, charted) for row in shown]
    left_out = [
        {"place": place_name(row.report, site), "period": period_text(row.period, lang),
         "estimate": row.estimate, "reason": reason}
        for row, reason in charted.left_out
    ]  # fmt: skip
    return {
        "id": key,
        "title": text(lang, f"metric.{key}"),
        "rows": rows,
        "total": len(every),
        "panels": charted.panels if first_page else [],
        "left_out": left_out[:LEFT_OUT_LISTED] if first_page else [],
        "left_more": max(0, len(left_out) - LEFT_OUT_LISTED) if first_page else 0,
        "chart_id": f"chart-{key}",
    }


LEFT_OUT_LISTED = 20  # values left out of the charts named under them; the table has all


def _table_row(row: FigureRow, key: str, site: Site, norm: str, charted: Charted) -> dict[str, Any]:
    lang = site.lang
    title, title_lang = report_title(row.report, lang)
    href, href_lang = site.report_href(row.report, norm)
    value = float(row.figure["value"])
    unit = "percent" if key == "changes" else str(row.figure.get("unit") or "")
    scale = value_scale([value], unit, lang)  # each value in its own scale: 9900万元, 12.6亿元
    return {
        "title": title,
        "title_lang": title_lang,
        "href": href,
        "hreflang": href_lang,
        "region": place_name(row.report, site),
        "level": text(lang, f"level.{row.level or 'unknown'}"),
        "period": period_text(row.period, lang),
        "sort_period": row.span.end_text if row.span else "",
        "value": scale.text(value, lang),
        "sort_value": row.figure["value"],
        "estimate": text(lang, "estimate") if row.estimate else "",
        "qualifier": qualifier_text(row.figure.get("qualifier"), lang),
        "printed": _cell_value(row, lang),
        "chart": charted.where.get(id(row), ""),
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


# Columns of the figures table whose meaning there is not the reports table's.
_FIGURE_MEANINGS = {"report": "column.report_key", "region": "column.figure_region"}


def _dictionary(lang: str) -> list[dict[str, Any]]:
    """The data dictionary: each download table with its columns and what they mean."""
    return [
        {
            "lead": text(lang, "dictionary.figures"),
            "columns": [
                (name, text(lang, _FIGURE_MEANINGS.get(name, f"column.{name}")))
                for name in FIGURE_COLUMNS
            ],
        },
        {
            "lead": text(lang, "dictionary.reports"),
            "columns": [(name, text(lang, f"column.{name}")) for name in REPORT_COLUMNS],
        },
    ]


def _download_href(name: str, site: Site, from_norm: str = FIGURES) -> str:
    # The downloads live once, at the site's root, for every language.
    return relative_url(name, lang_url(from_norm, site.language))
