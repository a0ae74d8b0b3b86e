"""Key-figure identity: an id on every Chinese figure, English entries that follow it.

- A Chinese key figure's ``id`` is ``k`` and six hex digits (a letter first, so YAML never
  reads it as a number), given once (by the converter, or by
  ``site-builder migrate`` / ``translate`` for a figure without one) and never recomputed, so it
  survives relabelling, a changed text, pruning and reordering of the other figures. It is
  derived from the figure's ``text`` and how many earlier figures have the same text, so
  re-importing the same source gives the same ids; it never depends on the label.
- An English entry carries the ``id`` of its Chinese figure and ``label_digest``, the digest of
  the Chinese label its English label was translated from: a relabelled Chinese figure makes
  exactly that entry stale. Its English ``text`` needs no digest: the figure check compares it
  with the figure's value, unit, direction and qualifier every time.
- Legacy pages (English entries without ids) pair by position until migrated.
"""

from __future__ import annotations

import hashlib
from collections.abc import Mapping, Sequence
from typing import Any

ID_LENGTH = 6


def figure_id(text: str, occurrence: int = 0) -> str:
    """The id of the ``occurrence``-th (from 0) figure written ``text``."""
    key = f"{text}\x1f{occurrence}"
    return "k" + hashlib.sha256(key.encode("utf-8")).hexdigest()[:ID_LENGTH]


def assign_ids(texts: Sequence[str], ids: Sequence[str | None]) -> list[str]:
    """Ids for a list of figures: existing ids kept, missing ones derived and unique."""
    taken = {i for i in ids if i}
    seen: dict[str, int] = {}
    out: list[str] = []
    for text, current in zip(texts, ids, strict=True):
        occurrence = seen.get(text, 0)
        seen[text] = occurrence + 1
        if current:
            out.append(current)
            continue
        candidate = figure_id(text, occurrence)
        while candidate in taken:  # a collision, or an id an editor reused: next one
            occurrence += 1000
            candidate = figure_id(text, occurrence)
        taken.add(candidate)
        out.append(candidate)
    return out


def label_digest(label: object) -> str:
    """Digest of a Chinese label, recorded on the English entry translated from it."""
    return hashlib.sha256(str(label or "").encode("utf-8")).hexdigest()[:8]


def has_identity(entries: Sequence[Any]) -> bool:
    """Do these English entries follow their figures by id (i.e. is the page migrated)?"""
    return any(isinstance(e, Mapping) and e.get("id") for e in entries)


def english_entries(
    figures: Sequence[Mapping[str, Any]], entries: Sequence[Any]
) -> list[Mapping[str, Any] | None]:
    """For each Chinese figure, its English entry (or None): by id, or by position on a
    legacy page whose entries have no ids yet."""
    if not has_identity(entries):
        found = [e if isinstance(e, Mapping) else None for e in entries]
        return [found[i] if i < len(found) else None for i in range(len(figures))]
    by_id: dict[str, Mapping[str, Any]] = {}
    for entry in entries:
        if isinstance(entry, Mapping) and entry.get("id"):
            by_id.setdefault(str(entry["id"]), entry)
    return [by_id.get(str(f.get("id"))) if f.get("id") else None for f in figures]
