"""English by rule: dates, editions, bylines, names, key figures, and reading figures back."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from site_builder.content.english_rules import (
    english_byline,
    english_date,
    english_edition,
    english_publication,
    english_region,
    person_name,
)
from site_builder.content.figure_english import NOUNS, QUALIFIERS, english_figure
from site_builder.content.glossary import GlossaryEntry
from site_builder.content.placeholders import chinese_leak, is_placeholder, placeholder
from site_builder.english.figure_check import check_text
from site_builder.english.mentions import read_mentions


def test_english_date():
    assert english_date("2021-12-31") == "December 31, 2021"
    assert english_date(dt.date(2022, 1, 5)) == "January 5, 2022"
    assert english_date("2021年12月31日") == "December 31, 2021"
    assert english_date(None) is None
    assert english_date("2021-02-30") is None
    assert english_date("someday") is None


@pytest.mark.parametrize(
    ("edition", "english"),
    [("第04版", "Page 4"), ("第4版", "Page 4"), ("第十二版", "Page 12"), ("第A3版", "Page A3")],
)
def test_english_edition(edition, english):
    assert english_edition(edition) == english


def test_english_edition_unknown():
    assert english_edition(None) is None
    assert english_edition("头版头条") is None


def test_byline_plural_and_pinyin():
    byline = {"role": "本报通讯员", "names": ["王茂征", "孙士勇", "邱贻坤", "魏鹏", "于笑珑"]}
    assert english_byline(byline) == {
        "role": "Correspondents",
        "names": ["Wang Maozheng", "Sun Shiyong", "Qiu Yikun", "Wei Peng", "Yu Xiaolong"],
    }


@pytest.mark.parametrize(
    ("role", "names", "english"),
    [
        ("通讯员", ["张田田"], "Correspondent"),
        ("本报记者", ["张三"], "Staff reporter"),
        ("本报记者", ["张三", "李四"], "Staff reporters"),
        ("通讯员", ["张三", "李四"], "Correspondents"),
        ("不明身份", ["张三"], None),
    ],
)
def test_byline_roles(role, names, english):
    assert english_byline({"role": role, "names": names})["role"] == english


def test_byline_empty():
    assert english_byline({}) == {"role": None, "names": []}
    assert english_byline(None) == {"role": None, "names": []}


@pytest.mark.parametrize(
    ("chinese", "english"),
    [
        ("王茂征", "Wang Maozheng"),
        ("欧阳修", "Ouyang Xiu"),
        ("司马光", "Sima Guang"),
        ("诸葛亮", "Zhuge Liang"),
        ("上官婉儿", "Shangguan Wan'er"),
        ("单雄信", "Shan Xiongxin"),  # the surname reading, not dan
        ("曾国藩", "Zeng Guofan"),
        ("吕不韦", "Lü Buwei"),
        ("魏鹏", "Wei Peng"),
        ("John Smith", "John Smith"),
    ],
)
def test_person_name(chinese, english):
    assert person_name(chinese) == english


GLOSSARY = [
    GlossaryEntry("济宁日报", "Jining Daily", "organisation"),
    GlossaryEntry("邹城市", "Zoucheng City", "place"),
]


def test_publication_from_glossary_and_rule():
    assert english_publication("济宁日报", GLOSSARY) == "Jining Daily"
    assert english_publication("济南日报") == "Jinan Daily"
    assert english_publication("齐鲁晚报") == "Qilu Evening News"
    assert english_publication(None, GLOSSARY) is None


def test_region_smallest_unit_first():
    assert english_region("邹城市钢山街道", GLOSSARY) == "Gangshan Subdistrict, Zoucheng City"
    assert english_region("章丘区双山街道") == "Shuangshan Subdistrict, Zhangqiu District"
    assert english_region("北关社区") == "Beiguan Community"
    # a group of the gazetteer's path, not a place: named, not spelt out in pinyin
    assert english_region("省直辖行政区划") == "Province-Administered Divisions"
    whole = [GlossaryEntry("双山街道", "Shuangshan Subdistrict", "place")]
    assert english_region("双山街道", whole) == "Shuangshan Subdistrict"
    assert english_region(None) is None


def fig(value, unit, qualifier=None, yoy=False, value_max=None):
    return {
        "value": value,
        "unit": unit,
        "qualifier": qualifier,
        "yoy": yoy,
        "value_max": value_max,
    }


@pytest.mark.parametrize(
    ("figure", "english"),
    [
        (fig(470000000, "CNY"), "470 million yuan"),
        (fig(7092000000, "CNY"), "7.092 billion yuan"),
        (fig(83840000, "CNY"), "83.84 million yuan"),
        (fig(2760000, "CNY"), "2.76 million yuan"),
        (fig(5000, "CNY"), "5,000 yuan"),
        (fig(12600000000, "CNY"), "12.6 billion yuan"),
        (fig(1234567, "CNY"), "1,234,567 yuan"),  # never rounded into millions
        (fig(50.7, "percent", yoy=True), "up 50.7% year on year"),
        (fig(-12, "percent", yoy=True), "down 12% year on year"),
        (fig(-15, "percent"), "down 15%"),
        (fig(104.4, "percent"), "104.4%"),
        (fig(3000, "mu", "nearly"), "nearly 3,000 mu (about 200 hectares)"),
        (fig(300, "mu", "more_than"), "more than 300 mu (about 20 hectares)"),
        (fig(47, "mu"), "47 mu (about 3.13 hectares)"),
        (fig(3300000, "m2"), "3.3 million square meters"),
        (fig(57000, "m2"), "57,000 square meters"),
        (fig(10.2, "km"), "10.2 km"),
        (fig(500, "m"), "500 meters"),
        (fig(11000, "person_time", "more_than"), "more than 11,000 visits"),
        (fig(20000, "person", "more_than"), "more than 20,000 people"),
        (fig(1, "person"), "1 person"),
        (fig(27, "enterprise"), "27 enterprises"),
        (fig(55184, "household"), "55,184 households"),
        (fig(10, "project"), "10 projects"),
        (fig(3, "class", "about"), "about 3 classes"),
        (fig(2, "copy", "up_to"), "up to 2 copies"),
        (fig(7823, "hour"), "7,823 hours"),
        (fig(421, "count"), "421"),
        (fig(3, "project", value_max=5), "3–5 projects"),
        (fig(3000000, "CNY", value_max=5000000), "3–5 million yuan"),
        (fig(30, "percent", value_max=50), "30–50%"),
    ],
)
def test_english_figure(figure, english):
    assert english_figure(figure) == english


def test_english_figure_without_a_value_falls_back_to_the_text():
    assert english_figure({"text": "4.7亿元", "value": None, "unit": "CNY"}) == "4.7亿元"


@pytest.mark.parametrize(
    ("english", "number"),
    [
        ("470 million yuan", 470000000),
        ("RMB 470 million", 470000000),
        ("470,000,000 yuan", 470000000),
        ("55,184 households", 55184),
        ("55184 households", 55184),
        ("down 12% year on year", 12),
        ("7.092 billion yuan", 7092000000),
        ("3–5 million yuan", 3000000),
        ("3 to 5 projects", 5),
        ("six projects", 6),
        ("a quarter of the total", 25),
        ("1/4 of the total", 25),
    ],
)
def test_figure_numbers(english, number):
    assert any(Decimal(number) in m.values for m in read_mentions(english))


def test_figure_in_text():
    revenue = fig(470000000, "CNY")
    assert check_text(revenue, "fiscal revenue of 470 million yuan") is None
    assert check_text(revenue, "RMB 470,000,000") is None
    assert check_text(revenue, "fiscal revenue of 47 million yuan").kind == "value"
    assert check_text(fig(-12, "percent", yoy=True), "crime fell by 12%") is None
    assert check_text(fig(3, "project", value_max=5), "3 projects").kind == "value"


@given(
    value=st.one_of(
        st.integers(min_value=-(10**13), max_value=10**13),
        st.decimals(min_value=-(10**6), max_value=10**6, places=2, allow_nan=False).map(float),
    ),
    unit=st.sampled_from(sorted(NOUNS) + ["percent"]),
    qualifier=st.sampled_from([None, *QUALIFIERS]),
    yoy=st.booleans(),
)
def test_every_rendering_carries_its_value(value, unit, qualifier, yoy):
    """Property: whatever the figure, check agrees with the rule's own English in every way."""
    figure = fig(value, unit, qualifier, yoy)
    assert check_text(figure, english_figure(figure)) is None


def test_placeholder_and_leaks():
    text = placeholder("聚焦项目建设")
    assert is_placeholder(text) and not is_placeholder("Focusing on projects")
    assert chinese_leak("The subdistrict 完成 its tasks") == "完成"
    assert chinese_leak("attracting investment and talent (双招双引)") is None
    assert chinese_leak('the <span lang="zh">钢山精神</span> spirit') is None
    assert chinese_leak("Plain English, with 12% and “quotes”.") is None
