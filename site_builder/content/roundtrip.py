"""Round-trip rewrites of front matter: change what changed, keep the rest as the editor left it.

Commands that rewrite a page people edit (translate, import-translations, migrate) go through
``rewrite_front_matter``; generated pages keep the fast emitter of ``frontmatter``.
"""

from __future__ import annotations

import io
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.error import CommentMark, YAMLError
from ruamel.yaml.tokens import CommentToken

from site_builder.content.errors import FrontMatterError
from site_builder.content.frontmatter import FENCE, closing_fence


def rewrite_front_matter(
    text: str, data: Mapping[str, Any], path: object = "<page>", body: str | None = None
) -> str:
    """``text`` (a whole page) with its front matter changed to ``data``, and nothing else.

    ruamel.yaml's round trip keeps comments, key order, quoting and flow/block style of what
    did not change; values are changed in place, keys added next to their neighbours, list
    entries with an ``id`` (key figures) matched by id, so that a comment on an entry's line
    travels with it and a comment line above an entry stays above it. The body is kept byte
    for byte, or replaced by ``body`` (what follows the closing fence line). Raises FrontMatterError if the page has no front matter, or if a comment could
    not be kept (never written silently without it).
    """
    lines = text.split("\n")
    end = closing_fence(lines)
    if end is None:
        raise FrontMatterError(path, "no front matter to rewrite: the page must start with '---'")
    front = "\n".join(lines[1:end]) + "\n" if end > 1 else ""
    engine = _round_trip()
    try:
        doc = engine.load(front) if front.strip() else None
    except YAMLError as exc:
        raise FrontMatterError(path, f"broken YAML front matter ({exc})") from None
    if doc is None:
        doc = CommentedMap()
    if not isinstance(doc, CommentedMap):
        raise FrontMatterError(path, "front matter must be a mapping of keys to values")
    _restore_dropped_comments(doc, front)
    _merge(doc, data)
    out = io.StringIO()
    engine.dump(doc, out)
    rewritten = out.getvalue()
    lost = [c for c in _comment_lines(front) if c not in rewritten]
    if lost:
        raise FrontMatterError(path, f"rewriting would lose the comment '{lost[0]}'")
    after = "\n".join(lines[end + 1 :]) if body is None else body
    return FENCE + "\n" + rewritten + FENCE + "\n" + after


def _round_trip() -> YAML:
    engine = YAML(typ="rt")
    engine.preserve_quotes = True
    engine.width = 4096  # never re-wrap an editor's long line
    engine.indent(mapping=2, sequence=2, offset=0)  # '- ' at the parent key's column, as we write
    # null as 'null' (ruamel's default is an empty value), as the fast emitter writes it.
    engine.representer.add_representer(
        type(None), lambda rep, _: rep.represent_scalar("tag:yaml.org,2002:null", "null")
    )
    return engine


def _comment_lines(front: str) -> list[str]:
    """The comments of a YAML text, each as '# …' (for the never-lose check)."""
    found = []
    for line in front.split("\n"):
        match = re.search(r"(?:^|\s)(#.*)$", line)
        if match and not _inside_quotes(line, match.start(1)):
            found.append(match.group(1).rstrip())
    return found


def _inside_quotes(line: str, index: int) -> bool:
    single = double = False
    for position, char in enumerate(line[:index]):
        if char == "'" and not double:
            single = not single
        elif char == '"' and not single and (position == 0 or line[position - 1] != "\\"):
            double = not double
    return single or double


def _merge(old: Any, new: Any) -> Any:
    """``new`` as a node, reusing ``old`` (and its comments and style) wherever they agree."""
    if isinstance(old, CommentedMap) and isinstance(new, Mapping):
        for key in [k for k in old if k not in new]:
            del old[key]
        previous: Any = None
        for key, value in new.items():
            if key in old:
                merged = _merge(old[key], value)
                if merged is not old[key]:
                    old[key] = merged
            else:
                keys = list(old)
                at = keys.index(previous) + 1 if previous in keys else 0
                old.insert(at, key, _node(value))
            previous = key
        return old
    if isinstance(old, CommentedSeq) and isinstance(new, list):
        if _ids(old) and _ids(new):
            _merge_by_id(old, new)
        else:
            for index, value in enumerate(new[: len(old)]):
                merged = _merge(old[index], value)
                if merged is not old[index]:
                    old[index] = merged
            del old[len(new) :]
            old.extend(_node(value) for value in new[len(old) :])
        return old
    same_type = isinstance(old, bool) == isinstance(new, bool) and not isinstance(old, (dict, list))
    return old if same_type and old == new else _node(new)


def _node(value: Any) -> Any:
    """A new node in the page's style: small records and short lists on one line."""
    if isinstance(value, Mapping):
        node = CommentedMap((k, _node(v)) for k, v in value.items())
        if all(_scalar(v) or isinstance(v, list) for v in value.values()):
            node.fa.set_flow_style()
        return node
    if isinstance(value, list):
        seq = CommentedSeq(_node(v) for v in value)
        if all(map(_scalar, value)) and sum(len(str(v)) for v in value) <= 120:
            seq.fa.set_flow_style()
        return seq
    return value


def _ids(items: list[Any]) -> list[str]:
    ids = [item.get("id") for item in items if isinstance(item, Mapping)]
    return [str(i) for i in ids if i] if len(ids) == len(items) and all(ids) else []


def _merge_by_id(old: CommentedSeq, new: list[Any]) -> None:
    """Entries matched by id: removed, inserted and moved with their comments."""
    comments = _seq_comments(old)
    by_id = {str(item["id"]): (item, note) for item, note in zip(old, comments, strict=True)}
    kept = {str(item["id"]) for item in new}
    # Comments of a removed entry and lines above it stay above the entry that followed it.
    carried: list[str] = []
    order: list[tuple[Any, _ItemComments]] = []
    for item, note in zip(old, comments, strict=True):
        if str(item["id"]) in kept:
            note.above = carried + note.above
            carried = []
        else:  # its comments too: an editor's note is never dropped silently
            carried += note.above + ([note.eol.value.strip() + "\n"] if note.eol else [])
    trailing = carried
    for value in new:
        found = by_id.get(str(value["id"]))
        if found is None:
            order.append((_node(value), _ItemComments()))
        else:
            order.append((_merge(found[0], value), found[1]))
    old[:] = []  # rebuilt below, comments re-attached in the canonical place
    old.ca.items.clear()
    for item, _ in order:
        list.append(old, item)
    notes = [note for _, note in order]
    if notes:
        notes[-1].after += trailing
    _set_seq_comments(old, notes)


@dataclass
class _ItemComments:
    """An entry's comments: on its own line (``eol``), on lines above it, lines after the last."""

    eol: Any = None  # the CommentToken of the entry's line, kept for its column
    above: list[str] = field(default_factory=list)
    after: list[str] = field(default_factory=list)


def _token_lines(tokens: Any) -> list[str]:
    items = tokens if isinstance(tokens, list) else [tokens]
    text = "".join(t.value for t in items if t is not None)
    return [line + "\n" for line in text.split("\n") if line.strip()]


def _seq_comments(seq: CommentedSeq) -> list[_ItemComments]:
    """Each entry's comments, from where ruamel keeps them: slot 0 of an entry holds its
    end-of-line comment and the comment lines after it; slot 1 comment lines before it."""
    notes = [_ItemComments() for _ in seq]
    for index in range(len(seq)):
        slots = seq.ca.items.get(index) or [None, None, None, None]
        eol, before = slots[0], slots[1]
        if before:
            notes[index].above += _token_lines(before)
        if eol is None:
            continue
        lines = _token_lines(eol)
        if eol.start_mark is not None and eol.start_mark.column > 0 and lines:
            notes[index].eol = eol
            eol.value = lines[0]
            lines = lines[1:]
        if index + 1 < len(seq):
            notes[index + 1].above = lines + notes[index + 1].above
        else:
            notes[index].after += lines
    return notes


def _set_seq_comments(seq: CommentedSeq, notes: list[_ItemComments]) -> None:
    for index, note in enumerate(notes):
        following = notes[index + 1].above if index + 1 < len(notes) else note.after
        if index == 0 and note.above:  # lines above the first entry: the list's own comment
            if seq.ca.comment is None:
                seq.ca.comment = [None, []]
            seq.ca.comment[1].append(CommentToken("".join(note.above), CommentMark(0)))
        if note.eol is None and not following:
            continue
        if note.eol is not None:
            note.eol.value = note.eol.value.rstrip("\n") + "\n" + "".join(following)
            token = note.eol
        else:
            token = CommentToken("\n" + "".join(following), CommentMark(0))
        seq.ca.items[index] = [token, None, None, None]


def _restore_dropped_comments(doc: CommentedMap, front: str) -> None:
    """ruamel.yaml (0.18, 0.19) drops a comment line that follows a one-line flow entry
    without a comment and precedes an entry with one; hang it on the entry before it."""
    lines = front.split("\n")
    for seq in _sequences(doc):
        for index in range(1, len(seq)):
            start, end = seq.lc.item(index - 1)[0], seq.lc.item(index)[0]
            between = [line.strip() + "\n" for line in lines[start + 1 : end]]
            between = [line for line in between if line.startswith("#")]
            slots = seq.ca.items.get(index - 1) or [None, None, None, None]
            slots_next = seq.ca.items.get(index) or [None, None, None, None]
            held = "".join(_token_lines(slots[0]) + _token_lines(slots_next[1]))
            missing = [line for line in between if line not in held]
            if not missing or start != end - 1 - len(between):
                continue
            if slots[0] is None:
                slots[0] = CommentToken("\n" + "".join(missing), CommentMark(0))
            else:
                slots[0].value = slots[0].value.rstrip("\n") + "\n" + "".join(missing)
            seq.ca.items[index - 1] = slots


def _sequences(node: Any) -> list[CommentedSeq]:
    found = []
    if isinstance(node, CommentedSeq):
        found.append(node)
    children = (
        node.values() if isinstance(node, Mapping) else node if isinstance(node, list) else []
    )
    for child in children:
        if isinstance(child, (Mapping, list)):
            found += _sequences(child)
    return found


def _scalar(value: object) -> bool:
    return not isinstance(value, (dict, list))
