"""The bilingual view in a real browser (issue 21): a document of a few KB whose script fetches
the report's two pages and shows their blocks side by side.

A site built from tests/test_site_build.py's files, with hostile text in the last paragraph
of both languages (test_hostile.py's strings, written as the converter writes text) and a
second report whose English has a different sequence of blocks; then markup that would run
is put into the built English page's body, as if a page carried it. Served under /digest/
(tests/served_site.py), Debian's chromium through Playwright (fixture ``browser``).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest

from site_builder.content.blocks import escape
from tests.served_site import Server, serve
from tests.sites import build_files
from tests.test_browser import CHROMIUM, goto, open_page
from tests.test_hostile import HOSTILE
from tests.test_reader_browser import serious_violations
from tests.test_site_build import FILES, REPORT_EN, REPORT_ZH, SLUG

pytestmark = pytest.mark.skipif(not CHROMIUM.exists(), reason=f"{CHROMIUM} is missing")

VIEW = f"reports/{SLUG}/bilingual/"
MISALIGNED = "2022-06-30-misaligned"
# The test report's blocks without its key-figure callouts (the view leaves them out).
ROWS = ["paragraph", "heading", "paragraph", "caption", "caption", "credit", "heading", "paragraph"]
HOSTILE_TEXT = " ".join(HOSTILE)

MISALIGNED_ZH = """---
title: 段落不齐的报道
date: 2022-06-30
period: '2022'
publication: 大众日报
edition: null
byline: null
region: 双山街道
key_figures: []
---

## 工作回顾

双山街道上半年工作稳步推进。
"""
MISALIGNED_EN = """---
title: A Report Whose Blocks Differ
key_figures: []
translation: {status: reviewed, source_digests: []}
---

Shuangshan Subdistrict made steady progress in the first half of the year.

A paragraph where the Chinese page has its text.
"""

# Put into a paragraph of the built English page: what a page must never make run in the view.
LIVE = (
    '<img src="javascript:window.ran=1" onerror="window.ran=1" alt="">'
    "<script>window.ran = 2</script>"
    '<a href="javascript:window.ran=3" onclick="window.ran=3">a script link</a>'
    '<svg onload="window.ran=4"><text>svg text</text></svg>'
    '<iframe src="javascript:window.ran=5"></iframe>'
    '<b onmouseover="window.ran=6" style="color:red">bold text</b>'
    '<a href="https://example.test/elsewhere">a web link</a>'
)


@pytest.fixture(scope="module")
def served(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    zh_last = "报道原文含有&lt;script&gt;alert(1)&lt;/script&gt;和\\[点我\\](javascript:alert(1))。"
    en_last = "and \\[click\\](javascript:alert(1))."
    assert zh_last in REPORT_ZH and en_last in REPORT_EN
    files = dict(FILES)
    files[f"reports/{SLUG}/index.zh.md"] = REPORT_ZH.replace(
        zh_last, zh_last + escape(HOSTILE_TEXT), 1
    )
    files[f"reports/{SLUG}/index.en.md"] = REPORT_EN.replace(
        en_last, en_last + " " + escape(HOSTILE_TEXT), 1
    )
    files[f"reports/{MISALIGNED}/index.zh.md"] = MISALIGNED_ZH
    files[f"reports/{MISALIGNED}/index.en.md"] = MISALIGNED_EN
    site = build_files(tmp_path_factory.mktemp("bilingual-view"), files)
    page = site / f"reports/{SLUG}/index.html"
    html = page.read_text(encoding="utf-8")
    marked = re.sub(r"(The crime rate was down[^<]*)", rf"\1{LIVE}", html, count=1)
    assert marked != html
    page.write_text(marked, encoding="utf-8")
    server = serve(site)
    yield server
    server.close()


def rows(page) -> list[str]:  # type: ignore[no-untyped-def]
    page.locator(".digest-pair").first.wait_for()
    return page.eval_on_selector_all(
        ".digest-pair", "(rows) => rows.map((r) => r.className.split('--')[1])"
    )


def test_the_view_pairs_the_blocks_of_both_pages(browser, served: Server) -> None:  # type: ignore[no-untyped-def]
    context, page, watch = open_page(browser, served)
    goto(page, served.base_url + VIEW)
    assert rows(page) == ROWS
    assert page.locator(".digest-status").count() == 0  # aligned: no notice
    for pair in page.locator(".digest-pair:not(.digest-pair--caption)").all():
        sides = pair.locator(".digest-pair__side")
        assert [sides.nth(i).get_attribute("lang") for i in range(2)] == ["zh", "en"]
    for pair in page.locator(".digest-pair--heading").all():
        assert pair.locator("[lang=zh] > h2").count() == 1
        assert pair.locator("[lang=en] > h2").count() == 1
    first = page.locator(".digest-pair").first
    assert "2021年,街道" in first.locator("[lang=zh]").inner_text()
    assert "In 2021 the subdistrict" in first.locator("[lang=en]").inner_text()
    lead = page.locator(".digest-pair--paragraph").nth(1).locator("[lang=zh] strong")
    assert lead.inner_text() == "聚力“双招双引”,筑牢发展根基。"
    # a glossary explanation keeps its tooltip; the heading's ¶ link and ids stay behind
    assert page.locator("[lang=en] abbr[title][tabindex='0']").count() >= 1
    assert page.locator("main .headerlink, main [id]").count() == 0
    # a photo once, with its caption in each language; its address is the report's image
    photo = page.locator(".digest-pair--caption").first
    src = photo.locator("img").get_attribute("src") or ""
    assert src == served.base_url + f"reports/{SLUG}/images/1.jpg"
    captions = photo.locator("figcaption > span")
    assert [captions.nth(i).get_attribute("lang") for i in range(2)] == ["en", "zh"]
    assert "北关社区幸福食堂" in captions.nth(1).inner_text()
    assert page.locator(".digest-pair--credit [lang=zh] p.credit").count() == 1
    # key-figure callouts, the report header, the editor's note, the pager: not in the view
    main = page.locator("main").inner_text()
    for absent in ("At a glance", "数据速览", "The editors moved the lede", "Previous report"):
        assert absent not in main
    watch.check()
    context.close()


def test_nothing_from_a_report_page_runs_in_the_view(browser, served: Server) -> None:  # type: ignore[no-untyped-def]
    context, page, watch = open_page(browser, served)
    dialogs: list[str] = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    goto(page, served.base_url + VIEW)
    rows(page)
    last = page.locator(".digest-pair").last
    page.locator("main b").first.hover()  # an event handler would run now
    main = page.locator("main")
    text = main.inner_text()
    for hostile in HOSTILE:  # the report's text, shown as text in both languages
        assert text.count(hostile) == 2, hostile
    assert "a script link" in text and "bold text" in text and "svg text" in text
    assert page.evaluate("window.ran") is None and dialogs == []
    found = page.evaluate(
        """() => Array.from(document.querySelectorAll("main *")).flatMap((e) =>
             Array.from(e.attributes, (a) => a.name)
               .filter((n) => n.startsWith("on") || n === "style")
               .map((n) => e.tagName + " " + n))"""
    )
    assert found == []
    assert main.locator("script, iframe, svg, object, embed").count() == 0
    links = main.locator("a").evaluate_all("(links) => links.map((a) => a.getAttribute('href'))")
    assert links == [None, "https://example.test/elsewhere"]  # the script link lost its href
    assert last.locator("[lang=en] img").get_attribute("src") is None
    watch.check()
    context.close()


def test_blocks_of_different_kinds_show_the_misaligned_notice(browser, served: Server) -> None:  # type: ignore[no-untyped-def]
    context, page, watch = open_page(browser, served)
    goto(page, served.base_url + f"reports/{MISALIGNED}/bilingual/")
    assert rows(page) == ["heading", "paragraph"]
    notice = page.locator("main .digest-status")
    assert "does not have the same paragraphs" in notice.inner_text()
    first = page.locator(".digest-pair").first
    assert first.locator("[lang=zh] h2").inner_text() == "工作回顾"
    assert "steady progress" in first.locator("[lang=en] p").inner_text()
    assert serious_violations(page) == []
    watch.check()
    context.close()


def test_a_page_that_fails_to_load_leaves_a_message_and_the_two_links(
    browser, served: Server
) -> None:  # type: ignore[no-untyped-def]
    context, page, watch = open_page(browser, served)
    page.route(f"**/zh/reports/{SLUG}/", lambda route: route.fulfill(status=404, body="gone"))
    goto(page, served.base_url + VIEW)
    message = page.locator("main .digest-status")
    message.wait_for()
    assert "could not be loaded" in message.inner_text()
    hrefs = message.locator("a").evaluate_all("(a) => a.map((l) => l.getAttribute('href'))")
    assert hrefs == [f"../../../zh/reports/{SLUG}/", "../"]
    assert page.locator(".digest-pair").count() == 0
    assert page.locator("[data-bilingual]").get_attribute("aria-busy") is None
    assert [e for e in watch.errors if "404" not in e] == []  # the browser logs the 404
    context.close()


def test_without_javascript_the_view_links_to_the_two_pages(browser, served: Server) -> None:  # type: ignore[no-untyped-def]
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    goto(page, served.base_url + VIEW)
    message = page.locator("main p")
    assert "needs JavaScript" in message.inner_text()
    assert message.locator("a[hreflang=zh]").get_attribute("href") == f"../../../zh/reports/{SLUG}/"
    assert message.locator("a[hreflang=en]").get_attribute("href") == "../"
    context.close()


def test_the_view_has_no_serious_accessibility_violation(browser, served: Server) -> None:  # type: ignore[no-untyped-def]
    for width in (1280, 390):
        context, page, watch = open_page(browser, served, width=width)
        goto(page, served.base_url + VIEW)
        rows(page)
        assert serious_violations(page) == [], width
        overflow = page.evaluate(
            "() => document.documentElement.scrollWidth - document.documentElement.clientWidth"
        )
        assert overflow <= 0, f"scrolls sideways by {overflow}px at {width}px"
        watch.check()
        context.close()
