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

import re
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from site_builder.content.blocks import CREDIT_MARK, LEAD_RE, PageBlock, render_block, unescape
from site_builder.content.errors import SiteBuilderError
from site_builder.content.files import write_atomic
from site_builder.content.frontmatter import dump_front_matter, read_text
from site_builder.content.glossary import GlossaryEntry, find_terms, load_glossary
from site_builder.content.identity import label_digest
from site_builder.content.model import Block
from site_builder.content.pages import Page, figure_blocks, read_page
from site_builder.content.roundtrip import rewrite_front_matter
from site_builder.english.backends import (
    Backend,
    BackendError,
    NoneBackend,
    ReplyError,
    TranslationContext,
    make_backend,
)
from site_builder.english.figure_check import check_text, match_figures
from site_builder.english.migrate import migrate_report
from site_builder.english.rules import (
    PLACEHOLDER,
    chinese_leak,
    english_figure,
    is_placeholder,
    person_name,
    placeholder,
)

ATTEMPTS = 3  # replies tried per block before it is left pending
STATUS_RANK = {"pending": 0, "machine": 1, "draft": 2, "reviewed": 3}


@dataclass
class Outcome:
    """What happened to one report's English page."""

    path: Path
    created: bool = False
    written: bool = False
    filled: int = 0  # blocks and fields filled by rules or the backend
    pending: int = 0  # left as placeholders (or stale) for a translator
    notes: list[str] = field(default_factory=list)


def translate_command(content: Path, backend: str | None) -> int:
    """Fill missing and stale English blocks in every report; print one line per page.

    Returns 0 when done, 1 when something was left undone that the backend should have
    filled (rejected replies, server down) or a page could not be updated, 2 on bad usage.
    """
    engine = make_backend(backend, content)
    glossary_path = content / "glossary.yml"
    glossary = load_glossary(glossary_path) if glossary_path.exists() else []
    reports = content / "reports"
    folders = (
        sorted(p for p in reports.iterdir() if (p / "index.zh.md").is_file())
        if reports.is_dir()
        else []
    )
    failed = False
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
            continue
        for note in outcome.notes:
            print(note)
        action = "created" if outcome.created else ("updated" if outcome.written else "unchanged")
        print(f"{outcome.path}: {action}, {outcome.filled} filled, {outcome.pending} pending")
        failed |= outcome.pending > 0 and engine.status != "pending"
    return 1 if failed else 0


class BackendUnavailable(Exception):
    """Raised out of a report when the server is down, to redo it without the server."""

    def __init__(self, error: BackendError) -> None:
        super().__init__(str(error))
        self.error = error


def translate_report(folder: Path, backend: Backend, glossary: list[GlossaryEntry]) -> Outcome:
    """Create or update ``folder/index.en.md``; raises SiteBuilderError for unusable pages."""
    en_path = folder / "index.en.md"
    if en_path.exists():  # refuse a misaligned page before anything is written
        align(read_page(folder / "index.zh.md"), read_page(en_path))
    migrated = migrate_report(folder)  # key-figure ids first, so entries pair by id
    zh = read_page(folder / "index.zh.md")
    en = read_page(en_path) if en_path.exists() else None
    outcome = Outcome(en_path, created=en is None, notes=migrated)
    translator = _Translator(backend, glossary, zh, outcome)
    digests: list[str] = []
    parts: list[str] = []
    captions = 0
    for index, pair in enumerate(align(zh, en)):
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
    meta = translator.front_matter(en.meta if en else {}, digests)
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


@dataclass
class Pair:
    """A Chinese block and the English block that translates it (if any)."""

    zh: PageBlock
    en: PageBlock | None = None
    en_digest: str = ""  # the Chinese digest the English was translated from
    current: bool = False  # en_digest equals the Chinese block's digest


def align(zh: Page, en: Page | None) -> list[Pair]:
    """Pair each Chinese block with its English block, through translation.source_digests.

    Current blocks are found by digest, also when blocks moved; a Chinese block whose digest
    is unknown pairs with the unused English block right after its predecessor's (stale).
    English blocks left unpaired belonged to Chinese blocks that were deleted.
    """
    pairs = [Pair(block) for block in zh.blocks]
    if en is None:
        return pairs
    digests = en.source_digests or []
    if len(digests) != len(en.blocks):
        raise SiteBuilderError(
            en.path,
            f"{len(en.blocks)} English blocks but {len(digests)} translation.source_digests: "
            "align them by hand (site-builder check shows the first mismatch)",
        )
    used: dict[int, int] = {}  # English index -> Chinese index
    for i, pair in enumerate(pairs):
        same_place = [i] if i < len(digests) else []
        for j in same_place + list(range(len(digests))):
            if j not in used and digests[j] == pair.zh.digest and _same_kind(pair.zh, en.blocks[j]):
                pairs[i] = Pair(pair.zh, en.blocks[j], digests[j], current=True)
                used[j] = i
                break
    previous = -1
    for i, pair in enumerate(pairs):
        if pair.current:
            previous = next(j for j, k in used.items() if k == i)
            continue
        j = previous + 1
        if j < len(en.blocks) and j not in used and _same_kind(pair.zh, en.blocks[j]):
            pairs[i] = Pair(pair.zh, en.blocks[j], digests[j], current=False)
            used[j] = i
            previous = j
    return pairs


def _same_kind(zh: PageBlock, en: PageBlock) -> bool:
    return zh.block.kind == en.block.kind


class _Translator:
    """Fills blocks and front-matter fields of one report, counting what it did."""

    def __init__(
        self, backend: Backend, glossary: list[GlossaryEntry], zh: Page, outcome: Outcome
    ) -> None:
        self.backend, self.glossary, self.zh, self.outcome = backend, glossary, zh, outcome
        self.figures = _figures(zh.meta)
        spots = figure_blocks([b.block for b in zh.blocks], self.figures)
        self.block_figures: dict[int, list[dict[str, Any]]] = {}
        for figure, blocks in zip(self.figures, spots, strict=True):
            if blocks:
                self.block_figures.setdefault(blocks[0], []).append(figure)
        self.machine = False  # the backend filled something

    def block(self, index: int, caption_number: int, stale: bool) -> str | None:
        """English Markdown for Chinese block ``index``; None keeps a stale block as it is."""
        page_block = self.zh.blocks[index]
        zh_block = page_block.block
        ruled = rule_translation(zh_block, self.glossary)
        if ruled is not None:
            self.outcome.filled += 1
            return render_block(ruled, caption_number)
        blocks = self.zh.blocks
        figures = self.block_figures.get(index, [])
        context = TranslationContext(
            kind=zh_block.kind,
            before=blocks[index - 1].markdown if index > 0 else "",
            after=blocks[index + 1].markdown if index + 1 < len(blocks) else "",
            terms=find_terms(zh_block.text + zh_block.sub, self.glossary),
            figures=[(str(f.get("text")), english_figure(f)) for f in figures],
        )
        english = None
        if self.backend.status == "pending":
            if not stale:  # a placeholder never replaces an editor's English
                reply = self.backend.translate(page_block.markdown, context)
                english = english_block(reply, zh_block)
        else:
            english = self._ask(page_block.markdown, context, zh_block, figures)
            if english is None and not stale:
                english = english_block(placeholder(page_block.markdown), zh_block)
        if english is None or is_placeholder(english.text):
            self.outcome.pending += 1
            return render_block(english, caption_number) if english else None
        self.outcome.filled += 1
        self.machine = True
        if stale:
            self.outcome.notes.append(
                f"{self.outcome.path}: replaced stale {zh_block.kind} "
                f"(Chinese changed at {self.zh.path.name}:{page_block.line})"
            )
        return render_block(english, caption_number)

    def _ask(
        self,
        chinese: str,
        context: TranslationContext,
        zh_block: Block,
        figures: list[dict[str, Any]],
    ) -> Block | None:
        """The backend's reply as a block, if one of ATTEMPTS replies passes accept_reply."""
        for _ in range(ATTEMPTS):
            try:
                reply = self.backend.translate(chinese, context)
            except ReplyError as exc:
                context.feedback = str(exc)
                continue
            except BackendError as exc:
                raise BackendUnavailable(exc) from None
            english = english_block(reply, zh_block)
            reason = accept_reply(english, zh_block, figures)
            if reason is None:
                return english
            context.feedback = reason
        return None

    def text(self, chinese: str, kind: str, fallback: bool = True) -> Any:
        """A title, subtitle or label: glossary first, then the backend, else a placeholder
        (or None without ``fallback``)."""
        for entry in self.glossary:
            if entry.zh == chinese:
                self.outcome.filled += 1
                return entry.en
        if self.backend.status != "pending":
            context = TranslationContext(kind=kind, terms=find_terms(chinese, self.glossary))
            english = self._ask(chinese, context, Block("paragraph", chinese), [])
            if english is not None:
                self.machine = True
                self.outcome.filled += 1
                return english.text
        self.outcome.pending += 1
        return placeholder(chinese) if fallback else None

    def front_matter(self, old: dict[str, Any], digests: list[str]) -> dict[str, Any]:
        """The English front matter: old values kept where still valid, the rest filled."""
        meta = dict(old)
        for key in ("title", "subtitle"):
            current, chinese = old.get(key), self.zh.meta.get(key)
            if not chinese:
                meta[key] = current if key == "title" else None
            elif not isinstance(current, str) or not current.strip() or is_placeholder(current):
                meta[key] = self.text(str(chinese), key)
        meta["key_figures"] = self._figures(old.get("key_figures"))
        meta["translation"] = {"status": self._status(old), "source_digests": digests}
        order = ("title", "subtitle", "key_figures", "translation")
        return {k: meta.get(k) for k in order} | {k: v for k, v in meta.items() if k not in order}

    def _figures(self, old: Any) -> list[dict[str, Any]]:
        """English entries by id: kept where the editor has them, refilled where needed."""
        entries = [e for e in old if isinstance(e, dict)] if isinstance(old, list) else []
        by_id = {str(e["id"]): e for e in entries if e.get("id")}
        filled = {str(f["id"]): self._entry(f, by_id.get(str(f["id"]))) for f in self.figures}
        out: list[dict[str, Any]] = []
        for entry in entries:
            key = str(entry.get("id") or "")
            if key in filled:
                out.append(filled.pop(key))
            elif not key:
                out.append(entry)  # hand-made, without id: kept for the editor (check: E006)
            else:
                self.outcome.notes.append(
                    f"{self.outcome.path}: removed key figure {key} ({entry.get('label')}): "
                    "its Chinese figure is gone"
                )
        for position, figure in enumerate(self.figures):
            key = str(figure["id"])
            if key not in filled:
                continue
            before = {str(f["id"]) for f in self.figures[:position]}
            at = max((i + 1 for i, e in enumerate(out) if str(e.get("id")) in before), default=0)
            out.insert(at, filled.pop(key))
        return out

    def _entry(self, figure: dict[str, Any], old: dict[str, Any] | None) -> dict[str, Any]:
        """One English entry: label (refilled if missing or stale), text (by rule if wrong)."""
        entry = dict(old or {})
        chinese = str(figure.get("label") or "")
        digest = label_digest(chinese)
        label, text = entry.get("label"), entry.get("text")
        recorded = entry.get("label_digest", digest)
        if not isinstance(label, str) or not label.strip() or is_placeholder(label):
            label, recorded = self.text(chinese, "label"), digest
        elif recorded != digest:
            # Relabelled in Chinese: the English label someone wrote stays, reported stale
            # (E022) until they revise it; a rule or glossary label is never put over it.
            self.outcome.pending += 1  # stale, so the page is pending until it is revised
            self.outcome.notes.append(
                f"{self.outcome.path}: key figure {figure['id']}: the Chinese label is now "
                f"'{chinese}'; the English label '{label}' is kept and reported stale"
            )
        if not isinstance(text, str) or check_text(figure, text) is not None:
            if isinstance(text, str) and text.strip() and not is_placeholder(text):
                self.outcome.notes.append(
                    f"{self.outcome.path}: key figure {figure['id']} text '{text}' replaced by "
                    f"rule: {english_figure(figure)} (it no longer said {figure.get('text')})"
                )
            text = english_figure(figure)
        extra = {k: v for k, v in entry.items() if k not in ("id", "label", "text", "label_digest")}
        return (
            {"id": figure["id"], "label": label, "text": text} | extra | {"label_digest": recorded}
        )

    def _status(self, old: dict[str, Any]) -> str:
        record = old.get("translation")
        status = record.get("status") if isinstance(record, dict) else None
        if self.outcome.pending:
            return "pending"
        if status not in STATUS_RANK or status == "pending":
            return "machine" if self.machine else "draft"
        if self.machine and STATUS_RANK[str(status)] > STATUS_RANK["machine"]:
            return "machine"
        return str(status)


def english_block(reply: str, zh_block: Block) -> Block:
    """Read a reply (English Markdown, escaped or not) as a block of the Chinese block's kind."""
    text = reply.strip()
    marker = ""
    if text.startswith(PLACEHOLDER):
        marker, text = PLACEHOLDER + " ", text[len(PLACEHOLDER) :].strip()
    if zh_block.kind == "heading":
        body = re.sub(r"^#+\s*", "", text)
        main, *sub = re.split(r"\s+[—–]\s+", body, maxsplit=1)
        if zh_block.sub and sub:
            return Block("heading", marker + unescape(main.strip()), sub=unescape(sub[0].strip()))
        return Block("heading", marker + unescape(body.strip()))
    if zh_block.kind == "caption":
        caption = re.fullmatch(r"!\[(.*)\]\([^)]*\)", text, re.DOTALL)
        return Block("caption", marker + unescape(caption.group(1) if caption else text))
    if zh_block.kind == "credit":
        return Block("credit", marker + unescape(text.replace(CREDIT_MARK, "").strip()))
    joined = " ".join(line.strip() for line in text.splitlines() if line.strip())
    lead = LEAD_RE.match(joined)
    if lead and zh_block.lead:
        lead_text = marker + unescape(lead.group("lead")).strip()
        rest = unescape(joined[lead.end() :])
        if rest and not rest[0].isspace() and lead_text[-1:].isascii():
            rest = " " + rest  # "**Lead.** Rest", as English has a space between sentences
        return Block("paragraph", lead_text + rest, lead=len(lead_text))
    return Block("paragraph", marker + unescape(joined.replace("**", "")))


def accept_reply(english: Block, zh_block: Block, figures: list[dict[str, Any]]) -> str | None:
    """Why a machine translation of a block cannot be used, or None when it can."""
    if not english.text.strip():
        return "the reply is empty"
    if zh_block.lead and not english.lead:
        return "the lead sentence is not marked with ** **"
    for index, why in match_figures(figures, english.text + " " + english.sub):
        figure = figures[index]
        if why.kind == "value":
            return f"the figure {figure.get('text')} ({english_figure(figure)}) is missing"
        return f"the figure {figure.get('text')} must read {english_figure(figure)}: {why.message}"
    leak = chinese_leak(english.text + " " + english.sub)
    if leak:
        return f"Chinese text left untranslated: {leak}"
    return None


def rule_translation(block: Block, glossary: list[GlossaryEntry]) -> Block | None:
    """Blocks that need no translator: a glossary term on its own, a photo credit."""
    for entry in glossary:
        if block.kind in ("heading", "caption") and entry.zh == block.text and not block.sub:
            return Block(block.kind, entry.en)
    if block.kind == "credit":
        credit = english_credit(block.text)
        return Block("credit", credit) if credit else None
    return None


_CREDIT_ROLES = {"文": "Text", "图": "Photo", "摄": "Photo", "摄影": "Photo"}


def english_credit(chinese: str) -> str | None:
    """(张三/文 李四/图) -> (Text: Zhang San; photo: Li Si); None when it does not parse."""
    inner = chinese.strip().strip("()（）").strip()
    credits: list[tuple[str, list[str]]] = []
    names: list[str] = []
    for token in inner.split():
        name, _, role = token.partition("/")
        if not role and name in _CREDIT_ROLES and names:  # 张三 摄
            credits.append((_CREDIT_ROLES[name], names))
            names = []
        elif role in _CREDIT_ROLES:
            credits.append((_CREDIT_ROLES[role], names + [name]))
            names = []
        elif not role:
            names.append(name)
        else:
            return None
    if names or not credits:
        return None
    text = "; ".join(
        f"{role}: {', '.join(person_name(n) for n in people)}" for role, people in credits
    )
    return f"({text})"


def _figures(meta: dict[str, Any]) -> list[dict[str, Any]]:
    figures = meta.get("key_figures")
    return [f for f in figures if isinstance(f, dict)] if isinstance(figures, list) else []
