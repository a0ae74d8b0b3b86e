"""Converter tests on the two seed reports: metadata, structure, figures, layout notes."""

from __future__ import annotations

import pytest

from site_builder.content.model import Article, Byline
from site_builder.convert.pipeline import convert
from tests.golden import GOLDEN, SEEDS, golden_paths, render_seed

GANGSHAN = SEEDS / "000_faf2fa279c11dbf0.txt"
SHUANGSHAN = SEEDS / "001_587de49f1056ab04.txt"


@pytest.fixture(scope="module")
def gangshan() -> Article:
    return convert(GANGSHAN.read_bytes(), GANGSHAN)[0]


@pytest.fixture(scope="module")
def shuangshan() -> Article:
    return convert(SHUANGSHAN.read_bytes(), SHUANGSHAN)[0]


@pytest.mark.parametrize("path", golden_paths(), ids=lambda p: p.stem)
def test_golden_page(path):
    expected = (GOLDEN / f"{path.stem}.zh.md").read_text(encoding="utf-8")
    assert render_seed(path) == expected, "converter output changed: run `make golden` and review"


def test_gangshan_metadata(gangshan):
    meta = gangshan.meta
    assert meta.title == "敢立潮头逐浪高 奋楫扬帆谱新篇"
    assert meta.subtitle == "邹城市钢山街道2021年高质量发展纪实"
    assert meta.date == "2021-12-31"
    assert meta.period == "2021"
    assert meta.publication == "济宁日报"
    assert meta.edition == "第04版"
    assert meta.byline == [Byline("本报通讯员", ["王茂征", "孙士勇", "邱贻坤", "魏鹏", "于笑珑"])]
    assert meta.region == "邹城市钢山街道"
    assert meta.source_page == "content_89057.html"


def test_enp_remains_are_metadata_not_body(gangshan):
    assert not any("enpproperty" in b.text or "content_89057" in b.text for b in gangshan.blocks)


def test_gangshan_headings_are_two_line_units(gangshan):
    headings = [(b.text, b.sub) for b in gangshan.blocks if b.kind == "heading"]
    assert headings == [
        ("聚焦项目建设", "激发高质量发展新动能"),
        ("聚焦党建引领", "提升基层党组织凝聚力"),
        ("聚焦民生改善", "提升群众幸福感满意度"),
        ("聚焦源头治理", "提升社会治理精细化水平"),
    ]


def test_gangshan_captions_and_leads(gangshan):
    captions = [b.text for b in gangshan.blocks if b.kind == "caption"]
    assert captions == [
        "开拓奋进的新一届领导班子",
        "北关社区幸福食堂",
        "文化惠民演出",
        "社区铺设柏油路",
        "宜居宜业新农村",
        "北大新世纪学校项目",
        "朱雀山公园俯瞰发展建设中的东城区",
    ]
    leads = [b.text[: b.lead] for b in gangshan.blocks if b.lead]
    assert "聚力重点项目建设,筑牢高质量发展根基。" in leads
    assert "高质高效完成村(社区)“两委”换届。" in leads
    lede = gangshan.blocks[0]
    assert lede.kind == "paragraph" and lede.lead == 0 and lede.text.startswith("2021年,邹城市")
    assert any("grouped after the text" in note for note in gangshan.layout_notes)


def _figure(article: Article, text: str):
    return next(f for f in article.key_figures if f.text == text)


@pytest.mark.parametrize(
    ("text", "label", "value", "unit", "qualifier", "yoy"),
    [
        ("4.7亿元", "财政收入", 470000000, "CNY", None, False),
        ("70.92亿元", "固定资产投资", 7092000000, "CNY", None, False),
        ("50.7%", "固定资产投资同比增长", 50.7, "percent", None, True),
        ("27家", "新增四上企业数", 27, "enterprise", None, False),
        ("近3000亩", "总占地", 3000, "mu", "nearly", False),
        ("330万平方米", "总建筑面积", 3300000, "m2", None, False),
        ("8384万元", "技术合同登记额", 83840000, "CNY", None, False),
        ("2000余万元", "软件和信息服务业产值", 20000000, "CNY", "more_than", False),
        ("1.1万余人次", "老年人免费健康查体人次", 11000, "person_time", "more_than", False),
        ("55184人", "城乡居民医疗保险参保人数", 55184, "person", None, False),
        ("5.7万平方米", "柏油路铺设面积", 57000, "m2", None, False),
        ("10.2公里", "岗山铺、苏庄村全长", 10.2, "km", None, False),
        ("32万余剂次", "接种新冠疫苗剂次", 320000, "dose", "more_than", False),
        ("12%", "违法犯罪率同比下降", -12, "percent", None, True),
        ("96%以上", "学前教育三年毛入园率", 96, "percent", "more_than", False),
    ],
)
def test_gangshan_figures(gangshan, text, label, value, unit, qualifier, yoy):
    figure = _figure(gangshan, text)
    assert (figure.label, figure.value, figure.unit, figure.qualifier, figure.yoy) == (
        label,
        value,
        unit,
        qualifier,
        yoy,
    )


def test_dates_ordinals_and_slogans_are_not_figures(gangshan, shuangshan):
    texts = {f.text for f in gangshan.key_figures + shuangshan.key_figures}
    for not_figure in ("2021年", "1至11月", "11月", "第五届", "500强", "5G", "1234", "十四五"):
        assert not any(not_figure in t for t in texts), not_figure
    assert "12345" not in "".join(texts)


def test_headline_figures(gangshan, shuangshan):
    for article in (gangshan, shuangshan):
        headlines = [f for f in article.key_figures if f.headline]
        assert 5 <= len(headlines) <= 8
    assert [f.text for f in gangshan.key_figures if f.headline][:4] == [
        "4.7亿元",
        "104.4%",
        "70.92亿元",
        "50.7%",
    ]
    assert "19.77亿元" in [f.text for f in shuangshan.key_figures if f.headline]


def test_figure_text_is_exact_substring_of_its_block(gangshan, shuangshan):
    for article in (gangshan, shuangshan):
        for figure in article.key_figures:
            assert figure.text in article.blocks[figure.block].text


def test_shuangshan_metadata(shuangshan):
    meta = shuangshan.meta
    assert (meta.title, meta.subtitle) == ("创新实干 勇创一流", "努力打造近悦远来的活力双山")
    assert meta.date is None and meta.publication is None
    assert meta.period == "2022"
    assert meta.byline == [Byline("通讯员", ["张田田"])]
    assert meta.region == "双山街道"


def test_shuangshan_structure(shuangshan):
    headings = [b.text for b in shuangshan.blocks if b.kind == "heading"]
    assert headings == [
        "强党建促提升 奋力打造活力双山",
        "抓项目提质效 奋力打造富裕双山",
        "优环境保生态 奋力打造美丽双山",
        "守底线保稳定 奋力打造平安双山",
        "精治理求突破 奋力打造文明双山",
    ]
    captions = [b.text for b in shuangshan.blocks if b.kind == "caption"]
    assert captions == [
        "区委书记马志勇到双山街道调研项目建设情况。",
        "区委副书记、区长边祥为到双山街道督导经济运行服务工作。",
        "招商引资项目集中签约仪式",
        "三涧溪村安置房",
        "村内人居环境",
    ]
    # The displaced lede is moved to the top.
    assert shuangshan.blocks[0].text.startswith("2022年以来,在区委、区政府坚强领导下")


def test_shuangshan_layout_notes(shuangshan):
    notes = shuangshan.layout_notes
    assert any("line 23" in n and "实现纳税" in n and "cut mid-sentence" in n for n in notes)
    assert any("line 70" in n and "领导干部轮流" in n and "cut mid-sentence" in n for n in notes)
    assert any("line 48" in n and "带班" in n and "begins mid-sentence" in n for n in notes)
    assert any("line 29" in n and "lede" in n and "moved to the top" in n for n in notes)
    # Two cuts and one continuation: ambiguous, so nothing is joined.
    assert any(b.text.endswith("实现纳税") for b in shuangshan.blocks)
    assert any(b.text.startswith("带班,") and b.lead == 0 for b in shuangshan.blocks)


def test_founder_metadata_fields_are_read_as_html_text() -> None:
    """The enpproperty comment's fields are HTML source: entities are characters."""
    page = (
        "<html><body><founder-content><p>　　全镇完成财政收入1.2亿元，同比增长5%。</p>"
        "</founder-content><!--enpproperty <date>2023-01-05</date>"
        "<title>&ldquo;三个一&rdquo;助推 A&amp;B 产业园&nbsp;提速</title>"
        "<author>本报记者&nbsp;王五</author>/enpproperty--></body></html>"
    )
    article, _ = convert(page.encode("utf-8"), "page.html")
    assert article.meta.title == "“三个一”助推 A&B 产业园 提速"
    assert [group.names for group in article.meta.byline] == [["王五"]]
