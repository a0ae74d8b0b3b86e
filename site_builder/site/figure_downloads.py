"""The key figures of every report as downloads, normalised as statistical data portals
publish them: a table of observations and a table of the units they describe.

- ``key-figures.csv``: one row per key figure, with what varies per figure (its period and
  bounds, metric, labels, value, unit, qualifier, year-on-year and estimate flags, the text as
  printed), the key of its report (``report``) and the place as the report names it
  (``region``, so that a spreadsheet compares places without a join).
- ``reports.csv``: one row per report that has a key figure: titles, the place's
  administrative path (province, prefecture, county, township), division code and level,
  publication, date and the report page's URL.
- ``key-figures.json``: both tables in one document,
  ``{"reports": {"columns", "rows"}, "figures": {"columns", "rows"}}``.

The CSV files are UTF-8 with a BOM (spreadsheets then read the Chinese) and neutralise cells
that start like a formula. Repeating a report's columns on each of its figures was about 60%
of the bytes (issue 21). The key-figures page explains every column of both tables (its data
dictionary, from ``column.*`` in site.strings)."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from site_builder.site.model import absolute_url, iso_date, lang_url
from site_builder.site.places import LEVELS, report_place
from site_builder.site.text import figure_label

if TYPE_CHECKING:
    from site_builder.site.figure_rows import FigureRow
    from site_builder.site.generated import Site
    from site_builder.site.model import Report

CSV_FILE, REPORTS_FILE, JSON_FILE = "key-figures.csv", "reports.csv", "key-figures.json"
REPORT_COLUMNS = (
    "report", "title_zh", "title_en", "region", "region_en", "province", "prefecture", "county",
    "township", "region_code", "level", "publication", "date", "url",
)  # fmt: skip
# `region` repeats the report's on purpose: 1.3 KB a report in the CSV (of 13 KB, 300 synthetic
# reports) buys a table that compares places alone. The date (0.8 KB) does not: the figure's
# period says when.
FIGURE_COLUMNS = (
    "report", "region", "period", "period_start", "period_end", "metric", "label_zh", "label_en",
    "value", "value_max", "unit", "qualifier", "yoy", "estimate", "text",
)  # fmt: skip


@dataclass
class Table:
    """A download's table: its column names and rows of values in their order."""

    columns: tuple[str, ...]
    rows: list[list[Any]] = field(default_factory=list)


def download_files(rows: Sequence[FigureRow], site: Site, site_url: str | None) -> dict[str, bytes]:
    """The downloads' file names (at the site's root) and bytes, from every key figure of the
    build's reports; ``site`` is the default language's (the report URLs are its pages')."""
    reports, figures = download_tables(rows, site, site_url)
    return {
        CSV_FILE: csv_bytes(figures),
        REPORTS_FILE: csv_bytes(reports),
        JSON_FILE: json_bytes(reports, figures),
    }


def download_tables(
    rows: Sequence[FigureRow], site: Site, site_url: str | None
) -> tuple[Table, Table]:
    """The reports table (each report with a figure, in the order of its first figure) and the
    figures table (one row per figure, in the order of ``rows``)."""
    reports, figures = Table(REPORT_COLUMNS), Table(FIGURE_COLUMNS)
    seen: set[str] = set()
    for row in rows:
        if row.report.slug not in seen:
            seen.add(row.report.slug)
            reports.rows.append(_report_row(row.report, site, site_url))
        figures.rows.append(_figure_row(row, site))
    return reports, figures


def _report_row(report: Report, site: Site, site_url: str | None) -> list[Any]:
    region = str(report.meta.get("region") or "")
    english = report.page("en")
    place = report_place(report.meta)
    url = lang_url(report.norm_url, site.language)
    return [
        report.slug,
        str(report.meta.get("title") or ""),
        str((english.meta.get("title") if english else "") or ""),
        region,
        site.english_name("region", region) if region else "",
        *[place.part(level) if place else "" for level in LEVELS],
        (place.code if place else None) or "",
        (place.level if place else None) or "",
        str(report.meta.get("publication") or ""),
        iso_date(report.meta.get("date")) or "",
        absolute_url(site_url, url) or url,  # like the feeds: site-relative without site_url
    ]


def _figure_row(row: FigureRow, site: Site) -> list[Any]:
    figure, span = row.figure, row.span
    label_en, untranslated = figure_label(row.english, "en", site.glossary_by_zh, site.metrics)
    return [
        row.report.slug,
        str(row.report.meta.get("region") or ""),
        row.period,  # the figure's own period, else its report's
        span.start_text if span else "",
        span.end_text if span else "",
        row.metric.id if row.metric else "",
        str(figure.get("label") or ""),
        "" if untranslated else label_en,
        figure.get("value"),
        figure.get("value_max"),
        str(figure.get("unit") or ""),
        str(figure.get("qualifier") or ""),
        bool(figure.get("yoy")),
        bool(figure.get("estimate")),
        str(figure.get("text") or ""),
    ]


def csv_bytes(table: Table) -> bytes:
    """CSV in UTF-8 with a byte-order mark: spreadsheets then read the Chinese right."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(table.columns)
    writer.writerows([_csv_cell(value) for value in row] for row in table.rows)
    return ("\ufeff" + out.getvalue()).encode("utf-8")


# A cell a spreadsheet would read as a formula (OWASP, "CSV Injection"): =, +, -, @, tab, CR.
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r", "\uff1d", "\uff0b", "\uff0d", "\uff20")


def _csv_cell(value: object) -> object:
    """A value as a CSV cell: text that starts like a formula gets a leading ' so that a
    spreadsheet shows it as text, never runs it; numbers stay numbers (-12 is a value)."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str) and value.startswith(_FORMULA_START):
        return "'" + value
    return value


def json_bytes(reports: Table, figures: Table) -> bytes:
    """``{"reports": {"columns": [...], "rows": [...]}, "figures": {...}}``: each table's rows
    hold their values in the order of its ``columns`` (half the size of repeating the keys;
    pandas reads a table as ``DataFrame(data["figures"]["rows"],
    columns=data["figures"]["columns"])`` and joins on ``report``). One row a line."""
    data = json.dumps(
        {
            name: {"columns": list(table.columns), "rows": table.rows}
            for name, table in (("reports", reports), ("figures", figures))
        },
        ensure_ascii=False,
        separators=(",", ":"),
    )
    # A row starts with its report's slug, a string: '],["' and '"rows":[["' occur only
    # between rows (a quote inside a string is escaped).
    return data.replace('],["', '],\n["').replace('"rows":[["', '"rows":[\n["').encode("utf-8")
