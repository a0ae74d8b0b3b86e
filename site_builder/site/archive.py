"""The archive: every report, newest first, under its year (``archive/``, ``archive/2/``, …).

A page lists at most ``ARCHIVE_ROWS`` reports (about 0.3 KB each; site.paging), so that no
page grows with the digest. A year that runs over a page boundary goes on under "2021
(continued)"; its anchor (``#year-2021``) is on the page where it starts, which the year links
at the top of every page and each report header's period link point to (``year_starts``,
``year_href``). Reports by place are the place pages' (``places/``), linked at the top.

The page kind's entry is in site.page_kinds; the markup is digest/archive-links.html,
digest/report-list.html and digest/pages-nav.html.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Mapping, Sequence

from site_builder.site.generated import (
    ARCHIVE,
    GeneratedPage,
    Markdown,
    Site,
    byline,
    report_link,
)
from site_builder.site.model import Report, iso_date
from site_builder.site.paging import page_norm, page_numbers, paged
from site_builder.site.place_pages import places_of
from site_builder.site.places import PLACES, own_name, pinyin_key, place_norm
from site_builder.site.strings import text, words
from site_builder.site.templates import Templates

ARCHIVE_ROWS = 150  # reports an archive page lists; more go on to archive/2/, …


def archive_norm(page: int = 1) -> str:
    return page_norm(ARCHIVE, page)


def archive_urls(reports: Sequence[Report]) -> list[str]:
    """The archive's pages for ``reports`` (one even when there are none)."""
    count = len(paged(reports, _year, ARCHIVE_ROWS).pages)
    return [archive_norm(n) for n in range(1, count + 1)]


def year_anchor(year: str) -> str:
    """``year-2021``; ``year-x`` for the undated reports (``""``)."""
    return "year-" + (re.sub(r"[^0-9a-z]+", "-", year.casefold()).strip("-") or "x")


def year_starts(reports: Sequence[Report]) -> dict[str, int]:
    """The page each year's reports start on, by year in the archive's order (``reports``
    newest first, as the archive lists them); ``""`` stands for the undated reports."""
    return paged(reports, _year, ARCHIVE_ROWS).starts


def year_href(
    year: str, starts: Mapping[str, int], from_norm: str, href: Callable[[str, str], str]
) -> str:
    """A link from ``from_norm`` to the start of ``year`` in the archive (``href``: a link
    between two language-free URLs in the page's language, Site.href)."""
    page = archive_norm(starts.get(year, 1))
    return ("" if page == from_norm else href(page, from_norm)) + f"#{year_anchor(year)}"


def archive_pages(site: Site, templates: Templates) -> list[GeneratedPage]:
    """Every page of the archive in the site's language (``site.reports`` newest first)."""
    lang = site.lang
    t = words(lang)
    found = paged(site.reports, _year, ARCHIVE_ROWS)
    count = len(found.pages)
    pages = []
    for number, parts in enumerate(found.pages, start=1):
        norm = archive_norm(number)
        numbers = page_numbers(count, number, functools.partial(_archive_href, site, norm))
        nav = templates.render("digest/pages-nav.html", pages=numbers, label=t["archive.pages"])
        body: list[str] = [_links(found.starts, norm, site, templates, t), nav]
        for part in parts:
            name = part.section or text(lang, "archive.undated")
            if part.first:
                body.append(Markdown(f"## {name} {{#{year_anchor(part.section)}}}"))
            else:
                body.append(Markdown(f"## {text(lang, 'archive.continued', year=name)}"))
            body.append(_report_list(part.rows, norm, site, templates, t))
        body.append(nav)
        title = text(lang, "archive.title")
        if number > 1:
            title = text(lang, "archive.page", title=title, page=number)
        meta = {"title": title, "search": {"exclude": True}}
        pages.append(GeneratedPage(norm, meta, [piece for piece in body if piece.strip()]))
    return pages


def _archive_href(site: Site, from_norm: str, number: int) -> str:
    return site.href(archive_norm(number), from_norm)


def _year(report: Report) -> str:
    return report.year or ""


def _links(
    starts: Mapping[str, int], norm: str, site: Site, templates: Templates, t: Mapping[str, str]
) -> str:
    """Links to the start of each year, and to the places page and the province and
    prefecture pages."""
    places = sorted(
        (path for path in places_of(site.reports) if len(path) <= 2),
        key=lambda path: [pinyin_key(name) for name in path],
    )
    return templates.render(
        "digest/archive-links.html",
        t=t,
        years=[
            (year or text(site.lang, "archive.undated"), year_href(year, starts, norm, site.href))
            for year in starts
        ],
        places_href=site.href(PLACES, norm),
        places=[
            {
                "name": own_name(path[-1], site),
                "href": site.href(place_norm(path), norm),
                "within": [
                    (own_name(child[-1], site), site.href(place_norm(child), norm))
                    for child in places
                    if len(child) == 2 and child[0] == path[0]
                ],
            }
            for path in places
            if len(path) == 1
        ],
    )


def _report_list(
    reports: Sequence[Report], norm: str, site: Site, templates: Templates, t: Mapping[str, str]
) -> str:
    items = [
        {
            "date": iso_date(report.meta.get("date")),
            "link": report_link(report, site, norm),
            "byline": byline(report, site),
        }
        for report in reports
    ]
    return templates.render("digest/report-list.html", t=t, items=items)
