"""The one sitemap file of ours: a small sitemap index beside each language's feed.

The site's sitemap is mkdocs-static-i18n's ``sitemap.xml`` at the root: every page of every
language with its ``xhtml:link`` hreflang alternates, about 1.9 KB per report. Material's
bundle fetches ``sitemap.xml`` next to every ``<link rel="alternate">`` of a page on each page
load (compat 12); each page's feed link (``feed/atom.xml``, ``zh/feed/atom.xml``) is one, so
beside each feed there is an index pointing at the root sitemap, a few hundred bytes, and a
page's first view does not grow with the site.

Plain data in, XML text out; nothing here knows about MkDocs.
"""

from __future__ import annotations

import posixpath
from xml.sax.saxutils import escape

from site_builder.site.feeds import feed_path
from site_builder.site.model import Language, absolute_url

SITEMAP_NAME = "sitemap.xml"
_INDEX = '<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'


def absolute(site_url: str, url: str) -> str:
    """An absolute URL from the site's URL (``https://host/sub/``) and a site-relative one.
    Without a site_url the result stays site-relative."""
    return absolute_url(site_url, url) or url or "./"


def render_index(sitemaps: list[str], site_url: str) -> str:
    """A sitemap index (``<sitemapindex>``) of the given site-relative sitemap paths."""
    lines = ['<?xml version="1.0" encoding="UTF-8"?>', _INDEX]
    for path in sitemaps:
        lines.append(f"  <sitemap><loc>{escape(absolute(site_url, path))}</loc></sitemap>")
    lines.append("</sitemapindex>")
    return "\n".join(lines) + "\n"


def language_indexes(languages: list[Language], site_url: str) -> dict[str, str]:
    """``feed/sitemap.xml``, ``zh/feed/sitemap.xml`` -> an index of the root sitemap, beside
    each language's feed."""
    index = render_index([SITEMAP_NAME], site_url)
    return {
        posixpath.dirname(feed_path(lang.prefix)) + "/" + SITEMAP_NAME: index for lang in languages
    }
