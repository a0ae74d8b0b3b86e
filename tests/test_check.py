"""site-builder check: every problem class is provoked and seen at the right path:line.

The helpers here build report folders in tmp_path in the content format of
docs/content-format.md; the translate and exchange tests use them too.
"""

from __future__ import annotations

import copy
import datetime as dt
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from site_builder.cli import main
from site_builder.content.blocks import block_digest, render_block
from site_builder.content.errors import SiteBuilderError
from site_builder.content.frontmatter import dump_front_matter
from site_builder.content.identity import figure_id, label_digest
from site_builder.content.model import Block
from site_builder.content.placeholders import placeholder
from site_builder.english.backends import NoneBackend
from site_builder.english.check import check_content
from site_builder.english.translate import translate_report

SLUG = "2021-12-31-gangshan"

ZH_LEAD = "聚力重点项目建设,筑牢根基。"
EN_LEAD = "Concentrating on key projects to lay a firm foundation."
ZH_BLOCKS = [
    Block("callout", "glance"),
    Block("paragraph", "2021年,钢山街道完成财政收入4.7亿元,同比增长50.7%。"),
    Block("heading", "聚焦项目建设", sub="激发高质量发展新动能"),
    Block(
        "paragraph", "聚力重点项目建设,筑牢根基。总占地近3000亩,推动“双招双引”。", lead=len(ZH_LEAD)
    ),
    Block("caption", "北关社区幸福食堂"),
]
EN_BLOCKS = [
    Block("callout", "glance"),
    Block(
        "paragraph",
        "In 2021, Gangshan Subdistrict posted fiscal revenue of 470 million yuan, "
        "up 50.7% year on year.",
    ),
    Block("heading", "Focusing on Project Construction", sub="Unleashing New Momentum"),
    Block(
        "paragraph",
        "Concentrating on key projects to lay a firm foundation. They cover nearly 3,000 mu "
        "(about 200 hectares) and push forward attracting investment and talent.",
        lead=len(EN_LEAD),
    ),
    Block("caption", "The Happiness Canteen of Beiguan Community"),
]
ZH_META: dict[str, Any] = {
    "title": "敢立潮头逐浪高 奋楫扬帆谱新篇",
    "subtitle": "邹城市钢山街道2021年高质量发展纪实",
    "date": dt.date(2021, 12, 31),
    "period": "2021",
    "publication": "济宁日报",
    "edition": "第04版",
    "byline": {"role": "本报通讯员", "names": ["王茂征"]},
    "region": "邹城市钢山街道",
    "source": "source.txt",
    "source_page": None,
    "key_figures": [
        {
            "id": figure_id("4.7亿元"),
            "text": "4.7亿元",
            "label": "财政收入",
            "value": 470000000,
            "unit": "CNY",
            "qualifier": None,
            "yoy": False,
            "headline": True,
        },
        {
            "id": figure_id("50.7%"),
            "text": "50.7%",
            "label": "财政收入",
            "value": 50.7,
            "unit": "percent",
            "qualifier": None,
            "yoy": True,
            "headline": True,
        },
        {
            "id": figure_id("3000亩"),
            "text": "3000亩",
            "label": "总占地",
            "value": 3000,
            "unit": "mu",
            "qualifier": "nearly",
            "yoy": False,
            "headline": False,
        },
    ],  # fmt: skip
    "layout_notes": [],
    "editor_note": None,
}
EN_META: dict[str, Any] = {
    "title": "Riding the Crest of the Wave",
    "subtitle": "A Record of High-Quality Development in Gangshan Subdistrict in 2021",
    "key_figures": [
        {"id": figure_id("4.7亿元"), "label": "fiscal revenue", "text": "470 million yuan"},
        {"id": figure_id("50.7%"), "label": "fiscal revenue", "text": "up 50.7% year on year"},
        {
            "id": figure_id("3000亩"),
            "label": "land area",
            "text": "nearly 3,000 mu (about 200 hectares)",
        },
    ],
    "translation": {"status": "reviewed"},
}
for _zh, _en in zip(ZH_META["key_figures"], EN_META["key_figures"], strict=True):
    _en["label_digest"] = label_digest(_zh["label"])


def legacy(meta: dict[str, Any]) -> dict[str, Any]:
    """A page as made before key-figure ids (main before migration): no id, no label_digest."""
    meta = copy.deepcopy(meta)
    for figure in meta["key_figures"]:
        figure.pop("id", None)
        figure.pop("label_digest", None)
    return meta


GLOSSARY = """\
- zh: 钢山街道
  en: Gangshan Subdistrict
  pinyin: Gāngshān Jiēdào
  kind: place
- zh: 双招双引
  en: attracting investment and talent
  kind: policy_term
- zh: 财政收入
  en: fiscal revenue
  kind: metric
"""


def page_text(meta: dict[str, Any], blocks: list[Block]) -> str:
    """A page as the converter and translate write it: front matter, blank line, blocks."""
    parts, captions = [], 0
    for block in blocks:
        captions += block.kind == "caption"
        parts.append(render_block(block, captions))
    return dump_front_matter(meta) + "\n" + "\n\n".join(parts) + "\n"


def write_report(
    content: Path,
    slug: str = SLUG,
    zh_blocks: list[Block] | None = None,
    en_blocks: list[Block] | None = None,
    zh_meta: dict[str, Any] | None = None,
    en_meta: dict[str, Any] | None = None,
    english: bool = True,
    glossary: str | None = GLOSSARY,
) -> Path:
    """Write a report folder; the English page's source_digests match the Chinese blocks."""
    zh_blocks = ZH_BLOCKS if zh_blocks is None else zh_blocks
    folder = content / "reports" / slug
    folder.mkdir(parents=True, exist_ok=True)
    if glossary is not None:
        (content / "glossary.yml").write_text(glossary, encoding="utf-8")
    zh = copy.deepcopy(ZH_META if zh_meta is None else zh_meta)
    (folder / "index.zh.md").write_text(page_text(zh, zh_blocks), encoding="utf-8")
    source = zh.get("source")
    # an import copies the source beside the page (a name that is no file name gets none)
    if isinstance(source, str) and source.strip() and Path(source).name == source:
        if source not in (".", ".."):
            (folder / source).write_text("原文。\n", encoding="utf-8")
    if english:
        en = copy.deepcopy(EN_META if en_meta is None else en_meta)
        if isinstance(en.get("translation", {}), dict):
            en.setdefault("translation", {}).setdefault(
                "source_digests", [block_digest(b) for b in zh_blocks]
            )
        blocks = EN_BLOCKS if en_blocks is None else en_blocks
        (folder / "index.en.md").write_text(page_text(en, blocks), encoding="utf-8")
    return folder


def line_of(path: Path, needle: str) -> int:
    """The 1-based line of the first line containing ``needle``."""
    for number, line in enumerate(path.read_text(encoding="utf-8").split("\n"), start=1):
        if needle in line:
            return number
    raise AssertionError(f"{needle!r} not in {path}")


def codes(content: Path) -> list[tuple[str, int, str]]:
    return [(Path(p.path).name, p.line, p.code) for p in check_content(content)]


def only(content: Path, code: str):
    found = [p for p in check_content(content) if p.code == code]
    assert len(found) == 1, check_content(content)
    return found[0]


def test_clean_report_has_no_problems(tmp_path):
    write_report(tmp_path)
    assert check_content(tmp_path) == []
    assert main(["check", "--content", str(tmp_path), "--strict"]) == 0


def test_e001_missing_english_page(tmp_path):
    folder = write_report(tmp_path, english=False)
    problem = only(tmp_path, "E001")
    assert (problem.path, problem.line) == (str(folder / "index.zh.md"), 1)


def test_e002_english_page_without_chinese(tmp_path):
    folder = write_report(tmp_path)
    (folder / "index.zh.md").unlink()
    assert codes(tmp_path) == [("index.en.md", 1, "E002")]


def test_e003_unreadable_page(tmp_path):
    folder = write_report(tmp_path)
    (folder / "index.en.md").write_bytes(b"---\ntitle: \xff\xfe\n---\n")
    assert codes(tmp_path) == [("index.en.md", 1, "E003")]


def test_e004_broken_yaml_names_the_line(tmp_path):
    folder = write_report(tmp_path)
    en = folder / "index.en.md"
    en.write_text(en.read_text().replace("title: Riding", "title: [Riding", 1), encoding="utf-8")
    problem = only(tmp_path, "E004")
    assert problem.path == str(en) and problem.line in (2, 3)  # where YAML noticed it
    assert problem.message.startswith("broken YAML")


def test_e004_no_front_matter(tmp_path):
    folder = write_report(tmp_path)
    (folder / "index.en.md").write_text("Just text\n", encoding="utf-8")
    assert codes(tmp_path) == [("index.en.md", 1, "E004")]


def test_e005_schema_errors_name_the_key(tmp_path):
    zh = copy.deepcopy(ZH_META)
    del zh["title"]
    zh["key_figures"][1]["value"] = "fifty"
    zh["key_figures"][2]["unit"] = "acre"
    folder = write_report(tmp_path, zh_meta=zh)
    problems = [p for p in check_content(tmp_path) if p.code == "E005"]
    zh_path = folder / "index.zh.md"
    assert [(p.line, p.message.split("'")[1]) for p in problems] == [
        (1, "title"),
        (line_of(zh_path, "50.7%"), "key_figures[1].value"),
        (line_of(zh_path, "3000亩"), "key_figures[2].unit"),
    ]
    assert "must be a number" in problems[1].message
    assert "one of: CNY" in problems[2].message


def test_e005_english_translation_record(tmp_path):
    en = copy.deepcopy(EN_META)
    en["translation"] = {"status": "done"}
    folder = write_report(tmp_path, en_meta=en)
    problem = only(tmp_path, "E005")
    assert problem.line == line_of(folder / "index.en.md", "status: done")
    assert "'translation.status'" in problem.message and "reviewed" in problem.message


def test_w005_unknown_key_is_a_warning(tmp_path):
    zh = copy.deepcopy(ZH_META) | {"titel": "typo"}
    folder = write_report(tmp_path, zh_meta=zh)
    problem = only(tmp_path, "W005")
    assert problem.severity == "warning"
    assert problem.line == line_of(folder / "index.zh.md", "titel")


@pytest.mark.parametrize("url", ["javascript:alert(1)", "www.example.cn/a.html"])
def test_w005_a_source_url_the_site_does_not_link(tmp_path, url):
    """The site links only an http(s) original; anything else was left out without a word."""
    folder = write_report(tmp_path, zh_meta=copy.deepcopy(ZH_META) | {"source_url": url})
    problem = only(tmp_path, "W005")
    assert problem.line == line_of(folder / "index.zh.md", "source_url")
    assert problem.message == (
        f"'source_url' is '{url}', not an http or https address: the site does not link it"
    )


def test_w005_a_period_the_site_cannot_read(tmp_path):
    zh = copy.deepcopy(ZH_META)
    zh["key_figures"][0]["period"] = "上半年"
    folder = write_report(tmp_path, zh_meta=zh)
    problem = only(tmp_path, "W005")
    assert problem.line == line_of(folder / "index.zh.md", "上半年")
    assert problem.message == (
        "'key_figures[0].period' is '上半年', not a period the site can read "
        "(2021, 2021-2022, 2021-01/11, 2022-09): it shows 'period not stated'"
    )


def test_e006_key_figure_counts_differ_on_a_legacy_page(tmp_path):
    en = legacy(EN_META)
    en["key_figures"].pop()
    folder = write_report(tmp_path, zh_meta=legacy(ZH_META), en_meta=en)
    problem = only(tmp_path, "E006")
    assert problem.line == line_of(folder / "index.en.md", "key_figures:")
    assert "2 entries" in problem.message and "has 3" in problem.message


def test_legacy_pages_without_ids_pair_by_position_and_are_clean(tmp_path):
    write_report(tmp_path, zh_meta=legacy(ZH_META), en_meta=legacy(EN_META))
    assert check_content(tmp_path) == []


def test_e006_figure_without_english_entry_and_entry_without_figure(tmp_path):
    en = copy.deepcopy(EN_META)
    en["key_figures"][2]["id"] = "k000000"  # its figure was removed, say
    folder = write_report(tmp_path, en_meta=en)
    found = [p for p in check_content(tmp_path) if p.code == "E006"]
    assert len(found) == 2
    assert f"key figure {figure_id('3000亩')} '3000亩' (总占地, index.zh.md:" in found[0].message
    assert "has no English entry" in found[0].message
    assert found[1].line == line_of(folder / "index.en.md", "k000000")
    assert "id k000000 is not on the Chinese page" in found[1].message


def test_e007_duplicate_id_and_w007_figure_without_id(tmp_path):
    zh = copy.deepcopy(ZH_META)
    zh["key_figures"][1]["id"] = zh["key_figures"][0]["id"]
    del zh["key_figures"][2]["id"]  # added by hand
    folder = write_report(tmp_path, zh_meta=zh)
    found = {p.code: p for p in check_content(tmp_path)}
    assert found["E007"].line == line_of(folder / "index.zh.md", "50.7%")
    assert found["W007"].severity == "warning" and "3000亩" in found["W007"].message


def test_e022_stale_key_figure_label_names_the_figure(tmp_path):
    zh = copy.deepcopy(ZH_META)
    zh["key_figures"][2]["label"] = "总占地面积"  # relabelled in Chinese
    folder = write_report(tmp_path, zh_meta=zh)
    problem = only(tmp_path, "E022")
    assert problem.line == line_of(folder / "index.en.md", "land area")
    assert f"key figure {figure_id('3000亩')} '3000亩' (总占地面积" in problem.message
    assert label_digest("总占地面积") in problem.message


def test_e010_kind_mismatch_names_both_lines(tmp_path):
    en_blocks = list(EN_BLOCKS)
    en_blocks[2] = Block("paragraph", "Focusing on Project Construction")
    folder = write_report(tmp_path, en_blocks=en_blocks)
    problem = only(tmp_path, "E010")
    en_line = line_of(folder / "index.en.md", "Focusing on Project")
    zh_line = line_of(folder / "index.zh.md", "## 聚焦项目建设")
    assert problem.line == en_line
    assert f"index.zh.md:{zh_line} is a heading" in problem.message


def test_e010_callout_variant_mismatch(tmp_path):
    en_blocks = [Block("callout", "section"), *EN_BLOCKS[1:]]
    write_report(tmp_path, en_blocks=en_blocks)
    assert "callout (glance)" in only(tmp_path, "E010").message


def test_e011_block_count_mismatch(tmp_path):
    folder = write_report(tmp_path, en_blocks=EN_BLOCKS[:-1])
    problem = only(tmp_path, "E011")
    zh_line = line_of(folder / "index.zh.md", "北关社区")
    assert "4 blocks, the Chinese page has 5" in problem.message
    assert f"index.zh.md:{zh_line}" in problem.message


def test_e020_stale_block_says_which(tmp_path):
    folder = write_report(tmp_path)
    zh_path = folder / "index.zh.md"
    zh_path.write_text(zh_path.read_text().replace("北关社区幸福食堂", "北关社区幸福餐厅"))
    problem = only(tmp_path, "E020")
    assert problem.path == str(folder / "index.en.md")
    assert problem.line == line_of(folder / "index.en.md", "Happiness Canteen")
    assert (
        f"block 5 (caption) changed in index.zh.md:{line_of(zh_path, '幸福餐厅')}"
        in problem.message
    )
    assert block_digest(Block("caption", "北关社区幸福餐厅")) in problem.message


def test_e021_digest_count(tmp_path):
    en = copy.deepcopy(EN_META)
    en["translation"]["source_digests"] = ["abc"]
    write_report(tmp_path, en_meta=en)
    assert "1 entries for 5 Chinese blocks" in only(tmp_path, "E021").message


def test_e030_figure_missing_in_aligned_block(tmp_path):
    en_blocks = list(EN_BLOCKS)
    en_blocks[1] = Block("paragraph", "In 2021, fiscal revenue was 47 million yuan, up 50.7%.")
    folder = write_report(tmp_path, en_blocks=en_blocks)
    problem = only(tmp_path, "E030")
    assert problem.line == line_of(folder / "index.en.md", "In 2021, fiscal")
    assert "4.7亿元" in problem.message and "470 million yuan" in problem.message


def test_e030_figure_in_multiline_block_and_range(tmp_path):
    en_blocks = list(EN_BLOCKS)
    en_blocks[3] = Block(
        "paragraph", "Concentrating on key projects. They cover 2,000 mu.", lead=30
    )
    write_report(tmp_path, en_blocks=en_blocks)
    assert "3000亩" in only(tmp_path, "E030").message


def test_e031_figure_text_not_in_body(tmp_path):
    zh = copy.deepcopy(ZH_META)
    zh["key_figures"][0]["text"] = "4.8亿元"
    folder = write_report(tmp_path, zh_meta=zh)
    problem = only(tmp_path, "E031")
    assert problem.path == str(folder / "index.zh.md")
    assert problem.line == line_of(folder / "index.zh.md", "4.8亿元")


def test_e032_english_figure_text(tmp_path):
    en = copy.deepcopy(EN_META)
    en["key_figures"][0]["text"] = "4.7 billion yuan"
    folder = write_report(tmp_path, en_meta=en)
    problem = only(tmp_path, "E032")
    assert problem.line == line_of(folder / "index.en.md", "4.7 billion")


def test_e040_chinese_left_in_english(tmp_path):
    en_blocks = list(EN_BLOCKS)
    en_blocks[4] = Block("caption", "The 幸福食堂 of Beiguan Community")
    folder = write_report(tmp_path, en_blocks=en_blocks)
    problem = only(tmp_path, "E040")
    assert problem.line == line_of(folder / "index.en.md", "幸福食堂")
    assert "'幸福食堂'" in problem.message


def test_e040_in_english_title(tmp_path):
    en = copy.deepcopy(EN_META)
    en["title"] = "Riding the 潮头"
    write_report(tmp_path, en_meta=en)
    assert only(tmp_path, "E040").line == 2


def test_deliberate_glosses_are_not_leaks(tmp_path):
    en_blocks = list(EN_BLOCKS)
    en_blocks[4] = Block("caption", "The Happiness Canteen (幸福食堂) of Beiguan Community")
    folder = write_report(tmp_path, en_blocks=en_blocks)
    en_path = folder / "index.en.md"
    text = en_path.read_text().replace(
        "Subdistrict posted", 'Subdistrict (<span lang="zh">钢山街道</span>) posted'
    )
    en_path.write_text(text, encoding="utf-8")
    assert check_content(tmp_path) == []


def test_w050_glossary_term_rendered_inconsistently(tmp_path):
    en_blocks = list(EN_BLOCKS)
    en_blocks[3] = Block(
        "paragraph",
        "Concentrating on key projects to lay a firm foundation. They cover nearly 3,000 mu "
        "and push forward the double recruitment drive.",
        lead=len(EN_LEAD),
    )
    folder = write_report(tmp_path, en_blocks=en_blocks)
    problem = only(tmp_path, "W050")
    assert problem.severity == "warning"
    assert problem.line == line_of(folder / "index.en.md", "double recruitment")
    assert "双招双引" in problem.message and "attracting investment and talent" in problem.message
    assert main(["check", "--content", str(tmp_path)]) == 0
    assert main(["check", "--content", str(tmp_path), "--strict"]) == 1


def test_w060_placeholder_and_w061_status(tmp_path):
    en_blocks = list(EN_BLOCKS)
    en_blocks[4] = Block("caption", placeholder("北关社区幸福食堂"))
    en = copy.deepcopy(EN_META)
    en["translation"]["status"] = "pending"
    en["key_figures"][2] |= {"label": placeholder("总占地"), "text": None}
    folder = write_report(tmp_path, en_blocks=en_blocks, en_meta=en)
    en_path = folder / "index.en.md"
    found = [(p.line, p.code) for p in check_content(tmp_path)]
    assert found == [
        (line_of(en_path, "总占地"), "W060"),
        (line_of(en_path, "status: pending"), "W061"),
        (line_of(en_path, "北关社区"), "W060"),
    ]
    assert main(["check", "--content", str(tmp_path)]) == 0
    assert main(["check", "--content", str(tmp_path), "--strict"]) == 1


def test_w061_machine_status(tmp_path):
    en = copy.deepcopy(EN_META)
    en["translation"]["status"] = "machine"
    write_report(tmp_path, en_meta=en)
    assert "'machine'" in only(tmp_path, "W061").message


def test_e070_glossary_schema_error(tmp_path):
    write_report(tmp_path, glossary=GLOSSARY + "- zh: 网格\n  en: grid\n  kind: jargon\n")
    problem = only(tmp_path, "E070")
    assert problem.path == str(tmp_path / "glossary.yml") and problem.line == 11


def test_e070_broken_glossary_yaml(tmp_path):
    write_report(tmp_path, glossary="- zh: [\n")
    assert only(tmp_path, "E070").message.startswith("broken YAML")


def test_output_format_and_exit_codes(tmp_path, capsys):
    folder = write_report(tmp_path, en_blocks=EN_BLOCKS[:-1])
    assert main(["check", "--content", str(tmp_path)]) == 1
    out, err = capsys.readouterr()
    assert out.startswith(f"{folder / 'index.en.md'}:") and ": E011 " in out
    assert "1 error(s), 0 warning(s)" in err
    assert main(["check", "--content", str(tmp_path / "missing")]) == 2
    assert "content folder not found" in capsys.readouterr().err


@pytest.mark.parametrize("junk", [b"", b"---\n---\n", b"---\n- a list\n---\n", b"\x00\x01"])
def test_never_crashes_on_junk(tmp_path, junk):
    folder = write_report(tmp_path)
    (folder / "index.zh.md").write_bytes(junk)
    found = {p.code for p in check_content(tmp_path)}
    assert found & {"E003", "E004", "E005"}, found


_SCALARS = st.one_of(
    st.none(), st.booleans(), st.integers(), st.floats(allow_nan=False), st.text(max_size=8)
)
_VALUES = st.recursive(
    _SCALARS,
    lambda inner: (
        st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=6), inner, max_size=3)
    ),
    max_leaves=8,
)


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    zh_changes=st.dictionaries(st.sampled_from(sorted(ZH_META)), _VALUES, max_size=3),
    en_changes=st.dictionaries(st.sampled_from(sorted(EN_META)), _VALUES, max_size=2),
    figure=st.dictionaries(st.sampled_from(["text", "value", "unit", "value_max"]), _VALUES),
)
def test_check_and_translate_never_crash_on_odd_front_matter(
    tmp_path, zh_changes, en_changes, figure
):
    """Property: whatever the front matter holds, check reports problems and never raises."""
    content = tmp_path / "fuzz"
    zh = copy.deepcopy(ZH_META) | zh_changes
    figures = zh.get("key_figures")
    if isinstance(figures, list) and figures and isinstance(figures[0], dict):
        figures[0] = figures[0] | figure
    write_report(content, zh_meta=zh, en_meta=copy.deepcopy(EN_META) | en_changes)
    check_content(content)
    try:
        translate_report(content / "reports" / SLUG, NoneBackend(), [])
    except SiteBuilderError:
        pass
    check_content(content)
