"""Long lists in sections, cut into pages of a fixed number of rows (the archive by year, the
glossary by kind of term): no page grows with the digest, so a reader's first view of any page
stays under 400 KB (issue 21).

A section that runs over a page boundary goes on at the top of the next page; ``starts`` says
on which page each section begins (where its anchor is, and where links to it go).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from itertools import groupby
from typing import Generic, TypeVar

Item = TypeVar("Item")


@dataclass
class Part(Generic[Item]):
    """A section's rows on one page; ``first``: the section begins on this page."""

    section: str
    rows: list[Item]
    first: bool


@dataclass
class Paged(Generic[Item]):
    pages: list[list[Part[Item]]] = field(default_factory=list)
    starts: dict[str, int] = field(default_factory=dict)  # section -> its first page (1-based)


def paged(items: Sequence[Item], section_of: Callable[[Item], str], rows: int) -> Paged[Item]:
    """``items`` in their order, cut into pages of ``rows``; a run of items with one section is
    one part of a page. There is always a first page, empty when there are no items."""
    result: Paged[Item] = Paged()
    for start in range(0, max(len(items), 1), rows):
        number = start // rows + 1
        parts: list[Part[Item]] = []
        for section, run in groupby(items[start : start + rows], key=section_of):
            first = section not in result.starts
            result.starts.setdefault(section, number)
            parts.append(Part(section, list(run), first))
        result.pages.append(parts)
    return result


def page_norm(base: str, number: int) -> str:
    """``archive/``, ``archive/2/``, …"""
    return base + (f"{number}/" if number > 1 else "")


def page_numbers(count: int, current: int, href: Callable[[int], str]) -> list[dict[str, object]]:
    """What digest/pages-nav.html shows: every page's number and link, the current one
    marked; nothing for a single page."""
    if count < 2:
        return []
    return [{"number": n, "href": href(n), "current": n == current} for n in range(1, count + 1)]
