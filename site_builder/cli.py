"""site-builder: raw Chinese reports into a bilingual digest, from import to the built site.

Commands: import, check, review, translate, export, import-translations, migrate; also build
and serve (thin wrappers over mkdocs).

Exit codes: 0 success, 1 content problems found, 2 bad usage or unreadable input.
Expected errors are one line naming the file and the reason; no traceback.
"""

from __future__ import annotations

import argparse
import io
import os
import subprocess
import sys
from pathlib import Path
from typing import Any, TextIO

from site_builder.content.errors import InputError, SiteBuilderError


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="site-builder", description=__doc__.splitlines()[0])
    commands = parser.add_subparsers(dest="command", required=True)

    imp = commands.add_parser("import", help="convert raw reports into content/reports/<slug>/")
    imp.add_argument("sources", nargs="+", type=Path, metavar="SOURCE")
    imp.add_argument("--content", type=Path, default=Path("content"))
    imp.add_argument("--force", action="store_true", help="overwrite pages edited since import")

    check = commands.add_parser("check", help="validate content; path:line: CODE message")
    check.add_argument("--content", type=Path, default=Path("content"))
    check.add_argument("--strict", action="store_true", help="warnings are failures too")

    tr = commands.add_parser("translate", help="fill missing or stale English blocks")
    tr.add_argument("--content", type=Path, default=Path("content"))
    tr.add_argument("--backend", default=None, help="none | openai (default: config or none)")

    exp = commands.add_parser("export", help="export translation units (PO) for a CAT tool")
    exp.add_argument("output", type=Path)
    exp.add_argument("--content", type=Path, default=Path("content"))

    imt = commands.add_parser("import-translations", help="import translated units (PO)")
    imt.add_argument("input", type=Path)
    imt.add_argument("--content", type=Path, default=Path("content"))

    rev = commands.add_parser("review", help="the reports that need an editor; publish a draft")
    rev.add_argument("--content", type=Path, default=Path("content"))
    rev.add_argument("--json", action="store_true", help="the queue as JSON")
    rev.add_argument("--publish", metavar="SLUG", help="clear the draft flag of this report")
    rev.add_argument("--strict", action="store_true", help="exit 1 when the queue is not empty")

    mig = commands.add_parser("migrate", help="give key figures ids (pages made before ids)")
    mig.add_argument("--content", type=Path, default=Path("content"))

    build = commands.add_parser("build", help="mkdocs build")
    build.add_argument("--strict", action="store_true")
    commands.add_parser("serve", help="mkdocs serve")
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    stdout = _Output(sys.stdout)
    sys.stdout = stdout  # type: ignore[assignment]
    try:
        code = run(args)
    except SiteBuilderError as exc:
        print(f"error: {exc}", file=sys.stderr)
        code = exc.exit_code
    except OSError as exc:  # what no command expected: still one line naming the file
        where = exc.filename if exc.filename is not None else args.command
        print(f"error: {where}: {exc.strerror or type(exc).__name__}", file=sys.stderr)
        code = 2
    except KeyboardInterrupt:
        return 130
    finally:
        sys.stdout = stdout.stream
    if stdout.broken:
        # The reader went away (`| head -1`): the work is done, its report was cut short.
        print("error: <stdout>: broken pipe: the output was cut short", file=sys.stderr)
        code = max(code, 2)
    return code


class _Output:
    """Standard output that survives its reader going away: a command carries on with what it
    writes to disk (an import of 20 reports writes all 20) and says so once at the end."""

    def __init__(self, stream: TextIO) -> None:
        self.stream = stream
        self.broken = False

    def write(self, text: str) -> int:
        if not self.broken:
            try:
                return self.stream.write(text)
            except BrokenPipeError:
                self._broke()
        return len(text)

    def flush(self) -> None:
        if not self.broken:
            try:
                self.stream.flush()
            except BrokenPipeError:
                self._broke()

    def _broke(self) -> None:
        self.broken = True
        try:  # what is still buffered, and Python's flush at exit, go nowhere
            devnull = os.open(os.devnull, os.O_WRONLY)
            os.dup2(devnull, self.stream.fileno())
            os.close(devnull)
        except (OSError, ValueError, io.UnsupportedOperation):
            pass

    def __getattr__(self, name: str) -> Any:
        return getattr(self.stream, name)


def run(args: argparse.Namespace) -> int:
    # Imports are local so that `site-builder check` does not load the converter, and so on.
    if args.command == "import":
        from site_builder.convert.importer import import_command

        return import_command(args.sources, args.content, force=args.force)
    if args.command == "check":
        from site_builder.english.check import check_command

        return check_command(args.content, strict=args.strict)
    if args.command == "translate":
        from site_builder.english.translate import translate_command

        return translate_command(args.content, backend=args.backend)
    if args.command == "export":
        from site_builder.english.exchange import export_command

        return export_command(args.content, args.output)
    if args.command == "import-translations":
        from site_builder.english.exchange import import_command as import_translations

        return import_translations(args.content, args.input)
    if args.command == "review":
        from site_builder.review.queue import review_command

        return review_command(args.content, args.json, args.publish, args.strict)
    if args.command == "migrate":
        from site_builder.english.migrate import migrate_command

        return migrate_command(args.content)
    if not Path("mkdocs.yml").is_file():
        # MkDocs would exit 1, the code of content problems, for a missing configuration.
        raise InputError(
            Path("mkdocs.yml").resolve(), "not found: run build and serve in the project folder"
        )
    mkdocs = [sys.executable, "-m", "mkdocs", args.command]
    if args.command == "build" and args.strict:
        mkdocs.append("--strict")
    return subprocess.call(mkdocs)
