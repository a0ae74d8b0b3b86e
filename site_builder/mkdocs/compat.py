"""Every reliance of ours on behaviour that MkDocs, Material, mkdocs-static-i18n or Pagefind do
not document, in one place, each checked against the pinned versions by tests/test_compat.py.
When an upgrade breaks one, that test names it; the fix belongs here.

The order of the two plugins' work around static-i18n (plugin event priorities; higher runs
first, MkDocs' default is 0, static-i18n's ``on_files`` and ``on_post_build`` are -100):

    on_files       0    digest: read the content, name every generated page in every language
                -100    static-i18n: keep the files of the language being built
                -105    digest-reader: count the language's pages
                -110    digest: make this language's generated pages; a dirty build narrows
    on_page_markdown
                 100    digest: restore the metadata of pages it read itself (before others)
                   0    digest: render a report page
    on_post_build
                 -90    digest-reader: this language's search bundle is written in the background
                -100    static-i18n: build the other languages, each a nested MkDocs build
                -110    digest-reader: after the outermost build, feeds, sitemaps, wait for search

Undocumented behaviour relied on (the functions below, and the places named):

1. static-i18n sets ``config.theme["language"]`` to the language of each build
   (``reconfigure_material``): ``language_being_built``.
2. static-i18n builds the other languages inside the default build's ``on_post_build``, so
   ``on_pre_build``/``on_post_build`` of one plugin instance nest: ``BuildNesting``.
3. static-i18n leaves ``config.extra["alternate"]`` pointing at the last page it built; the
   404 page gets mkdocs.yml's switch back: ``restore_language_switch``.
4. static-i18n 1.3.1 re-creates each file from docs_dir (an in-memory ``File.generated`` would
   lose its content), so a generated page is a file named in docs_dir that does not exist, whose
   Markdown ``on_page_read_source`` supplies: ``phantom_page_file``.
5. A page source that starts with an empty front matter gets no metadata from MkDocs, and the
   metadata set on ``page.meta`` in ``on_page_markdown`` is what every later plugin and the
   theme read: ``WITHOUT_FRONT_MATTER``, ``set_page_meta``.
6. ``File.is_modified()`` is true once ``content_string`` was assigned, so a dirty build
   rebuilds that page: ``mark_modified``, ``set_content``.
7. MkDocs writes nothing for a template whose output is empty (each language build writes the
   theme's 404.html at the root): ``SKIP_TEMPLATE``.
8. Material writes ``page.meta.title`` into ``<title>``, the header and the fallback ``<h1>``
   as HTML; our theme overrides those three places (main.html, partials/header.html,
   partials/content.html) to print it escaped, and a report's title, escaped here, goes in as
   Markup so that it is not escaped twice (``escaped_title``). Material's navigation (nav,
   tabs, footer) also writes titles as HTML: no report or generated page is in the site's
   navigation (mkdocs.yml's ``not_in_nav``), only our own pages and editors' Markdown pages.
9. Pagefind's service may answer ``WriteFiles`` before every file is on disk (an empty entry
   file was seen on a loaded machine): site/search.py stops the service only once the entry
   file parses and the metadata files it names exist, then reads the page counts from it.
10. jieba's ``posseg.dt`` is the default tokenizer's tagger: convert/ reads its word tags for a
    private tokenizer (the one place is marked there).
11. No other thread runs while the first language's ``on_files`` reads the content under
    `mkdocs build`: MkDocs starts none, and digest-reader starts Pagefind's with the first page
    written; so the digest may fork workers to parse front matter then (plugin.on_startup).
12. Material's bundle fetches ``sitemap.xml`` next to every ``<link rel="alternate">`` of a
    page, on every page load, whatever the link is (a feed's too), to redirect clicks on the
    language selector; the fetch is what the first view of a page pays. So the feeds live
    in folders of their own with a small sitemap index beside them (site/feeds.py,
    site/sitemap.py) and pages carry no hreflang ``<link rel="alternate">`` (the sitemap
    has them); the language selector's links are static-i18n's per-page alternates, which
    work without the fetch: ``MATERIAL_FETCHES_SITEMAP``.
13. (No longer relied on; the number stays free.) A page made once for every language (the
    bilingual view) was a theme page added after static-i18n's ``on_files``, which then
    gave it no language switch of its own; it is now a document of its own, without the
    theme (site/bilingual.py), written as a plain file like the source view.
14. JioNLP's gazetteer is read from its data file, ``dictionary/china_location.zip`` inside the
    package (one tab-indented line per place), not through ``import jionlp``, which loads a
    large NLP toolkit: convert/structure/gazetteer.py, the one marked place.
"""

from __future__ import annotations

from typing import Any

import markupsafe
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File
from mkdocs.structure.pages import Page

# Plugin event priorities around static-i18n (see the table above).
BEFORE_I18N_FILES = 0
COUNT_LANGUAGE_FILES = -105
AFTER_I18N_FILES = -110
FIRST_ON_MARKDOWN = 100
BEFORE_NEXT_LANGUAGE = -90
AFTER_ALL_LANGUAGES = -110

WITHOUT_FRONT_MATTER = "---\n{}\n---\n"
# (12) The code of Material's bundle that fetches sitemap.xml beside each link[rel=alternate].
MATERIAL_FETCHES_SITEMAP = ('M("link[rel=alternate]")', 'new URL("sitemap.xml",e)')
SKIP_TEMPLATE = ""


def language_being_built(config: MkDocsConfig) -> str | None:
    """The locale of the language static-i18n is building now (1)."""
    value = config.theme.get("language")
    return str(value) if value else None


class BuildNesting:
    """How deep we are in static-i18n's nested builds (2)."""

    def __init__(self) -> None:
        self.depth = 0

    def enter(self) -> bool:
        """At ``on_pre_build``: whether this is the outermost build."""
        self.depth += 1
        return self.depth == 1

    def leave(self) -> bool:
        """At ``on_post_build``: whether the outermost build is ending."""
        self.depth = max(0, self.depth - 1)
        return self.depth == 0

    def reset(self) -> None:
        self.depth = 0


def restore_language_switch(config: MkDocsConfig, switch: Any) -> None:
    """Set the language switch the theme shows (3). static-i18n assigns
    ``config.extra.alternate`` as an attribute of the ``extra`` mapping, which Jinja's
    ``config.extra.alternate`` reads before the item: both are set."""
    config.extra["alternate"] = switch
    setattr(config.extra, "alternate", switch)  # noqa: B010 - an attribute, as static-i18n's


def phantom_page_file(src_uri: str, config: MkDocsConfig) -> File:
    """A page file named in docs_dir, without a file on disk (4)."""
    return File(src_uri, config.docs_dir, config.site_dir, config.use_directory_urls)


def source_without_front_matter(body: str) -> str:
    """A page source that MkDocs gives no metadata (5); the plugin sets it."""
    return WITHOUT_FRONT_MATTER + body


def set_page_meta(page: Page, meta: dict[str, Any]) -> None:
    """The page's metadata for every later plugin and the theme (5)."""
    page.meta = dict(meta)


def mark_modified(file: File) -> None:
    """Make a dirty build rebuild this page although its source is older than its output (6)."""
    file.content_string = file.content_string


def set_content(file: File, markdown: str) -> None:
    """Give a file without a source on disk its Markdown; a dirty build rebuilds it (6)."""
    file.content_string = markdown


def escaped_title(title: str) -> markupsafe.Markup:
    """A title from a source, as HTML that Jinja's ``e`` leaves as it is (8)."""
    return markupsafe.escape(title)
