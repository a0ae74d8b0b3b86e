"""Glossary explanations on translated report pages: ``<abbr>`` tooltips in the Markdown.

The one piece of markup written in Python: it goes into a paragraph's Markdown source (whose
text Python-Markdown still converts), not into a fragment.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from site_builder.content.glossary import GlossaryEntry
from site_builder.site.html import esc


class Abbreviations:
    """Glossary explanations for English text: the first occurrence on a page of each glossary
    term that has a note becomes ``<abbr title="note" tabindex="0">term</abbr>`` (explained
    once; the glossary page has them all). A mouse shows the title; the term takes the focus
    from the keyboard and from a tap, and then digest.css shows the explanation below it (a
    title alone is invisible on touch screens and to keyboard users). Built once per
    glossary."""

    def __init__(self, glossary: Sequence[GlossaryEntry]) -> None:
        self.notes: dict[str, str] = {}
        for entry in glossary:
            term = entry.en.strip()
            if entry.note and len(term) > 1 and _definable(term) and term not in self.notes:
                self.notes[term] = " ".join(str(entry.note).split())
        self._patterns: dict[str, re.Pattern[str]] = {}

    def for_page(self, markdown: str) -> PageAbbreviations:
        """The terms of ``markdown`` still to explain, longest first."""
        # A substring test per term is several times faster than one big alternation.
        found = sorted((t for t in self.notes if t in markdown), key=len, reverse=True)
        return PageAbbreviations(self, found)

    def pattern(self, term: str) -> re.Pattern[str]:
        if term not in self._patterns:
            self._patterns[term] = re.compile(rf"(?<!\w){re.escape(term)}(?!\w)")
        return self._patterns[term]


class PageAbbreviations:
    """Marks each term once per page, in the first paragraph that has it as a whole word."""

    def __init__(self, glossary: Abbreviations, terms: list[str]) -> None:
        self.glossary = glossary
        self.pending = terms

    def mark(self, markdown: str) -> str:
        for term in [t for t in self.pending if t in markdown]:
            taken = [m.span() for m in _ABBR_RE.finditer(markdown)]
            for match in self.glossary.pattern(term).finditer(markdown):
                start, end = match.span()
                if any(a < end and start < b for a, b in taken):
                    continue  # inside a longer term already explained
                note = esc(self.glossary.notes[term])
                marked = f'<abbr title="{note}" tabindex="0">{markdown[start:end]}</abbr>'
                markdown = markdown[:start] + marked + markdown[end:]
                self.pending.remove(term)
                break
        return markdown


_ABBR_RE = re.compile(r"<abbr [^>]*>.*?</abbr>")
# The tags ``mark`` writes, and nothing else: the only raw HTML a page body's Markdown keeps
# (site/markdown_text.py). The title is escaped, so it holds no quote or angle bracket.
ABBR_TAGS = r'(<abbr title="[^"<>]*" tabindex="0">|</abbr>)'


def _definable(term: str) -> bool:
    return not any(ch in term for ch in "[]\n") and (term[0].isalnum() and term[-1].isalnum())
