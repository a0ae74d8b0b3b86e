"""The MkDocs plugin `digest`: translates MkDocs events into calls on site_builder modules.

- on_files (before mkdocs-static-i18n): read every report page and the glossary once,
  and add every generated page (home, archive, key figures and a page per metric, glossary,
  a bilingual view per report) in every language, for static-i18n to sort like editors' pages;
- on_files (after mkdocs-static-i18n sorted the files of the language being built): write the
  Markdown of that language's generated pages (on_page_read_source gives it to MkDocs), and
  once the figures as CSV and JSON;
- on_page_markdown: render a report page's header, callouts, figures and notes;
- on_page_content: put the HTML fragments (kept out of Python-Markdown) into the page;
- on_page_context: give the theme the page's description and Open Graph data (``digest``),
  and a report's citations and citation meta tags (``digest_cite``);
- on_pre_template / on_post_template: the root 404.html is the default language's, with the
  language switch to each language's home;
- under `mkdocs serve --dirty`, on_files and on_nav narrow each rebuild to what a save
  reaches (live_preview.py).

The real work is in site_builder.site (model, render, pages, key_figures, head, cite), which
knows nothing about MkDocs; page_data.py derives a page's links, head and citations from what
the build read, content_cache.py keeps that between builds, options.py holds the options.
mkdocs-static-i18n builds each language in turn with this same plugin instance; the language
being built is the theme's language, which static-i18n sets for each build.
"""

from __future__ import annotations

import copy
import html
from pathlib import Path
from typing import Any, cast

import jinja2
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, CombinedEvent, event_priority, get_plugin_logger
from mkdocs.structure.files import File, Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page
from mkdocs.utils.templates import TemplateContext

from site_builder.content.errors import SiteBuilderError
from site_builder.content.frontmatter import body_after_front_matter
from site_builder.mkdocs.content_cache import ContentCache
from site_builder.mkdocs.live_preview import DirtyBuilds, rebuild_navigation
from site_builder.mkdocs.options import DigestConfig
from site_builder.mkdocs.page_data import (
    BuildContent,
    add_generated_files,
    citation_of,
    current_language,
    head_of,
    report_links,
    site_languages,
    site_of,
    src_uri_of,
)
from site_builder.mkdocs.template_cache import MemoryBytecodeCache
from site_builder.site.figure_downloads import (
    CSV_FILE,
    JSON_FILE,
    csv_bytes,
    download_rows,
    json_bytes,
)
from site_builder.site.html import Fragments
from site_builder.site.key_figures import (
    FigureRow,
    by_metric,
    index_page,
    metric_norms,
    metric_pages,
)
from site_builder.site.model import (
    REPORT_RE,
    Language,
    collect_reports,
    page_languages,
)
from site_builder.site.pages import (
    ARCHIVE,
    FIGURES,
    GLOSSARY,
    HOME,
    Site,
    archive_page,
    bilingual_page,
    bilingual_url,
    glossary_page,
    home_page,
)
from site_builder.site.render import Abbreviations, render_report
from site_builder.site.templates import Templates

log = get_plugin_logger(__name__)

# What MkDocs reads as a page's front matter when the plugin gives it the metadata itself.
NO_FRONT_MATTER = "---\n{}\n---\n"


class DigestPlugin(BasePlugin[DigestConfig]):
    def __init__(self) -> None:
        self._cache = ContentCache()  # reports, glossary, metrics: each read once per change
        self._content = BuildContent([])
        self._fragments: dict[str, Fragments] = {}  # by src_uri, until the page is converted
        self._meta: dict[str, dict[str, Any]] = {}  # by src_uri, from read_source to markdown
        self._generated: set[str] = set()  # src_uris of generated pages, all languages
        self._markdown: dict[str, str] = {}  # by src_uri: this language's generated pages
        self._generated_meta: dict[str, dict[str, Any]] = {}  # and their metadata
        self._switch: Any = None  # mkdocs.yml's extra.alternate
        self._dirty = False  # `mkdocs serve --dirty`: rebuild only what a save changed
        self._live = DirtyBuilds()
        self._changed_reports: set[str] = set()
        # Compiled templates, for every build of the process: Material's (MkDocs' Jinja
        # environment), and ours (a separate environment with its own options).
        self._compiled = MemoryBytecodeCache()
        self._compiled_digest = MemoryBytecodeCache()

    def on_startup(self, *, command: str, dirty: bool) -> None:
        # A plugin with on_startup is kept across `mkdocs serve` rebuilds (MkDocs' rule), so
        # the content cache and the last build's pages outlive a save.
        self._dirty = dirty

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig | None:
        if not config.use_directory_urls:
            raise PluginError("digest: the site needs 'use_directory_urls: true' (the default)")
        self._content = BuildContent(site_languages(config))
        cache_dir = self.config.cache_dir
        if cache_dir and config.config_file_path:
            folder = Path(config.config_file_path).parent / cache_dir
            self._cache.use_disk(folder / "front-matter.pickle")
        else:
            self._cache.use_disk(None)
        # The language switch as mkdocs.yml sets it (links to each language's home), before
        # mkdocs-static-i18n points it at each page's versions in turn.
        self._switch = copy.deepcopy(config.extra.get("alternate"))
        return config

    # -- files ----------------------------------------------------------------------------------

    @event_priority(0)  # before mkdocs-static-i18n (-100) narrows the files to one language
    def _read_content(self, files: Files, config: MkDocsConfig) -> Files:
        content = self._content
        pages = self._cache.read_reports(files)
        reports = collect_reports(pages)
        content.reports = {report.slug: report for report in reports}
        content.glossary = self._cache.glossary(Path(config.docs_dir) / self.config.glossary)
        content.abbreviations = Abbreviations(content.glossary)
        content.vocabulary = self._cache.metrics(Path(config.docs_dir) / self.config.metrics)
        generated = [HOME, ARCHIVE, FIGURES, GLOSSARY] + [bilingual_url(r) for r in reports]
        content.figures = self._cache.figure_rows(reports, content.vocabulary)
        generated += metric_norms(content.figures, self.config.metric_rows)
        self._generated = add_generated_files(files, generated, content.languages, config)
        src_uris = [f.src_uri for f in files]
        content.available = page_languages(src_uris, content.languages)
        if self._dirty and self._language(config).default:  # once, in the first language
            stamp = self._live.settings_stamp(config.config_file_path, config.theme.custom_dir)
            self._live.start((stamp, config.docs_dir, config.site_dir))
            if self._live.everything and self._live.built_before:
                log.info("mkdocs.yml or the theme changed: every page is rebuilt")
            data = (content.glossary, content.vocabulary)
            pages_by_uri = {page.src_uri: page for page in pages}
            self._changed_reports = self._live.changed_reports(pages_by_uri, data)
            if self._live.data_changed and not self._live.everything:
                log.info("the glossary or the metrics changed: every report page is rebuilt")
        return files

    @event_priority(-110)  # after mkdocs-static-i18n chose this language's files
    def _add_pages(self, files: Files, config: MkDocsConfig) -> Files:
        site = self._site(files, config)
        templates = Templates(config.theme.dirs, self._compiled_digest)
        self._templates = templates  # also for report pages
        rows = self._content.figures
        # A dirty build makes only the pages a change can reach (live_preview.py).
        live = self._live if self._dirty and not self._live.everything else None
        try:
            pages = [home_page(site, templates), archive_page(site, templates)]
            pages.append(index_page(site, rows, templates))
            for found in by_metric(rows).values():
                metric = found[0].metric
                assert metric is not None
                if self._rows_changed(f"{site.lang}:{metric.id}", found, live):
                    pages += metric_pages(site, metric, found, templates, self.config.metric_rows)
            pages.append(glossary_page(site, templates))
            changed = self._changed_reports
            reports = [r for r in site.reports if live is None or r.slug in changed]
            pages += [bilingual_page(report, site, templates) for report in reports]
        except SiteBuilderError as exc:
            raise PluginError(f"digest: {exc}") from None
        if site.language.default and self._rows_changed("downloads", rows, live):
            # The downloads hold every language: one copy, at the site's root.
            table = download_rows(rows, site)
            files.append(File.generated(config, CSV_FILE, content=csv_bytes(table)))
            files.append(File.generated(config, JSON_FILE, content=json_bytes(table)))
        self._markdown, self._generated_meta = {}, {}
        shown: dict[str, tuple[str, str]] = {}  # src_uri -> (Markdown, what the page shows)
        for page in pages:
            src_uri = src_uri_of(page.norm, site.lang)
            if src_uri in self._generated:
                # The metadata goes to the page directly (_restore_meta), not through YAML
                # that MkDocs would parse again with its pure-Python loader.
                self._markdown[src_uri] = f"{NO_FRONT_MATTER}\n{page.body}\n"
                self._generated_meta[src_uri] = page.meta
                self._fragments[src_uri] = page.fragments
                if self._dirty:  # what the page shows: its parts (fragment tokens vary)
                    shown[src_uri] = (self._markdown[src_uri], repr((page.meta, page.parts)))
        if self._dirty:
            in_nav = {src_uri_of(norm, site.lang) for norm in (HOME, ARCHIVE, FIGURES, GLOSSARY)}
            self._live.select(files, shown, self._generated, in_nav, self._changed_reports)
        return files

    on_files = CombinedEvent(_read_content, _add_pages)

    def _rows_changed(self, key: str, rows: list[FigureRow], live: DirtyBuilds | None) -> bool:
        """Whether pages showing these key-figure rows are to be made (in a dirty build, only
        if the rows changed; every dirty build records them for the next)."""
        changed = self._live.rows_changed(key, rows) if self._dirty else True
        return live is None or changed

    def on_nav(
        self, nav: Navigation, /, *, config: MkDocsConfig, files: Files
    ) -> Navigation | None:
        if self._dirty:
            rebuild_navigation(nav.pages)
        return nav

    def on_env(
        self, env: jinja2.Environment, /, *, config: MkDocsConfig, files: Files
    ) -> jinja2.Environment:
        env.bytecode_cache = self._compiled  # compiled once per process, not per build
        return env

    # -- pages ----------------------------------------------------------------------------------

    def on_page_read_source(self, /, *, page: Page, config: MkDocsConfig) -> str | None:
        """Give MkDocs a generated page, or a report's body without its front matter, which
        this plugin parsed already with libyaml; MkDocs would parse it again with the
        pure-Python loader, the largest single cost of a build with many reports. The
        metadata is restored in ``_restore_meta`` before any plugin reads it."""
        generated = self._markdown.get(page.file.src_uri)
        if generated is not None:
            self._meta[page.file.src_uri] = self._generated_meta[page.file.src_uri]
            return generated
        report = self._cache.unchanged_report(page.file)
        if report is None:
            return None
        try:
            body = body_after_front_matter(page.file.content_string)
        except (OSError, UnicodeDecodeError):
            return None  # MkDocs reports it as usual
        if body is None:
            return None
        self._meta[page.file.src_uri] = report.meta
        return NO_FRONT_MATTER + body

    @event_priority(100)  # before every other plugin sees the page's metadata
    def _restore_meta(
        self, markdown: str, /, *, page: Page, config: MkDocsConfig, files: Files
    ) -> str | None:
        meta = self._meta.pop(page.file.src_uri, None)
        if meta is not None:
            page.meta = dict(meta)
        if REPORT_RE.match(page.file.src_uri) and isinstance(page.meta.get("title"), str):
            # Material writes page.meta.title into <title> and the header as HTML; a report's
            # title is text from a source, so it goes in escaped (our own pages use the raw
            # front matter, keyed by src_uri).
            page.meta["title"] = html.escape(page.meta["title"], quote=False)
        return markdown

    def _render_report(
        self, markdown: str, /, *, page: Page, config: MkDocsConfig, files: Files
    ) -> str | None:
        match = REPORT_RE.match(page.file.src_uri)
        report = self._content.reports.get(match.group("slug")) if match else None
        if match is None or report is None:
            return markdown
        lang = match.group("lang")
        try:
            language = self._language(config)
            about = self.config.about_page
            links = report_links(report, page, language, self._content, files, about)
            content = self._content
            markdown, fragments = render_report(
                markdown,
                report,
                lang,
                links,
                content.glossary,
                self.config.section_limit,
                content.abbreviations,
                content.vocabulary,
                templates=self._templates,
            )
        except SiteBuilderError as exc:
            raise PluginError(f"digest: {page.file.src_uri}: {exc.reason}") from None
        self._fragments[page.file.src_uri] = fragments
        return markdown

    on_page_markdown = CombinedEvent(_restore_meta, _render_report)

    def on_page_content(
        self, html: str, /, *, page: Page, config: MkDocsConfig, files: Files
    ) -> str | None:
        fragments = self._fragments.pop(page.file.src_uri, None)
        return fragments.fill(html) if fragments else html

    def on_page_context(
        self, context: TemplateContext, /, *, page: Page, config: MkDocsConfig, nav: Navigation
    ) -> TemplateContext | None:
        language, content = self._language(config), self._content
        head = head_of(page, language, content, config.site_url, config.site_name)
        cite = citation_of(page, language, content, config.site_url, config.site_name)
        cast(dict[str, Any], context)["digest"] = head
        cast(dict[str, Any], context)["digest_cite"] = cite
        return context

    def on_post_build(self, *, config: MkDocsConfig) -> None:
        try:
            self._cache.front_matter.save()
        except OSError as exc:  # a read-only checkout builds as well, only slower next time
            log.warning(f"cannot keep parsed front matter in {self.config.cache_dir}: {exc}")

    # -- 404.html ---------------------------------------------------------------------------

    def on_pre_template(self, template: Any, /, *, template_name: str, config: MkDocsConfig) -> Any:
        if template_name == "404.html" and self._switch is not None:
            # static-i18n leaves the switch pointing at the last page built; a page that is not
            # found links to each language's home instead.
            config.extra["alternate"] = copy.deepcopy(self._switch)
        return template

    def on_post_template(
        self, output_content: str, /, *, template_name: str, config: MkDocsConfig
    ) -> str | None:
        # Every language build writes the theme's 404.html at the site's root (static-i18n
        # moves pages into zh/, not static templates); the root one is the default language's.
        # MkDocs skips a template whose output is empty.
        if template_name == "404.html" and not self._language(config).default:
            return ""
        return output_content

    # -- helpers --------------------------------------------------------------------------------

    def _language(self, config: MkDocsConfig) -> Language:
        return current_language(config, self._content.languages)

    def _site(self, files: Files, config: MkDocsConfig) -> Site:
        return site_of(self._content, files, self._language(config), self.config.home_limit)
