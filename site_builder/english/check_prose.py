"""English prose: placeholders and translation status (W060, W061), Chinese left in English
(E040), glossary terms rendered as the glossary says (W050)."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from site_builder.content.glossary import GlossaryEntry, find_terms, renders_term
from site_builder.content.pages import Page
from site_builder.content.placeholders import PLACEHOLDER, chinese_leak, is_placeholder
from site_builder.english.problems import Problem, key_figures, problem

# Glossary kinds whose rendering must appear wherever the term does; metrics and titles are
# phrased freely in running text, so they are left out.
CONSISTENT_KINDS = ("place", "organisation", "policy_term", "slogan")
NOISY_STATUSES = ("pending", "machine")


def check_placeholders_and_leaks(en: Page) -> list[Problem]:
    """Untranslated fields and blocks (W060), Chinese in English (E040), a status to review (W061)."""
    problems = []
    for key in (("title",), ("subtitle",)) + tuple(
        ("key_figures", i, name) for i in range(len(key_figures(en))) for name in ("label", "text")
    ):
        value = _get(en.meta, key)
        if key == ("title",) and value is None:
            problems.append(
                problem(en.path, en.line_of(key), "W060", "title is not translated yet")
            )
            continue
        if not isinstance(value, str) or (key[0] == "key_figures" and is_placeholder(value)):
            continue  # untranslated figures are counted together below
        name = ".".join(str(part) for part in key)
        if is_placeholder(value):
            problems.append(
                problem(en.path, en.line_of(key), "W060", f"{name} is not translated yet")
            )
        elif leak := chinese_leak(value):
            problems.append(
                problem(en.path, en.line_of(key), "E040", f"Chinese text in {name}: '{leak}'")
            )
    untranslated = [
        i
        for i, figure in enumerate(key_figures(en))
        if any(
            not isinstance(v, str) or is_placeholder(v)
            for v in (figure.get("label"), figure.get("text"))
        )
    ]
    if untranslated:
        problems.append(
            problem(
                en.path,
                en.line_of(("key_figures", untranslated[0])),
                "W060",
                f"{len(untranslated)} key figure(s) without English label or text "
                f"(first: key_figures[{untranslated[0]}])",
            )
        )
    for block in en.blocks:
        if block.block.kind == "callout":
            continue
        if is_placeholder(block.block.text):
            problems.append(
                problem(
                    en.path,
                    block.line,
                    "W060",
                    f"{block.block.kind} not translated yet ({PLACEHOLDER} placeholder)",
                )
            )
            continue
        for offset, line in enumerate(block.markdown.split("\n")):
            if leak := chinese_leak(line):
                problems.append(
                    problem(
                        en.path,
                        block.line + offset,
                        "E040",
                        f"Chinese text in English {block.block.kind}: '{leak}'",
                    )
                )
                break
    status = _get(en.meta, ("translation", "status"))
    if status in NOISY_STATUSES:
        problems.append(
            problem(
                en.path,
                en.line_of(("translation", "status")),
                "W061",
                f"translation status is '{status}': needs a translator's review",
            )
        )
    return problems


def check_glossary(zh: Page, en: Page, glossary: list[GlossaryEntry]) -> list[Problem]:
    """A place, organisation, policy term or slogan in a Chinese block is rendered as the glossary says
    in the aligned English block (W050)."""
    terms = [entry for entry in glossary if entry.kind in CONSISTENT_KINDS]
    problems = []
    for zh_block, en_block in zip(zh.blocks, en.blocks, strict=True):
        if zh_block.block.kind == "callout" or is_placeholder(en_block.block.text):
            continue
        english = en_block.block.text + " " + en_block.block.sub
        for entry in find_terms(zh_block.block.text + " " + zh_block.block.sub, terms):
            if not renders_term(entry, english):
                problems.append(
                    problem(
                        en.path,
                        en_block.line,
                        "W050",
                        f"glossary term {entry.zh} is '{entry.en}' (glossary.yml:{entry.line}), "
                        f"not found in this {en_block.block.kind}",
                    )
                )
    return problems


def _get(data: Any, key: Iterable[str | int]) -> Any:
    for part in key:
        if isinstance(data, dict) and isinstance(part, str):
            data = data.get(part)
        elif isinstance(data, list) and isinstance(part, int) and part < len(data):
            data = data[part]
        else:
            return None
    return data
