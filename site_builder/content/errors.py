"""The exceptions the CLI maps to exit codes and one-line messages."""

from __future__ import annotations

import re

# What would break a message's one line or drive the terminal: C0 and C1 controls (a line
# feed or an escape in a file name) and the line and paragraph separators.
_CONTROL_RE = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029]")


def one_line(text: str) -> str:
    """``text`` with its control characters written as Python writes them (``\\n``)."""
    return _CONTROL_RE.sub(lambda m: m.group().encode("unicode_escape").decode("ascii"), text)


class SiteBuilderError(Exception):
    """Base class: an expected problem, reported as one line naming the file."""

    exit_code = 2

    def __init__(self, path: object, reason: str) -> None:
        self.path = str(path)
        self.reason = reason
        super().__init__(one_line(f"{self.path}: {reason}"))


class InputError(SiteBuilderError):
    """A source file that cannot be read: missing, empty, binary, undecodable."""


class OutputError(SiteBuilderError, OSError):
    """A file that cannot be written: a read-only folder, a full disk, a missing folder, a
    folder where a file should go. Also an OSError, for callers that catch those."""


class FrontMatterError(SiteBuilderError):
    """A page whose YAML front matter is broken or does not fit the schema."""


class EditedPageError(SiteBuilderError):
    """A generated page was edited by hand; overwriting it needs --force."""

    exit_code = 1


class ContentError(SiteBuilderError):
    """Content that is readable but inconsistent (e.g. misaligned translation)."""

    exit_code = 1
