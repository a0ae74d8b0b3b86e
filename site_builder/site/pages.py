"""Generated pages, in any language: home and glossary (and, re-exported here for the MkDocs
adapter, the bilingual views of site.bilingual). The archive is site.archive's.

Each function returns a ``GeneratedPage`` (site.generated): Python gathers what a page shows,
the theme's digest/*.html templates hold the markup.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Sequence
from typing import Any

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
    report_link,
)
from site_builder.site.model import Report
from site_builder.site.paging import page_norm, page_numbers, paged
from site_builder.site.places import pinyin_key
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
    "bilingual_page",
    "bilingual_url",
    "glossary_pages",
    "glossary_urls",
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


# -- glossary -----------------------------------------------------------------------------------


GLOSSARY_ROWS = 150  # terms a glossary page lists (about 0.3 KB each); more go on to 2/, …


def glossary_entries(glossary: Sequence[GlossaryEntry], lang: str) -> list[GlossaryEntry]:
    """The terms the glossary pages list, by kind, then in the language's order (pinyin of
    the Chinese on the Chinese site, the English on the English one)."""
    kinds = list(KIND_NAMES["en"])
    key: Callable[[GlossaryEntry], tuple[int, str]] = (
        (lambda e: (kinds.index(e.kind), pinyin_key(e.zh)))
        if lang == "zh"
        else (lambda e: (kinds.index(e.kind), e.en.casefold()))
    )
    return sorted((e for e in glossary if e.kind in kinds), key=key)


def glossary_urls(glossary: Sequence[GlossaryEntry]) -> list[str]:
    """The glossary's pages (the same in every language: one even when it is empty)."""
    count = len(paged(glossary_entries(glossary, "en"), _kind, GLOSSARY_ROWS).pages)
    return [page_norm(GLOSSARY, n) for n in range(1, count + 1)]


def glossary_pages(site: Site, templates: Templates) -> list[GeneratedPage]:
    """The glossary by kind of term: Chinese, pinyin, English and the note, in the site's
    language order (English first on the English site), at most GLOSSARY_ROWS terms a page;
    a kind that runs over a page goes on under "Places (continued)"."""
    lang = site.lang
    t = words(lang)
    names = KIND_NAMES.get(lang) or KIND_NAMES["en"]
    found = paged(glossary_entries(site.glossary, lang), _kind, GLOSSARY_ROWS)
    count = len(found.pages)
    pages = []
    for number, parts in enumerate(found.pages, start=1):
        norm = page_norm(GLOSSARY, number)
        numbers = page_numbers(count, number, functools.partial(_glossary_href, site, norm))
        nav = templates.render("digest/pages-nav.html", pages=numbers, label=t["glossary.pages"])
        kinds = [
            (names[kind], _glossary_href(site, norm, start, _kind_anchor(kind)))
            for kind, start in found.starts.items()
        ]
        body = [
            templates.render("digest/glossary.html", t=t, empty=not site.glossary, kinds=kinds),
            nav,
        ]
        ids: set[str] = set()
        for part in parts:
            title = names[part.section]
            if part.first:
                body.append(Markdown(f"## {title} {{#{_kind_anchor(part.section)}}}"))
            else:
                body.append(Markdown(f"## {text(lang, 'glossary.continued', kind=title)}"))
            terms = [{"entry": e, "anchor": _unique(e.en, ids)} for e in part.rows]
            body.append(templates.render("digest/glossary-terms.html", lang=lang, terms=terms))
        body.append(nav)
        title = text(lang, "glossary.title")
        if number > 1:
            title = text(lang, "glossary.page", title=title, page=number)
        pages.append(GeneratedPage(norm, {"title": title}, [b for b in body if b.strip()]))
    return pages


def _kind(entry: GlossaryEntry) -> str:
    return entry.kind


def _kind_anchor(kind: str) -> str:
    return kind.replace("_", "-")


def _glossary_href(site: Site, from_norm: str, number: int, anchor: str = "") -> str:
    target = page_norm(GLOSSARY, number)
    href = "" if target == from_norm else site.href(target, from_norm)
    return href + (f"#{anchor}" if anchor else "")


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
