"""Import raw reports: the pipeline decode -> parse -> figures -> render, and the disk side.

Writes are atomic (temp file + rename). A page edited since it was generated is never
overwritten without --force: the page carries a digest of what was generated.
"""

from __future__ import annotations

import os
import re
import sys
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

import yaml
from rich.console import Console
from rich.progress import Progress
from rich.table import Table

from site_builder.content.errors import EditedPageError, InputError, SiteBuilderError
from site_builder.content.frontmatter import split_front_matter
from site_builder.content.metrics import METRICS_FILE, Vocabulary, load_metrics
from site_builder.content.model import Article
from site_builder.convert.decode import decode_bytes, text_lines
from site_builder.convert.figures import find_key_figures
from site_builder.convert.html_source import looks_like_html, parse_html
from site_builder.convert.metrics import describe_figures
from site_builder.convert.parse import parse_lines
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
    status: str = ""  # created, updated, unchanged, failed
    error: str = ""


def convert(
    data: bytes, path: object = "<input>", vocabulary: Vocabulary | None = None
) -> tuple[Article, str]:
    """Bytes of a raw report -> (Article with key figures, source extension).

    With a metric ``vocabulary`` (content/metrics.yml), figures that measure one of its
    indicators get its id as ``metric``."""
    text = decode_bytes(data, path)
    if looks_like_html(text):
        meta, lines = parse_html(text, path)
        article = parse_lines(lines, meta, header=not meta.title)
        extension = ".html"
    else:
        article = parse_lines(text_lines(text))
        extension = ".txt"
    if not any(block.kind == "paragraph" for block in article.blocks):
        raise InputError(path, "no article text found")
    article.key_figures = find_key_figures(article)
    describe_figures(article, vocabulary)
    return article, extension


def write_atomic(path: Path, data: bytes) -> None:
    """Write via a temp file in the same folder and rename, so a crash leaves no half page."""
    handle, temp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(data)
        os.replace(temp, path)
    except BaseException:
        Path(temp).unlink(missing_ok=True)
        raise


def was_edited(page: Path) -> bool:
    """True if the page differs from what the converter generated (or lost its record)."""
    front, body, _ = split_front_matter(page.read_text(encoding="utf-8"), page)
    generated = front.get("generated")
    if not isinstance(generated, dict) or "digest" not in generated:
        return True
    return bool(generated["digest"] != page_digest(front, body))


_GENERATED_RE = re.compile(r"^generated: (\{.*\})$", re.M)


def _existing_source_file(folder: Path) -> str | None:
    """The source file name a report folder was imported from, if any."""
    page = folder / "index.zh.md"
    try:
        text = page.read_text(encoding="utf-8")
        # The record is one line we wrote ourselves; read just it when it is still there.
        match = _GENERATED_RE.search(text)
        front = yaml.safe_load(match.group(0)) if match else split_front_matter(text, page)[0]
    except (OSError, UnicodeDecodeError, yaml.YAMLError, SiteBuilderError):
        return None
    generated = front.get("generated") if isinstance(front, dict) else None
    return generated.get("source_file") if isinstance(generated, dict) else None


def choose_slug(article: Article, source: Path, reports: Path) -> str:
    """The report's slug; a different report with the same date and region gets -2, -3 …"""
    meta = article.meta
    base = make_slug(meta.date, meta.period, meta.region, meta.title)
    candidate, number = base, 2
    while (reports / candidate).is_dir():
        if _existing_source_file(reports / candidate) == source.name:
            return candidate  # the same source imported before: update it
        candidate, number = f"{base}-{number}", number + 1
    return candidate


def import_file(
    source: Path, content: Path, force: bool = False, vocabulary: Vocabulary | None = None
) -> ImportResult:
    """Convert one raw report into content/reports/<slug>/ (index.zh.md + source copy).

    ``vocabulary`` defaults to the metrics of ``content`` (metrics.yml; none if missing)."""
    result = ImportResult(source)
    try:
        data = source.read_bytes()
    except FileNotFoundError:
        raise InputError(source, "file not found") from None
    except IsADirectoryError:
        raise InputError(source, "is a directory, not a report file") from None
    except OSError as exc:
        raise InputError(source, exc.strerror or "unreadable") from None
    if vocabulary is None:
        vocabulary = load_metrics(content / METRICS_FILE)
    article, extension = convert(data, source, vocabulary)
    reports = content / "reports"
    result.slug = choose_slug(article, source, reports)
    folder = reports / result.slug
    page = folder / "index.zh.md"
    text = render_zh_page(article, f"source{extension}", source.name)
    if page.exists():
        if page.read_text(encoding="utf-8") == text:
            result.status = "unchanged"
        elif not force and was_edited(page):
            raise EditedPageError(page, "edited since it was generated; re-import with --force")
        else:
            result.status = "updated"
    else:
        result.status = "created"
    if result.status != "unchanged":
        folder.mkdir(parents=True, exist_ok=True)
        write_atomic(page, text.encode("utf-8"))
        write_atomic(folder / f"source{extension}", data)
    result.figures = len(article.key_figures)
    result.notes = list(article.layout_notes)
    if not article.meta.date:
        result.warnings.append("no publication date in the source")
    if not article.meta.region:
        result.warnings.append("region not recognised")
    return result


def import_command(sources: list[Path], content: Path, force: bool = False) -> int:
    """CLI: import every source, report each slug and note, end with a summary table."""
    err = Console(stderr=True)
    results: list[ImportResult] = []
    exit_code = 0
    vocabulary = load_metrics(content / METRICS_FILE)  # once for the batch
    with Progress(console=err, transient=True, disable=len(sources) < 2) as progress:
        task = progress.add_task("importing", total=len(sources))
        for source in sources:
            try:
                result = import_file(source, content, force=force, vocabulary=vocabulary)
            except SiteBuilderError as exc:
                result = ImportResult(source, status="failed", error=exc.reason)
                print(f"error: {exc}", file=sys.stderr)
                exit_code = max(exit_code, exc.exit_code)
            else:
                print(f"{result.slug} ({result.status}, {result.figures} figures)")
                for note in result.notes:
                    print(f"  layout note: {note}")
                for warning in result.warnings:
                    print(f"  warning: {source}: {warning}")
            results.append(result)
            progress.advance(task)
    if len(sources) > 1:
        Console(highlight=False).print(_summary(results))
    return exit_code


def _summary(results: list[ImportResult]) -> Table:
    table = Table(title="Import summary")
    for column in ("report", "slug", "figures", "layout notes", "warnings"):
        table.add_column(column)
    for r in results:
        warnings = r.error or "; ".join(r.warnings)
        table.add_row(r.source.name, r.slug or "-", str(r.figures), str(len(r.notes)), warnings)
    return table
