"""What the digest plugin reads from docs_dir, kept between the language builds of one
`mkdocs build` and across `mkdocs serve` rebuilds: each file is read again only when its
(mtime, size) changed. Problems are logged as warnings naming the file."""

from __future__ import annotations

import os
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any, TypeVar

from mkdocs.exceptions import PluginError
from mkdocs.plugins import get_plugin_logger
from mkdocs.structure.files import File, Files

from site_builder.content.errors import SiteBuilderError
from site_builder.content.front_matter_cache import FrontMatterCache
from site_builder.content.frontmatter import front_matter_text, parse_into_cache
from site_builder.content.glossary import GlossaryEntry, read_glossary
from site_builder.content.layout import REPORT_RE
from site_builder.content.metrics import Vocabulary, read_metrics
from site_builder.site.key_figures import FigureRow, figure_rows
from site_builder.site.model import Report, ReportPage, read_report_page

log = get_plugin_logger(__name__)
Stamp = tuple[int, int]  # (mtime_ns, size)
T = TypeVar("T")


def _stamp(path: str | Path) -> Stamp:
    stat = os.stat(path)
    return stat.st_mtime_ns, stat.st_size


class ContentCache:
    def __init__(self) -> None:
        # By the file's path: one plugin instance may build several docs_dirs (tests, serve).
        self._reports: dict[str, tuple[Stamp, ReportPage]] = {}
        self.front_matter = FrontMatterCache(None)  # parsed YAML between builds, on disk
        self._files: dict[Path, tuple[Stamp, Any]] = {}  # glossary and metrics, by path
        self._rows: tuple[tuple[Any, ...], list[FigureRow]] | None = None

    def report(self, file: File, text: str | None = None) -> ReportPage | None:
        """A report page parsed (front matter with libyaml), or None if ``file`` is none;
        ``text`` is the file's, if read already."""
        if not REPORT_RE.match(file.src_uri) or not file.abs_src_path:
            return None
        try:
            stamp = _stamp(file.abs_src_path)
            cached = self._reports.get(file.abs_src_path)
            if cached and cached[0] == stamp:
                return cached[1]
            if text is None:
                text = file.content_string
            page = read_report_page(text, file.src_uri, self.front_matter)
        except SiteBuilderError as exc:
            # Never published: a page the loader or the schema refuses (E004/E005) could be a
            # draft, or show a list as its title; MkDocs would render it all the same.
            raise PluginError(f"digest: {file.src_uri}: {exc.reason}") from None
        except (OSError, UnicodeDecodeError) as exc:
            # As check's E003; MkDocs would read the page again and stop with a traceback.
            why = "not UTF-8 text" if isinstance(exc, UnicodeDecodeError) else exc.strerror
            raise PluginError(f"digest: {file.src_uri}: {why or type(exc).__name__}") from None
        self._reports[file.abs_src_path] = (stamp, page)
        return page

    def read_reports(self, files: Files, fork: bool = False) -> list[ReportPage]:
        """Every report page of ``files``, parsed; the front matter of those not parsed yet
        is parsed first, all at once (in forked worker processes when there are many and
        ``fork`` says this process has no other thread)."""
        reports = [f for f in files if REPORT_RE.match(f.src_uri) and f.abs_src_path]
        texts: dict[str, str] = {}  # by src_uri: the pages to parse, each read once
        for file in reports:
            if self.unchanged_report(file) is None:
                try:
                    texts[file.src_uri] = file.content_string
                except (OSError, UnicodeDecodeError):
                    continue  # report() says why
        found = (front_matter_text(text) for text in texts.values())
        parse_into_cache(
            [yaml_text for yaml_text in found if yaml_text is not None], self.front_matter, fork
        )
        parsed = (self.report(file, texts.get(file.src_uri)) for file in reports)
        return [page for page in parsed if page is not None]

    def use_disk(self, path: Path | None) -> None:
        """Keep parsed front matter in ``path`` between builds (None: in memory only)."""
        if path != self.front_matter.path:
            self.front_matter = FrontMatterCache(path)

    def unchanged_report(self, file: File) -> ReportPage | None:
        """The parsed report if the file on disk is still the one parsed, else None."""
        cached = self._reports.get(file.abs_src_path or "")
        if cached is None or not file.abs_src_path:
            return None
        try:
            return cached[1] if _stamp(file.abs_src_path) == cached[0] else None
        except OSError:
            return None

    def glossary(self, path: Path) -> list[GlossaryEntry]:
        return self._data_file(path, read_glossary, [], "no glossary; the glossary page is empty")

    def metrics(self, path: Path) -> Vocabulary:
        missing = "no metric vocabulary; key figures are not compared by metric"
        return self._data_file(path, read_metrics, Vocabulary(), missing)

    def figure_rows(self, reports: list[Report], vocabulary: Vocabulary) -> list[FigureRow]:
        """Every key figure, worked out once for all language builds of unchanged pages."""
        # Parsed pages are cached and kept alive, so their ids name them for this build.
        key = (tuple(id(p) for r in reports for p in r.pages.values()), vocabulary)
        if self._rows is None or self._rows[0] != key:
            self._rows = (key, figure_rows(reports, vocabulary))
        return self._rows[1]

    def _data_file(
        self,
        path: Path,
        read: Callable[[Path], tuple[T, Sequence[Any]]],
        empty: T,
        missing: str,
    ) -> T:
        """A YAML file of ours read with ``read`` -> (data, problems with line and message)."""
        try:
            stamp = _stamp(path)
        except FileNotFoundError:
            log.info(f"{path}: {missing}")
            return empty
        cached = self._files.get(path)
        if cached and cached[0] == stamp:
            return cached[1]  # type: ignore[no-any-return]
        try:
            data, problems = read(path)
        except SiteBuilderError as exc:
            log.warning(f"{exc.path}: {exc.reason}")
            return empty
        for problem in problems:
            log.warning(f"{path}:{problem.line}: {problem.message}")
        self._files[path] = (stamp, data)
        return data
