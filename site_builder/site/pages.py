"""Generated pages, in any language: home, archive, key figures, glossary, bilingual views.

Each function returns a ``GeneratedPage``: its language-free URL, front matter and body parts.
Headings are Markdown (for the table of contents and their ids); everything else is escaped
HTML kept out of Python-Markdown as ``Fragments``, so these pages cost little to build.
Nothing here knows about MkDocs; the plugin turns the pages into in-memory files.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any

import yaml
from pypinyin import lazy_pinyin

from site_builder.content.blocks import escape as md_escape
from site_builder.content.glossary import GlossaryEntry
from site_builder.content.metrics import Vocabulary
from site_builder.english.rules import english_publication, english_region
from site_builder.site.html import Fragments, attrs, block_html, esc, figure, lang_span, link
from site_builder.site.model import Language, Report, iso_date, lang_url, relative_url
from site_builder.site.strings import KIND_NAMES, text
from site_builder.site.text import date_text, figure_label, figure_value, headline_figures

HOME, ARCHIVE, FIGURES, GLOSSARY = "", "archive/", "key-figures/", "glossary/"


class Markdown(str):
    """A part of a generated page for Python-Markdown to convert (a heading)."""


@dataclass
class GeneratedPage:
    norm: str  # language-free URL: '', 'archive/', 'reports/<slug>/bilingual/'
    meta: dict[str, Any]
    parts: list[str]  # Markdown parts, and HTML parts that become fragments
    fragments: Fragments = field(default_factory=Fragments)

    def __post_init__(self) -> None:
        lines = [p if isinstance(p, Markdown) else self.fragments.add(p) for p in self.parts]
        self.body = "\n\n".join(line for line in lines if line)

    def markdown(self) -> str:
        """The page's file: front matter and the Markdown body with fragment tokens."""
        front = yaml.safe_dump(self.meta, allow_unicode=True, sort_keys=False, width=1000)
        return f"---\n{front}---\n\n{self.body}\n"


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


def _report_link(report: Report, site: Site, from_norm: str) -> str:
    href, other = site.report_href(report, from_norm)
    title, title_lang = report_title(report, site.lang)
    label = f'<a href="{esc(href)}"{attrs(hreflang=other)}>{lang_span(title, title_lang)}</a>'
    if other == "zh" and site.lang != "zh":
        label += f' <span class="digest-tag">{esc(text(site.lang, "link.only"))}</span>'
    return label


def _byline_line(report: Report, site: Site) -> str:
    """'Region · period · publication, date' in the site's language."""
    parts = []
    region = region_name(report, site)
    if region:
        parts.append(esc(region))
    if report.meta.get("period"):
        parts.append(esc(report.meta["period"]))
    publication = report.meta.get("publication")
    date = iso_date(report.meta.get("date"))
    if publication and site.lang != "zh":
        publication = site.english_name("publication", str(publication))
    when = date_text(date, site.lang) if date else None
    source = ("," if site.lang == "zh" else ", ").join(esc(p) for p in (publication, when) if p)
    if source:
        parts.append(source)
    return " · ".join(parts)


# -- home ---------------------------------------------------------------------------------------


def home_page(site: Site) -> GeneratedPage:
    """The newest reports as cards: titles in both languages, region, period, publication,
    three headline figures."""
    lang = site.lang
    shown = site.reports[: site.home_limit] if site.home_limit else site.reports
    cards = [_card(report, site) for report in shown]
    body = [
        f"<h1>{esc(text(lang, 'home.title'))}</h1>",
        f'<p class="digest-lead">{esc(text(lang, "home.lead"))}</p>',
        f'<div class="digest-cards">{"".join(cards)}</div>',
    ]
    if len(shown) < len(site.reports):
        more = text(lang, "home.more", count=len(site.reports))
        body.append(f'<p class="digest-more">{link(site.href(ARCHIVE, HOME), more)}</p>')
    meta = {"title": text(lang, "home.title"), "hide": ["toc"], "search": {"exclude": True}}
    return GeneratedPage(HOME, meta, body)


def _card(report: Report, site: Site) -> str:
    lang = site.lang
    title, title_lang = report_title(report, lang)
    href, other = site.report_href(report, HOME)
    others = [
        lang_span(str(p.meta["title"]), p.lang)
        for p in report.pages.values()
        if p.lang != lang and p.meta.get("title") and p.meta["title"] != title
    ]
    figures = report.figures(lang)
    chosen = headline_figures(figures, 3) or figures[:3]
    glossary = site.glossary_by_zh
    items = "".join(
        f'<li><span class="digest-card__value">{esc(figure_value(f, lang))}</span> '
        f"{lang_span(*_label(f, lang, glossary, site.metrics))}</li>"
        for f in chosen
    )
    only = ""
    if other == "zh" and lang != "zh":
        only = f' <span class="digest-tag">{esc(text(lang, "link.only"))}</span>'
    return (
        '<article class="digest-card">'
        f'<h2 class="digest-card__title"><a href="{esc(href)}"{attrs(hreflang=other)}>'
        f"{lang_span(title, title_lang)}</a>{only}</h2>"
        + "".join(f'<p class="digest-card__other">{t}</p>' for t in others)
        + f'<p class="digest-card__meta">{_byline_line(report, site)}</p>'
        + (f'<ul class="digest-card__figures">{items}</ul>' if items else "")
        + "</article>"
    )


def _label(
    figure_: Mapping[str, Any],
    lang: str,
    glossary: Mapping[str, GlossaryEntry],
    metrics: Vocabulary | None = None,
) -> tuple[str, str | None]:
    label, untranslated = figure_label(figure_, lang, glossary, metrics)
    return label, "zh" if untranslated else None


# -- archive ------------------------------------------------------------------------------------


def archive_page(site: Site) -> GeneratedPage:
    """Every report, by year (newest first) and by region."""
    lang = site.lang
    by_year: dict[str, list[Report]] = {}
    by_region: dict[str, list[Report]] = {}
    for report in site.reports:
        by_year.setdefault(report.year or text(lang, "archive.undated"), []).append(report)
        region = region_name(report, site) or text(lang, "archive.unknown_region")
        by_region.setdefault(region, []).append(report)
    body: list[str] = [Markdown(f"## {text(lang, 'archive.by_year')} {{#by-year}}")]
    for year in sorted(by_year, reverse=True):
        body.append(Markdown(f"### {year} {{#year-{_anchor(year)}}}"))
        body.append(_report_list(by_year[year], site))
    body.append(Markdown(f"## {text(lang, 'archive.by_region')} {{#by-region}}"))
    region_key = _pinyin_key if lang == "zh" else str.casefold
    for region in sorted(by_region, key=region_key):
        body.append(Markdown(f"### {_md_text(region)}"))
        body.append(_report_list(by_region[region], site))
    meta = {"title": text(lang, "archive.title"), "search": {"exclude": True}}
    return GeneratedPage(ARCHIVE, meta, body)


def _report_list(reports: Sequence[Report], site: Site) -> str:
    rows = []
    for report in reports:
        date = iso_date(report.meta.get("date"))
        when = f'<time datetime="{date}">{date}</time> ' if date else ""
        rows.append(
            f"<li>{when}{_report_link(report, site, ARCHIVE)}"
            f'<span class="digest-list__meta"> · {_byline_line(report, site)}</span></li>'
        )
    return f'<ul class="digest-list">{"".join(rows)}</ul>'


# -- glossary -----------------------------------------------------------------------------------


def glossary_page(site: Site) -> GeneratedPage:
    """The glossary by kind of term: Chinese, pinyin, English and the note, in the site's
    language order (English first on the English site)."""
    lang = site.lang
    body = [f'<p class="digest-lead">{esc(text(lang, "glossary.lead"))}</p>']
    if not site.glossary:
        body.append(f"<p>{esc(text(lang, 'glossary.empty'))}</p>")
    kinds = KIND_NAMES.get(lang) or KIND_NAMES["en"]
    ids: set[str] = set()
    for kind, title in kinds.items():
        entries = [e for e in site.glossary if e.kind == kind]
        if not entries:
            continue
        key: Callable[[GlossaryEntry], str] = (
            (lambda e: _pinyin_key(e.zh)) if lang == "zh" else (lambda e: e.en.casefold())
        )
        terms = "".join(_term(e, lang, _unique(e.en, ids)) for e in sorted(entries, key=key))
        body.append(Markdown(f"## {title} {{#{kind.replace('_', '-')}}}"))
        body.append(f'<dl class="digest-terms">{terms}</dl>')
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


def _term(entry: GlossaryEntry, lang: str, anchor: str) -> str:
    chinese = f'<span lang="zh" class="digest-term__zh">{esc(entry.zh)}</span>'
    pinyin = (
        f' <span class="digest-term__pinyin">{esc(entry.pinyin)}</span>' if entry.pinyin else ""
    )
    english = f'<span lang="en" class="digest-term__en">{esc(entry.en)}</span>'
    term, meaning = (chinese + pinyin, english) if lang == "zh" else (english, chinese + pinyin)
    note = f'<p class="digest-term__note" lang="en">{esc(entry.note)}</p>' if entry.note else ""
    return (
        f'<div class="digest-term" id="{esc(anchor)}"><dt>{term}</dt><dd>{meaning}{note}</dd></div>'
    )


# -- bilingual view -----------------------------------------------------------------------------


def bilingual_url(report: Report) -> str:
    return f"{report.norm_url}bilingual/"


def bilingual_page(report: Report, site: Site) -> GeneratedPage:
    """Chinese and English block by block: side by side on wide screens, one after the other
    on phones. Blocks are paired by index (the pages are aligned block by block)."""
    lang = site.lang
    norm = bilingual_url(report)
    zh, en = report.page("zh"), report.page("en")
    title, _ = report_title(report, lang)
    header = [f"<h1>{esc(text(lang, 'bilingual.title', title=title))}</h1>"]
    others = [(p.lang, str(p.meta.get("title") or "")) for p in (zh, en) if p and p.lang != lang]
    header += [f'<p class="digest-subtitle">{lang_span(t, code)}</p>' for code, t in others if t]
    header.append(f'<p class="digest-lead">{esc(text(lang, "bilingual.lead"))}</p>')
    back = [(lang, site.report_href(report, norm)[0], text(lang, "link.report"))]
    header.append(
        '<ul class="digest-actions">'
        + "".join(f"<li>{link(href, label)}</li>" for _, href, label in back)
        + "</ul>"
    )
    zh_blocks = [pb.block for pb in zh.blocks] if zh else []
    en_blocks = [pb.block for pb in en.blocks] if en else []
    if not en:
        header.append(f'<p class="digest-status">{esc(text(lang, "bilingual.missing"))}</p>')
    elif [b.kind for b in zh_blocks] != [b.kind for b in en_blocks]:
        header.append(f'<p class="digest-status">{esc(text(lang, "bilingual.misaligned"))}</p>')
    rows = []
    captions = 0
    for index in range(max(len(zh_blocks), len(en_blocks))):
        zh_block = zh_blocks[index] if index < len(zh_blocks) else None
        en_block = en_blocks[index] if index < len(en_blocks) else None
        kind = (zh_block or en_block).kind  # type: ignore[union-attr]
        if kind == "callout":
            continue
        if kind == "caption":
            captions += 1
            rows.append(_caption_row(report, site, norm, captions, zh_block, en_block))
            continue
        rows.append(
            f'<div class="digest-pair digest-pair--{kind}">'
            + _side(zh_block, "zh")
            + _side(en_block, "en")
            + "</div>"
        )
    meta = {
        "title": text(lang, "bilingual.title", title=title),
        "hide": ["navigation", "toc"],
        "search": {"exclude": True},
    }
    body = [
        f'<header class="digest-report-header">{"".join(header)}</header>',
        f'<div class="digest-parallel">{"".join(rows)}</div>',
    ]
    return GeneratedPage(norm, meta, body)


def _side(block: Any, lang: str) -> str:
    content = block_html(block) if block is not None else ""
    return f'<div class="digest-pair__side" lang="{lang}">{content}</div>'


def _caption_row(
    report: Report, site: Site, norm: str, number: int, zh_block: Any, en_block: Any
) -> str:
    src = f"{report.norm_url}images/{number}.jpg"
    image = None
    if src in site.assets:
        image = relative_url(site.assets[src], lang_url(norm, site.language))
    captions = [
        (block.text, code)
        for code, block in (("zh", zh_block), ("en", en_block))
        if block is not None and block.text
    ]
    captions.sort(key=lambda caption: caption[1] != site.lang)  # the page's language first
    html = figure(captions, image, site.lang)
    return f'<div class="digest-pair digest-pair--caption">{html}</div>'


# -- helpers ------------------------------------------------------------------------------------


def _anchor(value: str) -> str:
    return re.sub(r"[^0-9a-z]+", "-", value.casefold()).strip("-") or "x"


def _pinyin_key(value: str) -> str:
    return " ".join(lazy_pinyin(value))


def _md_text(value: str) -> str:
    """Plain text safe inside a Markdown heading."""
    return md_escape(value)
