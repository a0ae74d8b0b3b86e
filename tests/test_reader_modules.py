"""Unit tests of the reader-side modules: search (Pagefind), feeds, sitemaps."""

from __future__ import annotations

import datetime as dt
import json
import xml.etree.ElementTree as ET

import pytest

from site_builder.site import feeds, search, sitemap
from site_builder.site.model import Language

ATOM = "{http://www.w3.org/2005/Atom}"
SM = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
XHTML = "{http://www.w3.org/1999/xhtml}"
LANGS = [Language("en", "English", "", True), Language("zh", "中文", "zh/")]


# -- search (Pagefind) ---------------------------------------------------------------------

PAGE = """<!doctype html><html lang="{lang}"><head><title>{title}</title></head><body>
<nav>menu words</nav>
<div{body}><h1>{title}</h1>
<dl><dd><span data-pagefind-meta="region">{region}</span></dd></dl>
<ul data-search-exclude><li>navigation link</li></ul>
<p>{text}</p></div></body></html>
"""


def _page(path, lang: str, title: str, text: str, *, body: bool = True) -> None:  # type: ignore[no-untyped-def]
    path.parent.mkdir(parents=True, exist_ok=True)
    attr = " data-pagefind-body" if body else ""
    html = PAGE.format(lang=lang, title=title, text=text, region="钢山街道", body=attr)
    path.write_text(html, encoding="utf-8")


def test_pagefind_indexes_marked_pages_one_index_per_language(tmp_path) -> None:  # type: ignore[no-untyped-def]
    _page(tmp_path / "reports/a/index.html", "en", "Gangshan", "fiscal revenue grew")
    _page(tmp_path / "zh/reports/a/index.html", "zh", "钢山", "全年完成财政收入4.7亿元")
    _page(tmp_path / "reports/a/bilingual/index.html", "en", "Both", "财政收入", body=False)
    stale = tmp_path / "pagefind/fragment/en_stale.pf_fragment"
    stale.parent.mkdir(parents=True)
    stale.write_bytes(b"old")

    stats = search.build_search_index(tmp_path, ("", "zh/"))

    assert stats.languages == {"en": 1, "zh": 1} and stats.pages == 2 and stats.seconds > 0
    for folder, lang in (("", "en"), ("zh/", "zh")):
        entry = json.loads((tmp_path / folder / "pagefind/pagefind-entry.json").read_text("utf-8"))
        assert set(entry["languages"]) == {lang}  # the Chinese pages only in zh/pagefind/
    assert not stale.exists()


def test_indexer_takes_exactly_the_files_it_is_given(tmp_path) -> None:  # type: ignore[no-untyped-def]
    _page(tmp_path / "reports/a,1/index.html", "en", "Gangshan", "fiscal revenue grew")
    _page(tmp_path / "zh/reports/a,1/index.html", "zh", "钢山", "全年完成财政收入4.7亿元")
    _page(tmp_path / "about/index.html", "en", "About", "how the digest is made")
    indexer = search.SearchIndexer(tmp_path)
    indexer.add_files(["reports/a,1/index.html"])
    indexer.add_files([])
    assert indexer.wait().languages == {"en": 1}
    chinese = search.SearchIndexer(tmp_path, "zh/")
    chinese.add_files(["zh/reports/a,1/index.html", "reports/a,1/index.html"])  # not its folder
    chinese.write_in_background()
    assert chinese.wait().languages == {"zh": 1}
    assert (tmp_path / "zh/pagefind/pagefind-entry.json").is_file()


def test_pagefind_with_nothing_to_index_is_an_error_naming_the_folder(tmp_path) -> None:  # type: ignore[no-untyped-def]
    (tmp_path / "index.html").write_text("<html lang=en><body></body></html>", encoding="utf-8")
    with pytest.raises(search.SearchIndexError, match=str(tmp_path)):
        search.build_search_index(tmp_path)


# -- feeds ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("meta", "expected"),
    [
        ({"date": dt.date(2021, 12, 31)}, dt.date(2021, 12, 31)),
        ({"date": "2022-01-05"}, dt.date(2022, 1, 5)),
        ({"date": None, "period": "2022"}, dt.date(2022, 12, 31)),
        ({"date": "soon", "period": "2020—2021"}, dt.date(2020, 12, 31)),
        ({}, dt.date(1970, 1, 1)),
    ],
)
def test_report_date(meta: dict[str, object], expected: dt.date) -> None:
    assert feeds.report_date(meta) == expected


def test_newest_first_and_limit() -> None:
    old = feeds.FeedEntry("old", "https://x/a/", dt.date(2020, 1, 1))
    new = feeds.FeedEntry("new", "https://x/b/", dt.date(2022, 1, 1))
    same = feeds.FeedEntry("same", "https://x/c/", dt.date(2022, 1, 1))
    assert [e.title for e in feeds.newest_first([old, same, new])] == ["new", "same", "old"]
    assert [e.title for e in feeds.newest_first([old, same, new], 1)] == ["new"]


def test_render_atom_is_valid_and_escaped() -> None:
    entry = feeds.FeedEntry(
        "敢立潮头 <逐浪高> & more", "https://h/sub/zh/r/", dt.date(2021, 12, 31), "纪实", "济宁日报"
    )
    feed = feeds.Feed("zh", "摘要", "https://h/sub/zh/", "https://h/sub/zh/feed.xml", (entry,))
    root = ET.fromstring(feeds.render_atom(feed))
    assert root.tag == f"{ATOM}feed"
    assert root.get("{http://www.w3.org/XML/1998/namespace}lang") == "zh"
    assert root.findtext(f"{ATOM}updated") == "2021-12-31T00:00:00Z"
    (item,) = root.findall(f"{ATOM}entry")
    assert item.findtext(f"{ATOM}title") == "敢立潮头 <逐浪高> & more"
    assert item.find(f"{ATOM}link").get("href") == "https://h/sub/zh/r/"  # type: ignore[union-attr]
    assert item.findtext(f"{ATOM}author/{ATOM}name") == "济宁日报"


def test_feed_link_goes_at_the_end_of_head() -> None:
    tag = feeds.link_tag("../../feed.xml", 'Digest "feed"')
    assert tag == (
        '<link rel="alternate" type="application/atom+xml" '
        'title=\'Digest "feed"\' href="../../feed.xml">'
    )
    html = feeds.add_link("<html><head><title>x</title></head><body></body></html>", tag)
    assert html.index(tag) < html.index("</head>")
    assert feeds.add_link("<p>fragment</p>", tag) == "<p>fragment</p>"


# -- sitemaps -------------------------------------------------------------------------------


def test_an_index_of_the_root_sitemap_beside_each_feed() -> None:
    files = sitemap.language_indexes(LANGS, "https://h/sub/")
    assert list(files) == ["feed/sitemap.xml", "zh/feed/sitemap.xml"]
    assert feeds.feed_path("zh/") == "zh/feed/atom.xml"
    index = ET.fromstring(files["zh/feed/sitemap.xml"])
    assert index.tag == f"{SM}sitemapindex"
    assert [loc.text for loc in index.iter(f"{SM}loc")] == ["https://h/sub/sitemap.xml"]


def test_absolute_urls() -> None:
    assert sitemap.absolute("https://h/sub", "zh/") == "https://h/sub/zh/"
    assert sitemap.absolute("https://h/sub/", "") == "https://h/sub/"
    assert sitemap.absolute("", "zh/") == "zh/"


def test_chinese_runs_in_other_text_are_marked_and_everything_is_escaped() -> None:
    from site_builder.site.templates import zh_runs

    marked = zh_runs('Qianbaligou Village (前八里沟村) <script>x</script> "东城"')
    assert marked == (
        'Qianbaligou Village (<span lang="zh">前八里沟村</span>) '
        '&lt;script&gt;x&lt;/script&gt; &#34;<span lang="zh">东城</span>&#34;'
    )
