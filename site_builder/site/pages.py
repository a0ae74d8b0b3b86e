"""Generated pages, in any language: home, archive, glossary (and, re-exported here for the
MkDocs adapter, the bilingual views of site.bilingual).

Each function returns a ``GeneratedPage`` (site.generated): Python gathers what a page shows,
the theme's digest/*.html templates hold the markup.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from typing import Any

from pypinyin import lazy_pinyin

from site_builder.content.blocks import escape as md_escape
from site_builder.content.glossary import GlossaryEntry
from site_builder.site.bilingual import bilingual_page, bilingual_url
from site_builder.site.generated import (
    ARCHIVE,
    FIGURES,
    GLOSSARY,
    HOME,
    GeneratedPage,
    Markdown,
    Site,
    byline,
    region_name,
    report_link,
)
from site_builder.site.model import Report, iso_date
from site_builder.site.place_pages import places_of
from site_builder.site.places import PLACES, own_name, place_norm
from site_builder.site.strings import KIND_NAMES, text, words
from site_builder.site.templates import Templates
from site_builder.site.text import figure_label, figure_value, headline_figures

__all__ = [
    "ARCHIVE",
    "FIGURES",
    "GLOSSARY",
    "HOME",
    "GeneratedPage",
    "Site",
    "archive_page",
    "bilingual_page",
    "bilingual_url",
    "glossary_page",
    "home_page",
]

# -- home ---------------------------------------------------------------------------------------


def home_page(site: Site, templates: Templates) -> GeneratedPage:
    """The newest reports as cards: titles in both languages, region, period, publication,
    three headline figures."""
    lang = site.lang
    shown = site.reports[: site.home_limit] if site.home_limit else site.reports
    more = len(shown) < len(site.reports)
    body = templates.render(
        "digest/home.html",
        t=words(lang),
        cards=[_card(report, site) for report in shown],
        more_href=site.href(ARCHIVE, HOME) if more else None,
        count=len(site.reports),
    )
    meta = {"title": text(lang, "home.title"), "hide": ["toc"], "search": {"exclude": True}}
    return GeneratedPage(HOME, meta, [body])


def _card(report: Report, site: Site) -> dict[str, Any]:
    lang = site.lang
    link = report_link(report, site, HOME)
    other_titles = [
        (str(p.meta["title"]), p.lang)
        for p in report.pages.values()
        if p.lang != lang and p.meta.get("title") and p.meta["title"] != link.title
    ]
    figures = report.figures(lang)
    chosen = headline_figures(figures, 3) or figures[:3]
    glossary = site.glossary_by_zh
    shown = []
    for figure in chosen:
        label, untranslated = figure_label(figure, lang, glossary, site.metrics)
        shown.append(
            {
                "value": figure_value(figure, lang),
                "label": label,
                "label_lang": "zh" if untranslated else None,
            }
        )
    return {
        "link": link,
        "other_titles": other_titles,
        "byline": byline(report, site),
        "figures": shown,
    }


# -- archive ------------------------------------------------------------------------------------


def archive_page(site: Site, templates: Templates) -> GeneratedPage:
    """Every report, by year (newest first) and by region."""
    lang = site.lang
    by_year: dict[str, list[Report]] = {}
    by_region: dict[str, list[Report]] = {}
    for report in site.reports:
        by_year.setdefault(report.year or text(lang, "archive.undated"), []).append(report)
        region = region_name(report, site) or text(lang, "archive.unknown_region")
        by_region.setdefault(region, []).append(report)
    t = words(lang)
    body: list[str] = [_archive_links(sorted(by_year, reverse=True), site, templates, t)]
    body.append(Markdown(f"## {text(lang, 'archive.by_year')} {{#by-year}}"))
    for year in sorted(by_year, reverse=True):
        body.append(Markdown(f"### {year} {{#year-{_anchor(year)}}}"))
        body.append(_report_list(by_year[year], site, templates, t))
    body.append(Markdown(f"## {text(lang, 'archive.by_region')} {{#by-region}}"))
    region_key = _pinyin_key if lang == "zh" else str.casefold
    for region in sorted(by_region, key=region_key):
        body.append(Markdown(f"### {md_escape(region)}"))
        body.append(_report_list(by_region[region], site, templates, t))
    meta = {"title": text(lang, "archive.title"), "search": {"exclude": True}}
    return GeneratedPage(ARCHIVE, meta, body)


def _archive_links(
    years: Sequence[str], site: Site, templates: Templates, t: Mapping[str, str]
) -> str:
    """Links to each year's section and to the province and prefecture pages."""
    places = sorted(
        (path for path in places_of(site.reports) if len(path) <= 2),
        key=lambda path: [_pinyin_key(name) for name in path],
    )
    return templates.render(
        "digest/archive-links.html",
        t=t,
        years=[(year, f"#year-{_anchor(year)}") for year in years],
        places_href=site.href(PLACES, ARCHIVE),
        places=[
            {
                "name": own_name(path[-1], site),
                "href": site.href(place_norm(path), ARCHIVE),
                "within": [
                    (own_name(child[-1], site), site.href(place_norm(child), ARCHIVE))
                    for child in places
                    if len(child) == 2 and child[0] == path[0]
                ],
            }
            for path in places
            if len(path) == 1
        ],
    )


def _report_list(
    reports: Sequence[Report], site: Site, templates: Templates, t: Mapping[str, str]
) -> str:
    items = [
        {
            "date": iso_date(report.meta.get("date")),
            "link": report_link(report, site, ARCHIVE),
            "byline": byline(report, site),
        }
        for report in reports
    ]
    return templates.render("digest/report-list.html", t=t, items=items)


# -- glossary -----------------------------------------------------------------------------------


def glossary_page(site: Site, templates: Templates) -> GeneratedPage:
    """The glossary by kind of term: Chinese, pinyin, English and the note, in the site's
    language order (English first on the English site)."""
    lang = site.lang
    t = words(lang)
    body = [templates.render("digest/glossary.html", t=t, empty=not site.glossary)]
    kinds = KIND_NAMES.get(lang) or KIND_NAMES["en"]
    ids: set[str] = set()
    for kind, title in kinds.items():
        entries = [e for e in site.glossary if e.kind == kind]
        if not entries:
            continue
        key: Callable[[GlossaryEntry], str] = (
            (lambda e: _pinyin_key(e.zh)) if lang == "zh" else (lambda e: e.en.casefold())
        )
        terms = [{"entry": e, "anchor": _unique(e.en, ids)} for e in sorted(entries, key=key)]
        body.append(Markdown(f"## {title} {{#{kind.replace('_', '-')}}}"))
        body.append(templates.render("digest/glossary-terms.html", lang=lang, terms=terms))
    meta = {"title": text(lang, "glossary.title")}
    return GeneratedPage(GLOSSARY, meta, body)


def _unique(name: str, taken: set[str]) -> str:
    """An anchor for a glossary term, unique on the page: term-fiscal-revenue(-2)."""
    anchor = base = "term-" + _anchor(name)
    number = 2
    while anchor in taken:
        anchor, number = f"{base}-{number}", number + 1
    taken.add(anchor)
    return anchor


# -- helpers ------------------------------------------------------------------------------------


def _anchor(value: str) -> str:
    return re.sub(r"[^0-9a-z]+", "-", value.casefold()).strip("-") or "x"


def _pinyin_key(value: str) -> str:
    return " ".join(lazy_pinyin(value))
