"""`site-builder review`: one row per report that needs an editor, drafts first.

A row says what the converter doubted (the page's ``review`` list), what `check` finds, how
the English stands, and the next step. `--publish SLUG` clears a draft once its Chinese page
has no check error: the ``draft: true`` line goes, every other byte of the page stays.
"""

from __future__ import annotations

import json
import re
import sys
from collections.abc import Mapping
from dataclasses import asdict, dataclass, field
from pathlib import Path

from site_builder.content.errors import InputError, SiteBuilderError
from site_builder.content.files import read_file_text, write_atomic
from site_builder.content.layout import ContentLayout
from site_builder.content.pages import Page, read_page
from site_builder.english.check import Problem, check_content
from site_builder.english.problems import problem
from site_builder.site.model import translation_state

_DRAFT_LINE = re.compile(
    r"^draft:[ \t]*(?:true|True|TRUE|yes|Yes|YES|on|On|ON)[ \t]*(?:#.*)?\r?\n", re.MULTILINE
)


@dataclass
class QueueRow:
    slug: str
    title: str
    draft: bool
    english: str  # missing, untranslated, machine, draft, reviewed, stale
    doubts: list[dict[str, str]] = field(default_factory=list)  # the converter's
    problems: list[str] = field(default_factory=list)  # check's, as path:line: CODE message
    errors: int = 0
    next_step: str = ""


def review_queue(content: Path) -> list[QueueRow]:
    """Every report that needs an editor: drafts, then published reports whose English is
    missing, not translated, machine-made, a draft or stale."""
    layout = ContentLayout(content)
    problems = check_content(content)  # raises InputError without a content folder
    by_folder: dict[str, list[Problem]] = {}
    for found in problems:
        by_folder.setdefault(Path(found.path).parent.name, []).append(found)
    rows = []
    for folder in sorted(p for p in layout.reports.iterdir() if p.is_dir()):
        zh_path = folder / "index.zh.md"
        if not zh_path.is_file():
            continue
        row = _row(folder.name, zh_path, folder / "index.en.md", by_folder.get(folder.name, []))
        if row.draft or row.english != "reviewed" or row.errors:
            rows.append(row)
    rows.sort(key=lambda row: (not row.draft, row.slug))
    return rows


def _row(slug: str, zh_path: Path, en_path: Path, problems: list[Problem]) -> QueueRow:
    zh = _read(zh_path)
    meta = zh.meta if zh else {}
    english = "missing"
    if en_path.is_file():
        en = _read(en_path)
        english = translation_state(en) if en else "unreadable"
    if any(p.code in ("E020", "E022") for p in problems):
        english = "stale"
    review = meta.get("review")
    doubts = [
        {"code": str(item.get("code") or ""), "message": str(item.get("message") or "")}
        for item in (review if isinstance(review, list) else [])
        if isinstance(item, Mapping)  # anything else is check's E005
    ]
    shown = [p for p in problems if p.code != "W080"]
    if english in ("missing", "untranslated"):
        # One line for the blocks still to translate, not one per block.
        pending = sum(p.code == "W060" for p in shown)
        shown = [p for p in shown if p.code not in ("W060", "W061")]
        if pending:
            shown.append(problem(en_path, 1, "W060", f"{pending} part(s) not translated yet"))
    row = QueueRow(
        slug=slug,
        title=str(meta.get("title") or ""),
        draft=meta.get("draft") is True,
        english=english,
        doubts=doubts,
        problems=[str(p) for p in shown],
        errors=sum(p.severity == "error" for p in problems),
    )
    row.next_step = _next_step(row, zh_path)
    return row


def _next_step(row: QueueRow, zh_path: Path) -> str:
    if row.draft:
        if row.errors or row.doubts or not row.title:
            return (
                f"fix the Chinese page ({zh_path}), then: site-builder review --publish {row.slug}"
            )
        return f"read the Chinese page, then: site-builder review --publish {row.slug}"
    if row.errors and row.english not in ("missing", "untranslated"):
        return "fix what check reports (site-builder check)"
    steps = {
        "missing": "translate: site-builder translate, then revise the English",
        "untranslated": "translate the blocks still marked untranslated",
        "machine": "review the machine translation and set translation.status: reviewed",
        "draft": "review the English and set translation.status: reviewed",
        "stale": "update the English of the blocks check names as stale (E020/E022)",
    }
    return steps.get(row.english, "fix what check reports (site-builder check)")


def _read(path: Path) -> Page | None:
    try:
        return read_page(path)
    except SiteBuilderError:
        return None  # check reports why


def publish(content: Path, slug: str) -> Path:
    """Clear the draft flag of ``slug``'s Chinese page; refuses while check finds an error in
    it. Returns the page's path."""
    layout = ContentLayout(content)
    if slug in ("", ".", "..") or Path(slug).name != slug:  # never a page outside reports/
        raise InputError(slug, f"not a report folder name (a folder in {layout.reports})")
    page = layout.report_page(slug, "zh")
    if not page.is_file():
        raise InputError(page, f"no report '{slug}' (no such page)")
    # A report without English is published in Chinese: E001 does not block it.
    errors = [
        p
        for p in check_content(content)
        if p.path == str(page) and p.severity == "error" and p.code != "E001"
    ]
    if errors:
        listed = "; ".join(f"line {p.line}: {p.code} {p.message}" for p in errors[:3])
        raise InputError(page, f"not published: check finds {len(errors)} error(s): {listed}")
    bom_and_text = read_file_text(page, keep_bom=True)  # every byte kept but the flag's line
    text = bom_and_text.removeprefix("\ufeff")
    end = text.find("\n---", 3)
    if not text.startswith("---") or end < 0:
        raise InputError(page, "no front matter")
    front, rest = text[: end + 1], text[end + 1 :]
    cleared, count = _DRAFT_LINE.subn("", front)
    if count == 0:
        raise InputError(page, "not a draft (no 'draft: true' line in its front matter)")
    write_atomic(page, bom_and_text[: len(bom_and_text) - len(text)] + cleared + rest)
    return page


def review_command(content: Path, as_json: bool, publish_slug: str | None, strict: bool) -> int:
    """Print the queue (or publish a draft). Exit 0; 1 under ``strict`` when rows are open."""
    if publish_slug is not None:
        page = publish(content, publish_slug)
        print(f"{page}: published (the draft flag is cleared; rebuild the site)")
        return 0
    rows = review_queue(content)
    if as_json:
        json.dump([asdict(row) for row in rows], sys.stdout, ensure_ascii=False, indent=2)
        print()
    else:
        _print_rows(rows)
    return 1 if strict and rows else 0


def _print_rows(rows: list[QueueRow]) -> None:
    if not rows:
        print("review queue: empty (every report is published with reviewed English)")
        return
    drafts = sum(row.draft for row in rows)
    print(f"review queue: {len(rows)} report(s), {drafts} draft(s)")
    for row in rows:
        state = "DRAFT" if row.draft else "published"
        title = row.title or "(no title: the converter found none)"
        print(f"\n{row.slug}  [{state}; English: {row.english}]  {title}")
        for doubt in row.doubts:
            print(f"  doubt  {doubt['code']}: {doubt['message']}")
        for found in row.problems:
            print(f"  check  {found}")
        print(f"  next   {row.next_step}")
