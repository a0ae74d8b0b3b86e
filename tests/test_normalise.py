"""The normalising stage, one step at a time: analysis text, chrome, re-flow, run-together."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from site_builder.content.model import Metadata
from site_builder.convert.chrome import chrome_hints, find_chrome, is_chrome_line, is_navigation
from site_builder.convert.normalise import (
    RawLine,
    analysis_text,
    clean_line,
    close_unit_spaces,
    join_wrapped,
    joins_next,
    line_ranges,
    normalise,
    reflow_wrapped,
    wrap_width,
)
from site_builder.convert.run_together import split_run_together


def test_analysis_text_is_simplified_and_of_the_same_length():
    printed = "完成財政收入3000餘萬元,新增25個,兩萬餘人,81.59億元"
    key = analysis_text(printed)
    assert key == "完成财政收入3000余万元,新增25个,两万余人,81.59亿元"
    assert len(key) == len(printed)


@settings(max_examples=200, deadline=None)
@given(
    st.text(
        alphabet=st.sampled_from(list("萬億餘個兩發展紀實鎮區縣臺灣著乾後裏面干发里")), max_size=40
    )
)
def test_analysis_text_keeps_every_offset(text):
    assert len(analysis_text(text)) == len(text)


def test_clean_line_collapses_spaces_and_full_width_digits():
    assert clean_line("\u3000\u3000完成\t４.７亿元\u00a0 ，增长１２％ ") == "完成 4.7亿元 ，增长12%"


@pytest.mark.parametrize(
    "line",
    [
        "当前位置：首页 > 政务公开 > 乡镇动态",
        "发布时间：2023-01-10 09:30 来源：白沙镇人民政府 浏览次数：268",
        "字号：【大 中 小】 【打印】【关闭】",
        "上一篇：白沙镇召开2023年工作部署会",
        "分享到：",
        "版权所有：青水县人民政府办公室 主办：青水县人民政府",
        "网站标识码：0000000000 ICP备00000000号-1",
        "【列印本頁】【關閉視窗】",
        "責任編輯：王小明",
    ],
)
def test_furniture_lines_are_chrome(line):
    assert is_chrome_line(analysis_text(line))


@pytest.mark.parametrize(
    "line",
    [
        "2022年,白沙镇完成地区生产总值41.8亿元,同比增长6.5%。",
        "一、经济运行稳中有进",
        "本报通讯员 王茂征 孙士勇 邱贻坤 魏鹏 于笑珑",
        "敢立潮头逐浪高 奋楫扬帆谱新篇",
        "图为老人们在“邻里食堂”就餐。 蒋文博 摄",
    ],
)
def test_article_lines_are_not_chrome(line):
    assert not is_chrome_line(line) and not is_navigation(line)


def test_navigation_needs_nav_words_or_separators():
    assert is_navigation("今日 首页 -在线投稿 -往期报纸")
    assert is_navigation("首页 政务公开 政务服务 互动交流 走进青水")
    assert not is_navigation("强党建促提升 奋力打造活力双山")
    assert not is_navigation("本报记者 李明 通讯员 王芳")


def test_find_chrome_around_the_article_only():
    keys = [
        "青水县人民政府",
        "首页 政务公开 政务服务 互动交流",
        "白沙镇2022年工作总结",
        "",
        "2022年,白沙镇在县委、县政府的坚强领导下,统筹推进稳增长、促改革各项工作,全镇经济社会平稳。",
        "首页 新闻 动态",  # navigation words inside the article are the article's
        "全年完成地区生产总值41.8亿元,同比增长6.5%;完成固定资产投资12.3亿元,同比增长11.7%。",
        "上一篇：白沙镇召开工作部署会",
        "白沙镇开展冬季消防安全大检查",  # a related link after the end marker
    ]
    assert find_chrome(keys) == {0, 1, 7, 8}


def test_chrome_hints_read_date_and_source():
    hints = Metadata()
    chrome_hints(["发布时间：2023-01-10 09:30 来源：白沙镇人民政府 浏览次数：268"], hints)
    assert (hints.date, hints.publication) == ("2023-01-10", "白沙镇人民政府")
    hints = Metadata()
    chrome_hints(["临江日报数字报", "来源：本站"], hints)
    assert hints.publication == "临江日报"


WRAPPED = [
    "2022年是河口镇发展进程中极不平凡的一年。面对复杂",
    "严峻的外部环境,全镇上下坚持稳中求进工作总基调,统筹",
    "推进疫情防控和经济社会发展,完成地区生产总值31.88亿",
    "元,同比增长6.2%;一般公共预算收入完成1.26亿元,同比增",
    "长15.2",
    "%,增幅居全县第一。",
    "一、农业农村发展稳中提质。全镇粮食播种面积稳定在",
    "3.6万亩,新建高标准农田7860",
    "亩。",
]


def test_wrap_width_finds_hard_wrapped_text_only():
    assert 20 <= wrap_width(WRAPPED) <= 30
    seed_like = [
        "聚焦项目建设",
        "激发高质量发展新动能",
        "今年以来," + "钢山街道树牢项目为王理念。" * 8,
    ] * 3
    assert wrap_width(seed_like) == 0


def test_joins_next_at_mid_sentence_and_mid_figure_breaks():
    assert joins_next("长15.2", "%,增幅居全县第一。", 25, False)  # mid-figure
    assert joins_next("新建高标准农田7860", "亩。", 25, False)
    assert joins_next(WRAPPED[0], WRAPPED[1], 25, False)  # a full line ending mid-sentence
    assert not joins_next(WRAPPED[5], WRAPPED[6], 25, False)  # a numbered heading starts
    assert not joins_next(WRAPPED[0], WRAPPED[1], 25, True)  # an indent starts a paragraph


def test_reflow_groups_wrapped_lines_into_paragraphs():
    groups, width = reflow_wrapped(WRAPPED, [False] * len(WRAPPED))
    assert width and groups == [[0, 1, 2, 3, 4, 5], [6, 7, 8]]
    assert join_wrapped([WRAPPED[i] for i in groups[1]]).endswith("7860亩。")
    assert join_wrapped(["reported by", "Xinhua"]) == "reported by Xinhua"


def test_close_unit_spaces():
    assert (
        close_unit_spaces("完成31.88 亿元,增长15.2 %,新增 12 家")
        == "完成31.88亿元,增长15.2%,新增 12家"
    )
    assert close_unit_spaces("2022 年") == "2022 年"  # a year is not a figure with a unit


ONE_LINE = (
    "白石街道:奋进新时代 建功新征程 ——白石街道2022年高质量发展纪实 本报通讯员 刘晓燕 周建国 "
    "2022年,白石街道全年完成财政收入2.35亿元,同比增长8.6%。 聚力项目建设,夯实发展根基。街道全年"
    "实施重点项目21个,总投资56.7亿元。 一、城市更新提速。完成老旧小区改造14个,惠及居民5600余户。"
)


def test_split_run_together_at_sentence_ends_and_spaced_breaks():
    pieces = split_run_together(ONE_LINE)
    assert pieces == [
        "白石街道:奋进新时代 建功新征程",
        "——白石街道2022年高质量发展纪实",
        "本报通讯员 刘晓燕 周建国",
        "2022年,白石街道全年完成财政收入2.35亿元,同比增长8.6%。",
        "聚力项目建设,夯实发展根基。街道全年实施重点项目21个,总投资56.7亿元。",
        "一、城市更新提速。完成老旧小区改造14个,惠及居民5600余户。",
    ]
    assert "".join(pieces).replace(" ", "") == ONE_LINE.replace(" ", "")


def test_a_long_paragraph_without_spaced_breaks_stays_whole():
    paragraph = (
        "聚力重点项目建设,筑牢高质量发展根基。" + "街道承担全市重点工程47项,总占地近3000亩。" * 8
    )
    assert len(split_run_together(paragraph)) == 1


def test_line_ranges():
    assert line_ranges([1, 2, 3, 7, 9, 10]) == "lines 1–3, 7, 9–10"
    assert line_ranges([4]) == "line 4"


def test_normalise_reports_each_change_with_line_numbers():
    raw = [RawLine(n, t) for n, t in enumerate(["首页 > 新闻中心 > 乡镇动态", "", *WRAPPED], 1)]
    result = normalise(raw)
    assert "line 1: page chrome left out (1 lines)" in result.notes
    assert any(
        n.startswith("lines 3–11: text re-flowed from 9 wrapped lines") for n in result.notes
    )
    assert [line.number for line in result.lines] == [3, 9]
    assert result.lines[0].text.endswith("增幅居全县第一。")
    assert [(p.line, p.reason) for p in result.set_aside] == [(1, "chrome")]


def test_normalise_keeps_traditional_text_as_printed():
    result = normalise([RawLine(1, "楓原鎮完成財政收入3000餘萬元。")])
    assert result.lines[0].text == "楓原鎮完成財政收入3000餘萬元。"
    assert result.lines[0].key == "枫原镇完成财政收入3000余万元。"


@pytest.mark.parametrize("text", ["0", "%", "12"])
def test_a_single_short_line(text):
    assert [line.text for line in normalise([RawLine(1, text)]).lines] == [text]
