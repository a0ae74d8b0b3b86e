"""What goes into a page's <head> besides what Material writes: description and Open Graph.

The language switch and the hreflang alternates come from mkdocs-static-i18n (Material's
switch, its sitemap). Plain data for the theme's templates; nothing here knows about MkDocs.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from site_builder.site.model import Language, absolute_url

OG_LOCALES = {"en": "en_US", "zh": "zh_CN"}


@dataclass
class PageHead:
    lang: str
    description: str | None = None
    og: list[tuple[str, str]] = field(default_factory=list)  # (property, content)
    # Pagefind filters of a report page (name, value): province and year (issue 21.5)
    filters: list[tuple[str, str]] = field(default_factory=list)
    # The footer's links (site-relative): the language's feed, how to report an error
    feed: str | None = None
    report_error: str | None = None
    licence: str | None = None


def page_head(
    page_url: str,
    language: Language,
    languages: list[Language],
    *,
    site_url: str | None = None,
    site_name: str = "",
    title: str = "",
    description: str | None = None,
    article: bool = False,
    published: str | None = None,
) -> PageHead:
    """Open Graph properties for the page at site-relative ``page_url``. Every page exists in
    every language (mkdocs-static-i18n falls back to the default language's page)."""
    head = PageHead(language.locale, description=description)
    canonical = absolute_url(site_url, page_url)
    og = [
        ("og:type", "article" if article else "website"),
        ("og:title", title or site_name),
        ("og:site_name", site_name),
        ("og:locale", OG_LOCALES.get(language.locale, language.locale)),
    ]
    og += [
        ("og:locale:alternate", OG_LOCALES.get(other.locale, other.locale))
        for other in languages
        if other.locale != language.locale
    ]
    if canonical:
        og.append(("og:url", canonical))
    if description:
        og.append(("og:description", description))
    if article and published:
        og.append(("article:published_time", published))
    head.og = [(key, value) for key, value in og if value]
    return head


def description_of(text: str, limit: int = 200) -> str:
    """A one-line description from plain text, cut after a sentence or clause when long."""
    flat = " ".join(text.split())
    if len(flat) <= limit:
        return flat
    cut = flat[:limit]
    for stop in ("。", ". ", ";", "; ", ",", ", ", " "):
        at = cut.rfind(stop)
        if at > limit // 2:
            return cut[:at].rstrip() + "…"
    return cut + "…"


FILTER_NAMES = {"en": ("Province", "Year"), "zh": ("省份", "年份")}


def search_filters(meta: dict, year: str | None, lang: str) -> list[tuple[str, str]]:
    """A report's Pagefind filters, named in the page's language (the search panel shows the
    names): its province (the first step of ``region_path``, when resolved) and its year."""
    province, year_name = FILTER_NAMES.get(lang, FILTER_NAMES["en"])
    filters = []
    path = meta.get("region_path")
    if isinstance(path, list) and path and isinstance(path[0], str) and path[0]:
        filters.append((province, path[0]))
    if year:
        filters.append((year_name, year))
    return filters
