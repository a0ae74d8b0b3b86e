"""Real `mkdocs build --strict` of the project's mkdocs.yml over content written from a dict
of files in a temporary folder, asserting on the HTML: both languages, the report header,
callouts in the page's language, figures and placeholders, alternates, no other hosts,
relative links that resolve, escaping, generated pages. Plus one build of the real content/.
"""

from __future__ import annotations

import logging
import re
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest

from tests.sites import ROOT, SITE_URL, build_files, build_site

SLUG = "2021-12-31-test-town"
ONLY_ZH = "2020-only-chinese"

REPORT_ZH = """---
title: 敢立潮头 奋楫扬帆
subtitle: 测试街道2021年高质量发展纪实
date: 2021-12-31
period: '2021'
publication: 济宁日报
edition: 第04版
byline: {role: 本报通讯员, names: [王茂征, 孙士勇]}
region: 邹城市钢山街道
source: source.txt
key_figures:
- {text: 4.7亿元, label: 财政收入, value: 470000000, unit: CNY, qualifier: null, yoy: false, headline: true}
- {text: 50.7%, label: 固定资产投资, value: 50.7, unit: percent, qualifier: null, yoy: true, headline: true}
- {text: 27家, label: 新增四上企业, value: 27, unit: enterprise, qualifier: null, yoy: false, headline: false}
- {text: 12%, label: 违法犯罪率, value: -12, unit: percent, qualifier: null, yoy: true, headline: false}
layout_notes: ['line 9: a photo caption was grouped after the text']
editor_note: The editors moved the lede to the top.
---

<!-- key-figures: glance -->

2021年,街道完成财政收入4.7亿元,固定资产投资同比增长50.7%。

## 聚焦项目建设 — 激发新动能

<!-- key-figures: section -->

**聚力“双招双引”,筑牢发展根基。**新增四上企业27家。

![北关社区幸福食堂](images/1.jpg)

![文化惠民演出](images/2.jpg)

(张三/文 李四/图)
{: .credit }

## 聚焦社会治理

<!-- key-figures: section -->

违法犯罪率同比下降12%。报道原文含有&lt;script&gt;alert(1)&lt;/script&gt;和\\[点我\\](javascript:alert(1))。
"""

REPORT_EN = """---
title: Riding the Crest
subtitle: A Record of Test Subdistrict in 2021
key_figures:
- {label: fiscal revenue, text: 470 million yuan}
- {label: fixed-asset investment growth, text: up 50.7% year on year}
- {label: null, text: null}
- {label: crime rate, text: down 12% year on year}
translation: {status: machine, source_digests: []}
---

<!-- key-figures: glance -->

In 2021 the subdistrict collected fiscal revenue of 470 million yuan; fixed-asset investment was up 50.7% year on year.

## Focusing on Project Construction — New Momentum

<!-- key-figures: section -->

**Focusing on attracting investment and talent.** It added 27 above-designated-size enterprises.

![The Happiness Canteen of Beiguan Community](images/1.jpg)

![A Cultural Performance](images/2.jpg)

(Zhang San/text, Li Si/photos)
{: .credit }

## Focusing on Social Governance

<!-- key-figures: section -->

The crime rate was down 12% year on year, and attracting investment and talent went on. The source contained &lt;script&gt;alert(1)&lt;/script&gt; and \\[click\\](javascript:alert(1)).
"""

ONLY_ZH_PAGE = """---
title: 只有中文的报道
date: null
period: '2020'
publication: null
edition: null
byline: null
region: 双山街道
key_figures: []
---

双山街道全年工作稳步推进。
"""

GLOSSARY = """- zh: 双招双引
  en: attracting investment and talent
  kind: policy_term
  note: Recruiting businesses and capital as well as skilled people.
- zh: 邹城市钢山街道
  en: Gangshan Subdistrict, Zoucheng City
  kind: place
- zh: 财政收入
  en: fiscal revenue
  kind: metric
"""

ABOUT_EN = "---\ntitle: About\n---\n\n# About\n\n## How to report an error {#report-an-error}\n\nWrite to us.\n"
ABOUT_ZH = "---\ntitle: 关于\n---\n\n# 关于\n\n## 如何报告错误 {#report-an-error}\n\n请来信。\n"

FILES: dict[str, str | bytes] = {
    f"reports/{SLUG}/index.zh.md": REPORT_ZH,
    f"reports/{SLUG}/index.en.md": REPORT_EN,
    f"reports/{SLUG}/source.txt": "敢立潮头 奋楫扬帆\n原文。\n",
    f"reports/{SLUG}/images/1.jpg": b"\xff\xd8\xff\xe0 not really a jpeg \xff\xd9",
    f"reports/{ONLY_ZH}/index.zh.md": ONLY_ZH_PAGE,
    "glossary.yml": GLOSSARY,
    "about.en.md": ABOUT_EN,
    "about.zh.md": ABOUT_ZH,
}


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_files(tmp_path_factory.mktemp("digest-site"), FILES)


def read(site: Path, path: str) -> str:
    return (site / path).read_text(encoding="utf-8")


def article(html: str) -> str:
    """The page's content (Material's <article>), without the theme around it."""
    start = html.index('<article class="md-content__inner')
    return html[start : html.rindex("</article>")]


class Links(HTMLParser):
    """Every URL a page refers to: (tag, attribute, value, rel)."""

    def __init__(self) -> None:
        super().__init__()
        self.urls: list[tuple[str, str, str, str]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        for name in ("href", "src", "content"):
            value = values.get(name)
            if value and (name != "content" or value.startswith(("http:", "https:", "//"))):
                self.urls.append((tag, name, value, values.get("rel") or ""))


def page_urls(html: str) -> list[tuple[str, str, str, str]]:
    parser = Links()
    parser.feed(html)
    return parser.urls


# -- pages and languages ------------------------------------------------------------------------


def test_both_languages_and_generated_pages_exist(site: Path) -> None:
    for prefix, lang in (("", "en"), ("zh/", "zh")):
        for page in (
            "index.html",
            "archive/index.html",
            "key-figures/index.html",
            "glossary/index.html",
            "about/index.html",
            f"reports/{SLUG}/index.html",
        ):
            html = read(site, prefix + page)
            assert f'<html lang="{lang}"' in html, prefix + page
    # The bilingual view: one view, made in the default language, that every language links
    # to (issue 21.2: the site holds one copy)
    assert '<html lang="en"' in read(site, f"reports/{SLUG}/bilingual/index.html")
    assert not (site / f"zh/reports/{SLUG}/bilingual").exists()
    zh_report = read(site, f"zh/reports/{SLUG}/index.html")
    assert f'<a href="../../../reports/{SLUG}/bilingual/">' in zh_report
    # the root 404.html is the English one (every language build writes one there)
    assert '<html lang="en"' in read(site, "404.html")
    # its language switch goes to each language's home (compat 3: static-i18n leaves the
    # switch pointing at the last page it built)
    page = read(site, "404.html")
    block = page[page.index('<ul class="md-select__list">') :]
    switch = re.findall(r'<a href="([^"]*)" hreflang="(en|zh)"', block[: block.index("</ul>")])
    assert [lang for _, lang in switch] == ["en", "zh"], switch
    assert all(href.endswith(("/./", "/zh/")) for href, _ in switch), switch
    assert (site / f"zh/reports/{ONLY_ZH}/index.html").is_file()
    # No English page yet: the English site presents the report in Chinese, under a notice,
    # without a bilingual view.
    only_zh = read(site, f"reports/{ONLY_ZH}/index.html")
    assert "Not yet translated — this report is in Chinese." in only_zh
    assert '<div class="digest-in-chinese" lang="zh">' in only_zh
    assert "bilingual/" not in article(only_zh)
    assert not (site / f"reports/{ONLY_ZH}/bilingual/index.html").exists()


def test_report_header_in_each_language(site: Path) -> None:
    en = article(read(site, f"reports/{SLUG}/index.html"))
    assert "<h1>Riding the Crest</h1>" in en
    assert "A Record of Test Subdistrict in 2021" in en
    assert '<time datetime="2021-12-31">December 31, 2021</time>' in en
    assert "Page 4" in en
    assert "Correspondents: Wang Maozheng, Sun Shiyong" in en
    assert "Gangshan Subdistrict, Zoucheng City" in en  # region from the glossary
    assert "Jining Daily" in en
    assert "Machine translation, not yet reviewed." in en
    zh = article(read(site, f"zh/reports/{SLUG}/index.html"))
    assert "<h1>敢立潮头 奋楫扬帆</h1>" in zh
    assert "2021年12月31日" in zh and "第04版" in zh and "本报通讯员 王茂征 孙士勇" in zh
    assert zh.count("<h1") == 1 and en.count("<h1") == 1  # Material adds none of its own


def test_report_links_to_bilingual_view_source_and_other_language(site: Path) -> None:
    en = article(read(site, f"reports/{SLUG}/index.html"))
    assert '<a href="bilingual/">' in en
    assert '<a href="original/">Original text</a>' in en  # the source view
    assert f'href="../../zh/reports/{SLUG}/" hreflang="zh"' in en
    zh = article(read(site, f"zh/reports/{SLUG}/index.html"))
    assert f'<a href="../../../reports/{SLUG}/original/">原文</a>' in zh  # one view of it
    assert '<a href="../../about/#report-an-error">' in zh


def test_glance_and_section_callouts_in_the_page_language(site: Path) -> None:
    en = article(read(site, f"reports/{SLUG}/index.html"))
    glance = re.search(r'<aside class="digest-figures digest-figures--glance".*?</aside>', en)
    assert glance and "At a glance" in glance.group(0)
    assert "470 million yuan" in glance.group(0) and "fiscal revenue" in glance.group(0)
    assert "up 50.7% year on year" in glance.group(0)
    assert 'title="财政收入 4.7亿元"' in glance.group(0)  # the Chinese original on hover
    assert "27" not in glance.group(0)  # not a headline figure
    sections = re.findall(r'<aside class="digest-figures digest-figures--section".*?</aside>', en)
    assert len(sections) == 2
    # 27家 is in the first section; its English is missing, so it is written by rule and its
    # label stays Chinese, marked as such
    assert "27 enterprises" in sections[0] and '<span lang="zh">新增四上企业</span>' in sections[0]
    assert "down 12% year on year" in sections[1] and "27 enterprises" not in sections[1]
    zh = article(read(site, f"zh/reports/{SLUG}/index.html"))
    assert "数据速览" in zh and "4.7亿元" in zh and "同比增长50.7%" in zh
    assert "同比下降12%" in zh and "At a glance" not in zh
    assert "<!-- key-figures" not in en + zh


def test_figures_use_the_image_when_present_else_a_placeholder(site: Path) -> None:
    en = article(read(site, f"reports/{SLUG}/index.html"))
    figures = re.findall(r"<figure.*?</figure>", en)
    assert len(figures) == 2
    assert '<img src="images/1.jpg" alt="The Happiness Canteen of Beiguan Community"' in figures[0]
    assert "<figcaption>" in figures[0]
    assert "digest-photo--missing" in figures[1] and "<img" not in figures[1]
    assert "A Cultural Performance" in figures[1] and "images/2.jpg" not in en
    zh = article(read(site, f"zh/reports/{SLUG}/index.html"))
    assert f'<img src="../../../reports/{SLUG}/images/1.jpg" alt="北关社区幸福食堂"' in zh
    assert "暂无图片" in zh
    assert '<p class="credit">' in zh


def test_editor_note_and_glossary_tooltips(site: Path) -> None:
    en = article(read(site, f"reports/{SLUG}/index.html"))
    note = re.search(r'<aside class="digest-note".*?</aside>', en, re.S)
    assert note and "The editors moved the lede to the top." in note.group(0)
    # the converter's layout notes are for editors: the preview shows them, readers do not
    assert "a photo caption was grouped after the text" not in en
    # explained once: the first occurrence in a paragraph carries the tooltip
    tooltip = (
        '<abbr title="Recruiting businesses and capital as well as skilled people." tabindex="0">'
    )
    assert en.count(tooltip) == 1
    assert f"{tooltip}attracting investment and talent</abbr>" in en
    assert en.count("attracting investment and talent") == 2
    zh = article(read(site, f"zh/reports/{SLUG}/index.html"))
    assert '<p lang="en">The editors moved the lede to the top.</p>' in zh
    assert "<abbr" not in zh


def test_report_text_is_escaped_never_run(site: Path) -> None:
    for page in (f"reports/{SLUG}/index.html", f"zh/reports/{SLUG}/index.html"):
        html = read(site, page)
        assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
        assert "<script>alert" not in html and 'href="javascript:' not in html
    bilingual = read(site, f"reports/{SLUG}/bilingual/index.html")
    assert "alert(1)" not in bilingual  # the view holds no report text (the browser's test)


def test_chinese_headings_get_meaningful_ids(site: Path) -> None:
    zh = read(site, f"zh/reports/{SLUG}/index.html")
    assert 'id="聚焦项目建设-激发新动能"' in zh
    assert not re.search(r'id="_\d+"', zh)


# -- head: lang, alternates, canonical, Open Graph ---------------------------------------------


def test_head_canonical_and_open_graph(site: Path) -> None:
    html = read(site, f"reports/{SLUG}/index.html")
    assert f'<link rel="canonical" href="{SITE_URL}reports/{SLUG}/">' in html
    assert '<meta property="og:type" content="article">' in html
    assert '<meta property="og:title" content="Riding the Crest">' in html
    assert '<meta property="og:locale" content="en_US">' in html
    assert '<meta property="og:locale:alternate" content="zh_CN">' in html
    assert '<meta name="description" content="A Record of Test Subdistrict in 2021">' in html
    # Material fetches sitemap.xml next to every link[rel=alternate]: the only one is the
    # feed's (hreflang alternates are in the sitemap)
    assert re.findall(r'<link rel="alternate"[^>]*>', html) == [
        '<link rel="alternate" type="application/atom+xml" title="Local Government Report '
        'Digest" href="../../feed/atom.xml">'
    ]


def test_language_switch_lands_on_the_same_page(site: Path) -> None:
    def switch(html: str) -> dict[str, str]:
        block = html[html.index('<ul class="md-select__list">') :]
        block = block[: block.index("</ul>")]
        return dict(re.findall(r'<a href="([^"]*)" hreflang="(\w+)"', block))

    en = switch(read(site, f"reports/{SLUG}/index.html"))
    assert en == {"./": "en", f"../../zh/reports/{SLUG}/": "zh"}
    zh = switch(read(site, "zh/key-figures/index.html"))
    assert zh == {"../../key-figures/": "en", "./": "zh"}
    only = switch(read(site, f"zh/reports/{ONLY_ZH}/index.html"))
    # no English text yet: the English page presents the report in Chinese
    assert only[f"../../../reports/{ONLY_ZH}/"] == "en"
    home = switch(read(site, "zh/index.html"))
    assert home == {"../": "en", "./": "zh"}
    glossary = switch(read(site, "glossary/index.html"))
    assert glossary == {"./": "en", "../zh/glossary/": "zh"}


# -- generated pages ---------------------------------------------------------------------------


def test_home_cards_newest_first_with_both_titles(site: Path) -> None:
    en = article(read(site, "index.html"))
    cards = re.findall(r'<article class="digest-card">.*?</article>', en)
    assert len(cards) == 2
    assert "Riding the Crest" in cards[0] and '<span lang="zh">敢立潮头 奋楫扬帆</span>' in cards[0]
    assert "470 million yuan" in cards[0] and "Gangshan Subdistrict, Zoucheng City" in cards[0]
    assert "December 31, 2021" in cards[0]
    # a report without English: Chinese title, link to its page in Chinese, marked
    assert f'href="reports/{ONLY_ZH}/"' in cards[1]
    assert "Chinese only" in cards[1]
    zh = article(read(site, "zh/index.html"))
    assert '<a href="reports/2021-12-31-test-town/">敢立潮头 奋楫扬帆</a>' in zh


def test_bilingual_view_is_a_small_document_that_names_both_pages(site: Path) -> None:
    """Issue 21: each text is on the site once. The view is a document of its own, without
    the theme or the report's text; the browser assembles it from the two report pages
    (tests/test_bilingual_view.py)."""
    path = site / f"reports/{SLUG}/bilingual/index.html"
    assert path.stat().st_size < 4096
    html = path.read_text(encoding="utf-8")
    assert '<meta name="robots" content="noindex">' in html
    assert "md-header" not in html and "md-typeset" not in html  # not a Material page
    assert "<h1>Riding the Crest (side by side)</h1>" in html
    assert '<p class="bilingual__title" lang="zh">敢立潮头 奋楫扬帆</p>' in html
    zh_page, en_page = f"../../../zh/reports/{SLUG}/", "../"
    for href, lang in ((zh_page, "zh"), (en_page, "en")):
        assert f'<a href="{href}" hreflang="{lang}" lang="{lang}">' in html
        assert f'data-page-{lang}="{href}"' in html
    assert 'data-sides="zh en"' in html
    assert "<noscript>" in html and "needs JavaScript" in html
    assert '<link rel="stylesheet" href="../../../assets/stylesheets/bilingual.css">' in html
    # our script, and no inline script
    assert re.findall(r"<script\b.*?</script>", html) == [
        '<script src="../../../assets/javascripts/bilingual.js" defer></script>'
    ]
    # no report text: neither body nor figures nor captions
    for text in ("2021年,街道", "In 2021 the subdistrict", "北关社区幸福食堂", "470 million yuan"):
        assert text not in html
    assert (site / "assets/javascripts/bilingual.js").is_file()
    assert (site / "assets/stylesheets/bilingual.css").is_file()
    # out of the sitemaps (it is no MkDocs page; test_browser: out of search too)
    assert "bilingual" not in read(site, "sitemap.xml")


def test_key_figures_index_and_glossary_page(site: Path) -> None:
    # Without metrics.yml no figure measures a metric: the index says so and offers the data.
    en = article(read(site, "key-figures/index.html"))
    for name in ("key-figures.csv", "reports.csv", "key-figures.json"):
        assert f'href="../{name}"' in en
        assert (site / name).is_file() and not (site / "zh" / name).exists()  # one copy
    assert "Of the 4 key figures in the reports, 4 do not correspond to any listed indicator" in en
    glossary = article(read(site, "glossary/index.html"))
    assert "attracting investment and talent" in glossary and "双招双引" in glossary
    assert "Recruiting businesses and capital" in glossary
    zh = article(read(site, "zh/glossary/index.html"))
    assert zh.index("双招双引") < zh.index("attracting investment and talent")


def test_archive_lists_reports_by_year_with_their_region(site: Path) -> None:
    html = article(read(site, "zh/archive/index.html"))
    assert 'id="year-2021"' in html and 'id="year-2020"' in html
    assert "邹城市钢山街道" in html and "双山街道" in html


def test_navigation_does_not_list_reports(site: Path) -> None:
    html = read(site, f"reports/{SLUG}/index.html")
    nav = html[html.index('<nav class="md-nav md-nav--primary"') :]
    nav = nav[: nav.index("</nav>")]
    assert "reports/" not in nav
    # nothing about other reports but the two neighbours of the pager (previous, next): the
    # size does not grow with N
    assert ONLY_ZH not in re.sub(r'<nav class="digest-pager".*?</nav>', "", html, flags=re.S)


# -- whole site: hosts and links ----------------------------------------------------------------


def html_files(site: Path) -> list[Path]:
    return sorted(site.rglob("*.html"))


def test_no_request_to_another_host(site: Path) -> None:
    own = urlsplit(SITE_URL).netloc
    for path in html_files(site):
        for tag, attr, url, rel in page_urls(path.read_text(encoding="utf-8")):
            host = urlsplit(url).netloc
            if not host:
                continue
            if tag == "a" and attr == "href":
                continue  # a link the reader may follow is not a request
            assert host == own, f"{path}: {tag} {attr}={url}"
            assert tag in ("link", "meta") and ("stylesheet" not in rel), f"{path}: {url}"
    for css in list(site.rglob("*.css")) + list(site.rglob("*.js")):
        text = css.read_text(encoding="utf-8", errors="replace")
        assert "fonts.googleapis" not in text and "fonts.gstatic" not in text, css


def test_relative_links_resolve(site: Path) -> None:
    """Every link and resource in every page is relative (works under a sub-path and from a
    plain file server) and points at a file that exists."""
    missing = []
    for path in html_files(site):
        for _tag, attr, url, _rel in page_urls(path.read_text(encoding="utf-8")):
            parts = urlsplit(url)
            if parts.scheme or parts.netloc or url.startswith("#") or attr == "content":
                continue
            if path.name == "404.html":
                continue  # served at any depth; Material writes it with absolute links
            assert not url.startswith("/"), f"{path}: {url}"
            target = (path.parent / unquote(parts.path)).resolve()
            if parts.path.endswith("/") or parts.path == "":
                target = target / "index.html"
            if not target.exists():
                missing.append(f"{path.relative_to(site)} -> {url}")
    assert not missing, missing


# -- the real content ---------------------------------------------------------------------------


def test_real_content_builds_strict(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.WARNING)
    build_site(tmp_path / "site", docs_dir=ROOT / "content")
    assert not [r for r in caplog.records if r.levelno >= logging.WARNING]
    reports = sorted(p.parent.name for p in (ROOT / "content/reports").glob("*/index.zh.md"))
    assert reports
    for slug in reports:
        for prefix in ("", "zh/"):
            html = read(tmp_path / "site", f"{prefix}reports/{slug}/index.html")
            assert 'class="digest-report-header"' in html
            assert 'bilingual/"' in html
        assert (tmp_path / "site" / f"reports/{slug}/bilingual/index.html").is_file()
    home = read(tmp_path / "site", "index.html")
    assert all(f"reports/{slug}/" in home for slug in reports)


def test_report_metadata_reaches_mkdocs_without_a_second_parse(site: Path) -> None:
    # The plugin hands MkDocs the body and restores page.meta itself: the page title (from
    # front matter, not from a heading) and the front matter never showing as text prove it.
    for prefix, title in (("", "Riding the Crest"), ("zh/", "敢立潮头 奋楫扬帆")):
        html = read(site, f"{prefix}reports/{SLUG}/index.html")
        assert f"<title>{title} - " in html
        assert "key_figures:" not in html and "translation:" not in html


def test_every_unit_has_a_name_in_both_languages() -> None:
    from site_builder.content.model import UNIT_CODES
    from site_builder.site.text import UNIT_NAMES

    for lang in ("en", "zh"):
        assert set(UNIT_CODES) <= set(UNIT_NAMES[lang]), lang
    assert UNIT_NAMES["en"]["person_time"] == "visits" and UNIT_NAMES["en"]["m2"] == "m²"


class HeadMeta(HTMLParser):
    """The content of every <meta> in a page, by name or property."""

    def __init__(self) -> None:
        super().__init__()
        self.meta: dict[str, str] = {}

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        key = values.get("name") or values.get("property")
        if tag == "meta" and key:
            self.meta[key] = values.get("content") or ""


def test_quotes_and_angle_brackets_in_a_title_stay_inside_the_head_tags(tmp_path: Path) -> None:
    title = '“双招双引” "quoted" <b>标题</b> & more'
    zh = REPORT_ZH.replace("title: 敢立潮头 奋楫扬帆", f"title: '{title}'", 1)
    build_files(tmp_path, {**FILES, f"reports/{SLUG}/index.zh.md": zh})
    html = read(tmp_path / "site", f"zh/reports/{SLUG}/index.html")
    head = html[: html.index("</head>")]
    parser = HeadMeta()
    parser.feed(head)
    assert parser.meta["og:title"] == title
    assert "<b>标题</b>" not in html  # neither in <title> nor in Material's header
    assert "&lt;b&gt;标题&lt;/b&gt; &amp; more - " in head
    feed = read(tmp_path / "site", "zh/feed/atom.xml")
    assert '<title>“双招双引” "quoted" &lt;b&gt;标题&lt;/b&gt; &amp; more</title>' in feed


def test_the_glossary_and_metrics_files_are_read_not_published(site: Path) -> None:
    # content/glossary.yml and metrics.yml are the editors' data: the site shows them as the
    # glossary and key-figure pages, and does not copy the files themselves.
    assert not (site / "glossary.yml").exists() and not (site / "metrics.yml").exists()
    assert (site / "glossary/index.html").is_file()
