"""Entries of the editors' YAML lists (glossary.yml, metrics.yml), read node by node so each
problem names its line: what every entry's keys must be, whatever the file."""

from __future__ import annotations

from collections.abc import Sequence

import yaml


def line_of(node: yaml.Node) -> int:
    return node.start_mark.line + 1


def entry_fields(
    node: yaml.MappingNode, allowed: Sequence[str]
) -> tuple[list[tuple[str, yaml.Node]], list[tuple[int, str]]]:
    """The entry's (key, value node) pairs whose key is allowed, each key once; and the
    problems (line, message): a key written twice (YAML would keep only the last value, as
    front matter says too), a key not allowed."""
    fields: list[tuple[str, yaml.Node]] = []
    problems: list[tuple[int, str]] = []
    seen: set[str | None] = set()
    for key_node, value_node in node.value:
        key = key_node.value if isinstance(key_node, yaml.ScalarNode) else None
        if key in seen:
            problems.append(
                (line_of(key_node), f"duplicate key '{key}' (YAML would keep only the last)")
            )
        elif key is None or key not in allowed:
            message = f"unknown key '{key}' (allowed: {', '.join(allowed)})"
            problems.append((line_of(key_node), message))
        else:
            fields.append((key, value_node))
        seen.add(key)
    return fields, problems
