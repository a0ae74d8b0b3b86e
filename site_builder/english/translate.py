"""site-builder translate: create and update index.en.md, block by block.

For every report folder: read the Chinese page and the English page (if any), align them
through ``translation.source_digests``, keep every English block that is still current
(exactly as an editor wrote it), and fill only the missing and stale ones: rules and the
glossary first, then the backend. A backend reply is used only if it passes the checks of
``accept_reply`` (same kind of block, every figure saying what the Chinese says, no Chinese
left); otherwise it is retried and finally left pending. Pages are written atomically, and only
when they change; an existing page is rewritten in place (content/roundtrip.py), so comments and
the editor's YAML style stay.

Key figures follow their Chinese figure by id (content/identity.py; a legacy page is migrated
first, english/migrate.py): an entry is removed with its figure, added after the entry of the
figure before it, and otherwise kept where the editor has it. Its label is filled when it is
missing (glossary or backend); a label someone wrote is never replaced: when its Chinese label
changed it stays, stale, for check to report; its text is written by rule when it does not say
what the figure says.

Status of the page (``translation.status``): ``pending`` while any placeholder or stale
block remains, else ``machine`` when the backend filled something, else unchanged.
"""

from __future__ import annotations

import sys
from pathlib import Path

from site_builder.content.errors import InputError, OutputError, SiteBuilderError
from site_builder.content.files import write_atomic
from site_builder.content.frontmatter import dump_front_matter, read_text
from site_builder.content.glossary import GlossaryEntry, load_glossary
from site_builder.content.layout import ContentLayout
from site_builder.content.pages import read_report_pages
from site_builder.content.roundtrip import rewrite_front_matter
from site_builder.english.align import align
from site_builder.english.backends import Backend, NoneBackend, make_backend
from site_builder.english.front_matter import english_front_matter
from site_builder.english.migrate import migrate_report
from site_builder.english.translator import BackendUnavailable, Outcome, Translator


def translate_command(content: Path, backend: str | None) -> int:
    """Fill missing and stale English blocks in every report; print one line per page.

    Returns 0 when done, 1 when something was left undone that the backend should have
    filled (rejected replies, server down) or a page could not be updated, 2 on bad usage or
    a page that could not be written (a read-only folder, a full disk).
    """
    if not content.is_dir():
        raise InputError(content, "content folder not found")
    engine = make_backend(backend, content)
    glossary_path = ContentLayout(content).glossary
    glossary = load_glossary(glossary_path) if glossary_path.exists() else []
    reports = ContentLayout(content).reports
    folders = (
        sorted(p for p in reports.iterdir() if (p / "index.zh.md").is_file())
        if reports.is_dir()
        else []
    )
    failed = unwritable = False
    for folder in folders:
        try:
            try:
                outcome = translate_report(folder, engine, glossary)
            except BackendUnavailable as down:
                # One clear line, then carry on without the server: nothing is overwritten.
                print(f"error: {down.error}; continuing without it", file=sys.stderr)
                engine, failed = NoneBackend(), True
                outcome = translate_report(folder, engine, glossary)
        except SiteBuilderError as exc:
            print(f"error: {exc}", file=sys.stderr)
            failed = True
            unwritable |= isinstance(exc, OutputError)
            continue
        for note in outcome.notes:
            print(note)
        action = "created" if outcome.created else ("updated" if outcome.written else "unchanged")
        print(f"{outcome.path}: {action}, {outcome.filled} filled, {outcome.pending} pending")
        failed |= outcome.pending > 0 and engine.status != "pending"
    return 2 if unwritable else 1 if failed else 0


def translate_report(folder: Path, backend: Backend, glossary: list[GlossaryEntry]) -> Outcome:
    """Create or update ``folder/index.en.md``; raises SiteBuilderError for unusable pages."""
    en_path = folder / "index.en.md"
    # Refuse a page check fails (a text for the key figures would delete every English
    # entry) or a misaligned page, before anything is written.
    zh, en = read_report_pages(folder)
    if en is not None:
        align(zh, en)
    migrated = migrate_report(folder)  # key-figure ids first, so entries pair by id
    zh, en = read_report_pages(folder)
    outcome = Outcome(en_path, created=en is None, notes=migrated)
    translator = Translator(backend, glossary, zh, outcome)
    digests: list[str] = []
    parts: list[str] = []
    captions = 0
    pairs = align(zh, en)
    for index, pair in enumerate(pairs):
        captions += pair.zh.block.kind == "caption"
        english = None
        if pair.zh.block.kind == "callout":
            english = pair.zh.markdown  # rendered from front matter: nothing to translate
        elif pair.en is not None and pair.current:
            english = pair.en.markdown  # current: keep the editor's text byte for byte
        else:
            english = translator.block(index, captions, stale=pair.en is not None)
        if english is None and pair.en is not None:
            parts.append(pair.en.markdown)  # stays stale, so check keeps reporting it
            digests.append(pair.en_digest)
        else:
            parts.append(english or "")
            digests.append(pair.zh.digest)
    paired = {id(pair.en) for pair in pairs}
    for gone in (b for b in (en.blocks if en else []) if id(b) not in paired):
        # Its Chinese block was deleted or changed kind: say what goes (git keeps it).
        outcome.notes.append(
            f"{en_path}: removed the English of a {gone.block.kind} whose Chinese block is "
            f"gone: {gone.markdown[:80]!r}"
        )
    meta = english_front_matter(translator, en.meta if en else {}, digests)
    # Nothing changed in substance: leave the file as it is, whatever its YAML style.
    if en is not None and meta == en.meta and parts == [block.markdown for block in en.blocks]:
        return outcome
    body = "\n\n".join(parts) + "\n"
    if en is None:
        write_atomic(en_path, dump_front_matter(meta) + "\n" + body)
    else:  # an editor's page: change what changed, keep comments and style
        page = rewrite_front_matter(read_text(en_path), meta, en_path, body="\n" + body)
        write_atomic(en_path, page)
    outcome.written = True
    return outcome
