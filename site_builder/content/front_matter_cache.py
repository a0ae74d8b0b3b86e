"""Parsed front matter kept on disk between builds.

A report's front matter is mostly key-figure rows, and turning that YAML into Python objects
is the largest single cost of reading a thousand reports (PyYAML's constructor is Python even
with libyaml's parser). The result only depends on the YAML text, so it is kept under the
digest of that text: an edited page misses the cache and is parsed again, an unchanged one is
read back with pickle. The file is our own, written atomically, and thrown away whole if it
cannot be read or was written by another version.
"""

from __future__ import annotations

import hashlib
import pickle
from pathlib import Path
from typing import Any

import yaml

from site_builder.content.files import write_atomic

# Bump when what the cache holds changes shape or what the loader accepts; PyYAML's version
# decides the parsed types.
FORMAT = ("front-matter", 3, yaml.__version__)  # 2: the strict loader; 3: no control chars


class FrontMatterCache:
    """YAML text -> parsed data, loaded from and saved to ``path``."""

    def __init__(self, path: Path | None) -> None:
        self.path = path
        self._entries: dict[bytes, bytes] = {}  # digest of the YAML -> pickled data
        self._used: set[bytes] = set()
        self._changed = False
        if path is not None:
            self._entries = _load(path)

    def get(self, yaml_text: str) -> Any | None:
        """The data parsed from this YAML before, as new objects; None if not known."""
        key = _digest(yaml_text)
        stored = self._entries.get(key)
        if stored is None:
            return None
        self._used.add(key)
        return pickle.loads(stored)

    def has(self, yaml_text: str) -> bool:
        return _digest(yaml_text) in self._entries

    def put(self, yaml_text: str, data: Any) -> None:
        self.put_pickled(yaml_text, pickle.dumps(data, protocol=pickle.HIGHEST_PROTOCOL))

    def put_pickled(self, yaml_text: str, blob: bytes) -> None:
        """Keep data already pickled (by a worker process that parsed it)."""
        key = _digest(yaml_text)
        self._entries[key] = blob
        self._used.add(key)
        self._changed = True

    def save(self) -> None:
        """Write the entries used since loading (pages removed drop out), if any is new."""
        if self.path is None or not self._changed:
            return
        kept = {key: self._entries[key] for key in self._used if key in self._entries}
        self.path.parent.mkdir(parents=True, exist_ok=True)
        write_atomic(self.path, pickle.dumps((FORMAT, kept), protocol=pickle.HIGHEST_PROTOCOL))
        self._changed = False


def _digest(text: str) -> bytes:
    return hashlib.blake2b(text.encode("utf-8"), digest_size=16).digest()


def _load(path: Path) -> dict[bytes, bytes]:
    try:
        with path.open("rb") as stream:
            found = pickle.load(stream)
    except (OSError, EOFError, pickle.UnpicklingError, AttributeError, ValueError, TypeError):
        return {}
    if not (isinstance(found, tuple) and len(found) == 2 and found[0] == FORMAT):
        return {}
    entries = found[1]
    return entries if isinstance(entries, dict) else {}
