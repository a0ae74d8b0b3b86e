"""Pages per province, prefecture and county (``places/<province>/<prefecture>/<county>/``):
the reports about the place or a place within it, newest period first, each with its place,
period and headline figures, and links up the path and down to the places within; and
``places/`` itself, the provinces and prefectures as a tree with their counts of reports.

A report is on the page of every province, prefecture and county on its ``region_path``
(site.places). A page lists at most ``place_rows`` reports (60); more go to ``…/2/``, ``…/3/``,
so that no page grows with the number of reports. Report pages link here
from their region, the archive from its places.

The page kinds' entries are in site.page_kinds; the markup is digest/place.html and
digest/places.html.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from typing import Any

from site_builder.site.figure_rows import period_text
from site_builder.site.generated import GeneratedPage, Site, report_link
from site_builder.site.model import Report, iso_date
from site_builder.site.places import (
    LEVELS,
    PAGE_LEVELS,
    PLACES,
    own_name,
    path_name,
    pinyin_key,
    place_norm,
    report_place,
)
from site_builder.site.strings import text, words
from site_builder.site.templates import Templates
from site_builder.site.text import estimate_mark, figure_label, figure_value, headline_figures

# Reports a place page lists; more go on to further pages. A row with three headline figures
# is about 0.9 KB: 60 keep a page's first view (theme included) under 400 KB (issue 21).
PLACE_ROWS = 60
HEADLINES = 3  # headline figures shown per report
INDEX_LEVELS = 2  # places/ lists provinces and prefectures


def places_of(reports: Sequence[Report]) -> dict[tuple[str, ...], list[Report]]:
    """Each province, prefecture and county path with its reports (in the order given)."""
    found: dict[tuple[str, ...], list[Report]] = {}
    for report in reports:
        place = report_place(report.meta)
        if place is not None:
            for path in place.pages:
                found.setdefault(path, []).append(report)
    return found


def place_urls(reports: Sequence[Report], rows_per_page: int = PLACE_ROWS) -> list[str]:
    """The URLs of every place page the reports call for (before any page is built)."""
    urls = []
    for path, found in places_of(reports).items():
        pages = max(1, math.ceil(len(found) / rows_per_page))
        urls += [place_norm(path, n) for n in range(1, pages + 1)]
    return urls


def place_pages(
    site: Site,
    templates: Templates,
    rows_per_page: int = PLACE_ROWS,
    remake: Any = None,
) -> list[GeneratedPage]:
    """Every place page in the site's language; ``remake`` (site.page_kinds.Remake) narrows
    a dirty build to the pages showing a report it names."""
    by_path = places_of(site.reports)
    pages = []
    for path, found in by_path.items():
        if remake is not None and not any(remake.report(r.slug) for r in found):
            continue
        pages += _pages_of(path, found, by_path, site, templates, rows_per_page)
    return pages


def places_index(site: Site, templates: Templates) -> list[GeneratedPage]:
    """``places/``: every province and prefecture with reports, as a tree (names in pinyin
    order) with each one's count of reports; no page when no report has a place. Counties
    are on their prefecture's page: China has about 330 prefectures and 2,800 counties, and
    this page stays small however much of the country the digest covers."""
    by_path = places_of(site.reports)

    def within(path: tuple[str, ...]) -> list[dict[str, Any]]:
        children = [
            child for child in by_path if len(child) == len(path) + 1 and child[: len(path)] == path
        ]
        return [
            {
                "name": own_name(child[-1], site),
                "href": site.href(place_norm(child), PLACES),
                "count": len(by_path[child]),
                "within": within(child) if len(child) < INDEX_LEVELS else [],
            }
            for child in sorted(children, key=lambda child: pinyin_key(child[-1]))
        ]

    roots = within(())
    if not roots:
        return []
    lang = site.lang
    body = templates.render("digest/places.html", t=words(lang), places=roots)
    meta = {"title": text(lang, "places.title"), "hide": ["toc"], "search": {"exclude": True}}
    return [GeneratedPage(PLACES, meta, [body])]


def place_hrefs(report: Report, site: Site, from_norm: str) -> list[tuple[str, str]]:
    """(name, link) of the county, prefecture and province pages of a report, smallest first."""
    place = report_place(report.meta)
    if place is None:
        return []
    return [(own_name(path[-1], site), site.href(place_norm(path), from_norm))
            for path in reversed(place.pages)]  # fmt: skip


def _pages_of(
    path: tuple[str, ...],
    reports: Sequence[Report],
    by_path: dict[tuple[str, ...], list[Report]],
    site: Site,
    templates: Templates,
    rows_per_page: int,
) -> list[GeneratedPage]:
    lang = site.lang
    t = words(lang)
    level = LEVELS[len(path) - 1]
    ordered = sorted(reports, key=_newest_period, reverse=True)
    count = max(1, math.ceil(len(ordered) / rows_per_page))
    name = own_name(path[-1], site)
    parents = [
        {"name": own_name(up[-1], site), "href": None}
        for up in (path[:n] for n in range(1, len(path)))
    ]
    everywhere = t["places.all"]
    within = sorted(
        (child for child in by_path if len(child) == len(path) + 1 and child[: len(path)] == path),
        key=lambda child: own_name(child[-1], site),
    )
    pages = []
    for number in range(1, count + 1):
        norm = place_norm(path, number)
        for n, parent in enumerate(parents, start=1):
            parent["href"] = site.href(place_norm(path[:n]), norm)
        shown = ordered[(number - 1) * rows_per_page : number * rows_per_page]
        body = templates.render(
            "digest/place.html",
            t=t,
            lang=lang,
            level=text(lang, "places.level", level=text(lang, f"level.{level}")),
            parents=parents,
            everywhere={"name": everywhere, "href": site.href(PLACES, norm)},
            original=path[-1] if lang != "zh" and name != path[-1] else None,
            count=text(lang, "places.count", count=len(ordered)),
            within=[
                {
                    "name": own_name(child[-1], site),
                    "href": site.href(place_norm(child), norm),
                    "count": len(by_path[child]),
                }
                for child in within
                if len(child) <= len(PAGE_LEVELS)
            ],
            rows=[_row(report, site, norm) for report in shown],
            pages=[
                {"number": n, "href": site.href(place_norm(path, n), norm), "current": n == number}
                for n in range(1, count + 1)
            ],
        )
        title = name if number == 1 else text(lang, "places.page", name=name, page=number)
        meta = {"title": title, "hide": ["toc"], "search": {"exclude": True}}
        pages.append(GeneratedPage(norm, meta, [body]))
    return pages


def _row(report: Report, site: Site, norm: str) -> dict[str, Any]:
    lang = site.lang
    place = report_place(report.meta)
    figures = []
    for figure in headline_figures(report.figures(lang), HEADLINES):
        label, untranslated = figure_label(figure, lang, site.glossary_by_zh, site.metrics)
        own = figure.get("period")
        figures.append(
            {
                "value": figure_value(figure, lang),
                "label": label,
                "label_lang": "zh" if untranslated else None,
                "period": period_text(str(own), lang) if own else None,
                "estimate": estimate_mark(lang) if figure.get("estimate") else None,
            }
        )
    period = report.meta.get("period")
    return {
        "link": report_link(report, site, norm),
        "place": path_name(place.path, site) if place else "",
        "level": text(
            lang, "places.level_note", level=text(lang, f"level.{place.level or 'unknown'}")
        )
        if place
        else "",
        "period": period_text(str(period), lang) if period else text(lang, "period.not_stated"),
        "date": iso_date(report.meta.get("date")),
        "figures": figures,
    }


def _newest_period(report: Report) -> tuple[str, tuple[str, str, str]]:
    return (str(report.meta.get("period") or ""), report.sort_key)
