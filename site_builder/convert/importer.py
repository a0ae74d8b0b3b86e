"""Import raw reports: convert each (pipeline.py), render its page, and the disk side.

Writes are atomic (temp file + rename). A page edited since it was generated is never
overwritten without --force: the page carries a digest of what was generated.
"""

from __future__ import annotations

import os
import re
import sys
import time
from collections.abc import Collection, Iterator
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path

import yaml
from rich.console import Console
from rich.progress import Progress
from rich.table import Table

from site_builder.content.errors import EditedPageError, SiteBuilderError, one_line
from site_builder.content.files import read_file_bytes, read_file_text, write_atomic
from site_builder.content.frontmatter import split_front_matter
from site_builder.content.layout import ContentLayout
from site_builder.content.metrics import METRICS_FILE, Vocabulary, load_metrics, read_metrics
from site_builder.content.model import Metadata
from site_builder.convert.pipeline import convert
from site_builder.convert.render import page_digest, render_zh_page
from site_builder.convert.slug import make_slug

SOURCE_SUFFIXES = {".txt": ".txt", ".text": ".txt", ".htm": ".html", ".html": ".html"}


@dataclass
class ImportResult:
    source: Path
    slug: str = ""
    figures: int = 0
    notes: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    status: str = ""  # created, updated, unchanged, completed (the source copy), failed
    error: str = ""


def was_edited(page: Path) -> bool:
    """True if the page differs from what the converter generated (or lost its record)."""
    front, body, _ = split_front_matter(read_file_text(page), page)
    generated = front.get("generated")
    if not isinstance(generated, dict) or "digest" not in generated:
        return True
    return bool(generated["digest"] != page_digest(front, body))


_GENERATED_RE = re.compile(r"^generated: (\{.*\})$", re.M)
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml when present: one line per probe


def _existing_source_file(folder: Path) -> str | None:
    """The source file name a report folder was imported from, if any."""
    page = folder / "index.zh.md"
    try:
        text = read_file_text(page)
        # The record is one line we wrote ourselves; read just it when it is still there.
        match = _GENERATED_RE.search(text)
        front = (
            yaml.load(match.group(0), Loader=_LOADER)
            if match
            else split_front_matter(text, page)[0]
        )
    except (OSError, UnicodeDecodeError, yaml.YAMLError, SiteBuilderError):
        return None
    generated = front.get("generated") if isinstance(front, dict) else None
    return generated.get("source_file") if isinstance(generated, dict) else None


def choose_slug(
    base: str,
    data: bytes,
    page: str | None,
    reports: Path,
    replace: str = "",
    keep: Collection[str] = (),
) -> str:
    """The report's slug, and so its folder. A report is known by its content,
    not its file name: the folder whose source copy has the same bytes (or, after an import
    cut short before the copy was written, whose page is the one this source gives). Another
    report with the same date and region never replaces it: it gets the next free -2, -3 …;
    only ``replace`` (--force, the source file name a folder was imported from) takes over a
    folder of other content, and never one of ``keep`` (written earlier in the same run: two
    files called report.txt in one batch are two reports, --force or not)."""
    candidate, number = base, 2
    free = forced = None
    while (reports / candidate).is_dir():
        folder = reports / candidate
        same = _same_report(folder, data, page)
        if same:
            return candidate
        if same is None and free is None:
            free = candidate  # an empty folder: left by an import cut short
        elif (
            forced is None
            and replace
            and candidate not in keep
            and _existing_source_file(folder) == replace
        ):
            forced = candidate
        candidate, number = f"{base}-{number}", number + 1
    return forced or free or candidate


def _same_report(folder: Path, data: bytes, page: str | None) -> bool | None:
    """Whether ``folder`` holds the report of these source bytes; None for an empty folder."""
    copies = sorted(folder.glob("source.*"))
    for copy in copies:
        try:
            if copy.stat().st_size == len(data) and copy.read_bytes() == data:
                return True
        except OSError:
            continue
    zh = folder / "index.zh.md"
    if copies or not zh.exists():
        return False if copies or zh.exists() else None
    try:  # the page is there, its source copy is not: an import that did not finish
        return page is not None and read_file_text(zh) == page
    except SiteBuilderError:
        return False


@dataclass
class PreparedReport:
    """A converted report ready to be written: everything but the disk side of the import."""

    source: Path
    data: bytes
    meta: Metadata
    page: str  # the text of index.zh.md
    extension: str
    figures: int
    notes: list[str]


# A report is tens of KB, an e-paper page with its scripts a few hundred: beyond this, a file
# is a dump or an archive, and converting it would take minutes and gigabytes for one page.
MAX_SOURCE_BYTES = 10 * 2**20


def read_source(source: Path) -> bytes:
    """A raw report's bytes; InputError for a missing file, a folder, a FIFO, a device or a
    file too large to be a report."""
    return read_file_bytes(source, "report file", MAX_SOURCE_BYTES)


def prepare_report(source: Path, vocabulary: Vocabulary | None = None) -> PreparedReport:
    """Read and convert one raw report; the Chinese page's text, not yet written."""
    data = read_source(source)
    article, extension = convert(data, source, vocabulary)
    page = render_zh_page(article, f"source{extension}", source.name)
    return PreparedReport(
        source, data, article.meta, page, extension, len(article.key_figures),
        list(article.layout_notes),
    )  # fmt: skip


def write_report(
    prepared: PreparedReport, content: Path, force: bool = False, keep: Collection[str] = ()
) -> ImportResult:
    """Write a prepared report into content/reports/<slug>/ (source copy + index.zh.md).

    The source copy is written first: a page is never there without its source, and an
    import cut short (a full disk, kill -9) is completed by running it again."""
    result = ImportResult(prepared.source)
    reports = ContentLayout(content).reports
    base = make_slug(prepared.meta.date, prepared.meta.period, prepared.meta.region,
                     prepared.meta.title)  # fmt: skip
    replace = prepared.source.name if force else ""
    result.slug = choose_slug(base, prepared.data, prepared.page, reports, replace, keep)
    folder = reports / result.slug
    page = folder / "index.zh.md"
    copy = folder / f"source{prepared.extension}"
    if page.exists():
        if read_file_text(page) == prepared.page:
            result.status = "unchanged"
        elif not force and was_edited(page):
            raise EditedPageError(page, "edited since it was generated; re-import with --force")
        else:
            result.status = "updated"
    else:
        result.status = "created"
    if not _holds(copy, prepared.data):
        folder.mkdir(parents=True, exist_ok=True)
        write_atomic(copy, prepared.data)
        for other in folder.glob("source.*"):  # replaced by a source of another form
            if other != copy:
                other.unlink()
        if result.status == "unchanged":
            result.status = "completed"  # the source copy an earlier import did not write
    if result.status in ("created", "updated"):
        write_atomic(page, prepared.page.encode("utf-8"))
    result.figures = prepared.figures
    result.notes = list(prepared.notes)
    if not prepared.meta.date:
        result.warnings.append("no publication date in the source")
    if not prepared.meta.region:
        result.warnings.append("region not recognised")
    if not prepared.meta.title:
        result.warnings.append("no title in the source: give the page one (check asks for it)")
    return result


def _holds(path: Path, data: bytes) -> bool:
    try:
        return path.stat().st_size == len(data) and path.read_bytes() == data
    except OSError:
        return False


def import_file(
    source: Path, content: Path, force: bool = False, vocabulary: Vocabulary | None = None
) -> ImportResult:
    """Convert one raw report into content/reports/<slug>/ (index.zh.md + source copy).

    ``vocabulary`` defaults to the metrics of ``content`` (metrics.yml; none if missing)."""
    if vocabulary is None:
        vocabulary = load_metrics(content / METRICS_FILE)
    return write_report(prepare_report(source, vocabulary), content, force=force)


# Below this many files a pool costs more than it saves.
POOL_MIN_FILES = 8


def _prepare_or_error(
    source: Path, vocabulary: Vocabulary | None = None
) -> PreparedReport | tuple[str, int]:
    """For the pool: a prepared report, or (one-line message, exit code) for a bad file.

    Exceptions are turned into messages here, in the worker: an error is then reported like
    any other bad input, one line naming the file, and the batch goes on.
    """
    try:
        return prepare_report(source, vocabulary)
    except SiteBuilderError as exc:
        return str(exc), exc.exit_code
    except Exception as exc:  # a converter bug must not end a batch of 2,000 with a traceback
        return f"{source}: could not be converted ({type(exc).__name__}: {exc})", 2


def prepared_reports(
    sources: list[Path], workers: int, vocabulary: Vocabulary | None = None
) -> Iterator[PreparedReport | tuple[str, int]]:
    """Prepare each source, in order; in ``workers`` processes when there are enough files."""
    prepare = partial(_prepare_or_error, vocabulary=vocabulary)
    if workers < 2 or len(sources) < POOL_MIN_FILES:
        yield from map(prepare, sources)
        return
    with ProcessPoolExecutor(max_workers=workers) as pool:
        yield from pool.map(prepare, sources, chunksize=8)


def import_command(
    sources: list[Path], content: Path, force: bool = False, workers: int | None = None
) -> int:
    """CLI: import every source, report each slug and note, end with a summary table.

    Conversion runs in a process pool over the machine's cores (at most ``workers``); pages
    are written here, in order, so slugs and edit checks are the same as one by one.
    """
    err = Console(stderr=True)
    results: list[ImportResult] = []
    written: set[str] = set()  # slugs of this run: --force never replaces one of them
    exit_code = 0
    workers = workers if workers is not None else min(os.cpu_count() or 1, 4)
    metrics_path = content / METRICS_FILE
    vocabulary, problems = read_metrics(metrics_path)  # once for the batch
    if problems:  # the entries it reports give no figure an id: say so before, not after
        first = problems[0]
        print(
            one_line(
                f"warning: {metrics_path}:{first.line}: {first.message}; figures get no metric "
                f"id from the entries check reports (E071, {len(problems)} problem(s))"
            ),
            file=sys.stderr,
        )
    started = time.perf_counter()
    with Progress(console=err, transient=True, disable=len(sources) < 2) as progress:
        task = progress.add_task("importing", total=len(sources))
        for source, prepared in zip(
            sources, prepared_reports(sources, workers, vocabulary), strict=True
        ):
            try:
                if isinstance(prepared, tuple):
                    message, code = prepared
                    raise _Failed(message, code)
                result = write_report(prepared, content, force=force, keep=written)
                written.add(result.slug)
            except (SiteBuilderError, _Failed) as exc:
                result = ImportResult(source, status="failed", error=exc.reason)
                print(f"error: {exc}", file=sys.stderr)
                exit_code = max(exit_code, exc.exit_code)
            else:
                print(f"{result.slug} ({result.status}, {result.figures} figures)")
                for note in result.notes:
                    print(f"  layout note: {note}")
                for warning in result.warnings:
                    print(one_line(f"  warning: {source}: {warning}"))
            results.append(result)
            progress.advance(task)
    if len(sources) > 1:
        elapsed = time.perf_counter() - started
        Console(highlight=False).print(_summary(results))
        processes = workers if workers > 1 and len(sources) >= POOL_MIN_FILES else 1
        print(
            f"imported {len(sources)} files in {elapsed:.1f} s"
            f" ({len(sources) / elapsed:.0f} reports/s, {processes} processes)"
        )
    return exit_code


class _Failed(Exception):
    """A file a worker could not convert: its one-line message and exit code."""

    def __init__(self, message: str, exit_code: int) -> None:
        super().__init__(message)
        self.reason = message.partition(": ")[2] or message
        self.exit_code = exit_code


def _summary(results: list[ImportResult]) -> Table:
    table = Table(title="Import summary")
    for column in ("report", "slug", "figures", "layout notes", "warnings"):
        table.add_column(column)
    for r in results:
        warnings = r.error or "; ".join(r.warnings)
        name = one_line(r.source.name)
        table.add_row(name, r.slug or "-", str(r.figures), str(len(r.notes)), one_line(warnings))
    return table
