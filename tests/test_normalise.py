"""The normalising stage, one step at a time: analysis text, chrome, re-flow, run-together."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from site_builder.content.model import Metadata
from site_builder.convert.characters import analysis_text, clean_line
from site_builder.convert.layout import normalise
from site_builder.convert.layout.chrome import find_chrome, is_chrome_line
from site_builder.convert.layout.chrome_hints import chrome_hints, office_region
from site_builder.convert.layout.lines import RawLine, line_ranges
from site_builder.convert.layout.navigation import is_navigation
from site_builder.convert.layout.run_together import split_run_together
from site_builder.convert.layout.wrapped import (
    close_unit_spaces,
    join_wrapped,
    joins_next,
    reflow_wrapped,
    wrap_width,
)


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
        '字号?。?div class="fontsize">',  # markup left by a mis-decoded page
        '<p style="text-align:center">',
        "原标题:芷溪镇三季度经济运行平稳",  # a reposting site's note
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
        "产值>5亿元的企业12家,a<b 和 c>d 的企业3家",
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


def test_an_empty_source_field_does_not_take_the_next_label():
    # Portal headers print every field, filled or not: 信息来源 is empty here.
    hints = Metadata()
    chrome_hints(["信息来源： 发布时间：2023-08-09 浏览次数：35"], hints)
    assert (hints.date, hints.publication) == ("2023-08-09", None)
    hints = Metadata()
    chrome_hints(["作者：  来源：河东区人民政府|发布时间：2023-08-09"], hints)
    assert hints.publication == "河东区人民政府"


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


@pytest.mark.parametrize(
    "line",
    [
        "打印:",
        "字体:",
        "字號：",
        "分享到:",
        "扫描二维码",
        "在您的设备上浏览本页",
        "鏈接已復制",
        "【頁面調色: 】",
        "【字体：大 中 小】【打印】【关闭】",
        "相關附件:",
        "• 相关推荐",
        "时间:2022-08-24 06:43:12 年终总结 我要投稿",
        "---此处隐藏0字,下载后查看---",
        "本文为本站原创文章,转载请注明出处。",
        "2021-08-01 10:51 來源: 新華社",
        "中广网 2012-08-13",
        "索 引 号: | abc2023-0001 | 主 题 词: | 政务公开 | 公开方式: | 主动公开 |",
        "标 题: | 河西镇2023年政府工作报告 |",
    ],
)
def test_more_furniture_is_chrome(line):
    assert is_chrome_line(analysis_text(line)), line


@pytest.mark.parametrize(
    "line",
    [
        "【聚焦产业升级】",  # a bracket heading
        "【新春走基层】小镇子上的大格局",
        "一、主要经济指标",
        "新落成的镇文化活动中心",  # a photo caption
        "各位代表:",
        "政 府 工 作 报 告",
        "现将1-6月重点工作进展情况通报如下:",
    ],
)
def test_article_lines_with_colons_and_brackets_are_not_chrome(line):
    assert not is_chrome_line(line) and not is_navigation(line), line


def test_menus_breadcrumbs_and_lines_without_chinese_before_the_article():
    assert is_navigation("财经 金融 证券 汽车 科技 消费 能源")  # five short items
    assert is_navigation("首页>")  # a breadcrumb's first step
    assert not is_navigation("政 府 工 作 报 告")  # spaced out, not a menu
    keys = [
        "EN",
        "https://www.example.cn/",
        "资讯",
        "资讯直播 要闻 国际 财经 图片",
        "稳中求进开新局",
        "2022年,清河镇完成财政收入1.6亿元,同比增长9.2%,全镇经济社会发展稳中有进、持续向好。",
    ]
    assert find_chrome(keys) == {0, 1, 2, 3}


def test_chrome_hints_from_a_time_stamp_and_a_site_date_line():
    hints = Metadata()
    chrome_hints(["2021-08-01 10:51 来源: 新华社"], hints)
    assert (hints.date, hints.publication) == ("2021-08-01", "新华社")
    hints = Metadata()
    chrome_hints(["中广网 2012-08-13"], hints)
    assert (hints.date, hints.publication) == ("2012-08-13", "中广网")


def test_split_run_together_at_numbered_headings_after_a_report_title():
    text = (
        "某某街道办事处2023年政府工作报告一、2022年工作回顾2022年是不平凡的一年。街道坚持统一、"
        "规范推进各项工作,全年完成固定资产投资8.3亿元,惠及居民2300余户二、2023年工作安排街道将"
        "围绕高质量发展主线推进各项工作。"
    )
    pieces = split_run_together(text)
    assert [p[:8] for p in pieces] == ["某某街道办事处2", "一、2022年工", "二、2023年工"]
    assert "".join(pieces) == text


def test_split_run_together_leaves_enumerations_and_ordinals_alone():
    text = "坚持统一、规范、高效的原则,第一、第二、第三批项目全部落地," * 4
    assert split_run_together(text) == [text]


def test_split_run_together_at_a_spaced_numbered_heading():
    text = (
        "民营经济平稳增长,成为拉动经济增长的主要动力,全年增加值62.05亿元。 二、农 业 "
        "全年粮食播种面积6310公顷,比上年增长1.45%;蔬菜播种面积2440公顷,增长3.0%。"
    )
    assert split_run_together(text)[1:] == [
        "二、农 业",
        "全年粮食播种面积6310公顷,比上年增长1.45%;蔬菜播种面积2440公顷,增长3.0%。",
    ]


def test_a_dateline_stays_with_its_lede():
    lede = (
        "本报讯 昨日,市统计局公布全市74个街道办事处经济社会发展情况的综合评价排序,"
        "全市街道办事处20强随之揭晓,丰产路街道办事处、经八路街道办事处位居一二名。"
    )
    assert split_run_together("□晚报记者 孙娟 " + lede) == ["□晚报记者 孙娟", lede]


def test_lines_after_chrome_know_it():
    raw = [
        RawLine(n, t)
        for n, t in enumerate(["稳中求进开新局", "发布时间:2022年01月18日", "沿河生态步道"], 1)
    ]
    lines = normalise(raw).lines
    assert [(line.chrome_before, line.chrome_after) for line in lines] == [
        (False, True),
        (True, False),
    ]


# --- portal pages as readers copy them (select all, paste) ---------------------------------


@pytest.mark.parametrize(
    "line",
    [
        # language selectors
        "选择语言",
        "语言选择",
        "简体 | 繁體 | English",
        "简体中文 繁體中文 English",
        "繁体版",
        "切换繁体",
        # accessibility and elder-care modes
        "无障碍",
        "无障碍 长者模式",
        "无障碍 | 长者模式 | 关怀版",
        "适老化模式",
        # font size, print, close, eye-care colours
        "字体大小:",
        "字号：大 中 小",
        "文字：大 中 小",
        "默认 大 超大",
        "【打印】【关闭】",
        "打印本页 关闭窗口",
        "打印 | 关闭",
        "视力保护色",
        "【保护视力色：】",
    ],
)
def test_site_widgets_are_chrome_wherever_they_stand(line):
    assert is_chrome_line(analysis_text(line)), line


@pytest.mark.parametrize(
    "line",
    [
        "无障碍设施覆盖率近90%",  # a widget's word inside a sentence of the article
        "微信扫一扫就能查询办事进度,群众少跑腿。",
        "全镇新建无障碍通道12处。",
        "长者饭堂 暖心助餐",  # a heading of two phrases
        "简政放权 优化服务",
        "大 中 小 学校",
    ],
)
def test_lines_with_a_widget_word_in_them_are_not_widgets(line):
    assert not is_chrome_line(analysis_text(line)), line


@pytest.mark.parametrize(
    "line",
    [
        "您当前所在位置: 首页 > 机构专页 > 镇(街道) > 岚溪区人民政府芷桥街道办事处 > 工作报告",
        "您现在的位置：首页 ＞ 政务公开 ＞ 乡镇动态",
        "你现在的位置:首页>>互动>>正文",
        "您所在的位置：首页 » 信息公开 » 工作总结",
        "当前所在位置：首页 → 政务公开 → 计划总结",
        "您当前的位置: 芷溪新闻网 > 乡镇风采 > 汀兰镇",
        "所在位置：首页 / 政务公开",
        "位置：首页 › 政务公开 › 镇街动态",
        "首页 > 政务公开 > 镇街信息公开目录 > 岚溪区人民政府芷桥街道办事处 > 计划总结",
        "首页>>信息公开>>工作总结",
    ],
)
def test_breadcrumbs_are_chrome_wherever_they_stand(line):
    assert is_chrome_line(analysis_text(line)), line


@pytest.mark.parametrize(
    "line",
    [
        "位置：位于镇区东部,占地120亩。",  # a field of the article, not a path
        "首页 大 中 小",
        "区位优势 > 交通便利",
    ],
)
def test_a_position_field_or_a_heading_is_not_a_breadcrumb(line):
    assert not is_chrome_line(analysis_text(line)), line


def test_blank_lines_around_chrome_left_out_do_not_set_a_line_apart():
    # 标题 / blank / 来源:… / 字体大小: / blank / text: one blank line on each side of the chrome,
    # not a photo's space of two (the title must not become a caption)
    texts = [
        "2024年工作总结",
        "",
        "来源:本网 发布时间:2025-01-20 10:12:05",
        "字体大小:",
        "",
        "2024年,芷桥街坚持稳中求进,扎实推进各项工作,辖区经济社会保持平稳健康发展。",
        "",
        "",
        "新建的芷桥街道长者饭堂",
        "",
        "",
        "全年排查整治安全隐患1280处,刑事警情同比下降11.5%,群众安全感持续提升。",
    ]
    lines = normalise([RawLine(n, t) for n, t in enumerate(texts, 1)]).lines
    gaps = [(line.gap_before, line.gap_after) for line in lines]
    assert gaps == [(0, 1), (1, 2), (2, 2), (2, 0)]


@pytest.mark.parametrize(
    ("value", "region"),
    [
        ("岚溪区人民政府芷桥街道办事处", "岚溪区芷桥街道"),
        ("岚溪区汀兰镇人民政府", "岚溪区汀兰镇"),
        ("汀兰镇人民政府", "汀兰镇"),
        ("芷桥街道办事处", "芷桥街道"),
        ("汀兰镇", "汀兰镇"),
        ("芷溪市岚溪区芷桥街道", "芷溪市岚溪区芷桥街道"),
        ("市桥街道办事处", "市桥街道"),  # a name may begin with a rank's character
        # not a township's office: a county's, a column, a kind of office, a common word
        ("岚溪区人民政府", None),
        ("镇政府(街道办事处)", None),
        ("乡镇动态", None),
        ("镇街信息公开", None),
        ("区属街道", None),
        ("各镇", None),
        ("本网", None),
    ],
)
def test_an_office_names_its_township(value, region):
    assert office_region(value) == region


def test_chrome_hints_read_the_issuing_office_from_a_breadcrumb_or_the_source():
    hints = Metadata()
    chrome_hints(
        ["您当前所在位置: 首页 > 机构专页 > 镇(街道) > 岚溪区人民政府芷桥街道办事处 > 工作报告"],
        hints,
    )
    assert hints.region == "岚溪区芷桥街道"
    hints = Metadata()
    chrome_hints(["发布日期：2024-07-05 信息来源：岚溪区汀兰镇人民政府"], hints)
    assert hints.region == "岚溪区汀兰镇"
    hints = Metadata()
    chrome_hints(["首页 > 政务公开 > 乡镇动态", "来源：岚溪区人民政府"], hints)
    assert hints.region is None
