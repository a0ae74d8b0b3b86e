"""Faulty and hostile input gives one line naming the file and an exit code, never a traceback,
a hang, a lost edit or a silent overwrite (issue 19): one regression test per class."""

from __future__ import annotations

import re
import time
from pathlib import Path

import pytest

from site_builder.cli import main
from site_builder.english.check import check_content
from tests.test_check import write_report

ALIAS_BOMB = "".join(
    f"{name}: &{name} [{', '.join([f'*{prev}'] * 9)}]\n"
    for prev, name in zip("abcdefgh", "bcdefghi", strict=True)
)

# -- One loader for front matter ---------------------------------------------------------------

REFUSED = {
    "duplicate key": (
        "title: 敢立潮头逐浪高 奋楫扬帆谱新篇",
        "title: 敢立潮头\ntitle: 另一个标题",
        "duplicate key 'title'",
    ),
    "alias bomb": (
        "title: 敢立潮头逐浪高 奋楫扬帆谱新篇",
        "title: 敢立潮头\na: &a [x, x, x, x, x, x, x, x, x]\n" + ALIAS_BOMB.rstrip("\n"),
        "aliases",
    ),
    "impossible date": ("date: 2021-12-31", "date: 2022-02-30", "impossible date '2022-02-30'"),
    "infinite value": ("value: 470000000", "value: .inf", "'.inf' is not a finite number"),
    "not a number": ("value: 470000000", "value: .nan", "'.nan' is not a finite number"),
    "huge number": ("value: 470000000", "value: 1" + "0" * 400, "is too large a number"),
    "control character": (  # a YAML escape: the Atom feed with it was no XML
        "title: 敢立潮头逐浪高 奋楫扬帆谱新篇",
        'title: 敢立潮头\nsection: "要\\x01闻"',
        "control character U+0001 in '要\\x01闻'",
    ),
}


@pytest.mark.parametrize("case", list(REFUSED))
def test_the_loader_refuses_what_yaml_would_hide_or_blow_up(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], case: str
) -> None:
    old, new, reason = REFUSED[case]
    folder = write_report(tmp_path)
    page = folder / "index.zh.md"
    text = page.read_text(encoding="utf-8")
    assert old in text
    page.write_text(text.replace(old, new, 1), encoding="utf-8")
    before = {p: p.read_bytes() for p in folder.iterdir()}
    started = time.monotonic()
    problems = [p for p in check_content(tmp_path) if p.code == "E004"]
    assert len(problems) == 1 and reason in problems[0].message, problems
    assert problems[0].line > 1  # the line of the key, not of the file
    # translate and export refuse the page the same way: one line, no traceback, no write.
    assert main(["translate", "--content", str(tmp_path)]) == 1
    assert main(["export", str(tmp_path / "units.po"), "--content", str(tmp_path)]) == 2
    err = capsys.readouterr().err
    assert f"error: {page}: line " in err and reason in err and "Traceback" not in err
    assert time.monotonic() - started < 20  # the alias bomb is not expanded
    assert {p: p.read_bytes() for p in folder.iterdir()} == before
    assert not (tmp_path / "units.po").exists()


@pytest.mark.parametrize(
    ("field", "value", "reason"),
    [
        ("qualifier", "roughly", "E005 'key_figures[0].qualifier' is 'roughly'; one of"),
        ("qualifier", 3, "E005 'key_figures[0].qualifier' must be text, not int 3"),
        ("qualifier", ["a"], "E005 'key_figures[0].qualifier' must be text, not list"),
        ("review", 3, "E005 'review' must be a list of mappings, not int 3"),
        ("review", True, "E005 'review' must be a list of mappings, not bool True"),
    ],
)
def test_a_field_of_the_wrong_kind_is_e005_in_every_command(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], field: str, value: object, reason: str
) -> None:
    """`qualifier: roughly` (a typo) and `review: 3` were tracebacks in check and review."""
    import copy

    from tests.test_check import ZH_META

    meta = copy.deepcopy(ZH_META)
    if field == "qualifier":
        meta["key_figures"][0][field] = value
    else:
        meta[field] = value
    folder = write_report(tmp_path, zh_meta=meta)
    for command in (["check"], ["review"], ["review", "--json"], ["translate"]):
        code = main([*command, "--content", str(tmp_path)])
        out, err = capsys.readouterr()
        assert "Traceback" not in err
        said = out if command[0] in ("check", "review") else err
        assert reason in said, (command, out, err)
        assert str(folder / "index.zh.md") in said
        assert code == (0 if command[0] == "review" else 1), command


@pytest.mark.parametrize("slug", ["../../outside", "", ".", "..", "/abs"])
def test_publish_takes_a_report_folder_name_only(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], slug: str
) -> None:
    """`--publish ../../outside` rewrote a draft page outside the content folder; an empty
    slug printed the queue and exit 0 as if nothing had been asked."""
    import copy

    from tests.test_check import ZH_META

    content = tmp_path / "a" / "content"
    write_report(content)
    draft = {**copy.deepcopy(ZH_META), "draft": True}
    outside = write_report(content, slug="../../outside", zh_meta=draft)
    page = outside / "index.zh.md"
    assert page.resolve() == (tmp_path / "a" / "outside" / "index.zh.md").resolve()
    before = page.read_bytes()
    assert main(["review", "--content", str(content), "--publish", slug]) == 2
    err = capsys.readouterr().err.strip()
    assert err == f"error: {slug}: not a report folder name (a folder in {content / 'reports'})"
    assert page.read_bytes() == before


@pytest.mark.parametrize("command", [["translate"], ["check"], ["review"], ["migrate"]])
def test_a_missing_content_folder_is_exit_2(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], command: list[str]
) -> None:
    """translate said nothing and exit 0 for a mistyped --content."""
    missing = tmp_path / "contnet"
    assert main([*command, "--content", str(missing)]) == 2
    err = capsys.readouterr().err.strip()
    assert err.startswith(f"error: {missing}: ") and ("not found" in err or "no reports/" in err)


@pytest.mark.parametrize("command", ["build", "serve"])
def test_build_and_serve_outside_a_project_are_exit_2(
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    command: str,
) -> None:
    """MkDocs exits 1, the code of content problems, when mkdocs.yml is missing."""
    monkeypatch.chdir(tmp_path)
    assert main([command]) == 2
    err = capsys.readouterr().err.strip()
    assert (
        err
        == f"error: {tmp_path / 'mkdocs.yml'}: not found: run build and serve in the project folder"
    )


# -- Downloads ---------------------------------------------------------------------------------


def test_csv_cells_that_start_like_a_formula_are_neutralised() -> None:
    """OWASP's advice for CSV injection: a leading ' makes a spreadsheet show the text."""
    import csv
    import io

    from site_builder.site.figure_downloads import FIGURE_COLUMNS, REPORT_COLUMNS, Table, csv_bytes

    hostile = ['=HYPERLINK("http://x")', "+1+1", "-2+3", "@SUM(A1)", "\tx", "\r=1", "增长"]
    for columns in (FIGURE_COLUMNS, REPORT_COLUMNS):  # key-figures.csv, reports.csv
        row = hostile + [-12, 4.7, None, True] + [""] * (len(columns) - len(hostile) - 4)
        read = list(csv.reader(io.StringIO(csv_bytes(Table(columns, [row])).decode("utf-8-sig"))))
        assert read[0] == list(columns)
        assert read[1][: len(hostile)] == ["'" + h for h in hostile[:-1]] + ["增长"]
        assert read[1][len(hostile) : len(hostile) + 4] == ["-12", "4.7", "", "true"]  # values stay


# -- Import: a report is known by its content ----------------------------------------------

SEEDS = Path(__file__).resolve().parent / "seeds"


def _two_reports_named_alike(tmp_path: Path) -> tuple[Path, Path]:
    """Two different reports with one file name, the same date and region."""
    from tests.golden import SEEDS as GOLDEN_SEEDS

    text = (GOLDEN_SEEDS / "000_faf2fa279c11dbf0.txt").read_text(encoding="utf-8")
    first, second = tmp_path / "a" / "report.txt", tmp_path / "b" / "report.txt"
    for path, body in (
        (first, text),
        (second, text.replace("全街道完成财政收入", "全街道实现财政收入")),
    ):
        path.parent.mkdir()
        path.write_text(body, encoding="utf-8")
    return first, second


def test_a_different_report_with_the_same_file_name_never_replaces_another(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    first, second = _two_reports_named_alike(tmp_path)
    content = tmp_path / "content"
    assert main(["import", str(first), str(second), "--content", str(content)]) == 0
    out = capsys.readouterr().out
    assert "2021-12-31-zoucheng-gangshan (created" in out
    assert "2021-12-31-zoucheng-gangshan-2 (created" in out
    reports = content / "reports"
    assert (reports / "2021-12-31-zoucheng-gangshan/source.txt").read_bytes() == first.read_bytes()
    assert (
        reports / "2021-12-31-zoucheng-gangshan-2/source.txt"
    ).read_bytes() == second.read_bytes()
    # Each again: the same report is found by its content, whatever the order.
    assert main(["import", str(second), str(first), "--content", str(content)]) == 0
    out = capsys.readouterr().out
    assert out.count("(unchanged") == 2 and "gangshan-3" not in out
    # --force replaces the report imported from that file name, on purpose.
    third = tmp_path / "report.txt"
    third.write_text(
        first.read_text(encoding="utf-8").replace("4.7亿元", "4.8亿元"), encoding="utf-8"
    )
    assert main(["import", str(third), "--content", str(content), "--force"]) == 0
    assert "(updated" in capsys.readouterr().out
    # Two files of one name in one batch are two reports, --force or not.
    assert main(["import", str(first), str(second), "--content", str(content), "--force"]) == 0
    out = capsys.readouterr().out
    assert "zoucheng-gangshan (updated" in out and "zoucheng-gangshan-2 (unchanged" in out
    assert sorted(p.name for p in reports.iterdir()) == [
        "2021-12-31-zoucheng-gangshan",
        "2021-12-31-zoucheng-gangshan-2",
    ]


def test_an_import_cut_short_is_completed_by_running_it_again(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The disk filled after the page was written and before its source copy (as imports
    before this fix wrote them): the retry writes the copy, and check saw it missing."""
    first, _ = _two_reports_named_alike(tmp_path)
    content = tmp_path / "content"
    assert main(["import", str(first), "--content", str(content)]) == 0
    folder = content / "reports" / "2021-12-31-zoucheng-gangshan"
    (folder / "source.txt").unlink()
    capsys.readouterr()
    problems = [p for p in check_content(content) if p.code == "E008"]
    assert [(Path(p.path).name, p.message) for p in problems] == [
        ("index.zh.md", "source file 'source.txt' is missing beside the page: import it again")
    ]
    assert main(["import", str(first), "--content", str(content)]) == 0
    assert "2021-12-31-zoucheng-gangshan (completed" in capsys.readouterr().out
    assert (folder / "source.txt").read_bytes() == first.read_bytes()
    assert not [p for p in check_content(content) if p.code == "E008"]
    assert sorted(p.name for p in (content / "reports").iterdir()) == [folder.name]


def test_the_source_copy_is_written_before_the_page(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """A full disk at the second write: no page without its source, and the retry completes."""
    import errno

    from site_builder.content import files

    first, _ = _two_reports_named_alike(tmp_path)
    content = tmp_path / "content"
    real = files.os.replace
    calls: list[Path] = []

    def full_disk(temp: str, path: Path) -> None:
        calls.append(Path(path))
        if len(calls) == 2:
            raise OSError(errno.ENOSPC, "No space left on device", str(temp))
        real(temp, path)

    monkeypatch.setattr(files.os, "replace", full_disk)
    assert main(["import", str(first), "--content", str(content)]) == 2
    err = capsys.readouterr().err
    page = content / "reports" / "2021-12-31-zoucheng-gangshan" / "index.zh.md"
    assert err.strip() == f"error: {page}: cannot write: No space left on device"
    assert [p.name for p in calls] == ["source.txt", "index.zh.md"] and not page.exists()
    monkeypatch.setattr(files.os, "replace", real)
    assert not list(page.parent.glob(".*.tmp"))  # the temp file went too
    assert main(["import", str(first), "--content", str(content)]) == 0
    assert "(created" in capsys.readouterr().out and page.exists()


# -- OS errors: one line naming the file, exit 2 -------------------------------------------


def test_a_fifo_in_a_batch_is_refused_and_the_rest_imported(tmp_path: Path) -> None:
    import os
    import subprocess
    import sys

    first, _ = _two_reports_named_alike(tmp_path)
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    folder = tmp_path / "folder.txt"
    folder.mkdir()
    result = subprocess.run(
        [sys.executable, "-m", "site_builder", "import", str(fifo), str(folder), str(first),
         "--content", str(tmp_path / "content")],
        capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    assert result.returncode == 2
    errors = [line for line in result.stderr.splitlines() if line.startswith("error: ")]
    assert errors == [
        f"error: {fifo}: not a regular file (a pipe, socket or device), not a report file",
        f"error: {folder}: is a folder, not a report file",
    ]
    assert "Traceback" not in result.stderr
    assert (tmp_path / "content/reports/2021-12-31-zoucheng-gangshan/index.zh.md").exists()


def test_a_reader_that_goes_away_does_not_stop_an_import(tmp_path: Path) -> None:
    """`site-builder import … | head -1`: every report is written, one line says the output
    was cut short, no BrokenPipeError traceback."""
    import subprocess
    import sys

    text = (SEEDS.parent / "golden").exists() and _two_reports_named_alike(tmp_path)[0]
    assert text
    sources = []
    for number in range(12):
        path = tmp_path / f"r{number}.txt"
        body = text.read_text(encoding="utf-8").replace(
            "全街道完成财政收入", f"全街道{number}完成财政收入"
        )
        path.write_text(body, encoding="utf-8")
        sources.append(str(path))
    command = [sys.executable, "-m", "site_builder", "import", *sources,
               "--content", str(tmp_path / "content")]  # fmt: skip
    with subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE) as process:
        assert process.stdout is not None and process.stderr is not None
        process.stdout.readline()
        process.stdout.close()  # like head -1
        err = process.stderr.read().decode()
        code = process.wait(timeout=120)
    assert code == 2 and "Traceback" not in err
    assert "error: <stdout>: broken pipe: the output was cut short" in err
    assert len(list((tmp_path / "content/reports").iterdir())) == 12


@pytest.mark.parametrize(
    ("target", "reason"),
    [
        ("nosuch/u.po", "cannot write: folder '{tmp}/nosuch' not found"),
        ("adir", "cannot write: is a folder"),
    ],
)
def test_export_to_a_path_that_cannot_be_written(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], target: str, reason: str
) -> None:
    write_report(tmp_path / "content")
    (tmp_path / "adir").mkdir()
    output = tmp_path / target
    code = main(["export", str(output), "--content", str(tmp_path / "content")])
    err = capsys.readouterr().err
    assert code == 2
    assert err.strip() == f"error: {output}: {reason.format(tmp=tmp_path)}"


def test_a_read_only_content_folder_is_one_line_per_page(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """As root a chmod does not stop a write, so the folder refuses it the way it would."""
    import errno
    import tempfile

    folder = write_report(tmp_path, english=False)

    def read_only(*args: object, **kwargs: object) -> tuple[int, str]:
        raise PermissionError(errno.EACCES, "Permission denied", str(kwargs.get("dir")))

    monkeypatch.setattr(tempfile, "mkstemp", read_only)
    code = main(["translate", "--content", str(tmp_path)])
    err = capsys.readouterr().err
    assert code == 2
    assert err.strip() == f"error: {folder / 'index.en.md'}: cannot write: Permission denied"


def test_a_missing_po_file_is_named_as_missing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    write_report(tmp_path)
    for path, reason in ((tmp_path / "nope.po", "file not found"), (tmp_path, "is a folder")):
        assert main(["import-translations", str(path), "--content", str(tmp_path)]) == 2
        err = capsys.readouterr().err.strip()
        assert err.startswith(f"error: {path}: {reason}"), err


# -- Commands that rewrite pages never lose English ----------------------------------------


def _snapshot(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in root.rglob("*") if p.is_file()}


def test_translate_refuses_a_page_that_fails_the_schema(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """`key_figures: "see below"` deleted every reviewed English key figure."""
    folder = write_report(tmp_path)
    zh = folder / "index.zh.md"
    text = zh.read_text(encoding="utf-8")
    broken = re.sub(r"key_figures:\n(?:- .*\n)+", 'key_figures: "see below"\n', text)
    assert broken != text
    zh.write_text(broken, encoding="utf-8")
    before = _snapshot(tmp_path)
    for command in (["translate"], ["migrate"]):
        assert main([*command, "--content", str(tmp_path)]) == 1
        err = capsys.readouterr().err
        assert f"error: {zh}: line " in err and "E005 'key_figures' must be a list" in err
    assert _snapshot(tmp_path) == before


def test_a_no_op_po_round_trip_changes_no_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Export, then import unchanged: reviewed stays reviewed, Markdown stays Markdown."""
    import shutil

    content = tmp_path / "content"
    shutil.copytree(Path(__file__).resolve().parents[1] / "content", content)
    folder = next(p for p in (content / "reports").iterdir() if (p / "index.en.md").exists())
    en = folder / "index.en.md"
    text = en.read_text(encoding="utf-8")
    last = text.rstrip("\n").rsplit("\n\n", 1)[1]
    assert not last.startswith(("#", "!", "<")), last
    # An editor's emphasis and brackets, which a rendering of the text would escape.
    en.write_text(text.replace(last, last + " *Emphasis* and [a bracket].", 1), encoding="utf-8")
    before = _snapshot(content)
    units = tmp_path / "units.po"
    assert main(["export", str(units), "--content", str(content)]) == 0
    assert main(["import-translations", str(units), "--content", str(content)]) == 0
    assert " 0 updated" in capsys.readouterr().out
    assert _snapshot(content) == before


def _exported(tmp_path: Path) -> tuple[Path, Path, str]:
    content = tmp_path / "content"
    write_report(content)
    units = tmp_path / "units.po"
    assert main(["export", str(units), "--content", str(content)]) == 0
    return content, units, units.read_text(encoding="utf-8")


@pytest.mark.parametrize(
    "tamper",
    [
        "parent folder",
        "absolute path",
        "swapped contexts",
        "unclosed quote",
        "no context",
        "control character",  # was written into the page, which then failed E004
    ],
)
def test_import_translations_refuses_a_tampered_file_as_a_whole(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], tamper: str
) -> None:
    import polib

    content, units, text = _exported(tmp_path)
    po = polib.pofile(text)
    blocks = [e for e in po if ":b" in e.msgctxt]
    for entry in po:  # a real change in every unit, so that only the refusal keeps them out
        entry.msgstr = "Changed " + entry.msgid
    victim = tmp_path / "victim"
    (victim / "reports" / "x").mkdir(parents=True)
    if tamper == "parent folder":
        po[0].msgctxt = "../../victim:" + po[0].msgctxt.split(":", 1)[1]
    elif tamper == "absolute path":
        po[0].msgctxt = f"{victim}:" + po[0].msgctxt.split(":", 1)[1]
    elif tamper == "swapped contexts":
        blocks[0].msgctxt, blocks[1].msgctxt = blocks[1].msgctxt, blocks[0].msgctxt
    elif tamper == "no context":
        po[0].msgctxt = None
    saved = str(po)
    if tamper == "control character":
        saved = saved.replace(
            f'msgstr "Changed {po[1].msgid}"', f'msgstr "Changed\x07 {po[1].msgid}"'
        )
    if tamper == "unclosed quote":
        saved = saved.replace(
            f'msgstr "Changed {po[1].msgid}"', f'msgstr "Changed {po[1].msgid}', 1
        )
    units.write_text(saved, encoding="utf-8")
    before = _snapshot(tmp_path)
    assert main(["import-translations", str(units), "--content", str(content)]) == 2
    err = capsys.readouterr().err.strip()
    assert err.startswith(f"error: {units}:") and err.endswith("nothing imported"), err
    assert len(err.splitlines()) == 1
    assert _snapshot(tmp_path) == before


# -- Linear-time scanning, the whole file checked ------------------------------------------


def test_unclosed_enpproperty_comments_are_scanned_in_linear_time(tmp_path: Path) -> None:
    """600 KB of `<!--enpproperty` without its end: no answer in 30 s before."""
    from site_builder.convert.sources.html import parse_html, tag_fields

    page = (
        "<html><body><founder-content><p>2021年,钢山街道完成财政收入4.7亿元。</p>"
        "</founder-content>" + "<!--enpproperty" * 40000 + "</body></html>"
    )
    started = time.monotonic()
    report = parse_html(page)
    assert any("4.7亿元" in line.text for line in report.lines)
    assert tag_fields("<a>" * 100_000 + "<b>x</b>") == [("b", "x")]
    assert time.monotonic() - started < 10


def test_many_short_lines_after_the_article_are_scanned_in_linear_time() -> None:
    """40,000 short lines after the text (a table dumped as text): the sign-off search
    rebuilt the list of lines after the article for every line, about a minute."""
    from site_builder.content.errors import InputError
    from site_builder.convert.pipeline import convert

    started = time.monotonic()
    with pytest.raises(InputError, match="no article text found"):
        convert(("钢山\n" * 40_000).encode("utf-8"), "lines.txt")
    assert time.monotonic() - started < 15


@pytest.mark.parametrize("byte", [b"\x00", b"\x1b", b"\x07"])
def test_a_control_byte_anywhere_in_the_file_is_refused(tmp_path: Path, byte: bytes) -> None:
    from site_builder.content.errors import InputError
    from site_builder.convert.decode import decode_bytes

    text = ("钢山街道完成财政收入4.7亿元。\n" * 400).encode("utf-8")  # far past 4 KB
    with pytest.raises(InputError, match="binary file"):
        decode_bytes(text + byte + "其余。\n".encode(), "late.txt")


def test_pages_keep_their_mode_and_new_files_follow_the_umask(tmp_path: Path) -> None:
    import os
    import stat

    from site_builder.content.files import write_atomic

    page = tmp_path / "index.en.md"
    page.write_text("old", encoding="utf-8")
    page.chmod(0o644)
    write_atomic(page, "new")
    assert stat.S_IMODE(page.stat().st_mode) == 0o644  # mkstemp's 0600 made it private
    old = os.umask(0o027)
    try:
        write_atomic(tmp_path / "fresh.md", "x")
    finally:
        os.umask(old)
    assert stat.S_IMODE((tmp_path / "fresh.md").stat().st_mode) == 0o640


def test_check_names_a_fifo_in_the_content_folder_instead_of_hanging(tmp_path: Path) -> None:
    import os
    import subprocess
    import sys

    folder = write_report(tmp_path)
    for name in ("index.en.md", "source.txt"):
        (folder / name).unlink()
    os.mkfifo(folder / "index.en.md")
    (tmp_path / "glossary.yml").unlink()
    os.mkfifo(tmp_path / "glossary.yml")
    result = subprocess.run(
        [sys.executable, "-m", "site_builder", "check", "--content", str(tmp_path)],
        capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert f"{folder / 'index.en.md'}:1: E003 unreadable page: not a regular file" in result.stdout
    assert f"{tmp_path / 'glossary.yml'}:1: E070 cannot read the glossary" in result.stdout
    assert "E008 source file 'source.txt' is missing" in result.stdout


def test_a_file_name_with_a_line_break_or_escape_is_still_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """`bad\\nname.txt` split its error in two lines; `\\x1b[31m` in a name coloured the
    terminal. Control characters in a message are shown escaped, as Python writes them."""
    names = ["bad\nname.txt", "esc\x1b[31m.txt", "sep\u2028.txt"]
    for name in names:
        (tmp_path / name).write_bytes(b"")
    code = main(["import", *(str(tmp_path / n) for n in names), "--content", str(tmp_path / "c")])
    out, err = capsys.readouterr()
    assert code == 2
    assert [line for line in err.splitlines() if line] == [
        f"error: {tmp_path}/bad\\nname.txt: empty file",
        f"error: {tmp_path}/esc\\x1b[31m.txt: empty file",
        f"error: {tmp_path}/sep\\u2028.txt: empty file",
    ]
    assert "\x1b" not in out and "\u2028" not in out and "bad\\nname.txt" in out


def test_export_never_overwrites_a_page_or_a_translators_work(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """`export` wrote its PO over any file it was given: a reviewed index.en.md, or the
    units.po a translator sent back before it was imported."""
    content, units, text = _exported(tmp_path)
    page = next(content.glob("reports/*/index.en.md"))
    before = page.read_bytes()
    assert main(["export", str(page), "--content", str(content)]) == 2
    err = capsys.readouterr().err.strip()
    assert err == f"error: {page}: not a PO file: not overwritten"
    assert page.read_bytes() == before
    assert main(["export", str(units), "--content", str(content)]) == 0  # the same units again
    translated = re.sub(r'msgstr "(?=[^"])', 'msgstr "Revised. ', text, count=1)
    assert translated != text
    units.write_text(translated, encoding="utf-8")
    assert main(["export", str(units), "--content", str(content)]) == 2
    err = capsys.readouterr().err.strip()
    assert err == (
        f"error: {units}: 1 translated unit(s) not in the content yet: import them "
        f"(site-builder import-translations {units}) or remove the file; not overwritten"
    )
    assert units.read_text(encoding="utf-8") == translated


def test_a_page_saved_with_a_byte_order_mark_is_read_as_mkdocs_reads_it(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Windows editors save UTF-8 with a BOM: MkDocs built such a page, check called it E004
    ("must start with a '---' line") and `review --publish` refused it."""
    import copy

    from tests.test_check import ZH_META

    folder = write_report(tmp_path, zh_meta={**copy.deepcopy(ZH_META), "draft": True})
    for name in ("index.zh.md", "index.en.md"):
        page = folder / name
        page.write_bytes(b"\xef\xbb\xbf" + page.read_bytes().replace(b"\n", b"\r\n"))
    assert [p.code for p in check_content(tmp_path)] == ["W080"]
    zh = folder / "index.zh.md"
    before = zh.read_bytes()
    slug = folder.name
    assert main(["review", "--content", str(tmp_path), "--publish", slug]) == 0, capsys.readouterr()
    assert zh.read_bytes() == before.replace(b"draft: true\r\n", b"", 1)  # the BOM kept too


def test_translate_says_which_english_it_removes_with_its_chinese_block(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A heading an editor turned into a paragraph (the converter's mistake) or a paragraph
    deleted: translate removed the reviewed English of the old block without a word."""
    folder = write_report(tmp_path)
    zh = folder / "index.zh.md"
    text = zh.read_text(encoding="utf-8")
    heading = "## 聚焦项目建设 — 激发高质量发展新动能"
    assert heading in text
    zh.write_text(text.replace(heading, heading[3:], 1), encoding="utf-8")
    assert main(["translate", "--content", str(tmp_path)]) == 0
    out = capsys.readouterr().out
    assert (
        f"{folder / 'index.en.md'}: removed the English of a heading whose Chinese block is "
        "gone: '## Focusing on Project Construction — Unleashing New Momentum'"
    ) in out
