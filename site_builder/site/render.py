"""Report pages: the page body as written, plus what the site adds from the front matter.

``render_report`` takes the Markdown body of ``reports/<slug>/index.<lang>.md`` and returns
the Markdown MkDocs converts: a header block (title, publication, date, edition, byline,
region, period, links), key-figure callouts in place of their markers, photo captions as
figures (or placeholders), an editor's note at the end and, on translated pages, glossary
explanations as abbreviations (tooltips). Body text stays Markdown; what we add is escaped HTML, kept
out of Python-Markdown as ``Fragments`` that are put back into the converted page.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from site_builder.content.blocks import parse_body
from site_builder.content.glossary import GlossaryEntry
from site_builder.content.metrics import Vocabulary
from site_builder.content.model import Block
from site_builder.content.pages import figure_blocks
from site_builder.content.roles import byline_groups
from site_builder.english.rules import (
    english_byline,
    english_date,
    english_edition,
    english_publication,
    english_region,
)
from site_builder.site.html import Fragments, attrs, esc, figure, figures_box, lang_span, link
from site_builder.site.model import Report, iso_date
from site_builder.site.strings import status_text, text
from site_builder.site.text import headline_figures

_HAN_RE = re.compile(r"[\u3400-\u9fff]")


@dataclass
class ReportLinks:
    """Relative links from one report page, worked out by the caller from the built files."""

    bilingual: str | None = None
    source: str | None = None
    report_error: str | None = None  # the about page's "how to report an error" section
    languages: list[tuple[str, str, str]] = field(default_factory=list)  # (lang, name, url)
    images: dict[int, str] = field(default_factory=dict)  # caption number -> image url
    metrics: dict[str, str] = field(default_factory=dict)  # metric id -> its page's url


def render_report(
    markdown: str,
    report: Report,
    lang: str,
    links: ReportLinks,
    glossary: Sequence[GlossaryEntry] = (),
    section_limit: int = 6,
    abbreviations: Abbreviations | None = None,
    metrics: Vocabulary | None = None,
) -> tuple[str, Fragments]:
    """The Markdown MkDocs should convert for ``report``'s page in ``lang``, and the HTML
    fragments to put into the converted page (``Fragments.fill``)."""
    by_zh = {entry.zh: entry for entry in glossary}
    figures = report.figures(lang)
    sections = _figures_by_section(report)
    html = Fragments()
    explain = (
        (abbreviations or Abbreviations(glossary)).for_page(markdown) if lang != "zh" else None
    )
    parts = [html.add(report_header(report, lang, links, glossary))]
    captions = 0
    headings = 0
    for page_block in parse_body(markdown):
        block = page_block.block
        if block.kind == "heading":
            headings += 1
            parts.append(page_block.markdown)
        elif block.kind == "callout" and block.text == "glance":
            box = figures_box(
                headline_figures(figures), lang, "glance", by_zh, metrics, links.metrics
            )
            parts.append(html.add(box))
        elif block.kind == "callout":
            chosen = _short_list(sections.get(headings, []), figures, section_limit)
            shown = [figures[i] for i in chosen]
            box = figures_box(shown, lang, "section", by_zh, metrics, links.metrics)
            parts.append(html.add(box))
        elif block.kind == "caption":
            captions += 1
            parts.append(html.add(figure([(block.text, None)], links.images.get(captions), lang)))
        elif block.kind == "paragraph" and explain and explain.pending:
            parts.append(explain.mark(page_block.markdown))
        else:
            parts.append(page_block.markdown)
    parts.append(html.add(editor_note(report, lang, links)))
    return "\n\n".join(part for part in parts if part) + "\n", html


def report_header(
    report: Report, lang: str, links: ReportLinks, glossary: Sequence[GlossaryEntry] = ()
) -> str:
    """The title block: titles, a definition list of the report's metadata, links."""
    page = report.page(lang) or report.source
    title = page.meta.get("title") or report.meta.get("title") or report.slug
    subtitle = page.meta.get("subtitle")
    rows = "".join(
        f'<div class="digest-meta__row"><dt>{esc(text(lang, "meta." + key))}</dt>'
        f"<dd>{value}</dd></div>"
        for key, value in metadata_fields(report.meta, lang, glossary)
    )
    head = f"<h1>{esc(title)}</h1>"
    if subtitle:
        head += f'<p class="digest-subtitle">{esc(subtitle)}</p>'
    label = esc(text(lang, "meta.label"))
    meta = f'<dl class="digest-meta" aria-label="{label}">{rows}</dl>'
    actions = []
    if links.bilingual:
        actions.append(link(links.bilingual, text(lang, "link.bilingual")))
    if links.source:
        actions.append(link(links.source, text(lang, "link.source"), type="text/plain"))
    for other, name, url in links.languages:
        actions.append(link(url, name, hreflang=other, lang=other))
    status = page.meta.get("translation", {}) if lang != "zh" else {}
    note = ""
    if isinstance(status, Mapping) and status.get("status") not in (None, "reviewed"):
        note = f'<p class="digest-status">{esc(status_text(status.get("status"), lang) or "")}</p>'
    items = "".join(f"<li>{a}</li>" for a in actions)
    nav = f'<ul class="digest-actions" data-search-exclude>{items}</ul>'
    return f'<header class="digest-report-header">{head}{meta}{nav}{note}</header>'


def metadata_fields(
    meta: Mapping[str, Any], lang: str, glossary: Sequence[GlossaryEntry] = ()
) -> list[tuple[str, str]]:
    """(key, HTML) for each known metadata field, in reading order; unknown ones left out."""
    fields: list[tuple[str, str]] = []
    publication, region = meta.get("publication"), meta.get("region")
    date = iso_date(meta.get("date"))
    edition, period = meta.get("edition"), meta.get("period")
    groups = byline_groups(meta.get("byline"))
    if lang == "zh":
        if publication:
            fields.append(("publication", esc(publication)))
        if date:
            y, m, d = (int(part) for part in date.split("-"))
            fields.append(("date", f'<time datetime="{date}">{y}年{m}月{d}日</time>'))
        if edition:
            section = meta.get("section")
            fields.append(("edition", esc(f"{edition} {section}" if section else edition)))
        if groups:
            printed = " ".join(
                " ".join(([g["role"]] if g["role"] else []) + g["names"]) for g in groups
            )
            fields.append(("byline", esc(printed)))
        if region:
            fields.append(("region", search_meta("region", esc(region))))
        if period:
            suffix = "年" if re.fullmatch(r"\d{4}", str(period)) else ""
            fields.append(("period", search_meta("period", esc(f"{period}{suffix}"))))
        return fields
    if publication:
        english = english_publication(str(publication), glossary) or str(publication)
        fields.append(("publication", _with_original(english, str(publication))))
    if date:
        fields.append(("date", f'<time datetime="{date}">{esc(english_date(date) or date)}</time>'))
    if edition:
        english = esc(english_edition(str(edition)) or edition)
        if section := meta.get("section"):
            english += f' <span class="digest-original" lang="zh">{esc(section)}</span>'
        fields.append(("edition", english))
    if groups:
        # Staff reporter: Li Ming; Correspondent: Wang Fang
        parts = []
        for group in groups:
            named = english_byline(group)
            joined = ", ".join(named["names"])
            parts.append(f"{named['role']}: {joined}" if named["role"] else joined)
        fields.append(("byline", esc("; ".join(parts))))
    if region:
        english = english_region(str(region), glossary) or str(region)
        fields.append(("region", _with_original(english, str(region), meta="region")))
    if period:
        fields.append(("period", search_meta("period", esc(period))))
    return fields


def search_meta(key: str, content: str) -> str:
    """``content`` as the search result's ``key`` (Pagefind takes the element's text)."""
    return f'<span data-pagefind-meta="{key}">{content}</span>'


def _with_original(english: str, chinese: str, meta: str | None = None) -> str:
    if english == chinese:
        shown = lang_span(chinese, "zh")
        return search_meta(meta, shown) if meta else shown
    shown = search_meta(meta, esc(english)) if meta else esc(english)
    return f'{shown} <span class="digest-original" lang="zh">{esc(chinese)}</span>'


def editor_note(report: Report, lang: str, links: ReportLinks) -> str:
    """The editor's note (hand repairs) and the converter's layout notes, kept quiet."""
    page = report.page(lang) or report.source
    note = page.meta.get("editor_note") or report.meta.get("editor_note")
    layout = [str(n) for n in report.meta.get("layout_notes") or [] if n]
    if not note and not layout:
        return ""
    title = text(lang, "note.title")
    body = ""
    if note:
        note_lang = "en" if lang == "zh" and not _HAN_RE.search(str(note)) else None
        body += f"<p{attrs(lang=note_lang)}>{esc(note)}</p>"
    if layout:
        found = "".join(f"<li>{esc(n)}</li>" for n in layout)
        body += (
            f"<details><summary>{esc(text(lang, 'note.layout'))}</summary>"
            f'<ul lang="en">{found}</ul></details>'
        )
    if links.report_error:
        body += f"<p>{link(links.report_error, text(lang, 'note.report_error'))}</p>"
    return (
        f'<aside class="digest-note" id="editors-note" aria-label="{esc(title)}" '
        "data-search-exclude>"
        f'<p class="digest-note__title">{esc(title)}</p>{body}</aside>'
    )


class Abbreviations:
    """Glossary explanations for English text: the first occurrence on a page of each glossary
    term that has a note becomes ``<abbr title="note">term</abbr>`` (explained once, as a
    tooltip; the glossary page has them all). Built once per glossary."""

    def __init__(self, glossary: Sequence[GlossaryEntry]) -> None:
        self.notes: dict[str, str] = {}
        for entry in glossary:
            term = entry.en.strip()
            if entry.note and len(term) > 1 and _definable(term) and term not in self.notes:
                self.notes[term] = " ".join(str(entry.note).split())
        self._patterns: dict[str, re.Pattern[str]] = {}

    def for_page(self, markdown: str) -> PageAbbreviations:
        """The terms of ``markdown`` still to explain, longest first."""
        # A substring test per term is several times faster than one big alternation.
        found = sorted((t for t in self.notes if t in markdown), key=len, reverse=True)
        return PageAbbreviations(self, found)

    def pattern(self, term: str) -> re.Pattern[str]:
        if term not in self._patterns:
            self._patterns[term] = re.compile(rf"(?<!\w){re.escape(term)}(?!\w)")
        return self._patterns[term]


class PageAbbreviations:
    """Marks each term once per page, in the first paragraph that has it as a whole word."""

    def __init__(self, glossary: Abbreviations, terms: list[str]) -> None:
        self.glossary = glossary
        self.pending = terms

    def mark(self, markdown: str) -> str:
        for term in [t for t in self.pending if t in markdown]:
            taken = [m.span() for m in _ABBR_RE.finditer(markdown)]
            for match in self.glossary.pattern(term).finditer(markdown):
                start, end = match.span()
                if any(a < end and start < b for a, b in taken):
                    continue  # inside a longer term already explained
                note = esc(self.glossary.notes[term])
                marked = f'<abbr title="{note}">{markdown[start:end]}</abbr>'
                markdown = markdown[:start] + marked + markdown[end:]
                self.pending.remove(term)
                break
        return markdown


_ABBR_RE = re.compile(r"<abbr [^>]*>.*?</abbr>")


def _definable(term: str) -> bool:
    return not any(ch in term for ch in "[]\n") and (term[0].isalnum() and term[-1].isalnum())


def _figures_by_section(report: Report) -> dict[int, list[int]]:
    """Figure indexes per section of the Chinese page (0 = before the first heading): each
    figure is in the first block that may hold it (the rule ``check`` uses too)."""
    blocks: list[Block] = [pb.block for pb in report.source.blocks]
    section_of = []
    headings = 0
    for block in blocks:
        headings += block.kind == "heading"
        section_of.append(headings)
    sections: dict[int, list[int]] = {}
    for index, holders in enumerate(figure_blocks(blocks, report.figures("zh"))):
        if holders:
            sections.setdefault(section_of[holders[0]], []).append(index)
    return sections


def _short_list(indexes: list[int], figures: list[dict[str, Any]], limit: int) -> list[int]:
    """At most ``limit`` figures, headline figures first, shown in text order."""
    ranked = sorted(indexes, key=lambda i: (not figures[i].get("headline"), i))
    return sorted(ranked[:limit])
