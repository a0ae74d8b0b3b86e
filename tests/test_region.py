"""The region a report is about: candidates, scores by position, slogans, fragments, parents."""

from __future__ import annotations

import pytest

from site_builder.convert.structure.region import TITLE_WEIGHT, find_region, place_candidates


def region(*texts: str, title: str = "") -> str | None:
    weighted = [(title, TITLE_WEIGHT)] if title else []
    return find_region(weighted + [(text, 1.0) for text in texts])


def names(text: str) -> set[str]:
    return {name for _start, _end, name, _common in place_candidates(text)}


def test_candidates_of_every_rank():
    found = names("蓬江区、荥经县、邹城市、鄂托克旗、钢山街道、干驿镇、白云乡")
    assert {"蓬江区", "荥经县", "钢山街道", "干驿镇", "白云乡"} <= found
    assert "鄂托克旗" in found or "托克旗" in found


@pytest.mark.parametrize(
    ("text", "not_a_place"),
    [
        ("明确2022年各镇(街)任务", "年各镇"),  # after a number
        ("明确2022年各镇(街)任务", "各镇"),  # a function word first
        ("全区实现生产总值", "全区"),
        ("推进社区建设", "进社区"),  # a common word
        ("在上级和镇委的领导下", "级和镇"),  # a function word inside
        ("深入贯彻县委精神", "贯彻县"),  # officialese before a rank
        ("推进乡村振兴", "推进乡"),  # 乡村
        ("农贸市场改造", "农贸市"),  # 市场
        ("城区街道办事处", "城区街道"),  # a name does not end with a rank
        ("人均地区生产总值为2.1万元", "人均地区"),  # 地区生产总值 is a measure
        ("二产占地区生产总值比重上升", "产占地区"),
        ("建制镇是县域发展的基本单元", "建制镇"),  # a kind of town, not one
        ("创建全国文明城市“四连冠”纪实", "文明城市"),  # a title a city earns
        ("该镇是全省首批国家级重点镇", "重点镇"),  # titles a town earns
        ("获评省级特色镇和示范镇", "特色镇"),
        ("获评省级特色镇和示范镇", "示范镇"),
        ("经批准,青溪撤乡设镇", "青溪撤乡"),  # a change of rank, not a name
        ("经批准,青溪撤乡设镇", "撤乡设镇"),
        ("发挥镇村干部力量,调动镇村两级积极性", "发挥镇"),  # a verb before 镇村 (town and villages)
        ("发挥镇村干部力量,调动镇村两级积极性", "调动镇"),
    ],
)
def test_fragments_are_not_places(text, not_a_place):
    assert not_a_place not in names(text)


def test_traditional_text_gives_the_simplified_name():
    from site_builder.convert.characters import analysis_text

    assert region(title=analysis_text("關於蓬江區2024年民生實事辦理情況的報告")) == "蓬江区"


def test_the_title_wins_over_the_body():
    body = "2024年各镇(街)完成目标。棠下镇完成投资3亿元。"
    assert region(body, title="关于蓬江区2024年民生实事办理情况的报告") == "蓬江区"


def test_the_subject_wins_and_quoted_slogans_do_not_count():
    text = "“茶业富镇、文旅兴镇、生态美镇……”这几年,柳溪镇稳步向前。今年以来,柳溪镇上下同心。"
    assert region(text) == "柳溪镇"


def test_a_place_named_once_in_passing_is_not_the_region():
    assert region("仅与临湖区接壤的园区今年就引进项目8个。") is None


def test_a_parent_printed_before_the_unit():
    assert region("2021年,钢山街道完成财政收入4.7亿元。", title="邹城市钢山街道发展纪实") == (
        "邹城市钢山街道"
    )
    assert region(title="青川市官塘区人民政府关于官塘区2024年上半年工作的报告") == "青川市官塘区"
    # a parent whose name is longer than we read is left off: the town alone
    assert region("记者走进了临江市东山湖畔县石门镇。说起石门镇,这些年变化不小。") == "石门镇"


def test_subdistrict_office_gives_the_subdistrict():
    assert region(title="河口街道办事处2024年政府工作报告") == "河口街道"


def test_names_ending_in_a_common_word_count_as_parents_or_in_the_title():
    assert region("全镇对标大城市,建设新城区,城市面貌焕然一新。") is None
    assert region(title="晋城市2022年经济运行情况") == "晋城市"


def test_a_verb_phrase_is_not_a_place():
    assert "完成地区" not in names("全年完成地区生产总值12亿元")
    assert region("全年完成地区生产总值12亿元,完成地区任务。") is None


def test_a_story_about_several_subdistricts_gets_their_city():
    text = (
        "晋安区举行发布会。茶园街道经济总量增长,王庄街道完成旧改,象园街道新增绿地。"
        "茶园街道引进企业,王庄街道建成公园,象园街道改造小区。晋安区各街道稳步发展。"
    )
    assert region(text) == "晋安区"


def test_a_development_zone_is_named_with_its_city():
    # 宜昌高新区, 镇江新区: the zone's name begins with its city (which may begin with a rank's
    # character, 镇江); not 高新区 or 江新区, and not 建设新区 or 全市新区.
    assert (
        region("芷溪高新区全年新签约项目12个。", title="芷溪高新区召开项目推进会") == "芷溪高新区"
    )
    assert (
        region("镇江新区各镇街道围绕发展成就作发布。", title="镇江新区举办新闻发布会") == "镇江新区"
    )
    assert names("加快建设新区,全市新区建设提速") == set()


def test_a_subdistrict_named_by_a_four_character_road_name():
    title = "柳岸北路街道办老旧小区换新颜"
    assert region("今年以来,柳岸北路街道改造老旧小区5个。", title=title) == "柳岸北路街道"
    assert "城区新华街道" not in names("东城区新华街道新建公园2个")


def test_a_town_whose_name_ends_in_village():
    # 石村镇: a town named after a village (村镇 is otherwise a common word: 美丽村镇)
    text = "青溪县王村撤乡设镇。1月5日,王村镇人民举行挂牌仪式。王村镇辖28个行政村。"
    assert region(text) == "王村镇"
    assert region("全县建设美丽村镇12个,村镇面貌焕然一新。") is None


def test_a_district_printed_with_its_city_wins_over_the_city():
    # 芷阳市柳城区: a district ending in a common word (城区) is a place after its city, and
    # 柳城全区 names it again; the city's party school is named in passing
    text = (
        "3月2日,芷阳市柳城区第三届人民代表大会第二次会议在芷阳市委党校开幕。"
        "报告说,2023年柳城全区地区生产总值增长6.2%。"
    )
    assert region(text) == "芷阳市柳城区"


def test_a_town_printed_with_its_city_at_a_clauses_start_is_the_subject():
    text = "当前正值春耕时节,芷阳市柳店镇采取多项措施做好春耕工作,累计投入资金146万元。"
    assert region(text) == "芷阳市柳店镇"
