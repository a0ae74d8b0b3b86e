"""Plain text (scraped e-paper text, portal copies, PDF and one-line exports): one raw line per
source line; everything else is the layout repairs' and the parser's."""

from __future__ import annotations

from site_builder.convert.layout.lines import RawLine
from site_builder.convert.sources.base import Source


class TextReader:
    """Any decoded text."""

    def accepts(self, text: str) -> bool:
        return True

    def read(self, text: str, path: object) -> Source:
        return Source(lines=text_to_raw_lines(text), extension=".txt")


def text_to_raw_lines(text: str) -> list[RawLine]:
    """A decoded text file as raw lines (CRLF/CR -> LF; a BOM left inside is dropped)."""
    # splitlines() also breaks at U+0085, U+2028 and U+2029, which YAML treats as line ends.
    lines = text.replace("\ufeff", "").splitlines()
    return [RawLine(number, line) for number, line in enumerate(lines, start=1)]
