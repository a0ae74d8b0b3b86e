"""`site-builder import`: exit codes, one-line errors, edit protection, HTML input."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import opencc
import pytest

from site_builder.cli import main
from site_builder.content.frontmatter import split_front_matter
from tests.golden import SEEDS

GANGSHAN = SEEDS / "000_faf2fa279c11dbf0.txt"
SHUANGSHAN = SEEDS / "001_587de49f1056ab04.txt"
PAGE = Path("reports/2021-12-31-zoucheng-gangshan/index.zh.md")

FOUNDER_HTML = """<!DOCTYPE html><html><head><meta charset="utf-8"><title>济宁日报</title></head>
<body><div class="nav">首页</div>
<founder-content>
<p>　　2022年,钢山街道完成财政收入5.2亿元,同比增长10.6%。</p>
<p>聚力项目建设,夯实发展根基。街道新增四上企业12家。<script>alert(1)</script></p>
<table><tr><td><img src="a.jpg"></td></tr><tr><td>街道新貌</td></tr></table>
<p>展望未来,钢山街道将继续努力,写下[新篇章](javascript:alert(1))。</p>
</founder-content>
<!--enpproperty <articleid>90001</articleid><date>2022-12-30</date><author>本报记者 张三</author>
<title>奋进新征程</title><subtitle>——邹城市钢山街道2022年发展纪实</subtitle>
<nodename>第03版:要闻</nodename>/enpproperty-->
</body></html>"""


def run(args: list[str], capsys) -> tuple[int, str, str]:
    code = main(args)
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_import_both_seeds(tmp_path, capsys):
    code, out, _ = run(
        ["import", str(GANGSHAN), str(SHUANGSHAN), "--content", str(tmp_path)], capsys
    )
    assert code == 0
    assert "2021-12-31-zoucheng-gangshan (created" in out
    assert "2022-shuangshan (created" in out
    assert "layout note: line 23: paragraph cut mid-sentence" in out
    assert "Import summary" in out
    folder = tmp_path / "reports/2022-shuangshan"
    assert (folder / "source.txt").read_bytes() == SHUANGSHAN.read_bytes()
    front, _, _ = split_front_matter((folder / "index.zh.md").read_text(encoding="utf-8"))
    assert front["period"] == "2022" and front["date"] is None and front["layout_notes"]


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        (b"", "empty file"),
        (b"\x00\x01\x02\x03PK\x03\x04", "binary file"),
        (b"\x81\x30\xff", "undecodable"),
    ],
    ids=["empty", "binary", "undecodable"],
)
def test_unreadable_input_is_one_line_and_exit_2(tmp_path, capsys, content, reason):
    bad = tmp_path / "bad report.txt"
    bad.write_bytes(content)
    code, _, err = run(["import", str(bad), "--content", str(tmp_path / "c")], capsys)
    assert code == 2
    assert err.strip().splitlines() == [f"error: {bad}: {err.split(': ', 2)[2].strip()}"]
    assert reason in err and "Traceback" not in err
    assert not (tmp_path / "c" / "reports").exists()


def test_missing_file(tmp_path, capsys):
    code, _, err = run(["import", str(tmp_path / "nope.txt"), "--content", str(tmp_path)], capsys)
    assert code == 2
    assert err.strip() == f"error: {tmp_path / 'nope.txt'}: file not found"


def test_a_file_too_large_for_a_report_is_refused_before_it_is_read(tmp_path, capsys):
    """A 50 MB file took 3.5 minutes and 850 MB of memory to become one page of 235,000
    figures; no report is a tenth of that size."""
    big = tmp_path / "dump.txt"
    with big.open("wb") as stream:
        stream.truncate(50 * 1024 * 1024)  # sparse: nothing is written, nothing read
    code, _, err = run(["import", str(big), str(GANGSHAN), "--content", str(tmp_path)], capsys)
    assert code == 2
    assert f"error: {big}: too large for a report file (50.0 MB; at most 10 MB)" in err
    assert (tmp_path / PAGE).exists()


def test_a_broken_vocabulary_is_named_before_the_import(tmp_path, capsys):
    """With a broken metrics.yml every figure was imported without its metric id, silently."""
    (tmp_path / "metrics.yml").write_text("- id: [\n", encoding="utf-8")
    code, out, err = run(["import", str(GANGSHAN), "--content", str(tmp_path)], capsys)
    assert code == 0 and "(created" in out
    assert err.startswith(f"warning: {tmp_path / 'metrics.yml'}:2: broken YAML")
    assert "figures get no metric id from the entries check reports (E071, 1 problem(s))" in err


def test_one_bad_file_does_not_stop_the_others(tmp_path, capsys):
    bad = tmp_path / "empty.txt"
    bad.write_bytes(b"")
    code, out, err = run(["import", str(bad), str(GANGSHAN), "--content", str(tmp_path)], capsys)
    assert code == 2
    assert "empty.txt: empty file" in err
    assert (tmp_path / PAGE).exists()
    assert "empty file" in out  # the summary table lists the failure too


def test_reimport_refuses_to_clobber_an_edited_page(tmp_path, capsys):
    assert main(["import", str(GANGSHAN), "--content", str(tmp_path)]) == 0
    page = tmp_path / PAGE
    code, out, _ = run(["import", str(GANGSHAN), "--content", str(tmp_path)], capsys)
    assert code == 0 and "(unchanged" in out
    edited = page.read_text(encoding="utf-8").replace(
        "北关社区幸福食堂", "北关社区幸福食堂(编辑修订)"
    )
    page.write_text(edited, encoding="utf-8")
    code, _, err = run(["import", str(GANGSHAN), "--content", str(tmp_path)], capsys)
    assert code == 1
    assert f"{page}: edited since it was generated; re-import with --force" in err
    assert page.read_text(encoding="utf-8") == edited  # nothing lost
    assert main(["import", str(GANGSHAN), "--content", str(tmp_path), "--force"]) == 0
    assert "编辑修订" not in page.read_text(encoding="utf-8")


def test_front_matter_edit_counts_as_an_edit(tmp_path, capsys):
    main(["import", str(GANGSHAN), "--content", str(tmp_path)])
    page = tmp_path / PAGE
    page.write_text(
        page.read_text(encoding="utf-8").replace("label: 财政收入", "label: 一般公共预算收入")
    )
    assert main(["import", str(GANGSHAN), "--content", str(tmp_path)]) == 1


def test_a_different_report_with_the_same_slug_gets_its_own_folder(tmp_path):
    other = tmp_path / "other.txt"
    shutil.copy(GANGSHAN, other)
    other.write_text(
        other.read_text(encoding="utf-8").replace("全街道完成财政收入", "全街道实现财政收入")
    )
    assert main(["import", str(GANGSHAN), str(other), "--content", str(tmp_path)]) == 0
    assert (tmp_path / "reports/2021-12-31-zoucheng-gangshan-2/index.zh.md").exists()


def test_founder_html_page(tmp_path, capsys):
    source = tmp_path / "content_90001.html"
    source.write_text(FOUNDER_HTML, encoding="gb18030")
    code, out, _ = run(["import", str(source), "--content", str(tmp_path / "c")], capsys)
    assert code == 0, out
    page = tmp_path / "c/reports/2022-12-30-zoucheng-gangshan/index.zh.md"
    text = page.read_text(encoding="utf-8")
    front, body, _ = split_front_matter(text)
    assert front["title"] == "奋进新征程"
    assert front["subtitle"] == "邹城市钢山街道2022年发展纪实"
    assert front["edition"] == "第03版"
    assert front["byline"] == [{"role": "本报记者", "names": ["张三"]}]
    assert [f["text"] for f in front["key_figures"]][:3] == ["5.2亿元", "10.6%", "12家"]
    assert "![街道新貌](images/1.jpg)" in body
    assert "首页" not in body  # navigation outside the article is not body text
    assert "<script" not in body and "alert(1)</script>" not in body
    assert "\\[新篇章\\]\\(javascript:alert(1)\\)" not in body and "\\[新篇章\\]" in body
    assert (page.parent / "source.html").exists()


def test_python_dash_m(tmp_path):
    result = subprocess.run(
        [sys.executable, "-m", "site_builder", "import", str(tmp_path / "missing.txt")],
        capture_output=True,
        text=True,
    )
    assert result.returncode == 2
    assert result.stderr.strip() == f"error: {tmp_path / 'missing.txt'}: file not found"


def test_reimport_over_broken_front_matter(tmp_path, capsys):
    assert main(["import", str(GANGSHAN), "--content", str(tmp_path)]) == 0
    page = tmp_path / PAGE
    broken = page.read_text(encoding="utf-8").replace("title: ", "title: [", 1)
    page.write_text(broken, encoding="utf-8")
    code, _, err = run(["import", str(GANGSHAN), "--content", str(tmp_path)], capsys)
    assert code == 2
    assert err.startswith(f"error: {page}: ") and "broken YAML front matter" in err
    assert len(err.strip().splitlines()) == 1
    assert page.read_text(encoding="utf-8") == broken  # nothing lost
    assert main(["import", str(GANGSHAN), "--content", str(tmp_path), "--force"]) == 0
    assert "title: 敢立潮头" in page.read_text(encoding="utf-8")


FIXTURES = Path(__file__).resolve().parent / "fixtures"
TO_TRADITIONAL = opencc.OpenCC("s2t")
# Two-character place names, so that every varied copy gets a slug of its own.
PLACE_CHARS = "安宝昌东丰富光海和华嘉金锦康兰乐林龙美明南宁平青庆仁荣瑞森顺泰桃天文西祥新兴阳永玉元长正中沙湾岭岩峰溪泉桥台"
PLACES_IN_FIXTURES = ["东湖", "白沙", "楓原", "白石", "河口", "山桥", "钢山", "双山"]


def mixed_inputs(folder: Path, count: int) -> tuple[list[Path], list[Path]]:
    """``count`` files varied from the fixtures and seeds in every encoding and form, with
    empty and binary files among them; returns (good files, unreadable files)."""
    bases = sorted(FIXTURES.glob("*.*")) + sorted(SEEDS.glob("*.txt"))
    texts = [(base.suffix, base.read_text(encoding="utf-8")) for base in bases]
    good: list[Path] = []
    bad: list[Path] = []
    for number in range(count):
        path = folder / f"report_{number:04d}"
        if number % 97 == 0:
            path = path.with_suffix(".txt")
            path.write_bytes(b"" if number % 2 else b"  \r\n")
            bad.append(path)
            continue
        if number % 89 == 0:
            path = path.with_suffix(".txt")
            path.write_bytes(bytes(range(256)) * 4)
            bad.append(path)
            continue
        suffix, text = texts[number % len(texts)]
        place = PLACE_CHARS[number % 50] + PLACE_CHARS[(number // 50) % 50]
        for old in PLACES_IN_FIXTURES:
            text = text.replace(old, place)
        form = number % 5
        if form == 1 and suffix == ".txt":
            text = " ".join(line for line in text.splitlines() if line.strip())  # one line
        if form == 2:
            text = text.replace("\n", "\r\n")
        encoding = ["utf-8", "utf-8-sig", "gb18030", "utf-16", "utf-8"][form]
        if "楓" in texts[number % len(texts)][1]:
            text = TO_TRADITIONAL.convert(text)  # the varied place name too
            encoding = "big5hkscs" if form == 3 else encoding
        path = path.with_suffix(suffix)
        path.write_bytes(text.encode(encoding))
        good.append(path)
    return good, bad


def test_two_thousand_mixed_inputs(tmp_path, capsys):
    sources = tmp_path / "in"
    sources.mkdir()
    good, bad = mixed_inputs(sources, 2000)
    code, out, err = run(
        ["import", *map(str, sorted(sources.iterdir())), "--content", str(tmp_path / "c")], capsys
    )
    assert code == 2  # some files are unreadable
    assert "Traceback" not in err and "Traceback" not in out
    errors = [line for line in err.splitlines() if line.startswith("error: ")]
    assert len(errors) == len(bad)
    for path in bad:
        assert sum(line.startswith(f"error: {path}: ") for line in errors) == 1
    assert "Import summary" in out
    assert re.search(r"imported 2000 files in [\d.]+ s \(\d+ reports/s, \d processes\)", out)
    pages = list((tmp_path / "c/reports").glob("*/index.zh.md"))
    # A report is known by its content: a byte-identical copy under another name is the same
    # report (imported once), a different one gets its own page.
    assert len(pages) == len({path.read_bytes() for path in good})
    sources_written = {p.name for p in (tmp_path / "c/reports").glob("*/source.*")}
    assert sources_written == {"source.txt", "source.html"}
