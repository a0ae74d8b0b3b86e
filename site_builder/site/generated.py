"""What every generated page shares: the page itself, the site it links to, report links.

A ``GeneratedPage`` is its language-free URL, front matter and body parts. Headings are
Markdown (for the table of contents and their ids); everything else is HTML from the theme's
digest/*.html templates, kept out of Python-Markdown as ``Fragments``, so these pages cost
little to build. Nothing here knows about MkDocs; the plugin hands MkDocs each page's body
and sets its metadata on the page. A page made once for every language (the bilingual view)
is instead a ``document`` of its own, without the theme, which the plugin writes as it is.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any

from site_builder.content.english_rules import english_publication, english_region
from site_builder.content.glossary import GlossaryEntry
from site_builder.content.metrics import Vocabulary
from site_builder.site.html import Fragments
from site_builder.site.model import Language, Report, iso_date, lang_url, relative_url
from site_builder.site.text import date_text

HOME, ARCHIVE, FIGURES, GLOSSARY = "", "archive/", "key-figures/", "glossary/"


class Markdown(str):
    """A part of a generated page for Python-Markdown to convert (a heading)."""


@dataclass
class GeneratedPage:
    norm: str  # language-free URL: '', 'archive/', 'reports/<slug>/bilingual/'
    meta: dict[str, Any]
    parts: list[str]  # Markdown parts, and HTML parts that become fragments
    fragments: Fragments = field(default_factory=Fragments)
    # A whole HTML document (no theme, no metadata, no parts): written to <norm>index.html
    # as it is. Pages made once are documents (site/page_kinds.py).
    document: str | None = None

    def __post_init__(self) -> None:
        lines = [p if isinstance(p, Markdown) else self.fragments.add(p) for p in self.parts]
        self.body = "\n\n".join(line for line in lines if line)


@dataclass
class Site:
    """What a generated page may link to, seen from one language build."""

    language: Language
    languages: list[Language]
    reports: list[Report]
    glossary: list[GlossaryEntry] = field(default_factory=list)
    available: Mapping[str, set[str]] = field(default_factory=dict)  # norm -> languages
    assets: Mapping[str, str] = field(default_factory=dict)  # src_uri -> site-relative url
    home_limit: int = 30
    metrics: Vocabulary = field(default_factory=Vocabulary)
    name: str = ""  # the site's name in this language (mkdocs.yml's site_name)
    favicon: str = ""  # site-relative URL of the theme's favicon
    _names: dict[tuple[str, str], str] = field(default_factory=dict, repr=False)

    @property
    def lang(self) -> str:
        return self.language.locale

    def href(self, norm: str, from_norm: str) -> str:
        return relative_url(lang_url(norm, self.language), lang_url(from_norm, self.language))

    def report_href(self, report: Report, from_norm: str) -> tuple[str, str | None]:
        """Link to ``report`` in this language, else in a language that has it (and which)."""
        langs = self.available.get(report.norm_url, set(report.pages))
        if self.lang in langs or not langs:
            return self.href(report.norm_url, from_norm), None
        other = next(lang for lang in self.languages if lang.locale in langs)
        target = lang_url(report.norm_url, other)
        return relative_url(target, lang_url(from_norm, self.language)), other.locale

    @cached_property
    def glossary_by_zh(self) -> dict[str, GlossaryEntry]:
        return {entry.zh: entry for entry in self.glossary}

    def english_name(self, kind: str, chinese: str) -> str:
        """A region or publication in English (glossary, else by rule), worked out once."""
        key = (kind, chinese)
        if key not in self._names:
            convert = english_region if kind == "region" else english_publication
            self._names[key] = convert(chinese, self.glossary) or chinese
        return self._names[key]


@dataclass
class ReportLink:
    """A link to a report from a generated page (digest/macros.html ``report_link``)."""

    href: str
    hreflang: str | None  # the linked page's language when it is not the site's
    title: str
    title_lang: str | None  # the title's language when it is not the site's
    only_chinese: bool  # the report has no page in the site's language


def report_link(report: Report, site: Site, from_norm: str) -> ReportLink:
    href, other = site.report_href(report, from_norm)
    title, title_lang = report_title(report, site.lang)
    # Not translated: the page in this language presents the Chinese text.
    only_chinese = site.lang != "zh" and not report.translated(site.lang)
    return ReportLink(href, other, title, title_lang, only_chinese)


def report_title(report: Report, lang: str) -> tuple[str, str | None]:
    """The report's title in ``lang`` (or the Chinese one) and the language it is in."""
    page = report.page(lang)
    if page and page.meta.get("title"):
        return str(page.meta["title"]), None
    return str(report.meta.get("title") or report.slug), "zh" if lang != "zh" else None


def region_name(report: Report, site: Site) -> str | None:
    region = report.meta.get("region")
    if not region:
        return None
    if site.lang == "zh":
        return str(region)
    return site.english_name("region", str(region))


def byline(report: Report, site: Site) -> str:
    """'Region · period · publication, date' in the site's language."""
    parts = []
    region = region_name(report, site)
    if region:
        parts.append(region)
    if report.meta.get("period"):
        parts.append(str(report.meta["period"]))
    publication = report.meta.get("publication")
    date = iso_date(report.meta.get("date"))
    if publication and site.lang != "zh":
        publication = site.english_name("publication", str(publication))
    when = date_text(date, site.lang) if date else None
    source = ("," if site.lang == "zh" else ", ").join(str(p) for p in (publication, when) if p)
    if source:
        parts.append(source)
    return " · ".join(parts)
