"""The content manager: what the build read from docs_dir (reports, glossary, metrics, every
key figure, which page exists in which language), kept between the language builds of one
`mkdocs build` and across `mkdocs serve` rebuilds (content_cache.py)."""

from __future__ import annotations

import os
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import Files

from site_builder.content.errors import SiteBuilderError
from site_builder.content.layout import REPORTS_DIR
from site_builder.mkdocs import compat
from site_builder.mkdocs.content_cache import ContentCache
from site_builder.mkdocs.page_data import BuildContent
from site_builder.site.archive import year_starts
from site_builder.site.model import Language, ReportPage, collect_reports, page_languages
from site_builder.site.page_kinds import Digest
from site_builder.site.render import Abbreviations
from site_builder.site.report_pager import neighbours


class ContentStore:
    def __init__(self) -> None:
        self.cache = ContentCache()
        self.content = BuildContent([])
        self.fork = False  # this command may fork workers to read (no other thread runs)
        self.drafts = False  # drafts are shown (the preview), else left out of the site
        self.serving = False  # `mkdocs serve`: drafts are shown unless the option says no

    def configure(self, languages: list[Language], cache_file: Path | None) -> None:
        self.content = BuildContent(languages)
        self.cache.use_disk(cache_file)

    def read(
        self, files: Files, config: MkDocsConfig, glossary: Path, metrics: Path, fork: bool
    ) -> list[ReportPage]:
        """Read (or take from the cache) every report page, the glossary and the metrics;
        returns the report pages read. ``fork``: no other thread runs now, if the command
        allows forking at all.

        A draft leaves ``files`` entirely (its pages, source and photos) unless drafts are
        shown (the preview); a report without a page in a language of the site gets one, which
        presents it in Chinese (report_pages.read_report_source)."""
        content = self.content
        pages = self.cache.read_reports(files, fork=self.fork and fork)
        try:
            reports = collect_reports(pages)
        except SiteBuilderError as exc:  # a published report failing the schema (E005)
            raise PluginError(f"digest: {exc}") from None
        if not self.drafts:
            drafts = {f"{REPORTS_DIR}/{report.slug}/" for report in reports if report.draft}
            for file in [f for f in files if f.src_uri.startswith(tuple(drafts))]:
                files.remove(file)
            reports = [report for report in reports if not report.draft]
        for report in reports:
            for language in content.languages:
                uri = f"{report.norm_url}index.{language.locale}.md"
                if language.locale not in report.pages and not files.get_file_from_path(uri):
                    files.append(compat.phantom_page_file(uri, config))
        content.reports = {report.slug: report for report in reports}
        content.neighbours = neighbours(list(content.reports))
        content.archive_years = year_starts(list(content.reports.values()))
        content.glossary = self.cache.glossary(glossary)
        content.abbreviations = Abbreviations(content.glossary)
        content.vocabulary = self.cache.metrics(metrics)
        content.figures = self.cache.figure_rows(reports, content.vocabulary)
        return pages

    def digest(self, metric_rows: int) -> Digest:
        content = self.content
        reports = list(content.reports.values())
        return Digest(reports, content.figures, metric_rows, glossary=content.glossary)

    def note_pages(self, files: Files) -> None:
        """Which page (language-free URL) exists in which language, generated ones included."""
        src_uris = [f.src_uri for f in files]
        self.content.available = page_languages(src_uris, self.content.languages)

    def save(self) -> None:
        self.cache.front_matter.save()


def config_folder(config: MkDocsConfig) -> Path | None:
    return Path(config.config_file_path).parent if config.config_file_path else None


def drafts_shown(option: bool | None, serving: bool) -> bool:
    """Drafts are in the preview: `mkdocs serve`, `DIGEST_DRAFTS=1`, or the `drafts` option
    (which wins when set); the public build leaves them out."""
    if option is not None:
        return option
    return serving or os.environ.get("DIGEST_DRAFTS", "") not in ("", "0")
