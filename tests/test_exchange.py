"""Export and import of translation units as PO (polib): only current units are imported."""

from __future__ import annotations

from pathlib import Path

import polib

from site_builder.cli import main
from site_builder.content.blocks import block_digest, render_block
from site_builder.content.identity import figure_id
from site_builder.content.model import Block
from site_builder.content.placeholders import PLACEHOLDER
from site_builder.english.check import check_content, read_page
from tests.test_check import EN_BLOCKS, SLUG, ZH_BLOCKS, ZH_META, write_report


def export(content: Path, tmp_path: Path) -> polib.POFile:
    output = tmp_path / "units.po"
    assert main(["export", str(output), "--content", str(content)]) == 0
    return polib.pofile(str(output))


def unit(po: polib.POFile, chinese: str) -> polib.POEntry:
    return next(entry for entry in po if entry.msgid == chinese)


def en_page(content: Path) -> Path:
    return content / "reports" / SLUG / "index.en.md"


def test_export_units(tmp_path, capsys):
    content = tmp_path / "content"
    folder = write_report(content)
    po = export(content, tmp_path)
    # title, subtitle, 3 labels, 4 blocks (the callout is not a unit)
    assert len(po) == 9
    assert "9 units, 0 to translate or review" in capsys.readouterr().out
    heading = unit(po, render_block(ZH_BLOCKS[2]))
    assert heading.msgctxt == f"{SLUG}:b3:{block_digest(ZH_BLOCKS[2])}"
    assert heading.msgstr == render_block(EN_BLOCKS[2])
    zh_path = folder / "index.zh.md"
    line = next(n for n, t in enumerate(zh_path.read_text().split("\n"), 1) if t.startswith("## "))
    assert heading.occurrences == [(str(zh_path), str(line))]
    assert heading.comment.startswith("heading; English at ")
    assert unit(po, ZH_META["title"]).msgctxt.startswith(f"{SLUG}:title:")
    assert unit(po, "总占地").msgstr == "land area"


def test_export_marks_stale_as_fuzzy_and_placeholders_empty(tmp_path):
    content = tmp_path / "content"
    folder = write_report(content)
    zh = folder / "index.zh.md"
    zh.write_text(zh.read_text().replace("幸福食堂", "幸福餐厅"), encoding="utf-8")
    write_report(content, slug="other", english=False)
    main(["translate", "--content", str(content)])  # "other" gets placeholders
    po = export(content, tmp_path)
    stale = unit(po, "![北关社区幸福餐厅](images/1.jpg)")
    assert stale.fuzzy and "Happiness Canteen" in stale.msgstr
    pending = [e for e in po if e.msgctxt.startswith("other:")]
    filled = {e.msgctxt.split(":")[1]: e.msgstr for e in pending if e.msgstr}
    assert len(pending) == 9 and filled == {
        f"label-{figure_id('4.7亿元')}": "fiscal revenue",
        f"label-{figure_id('50.7%')}": "fiscal revenue",
    }


def test_import_updates_current_units_and_skips_stale(tmp_path, capsys):
    content = tmp_path / "content"
    folder = write_report(content)
    po = export(content, tmp_path)
    unit(po, render_block(ZH_BLOCKS[2])).msgstr = "## Projects First — New Momentum"
    unit(po, ZH_META["title"]).msgstr = "A New Title"
    unit(po, "![北关社区幸福食堂](images/1.jpg)").msgstr = "![The Canteen](images/1.jpg)"
    po.save()
    # The Chinese caption changes after the export: its unit is stale now.
    zh = folder / "index.zh.md"
    zh.write_text(zh.read_text().replace("幸福食堂", "幸福餐厅"), encoding="utf-8")
    assert main(["import-translations", po.fpath, "--content", str(content)]) == 0
    out = capsys.readouterr().out
    assert "2 updated, 6 unchanged, 1 skipped as stale" in out
    page = read_page(en_page(content))
    assert page.blocks[2].block == Block("heading", "Projects First", sub="New Momentum")
    assert page.meta["title"] == "A New Title"
    assert page.blocks[4].block.text == "The Happiness Canteen of Beiguan Community"
    assert page.meta["translation"]["status"] == "draft"  # a translator's text, to review
    assert [p.code for p in check_content(content)] == ["E020"]  # the caption is still stale


def test_import_fills_placeholders_and_creates_missing_pages(tmp_path):
    content = tmp_path / "content"
    write_report(content, english=False)
    po = export(content, tmp_path)
    assert all(entry.msgstr == "" for entry in po)
    for entry, zh in zip([e for e in po if ":b" in e.msgctxt], ZH_BLOCKS[1:], strict=True):
        english = EN_BLOCKS[ZH_BLOCKS.index(zh)]
        entry.msgstr = render_block(english, 1)
    po.save()
    en_page(content).unlink(missing_ok=True)
    assert main(["import-translations", po.fpath, "--content", str(content)]) == 0
    page = read_page(en_page(content))
    assert [b.block for b in page.blocks] == EN_BLOCKS
    # The title and one label are still untranslated: the page stays pending.
    assert page.meta["translation"]["status"] == "pending"
    assert PLACEHOLDER in page.meta["title"]


def test_import_of_unknown_report_and_bad_file(tmp_path, capsys):
    content = tmp_path / "content"
    write_report(content)
    po = polib.POFile()
    po.append(polib.POEntry(msgctxt="nope:b1:abc", msgid="x", msgstr="y"))
    path = tmp_path / "other.po"
    po.save(str(path))
    # A unit that names no report of the content folder: the file is refused as a whole.
    assert main(["import-translations", str(path), "--content", str(content)]) == 2
    assert "no report 'nope'" in capsys.readouterr().err
    assert (
        main(["import-translations", str(tmp_path / "missing.po"), "--content", str(content)]) == 2
    )
