"""What a reader of an input form gives the converter, and what a reader is."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Protocol

from site_builder.content.model import Metadata, SetAside
from site_builder.convert.layout.lines import RawLine


@dataclass
class Source:
    """A raw report as its reader understood it.

    ``meta`` holds what the page's properties say (an e-paper page's title, date, edition);
    ``read_header`` is False when the title came from there, so the lines above the body are
    only checked against it; ``set_aside`` and ``notes`` are what the reader left out.
    """

    lines: list[RawLine]
    extension: str  # the source copy's extension: .txt, .html
    meta: Metadata = field(default_factory=Metadata)
    read_header: bool = True
    set_aside: list[SetAside] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)


class Reader(Protocol):
    """One input form: whether it takes a decoded text, and how it reads it."""

    def accepts(self, text: str) -> bool: ...

    def read(self, text: str, path: object) -> Source: ...
