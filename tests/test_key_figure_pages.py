"""Key figures compared by metric, in real `mkdocs build --strict` runs over content in a
temporary folder: the index of metrics, a page per metric with its SVG chart and table in both
languages, links from report pages, the CSV and JSON downloads read back; and in a real
browser, the chart as a reader sees it.

The content is the two shipped reports with metric ids on their figures (as `import` gives
them now), then the same plus two more reports of the same regions in other years, imported
from tests/data/reports/, so that the chart draws lines across years.
"""

from __future__ import annotations

import csv
import io
import json
import re
import shutil
from pathlib import Path

import pytest

from site_builder.content.frontmatter import (
    body_after_front_matter,
    dump_front_matter,
    split_front_matter,
)
from site_builder.content.metrics import load_metrics
from site_builder.convert.importer import import_file
from tests.sites import build_files, build_site, config_copy  # a real `mkdocs build --strict`

ROOT = Path(__file__).resolve().parents[1]
CONTENT = ROOT / "content"
GANGSHAN, SHUANGSHAN = "2021-12-31-zoucheng-gangshan", "2022-shuangshan"
# The metrics the converter now gives these figures of the shipped reports.
METRICS = {
    GANGSHAN: {
        "4.7亿元": ("fiscal_revenue", "2021-01/11"),
        "70.92亿元": ("fixed_asset_investment", "2021-01/11"),
        "50.7%": ("fixed_asset_investment", "2021-01/11"),
    },
    SHUANGSHAN: {
        "19.77亿元": ("industrial_commercial_tax", None),
        "21.29%": ("industrial_commercial_tax", None),
        "126亿": ("fixed_asset_investment", None),
    },
}


def shipped_with_metrics(docs: Path) -> None:
    """content/ with the metric ids on the shipped reports' figures; the English label of
    Gangshan's fixed-asset investment left empty (the vocabulary's English stands in)."""
    shutil.copytree(CONTENT, docs)
    for slug, metrics in METRICS.items():
        page = docs / "reports" / slug / "index.zh.md"
        text = page.read_text(encoding="utf-8")
        front, _, _ = split_front_matter(text, page)
        for figure in front["key_figures"]:
            metric, period = metrics.get(figure["text"], (None, None))
            figure["metric"] = metric
            if period:
                figure["period"] = period
        page.write_text(dump_front_matter(front) + body_after_front_matter(text), encoding="utf-8")
    english = docs / "reports" / GANGSHAN / "index.en.md"
    text = english.read_text(encoding="utf-8")
    front, _, _ = split_front_matter(text, english)
    zh_front, _, _ = split_front_matter(
        (english.with_name("index.zh.md")).read_text(encoding="utf-8")
    )
    index = [f["text"] for f in zh_front["key_figures"]].index("70.92亿元")
    front["key_figures"][index]["label"] = None
    english.write_text(dump_front_matter(front) + body_after_front_matter(text), encoding="utf-8")


PATHS = {  # the administrative path the converter will give the imported reports
    "gangshan": ["山东省", "济宁市", "邹城市", "钢山街道"],
    "shuangshan": ["山东省", "济南市", "章丘区", "双山街道"],
}


def import_published(source: Path, docs: Path) -> None:
    """Import ``source`` into ``docs`` and publish it (an editor cleared the draft flag), with
    the region's path and level (as the converter gives them to new imports)."""
    result = import_file(source, docs, vocabulary=load_metrics(docs / "metrics.yml"))
    page = docs / "reports" / result.slug / "index.zh.md"
    text = page.read_text(encoding="utf-8")
    front, _, _ = split_front_matter(text, page)
    front.pop("draft", None)
    place = next(name for name in PATHS if name in source.name)
    front["region_path"], front["level"] = PATHS[place], "township"
    page.write_text(dump_front_matter(front) + body_after_front_matter(text), encoding="utf-8")


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("key-figures")
    shipped_with_metrics(root / "content")
    return build_site(root / "site", docs_dir=root / "content")


@pytest.fixture(scope="module")
def years_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The shipped reports plus Gangshan 2022 and Shuangshan 2023, imported."""
    root = tmp_path_factory.mktemp("key-figures-years")
    shipped_with_metrics(root / "content")
    for name in ("gangshan_2022.txt", "shuangshan_2023.txt"):
        import_published(ROOT / "tests/data/reports" / name, root / "content")
    return build_site(root / "site", docs_dir=root / "content")


def read(site: Path, path: str) -> str:
    return (site / path).read_text(encoding="utf-8")


def read_csv(site: Path, name: str) -> list[dict[str, str]]:
    data = (site / name).read_bytes()
    assert data.startswith(b"\xef\xbb\xbf")  # UTF-8 with BOM: Excel reads the Chinese right
    return list(csv.DictReader(io.StringIO(data.decode("utf-8-sig"))))


def joined(site: Path) -> list[dict[str, str]]:
    """key-figures.csv's rows, each with its report's row of reports.csv, as a researcher
    joins them (pandas: figures.merge(reports, on="report"))."""
    reports = {row["report"]: row for row in read_csv(site, "reports.csv")}
    return [reports[row["report"]] | row for row in read_csv(site, "key-figures.csv")]


def json_tables(site: Path) -> dict[str, list[dict[str, object]]]:
    """key-figures.json's tables as records: {"reports": [...], "figures": [...]}."""
    data = json.loads(read(site, "key-figures.json"))
    assert set(data) == {"reports", "figures"}
    return {
        name: [dict(zip(table["columns"], row, strict=True)) for row in table["rows"]]
        for name, table in data.items()
    }


def article(html: str) -> str:
    start = html.index('<article class="md-content__inner')
    return html[start : html.rindex("</article>")]


def chart(html: str, section: str = "levels", panel: int = 1) -> str:
    part = html[html.index(f'<section class="digest-metric" id="{section}">') :]
    part = part[part.index(f'id="{section}-panel-{panel}"') :]
    return part[part.index("<svg") : part.index("</svg>") + 6]


def panels(html: str, section: str = "levels") -> list[str]:
    part = html[html.index(f'<section class="digest-metric" id="{section}">') :]
    part = part[: part.index("</section>")]
    return re.findall(r'<h3 class="digest-panel__title"[^>]*>([^<]+)</h3>', part)


def table_rows(html: str, section: str = "levels") -> list[str]:
    part = html[html.index(f'<section class="digest-metric" id="{section}">') :]
    part = part[: part.index("</section>")]
    return re.findall(r"<tr>\s*<td.*?</tr>", part, re.S)


# -- the index ----------------------------------------------------------------------------------


def test_index_lists_metrics_and_downloads(site: Path) -> None:
    for prefix, name, downloads in (
        ("", "Fixed-asset investment", "../"),
        ("zh/", "固定资产投资", "../../"),
    ):
        html = article(read(site, f"{prefix}key-figures/index.html"))
        row = next(r for r in re.findall(r"<tr>.*?</tr>", html, re.S) if name in r)
        assert 'href="fixed_asset_investment/"' in row
        assert re.search(r'<td class="digest-num">2</td>', row)  # two reports
        assert f'href="{downloads}key-figures.csv"' in html
        assert f'href="{downloads}reports.csv"' in html
        assert f'href="{downloads}key-figures.json"' in html
    # The index lists metrics, never every figure: a row per metric seen.
    index = article(read(site, "key-figures/index.html"))
    metrics = index[index.index('id="digest-metrics"') : index.index("</table>")]
    rows = re.findall(r"<tr>\s*<td", metrics)
    assert len(rows) == 3  # fiscal revenue, fixed-asset investment, industrial and commercial tax


def test_index_names_the_indicators_no_report_gives_yet(site: Path) -> None:
    # The vocabulary tracks GDP; no report of this site gives it: the index says so, so that
    # a search for GDP finds the page that says there is no value yet.
    for prefix, heading, gdp in (
        ("", "Indicators no report gives yet", "Gross domestic product (GDP)"),
        ("zh/", "尚无报道给出的指标", "地区生产总值"),
    ):
        html = article(read(site, f"{prefix}key-figures/index.html"))
        waiting = html[html.index(heading) :]
        assert gdp in waiting
        assert "Fixed-asset investment" not in waiting and "固定资产投资<" not in waiting


# -- a metric page ------------------------------------------------------------------------------


def test_metric_page_compares_like_with_like(site: Path) -> None:
    html = article(read(site, "key-figures/fixed_asset_investment/index.html"))
    # Gangshan's January–November figure and Shuangshan's full year are not one comparison.
    assert panels(html) == [
        "Chart 1: Towns and subdistricts, Jan–Nov 2021",
        "Chart 2: Towns and subdistricts, full year 2022",
    ]
    svg = chart(html)
    assert 'role="img"' in svg and "<title id=" in svg and "<desc id=" in svg
    assert svg.count('class="digest-chart__bar"') == 1
    assert "Gangshan Subdistrict, Zoucheng City, Shandong · Jan–Nov 2021" in svg
    assert "7.092 billion yuan" in svg  # exact, never rounded
    assert '<text class="digest-chart__unit"' in svg and ">billion yuan</text>" in svg
    other = chart(html, panel=2)
    assert "Shuangshan Subdistrict, Zhangqiu District, Shandong · 2022" in other
    assert "12.6 billion yuan" in other
    rows = table_rows(html)
    assert len(rows) == 2
    assert any('data-sort="7092000000"' in r and "Jan–Nov 2021" in r for r in rows)
    assert any('data-sort="12600000000"' in r and "Shuangshan Subdistrict" in r for r in rows)
    changes = table_rows(html, "changes")
    assert len(changes) == 1 and "50.7" in changes[0]


def test_metric_page_in_chinese(site: Path) -> None:
    html = article(read(site, "zh/key-figures/fixed_asset_investment/index.html"))
    assert panels(html) == [
        "图1：乡级（乡、镇、街道），2021年1—11月",
        "图2：乡级（乡、镇、街道），2022年全年",
    ]
    assert "山东省邹城市钢山街道 · 2021年1—11月" in chart(html) and "70.92亿元" in chart(html)
    assert "山东省章丘区双山街道 · 2022年" in chart(html, panel=2) and "126亿元" in chart(
        html, panel=2
    )
    assert "<h1>固定资产投资</h1>" in html
    assert "一定时期内建造和购置固定资产的工作量" in html  # the definition in Chinese
    assert "Fixed-asset investment" in html or "fixed-asset investment" in html


def test_metric_pages_load_nothing_from_other_hosts(site: Path) -> None:
    for path in ("key-figures/fixed_asset_investment/index.html", "zh/key-figures/index.html"):
        html = read(site, path)
        # Only the site's own address (canonical and alternate links) names a host.
        assert not re.search(r'(?:src|href)="(?:https?:)?//(?!example\.test/)', html), path
    svg = chart(read(site, "zh/key-figures/fixed_asset_investment/index.html"))
    assert "<script" not in svg and "href" not in svg and "url(" not in svg


def test_report_figures_link_to_their_metric_page(site: Path) -> None:
    html = article(read(site, f"reports/{GANGSHAN}/index.html"))
    callout = html[html.index('class="digest-figures digest-figures--glance"') :]
    callout = callout[: callout.index("</aside>")]
    assert 'href="../../key-figures/fixed_asset_investment/"' in callout
    # The English label comes from the vocabulary where the page has none.
    link = re.search(
        r'<a href="\.\./\.\./key-figures/fixed_asset_investment/"[^>]*>([^<]+)</a>', callout
    )
    assert link and link.group(1) in ("fixed-asset investment", "fixed-asset investment growth")
    zh = article(read(site, f"zh/reports/{GANGSHAN}/index.html"))
    assert 'href="../../key-figures/fixed_asset_investment/"' in zh  # zh/ to zh/


# -- downloads ----------------------------------------------------------------------------------


def test_csv_reads_back_in_a_spreadsheet(site: Path) -> None:
    rows = joined(site)
    zh_pages = {slug: split_front_matter(read(site.parent / "content", f"reports/{slug}/index.zh.md"))[0]
                for slug in (GANGSHAN, SHUANGSHAN)}  # fmt: skip
    assert len(rows) == sum(len(front["key_figures"]) for front in zh_pages.values())
    investment = next(r for r in rows if r["report"] == GANGSHAN and r["text"] == "70.92亿元")
    assert investment["value"] == "7092000000" and float(investment["value"]) == 7.092e9
    assert investment["metric"] == "fixed_asset_investment"
    assert investment["period"] == "2021-01/11"
    assert investment["unit"] == "CNY" and investment["yoy"] == "false"
    assert investment["region"] == "邹城市钢山街道"
    assert investment["region_en"] == "Gangshan Subdistrict, Zoucheng City"
    assert (investment["province"], investment["prefecture"], investment["county"]) == (
        "山东省",
        "济宁市",
        "邹城市",
    )
    assert investment["township"] == "钢山街道" and investment["level"] == "township"
    assert investment["region_code"] == ""  # not resolved
    assert (investment["period_start"], investment["period_end"]) == ("2021-01", "2021-11")
    assert investment["estimate"] == "false"
    assert investment["label_zh"] == "固定资产投资"
    assert investment["label_en"] == "fixed-asset investment"  # from the vocabulary
    assert investment["title_zh"] == "敢立潮头逐浪高 奋楫扬帆谱新篇"
    assert investment["date"] == "2021-12-31"
    assert investment["url"] == f"https://example.test/sub/reports/{GANGSHAN}/"
    growth = next(r for r in rows if r["report"] == GANGSHAN and r["text"] == "50.7%")
    assert (growth["value"], growth["yoy"], growth["metric"]) == (
        "50.7",
        "true",
        "fixed_asset_investment",
    )
    crime = next(r for r in rows if r["report"] == GANGSHAN and r["text"] == "12%")
    assert crime["value"] == "-12"  # a decline is negative
    shuangshan = next(r for r in rows if r["report"] == SHUANGSHAN and r["text"] == "126亿")
    assert shuangshan["period"] == "2022" and shuangshan["value"] == "12600000000"
    assert (shuangshan["period_start"], shuangshan["period_end"]) == ("2022-01", "2022-12")
    expected = next(r for r in rows if r["report"] == SHUANGSHAN and r["text"] == "19.77亿元")
    assert expected["estimate"] == "true" and expected["label_zh"] == "工商税收"


def test_figures_and_reports_are_two_tables_joined_on_report(site: Path) -> None:
    figures, reports = read_csv(site, "key-figures.csv"), read_csv(site, "reports.csv")
    # What every figure of a report repeated is in reports.csv once; a figure row keeps its
    # own columns, the key of its report and the place as the report names it.
    assert list(figures[0]) == [
        "report", "region", "period", "period_start", "period_end", "metric", "label_zh",
        "label_en", "value", "value_max", "unit", "qualifier", "yoy", "estimate", "text",
    ]  # fmt: skip
    assert list(reports[0])[:3] == ["report", "title_zh", "title_en"]
    assert list(reports[0])[-2:] == ["date", "url"]
    keys = [row["report"] for row in reports]
    assert len(keys) == len(set(keys))  # one row per report
    assert {row["report"] for row in figures} == set(keys)  # every key, and only keys, in use
    by_slug = {row["report"]: row for row in reports}
    assert all(row["region"] == by_slug[row["report"]]["region"] for row in figures)


def test_json_has_the_same_tables_as_the_csv(site: Path) -> None:
    raw = read(site, "key-figures.json")
    assert ": " not in raw.split("\n", 1)[0] and ", " not in raw.split("\n", 1)[0]  # compact
    tables = json_tables(site)
    for name, file in (("figures", "key-figures.csv"), ("reports", "reports.csv")):
        rows = read_csv(site, file)
        assert [list(row) for row in tables[name][:1]] == [list(row) for row in rows[:1]]
        assert [{key: _as_csv(value) for key, value in row.items()} for row in tables[name]] == rows
    figures = tables["figures"]
    investment = next(f for f in figures if f["report"] == GANGSHAN and f["text"] == "70.92亿元")
    assert investment["value"] == 7092000000 and investment["yoy"] is False
    assert investment["metric"] == "fixed_asset_investment" and investment["period"] == "2021-01/11"
    assert investment["label_en"] == "fixed-asset investment"
    decline = next(f for f in figures if f["report"] == GANGSHAN and f["text"] == "12%")
    assert decline["value"] == -12 and decline["yoy"] is True


def _as_csv(value: object) -> str:
    """A JSON value as the CSV writes it (no cell here starts like a formula)."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


# -- several years: lines -----------------------------------------------------------------------


def test_several_years_draw_lines_per_region(years_site: Path) -> None:
    html = article(read(years_site, "key-figures/fixed_asset_investment/index.html"))
    # Shuangshan's full years 2022 and 2023 make a line; Gangshan's January–October 2022 and
    # January–November 2021 are spans of their own, each its own panel.
    assert panels(html) == [
        "Chart 1: Towns and subdistricts, full year, 2022–2023",
        "Chart 2: Towns and subdistricts, Jan–Oct 2022",
        "Chart 3: Towns and subdistricts, Jan–Nov 2021",
    ]
    svg = chart(html)
    assert "digest-chart__series--0" in svg
    assert "digest-chart__series--1" not in svg  # 双山街道 and 章丘区双山街道 are one region
    assert svg.count("<path ") == 1
    for year in ("2022", "2023"):
        assert f">{year}</text>" in svg
    assert ">2021</text>" not in svg
    # the line is named at its end; the legend under the chart gives the full name
    assert ">Shuangshan</text>" in svg
    legend = html[html.index('<ul class="digest-chart__legend">') :]
    legend = legend[: legend.index("</ul>")]
    assert "Shuangshan Subdistrict, Zhangqiu District, Shandong" in legend
    assert len(table_rows(html)) == 4
    zh = article(read(years_site, "zh/key-figures/fixed_asset_investment/index.html"))
    assert ">双山街道</text>" in chart(zh)
    assert "山东省章丘区双山街道" in zh and "山东省邹城市钢山街道" in zh


def test_long_tables_go_on_to_further_pages(tmp_path: Path) -> None:
    """With more rows than `metric_rows`, a metric's table continues on /2/, /3/, …"""
    docs = tmp_path / "content"
    shipped_with_metrics(docs)
    source = (ROOT / "tests/data/reports/gangshan_2022.txt").read_text(encoding="utf-8")
    for year in range(2001, 2013):
        path = tmp_path / f"gangshan_{year}.txt"
        path.write_text(source.replace("2022", str(year)), encoding="utf-8")
        import_published(path, docs)
    custom = config_copy(
        tmp_path, docs_dir=docs, replace=[("  - digest\n", "  - digest:\n      metric_rows: 10\n")]
    )
    site = build_site(tmp_path / "site", config_file=custom)
    first = article(read(site, "key-figures/fixed_asset_investment/index.html"))
    second = article(read(site, "key-figures/fixed_asset_investment/2/index.html"))
    assert len(table_rows(first)) == 10 and len(table_rows(second)) == 4
    assert 'href="2/"' in first and "<svg" in first and "<svg" not in second
    assert (site / "zh/key-figures/fixed_asset_investment/2/index.html").is_file()


# -- in a browser -------------------------------------------------------------------------------


CHROMIUM = Path("/usr/bin/chromium")


@pytest.mark.skipif(not CHROMIUM.exists(), reason=f"{CHROMIUM} is missing (CI installs it)")
@pytest.mark.parametrize("width", [390, 1280])
def test_chart_as_a_reader_sees_it(tmp_path_factory: pytest.TempPathFactory, width: int) -> None:
    """Served under a sub-path: the chart shows, fits the screen, its words are legible, the
    table sorts by value, and nothing is loaded from another host."""
    from playwright.sync_api import sync_playwright

    from tests.served_site import serve
    from tests.test_browser import ARGS, SHOTS

    root = tmp_path_factory.mktemp("key-figures-browser")
    shipped_with_metrics(root / "content")
    for name in ("gangshan_2022.txt", "shuangshan_2023.txt"):
        import_published(ROOT / "tests/data/reports" / name, root / "content")
    (root / "site").mkdir()
    server = serve(root / "site")
    try:
        build_site(root / "site", docs_dir=root / "content", site_url=server.base_url)
        origin = server.base_url.split("/digest/")[0]
        foreign: list[str] = []
        errors: list[str] = []
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
            context = browser.new_context(viewport={"width": width, "height": 900})

            def route(route) -> None:  # type: ignore[no-untyped-def]
                if route.request.url.startswith(origin + "/"):
                    route.continue_()
                else:
                    foreign.append(route.request.url)
                    route.abort()

            context.route("**/*", route)
            page = context.new_page()
            page.on("console", lambda m: m.type == "error" and errors.append(m.text))
            SHOTS.mkdir(exist_ok=True)
            for prefix in ("", "zh/"):
                page.goto(server.base_url + prefix + "key-figures/fixed_asset_investment/")
                page.wait_for_load_state("networkidle")
                svg = page.locator("section#levels svg.digest-chart__svg").first
                box = svg.bounding_box()
                assert box and box["width"] >= (300 if width < 500 else 480) and box["height"] > 150
                overflow = page.evaluate(
                    "() => document.documentElement.scrollWidth - document.documentElement.clientWidth"
                )
                assert overflow <= 0, f"scrolls sideways by {overflow}px at {width}px"
                # The smallest words of the chart as drawn on the screen: still legible.
                sizes = page.evaluate(
                    "() => [...document.querySelectorAll('section#levels svg text')]"
                    ".map(t => t.getBoundingClientRect().height)"
                )
                assert min(sizes) >= (7 if width < 500 else 11), sizes
                lines = page.locator("section#levels svg.digest-chart__svg").first.locator("path")
                assert lines.count() == 1
                page.screenshot(
                    path=str(SHOTS / f"metric-{prefix.strip('/') or 'en'}-{width}.png"),
                    full_page=True,
                )
            # Sort the values table by value, largest first.
            heading = page.locator("section#levels th button").nth(4)
            heading.click()
            heading.click()
            first = page.locator("section#levels tbody tr").first.locator("td").nth(4)
            assert first.get_attribute("data-sort") == "13800000000"
            context.close()
            browser.close()
        assert errors == [] and foreign == []
    finally:
        server.close()


def test_index_says_when_the_newest_value_is_a_change(tmp_path: Path) -> None:
    # The shipped Gangshan report gives the crime rate only as a change (同比下降12%): the
    # index must not show it as a rate of 12%.
    build_site(tmp_path / "site", docs_dir=CONTENT)
    for prefix, name, said in (
        ("zh/", "违法犯罪率", "同比下降12%"),
        ("", "Rate of offenses and crimes", "down 12% year on year"),
    ):
        html = article(read(tmp_path / "site", f"{prefix}key-figures/index.html"))
        row = next(r for r in re.findall(r"<tr>.*?</tr>", html, re.S) if name in r)
        assert said in row


# -- like with like, estimates, places (issue 20) -----------------------------------------------

ZHEJIANG, YUNZHOU, QINGXI = "浙江省", "云州市", "清溪县"


def purpose_report(
    title: str,
    path: list[str],
    level: str,
    date: str | None,
    period: str | None,
    figure: str,
    sentence: str,
) -> str:
    """A published report of ``path`` whose one key figure, ``figure`` (YAML flow map), is
    the fixed-asset investment of ``sentence``."""
    lines = [
        "---",
        f"title: {title}",
        f"date: {date or 'null'}",
        f"period: {repr(period) if period else 'null'}",
        "publication: 云州日报",
        "edition: null",
        "byline: null",
        f"region: {''.join(path[2:]) or path[-1]}",
        f"region_path: [{', '.join(path)}]",
        "region_code: null",
        f"level: {level}",
        "key_figures:",
        f"- {figure}",
        "---",
        "",
        "## 一、项目建设",
        "",
        sentence,
        "",
    ]
    return "\n".join(lines)


PURPOSE_REPORTS = {
    # a town's January–September figure
    "reports/2024-10-15-baishi/index.zh.md": purpose_report(
        "白石镇前三季度经济运行平稳", [ZHEJIANG, YUNZHOU, QINGXI, "白石镇"], "township",
        "2024-10-15", "2024",
        "{id: kb1, text: 9900万元, label: 固定资产投资, metric: fixed_asset_investment, "
        "period: 2024-01/09, value: 99000000, unit: CNY, qualifier: null, yoy: false, "
        "headline: true}",
        "前三季度，白石镇完成固定资产投资9900万元。",
    ),
    # a county's full-year figure, published later than the town's
    "reports/2024-11-20-qingxi/index.zh.md": purpose_report(
        "清溪县2023年国民经济和社会发展回顾", [ZHEJIANG, YUNZHOU, QINGXI], "county",
        "2024-11-20", "2023",
        "{id: kq1, text: 123.4亿元, label: 固定资产投资, metric: fixed_asset_investment, "
        "value: 12340000000, unit: CNY, qualifier: null, yoy: false, headline: true}",
        "2023年，全县完成固定资产投资123.4亿元。",
    ),
    # a subdistrict's expected figure
    "reports/2023-12-28-chengdong/index.zh.md": purpose_report(
        "城东街道2023年工作回眸", [ZHEJIANG, YUNZHOU, QINGXI, "城东街道"], "township",
        "2023-12-28", "2023",
        "{id: kc1, text: 8.5亿元, label: 固定资产投资, metric: fixed_asset_investment, "
        "value: 850000000, unit: CNY, qualifier: null, yoy: false, headline: true, "
        "estimate: true}",
        "全年预计完成固定资产投资8.5亿元。",
    ),
    # a town's figure whose period nobody states
    "reports/shimen/index.zh.md": purpose_report(
        "石门乡项目建设见闻", [ZHEJIANG, YUNZHOU, QINGXI, "石门乡"], "township", None, None,
        "{id: ks1, text: 5000万元, label: 固定资产投资, metric: fixed_asset_investment, "
        "value: 50000000, unit: CNY, qualifier: null, yoy: false, headline: true}",
        "石门乡完成固定资产投资5000万元。",
    ),
}  # fmt: skip


DRAFT_SLUG = "2024-12-01-draft-baishi"
DRAFT_REPORT = {  # a draft with a figure: readers see it nowhere, downloads included
    f"reports/{DRAFT_SLUG}/index.zh.md": purpose_report(
        "白石镇全年经济运行（草稿）", [ZHEJIANG, YUNZHOU, QINGXI, "白石镇"], "township",
        "2024-12-01", "2024",
        "{id: kd1, text: 7777万元, label: 固定资产投资, metric: fixed_asset_investment, "
        "value: 77770000, unit: CNY, qualifier: null, yoy: false, headline: true}",
        "全年完成固定资产投资7777万元。",
    ).replace("---\ntitle:", "---\ndraft: true\ntitle:", 1),
}  # fmt: skip


@pytest.fixture(scope="module")
def purpose_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("indicators")
    files = {name: (CONTENT / name).read_text(encoding="utf-8")
             for name in ("metrics.yml", "glossary.yml", "about.en.md", "about.zh.md")}  # fmt: skip
    return build_files(root, files | PURPOSE_REPORTS | DRAFT_REPORT)


def test_indicator_page_compares_like_with_like(purpose_site: Path) -> None:
    html = article(read(purpose_site, "key-figures/fixed_asset_investment/index.html"))
    assert panels(html) == [
        "Chart 1: Counties, full year 2023",
        "Chart 2: Towns and subdistricts, Jan–Sep 2024",
        "Chart 3: Towns and subdistricts, full year 2023",
    ]
    county, town, subdistrict = (chart(html, panel=n) for n in (1, 2, 3))
    # Each panel its own scale, with the unit on the value axis; bars start at zero.
    assert "Qingxi County, Yunzhou City, Zhejiang · 2023" in county
    assert "12.34 billion yuan" in county and ">billion yuan</text>" in county
    assert "Baishi Town, Qingxi County, Zhejiang · Jan–Sep 2024" in town
    assert "99 million yuan" in town and ">million yuan</text>" in town
    assert "0.099" not in html
    assert '<text class="digest-chart__tick" x="8.0" y="72.0" text-anchor="middle">0</text>' in town
    # The expected figure is marked so, in its label and its bar.
    assert "Chengdong Subdistrict, Qingxi County, Zhejiang · 2023 · expected" in subdistrict
    assert "digest-chart__bar--estimate" in subdistrict
    assert "digest-chart__bar--estimate" not in county
    # The value without a period is in no chart, and the page says why.
    left = html[html.index('class="digest-left-out"') :]
    left = left[: left.index("</div>")]
    assert "Shimen Township, Qingxi County, Zhejiang · period not stated" in left
    assert "compares with nothing" in left
    # Every row names its place, level, period and estimate mark, and where it is charted.
    rows = table_rows(html)
    assert len(rows) == 4
    town_row = next(r for r in rows if "Baishi Town" in r)
    assert ">Township</td>" in town_row and ">Jan–Sep 2024</td>" in town_row
    assert ">Chart 2</td>" in town_row
    county_row = next(r for r in rows if "Qingxi County, Yunzhou City" in r)
    assert ">County</td>" in county_row and ">2023</td>" in county_row
    expected_row = next(r for r in rows if "Chengdong" in r)
    assert '850 million yuan <span class="digest-estimate">expected</span></td>' in expected_row
    assert "850 million yuan (expected)" in expected_row
    shimen_row = next(r for r in rows if "Shimen" in r)
    assert ">period not stated</td>" in shimen_row and "compares with nothing" in shimen_row


def test_indicator_page_in_chinese(purpose_site: Path) -> None:
    html = article(read(purpose_site, "zh/key-figures/fixed_asset_investment/index.html"))
    assert panels(html) == [
        "图1：县级（县、县级市、区），2023年全年",
        "图2：乡级（乡、镇、街道），2024年1—9月",
        "图3：乡级（乡、镇、街道），2023年全年",
    ]
    assert "浙江省清溪县白石镇 · 2024年1—9月" in chart(html, panel=2)
    assert ">万元</text>" in chart(html, panel=2) and ">亿元</text>" in chart(html, panel=1)
    assert "浙江省清溪县城东街道 · 2023年 · 预计" in chart(html, panel=3)
    assert "预计8.5亿元" in html and "时期未注明" in html


def test_index_gives_the_latest_periods_value(purpose_site: Path) -> None:
    # The county's 2023 report was published after the town's, but the town's
    # January–September 2024 is the latest period.
    html = article(read(purpose_site, "key-figures/index.html"))
    row = next(r for r in re.findall(r"<tr>.*?</tr>", html, re.S) if "Fixed-asset" in r)
    assert "99 million yuan" in row
    assert "Baishi Town, Qingxi County, Zhejiang · Jan–Sep 2024" in row
    zh = article(read(purpose_site, "zh/key-figures/index.html"))
    row = next(r for r in re.findall(r"<tr>.*?</tr>", zh, re.S) if "固定资产投资" in r)
    assert "9900万元" in row and "2024年1—9月" in row
    # The data dictionary explains the new columns.
    for column in ("period_start", "period_end", "estimate", "level", "region_code"):
        assert f"<code>{column}</code>" in html


def test_report_links_to_its_county_and_province(purpose_site: Path) -> None:
    county = "places/zhejiangsheng/yunzhoushi/qingxixian/"
    html = article(read(purpose_site, "reports/2024-10-15-baishi/index.html"))
    header = html[html.index('<header class="digest-report-header"') : html.index("</header>")]
    assert f'<a href="../../{county}">Qingxi County</a>' in header
    assert '<a href="../../places/zhejiangsheng/">Zhejiang Province</a>' in header
    assert '<a href="../../archive/#year-2024">' in header  # the period: the archive's year
    # The county's page lists the other reports there, with level, period and the mark.
    page = article(read(purpose_site, f"{county}index.html"))
    assert "<h1>Qingxi County</h1>" in page
    for slug in ("2024-10-15-baishi", "2024-11-20-qingxi", "2023-12-28-chengdong", "shimen"):
        assert f'href="../../../../reports/{slug}/"' in page
    assert "Jan–Sep 2024" in page and "850 million yuan (expected)" in page
    assert "period not stated" in page
    province = article(read(purpose_site, "places/zhejiangsheng/index.html"))
    assert 'href="yunzhoushi/"' in province and province.count("<tr>") == 5  # head + 4
    zh = article(read(purpose_site, f"zh/{county}index.html"))
    assert "<h1>清溪县</h1>" in zh and "预计8.5亿元" in zh and "2024年1—9月" in zh
    assert '<a href="../../">浙江省</a>' in zh
    # The archive links years and places.
    archive = article(read(purpose_site, "archive/index.html"))
    assert 'href="#year-2024"' in archive and 'href="../places/zhejiangsheng/"' in archive
    assert '<a href="../places/">Places</a>:</p>' in archive


def test_places_page_lists_every_place_as_a_tree(purpose_site: Path) -> None:
    # places/ is the root of every place page: a reader who shortens a place's address
    # finds the tree, not a 404; each place page links back to it.
    html = article(read(purpose_site, "places/index.html"))
    assert "<h1>Places</h1>" in html
    tree = html[html.index('<ul class="digest-place-tree">') :]
    assert tree.index("Zhejiang Province") < tree.index(">Yunzhou City<")  # nested
    assert re.search(r'"zhejiangsheng/yunzhoushi/">Yunzhou City</a> <span[^>]*>\(\d+\)', tree)
    # counties are on their prefecture's page: this page stays small at any coverage
    assert "Qingxi County" not in tree
    zh = article(read(purpose_site, "zh/places/index.html"))
    assert "<h1>地区</h1>" in zh and ">云州市</a>" in zh
    county_page = article(
        read(purpose_site, "places/zhejiangsheng/yunzhoushi/qingxixian/index.html")
    )
    assert '<a href="../../../">All places</a>' in county_page


def test_downloads_name_place_period_and_estimate(purpose_site: Path) -> None:
    rows = {r["report"]: r for r in joined(purpose_site)}
    town = rows["2024-10-15-baishi"]
    assert (town["province"], town["prefecture"], town["county"], town["township"]) == (
        ZHEJIANG, YUNZHOU, QINGXI, "白石镇",
    )  # fmt: skip
    assert (town["level"], town["period_start"], town["period_end"]) == (
        "township", "2024-01", "2024-09",
    )  # fmt: skip
    assert rows["2023-12-28-chengdong"]["estimate"] == "true" and town["estimate"] == "false"
    assert (
        rows["2024-11-20-qingxi"]["township"] == ""
        and rows["2024-11-20-qingxi"]["level"] == "county"
    )
    assert rows["shimen"]["period_start"] == "" and rows["shimen"]["period_end"] == ""
    # The figure's own period, not its report's (2024): January–September.
    assert rows["2024-10-15-baishi"]["period"] == "2024-01/09"
    found = json_tables(purpose_site)
    assert next(f for f in found["figures"] if f["report"] == "2023-12-28-chengdong")["estimate"]
    qingxi = next(r for r in found["reports"] if r["report"] == "2024-11-20-qingxi")
    assert (qingxi["county"], qingxi["level"], qingxi["date"]) == (QINGXI, "county", "2024-11-20")


def test_a_draft_is_in_no_download(purpose_site: Path) -> None:
    for name in ("key-figures.csv", "reports.csv", "key-figures.json"):
        text = read(purpose_site, name)
        assert DRAFT_SLUG not in text and "7777万元" not in text, name
    assert len(read_csv(purpose_site, "reports.csv")) == len(PURPOSE_REPORTS)


def test_place_pages_are_paginated() -> None:
    from site_builder.site.model import collect_reports, read_report_page
    from site_builder.site.place_pages import place_urls

    pages = [read_report_page(text, name) for name, text in PURPOSE_REPORTS.items()]
    reports = collect_reports(pages)
    urls = place_urls(reports, rows_per_page=3)
    county = "places/zhejiangsheng/yunzhoushi/qingxixian/"
    assert county in urls and f"{county}2/" in urls and f"{county}3/" not in urls
    assert "places/zhejiangsheng/" in urls and "places/zhejiangsheng/yunzhoushi/" in urls
    assert not any("baishi" in url for url in urls)  # towns are listed on their county's page


def test_report_urls_are_site_relative_without_a_site_url() -> None:
    from site_builder.content.metrics import Vocabulary
    from site_builder.site.figure_downloads import download_tables
    from site_builder.site.figure_rows import figure_rows
    from site_builder.site.generated import Site
    from site_builder.site.model import Language, collect_reports, read_report_page

    pages = [read_report_page(text, name) for name, text in PURPOSE_REPORTS.items()]
    reports = collect_reports(pages)
    english = Language("en", "English", "", True)
    site = Site(english, [english, Language("zh", "中文", "zh/")], reports)
    rows = figure_rows(reports, Vocabulary())
    for site_url, url in (
        (None, "reports/shimen/"),
        ("https://h.test/d/", "https://h.test/d/reports/shimen/"),
    ):
        table, figures = download_tables(rows, site, site_url)
        shimen = next(row for row in table.rows if row[0] == "shimen")
        assert dict(zip(table.columns, shimen, strict=True))["url"] == url
    assert len(figures.rows) == len(rows) and len(table.rows) == len(PURPOSE_REPORTS)


def test_the_archive_goes_on_to_further_pages_by_year(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # One report a page: a year over two pages, its anchor where it starts; the year links
    # and a report's period link go to that page.
    monkeypatch.setattr("site_builder.site.archive.ARCHIVE_ROWS", 1)
    names = ("metrics.yml", "glossary.yml", "about.en.md", "about.zh.md")
    files = {name: (CONTENT / name).read_text(encoding="utf-8") for name in names}
    site = build_files(tmp_path, files | PURPOSE_REPORTS)
    first, second, third = (article(read(site, f"archive/{n}index.html")) for n in ("", "2/", "3/"))
    assert 'id="year-2024"' in first and 'href="3/#year-2023"' in first
    assert "2024 (continued)" in second and 'id="year-2024"' not in second
    assert 'href="../#year-2024"' in second and 'href="../3/#year-2023"' in second
    assert 'id="year-2023"' in third and "2023-12-28-chengdong" in third
    assert '<span aria-current="page">3</span>' in third and 'href="../2/">2</a>' in third
    header = article(read(site, "reports/2023-12-28-chengdong/index.html"))
    assert 'href="../../archive/3/#year-2023"' in header
    assert "（续）" in article(read(site, "zh/archive/2/index.html"))
