"""MkDocs plugin ``digest-reader``: what readers fetch besides pages.

- search: a Pagefind bundle per language (``pagefind/``, ``zh/pagefind/``) of the pages the
  theme marks ``data-pagefind-body``: a language's pages go to Pagefind in batches as they are
  written (it indexes them in its own process, on the other core), and its bundle is written
  in the background while the next language builds; pages get their bundle's path as
  ``digest_search_bundle``;
- feeds: an Atom feed of reports per language, announced in every page's head;
- a small sitemap index in each non-default language's home, pointing at the site's sitemap
  (mkdocs-static-i18n's, with hreflang alternates): Material's bundle fetches ``sitemap.xml``
  next to each feed link;
- compact pages: the theme's indentation dropped from every page (``compact_html``);
- size: once the last file is written, ``site/`` against the host's limit (``size_limit_mb``,
  GitHub Pages' 1 GB): how many more reports fit when near it, a warning over it.

A thin adapter: it turns MkDocs events into calls on ``search``, ``feeds``, ``sitemap`` and
``site_size``. mkdocs-static-i18n runs one nested MkDocs build per language; feeds and
sitemaps are written once, when the outermost build ends, from what every build recorded. A dirty build
(`mkdocs serve --dirty`) that wrote only some pages keeps the last full build's search index
and feeds.
"""

from __future__ import annotations

import html
import os
from dataclasses import dataclass
from typing import Any, cast

from mkdocs.config import config_options as c
from mkdocs.config.base import Config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, CombinedEvent, event_priority, get_plugin_logger
from mkdocs.structure.files import Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page
from mkdocs.utils import get_relative_url, write_file
from mkdocs.utils.templates import TemplateContext

from site_builder.content.layout import REPORT_RE
from site_builder.mkdocs import compat
from site_builder.mkdocs.i18n import building, site_languages
from site_builder.site import feeds, search, site_size, sitemap
from site_builder.site.compact_html import drop_indentation
from site_builder.site.model import Language

log = get_plugin_logger(__name__)
INDEX_BATCH = 50  # pages handed to Pagefind at a time, as they are written


class ReaderConfig(Config):
    search = c.Type(bool, default=True)
    feeds = c.Type(bool, default=True)
    feed_limit = c.Type(int, default=100)
    sitemap = c.Type(bool, default=True)
    # what the host publishes at most, in MB (10**6 bytes); 0: no check
    size_limit_mb = c.Type(int, default=site_size.PAGES_LIMIT_MB)
    reports = c.Deprecated(
        message="digest-reader: '{}' is no longer used: reports are content/layout.py's "
        "reports/<slug>/index.<lang>.md; remove the option"
    )

    def validate(self) -> tuple[list[Any], list[Any]]:
        failed, warnings = super().validate()
        if not failed and self.size_limit_mb < 0:
            failed.append(
                ("size_limit_mb", c.ValidationError("must be 0 (no check) or more, e.g. 1000"))
            )
        if not failed and self.feed_limit < 0:
            failed.append(
                ("feed_limit", c.ValidationError("must be 0 (no limit) or more, e.g. 100"))
            )
        return failed, warnings


@dataclass
class ReportRecord:
    slug: str
    lang: str
    url: str
    title: str
    meta: dict[str, Any]


class ReaderPlugin(BasePlugin[ReaderConfig]):
    def __init__(self) -> None:
        self._nesting = compat.BuildNesting()  # static-i18n builds languages inside
        self._indexer: search.SearchIndexer | None = None  # this language build's
        self._writing: list[search.SearchIndexer] = []  # built languages' bundles being written
        self._index_into: str | None = None  # the site_dir to index, None: no search index
        self._to_index: list[str] = []  # this language build's pages for Pagefind
        self._dirty = False
        self._reset()

    def on_startup(self, *, command: str, dirty: bool) -> None:
        self._dirty = dirty

    def _reset(self) -> None:
        self._languages: list[Language] = []
        self._site_url = ""
        self._site_names: dict[str, str] = {}
        self._reports: list[ReportRecord] = []
        self._pages = 0  # documentation pages of the builds, and how many were written
        self._written = 0

    # -- configuration ---------------------------------------------------------------------

    def on_pre_build(self, *, config: MkDocsConfig) -> None:
        if self._nesting.enter():
            self._reset()
            self._languages = site_languages(config)
            self._site_url = config.site_url or ""
            if self.config.search:
                self._close_indexer()
                bundle = os.path.join(config.site_dir, search.BUNDLE_DIR)
                # A dirty build with a bundle from a full build keeps it (see _write_outputs).
                # Each language's indexer starts with its first page (its thread must not
                # exist while the digest plugin forks workers to read the reports).
                self._index_into = None
                if not (self._dirty and os.path.isdir(bundle)):
                    self._index_into = config.site_dir

    def on_build_error(self, *, error: Exception) -> None:
        self._nesting.reset()
        self._close_indexer()

    def on_shutdown(self) -> None:
        self._close_indexer()

    def _close_indexer(self) -> None:
        self._to_index = []
        self._index_into = None
        for indexer in [self._indexer, *self._writing]:
            if indexer is not None:
                indexer.close()
        self._indexer, self._writing = None, []

    # -- pages -------------------------------------------------------------------------------

    @event_priority(compat.COUNT_LANGUAGE_FILES)
    def on_files(self, files: Files, *, config: MkDocsConfig) -> Files:
        self._pages += len(files.documentation_pages())
        return files

    def on_post_page(self, output: str, *, page: Page, config: MkDocsConfig) -> str:
        self._written += 1
        lang = self._current_language(config)
        self._site_names[lang] = config.site_name
        self._record_report(page, lang)
        prefix = self._prefix(lang)
        output = drop_indentation(output)
        if self.config.feeds:
            href = get_relative_url(feeds.feed_path(prefix), page.url)
            output = feeds.add_link(output, feeds.link_tag(href, config.site_name))
        if self._index_into is not None and self._indexer is None:
            self._indexer = search.SearchIndexer(self._index_into, prefix)
        if self._indexer is not None:
            if len(self._to_index) >= INDEX_BATCH:
                # The pages before this one are on disk: Pagefind indexes them on the other
                # core while MkDocs goes on (this page is written after this event).
                self._indexer.add_files(self._to_index)
                self._to_index = []
            if "data-pagefind-body" in output:
                self._to_index.append(page.file.dest_uri)
        return output

    def on_page_context(
        self, context: TemplateContext, *, page: Page, config: MkDocsConfig, nav: Navigation
    ) -> TemplateContext:
        # The search bundle of the page's language (themes/material/partials/search.html).
        bundle = self._prefix(self._current_language(config)) + search.BUNDLE_DIR + "/"
        cast(dict[str, Any], context)["digest_search_bundle"] = bundle
        return context

    def _record_report(self, page: Page, lang: str) -> None:
        match = REPORT_RE.match(page.file.src_uri)
        if match:
            meta, slug = dict(page.meta), match.group("slug")
            # Material's page titles are HTML (the digest plugin escapes report titles).
            title = html.unescape(str(meta.get("title") or page.title or slug))
            self._reports.append(ReportRecord(slug, lang, page.url, title, meta))

    # -- end of each build -----------------------------------------------------------------

    @event_priority(compat.BEFORE_NEXT_LANGUAGE)
    def _index_language(self, *, config: MkDocsConfig) -> None:
        # This language's bundle is written while MkDocs builds the next language.
        if self._indexer is not None:
            self._indexer.add_files(self._to_index)
            if not self._indexer.empty:
                self._indexer.write_in_background()
            self._writing.append(self._indexer)
            self._indexer = None
        self._to_index = []

    @event_priority(compat.AFTER_ALL_LANGUAGES)
    def _write_outputs(self, *, config: MkDocsConfig) -> None:
        if not self._nesting.leave():
            return
        site_dir = config.site_dir
        if self._dirty and self._written < self._pages:
            # A dirty build wrote some pages only: an index or feed of those would lose the
            # others, so the last full build's stay.
            log.info("dirty build: the search index and feeds are the last full build's")
            self._close_indexer()
            return
        if self.config.feeds:
            self._write_feeds(site_dir)
        if self.config.sitemap:
            self._write_sitemaps(site_dir)
        if self._writing:
            self._write_search()
        self._check_size(site_dir)

    on_post_build = CombinedEvent(_index_language, _write_outputs)

    def _write_search(self) -> None:
        writing, self._writing = self._writing, []
        if all(indexer.empty for indexer in writing):
            for indexer in writing:
                indexer.close()
            log.warning("search: no page has data-pagefind-body (themes/material/main.html)")
            return
        for number, indexer in enumerate(writing):
            if indexer.empty:
                indexer.close()
                continue
            try:
                stats = indexer.wait()
            except search.SearchIndexError as exc:
                for other in writing[number + 1 :]:
                    other.close()
                raise PluginError(f"search: {exc}") from None
            counts = ", ".join(f"{n} {lang}" for lang, n in stats.languages.items())
            bundle = (
                f"{indexer.folder}/{search.BUNDLE_DIR}" if indexer.folder else search.BUNDLE_DIR
            )
            log.info(
                f"search: Pagefind indexed {counts} pages into {bundle}/ in {stats.seconds:.1f} s"
            )

    def _check_size(self, site_dir: str) -> None:
        if not self.config.size_limit_mb:
            return
        size = site_size.SiteSize(
            total=site_size.folder_bytes(site_dir),
            reports=len({r.slug for r in self._reports}),
            limit=self.config.size_limit_mb * 10**6,
        )
        found = site_size.verdict(size)
        if found is not None:
            level, text = found
            (log.warning if level == "warning" else log.info)(text)

    def _write_feeds(self, site_dir: str) -> None:
        dates = {r.slug: feeds.report_date(r.meta) for r in self._reports if "date" in r.meta}
        for lang in self._languages:
            entries = []
            for report in self._reports:
                if report.lang != lang.locale:
                    continue
                meta = {**report.meta, "date": report.meta.get("date") or dates.get(report.slug)}
                entries.append(
                    feeds.FeedEntry(
                        title=report.title,
                        url=sitemap.absolute(self._site_url, report.url),
                        updated=feeds.report_date(meta),
                        summary=str(report.meta.get("subtitle") or ""),
                        author=str(report.meta.get("publication") or ""),
                    )
                )
            feed = feeds.Feed(
                lang=lang.locale,
                title=self._site_names.get(lang.locale, ""),
                site_url=sitemap.absolute(self._site_url, lang.prefix),
                self_url=sitemap.absolute(self._site_url, feeds.feed_path(lang.prefix)),
                entries=feeds.newest_first(entries, self.config.feed_limit or None),
            )
            target = os.path.join(site_dir, feeds.feed_path(lang.prefix))
            write_file(feeds.render_atom(feed).encode("utf-8"), target)

    def _write_sitemaps(self, site_dir: str) -> None:
        for path, text in sitemap.language_indexes(self._languages, self._site_url).items():
            write_file(text.encode("utf-8"), os.path.join(site_dir, path))

    # -- languages ---------------------------------------------------------------------------

    def _current_language(self, config: MkDocsConfig) -> str:
        return building(config, self._languages).locale if self._languages else "en"

    def _prefix(self, lang: str) -> str:
        return next((x.prefix for x in self._languages if x.locale == lang), "")
