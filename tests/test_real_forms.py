"""The failure classes of real texts (issue 18), each on a fixture of our own in that form
(tests/fixtures/): page furniture, dates, figures, labels, text order. The real texts that
showed the classes are measured by ../shared/corpus/score.py, not copied here."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from site_builder.content.model import Article, KeyFigure
from site_builder.convert.characters import analysis_text, without_pinyin_glosses
from site_builder.convert.figures.finder import figures_in_text
from site_builder.convert.pipeline import convert
from site_builder.convert.structure.shapes import place_list_lines

FIXTURES = Path(__file__).resolve().parent / "fixtures"


def article(name: str) -> Article:
    path = FIXTURES / name
    return convert(path.read_bytes(), path)[0]


def figure(found: Article, text: str) -> KeyFigure:
    return next(f for f in found.key_figures if f.text == text)


# --- 1. page furniture as title, heading or caption ---------------------------------------


def test_doc_site_furniture_is_left_out_and_the_split_title_joined():
    found = article("pdf_numbers_docsite.txt")
    assert found.meta.title == "青柳镇2024年政府工作报告"
    texts = " ".join(block.text for block in found.blocks)
    for furniture in ("VIP专享", "36.5KB", "海报", "侵权投诉", "12 页"):
        assert furniture not in texts
    assert any("page chrome left out" in note for note in found.layout_notes)


def test_search_box_and_navigation_are_not_the_title():
    found = article("epaper_search_nav.txt")
    assert found.meta.title == "网格连万家 服务暖人心"
    assert found.blocks[0].text.startswith("本报讯")
    assert not any(block.text.endswith(".jpg") for block in found.blocks)  # a bare image name


def test_a_headline_with_an_exclamation_mark_is_the_title():
    found = article("wechat_exclaim_title.txt")
    assert found.meta.title == "1200萬!青溪區40個村級集體經濟項目獲扶持"
    assert not any("快看有沒有你們村" in block.text for block in found.blocks)  # its repeat
    assert not any(block.text.startswith("供稿") for block in found.blocks)


def test_no_title_line_gives_an_empty_title_and_a_review_item():
    found = article("taiwan_numerals.txt")
    assert found.meta.title == ""
    assert "title_missing" in [item.code for item in found.review]
    assert found.blocks[0].kind == "credit"  # 【本報記者…報導】 is a byline, not a heading


# --- 2. dates ------------------------------------------------------------------------------


def test_a_doc_site_date_line_is_the_date():
    assert article("pdf_numbers_docsite.txt").meta.date == "2025-03-02"


# --- 3. figures ----------------------------------------------------------------------------


def test_numbers_broken_onto_their_own_lines_are_figures():
    found = article("pdf_numbers_docsite.txt")
    assert (figure(found, "6.3%").value, figure(found, "6.3%").label) == (6.3, "地区生产总值增长")
    assert figure(found, "0.8个百分点").unit == "percentage_point"
    assert figure(found, "1500头").unit == "head"
    assert figure(found, "9.4亿元").estimate and figure(found, "5%").estimate


def test_taiwan_numerals_and_units():
    found = article("taiwan_numerals.txt")
    assert figure(found, "三○五萬元").value == 3_050_000
    assert (figure(found, "2萬6800平方公尺").value, figure(found, "2萬6800平方公尺").unit) == (
        26800,
        "m2",
    )
    assert figure(found, "1600萬").unit == "CNY"  # 花東基金: money without 元
    assert not any(f.text.startswith("5個") for f in found.key_figures)  # …之一


@pytest.mark.parametrize(
    ("text", "printed", "value", "unit"),
    [
        ("累计投资超十亿元。", "超十亿元", 1_000_000_000, "CNY"),
        ("实际利用外资完成260万美元。", "260万美元", 2_600_000, "USD"),
        ("同比下降 7%。", "7%", -7, "percent"),
        ("棉花总产2027吨,增长-88.65%。", "-88.65%", -88.65, "percent"),
        ("对22座大棚进行改造。", "22座", 22, "facility"),
        # Taiwan papers: thousands after 萬 (860萬5千元); the colloquial 个亿 is 亿
        ("乡公所将获补助860万5千元。", "860万5千元", 8_605_000, "CNY"),
        ("完成固定资产投资3.2个亿,同比增长15%。", "3.2个亿", 320_000_000, "CNY"),
    ],
)
def test_figure_forms(text, printed, value, unit):
    found = {f.text: f for f in figures_in_text(text)}
    assert (found[printed].value, found[printed].unit) == (value, unit)


@pytest.mark.parametrize(
    "text", ["连续3个季度增长。", "成为全省5个试点之一。", "排名第3,居全省第五位。"]
)
def test_not_counts(text):
    assert figures_in_text(text) == []


# --- 4. labels -----------------------------------------------------------------------------


def test_labels_of_a_list_with_shared_verbs():
    found = article("epaper_search_nav.txt")
    labels = [f.label for f in found.key_figures]
    assert labels[:6] == [
        "走访居民户数",
        "走访商户数",
        "收集问题建议数",
        "办结问题建议数",
        "调解邻里纠纷数",
        "调解家庭矛盾数",
    ]
    assert figure(found, "98%").label == "调解成功率"


def test_respectively_shares_out_the_listed_measures():
    found = article("wechat_exclaim_title.txt")
    assert figure(found, "5.2%").label == "城镇居民人均可支配收入增长"
    assert figure(found, "6.8%").label == "农村居民人均可支配收入增长"
    assert figure(found, "7%").label == "实际利用外资同比下降" and figure(found, "7%").value == -7


def test_a_count_of_listed_examples_is_labelled_by_what_has_them():
    found = article("taiwan_numerals.txt")
    assert figure(found, "三項").label == "县府补助工程数"
    assert figure(found, "三○五萬元").label == "县府补助工程总经费"


def test_pinyin_glosses_do_not_cut_labels():
    text, _ = without_pinyin_glosses("全鎮實(shí)現(xiàn)國內(nèi)生產(chǎn)總值14.69億元")
    found = figures_in_text(analysis_text(text))
    assert found[0].label == "国内生产总值"


# --- 8. text order and forms ---------------------------------------------------------------


def test_a_wechat_post_pasted_as_raw_html_keeps_its_text_not_its_markup():
    path = FIXTURES / "wechat_raw_fragment.html"
    found, extension = convert(path.read_bytes(), path)
    assert extension == ".html"
    assert found.meta.title == "青江镇：小葡萄串起大产业"
    assert not any("<" in block.text for block in found.blocks)
    assert figure(found, "3200亩").value == 3200


def test_multi_column_pdf_text_is_noted_not_reflowed():
    found = article("pdf_two_columns.txt")
    assert any("columns side by side" in note for note in found.layout_notes)
    assert not any("re-flowed from" in note for note in found.layout_notes)


def test_yearbook_section_labels_run_into_the_text_are_headings():
    found = article("yearbook_run_in.txt")
    headings = [block.text for block in found.blocks if block.kind == "heading"]
    assert {"县名由来", "政区 人口", "经济概况", "农业"} <= set(headings)
    assert figure(found, "860平方公里").label.endswith("总面积")


def test_an_opening_paragraph_is_never_glued_onto_another():
    text = (
        "现在,我代表镇人民政府向大会报告工作,请予审议。\n\n"
        "全年完成地区生产总值12亿元,各项事业稳步推进,群众获得感持续增强,为下一步发展打下了"
    )
    found = convert(text.encode("utf-8"), "x.txt")[0]
    assert found.blocks[0].text.startswith("现在")
    assert len([b for b in found.blocks if b.kind == "paragraph"]) == 2


def test_a_full_width_indented_byline_in_founder_html_is_a_byline():
    page = (
        "<html><body><founder-content><p>　　本报通讯员 陈明 李芳</p>"
        "<p>　　今年以来,青江镇新建蔬菜大棚120座,带动农户增收。</p>"
        "<p>　　全镇完成农业总产值5.6亿元,同比增长7.2%。</p></founder-content></body></html>"
    )
    found = convert(page.encode("utf-8"), "x.html")[0]
    assert [group.names for group in found.meta.byline] == [["陈明", "李芳"]]
    assert not any(block.kind == "heading" for block in found.blocks)


@pytest.mark.parametrize(
    ("text", "printed", "label"),
    [
        # 分别 after measures the clause lists, not the figures before in the sentence
        ("财政收入增长6%达4.2亿元,城乡居民人均可支配收入分别增长12%和13%,分别达43366元和13835元。", "13835元", "农村居民人均可支配收入"),
        # a share of the year's target measures the clause before
        ("财政收入XX万元,增长14.9%;固定资产投资XX亿元,占全年任务数的77.8%。", "77.8%", "固定资产投资完成全年任务比例"),
        # examples listed before 等 are not the measure
        ("产业园已累计签约中国久远、光子激光等项目共25个。", "25个", "产业园签约项目数"),
        # an area's own measure word keeps the verb before it, and what the clause before
        # addressed (对…老旧小区…改造)
        ("对41个老旧小区分批次改造,改造总面积63万平方米。", "63万平方米", "老旧小区改造总面积"),
        # a count of acts, or of 相关 things, is of whom an earlier clause addressed
        ("针对困难群体,建立帮扶台账,为留守儿童定期开展课业辅导、心理疏导,累计服务120余人次。", "120余人次", "留守儿童服务人次"),
        ("为个体商户协调办证、融资等需求,解决相关问题35件。", "35件", "个体商户问题数"),
        ("对12个背街小巷进行提升,惠及居民860户。", "860户", "背街小巷提升惠及居民户数"),
        ("为困难群众发放救助金120万元,惠及群众3000人。", "3000人", "惠及群众人数"),
        # a rate of change keeps the measure word of the level it refers to
        ("油料种植面积1139公顷,比上年同期下降0.35%。", "0.35%", "油料种植面积同比下降"),
        # the body a sentence is about comes after who speaks and when
        ("“订单很足。”公司负责人王海介绍,目前,物流产业园已累计引进智能装备、新材料等企业共18家,已投产11家。", "18家", "物流产业园引进企业数"),
        # a long body's name described before 的: the kind of body it is
        ("2019年组建的青山村绿源蔬菜种植专业合作社,现有社员260户,带动农户增收。", "260户", "合作社社员户数"),
        # money for a work named right after the amount, not the fund named before it
        ("乡公所已争取到位的离岛建设基金3500万兴建东湖港候船室改建计画、县府补助600万元。", "3500万", "东湖港候船室改建计画经费"),
        ("另争取观光署环岛自行车道1200万改善计画等。", "1200万", "观光署环岛自行车道改善计画经费"),
        # or right before it
        ("争取县政府113年度东湖村联外道路拓宽工程420万元。", "420万元", "东湖村联外道路拓宽工程经费"),
        # an amount for each unit: 每 + the unit + what the sentence's money is for
        ("县里安排奖补资金300万元,用于奖励30个星级文明村,每个村10万元。", "10万元", "每村奖励资金"),
        ("发放种粮补贴资金120万元,每户2000元。", "2000元", "每户种粮补贴资金"),
        # an economic sector's amount and growth are of its value added
        ("第一产业增长4.2%达8.6亿元,第三产业增长7.5%达20.3亿元。", "20.3亿元", "第三产业增加值"),
        ("第一产业增长4.2%达8.6亿元,第三产业增长7.5%达20.3亿元。", "7.5%", "第三产业增加值增长"),
        # a lone character the tagger cut from the verb before it; doses counted as 剂次
        ("累计完成加强针3万余剂次,老年人接种逾5000人。", "3万余剂次", "加强针剂次"),
        # a time word opening the thing counted
        ("迅速组建机关干部、民兵等600余名战时力量,开展全员核酸检测。", "600余名", "组建战时力量"),
        # acts listed with 、 share the thing they act on
        ("全年新签、开工、投产项目18个,总投资达9亿元。", "18个", "新签、开工、投产项目数"),
        # the kind of thing named after the examples listed before 等
        ("推进城东、城南等老旧厂区改造项目9个、安置房项目4个。", "9个", "老旧厂区改造项目数"),
        # a planned total is the projects' of the sentence
        ("谋划实施文旅、康养等8个产业项目,年度计划总投资5.2亿元。", "5.2亿元", "产业项目计划总投资"),
        # a percentage of a work 完成 is its completion rate
        ("完成2024年1500亩高标准农田建设90%以上。", "90%以上", "高标准农田建设完成率"),
        # money put into a work named after it keeps its verb
        ("投入8000万元实施城乡供水一体化工程,受益群众2万人。", "8000万元", "城乡供水一体化工程投入"),
        # a length keeps the words before its act; an area alone after it is the same work's
        ("新建环湖步道,总铺设长度计2860米,面积达1.2万平方米。", "2860米", "总铺设长度"),
        ("新建环湖步道,总铺设长度计2860米,面积达1.2万平方米。", "1.2万平方米", "铺设面积"),
        # a body opening the figure's own clause
        ("该镇持续做强主导产业,园区2028年预计可实现光伏类企业产值达到50亿元。", "50亿元", "园区光伏类企业产值"),
        # + joins items: the count is of what follows it
        ("组建起“7名综治专干+78名专职网格员”的队伍。", "7名", "综治专干人数"),
        # a scope word before the amount (全村) is not what is measured: the noun after it is
        ("全村1800亩耕地与500亩林地连片经营。", "1800亩", "耕地面积"),
        # a total investment owned by a project keeps its word
        ("总投资4亿元的禾丰养殖项目建成投产。", "4亿元", "禾丰养殖项目总投资"),
    ],
)  # fmt: skip
def test_label_classes(text, printed, label):
    found = {f.text: f for f in figures_in_text(text)}
    assert found[printed].label == label


def test_a_slash_masthead_gives_paper_date_and_edition_and_the_headline_list_is_chrome():
    found = article("epaper_masthead_list.txt")
    meta = found.meta
    assert (meta.publication, meta.date, meta.edition) == ("青江日报", "2023-08-09", "第A05版")
    assert meta.title == "奋进新征程"  # the paper's name glued to it is furniture
    assert not any("乡村振兴结硕果" in block.text for block in found.blocks)
    assert figure(found, "12亿元").estimate and not figure(found, "5.6亿元").estimate


def test_the_published_date_wins_over_a_crawl_date_in_the_page_header():
    found = article("portal_crawl_date.txt")
    assert found.meta.title == "青江镇：小葡萄串起大产业"
    assert found.meta.date == "2023-04-06"
    assert "date_conflict" in [item.code for item in found.review]


def test_what_money_is_for_after_the_amount():
    found = {f.text: f for f in figures_in_text("该镇投资230万元对22座大棚进行改造升级。")}
    assert found["230万元"].label == "大棚改造升级投资"
    assert found["22座"].label == "改造升级大棚数"


def test_a_line_under_an_empty_image_is_its_caption_and_an_unpunctuated_line_a_heading():
    found = article("wechat_image_caption.txt")
    kinds = [(block.kind, block.text[:8]) for block in found.blocks]
    assert ("caption", "新闻发布会现场") in kinds
    headings = [block.text for block in found.blocks if block.kind == "heading"]
    assert headings == ["从“产业升级、交通提速、民生改善、生态优化”四个方面看柳塘镇五年之变"]
    assert not any("cut mid-sentence" in note for note in found.layout_notes)


def test_a_title_printed_after_the_text_with_its_date_is_the_title():
    found = article("mirror_title_last.txt")
    assert found.meta.title == "東湖鄉公所召開年度基層建設說明會"
    assert found.meta.date == "2003-05-12"
    assert not any("說明會" in block.text and block.kind != "paragraph" for block in found.blocks)


def test_a_named_two_line_title_below_a_column_introduction_is_the_title():
    found = article("wechat_column_intro.txt")
    assert found.meta.title == "柳塘镇:“三个聚焦”激活发展新动能"
    assert found.blocks[0].text.startswith("奋进新时代")
    assert not any(block.text == "柳塘镇:" for block in found.blocks)


def test_a_lead_in_with_a_colon_is_not_a_named_title():
    text = (
        "今年以来,青江镇围绕乡村振兴目标,统筹推进产业发展和人居环境整治,各项工作取得明显成效。\n"
        "工作目标:\n"
        "建成美丽宜居示范村\n"
        "全镇计划完成村庄绿化面积3万平方米,新建村级游园5处,改造农村公路12公里。\n"
    )
    found = convert(text.encode("utf-8"), "x.txt")[0]
    assert found.meta.title == ""


# --- 5. portal pages as readers copy them (select all, paste) ------------------------------


def test_portal_widgets_and_breadcrumb_are_chrome_and_the_title_is_the_line_before_the_source():
    found = article("portal_widgets_zhiqiao.txt")
    assert found.meta.title == "2024年工作总结"
    assert found.meta.date == "2025-01-20"
    texts = [block.text for block in found.blocks]
    assert texts[0].startswith("2024年,芷桥街坚持稳中求进")
    assert not any(block.kind == "caption" for block in found.blocks)
    chrome = {p.text for p in found.set_aside if p.reason == "chrome"}
    assert {"选择语言", "简体 | 繁體 | English", "无障碍 长者模式", "字体大小:"} <= chrome
    assert any(text.startswith("您当前所在位置") for text in chrome)
    headings = [block.text for block in found.blocks if block.kind == "heading"]
    assert headings == ["一、稳住经济基本盘", "二、办好民生实事", "三、守牢安全底线"]


def test_the_line_before_the_pages_source_line_is_the_title_not_what_stood_above_the_chrome():
    found = article("portal_office_tinglan.txt")
    assert found.meta.title == "2024年上半年工作总结"
    assert found.blocks[0].text.startswith("今年以来,我镇")
    chrome = {p.text for p in found.set_aside if p.reason == "chrome"}
    assert "热点专题" in chrome  # an unknown furniture line above the breadcrumb, noted
    assert any("'热点专题' above the title" in note for note in found.layout_notes)


def test_the_region_from_the_office_that_issued_the_page():
    # the text says only 芷桥街 / 我镇; the breadcrumb and the source name the office
    found = article("portal_widgets_zhiqiao.txt")
    assert found.meta.region == "岚溪区芷桥街道"
    doubts = [item for item in found.review if item.code == "region_from_chrome"]
    assert doubts and "岚溪区芷桥街道" in doubts[0].message  # the editor checks it
    assert article("portal_office_tinglan.txt").meta.region == "岚溪区汀兰镇"
    # a portal whose title names the town: the same place, no note
    baisha = article("portal_baisha.txt")
    assert baisha.meta.region == "白沙镇"
    assert not any("breadcrumb" in note for note in baisha.layout_notes)
    assert not any(item.code == "region_from_chrome" for item in baisha.review)


def test_a_news_portals_header_section_and_site_name_phone_owner_and_share_prompt_are_chrome():
    found = article("portal_news_tinglan.txt")
    assert found.meta.title == "汀兰镇召开上半年经济运行分析会"
    assert found.meta.subtitle is None
    assert found.meta.date == "2024-07-12"
    assert found.blocks[0].text.startswith("7月10日,汀兰镇召开")
    assert not any(block.kind == "caption" for block in found.blocks)
    chrome = {p.text for p in found.set_aside if p.reason == "chrome"}
    assert {
        "汀兰镇 芷溪新闻网",
        "0576-88886666",
        "芷溪市融媒体中心 主办",
        "微信扫一扫分享",
    } <= chrome


# --- 6. a document's end: its sign-off, and numbered items that are sentences --------------


def test_a_documents_sign_off_is_its_last_paragraphs_not_captions_nor_its_date():
    found = article("portal_signoff_qingshi.txt")
    assert found.meta.date == "2024-01-26"  # the page's 发布时间, not the sign-off's date
    assert [(block.kind, block.text) for block in found.blocks[-3:]] == [
        ("paragraph", "本单位无其他需要报告的事项。"),
        ("paragraph", "岚溪区青石街道办事处"),
        ("paragraph", "2024年1月20日"),
    ]
    assert not any(block.kind == "caption" for block in found.blocks)


@pytest.mark.parametrize(
    "sign_off",
    [
        ["枫林镇人民政府", "2023年1月10日"],
        ["中共枫林镇委员会", "枫林镇人民政府", "二〇二三年一月十日"],
    ],
)
def test_a_sign_off_is_neither_chrome_nor_a_title_printed_after_the_text(sign_off):
    text = (
        "根据上级要求,现将枫林镇2022年度法治政府建设情况报告如下。\n"
        "一、主要工作\n"
        "全年组织法治讲座12场,化解矛盾纠纷85件,调解成功率98%,群众满意度持续提升。\n"
        "二、下一步打算\n"
        "继续完善镇村两级法律顾问制度,推动基层治理法治化。\n"
        "特此报告。\n" + "\n".join(sign_off) + "\n"
    )
    found = convert(text.encode("utf-8"), "x.txt")[0]
    assert found.meta.title == ""
    assert found.meta.date is None
    end = [(block.kind, block.text) for block in found.blocks[-len(sign_off) - 1 :]]
    assert end == [("paragraph", line) for line in ["特此报告。", *sign_off]]
    assert not found.set_aside


def test_a_numbered_item_that_reports_figures_or_runs_clauses_into_its_text_is_a_paragraph():
    text = (
        "柳溪镇2023年上半年工作汇报\n"
        "今年以来,柳溪镇紧盯年度目标任务,统筹推进产业发展、项目建设和民生改善各项工作。\n"
        "一、上半年工作完成情况\n"
        "(一)以产业项目为抓手,全面推进农业提质增效。\n"
        "1、投资120万元,改造提升东坡茶园基础设施。目前已完成投资80万元,新修生产便道3公里。\n"
        "2、投资300万元,启动集镇污水管网改造工程。年底前,集镇8个居民小区将全部接入管网。\n"
        "3、建成高标准农田2000亩。全镇粮食生产实现稳产增产,夏粮收购工作有序推进。\n"
        "4、新建村级文化广场6处,完善了群众文体活动场所。\n"
        "5、完善便民服务网点,提升群众办事效率。全镇8个村均设立代办点,实现小事不出村。\n"
        "二、人居环境持续改善。全镇共清理河道沟渠40余公里,拆除违章建筑15处,村容村貌明显提升。\n"
    )
    found = convert(text.encode("utf-8"), "x.txt")[0]
    headings = [block.text for block in found.blocks if block.kind == "heading"]
    assert headings == [
        "一、上半年工作完成情况",
        "(一)以产业项目为抓手,全面推进农业提质增效。",
        "二、人居环境持续改善。",
    ]
    items = [block for block in found.blocks if re.match(r"\d、", block.text)]
    assert [block.kind for block in items] == ["paragraph"] * 5
    assert items[0].text.startswith("1、投资120万元,改造提升东坡茶园基础设施。目前")


def test_the_title_repeated_in_the_body_by_a_doc_sharing_site_is_furniture():
    found = article("docsite_title_repeats.txt")
    assert found.meta.title == "石桥镇2023年上半年工作总结"
    kinds = [block.kind for block in found.blocks]
    assert kinds == ["paragraph", "heading", "paragraph", "heading", "paragraph"]
    assert not any("工作总结" in block.text for block in found.blocks)
    chrome = {p.text for p in found.set_aside if p.reason == "chrome"}
    assert {"石桥镇2023年上半年工作总结(精选)", "石桥镇2023年上半年工作总结"} <= chrome
    assert any(note.startswith("lines 9, 15: ") for note in found.layout_notes)


# --- party-newspaper e-paper copies (round 6) ----------------------------------------------


def test_a_bracketed_masthead_under_the_title_gives_paper_date_and_edition():
    # 《某某日报》(2024年11月08日 05版): how a paper's site prints its article's origin
    found = article("epaper_bracket_masthead.txt")
    meta = found.meta
    assert meta.title == "“空心村”变身共富村"
    assert (meta.publication, meta.date, meta.edition) == ("青江日报", "2024-11-08", "第05版")
    assert not any(block.kind == "heading" for block in found.blocks)
    assert [group.names for group in meta.byline] == [["林雨"], ["何平"]]


def test_a_dateline_spaced_from_the_lede_is_not_a_heading_and_a_time_paragraph_no_continuation():
    found = article("portal_dateline_cut.txt")
    assert not any(block.kind == "heading" for block in found.blocks)
    assert found.blocks[0].text.startswith("今日青江讯")
    # 十年来, opens a paragraph: the text's last, cut paragraph is not joined to it
    assert found.blocks[-1].text.endswith("2023年完成一般公")
    assert any(block.text.startswith("十年来,柳塘镇") for block in found.blocks)


def test_a_time_stamp_without_year_is_chrome_and_the_closing_byline_is_read_before_junk():
    found = article("portal_closing_byline_junk.txt")
    assert found.meta.title == "柳塘镇吹响高质量发展冲锋号"
    assert not any(block.kind == "heading" for block in found.blocks)
    assert not any("jpeg" in block.text for block in found.blocks)
    assert [(group.role, group.names) for group in found.meta.byline] == [
        ("青江日报记者", ["赵明"])
    ]


# --- 7. a paper's page: the owners' line above the masthead ---------------------------------

PAPER_PAGE = """芷溪日报社主管 芷溪日报社主办
芷溪日报
2024年11月8日 星期五
第03版：要闻
汀兰镇：产业兴旺绘新篇
本报记者 王小明

今年以来,汀兰镇坚持项目为王,全年完成固定资产投资12.6亿元,同比增长8.5%;新增规上企业9家。

全镇新建高标准农田3000亩,农村居民人均可支配收入达到2.4万元,同比增长6.1%。
"""


def test_a_papers_owners_line_is_chrome_not_the_title():
    # 某某社主管 某某社主办 heads a paper's page: its owners, never the headline (which was
    # then taken for a caption).
    found = convert(PAPER_PAGE.encode(), Path("paper_page.txt"))[0]
    assert (found.meta.title, found.meta.publication) == ("汀兰镇：产业兴旺绘新篇", "芷溪日报")
    assert (found.meta.date, found.meta.edition) == ("2024-11-08", "第03版")
    assert not any(block.kind == "caption" for block in found.blocks)
    chrome = {p.text for p in found.set_aside if p.reason == "chrome"}
    assert "芷溪日报社主管 芷溪日报社主办" in chrome


READER_PAGE = """当前报纸名称:芷溪日报
日期:11-08
版面:第A03版:综合 上一篇 下一篇
汀兰镇：产业兴旺绘新篇
本报记者 王小明

今年以来,汀兰镇坚持项目为王,全年完成固定资产投资12.6亿元,同比增长8.5%;新增规上企业9家。

全镇新建高标准农田3000亩,农村居民人均可支配收入达到2.4万元,同比增长6.1%。
"""


def test_an_epaper_readers_header_fields_give_paper_and_edition_and_are_not_the_title():
    # An e-paper reader site's own header: 报纸名称:, a date without its year, 版面: with its
    # previous/next links. They name the paper and the page; the headline is the title.
    found = convert(READER_PAGE.encode(), Path("reader_page.txt"))[0]
    assert found.meta.title == "汀兰镇：产业兴旺绘新篇"
    assert (found.meta.publication, found.meta.edition) == ("芷溪日报", "第A03版")
    assert found.meta.date is None  # 11-08 without its year is not a date to publish
    assert not any(block.kind in ("caption", "heading") for block in found.blocks)
    chrome = {p.text for p in found.set_aside if p.reason == "chrome"}
    assert {"当前报纸名称:芷溪日报", "日期:11-08", "版面:第A03版:综合 上一篇 下一篇"} <= chrome


# --- 8. mirror and reader sites: what they add to the page ---------------------------------


def test_a_mirror_sites_pinyin_glosses_are_taken_out_so_title_and_chrome_are_read():
    # 鎮(zhèn), 發(fā)布時間, 記(jì)者, 創(chuàng )新: pinyin after characters hid the chrome line
    # (發布時間:) and spoilt the title; taken out and noted, kept in the source.
    found = article("mirror_pinyin_hongshan.txt")
    assert found.meta.title == "紅山鎮入選2023年度全省經濟強鎮"
    assert found.meta.date == "2023-12-08"
    assert [group.role for group in found.meta.byline] == ["记者"]
    assert [block.kind for block in found.blocks] == ["paragraph", "paragraph"]
    assert not any(re.search(r"\([a-zāáǎàēéěèīíǐìōóǒòūúǔù ]+\)", b.text) for b in found.blocks)
    assert "創新" in found.blocks[1].text
    assert any("pinyin glosses after characters left out" in note for note in found.layout_notes)
    assert figure(found, "430戶").label == "新增市场主体户数"


def test_a_latin_word_in_brackets_is_not_a_gloss():
    found = convert(
        "全镇新建5G基站(wifi)与充电桩(pile)共计120个,比上年增加30个。".encode(), "x.txt"
    )[0]
    assert "(wifi)" in found.blocks[0].text and "(pile)" in found.blocks[0].text


READER_TODAY_PAGE = """数字报刊阅读器
2027-05-09
星期日
当前报纸名称:芷溪日报

青禾村稻香满田野

日期:09-28
字号:
版面:第A05版:乡村 上一篇 下一篇

青禾村村民在晒场翻晒新稻。 李文 摄

青禾村稻香满田野

本报讯(记者 赵清)9月26日,芷桥镇青禾村迎来丰收节。全村今年种植优质水稻2600亩,预计总产量达到1500吨,同比增长6.2%。

村里新建的烘干中心日处理稻谷80吨,带动周边农户120户增收。
"""


def test_an_epaper_readers_name_and_todays_date_are_chrome_not_title_and_date():
    # The reader site prints its own name and today's date above the paper's fields; the
    # 日期: field (a day without its year) says that today's date is not the paper's.
    found = convert(READER_TODAY_PAGE.encode(), Path("reader_today.txt"))[0]
    assert found.meta.title == "青禾村稻香满田野"
    assert found.meta.date is None
    assert (found.meta.publication, found.meta.edition) == ("芷溪日报", "第A05版")
    chrome = {p.text for p in found.set_aside if p.reason == "chrome"}
    assert {"数字报刊阅读器", "2027-05-09", "星期日"} <= chrome
    assert not any(block.kind == "heading" for block in found.blocks)


def test_a_date_line_that_agrees_with_the_readers_day_field_is_the_date():
    page = READER_TODAY_PAGE.replace("2027-05-09", "2027-09-28")
    found = convert(page.encode(), Path("reader_today.txt"))[0]
    assert found.meta.date == "2027-09-28"


def test_table_cell_walls_are_not_a_title_or_a_caption():
    # A page that set the article in a table: walls alone on their lines (|, +----+, ───)
    # and around the text (| 记者…。 |). Taken out and noted; no title is made up.
    found = article("table_cells_liutang.txt")
    assert found.meta.title == ""
    assert [block.kind for block in found.blocks][:2] == ["caption", "credit"]
    assert found.blocks[0].text == "柳塘镇新建的物流园区一角。"
    assert not any("|" in block.text or "─" in block.text for block in found.blocks)
    assert figure(found, "46.2亿元").label == "工业总产值"
    assert any("table borders around the text left out" in note for note in found.layout_notes)


def test_a_table_row_keeps_its_inner_walls():
    text = "| 指标 | 2024年 |\n| 工业总产值 | 46.2亿元 |\n\n全镇工业总产值46.2亿元,同比增长11.3%,增速居全县第一。\n"
    found = convert(text.encode(), "x.txt")[0]
    assert any(block.text.startswith("| 指标 |") for block in found.blocks) or any(
        piece.text.startswith("| 指标 |") for piece in found.set_aside
    )


PLACE_LIST_PAGE = """芷溪区24个村获评美丽宜居示范村

本报讯 日前,芷溪区公布2024年度美丽宜居示范村名单,全区共有24个村入选,每村将获得奖补资金30万元。

入选的村分别为

东湖镇:柳岸、青石、白沙

芷桥镇:下洲

西岭乡 :松溪、石门坑、上坪、何家垄

南塘街道:新塘

另有3个社区获评示范社区:

东庄社区、西庄社区、南湖社区

区农业农村局负责人介绍,奖补资金将用于村庄道路、污水处理和公共空间改造,年底前完成验收。
"""


def test_a_list_of_villages_is_text_not_captions_or_headings():
    # Townships with their villages, one a line, and a list of communities: who got what, not
    # photo captions (short lines without a full stop) nor headings (a line before the text).
    found = convert(PLACE_LIST_PAGE.encode(), Path("places.txt"))[0]
    assert found.meta.title == "芷溪区24个村获评美丽宜居示范村"
    kinds = {block.text: block.kind for block in found.blocks}
    for line in ("入选的村分别为", "东湖镇:柳岸、青石、白沙", "芷桥镇:下洲", "南塘街道:新塘"):
        assert kinds[line] == "paragraph", line
    assert kinds["西岭乡 :松溪、石门坑、上坪、何家垄"] == "paragraph"
    assert kinds["东庄社区、西庄社区、南湖社区"] == "paragraph"
    assert not any(block.kind in ("caption", "heading") for block in found.blocks)


def test_a_short_heading_with_a_colon_and_one_phrase_is_not_a_place_list():
    assert place_list_lines(["美丽乡村:绿水青山", "聚焦产业、民生、生态"]) == set()


SPACED_RUN_IN_PAGE = """青石镇2024年工作总结

一、抓项目建设 全年完成固定资产投资8.6亿元,同比增长12.5%,其中工业投资5.1亿元。

二、聚焦民生实事 补齐服务短板 新建村级养老服务站6个,改造农村公路18公里,惠及群众2万余人。

三、基层治理

全镇调处矛盾纠纷320件,调处成功率98%以上。

1、投资 500万元,启动农村安全饮水工程,目前已完成投资100万元,有6个村用上自来水。
"""


def test_a_numbered_heading_run_into_its_text_with_only_a_space_is_split():
    # 一、抓项目建设 全年完成…: the heading ends at the last space before the first clause
    # mark; a space before a number (投资 500万元) is a PDF's, not the heading's end.
    found = convert(SPACED_RUN_IN_PAGE.encode(), Path("spaced.txt"))[0]
    headings = [block.text for block in found.blocks if block.kind == "heading"]
    assert headings == ["一、抓项目建设", "二、聚焦民生实事 补齐服务短板", "三、基层治理"]
    paragraphs = [block.text for block in found.blocks if block.kind == "paragraph"]
    assert paragraphs[0].startswith("全年完成固定资产投资8.6亿元")
    assert paragraphs[-1].startswith("1、投资 500万元")
    assert figure(found, "8.6亿元").label == "固定资产投资"


REPOST_PAGE = """青溪镇前三季度财政收入增长两成

来源:芷溪网

前三季度,青溪镇地方财政收入完成2860万元,占全年任务的76.5%,同比增长21.3%,实现了时间过半任务过半。

2

图为青溪镇新建的农产品冷链仓储中心。

原标题:青溪镇前三季度经济运行稳中向好

全镇新开工产业项目9个,完成固定资产投资4.2亿元,同比增长13.8%。(青溪镇)
"""


def test_a_reposts_photo_counter_original_title_and_closing_office():
    # A reposting site's photo counter (2), its note of the original title (原标题:…), and an
    # office or place in brackets closing the text (青溪镇): not a heading, not the text, not
    # a writer.
    found = convert(REPOST_PAGE.encode(), Path("repost.txt"))[0]
    assert found.meta.title == "青溪镇前三季度财政收入增长两成"
    assert not any(block.kind == "heading" for block in found.blocks)
    assert [b.kind for b in found.blocks if b.text == "2"] == ["paragraph"]
    assert "原标题:青溪镇前三季度经济运行稳中向好" in {p.text for p in found.set_aside}
    assert found.meta.byline == []


ARCHIVE_RECORD = """返回列表 <<上一记录 下一记录>> 打印预览

【日期】= 2003.06.18
【期号】= 2215
【标题】= 柳岸乡建成第一座自来水厂
【版次】= 02
【版名】=
【作者】= 方晓明
【正文】=

柳岸乡建成第一座自来水厂

方晓明 (2003.06.18)

本报讯 (记者 方晓明)6月15日,柳岸乡第一座自来水厂正式通水。水厂总投资860万元,日供水能力5000吨,可解决全乡12个村、2.3万群众的饮水问题。
"""


def test_a_newspaper_archive_record_gives_title_date_edition_and_byline():
    # An archive database's record: 【field】= value lines above the article, then the headline,
    # the writer and the date in brackets, then the text.
    found = convert(ARCHIVE_RECORD.encode(), Path("record.txt"))[0]
    assert found.meta.title == "柳岸乡建成第一座自来水厂"
    assert (found.meta.date, found.meta.edition) == ("2003-06-18", "第02版")
    assert found.meta.subtitle is None
    assert [(g.role, g.names) for g in found.meta.byline] == [("记者", ["方晓明"])]
    assert [block.kind for block in found.blocks] == ["paragraph"]


def test_toneless_pinyin_glosses_are_taken_out_of_a_text_that_has_several():
    # 社會(hui) 治理, 個(ge) : another mirror's form, without tones and with a space after it.
    text = (
        "柳岸鎮在社會(hui) 治理中探索新路子。\n\n"
        "全鎮建成網格服務站28個(ge) ,化解矛盾糾紛(fen) 460余件,群眾滿意率達98%。\n"
    )
    found = convert(text.encode(), Path("toneless.txt"))[0]
    body = " ".join(block.text for block in found.blocks)
    assert "(hui)" not in body and "(ge)" not in body and "(fen)" not in body
    assert "社會治理" in body and "28個," in body
    assert figure(found, "28個").label.endswith("网格服务站数")


def test_a_single_bracketed_syllable_is_not_taken_for_a_gloss():
    text = "柳岸鎮推廣“一碼通(ma)”服務,全鎮辦理事項3200件,同比增長12%。"
    found = convert(text.encode(), Path("one.txt"))[0]
    assert "(ma)" in found.blocks[0].text


def test_a_news_agency_mirror_page_header_and_its_title_repeats():
    # 某某网 正文 (a breadcrumb without separators), the page's 关注某某网 and 图集 labels, the
    # dateline with 题: before the headline, and a gallery's (栏目·图文互动)(1) label before it.
    found = article("agency_mirror_qingxi.txt")
    assert found.meta.title == "【走基層】青溪鎮的“背包所長”"
    assert found.meta.date == "2024-02-06"
    assert [(g.role, g.names) for g in found.meta.byline] == [("芷溪社记者", ["林曉", "何遠"])]
    assert [block.kind for block in found.blocks] == [
        "paragraph", "caption", "credit", "paragraph"
    ]  # fmt: skip
    chrome = {p.text for p in found.set_aside if p.reason == "chrome"}
    assert "(走基層·圖文互動)(1)青溪鎮的“背包所長”" in chrome
    assert "關注芷溪網" in chrome and "圖集" in chrome


def test_a_title_beginning_with_its_date_above_the_source_line_is_the_title():
    page = (
        "當前位置:首頁 >> 新聞中心\n\n文章\n\n"
        "2月6日,青溪鎮便民服務所受理訴求突破千件\n\n"
        "發稿時間:2024-02-06 10:20:11   來源:芷溪日報\n\n"
        "  去年,青溪鎮便民服務所共受理群眾訴求1260件,辦結率達99.2%,群眾滿意率98.5%。\n"
    )
    found = convert(page.encode(), Path("dated_title.txt"))[0]
    assert found.meta.title == "2月6日,青溪鎮便民服務所受理訴求突破千件"
    assert "文章" in {p.text for p in found.set_aside if p.reason == "chrome"}


# --- 9. a page's links and notices above the headline (a fresh sample) ----------------------

LINKED_PAGE = """跳转到路径导航栏
跳转到正文内容

青柳镇便民服务站实现村村全覆盖

http://news.zhixi.cn  2024年03月06日09:15  溪网

  溪网消息(记者王小明)青柳镇今年在全镇18个村新建便民服务站18个,实现村村全覆盖。全年共代办各类事项4200余件。
"""


def test_skip_links_are_chrome_and_a_url_date_site_line_gives_date_and_site():
    # An accessible portal's skip links (跳转到正文内容) stand above the headline; the line
    # under it holds the page's address, the time and the site's name.
    found = convert(LINKED_PAGE.encode(), Path("linked.txt"))[0]
    assert found.meta.title == "青柳镇便民服务站实现村村全覆盖"
    assert (found.meta.date, found.meta.publication) == ("2024-03-06", "溪网")
    assert not any(block.kind == "heading" for block in found.blocks)
    chrome = {p.text for p in found.set_aside if p.reason == "chrome"}
    assert {"跳转到路径导航栏", "跳转到正文内容"} <= chrome


@pytest.mark.parametrize(
    "above",
    [
        "返回区政府首页",  # a link back to the home page of the site's owner
        "导航菜单",  # a collapsed menu's label
        "政务公开",  # the portal's column, alone above the headline
        "请更新您的浏览器\n您使用的浏览器版本较旧,已不再受支持。建议您更新浏览器版本,以获得最佳体验。",
    ],
)
def test_a_portal_link_menu_column_or_browser_notice_above_the_headline_is_chrome(above):
    page = (
        f"{above}\n\n青柳镇便民服务站实现村村全覆盖\n\n发布时间:2024-03-06\n\n"
        "  青柳镇今年在全镇18个村新建便民服务站18个,实现村村全覆盖。全年共代办各类事项4200余件。\n"
    )
    found = convert(page.encode(), Path("above.txt"))[0]
    assert found.meta.title == "青柳镇便民服务站实现村村全覆盖"
    assert found.meta.date == "2024-03-06"
    assert [block.kind for block in found.blocks] == ["paragraph"]


@pytest.mark.parametrize(
    ("header", "edition", "date"),
    [
        ("第a02b版:东南亚 上一版\n下一篇", "第a02b版", None),  # a page label with its links
        # 版次 without 第, the paper's date in the next field
        ("版次:03 作者:2024年03月06日", "第03版", "2024-03-06"),
    ],
)
def test_an_epaper_page_label_is_chrome_that_gives_the_edition(header, edition, date):
    page = (
        f"{header}\n\n青柳:便民服务站村村全覆盖\n\n"
        "本报讯 (记者 王小明) 青柳镇今年在全镇18个村新建便民服务站18个,实现村村全覆盖。\n"
    )
    found = convert(page.encode(), Path("epaper.txt"))[0]
    assert found.meta.title == "青柳:便民服务站村村全覆盖"
    assert (found.meta.edition, found.meta.date) == (edition, date)
    assert not any(block.kind == "heading" for block in found.blocks)


def test_an_unknown_source_is_not_a_publication():
    page = (
        "青柳镇便民服务站实现村村全覆盖\n来源:未知来源 日期:2024-03-06 12:00\n\n"
        "青柳镇今年在全镇18个村新建便民服务站18个,实现村村全覆盖。全年共代办各类事项4200余件。\n"
    )
    found = convert(page.encode(), Path("unknown.txt"))[0]
    assert (found.meta.date, found.meta.publication) == ("2024-03-06", None)


TAIWAN_PORTAL_PAGE = """請更新您的瀏覽器

地方

青溪鄉公所獲評財政考核績優

芷溪日報

更新於 2023年05月02日18:10 • 發布於 2023年05月02日18:10

記者王小明/青溪報導

青溪鄉公所今年獲評縣府財政考核第一名,將獲獎勵金二百四十萬元,全鄉今年自有財源成長百分之十二。
"""


def test_a_portal_copy_of_a_taiwan_paper_gives_paper_date_and_byline():
    # The portal's section above the headline, the paper's name and 發布於 time under it, and
    # the 記者某某/某地報導 byline.
    found = convert(TAIWAN_PORTAL_PAGE.encode(), Path("tw_portal.txt"))[0]
    assert found.meta.title == "青溪鄉公所獲評財政考核績優"
    assert (found.meta.publication, found.meta.date) == ("芷溪日報", "2023-05-02")
    assert [(g.role, g.names) for g in found.meta.byline] == [("记者", ["王小明"])]
    assert [block.kind for block in found.blocks] == ["paragraph"]


def test_a_photo_caption_with_its_credit_atop_and_a_bracketed_news_flash_are_not_title_heading():
    # A page that opens with a photo's caption (会场一角 王小明 摄) and a lede opened by the
    # site's bracketed flash (【芷溪网讯】): no title, no heading.
    page = (
        "会场一角 王小明 摄\n"
        "【芷溪网讯】3月2日,青溪区第三届人民代表大会第二次会议开幕,区长作政府工作报告。\n"
        "报告说,2023年全区地区生产总值达到120.5亿元、增长6.2%。\n"
    )
    found = convert(page.encode(), Path("flash.txt"))[0]
    assert found.meta.title == ""
    assert not any(block.kind == "heading" for block in found.blocks)
    assert found.blocks[0].kind == "caption"
    assert "【芷溪网讯】3月2日" in found.blocks[-2].text


def test_a_sites_news_opening_with_its_byline_in_brackets():
    text = "溪网消息(记者王小明 通讯员李芳)青柳镇今年新建便民服务站18个,实现村村全覆盖。"
    found = convert(text.encode(), Path("msg.txt"))[0]
    assert [(g.role, g.names) for g in found.meta.byline] == [
        ("记者", ["王小明"]),
        ("通讯员", ["李芳"]),
    ]


WATERMARKED = """青溪镇2023年政府工作报告xQ7溪谷百科--乡村资讯

  各位代表:xQ7溪谷百科--乡村资讯

  现在,我代表镇人民政府向大会报告工作,请予审议。xQ7溪谷百科--乡村资讯

  一、2023年工作回顾xQ7溪谷百科--乡村资讯

  全年完成财政收入860万元,同比增长6.2%,新增规上企业5家。xQ7溪谷百科--乡村资讯
"""


def test_a_copy_sites_watermark_at_the_end_of_every_line_is_taken_out():
    # A content farm's tag (letters and its name) glued to the end of every line: left in, it
    # spoils the title and the headings and cuts every paragraph.
    found = convert(WATERMARKED.encode(), Path("watermarked.txt"))[0]
    assert found.meta.title == "青溪镇2023年政府工作报告"
    assert [b.text for b in found.blocks if b.kind == "heading"] == ["一、2023年工作回顾"]
    assert not any("xQ7" in block.text for block in found.blocks)
    assert any("xQ7溪谷百科" in p.text for p in found.set_aside if p.reason == "chrome")
    assert any("watermark" in note for note in found.layout_notes)


def test_a_credit_repeated_after_captions_is_no_watermark():
    text = (
        "青溪镇新建便民服务站。新华网 王小明 摄\n\n村民在服务站办事。新华网 王小明 摄\n\n"
        "服务站内景。新华网 王小明 摄\n\n青溪镇今年新建便民服务站18个,实现村村全覆盖。\n"
    )
    found = convert(text.encode(), Path("credits.txt"))[0]
    assert not any("watermark" in note for note in found.layout_notes)


CUT_OFF_COPY = """青柳镇便民服务站实现村村全覆盖

青柳镇今年在全镇18个村新建便民服务站18个,实现村村全覆盖。

{middle}

目前,青柳镇正在完善服务站功能,让群众办事
"""


@pytest.mark.parametrize(
    "middle",
    [
        "据了解,服务站全年共代办各类事项4200余件,群众满意率达98%。",  # an opener, no fragment
        "下面,记者走访了其中三个服务站。",
        "而在青溪村,服务站还开设了代购代销窗口,方便老人办事。",  # a fragment, but above the cut
    ],
)
def test_a_copy_cut_off_at_its_end_is_not_rejoined_with_a_paragraph_before_it(middle):
    # The copy stops mid-sentence: what follows the cut is missing, not displaced upwards.
    found = convert(CUT_OFF_COPY.format(middle=middle).encode(), Path("cut_off.txt"))[0]
    assert not any("rejoined" in note for note in found.layout_notes)
    assert found.blocks[-1].text == "目前,青柳镇正在完善服务站功能,让群众办事"


def test_a_writers_office_and_name_under_the_title_is_no_heading():
    page = (
        "东部山区的“三色”小镇\n\n芷溪省青柳县白石镇政府 王小明\n\n"
        "白石镇坐落于青柳县最北端,近年来共入驻千万元以上项目21个,签约亿元以上企业5家。\n"
    )
    found = convert(page.encode(), Path("office_writer.txt"))[0]
    assert found.meta.title == "东部山区的“三色”小镇"
    assert not any(block.kind == "heading" for block in found.blocks)


# --- a report's title run into its text (one-line and PDF copies) --------------------------

_ONE_LINE_REPORT = (
    "青柳镇2023年上半年工作总结2023年上半年,青柳镇紧紧围绕年初确定的目标任务,"
    "全力推进项目建设和民生改善。上半年全镇完成财政收入1280万元,同比增长6.5%。"
    "一、项目建设提速 全镇新开工项目8个,完成投资2.1亿元。"
)
_PDF_REPORT = (
    "第1页共8页青柳镇柳岸村结对帮扶工作自评报告柳岸村驻村工作组根据县委部署,"
    "全年投入帮扶资金126万元,帮助42户贫困户增收。\n"
    "村集体经济收入达到18万元,比上年增加5万元。\n"
)


@pytest.mark.parametrize(
    ("text", "title", "opening"),
    [
        (_ONE_LINE_REPORT, "青柳镇2023年上半年工作总结", "2023年上半年,青柳镇"),
        (_PDF_REPORT, "青柳镇柳岸村结对帮扶工作自评报告", "柳岸村驻村工作组"),
    ],
)
def test_a_report_title_run_into_its_text_is_split_off(text, title, opening):
    found = convert(text.encode(), Path("run_in_title.txt"))[0]
    assert found.meta.title == title
    assert found.blocks[0].text.startswith(opening)
    assert "第1页" not in " ".join(block.text for block in found.blocks)


@pytest.mark.parametrize(
    "line",
    [
        # a report's name inside a sentence, and one followed by more of the title
        "认真学习区委全会工作报告精神,2023年青柳镇全力推进项目建设和民生改善,全镇完成投资2.1亿元。",
        "青柳镇2023年工作总结暨2024年工作计划2023年,青柳镇全力推进项目建设和民生改善工作。",
    ],
)
def test_a_report_word_inside_a_sentence_or_title_is_not_split(line):
    found = convert(line.encode(), Path("no_split.txt"))[0]
    assert not found.meta.title.endswith(("工作报告", "工作总结"))


def test_a_sites_news_opening_with_two_roles_run_together():
    text = "溪网消息(记者王小明通讯员李芳)青柳镇今年新建便民服务站18个,实现村村全覆盖。"
    found = convert(text.encode(), Path("msg.txt"))[0]
    assert [(g.role, g.names) for g in found.meta.byline] == [
        ("记者", ["王小明"]),
        ("通讯员", ["李芳"]),
    ]


def test_a_byline_under_the_photo_captions_atop_is_no_heading():
    # the portal copy with the photo's caption printed twice between the date and the byline
    caption = "縣長頒獎表揚財政考核績優鄉公所,青溪鄉獲第一名。(青溪縣府提供)\n"
    page = TAIWAN_PORTAL_PAGE.replace("\n記者王小明", "\n" + caption + caption + "\n記者王小明")
    found = convert(page.encode(), Path("tw_portal_captions.txt"))[0]
    assert [(g.role, g.names) for g in found.meta.byline] == [("记者", ["王小明"])]
    assert not any(block.kind == "heading" for block in found.blocks)


_SPEECH_ON_A_DOC_SITE = """青柳镇上半年政府工作报告
VIP专享
2025-03-02
12 页
海报
上半年政府工作报告
——2024 年7月26 日在青柳镇第十八届人民代表大会第三次会议上
各位代表:
现在,我代表镇人民政府向大会报告今年以来的工作,请予
审议,并请各位列席人员提出意见。上半年,全镇完成地区生
产总值18.6亿元,增长6.3%,完成全年目标任务的52%,各
项工作稳步推进,全镇经济社会发展取得了新的成效,为完成
全年目标打下了坚实基础。
"""


def test_a_speechs_own_date_wins_over_the_doc_sites_upload_date():
    found = convert(_SPEECH_ON_A_DOC_SITE.encode(), Path("speech.txt"))[0]
    assert found.meta.subtitle == "2024 年7月26 日在青柳镇第十八届人民代表大会第三次会议上"
    assert found.meta.date == "2024-07-26"
    assert found.meta.period == "2024"
    assert not any(b.text.startswith("各位代表") for b in found.blocks if b.kind == "heading")


def test_a_figure_printed_with_thousands_commas_reads_back_from_the_front_matter():
    # 45,000元 in a one-line key-figure record: the comma must not end the flow mapping's value
    import yaml

    from site_builder.content.frontmatter import dump_front_matter

    row = {"text": "45,000元", "label": "城镇居民人均可支配收入", "value": 45000, "unit": "CNY"}
    dumped = dump_front_matter({"title": "青柳镇", "key_figures": [row]})
    assert yaml.safe_load(dumped.strip().strip("-"))["key_figures"] == [row]


def test_a_closing_byline_over_two_lines_with_the_writers_and_the_photographer():
    text = (
        "青柳街道财政收入突破3亿元\n\n本报讯 2023年,青柳街道财政收入突破3亿元,增长15%。"
        "街道全年新引进企业42家,新增就业岗位1200个。\n"
        "文/记者 王小明 实习生 李芳\n通讯员 赵强 图/陈立新\n"
    )
    found = convert(text.encode(), Path("closing.txt"))[0]
    assert [(g.role, g.names) for g in found.meta.byline] == [
        ("记者", ["王小明"]),
        ("实习生", ["李芳"]),
        ("通讯员", ["赵强"]),
    ]
    assert [b.kind for b in found.blocks] == ["paragraph", "credit", "credit"]


def test_a_writers_name_alone_under_the_title_is_the_byline_not_a_subtitle():
    text = (
        "青柳镇上半年工作汇报\n\n王小明\n\n青柳镇上半年工作汇报\n\n"
        "上半年,青柳镇完成地区生产总值3.1亿元,同比增长17.8%;全社会固定资产投资完成5047万元。\n"
    )
    found = convert(text.encode(), Path("name_under_title.txt"))[0]
    assert found.meta.subtitle is None
    assert [(g.role, g.names) for g in found.meta.byline] == [(None, ["王小明"])]


def test_an_epaper_pages_previous_and_next_links_with_their_page_numbers_are_chrome():
    text = (
        "第A3版:青柳新闻 | 上一版3 4下一版 |\n\n"
        "□晚报记者 王小明 本报讯 昨日,青柳市统计局公布全市42个街道2023年发展情况的综合评价,"
        "全市街道20强随之揭晓。 据市统计局有关负责人介绍,此次共选择了地方财政收入、法人单位数等"
        "18个指标进行评价,青柳路街道、东湖街道位居一二名。\n"
        "3上一篇 下一篇4 |\n版权声明 @ 青柳网 网站版权所有 |\n"
    )
    found = convert(text.encode(), Path("epaper_links.txt"))[0]
    assert not any(block.kind == "heading" for block in found.blocks)
    assert not any("上一篇" in block.text for block in found.blocks)


@pytest.mark.parametrize(
    "notice",
    [
        "作者原创,不允许二次传播,一经发现追责",
        "本文系原创,未经授权不得转载",
        "青柳网 版权所有",
        "转载请注明出处:青柳网",
        "本站文章严禁二次转载,违者必究",
    ],
)
def test_a_copyright_or_reposting_notice_is_chrome_and_gives_no_figure(notice):
    text = (
        "2022年上半年青柳镇工作报告\n各位代表:\n"
        "上半年,青柳镇完成地区生产总值3.1亿元,同比增长17.8%;全社会固定资产投资完成5047万元。\n"
        f"微信扫一扫在手机阅读\n{notice}\n"
    )
    found = convert(text.encode(), Path("notice.txt"))[0]
    assert not any(notice in block.text for block in found.blocks)
    assert {f.text for f in found.key_figures} == {"3.1亿元", "17.8%", "5047万元"}


@pytest.mark.parametrize(
    "credit", ["(王小明 李芳 摄)", "（王小明 李芳 赵强 摄）", "(王小明、李芳/摄)"]
)
def test_a_photo_credit_in_brackets_with_several_names_is_one_credit(credit):
    text = (
        "青柳镇春季植树造林,累计投入资金146万元,新栽植树木10.35万棵,完成补植任务1720亩。"
        "图为镇干部在检查验收各村绿化任务完成情况。\n"
        f"{credit}\n"
    )
    found = convert(text.encode(), Path("bracket_credit.txt"))[0]
    assert [(b.kind, b.text) for b in found.blocks if b.kind != "paragraph"] == [("credit", credit)]


@pytest.mark.parametrize(
    "name", ["考察报告", "调研报告", "述职报告", "工作要点", "工作计划", "情况汇报", "情况报告"]
)
def test_the_common_report_kinds_end_a_run_in_title(name):
    text = (
        f"第1页共6页青柳镇乡村旅游{name}2023年,青柳镇紧紧围绕年初确定的目标任务,"
        "全力推进乡村旅游。全年接待游客42万人次,实现旅游收入1.2亿元。\n"
        "全镇新开工项目8个,完成投资2.1亿元。\n"
    )
    found = convert(text.encode(), Path("run_in_kind.txt"))[0]
    assert found.meta.title == f"青柳镇乡村旅游{name}"
    assert found.blocks[0].text.startswith("2023年,青柳镇")


@pytest.mark.parametrize("name", ["情况汇报", "工作汇报", "考察报告"])
def test_a_one_line_text_opening_with_a_briefing_title_has_it_split_off(name):
    text = (
        f"青柳镇上半年{name}一、主要指标 上半年,青柳镇完成地区生产总值3.1亿元,同比增长17.8%;"
        "全社会固定资产投资完成5047万元。二、下步打算 全力推进项目建设,确保全年任务完成。"
    )
    found = convert(text.encode(), Path("briefing.txt"))[0]
    assert found.meta.title == f"青柳镇上半年{name}"


@pytest.mark.parametrize(
    "line", ["本站小编 青柳网/2019-03-08", "小编 青柳文库 2019-03-08", "网站编辑:青柳网 2019-03-08"]
)
def test_a_sites_editor_and_date_line_is_chrome_and_gives_the_date_only_when_alone(line):
    body = (
        "青柳镇上半年工作总结\n\n"
        "上半年,青柳镇完成地区生产总值3.1亿元,同比增长17.8%;全社会固定资产投资完成5047万元。\n"
    )
    text = f"青柳镇上半年工作总结\n\n{line}\n\n{body}"
    found = convert(text.encode(), Path("editor_line.txt"))[0]
    assert found.meta.subtitle is None
    assert found.meta.title == "青柳镇上半年工作总结"
    assert not any(line in block.text for block in found.blocks)
    assert found.meta.date == "2019-03-08"
    dated = convert(
        f"青柳镇上半年工作总结\n发布时间:2019-07-15\n{line}\n\n{body}".encode(), Path("d.txt")
    )
    assert dated[0].meta.date == "2019-07-15"


def test_a_doc_sites_tag_lines_naming_only_a_generic_report_kind_are_chrome():
    text = (
        "青柳镇上半年工作情况总结及下半年工作打算\n\n时间:2022-05-16 03:57:00\n\n"
        "青柳镇上半年工作情况总结及下半年工作打算\n\n乡镇半年工作总结\n\n个人年终总结\n\n"
        "乡镇半年工作总结\n\n"
        "上半年,青柳镇完成地区生产总值3.1亿元,同比增长17.8%;全社会固定资产投资完成5047万元。\n"
    )
    found = convert(text.encode(), Path("tags.txt"))[0]
    assert found.meta.title == "青柳镇上半年工作情况总结及下半年工作打算"
    assert [block.kind for block in found.blocks] == ["paragraph"]


def test_a_generic_report_kind_that_is_the_title_stays_the_title():
    text = (
        "镇政府上半年工作总结\n\n本站小编 青柳网/2019-03-08\n\n镇政府上半年工作总结\n\n"
        "上半年,青柳镇完成地区生产总值3.1亿元,同比增长17.8%;全社会固定资产投资完成5047万元。\n"
    )
    found = convert(text.encode(), Path("generic_title.txt"))[0]
    assert found.meta.title == "镇政府上半年工作总结"
