"""The reader's site in a real browser (issue 21): search readers can use, accessibility
(axe-core), glossary explanations by keyboard and touch. The project's site served under
/digest/ (tests/served_site.py), Debian's chromium through Playwright."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.served_site import Server
from tests.test_browser import CHROMIUM, REPORT, goto, open_page, search

pytestmark = pytest.mark.skipif(not CHROMIUM.exists(), reason=f"{CHROMIUM} is missing")


# -- search ---------------------------------------------------------------------------------


def test_an_english_indicator_name_finds_its_page_and_the_reports(browser, site: Server) -> None:  # type: ignore[no-untyped-def]
    context, page, watch = open_page(browser, site)
    goto(page, site.base_url)
    links = search(page, "fixed-asset investment")
    assert "/digest/key-figures/fixed_asset_investment/" in links, links
    assert any(link.startswith("/digest/reports/") for link in links), links
    # An indicator no report gives yet (GDP in the shipped content) finds the key-figures
    # page, which says it has no value yet, rather than nothing.
    links = search(page, "GDP")
    assert "/digest/key-figures/" in links, links
    watch.check()
    context.close()


def test_a_report_whose_headline_figure_matches_ranks_above_the_glossary(
    browser, site: Server
) -> None:  # type: ignore[no-untyped-def]
    context, page, watch = open_page(browser, site)
    goto(page, site.base_url + "zh/")
    links = search(page, "财政收入")
    reports = [i for i, link in enumerate(links) if "/reports/" in link]
    glossary = [i for i, link in enumerate(links) if "/glossary/" in link]
    assert reports and (not glossary or reports[0] < glossary[0]), links
    watch.check()
    context.close()


def test_a_search_is_shared_by_its_address(browser, site: Server) -> None:  # type: ignore[no-untyped-def]
    context, page, watch = open_page(browser, site)
    goto(page, site.base_url + "zh/?q=财政收入")
    page.locator("a.pagefind-ui__result-link").first.wait_for(timeout=15_000)
    assert page.locator(".digest-search__panel").is_visible()
    assert page.locator("input.pagefind-ui__search-input").input_value() == "财政收入"
    box = page.locator("input.pagefind-ui__search-input")
    box.fill("")
    page.keyboard.insert_text("GDP")
    page.wait_for_function("location.search.includes('q=GDP')")
    watch.check()
    context.close()


# -- accessibility --------------------------------------------------------------------------

AXE = Path(__file__).parent / "vendor/axe-core/axe.min.js"  # vendored: see its README.md
PAGE_KINDS = {
    "home": "",
    "archive": "archive/",
    "key figures": "key-figures/",
    "metric": "key-figures/fiscal_revenue/",
    "places": "places/",
    "place": "places/shandongsheng/jiningshi/",
    "glossary": "glossary/",
    "about": "about/",
    "report": REPORT,
}
ONCE = {"bilingual view": REPORT + "bilingual/", "source view": REPORT + "original/"}


def serious_violations(page) -> list[str]:  # type: ignore[no-untyped-def]
    """axe-core's serious and critical violations on the page as it is now."""
    page.add_script_tag(content=AXE.read_text(encoding="utf-8"))
    found = page.evaluate(
        """async () => (await axe.run(document, {resultTypes: ["violations"]})).violations
             .filter((v) => v.impact === "serious" || v.impact === "critical")
             .map((v) => v.id + ": " + v.nodes.map((n) => n.target.join(" ")).join(", "))"""
    )
    return list(found)


def open_search(page, query: str) -> None:  # type: ignore[no-untyped-def]
    page.locator(".digest-search__open").click()
    page.locator("input.pagefind-ui__search-input").wait_for(timeout=15_000)
    page.keyboard.insert_text(query)
    page.locator("a.pagefind-ui__result-link").first.wait_for(timeout=15_000)


@pytest.mark.parametrize("width", [1280, 390])
def test_axe_finds_no_serious_violation_on_any_page_kind(browser, site: Server, width: int) -> None:  # type: ignore[no-untyped-def]
    context, page, watch = open_page(browser, site, width=width)
    urls = [prefix + url for url in PAGE_KINDS.values() for prefix in ("", "zh/")]
    urls += list(ONCE.values())
    found = {}
    for url in urls:
        goto(page, site.base_url + url)
        found[url] = serious_violations(page)
    # with the search open, results shown
    for url, query in (("", "fiscal revenue"), ("zh/" + REPORT, "财政收入")):
        goto(page, site.base_url + url)
        open_search(page, query)
        found[f"{url} (search open)"] = serious_violations(page)
    assert {url: v for url, v in found.items() if v} == {}
    context.close()


def test_glossary_explanations_open_from_the_keyboard_and_by_touch(browser, site: Server) -> None:  # type: ignore[no-untyped-def]
    explanation = "(el) => getComputedStyle(el, '::after').content"
    context, page, watch = open_page(browser, site)
    goto(page, site.base_url + REPORT)
    term = page.locator("article abbr[title]").first
    note = term.get_attribute("title")
    assert note and term.get_attribute("tabindex") == "0"
    assert term.evaluate(explanation) in ("none", "normal")
    term.focus()  # as Tab reaches it
    assert note in term.evaluate(explanation)
    context.close()

    context = browser.new_context(viewport={"width": 390, "height": 800}, has_touch=True)
    page = context.new_page()
    goto(page, site.base_url + REPORT)
    term = page.locator("article abbr[title]").first
    term.scroll_into_view_if_needed()
    term.tap()
    assert term.evaluate("(el) => el === document.activeElement")
    assert note in term.evaluate(explanation)
    context.close()


# -- tables on a phone ------------------------------------------------------------------------


@pytest.mark.parametrize("prefix, column", [("", "Region: "), ("zh/", "地区：")])
def test_a_table_row_on_a_phone_is_a_card_whose_cells_name_their_column(  # type: ignore[no-untyped-def]
    browser, site: Server, prefix: str, column: str
) -> None:
    # The HTML names each column once, in the heading; the script gives every cell its
    # column's name, which a phone's card layout shows before the value.
    context, page, watch = open_page(browser, site, width=390, height=800)
    goto(page, site.base_url + prefix + "key-figures/fiscal_revenue/")
    table = page.locator("table.digest-table[data-labelled]").first
    table.wait_for()
    cell = table.locator("tbody tr").first.locator("td").nth(1)
    before = cell.evaluate("(c) => getComputedStyle(c, '::before').content")
    assert before.strip('"') == column
    assert cell.evaluate("(c) => getComputedStyle(c).display") == "block"
    watch.check()
    context.close()
