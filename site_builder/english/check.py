"""site-builder check: validate content/ and report ``path:line: CODE message``.

Problem codes (E = error, W = warning; ``--strict`` fails on warnings too):

    E001 missing English page            E002 English page without a Chinese page
    E003 unreadable page                 E004 broken front matter (fence, YAML, not a mapping)
    E005 front-matter schema error
    E006 English key figures do not match the Chinese ones (a figure without English entry,
         an entry whose figure is gone or that has no id; on a legacy page: the counts)
    E007 key-figure id used twice        W007 Chinese key figure without id (added by hand)
    E008 the source file the page names (``source:``) is missing beside it, or not a file
         name (an import cut short: importing the same file again completes it)
    E010 block kinds do not match        E011 block counts do not match
    E020 stale block (Chinese changed)   E021 source_digests do not fit the Chinese blocks
    E022 stale key figure: its Chinese label changed since the English label was written
    E030 key figure missing, or another value or scale, in the aligned English block
    E031 key figure text not in the Chinese body
    E032 English key-figure text missing the figure's value, or another value or scale
    E033 another unit (yuan, %, mu, m², people, households …) than the Chinese figure's
    E034 another direction (up/down) than the Chinese figure's
    E035 another qualifier (more than, nearly, about, up to, none) than the Chinese figure's
    E036 a forecast (estimate: true, 预计) said in English as a result (no "expected" …)
    E040 Chinese characters left in English prose
    E070 glossary schema error or broken YAML
    E071 metrics.yml schema error        E072 key figure's metric not in metrics.yml
    W005 unknown front-matter key        W050 glossary term rendered inconsistently
    W060 placeholder for untranslated text
    W061 translation status pending or machine
    W080 a draft: not published yet; says what blocks publishing it (site-builder review)

Decisions worth knowing:
- A key figure has no block index: its block is the first one at or after the previous
  figure's block whose text contains the figure's ``text``; the aligned English block, and the
  figure's English ``text``, must say the same by ``english.figure_check``: value and scale,
  unit, direction and qualifier (470 million yuan, RMB 470 million, 470,000,000 yuan).
  E033–E035 are raised in the body and in key-figure texts alike; the line says which.
- English key figures follow their Chinese figure by ``id`` (content/identity.py); a legacy
  page without ids is paired by position until ``site-builder migrate``.
- Deliberate glosses are not leaks: ``<span lang="zh">…</span>`` or a short parenthesis.
- W050 applies to places, organisations, policy terms and slogans (not to metrics and titles,
  which running text phrases freely); a place may also be referred back to ("the subdistrict").
- Placeholder blocks are reported once (W060), not as leaks or missing figures.
- A stale block's message gives the new digest, so an editor who has updated the English by
  hand can mark it current in ``translation.source_digests``.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

from site_builder.content.errors import InputError, SiteBuilderError
from site_builder.content.glossary import GlossaryEntry, read_glossary
from site_builder.content.layout import ContentLayout
from site_builder.content.metrics import metric_problems
from site_builder.content.pages import Page, figure_blocks, read_page
from site_builder.content.schema import EN_PAGE, ZH_PAGE, Schema, validate
from site_builder.english.check_alignment import check_alignment, check_stale
from site_builder.english.check_figures import (
    check_en_front_matter,
    check_figures,
    check_zh_figures,
)
from site_builder.english.check_prose import check_glossary, check_placeholders_and_leaks
from site_builder.english.problems import Problem, key_figures, problem

__all__ = ["Problem", "check_command", "check_content", "check_report", "read_page"]


def check_command(content: Path, strict: bool) -> int:
    """Print every problem as ``path:line: CODE message``, a summary on stderr.

    Returns 0 when clean, 1 on errors (or on warnings under ``strict``).
    """
    problems = check_content(content)
    for found in problems:
        print(found)
    errors = sum(p.severity == "error" for p in problems)
    warnings = len(problems) - errors
    failed = errors > 0 or (strict and warnings > 0)
    verdict = "failed" if failed else "ok"
    print(f"check {verdict}: {errors} error(s), {warnings} warning(s)", file=sys.stderr)
    return 1 if failed else 0


def check_content(content: Path) -> list[Problem]:
    """Every problem in a content folder, sorted by path and line. Never raises on bad pages."""
    if not content.is_dir():
        raise InputError(content, "content folder not found")
    problems: list[Problem] = []
    glossary: list[GlossaryEntry] = []
    glossary_path = ContentLayout(content).glossary
    if glossary_path.exists():
        try:
            glossary, found = read_glossary(glossary_path)
        except SiteBuilderError as exc:
            found = []
            problems.append(problem(glossary_path, 1, "E070", exc.reason))
        for item in found:
            problems.append(problem(glossary_path, item.line, "E070", item.message))
    for path, line, code, message in metric_problems(content):  # metrics.yml and metric ids
        problems.append(problem(path, line, code, message))
    reports = ContentLayout(content).reports
    folders = sorted(p for p in reports.iterdir() if p.is_dir()) if reports.is_dir() else []
    for folder in folders:
        problems.extend(check_report(folder, glossary))
    return sorted(problems, key=lambda p: (p.path, p.line, p.code))


def check_report(folder: Path, glossary: list[GlossaryEntry]) -> list[Problem]:
    """The problems of one report folder (index.zh.md + index.en.md)."""
    zh_path, en_path = folder / "index.zh.md", folder / "index.en.md"
    if not zh_path.exists():
        if en_path.exists():
            return [problem(en_path, 1, "E002", "English page without a Chinese page")]
        return []
    problems: list[Problem] = []
    zh = _load(zh_path, ZH_PAGE, problems)
    if zh is not None:
        problems += _check_source(zh)
    if zh is not None and zh.meta.get("draft") is True:
        blocking = sum(p.severity == "error" for p in problems)
        doubts = len(zh.meta.get("review") or [])
        message = (
            f"draft, not published: {blocking} error(s) here block publishing, "
            f"{doubts} doubt(s) of the converter to look at (site-builder review)"
        )
        problems.append(problem(zh_path, zh.line_of(("draft",)), "W080", message))
    if not en_path.exists():
        problems.append(
            problem(zh_path, 1, "E001", "no English page (index.en.md): run site-builder translate")
        )
        return problems
    en = _load(en_path, EN_PAGE, problems)
    if zh is None or en is None:
        return problems
    spots = figure_blocks([b.block for b in zh.blocks], key_figures(zh))
    problems += check_zh_figures(zh, spots)
    problems += check_en_front_matter(zh, en)
    aligned = check_alignment(zh, en, problems)
    problems += check_placeholders_and_leaks(en)
    if aligned:
        problems += check_stale(zh, en)
        problems += check_figures(zh, en, spots)
        problems += check_glossary(zh, en, glossary)
    return problems


def _check_source(zh: Page) -> list[Problem]:
    """E008: the page's ``source`` names a regular file beside it."""
    name = zh.meta.get("source")
    if not isinstance(name, str) or not name.strip():
        return []
    line = zh.line_of(("source",))
    if Path(name).name != name or name in (".", ".."):
        return [
            problem(zh.path, line, "E008", f"source '{name}' must be a file name beside the page")
        ]
    if not (zh.path.parent / name).is_file():
        message = f"source file '{name}' is missing beside the page: import it again"
        return [problem(zh.path, line, "E008", message)]
    return []


def _load(path: Path, page_schema: Schema, problems: list[Problem]) -> Page | None:
    try:
        page = read_page(path)
    except InputError as exc:
        problems.append(problem(path, 1, "E003", f"unreadable page: {exc.reason}"))
        return None
    except SiteBuilderError as exc:
        line = re.match(r"line (\d+): ", exc.reason)  # frontmatter puts YAML's line first
        reason = exc.reason[line.end() :] if line else exc.reason
        problems.append(problem(path, int(line.group(1)) if line else 1, "E004", reason))
        return None
    for issue in validate(page.meta, page_schema):
        code = "W005" if issue.warning else "E005"
        problems.append(problem(path, page.line_of(issue.key), code, issue.message))
    return page
