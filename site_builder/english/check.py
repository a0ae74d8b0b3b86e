"""site-builder check: validate content/ and report ``path:line: CODE message``.

Problem codes (E = error, W = warning; ``--strict`` fails on warnings too):

    E001 missing English page            E002 English page without a Chinese page
    E003 unreadable page                 E004 broken front matter (fence, YAML, not a mapping)
    E005 front-matter schema error
    E006 English key figures do not match the Chinese ones (a figure without English entry,
         an entry whose figure is gone or that has no id; on a legacy page: the counts)
    E007 key-figure id used twice        W007 Chinese key figure without id (added by hand)
    E010 block kinds do not match        E011 block counts do not match
    E020 stale block (Chinese changed)   E021 source_digests do not fit the Chinese blocks
    E022 stale key figure: its Chinese label changed since the English label was written
    E030 key figure missing, or another value or scale, in the aligned English block
    E031 key figure text not in the Chinese body
    E032 English key-figure text missing the figure's value, or another value or scale
    E033 another unit (yuan, %, mu, m², people, households …) than the Chinese figure's
    E034 another direction (up/down) than the Chinese figure's
    E035 another qualifier (more than, nearly, about, up to, none) than the Chinese figure's
    E040 Chinese characters left in English prose
    E070 glossary schema error or broken YAML
    E071 metrics.yml schema error        E072 key figure's metric not in metrics.yml
    W005 unknown front-matter key        W050 glossary term rendered inconsistently
    W060 placeholder for untranslated text
    W061 translation status pending or machine

Decisions worth knowing:
- A key figure has no block index: its block is the first one at or after the previous
  figure's block whose text contains the figure's ``text``; the aligned English block, and the
  figure's English ``text``, must say the same by ``english.figure_check``: value and scale,
  unit, direction and qualifier (470 million yuan, RMB 470 million, 470,000,000 yuan).
  E033–E035 are raised in the body and in key-figure texts alike; the line says which.
- English key figures follow their Chinese figure by ``id`` (content/identity.py); a legacy
  page without ids is paired by position until ``site-builder migrate``.
- Deliberate glosses are not leaks: ``<span lang="zh">…</span>`` or a short parenthesis.
- W050 applies to places, organisations, policy terms and slogans (not to metrics and titles,
  which running text phrases freely); a place may also be referred back to ("the subdistrict").
- Placeholder blocks are reported once (W060), not as leaks or missing figures.
- A stale block's message gives the new digest, so an editor who has updated the English by
  hand can mark it current in ``translation.source_digests``.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

from site_builder.content.blocks import PageBlock
from site_builder.content.errors import InputError, SiteBuilderError
from site_builder.content.glossary import GlossaryEntry, find_terms, read_glossary, renders_term
from site_builder.content.identity import english_entries, has_identity, label_digest
from site_builder.content.metrics import metric_problems
from site_builder.content.pages import Page, figure_blocks, read_page
from site_builder.content.schema import EN_PAGE, ZH_PAGE, Schema, validate
from site_builder.english.figure_check import check_text, match_figures
from site_builder.english.rules import PLACEHOLDER, chinese_leak, english_figure, is_placeholder

Severity = Literal["error", "warning"]
# Glossary kinds whose rendering must appear wherever the term does; metrics and titles are
# phrased freely in running text, so they are left out.
CONSISTENT_KINDS = ("place", "organisation", "policy_term", "slogan")
NOISY_STATUSES = ("pending", "machine")
FIGURE_CODES = {"unit": "E033", "direction": "E034", "qualifier": "E035"}


@dataclass
class Problem:
    path: str
    line: int
    code: str
    message: str
    severity: Severity

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {self.code} {self.message}"


def check_command(content: Path, strict: bool) -> int:
    """Print every problem as ``path:line: CODE message``, a summary on stderr.

    Returns 0 when clean, 1 on errors (or on warnings under ``strict``).
    """
    problems = check_content(content)
    for problem in problems:
        print(problem)
    errors = sum(p.severity == "error" for p in problems)
    warnings = len(problems) - errors
    failed = errors > 0 or (strict and warnings > 0)
    verdict = "failed" if failed else "ok"
    print(f"check {verdict}: {errors} error(s), {warnings} warning(s)", file=sys.stderr)
    return 1 if failed else 0


def check_content(content: Path) -> list[Problem]:
    """Every problem in a content folder, sorted by path and line. Never raises on bad pages."""
    if not content.is_dir():
        raise InputError(content, "content folder not found")
    problems: list[Problem] = []
    glossary: list[GlossaryEntry] = []
    glossary_path = content / "glossary.yml"
    if glossary_path.exists():
        try:
            glossary, found = read_glossary(glossary_path)
        except SiteBuilderError as exc:
            found = []
            problems.append(_problem(glossary_path, 1, "E070", exc.reason))
        for item in found:
            problems.append(_problem(glossary_path, item.line, "E070", item.message))
    for path, line, code, message in metric_problems(content):  # metrics.yml and metric ids
        problems.append(_problem(path, line, code, message))
    reports = content / "reports"
    folders = sorted(p for p in reports.iterdir() if p.is_dir()) if reports.is_dir() else []
    for folder in folders:
        problems.extend(check_report(folder, glossary))
    return sorted(problems, key=lambda p: (p.path, p.line, p.code))


def check_report(folder: Path, glossary: list[GlossaryEntry]) -> list[Problem]:
    """The problems of one report folder (index.zh.md + index.en.md)."""
    zh_path, en_path = folder / "index.zh.md", folder / "index.en.md"
    if not zh_path.exists():
        if en_path.exists():
            return [_problem(en_path, 1, "E002", "English page without a Chinese page")]
        return []
    problems: list[Problem] = []
    zh = _load(zh_path, ZH_PAGE, problems)
    if not en_path.exists():
        problems.append(
            _problem(
                zh_path, 1, "E001", "no English page (index.en.md): run site-builder translate"
            )
        )
        return problems
    en = _load(en_path, EN_PAGE, problems)
    if zh is None or en is None:
        return problems
    spots = figure_blocks([b.block for b in zh.blocks], _figures(zh))
    problems += _check_zh_figures(zh, spots)
    problems += _check_en_front_matter(zh, en)
    aligned = _check_alignment(zh, en, problems)
    problems += _check_placeholders_and_leaks(en)
    if aligned:
        problems += _check_stale(zh, en)
        problems += _check_figures(zh, en, spots)
        problems += _check_glossary(zh, en, glossary)
    return problems


def _load(path: Path, page_schema: Schema, problems: list[Problem]) -> Page | None:
    try:
        page = read_page(path)
    except InputError as exc:
        problems.append(_problem(path, 1, "E003", f"unreadable page: {exc.reason}"))
        return None
    except SiteBuilderError as exc:
        line = re.match(r"line (\d+): ", exc.reason)  # frontmatter puts YAML's line first
        reason = exc.reason[line.end() :] if line else exc.reason
        problems.append(_problem(path, int(line.group(1)) if line else 1, "E004", reason))
        return None
    for issue in validate(page.meta, page_schema):
        code = "W005" if issue.unknown else "E005"
        problems.append(_problem(path, page.line_of(issue.key), code, issue.message))
    return page


def _figures(page: Page) -> list[dict[str, Any]]:
    figures = page.meta.get("key_figures")
    if not isinstance(figures, list):
        return []
    return [f if isinstance(f, dict) else {} for f in figures]


def _check_zh_figures(zh: Page, spots: list[list[int]]) -> list[Problem]:
    problems = []
    for index, (figure, blocks) in enumerate(zip(_figures(zh), spots, strict=True)):
        if figure.get("text") and not blocks:
            problems.append(
                _problem(
                    zh.path,
                    zh.line_of(("key_figures", index)),
                    "E031",
                    f"key figure text '{figure['text']}' is not in the page body",
                )
            )
    return problems


def _check_en_front_matter(zh: Page, en: Page) -> list[Problem]:
    """Each Chinese figure has its English entry (by id), current and saying the same."""
    zh_figures, en_figures = _figures(zh), _figures(en)
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
                _problem(
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
                    _problem(
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
                problems.append(
                    _problem(page.path, line, "E007", f"key-figure id {key} used twice")
                )
            seen.add(str(key))
    if not has_identity(en_figures):
        if len(zh_figures) != len(en_figures):
            problems.append(
                _problem(
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
            problems.append(_problem(zh.path, line, "W007", message))
        elif str(figure["id"]) not in en_ids:
            message = f"{name} has no English entry: run site-builder translate"
            problems.append(_problem(en.path, en.line_of(("key_figures",)), "E006", message))
    for index, entry in enumerate(en_figures):
        key = entry.get("id")
        if not key or str(key) not in zh_ids:
            what = f"id {key} is not on the Chinese page (figure removed?)" if key else "no id"
            message = (
                f"key_figures[{index}] ({entry.get('label')}): {what}; site-builder translate "
                "removes entries of removed figures"
            )
            line = en.line_of(("key_figures", index))
            problems.append(_problem(en.path, line, "E006", message))
    return problems


def _figure_name(zh: Page, index: int, figure: dict[str, Any]) -> str:
    """How messages name a figure: its id, text and label, and where it is."""
    key = f"{figure.get('id')} " if figure.get("id") else ""
    line = zh.line_of(("key_figures", index))
    return f"key figure {key}'{figure.get('text')}' ({figure.get('label')}, {zh.path.name}:{line})"


def _check_alignment(zh: Page, en: Page, problems: list[Problem]) -> bool:
    """Same number and kinds of blocks, in order; names the first mismatch."""
    for zh_block, en_block in zip(zh.blocks, en.blocks, strict=False):
        if _shape(zh_block) != _shape(en_block):
            problems.append(
                _problem(
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
            _problem(
                en.path,
                en.blocks[-1].line if en.blocks else en.body_line,
                "E011",
                f"{len(en.blocks)} blocks, the Chinese page has {len(zh.blocks)} ({where})",
            )
        )
        return False
    return True


def _check_stale(zh: Page, en: Page) -> list[Problem]:
    digests = en.source_digests
    if digests is None:
        return []  # the schema check already named the missing record
    if len(digests) != len(zh.blocks):
        line = en.line_of(("translation", "source_digests"))
        message = f"translation.source_digests has {len(digests)} entries for {len(zh.blocks)} Chinese blocks"
        return [_problem(en.path, line, "E021", message)]
    problems = []
    for number, (zh_block, en_block, digest) in enumerate(
        zip(zh.blocks, en.blocks, digests, strict=True), start=1
    ):
        if zh_block.digest != digest:
            problems.append(
                _problem(
                    en.path,
                    en_block.line,
                    "E020",
                    f"stale: block {number} ({zh_block.block.kind}) changed in "
                    f"{zh.path.name}:{zh_block.line} since it was translated; once the English "
                    f"fits, set translation.source_digests[{number - 1}] to {zh_block.digest}",
                )
            )
    return problems


def _check_figures(zh: Page, en: Page, spots: list[list[int]]) -> list[Problem]:
    """Every figure of a Chinese block said the same in the aligned English block (E030,
    E033–E035), each figure matched to its own mention."""
    figures = _figures(zh)
    in_block: dict[int, list[int]] = {}
    for index, blocks in enumerate(spots):
        if blocks:
            in_block.setdefault(blocks[0], []).append(index)
    problems = []
    for number, indexes in sorted(in_block.items()):
        if is_placeholder(en.blocks[number].block.text):
            continue
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
            problems.append(_problem(en.path, en.blocks[number].line, code, message))
    return problems


def _english(block: PageBlock) -> str:
    return block.block.text + " " + block.block.sub


def _check_placeholders_and_leaks(en: Page) -> list[Problem]:
    problems = []
    for key in (("title",), ("subtitle",)) + tuple(
        ("key_figures", i, name) for i in range(len(_figures(en))) for name in ("label", "text")
    ):
        value = _get(en.meta, key)
        if not isinstance(value, str) or (key[0] == "key_figures" and is_placeholder(value)):
            continue  # untranslated figures are counted together below
        name = ".".join(str(part) for part in key)
        if is_placeholder(value):
            problems.append(
                _problem(en.path, en.line_of(key), "W060", f"{name} is not translated yet")
            )
        elif leak := chinese_leak(value):
            problems.append(
                _problem(en.path, en.line_of(key), "E040", f"Chinese text in {name}: '{leak}'")
            )
    untranslated = [
        i
        for i, figure in enumerate(_figures(en))
        if any(
            not isinstance(v, str) or is_placeholder(v)
            for v in (figure.get("label"), figure.get("text"))
        )
    ]
    if untranslated:
        problems.append(
            _problem(
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
                _problem(
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
                    _problem(
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
            _problem(
                en.path,
                en.line_of(("translation", "status")),
                "W061",
                f"translation status is '{status}': needs a translator's review",
            )
        )
    return problems


def _check_glossary(zh: Page, en: Page, glossary: list[GlossaryEntry]) -> list[Problem]:
    terms = [entry for entry in glossary if entry.kind in CONSISTENT_KINDS]
    problems = []
    for zh_block, en_block in zip(zh.blocks, en.blocks, strict=True):
        if zh_block.block.kind == "callout" or is_placeholder(en_block.block.text):
            continue
        english = en_block.block.text + " " + en_block.block.sub
        for entry in find_terms(zh_block.block.text + " " + zh_block.block.sub, terms):
            if not renders_term(entry, english):
                problems.append(
                    _problem(
                        en.path,
                        en_block.line,
                        "W050",
                        f"glossary term {entry.zh} is '{entry.en}' (glossary.yml:{entry.line}), "
                        f"not found in this {en_block.block.kind}",
                    )
                )
    return problems


def _shape(block: PageBlock) -> str:
    if block.block.kind == "callout":
        return f"callout ({block.block.text})"
    return block.block.kind


def _get(data: Any, key: Iterable[str | int]) -> Any:
    for part in key:
        if isinstance(data, dict) and isinstance(part, str):
            data = data.get(part)
        elif isinstance(data, list) and isinstance(part, int) and part < len(data):
            data = data[part]
        else:
            return None
    return data


def _problem(path: Path, line: int, code: str, message: str) -> Problem:
    severity: Severity = "warning" if code.startswith("W") else "error"
    return Problem(str(path), line, code, message, severity)
