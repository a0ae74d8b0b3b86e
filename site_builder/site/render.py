"""Report pages: the page body as written, plus what the site adds from the front matter.

``render_report`` takes the Markdown body of ``reports/<slug>/index.<lang>.md`` and returns
the Markdown MkDocs converts: a header block (title, publication, date, edition, byline,
region, period, links), key-figure callouts in place of their markers, photo captions as
figures (or placeholders), an editor's note at the end and, on translated pages, glossary
explanations as abbreviations (tooltips). Body text stays Markdown; what we add comes from the
theme's digest/*.html templates, kept out of Python-Markdown as ``Fragments`` that are put back
into the converted page.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from site_builder.content.blocks import parse_body
from site_builder.content.glossary import GlossaryEntry
from site_builder.content.metrics import Vocabulary
from site_builder.content.model import Block
from site_builder.content.pages import figure_blocks
from site_builder.site.abbreviations import Abbreviations
from site_builder.site.figure_rows import period_text
from site_builder.site.html import Fragments
from site_builder.site.model import Report
from site_builder.site.report_header import ReportLinks, report_header
from site_builder.site.report_pager import report_pager
from site_builder.site.strings import text, words
from site_builder.site.templates import Templates
from site_builder.site.text import estimate_mark, figure_label, figure_value, headline_figures

__all__ = ["Abbreviations", "ReportLinks", "figures_box", "render_report"]

_HAN_RE = re.compile(r"[\u3400-\u9fff]")


def render_report(
    markdown: str,
    report: Report,
    lang: str,
    links: ReportLinks,
    glossary: Sequence[GlossaryEntry] = (),
    section_limit: int = 6,
    abbreviations: Abbreviations | None = None,
    metrics: Vocabulary | None = None,
    *,
    templates: Templates,
    preview: bool = False,
) -> tuple[str, Fragments]:
    """The Markdown MkDocs should convert for ``report``'s page in ``lang``, and the HTML
    fragments to put into the converted page (``Fragments.fill``).

    A page in a language the report is not translated into has the Chinese body (read_source
    gives it): it is shown as Chinese under a notice, with the header and key figures in
    ``lang``. ``preview``: a draft gets its banner, and the converter's notes are shown."""
    by_zh = {entry.zh: entry for entry in glossary}
    figures = report.figures(lang)
    sections = _figures_by_section(report)
    html = Fragments()
    in_chinese = lang != "zh" and not report.translated(lang)
    explain = (
        (abbreviations or Abbreviations(glossary)).for_page(markdown)
        if lang != "zh" and not in_chinese
        else None
    )

    def box(shown: Sequence[Mapping[str, Any]], kind: str) -> str:
        return figures_box(
            shown, lang, kind, templates, by_zh, metrics, links.metrics, report.meta.get("period")
        )

    parts = []
    if preview and report.draft:
        parts.append(html.add(templates.render("digest/draft-banner.html", t=words(lang))))
    parts.append(html.add(report_header(report, lang, links, templates, glossary)))
    if in_chinese:  # the body in Chinese, marked so (closed after the last block)
        parts.append(html.add('<div class="digest-in-chinese" lang="zh">'))
    captions = 0
    headings = 0
    for page_block in parse_body(markdown):
        block = page_block.block
        if block.kind == "heading":
            headings += 1
            parts.append(page_block.markdown)
        elif block.kind == "callout" and block.text == "glance":
            parts.append(html.add(box(headline_figures(figures), "glance")))
        elif block.kind == "callout":
            chosen = _short_list(sections.get(headings, []), figures, section_limit)
            parts.append(html.add(box([figures[i] for i in chosen], "section")))
        elif block.kind == "caption":
            captions += 1
            photo = templates.render(
                "digest/photo.html",
                t=words(lang),
                captions=[(block.text, None)],
                image=links.images.get(captions),
            )
            parts.append(html.add(photo))
        elif block.kind == "paragraph" and explain and explain.pending:
            parts.append(explain.mark(page_block.markdown))
        else:
            parts.append(page_block.markdown)
    if in_chinese:
        parts.append(html.add("</div>"))
    parts.append(html.add(editor_note(report, lang, links, templates)))
    parts.append(html.add(report_pager(links.pager, lang, templates)))
    if preview:
        parts.append(html.add(editor_panel(report, lang, templates)))
    return "\n\n".join(part for part in parts if part) + "\n", html


@dataclass
class FigureItem:
    """One key figure of a callout (digest/figures-box.html)."""

    value: str
    label: str
    label_lang: str | None  # 'zh' when the label stays in Chinese on a translated page
    original: str | None  # the Chinese label and text, as a tooltip on a translated page
    href: str | None  # the page of the metric the figure measures
    period: str | None = None  # the figure's own period when narrower than the report's
    estimate: str | None = None  # 'expected' / '预计' for a forecast (its value says so too)


def figures_box(
    figures: Sequence[Mapping[str, Any]],
    lang: str,
    kind: str,
    templates: Templates,
    glossary: Mapping[str, GlossaryEntry] | None = None,
    metrics: Vocabulary | None = None,
    metric_links: Mapping[str, str] | None = None,
    report_period: object = None,
) -> str:
    """The key-figure callout: ``kind`` is 'glance' (at a glance) or 'section'.

    Each figure shows its value and label in ``lang``; on a translated page the Chinese
    original is the item's tooltip. A figure that measures a metric links to the metric's
    page (``metric_links``: metric id -> URL). A figure whose period is not the report's
    (``report_period``) names it (Jan–Nov 2021); a forecast is marked expected.
    """
    if not figures:
        return ""
    items = []
    for figure in figures:
        label, untranslated = figure_label(figure, lang, glossary, metrics)
        original = None
        if lang != "zh":
            original = f"{figure.get('label') or ''} {figure.get('text') or ''}".strip()
        period = _own_period(figure, report_period, lang)
        year = re.search(r"\d{4}", period or "")  # none in "period not stated"
        if year and year.group() in label:
            period = None  # the label names it (fiscal revenue, January–November 2021)
        items.append(
            FigureItem(
                value=figure_value(figure, lang),
                label=label,
                label_lang="zh" if untranslated else None,
                original=original,
                href=(metric_links or {}).get(str(figure.get("metric") or "")),
                period=period,
                estimate=estimate_mark(lang) if figure.get("estimate") else None,
            )
        )
    title = text(lang, "glance" if kind == "glance" else "section")
    return templates.render("digest/figures-box.html", kind=kind, title=title, items=items)


def _own_period(figure: Mapping[str, Any], report_period: object, lang: str) -> str | None:
    period = figure.get("period")
    if not period or str(period) == str(report_period or ""):
        return None
    return period_text(str(period), lang)


def editor_note(report: Report, lang: str, links: ReportLinks, templates: Templates) -> str:
    """The editor's note for readers, in the page's language when the editor wrote one
    there (else the Chinese page's, marked as Chinese)."""
    page = report.page(lang)
    note = page.meta.get("editor_note") if page else None
    note_lang = None
    if not note and lang != "zh":
        note = report.meta.get("editor_note")
        note_lang = "zh" if note and _mostly_chinese(str(note)) else None
    elif note and lang == "zh" and not _mostly_chinese(str(note)):
        note_lang = "en"  # an English note on the Chinese page says so
    if not note:
        return ""
    return templates.render(
        "digest/editor-note.html",
        t=words(lang),
        note=note,
        note_lang=note_lang,
        report_error=links.report_error,
    )


def editor_panel(report: Report, lang: str, templates: Templates) -> str:
    """The preview's panel for editors: what the converter doubted and what it repaired."""
    doubts = [
        str(item.get("message") or item.get("code"))
        for item in report.meta.get("review") or []
        if isinstance(item, Mapping)
    ]
    layout = [str(note) for note in report.meta.get("layout_notes") or [] if note]
    if not doubts and not layout:
        return ""
    return templates.render("digest/editor-panel.html", t=words(lang), doubts=doubts, layout=layout)


def _mostly_chinese(text: str) -> bool:
    """More Chinese characters than Latin letters (an English note may quote Chinese)."""
    han = len(_HAN_RE.findall(text))
    return han > sum(1 for char in text if char.isascii() and char.isalpha())


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
    for index, holders in enumerate(figure_blocks(blocks, report.figures("zh"), best_only=True)):
        if holders:
            sections.setdefault(section_of[holders[0]], []).append(index)
    return sections


def _short_list(indexes: list[int], figures: list[dict[str, Any]], limit: int) -> list[int]:
    """At most ``limit`` figures, headline figures first, shown in text order."""
    ranked = sorted(indexes, key=lambda i: (not figures[i].get("headline"), i))
    return sorted(ranked[:limit])
