"""What the converter writes besides text and figures: the draft flag, the review list, the
region's place in the gazetteer, estimates and periods, and the input-form and layout-repair
registries. Texts here are invented for the tests, in the forms reports come in."""

from __future__ import annotations

import pytest
import yaml

from site_builder.content.frontmatter import split_front_matter
from site_builder.content.review_codes import REVIEW_CODES
from site_builder.content.schema import ZH_PAGE, validate
from site_builder.convert.figures.metrics import is_estimate, narrowed_period
from site_builder.convert.layout.repairs import BLOCK_REPAIRS, LINE_REPAIRS
from site_builder.convert.pipeline import convert
from site_builder.convert.render import render_zh_page
from site_builder.convert.sources import READERS, read_source
from site_builder.convert.structure.gazetteer import resolve


def page(text: str, name: str = "x.txt") -> dict:
    article, extension = convert(text.encode("utf-8"), name)
    front, _body, _ = split_front_matter(render_zh_page(article, f"source{extension}", name), name)
    return front


EPAPER = """2023年5月8日 星期一
第03版：要闻
桃林镇：果园里的新产业
本报记者 许文清 通讯员 高晨
2022年,桃林镇预计全年完成地区生产总值18.6亿元,同比增长6.2%。前三季度,完成固定资产投资5.4亿元。
全镇新建冷库12座,带动果农1800余户增收。
"""


def test_an_imported_page_is_a_draft_first_and_validates():
    front = page(EPAPER)
    assert next(iter(front)) == "draft"
    assert front["draft"] is True
    assert not [i for i in validate(front, ZH_PAGE) if not i.warning]


def test_review_items_have_known_codes_and_one_sentence():
    front = page("该地今年新增企业12家,完成投资3亿元,带动就业一百余人,各项工作稳步推进。\n")
    codes = [item["code"] for item in front["review"]]
    assert "title_missing" in codes and "date_missing" in codes
    assert set(codes) <= set(REVIEW_CODES)
    assert all(item["message"].endswith(".") for item in front["review"])
    assert codes == sorted(codes, key=list(REVIEW_CODES).index)  # in the table's order


def test_no_review_key_when_nothing_is_doubted():
    front = page(EPAPER.replace("桃林镇", "钢山街道", 1).replace("桃林镇", "邹城市钢山街道"))
    assert front.get("review") is None or all(
        item["code"] not in ("title_missing", "date_missing") for item in front["review"]
    )


def test_estimates_are_marked_and_results_are_not():
    figures = {f["text"]: f for f in page(EPAPER)["key_figures"]}
    assert figures["18.6亿元"]["estimate"] is True
    assert figures["6.2%"]["estimate"] is True  # the same 预计 clause
    assert "estimate" not in figures["5.4亿元"]  # omitted when false
    assert is_estimate("今年有望突破") and not is_estimate("超预期完成")


@pytest.mark.parametrize(
    ("sentence", "period"),
    [
        ("前三季度,完成", "2024-01/09"),
        ("一季度,实现", "2024-01/03"),
        ("下半年以来,", "2024-07/12"),
        ("1—9月,完成", "2024-01/09"),
        ("1至11月份,完成", "2024-01/11"),
    ],
)
def test_periods_as_data(sentence, period):
    assert narrowed_period(sentence, "2024") == period


def test_region_path_code_and_level():
    found = resolve("邹城市钢山街道")
    assert found.path == ["山东省", "济宁市", "邹城市", "钢山街道"]
    assert found.level == "township" and found.code is None  # townships have no code in the data
    county = resolve("蕉城区")
    assert (county.path, county.code, county.level) == (
        ["福建省", "宁德市", "蕉城区"],
        "350902",
        "county",
    )


def test_an_ambiguous_region_is_left_empty_unless_the_text_narrows_it():
    assert resolve("城关镇").status == "ambiguous"
    assert resolve("双山街道", "济南市章丘区召开大会").path[-2:] == ["章丘区", "双山街道"]


def test_a_region_not_under_its_parent_is_unknown():
    assert resolve("临江市东湖街道").status == "unknown"


def test_page_has_region_path():
    front = page(EPAPER.replace("桃林镇：", "钢山街道：").replace("桃林镇", "邹城市钢山街道"))
    assert front["region_path"] == ["山东省", "济宁市", "邹城市", "钢山街道"]
    assert front["level"] == "township"


def test_input_forms_and_repairs_are_registries():
    assert read_source("<html><body><p>正文</p></body></html>", "x").extension == ".html"
    assert read_source("正文", "x").extension == ".txt"
    assert READERS[-1].accepts("anything")
    names = [repair.__name__ for repair in LINE_REPAIRS + BLOCK_REPAIRS]
    assert names.index("set_aside_chrome") < names.index("reflow_wrapped")
    assert "rejoin_cut_paragraphs" in names


def test_review_codes_table_is_plain_data():
    assert all(code.islower() and " " not in code for code in REVIEW_CODES)
    yaml.safe_dump(REVIEW_CODES, allow_unicode=True)


def test_a_january_report_covers_the_year_before():
    from site_builder.convert.structure.metadata import find_period

    body = ["2023年,全镇完成生产总值12亿元。", "2023年新增企业8家。", "2024年将继续推进。"]
    assert find_period([""], body, "2024-01-12") == "2023"
    assert find_period([""], body, "2024-06-12") == "2023"
    assert find_period(["青柳镇2024年工作总结"], body, "2025-01-05") == "2024"
