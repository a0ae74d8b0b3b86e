"""site-builder check: validate content/ and report ``path:line: CODE message``.

Problem codes (E = error, W = warning; ``--strict`` fails on warnings too):

    E001 missing English page            E002 English page without a Chinese page
    E003 unreadable page                 E004 broken front matter (fence, YAML, not a mapping)
    E005 front-matter schema error       E006 English key_figures count differs from Chinese
    E010 block kinds do not match        E011 block counts do not match
    E020 stale block (Chinese changed)   E021 source_digests do not fit the Chinese blocks
    E030 key figure missing/different in the aligned English block
    E031 key figure text not in the Chinese body
    E032 English key-figure text does not carry the figure's value
    E040 Chinese characters left in English prose
    E070 glossary schema error or broken YAML
    W005 unknown front-matter key        W050 glossary term rendered inconsistently
    W060 placeholder for untranslated text
    W061 translation status pending or machine

Decisions worth knowing:
- A key figure has no block index: its block is the first one at or after the previous
  figure's block whose text contains the figure's ``text``; the aligned English block must
  carry the value by rule (``english.figure_in_text``: 470 million, 470,000,000, RMB 470 million).
- Deliberate glosses are not leaks: ``<span lang="zh">…</span>`` or a short parenthesis.
- W050 applies to places, organisations, policy terms and slogans (not to metrics and titles,
  which running text phrases freely); a place may also be referred back to ("the subdistrict").
- Placeholder blocks are reported once (W060), not as leaks or missing figures.
- A stale block's message gives the new digest, so an editor who has updated the English by
  hand can mark it current in ``translation.source_digests``.
"""

from __future__ import annotations

import datetime as dt
import re
import sys
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

import yaml

from site_builder.english import (
    PLACEHOLDER,
    chinese_leak,
    english_figure,
    figure_in_text,
    is_placeholder,
)
from site_builder.errors import InputError, SiteBuilderError
from site_builder.frontmatter import split_front_matter
from site_builder.glossary import GlossaryEntry, find_terms, read_glossary, renders_term
from site_builder.markdown_blocks import PageBlock, parse_body
from site_builder.model import UNIT_CODES, Block

Severity = Literal["error", "warning"]
# Glossary kinds whose rendering must appear wherever the term does; metrics and titles are
# phrased freely in running text, so they are left out.
CONSISTENT_KINDS = ("place", "organisation", "policy_term", "slogan")
NOISY_STATUSES = ("pending", "machine")


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
    problems = []
    zh_figures, en_figures = _figures(zh), _figures(en)
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
    for index, (zh_figure, en_figure) in enumerate(zip(zh_figures, en_figures, strict=True)):
        text = en_figure.get("text")
        if isinstance(text, str) and not is_placeholder(text):
            if not figure_in_text(zh_figure, text):
                problems.append(
                    _problem(
                        en.path,
                        en.line_of(("key_figures", index, "text")),
                        "E032",
                        f"key_figures[{index}].text '{text}' does not carry the value of "
                        f"'{zh_figure.get('text')}' (by rule: {english_figure(zh_figure)})",
                    )
                )
    return problems


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
    problems = []
    for figure, blocks in zip(_figures(zh), spots, strict=True):
        candidates = [en.blocks[i] for i in blocks if not is_placeholder(en.blocks[i].block.text)]
        if not candidates or any(_carries(figure, block) for block in candidates):
            continue
        first = candidates[0]
        zh_line = zh.blocks[blocks[0]].line
        problems.append(
            _problem(
                en.path,
                first.line,
                "E030",
                f"key figure '{figure.get('text')}' ({figure.get('label')}, "
                f"{zh.path.name}:{zh_line}) is missing or different here; "
                f"by rule: {english_figure(figure)}",
            )
        )
    return problems


def _carries(figure: dict[str, Any], block: PageBlock) -> bool:
    return figure_in_text(figure, block.block.text + " " + block.block.sub)


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


# -- pages ------------------------------------------------------------------------------------


@dataclass
class Page:
    """A content page read back: front matter, body blocks, and where each key sits."""

    path: Path
    meta: dict[str, Any]
    blocks: list[PageBlock]
    body_line: int  # line of the body's first line in the file
    key_lines: dict[tuple[str | int, ...], int] = field(default_factory=dict)

    def line_of(self, key: Iterable[str | int]) -> int:
        """The line of a front-matter key (or of its nearest parent that exists), else 1."""
        path = tuple(key)
        while path:
            if path in self.key_lines:
                return self.key_lines[path]
            path = path[:-1]
        return 1

    @property
    def source_digests(self) -> list[str] | None:
        record = self.meta.get("translation")
        digests = record.get("source_digests") if isinstance(record, dict) else None
        return [str(d) for d in digests] if isinstance(digests, list) else None


def read_page(path: Path) -> Page:
    """Read a content page; raises InputError (unreadable) or FrontMatterError (broken)."""
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError:
        raise InputError(path, "not UTF-8 text") from None
    except OSError as exc:
        raise InputError(path, exc.strerror or exc.__class__.__name__) from None
    meta, body, body_line = split_front_matter(text, path)
    page = Page(path, meta, parse_body(body, body_line), body_line)
    front = "\n".join(text.split("\n")[1 : body_line - 2])
    try:
        _key_lines(yaml.compose(front, Loader=yaml.SafeLoader), (), page.key_lines)
    except yaml.YAMLError:  # safe_load accepted it, so this cannot happen; lines are a nicety
        pass
    return page


def _key_lines(node: yaml.Node | None, key: tuple[str | int, ...], out: dict) -> None:
    # Front matter starts on the file's line 2, and marks count from 0: hence + 2.
    if isinstance(node, yaml.MappingNode):
        for key_node, value in node.value:
            out[key + (key_node.value,)] = key_node.start_mark.line + 2
            _key_lines(value, key + (key_node.value,), out)
    elif isinstance(node, yaml.SequenceNode):
        for index, item in enumerate(node.value):
            out[key + (index,)] = item.start_mark.line + 2
            _key_lines(item, key + (index,), out)


def figure_blocks(blocks: list[Block], figures: list[dict[str, Any]]) -> list[list[int]]:
    """For each key figure, the indexes of the blocks that may hold it, best first.

    Figures carry no block index, only their ``text``, and are listed in text order: the
    block of the previous figure is where the search starts, then later blocks, then earlier.
    """
    found: list[list[int]] = []
    cursor = 0
    for figure in figures:
        text = str(figure.get("text") or "")
        holders = [i for i, b in enumerate(blocks) if text and text in b.text + b.sub]
        ordered = [i for i in holders if i >= cursor] + [i for i in holders if i < cursor]
        if ordered:
            cursor = ordered[0]
        found.append(ordered)
    return found


# -- front-matter schema ------------------------------------------------------------------------


@dataclass(frozen=True)
class Key:
    """One front-matter key: its type, whether it must be present, may be null, its choices.

    type: text | number | bool | date | period | texts (list of text) | map (``fields``) |
    maps (list of maps with ``fields``) | any (free-form mapping).
    """

    type: str
    required: bool = True
    nullable: bool = False
    choices: tuple[str, ...] = ()
    fields: Mapping[str, Key] | None = None


Schema = Mapping[str, Key]

UNITS = UNIT_CODES
QUALIFIERS = ("more_than", "nearly", "about", "up_to")
STATUSES = ("reviewed", "draft", "machine", "pending")
# Keys MkDocs and Material read from any page; allowed without a warning.
MKDOCS_KEYS = ("template", "hide", "search", "description", "tags", "icon", "comments", "status")

ZH_FIGURE: Schema = {
    "text": Key("text"),
    "label": Key("text"),
    "value": Key("number"),
    "unit": Key("text", choices=tuple(UNITS)),
    "qualifier": Key("text", nullable=True, required=False, choices=QUALIFIERS),
    "yoy": Key("bool", required=False),
    "headline": Key("bool", required=False),
    "value_max": Key("number", nullable=True, required=False),
}
ZH_PAGE: Schema = {
    "title": Key("text"),
    "subtitle": Key("text", nullable=True, required=False),
    "date": Key("date", nullable=True),
    "period": Key("period", nullable=True, required=False),
    "publication": Key("text", nullable=True),
    "edition": Key("text", nullable=True),
    "byline": Key(
        "map",
        nullable=True,
        fields={"role": Key("text", nullable=True), "names": Key("texts")},
    ),
    "region": Key("text", nullable=True),
    "source": Key("text", nullable=True, required=False),
    "source_page": Key("text", nullable=True, required=False),
    "key_figures": Key("maps", fields=ZH_FIGURE),
    "layout_notes": Key("texts", nullable=True, required=False),
    "editor_note": Key("text", nullable=True, required=False),
    "generated": Key("any", nullable=True, required=False),
}
EN_PAGE: Schema = {
    "title": Key("text"),
    "subtitle": Key("text", nullable=True, required=False),
    # Null label/text = not translated yet (W060), as `translate` leaves them for a translator.
    "key_figures": Key(
        "maps",
        fields={"label": Key("text", nullable=True), "text": Key("text", nullable=True)},
    ),
    "translation": Key(
        "map",
        fields={"status": Key("text", choices=STATUSES), "source_digests": Key("texts")},
    ),
    "editor_note": Key("text", nullable=True, required=False),
}


@dataclass
class SchemaIssue:
    key: tuple[str | int, ...]
    message: str
    unknown: bool = False  # an unknown key is a warning (a typo?), not an error


def validate(data: Mapping[str, Any], schema: Schema) -> list[SchemaIssue]:
    """Check front matter against a schema; every message names the key (a.b[2].c)."""
    issues: list[SchemaIssue] = []
    _validate_map(data, schema, (), issues, top=True)
    return issues


def _validate_map(
    data: Mapping[str, Any],
    schema: Schema,
    where: tuple[str | int, ...],
    issues: list[SchemaIssue],
    top: bool = False,
) -> None:
    for name, key in schema.items():
        if name not in data:
            if key.required:
                issues.append(SchemaIssue(where, f"missing key '{_name(where + (name,))}'"))
            continue
        _validate_value(data[name], key, where + (name,), issues)
    for name in data:
        if name not in schema and not (top and name in MKDOCS_KEYS):
            known = ", ".join(schema)
            message = f"unknown key '{_name(where + (str(name),))}' (known: {known})"
            issues.append(SchemaIssue(where + (str(name),), message, unknown=True))


def _validate_value(value: Any, key: Key, where: tuple, issues: list[SchemaIssue]) -> None:
    name = _name(where)
    if value is None:
        if not key.nullable:
            issues.append(SchemaIssue(where, f"'{name}' must not be empty"))
        return
    expected = _TYPE_CHECKS[key.type]
    if not expected[1](value):
        got = type(value).__name__
        issues.append(SchemaIssue(where, f"'{name}' must be {expected[0]}, not {got} {value!r}"))
        return
    if key.choices and value not in key.choices:
        allowed = ", ".join(key.choices)
        issues.append(SchemaIssue(where, f"'{name}' is {value!r}; one of: {allowed}"))
    if key.type == "text" and not value.strip() and not key.nullable:
        issues.append(SchemaIssue(where, f"'{name}' must not be empty"))
    if key.type == "map" and key.fields is not None:
        _validate_map(value, key.fields, where, issues)
    if key.type == "maps" and key.fields is not None:
        for index, item in enumerate(value):
            if isinstance(item, dict):
                _validate_map(item, key.fields, where + (index,), issues)
            else:
                message = (
                    f"'{_name(where + (index,))}' must be a mapping of {', '.join(key.fields)}"
                )
                issues.append(SchemaIssue(where + (index,), message))


def _is_iso_date(value: Any) -> bool:
    if isinstance(value, dt.date):
        return True
    try:
        dt.date.fromisoformat(str(value))
    except ValueError:
        return False
    return True


_TYPE_CHECKS: dict[str, tuple[str, Any]] = {
    "text": ("text", lambda v: isinstance(v, str)),
    "number": ("a number", lambda v: isinstance(v, int | float) and not isinstance(v, bool)),
    "bool": ("true or false", lambda v: isinstance(v, bool)),
    "date": ("an ISO date (2021-12-31)", _is_iso_date),
    "period": ("a year or years as text ('2021')", lambda v: isinstance(v, str | int)),
    "texts": (
        "a list of text",
        lambda v: isinstance(v, list) and all(isinstance(x, str) for x in v),
    ),
    "map": ("a mapping", lambda v: isinstance(v, dict)),
    "maps": ("a list of mappings", lambda v: isinstance(v, list)),
    "any": ("a mapping", lambda v: isinstance(v, dict)),
}


def _name(where: tuple[str | int, ...]) -> str:
    out = ""
    for part in where:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out
