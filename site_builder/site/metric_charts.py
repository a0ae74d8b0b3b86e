"""A metric page's charts: its values by region and year, regions named as a chart shows them
(the drawing is site.charts, the markup digest/chart.html)."""

from __future__ import annotations

import re
from collections.abc import Sequence

from site_builder.content.metrics import Metric
from site_builder.site.charts import Chart, Point, metric_chart
from site_builder.site.figure_rows import FigureRow, metric_name, period_text
from site_builder.site.generated import Site
from site_builder.site.strings import text, words


def chart_of(rows: Sequence[FigureRow], metric: Metric, site: Site, key: str) -> Chart | None:
    """The chart of a metric's values (``key`` 'levels') or changes ('changes') by region."""
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


def region_count(rows: Sequence[FigureRow]) -> int:
    return len(set(same_regions([_region_key(row) for row in rows]).values()))
