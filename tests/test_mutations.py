"""Mutation tests of the figure check on the shipped English pages.

Every key figure of the shipped reports is found in its English block and in its English
key-figure text, then broken in each way an editor or a machine could break it: direction,
unit, scale, value and qualifier. `check` must flag (nearly) every mutation at the place it was
made, and nothing on the pages as shipped. The test prints the figures it measured.
"""

from __future__ import annotations

import re
import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from site_builder.content.identity import english_entries
from site_builder.content.pages import Page, figure_blocks, read_page
from site_builder.english.check import check_report
from site_builder.english.figure_check import compare
from site_builder.english.mentions import QUALIFIER_WORDS, UNIT_WORDS, Mention, read_mentions

CONTENT = Path(__file__).resolve().parent.parent / "content"
REPORTS = sorted(p for p in (CONTENT / "reports").iterdir() if (p / "index.en.md").exists())
FIGURE_CODES = {"E030", "E032", "E033", "E034", "E035"}
_QUALIFIER_BEFORE = re.compile(
    r"(?:\b(?:" + "|".join(QUALIFIER_WORDS.values()) + r")\s+)?(?:RMB\s*|¥\s*)?$", re.IGNORECASE
)
_WRONG_UNIT = {"CNY": "mu", "percent": " mu", "mu": "yuan", "person": "households"}
_UNIT_AFTER = re.compile(
    r"^(?P<gap>[-\s]+)(?P<unit>"
    + "|".join(re.escape(w) for w in sorted(UNIT_WORDS, key=len, reverse=True) if w != "%")
    + r")(?![\w²])",
    re.IGNORECASE,
)


def wrong_unit(unit: str, label: str = "") -> str:
    if unit == "person" and "户" in label:  # people counted as households: both are right
        return "enterprises"
    if unit in _WRONG_UNIT:
        return _WRONG_UNIT[unit]
    if unit in ("m2", "km2", "ha", "km", "m", "ton", "hour"):
        return "mu"
    return "households" if unit != "household" else "people"


def direction(text: str, m: Mention, figure: dict[str, Any]) -> str:
    before = text[: m.start]
    value = figure["value"]
    if value < 0 or (figure.get("yoy") and value > 0):
        flipped = re.sub(
            r"\b(down|fell|declined|dropped|decreased|up|rose|increased|grew)\b(?=[^\d]*$)",
            lambda w: "up" if w.group(1) in ("down", "fell", "declined", "dropped", "decreased")
            else "down",
            before,
            count=1,
        )  # fmt: skip
        if flipped != before:
            return flipped + text[m.start :]
        after = re.sub(r"\b(decline|drop|increase|growth|rise)\b", "change", text[m.end :], count=1)
        return before + ("up " if value < 0 else "down ") + text[m.start : m.end] + after
    at = _QUALIFIER_BEFORE.search(before).start()  # type: ignore[union-attr]
    return before[:at] + "down " + before[at:] + text[m.start :]


def unit(text: str, m: Mention, figure: dict[str, Any]) -> str:
    wrong = wrong_unit(str(figure["unit"]), str(figure.get("label") or ""))
    after = text[m.end :]
    if after.startswith("%"):
        return text[: m.end] + wrong + after[1:]
    found = _UNIT_AFTER.match(after)
    if found:
        return text[: m.end] + found.group("gap") + wrong.strip() + after[found.end() :]
    if re.search(r"RMB\s*$", text[: m.start]):
        head = re.sub(r"RMB\s*$", "", text[: m.start])
        return head + text[m.start : m.end] + " mu" + after
    words = re.match(r"^((?:[\s-]+[A-Za-z][A-Za-z'-]*){0,4})", after).group(1)  # type: ignore[union-attr]
    for word in re.findall(r"[A-Za-z][A-Za-z'-]*", words):
        if UNIT_WORDS.get(word.lower()):
            spot = after.index(word)
            return text[: m.end] + after[:spot] + wrong.strip() + after[spot + len(word) :]
    return text[: m.end] + " " + wrong.strip() + after


def scale(text: str, m: Mention, figure: dict[str, Any]) -> str:
    span = text[m.start : m.end]
    swapped = re.sub(
        r"\b(million|billion|thousand)\b",
        lambda w: {"million": "billion", "billion": "million", "thousand": "million"}[w.group(1)],
        span,
    )
    if swapped == span:
        swapped = span + " thousand"
    return text[: m.start] + swapped + text[m.end :]


def value(text: str, m: Mention, figure: dict[str, Any]) -> str:
    span = text[m.start : m.end]
    digits = list(re.finditer(r"\d", span))
    if not digits:
        return text[: m.start] + re.sub(r"\w+", "ninety", span, count=1) + text[m.end :]
    last = digits[-1] if len(digits) == 1 or not m.values[1:] else digits[0]
    changed = span[: last.start()] + str((int(last.group()) + 1) % 10) + span[last.end() :]
    return text[: m.start] + changed + text[m.end :]


def qualifier(text: str, m: Mention, figure: dict[str, Any]) -> str:
    before = text[: m.start]
    after = text[m.end :]
    if figure.get("qualifier"):
        other = "nearly" if figure["qualifier"] != "nearly" else "more than"
        words = "|".join(QUALIFIER_WORDS.values())
        swapped = re.sub(rf"\b(?:{words})(\s*(?:RMB\s*)?)$", rf"{other}\1", before, flags=re.I)
        if swapped != before:
            return swapped + text[m.start :]
        after = re.sub(r"^(\S*?)(\s+or more|\s+or above|-plus|\+)", r"\1", after, count=1)
        return before + other + " " + text[m.start : m.end] + after
    at = _QUALIFIER_BEFORE.search(before).start()  # type: ignore[union-attr]
    return before[:at] + "more than " + before[at:] + text[m.start :]


def drop_qualifier(text: str, m: Mention, figure: dict[str, Any]) -> str | None:
    if not figure.get("qualifier"):
        return None
    words = "|".join(QUALIFIER_WORDS.values())
    before = re.sub(rf"\b(?:{words})\s*((?:RMB\s*)?)$", r"\1", text[: m.start], flags=re.I)
    after = re.sub(r"^(\S*?)(\s+or more|\s+or above|-plus|\+)", r"\1", text[m.end :], count=1)
    return before + text[m.start : m.end] + after


MUTATIONS: dict[str, Callable[[str, Mention, dict[str, Any]], str | None]] = {
    "direction": direction,
    "unit": unit,
    "scale": scale,
    "value": value,
    "qualifier": qualifier,
    "drop qualifier": drop_qualifier,
}


def matched_mentions(figures: list[dict[str, Any]], text: str) -> dict[int, Mention]:
    """Which mention of ``text`` says each figure (one to one, as the check matches them)."""
    used: set[int] = set()
    found: dict[int, Mention] = {}
    mentions = read_mentions(text)
    for index, figure in enumerate(figures):
        for number, mention in enumerate(mentions):
            if number not in used and compare(figure, mention) is None:
                used.add(number)
                found[index] = mention
                break
    return found


def body_targets(zh: Page, en: Page) -> list[tuple[int, int, Mention]]:
    """(figure index, English block index, mention) for every figure of the Chinese body."""
    figures = [f if isinstance(f, dict) else {} for f in zh.meta["key_figures"]]
    spots = figure_blocks([b.block for b in zh.blocks], figures)
    in_block: dict[int, list[int]] = {}
    for index, blocks in enumerate(spots):
        if blocks:
            in_block.setdefault(blocks[0], []).append(index)
    targets = []
    for number, indexes in in_block.items():
        found = matched_mentions([figures[i] for i in indexes], en.blocks[number].markdown)
        for position, index in enumerate(indexes):
            if position in found:
                targets.append((index, number, found[position]))
    return targets


def problems_at(folder: Path, path: Path, line: int) -> list[str]:
    return [p.code for p in check_report(folder, []) if p.path == str(path) and p.line == line]


@pytest.fixture(scope="module")
def measured() -> dict[str, list[int]]:
    return {}


@pytest.mark.parametrize("folder", REPORTS, ids=[p.name for p in REPORTS])
def test_shipped_pages_raise_no_figure_problem(folder):
    assert [str(p) for p in check_report(folder, []) if p.code in FIGURE_CODES] == []


@pytest.mark.parametrize("where", ["body", "key-figure texts"])
@pytest.mark.parametrize("folder", REPORTS, ids=[p.name for p in REPORTS])
def test_check_flags_every_mutated_figure(tmp_path, folder, where, capsys):
    work = tmp_path / folder.name
    shutil.copytree(folder, work)
    zh, en = read_page(work / "index.zh.md"), read_page(work / "index.en.md")
    en_path = work / "index.en.md"
    original = en_path.read_text(encoding="utf-8")
    figures = [f if isinstance(f, dict) else {} for f in zh.meta["key_figures"]]
    cases: list[tuple[int, str, int]] = []  # figure, new page text, line to flag
    if where == "body":
        for index, number, mention in body_targets(zh, en):
            block = en.blocks[number]
            for mutate in MUTATIONS.values():
                mutated = mutate(block.markdown, mention, figures[index])
                if mutated is None or mutated == block.markdown:
                    continue
                head, _, body = original.partition("\n---\n")
                page = head + "\n---\n" + body.replace(block.markdown, mutated, 1)
                cases.append((index, page, block.line))
        located = len({index for index, _, _ in cases})
    else:
        entries = english_entries(figures, en.meta["key_figures"])
        located = 0
        for index, (figure, entry) in enumerate(zip(figures, entries, strict=True)):
            text = str((entry or {}).get("text") or "")
            found = matched_mentions([figure], text)
            if 0 not in found:
                continue
            located += 1
            at = en.meta["key_figures"].index(entry)
            line = en.line_of(("key_figures", at, "text"))
            lines = original.split("\n")
            for mutate in MUTATIONS.values():
                mutated = mutate(text, found[0], figure)
                if mutated is None or mutated == text:
                    continue
                quoted = lines[line - 1].replace(f'"{text}"', f'"{mutated}"', 1)
                if quoted == lines[line - 1]:
                    quoted = lines[line - 1].replace(f"text: {text}", f'text: "{mutated}"', 1)
                page = "\n".join(lines[: line - 1] + [quoted] + lines[line:])
                cases.append((index, page, line))
    assert located == len(figures), f"{len(figures) - located} figure(s) not found in the English"
    missed = []
    for index, page, line in cases:
        en_path.write_text(page, encoding="utf-8")
        if not set(problems_at(work, en_path, line)) & FIGURE_CODES:
            missed.append((figures[index]["text"], page.split("\n")[line - 1][:120]))
    en_path.write_text(original, encoding="utf-8")
    flagged = len(cases) - len(missed)
    with capsys.disabled():
        print(f"\n{folder.name} {where}: {flagged}/{len(cases)} mutations flagged")
    assert flagged >= 0.99 * len(cases), missed[:10]
