"""“Cite this report”: a report page as a bibliographic record, the ready citations a reader
copies from its “Cite” panel, and the Highwire Press ``citation_*`` meta tags that Zotero and
Google Scholar read from the page's head.

Plain data for the theme's templates (``partials/cite.html``, ``partials/cite-meta.html``);
nothing here knows about MkDocs or HTML. The formats themselves are in ``cite_formats``.

What is cited is the page the reader has open: the report as its newspaper printed it
(headline, paper, date, page, byline), the region it covers, and this digest as the
translator of the English, at the page's permalink. The accessed date is the reader's own
(see ``CiteFormat``).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from site_builder.content.english_rules import (
    english_edition,
    english_publication,
    english_region,
    person_name,
)
from site_builder.content.glossary import GlossaryEntry
from site_builder.site import cite_formats
from site_builder.site.model import Report, iso_date

_HAN_RE = re.compile(r"[\u3400-\u9fff]")

WORDS = {
    "en": {
        "cite": "Cite",
        "title": "Cite this report",
        "permalink": "Permalink",
        "text": "Citation",
        "bibtex": "BibTeX",
        "ris": "RIS (Zotero, EndNote, Mendeley)",
        "copy": "Copy",
        "copied": "Copied to the clipboard.",
        "selected": "Selected: press Ctrl+C (⌘C on a Mac) to copy.",
        "accessed_js": "The accessed date is today's date on your device.",
        "accessed_nojs": "Add the date you read this page as the accessed date.",
    },
    "zh": {
        "cite": "引用",
        "title": "引用本文",
        "permalink": "永久链接",
        "text": "参考文献格式（GB/T 7714）",
        "bibtex": "BibTeX",
        "ris": "RIS（Zotero、EndNote、Mendeley）",
        "copy": "复制",
        "copied": "已复制到剪贴板。",
        "selected": "已选中，请按 Ctrl+C（Mac 上按 ⌘C）复制。",
        "accessed_js": "引用日期为您设备上的今天日期。",
        "accessed_nojs": "请补充您阅读本页的日期作为引用日期。",
    },
}


@dataclass(frozen=True)
class Person:
    """A byline name: as printed, and in pinyin split into surname and given name."""

    zh: str
    family: str  # Wang
    given: str = ""  # Maozheng; '' for a name kept whole (a transliterated foreign name)

    @property
    def en(self) -> str:
        """Surname first, as Chinese names are written in English: Wang Maozheng."""
        return f"{self.family} {self.given}".strip()


@dataclass
class Citation:
    """One report page as a bibliographic record, in the original and in English."""

    key: str  # a citation key: wang-2021-12-31-zoucheng-gangshan
    lang: str  # the page's language: 'zh', 'en', …
    url: str | None  # the page's permalink (absolute; None when the site has no site_url)
    title_zh: str  # headline as printed, with its subtitle
    title_en: str | None  # its English translation, with the subtitle
    authors: list[Person] = field(default_factory=list)
    publication_zh: str | None = None
    publication_en: str | None = None
    date: str | None = None  # ISO publication date
    page: str | None = None  # the newspaper page from the edition: 第04版 -> '4'
    region_zh: str | None = None
    region_en: str | None = None
    translator: str = ""  # this digest's name, in the page's language

    @property
    def english(self) -> bool:
        """Whether the citation follows English conventions (every page but a Chinese one)."""
        return self.lang != "zh"

    @property
    def languages(self) -> list[str]:
        """Languages of the text on the page."""
        return [self.lang]


@dataclass
class CiteFormat:
    """One ready citation in the panel.

    ``text`` is what the page shows before scripts run: complete, without an accessed date
    (a static page cannot know when it is read). ``accessed`` is what each style adds for the
    date (with ``cite_formats.ACCESSED`` where the date goes) and ``accessed_at`` where in
    ``text`` it goes, counted in UTF-16 code units as JavaScript counts; the theme's script
    inserts it with the reader's today in ``date_style`` when the panel opens and again when a
    citation is copied. (An insertion, not a second copy of the citation: bytes per page.)
    """

    name: str  # 'permalink', 'text', 'bibtex', 'ris' (element ids)
    label: str
    text: str
    accessed: str | None = None
    accessed_at: int = 0
    date_style: str = "iso"  # 'iso' 2025-03-05, 'ris' 2025/03/05, 'en' March 5, 2025


@dataclass
class CitePanel:
    """What the theme's “Cite” panel and the page head show for one report page."""

    lang: str  # the language of the panel's words
    url: str | None
    site_name: str
    words: Mapping[str, str]
    formats: list[CiteFormat]
    meta: list[tuple[str, str]]  # (name, content) of the citation_* meta tags


def report_citation(
    report: Report,
    lang: str,
    url: str | None,
    digest_name: str,
    glossary: Sequence[GlossaryEntry] = (),
) -> Citation:
    """The record for ``report``'s page in ``lang`` at ``url``; ``digest_name`` is the site's
    name in the page's language."""
    meta = report.meta
    english = report.page("en")
    publication = _text(meta.get("publication"))
    region = _text(meta.get("region"))
    edition = english_edition(_text(meta.get("edition")))
    authors = [_person(name) for name in byline_names(meta.get("byline"))]
    surname = re.sub(r"[^a-z0-9]", "", authors[0].family.lower()) if authors else ""
    key = "-".join(part for part in (surname, report.slug, "zh" if lang == "zh" else "") if part)
    return Citation(
        key=key,
        lang=lang,
        url=url,
        title_zh=_headline(meta, "——") or report.slug,
        title_en=_headline(english.meta, ": ") if english else None,
        authors=authors,
        publication_zh=publication,
        publication_en=english_publication(publication, glossary) if publication else None,
        date=iso_date(meta.get("date")),
        page=edition.removeprefix("Page ") if edition else None,
        region_zh=region,
        region_en=english_region(region, glossary) if region else None,
        translator=digest_name,
    )


def byline_names(byline: Any) -> list[str]:
    """The names of a byline in order: one ``{role, names}`` group or a list of them."""
    groups = byline if isinstance(byline, list) else [byline]
    names = []
    for group in groups:
        if isinstance(group, Mapping):
            names += [str(name).strip() for name in group.get("names") or [] if str(name).strip()]
    return names


def cite_panel(citation: Citation, lang: str) -> CitePanel:
    """The panel's formats and the head's meta tags; words in ``lang``, the site language of
    the page."""
    words = WORDS.get(lang) or WORDS["en"]
    formats = []
    if citation.url:
        formats.append(CiteFormat("permalink", words["permalink"], citation.url))
    text_style = "en" if citation.english else "iso"  # March 5, 2026 or GB/T's 2026-03-05
    formats += [
        _dated("text", words["text"], cite_formats.plain_text, citation, text_style),
        _dated("bibtex", words["bibtex"], cite_formats.bibtex, citation, "iso"),
        _dated("ris", words["ris"], cite_formats.ris, citation, "ris"),
    ]
    return CitePanel(lang, citation.url, citation.translator, words, formats, meta_tags(citation))


def meta_tags(citation: Citation) -> list[tuple[str, str]]:
    """Highwire Press tags (the ones Google Scholar documents and Zotero reads), in the
    page's language. Authors are 'Surname, Given' so that Zotero splits them right."""
    english = citation.english
    title = (citation.title_en or citation.title_zh) if english else citation.title_zh
    tags = [("citation_title", title)]
    for person in citation.authors:
        name = f"{person.family}, {person.given}" if person.given else person.family
        tags.append(("citation_author", name if english else person.zh))
    if citation.date:
        date = citation.date.replace("-", "/")
        tags += [("citation_publication_date", date), ("citation_date", date)]
    publication = citation.publication_en if english else citation.publication_zh
    if publication:
        tags.append(("citation_journal_title", publication))
    if citation.page:
        tags.append(("citation_firstpage", citation.page))
    tags += [("citation_language", code) for code in citation.languages]
    region = citation.region_en if english else citation.region_zh
    if region:
        tags.append(("citation_keywords", region))
    if citation.url:
        tags += [
            ("citation_public_url", citation.url),
            ("citation_fulltext_html_url", citation.url),
        ]
    return [(name, content) for name, content in tags if content]


def _dated(
    name: str, label: str, render: Callable[..., str], citation: Citation, style: str
) -> CiteFormat:
    text = render(citation)
    dated = render(citation, accessed=cite_formats.ACCESSED)
    if cite_formats.ACCESSED in text:  # the report's own text has the marker: leave it alone
        return CiteFormat(name, label, text, date_style=style)
    at = 0  # the first place where the dated citation differs
    while at < len(text) and text[at] == dated[at]:
        at += 1
    accessed = dated[at : at + len(dated) - len(text)]
    if dated != text[:at] + accessed + text[at:]:  # not one insertion: no date, never a wrong one
        return CiteFormat(name, label, text, date_style=style)
    utf16_at = len(text[:at].encode("utf-16-le")) // 2
    return CiteFormat(name, label, text, accessed, utf16_at, style)


def _headline(meta: Mapping[str, Any], joiner: str) -> str | None:
    title, subtitle = _text(meta.get("title")), _text(meta.get("subtitle"))
    if title and subtitle:
        return f"{title}{joiner}{subtitle}"
    return title or subtitle


def _person(name: str) -> Person:
    pinyin = person_name(name)
    # A name in Latin letters or a transliterated one (约翰·史密斯) has no surname to split off.
    if not _HAN_RE.search(name) or "·" in name or "•" in name or " " not in pinyin:
        return Person(name, pinyin)
    family, given = pinyin.split(" ", 1)
    return Person(name, family, given)


def _text(value: object) -> str | None:
    text = " ".join(str(value).split()) if value is not None else ""
    return text or None
