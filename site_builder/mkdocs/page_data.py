"""What the `digest` plugin knows of one build and derives for each page: the content it read
(reports, glossary, metrics, which page exists in which language), the languages built, a
report page's links, and a page's head data and citations. Plain functions over MkDocs'
objects; the plugin calls them from its events."""

from __future__ import annotations

import html
from dataclasses import dataclass, field

from mkdocs.plugins import get_plugin_logger
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from site_builder.content.glossary import GlossaryEntry
from site_builder.content.layout import REPORT_RE
from site_builder.content.metrics import Vocabulary
from site_builder.site.archive import archive_norm, year_anchor
from site_builder.site.cite import CitePanel, cite_panel, report_citation
from site_builder.site.feeds import feed_path
from site_builder.site.head import PageHead, description_of, page_head, search_filters
from site_builder.site.key_figures import FigureRow, metric_norm
from site_builder.site.model import (
    Language,
    Report,
    ReportPage,
    absolute_url,
    iso_date,
    lang_url,
    relative_url,
)
from site_builder.site.pages import ARCHIVE, Site, bilingual_url
from site_builder.site.places import place_targets
from site_builder.site.render import Abbreviations, ReportLinks
from site_builder.site.report_pager import pager_links
from site_builder.site.source_view import view_url

log = get_plugin_logger(__name__)

REPORT_ERROR_ANCHOR = "report-an-error"


@dataclass
class BuildContent:
    """What one build read from docs_dir (both languages), keyed by src_uri or slug."""

    languages: list[Language]
    reports: dict[str, Report] = field(default_factory=dict)
    glossary: list[GlossaryEntry] = field(default_factory=list)
    vocabulary: Vocabulary = field(default_factory=Vocabulary)
    figures: list[FigureRow] = field(default_factory=list)  # every key figure, for comparison
    abbreviations: Abbreviations = field(default_factory=lambda: Abbreviations([]))
    available: dict[str, set[str]] = field(default_factory=dict)
    about_page: str = "about/"  # where readers learn how to report an error (plugin option)
    sources: dict[str, str] = field(default_factory=dict)  # slug -> its source file's name
    # slug -> (the report before it, the one after it) by date (site/report_pager.py)
    neighbours: dict[str, tuple[str | None, str | None]] = field(default_factory=dict)
    # year -> the archive page where its reports start (site/archive.py year_starts)
    archive_years: dict[str, int] = field(default_factory=dict)


def site_of(
    content: BuildContent,
    files: Files,
    language: Language,
    home_limit: int,
    name: str = "",
    favicon: str = "",
) -> Site:
    """What a generated page of ``language`` may link to; ``name``: the site's name in it,
    ``favicon``: the theme's icon (site-relative)."""
    assets = {
        f.src_uri: f.url
        for f in files
        if f.src_uri.startswith("reports/") and not f.is_documentation_page()
    }
    return Site(
        language,
        content.languages,
        list(content.reports.values()),
        content.glossary,
        content.available,
        assets,
        home_limit,
        content.vocabulary,
        name=name,
        favicon=favicon,
    )


def report_links(
    report: Report,
    page: Page,
    language: Language,
    content: BuildContent,
    files: Files,
    about_page: str,
) -> ReportLinks:
    """Where a report page links: its bilingual view, source text, the page on reporting an
    error, its other languages, its metrics' pages and its photos (relative URLs)."""
    page_url = page.file.url
    links = ReportLinks()
    if report.bilingual:
        # One view for every language, made in the default language (site/page_kinds.py)
        links.bilingual = relative_url(bilingual_url(report), page_url)
    older, newer = content.neighbours.get(report.slug, (None, None))
    pair = (content.reports.get(older or ""), content.reports.get(newer or ""))
    links.pager = pager_links(pair, language, page_url)
    if report.slug in content.sources:  # the source view (mkdocs/source_files.py)
        links.source = relative_url(view_url(report.slug), page_url)
    if language.locale in content.available.get(about_page, ()):
        target = relative_url(lang_url(about_page, language), page_url)
        links.report_error = f"{target}#{REPORT_ERROR_ANCHOR}"
    available = content.available.get(report.norm_url, set())
    for other in content.languages:
        if other.locale != language.locale and other.locale in available:
            url = relative_url(lang_url(report.norm_url, other), page_url)
            links.languages.append((other.locale, other.name, url))
    figures = report.meta.get("key_figures") or []
    used = {str(f["metric"]) for f in figures if isinstance(f, dict) and f.get("metric")}
    for metric_id in used:
        norm = metric_norm(metric_id)
        if metric_id in content.vocabulary.by_id and norm in content.available:
            links.metrics[metric_id] = relative_url(lang_url(norm, language), page_url)
    for name, norm in place_targets(report.meta, language.locale, content.glossary):
        if norm in content.available:
            links.places.append((name, relative_url(lang_url(norm, language), page_url)))
    if report.year and ARCHIVE in content.available:
        # the archive page where the report's year starts (site/archive.py)
        start = archive_norm(content.archive_years.get(report.year, 1))
        archive = relative_url(lang_url(start, language), page_url)
        links.period = f"{archive}#{year_anchor(report.year)}"
    captions = sum(1 for pb in report.source.blocks if pb.block.kind == "caption")
    for number in range(1, captions + 1):
        image = files.get_file_from_path(f"{report.norm_url}images/{number}.jpg")
        if image is not None:
            links.images[number] = relative_url(image.url, page_url)
    return links


def head_of(
    page: Page, language: Language, content: BuildContent, site_url: str | None, site_name: str
) -> PageHead:
    """The page's description and Open Graph data for the theme (``digest``)."""
    match = REPORT_RE.match(page.file.src_uri)
    report = content.reports.get(match.group("slug")) if match else None
    description = page.meta.get("description")
    published = None
    title = html.unescape(page.title or "")  # Material's titles are HTML
    if report is not None and match is not None:
        source = report.page(match.group("lang")) or report.source
        title = str(source.meta.get("title") or title)
        published = iso_date(report.meta.get("date"))
        if not description:
            description = source.meta.get("subtitle") or _first_paragraph(source)
    head = page_head(
        page.url,
        language,
        content.languages,
        site_url=site_url,
        site_name=site_name,
        title=title,
        description=description_of(str(description)) if description else None,
        article=report is not None,
        published=published,
    )
    if report is not None:
        head.filters = search_filters(report.meta, report.year, language.locale)
    head.feed = feed_path(language.prefix)
    if language.locale in content.available.get(content.about_page, ()):
        about = lang_url(content.about_page, language)
        head.report_error, head.licence = f"{about}#{REPORT_ERROR_ANCHOR}", f"{about}#licence"
    return head


def citation_of(
    page: Page, language: Language, content: BuildContent, site_url: str | None, site_name: str
) -> CitePanel | None:
    """The "Cite" panel and citation meta tags of a report page."""
    match = REPORT_RE.match(page.file.src_uri)
    report = content.reports.get(match.group("slug")) if match else None
    if report is None or match is None:
        return None
    lang = match.group("lang")
    url = absolute_url(site_url, page.url)
    citation = report_citation(report, lang, url, site_name, content.glossary)
    return cite_panel(citation, language.locale)


def _first_paragraph(page: ReportPage) -> str:
    for page_block in page.blocks:
        if page_block.block.kind == "paragraph":
            return page_block.block.text
    return ""
