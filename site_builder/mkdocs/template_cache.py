"""Compiled theme templates kept between the builds of one process.

MkDocs makes a new Jinja environment for every build, so Material's 75 templates are compiled
again for each language of a build and after every save under `mkdocs serve`. Jinja's
documented bytecode cache (``Environment.bytecode_cache``) keeps the compiled code instead;
Jinja checks each template's source against it, so an edited template is compiled anew.
"""

from __future__ import annotations

from jinja2 import BytecodeCache
from jinja2.bccache import Bucket


class MemoryBytecodeCache(BytecodeCache):
    def __init__(self) -> None:
        self._code: dict[str, bytes] = {}

    def load_bytecode(self, bucket: Bucket) -> None:
        code = self._code.get(bucket.key)
        if code is not None:
            bucket.bytecode_from_string(code)

    def dump_bytecode(self, bucket: Bucket) -> None:
        self._code[bucket.key] = bucket.bytecode_to_string()
