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

import re
import sys
from collections import defaultdict
from pathlib import Path
from typing import Any

import polib

from site_builder.content.blocks import block_digest, render_block
from site_builder.content.errors import InputError, OutputError, SiteBuilderError
from site_builder.content.files import read_file_text, write_atomic
from site_builder.content.frontmatter import CONTROL_RE, read_text
from site_builder.content.glossary import load_glossary
from site_builder.content.identity import english_entries, label_digest
from site_builder.content.layout import ContentLayout
from site_builder.content.model import Block
from site_builder.content.pages import Page, read_page, read_report_pages
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
    _refuse_to_lose(output, po)
    write_atomic(output, str(po))
    print(f"{output}: {len(po)} units, {todo} to translate or review")
    return 0


def _refuse_to_lose(output: Path, po: polib.POFile) -> None:
    """InputError when writing ``po`` over ``output`` would lose something: a file that is
    not a PO file (a page, given by mistake), or a translation not imported yet."""
    if not output.is_file():
        return  # new, or a folder: write_atomic names what is wrong
    try:
        old = read_po(output)
    except InputError:
        raise InputError(output, "not a PO file: not overwritten") from None
    new = {entry.msgctxt: entry.msgstr for entry in po}
    lost = sum(1 for e in old if e.msgstr and e.msgid and new.get(e.msgctxt) != e.msgstr)
    if lost:
        raise InputError(
            output,
            f"{lost} translated unit(s) not in the content yet: import them "
            f"(site-builder import-translations {output}) or remove the file; not overwritten",
        )


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
    """Update English pages from a PO file; only units whose Chinese is unchanged are used.

    The file is checked as a whole before anything is written, and refused (exit 2, nothing
    written) when a line is not PO, a unit's msgctxt does not name a report of ``content``
    (``../victim:title:…`` or an absolute path), or its msgid is not the Chinese its
    msgctxt names (units with swapped contexts). A unit whose Chinese changed since the export
    is skipped as stale; a page none of whose units changes anything is not written.
    """
    po = read_po(input)
    reports = ContentLayout(content).reports
    known = {p.name for p in reports.iterdir() if (p / "index.zh.md").is_file()} if (
        reports.is_dir()
    ) else set()  # fmt: skip
    by_slug: dict[str, list[polib.POEntry]] = defaultdict(list)
    for entry in po:
        if not entry.obsolete:
            by_slug[_unit_slug(entry, input, known, content)].append(entry)
    for slug, entries in sorted(by_slug.items()):
        zh = read_page(reports / slug / "index.zh.md")
        for entry in entries:
            _check_msgid(entry, zh, input)
    counts = {"updated": 0, "unchanged": 0, "stale": 0, "untranslated": 0, "fuzzy": 0}
    failed = unwritable = False
    glossary: list[Any] | None = None
    for slug, entries in sorted(by_slug.items()):
        folder = reports / slug
        try:
            migrate_report(folder)  # key-figure ids, so that labels find their figure
            if not (folder / "index.en.md").exists():
                if glossary is None:
                    path = ContentLayout(content).glossary
                    glossary = load_glossary(path) if path.exists() else []
                translate_report(folder, NoneBackend(), glossary)  # aligned placeholders
            _import_report(folder, entries, counts)
        except SiteBuilderError as exc:
            print(f"error: {exc}", file=sys.stderr)
            failed = True
            unwritable |= isinstance(exc, OutputError)
    print(
        f"{input}: {counts['updated']} updated, {counts['unchanged']} unchanged, "
        f"{counts['stale']} skipped as stale, {counts['fuzzy']} fuzzy skipped, "
        f"{counts['untranslated']} untranslated"
    )
    return 2 if unwritable else 1 if failed else 0


# A PO line: a comment, a keyword with its quoted string, or a continued string.
_PO_LINE_RE = re.compile(
    r'\s*(?:#.*|(?:msgctxt|msgid|msgid_plural|msgstr(?:\[\d+\])?)\s+"(?:[^"\\]|\\.)*"'
    r'|"(?:[^"\\]|\\.)*")?\s*'
)
_CONTEXT_RE = re.compile(r"(?P<slug>[^:]+):(?P<field>title|subtitle|label[^:]*|b\d+):[0-9a-f]+")


def read_po(path: Path) -> polib.POFile:
    """A PO file, checked line by line first: polib accepts a string without its closing
    quote, and would have it written into a page. InputError naming ``path:line``."""
    text = read_file_text(path, "PO file")
    for number, line in enumerate(text.split("\n"), start=1):
        if not _PO_LINE_RE.fullmatch(line):
            raise InputError(f"{path}:{number}", f"not a PO line: {line[:60]!r}; nothing imported")
        if control := CONTROL_RE.search(line):  # a page's front matter may not hold it
            found = f"U+{ord(control.group()):04X}"
            raise InputError(f"{path}:{number}", f"control character {found}; nothing imported")
    try:
        return polib.pofile(text)
    except (OSError, ValueError) as exc:
        raise InputError(path, f"cannot read the PO file ({exc}); nothing imported") from None


def _unit_slug(entry: polib.POEntry, path: Path, known: set[str], content: Path) -> str:
    """The report a unit belongs to, by its msgctxt; InputError unless it names one."""
    where = f"{path}:{entry.linenum}"
    match = _CONTEXT_RE.fullmatch(entry.msgctxt or "")
    if match is None:
        raise InputError(
            where, f"msgctxt {entry.msgctxt!r} is not <report>:<unit>:<digest>; nothing imported"
        )
    slug = match.group("slug")
    if slug not in known:  # a folder name listed from content/reports: no path gets through
        raise InputError(where, f"no report '{slug}' in {content}; nothing imported")
    return slug


def _check_msgid(entry: polib.POEntry, zh: Page, path: Path) -> None:
    """A unit whose Chinese is current must carry that Chinese as its msgid (units with
    swapped contexts would swap two blocks' English)."""
    _, field, digest = entry.msgctxt.split(":")
    chinese: object = None
    if field in ("title", "subtitle"):
        chinese = zh.meta.get(field)
    elif field.startswith("label-"):
        labels = {str(f.get("id")): f.get("label") for f in _figures(zh.meta) if f.get("id")}
        chinese = labels.get(field[len("label-") :])
    elif field.startswith("b"):
        index = _block_index(zh, field, digest)
        chinese = zh.blocks[index].markdown if index is not None else None
    if not isinstance(chinese, str) or (not field.startswith("b") and _digest(chinese) != digest):
        return  # stale: skipped on import, and counted
    if entry.msgid != chinese:
        raise InputError(
            f"{path}:{entry.linenum}",
            f"msgid is not the Chinese of {entry.msgctxt} in {zh.path}; nothing imported",
        )


def _import_report(folder: Path, entries: list[polib.POEntry], counts: dict[str, int]) -> None:
    zh, en = read_report_pages(folder)  # pages check fails are not touched
    if en is None:
        raise SiteBuilderError(folder / "index.en.md", "no English page to import into")
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
            if english == parts[index].strip():
                markdown = parts[index]  # as exported: the editor's Markdown stays as it is
            else:  # a translator's text is text: read it as a block, escaped
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
    reports = ContentLayout(content).reports
    if not reports.is_dir():
        raise InputError(content, "no reports/ folder in the content folder")
    return sorted(p for p in reports.iterdir() if (p / "index.zh.md").is_file())
