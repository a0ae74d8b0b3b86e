"""The MkDocs plugin `digest`: each MkDocs event in a few lines, delegated to the managers that
own the build's state and to site_builder.site, which knows nothing about MkDocs.

- ContentStore (content_store.py): what the build read from docs_dir, kept between builds;
- GeneratedPages (generated_pages.py): the digest's own pages (site/page_kinds.py registry);
- PageParts and the report functions (report_pages.py): a page's metadata and HTML fragments
  between events, a report page's rendering;
- LivePreview (live_preview.py): under `mkdocs serve --dirty`, what a save must rebuild;
- SourceFiles (source_files.py): a report's raw source as a view and a UTF-8 download.

The order of this plugin's work around mkdocs-static-i18n (one nested build per language) and
every reliance on behaviour the dependencies do not document are in compat.py.
"""

from __future__ import annotations

import copy
from pathlib import Path
from typing import Any, cast

import jinja2
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, CombinedEvent, event_priority, get_plugin_logger
from mkdocs.structure.files import Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page
from mkdocs.utils.templates import TemplateContext

from site_builder.content.errors import SiteBuilderError
from site_builder.mkdocs import compat
from site_builder.mkdocs.content_store import ContentStore, config_folder, drafts_shown
from site_builder.mkdocs.generated_pages import GeneratedPages
from site_builder.mkdocs.i18n import building, site_languages
from site_builder.mkdocs.live_preview import LivePreview
from site_builder.mkdocs.options import DigestConfig
from site_builder.mkdocs.page_data import citation_of, head_of, site_of
from site_builder.mkdocs.report_pages import (
    PageParts,
    ReportOptions,
    read_report_source,
    render_report_page,
)
from site_builder.mkdocs.site_url import check_site_url
from site_builder.mkdocs.source_files import SourceFiles
from site_builder.mkdocs.template_cache import MemoryBytecodeCache
from site_builder.mkdocs.theme_files import drop_unused_theme_files
from site_builder.site.model import Language
from site_builder.site.page_kinds import Making
from site_builder.site.strings import words
from site_builder.site.templates import Templates

log = get_plugin_logger(__name__)


class DigestPlugin(BasePlugin[DigestConfig]):
    def __init__(self) -> None:
        self._store = ContentStore()
        self._pages = GeneratedPages()
        self._parts = PageParts()
        self._live = LivePreview()
        self._sources = SourceFiles()
        self._switch: Any = None  # mkdocs.yml's language switch (compat 3)
        self._compiled = (MemoryBytecodeCache(), MemoryBytecodeCache())  # Material's, ours
        self._templates: Templates | None = None

    def on_startup(self, *, command: str, dirty: bool) -> None:
        # A plugin with on_startup is kept across `mkdocs serve` rebuilds (MkDocs' rule), so
        # the content cache and the last build's pages outlive a save. `mkdocs build` runs
        # no other thread while the first language's content is read (serve runs a server;
        # Pagefind starts with the first page written, compat 11): workers may be forked.
        self._live.dirty = dirty
        self._store.fork = command == "build"
        self._store.serving = command == "serve"

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig | None:
        if not config.use_directory_urls:
            raise PluginError("digest: the site needs 'use_directory_urls: true' (the default)")
        folder, cache_dir = config_folder(config), self.config.cache_dir
        cache_file = folder / cache_dir / "front-matter.pickle" if folder and cache_dir else None
        self._store.configure(site_languages(config), cache_file)
        self._store.drafts = drafts_shown(self.config.drafts, self._store.serving)
        self._store.content.about_page = self.config.about_page
        self._switch = copy.deepcopy(config.extra.get("alternate"))
        check_site_url(config.site_url)
        return config

    # -- files ----------------------------------------------------------------------------------

    @event_priority(compat.BEFORE_I18N_FILES)
    def _read_content(self, files: Files, config: MkDocsConfig) -> Files:
        docs, first = Path(config.docs_dir), self._language(config).default
        glossary, metrics = docs / self.config.glossary, docs / self.config.metrics
        pages = self._store.read(files, config, glossary, metrics, fork=first)
        self._sources.take(files, self._store.content)
        drop_unused_theme_files(files, config)
        for data_file in (self.config.glossary, self.config.metrics):
            # read above from docs_dir; the site publishes what they make, not the files
            found = files.get_file_from_path(data_file)
            if found is not None:
                files.remove(found)
        digest = self._store.digest(self.config.metric_rows)
        self._pages.add_files(files, digest, self._store.content.languages, config)
        self._store.note_pages(files)
        if self._live.dirty and first:  # once, in the first language
            content = self._store.content
            data = (content.glossary, content.vocabulary)
            self._live.start(config, pages, data, content.reports, content.neighbours)
        return files

    @event_priority(compat.AFTER_I18N_FILES)
    def _add_pages(self, files: Files, config: MkDocsConfig) -> Files:
        self._templates = Templates(config.theme.dirs, self._compiled[1])
        language, limit = self._language(config), self.config.home_limit
        favicon = str(config.theme.get("favicon") or "")
        site = site_of(self._store.content, files, language, limit, config.site_name, favicon)
        making = Making(
            site, self._store.digest(self.config.metric_rows), self._templates, self._live
        )
        try:
            self._pages.make(files, config, making, self._parts, self._live)
            self._sources.add(files, config, self._store.content, self._templates, site)
        except SiteBuilderError as exc:
            raise PluginError(f"digest: {exc}") from None
        return files

    on_files = CombinedEvent(_read_content, _add_pages)

    def on_nav(self, nav: Navigation, /, *, config: MkDocsConfig, files: Files) -> Navigation:
        self._live.on_nav(nav.pages)
        return nav

    def on_env(
        self, env: jinja2.Environment, /, *, config: MkDocsConfig, files: Files
    ) -> jinja2.Environment:
        env.bytecode_cache = self._compiled[0]  # compiled once per process, not per build
        env.globals["digest_words"] = words  # the site's words, for footer and 404
        return env

    # -- pages ----------------------------------------------------------------------------------

    def on_page_read_source(self, /, *, page: Page, config: MkDocsConfig) -> str | None:
        store, parts = self._store, self._parts
        generated = self._pages.read_source(page.file.src_uri, parts)
        if generated is not None:
            return generated
        return read_report_source(page, store.cache, store.content, parts, config.docs_dir)

    @event_priority(compat.FIRST_ON_MARKDOWN)
    def _restore_meta(
        self, markdown: str, /, *, page: Page, config: MkDocsConfig, files: Files
    ) -> str | None:
        self._parts.restore_meta(page)
        return markdown

    def _render_report(
        self, markdown: str, /, *, page: Page, config: MkDocsConfig, files: Files
    ) -> str | None:
        options = ReportOptions(self.config.about_page, self.config.section_limit)
        options.preview, language = self._store.drafts, self._language(config)
        assert self._templates is not None
        store, templates, parts = self._store, self._templates, self._parts
        try:
            return render_report_page(
                markdown, page, language, store.content, files, options, templates, parts
            )
        except SiteBuilderError as exc:
            raise PluginError(f"digest: {page.file.src_uri}: {exc.reason}") from None

    on_page_markdown = CombinedEvent(_restore_meta, _render_report)

    def on_page_content(
        self, html: str, /, *, page: Page, config: MkDocsConfig, files: Files
    ) -> str | None:
        return self._parts.fill(html, page)

    def on_page_context(
        self, context: TemplateContext, /, *, page: Page, config: MkDocsConfig, nav: Navigation
    ) -> TemplateContext | None:
        language, content = self._language(config), self._store.content
        site_url, name = config.site_url, config.site_name
        cast(dict[str, Any], context).update(
            digest=head_of(page, language, content, site_url, name),
            digest_cite=citation_of(page, language, content, site_url, name),
        )
        return context

    def on_post_build(self, *, config: MkDocsConfig) -> None:
        try:
            self._store.save()
        except OSError as exc:  # a read-only checkout builds as well, only slower next time
            log.warning(f"cannot keep parsed front matter in {self.config.cache_dir}: {exc}")

    # -- 404.html: the root one is the default language's, linking to each language's home

    def on_pre_template(self, template: Any, /, *, template_name: str, config: MkDocsConfig) -> Any:
        if template_name == "404.html" and self._switch is not None:
            compat.restore_language_switch(config, copy.deepcopy(self._switch))
        return template

    def on_post_template(
        self, output_content: str, /, *, template_name: str, config: MkDocsConfig
    ) -> str | None:
        if template_name == "404.html" and not self._language(config).default:
            return compat.SKIP_TEMPLATE
        return output_content

    def _language(self, config: MkDocsConfig) -> Language:
        return building(config, self._store.content.languages)
