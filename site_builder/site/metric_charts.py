"""A metric page's charts: like compared with like. One panel per period span and
administrative level ("Counties, full year 2023"; "Towns and subdistricts, Jan–Sep 2024"), each
with its own scale and unit; every value either in a panel or left out with the reason
(the drawing is site.charts, the markup digest/chart.html).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from site_builder.content.metrics import Metric
from site_builder.site.charts import Chart, Point, metric_chart
from site_builder.site.figure_rows import FigureRow, metric_name, period_text, span_text
from site_builder.site.generated import Site
from site_builder.site.places import LEVELS, place_name
from site_builder.site.strings import text, words

MAX_PANELS = 6  # the panels with the most values; the others' values are listed


@dataclass
class Panel:
    """One chart of values that compare: the same span of months and administrative level."""

    title: str
    chart: Chart
    number: int  # 1-based, as the table's "Chart" column names it


@dataclass
class Charted:
    """What the charts of a section show, and for each row where it is or why it is not."""

    panels: list[Panel] = field(default_factory=list)
    where: dict[int, str] = field(default_factory=dict)  # id(row) -> panel title or reason
    left_out: list[tuple[FigureRow, str]] = field(default_factory=list)  # row, reason


def panels_of(rows: Sequence[FigureRow], metric: Metric, site: Site, key: str) -> Charted:
    """The panels of a metric's values (``key`` 'levels') or changes ('changes')."""
    lang = site.lang
    t = words(lang)
    charted = Charted()
    groups: dict[tuple[object, ...], list[FigureRow]] = {}
    for row in rows:
        if row.span is None:
            charted.left_out.append((row, t["chart.why.no_period"]))
        else:
            groups.setdefault((row.level or "", *row.span.span), []).append(row)
    ranked = sorted(groups.values(), key=lambda found: (-len(found), _panel_order(found[0])))
    unit = "percent" if key == "changes" else metric.unit
    same = same_regions([_region_key(row) for row in rows])
    # A place the reports name in several ways is one series, named as its fullest row says.
    named = {_region_key(row): _region_shown(row, site) for row in rows}
    for number, found in enumerate(ranked[:MAX_PANELS], start=1):
        title = panel_title(found, lang)
        points = [
            Point(
                named[same[_region_key(row)]],
                period_text(row.span, lang),
                row.year or 0,
                float(row.figure["value"]),
                _region_short(same[_region_key(row)], site),
                estimate=row.estimate,
                ref=index,
            )
            for index, row in enumerate(found)
        ]
        name = text(lang, f"chart.title.{key}", name=metric_name(metric, lang))
        chart = metric_chart(points, unit, lang, f"{name}: {title}", t, small=number > 1)
        if chart is None:
            continue
        charted.panels.append(Panel(title, chart, number))
        left = dict(chart.left_out)
        for index, row in enumerate(found):
            if index in left:
                charted.left_out.append((row, t[f"chart.why.{left[index]}"]))
            else:
                charted.where[id(row)] = text(lang, "chart.in_panel", number=number)
    for found in ranked[MAX_PANELS:]:
        for row in found:
            charted.left_out.append((row, t["chart.why.more_panels"]))
    for row, reason in charted.left_out:
        charted.where[id(row)] = reason
    return charted


def panel_title(rows: Sequence[FigureRow], lang: str) -> str:
    """'Counties, full year 2023'; 'Towns and subdistricts, Jan–Sep 2024'; over several years
    'Counties, full year, 2021–2023'."""
    first = rows[0]
    assert first.span is not None
    level = text(lang, f"level.plural.{first.level or 'unknown'}")
    periods = {row.span for row in rows}
    separator = "，" if lang == "zh" else ", "
    if len(periods) == 1:
        when = period_text(first.span, lang)
        if first.span.full_years and first.span.span[2] == 1:
            when = text(lang, "period.full_year_of", year=when)
        return f"{level}{separator}{when}"
    years = sorted({y for row in rows for y in (row.span.start[0], row.span.end[0])})  # type: ignore[union-attr]
    dash = "—" if lang == "zh" else "–"
    year_range = f"{years[0]}{dash}{years[-1]}" + ("年" if lang == "zh" else "")
    return f"{level}{separator}{span_text(first.span, lang)}{separator}{year_range}"


def _panel_order(row: FigureRow) -> tuple[int, object]:
    level = LEVELS.index(row.level) if row.level in LEVELS else len(LEVELS)
    return (level, row.span.span if row.span else ())


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


def _region_shown(row: FigureRow, site: Site) -> str:
    """The place with its parent and province; the longest name the reports give it when
    they give no path."""
    return place_name(row.report, site) or text(site.lang, "archive.unknown_region")


def _region_key(row: FigureRow) -> str:
    if row.place is not None:
        return "".join(row.place.path)
    return str(row.report.meta.get("region") or "")


def region_count(rows: Sequence[FigureRow]) -> int:
    return len(set(same_regions([_region_key(row) for row in rows]).values()))
