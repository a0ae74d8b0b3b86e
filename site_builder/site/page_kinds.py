"""The registry of generated page kinds: a new kind of page is one entry here (with its module
and template), not an edit of the MkDocs adapter.

Each kind says which language-free URLs it makes from what the build read, and how it makes
its pages in one language. A kind made ``once`` is made in the default language's build only,
at its language-free URL, and every language links there: a page that shows every language
anyway (the bilingual view), so that the site holds one copy, not one per language. Its
pages are whole documents of their own (``GeneratedPage.document``), not theme pages: no
language switch, search or sitemap entry. ``Making.remake`` says what a dirty build (`mkdocs
serve --dirty`) must make again: a kind asks it about the reports or the key-figure rows its
pages show, and leaves the rest out (their HTML from the last build stays). Kinds in the
navigation are made in every build: every page's navigation shows their titles.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Protocol

from site_builder.content.glossary import GlossaryEntry
from site_builder.site.archive import archive_pages, archive_urls
from site_builder.site.bilingual import bilingual_page, bilingual_url
from site_builder.site.figure_rows import FigureRow, by_metric, metric_norms
from site_builder.site.generated import FIGURES, HOME, GeneratedPage, Site
from site_builder.site.key_figures import index_page, metric_pages
from site_builder.site.model import Report
from site_builder.site.pages import glossary_pages, glossary_urls, home_page
from site_builder.site.place_pages import (
    PLACE_ROWS,
    place_pages,
    place_urls,
    places_index,
    places_of,
)
from site_builder.site.places import PLACES
from site_builder.site.templates import Templates


class Remake(Protocol):
    """What a build must make again (every page in a full build)."""

    def report(self, slug: str) -> bool:
        """Whether pages showing this report's text are to be made."""
        ...

    def rows(self, key: str, rows: Sequence[FigureRow]) -> bool:
        """Whether pages showing these key-figure rows (a group named ``key``) are to be made."""
        ...


class Everything:
    """A full build: every page is made."""

    def report(self, slug: str) -> bool:
        return True

    def rows(self, key: str, rows: Sequence[FigureRow]) -> bool:
        return True


@dataclass
class Digest:
    """What the build read, in every language: what a kind makes its URLs from."""

    reports: Sequence[Report]
    rows: Sequence[FigureRow]  # every key figure
    metric_rows: int  # rows of a metric page's tables
    place_rows: int = PLACE_ROWS  # reports a place page lists
    glossary: Sequence[GlossaryEntry] = ()  # the glossary's terms, for its pages' URLs


@dataclass
class Making:
    """What a kind may use to make its pages in one language build."""

    site: Site
    digest: Digest
    templates: Templates
    remake: Remake


@dataclass(frozen=True)
class PageKind:
    name: str
    urls: Callable[[Digest], list[str]]
    make: Callable[[Making], list[GeneratedPage]]
    in_nav: bool = False  # its first page is in the navigation: made in every build
    # Made in the default language only, as documents of their own; every language links there.
    once: bool = False
    # Found by search (Pagefind): True indexes the kind's pages, False leaves them out,
    # None keeps what each page's own metadata says.
    searched: bool | None = None


def _metric_pages(m: Making) -> list[GeneratedPage]:
    pages: list[GeneratedPage] = []
    for found in by_metric(m.digest.rows).values():
        metric = found[0].metric
        assert metric is not None
        if m.remake.rows(f"{m.site.lang}:{metric.id}", found):
            pages += metric_pages(m.site, metric, found, m.templates, m.digest.metric_rows)
    return pages


def _bilingual_pages(m: Making) -> list[GeneratedPage]:
    reports = [r for r in m.site.reports if r.bilingual and m.remake.report(r.slug)]
    return [bilingual_page(report, m.site, m.templates) for report in reports]


PAGE_KINDS: list[PageKind] = [
    PageKind("home", lambda d: [HOME], lambda m: [home_page(m.site, m.templates)], True),
    PageKind(
        "archive",
        lambda d: archive_urls(d.reports),
        lambda m: archive_pages(m.site, m.templates),
        True,
        searched=True,
    ),
    PageKind(
        "key-figures",
        lambda d: [FIGURES],
        lambda m: [index_page(m.site, m.digest.rows, m.templates)],
        True,
        searched=True,
    ),
    PageKind(
        "glossary",
        lambda d: glossary_urls(d.glossary),
        lambda m: glossary_pages(m.site, m.templates),
        True,
    ),
    PageKind(
        "bilingual",
        lambda d: [bilingual_url(r) for r in d.reports if r.bilingual],
        _bilingual_pages,
        once=True,
    ),
    PageKind("metric", lambda d: metric_norms(d.rows, d.metric_rows), _metric_pages, searched=True),
    PageKind(
        "places",
        lambda d: [PLACES] if places_of(d.reports) else [],
        lambda m: places_index(m.site, m.templates),
    ),
    PageKind(
        "place",
        lambda d: place_urls(d.reports, d.place_rows),
        lambda m: place_pages(m.site, m.templates, m.digest.place_rows, m.remake),
    ),
]


def generated_urls(digest: Digest, *, once: bool = False) -> list[str]:
    """The language-free URL of every generated page made in each language (with ``once``:
    of those made once, in the default language), kind by kind."""
    return [url for kind in PAGE_KINDS if kind.once == once for url in kind.urls(digest)]


def navigation_urls(digest: Digest) -> list[str]:
    """The pages in the navigation: each such kind's first page (archive/, not archive/2/)."""
    found = (kind.urls(digest) for kind in PAGE_KINDS if kind.in_nav)
    return [urls[0] for urls in found if urls]


def make_pages(making: Making, *, once: bool = False) -> list[GeneratedPage]:
    """This language's generated pages that the build must make (with ``once``: the pages
    made once, in the default language's build; none in another language's)."""
    if once and not making.site.language.default:
        return []
    pages = []
    for kind in PAGE_KINDS:
        if kind.once == once:
            made = kind.make(making)
            if kind.searched is not None:
                for page in made:
                    page.meta["search"] = {"exclude": not kind.searched}
            pages += made
    return pages
