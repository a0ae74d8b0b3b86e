"""The converter on the common forms of Chinese newspaper reports beyond the two seeds."""

from __future__ import annotations

from pathlib import Path

import pytest

from site_builder.content.model import Byline
from site_builder.content.roles import ROLES
from site_builder.convert.figures.numbers import parse_quantity
from site_builder.convert.pipeline import convert
from site_builder.convert.structure.metadata import parse_byline, parse_closing_byline
from tests.accounting import assert_nothing_lost

REPORT = """济宁日报
2022年3月5日 星期六
第03版:要闻

奋进新征程

——邹城市钢山街道发展纪实

记者 李明 通讯员 王芳

今年以来,钢山街道完成财政收入三千五百万元,同比增长百分之十二点五,占全市的三成。

一、聚焦项目建设,激发新动能

聚力项目建设。街道新增项目10个,总投资约5亿元,建设道路2至3公里。

(二)优化营商环境

全年新增市场主体超300家,签约项目总额达1.2万亿元以上。

图为街道新建的便民服务中心。

(张三/文 李四/图)
"""


def test_metadata_forms():
    article, _ = convert(REPORT.encode("gb18030"), "report.txt")
    meta = article.meta
    assert meta.publication == "济宁日报"
    assert meta.date == "2022-03-05"
    assert meta.edition == "第03版"
    assert (meta.title, meta.subtitle) == ("奋进新征程", "邹城市钢山街道发展纪实")
    assert meta.byline == [Byline("记者", ["李明"]), Byline("通讯员", ["王芳"])]
    assert meta.region == "邹城市钢山街道"
    assert meta.period == "2022"


def test_structure_forms():
    article, _ = convert(REPORT.encode("utf-8"), "report.txt")
    kinds = [(b.kind, b.text) for b in article.blocks]
    assert ("heading", "一、聚焦项目建设,激发新动能") in kinds
    assert ("heading", "(二)优化营商环境") in kinds
    assert ("caption", "图为街道新建的便民服务中心。") in kinds
    assert ("credit", "(张三/文 李四/图)") in kinds
    lead = next(b for b in article.blocks if b.text.startswith("聚力项目建设"))
    assert lead.text[: lead.lead] == "聚力项目建设。"


def test_figure_forms():
    article, _ = convert(REPORT.encode("utf-8"), "report.txt")
    figures = {f.text: f for f in article.key_figures}
    assert figures["三千五百万元"].value == 35_000_000 and figures["三千五百万元"].unit == "CNY"
    pct = figures["百分之十二点五"]
    assert (pct.value, pct.unit, pct.yoy, pct.label) == (12.5, "percent", True, "财政收入同比增长")
    assert figures["约5亿元"].qualifier == "about" and figures["约5亿元"].value == 500_000_000
    assert figures["超300家"].qualifier == "more_than" and figures["超300家"].unit == "enterprise"
    assert figures["10个"].unit == "project"
    trillion = figures["1.2万亿元以上"]
    assert (trillion.value, trillion.qualifier) == (1_200_000_000_000, "more_than")
    span = figures["2至3公里"]
    assert (span.value, span.value_max, span.unit) == (2, 3, "km")
    assert figures["三成"].value == 30 and figures["三成"].unit == "percent"


# --- reports as they really come: one fixture per form (tests/fixtures/, written by us) ---

FIXTURES = Path(__file__).resolve().parent / "fixtures"


def fixture(name: str, encoding: str = "utf-8"):
    data = (FIXTURES / name).read_bytes()
    if encoding != "utf-8":
        data = data.decode("utf-8").encode(encoding)
    return assert_nothing_lost(data, name)


def kinds(article):
    return [(b.kind, b.text) for b in article.blocks]


def figure(article, text):
    found = [f for f in article.key_figures if f.text == text]
    assert found, f"{text} not among {[f.text for f in article.key_figures]}"
    return found[0]


def test_epaper_text_with_kicker_section_and_role_groups():
    article = fixture("epaper_donghu.txt")
    meta = article.meta
    assert meta.title == "坚持稳中求进 推动高质量发展 潮涌东湖正扬帆"  # the kicker line is kept
    assert meta.subtitle == "临江市东湖街道2022年发展纪实"
    assert (meta.date, meta.edition, meta.section) == ("2022-12-30", "第A2版", "要闻")
    assert meta.byline == [Byline("本报记者", ["李明"]), Byline("通讯员", ["王芳", "赵小川"])]
    assert meta.region == "临江市东湖街道"
    blocks = kinds(article)
    assert ("heading", "【聚焦产业升级】") in blocks
    index = blocks.index(("heading", "一、经济运行稳中向好。"))
    assert blocks[index + 1][0] == "paragraph" and blocks[index + 1][1].startswith("全年完成")
    caption = blocks.index(("caption", "图为老人们在“邻里食堂”就餐。"))
    assert blocks[caption + 1] == ("credit", "蒋文博 摄")
    assert ("credit", "(顾敏 林兰)") in blocks


@pytest.mark.parametrize(
    ("text", "value", "unit", "qualifier"),
    [
        ("一万八千余人次", 18_000, "person_time", "more_than"),
        ("两万三千余亩", 23_000, "mu", "more_than"),
        ("一千五百万元", 15_000_000, "CNY", None),
        ("百分之六十二点五", 62.5, "percent", None),
        ("近9亿元", 900_000_000, "CNY", "nearly"),
    ],
)
def test_compound_chinese_numerals(text, value, unit, qualifier):
    found = figure(fixture("epaper_donghu.txt"), text)
    assert (found.value, found.unit, found.qualifier) == (value, unit, qualifier)


def test_a_compound_numeral_in_a_size_class_is_read_but_is_not_a_figure():
    # 总投资一亿二千万元以上的项目5个: the threshold says which projects are counted.
    article = fixture("epaper_donghu.txt")
    assert not [f for f in article.key_figures if f.text.startswith("一亿二千万")]
    assert parse_quantity("一亿二千", "万") == 120_000_000


def test_founder_html_page():
    article = fixture("founder_linjiang.html")
    meta = article.meta
    assert meta.publication == "临江日报"  # from <title>潮涌东湖正扬帆--临江日报</title>
    assert meta.title == "坚持稳中求进 推动高质量发展 潮涌东湖正扬帆"
    assert meta.subtitle == "临江市东湖街道2022年发展纪实"
    assert (meta.date, meta.edition, meta.section) == ("2022-12-30", "第A2版", "要闻")
    assert meta.byline == [Byline("本报通讯员", ["冯嘉怡", "宋振宇"])]  # the first <p>
    blocks = kinds(article)
    assert blocks[0][0] == "paragraph" and blocks[0][1].startswith("2022年,临江市东湖街道")
    assert ("heading", "聚焦产业升级") in blocks
    # text between tags (after </p>, around <br>) is kept
    assert any(t.startswith("办好民生实事") for _, t in blocks)
    assert any(t.startswith("完善农村基础设施") for _, t in blocks)
    assert ("caption", "图为老人们在“邻里食堂”就餐。") in blocks  # after an inline <img>
    assert ("caption", "东湖智造产业园一角") in blocks  # in the picture table
    assert ("credit", "通讯员 王芳 摄") in blocks
    text = "".join(t for _, t in blocks)
    assert "“邻里食堂”" in text  # entities decoded
    assert "首页" not in text and "版权所有" not in text and "turnpage" not in text
    assert "alert(1)</script>" not in text
    assert any(
        n.startswith("HTML lines 12–13") and "page chrome" in n for n in article.layout_notes
    )


def test_government_portal_page_chrome_is_left_out_and_named():
    article = fixture("portal_baisha.txt")
    meta = article.meta
    assert meta.title == "白沙镇2022年工作总结"
    assert (meta.date, meta.publication) == ("2023-01-10", "白沙镇人民政府")  # 发布时间, 来源
    assert "lines 1–3, 5–6, 27–36: page chrome left out (15 lines)" in article.layout_notes
    headings = [t for k, t in kinds(article) if k == "heading"]
    assert headings == [
        "一、经济运行稳中有进",
        "（一）项目建设提速增效",
        "（二）特色农业提质扩面",
        "二、民生事业持续改善",
        "三、社会大局和谐稳定",
    ]
    assert kinds(article)[-1] == ("credit", "(白沙镇党政办)")
    assert figure(article, "7860亩").unit == "mu"


@pytest.mark.parametrize("encoding", ["utf-8", "big5hkscs", "utf-16"])
def test_traditional_characters(encoding):
    article = fixture("traditional_fengyuan.txt", encoding)
    meta = article.meta
    assert meta.title == "楓原鎮:奮楫篤行譜新篇"  # as printed
    assert (meta.edition, meta.section) == ("第06版", "區縣巡禮")
    assert meta.byline == [Byline("特约记者", ["陳美玲"]), Byline("见习记者", ["黃志明"])]
    assert meta.region == "枫原镇"
    expected = {
        "3000餘萬元": (30_000_000, "CNY", "more_than"),
        "25個": (25, "item", None),
        "81.59億元": (8_159_000_000, "CNY", None),
        "五千七百七十七萬八千元": (57_778_000, "CNY", None),
        "11億多元": (1_100_000_000, "CNY", "more_than"),
        "兩萬三千餘噸": (23_000, "ton", "more_than"),
        "一萬八千餘元": (18_000, "CNY", "more_than"),
        "兩萬餘名": (20_000, "person", "more_than"),
    }
    for text, (value, unit, qualifier) in expected.items():
        found = figure(article, text)
        assert (found.value, found.unit, found.qualifier) == (value, unit, qualifier), text
    assert figure(article, "3000餘萬元").label == "财政收入"  # labels in Simplified, comparable
    assert kinds(article)[-2:] == [
        ("caption", "圖為楓原產業園新建的標準廠房。"),
        ("credit", "林曉東 攝"),
    ]


def test_one_line_report():
    article = fixture("oneline_baishi.txt")
    meta = article.meta
    assert (meta.title, meta.subtitle) == (
        "白石街道:奋进新时代 建功新征程",
        "白石街道2022年高质量发展纪实",
    )
    assert meta.byline == [Byline("本报通讯员", ["刘晓燕", "周建国"])]
    assert "line 1: run-together text split into 8 lines" in article.layout_notes[0]
    assert [k for k, _ in kinds(article)] == ["paragraph", "paragraph"] + [
        "heading",
        "paragraph",
    ] * 2 + ["paragraph"]
    assert figure(article, "31.88亿元").value == 3_188_000_000


def test_hard_wrapped_pdf_text():
    article = fixture("wrapped_hekou.txt")
    assert any("text re-flowed from 17 wrapped lines" in n for n in article.layout_notes)
    assert "line 4: spaces between numbers and their units closed up" in article.layout_notes
    paragraphs = [t for k, t in kinds(article) if k == "paragraph"]
    assert len(paragraphs) == 4 and paragraphs[0].endswith("增幅居全县第一。")
    assert figure(article, "31.88亿元").value == 3_188_000_000  # was "31.88 亿" / "元"
    assert figure(article, "15.2%").yoy  # was "15.2" / "%"
    assert figure(article, "7860亩").unit == "mu"  # was "7860" / "亩"
    headings = [t for k, t in kinds(article) if k == "heading"]
    assert headings[0] == "一、农业农村发展稳中提质。"


def test_news_flash_byline_and_sentence_heading():
    article = fixture("flash_shanqiao.txt")
    assert article.meta.byline == [Byline("全媒体记者", ["赵敏"]), Byline("见习记者", ["钱磊"])]
    assert ("heading", "优化营商环境。") in kinds(article)
    assert kinds(article)[0][1].startswith(
        "本报讯（全媒体记者 赵敏 见习记者 钱磊）"
    )  # stays in the text


@pytest.mark.parametrize(
    ("line", "groups"),
    [
        ("本报通讯员 王茂征 孙士勇", [("本报通讯员", ["王茂征", "孙士勇"])]),
        ("本报记者 李明 通讯员 王芳", [("本报记者", ["李明"]), ("通讯员", ["王芳"])]),
        ("特约记者 张三", [("特约记者", ["张三"])]),
        ("见习记者 李四", [("见习记者", ["李四"])]),
        ("全媒体记者 赵敏 报道", [("全媒体记者", ["赵敏"])]),
        ("□记者 李红欢 张良 报道", [("记者", ["李红欢", "张良"])]),
        ("记者：张三、李四", [("记者", ["张三", "李四"])]),
        ("本报记者张三 通讯员李四", [("本报记者", ["张三"]), ("通讯员", ["李四"])]),
    ],
)
def test_byline_role_groups(line, groups):
    assert parse_byline(line) == [Byline(role, names) for role, names in groups]


@pytest.mark.parametrize(
    ("paragraph", "groups"),
    [
        ("全镇上下将继续努力。(顾敏 林兰)", [(None, ["顾敏", "林兰"])]),
        ("(镇江报业全媒体记者陈洁 盛林娟)", [("镇江报业全媒体记者", ["陈洁", "盛林娟"])]),
    ],
)
def test_closing_byline(paragraph, groups):
    assert parse_closing_byline(paragraph) == [Byline(role, names) for role, names in groups]


def test_every_role_has_an_english_name():
    from site_builder.content.english_rules import english_byline

    for role in ROLES:
        assert english_byline({"role": role, "names": ["张三"]})["role"], role


def test_a_title_line_after_the_subtitle_is_kept():
    text = (
        "敢立潮头逐浪高\n\n——邹城市钢山街道2021年高质量发展纪实\n\n奋楫扬帆谱新篇\n\n"
        "本报通讯员 王茂征\n\n2021年,钢山街道完成财政收入4.7亿元,同比增长12%,发展态势良好。\n"
    )
    article = assert_nothing_lost(text.encode("utf-8"))
    assert article.meta.title == "敢立潮头逐浪高 奋楫扬帆谱新篇"
    assert article.meta.subtitle == "邹城市钢山街道2021年高质量发展纪实"


# --- forms met on real texts: portal copies, Traditional portals, slogans, one-line reports ---


def notes_with(article, text):
    return [note for note in article.layout_notes if text in note]


def test_portal_copy_with_empty_furniture_grouped_captions_and_a_media_byline():
    article = fixture("portal_copy_qinghe.txt")
    meta = article.meta
    assert meta.title == "稳中求进开新局"  # the site's name after the title is chrome
    assert notes_with(article, "'-q9星河娱乐网页版' after the title left out")
    assert (meta.date, meta.publication) == ("2022-01-18", "清河网")
    assert meta.byline == [Byline("清河网记者", ["李卫", "王敏", "陈亮"])]  # ● before it
    assert meta.region == "清河镇"
    blocks = kinds(article)
    assert [t for k, t in blocks if k == "caption"] == [
        "清河镇智能制造产业园一角",
        "宏达电子生产车间内,工人正在调试设备",
        "沿河生态步道",
        "新落成的镇文化活动中心",
    ]
    assert not [t for k, t in blocks if k == "heading"]
    assert "lines 2–5, 15–16: page chrome left out (6 lines)" in article.layout_notes
    assert notes_with(article, "lines 6–9: 4 photo captions grouped before the text")
    chrome = {p.text for p in article.set_aside if p.reason == "chrome"}
    assert {"打印:", "字体:", "扫描二维码", "在您的设备上浏览本页"} <= chrome


def test_traditional_portal_region_and_bracketed_controls():
    article = fixture("portal_trad_lianhu.txt")
    meta = article.meta
    assert meta.title == "關於蓮湖區2023年重點工作1-9月進展情況的通報"  # as printed
    assert meta.region == "莲湖区"  # a district, stored Simplified; never 年各镇 or 各镇
    headings = [t for k, t in kinds(article) if k == "heading"]
    assert headings == ["一、主要經濟指標", "二、重點項目方面", "三、民生實事方面"]
    assert "lines 2–3, 11–12: page chrome left out (4 lines)" in article.layout_notes
    chrome = {p.text for p in article.set_aside if p.reason == "chrome"}
    assert {"【頁面調色: 】", "【字體：大 中 小】【打印】【關閉】", "相關附件:"} <= chrome


def test_region_is_the_subject_not_a_quoted_slogan_or_a_neighbour():
    article = fixture("epaper_slogan_dongzhi.txt")
    assert article.meta.region == "东峙镇"  # not 游兴镇/产业强镇 (slogan) nor 西岙镇 (in passing)
    assert article.meta.title == ""  # the source has none
    assert article.meta.byline == [Byline("记者", ["林海"]), Byline("通讯员", ["周洁"])]
    assert [k for k, _ in kinds(article)] == ["paragraph", "paragraph"]


def test_one_line_report_split_at_its_numbered_headings():
    article = fixture("oneline_report_beitang.txt")
    meta = article.meta
    assert meta.title == "北塘街道办事处2023年政府工作报告"  # the text before 一、 names a report
    assert meta.region == "北塘街道"  # from 北塘街道办事处
    headings = [t for k, t in kinds(article) if k == "heading"]
    assert headings == ["一、2022年工作回顾", "二、2023年工作安排"]  # 二、 continues the numbering
    paragraphs = [t for k, t in kinds(article) if k == "paragraph"]
    assert paragraphs[0].startswith("2022年是极不寻常")
    assert "统一、规范推进各项工作" in paragraphs[0]  # an enumeration is not a heading
    assert "line 1: run-together text split into 3 lines" in article.layout_notes[0]


def test_speech_report_on_a_portal():
    article = fixture("speech_report_hexi.txt")
    meta = article.meta
    assert meta.title == "河西镇2023年政府工作报告"
    assert meta.subtitle == "2023年1月10日在河西镇第十八届人民代表大会第三次会议上"  # two lines
    assert (meta.date, meta.region) == ("2023-01-12", "河西镇")
    blocks = kinds(article)
    assert blocks[:2] == [("credit", "河西镇镇长 张明远"), ("paragraph", "各位代表:")]
    headings = [t for k, t in blocks if k == "heading"]
    assert headings == [
        "一、2022年工作回顾",
        "（一）主要经济指标稳中有进,发展质量持续提升。",
        "二、2023年工作安排",
    ]
    assert "lines 2–4: page chrome left out (3 lines)" in article.layout_notes
    assert "line 5: a line repeating the title left out" in article.layout_notes


def test_a_portal_time_stamp_and_a_news_agency_dateline():
    text = (
        "分享到:\n链接已复制\n\nLANGUAGES\n\n资讯\n\n资讯直播 要闻 国际 财经 图片\n\n"
        "首页> 发展门户> 要闻>\n\n2022年县域经济十强出炉,这些县为何领跑?\n\n2023-05-12 09:38\n\n"
        "来源:东方新闻网\n\n字体:\n\n"
        "东方网北京5月12日电 (记者 张立)随着各地统计公报发布,2022年县域经济十强榜单出炉,"
        "青山县地区生产总值达2231.47亿元,同比增长4.0%。\n"
    )
    article = assert_nothing_lost(text.encode("utf-8"))
    meta = article.meta
    assert meta.title == "2022年县域经济十强出炉,这些县为何领跑?"  # the line above the date
    assert (meta.date, meta.publication) == ("2023-05-12", "东方新闻网")
    assert meta.byline == [Byline("记者", ["张立"])]  # from …电 (记者 张立)
    assert "line 14: the time of publication left out" in article.layout_notes
    assert [k for k, _ in kinds(article)] == ["paragraph"]


@pytest.mark.parametrize(
    ("line", "groups"),
    [
        ("●天门网记者 李思远 王晓东", [("天门网记者", ["李思远", "王晓东"])]),
        ("■新华社记者 王明", [("新华社记者", ["王明"])]),
        ("人民网记者 李华 通讯员 赵强", [("人民网记者", ["李华"]), ("通讯员", ["赵强"])]),
        ("◎荆州日报记者 陈红", [("荆州日报记者", ["陈红"])]),
        ("□晚报记者 孙娟", [("晚报记者", ["孙娟"])]),
        ("▲县融媒体中心记者 周洋", [("县融媒体中心记者", ["周洋"])]),
        ("★全媒体记者 吴迪", [("全媒体记者", ["吴迪"])]),
    ],
)
def test_media_roles_and_marks_before_bylines(line, groups):
    assert parse_byline(line) == [Byline(role, names) for role, names in groups]


def test_metadata_line_forms():
    from site_builder.convert.structure.metadata import SUBTITLE_RE, parse_date, parse_news_flash

    assert parse_date("2023-05-12 09:38") == "2023-05-12"  # a portal's time stamp
    assert parse_date("2022年3月5日 星期六") == "2022-03-05"
    assert (
        SUBTITLE_RE.match("-2022年2月23日在某某区第五届人民代表大会上")
        .group(1)
        .startswith("2022年")
    )
    assert SUBTITLE_RE.match("-某某") is None
    assert parse_news_flash("东方网北京5月12日电 (记者 张立)随着各地…") == [
        Byline("记者", ["张立"])
    ]
    assert parse_news_flash("本报讯（记者 张三 通讯员 李四）全年…") == [
        Byline("记者", ["张三"]),
        Byline("通讯员", ["李四"]),
    ]


def test_line_shapes():
    from site_builder.convert.structure.shapes import (
        SALUTATION_RE,
        SPEAKER_RE,
        ends_in_colon,
        is_short,
        is_spaced_out,
    )

    assert is_spaced_out("政 府 工 作 报 告") and not is_spaced_out("奋进新时代 建功新征程")
    assert ends_in_colon("各位代表:") and ends_in_colon("这里是浙江——")
    assert not is_short("各位代表:")  # a lead-in is a paragraph, not a heading
    assert SALUTATION_RE.match("尊敬的赵主任、各位副主任、各位委员:")
    assert SPEAKER_RE.match("河西镇镇长 张明远")
    assert SPEAKER_RE.match("某某区人民政府副区长(提名人选) 吴小军")
    assert not SPEAKER_RE.match("聚焦项目建设 激发新动能")


def test_import_warns_when_the_source_has_no_title(tmp_path):
    from site_builder.convert.importer import import_file

    source = tmp_path / "x.txt"
    source.write_bytes((FIXTURES / "epaper_slogan_dongzhi.txt").read_bytes())
    result = import_file(source, tmp_path / "content")
    assert any("no title in the source" in warning for warning in result.warnings)


def test_a_byline_wrapped_onto_the_next_line_is_one_byline():
    # PDF text wraps a long byline mid-role (本报实习 / 记者): the second line is not a heading.
    lines = [
        "奋楫扬帆谱新篇",
        "",
        "——某某街道2022年发展纪实",
        "",
        "\u3000\u3000本报见习记者 李思远 王晓东 本报实习",
        "记者 陈一帆",
        "",
        "\u3000\u30002022年,某某街道全年完成财政收入2亿元,各项工作取得明显成效。",
    ]
    article = assert_nothing_lost("\n".join(lines).encode("utf-8"), "wrapped byline")
    groups = [(g.role, g.names) for g in article.meta.byline]
    assert groups == [("本报见习记者", ["李思远", "王晓东"]), ("本报实习记者", ["陈一帆"])]
    assert [b.kind for b in article.blocks if b.kind == "heading"] == []


def test_emoji_after_a_sentence_do_not_make_it_cut():
    # Some portals end sentences with emoji (…明显改善。🚗🌊): the paragraph is not cut.
    lines = [
        "某某县2024年工作报告",
        "",
        "过去的一年,某某县经济运行稳中向好,全县生产总值增长6%,各项事业取得新进展。📈",
        "",
        "基础设施建设稳步推进,投资10亿元实施一批重点项目,城乡面貌明显改善。🚗🌊️",
    ]
    article = assert_nothing_lost("\n".join(lines).encode("utf-8"), "emoji")
    assert not [note for note in article.layout_notes if "cut mid-sentence" in note]


def test_a_bullet_date_line_under_a_portal_title_is_its_date():
    # A portal lists the date as an item (- 时间:…): the date, not a subtitle.
    lines = [
        "柳岸街道2023年工作总结和2024年工作计划",
        "- 时间:2024-02-18",
        "一、2023年工作回顾",
        "2023年以来,柳岸街道完成财政收入3.6亿元,增长12%,各项工作取得新进展。",
    ]
    article = assert_nothing_lost("\n".join(lines).encode("utf-8"), "bullet date")
    meta = article.meta
    assert (meta.title, meta.subtitle, meta.date) == (
        "柳岸街道2023年工作总结和2024年工作计划",
        None,
        "2024-02-18",
    )


def test_a_report_title_run_into_its_text_by_one_space():
    text = (
        "柳岸镇上半年重点工作完成情况及下半年工作打算的专题调研报告 今年以来,我镇紧紧围绕年度目标,"
        "扎实推进各项工作,完成地区生产总值6.2亿元,同比增长8.1%。 一、完成情况 上半年全镇固定资产"
        "投资完成3.1亿元,同比增长12%。"
    )
    article = assert_nothing_lost(text.encode("utf-8"), "title run into text")
    assert article.meta.title == "柳岸镇上半年重点工作完成情况及下半年工作打算的专题调研报告"


def test_a_report_title_ending_in_a_report_word_is_not_a_paper():
    # 工作汇报 ends in 报 like 某某日报; a name line under it and the title again are not the title.
    lines = [
        "柳岸镇半年工作汇报",
        "",
        "李青禾",
        "",
        "柳岸镇半年工作汇报",
        "",
        "上半年,我镇完成地区生产总值3.2亿元,同比增长9.5%,主要经济指标实现时间任务双过半。",
    ]
    article = assert_nothing_lost("\n".join(lines).encode("utf-8"), "汇报")
    assert (article.meta.title, article.meta.publication) == ("柳岸镇半年工作汇报", None)


def test_a_posts_view_and_comment_counters_are_chrome():
    lines = [
        "柳岸区人大会议开幕 部署今年工作",
        "2024-03-02 08:15:20 来源: 柳岸日报",
        "0浏览 评论0条",
        "3月1日,柳岸区人大会议开幕。报告指出,全区地区生产总值达310.5亿元、增长6.1%。",
    ]
    article = assert_nothing_lost("\n".join(lines).encode("utf-8"), "counters")
    assert [b.kind for b in article.blocks] == ["paragraph"]
