"""Content pages read back for checking and the site: front matter, blocks, key lines.

One model of a read page: the English checks read files (``read_page``), the site parses the
text MkDocs read (``parse_page``); both give a ``Page``.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from site_builder.content.blocks import PageBlock, parse_body
from site_builder.content.errors import FrontMatterError
from site_builder.content.files import read_file_text
from site_builder.content.front_matter_cache import FrontMatterCache
from site_builder.content.frontmatter import front_matter_text, split_front_matter
from site_builder.content.model import Block
from site_builder.content.schema import EN_PAGE, ZH_PAGE, Schema, SchemaIssue, validate

# The language suffix of a page file: index.zh.md, about.en.md, index.zh-Hant.md.
_LANG_RE = re.compile(r"\.(?P<lang>[a-z]{2}(?:[-_][A-Za-z]+)?)\.md$")


@dataclass
class Page:
    """A content page read back: front matter, body blocks, and where each key sits."""

    path: Path  # the file; for a page parsed from text, its name in docs_dir (src_uri)
    meta: dict[str, Any]
    blocks: list[PageBlock]
    body_line: int  # line of the body's first line in the file
    key_lines: dict[tuple[str | int, ...], int] = field(default_factory=dict)
    lang: str = ""  # from the file name (index.zh.md -> 'zh'); '' without a suffix
    src_uri: str = ""  # the page's name in docs_dir, for pages the site reads

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


def parse_page(
    text: str, path: Path, src_uri: str = "", *, cache: FrontMatterCache | None = None
) -> Page:
    """A page from its text, without key lines; raises FrontMatterError (broken). ``cache``
    keeps parsed front matter between builds."""
    meta, body, body_line = split_front_matter(text, src_uri or path, cache=cache)
    match = _LANG_RE.search(path.name)
    lang = match.group("lang") if match else ""
    return Page(path, meta, parse_body(body, body_line), body_line, lang=lang, src_uri=src_uri)


def read_page(path: Path) -> Page:
    """Read a content page; raises InputError (unreadable) or FrontMatterError (broken)."""
    text = read_file_text(path)
    page = parse_page(text, path)
    _fill_key_lines(page, text)
    return page


def _fill_key_lines(page: Page, text: str) -> None:
    front = front_matter_text(text)
    try:
        _key_lines(
            yaml.compose(front or "", Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader)),
            (),
            page.key_lines,
        )
    except yaml.YAMLError:  # the loader accepted it, so this cannot happen; lines are a nicety
        pass


# The schema of a report page by its language; the Chinese page is the source of truth.
REPORT_SCHEMAS: dict[str, Schema] = {"zh": ZH_PAGE, "en": EN_PAGE}


def schema_issues(page: Page) -> list[SchemaIssue]:
    """What ``check`` reports as E005 (errors) and W005 (unknown keys) for a report page."""
    schema = REPORT_SCHEMAS.get(page.lang)
    return validate(page.meta, schema) if schema is not None else []


def require_schema(page: Page, text: str | None = None) -> Page:
    """``page`` if its front matter fits the schema, else FrontMatterError naming the first
    wrong key (``line N: E005 …``; the line when the page was read with its key lines, or
    ``text`` is given). What the build
    and the commands that rewrite pages use, so that none of them acts on a page ``check``
    fails (a list for a title, text for the key figures)."""
    errors = [issue for issue in schema_issues(page) if not issue.warning]
    if not errors:
        return page
    if text is not None and not page.key_lines:
        _fill_key_lines(page, text)
    where = f"line {page.line_of(errors[0].key)}: " if page.key_lines else ""
    more = f" (and {len(errors) - 1} more: run site-builder check)" if len(errors) > 1 else ""
    raise FrontMatterError(page.src_uri or page.path, f"{where}E005 {errors[0].message}{more}")


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


def figure_blocks(
    blocks: list[Block], figures: list[dict[str, Any]], best_only: bool = False
) -> list[list[int]]:
    """For each key figure, the indexes of the blocks that may hold it, best first (with
    ``best_only``, just the best: the site places each figure there, and stops looking).

    Figures carry no block index, only their ``text``, and are listed in text order: the
    block of the previous figure is where the search starts, then later blocks, then earlier.
    """
    texts = [block.text + block.sub for block in blocks]
    found: list[list[int]] = []
    cursor = 0
    for figure in figures:
        text = str(figure.get("text") or "")
        order = itertools.chain(range(cursor, len(texts)), range(cursor))
        holders = (i for i in order if text and text in texts[i])
        ordered = list(itertools.islice(holders, 1) if best_only else holders)
        if ordered:
            cursor = ordered[0]
        found.append(ordered)
    return found


def read_report_pages(folder: Path) -> tuple[Page, Page | None]:
    """A report folder's Chinese page and its English page (None if there is none), each
    read and held to the schema: what the commands that rewrite pages act on. Raises
    InputError or FrontMatterError (E004/E005) for a page check fails, before any write."""
    zh = require_schema(read_page(folder / "index.zh.md"))
    en_path = folder / "index.en.md"
    return zh, require_schema(read_page(en_path)) if en_path.exists() else None
