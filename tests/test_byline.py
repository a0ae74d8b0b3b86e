"""Bylines as role groups: the front-matter schema, the shared role table, the site header."""

from __future__ import annotations

import pytest

from site_builder.content.roles import ROLES, byline_groups, english_role, split_media_role
from site_builder.content.schema import ZH_PAGE, validate
from site_builder.site.report_header import metadata_fields

GROUPS = [{"role": "本报记者", "names": ["李明"]}, {"role": "通讯员", "names": ["王芳", "赵小川"]}]


def page(byline):
    return {"title": "潮涌东湖正扬帆", "date": None, "publication": None, "edition": None,
            "byline": byline, "region": None, "key_figures": []}  # fmt: skip


@pytest.mark.parametrize(
    "byline", [GROUPS, {"role": "本报通讯员", "names": ["王茂征"]}, None, []], ids=str
)
def test_schema_takes_groups_and_the_older_single_mapping(byline):
    assert validate(page(byline), ZH_PAGE) == []


def test_schema_names_a_bad_group():
    issues = validate(page([{"role": "记者", "names": "李明"}]), ZH_PAGE)
    assert [issue.message for issue in issues] == [
        "'byline[0].names' must be a list of text, not str '李明'"
    ]


def test_byline_groups_reads_both_forms():
    assert byline_groups(GROUPS) == GROUPS
    assert byline_groups({"role": None, "names": ["顾敏"]}) == [{"role": None, "names": ["顾敏"]}]
    assert byline_groups(None) == [] and byline_groups([{"role": "记者", "names": []}]) == []


def shown(meta, lang):
    """The header's fields by key: what each says."""
    return {field.key: field for field in metadata_fields(meta, lang)}


def test_site_header_shows_every_group_in_both_languages():
    zh = shown(page(GROUPS), "zh")
    assert zh["byline"].text == "本报记者 李明 通讯员 王芳 赵小川"
    en = shown(page(GROUPS), "en")
    assert en["byline"].text == "Staff reporter: Li Ming; Correspondents: Wang Fang, Zhao Xiaochuan"
    older = shown(page({"role": "本报通讯员", "names": ["王茂征"]}), "en")
    assert older["byline"].text == "Correspondent: Wang Maozheng"


def test_section_name_is_shown_with_the_edition():
    meta = page(None) | {"edition": "第A2版", "section": "要闻"}
    assert shown(meta, "zh")["edition"].text == "第A2版 要闻"
    edition = shown(meta, "en")["edition"]
    assert (edition.text, edition.original) == ("Page A2", "要闻")


def test_role_table_has_both_numbers_for_every_role():
    for role in ROLES:
        assert english_role(role, 1) and english_role(role, 2), role
    assert english_role("特约记者", 1) == "Contributing reporter"
    assert english_role("见习记者", 2) == "Trainee reporters"
    assert english_role("不明身份", 1) is None


@pytest.mark.parametrize(
    ("role", "outlet", "base"),
    [
        ("天门网记者", "天门网", "记者"),
        ("新华社记者", "新华社", "记者"),
        ("荆州日报记者", "荆州日报", "记者"),
        ("晚报记者", "晚报", "记者"),
        ("县融媒体中心记者", "县融媒体中心", "记者"),
        ("镇江报业全媒体记者", "镇江报业", "全媒体记者"),
    ],
)
def test_split_media_role(role, outlet, base):
    assert split_media_role(role) == (outlet, base)


def test_roles_of_the_table_are_not_media_roles():
    assert split_media_role("本报记者") is None and split_media_role("融媒体记者") is None
    assert split_media_role("报记者") is None  # a one-character outlet needs a name


def test_english_media_roles():
    assert english_role("新华社记者", 1) == "Xinhua reporter"
    assert english_role("人民网记者", 2) == "People's Daily Online reporters"
    assert english_role("天门网记者", 1) == "Reporter"  # no English name for the outlet given
    assert (
        english_role("天门网记者", 3, lambda name: "Tianmen Online") == "Tianmen Online reporters"
    )


def test_english_byline_names_an_outlet_by_rule():
    from site_builder.content.english_rules import english_byline, english_publication

    assert english_byline({"role": "天门网记者", "names": ["李思远", "王晓东"]}) == {
        "role": "Tianmen Online reporters",
        "names": ["Li Siyuan", "Wang Xiaodong"],
    }
    assert english_publication("天门市融媒体中心") == "Tianmen City Media Center"
    assert english_publication("县融媒体中心") == "County Media Center"
    assert english_publication("荆州日报") == "Jingzhou Daily"


@pytest.mark.parametrize(
    ("line", "groups"),
    [
        ("记者王小明通讯员李芳", [("记者", ["王小明"]), ("通讯员", ["李芳"])]),
        ("本报记者王小明 通讯员李芳", [("本报记者", ["王小明"]), ("通讯员", ["李芳"])]),
        ("记者王小明 李芳通讯员赵小川", [("记者", ["王小明", "李芳"]), ("通讯员", ["赵小川"])]),
        ("特约记者欧阳晓明见习记者陈通", [("特约记者", ["欧阳晓明"]), ("见习记者", ["陈通"])]),
    ],
)
def test_roles_run_together_without_spaces_are_two_groups(line, groups):
    from site_builder.convert.structure.metadata import parse_byline

    found = parse_byline(line)
    assert found is not None
    assert [(g.role, g.names) for g in found] == groups
