"""Key-figure labels against hand labels (tests/data/labels_expected.yml): the two seeds and
three reports of other layouts. Also what is not a figure, and jieba's dictionary left alone.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import jieba
import pytest
import yaml

from site_builder.content.metrics import load_metrics
from site_builder.content.model import KeyFigure
from site_builder.convert.figures.finder import figures_in_text
from site_builder.convert.figures.measures import without_measure_word
from site_builder.convert.figures.words import _tagger
from site_builder.convert.pipeline import convert

ROOT = Path(__file__).resolve().parents[1]
EXPECTED = yaml.safe_load((ROOT / "tests/data/labels_expected.yml").read_text(encoding="utf-8"))
VOCABULARY = load_metrics(ROOT / "content/metrics.yml")
GOAL = 0.90


def _found(source: str) -> list[KeyFigure]:
    path = ROOT / source
    return convert(path.read_bytes(), path, VOCABULARY)[0].key_figures


def _pairs(entry: dict) -> list[tuple[dict | None, KeyFigure | None]]:
    """Expected and found figures matched by printed text, in text order (the n-th 24个 with
    the n-th 24个); a figure on one side only is paired with None."""
    found = _found(entry["source"])
    pool: dict[str, list[KeyFigure]] = {}
    for figure in found:
        pool.setdefault(figure.text, []).append(figure)
    pairs: list[tuple[dict | None, KeyFigure | None]] = []
    for expected in entry["figures"]:
        candidates = pool.get(expected["text"]) or []
        pairs.append((expected, candidates.pop(0) if candidates else None))
    pairs += [(None, figure) for rest in pool.values() for figure in rest]
    return pairs


@pytest.fixture(scope="module")
def pairs() -> dict[str, list[tuple[dict | None, KeyFigure | None]]]:
    return {entry["source"]: _pairs(entry) for entry in EXPECTED}


def _accepted(figure: KeyFigure, labels: list[str]) -> bool:
    """A hand label, or a hand label with the word that says what a count or an area measures
    (新增四上企业数 for 新增四上企业, 柏油路面铺设面积 for 柏油路面铺设)."""
    return figure.label in labels or without_measure_word(figure.label, figure.unit) in labels


def test_labels_name_what_is_measured(pairs, capsys) -> None:
    """At least 90% of the labels are acceptable; a figure missed or found in excess counts
    as a failure too."""
    total = Counter()
    failures = []
    for source, matched in pairs.items():
        for expected, figure in matched:
            total["all"] += 1
            if expected and figure and _accepted(figure, expected["labels"]):
                total["good"] += 1
                total[source] += 1
            else:
                failures.append((source, expected and expected["text"], figure and figure.label))
    ratio = total["good"] / total["all"]
    with capsys.disabled():
        print(f"\nlabels: {total['good']} of {total['all']} acceptable ({ratio:.2f})")
        for failure in failures:
            print("  not acceptable:", *failure)
    assert ratio >= GOAL, failures


def test_every_hand_labelled_figure_is_found(pairs) -> None:
    missing = [(s, e["text"]) for s, m in pairs.items() for e, f in m if e and f is None]
    extra = [(s, f.text, f.label) for s, m in pairs.items() for e, f in m if f and e is None]
    assert len(missing) + len(extra) <= 2, (missing, extra)


def test_standard_indicators_carry_their_metric(pairs) -> None:
    """No figure carries a wrong metric; at least 90% of the figures that measure an indicator
    of the vocabulary carry its id."""
    wrong, hit, wanted = [], 0, 0
    for source, matched in pairs.items():
        for expected, figure in matched:
            if expected is None or figure is None:
                continue
            if expected["metric"]:
                wanted += 1
                hit += figure.metric == expected["metric"]
            if figure.metric and figure.metric != expected["metric"]:
                wrong.append((source, figure.text, figure.metric, expected["metric"]))
    assert not wrong
    assert wanted >= 60 and hit / wanted >= 0.9, (hit, wanted)


def test_growth_figures_share_their_level_metric_with_yoy(pairs) -> None:
    growth = [
        f for m in pairs.values() for e, f in m if f and f.metric and f.unit == "percent" and f.yoy
    ]
    assert len(growth) >= 15
    for figure in growth:
        assert figure.label.endswith(("同比增长", "同比下降", "增长", "下降")), figure


def test_periods_narrowed_by_the_text(pairs) -> None:
    for source, matched in pairs.items():
        for expected, figure in matched:
            if expected and figure:
                assert figure.period == expected.get("period"), (source, figure.text)


def test_not_figures(pairs) -> None:
    for entry in EXPECTED:
        texts = [f.text for e, f in pairs[entry["source"]] if f]
        for wording in entry["not_figures"]:
            assert not any(wording in text for text in texts), (entry["source"], wording)


@pytest.mark.parametrize(
    ("text", "wanted"),
    [
        ("新增入库5000万元以上固定资产投资项目10个。", [("10个", "新增入库5000万元以上固定资产投资项目数")]),
        ("严格执行24小时值班和领导带班制度。", []),
        ("持续实施“警灯闪烁”工程,在辖区开展24小时不间断巡逻。", []),
        ("落实7×24小时值守。", []),
        ("以“活力、富裕”六个双山建设为主要抓手。", []),
        ("列出6个方面、24项突出问题。", [("24项", "突出问题数")]),
        ("志愿服务时长累计7823小时。", [("7823小时", "志愿服务时长")]),
        ("全年完成财政收入4.7亿元,完成全年任务数的104.4%。", [("4.7亿元", "财政收入"), ("104.4%", "财政收入完成全年任务比例")]),
        ("完成固定资产投资70.92亿元,同比增长50.7%。", [("70.92亿元", "固定资产投资"), ("50.7%", "固定资产投资同比增长")]),
        ("建成标准化分类投放点420个。", [("420个", "标准化分类投放点数")]),
        ("发挥好120余名城市社区专职网格员网格化管理作用。", [("120余名", "城市社区专职网格员数")]),
        ("累计走访居民680家,商户75家,收集问题建议165件,办结163件。", [("680家", "走访居民户数"), ("75家", "走访商户数"), ("165件", "收集问题建议数"), ("163件", "办结问题建议数")]),
        ("成功调解邻里纠纷3起、家庭矛盾2起。", [("3起", "调解邻里纠纷数"), ("2起", "调解家庭矛盾数")]),
        ("全年木材产量1868立方米,同比下降90.7%。", [("1868立方米", "木材产量"), ("90.7%", "木材产量同比下降")]),
        ("该区地区生产总值同比增长6.8%。", [("6.8%", "地区生产总值同比增长")]),
        ("实现地区生产总值(GDP)439.19亿元。", [("439.19亿元", "地区生产总值")]),
        ("完成财政总收入50.8亿元,其中一般预算收入18.8亿元,分别增长26.7%和18.9%。", [("50.8亿元", "财政总收入"), ("18.8亿元", "一般预算收入"), ("26.7%", "财政总收入增长"), ("18.9%", "一般预算收入增长")]),
        # ordinals, ranks, slogans and the report's own outline are not counts
        ("镇八届人大五次会议审议通过了政府工作报告。", []),
        ("全年召开3次会议。", [("3次", "会议次数")]),
        ("在全省百强镇榜单中位列第41位,较上年的58位前移了17位。", []),
        ("走访群众1200位。", [("1200位", "走访群众人数")]),
        ("坚持“三个聚焦、四个提升”的工作思路。", []),
        ("全镇经济高质量发展呈现四个特点。", []),
        # shares of the year's plan, shares with their subject, changes named 增幅 or with an adverb
        ("完成地区生产总值8.6亿元,占年计划的51.4%;完成外贸出口96万美元,完成年任务的64%。", [("8.6亿元", "地区生产总值"), ("51.4%", "地区生产总值完成全年任务比例"), ("96万美元", "外贸出口"), ("64%", "外贸出口完成全年任务比例")]),
        ("服务业占地区生产总值比重达到41%;工业投资占固定资产投资比重36.2%。", [("41%", "服务业占地区生产总值比重"), ("36.2%", "工业投资占固定资产投资比重")]),
        ("完成招商引资到位资金2.3亿元,逆势增长7%;规上工业产值4.1亿元,同比增幅12%。", [("2.3亿元", "招商引资到位资金"), ("7%", "招商引资到位资金增长"), ("4.1亿元", "规上工业产值"), ("12%", "规上工业产值同比增长")]),
        # a count's change against a named period is of the count before; what is new stays new
        ("全镇新登记市场主体1320户,比去年同期增加417户,其中新登记企业286户,同比增长153%。", [("1320户", "新登记市场主体户数"), ("417户", "新登记市场主体同比增加户数"), ("286户", "新登记企业户数"), ("153%", "新登记企业户数同比增长")]),
        ("新登记企业286户,比去年同期增加97户,同比增长51.3%。", [("286户", "新登记企业户数"), ("97户", "新登记企业同比增加户数"), ("51.3%", "新登记企业同比增长")]),
        ("年末户籍人口3.2万人,比上年减少410人。", [("3.2万人", "年末户籍人口"), ("410人", "年末户籍人口同比减少人数")]),
        ("招商引资到位资金3亿元,新增7家规上企业。", [("3亿元", "招商引资到位资金"), ("7家", "新增规上企业数")]),
        ("白沙工业园新入驻企业12家,完成标准厂房建设5万平方米。", [("12家", "白沙工业园新入驻企业数"), ("5万平方米", "白沙工业园标准厂房建设面积")]),
        # a numbered paragraph, an estimate, a size class, a kind of project, a project an amount is of
        ("1、投资80万元,修缮柳岸村文化礼堂。", [("80万元", "柳岸村文化礼堂投资")]),
        ("3、农业产业化投入1260万元,同比增长8%。", [("1260万元", "农业产业化投入"), ("8%", "农业产业化投入同比增长")]),
        ("城镇居民人均可支配收入预计5.2万元,增长6.5%。", [("5.2万元", "城镇居民人均可支配收入"), ("6.5%", "城镇居民人均可支配收入增长")]),
        ("新落地4个亿元以上项目,培育27家超千万企业。", [("4个", "新落地亿元以上项目数"), ("27家", "超千万企业数")]),
        ("青石湾等5个有机更新项目完成主体施工,累计在库项目29个。", [("5个", "有机更新项目数"), ("29个", "在库项目数")]),
        ("投资2.6亿元的柳岸新材料产业园项目已完成主体施工;投资9000万元的年产3万吨饲料加工项目已投产。", [("2.6亿元", "柳岸新材料产业园项目投资"), ("9000万元", "年产3万吨饲料加工项目投资"), ("3万吨", "饲料加工项目")]),
        # a count that refers back; what a work yields is that work's; 减税降费 is one thing
        ("主要从户籍人口比重、居民人均可支配收入、财政收入这三个指标进行综合比较。", []),
        ("建成高标准蔬菜大棚320亩,年产值2600万元,带动120户农户增收。", [("320亩", "高标准蔬菜大棚面积"), ("2600万元", "高标准蔬菜大棚年产值"), ("120户", "增收农户数")]),
        ("在新增减税降费6.5亿元的基础上,税收收入达52亿元。", [("6.5亿元", "新增减税降费"), ("52亿元", "税收收入")]),
        # a kind named by words of any tag up to its head noun; what a removal counts keeps the act
        ("出清14家省市县高耗低效印染企业。", [("14家", "出清省市县高耗低效印染企业数")]),
        ("关停12家小散乱污企业,培育6家企业。", [("12家", "关停小散乱污企业数"), ("6家", "企业数")]),
        ("上市蔬菜3200吨、家禽2.4万羽、上市水产品180吨。", [("3200吨", "上市蔬菜"), ("2.4万", "家禽"), ("180吨", "上市水产品")]),
        # after an object marker or "is one of a province's …", the thing counted comes after the number
        ("将12件民生实事全部办结。", [("12件", "民生实事数")]),
        ("柳岸镇是全省60个美丽集镇示范点,全镇工业总产值18亿元。", [("60个", "美丽集镇示范点数"), ("18亿元", "工业总产值")]),
        # 有 (there are) before what is counted is no part of it; 有效, 有机 … are words
        ("全镇共有企业101家,现有中学2所,有卫生院2所。", [("101家", "企业数"), ("2所", "中学数"), ("2所", "卫生院数")]),
        ("有效灌溉面积达1.2万亩,有机农业基地300亩。", [("1.2万亩", "有效灌溉面积"), ("300亩", "有机农业基地面积")]),
        # an average annual growth after an amount is that amount's, and not year on year
        ("青溪镇实现工业总产值85.6亿元,年均增长7.2%;财政收入3.1亿元,年均增长5.5%。", [("85.6亿元", "工业总产值"), ("7.2%", "工业总产值年均增长"), ("3.1亿元", "财政收入"), ("5.5%", "财政收入年均增长")]),
        # 分别 with the rates set apart by a comma; a lower-case (gdp) after the measure
        ("全镇地区生产总值(gdp)为9.8亿元,农业总产值实现3.6亿元,分别较上年增长8%,6%。", [("9.8亿元", "地区生产总值"), ("3.6亿元", "农业总产值"), ("8%", "地区生产总值同比增长"), ("6%", "农业总产值同比增长")]),
        # a size class's threshold (过/超过 … 的) is wording; the counts of each class are of the
        # thing counted before, their subject shared with the clause before; a placeholder is none
        ("全镇有规上企业48家,其中年纳税过100万元的6家,过30万元的9家。", [("48家", "规上企业数"), ("6家", "年纳税过100万元的规上企业数"), ("9家", "年纳税过30万元的规上企业数")]),
        ("全镇有规上企业48家,其中年纳税超过100万元的6家,超过30万元的9家。", [("48家", "规上企业数"), ("6家", "年纳税超过100万元的规上企业数"), ("9家", "年纳税超过30万元的规上企业数")]),
        ("免费为农户提供XX0元良种,建成基地300亩。", [("300亩", "基地面积")]),
    ],
)  # fmt: skip
def test_label_forms(text: str, wanted: list[tuple[str, str]]) -> None:
    found = [(f.text, f.label) for f in figures_in_text(text, region="邹城市双山街道")]
    assert found == wanted


def test_labels_are_whole_words(pairs) -> None:
    """No label starts or ends with a particle or punctuation (了幸福快车…), holds quotation marks;
    it fits in a callout."""
    for matched in pairs.values():
        for _, figure in matched:
            if figure is None:
                continue
            label = figure.label
            assert label and label[0] not in "了的和及等、与" and label[-1] not in "的和及与、", (
                label
            )
            assert not set(label) & set("“”‘’《》"), label
            assert len(label) <= 24, label


@pytest.mark.parametrize(
    "text",
    [
        "其中纳税过50万元的3家,过10万元的7家。",
        "新建改建农村公路36公里,其中12公里。",
    ],
)
def test_no_figure_has_an_empty_label(text: str) -> None:
    """A figure whose clause names no measure still gets one from its clause or the figure
    before."""
    assert all(f.label for f in figures_in_text(text, region="柳岸镇"))


def test_a_figure_with_nothing_to_borrow_is_kept_for_the_editor() -> None:
    """A quantity the text gives is never dropped (nothing is lost); with no label to borrow
    it keeps an empty one, which the review queue names (figure_no_label)."""
    found = [
        f.text for f in figures_in_text("落实资金;计320万元,200万元用于道路。", region="柳岸镇")
    ]
    assert "320万元" in found and "200万元" in found


def test_labels_leave_jiebas_shared_dictionary_alone() -> None:
    """Labels use a tokenizer of their own, made once: jieba's process-wide dictionary does
    not grow, and words added to it (as the search plugin does) do not change a label."""
    text = "全年完成财政收入4.7亿元,发挥好120余名城市社区专职网格员网格化管理作用。"
    before = [f.label for f in figures_in_text(text)]
    tagger = _tagger()
    size = len(tagger.tokenizer.FREQ)
    jieba.initialize()
    shared = len(jieba.dt.FREQ)
    for _ in range(3):
        figures_in_text(text)
    assert _tagger() is tagger and len(tagger.tokenizer.FREQ) == size
    assert len(jieba.dt.FREQ) == shared
    jieba.add_word("政收入4", freq=10**9)  # a word that would cut 财政收入 in the shared one
    try:
        assert [f.label for f in figures_in_text(text)] == before
    finally:
        jieba.del_word("政收入4")
