"""What labels end in: the word that names what a count or an area measures (走访居民户数,
违建拆除面积), the change and target words added to a measure (…同比增长, …完成全年任务比例), and
a figure's base measure without them, which other figures' labels and the vocabulary build on."""

from __future__ import annotations

import re

from site_builder.content.model import KeyFigure

TASK_RE = re.compile(r"(全年|年度|年)?(目标)?(任务|计划|目标)(数)?")  # 占年计划的53%
SHARE_RE = re.compile(r"占(?P<whole>[^占]{0,12}?)(?:的)?(?:比重|比例)?(?:为|达)?$")
AVERAGE_SUFFIXES = ("年均增长", "年均下降")  # over several years: no indicator's yearly change
CHANGE_SUFFIXES = (
    "同比增长",
    "同比下降",
    *AVERAGE_SUFFIXES,
    "增长",
    "下降",
    "同比增加",
    "同比减少",
)
TASK_SUFFIX = "完成全年任务比例"


def base_measure(label: str) -> str:
    """A label without the change or target words added to it: 固定资产投资同比增长 -> 固定资产投资."""
    for suffix in (TASK_SUFFIX, "完成任务比例", *CHANGE_SUFFIXES):
        if label.endswith(suffix):
            return label[: -len(suffix)]
    return label


def measure_of(figure: KeyFigure) -> str:
    """What a figure measures, without its change, target or measure words: the base another
    figure's label is built on (工商税收 of 工商税收同比增长, 签约项目 of 签约项目数)."""
    return base_measure(without_measure_word(figure.label, figure.unit))


# What a count or an area measures, named: 走访居民680家 -> 走访居民户数, 拆除违建4500平方米 ->
# 违建拆除面积. A label that already ends in a measure word keeps its words.
MEASURE_WORDS = {
    "person": "人数", "household": "户数", "person_time": "人次", "time": "次数",
    "m2": "面积", "mu": "面积", "km2": "面积", "ha": "面积", "km": "长度",
    "enterprise": "数", "project": "数", "item": "数", "case": "数", "institution": "数",
    "session": "场次", "site": "数", "facility": "数", "building": "数", "vehicle": "数",
    "team": "数", "unit": "数", "piece": "数", "copy": "数", "class": "数", "dose": "剂次",
}  # fmt: skip
_MEASURED_RE = re.compile(
    r"(?:数|量|额|率|面积|占地|用地|长度|全长|里程|人次|场次|规模|总量|总数|人口|产量|产值|金额|剂次)$"
)


def with_measure_word(label: str, unit: str) -> str:
    """The label with the word that says what is counted or measured (see MEASURE_WORDS)."""
    word = MEASURE_WORDS.get(unit)
    if not label or not word or _MEASURED_RE.search(label):
        return label
    if word == "人数" and label.endswith(("人员", "人", "员", "者", "干部", "党员")):
        word = "数"  # 管控人员数, not 管控人员人数
    elif word == "户数" and label.endswith("户"):
        word = "数"
    return label + word


# 第二产业增长18.2%达41亿元: an economic sector's amount and growth are of its value added
_SECTOR_RE = re.compile(r"^(第[一二三]产业|[一二三]产)(同比增长|同比下降|增长|下降)?$")


def with_sector_measure(label: str, unit: str) -> str:
    """第二产业 -> 第二产业增加值 for money and rates (a sector's measure is its value added)."""
    sector = _SECTOR_RE.match(label) if unit in ("CNY", "percent") else None
    return f"{sector.group(1)}增加值{sector.group(2) or ''}" if sector else label


# 农户, 商户, 贫困户 …: households named by their kind (增收农户数 is 增收农户 + 数).
HOUSEHOLD_KINDS = set("农商住用客散殖植困贫脱卡员主")


def without_measure_word(label: str, unit: str) -> str:
    """The label as the vocabulary and the reports name it: 新增四上企业数 -> 新增四上企业,
    增收农户数 -> 增收农户 (the inverse of ``with_measure_word``)."""
    word = MEASURE_WORDS.get(unit)
    if not word:
        return label
    # 增收农户数: 农户 + 数 before 农 + 户数; 居民人数: 居民 + 人数 before 居民人 + 数
    whole = unit == "household" and label[-3:-2] in HOUSEHOLD_KINDS
    endings = ("数", word) if whole else (word, "数")
    for ending in endings:
        base = label[: -len(ending)]
        if label.endswith(ending) and len(base) > 1 and with_measure_word(base, unit) == label:
            return base
    return label
