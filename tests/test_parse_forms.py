"""The converter on the common forms of Chinese newspaper reports beyond the two seeds."""

from __future__ import annotations

from site_builder.convert.importer import convert

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
    assert (meta.byline.role, meta.byline.names) == ("记者 通讯员", ["李明", "王芳"])
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
