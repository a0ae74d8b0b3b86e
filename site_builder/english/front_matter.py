"""The English front matter of one report: title and subtitle, key-figure entries paired by id
with their Chinese figures, and the translation record (status and source digests)."""

from __future__ import annotations

from typing import Any

from site_builder.content.figure_english import english_figure
from site_builder.content.identity import label_digest
from site_builder.content.placeholders import is_placeholder
from site_builder.english.figure_check import check_text
from site_builder.english.translator import Translator

STATUS_RANK = {"pending": 0, "machine": 1, "draft": 2, "reviewed": 3}


def english_front_matter(
    translator: Translator, old: dict[str, Any], digests: list[str]
) -> dict[str, Any]:
    """The English front matter: old values kept where still valid, the rest filled."""
    meta = dict(old)
    for key in ("title", "subtitle"):
        current, chinese = old.get(key), translator.zh.meta.get(key)
        if not chinese:
            meta[key] = current if key == "title" else None
        elif not isinstance(current, str) or not current.strip() or is_placeholder(current):
            meta[key] = translator.text(str(chinese), key)
    meta["key_figures"] = _entries(translator, old.get("key_figures"))
    meta["translation"] = {"status": _status(translator, old), "source_digests": digests}
    order = ("title", "subtitle", "key_figures", "translation")
    return {k: meta.get(k) for k in order} | {k: v for k, v in meta.items() if k not in order}


def _entries(translator: Translator, old: Any) -> list[dict[str, Any]]:
    """English entries by id: kept where the editor has them, refilled where needed."""
    entries = [e for e in old if isinstance(e, dict)] if isinstance(old, list) else []
    by_id = {str(e["id"]): e for e in entries if e.get("id")}
    filled = {
        str(f["id"]): _entry(translator, f, by_id.get(str(f["id"]))) for f in translator.figures
    }
    out: list[dict[str, Any]] = []
    for entry in entries:
        key = str(entry.get("id") or "")
        if key in filled:
            out.append(filled.pop(key))
        elif not key:
            out.append(entry)  # hand-made, without id: kept for the editor (check: E006)
        else:
            translator.outcome.notes.append(
                f"{translator.outcome.path}: removed key figure {key} ({entry.get('label')}): "
                "its Chinese figure is gone"
            )
    for position, figure in enumerate(translator.figures):
        key = str(figure["id"])
        if key not in filled:
            continue
        before = {str(f["id"]) for f in translator.figures[:position]}
        at = max((i + 1 for i, e in enumerate(out) if str(e.get("id")) in before), default=0)
        out.insert(at, filled.pop(key))
    return out


def _entry(
    translator: Translator, figure: dict[str, Any], old: dict[str, Any] | None
) -> dict[str, Any]:
    """One English entry: label (refilled if missing or stale), text (by rule if wrong)."""
    entry = dict(old or {})
    chinese = str(figure.get("label") or "")
    digest = label_digest(chinese)
    label, text = entry.get("label"), entry.get("text")
    recorded = entry.get("label_digest", digest)
    if not isinstance(label, str) or not label.strip() or is_placeholder(label):
        label, recorded = translator.text(chinese, "label"), digest
    elif recorded != digest:
        # Relabelled in Chinese: the English label someone wrote stays, reported stale
        # (E022) until they revise it; a rule or glossary label is never put over it.
        translator.outcome.pending += 1  # stale, so the page is pending until it is revised
        translator.outcome.notes.append(
            f"{translator.outcome.path}: key figure {figure['id']}: the Chinese label is now "
            f"'{chinese}'; the English label '{label}' is kept and reported stale"
        )
    if not isinstance(text, str) or check_text(figure, text) is not None:
        if isinstance(text, str) and text.strip() and not is_placeholder(text):
            translator.outcome.notes.append(
                f"{translator.outcome.path}: key figure {figure['id']} text '{text}' replaced by "
                f"rule: {english_figure(figure)} (it no longer said {figure.get('text')})"
            )
        text = english_figure(figure)
    extra = {k: v for k, v in entry.items() if k not in ("id", "label", "text", "label_digest")}
    return {"id": figure["id"], "label": label, "text": text} | extra | {"label_digest": recorded}


def _status(translator: Translator, old: dict[str, Any]) -> str:
    record = old.get("translation")
    status = record.get("status") if isinstance(record, dict) else None
    if translator.outcome.pending:
        return "pending"
    if status not in STATUS_RANK or status == "pending":
        return "machine" if translator.machine else "draft"
    if translator.machine and STATUS_RANK[str(status)] > STATUS_RANK["machine"]:
        return "machine"
    return str(status)
