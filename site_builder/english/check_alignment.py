"""Block alignment and staleness: same blocks in the same order (E010, E011), English blocks
current with the Chinese they were translated from (E020, E021)."""

from __future__ import annotations

from site_builder.content.blocks import PageBlock
from site_builder.content.pages import Page
from site_builder.english.problems import Problem, problem


def check_alignment(zh: Page, en: Page, problems: list[Problem]) -> bool:
    """Same number and kinds of blocks, in order; names the first mismatch."""
    for zh_block, en_block in zip(zh.blocks, en.blocks, strict=False):
        if _shape(zh_block) != _shape(en_block):
            problems.append(
                problem(
                    en.path,
                    en_block.line,
                    "E010",
                    f"block is a {_shape(en_block)}, the Chinese block at "
                    f"{zh.path.name}:{zh_block.line} is a {_shape(zh_block)}",
                )
            )
            return False
    if len(zh.blocks) != len(en.blocks):
        shorter = min(len(zh.blocks), len(en.blocks))
        if len(en.blocks) > shorter:
            where = f"first extra English block at line {en.blocks[shorter].line}"
        else:
            where = (
                f"first Chinese block without English at {zh.path.name}:{zh.blocks[shorter].line}"
            )
        problems.append(
            problem(
                en.path,
                en.blocks[-1].line if en.blocks else en.body_line,
                "E011",
                f"{len(en.blocks)} blocks, the Chinese page has {len(zh.blocks)} ({where})",
            )
        )
        return False
    return True


def check_stale(zh: Page, en: Page) -> list[Problem]:
    """Each English block's recorded source digest is its Chinese block's (E020, E021)."""
    digests = en.source_digests
    if digests is None:
        return []  # the schema check already named the missing record
    if len(digests) != len(zh.blocks):
        line = en.line_of(("translation", "source_digests"))
        message = f"translation.source_digests has {len(digests)} entries for {len(zh.blocks)} Chinese blocks"
        return [problem(en.path, line, "E021", message)]
    problems = []
    for number, (zh_block, en_block, digest) in enumerate(
        zip(zh.blocks, en.blocks, digests, strict=True), start=1
    ):
        if zh_block.digest != digest:
            problems.append(
                problem(
                    en.path,
                    en_block.line,
                    "E020",
                    f"stale: block {number} ({zh_block.block.kind}) changed in "
                    f"{zh.path.name}:{zh_block.line} since it was translated; once the English "
                    f"fits, set translation.source_digests[{number - 1}] to {zh_block.digest}",
                )
            )
    return problems


def _shape(block: PageBlock) -> str:
    if block.block.kind == "callout":
        return f"callout ({block.block.text})"
    return block.block.kind
