"""YAML front matter of content pages: split, dump (safe), read with clear errors."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from site_builder.errors import FrontMatterError, InputError

FENCE = "---"


def split_front_matter(text: str, path: object = "<page>") -> tuple[dict[str, Any], str, int]:
    """Return (front matter, body, line number of the body's first line)."""
    lines = text.split("\n")
    if not lines or lines[0].strip() != FENCE:
        raise FrontMatterError(path, "no front matter: the page must start with a '---' line")
    for end in range(1, len(lines)):
        if lines[end].strip() == FENCE:
            break
    else:
        raise FrontMatterError(path, "front matter is not closed by a '---' line")
    try:
        data = yaml.safe_load("\n".join(lines[1:end])) or {}
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f"line {mark.line + 2}: " if mark is not None else ""
        problem = getattr(exc, "problem", None) or str(exc).splitlines()[0]
        raise FrontMatterError(path, f"{where}broken YAML front matter ({problem})") from None
    if not isinstance(data, dict):
        raise FrontMatterError(path, "front matter must be a mapping of keys to values")
    return data, "\n".join(lines[end + 1 :]), end + 2


class _PageDumper(yaml.SafeDumper):
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


_PageDumper.add_representer(dict, _represent_dict)
_PageDumper.add_representer(list, _represent_list)


def dump_front_matter(data: dict[str, Any]) -> str:
    """YAML front matter with the safe dumper; small records stay on one line."""
    dumped = yaml.dump(data, Dumper=_PageDumper, allow_unicode=True, sort_keys=False, width=1000)
    return f"{FENCE}\n{dumped}{FENCE}\n"


def read_text(path: Path) -> str:
    try:
        return path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise InputError(path, "file not found") from None
    except UnicodeDecodeError:
        raise InputError(path, "not UTF-8 text") from None


def read_page(path: Path) -> tuple[dict[str, Any], str, int]:
    return split_front_matter(read_text(path), path)
