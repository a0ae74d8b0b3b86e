"""Pairing each Chinese block with the English block that translates it, through
``translation.source_digests``."""

from __future__ import annotations

from dataclasses import dataclass

from site_builder.content.blocks import PageBlock
from site_builder.content.errors import SiteBuilderError
from site_builder.content.pages import Page


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
