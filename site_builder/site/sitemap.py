"""Sitemaps with hreflang alternates.

Layout (every path site-relative):

- ``sitemap-<lang>.xml``: every page of one language, each with ``xhtml:link`` alternates for
  all its languages and ``x-default`` (the default language's page);
- ``sitemap.xml`` and ``<prefix>sitemap.xml`` (``zh/sitemap.xml``): a small sitemap index of
  the language sitemaps.

Why an index in each language's home folder: Material's bundle fetches ``sitemap.xml`` next to
every ``<link rel="alternate">`` of a page, on every page load. Each page's feed link
(``feed.xml``, ``zh/feed.xml``) is one, so a missing file is a 404 in the reader's console and
a full sitemap would be a large download on each page. (The theme writes the hreflang links
as ``rel="alternate "``, which Material's exact-match selector skips.)

Plain data in, XML text out; nothing here knows about MkDocs.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from xml.sax.saxutils import escape, quoteattr

SITEMAP_NAME = "sitemap.xml"
_URLSET = (
    '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" '
    'xmlns:xhtml="http://www.w3.org/1999/xhtml">'
)
_INDEX = '<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'


@dataclass(frozen=True)
class Language:
    code: str  # "en", "zh"
    prefix: str  # "" for the default language, else "zh/"
    default: bool = False


@dataclass
class SitePage:
    """A built page: its language and its site-relative URL (``reports/x/``, ``zh/``)."""

    lang: str
    url: str
    alternates: dict[str, str] = field(default_factory=dict)  # lang -> site-relative URL


def _strip(url: str, prefix: str) -> str | None:
    """The language-neutral part of ``url``, or None when it is not under ``prefix``."""
    if not prefix:
        return url
    if url == prefix.rstrip("/") or url.startswith(prefix):
        return url[len(prefix) :]
    return None


def pair_pages(urls: Mapping[str, Iterable[str]], languages: list[Language]) -> list[SitePage]:
    """Pages of all languages with their alternates.

    ``urls`` maps a language code to the site-relative URLs built for it. mkdocs-static-i18n
    builds each language into its prefix, so ``zh/reports/x/`` is the Chinese page of
    ``reports/x/``; pages are paired by what is left once the prefix is taken off.
    """
    by_code = {lang.code: lang for lang in languages}
    neutral: dict[str, dict[str, str]] = {}
    order: list[tuple[str, str]] = []
    for code, page_urls in urls.items():
        lang = by_code.get(code)
        if lang is None:
            continue
        for url in page_urls:
            key = _strip(url, lang.prefix)
            if key is None:
                continue
            if code not in neutral.setdefault(key, {}):
                neutral[key][code] = url
                order.append((code, key))
    return [SitePage(code, neutral[key][code], dict(neutral[key])) for code, key in order]


def absolute(site_url: str, url: str) -> str:
    """An absolute URL from the site's URL (``https://host/sub/``) and a site-relative one.
    Without a site_url the result stays site-relative."""
    if not site_url:
        return url or "./"
    return site_url.rstrip("/") + "/" + url


def _url_element(page: SitePage, site_url: str, default: str | None) -> list[str]:
    lines = ["  <url>", f"    <loc>{escape(absolute(site_url, page.url))}</loc>"]
    alternates = dict(page.alternates)
    if default and default in alternates:
        alternates["x-default"] = alternates[default]
    for code, url in alternates.items():
        href = quoteattr(absolute(site_url, url))
        lines.append(f'    <xhtml:link rel="alternate" hreflang={quoteattr(code)} href={href}/>')
    lines.append("  </url>")
    return lines


def render_urlset(pages: Iterable[SitePage], site_url: str, default: str | None) -> str:
    """A sitemap (``<urlset>``) of the given pages with their hreflang alternates."""
    lines = ['<?xml version="1.0" encoding="UTF-8"?>', _URLSET]
    for page in pages:
        lines += _url_element(page, site_url, default)
    lines.append("</urlset>")
    return "\n".join(lines) + "\n"


def render_index(sitemaps: Iterable[str], site_url: str) -> str:
    """A sitemap index (``<sitemapindex>``) of the given site-relative sitemap paths."""
    lines = ['<?xml version="1.0" encoding="UTF-8"?>', _INDEX]
    for path in sitemaps:
        lines.append(f"  <sitemap><loc>{escape(absolute(site_url, path))}</loc></sitemap>")
    lines.append("</sitemapindex>")
    return "\n".join(lines) + "\n"


def language_sitemap_path(code: str) -> str:
    return f"sitemap-{code}.xml"


def sitemap_files(
    pages: list[SitePage], languages: list[Language], site_url: str
) -> dict[str, str]:
    """Every sitemap file of the site: site-relative path -> XML text."""
    default = next((lang.code for lang in languages if lang.default), None)
    files: dict[str, str] = {}
    per_language = []
    for lang in languages:
        own = [page for page in pages if page.lang == lang.code]
        if not own:
            continue
        path = language_sitemap_path(lang.code)
        files[path] = render_urlset(own, site_url, default)
        per_language.append(path)
    index = render_index(per_language, site_url)
    for lang in languages:
        files[lang.prefix + SITEMAP_NAME] = index
    return files
