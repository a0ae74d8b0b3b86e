"""“Cite this report” and the printed edition in a real browser: Debian's chromium driven by
Playwright, the project's site served under a sub-path (``/digest/``) as on GitHub Pages.

Cite: the control opens on a report page in each language, shows
the permalink, the citation, BibTeX and RIS, and copies them to the clipboard with today's
date as the accessed date — by mouse and by keyboard, with a selection to copy by hand when
the clipboard is refused, and still readable without JavaScript; no console errors.

Print: the report and the bilingual view printed to PDF by Chromium (``page.pdf``), text
extracted with poppler's ``pdftotext`` (pypdf cannot map some CJK fonts' glyphs back to text,
Noto CJK among them, so its extraction depended on the installed font; pypdf still reads the
page sizes): what the article shows (title, source line, key-figure callouts,
captions, editor's note, the last paragraph) and the page's address are printed, the site's
header, navigation and links are not, nothing runs past the right edge, the report is on A4
portrait and the bilingual view (a document of its own, assembled by its script) on A4
landscape with the languages side by side.
"""

from __future__ import annotations

import io
import re
import shutil
import subprocess
import unicodedata

import bibtexparser
import pytest

from tests.served_site import ROOT, Server
from tests.test_browser import CHROMIUM, REPORT, goto, open_page

pytestmark = [
    pytest.mark.skipif(not CHROMIUM.exists(), reason=f"{CHROMIUM} is missing (CI installs it)"),
    pytest.mark.skipif(not (ROOT / "mkdocs.yml").is_file(), reason="no mkdocs.yml yet"),
]

BILINGUAL = REPORT + "bilingual/"
PAGES = {"report-en": REPORT, "report-zh": "zh/" + REPORT}  # with a Cite panel
A4 = (595.3, 841.9)  # points, portrait
MM = 96 / 25.4  # CSS px per mm
# The printable width of print.css's @page boxes: A4 less the left and right margins.
PRINT_WIDTH = {"portrait": round((210 - 32) * MM), "landscape": round((297 - 28) * MM)}


def today(page, style: str) -> str:  # type: ignore[no-untyped-def]
    """Today on the browser's clock, as cite.js writes it."""
    y, m, d = page.evaluate(
        "(() => { const t = new Date(); return [t.getFullYear(), t.getMonth() + 1, t.getDate()]; })()"
    )
    months = "January February March April May June July August September October November December"
    if style == "en":
        return f"{months.split()[m - 1]} {d}, {y}"  # American style, like the site
    return f"{y}/{m:02}/{d:02}" if style == "ris" else f"{y}-{m:02}-{d:02}"


def chinese_font() -> bool:
    """Whether fontconfig has a font with Chinese glyphs (without one, Chromium prints
    Chinese as empty boxes and the PDF has no Chinese text to read back)."""
    if not shutil.which("fc-list"):
        return False
    listed = subprocess.run(["fc-list", ":lang=zh"], capture_output=True, text=True, check=False)
    return bool(listed.stdout.strip())


NO_FONT = "no Chinese font: install one, e.g. apt-get install fonts-wqy-microhei (.ci/run does)"


def flat(text: str) -> str:
    """Text to compare across line breaks and PDF extraction: ligatures undone, no spaces."""
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", text))


# -- Cite ---------------------------------------------------------------------------------------


@pytest.mark.parametrize("name", list(PAGES))
def test_cite_opens_shows_the_formats_and_copies(browser, site: Server, name: str) -> None:  # type: ignore[no-untyped-def]
    context, page, watch = open_page(browser, site)
    context.grant_permissions(["clipboard-read", "clipboard-write"], origin=watch.origin)
    goto(page, site.base_url + PAGES[name])
    toggle = page.locator("summary.digest-cite__toggle")
    panel = page.locator(".digest-cite__panel")
    assert not panel.is_visible()
    toggle.click()
    assert panel.is_visible()
    labels = panel.locator(".digest-cite__label").all_inner_texts()
    assert len(labels) == 4 and "BibTeX" in labels and any("RIS" in label for label in labels)
    permalink = page.locator("#digest-cite-permalink").inner_text()
    assert permalink == site.base_url + PAGES[name]

    citation = page.locator("#digest-cite-text").inner_text()
    assert permalink in citation
    assert today(page, "iso" if name == "report-zh" else "en") in citation

    panel.get_by_role("button", name=re.compile("BibTeX")).click()
    status = page.locator("[data-digest-cite-status]")
    status.wait_for(state="visible")
    copied = page.evaluate("navigator.clipboard.readText()")
    assert copied == page.locator("#digest-cite-bibtex").inner_text()
    entry = bibtexparser.parse_string(copied).entries[0]
    assert entry["urldate"] == today(page, "iso") and entry["url"] == permalink

    panel.get_by_role("button", name=re.compile("RIS")).click()
    ris = page.evaluate("navigator.clipboard.readText()").split("\n")
    assert (
        ris[0] == "TY  - NEWS" and ris[-1].startswith("ER") and f"Y2  - {today(page, 'ris')}" in ris
    )
    watch.check()
    context.close()


def test_cite_works_from_the_keyboard(browser, site: Server) -> None:  # type: ignore[no-untyped-def]
    context, page, watch = open_page(browser, site)
    context.grant_permissions(["clipboard-read", "clipboard-write"], origin=watch.origin)
    goto(page, site.base_url + REPORT)
    toggle = page.locator("summary.digest-cite__toggle")
    toggle.focus()
    page.keyboard.press("Enter")
    assert page.locator(".digest-cite__panel").is_visible()
    page.keyboard.press("Tab")  # the first copy button: the permalink's
    focused = page.evaluate("document.activeElement.getAttribute('data-digest-copy')")
    assert focused == "digest-cite-permalink"
    page.keyboard.press("Enter")
    page.locator("[data-digest-cite-status]").wait_for(state="visible")
    assert page.evaluate("navigator.clipboard.readText()") == site.base_url + REPORT
    page.keyboard.press("Escape")
    assert not page.locator(".digest-cite__panel").is_visible()
    assert page.evaluate("document.activeElement.classList.contains('digest-cite__toggle')")
    watch.check()
    context.close()


def test_a_refused_clipboard_leaves_the_citation_selected(browser, site: Server) -> None:  # type: ignore[no-untyped-def]
    context, page, watch = open_page(browser, site)
    # An older browser or a page not served over HTTPS: no Clipboard API to write with.
    context.add_init_script(
        "Object.defineProperty(navigator, 'clipboard', {value: {writeText: () => "
        "Promise.reject(new DOMException('Write permission denied.', 'NotAllowedError'))}});"
    )
    goto(page, site.base_url + REPORT)
    page.locator("summary.digest-cite__toggle").click()
    page.get_by_role("button", name=re.compile("Citation")).click()
    status = page.locator("[data-digest-cite-status]")
    status.wait_for(state="visible")
    assert "Ctrl+C" in status.inner_text()
    selected = page.evaluate("window.getSelection().toString()")
    assert selected == page.locator("#digest-cite-text").inner_text() and "Accessed" in selected
    watch.check()
    context.close()


def test_without_javascript_the_panel_opens_with_undated_citations(browser, site: Server) -> None:  # type: ignore[no-untyped-def]
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    goto(page, site.base_url + REPORT)
    page.locator("summary.digest-cite__toggle").click()
    panel = page.locator(".digest-cite__panel")
    assert panel.is_visible()
    assert panel.locator("button").count() == 4 and not panel.locator("button").first.is_visible()
    citation = page.locator("#digest-cite-text").inner_text()
    assert "Accessed" not in citation and "Jining Daily" in citation
    assert "accessed date" in panel.locator("[data-digest-cite-nojs]").inner_text()
    assert "@@" not in panel.inner_text()
    context.close()


# -- Print --------------------------------------------------------------------------------------


class Printed:
    """A PDF: its pages (pypdf, for their sizes) and each page's text (pdftotext)."""

    def __init__(self, data: bytes) -> None:
        from pypdf import PdfReader

        self.pages = PdfReader(io.BytesIO(data)).pages
        self.texts = pdf_texts(data)


def pdf_texts(data: bytes) -> list[str]:
    """Each page's text, by poppler's pdftotext in the order Chromium wrote it (-raw: the
    document's order, not columns guessed from the layout); pages end with a form feed."""
    assert PDFTOTEXT, NO_PDFTOTEXT
    done = subprocess.run(
        [PDFTOTEXT, "-raw", "-enc", "UTF-8", "-", "-"], input=data, capture_output=True, check=True
    )
    return done.stdout.decode("utf-8").split("\f")[:-1]


PDFTOTEXT = shutil.which("pdftotext")
NO_PDFTOTEXT = "no pdftotext: apt-get install poppler-utils (.ci/run and make test do)"


def printed(page, url: str) -> Printed:  # type: ignore[no-untyped-def]
    """The page printed by Chromium as the browser's print dialog would (CSS page size)."""
    goto(page, url)
    return Printed(page.pdf(prefer_css_page_size=True))


def shown_in_article(page) -> list[str]:  # type: ignore[no-untyped-def]
    """What a reader of the page sees of the report: title and subtitle, the source line,
    callouts, captions, the editor's note and the end of the last paragraph."""
    texts = page.evaluate(
        """() => {
          const q = (s) => Array.from(document.querySelectorAll(s), (e) => e.innerText.trim());
          const paragraphs = q("article .md-typeset p, article p").filter((t) => t.length > 40);
          return [
            ...q("article h1"), ...q("article .digest-subtitle"), ...q("article .digest-meta dd"),
            ...q("article .digest-figures strong"), ...q("article .digest-figures__title"),
            ...q("article figcaption"), ...q("article .digest-note__title"),
            ...paragraphs.slice(-1).map((t) => t.slice(-40)),
          ];
        }"""
    )
    return [text for text in texts if text]


def chrome_hidden_in_print(page) -> list[str]:  # type: ignore[no-untyped-def]
    """Selectors of the site's chrome that still take up room in print."""
    page.emulate_media(media="print")
    shown = page.evaluate(
        """(selectors) => selectors.filter((s) => Array.from(document.querySelectorAll(s))
             .some((e) => e.getClientRects().length > 0))""",
        [
            ".md-header",
            ".md-search",
            ".md-tabs",
            ".md-sidebar",
            ".md-footer",
            ".md-select",
            ".digest-actions",
            "summary.digest-cite__toggle",
        ],
    )
    page.emulate_media(media="null")  # no emulation: page.pdf prints as print
    return shown


def overflow_in_print(page, width: int, within: str = "article") -> list[str]:  # type: ignore[no-untyped-def]
    """Elements of the article (``within``) that end past the right edge of a printed page
    ``width`` px wide (the page laid out as its print stylesheet lays it out)."""
    page.set_viewport_size({"width": width, "height": 1000})
    page.emulate_media(media="print")
    past = page.evaluate(
        """(within) => {
          const edge = document.documentElement.clientWidth + 1;
          return Array.from(document.querySelectorAll(within + " *"))
            .filter((e) => e.getClientRects().length && e.getBoundingClientRect().right > edge)
            .map((e) => e.tagName + "." + e.className + ": " + e.textContent.slice(0, 40));
        }""",
        within,
    )
    page.emulate_media(media="null")  # no emulation: page.pdf prints as print
    return past


@pytest.mark.parametrize("name", ["report-en", "report-zh"])
def test_report_prints_on_a4_with_its_content_and_address(browser, site: Server, name: str) -> None:  # type: ignore[no-untyped-def]
    assert name == "report-en" or chinese_font(), NO_FONT
    context, page, watch = open_page(browser, site)
    url = site.base_url + PAGES[name]
    goto(page, url)
    wanted = shown_in_article(page)
    assert len(wanted) > 20
    assert chrome_hidden_in_print(page) == []
    assert overflow_in_print(page, PRINT_WIDTH["portrait"]) == []

    pdf = printed(page, url)
    assert 2 <= len(pdf.pages) <= 16
    for sheet in pdf.pages:
        size = (float(sheet.mediabox.width), float(sheet.mediabox.height))
        assert size == pytest.approx(A4, abs=1), "A4 portrait"
    texts = pdf.texts
    assert len(texts) == len(pdf.pages)
    assert all(text.strip() for text in texts), "no blank page"
    text = flat(" ".join(texts))
    missing = [part for part in wanted if flat(part) not in text]
    assert missing == [], "printed without these"
    assert flat(url) in text, "the page's address is printed"
    for chrome in ("Table of contents", "目录", "Cite this report", "引用本文"):
        assert flat(chrome) not in text
    watch.check()
    context.close()


def test_bilingual_view_prints_side_by_side_on_a4_landscape(browser, site: Server) -> None:  # type: ignore[no-untyped-def]
    assert chinese_font(), NO_FONT
    context, page, watch = open_page(browser, site)
    url = site.base_url + BILINGUAL
    goto(page, url)
    first = page.locator(".digest-pair--paragraph").first
    zh_text = first.locator("[lang=zh]").inner_text()
    en_text = first.locator("[lang=en]").inner_text()
    page.emulate_media(media="print")
    assert page.locator(".bilingual__links").is_hidden(), "the links are not printed"
    page.emulate_media(media="null")
    assert overflow_in_print(page, PRINT_WIDTH["landscape"], "main") == []

    page.emulate_media(media="print")
    zh_box = first.locator("[lang=zh]").bounding_box()
    en_box = first.locator("[lang=en]").bounding_box()
    page.emulate_media(media="null")  # no emulation: page.pdf prints as print
    assert zh_box and en_box
    assert zh_box["y"] == pytest.approx(en_box["y"], abs=2), "side by side, not one after the other"
    assert zh_box["x"] + zh_box["width"] <= en_box["x"], "Chinese on the left"

    pdf = printed(page, url)
    assert 2 <= len(pdf.pages) <= 24
    for sheet in pdf.pages:
        size = (float(sheet.mediabox.width), float(sheet.mediabox.height))
        assert size == pytest.approx(A4[::-1], abs=1), "A4 landscape"
    text = flat(" ".join(pdf.texts))
    assert flat(zh_text) in text and flat(en_text) in text
    assert flat(url) in text
    watch.check()
    context.close()
