"""Find what the print layout cut or displaced, repair what is unambiguous, note the rest.

E-paper pages are laid out in columns; when scraped, a paragraph can be cut mid-sentence
and continue elsewhere, and the lede can land among the photo captions. A repair moves
text; it never drops any. Every finding becomes a layout note for the editor.
"""

from __future__ import annotations

import re
import unicodedata

from site_builder.content.model import Article, Block

TERMINAL = "。！？!?…”」』）)；;:："
MIN_CUT_LENGTH = 20
# Short openers that do begin a paragraph, so "目前," is not a continuation fragment.
CONNECTIVES = {
    "目前", "同时", "其中", "此外", "另外", "为此", "对此", "据悉", "然而", "但是", "因此",
    "首先", "其次", "最后", "一是", "二是", "三是", "四是", "五是", "总之", "当前", "如今",
    "此前", "随后", "今年", "去年", "全年", "近年来", "一年来", "一方面", "另一方面",
    "现在", "与此同时", "近日", "日前", "当天", "同日", "次日", "眼下", "记者",
    "下面", "下一步", "据了解", "据介绍", "据统计",
}  # fmt: skip
CONTINUATION_START = "的了和并及与或而"
# 十年来, 多年来, 三年以来: a span of time up to now opens a paragraph (近年来, 一年来 above)
SINCE_RE = re.compile(r"^[一二三四五六七八九十两几多近\d]{1,3}年(?:以)?来$")
LEDE_START_RE = re.compile(r"^(?:\d{4}年|今年|去年|近年|一年)(?:以来|来)")


def excerpt(text: str, head: bool) -> str:
    return (text[:16] + "…") if head else ("…" + text[-16:])


def is_cut(block: Block) -> bool:
    """A paragraph that stops mid-sentence: long enough, no end mark, and with a clause mark
    inside (a headline-like line without one, 680万!…获发展基金, is not a cut sentence)."""
    text = _without_trailing_symbols(block.text)
    return (
        block.kind == "paragraph"
        and len(text) >= MIN_CUT_LENGTH
        and text[-1] not in TERMINAL
        and re.search("[,，;；。、]", text) is not None
    )


def _without_trailing_symbols(text: str) -> str:
    """The text without the emoji and other symbols some portals put after a sentence
    (…明显改善。🚗🌊): they do not make the sentence unfinished."""
    end = len(text)
    while end and (
        unicodedata.category(text[end - 1]) in ("So", "Sk", "Mn", "Cf") or text[end - 1].isspace()
    ):
        end -= 1
    return text[:end] or text


def is_continuation(block: Block) -> bool:
    if block.kind != "paragraph":
        return False
    first_clause = re.split(r"[,，。；;]", block.text, maxsplit=1)[0]
    return block.text[0] in CONTINUATION_START or (
        len(first_clause) <= 3
        and first_clause not in CONNECTIVES
        and not SINCE_RE.match(first_clause)
        and not first_clause[:1].isdigit()
        and len(first_clause) < len(block.text)
    )


def rejoin_cut_paragraphs(article: Article) -> None:
    """A paragraph cut mid-sentence and the one fragment that continues it are joined; other
    cuts and fragments are noted and left in place."""
    blocks, notes = article.blocks, article.layout_notes
    cuts = [b for b in blocks if is_cut(b)]
    # Without a cut paragraph nothing can continue one: 家乡,是… is a paragraph's own start.
    continuations = [b for b in blocks if is_continuation(b)] if cuts else []
    for block in continuations:
        block.lead = 0  # a fragment's first "sentence" is the end of someone else's
    first = next((b for b in blocks if b.kind == "paragraph"), None)
    if (
        len(cuts) == 1
        and len(continuations) == 1
        and cuts[0] is not continuations[0]
        and continuations[0] is not first  # an opening paragraph never continues another
        # a copy cut off at its end: its continuation is missing, not displaced upwards
        and not (cuts[0] is blocks[-1] and blocks.index(continuations[0]) < len(blocks) - 1)
    ):
        cut, rest = cuts[0], continuations[0]
        notes.append(
            f"line {cut.line}: paragraph cut mid-sentence at '{excerpt(cut.text, False)}'"
            f" rejoined with its continuation from line {rest.line}"
            f" '{excerpt(rest.text, True)}'"
        )
        cut.text += rest.text
        blocks.remove(rest)
        return
    for block in cuts:
        notes.append(
            f"line {block.line}: paragraph cut mid-sentence at '{excerpt(block.text, False)}';"
            " its continuation is missing or ambiguous — left as it is"
        )
    for block in continuations:
        notes.append(
            f"line {block.line}: paragraph begins mid-sentence '{excerpt(block.text, True)}';"
            " it continues a cut paragraph — left in place"
        )


def move_displaced_lede(article: Article) -> None:
    """A lede among the photo captions, when the text starts straight with a heading."""
    blocks, notes = article.blocks, article.layout_notes
    if not blocks or blocks[0].kind != "heading":
        return
    for index in range(1, len(blocks) - 1):
        block = blocks[index]
        among_photos = blocks[index - 1].kind == "caption" and blocks[index + 1].kind == "caption"
        if block.kind == "paragraph" and among_photos and LEDE_START_RE.match(block.text):
            blocks.insert(0, blocks.pop(index))
            notes.append(
                f"line {block.line}: the lede '{excerpt(block.text, True)}' was displaced"
                " among the photo captions — moved to the top"
            )
            return


def note_grouped_captions(article: Article) -> None:
    """Three or more photo captions after the text: noted (the photos are not in the source)."""
    blocks, notes = article.blocks, article.layout_notes
    captions = [i for i, b in enumerate(blocks) if b.kind == "caption"]
    paragraphs = [i for i, b in enumerate(blocks) if b.kind == "paragraph"]
    if len(captions) >= 3 and paragraphs and captions[0] > paragraphs[-1]:
        notes.append(
            f"line {blocks[captions[0]].line}: {len(captions)} photo captions are grouped after"
            " the text, away from their photos; the photos are not in the source"
        )
