"""The Markdown form of body blocks: escaping, rendering and reading back.

One block per Markdown paragraph, separated by blank lines:

    ## Main line — Sub line            heading (a two-line heading joined by " — ")
    **Lead sentence.**Rest of text     paragraph with an emphasised lead sentence
    ![Caption](images/1.jpg)           photo caption (figure); n counts captions from 1
    (Zhang San/text)                   photo credit, followed by the line "{: .credit }"
    {: .credit }
    <!-- key-figures: glance -->       key-figure callout: "glance" box or "section" box

Text is escaped so that Markdown or HTML from a report is shown, never run.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass

from site_builder.content.model import Block

HEADING_JOIN = " — "
CREDIT_MARK = "{: .credit }"
CALLOUT_RE = re.compile(r"^<!-- key-figures: (glance|section) -->$")
CAPTION_RE = re.compile(r"^!\[(?P<alt>(?:\\.|[^\]\\])*)\]\((?P<src>images/\d+\.jpg)\)$")
LEAD_RE = re.compile(r"^\*\*(?P<lead>(?:\\.|[^*\\])+)\*\*")

# Escaped everywhere: inline Markdown and HTML. Only characters Python-Markdown
# accepts after a backslash are escaped that way, so the page stays readable.
_ESCAPED = set("\\`*_{}[]")
_ENTITIES = {"&": "&amp;", "<": "&lt;", ">": "&gt;"}
# Escaped only at the start of a block: headings, lists, admonitions, tables.
_LINE_START = set("#+-!|")
_NUMBERED_LIST_RE = re.compile(r"^(\d+)\.")
_UNESCAPE_RE = re.compile(r"\\([\\`*_{}\[\]#+\-!|.])|&(amp|lt|gt);")


_ESCAPE_TABLE = str.maketrans({**_ENTITIES, **{ch: "\\" + ch for ch in _ESCAPED}})


def escape(text: str) -> str:
    """Escape plain text for Markdown; ``unescape(escape(t)) == t``."""
    escaped = text.translate(_ESCAPE_TABLE)
    if escaped[:1] in _LINE_START:
        escaped = "\\" + escaped
    return _NUMBERED_LIST_RE.sub(r"\1\\.", escaped, count=1)


def unescape(markdown: str) -> str:
    entities = {"amp": "&", "lt": "<", "gt": ">"}
    return _UNESCAPE_RE.sub(lambda m: m.group(1) or entities[m.group(2)], markdown)


def render_block(block: Block, caption_number: int = 0) -> str:
    """Markdown for one block. Captions need their 1-based number for the image path."""
    if block.kind == "heading":
        text = escape(block.text)
        if block.sub:
            text += HEADING_JOIN + escape(block.sub)
        return "## " + text
    if block.kind == "caption":
        return f"![{escape(block.text)}](images/{caption_number}.jpg)"
    if block.kind == "credit":
        return escape(block.text) + "\n" + CREDIT_MARK
    if block.kind == "callout":
        return f"<!-- key-figures: {block.text} -->"
    if block.lead:
        lead, rest = block.text[: block.lead], block.text[block.lead :]
        return f"**{escape(lead)}**{escape(rest)}"
    return escape(block.text)


def render_body(blocks: list[Block]) -> str:
    parts = []
    captions = 0
    for block in blocks:
        if block.kind == "caption":
            captions += 1
        parts.append(render_block(block, captions))
    return "\n\n".join(parts) + "\n"


@dataclass
class PageBlock:
    """A block read back from a page: its plain-text form plus where it sits."""

    block: Block
    markdown: str  # the block's Markdown exactly as in the file
    line: int  # 1-based line in the file

    @property
    def digest(self) -> str:
        return block_digest(self.block)


def block_digest(block: Block) -> str:
    """A short digest of a block's content, to tell when a translation went stale."""
    key = "\x1f".join([block.kind, block.text, block.sub, str(block.lead)])
    return hashlib.sha256(key.encode("utf-8")).hexdigest()[:12]


def parse_block(markdown: str) -> Block:
    """Read one Markdown block back into a Block (the inverse of render_block)."""
    text = markdown.strip()
    if text.startswith("## "):
        main, _, sub = text[3:].strip().partition(HEADING_JOIN)
        return Block("heading", unescape(main.strip()), sub=unescape(sub.strip()))
    if CALLOUT_RE.match(text):
        return Block("callout", CALLOUT_RE.match(text).group(1))  # type: ignore[union-attr]
    caption = CAPTION_RE.match(text)
    if caption:
        return Block("caption", unescape(caption.group("alt")))
    if text.endswith(CREDIT_MARK):
        return Block("credit", unescape(text[: -len(CREDIT_MARK)].strip()))
    joined = " ".join(line.strip() for line in text.splitlines())
    lead = LEAD_RE.match(joined)
    if lead:
        lead_text = unescape(lead.group("lead"))
        rest = unescape(joined[lead.end() :])
        return Block("paragraph", lead_text + rest, lead=len(lead_text))
    return Block("paragraph", unescape(joined))


def parse_body(body: str, first_line: int = 1) -> list[PageBlock]:
    """Split a page body into blocks at blank lines; ``first_line`` is the body's line in the file."""
    blocks: list[PageBlock] = []
    current: list[str] = []
    start = first_line
    for number, line in enumerate(body.split("\n"), start=first_line):
        if line.strip():
            if not current:
                start = number
            current.append(line)
        elif current:
            markdown = "\n".join(current)
            blocks.append(PageBlock(parse_block(markdown), markdown, start))
            current = []
    if current:
        markdown = "\n".join(current)
        blocks.append(PageBlock(parse_block(markdown), markdown, start))
    return blocks
