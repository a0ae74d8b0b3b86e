"""What ``site/`` weighs against the host's limit: GitHub Pages publishes at most 1 GB.

A digest grows by one report at a time, and a deployment that fails for size says so late and
obscurely; the build says it first. Near the limit (four fifths of it) it tells how many more
reports of the present average size fit; over it, it warns, so that `mkdocs build --strict`
(the Pages workflow) fails before anything is uploaded.

Plain numbers in, a message out; nothing here knows about MkDocs.
"""

from __future__ import annotations

import os
from dataclasses import dataclass

PAGES_LIMIT_MB = 1000  # GitHub Pages: "no larger than 1 GB"
NEAR = 0.8  # from this share of the limit on, the build says how much room is left


@dataclass(frozen=True)
class SiteSize:
    total: int  # bytes in site/
    reports: int
    limit: int  # bytes

    @property
    def per_report(self) -> float:
        """Bytes per report, the site's fixed part included (an upper bound for the next)."""
        return self.total / max(self.reports, 1)

    def reports_left(self) -> int:
        """How many more reports of the present average size fit under the limit."""
        return max(int((self.limit - self.total) // self.per_report), 0)


def folder_bytes(folder: str) -> int:
    """The size of every file under ``folder`` (links not followed)."""
    total = 0
    for root, _dirs, files in os.walk(folder):
        for name in files:
            total += os.lstat(os.path.join(root, name)).st_size
    return total


def verdict(size: SiteSize) -> tuple[str, str] | None:
    """``("warning", text)`` over the limit, ``("info", text)`` near it, else None."""
    if size.limit <= 0 or size.total < size.limit * NEAR:
        return None
    told = (
        f"site/ holds {_mb(size.total)} for {size.reports} reports "
        f"({size.per_report / 1000:.0f} KB a report)"
    )
    if size.total > size.limit:
        return (
            "warning",
            f"{told}: more than the host publishes ({_mb(size.limit)}, the digest-reader "
            "option size_limit_mb); docs/hosting.md says what a report costs",
        )
    return "info", f"{told}: about {size.reports_left():,} more fit in {_mb(size.limit)}"


def _mb(count: int) -> str:
    return f"{count / 10**6:,.0f} MB"
