"""The key figures of every report as downloads: ``key-figures.csv`` (UTF-8 with BOM, so
spreadsheets read the Chinese) and ``key-figures.json``, one row per figure.

Each row says what a researcher needs to keep comparable rows together: the place's
administrative path (province, prefecture, county, township), division code and level, the
period's first and last month, and whether the value is an estimate. The key-figures page
explains every column (its data dictionary, from ``column.*`` in site.strings)."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from site_builder.content.periods import parse_period
from site_builder.site.model import iso_date
from site_builder.site.places import LEVELS, report_place
from site_builder.site.text import figure_label

if TYPE_CHECKING:
    from site_builder.site.figure_rows import FigureRow
    from site_builder.site.generated import Site

CSV_FILE, JSON_FILE = "key-figures.csv", "key-figures.json"
COLUMNS = (
    "report", "title_zh", "title_en", "region", "region_en", "province", "prefecture", "county",
    "township", "region_code", "level", "publication", "date", "period", "period_start",
    "period_end", "metric", "label_zh", "label_en", "value", "value_max", "unit", "qualifier",
    "yoy", "estimate", "text",
)  # fmt: skip


def download_rows(rows: Sequence[FigureRow], site: Site) -> list[list[Any]]:
    """One row per key figure, its values in the order of COLUMNS."""
    found: list[list[Any]] = []
    about: dict[str, list[Any]] = {}  # what every figure of a report repeats, by slug
    for row in rows:
        report, figure = row.report, row.figure
        if report.slug not in about:
            region = str(report.meta.get("region") or "")
            english = report.page("en")
            place = report_place(report.meta)
            path = [place.part(level) if place else "" for level in LEVELS]
            about[report.slug] = [
                report.slug,
                str(report.meta.get("title") or ""),
                str((english.meta.get("title") if english else "") or ""),
                region,
                site.english_name("region", region) if region else "",
                *path,
                (place.code if place else None) or "",
                (place.level if place else None) or "",
                str(report.meta.get("publication") or ""),
                iso_date(report.meta.get("date")) or "",
            ]
        label_en, untranslated = figure_label(row.english, "en", site.glossary_by_zh, site.metrics)
        span = parse_period(row.period)
        found.append(
            about[report.slug]
            + [
                row.period,
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
        )
    return found


def csv_bytes(rows: Sequence[Sequence[Any]]) -> bytes:
    """CSV in UTF-8 with a byte-order mark: spreadsheets then read the Chinese right."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(COLUMNS)
    writer.writerows([_csv_cell(value) for value in row] for row in rows)
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


def json_bytes(rows: Sequence[Sequence[Any]]) -> bytes:
    """``{"columns": [...], "rows": [[...], ...]}``: one row per figure, its values in the order
    of ``columns`` (half the size of repeating the keys; pandas reads it as
    ``DataFrame(data["rows"], columns=data["columns"])``). One row a line."""
    data = json.dumps(
        {"columns": list(COLUMNS), "rows": rows}, ensure_ascii=False, separators=(",", ":")
    )
    return data.replace('],["', '],\n["').replace(':[["', ':[\n["', 1).encode("utf-8")
