"""Files of the content folder: atomic writes, and reads that fail with one line naming the file.

Writes go through a temp file and a rename, so readers (MkDocs' live reload, an editor) see the
old file or the new one, never half of one. The new file gets the permissions the old one had,
or those the user's umask gives a new file (a temp file alone would be 0600).
"""

from __future__ import annotations

import os
import stat
import tempfile
from pathlib import Path

from site_builder.content.errors import InputError, OutputError


def write_atomic(path: Path, data: str | bytes) -> None:
    """Write ``data`` (text is UTF-8 with \\n line ends) via a temp file in the same folder
    and a rename, so a crash or a full disk never leaves half a page behind. Raises
    OutputError, one line naming the file (also an OSError)."""
    raw = data.encode("utf-8") if isinstance(data, str) else data
    mode = _mode_for(path)
    try:
        handle, temp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    except OSError as exc:
        raise OutputError(path, _why(exc, path)) from None
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(raw)
            stream.flush()
            os.fchmod(stream.fileno(), mode)
        os.replace(temp, path)
    except BaseException as exc:
        Path(temp).unlink(missing_ok=True)
        if isinstance(exc, OSError):
            raise OutputError(path, _why(exc, path)) from None
        raise


def _why(exc: OSError, path: Path) -> str:
    if isinstance(exc, FileNotFoundError) and not path.parent.is_dir():
        return f"cannot write: folder '{path.parent}' not found"
    if isinstance(exc, IsADirectoryError) or path.is_dir():
        return "cannot write: is a folder"
    return f"cannot write: {exc.strerror or type(exc).__name__}"


def _mode_for(path: Path) -> int:
    """The permissions of the file being replaced, else a new file's under the umask."""
    try:
        return stat.S_IMODE(path.stat().st_mode)
    except OSError:
        return 0o666 & ~current_umask()


def current_umask() -> int:
    """The process's umask, read without changing it where the system allows."""
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("Umask:"):
                    return int(line.split()[1], 8)
    except (OSError, ValueError, IndexError):
        pass
    mask = os.umask(0o022)  # elsewhere: read it by setting it, and put it back at once
    os.umask(mask)
    return mask


def read_file_bytes(path: Path, what: str = "file", limit: int | None = None) -> bytes:
    """The bytes of a regular file; InputError naming it for anything else (missing, a folder,
    a FIFO or device that would block or never end, unreadable, more than ``limit`` bytes)."""
    try:
        info = path.stat()
    except FileNotFoundError:
        raise InputError(path, "file not found") from None
    except OSError as exc:
        raise InputError(path, exc.strerror or type(exc).__name__) from None
    if stat.S_ISDIR(info.st_mode):
        raise InputError(path, f"is a folder, not a {what}")
    if not stat.S_ISREG(info.st_mode):
        raise InputError(path, f"not a regular file (a pipe, socket or device), not a {what}")
    if limit is not None and info.st_size > limit:
        size = f"{info.st_size / 2**20:.1f} MB; at most {limit // 2**20} MB"
        raise InputError(path, f"too large for a {what} ({size})")
    try:
        # O_NONBLOCK: should the path become a FIFO after the check, open() does not hang.
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
        with os.fdopen(fd, "rb") as stream:
            if not stat.S_ISREG(os.fstat(stream.fileno()).st_mode):
                raise InputError(path, f"not a regular file, not a {what}")
            return stream.read()
    except OSError as exc:
        raise InputError(path, exc.strerror or type(exc).__name__) from None


def read_file_text(path: Path, what: str = "page", keep_bom: bool = False) -> str:
    """The UTF-8 text of a regular file, without the byte order mark some Windows editors
    write (MkDocs reads pages the same way) unless ``keep_bom``; line ends as they are.
    InputError naming it otherwise."""
    try:
        text = read_file_bytes(path, what).decode("utf-8")
        return text if keep_bom else text.removeprefix("\ufeff")
    except UnicodeDecodeError:
        raise InputError(path, "not UTF-8 text") from None
