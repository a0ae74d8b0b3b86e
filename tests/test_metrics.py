"""The metric vocabulary (content/metrics.yml): its schema and problems as path:line, what
`site-builder check` says about it and about unknown ids, and metrics and periods given by
`site-builder import`."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from site_builder.cli import main
from site_builder.content.frontmatter import read_page
from site_builder.content.metrics import Metric, metric_problems, read_metrics
from site_builder.convert.figures.metrics import narrowed_period

ROOT = Path(__file__).resolve().parents[1]
METRICS = ROOT / "content" / "metrics.yml"

GOOD = """\
- id: fixed_asset_investment
  zh: 固定资产投资
  synonyms: [全社会固定资产投资]
  en: fixed-asset investment
  unit: CNY
  kind: amount
  definition: Spending on fixed assets.
"""


def test_the_shipped_vocabulary_is_valid_and_covers_the_common_indicators() -> None:
    vocabulary, problems = read_metrics(METRICS)
    assert problems == []
    names = {name for metric in vocabulary for name in metric.names}
    for indicator in (
        "地区生产总值", "一般公共预算收入", "财政收入", "税收收入", "工商税收", "固定资产投资",
        "规上工业总产值", "规上工业增加值", "社会消费品零售总额", "招商引资到位资金", "签约额",
        "进出口总额", "城镇居民人均可支配收入", "农村居民人均可支配收入", "城镇登记失业率",
        "新增市场主体", "旅游综合收入", "接待游客", "粮食播种面积", "高标准农田", "森林覆盖率",
        "电信网络诈骗案件发案数",
    ):  # fmt: skip
        assert indicator in names, indicator
    # 财政收入 and 一般公共预算收入 are different indicators
    assert vocabulary.by_name["财政收入"] is not vocabulary.by_name["一般公共预算收入"]
    assert all(isinstance(m, Metric) and m.definition and m.en for m in vocabulary)


@pytest.mark.parametrize(
    ("text", "line", "message"),
    [
        (GOOD + "- id: Fixed Asset\n  zh: 固投\n  en: x\n  unit: CNY\n  kind: amount\n  definition: x\n", 8, "lower-case words"),
        (GOOD + "- id: gdp\n  zh: 地区生产总值\n  en: GDP\n  unit: yuan\n  kind: amount\n  definition: x\n", 8, "unknown unit 'yuan'"),
        (GOOD + "- id: gdp\n  zh: 地区生产总值\n  en: GDP\n  unit: CNY\n  kind: level\n  definition: x\n", 8, "unknown kind 'level'"),
        (GOOD + "- id: gdp\n  zh: 地区生产总值\n  unit: CNY\n  kind: amount\n  definition: x\n", 8, "entry lacks en"),
        (GOOD + GOOD, 8, "duplicate id 'fixed_asset_investment' (first at line 1)"),
        (GOOD + "- id: fai2\n  zh: 全社会固定资产投资\n  en: x\n  unit: CNY\n  kind: amount\n  definition: x\n", 8, "already names 'fixed_asset_investment'"),
        (GOOD + "  colour: red\n", 8, "unknown key 'colour'"),
        (GOOD + "  unit: percent\n", 8, "duplicate key 'unit' (YAML would keep only the last)"),
        (GOOD + "- id: x\n  zh: [a, b]\n", 9, "'zh' must be text"),
        ("- id: x\n  zh: 'unclosed\n", 3, "broken YAML"),
    ],
)  # fmt: skip
def test_problems_name_the_line(tmp_path: Path, text: str, line: int, message: str) -> None:
    path = tmp_path / "metrics.yml"
    path.write_text(text, encoding="utf-8")
    _, problems = read_metrics(path)
    assert any(p.line == line and message in p.message for p in problems), problems


def _content(tmp_path: Path, metrics: str) -> Path:
    content = tmp_path / "content"
    shutil.copytree(ROOT / "content", content)
    (content / "metrics.yml").write_text(metrics, encoding="utf-8")
    return content


def test_check_reports_vocabulary_problems_and_unknown_ids(tmp_path: Path, capsys) -> None:
    content = _content(tmp_path, GOOD + "- id: gdp\n  zh: 地区生产总值\n  en: GDP\n  unit: yuan\n")
    page = content / "reports/2021-12-31-zoucheng-gangshan/index.zh.md"
    text = page.read_text(encoding="utf-8")
    page.write_text(text.replace("metric: fiscal_revenue,", "metric: fiscal_revenu,", 1))
    assert main(["check", "--content", str(content)]) == 1
    out = capsys.readouterr().out
    assert f"{content / 'metrics.yml'}:8: E071 entry lacks kind, definition" in out
    line = next(
        i for i, row in enumerate(page.read_text().splitlines(), 1) if "fiscal_revenu" in row
    )
    assert f"{page}:{line}: E072 key_figures[0].metric 'fiscal_revenu' is not a metric" in out


def test_check_accepts_known_ids(tmp_path: Path) -> None:
    content = _content(tmp_path, METRICS.read_text(encoding="utf-8"))
    page = content / "reports/2021-12-31-zoucheng-gangshan/index.zh.md"
    text = page.read_text(encoding="utf-8")
    page.write_text(text.replace("label: 财政收入,", "label: 财政收入, metric: fiscal_revenue,", 1))
    assert metric_problems(content) == []


def test_import_gives_metric_ids_and_periods(tmp_path: Path, capsys) -> None:
    content = tmp_path / "content"
    content.mkdir()
    shutil.copy(METRICS, content / "metrics.yml")
    source = ROOT / "tests/data/reports/quhe_town_2022.txt"
    assert main(["import", str(source), "--content", str(content)]) == 0
    slug = capsys.readouterr().out.split()[0]
    front, _, _ = read_page(content / "reports" / slug / "index.zh.md")
    figures = {f["text"]: f for f in front["key_figures"]}
    assert figures["86.3亿元"]["metric"] == "gdp" and "period" not in figures["86.3亿元"]
    assert (figures["5.2%"]["metric"], figures["5.2%"]["yoy"]) == ("gdp", True)
    assert figures["9.3%"]["period"] == "2022-01/11"
    assert figures["68万人次"]["period"] == "2022-01/06"
    assert figures["1862户"]["metric"] == "new_market_entities"  # counted in 户 too
    assert figures["417家"]["metric"] is None
    # The page passes check's schema (metric and period are known keys)
    assert main(["check", "--content", str(content)]) == 1  # no English page yet: E001 only
    out = capsys.readouterr().out
    assert "E005" not in out and "W005" not in out and "E072" not in out


def test_import_without_a_vocabulary_gives_no_metric(tmp_path: Path, capsys) -> None:
    content = tmp_path / "content"
    source = ROOT / "tests/data/reports/quhe_town_2022.txt"
    assert main(["import", str(source), "--content", str(content)]) == 0
    slug = capsys.readouterr().out.split()[0]
    front, _, _ = read_page(content / "reports" / slug / "index.zh.md")
    assert all(f["metric"] is None for f in front["key_figures"])


@pytest.mark.parametrize(
    ("sentence", "period"),
    [
        ("2021年1至11月份,全街道完成财政收入", "2021-01/11"),
        ("1-11月,完成规上工业增加值", "2022-01/11"),
        ("1—6月实现", "2022-01/06"),
        ("一至十月,完成", "2022-01/10"),
        ("元至7月,该县财政总收入突破", "2022-01/07"),
        ("上半年接待游客", "2022-01/06"),
        ("前三季度,全县实现地区生产总值", "2022-01/09"),
        ("其中9月份挖掘山东慧付平台项目,通过合并报表新增服务业收入", "2022-09"),
        ("上半年接待游客68万人次,全年接待游客突破", None),
        ("9月份开工;山东玻科孵化器新增各类市场主体", None),
        ("全年完成一般公共预算收入", None),
        ("12月31日前完成", None),
    ],
)
def test_periods_the_text_narrows(sentence: str, period: str | None) -> None:
    assert narrowed_period(sentence, "2022") == period


def test_a_traditional_text_gives_its_figures_metrics_and_periods(tmp_path: Path, capsys) -> None:
    """A Traditional mirror's 實現財政收入 names 财政收入 as much as the Simplified text does."""
    content = tmp_path / "content"
    content.mkdir()
    shutil.copy(METRICS, content / "metrics.yml")
    source = tmp_path / "mirror.txt"
    source.write_text(
        "青柳鎮2019年工作總結\n\n1至10月份,實現財政收入2.15億元,同比增長5.2%。"
        "預計全年社會消費品零售總額為8.6億元。\n",
        encoding="utf-8",
    )
    assert main(["import", str(source), "--content", str(content)]) == 0
    slug = capsys.readouterr().out.split()[0]
    front, _, _ = read_page(content / "reports" / slug / "index.zh.md")
    figures = {f["text"]: f for f in front["key_figures"]}
    assert figures["2.15億元"]["metric"] == "fiscal_revenue"
    assert figures["2.15億元"]["period"] == "2019-01/10"
    assert (figures["8.6億元"]["metric"], figures["8.6億元"]["estimate"]) == ("retail_sales", True)
