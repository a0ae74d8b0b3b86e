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
from tests.sites import (  # a real `mkdocs build --strict`
    build_site,
    config_copy,
    publish_drafts,
)

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
    vocabulary = load_metrics(root / "content" / "metrics.yml")
    for name in ("gangshan_2022.txt", "shuangshan_2023.txt"):
        import_file(ROOT / "tests/data/reports" / name, root / "content", vocabulary=vocabulary)
    publish_drafts(root / "content")
    return build_site(root / "site", docs_dir=root / "content")


def read(site: Path, path: str) -> str:
    return (site / path).read_text(encoding="utf-8")


def article(html: str) -> str:
    start = html.index('<article class="md-content__inner')
    return html[start : html.rindex("</article>")]


def chart(html: str, section: str = "levels") -> str:
    part = html[html.index(f'<section class="digest-metric" id="{section}">') :]
    return part[part.index("<svg") : part.index("</svg>") + 6]


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
        assert re.search(r'data-label="[^"]+">2</td>', row)  # two reports
        assert f'href="{downloads}key-figures.csv"' in html
        assert f'href="{downloads}key-figures.json"' in html
    # The index lists metrics, never every figure: a row per metric seen.
    index = article(read(site, "key-figures/index.html"))
    metrics = index[index.index('id="digest-metrics"') : index.index("</table>")]
    rows = re.findall(r"<tr>\s*<td", metrics)
    assert len(rows) == 3  # fiscal revenue, fixed-asset investment, industrial and commercial tax


# -- a metric page ------------------------------------------------------------------------------


def test_metric_page_compares_both_reports_in_a_bar_chart(site: Path) -> None:
    html = article(read(site, "key-figures/fixed_asset_investment/index.html"))
    svg = chart(html)
    assert 'role="img"' in svg and "<title id=" in svg and "<desc id=" in svg
    assert svg.count('class="digest-chart__bar"') == 2
    assert "Gangshan Subdistrict, Zoucheng City · Jan–Nov 2021" in svg
    assert "Shuangshan Subdistrict · 2022" in svg
    assert "12.6 billion yuan" in svg and "7.092 billion yuan" in svg  # exact, never rounded
    # the larger value has the longer bar
    widths = [float(w) for w in re.findall(r'class="digest-chart__bar" [^>]*width="([\d.]+)"', svg)]
    assert widths[0] > widths[1] > 0
    rows = table_rows(html)
    assert len(rows) == 2
    assert any('data-sort="7092000000"' in r and "Jan–Nov 2021" in r for r in rows)
    assert any('data-sort="12600000000"' in r and "Shuangshan Subdistrict" in r for r in rows)
    changes = table_rows(html, "changes")
    assert len(changes) == 1 and "50.7" in changes[0]


def test_metric_page_in_chinese(site: Path) -> None:
    html = article(read(site, "zh/key-figures/fixed_asset_investment/index.html"))
    svg = chart(html)
    assert "邹城市钢山街道 · 2021年1—11月" in svg and "双山街道 · 2022年" in svg
    assert "70.92亿元" in svg and "126亿元" in svg
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
    data = (site / "key-figures.csv").read_bytes()
    assert data.startswith(b"\xef\xbb\xbf")  # UTF-8 with BOM: Excel reads the Chinese right
    rows = list(csv.DictReader(io.StringIO(data.decode("utf-8-sig"))))
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
    assert investment["label_zh"] == "固定资产投资"
    assert investment["label_en"] == "fixed-asset investment"  # from the vocabulary
    assert investment["title_zh"] == "敢立潮头逐浪高 奋楫扬帆谱新篇"
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


def test_json_has_the_same_figures(site: Path) -> None:
    data = json.loads(read(site, "key-figures.json"))
    columns = data["columns"]
    assert columns[:3] == ["report", "title_zh", "title_en"]
    figures = [dict(zip(columns, row, strict=True)) for row in data["rows"]]
    rows = list(
        csv.DictReader(io.StringIO((site / "key-figures.csv").read_bytes().decode("utf-8-sig")))
    )
    assert len(figures) == len(rows)
    investment = next(f for f in figures if f["report"] == GANGSHAN and f["text"] == "70.92亿元")
    assert investment["value"] == 7092000000 and investment["yoy"] is False
    assert investment["metric"] == "fixed_asset_investment" and investment["period"] == "2021-01/11"
    assert investment["label_en"] == "fixed-asset investment"
    decline = next(f for f in figures if f["report"] == GANGSHAN and f["text"] == "12%")
    assert decline["value"] == -12 and decline["yoy"] is True


# -- several years: lines -----------------------------------------------------------------------


def test_several_years_draw_lines_per_region(years_site: Path) -> None:
    html = article(read(years_site, "key-figures/fixed_asset_investment/index.html"))
    svg = chart(html)
    assert "digest-chart__series--0" in svg and "digest-chart__series--1" in svg
    assert "digest-chart__series--2" not in svg  # 双山街道 and 章丘区双山街道 are one region
    assert svg.count("<path ") == 2
    for year in ("2021", "2022", "2023"):
        assert f">{year}</text>" in svg
    # each line is named at its end; the legend under the chart gives the full names
    assert ">Gangshan</text>" in svg and ">Shuangshan</text>" in svg
    legend = html[html.index('<ul class="digest-chart__legend">') :]
    legend = legend[: legend.index("</ul>")]
    assert "Gangshan Subdistrict, Zoucheng City" in legend
    assert "Shuangshan Subdistrict, Zhangqiu District" in legend
    assert len(table_rows(html)) == 4
    zh = article(read(years_site, "zh/key-figures/fixed_asset_investment/index.html"))
    assert ">双山街道</text>" in chart(zh) and ">钢山街道</text>" in chart(zh)
    assert "章丘区双山街道" in zh and "邹城市钢山街道" in zh


def test_long_tables_go_on_to_further_pages(tmp_path: Path) -> None:
    """With more rows than `metric_rows`, a metric's table continues on /2/, /3/, …"""
    docs = tmp_path / "content"
    shipped_with_metrics(docs)
    vocabulary = load_metrics(docs / "metrics.yml")
    source = (ROOT / "tests/data/reports/gangshan_2022.txt").read_text(encoding="utf-8")
    for year in range(2001, 2013):
        path = tmp_path / f"gangshan_{year}.txt"
        path.write_text(source.replace("2022", str(year)), encoding="utf-8")
        import_file(path, docs, vocabulary=vocabulary)
    publish_drafts(docs)
    custom = config_copy(
        tmp_path, docs_dir=docs, replace=[("  - digest\n", "  - digest:\n      metric_rows: 10\n")]
    )
    site = build_site(tmp_path / "site", config_file=custom, site_url=None)
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
    vocabulary = load_metrics(root / "content" / "metrics.yml")
    for name in ("gangshan_2022.txt", "shuangshan_2023.txt"):
        import_file(ROOT / "tests/data/reports" / name, root / "content", vocabulary=vocabulary)
    publish_drafts(root / "content")
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
                svg = page.locator("section#levels svg.digest-chart__svg")
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
                lines = page.locator("section#levels svg.digest-chart__svg path")
                assert lines.count() == 2
                page.screenshot(
                    path=str(SHOTS / f"metric-{prefix.strip('/') or 'en'}-{width}.png"),
                    full_page=True,
                )
            # Sort the values table by value, largest first.
            heading = page.locator("section#levels th button").nth(3)
            heading.click()
            heading.click()
            first = page.locator("section#levels tbody tr").first.locator("td").nth(3)
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
