"""Input forms: one reader per form a raw report comes in, tried in order (Pelican's
``Readers``). A reader says whether it takes a decoded text and turns it into a ``Source``:
the raw lines for the layout repairs, and what it already knows (page properties, text set
aside, notes). A new input form is one module here and one entry in ``READERS``.
"""

from __future__ import annotations

from site_builder.convert.sources.base import Reader, Source
from site_builder.convert.sources.html import HtmlReader
from site_builder.convert.sources.text import TextReader

# Tried in order; the plain-text reader takes anything, so it comes last.
READERS: list[Reader] = [HtmlReader(), TextReader()]


def read_source(text: str, path: object = "<input>") -> Source:
    """A decoded report read by the first reader that takes it."""
    reader = next(reader for reader in READERS if reader.accepts(text))
    return reader.read(text, path)


__all__ = ["READERS", "Reader", "Source", "read_source"]
