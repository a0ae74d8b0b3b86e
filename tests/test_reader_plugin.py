"""Real MkDocs builds (Material + mkdocs-static-i18n + digest-reader) of a small two-language
site in a temporary folder, asserting on the files readers fetch: the Pagefind bundle, feeds,
sitemaps, and the pages' heads."""

from __future__ import annotations

import json
import posixpath
import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from tests.sites import ROOT, build_site, write_files

ATOM = "{http://www.w3.org/2005/Atom}"
SM = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
SITE_URL = "https://example.org/digest/"

MKDOCS_YML = r"""
site_name: Test digest
docs_dir: content
theme:
  name: material
  custom_dir: {themes}
  font: false
  language: en
plugins:
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


def _config(text: str = MKDOCS_YML) -> str:
    """The test site's mkdocs.yml, with the project's theme overrides (they mark what search
    indexes)."""
    return text.replace("{themes}", json.dumps(str(ROOT / "themes" / "material")))


def write_site(root: Path) -> Path:
    files = {
        "mkdocs.yml": _config(),
        "content/index.en.md": "# Digest\n\nReports.\n",
        "content/index.zh.md": "# 摘要\n\n报道。\n",
        "content/glossary.yml": GLOSSARY,
    }
    for slug, title_zh, title_en, region, region_en, year, date in REPORTS:
        fields = dict(
            title_zh=title_zh,
            title_en=title_en,
            region=region,
            region_en=region_en,
            year=year,
            date=date,
        )
        files[f"content/reports/{slug}/index.zh.md"] = REPORT_ZH.format(**fields)
        files[f"content/reports/{slug}/index.en.md"] = REPORT_EN.format(**fields)
    write_files(root, files)
    return root / "mkdocs.yml"


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("reader-site")
    return build_site(root / "site", config_file=write_site(root), site_url=SITE_URL)


def test_one_pagefind_bundle_per_language_written_by_the_build(site: Path) -> None:
    # home and two reports in each language; not 404.html
    for folder, lang in (("", "en"), ("zh/", "zh")):
        bundle = site / folder / "pagefind"
        entry = json.loads((bundle / "pagefind-entry.json").read_text(encoding="utf-8"))
        counts = {lang: info["page_count"] for lang, info in entry["languages"].items()}
        assert counts == {lang: 3}
        assert (bundle / f"pagefind.{entry['languages'][lang]['hash']}.pf_meta").is_file()
        assert (bundle / "pagefind-ui.js").is_file()
    assert not (site / "search").exists() and not (site / "zh/search").exists()
    # Each page loads its language's bundle.
    for page, bundle in (("index.html", "pagefind/"), ("zh/index.html", "zh/pagefind/")):
        found = re.search(r'data-bundle="([^"]+)"', (site / page).read_text(encoding="utf-8"))
        assert found and posixpath.normpath(
            posixpath.join(posixpath.dirname(page), found[1])
        ) == bundle.rstrip("/")


def test_pages_carry_no_search_rewriting(site: Path) -> None:
    html = (site / "zh/reports/gangshan/index.html").read_text(encoding="utf-8")
    assert "search_index" not in html and "digest-search.js" not in html
    assert '<html lang="zh"' in html


def test_feeds_per_language_newest_first_with_absolute_links(site: Path) -> None:
    en = ET.parse(site / "feed/atom.xml").getroot()
    zh = ET.parse(site / "zh/feed/atom.xml").getroot()
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
        assert target == (lang_root / "feed/atom.xml").resolve(), page


def test_sitemap_lists_both_languages_with_hreflang(site: Path) -> None:
    # mkdocs-static-i18n's sitemap, written by the last language build: every page of both
    # languages, each with its alternates
    urls = ET.parse(site / "sitemap.xml").getroot().findall(f"{SM}url")
    alternates = {
        u.findtext(f"{SM}loc"): {
            ln.get("hreflang"): ln.get("href")
            for ln in u.iter("{http://www.w3.org/1999/xhtml}link")
        }
        for u in urls
    }
    for path in ("", "reports/gangshan/", "reports/shuangshan/"):
        pair = {"en": f"{SITE_URL}{path}", "zh": f"{SITE_URL}zh/{path}"}
        assert alternates[pair["en"]] == pair
        assert alternates[pair["zh"]] == pair
    # Material fetches sitemap.xml next to each feed link: there, a small index
    for small in (site / "feed/sitemap.xml", site / "zh/feed/sitemap.xml"):
        assert ET.parse(small).getroot().tag == f"{SM}sitemapindex"
        assert small.stat().st_size < 1000


def test_search_false_writes_no_bundle(tmp_path: Path) -> None:
    config = write_site(tmp_path)
    text = MKDOCS_YML.replace("  - digest-reader", "  - digest-reader:\n      search: false")
    config.write_text(_config(text), encoding="utf-8")
    build_site(tmp_path / "site", config_file=config, site_url=SITE_URL, strict=False)
    assert (tmp_path / "site/feed/atom.xml").is_file()
    assert not (tmp_path / "site/pagefind").exists()


def test_size_limit_says_room_left_near_it_and_fails_a_strict_build_over_it(tmp_path, caplog):
    from mkdocs.exceptions import Abort

    from site_builder.site.site_size import SiteSize, verdict

    assert verdict(SiteSize(total=700, reports=7, limit=1000)) is None
    level, text = verdict(SiteSize(total=850, reports=10, limit=1000))
    assert level == "info" and "about 1 more fit" in text
    assert verdict(SiteSize(total=1200, reports=10, limit=1000))[0] == "warning"
    assert verdict(SiteSize(total=1200, reports=10, limit=0)) is None

    # A real build: the two-report site weighs more than 1 MB (Pagefind, the theme), so a
    # 1 MB limit is exceeded and the strict build stops; without the check it builds.
    config = write_site(tmp_path)
    text = MKDOCS_YML.replace("  - digest-reader", "  - digest-reader:\n      size_limit_mb: 1")
    config.write_text(_config(text), encoding="utf-8")
    with pytest.raises(Abort):
        build_site(tmp_path / "site", config_file=config, site_url=SITE_URL)
    assert "more than the host publishes (1 MB" in caplog.text
    build_site(tmp_path / "site", config_file=config, site_url=SITE_URL, strict=False)
    assert (tmp_path / "site/pagefind").is_dir()
