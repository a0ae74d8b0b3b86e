"""The reader's site (issue 21) and the raw sources (issue 19, item 2), on real builds: the
original of a report as an escaped UTF-8 view and a UTF-8 download, never as live HTML."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

import pytest

from tests.served_site import serve
from tests.sites import build_files
from tests.test_browser import CHROMIUM, goto, open_page

SLUG = "2022-01-05-hostile-town"
GBK = "2021-gbk-town"

PAGE = """---
title: 敢立潮头 奋楫扬帆
date: 2022-01-05
period: '2021'
publication: 测试日报
edition: null
byline: null
region: 测试街道
source: source.html
source_url: {url}
key_figures: []
layout_notes: ['line 4: the page chrome around the article left out']
---

测试街道全年完成财政收入4.7亿元。
"""
HOSTILE = (
    "<html><head><base href='https://evil.test/'><meta http-equiv='refresh' content='0;url=https://evil.test/'>"
    "</head>\n<body>\n<script>alert('xss')</script>\n<iframe src='https://evil.test/'></iframe>\n"
    "<founder-content><p>测试街道全年完成财政收入4.7亿元。</p></founder-content>\n</body></html>\n"
)


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("reader")
    files: dict[str, str | bytes] = {
        "about.en.md": "# About\n",
        "about.zh.md": "# 关于\n",
        f"reports/{SLUG}/index.zh.md": PAGE.format(
            url="https://epaper.example.cn/a/content_89057.html"
        ),
        f"reports/{SLUG}/source.html": HOSTILE,
        f"reports/{SLUG}/notes.html": "<script>alert('other')</script>",  # not a report file
        f"reports/{GBK}/index.zh.md": PAGE.replace("source.html", "source.txt")
        .replace("2022-01-05", "2021-12-01")
        .format(url="'javascript:alert(1)'"),
        f"reports/{GBK}/source.txt": "第一行\r\n测试街道全年完成财政收入4.7亿元。\r\n".encode(
            "gbk"
        ),
    }
    return build_files(root, files)


class _LiveMarkup(HTMLParser):
    """Elements of the hostile source that would act if parsed as HTML."""

    def __init__(self) -> None:
        super().__init__()
        self.found: list[str] = []
        self._script = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = " ".join(str(v) for _, v in attrs)
        if tag in ("iframe", "base", "meta") and "evil.test" in values:
            self.found.append(tag)
        self._script = tag == "script"

    def handle_data(self, data: str) -> None:
        if self._script and "alert(" in data:
            self.found.append("script")


def test_no_source_file_reaches_the_site_as_html(site: Path) -> None:
    assert not list(site.rglob("source.html")) and not list(site.rglob("notes.html"))
    for path in site.rglob("*"):
        if path.suffix.lower() in (".html", ".htm", ".xhtml", ".svg", ".xml") and path.is_file():
            parser = _LiveMarkup()
            parser.feed(path.read_text(encoding="utf-8", errors="replace"))
            assert parser.found == [], path


def test_the_html_source_is_a_utf8_text_download(site: Path) -> None:
    data = (site / f"reports/{SLUG}/source.txt").read_bytes()
    assert data.startswith(b"\xef\xbb\xbf")  # read as UTF-8 whatever the server says
    assert "<script>alert('xss')</script>" in data.decode("utf-8-sig")


def test_the_source_view_is_a_small_document_that_reads_the_download(site: Path) -> None:
    view = (site / f"reports/{SLUG}/original/index.html").read_text(encoding="utf-8")
    assert view.startswith("<!doctype html>") and '<html lang="zh">' in view
    # the text is on the site once: in the download, not again in the view
    assert "alert(" not in view and "财政收入" not in view and len(view.encode()) < 3000
    assert 'data-source="../source.txt"' in view
    assert '<link rel="icon" href="../../../assets/images/favicon.png">' in view
    assert '<script src="../../../assets/javascripts/source-view.js" defer></script>' in view
    assert "<iframe" not in view and "<base" not in view
    assert 'href="https://epaper.example.cn/a/content_89057.html"' in view
    assert 'href="../source.txt"' in view and f'download="{SLUG}.txt"' in view
    assert 'href="../" hreflang="en"' in view and f'href="../../../zh/reports/{SLUG}/"' in view


def test_a_gbk_source_reads_in_utf8_and_an_unsafe_url_is_not_linked(site: Path) -> None:
    text = (site / f"reports/{GBK}/source.txt").read_bytes().decode("utf-8")
    assert text == "\ufeff第一行\n测试街道全年完成财政收入4.7亿元。\n"
    view = (site / f"reports/{GBK}/original/index.html").read_text(encoding="utf-8")
    assert "javascript:" not in view


@pytest.mark.skipif(not CHROMIUM.exists(), reason=f"{CHROMIUM} is missing")
def test_the_source_view_shows_numbered_lines_as_text_in_a_browser(site: Path, browser) -> None:  # type: ignore[no-untyped-def]
    server = serve(site)
    try:
        context, page, watch = open_page(browser, server)
        dialogs: list[str] = []
        page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
        goto(page, server.base_url + f"reports/{SLUG}/original/#L3")
        lines = page.locator("ol.source-view__lines > li")
        assert lines.nth(2).get_attribute("id") == "L3"
        assert lines.nth(2).text_content() == "<script>alert('xss')</script>"
        assert page.locator("ol.source-view__lines li.is-target").get_attribute("id") == "L3"
        assert page.locator("iframe, base, script:not([src])").count() == 0 and dialogs == []
        assert page.locator("ol.source-view__lines").get_attribute("aria-busy") is None
        goto(page, server.base_url + f"reports/{GBK}/original/")
        assert lines.all_text_contents() == ["第一行", "测试街道全年完成财政收入4.7亿元。"]
        assert lines.nth(1).get_attribute("id") == "L2"
        watch.check()
        context.close()
    finally:
        server.close()


def test_both_report_pages_link_to_the_one_view(site: Path) -> None:
    en = (site / f"reports/{SLUG}/index.html").read_text(encoding="utf-8")
    zh = (site / f"zh/reports/{SLUG}/index.html").read_text(encoding="utf-8")
    assert re.search(r'<a href="original/">Original text</a>', en)
    assert f'<a href="../../../reports/{SLUG}/original/">原文</a>' in zh
    assert not (site / f"zh/reports/{SLUG}/original").exists()


def test_the_example_site_url_warns_and_fails_under_github_actions(
    monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    from mkdocs.exceptions import PluginError

    from site_builder.mkdocs.site_url import check_site_url

    monkeypatch.delenv("GITHUB_ACTIONS", raising=False)
    check_site_url("https://owner.github.io/digest/")
    assert not caplog.records
    check_site_url("https://example.github.io/digest/")
    assert "site_url is the example" in caplog.records[-1].getMessage()
    monkeypatch.setenv("GITHUB_ACTIONS", "true")
    with pytest.raises(PluginError, match="configure-pages"):
        check_site_url("https://example.github.io/digest/")
    check_site_url("https://owner.github.io/digest/")


# -- furniture (issue 21.7) ------------------------------------------------------------------


def test_previous_and_next_report_by_date(site: Path) -> None:
    newer = (site / f"reports/{SLUG}/index.html").read_text(encoding="utf-8")
    older = (site / f"zh/reports/{GBK}/index.html").read_text(encoding="utf-8")
    assert f'href="../{GBK}/" rel="prev"' in newer and 'rel="next"' not in newer
    assert f'href="../{SLUG}/" rel="next"' in older and "下一篇" in older


def test_footer_names_the_feed_licence_and_how_to_report_an_error(site: Path) -> None:
    zh = (site / f"zh/reports/{SLUG}/index.html").read_text(encoding="utf-8")
    footer = zh[zh.index('<footer class="md-footer">') :]
    assert 'href="../../feed/atom.xml"' in footer  # zh/feed/atom.xml
    assert 'rel="license"' in footer and "许可协议" in footer
    assert "新报道订阅（Atom）" in footer


def test_the_404_page_speaks_both_languages(site: Path) -> None:
    page = (site / "404.html").read_text(encoding="utf-8")
    assert '<div lang="zh" class="digest-notfound">' in page and "页面不存在" in page
    assert "Page not found" in page
    assert not (site / "zh/404.html").exists()


def test_pages_carry_no_indentation_but_keep_preformatted_text(site: Path) -> None:
    page = (site / f"reports/{SLUG}/index.html").read_text(encoding="utf-8")
    outside_pre = re.sub(r"<(pre|script)\b.*?</\1>", "", page, flags=re.DOTALL)
    assert not re.search(r"\n[ \t]", outside_pre)
    assert "\n  author       = {" in page or "\n  title        = {" in page  # BibTeX, as written
