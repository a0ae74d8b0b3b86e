"""The source-files manager: what of a report folder reaches ``site/`` besides its pages.

MkDocs copies every file of docs_dir that is not a page into the site as it is; for a report
folder that would publish an imported e-paper page (``source.html``) as live HTML on the
site's origin. So each language build takes the raw sources out of MkDocs' files (with any
other file of a report folder that a browser could run: only pages and raster photos stay),
and the default language build adds, per published report, the source view and the UTF-8
download of site/source_view.py, made from the raw bytes.
"""

from __future__ import annotations

import re
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import get_plugin_logger
from mkdocs.structure.files import File, Files

from site_builder.content.layout import REPORTS_DIR
from site_builder.mkdocs.live_preview import same_on_disk
from site_builder.mkdocs.page_data import BuildContent
from site_builder.site.generated import Site
from site_builder.site.model import lang_url
from site_builder.site.source_view import (
    SOURCE_RE,
    render_source_view,
    source_lines,
    text_download,
    text_url,
    view_url,
)
from site_builder.site.templates import Templates

log = get_plugin_logger(__name__)

# What a report folder may publish besides its pages: photos in formats that run no script.
_PUBLISHED = re.compile(
    rf"^{REPORTS_DIR}/[^/]+/(?:index\.[^/]+\.md|images/[^/]+\.(?:jpe?g|png|webp|gif|avif))$",
    re.IGNORECASE,
)


class SourceFiles:
    def __init__(self) -> None:
        self._raw: dict[str, File] = {}  # slug -> the report's raw source

    def take(self, files: Files, content: BuildContent) -> None:
        """Take every raw source (and every other file a report folder must not publish) out
        of ``files``; note in ``content.sources`` which report has which source file."""
        self._raw = {}
        for file in [f for f in files if f.src_uri.startswith(f"{REPORTS_DIR}/")]:
            if _PUBLISHED.match(file.src_uri):
                continue
            files.remove(file)
            match = SOURCE_RE.match(file.src_uri)
            report = content.reports.get(match.group("slug")) if match else None
            if match is None or report is None:
                log.info(
                    f"{file.src_uri}: not published (a report folder publishes its pages, "
                    "photos under images/ and its source as text)"
                )
                continue
            named = report.meta.get("source")
            if match.group("slug") not in self._raw or file.src_uri.endswith(f"/{named}"):
                self._raw[match.group("slug")] = file
        content.sources = {slug: Path(f.src_uri).name for slug, f in self._raw.items()}

    def add(
        self,
        files: Files,
        config: MkDocsConfig,
        content: BuildContent,
        templates: Templates,
        site: Site,
    ) -> None:
        """The source view and the UTF-8 download of each report with a source (once, in the
        default language build: both languages link to them)."""
        if not site.language.default:
            return
        for slug, file in self._raw.items():
            report = content.reports[slug]
            try:
                data = Path(file.abs_src_path or "").read_bytes()
            except OSError as exc:
                log.warning(f"{file.src_uri}: cannot read the source ({exc.strerror})")
                continue
            lines = source_lines(data)
            available = content.available.get(report.norm_url, set())
            pages = [
                (lang.locale, lang.name, lang_url(report.norm_url, lang))
                for lang in content.languages
                if lang.locale in available
            ]
            name = Path(file.src_uri).name
            view = render_source_view(report, name, pages, templates, site)
            for uri, data in ((text_url(slug), text_download(lines)), (view_url(slug), view)):
                uri = uri + "index.html" if uri.endswith("/") else uri
                if not same_on_disk(Path(config.site_dir) / uri, data):
                    files.append(File.generated(config, uri, content=data))
