"""The generated-pages manager: the digest's own pages (site/page_kinds.py) as MkDocs files.

Before static-i18n sorts the files, every generated page is named in every language, so that
static-i18n picks the language being built, gives each page its alternates and applies its
fallback as for editors' pages (a page in docs_dir of the same name wins). In each language
build the pages that build must make are made; MkDocs gets each one's Markdown in
``on_page_read_source`` and its metadata set on the page (compat 4, 5). Pages made once (the
bilingual views) are documents of their own: the default language's build adds each one as a
file, written as it is, like the source views.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import get_plugin_logger
from mkdocs.structure.files import File, Files

from site_builder.mkdocs import compat
from site_builder.mkdocs.live_preview import LivePreview, same_on_disk
from site_builder.mkdocs.report_pages import PageParts
from site_builder.site.figure_downloads import download_files
from site_builder.site.model import Language
from site_builder.site.page_kinds import (
    Digest,
    Making,
    generated_urls,
    make_pages,
    navigation_urls,
)

log = get_plugin_logger(__name__)


def src_uri_of(norm: str, lang: str) -> str:
    """Source name of a generated page: '' -> index.en.md, 'archive/' -> archive.en.md."""
    stem = norm.rstrip("/") or "index"
    return f"{stem}.{lang}.md" if lang else f"{stem}.md"


class GeneratedPages:
    def __init__(self) -> None:
        self.src_uris: set[str] = set()  # every generated page, all languages
        self._markdown: dict[str, str] = {}  # this language's pages, by src_uri
        self._meta: dict[str, dict[str, Any]] = {}

    def add_files(
        self, files: Files, digest: Digest, languages: list[Language], config: MkDocsConfig
    ) -> None:
        """Name every generated page in every language in ``files``."""
        self.src_uris = set()
        for norm in generated_urls(digest):
            for language in languages:
                src_uri = src_uri_of(norm, language.locale)
                own = [src_uri, src_uri_of(norm, "")] if language.default else [src_uri]
                if any(files.get_file_from_path(uri) is not None for uri in own):
                    log.info(f"{src_uri}: a page in docs_dir replaces the generated one")
                    continue
                self.src_uris.add(src_uri)
                files.append(compat.phantom_page_file(src_uri, config))

    def make(
        self,
        files: Files,
        config: MkDocsConfig,
        making: Making,
        parts: PageParts,
        live: LivePreview,
    ) -> None:
        """Make this language's pages (those a dirty build needs) and, in the default
        language, the key-figure downloads (one copy for every language, at the root)."""
        site = making.site
        pages = [(src_uri_of(page.norm, site.lang), page) for page in make_pages(making)]
        # Pages made once (the bilingual views), in the default language's build only, are
        # files added after static-i18n sorted them: at their language-free URL, theme-free.
        for page in make_pages(making, once=True):
            if page.document is None:
                raise TypeError(f"{page.norm}: a page made once must be a document")
            uri, data = f"{page.norm}index.html", page.document.encode("utf-8")
            if not same_on_disk(Path(config.site_dir) / uri, data):
                files.append(File.generated(config, uri, content=data))
        rows = making.digest.rows
        if site.language.default and making.remake.rows("downloads", rows):
            for name, data in download_files(rows, site, config.site_url).items():
                files.append(File.generated(config, name, content=data))
        self._markdown, self._meta = {}, {}
        shown: dict[str, tuple[str, str]] = {}  # src_uri -> (Markdown, what the page shows)
        for src_uri, page in pages:
            if src_uri in self.src_uris:
                self._markdown[src_uri] = f"{compat.source_without_front_matter('')}\n{page.body}\n"
                self._meta[src_uri] = page.meta
                parts.fragments[src_uri] = page.fragments
                if live.dirty:
                    shown[src_uri] = (self._markdown[src_uri], repr((page.meta, page.parts)))
        always = {src_uri_of(norm, site.lang) for norm in navigation_urls(making.digest)}
        live.select(files, shown, self.src_uris, always)

    def read_source(self, src_uri: str, parts: PageParts) -> str | None:
        """A generated page's Markdown (its metadata goes to ``parts``), else None."""
        markdown = self._markdown.get(src_uri)
        if markdown is not None:
            parts.meta[src_uri] = self._meta[src_uri]
        return markdown
