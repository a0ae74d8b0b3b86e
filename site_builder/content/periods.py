"""A key figure's period as data: first and last month, read from the text front matter keeps.

Front matter writes a period as text: ``"2021"`` (the full year), ``"2021-01/11"`` (January to
November 2021; 前三季度 is ``"2024-01/09"``), ``"2024-06"`` (one month), and a report's period may
be several years (``"2021-2022"``, ``"2021—2023"``). A figure without a period of its own takes
its report's. The site shows periods in words, compares only values of the same span, and
calls the value with the latest end the latest; the downloads give the bounds as columns.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_MONTHS_RE = re.compile(r"^(\d{4})-(\d{2})(?:/(\d{2}))?$")
_YEARS_RE = re.compile(r"^(\d{4})(?:\s*(?:-|–|—|~|至|到)\s*(\d{4}))?\s*年?$")


@dataclass(frozen=True, order=True)
class Period:
    """From the first month of ``start`` to the last of ``end`` (years and months, 1-based)."""

    end: tuple[int, int]  # first, so that sorting orders by the latest end
    start: tuple[int, int]

    @property
    def start_text(self) -> str:
        """'2024-01': the first month, as the downloads write it."""
        return f"{self.start[0]:04d}-{self.start[1]:02d}"

    @property
    def end_text(self) -> str:
        return f"{self.end[0]:04d}-{self.end[1]:02d}"

    @property
    def months(self) -> int:
        return (self.end[0] - self.start[0]) * 12 + self.end[1] - self.start[1] + 1

    @property
    def full_years(self) -> bool:
        return self.start[1] == 1 and self.end[1] == 12

    @property
    def span(self) -> tuple[int, int, int]:
        """What values must share to be compared: the months of the year it covers and how
        many years (Jan–Sep of any year; a full year; two full years)."""
        return (self.start[1], self.end[1], self.end[0] - self.start[0] + 1)


def parse_period(text: object) -> Period | None:
    """The period a front-matter value names, or None when it names none we can read."""
    value = str(text if text is not None else "").strip()
    match = _MONTHS_RE.match(value)
    if match:
        year, first = int(match.group(1)), int(match.group(2))
        last = int(match.group(3)) if match.group(3) else first
        if 1 <= first <= last <= 12:
            return Period(end=(year, last), start=(year, first))
        return None
    match = _YEARS_RE.match(value)
    if match:
        first_year = int(match.group(1))
        last_year = int(match.group(2) or first_year)
        if last_year >= first_year:
            return Period(end=(last_year, 12), start=(first_year, 1))
    return None
