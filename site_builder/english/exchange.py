"""Exchange with translators: export and import translation units as a PO file (polib).

One unit per Chinese block (callouts excluded), per title/subtitle and per key-figure label:

    msgctxt  "<slug>:b<n>:<digest>"   (also <slug>:title:…, <slug>:subtitle:…, and
             <slug>:label-<figure id>:… for key-figure labels, which follow their figure by id)
    msgid    the Chinese block's Markdown (or the Chinese title / label)
    msgstr   the current English, empty when untranslated; "fuzzy" when the English is stale
    #: content/reports/<slug>/index.zh.md:<line>
    #. <kind>; English at content/reports/<slug>/index.en.md:<line>

The digest is the Chinese text's digest at export time. On import a unit updates its block only
while the Chinese still has that digest; units whose Chinese changed are skipped as stale.
"""

from __future__ import annotations

import sys
from collections import defaultdict
from pathlib import Path
from typing import Any

import polib

from site_builder.content.blocks import block_digest, render_block
from site_builder.content.errors import InputError, SiteBuilderError
from site_builder.content.files import write_atomic
from site_builder.content.frontmatter import read_text
from site_builder.content.glossary import load_glossary
from site_builder.content.identity import english_entries, label_digest
from site_builder.content.model import Block
from site_builder.content.pages import Page, read_page
from site_builder.content.placeholders import is_placeholder
from site_builder.content.roundtrip import rewrite_front_matter
from site_builder.english.backends import NoneBackend
from site_builder.english.migrate import migrate_report
from site_builder.english.translate import translate_report
from site_builder.english.translator import english_block


def export_command(content: Path, output: Path) -> int:
    """Write every report's translation units to ``output`` (PO); print a one-line summary."""
    po = polib.POFile(wrapwidth=0)
    po.metadata = {
        "Project-Id-Version": "site-builder",
        "Content-Type": "text/plain; charset=UTF-8",
        "Content-Transfer-Encoding": "8bit",
        "Language": "en",
        "X-Source-Language": "zh",
    }
    for folder in _report_folders(content):
        zh = read_page(folder / "index.zh.md")
        en_path = folder / "index.en.md"
        en = read_page(en_path) if en_path.exists() else None
        po.extend(report_units(folder.name, zh, en))
    todo = sum(1 for entry in po if not entry.msgstr or entry.fuzzy)
    write_atomic(output, str(po))
    print(f"{output}: {len(po)} units, {todo} to translate or review")
    return 0


def report_units(slug: str, zh: Page, en: Page | None) -> list[polib.POEntry]:
    """The translation units of one report, in page order."""
    aligned = en is not None and _aligned(zh, en)
    digests = (en.source_digests or []) if en is not None else []
    units = []
    for key in ("title", "subtitle"):
        chinese = zh.meta.get(key)
        if isinstance(chinese, str) and chinese:
            english = en.meta.get(key) if en is not None else None
            units.append(_unit(f"{slug}:{key}:{_digest(chinese)}", chinese, english, zh, (key,)))
    figures = _figures(zh.meta)
    entries = english_entries(figures, _figures(en.meta)) if en is not None else []
    for number, figure in enumerate(figures):
        if not figure.get("id"):
            continue  # added by hand: translate gives it an id (and an entry) first
        label = str(figure.get("label") or "")
        entry = entries[number] if entries else None
        english = entry.get("label") if entry is not None else None
        context = f"{slug}:label-{figure['id']}:{_digest(label)}"
        units.append(_unit(context, label, english, zh, ("key_figures", number)))
    for number, zh_block in enumerate(zh.blocks, start=1):
        if zh_block.block.kind == "callout":
            continue
        context = f"{slug}:b{number}:{zh_block.digest}"
        entry = polib.POEntry(msgctxt=context, msgid=zh_block.markdown, msgstr="")
        entry.occurrences = [(str(zh.path), str(zh_block.line))]
        entry.comment = zh_block.block.kind
        if aligned and en is not None:
            en_block = en.blocks[number - 1]
            entry.comment += f"; English at {en.path}:{en_block.line}"
            if not is_placeholder(en_block.block.text):
                entry.msgstr = en_block.markdown
                if number - 1 >= len(digests) or digests[number - 1] != zh_block.digest:
                    entry.flags.append("fuzzy")  # the Chinese changed since: review it
        units.append(entry)
    return units


def import_command(content: Path, input: Path) -> int:
    """Update English pages from a PO file; only units whose Chinese is unchanged are used."""
    try:
        po = polib.pofile(str(input))
    except (OSError, ValueError) as exc:
        raise InputError(input, f"cannot read the PO file ({exc})") from None
    by_slug: dict[str, list[polib.POEntry]] = defaultdict(list)
    for entry in po:
        if entry.msgctxt and ":" in entry.msgctxt and not entry.obsolete:
            by_slug[entry.msgctxt.split(":", 1)[0]].append(entry)
    counts = {"updated": 0, "unchanged": 0, "stale": 0, "untranslated": 0, "fuzzy": 0}
    failed = False
    glossary: list[Any] | None = None
    for slug, entries in sorted(by_slug.items()):
        folder = content / "reports" / slug
        if not (folder / "index.zh.md").is_file():
            print(f"error: {input}: no report '{slug}' in {content}", file=sys.stderr)
            failed = True
            continue
        try:
            migrate_report(folder)  # key-figure ids, so that labels find their figure
            if not (folder / "index.en.md").exists():
                if glossary is None:
                    path = content / "glossary.yml"
                    glossary = load_glossary(path) if path.exists() else []
                translate_report(folder, NoneBackend(), glossary)  # aligned placeholders
            _import_report(folder, entries, counts)
        except SiteBuilderError as exc:
            print(f"error: {exc}", file=sys.stderr)
            failed = True
    print(
        f"{input}: {counts['updated']} updated, {counts['unchanged']} unchanged, "
        f"{counts['stale']} skipped as stale, {counts['fuzzy']} fuzzy skipped, "
        f"{counts['untranslated']} untranslated"
    )
    return 1 if failed else 0


def _import_report(folder: Path, entries: list[polib.POEntry], counts: dict[str, int]) -> None:
    zh = read_page(folder / "index.zh.md")
    en = read_page(folder / "index.en.md")
    digests = list(en.source_digests or [])
    if not _aligned(zh, en) or len(digests) != len(zh.blocks):
        raise SiteBuilderError(
            en.path, "not aligned with the Chinese page: run site-builder translate first"
        )
    parts = [block.markdown for block in en.blocks]
    meta = dict(en.meta)
    figures = [dict(f) for f in _figures(en.meta)]
    by_id = {str(f.get("id")): f for f in figures if f.get("id")}
    chinese_labels = {str(f.get("id")): f.get("label") for f in _figures(zh.meta) if f.get("id")}
    changed = False
    for entry in entries:
        if not entry.msgstr.strip():
            counts["untranslated"] += 1
            continue
        if entry.fuzzy:
            counts["fuzzy"] += 1
            continue
        _, field, digest = (entry.msgctxt.split(":") + ["", ""])[:3]
        english = entry.msgstr.strip()
        if field in ("title", "subtitle") or field.startswith("label"):
            figure_id = field[len("label-") :] if field.startswith("label-") else None
            chinese = zh.meta.get(field) if figure_id is None else chinese_labels.get(figure_id)
            target = meta if figure_id is None else by_id.get(figure_id)
            # A unit of a removed figure, or an old 'label<n>' unit, is stale too.
            if target is None or not isinstance(chinese, str) or _digest(chinese) != digest:
                counts["stale"] += 1
                continue
            key = field if figure_id is None else "label"
            if target.get(key) == english:
                counts["unchanged"] += 1
                continue
            target[key] = english
            if figure_id is not None:
                target["label_digest"] = label_digest(chinese)
        else:
            index = _block_index(zh, field, digest)
            if index is None:
                counts["stale"] += 1
                continue
            captions = sum(b.block.kind == "caption" for b in zh.blocks[: index + 1])
            markdown = render_block(english_block(english, zh.blocks[index].block), captions)
            if markdown == parts[index] and digests[index] == digest:
                counts["unchanged"] += 1
                continue
            parts[index], digests[index] = markdown, digest
        counts["updated"] += 1
        changed = True
    if not changed:
        return
    meta["key_figures"] = figures
    placeholders = any(is_placeholder(part) for part in parts) or any(
        is_placeholder(str(f.get("label"))) for f in figures
    )
    record = meta.get("translation")
    old_status = record.get("status") if isinstance(record, dict) else None
    # Text from a translator needs a review before it is "reviewed" again.
    status = "pending" if placeholders else ("machine" if old_status == "machine" else "draft")
    meta["translation"] = {**(record or {}), "status": status, "source_digests": digests}
    body = "\n" + "\n\n".join(parts) + "\n"
    write_atomic(en.path, rewrite_front_matter(read_text(en.path), meta, en.path, body=body))


def _block_index(zh: Page, field: str, digest: str) -> int | None:
    """The block a unit belongs to: its own number if the digest still matches, else any match."""
    number = int(field[1:]) if field[:1] == "b" and field[1:].isdigit() else 0
    if 0 < number <= len(zh.blocks) and zh.blocks[number - 1].digest == digest:
        return number - 1
    matches = [i for i, block in enumerate(zh.blocks) if block.digest == digest]
    return matches[0] if matches else None


def _aligned(zh: Page, en: Page) -> bool:
    return len(zh.blocks) == len(en.blocks) and all(
        a.block.kind == b.block.kind for a, b in zip(zh.blocks, en.blocks, strict=True)
    )


def _unit(context: str, chinese: str, english: Any, zh: Page, key: tuple) -> polib.POEntry:
    entry = polib.POEntry(msgctxt=context, msgid=chinese, msgstr="")
    if isinstance(english, str) and not is_placeholder(english):
        entry.msgstr = english
    entry.occurrences = [(str(zh.path), str(zh.line_of(key)))]
    entry.comment = ".".join(str(k) for k in key)
    return entry


def _figures(meta: dict[str, Any]) -> list[dict[str, Any]]:
    figures = meta.get("key_figures")
    return [f if isinstance(f, dict) else {} for f in figures] if isinstance(figures, list) else []


def _digest(text: str) -> str:
    return block_digest(Block("paragraph", text))


def _report_folders(content: Path) -> list[Path]:
    reports = content / "reports"
    if not reports.is_dir():
        raise InputError(content, "no reports/ folder in the content folder")
    return sorted(p for p in reports.iterdir() if (p / "index.zh.md").is_file())
