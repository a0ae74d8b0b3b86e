"""Faulty and hostile input gives one line naming the file and an exit code, never a traceback,
a hang, a lost edit or a silent overwrite (issue 19): one regression test per class."""

from __future__ import annotations

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


# -- Downloads ---------------------------------------------------------------------------------


def test_csv_cells_that_start_like_a_formula_are_neutralised() -> None:
    """OWASP's advice for CSV injection: a leading ' makes a spreadsheet show the text."""
    import csv
    import io

    from site_builder.site.figure_downloads import COLUMNS, csv_bytes

    hostile = ['=HYPERLINK("http://x")', "+1+1", "-2+3", "@SUM(A1)", "\tx", "\r=1", "增长"]
    row = hostile + [-12, 4.7, None, True] + [""] * (len(COLUMNS) - len(hostile) - 4)
    read = list(csv.reader(io.StringIO(csv_bytes([row]).decode("utf-8-sig"))))[1]
    assert read[: len(hostile)] == ["'" + h for h in hostile[:-1]] + ["增长"]
    assert read[len(hostile) : len(hostile) + 4] == ["-12", "4.7", "", "true"]  # values stay
