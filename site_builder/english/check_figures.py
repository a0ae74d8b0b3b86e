"""Key figures: the Chinese figures found in the body (E031), the English entries paired by id and
current (E006, E007, W007, E022), and every figure said the same in English (E030, E032–E035),
a forecast as a forecast (E036)."""

from __future__ import annotations

import re
from typing import Any

from site_builder.content.blocks import PageBlock
from site_builder.content.figure_english import english_figure
from site_builder.content.identity import english_entries, has_identity, label_digest
from site_builder.content.pages import Page
from site_builder.content.placeholders import is_placeholder
from site_builder.english.figure_check import check_text, match_figures
from site_builder.english.problems import Problem, key_figures, problem

FIGURE_CODES = {"unit": "E033", "direction": "E034", "qualifier": "E035"}
# How English says that a figure is a forecast (预计/预期/有望 → estimate: true).
ESTIMATE_WORDS = re.compile(
    r"\b(?:expect\w*|estimat\w*|forecast\w*|project(?:ed|ion)s?|anticipat\w*|likely|"
    r"on (?:track|course)|set to|should)\b",
    re.I,
)


def check_zh_figures(zh: Page, spots: list[list[int]]) -> list[Problem]:
    """Every Chinese key-figure text is in the page body (E031)."""
    problems = []
    for index, (figure, blocks) in enumerate(zip(key_figures(zh), spots, strict=True)):
        if figure.get("text") and not blocks:
            problems.append(
                problem(
                    zh.path,
                    zh.line_of(("key_figures", index)),
                    "E031",
                    f"key figure text '{figure['text']}' is not in the page body",
                )
            )
    return problems


def check_en_front_matter(zh: Page, en: Page) -> list[Problem]:
    """Each Chinese figure has its English entry (by id), current and saying the same."""
    zh_figures, en_figures = key_figures(zh), key_figures(en)
    problems = _check_identity(zh, en, zh_figures, en_figures)
    if not has_identity(en_figures) and len(zh_figures) != len(en_figures):
        return problems
    entries = english_entries(zh_figures, en_figures)
    en_index = {id(entry): i for i, entry in enumerate(en_figures)}
    for index, (zh_figure, entry) in enumerate(zip(zh_figures, entries, strict=True)):
        if entry is None:
            continue
        at = en_index[id(entry)]
        name = _figure_name(zh, index, zh_figure)
        recorded = entry.get("label_digest")
        if recorded is not None and recorded != label_digest(zh_figure.get("label")):
            problems.append(
                problem(
                    en.path,
                    en.line_of(("key_figures", at, "label")),
                    "E022",
                    f"stale: the Chinese label of {name} changed since key_figures[{at}].label "
                    f"was translated; once it fits, set its label_digest to "
                    f"{label_digest(zh_figure.get('label'))}",
                )
            )
        text = entry.get("text")
        if isinstance(text, str) and not is_placeholder(text):
            why = check_text(zh_figure, text)
            if why is not None:
                code = "E032" if why.kind == "value" else FIGURE_CODES[why.kind]
                problems.append(
                    problem(
                        en.path,
                        en.line_of(("key_figures", at, "text")),
                        code,
                        f"key_figures[{at}].text '{text}' does not say {name}: {why.message}",
                    )
                )
    return problems


def _check_identity(
    zh: Page, en: Page, zh_figures: list[dict[str, Any]], en_figures: list[dict[str, Any]]
) -> list[Problem]:
    """Ids unique; every figure has its entry and every entry its figure (E006, E007, W007)."""
    problems = []
    for page, figures in ((zh, zh_figures), (en, en_figures)):
        seen: set[str] = set()
        for index, figure in enumerate(figures):
            key = figure.get("id")
            if key and str(key) in seen:
                line = page.line_of(("key_figures", index, "id"))
                problems.append(problem(page.path, line, "E007", f"key-figure id {key} used twice"))
            seen.add(str(key))
    if not has_identity(en_figures):
        if len(zh_figures) != len(en_figures):
            problems.append(
                problem(
                    en.path,
                    en.line_of(("key_figures",)),
                    "E006",
                    f"key_figures has {len(en_figures)} entries, the Chinese page has "
                    f"{len(zh_figures)} (same figures, same order)",
                )
            )
        return problems
    zh_ids = {str(f["id"]) for f in zh_figures if f.get("id")}
    en_ids = {str(e["id"]) for e in en_figures if e.get("id")}
    for index, figure in enumerate(zh_figures):
        name = _figure_name(zh, index, figure)
        if not figure.get("id"):
            message = f"{name} has no id (added by hand?): site-builder translate gives it one"
            line = zh.line_of(("key_figures", index))
            problems.append(problem(zh.path, line, "W007", message))
        elif str(figure["id"]) not in en_ids:
            message = f"{name} has no English entry: run site-builder translate"
            problems.append(problem(en.path, en.line_of(("key_figures",)), "E006", message))
    for index, entry in enumerate(en_figures):
        key = entry.get("id")
        if not key or str(key) not in zh_ids:
            what = f"id {key} is not on the Chinese page (figure removed?)" if key else "no id"
            message = (
                f"key_figures[{index}] ({entry.get('label')}): {what}; site-builder translate "
                "removes entries of removed figures"
            )
            line = en.line_of(("key_figures", index))
            problems.append(problem(en.path, line, "E006", message))
    return problems


def _figure_name(zh: Page, index: int, figure: dict[str, Any]) -> str:
    """How messages name a figure: its id, text and label, and where it is."""
    key = f"{figure.get('id')} " if figure.get("id") else ""
    line = zh.line_of(("key_figures", index))
    return f"key figure {key}'{figure.get('text')}' ({figure.get('label')}, {zh.path.name}:{line})"


def check_figures(zh: Page, en: Page, spots: list[list[int]]) -> list[Problem]:
    """Every figure of a Chinese block said the same in the aligned English block (E030,
    E033–E035), each figure matched to its own mention."""
    figures = key_figures(zh)
    in_block: dict[int, list[int]] = {}
    for index, blocks in enumerate(spots):
        if blocks:
            in_block.setdefault(blocks[0], []).append(index)
    problems = []
    for number, indexes in sorted(in_block.items()):
        if is_placeholder(en.blocks[number].block.text):
            continue
        problems += _estimates_said(zh, en, number, [figures[i] for i in indexes])
        left = match_figures([figures[i] for i in indexes], _english(en.blocks[number]))
        for position, why in left:
            index = indexes[position]
            # The same Chinese text in another block: the figure may be that one, if that
            # block's English says it besides the figures of its own.
            if any(
                not any(
                    k == len(in_block.get(other, []))
                    for k, _ in match_figures(
                        [figures[i] for i in in_block.get(other, [])] + [figures[index]],
                        _english(en.blocks[other]),
                    )
                )
                for other in spots[index][1:]
                if not is_placeholder(en.blocks[other].block.text)
            ):
                continue
            figure = figures[index]
            zh_line = zh.blocks[number].line
            where = f"({figure.get('label')}, {zh.path.name}:{zh_line})"
            if why.kind == "value":
                message = (
                    f"key figure '{figure.get('text')}' {where} is missing or different here; "
                    f"by rule: {english_figure(figure)}"
                )
            else:
                message = f"key figure '{figure.get('text')}' {where}: {why.message}"
            code = "E030" if why.kind == "value" else FIGURE_CODES[why.kind]
            problems.append(problem(en.path, en.blocks[number].line, code, message))
    return problems


def _estimates_said(
    zh: Page, en: Page, number: int, figures: list[dict[str, Any]]
) -> list[Problem]:
    """A block with a forecast (``estimate: true``) must say in English that it is one (E036):
    "is expected to reach 1.977 billion yuan", not "reached"."""
    if not any(f.get("estimate") for f in figures) or ESTIMATE_WORDS.search(
        _english(en.blocks[number])
    ):
        return []
    figure = next(f for f in figures if f.get("estimate"))
    where = f"({figure.get('label')}, {zh.path.name}:{zh.blocks[number].line})"
    message = (
        f"key figure '{figure.get('text')}' {where} is an estimate (预计): the English must say "
        "so (expected, estimated, forecast …)"
    )
    return [problem(en.path, en.blocks[number].line, "E036", message)]


def _english(block: PageBlock) -> str:
    return block.block.text + " " + block.block.sub
