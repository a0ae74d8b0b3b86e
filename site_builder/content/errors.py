"""The exceptions the CLI maps to exit codes and one-line messages."""

from __future__ import annotations


class SiteBuilderError(Exception):
    """Base class: an expected problem, reported as one line naming the file."""

    exit_code = 2

    def __init__(self, path: object, reason: str) -> None:
        self.path = str(path)
        self.reason = reason
        super().__init__(f"{self.path}: {reason}")


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
