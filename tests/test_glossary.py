"""The glossary: schema-checked loading with path:line errors, term finding, renderings."""

from __future__ import annotations

from pathlib import Path

import pytest

from site_builder.content.errors import ContentError, FrontMatterError, InputError
from site_builder.content.glossary import (
    GlossaryEntry,
    find_terms,
    load_glossary,
    read_glossary,
    renders_term,
)

CONTENT_GLOSSARY = Path(__file__).resolve().parent.parent / "content" / "glossary.yml"

VALID = """\
# a comment line
- zh: 钢山街道
  en: Gangshan Subdistrict
  pinyin: Gāngshān Jiēdào
  kind: place
- zh: 双招双引
  en: attracting investment and talent
  kind: policy_term
  note: Attracting investment and businesses as well as talent.
"""


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "glossary.yml"
    path.write_text(text, encoding="utf-8")
    return path


def test_load_valid_glossary_keeps_lines(tmp_path):
    entries = load_glossary(write(tmp_path, VALID))
    assert entries == [
        GlossaryEntry("钢山街道", "Gangshan Subdistrict", "place", "Gāngshān Jiēdào", None, 2),
        GlossaryEntry(
            "双招双引",
            "attracting investment and talent",
            "policy_term",
            None,
            "Attracting investment and businesses as well as talent.",
            6,
        ),
    ]


def test_empty_glossary(tmp_path):
    assert load_glossary(write(tmp_path, "# nothing yet\n")) == []


@pytest.mark.parametrize(
    ("text", "line", "reason"),
    [
        ("- zh: 钢山街道\n  kind: place\n", 1, "lacks 'en'"),
        ("- zh: 钢山街道\n  en: Gangshan\n  kind: town\n", 1, "unknown kind 'town'"),
        ("- zh: a\n  en: b\n  kind: place\n  colour: red\n", 4, "unknown key 'colour'"),
        ("- zh: a\n  en: [b, c]\n  kind: place\n", 2, "'en' must be text"),
        ("- zh: a\n  en: b\n  kind: place\n- zh: a\n  en: c\n  kind: place\n", 4, "duplicate"),
        ("- zh: 钢山\n  zh: 双山\n  en: b\n  kind: place\n", 2, "duplicate key 'zh'"),
        ("- just a string\n", 1, "must be a mapping"),
        ("zh: a\nen: b\n", 1, "must be a list"),
    ],
)
def test_schema_errors_name_path_and_line(tmp_path, text, line, reason):
    path = write(tmp_path, text)
    with pytest.raises(ContentError) as caught:
        load_glossary(path)
    assert caught.value.path == f"{path}:{line}"
    assert reason in caught.value.reason


def test_broken_yaml_names_the_line(tmp_path):
    path = write(tmp_path, "- zh: a\n  en: b\n  kind: place\n- zh: [unclosed\n")
    with pytest.raises(FrontMatterError) as caught:
        load_glossary(path)
    assert caught.value.path.startswith(f"{path}:")
    assert "broken YAML" in caught.value.reason


def test_read_glossary_collects_every_problem(tmp_path):
    text = (
        "- zh: a\n  kind: place\n- zh: b\n  en: c\n  kind: nope\n- zh: d\n  en: e\n  kind: slogan\n"
    )
    entries, problems = read_glossary(write(tmp_path, text))
    assert [e.zh for e in entries] == ["d"]
    assert [p.line for p in problems] == [1, 3]


def test_missing_glossary_is_an_input_error(tmp_path):
    with pytest.raises(InputError):
        load_glossary(tmp_path / "nope.yml")


TERMS = [
    GlossaryEntry("邹城市", "Zoucheng City", "place"),
    GlossaryEntry("钢山街道", "Gangshan Subdistrict", "place"),
    GlossaryEntry("邹城市钢山街道", "Gangshan Subdistrict, Zoucheng City", "place"),
    GlossaryEntry("网格", "grid", "policy_term"),
    GlossaryEntry("网格员", "grid worker", "person_title"),
    GlossaryEntry("党建", "Party building", "policy_term"),
]


def test_find_terms_longest_first_in_order():
    found = find_terms("网格员走访邹城市钢山街道,加强党建和网格管理,党建引领", TERMS)
    assert [e.zh for e in found] == ["网格员", "邹城市钢山街道", "党建", "网格"]


def test_find_terms_without_the_long_entry():
    found = find_terms("邹城市钢山街道", TERMS[:2])
    assert [e.zh for e in found] == ["邹城市", "钢山街道"]


@pytest.mark.parametrize(
    ("entry", "english", "found"),
    [
        (TERMS[1], "Gangshan Subdistrict completed", True),
        (TERMS[1], "the subdistrict completed", True),  # back-reference to a place
        (TERMS[1], "Gangshan's revenue", True),
        (TERMS[1], "Steel Mountain Street", False),
        (TERMS[3], "grid-based management", True),
        (TERMS[5], "the Party-building brand", True),
        (
            GlossaryEntry("四上企业", "above-designated-size enterprises", "policy_term"),
            "27 new above-designated-size enterprise",
            True,
        ),
        (
            GlossaryEntry(
                "两委",
                "the two committees (the Party organization and the villagers' or residents' committee)",
                "policy_term",
            ),
            "the two committees were elected",
            True,
        ),
        (
            GlossaryEntry("四减四增", 'the "four reductions and four increases"', "slogan"),
            "the “four reductions and four increases” campaign",
            True,
        ),
        (GlossaryEntry("同比增长", "up ... year on year", "metric"), "up 50.7% year on year", True),
        (
            GlossaryEntry("同比增长", "up ... year on year", "metric"),
            "50.7% more than last year",
            False,
        ),
    ],
)
def test_renders_term(entry, english, found):
    assert renders_term(entry, english) is found


def test_content_glossary_is_valid_and_has_the_fixed_renderings():
    entries = {e.zh: e for e in load_glossary(CONTENT_GLOSSARY)}
    fixed = {
        "双招双引": "attracting investment and talent",
        "四上企业": "above-designated-size enterprises",
        "网格": "grid",
        "12345热线": "the 12345 public-service hotline",
        "党工委": "Party Working Committee",
        "党建": "Party building",
        "济宁日报": "Jining Daily",
    }
    for zh, en in fixed.items():
        assert entries[zh].en == en
    assert entries["两委"].en.startswith("the two committees")
    assert "projects first" in entries["项目为王"].en
    for zh in ("门前五包", "四减四增", "三大保卫战"):
        assert entries[zh].kind == "slogan" and entries[zh].note
    assert entries["济宁日报"].kind == "organisation"
