"""MkDocs plugin ``digest-reader``: what readers fetch besides pages.

- search: one UTF-8 index per language (``search/search_index.json``,
  ``zh/search/search_index.json``) fetched by a deferred worker on the first query, and the
  glossary's Chinese terms as jieba's user dictionary;
- feeds: an Atom feed of reports per language, announced in every page's head;
- sitemaps with hreflang alternates: one per language, and a small sitemap index in each
  language's home (Material's bundle fetches ``sitemap.xml`` next to each feed link).

A thin adapter: it turns MkDocs events into calls on ``search_index``, ``deferred_search``,
``feeds`` and ``sitemap``. mkdocs-static-i18n runs one nested MkDocs build per language; the
outputs are written once, when the outermost build ends, from what every build recorded.
"""

from __future__ import annotations

import html
import io
import json
import os
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from mkdocs.config import config_options as c
from mkdocs.config.base import Config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, CombinedEvent, event_priority, get_plugin_logger
from mkdocs.structure.pages import Page
from mkdocs.utils import get_relative_url, write_file

from site_builder.site import deferred_search, feeds, search_index, sitemap

log = get_plugin_logger(__name__)

SEARCH_PLUGINS = ("material/search", "search")


class ReaderConfig(Config):
    search = c.Type(bool, default=True)
    feeds = c.Type(bool, default=True)
    feed_limit = c.Type(int, default=100)
    sitemap = c.Type(bool, default=True)
    glossary = c.Type(str, default="glossary.yml")
    reports = c.Type(str, default="reports")

    def validate(self) -> tuple[list[Any], list[Any]]:
        failed, warnings = super().validate()
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
        self._depth = 0  # nesting of MkDocs builds (static-i18n builds languages inside)
        self._terms: frozenset[str] = frozenset()
        self._reset()

    def _reset(self) -> None:
        self._languages: list[sitemap.Language] = []
        self._site_url = ""
        self._site_names: dict[str, str] = {}
        self._page_urls: dict[str, list[str]] = {}
        self._reports: list[ReportRecord] = []
        self._search_docs: dict[str, list[dict[str, Any]]] = {}
        self._search_config: dict[str, Any] = {}

    # -- configuration ---------------------------------------------------------------------

    def on_pre_build(self, *, config: MkDocsConfig) -> None:
        if self._depth == 0:
            self._reset()
            self._languages = site_languages(config)
            self._site_url = config.site_url or ""
        self._depth += 1

    def on_build_error(self, *, error: Exception) -> None:
        self._depth = 0

    @event_priority(50)  # before Material's search plugin indexes any page
    def on_config(self, config: MkDocsConfig) -> None:
        if self.config.search and _search_plugin(config) is not None:
            self._load_glossary_terms(Path(config.docs_dir) / self.config.glossary)

    def _load_glossary_terms(self, path: Path) -> None:
        if not path.is_file():
            return
        from site_builder.content.glossary import read_glossary

        entries, _problems = read_glossary(path)  # `site-builder check` reports problems
        terms = frozenset(entry.zh for entry in entries)
        if terms and terms != self._terms:
            import jieba  # Material's search segments Chinese with jieba's default tokenizer

            jieba.load_userdict(io.StringIO(search_index.user_dictionary(sorted(terms))))
            self._terms = terms
            log.debug(f"{path}: {len(terms)} glossary terms added to jieba's dictionary")

    # -- pages -------------------------------------------------------------------------------

    def on_post_page(self, output: str, *, page: Page, config: MkDocsConfig) -> str:
        lang = self._current_language(config)
        self._site_names[lang] = config.site_name
        self._page_urls.setdefault(lang, []).append(page.url)
        self._record_report(page, lang)
        prefix = self._prefix(lang)
        if self.config.feeds:
            href = get_relative_url(feeds.feed_path(prefix), page.url)
            output = feeds.add_link(output, feeds.link_tag(href, config.site_name))
        return self._defer_search(output, prefix, page.file.src_uri)

    def on_post_template(
        self, output_content: str, *, template_name: str, config: MkDocsConfig
    ) -> str:
        if template_name != "404.html":
            return output_content
        lang = self._current_language(config)
        return self._defer_search(output_content, self._prefix(lang), template_name)

    def _defer_search(self, html: str, prefix: str, where: str) -> str:
        if not self.config.search:
            return html
        try:
            return deferred_search.defer_search(html, search_index.index_path(prefix))
        except deferred_search.SearchMarkupError as exc:
            raise PluginError(f"{where}: cannot defer search: {exc}") from None

    def _record_report(self, page: Page, lang: str) -> None:
        match = re.fullmatch(
            rf"{re.escape(self.config.reports.strip('/'))}/([^/]+)/index(?:\.[\w-]+)?\.md",
            page.file.src_uri,
        )
        if match:
            meta = dict(page.meta)
            # Material's page titles are HTML (the digest plugin escapes report titles).
            title = html.unescape(str(meta.get("title") or page.title or match.group(1)))
            self._reports.append(ReportRecord(match.group(1), lang, page.url, title, meta))

    # -- end of each build -----------------------------------------------------------------

    @event_priority(-50)  # after Material's search plugin wrote this language's entries
    def _capture_search(self, *, config: MkDocsConfig) -> None:
        path = Path(config.site_dir) / search_index.INDEX_NAME
        if not self.config.search or not path.is_file():
            return
        data = json.loads(path.read_text(encoding="utf-8"))
        lang = self._current_language(config)
        self._search_docs[lang] = data.get("docs", [])
        self._search_config = data.get("config", {})
        separator = str(self._search_config.get("separator", ""))
        if "\u200b" not in separator and "\\u200b" not in separator.lower():
            log.warning("search: the 'separator' should include \\u200b for jieba's segmentation")

    @event_priority(-110)  # after mkdocs-static-i18n (-100) built the other languages
    def _write_outputs(self, *, config: MkDocsConfig) -> None:
        self._depth = max(0, self._depth - 1)
        if self._depth:
            return
        site_dir = config.site_dir
        if self.config.search and self._search_docs:
            self._write_search(site_dir)
        if self.config.feeds:
            self._write_feeds(site_dir)
        if self.config.sitemap:
            self._write_sitemaps(site_dir)

    on_post_build = CombinedEvent(_capture_search, _write_outputs)

    def _write_search(self, site_dir: str) -> None:
        for lang in self._languages:
            docs = self._search_docs.get(lang.code)
            if docs is None:
                continue
            index = search_index.language_index(self._search_config, docs, lang.code)
            target = os.path.join(site_dir, search_index.index_path(lang.prefix))
            write_file(search_index.dump_index(index), target)
        worker = os.path.join(site_dir, deferred_search.WORKER_DIR, deferred_search.WORKER_NAME)
        write_file(deferred_search.worker_script(), worker)

    def _write_feeds(self, site_dir: str) -> None:
        dates = {r.slug: feeds.report_date(r.meta) for r in self._reports if "date" in r.meta}
        for lang in self._languages:
            entries = []
            for report in self._reports:
                if report.lang != lang.code:
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
                lang=lang.code,
                title=self._site_names.get(lang.code, ""),
                site_url=sitemap.absolute(self._site_url, lang.prefix),
                self_url=sitemap.absolute(self._site_url, feeds.feed_path(lang.prefix)),
                entries=feeds.newest_first(entries, self.config.feed_limit or None),
            )
            target = os.path.join(site_dir, feeds.feed_path(lang.prefix))
            write_file(feeds.render_atom(feed).encode("utf-8"), target)

    def _write_sitemaps(self, site_dir: str) -> None:
        pages = sitemap.pair_pages(self._page_urls, self._languages)
        for path, text in sitemap.sitemap_files(pages, self._languages, self._site_url).items():
            write_file(text.encode("utf-8"), os.path.join(site_dir, path))
        # MkDocs' gzipped copy would be the other, combined sitemap: nothing links to it.
        gz = Path(site_dir) / "sitemap.xml.gz"
        if gz.exists():
            gz.unlink()

    # -- languages ---------------------------------------------------------------------------

    def _current_language(self, config: MkDocsConfig) -> str:
        codes = [lang.code for lang in self._languages]
        theme_lang = config.theme.get("language")
        if theme_lang in codes:
            return str(theme_lang)
        return codes[0] if codes else str(theme_lang or "en")

    def _prefix(self, lang: str) -> str:
        return next((x.prefix for x in self._languages if x.code == lang), "")


def _search_plugin(config: MkDocsConfig) -> object | None:
    return next((config.plugins[n] for n in SEARCH_PLUGINS if n in config.plugins), None)


def site_languages(config: MkDocsConfig) -> list[sitemap.Language]:
    """The languages built, from mkdocs-static-i18n's public options (``languages`` with
    ``locale``, ``default``, ``build``, ``link``); one language without it."""
    i18n = config.plugins.get("i18n")
    options = getattr(i18n, "config", None)
    languages: list[sitemap.Language] = []
    for lang in getattr(options, "languages", None) or []:
        if not lang.build or lang.locale == "null":
            continue
        prefix = "" if lang.default else (lang.link or f"/{lang.locale}/").strip("/") + "/"
        languages.append(sitemap.Language(lang.locale, prefix, bool(lang.default)))
    if not languages:
        languages.append(sitemap.Language(str(config.theme.get("language") or "en"), "", True))
    languages.sort(key=lambda lang: not lang.default)
    return languages
