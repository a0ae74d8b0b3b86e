"""The zh -> en glossary (content/glossary.yml): load, schema-check, find terms in text.

The file is a YAML list of entries::

    - zh: 双招双引
      en: attracting investment and talent
      kind: policy_term          # place | organisation | person_title | policy_term | slogan | metric
      pinyin: shuāng zhāo shuāng yǐn   # optional; for names
      note: Recruiting businesses and capital as well as skilled people.   # optional

Every entry remembers its line in the file so that problems can be reported as
``path:line``. ``read_glossary`` collects every problem; ``load_glossary`` raises the first.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

import yaml

from site_builder.content.errors import ContentError, FrontMatterError, InputError
from site_builder.content.files import read_file_text
from site_builder.content.yaml_entries import entry_fields, line_of

KINDS = ("place", "organisation", "person_title", "policy_term", "slogan", "metric")
REQUIRED = ("zh", "en", "kind")
OPTIONAL = ("pinyin", "note")


@dataclass
class GlossaryEntry:
    """One term: Chinese, its fixed English rendering, and what kind of term it is."""

    zh: str
    en: str
    kind: str
    pinyin: str | None = None
    note: str | None = None
    line: int = 0  # 1-based line of the entry in glossary.yml (0 = not from a file)


@dataclass
class GlossaryProblem:
    """A schema problem in the glossary file, at a 1-based line."""

    line: int
    message: str


def read_glossary(path: Path) -> tuple[list[GlossaryEntry], list[GlossaryProblem]]:
    """Read ``path`` and return the valid entries and every problem found.

    Broken YAML is one problem at the line YAML reports; an unreadable file raises
    ``InputError``. Entries with problems are left out of the returned list.
    """
    if not path.exists():
        raise InputError(path, "glossary file not found")
    try:
        text = read_file_text(path, "glossary file")  # a FIFO or a folder would hang or fail
    except InputError as exc:
        raise InputError(path, f"cannot read the glossary ({exc.reason})") from None
    try:
        # compose, not safe_load: the node tree keeps the line of every entry and key.
        root = yaml.compose(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        problem = getattr(exc, "problem", None) or str(exc).splitlines()[0]
        line = mark.line + 1 if mark is not None else 1
        return [], [GlossaryProblem(line, f"broken YAML ({problem})")]
    if root is None:
        return [], []
    if not isinstance(root, yaml.SequenceNode):
        return [], [GlossaryProblem(line_of(root), "the glossary must be a list of entries")]
    entries: list[GlossaryEntry] = []
    problems: list[GlossaryProblem] = []
    seen: dict[str, int] = {}
    for node in root.value:
        entry = _read_entry(node, problems)
        if entry is None:
            continue
        if entry.zh in seen:
            problems.append(
                GlossaryProblem(
                    entry.line, f"duplicate term '{entry.zh}' (first at line {seen[entry.zh]})"
                )
            )
            continue
        seen[entry.zh] = entry.line
        entries.append(entry)
    return entries, problems


def load_glossary(path: Path) -> list[GlossaryEntry]:
    """Load and schema-check the glossary; raise on the first problem.

    Raises ``InputError`` (unreadable), ``FrontMatterError`` (broken YAML) or
    ``ContentError`` (an entry that does not fit the schema), naming ``path:line``.
    """
    entries, problems = read_glossary(path)
    if problems:
        first = problems[0]
        more = f" (and {len(problems) - 1} more)" if len(problems) > 1 else ""
        error = FrontMatterError if first.message.startswith("broken YAML") else ContentError
        raise error(f"{path}:{first.line}", first.message + more)
    return entries


def find_terms(text: str, entries: Iterable[GlossaryEntry]) -> list[GlossaryEntry]:
    """The glossary entries that occur in ``text``, each once, in order of first appearance.

    Matching is leftmost-longest and non-overlapping: in 邹城市钢山街道 an entry for the
    whole name wins over 邹城市 and 钢山街道; without one, both shorter terms are found.
    """
    by_first: dict[str, list[GlossaryEntry]] = {}
    for entry in entries:
        if entry.zh:
            by_first.setdefault(entry.zh[0], []).append(entry)
    for candidates in by_first.values():
        candidates.sort(key=lambda e: len(e.zh), reverse=True)
    found: list[GlossaryEntry] = []
    seen: set[str] = set()
    pos = 0
    while pos < len(text):
        for entry in by_first.get(text[pos], ()):
            if text.startswith(entry.zh, pos):
                if entry.zh not in seen:
                    seen.add(entry.zh)
                    found.append(entry)
                pos += len(entry.zh)
                break
        else:
            pos += 1
    return found


def glossary_lookup(entries: Iterable[GlossaryEntry]) -> dict[str, GlossaryEntry]:
    """Entries keyed by their Chinese term."""
    return {entry.zh: entry for entry in entries}


def _read_entry(node: yaml.Node, problems: list[GlossaryProblem]) -> GlossaryEntry | None:
    line = line_of(node)
    if not isinstance(node, yaml.MappingNode):
        problems.append(GlossaryProblem(line, "an entry must be a mapping with zh, en and kind"))
        return None
    fields: dict[str, str | None] = {}
    entries, issues = entry_fields(node, REQUIRED + OPTIONAL)
    problems.extend(GlossaryProblem(at, message) for at, message in issues)
    ok = not issues
    for key, value_node in entries:
        value = _scalar_text(value_node)
        if value is _NOT_TEXT:
            problems.append(GlossaryProblem(line_of(value_node), f"'{key}' must be text"))
            ok = False
            continue
        fields[key] = value  # type: ignore[assignment]
    for key in REQUIRED:
        if not fields.get(key):
            problems.append(GlossaryProblem(line, f"entry lacks '{key}' (zh, en, kind required)"))
            ok = False
    kind = fields.get("kind")
    if kind and kind not in KINDS:
        problems.append(
            GlossaryProblem(line, f"unknown kind '{kind}' (one of: {', '.join(KINDS)})")
        )
        ok = False
    if not ok:
        return None
    return GlossaryEntry(
        zh=str(fields["zh"]).strip(),
        en=str(fields["en"]).strip(),
        kind=str(kind),
        pinyin=fields.get("pinyin") or None,
        note=fields.get("note") or None,
        line=line,
    )


_NOT_TEXT = object()


def _scalar_text(node: yaml.Node) -> object:
    """A scalar's text (numbers kept as written), None for null, _NOT_TEXT otherwise."""
    if not isinstance(node, yaml.ScalarNode):
        return _NOT_TEXT
    if node.tag == "tag:yaml.org,2002:null" or (node.value in ("", "~", "null") and not node.style):
        return None
    return str(node.value)


def renders_term(entry: GlossaryEntry, english: str) -> bool:
    """Does an English text use the glossary's rendering of ``entry``?

    Lenient on form: case, quotes, hyphens, a parenthetical explanation in the rendering,
    a leading "the", and a plural or singular last word. For places and organisations a
    short back-reference also counts: "Gangshan" or "the subdistrict" for Gangshan Subdistrict.
    """
    text = f" {_normalise(english)} "
    if re.search(r"\.\.\.|…", entry.en):
        # A pattern such as "up ... year on year": every part, in order.
        parts = [_normalise(part) for part in re.split(r"\.\.\.|…", entry.en)]
        pattern = ".*".join(re.escape(f" {part} ") for part in parts if part)
        return re.search(pattern, text) is not None
    rendering = _normalise(re.sub(r"\([^)]*\)", " ", entry.en))
    rendering = re.sub(r"^the ", "", rendering)
    if not rendering:
        return True
    words = rendering.split()
    variants = {rendering, re.sub(r"^the ", "", _normalise(entry.en))}
    # A quoted name is the distinctive part: "5 come to listen" public-opinion work.
    for quoted in re.findall(r'"([^"]+)"|“([^”]+)”', entry.en):
        variants.add(_normalise("".join(quoted)))
    last = words[-1]
    variants.add(" ".join(words[:-1] + [last[:-1] if last.endswith("s") else last + "s"]))
    if entry.kind in ("place", "organisation") and len(words) > 1:
        variants.add(" ".join(words[:-1]))  # the proper part: "gangshan"
        variants.add(f"the {last}")  # a back-reference: "the subdistrict"
    return any(f" {variant} " in text for variant in variants if variant)


def _normalise(text: str) -> str:
    text = re.sub(r"['’]s\b", "", text.lower())  # possessive: Gangshan's -> gangshan
    text = re.sub(r"[\"'“”‘’«»「」『』]", "", text)
    text = re.sub(r"[^\w]+", " ", text)
    return " ".join(text.split())
