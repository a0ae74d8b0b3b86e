"""Every editing operation docs/editing.md invites, done as an editor does it (by hand, on the files),
then the commands run: the editor's work is still there, and what became stale is reported
precisely. The report is the shipped Gangshan report, reviewed English included.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from site_builder.cli import main
from site_builder.content.identity import english_entries
from site_builder.content.pages import read_page
from site_builder.english.check import check_content

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "tests" / "seeds" / "000_faf2fa279c11dbf0.txt"
SHIPPED = ROOT / "content" / "reports" / "2021-12-31-zoucheng-gangshan"
COMMENT = "# checked against the bureau's table, Li"


@pytest.fixture
def report(tmp_path) -> Path:
    """The shipped Gangshan report (reviewed English), migrated to key-figure ids."""
    content = tmp_path / "content"
    shutil.copytree(SHIPPED, content / "reports" / SHIPPED.name)
    shutil.copy(SHIPPED.parent.parent / "glossary.yml", content / "glossary.yml")
    shutil.copy(SHIPPED.parent.parent / "metrics.yml", content / "metrics.yml")
    shutil.copy(SEED, tmp_path / SEED.name)
    assert main(["migrate", "--content", str(content)]) == 0
    assert problems(content / "reports" / SHIPPED.name) == []
    return content / "reports" / SHIPPED.name


def labels(folder: Path) -> dict[str, str]:
    """English label of each Chinese figure, by the figure's id."""
    zh, en = read_page(folder / "index.zh.md"), read_page(folder / "index.en.md")
    figures = zh.meta["key_figures"]
    entries = english_entries(figures, en.meta["key_figures"])
    return {f["id"]: (e or {}).get("label") for f, e in zip(figures, entries, strict=True)}


def translate(folder: Path) -> None:
    assert main(["translate", "--content", str(folder.parent.parent)]) == 0


def problems(folder: Path) -> list[tuple[str, str]]:
    return [(p.code, p.message) for p in check_content(folder.parent.parent)]


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def zh_line(folder: Path, needle: str) -> str:
    return next(line for line in (folder / "index.zh.md").read_text().split("\n") if needle in line)


def test_prune_a_chinese_key_figure_touches_only_its_english(report):
    before = labels(report)
    pruned = zh_line(report, "text: 104.4%")
    edit(report / "index.zh.md", pruned + "\n", "")
    translate(report)
    after = labels(report)
    gone = re.search(r"id: (k\w+)", pruned).group(1)  # type: ignore[union-attr]
    assert after == {k: v for k, v in before.items() if k != gone}
    assert problems(report) == []


def test_relabel_a_chinese_figure_makes_exactly_its_entry_stale(report):
    before = labels(report)
    line = zh_line(report, "text: 近3000亩")
    key = re.search(r"id: (k\w+)", line).group(1)  # type: ignore[union-attr]
    edit(
        report / "index.zh.md",
        line,
        line.replace("label: 47项重点工程总占地", "label: 重点工程总占地"),
    )
    translate(report)
    assert labels(report) == before  # the editor's English label stays until revised
    found = problems(report)
    assert [code for code, _ in found] == ["E022", "W061"]  # stale, so status: pending
    assert f"key figure {key} '近3000亩' (重点工程总占地" in found[0][1]
    # The editor fixes the label and confirms it, as the message says.
    digest = re.search(r"label_digest to (\w+)", found[0][1]).group(1)  # type: ignore[union-attr]
    en = report / "index.en.md"
    entry = next(line for line in en.read_text().split("\n") if f"id: {key}" in line)
    old = re.search(r"label_digest: '?(\w+)", entry).group(1)  # type: ignore[union-attr]
    edit(en, entry, entry.replace(old, digest))
    edit(en, "status: pending", "status: reviewed")
    assert problems(report) == []


def test_relabel_to_a_glossary_term_keeps_the_reviewed_english_label(report):
    # 固定资产投资 has a glossary rendering; the reviewed English label must still not be
    # replaced by it: the entry is reported stale for the editor to revise.
    before = labels(report)
    line = zh_line(report, "text: 近3000亩")
    key = re.search(r"id: (k\w+)", line).group(1)  # type: ignore[union-attr]
    edit(
        report / "index.zh.md",
        line,
        line.replace("label: 47项重点工程总占地", "label: 固定资产投资"),
    )
    translate(report)
    assert labels(report) == before
    assert [code for code, _ in problems(report)] == ["E022", "W061"]
    assert key in problems(report)[0][1]


def test_relabel_an_english_figure_is_kept(report):
    en = report / "index.en.md"
    label = re.search(r'label: "(fiscal revenue[^"]*)"', en.read_text()).group(0)  # type: ignore[union-attr]
    edit(en, label, 'label: "general budget revenue"')
    translate(report)
    assert "general budget revenue" in labels(report).values()
    assert problems(report) == []


def test_mark_headline_changes_nothing_in_english(report):
    en_before = (report / "index.en.md").read_bytes()
    line = zh_line(report, "text: 47项")
    edit(report / "index.zh.md", line, line.replace("headline: false", "headline: true"))
    translate(report)
    assert (report / "index.en.md").read_bytes() == en_before
    assert problems(report) == []


def test_fix_a_heading_makes_exactly_that_block_stale(report):
    zh = report / "index.zh.md"
    edit(zh, "## 聚焦项目建设 — 激发高质量发展新动能", "## 聚焦重点项目建设 — 激发高质量发展新动能")
    en_before = read_page(report / "index.en.md").blocks
    translate(report)
    assert read_page(report / "index.en.md").blocks == en_before  # kept, no placeholder
    found = problems(report)
    assert sorted(code for code, _ in found) == ["E020", "W061"]  # stale, so status: pending
    stale = next(message for code, message in found if code == "E020")
    assert "(heading) changed in index.zh.md:" in stale


def test_edit_an_english_paragraph_is_kept_and_checked(report):
    en = report / "index.en.md"
    page = read_page(en)
    paragraph = next(b for b in page.blocks if "470 million yuan" in b.markdown)
    edited = paragraph.markdown.replace("470 million yuan", "470 billion yuan", 1)
    edit(en, paragraph.markdown, edited)
    translate(report)
    assert edited in en.read_text()
    found = problems(report)
    assert [code for code, _ in found] == ["E030"]  # the wrong scale is caught
    assert "'4.7亿元'" in found[0][1] and "470 million yuan" in found[0][1]


def test_add_a_comment_survives_every_rewrite(report, tmp_path):
    en = report / "index.en.md"
    line = next(x for x in en.read_text().split("\n") if "470 million yuan" in x)
    edit(en, line, f"{line}  {COMMENT}")
    edit(en, "translation:", "# the English was reviewed on 2 May\ntranslation:")
    zh = report / "index.zh.md"
    edit(zh, "layout_notes:", "# figures pruned by hand below\nlayout_notes:")
    # A rewrite: a Chinese figure pruned (translate removes its entry) ...
    edit(zh, zh_line(report, "text: 27家") + "\n", "")
    translate(report)
    # ... and a PO round trip that changes a label.
    po = tmp_path / "units.po"
    assert main(["export", str(po), "--content", str(report.parent.parent)]) == 0
    text = re.sub(
        r'msgstr "fixed-asset investment[^"]*"', 'msgstr "investment"', po.read_text(), count=1
    )
    po.write_text(text)
    assert main(["import-translations", str(po), "--content", str(report.parent.parent)]) == 0
    assert '"investment"' in en.read_text()
    assert any("470 million yuan" in x and COMMENT in x for x in en.read_text().split("\n"))
    assert "# the English was reviewed on 2 May\ntranslation:" in en.read_text()
    assert "# figures pruned by hand below\nlayout_notes:" in zh.read_text()


def test_add_an_image_is_not_an_edit_of_the_text(report):
    (report / "images").mkdir()
    (report / "images" / "1.jpg").write_bytes(b"\xff\xd8\xff\xe0 photo")
    en_before = (report / "index.en.md").read_bytes()
    translate(report)
    assert (report / "index.en.md").read_bytes() == en_before
    assert problems(report) == []


def test_reimport_refuses_an_edited_page_and_force_keeps_the_english(report, tmp_path):
    zh = report / "index.zh.md"
    edit(zh, "## 聚焦项目建设 — 激发高质量发展新动能", "## 聚焦重点项目建设 — 激发高质量发展新动能")
    line = zh_line(report, "text: 47项")
    edit(zh, line, line.replace("label: 承担全市百项重点工程", "label: 重点工程"))
    before = labels(report)
    source = tmp_path / SEED.name
    content = str(report.parent.parent)
    assert main(["import", str(source), "--content", content]) == 1  # edited: refused
    assert "重点工程" in zh.read_text()
    assert main(["import", str(source), "--force", "--content", content]) == 0
    # The Chinese is as generated again; the English kept every entry, matched by id, and
    # what differs from the hand-repaired Chinese is reported block by block as stale.
    assert "聚焦重点项目建设" not in zh.read_text()
    assert labels(report) == before
    found = problems(report)
    # and the regenerated page is a draft again, for the editor to pass (W080)
    assert {code for code, _ in found} <= {"E020", "E022", "W080"}, found
