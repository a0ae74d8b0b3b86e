"""The block translator of one report: rules and the glossary first, then the backend, whose
replies are read as blocks (``english_block``) and used only if they pass ``accept_reply``."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from site_builder.content.blocks import CREDIT_MARK, LEAD_RE, render_block, unescape
from site_builder.content.figure_english import english_figure
from site_builder.content.frontmatter import CONTROL_RE
from site_builder.content.glossary import GlossaryEntry, find_terms
from site_builder.content.model import Block
from site_builder.content.pages import Page, figure_blocks
from site_builder.content.placeholders import PLACEHOLDER, chinese_leak, is_placeholder, placeholder
from site_builder.english.backends import Backend, BackendError, ReplyError, TranslationContext
from site_builder.english.figure_check import match_figures
from site_builder.english.rule_blocks import rule_translation

ATTEMPTS = 3  # replies tried per block before it is left pending


@dataclass
class Outcome:
    """What happened to one report's English page."""

    path: Path
    created: bool = False
    written: bool = False
    filled: int = 0  # blocks and fields filled by rules or the backend
    pending: int = 0  # left as placeholders (or stale) for a translator
    notes: list[str] = field(default_factory=list)


class BackendUnavailable(Exception):
    """Raised out of a report when the server is down, to redo it without the server."""

    def __init__(self, error: BackendError) -> None:
        super().__init__(str(error))
        self.error = error


class Translator:
    """Fills blocks, titles and labels of one report, counting what it did in its outcome."""

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
    if CONTROL_RE.search(english.text + english.sub):  # no page may hold one (E004)
        return "the reply has a control character"
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


def _figures(meta: dict[str, Any]) -> list[dict[str, Any]]:
    figures = meta.get("key_figures")
    return [f for f in figures if isinstance(f, dict)] if isinstance(figures, list) else []
