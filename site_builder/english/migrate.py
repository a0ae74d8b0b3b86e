"""site-builder migrate: give key figures their identity, on pages made before ids existed.

Repeatable: a page that has ids is left alone. For each report:

1. every Chinese key figure without an ``id`` gets one (content/identity.py); a page that was
   unedited since import stays unedited (its ``generated`` digest is brought up to date);
2. English entries without ids (a legacy page) are paired with the Chinese figures by position,
   exactly once, and get the figure's ``id`` and ``label_digest``. Pairing by position is only
   right while both lists still have the same length; otherwise nothing is written and the
   error says so.

``translate`` and ``import-translations`` run the same step first, so a legacy page is never
paired by position after an editor has pruned or inserted a figure.
"""

from __future__ import annotations

import copy
import sys
from pathlib import Path
from typing import Any

from site_builder.content.errors import ContentError, InputError, OutputError, SiteBuilderError
from site_builder.content.files import write_atomic
from site_builder.content.frontmatter import read_text, split_front_matter
from site_builder.content.identity import assign_ids, has_identity, label_digest
from site_builder.content.layout import ContentLayout
from site_builder.content.pages import read_report_pages
from site_builder.content.roundtrip import rewrite_front_matter
from site_builder.convert.render import page_digest


def migrate_command(content: Path) -> int:
    """Migrate every report; one line per page changed. Exit 1 if a page could not be, 2 if
    one could not be written."""
    reports = ContentLayout(content).reports
    if not reports.is_dir():
        raise InputError(content, "no reports/ folder in the content folder")
    folders = sorted(p for p in reports.iterdir() if (p / "index.zh.md").is_file())
    failed = unwritable = False
    changed = 0
    for folder in folders:
        try:
            notes = migrate_report(folder)
        except SiteBuilderError as exc:
            print(f"error: {exc}", file=sys.stderr)
            failed = True
            unwritable |= isinstance(exc, OutputError)
            continue
        changed += bool(notes)
        for note in notes:
            print(note)
    print(f"migrate: {changed} of {len(folders)} report(s) changed")
    return 2 if unwritable else 1 if failed else 0


def migrate_report(folder: Path) -> list[str]:
    """Give the figures of one report ids; returns what was done (empty: nothing to do)."""
    notes: list[str] = []
    zh_path, en_path = folder / "index.zh.md", folder / "index.en.md"
    read_report_pages(folder)  # a page check fails (E004/E005) is not touched
    text = read_text(zh_path)
    meta, body, _ = split_front_matter(text, zh_path)
    figures = _figures(meta)
    ids = assign_ids([str(f.get("text") or "") for f in figures], [f.get("id") for f in figures])
    missing = sum(1 for f in figures if not f.get("id"))
    if missing:
        new = copy.deepcopy(meta)
        new["key_figures"] = [
            {"id": key, **{k: v for k, v in f.items() if k != "id"}}
            for f, key in zip(figures, ids, strict=True)
        ]
        generated = meta.get("generated")
        if isinstance(generated, dict) and generated.get("digest") == page_digest(meta, body):
            new["generated"] = {**generated, "digest": page_digest(new, body)}
        write_atomic(zh_path, rewrite_front_matter(text, new, zh_path))
        notes.append(f"{zh_path}: {missing} key figure(s) given an id")
    if not en_path.exists():
        return notes
    en_text = read_text(en_path)
    en_meta, _, _ = split_front_matter(en_text, en_path)
    entries = en_meta.get("key_figures")
    if not isinstance(entries, list) or not entries or has_identity(entries):
        return notes
    if len(entries) != len(figures):
        raise ContentError(
            en_path,
            f"{len(entries)} English key figures without ids for {len(figures)} Chinese ones: "
            "they cannot be paired by position; give each English entry the id of its Chinese "
            "figure by hand (or restore the Chinese list), then run this again",
        )
    new_en = copy.deepcopy(en_meta)
    new_en["key_figures"] = [
        {"id": key, **_without_id(entry), "label_digest": label_digest(figure.get("label"))}
        for entry, figure, key in zip(entries, figures, ids, strict=True)
    ]
    write_atomic(en_path, rewrite_front_matter(en_text, new_en, en_path))
    notes.append(f"{en_path}: {len(entries)} key figure(s) paired by position and given ids")
    return notes


def _figures(meta: dict[str, Any]) -> list[dict[str, Any]]:
    figures = meta.get("key_figures")
    return [f if isinstance(f, dict) else {} for f in figures] if isinstance(figures, list) else []


def _without_id(entry: Any) -> dict[str, Any]:
    return {k: v for k, v in entry.items() if k != "id"} if isinstance(entry, dict) else {}
