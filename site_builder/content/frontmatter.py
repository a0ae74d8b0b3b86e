"""YAML front matter of content pages: split, dump (fast, for generated pages), read with
clear errors. Pages people edit are rewritten by ``roundtrip.rewrite_front_matter``."""

from __future__ import annotations

import json
import math
import multiprocessing
import os
import pickle
import re
import sys
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from typing import Any

import yaml

from site_builder.content.errors import FrontMatterError, one_line
from site_builder.content.files import read_file_text
from site_builder.content.front_matter_cache import FrontMatterCache

FENCE = "---"


def closing_fence(lines: list[str]) -> int | None:
    """Index of the line closing the front matter, or None."""
    if not lines or lines[0].strip() != FENCE:
        return None
    return next((i for i in range(1, len(lines)) if lines[i].strip() == FENCE), None)


def body_after_front_matter(text: str) -> str | None:
    """The text after a page's closing '---' line (no YAML parsing); None without one."""
    lines = text.split("\n")
    end = closing_fence(lines)
    return None if end is None else "\n".join(lines[end + 1 :])


def split_front_matter(
    text: str, path: object = "<page>", *, cache: FrontMatterCache | None = None
) -> tuple[dict[str, Any], str, int]:
    """Return (front matter, body, line number of the body's first line); ``cache`` keeps
    parsed front matter between builds."""
    lines = text.split("\n")
    if not lines or lines[0].strip() != FENCE:
        raise FrontMatterError(path, "no front matter: the page must start with a '---' line")
    end = closing_fence(lines)
    if end is None:
        raise FrontMatterError(path, "front matter is not closed by a '---' line")
    yaml_text = "\n".join(lines[1:end])
    data = cache.get(yaml_text) if cache is not None else None
    if data is None:
        data = _parse_yaml(yaml_text, path)
        if cache is not None:
            cache.put(yaml_text, data)
    if not isinstance(data, dict):
        raise FrontMatterError(path, "front matter must be a mapping of keys to values")
    return data, "\n".join(lines[end + 1 :]), end + 2


def front_matter_text(text: str) -> str | None:
    """The YAML between a page's fences, or None (the page's error is for the parse to say)."""
    lines = text.split("\n")
    end = closing_fence(lines)
    return None if end is None else "\n".join(lines[1:end])


# Below this many pages to parse, starting worker processes costs more than it saves.
PARALLEL_FROM = 200


def parse_into_cache(yaml_texts: list[str], cache: FrontMatterCache, fork: bool = False) -> None:
    """Parse the front matter the cache does not hold yet, in a worker process per core when
    there are many and the caller says forking is safe (``fork``: this process runs no other
    thread, since one holding a lock would leave it held in the workers). PyYAML's constructor
    is pure Python, and a cold build of a thousand reports would otherwise spend seconds on
    one core with the other idle; forked workers start at once and import nothing again."""
    missing = [text for text in dict.fromkeys(yaml_texts) if not cache.has(text)]
    cores = os.cpu_count() or 1
    if not fork or len(missing) < PARALLEL_FROM or cores < 2:
        return  # parsed one by one as the pages are read
    context = multiprocessing.get_context("fork")
    workers = min(cores, 4)
    with ProcessPoolExecutor(workers, mp_context=context) as pool:
        chunk = max(1, len(missing) // (workers * 4))
        parsed = pool.map(_parse_pickled, missing, chunksize=chunk)
        for text, blob in zip(missing, parsed, strict=True):
            if blob is not None:
                cache.put_pickled(text, blob)


def _parse_pickled(yaml_text: str) -> bytes | None:
    """In a worker: the parsed YAML, pickled; None if it does not parse (the page's own
    parse reports why)."""
    try:
        data = load_yaml(yaml_text)
    except yaml.YAMLError:
        return None
    return pickle.dumps(data, protocol=pickle.HIGHEST_PROTOCOL)


def load_yaml(yaml_text: str) -> Any:
    """The front matter's YAML as data ({} when empty), by the one loader every command and
    the build use; raises ``yaml.YAMLError`` (with the line) for YAML it refuses."""
    return yaml.load(yaml_text, Loader=FrontMatterLoader) or {}


def _parse_yaml(yaml_text: str, path: object) -> Any:
    try:
        return load_yaml(yaml_text)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f"line {mark.line + 2}: " if mark is not None else ""
        problem = getattr(exc, "problem", None) or str(exc).splitlines()[0]
        raise FrontMatterError(path, f"{where}broken YAML front matter ({problem})") from None


# libyaml's C emitter and parser when present: ten times faster, same safe subset.
_SafeDumper = getattr(yaml, "CSafeDumper", yaml.SafeDumper)
_SafeLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


# Characters no XML 1.0 document may hold (tab and line ends aside), and DEL: front matter
# refuses them, and so do the commands that write it (PO import, machine translation).
CONTROL_RE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ud800-\udfff\ufffe\uffff]")


class FrontMatterLoader(_SafeLoader):  # type: ignore[misc,valid-type]
    """The safe loader, stricter where YAML's leniency loses or hides what an editor wrote:

    - a key twice in one mapping (YAML keeps the second silently);
    - aliases (``*name``): front matter has no use for them, and a few hundred bytes of
      nested aliases expand to gigabytes in anything that walks the data;
    - impossible dates (``2022-02-30``: PyYAML raises a bare ValueError);
    - non-finite numbers (``.inf``, ``.nan``, an integer beyond any float), which no figure
      or chart can show;
    - control characters written as escapes (``"\\x01"``, ``"\\e"``): shown nowhere, and no
      XML (an Atom feed, a sitemap) may hold them.

    Each is a ``yaml.constructor.ConstructorError`` carrying the line, like broken YAML.
    """

    def construct_object(self, node: yaml.Node, deep: bool = False) -> Any:
        # A node met a second time was reached through an alias (or is recursive).
        if node in self.constructed_objects or node in self.recursive_objects:
            raise yaml.constructor.ConstructorError(
                None, None, "aliases (*name) are not allowed in front matter", node.start_mark
            )
        return super().construct_object(node, deep)

    def construct_mapping(self, node: yaml.MappingNode, deep: bool = False) -> Any:
        seen: set[object] = set()
        for key_node, _ in node.value:
            if isinstance(key_node, yaml.ScalarNode):
                if key_node.value in seen:
                    raise yaml.constructor.ConstructorError(
                        None,
                        None,
                        f"duplicate key '{key_node.value}' (YAML would keep only the last)",
                        key_node.start_mark,
                    )
                seen.add(key_node.value)
        return super().construct_mapping(node, deep)

    def construct_yaml_str(self, node: yaml.ScalarNode) -> Any:
        value = super().construct_yaml_str(node)
        if control := CONTROL_RE.search(value):
            shown = one_line(value[:40])
            raise yaml.constructor.ConstructorError(
                None,
                None,
                f"control character U+{ord(control.group()):04X} in '{shown}'",
                node.start_mark,
            )
        return value

    def construct_yaml_timestamp(self, node: yaml.ScalarNode) -> Any:
        try:
            return super().construct_yaml_timestamp(node)
        except ValueError as exc:
            raise yaml.constructor.ConstructorError(
                None, None, f"impossible date '{node.value}' ({exc})", node.start_mark
            ) from None

    def construct_yaml_int(self, node: yaml.ScalarNode) -> Any:
        value = super().construct_yaml_int(node)
        if abs(value) > sys.float_info.max:  # every chart and sum works in floats
            raise yaml.constructor.ConstructorError(
                None, None, f"'{node.value[:40]}' is too large a number", node.start_mark
            )
        return value

    def construct_yaml_float(self, node: yaml.ScalarNode) -> Any:
        value = super().construct_yaml_float(node)
        if not math.isfinite(value):
            raise yaml.constructor.ConstructorError(
                None, None, f"'{node.value}' is not a finite number", node.start_mark
            )
        return value


FrontMatterLoader.add_constructor(
    "tag:yaml.org,2002:timestamp", FrontMatterLoader.construct_yaml_timestamp
)
FrontMatterLoader.add_constructor("tag:yaml.org,2002:int", FrontMatterLoader.construct_yaml_int)
FrontMatterLoader.add_constructor("tag:yaml.org,2002:str", FrontMatterLoader.construct_yaml_str)
FrontMatterLoader.add_constructor("tag:yaml.org,2002:float", FrontMatterLoader.construct_yaml_float)


class _PageDumper(_SafeDumper):  # type: ignore[misc,valid-type]
    """SafeDumper that writes small records on one line: one key figure per line."""


def _is_scalar(value: object) -> bool:
    return not isinstance(value, (dict, list))


def _represent_dict(dumper: yaml.SafeDumper, data: dict[str, Any]) -> yaml.Node:
    flat = all(
        _is_scalar(v) or (isinstance(v, list) and all(map(_is_scalar, v))) for v in data.values()
    )
    return dumper.represent_mapping("tag:yaml.org,2002:map", data, flow_style=flat and bool(data))


def _represent_list(dumper: yaml.SafeDumper, data: list[Any]) -> yaml.Node:
    short = all(map(_is_scalar, data)) and sum(len(str(v)) for v in data) <= 120
    return dumper.represent_sequence("tag:yaml.org,2002:seq", data, flow_style=short)


class _TopLevel(dict):  # type: ignore[type-arg]
    """The page's own mapping: always block style, one key per line."""


def _represent_top_level(dumper: yaml.SafeDumper, data: dict[str, Any]) -> yaml.Node:
    return dumper.represent_mapping("tag:yaml.org,2002:map", data, flow_style=False)


_PageDumper.add_representer(dict, _represent_dict)
_PageDumper.add_representer(_TopLevel, _represent_top_level)
_PageDumper.add_representer(list, _represent_list)


# Plain (unquoted) YAML is safe for these strings: they cannot read back as another type.
_PLAIN_RE = re.compile(
    r"[\u4e00-\u9fff][\u4e00-\u9fff0-9A-Za-z%.·]*|[0-9][0-9.]*[\u4e00-\u9fff%][\u4e00-\u9fff%]*|[A-Za-z][A-Za-z0-9_]*"
)
_NOT_YAML_PRINTABLE = re.compile(
    "[^\t\n\r\x20-\x7e\xa0-\u2027\u202a-\ud7ff\ue000-\ufefe\uff00-\ufffd\U00010000-\U0010ffff]"
)
_YAML_WORDS = {"y", "n", "yes", "no", "on", "off", "true", "false", "null"}


def _scalar(value: object) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float) and re.fullmatch(r"-?\d+\.\d+", repr(value)):
        return repr(value)
    if isinstance(value, str):
        if _PLAIN_RE.fullmatch(value) and value.lower() not in _YAML_WORDS:
            return value
        # JSON strings are YAML double-quoted scalars; escape what YAML does not allow raw.
        return _NOT_YAML_PRINTABLE.sub(
            lambda m: f"\\u{ord(m.group()):04x}", json.dumps(value, ensure_ascii=False)
        )
    raise TypeError(value)


def _flat_row(row: dict[str, Any]) -> str | None:
    """One record as a YAML flow mapping, without the (slow) generic YAML emitter."""
    try:
        return "{" + ", ".join(f"{key}: {_scalar(value)}" for key, value in row.items()) + "}"
    except TypeError:
        return None


def _plain_item(key: object, value: object) -> str | None:
    """``key: value`` for a scalar that yaml's dumper writes exactly so (a number, a short
    plain string), without the dumper's per-call setup; None for anything else."""
    if not (isinstance(key, str) and key.isidentifier() and key.lower() not in _YAML_WORDS):
        return None
    if value is None or isinstance(value, (bool, int)):
        return f"{key}: {_scalar(value)}"
    if isinstance(value, str) and len(value) <= 200 and _PLAIN_RE.fullmatch(value):
        return f"{key}: {value}" if value.lower() not in _YAML_WORDS else None
    return None


def _without_controls(value: Any) -> Any:
    """``value`` without the control characters the loader refuses (CONTROL_RE): what a page
    is written with must read back, whatever a source's entities or a tool handed over."""
    if isinstance(value, str):
        return CONTROL_RE.sub("", value)
    if isinstance(value, dict):
        return {key: _without_controls(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_without_controls(item) for item in value]
    return value


def dump_front_matter(data: dict[str, Any]) -> str:
    """YAML front matter with the safe dumper; small records stay on one line.

    Lists of flat records (key figures: hundreds of scalars) are written row by row by
    `_flat_row`, which only emits plain scalars that read back as themselves and JSON
    strings otherwise; the rest goes through yaml's safe dumper.
    """
    data = _without_controls(data)
    parts = [FENCE]
    for key, value in data.items():
        rows = (
            [_flat_row(r) if isinstance(r, dict) else None for r in value]
            if isinstance(value, list)
            else []
        )
        if (
            rows
            and all(rows)
            and all(isinstance(k, str) and k.isidentifier() for r in value for k in r)
        ):
            parts.append(f"{key}:")
            parts.extend(f"- {row}" for row in rows)
        elif (plain := _plain_item(key, value)) is not None:
            parts.append(plain)
        else:
            parts.append(
                yaml.dump(
                    _TopLevel({key: value}),
                    Dumper=_PageDumper,
                    allow_unicode=True,
                    sort_keys=False,
                    width=1000,
                ).rstrip("\n")
            )
    parts.append(FENCE)
    return "\n".join(parts) + "\n"


def read_text(path: Path) -> str:
    """A page's text; InputError naming it when it is missing, not a regular file, not UTF-8."""
    return read_file_text(path)


def read_page(path: Path) -> tuple[dict[str, Any], str, int]:
    return split_front_matter(read_text(path), path)
