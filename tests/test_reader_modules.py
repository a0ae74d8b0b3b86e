"""Unit tests of the reader-side modules: search index, deferred search, feeds, sitemaps."""

from __future__ import annotations

import datetime as dt
import json
import xml.etree.ElementTree as ET

import pytest

from site_builder.site import deferred_search, feeds, search_index, sitemap

ATOM = "{http://www.w3.org/2005/Atom}"
SM = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
XHTML = "{http://www.w3.org/1999/xhtml}"
LANGS = [sitemap.Language("en", "", True), sitemap.Language("zh", "zh/")]


# -- search index ---------------------------------------------------------------------------


def test_language_index_keeps_material_config_but_one_language() -> None:
    base = {"lang": ["en", "zh"], "separator": "[\\s\\u200b]+", "pipeline": ["stemmer"]}
    docs = [{"location": "zh/", "title": "财政收入", "text": "4.7亿元"}]
    index = search_index.language_index(base, docs, "zh")
    assert index["config"] == {
        "lang": ["zh"],
        "separator": "[\\s\\u200b]+",
        "pipeline": ["stemmer"],
    }
    assert index["docs"] == docs
    assert base["lang"] == ["en", "zh"]  # the caller's config is not changed


def test_dump_index_is_utf8_not_ascii_escaped() -> None:
    data = search_index.dump_index({"config": {}, "docs": [{"title": "财政收入\u200b"}]})
    assert "财政收入".encode() in data
    assert b"\\u" not in data
    assert json.loads(data) == {"config": {}, "docs": [{"title": "财政收入\u200b"}]}
    ascii_size = len(json.dumps({"config": {}, "docs": [{"title": "财政收入\u200b"}]}))
    assert len(data) < ascii_size


def test_index_paths() -> None:
    assert search_index.index_path("") == "search/search_index.json"
    assert search_index.index_path("zh/") == "zh/search/search_index.json"


def test_user_dictionary_one_term_a_line_without_spaces() -> None:
    text = search_index.user_dictionary(["双招双引", "四上企业", "Zoucheng City", ""])
    assert text == "双招双引\n四上企业\n"


def test_user_dictionary_keeps_terms_whole_in_jieba() -> None:
    import io

    import jieba

    tokenizer = jieba.Tokenizer()
    before = list(tokenizer.cut("钢山街道双招双引工作"))
    assert "双招双引" not in before
    tokenizer.load_userdict(io.StringIO(search_index.user_dictionary(["双招双引"])))
    assert "双招双引" in list(tokenizer.cut("钢山街道双招双引工作"))


# -- deferred search ------------------------------------------------------------------------

PAGE = (
    "<html><head></head><body>"
    '<form class="md-search__form" name="search"><input name="query"></form>'
    '<script id="__config" type="application/json">'
    '{"base": "../..", "features": ["search.suggest"], '
    '"search": "../../assets/javascripts/workers/search.a7633da7.min.js"}'
    "</script></body></html>"
)


def _config(html: str) -> dict[str, object]:
    start = html.index('type="application/json">') + len('type="application/json">')
    return json.loads(html[start : html.index("</script>", start)])


def test_defer_search_renames_form_and_points_config_at_our_worker() -> None:
    html = deferred_search.defer_search(PAGE, "zh/search/search_index.json")
    assert 'name="search"' not in html
    assert 'name="search-deferred"' in html
    config = _config(html)
    assert config["base"] == "../.."
    worker, fragment = str(config["search"]).split("#")
    assert worker == "../../assets/javascripts/workers/digest-search.js"
    params = dict(part.split("=") for part in fragment.split("&"))
    assert params == {
        "worker": "search.a7633da7.min.js",
        "index": "../../../zh/search/search_index.json",
        "suggest": "1",
    }


def test_defer_search_escapes_the_json_like_tojson() -> None:
    # Material writes __config with Jinja's tojson, which escapes <, > and &.
    page = PAGE.replace('"base": "../.."', '"base": "\\u003c/script\\u003e\\u003cb\\u003e\\u0026"')
    html = deferred_search.defer_search(page, "search/search_index.json")
    assert "</script><b>" not in html
    assert _config(html)["base"] == "</script><b>&"


def test_defer_search_leaves_pages_without_search_alone() -> None:
    page = "<html><body><p>no search</p></body></html>"
    assert deferred_search.defer_search(page, "search/search_index.json") == page


def test_defer_search_fails_loudly_on_unknown_markup() -> None:
    page = PAGE.replace("assets/javascripts/workers/", "js/")
    with pytest.raises(deferred_search.SearchMarkupError, match="worker location"):
        deferred_search.defer_search(page, "search/search_index.json")
    with pytest.raises(deferred_search.SearchMarkupError, match="__config"):
        deferred_search.defer_search(PAGE.replace('id="__config"', 'id="x"'), "x.json")


def test_worker_script_ships_with_the_package() -> None:
    source = deferred_search.worker_script().decode("utf-8")
    assert "importScripts" in source and "postMessage" in source
    assert "http" not in source.replace("HTTP ", "")  # no other host


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


def test_pair_pages_by_language_prefix() -> None:
    pages = sitemap.pair_pages(
        {"en": ["", "reports/a/", "about/"], "zh": ["zh/", "zh/reports/a/", "zh/only/"]}, LANGS
    )
    by_url = {page.url: page for page in pages}
    assert by_url["reports/a/"].alternates == {"en": "reports/a/", "zh": "zh/reports/a/"}
    assert by_url["zh/"].alternates == {"en": "", "zh": "zh/"}
    assert by_url["about/"].alternates == {"en": "about/"}
    assert by_url["zh/only/"].alternates == {"zh": "zh/only/"}


def test_sitemap_files_layout_and_hreflang() -> None:
    pages = sitemap.pair_pages({"en": ["", "reports/a/"], "zh": ["zh/", "zh/reports/a/"]}, LANGS)
    files = sitemap.sitemap_files(pages, LANGS, "https://h/sub/")
    assert set(files) == {
        "sitemap.xml",
        "zh/sitemap.xml",
        "sitemap-en.xml",
        "sitemap-zh.xml",
    }
    index = ET.fromstring(files["sitemap.xml"])
    assert [loc.text for loc in index.iter(f"{SM}loc")] == [
        "https://h/sub/sitemap-en.xml",
        "https://h/sub/sitemap-zh.xml",
    ]
    assert files["zh/sitemap.xml"] == files["sitemap.xml"]
    urlset = ET.fromstring(files["sitemap-zh.xml"])
    urls = urlset.findall(f"{SM}url")
    assert [u.findtext(f"{SM}loc") for u in urls] == [
        "https://h/sub/zh/",
        "https://h/sub/zh/reports/a/",
    ]
    links = {ln.get("hreflang"): ln.get("href") for ln in urls[1].findall(f"{XHTML}link")}
    assert links == {
        "en": "https://h/sub/reports/a/",
        "zh": "https://h/sub/zh/reports/a/",
        "x-default": "https://h/sub/reports/a/",
    }


def test_absolute_urls() -> None:
    assert sitemap.absolute("https://h/sub", "zh/") == "https://h/sub/zh/"
    assert sitemap.absolute("https://h/sub/", "") == "https://h/sub/"
    assert sitemap.absolute("", "zh/") == "zh/"
