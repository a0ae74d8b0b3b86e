"""Render an Article as the Chinese page index.zh.md: YAML front matter + Markdown body."""

from __future__ import annotations

import datetime
import hashlib
import json
from typing import Any

from site_builder.content.blocks import render_body
from site_builder.content.frontmatter import dump_front_matter
from site_builder.content.identity import assign_ids
from site_builder.content.model import Article, Block, KeyFigure


def page_digest(front_matter: dict[str, Any], body: str) -> str:
    """Digest of a page's content, ignoring the `generated` record itself.

    The front matter is digested as canonical JSON, so re-indenting the YAML is not an edit
    but changing any value is.
    """
    data = {k: v for k, v in front_matter.items() if k != "generated"}
    text = json.dumps(data, sort_keys=True, ensure_ascii=False, default=str) + body.strip()
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


def zh_front_matter(article: Article, source_name: str) -> dict[str, Any]:
    meta = article.meta
    figures = article.key_figures
    ids = assign_ids([f.text for f in figures], [f.id for f in figures])
    front: dict[str, Any] = {
        # An imported page is a draft until an editor has checked it (and removes this key).
        "draft": True,
        "title": meta.title,
        "subtitle": meta.subtitle,
        # A YAML date (2021-12-31), as MkDocs and editors expect; null when unknown.
        "date": datetime.date.fromisoformat(meta.date) if meta.date else None,
        "period": meta.period,
        "publication": meta.publication,
        "edition": meta.edition,
        "section": meta.section,
        "byline": [{"role": group.role, "names": list(group.names)} for group in meta.byline],
        "region": meta.region,
        "region_path": list(meta.region_path) or None,
        "region_code": meta.region_code,
        "level": meta.level,
        "source": source_name,
        "source_page": meta.source_page,
        "key_figures": [_figure_record(f, i) for f, i in zip(figures, ids, strict=True)],
        "layout_notes": list(article.layout_notes),
    }
    if article.review:  # the converter's doubts, for the editor (content/review_codes.py)
        front["review"] = [{"code": item.code, "message": item.message} for item in article.review]
    front["editor_note"] = None
    return front


def _figure_record(figure: KeyFigure, figure_id: str) -> dict[str, object]:
    """The figure's front-matter record with its id first (cheaper than copying the figure)."""
    record = figure.as_dict()
    record.pop("id", None)
    return {"id": figure_id, **record} if figure_id else record


def body_blocks(article: Article) -> list[Block]:
    """The article's blocks with key-figure callouts: one at the top, one per section with figures."""
    blocks: list[Block] = []
    if any(figure.headline for figure in article.key_figures):
        blocks.append(Block("callout", "glance"))
    sections_with_figures = _sections_with_figures(article)
    for index, block in enumerate(article.blocks):
        blocks.append(block)
        if block.kind == "heading" and index in sections_with_figures:
            blocks.append(Block("callout", "section"))
    return blocks


def _sections_with_figures(article: Article) -> set[int]:
    """Indexes of headings whose section contains at least one figure."""
    heading_of: dict[int, int] = {}
    current = -1
    for index, block in enumerate(article.blocks):
        if block.kind == "heading":
            current = index
        heading_of[index] = current
    return {heading_of[f.block] for f in article.key_figures if heading_of.get(f.block, -1) >= 0}


def render_zh_page(article: Article, source_name: str, source_file: str) -> str:
    """The full text of index.zh.md, with a `generated` record that guards later edits."""
    front = zh_front_matter(article, source_name)
    body = render_body(body_blocks(article))
    front["generated"] = {"digest": page_digest(front, body), "source_file": source_file}
    return dump_front_matter(front) + "\n" + body
