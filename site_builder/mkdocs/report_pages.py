"""Report pages in the build: their front matter (parsed once, with libyaml), their rendering
(header, callouts, figures, notes: site/render.py) and the HTML fragments kept out of
Python-Markdown, for report pages and generated pages alike."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from site_builder.content.frontmatter import body_after_front_matter
from site_builder.content.layout import REPORT_RE
from site_builder.mkdocs import compat
from site_builder.mkdocs.content_cache import ContentCache
from site_builder.mkdocs.page_data import BuildContent, report_links
from site_builder.site.html import Fragments
from site_builder.site.model import Language
from site_builder.site.render import render_report
from site_builder.site.templates import Templates


@dataclass
class PageParts:
    """What a page carries from one event to the next, by src_uri."""

    meta: dict[str, dict[str, Any]] = field(default_factory=dict)  # read_source -> markdown
    fragments: dict[str, Fragments] = field(default_factory=dict)  # until converted

    def restore_meta(self, page: Page) -> None:
        """The page's metadata, when the plugin read it itself (compat 5); a report's title,
        text from a source, escaped for Material (compat 8)."""
        meta = self.meta.pop(page.file.src_uri, None)
        if meta is not None:
            compat.set_page_meta(page, meta)
        if REPORT_RE.match(page.file.src_uri) and isinstance(page.meta.get("title"), str):
            page.meta["title"] = compat.escaped_title(page.meta["title"])

    def fill(self, html: str, page: Page) -> str:
        fragments = self.fragments.pop(page.file.src_uri, None)
        return fragments.fill(html) if fragments else html


def read_report_source(
    page: Page, cache: ContentCache, content: BuildContent, parts: PageParts, docs_dir: str
) -> str | None:
    """A report's body without its front matter, parsed already (MkDocs would parse it again
    with its pure-Python YAML loader, the largest single cost of a build with many reports);
    None leaves the page to MkDocs.

    A page in a language the report is not translated into (no file, or a file still
    pending) gets the Chinese page's body, presented in Chinese (render_report_page)."""
    match = REPORT_RE.match(page.file.src_uri)
    report = content.reports.get(match.group("slug")) if match else None
    if match and report and not report.translated(match.group("lang")):
        source = report.source
        try:
            text = (Path(docs_dir) / source.src_uri).read_text(encoding="utf-8-sig")
        except (OSError, UnicodeDecodeError):
            return None
        body = body_after_front_matter(text)
        if body is None:
            return None
        shown = report.page(match.group("lang"))
        meta = dict(shown.meta) if shown else {}
        meta["title"] = meta.get("title") or source.meta.get("title") or report.slug
        parts.meta[page.file.src_uri] = meta
        return compat.source_without_front_matter(body)
    parsed = cache.unchanged_report(page.file)
    if parsed is None:
        return None
    try:
        body = body_after_front_matter(page.file.content_string)
    except (OSError, UnicodeDecodeError):
        return None  # MkDocs reports it as usual
    if body is None:
        return None
    parts.meta[page.file.src_uri] = parsed.meta
    return compat.source_without_front_matter(body)


@dataclass
class ReportOptions:
    about_page: str
    section_limit: int
    preview: bool = False  # drafts and the converter's notes are shown


def render_report_page(
    markdown: str,
    page: Page,
    language: Language,
    content: BuildContent,
    files: Files,
    options: ReportOptions,
    templates: Templates,
    parts: PageParts,
) -> str:
    """A report page's Markdown with its header, callouts and notes (site/render.py)."""
    match = REPORT_RE.match(page.file.src_uri)
    report = content.reports.get(match.group("slug")) if match else None
    if match is None or report is None:
        return markdown
    links = report_links(report, page, language, content, files, options.about_page)
    markdown, fragments = render_report(
        markdown,
        report,
        match.group("lang"),
        links,
        content.glossary,
        options.section_limit,
        content.abbreviations,
        content.vocabulary,
        templates=templates,
        preview=options.preview,
    )
    parts.fragments[page.file.src_uri] = fragments
    return markdown
