"""Bylines as role groups: the front-matter schema, the shared role table, the site header."""

from __future__ import annotations

import pytest

from site_builder.content.roles import ROLES, byline_groups, english_role
from site_builder.content.schema import ZH_PAGE, validate
from site_builder.site.render import metadata_fields

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


def test_site_header_shows_every_group_in_both_languages():
    zh = dict(metadata_fields(page(GROUPS), "zh"))
    assert zh["byline"] == "本报记者 李明 通讯员 王芳 赵小川"
    en = dict(metadata_fields(page(GROUPS), "en"))
    assert en["byline"] == "Staff reporter: Li Ming; Correspondents: Wang Fang, Zhao Xiaochuan"
    older = dict(metadata_fields(page({"role": "本报通讯员", "names": ["王茂征"]}), "en"))
    assert older["byline"] == "Correspondent: Wang Maozheng"


def test_section_name_is_shown_with_the_edition():
    meta = page(None) | {"edition": "第A2版", "section": "要闻"}
    assert dict(metadata_fields(meta, "zh"))["edition"] == "第A2版 要闻"
    assert dict(metadata_fields(meta, "en"))["edition"].startswith("Page A2 ")


def test_role_table_has_both_numbers_for_every_role():
    for role in ROLES:
        assert english_role(role, 1) and english_role(role, 2), role
    assert english_role("特约记者", 1) == "Contributing reporter"
    assert english_role("见习记者", 2) == "Trainee reporters"
    assert english_role("不明身份", 1) is None
