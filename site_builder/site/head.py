"""What goes into a page's <head> and language switch: alternates (hreflang) and Open Graph.

Plain data for the theme's templates; nothing here knows about MkDocs.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from site_builder.site.model import Language, absolute_url, lang_url, relative_url, strip_prefix

OG_LOCALES = {"en": "en_US", "zh": "zh_CN"}


@dataclass
class Alternate:
    """One language version of the current page."""

    lang: str
    name: str
    url: str  # relative link from the current page (for the language switch)
    href: str  # absolute when the site has a site_url (for hreflang)
    current: bool = False
    exists: bool = True  # False: the switch falls back to that language's home page


@dataclass
class PageHead:
    lang: str
    alternates: list[Alternate] = field(default_factory=list)
    x_default: str | None = None  # hreflang="x-default": the default language's version
    description: str | None = None
    og: list[tuple[str, str]] = field(default_factory=list)  # (property, content)


def nearest_page(norm: str, locale: str, available: Mapping[str, set[str]]) -> str:
    """The closest page above ``norm`` that exists in ``locale``: the report for its
    bilingual view (reports/x/bilingual/ -> reports/x/), else the home page ('')."""
    while norm:
        if locale in available.get(norm, ()):
            return norm
        parent = norm.rstrip("/").rpartition("/")[0]
        norm = parent + "/" if parent else ""
    return ""


def page_head(
    page_url: str,
    language: Language,
    languages: list[Language],
    available: Mapping[str, set[str]],
    *,
    site_url: str | None = None,
    site_name: str = "",
    title: str = "",
    description: str | None = None,
    article: bool = False,
    published: str | None = None,
) -> PageHead:
    """Alternates and Open Graph properties for the page at site-relative ``page_url``."""
    norm = strip_prefix(page_url, language)
    langs = available.get(norm)
    head = PageHead(language.locale, description=description)
    for other in languages:
        exists = langs is not None and other.locale in langs
        target = lang_url(norm if exists else nearest_page(norm, other.locale, available), other)
        href = absolute_url(site_url, target) or relative_url(target, page_url)
        head.alternates.append(
            Alternate(
                other.locale,
                other.name,
                relative_url(target, page_url),
                href,
                current=other.locale == language.locale,
                exists=exists or other.locale == language.locale,
            )
        )
        if other.default and exists:
            head.x_default = href
    canonical = absolute_url(site_url, page_url)
    og = [
        ("og:type", "article" if article else "website"),
        ("og:title", title or site_name),
        ("og:site_name", site_name),
        ("og:locale", OG_LOCALES.get(language.locale, language.locale)),
    ]
    og += [
        ("og:locale:alternate", OG_LOCALES.get(a.lang, a.lang))
        for a in head.alternates
        if a.exists and not a.current
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
