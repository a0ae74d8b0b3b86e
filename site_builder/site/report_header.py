"""A report page's title block: titles, the report's metadata in the page's language, links.

Python works out what each field says (``metadata_fields``); the markup is the theme's
digest/report-header.html.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from site_builder.content.english_rules import (
    english_byline,
    english_edition,
    english_publication,
    english_region,
)
from site_builder.content.glossary import GlossaryEntry
from site_builder.content.roles import byline_groups
from site_builder.site.model import Report, iso_date
from site_builder.site.strings import text, words
from site_builder.site.templates import Templates
from site_builder.site.text import date_text


@dataclass
class ReportLinks:
    """Relative links from one report page, worked out by the caller from the built files."""

    bilingual: str | None = None
    source: str | None = None
    report_error: str | None = None  # the about page's "how to report an error" section
    languages: list[tuple[str, str, str]] = field(default_factory=list)  # (lang, name, url)
    images: dict[int, str] = field(default_factory=dict)  # caption number -> image url
    metrics: dict[str, str] = field(default_factory=dict)  # metric id -> its page's url
    places: list[tuple[str, str]] = field(default_factory=list)  # (name, url): county … province
    period: str | None = None  # the archive's section of the report's year
    pager: list[Any] = field(default_factory=list)  # site/report_pager.py Neighbour, by date


@dataclass
class MetaField:
    """One metadata field of the header, as the reader of the page's language sees it."""

    key: str  # publication, date, edition, byline, region, period
    text: str
    text_lang: str | None = None  # when the text stays in Chinese on a translated page
    datetime: str | None = None  # a date's ISO form
    search: str | None = None  # the Pagefind result's metadata key this field fills
    original: str | None = None  # the Chinese original, shown beside the English
    href: str | None = None  # the field's text links here (the period: the archive's year)
    links: list[tuple[str, str]] = field(default_factory=list)  # (name, url) after the text


def report_header(
    report: Report,
    lang: str,
    links: ReportLinks,
    templates: Templates,
    glossary: Sequence[GlossaryEntry] = (),
) -> str:
    """The title block: titles, a definition list of the report's metadata, links."""
    page = report.page(lang) or report.source
    actions = []
    if links.bilingual:
        actions.append(_action(links.bilingual, text(lang, "link.bilingual")))
    if links.source:
        actions.append(_action(links.source, text(lang, "link.source")))
    for other, name, url in links.languages:
        actions.append(_action(url, name, lang=other))
    # What a reader must know of the text's language: none for the Chinese page and reviewed
    # English; a notice for a text still in Chinese, or English not yet reviewed.
    notice = {"untranslated": "untranslated.notice", "missing": "untranslated.notice"}
    notice |= {"machine": "machine.notice", "draft": "draft_translation.notice"}
    key = notice.get(report.english_state(lang))
    status = text(lang, key) if key else None
    return templates.render(
        "digest/report-header.html",
        t=words(lang),
        title=page.meta.get("title") or report.meta.get("title") or report.slug,
        subtitle=page.meta.get("subtitle"),
        fields=_linked(metadata_fields(report.meta, lang, glossary), links),
        actions=actions,
        status=status,
    )


def _linked(fields: list[MetaField], links: ReportLinks) -> list[MetaField]:
    """The region names its county, prefecture and province pages; the period links to the
    archive's year."""
    for item in fields:
        if item.key == "region":
            item.links = links.places
        elif item.key == "period":
            item.href = links.period
    return fields


def _action(href: str, label: str, type: str | None = None, lang: str | None = None) -> dict:
    """A link of the header's actions: ``type`` a download's media type, ``lang`` another
    language's page."""
    return {"href": href, "label": label, "type": type, "lang": lang}


def metadata_fields(
    meta: Mapping[str, Any], lang: str, glossary: Sequence[GlossaryEntry] = ()
) -> list[MetaField]:
    """Each known metadata field, in reading order; unknown ones left out."""
    fields: list[MetaField] = []
    publication, region = meta.get("publication"), meta.get("region")
    date = iso_date(meta.get("date"))
    edition, period = meta.get("edition"), meta.get("period")
    groups = byline_groups(meta.get("byline"))
    if lang == "zh":
        if publication:
            fields.append(MetaField("publication", str(publication)))
        if date:
            fields.append(MetaField("date", date_text(date, lang), datetime=date))
        if edition:
            section = meta.get("section")
            fields.append(MetaField("edition", f"{edition} {section}" if section else str(edition)))
        if groups:
            printed = " ".join(
                " ".join(([g["role"]] if g["role"] else []) + g["names"]) for g in groups
            )
            fields.append(MetaField("byline", printed))
        if region:
            fields.append(MetaField("region", str(region), search="region"))
        if period:
            suffix = "年" if re.fullmatch(r"\d{4}", str(period)) else ""
            fields.append(MetaField("period", f"{period}{suffix}", search="period"))
        return fields
    if publication:
        english = english_publication(str(publication), glossary) or str(publication)
        fields.append(_with_original("publication", english, str(publication)))
    if date:
        fields.append(MetaField("date", date_text(date, lang), datetime=date))
    if edition:
        english = english_edition(str(edition)) or str(edition)
        section = meta.get("section")
        fields.append(MetaField("edition", english, original=str(section) if section else None))
    if groups:
        # Staff reporter: Li Ming; Correspondent: Wang Fang
        parts = []
        for group in groups:
            named = english_byline(group)
            joined = ", ".join(named["names"])
            parts.append(f"{named['role']}: {joined}" if named["role"] else joined)
        fields.append(MetaField("byline", "; ".join(parts)))
    if region:
        english = english_region(str(region), glossary) or str(region)
        fields.append(_with_original("region", english, str(region), search="region"))
    if period:
        fields.append(MetaField("period", str(period), search="period"))
    return fields


def _with_original(key: str, english: str, chinese: str, search: str | None = None) -> MetaField:
    """The English name with the Chinese beside it; the Chinese alone when there is none."""
    if english == chinese:
        return MetaField(key, chinese, text_lang="zh", search=search)
    return MetaField(key, english, search=search, original=chinese)
