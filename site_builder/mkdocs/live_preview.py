"""Dirty builds (`mkdocs serve --dirty`, `make serve`): after a save, rebuild only what it changed.

MkDocs' dirty mode rebuilds a page when its source file is newer than its output. That is
right for editors' pages, but the digest has pages no file stands for (home, archive, key
figures, glossary, a bilingual view per report) and report pages that show more than their
own file (the English page shows the Chinese page's figures; every page shows the glossary's
terms). So between two builds of one `serve` this keeps what each generated page's Markdown
was, and in a dirty build:

- a generated page whose Markdown is unchanged, and whose HTML is still on disk, leaves the
  build (its HTML from the last build stays); a changed one is rebuilt;
- the pages listed in the navigation are always rebuilt (every page's navigation shows their
  titles);
- when a report page changed, the report's pages in the other languages are rebuilt too;
- a report whose previous/next links change is rebuilt: a neighbour's title changed, or a
  report was added, removed or re-dated next to it;
- when the glossary or the metrics changed, every report page is rebuilt;
- when mkdocs.yml or a file of the theme's overrides changed, every page is rebuilt.

A dirty build is only that: a page that links to a report which was removed keeps its link
until the next full build, and the search index and feeds stay as the last full build wrote
them (the digest-reader plugin says so).
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import get_plugin_logger
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from site_builder.content.layout import REPORT_RE
from site_builder.mkdocs import compat
from site_builder.site.figure_rows import FigureRow
from site_builder.site.model import Report, ReportPage

log = get_plugin_logger(__name__)


class LivePreview:
    """The live-preview manager: in `mkdocs serve --dirty`, what each build must make again
    (site.page_kinds.Remake) and which files it narrows to; in any other build, everything."""

    def __init__(self) -> None:
        self.dirty = False
        self._builds = DirtyBuilds()
        self._changed_reports: set[str] = set()

    @property
    def narrowing(self) -> bool:
        """This build makes only what a save changed."""
        return self.dirty and not self._builds.everything

    def start(
        self,
        config: MkDocsConfig,
        pages: Iterable[ReportPage],
        data: tuple[object, ...],
        reports: Mapping[str, Report],
        neighbours: Mapping[str, tuple[str | None, str | None]],
    ) -> None:
        """At the start of a dirty build (in its first language): the report pages read, the
        glossary and metrics, the reports by slug and each one's neighbours by date."""
        self._builds.start(self.settings_stamp(config))
        if self._builds.everything and self._builds.built_before:
            log.info("mkdocs.yml or the theme changed: every page is rebuilt")
        by_uri = {page.src_uri: page for page in pages}
        self._changed_reports = self._builds.changed_reports(by_uri, data)
        titles = {slug: _titles(report) for slug, report in reports.items()}
        self._changed_reports |= self._builds.pagers_changed(titles, neighbours)
        if self._builds.data_changed and not self._builds.everything:
            log.info("the glossary or the metrics changed: every report page is rebuilt")

    @staticmethod
    def settings_stamp(config: MkDocsConfig) -> object:
        """What, when it changes, makes a dirty build rebuild every page: mkdocs.yml, the
        theme's overrides, the folders."""
        stamp = DirtyBuilds.settings_stamp(config.config_file_path, config.theme.custom_dir)
        return stamp, config.docs_dir, config.site_dir

    def report(self, slug: str) -> bool:
        return not self.narrowing or slug in self._changed_reports

    def rows(self, key: str, rows: Sequence[FigureRow]) -> bool:
        if not self.dirty:
            return True
        changed = self._builds.rows_changed(key, rows)  # recorded in every dirty build
        return changed or not self.narrowing

    def select(
        self, files: Files, made: dict[str, tuple[str, str]], generated: set[str], always: set[str]
    ) -> None:
        """Narrow a dirty build's ``files`` (DirtyBuilds.select)."""
        if self.dirty:
            self._builds.select(files, made, generated, always, self._changed_reports)

    def on_nav(self, pages: Iterable[Page]) -> None:
        if self.dirty:
            rebuild_navigation(pages)


class DirtyBuilds:
    def __init__(self) -> None:
        self._markdown: dict[str, str] = {}  # by src_uri: what a generated page showed last
        self._sources: dict[str, object] = {}  # by src_uri: the parsed report page last built
        self._data: tuple[object, ...] = ()  # glossary and metrics as last built
        # Key-figure rows as last built (what pages listing them show), by group of pages.
        self._rows: dict[str, list[tuple[object, ...]]] = {}
        # What report pagers showed: each report's titles, and its neighbours by date.
        self._titles: Mapping[str, object] = {}
        self._neighbours: Mapping[str, tuple[str | None, str | None]] = {}
        self.built_before = False  # a build of this serve session made every page
        self.everything = True  # this build rebuilds every page
        self.data_changed = False  # the glossary or the metrics changed since the last build
        self._settings: object = None

    def start(self, settings: object) -> None:
        """At the start of a build: the first one, and one after ``settings`` (the stamps of
        mkdocs.yml and the theme's files, the folders) changed, rebuild every page."""
        self.everything = not self.built_before or settings != self._settings
        self._settings = settings

    def rows_changed(self, key: str, rows: Sequence[FigureRow]) -> bool:
        """Whether the key-figure rows shown by the pages ``key`` names differ from the last
        build's (those pages are made again only then)."""
        shown = [_shown(row) for row in rows]
        changed = self._rows.get(key) != shown
        self._rows[key] = shown
        return changed

    def pagers_changed(
        self,
        titles: Mapping[str, object],
        neighbours: Mapping[str, tuple[str | None, str | None]],
    ) -> set[str]:
        """Slugs of reports whose previous/next links differ from the last build's: other
        neighbours, or a neighbour with another title."""
        last_titles, last_neighbours = self._titles, self._neighbours
        self._titles, self._neighbours = dict(titles), dict(neighbours)
        return {
            slug
            for slug, pair in neighbours.items()
            if pair != last_neighbours.get(slug)
            or any(other and titles.get(other) != last_titles.get(other) for other in pair)
        }

    @staticmethod
    def settings_stamp(config_file: str | None, theme_dir: str | None) -> tuple[int, ...]:
        """When mkdocs.yml and the newest file of the theme's overrides were last changed."""
        stamps = [os.stat(config_file).st_mtime_ns if config_file else 0]
        for folder, _, names in os.walk(theme_dir or os.devnull):
            stamps += [os.stat(os.path.join(folder, name)).st_mtime_ns for name in names]
        return stamps[0], max(stamps[1:], default=0), len(stamps)

    def changed_reports(self, pages: Mapping[str, object], data: tuple[object, ...]) -> set[str]:
        """Slugs of reports whose pages were parsed anew (the content cache returns the same
        object for an unchanged file), all reports if the glossary or metrics changed."""
        everything = data != self._data
        self.data_changed = everything and self.built_before
        changed = {
            _slug(uri)
            for uri, page in pages.items()
            if everything or self._sources.get(uri) is not page
        }
        changed |= {_slug(uri) for uri in self._sources.keys() - pages.keys()}
        self._sources, self._data = dict(pages), data
        return changed

    def select(
        self,
        files: Files,
        made: dict[str, tuple[str, str]],
        generated: set[str],
        always: Iterable[str],
        changed_reports: set[str],
    ) -> None:
        """Narrow one language build's ``files`` to what must be rebuilt (see the module).
        ``made``: src_uri -> (Markdown, what the page shows) of the generated pages made in
        this build; ``generated``: the src_uris of all generated pages (those not made are
        unchanged)."""
        keep = set(always)
        for file in list(files.documentation_pages()):
            uri = file.src_uri
            markdown, shown = made.get(uri, (None, None))
            if self.everything:
                if markdown is not None:
                    self._markdown[uri] = shown or ""
                    compat.set_content(file, markdown)
                else:
                    compat.mark_modified(file)
            elif uri in generated and markdown is None:
                files.remove(file)  # not made: nothing it shows changed
            elif markdown is not None:
                unchanged = self._markdown.get(uri) == shown
                self._markdown[uri] = shown or ""
                if unchanged and uri not in keep and os.path.isfile(file.abs_dest_path):
                    files.remove(file)
                else:
                    # No file on disk stands for this page: with its Markdown as the file's
                    # content, MkDocs counts it as modified.
                    compat.set_content(file, markdown)
            elif (match := REPORT_RE.match(uri)) and match.group("slug") in changed_reports:
                compat.mark_modified(file)
        self.built_before = True


def rebuild_navigation(pages: Iterable[Page]) -> None:
    """Every page in the navigation is rebuilt: each page's navigation shows their titles,
    which MkDocs only knows from a page it read in this build."""
    for page in pages:
        if not page.file.is_modified():
            compat.mark_modified(page.file)


def _shown(row: FigureRow) -> tuple[object, ...]:
    """What pages listing figures show of a row: the figure, and its report's metadata (not
    the report's text, which a row refers to but no such page shows)."""
    metas = [page.meta for _, page in sorted(row.report.pages.items())]
    return (row.report.slug, metas, row.figure, row.english, row.metric, row.period, row.change)


def _titles(report: Report) -> tuple[tuple[str, object], ...]:
    """What a neighbour's pager shows of a report: its title in each language."""
    return tuple((lang, page.meta.get("title")) for lang, page in sorted(report.pages.items()))


def _slug(src_uri: str) -> str:
    match = REPORT_RE.match(src_uri)
    return match.group("slug") if match else src_uri


def same_on_disk(path: Path, data: bytes) -> bool:
    """Whether a dirty build finds the file written already (a full build empties site/
    first): a file made as it is (a source view, a bilingual view) is then left as it is."""
    try:
        return path.stat().st_size == len(data) and path.read_bytes() == data
    except OSError:
        return False
