"""Real MkDocs builds (Material + mkdocs-static-i18n + digest-reader) of a small two-language
site in a temporary folder, asserting on the files readers fetch: search indexes, feeds,
sitemaps, and the pages' heads."""

from __future__ import annotations

import json
import logging
import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from tests.served_site import build_site

ATOM = "{http://www.w3.org/2005/Atom}"
SM = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
SITE_URL = "https://example.org/digest/"

MKDOCS_YML = r"""
site_name: Test digest
docs_dir: content
theme:
  name: material
  font: false
  language: en
plugins:
  - search:
      separator: '[\s\u200b\-_,:;!?()"/，。、；：！？（）《》“”]+'
  - i18n:
      docs_structure: suffix
      languages:
        - {locale: en, name: English, default: true, build: true}
        - {locale: zh, name: 中文, build: true}
  - digest-reader
"""

REPORT_ZH = """---
title: {title_zh}
subtitle: {region}{year}年高质量发展纪实
date: {date}
period: '{year}'
publication: 济宁日报
---

{region}全年完成财政收入4.7亿元，“双招双引”成效明显。

## 聚焦项目建设

新增四上企业27家。
"""

REPORT_EN = """---
title: {title_en}
subtitle: A record of {year}
---

{region_en} completed fiscal revenue of 470 million yuan in the year.

## Focusing on project construction

27 new above-designated-size enterprises.
"""

GLOSSARY = """- zh: 双招双引
  en: attracting investment and talent
  kind: policy_term
- zh: 四上企业
  en: above-designated-size enterprises
  kind: metric
"""

REPORTS = [
    ("gangshan", "敢立潮头逐浪高", "Riding the Crest", "钢山街道", "Gangshan", 2021, "2021-12-31"),
    ("shuangshan", "创新实干争一流", "Innovating", "双山街道", "Shuangshan", 2022, "null"),
]


def write_site(root: Path) -> Path:
    (root / "mkdocs.yml").write_text(MKDOCS_YML, encoding="utf-8")
    content = root / "content"
    content.mkdir()
    (content / "index.en.md").write_text("# Digest\n\nReports.\n", encoding="utf-8")
    (content / "index.zh.md").write_text("# 摘要\n\n报道。\n", encoding="utf-8")
    (content / "glossary.yml").write_text(GLOSSARY, encoding="utf-8")
    for slug, title_zh, title_en, region, region_en, year, date in REPORTS:
        folder = content / "reports" / slug
        folder.mkdir(parents=True)
        fields = dict(
            title_zh=title_zh,
            title_en=title_en,
            region=region,
            region_en=region_en,
            year=year,
            date=date,
        )
        (folder / "index.zh.md").write_text(REPORT_ZH.format(**fields), encoding="utf-8")
        (folder / "index.en.md").write_text(REPORT_EN.format(**fields), encoding="utf-8")
    return root / "mkdocs.yml"


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("reader-site")
    site_dir = root / "site"
    build_site(write_site(root), site_dir, SITE_URL, strict=True)
    return site_dir


def _index(site: Path, path: str) -> tuple[bytes, dict]:
    raw = (site / path).read_bytes()
    return raw, json.loads(raw)


def test_one_utf8_search_index_per_language(site: Path) -> None:
    raw_en, en = _index(site, "search/search_index.json")
    raw_zh, zh = _index(site, "zh/search/search_index.json")
    assert b"\\u" not in raw_zh.replace(b"\\u200b", b"")  # UTF-8, not \uXXXX
    assert "财政收入".encode() in raw_zh
    assert en["config"]["lang"] == ["en"] and zh["config"]["lang"] == ["zh"]
    assert "\\u200b" in zh["config"]["separator"]
    assert all(not doc["location"].startswith("zh/") for doc in en["docs"])
    assert all(doc["location"].startswith("zh/") for doc in zh["docs"])
    assert any("fiscal revenue" in doc["text"] for doc in en["docs"])
    assert not any("财政" in doc["text"] for doc in en["docs"])


def test_glossary_terms_are_whole_words_in_the_chinese_index(site: Path) -> None:
    _, zh = _index(site, "zh/search/search_index.json")
    text = " ".join(doc["text"] for doc in zh["docs"])
    # jieba would split these without the glossary as a user dictionary
    assert "\u200b双招双引\u200b" in text
    assert "\u200b四上企业" in text


def test_pages_fetch_no_index_and_use_the_deferred_worker(site: Path) -> None:
    for page, index in [
        ("reports/gangshan/index.html", "../../../search/search_index.json"),
        ("zh/reports/gangshan/index.html", "../../../zh/search/search_index.json"),
    ]:
        html = (site / page).read_text(encoding="utf-8")
        assert 'name="search-deferred"' in html and 'name="search"' not in html
        config = json.loads(re.search(r'id="__config"[^>]*>(.*?)</script>', html, re.S)[1])
        assert config["search"].startswith("../../")
        assert "/assets/javascripts/workers/digest-search.js#worker=search." in config["search"]
        assert f"index={index}" in config["search"]
    assert (site / "assets/javascripts/workers/digest-search.js").is_file()


def test_feeds_per_language_newest_first_with_absolute_links(site: Path) -> None:
    en = ET.parse(site / "feed.xml").getroot()
    zh = ET.parse(site / "zh/feed.xml").getroot()
    en_links = [e.find(f"{ATOM}link").get("href") for e in en.iter(f"{ATOM}entry")]  # type: ignore[union-attr]
    zh_links = [e.find(f"{ATOM}link").get("href") for e in zh.iter(f"{ATOM}entry")]  # type: ignore[union-attr]
    # shuangshan has no date: its period (2022) makes it the newer one
    assert en_links == [f"{SITE_URL}reports/shuangshan/", f"{SITE_URL}reports/gangshan/"]
    assert zh_links == [f"{SITE_URL}zh/reports/shuangshan/", f"{SITE_URL}zh/reports/gangshan/"]
    titles = [e.findtext(f"{ATOM}title") for e in zh.iter(f"{ATOM}entry")]
    assert titles == ["创新实干争一流", "敢立潮头逐浪高"]
    assert [e.findtext(f"{ATOM}updated") for e in en.iter(f"{ATOM}entry")] == [
        "2022-12-31T00:00:00Z",
        "2021-12-31T00:00:00Z",
    ]


def test_every_page_announces_its_languages_feed(site: Path) -> None:
    pages = list(site.rglob("index.html"))
    assert len(pages) == 6
    for page in pages:
        html = page.read_text(encoding="utf-8")
        head = html[: html.index("</head>")]
        feed = re.search(r'<link rel="alternate" type="application/atom\+xml"[^>]*>', head)
        assert feed, page
        href = re.search(r'href="([^"]+)"', feed[0])[1]  # type: ignore[index]
        target = (page.parent / href).resolve()
        lang_root = site / "zh" if "zh" in page.relative_to(site).parts else site
        assert target == (lang_root / "feed.xml").resolve(), page


def test_sitemaps_with_hreflang_and_an_index_beside_each_feed(site: Path) -> None:
    index = ET.parse(site / "sitemap.xml").getroot()
    assert index.tag == f"{SM}sitemapindex"
    urls = ET.parse(site / "sitemap-en.xml").getroot().findall(f"{SM}url")
    assert {u.findtext(f"{SM}loc") for u in urls} == {
        SITE_URL,
        f"{SITE_URL}reports/gangshan/",
        f"{SITE_URL}reports/shuangshan/",
    }
    for url in urls:
        langs = {ln.get("hreflang") for ln in url.iter("{http://www.w3.org/1999/xhtml}link")}
        assert langs == {"en", "zh", "x-default"}
    # Material fetches sitemap.xml next to each feed link: a small index in each language home
    for home in (site, site / "zh"):
        small = home / "sitemap.xml"
        assert ET.parse(small).getroot().tag == f"{SM}sitemapindex"
        assert small.stat().st_size < 1000
    assert not (site / "sitemap.xml.gz").exists()


def test_a_missing_separator_u200b_is_a_warning(tmp_path: Path, caplog) -> None:
    config = write_site(tmp_path)
    config.write_text(MKDOCS_YML.replace(r"\u200b", ""), encoding="utf-8")
    with caplog.at_level(logging.WARNING):
        build_site(config, tmp_path / "site", SITE_URL)
    assert any("u200b" in record.getMessage() for record in caplog.records)
