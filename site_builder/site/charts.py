"""Charts of one metric across reports, worked out at build time and drawn as inline SVG by
the template digest/chart.html (no script, nothing from another host).

- One period per region (the usual case: each report covers one year): horizontal bars,
  one per region and period, labelled with both, largest first.
- Several years for some region: lines across the years, one per region, each labelled at
  its last point (readable without a legend or colours).

Only geometry and words are computed here; the template turns them into markup. Values come
in base units and are shown in a scale that suits the largest (7.09 billion yuan, 70.92亿元);
counts stay whole numbers (31,405 cases, never 31.405 thousand). Bars start at zero, the value
axis names its unit, and a forecast is marked expected. A chart is one panel of values that
compare (site.metric_charts makes the panels); what it leaves out is in ``Chart.left_out``.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass, field, replace

from site_builder.site.text import UNIT_NAMES

# Units that are not counts: money and measures may be scaled (亿元, billion yuan).
MEASURES = frozenset(
    ("CNY", "USD", "percent", "percentage_point", "mu", "m2", "km2", "ha", "km", "m", "ton", "hour")
)

WIDTH = 480  # user units; shown 1:1 on wide screens, scaled down on phones
MAX_BARS = 24
MAX_LINES = 8
SMALL_BARS, SMALL_LINES = 12, 5  # in a page's further panels
BAR_ROW = 46  # a label line and a bar
LINE_HEIGHT = 300


@dataclass(frozen=True)
class Point:
    """One value to chart: who, when, how much."""

    series: str  # region, as shown
    period: str  # as shown: 'Jan–Nov 2021', '2021年1—11月'
    year: int
    value: float
    short: str = ""  # the region's short name, for a line's end label: 钢山街道, Gangshan
    estimate: bool = False  # a forecast: marked expected
    ref: int = -1  # the caller's index of the value (to say which values a chart left out)


@dataclass
class Scale:
    divisor: float
    unit: str  # '亿元', 'billion yuan', '%'

    def number(self, value: float) -> str:
        """The value in this scale, exactly as reported (never rounded): 7.092, 70.92, 709.2."""
        shown = value / self.divisor
        text = f"{shown:,.6f}"  # enough for any printed figure; float noise stays beyond it
        return text.rstrip("0").rstrip(".") if "." in text else text

    def text(self, value: float, lang: str) -> str:
        joiner = "" if lang == "zh" or self.unit == "%" else " "
        return f"{self.number(value)}{joiner}{self.unit}"


@dataclass
class Tick:
    position: float
    label: str


@dataclass
class Bar:
    label: str
    value_text: str
    x: float
    y: float
    width: float
    label_y: float
    text_x: float
    anchor: str  # start | end: where the value's text hangs
    estimate: bool = False


@dataclass
class Line:
    name: str
    short: str  # written at the line's end; the legend under the chart gives ``name``
    path: str
    markers: list[tuple[float, float, str]]  # x, y, tooltip
    label_x: float
    label_y: float
    style: int  # 0..MAX_LINES-1: colour and dash


@dataclass
class Chart:
    kind: str  # bar | line
    title: str
    desc: str
    height: float
    width: int = WIDTH
    bars: list[Bar] = field(default_factory=list)
    lines: list[Line] = field(default_factory=list)
    value_ticks: list[Tick] = field(default_factory=list)
    year_ticks: list[Tick] = field(default_factory=list)
    zero: float = 0.0
    plot: tuple[float, float, float, float] = (0, 0, 0, 0)  # left, top, right, bottom
    note: str | None = None
    unit: str = ""  # the value axis' unit: 'billion yuan', '亿元'
    left_out: list[tuple[int, str]] = field(default_factory=list)  # (ref, reason key)


def value_scale(values: Sequence[float], unit: str, lang: str) -> Scale:
    """The scale that shows ``values`` best: 亿元 or 万元, billion or million yuan, …"""
    top = max((abs(v) for v in values), default=0)
    if unit == "percent":
        return Scale(1, "%")
    names = UNIT_NAMES.get(lang) or UNIT_NAMES["en"]
    name = names.get(unit, "")
    if unit not in MEASURES:  # a count: whole numbers, 31,405 cases
        return Scale(1, name)
    if lang == "zh":
        base = "元" if unit == "CNY" else name
        for size, word in ((1e8, "亿"), (1e4, "万")):
            if top >= size * (1 if unit == "CNY" else 10):
                return Scale(size, word + base)
        return Scale(1, base)
    for size, word in ((1e9, "billion"), (1e6, "million"), (1e3, "thousand")):
        if top >= size * (1 if unit == "CNY" else 10):
            return Scale(size, f"{word} {name}".strip())
    return Scale(1, name)


def metric_chart(
    points: Sequence[Point],
    unit: str,
    lang: str,
    title: str,
    words: dict[str, str],
    small: bool = False,
) -> Chart | None:
    """Bars for one period per region, lines when a region has several years; None without
    values. ``words`` holds the sentences of the page's language (see site.strings).
    ``small``: a further panel of a page, with half the bars and fewer lines (a metric page
    stays within its size at any number of reports)."""
    if not points:
        return None
    scale = value_scale([p.value for p in points], unit, lang)
    whole = unit not in MEASURES
    years: dict[str, set[int]] = {}
    for point in points:
        years.setdefault(point.series, set()).add(point.year)
    if any(len(found) > 1 for found in years.values()):
        chart = _line_chart(
            points, scale, lang, title, words, whole, SMALL_LINES if small else MAX_LINES
        )
    else:
        chart = _bar_chart(
            points, scale, lang, title, words, whole, SMALL_BARS if small else MAX_BARS
        )
    chart.unit = scale.unit
    return chart


def _label(point: Point, words: dict[str, str]) -> str:
    """'Gangshan Subdistrict, Zoucheng City, Shandong · Jan–Nov 2021 · expected'"""
    parts = [point.series, point.period] + ([words["estimate"]] if point.estimate else [])
    return " · ".join(parts)


def _bar_chart(
    points: Sequence[Point],
    scale: Scale,
    lang: str,
    title: str,
    words: dict[str, str],
    whole: bool = False,
    max_bars: int = MAX_BARS,
) -> Chart:
    ranked = sorted(points, key=lambda p: (-p.value, p.series))
    shown = ranked[:max_bars]
    low, high = min(0.0, *(p.value for p in shown)), max(0.0, *(p.value for p in shown))
    ticks = _nice_ticks(low / scale.divisor, high / scale.divisor, whole=whole)
    ticks = [t * scale.divisor for t in ticks]
    left, right, top = 8.0, WIDTH - 110.0, 8.0
    span = (ticks[-1] - ticks[0]) or 1

    def x_of(value: float) -> float:
        return left + (value - ticks[0]) / span * (right - left)

    zero = x_of(0)
    bars = []
    for index, point in enumerate(shown):
        y = top + index * BAR_ROW
        end = x_of(point.value)
        bars.append(
            Bar(
                label=_label(point, words),
                value_text=scale.text(point.value, lang),
                x=min(zero, end),
                y=y + 20,
                width=max(abs(end - zero), 1.0),
                label_y=y + 14,
                text_x=end + 6 if point.value >= 0 else end - 6,
                anchor="start" if point.value >= 0 else "end",
                estimate=point.estimate,
            )
        )
    bottom = top + len(shown) * BAR_ROW
    chart = Chart(
        kind="bar",
        title=title,
        desc=_describe(shown, scale, lang, words),
        height=bottom + 46,  # ticks, then the unit
        bars=bars,
        value_ticks=[Tick(x_of(t), scale.number(t)) for t in ticks],
        zero=zero,
        plot=(left, top, right, bottom),
    )
    if len(points) > len(shown):
        chart.note = words["chart.more"].format(shown=len(shown), total=len(points))
        chart.left_out = [(p.ref, "more_bars") for p in ranked[max_bars:]]
    return chart


def _line_chart(
    points: Sequence[Point],
    scale: Scale,
    lang: str,
    title: str,
    words: dict[str, str],
    whole: bool = False,
    max_lines: int = MAX_LINES,
) -> Chart:
    by_series: dict[str, dict[int, Point]] = {}
    left_out: list[tuple[int, str]] = []
    for point in points:  # the first value of a region and year wins (newest report first)
        seen = by_series.setdefault(point.series, {})
        if point.year in seen:
            left_out.append((point.ref, "same_year"))
        else:
            seen[point.year] = point
    every = sorted(by_series, key=lambda s: (-len(by_series[s]), s))
    ranked = every[:max_lines]
    left_out += [(p.ref, "more_lines") for s in every[max_lines:] for p in by_series[s].values()]
    years = sorted({year for s in ranked for year in by_series[s]})
    values = [p.value for s in ranked for p in by_series[s].values()]
    ticks = _nice_ticks(
        min(0.0, *values) / scale.divisor, max(0.0, *values) / scale.divisor, whole=whole
    )
    ticks = [t * scale.divisor for t in ticks]
    left, top, right, bottom = 56.0, 16.0, WIDTH - 150.0, LINE_HEIGHT - 40.0
    step = (right - left) / max(len(years) - 1, 1)
    x_of = {
        year: left + i * step if len(years) > 1 else (left + right) / 2
        for i, year in enumerate(years)
    }
    span = (ticks[-1] - ticks[0]) or 1

    def y_of(value: float) -> float:
        return bottom - (value - ticks[0]) / span * (bottom - top)

    lines = []
    for style, series in enumerate(ranked):
        found = [by_series[series][year] for year in years if year in by_series[series]]
        coords = [(x_of[p.year], y_of(p.value)) for p in found]
        path = " ".join(
            f"{'M' if i == 0 else 'L'}{x:.1f},{y:.1f}" for i, (x, y) in enumerate(coords)
        )
        markers = [
            # The line's short name: the legend gives the full one (and the page stays small).
            (
                x,
                y,
                f"{_label(replace(p, series=p.short or p.series), words)}: {scale.text(p.value, lang)}",
            )
            for (x, y), p in zip(coords, found, strict=True)
        ]
        short = found[0].short or series
        lines.append(
            Line(series, short, path, markers, coords[-1][0] + 10, coords[-1][1] + 4, style)
        )
    if len({line.short for line in lines}) < len(lines):
        for line in lines:  # two regions of the same name: their full names
            line.short = line.name
    _spread_labels(lines)
    shown = [p for s in ranked for p in by_series[s].values()]
    chart = Chart(
        kind="line",
        title=title,
        desc=_describe(shown, scale, lang, words),
        height=LINE_HEIGHT,
        lines=lines,
        value_ticks=[Tick(y_of(t), scale.number(t)) for t in ticks],
        year_ticks=[Tick(x_of[y], str(y)) for y in years],
        zero=y_of(0),
        plot=(left, top, right, bottom),
    )
    if len(by_series) > len(ranked):
        chart.note = words["chart.more_lines"].format(shown=len(ranked), total=len(by_series))
    chart.left_out = left_out
    return chart


def _spread_labels(lines: list[Line], gap: float = 16) -> None:
    """Move end labels apart vertically so that no two overlap."""
    ordered = sorted(lines, key=lambda line: line.label_y)
    for before, after in zip(ordered, ordered[1:], strict=False):
        if after.label_y - before.label_y < gap:
            after.label_y = before.label_y + gap


def _describe(points: Sequence[Point], scale: Scale, lang: str, words: dict[str, str]) -> str:
    """The chart as a sentence, for screen readers: every value it shows."""
    separator = "；" if lang == "zh" else "; "
    mark = words["estimate"]
    parts = [f"{p.series}（{p.period}{'，' + mark if p.estimate else ''}）：{scale.text(p.value, lang)}"
             if lang == "zh" else
             f"{p.series} ({p.period}{', ' + mark if p.estimate else ''}): {scale.text(p.value, lang)}"
             for p in points]  # fmt: skip
    return words["chart.desc"].format(unit=scale.unit, values=separator.join(parts))


def _nice_ticks(low: float, high: float, count: int = 4, whole: bool = False) -> list[float]:
    """Round tick values from at most ``low`` to at least ``high`` (0 included); ``whole``:
    whole numbers only (counts)."""
    if high == low:
        high = low + 1
    raw = (high - low) / count
    magnitude = 10 ** math.floor(math.log10(raw))
    step = next(m * magnitude for m in (1, 2, 2.5, 5, 10) if m * magnitude >= raw)
    if whole:
        step = max(1, math.ceil(step))
    first = math.floor(low / step) * step
    ticks = [first]
    while ticks[-1] < high - 1e-9 * step:
        ticks.append(ticks[-1] + step)
    return [round(t, 10) for t in ticks]
