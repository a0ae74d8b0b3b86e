"""The problem record that check reports, and the helpers every checker shares."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

from site_builder.content.errors import one_line
from site_builder.content.pages import Page

Severity = Literal["error", "warning"]


@dataclass
class Problem:
    """One finding of check, printed as ``path:line: CODE message``."""

    path: str
    line: int
    code: str
    message: str
    severity: Severity

    def __str__(self) -> str:
        return one_line(f"{self.path}:{self.line}: {self.code} {self.message}")


def problem(path: Path, line: int, code: str, message: str) -> Problem:
    """A problem at ``path:line``; W codes are warnings, all others errors."""
    severity: Severity = "warning" if code.startswith("W") else "error"
    return Problem(str(path), line, code, message, severity)


def key_figures(page: Page) -> list[dict[str, Any]]:
    """The page's key figures, a non-mapping entry read as an empty one (the schema reports it)."""
    figures = page.meta.get("key_figures")
    if not isinstance(figures, list):
        return []
    return [f if isinstance(f, dict) else {} for f in figures]
