"""Labels of key figures: the noun phrase a figure quantifies.

The label names what is measured, in the report's words, never a verb or a cut word:
全年完成财政收入4.7亿元 -> 财政收入; 建成标准化分类投放点420个 -> 标准化分类投放点;
发挥好120余名城市社区专职网格员…作用 -> 城市社区专职网格员 (the noun after the number when
the words before are only a verb); 同比增长50.7% after 固定资产投资 -> 固定资产投资同比增长;
完成全年任务数的104.4% after 财政收入 -> 财政收入完成全年任务比例.

``label_of`` is the one entry point for a figure's label (lists.py then shares out the measures
of a 分别 list among its figures). The layers below it, each used only from above:
noun_phrases.py (the measure a clause names), measures.py (the measure, change and target
words a label ends in), clauses.py (the clause, phrase and sentence around a figure), words.py
(jieba's tagger on a tokenizer of our own). Labels that refer to another figure (a change, a
target, a share) are worked out here too.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from site_builder.content.model import KeyFigure
from site_builder.convert.figures.clauses import (
    DELIMS,
    SENTENCE_END,
    clause_before,
    phrase_after,
    sentence_before,
    strip_noise,
    strip_period,
    unquote,
)
from site_builder.convert.figures.measures import (
    SHARE_RE,
    TASK_RE,
    TASK_SUFFIX,
    base_measure,
    measure_of,
    with_measure_word,
    with_sector_measure,
    without_measure_word,
)
from site_builder.convert.figures.noun_phrases import (
    AREA_UNITS,
    COPULAS,
    COUNTED_BY_VERB,
    GENERIC_MONEY,
    GENERIC_TAILS,
    measure_before,
    noun_after,
    tidy_label,
)
from site_builder.convert.figures.projects import named_project
from site_builder.convert.figures.subjects import (
    MONEY_LIKE,
    body_of,
    for_addressee,
    per_unit,
)
from site_builder.convert.figures.words import (
    MODIFIER_VERBS,
    is_noun,
    is_verb,
    tokens,
)

# A measure word the finder does not know, left after the figure before and its 、
_STRAY_UNIT_RE = re.compile(r"^[羽株斤只棵尾匹箱袋盏枚根]、")
_NEXT_FIGURE_RE = re.compile(r"[0-9.]+[万亿]?[余多]?(?:人次|[\u4e00-\u9fff])")


def label_of(
    text: str,
    start: int,
    end: int,
    unit: str,
    earlier: Sequence[KeyFigure] = (),
    region: str = "",
    floor: int = 0,
    change: str | None = None,
) -> str:
    """The label of the figure at ``text[start:end]``.

    ``earlier`` are the figures before it in the same block (a growth rate measures the figure
    before it); ``floor`` is where the figure before it ends (a label never reaches back past
    it); ``change`` is the change word just before the number (同比增长, 下降), already part of
    the clause.
    """
    before = clause_before(text, start, floor)
    if floor and start - len(before) == floor:
        before = _STRAY_UNIT_RE.sub(
            "", before
        )  # 家禽3.1万羽、上市水产品220吨: 羽 is the item before's
    if change:
        before = before[: len(before) - len(change)] if before.endswith(change) else before
    if unit == "percent":
        clause_start = max(floor, *(text.rfind(m, floor, start) + 1 for m in ",，;；:："))
        previous = _previous_measure(text, clause_start, earlier, region)
        label = percent_label(before, change, earlier, region, previous)
        if label is not None:
            return tidy_label(with_sector_measure(label, unit))
    elif change:
        return tidy_label(with_measure_word(_count_change(before, change, earlier, region), unit))
    if before.endswith("、"):
        before = ""  # 列出6个方面、24项突出问题: the words before belong to another item
    after = phrase_after(text, end)
    if not after and text[end : end + 1] == "、":
        after = _after_next_figure(text, end + 1)  # 建立78876户、22.56万人的信息台账
    if floor and before and start - len(before) == floor and unit not in ("CNY", "percent"):
        if noun_after(after, unit):
            before = ""  # 下设10个工作组29个专班: 工作组 belongs to the figure before
    if unit in MONEY_LIKE and after.startswith("的"):
        after = _owned_project(text, end) or after  # 投资8亿元的50万吨复合不锈钢项目
    following = after or _next_clause(text, end)
    label = measure_before(before, region, unit, earlier, text, start, after, following)
    if unit in MONEY_LIKE and (project := named_project(unquote(before), after, label)):
        label = project
    if not label:
        label = noun_after(after, unit)
    if (
        unit == "percent"
        and not change
        and label.endswith(WORKS)
        and "完成" in clause_before(text, start)
    ):
        label += "完成率"  # 完成2027亩高标农田建设80%以上: how much of the work is done
    if not label and earlier and not _bare(before):
        label = measure_of(earlier[-1])  # 惠及回迁群众3700户、11255人
    elif len(label) == 1 and earlier and not before:
        label = measure_of(earlier[-1]) + label  # 民办幼儿园26所,300余个班
    elif label in MODIFIER_VERBS and earlier:
        label += measure_of(earlier[-1])  # 现有规上工业企业64家,今年新增11家
    if unit in MONEY_LIKE and (label in GENERIC_MONEY or _qualified_money(label)):
        project = _project_of(text, start, earlier)
        label = (
            project[:-2] if project[-2:] == label[:2] else project
        ) + label  # 5个项目,总投资15.99亿元
    elif unit in MONEY_LIKE and label in OUTPUT_WORDS and earlier:
        label = _subject_before(text, start, earlier) + label  # 面积达1.8万亩,年产值…
    if label and unit in COUNTED_BY_VERB and _ends_in_verb(label):
        label += COUNTED_BY_VERB[unit]  # 每轮平均追检6000人 -> 每轮平均追检人数
    label = _shared_verb(label, before, text, start, floor, earlier, unit)
    if is_weak(label):  # 组建起7名综治专干: the thing counted, else the whole clause
        label = noun_after(after, unit) or _clause_label(before, region, unit) or label
    if label in ("面积", "长度") and earlier and earlier[-1].unit in AREA_UNITS:
        label = _act_of(earlier[-1]) + label  # 铺设长度4374米,面积3万平方米: the same work's
    label = for_addressee(per_unit(label, before, text, start, earlier, unit), text, start)
    label = with_sector_measure(label, unit)
    body = body_of(text, start)
    if label and body and not label.startswith(body) and body[-2:] not in label:
        label = body + label  # 山东玻科孵化器…1-11月实现税收4242万元: the incubator's tax
    return tidy_label(with_measure_word(tidy_label(label), unit))


# Labels that do not say what is measured: a change or a rate alone, a measure word alone.
VAGUE = (
    GENERIC_TAILS
    | GENERIC_MONEY
    | set(
        "增长 同比增长 下降 同比下降 增加 减少 提高 率 值 面 总值 比重 占比 达 确保 起 项目 社".split()
    )
)


def is_weak(label: str) -> bool:
    """A label that is empty, one character, a vague word, or a lone verb (确保, 办结)."""
    if len(label) <= 1 or label in VAGUE:
        return True
    words = tokens(label)
    return len(words) == 1 and is_verb(words[0]) and words[0].word not in MODIFIER_VERBS


def _act_of(figure: KeyFigure) -> str:
    """The act a figure's label names (铺设 of 总铺设长度), or ""."""
    return next((t.word for t in tokens(figure.label) if is_verb(t)), "")


def _clause_label(before: str, region: str, unit: str) -> str:
    """The clause before the figure as its label, without time, place, manner and the words
    that link it to the number: what is left when the noun phrase reader found no measure
    (增长面达52.6% -> 增长面; 成功调解邻里纠纷3起 -> 调解邻里纠纷)."""
    clean = strip_noise(strip_period(unquote(before)), region)
    words = tokens(clean)
    while words and (words[-1].word in COPULAS or words[-1].word in ("的", "了", "、")):
        words.pop()
    while words and words[0].flag in ("p", "c", "d", "r", "uj") and words[0].word not in VAGUE:
        words.pop(0)
    label = "".join(t.word for t in words)
    things = [t for t in words if is_noun(t) or (not is_verb(t) and t.flag in ("z", "nz", "l"))]
    if len(label) < 2 or len(label) > 16 or not things:
        return ""
    return label


def _shared_verb(
    label: str,
    before: str,
    text: str,
    start: int,
    floor: int,
    earlier: Sequence[KeyFigure],
    unit: str,
) -> str:
    """Items of a list share the verb that opens it: 走访居民680家,商户75家 -> 走访商户;
    调解邻里纠纷3起、家庭矛盾2起 -> 调解家庭矛盾; and a verb alone takes the thing of the item
    before: 收集问题建议165件,办结163件 -> 办结问题建议."""
    if not earlier or not label or unit in ("CNY", "percent") or not floor:
        return label
    between = text[floor : start - len(before)]
    if any(mark in between for mark in SENTENCE_END) or len(between) > 2:
        return label
    previous = earlier[-1]
    # parallel items count the same kind of thing (家 of residents and 家 of shops alike)
    if previous.unit != unit and {previous.unit, unit} != {"household", "enterprise"}:
        return label
    words = tokens(measure_of(previous))
    if len(words) == 1 and len(words[0].word) > 3:  # 签约项目 is one word of ours: 签约 + 项目
        words = tokens(words[0].word[:2]) + tokens(words[0].word[2:])
    if len(words) < 2 or not is_verb(words[0]) or words[0].word in MODIFIER_VERBS:
        return label
    verb, thing = words[0].word, "".join(t.word for t in words[1:])
    own = [t for t in tokens(strip_noise(before, "")) if t.word not in COPULAS]
    if not own:
        return label
    if all(not is_verb(t) for t in own) and not label.startswith(verb):
        return verb + label  # the item names only its thing
    if len(own) == 1 and is_verb(own[0]) and label in (own[0].word, ""):
        return own[0].word + thing  # the item names only its verb
    return label


def _count_change(before: str, change: str, earlier: Sequence[KeyFigure], region: str) -> str:
    """新登记市场主体1320户,比去年同期增加417户 -> 新登记市场主体同比增加: a count's change
    against an earlier period is of the measure its clause names, else of the figure before."""
    decline = any(word in change for word in ("下降", "减少", "降低"))
    own = measure_before(before, region, "count")
    measure = own or (measure_of(earlier[-1]) if earlier else "")
    return measure + ("同比减少" if decline else "同比增加") if measure else ""


def _bare(before: str) -> str:
    """The clause without the words that only link a number to a measure (共, 达, 、)."""
    return "".join(t.word for t in tokens(before) if t.word not in COPULAS and t.word != "、")


def _next_clause(text: str, end: int) -> str:
    """The clause after the one a figure ends: 投资8亿元,建设北城教育园区 -> 建设北城教育园区."""
    if text[end : end + 1] not in DELIMS or text[end : end + 1] in SENTENCE_END:
        return ""
    return phrase_after(text, end + 1)


_OWNED_PROJECT_RE = re.compile(r"的([^,，。；;、]{2,20}?(?:项目|工程))")


def _owned_project(text: str, end: int) -> str:
    """The project an amount describes (投资2.4亿元的…钢帘线项目), numbers in its name kept."""
    found = _OWNED_PROJECT_RE.match(text, end)
    return found.group(1) if found else ""


def _after_next_figure(text: str, start: int) -> str:
    match = _NEXT_FIGURE_RE.match(text, start)
    return phrase_after(text, match.end()) if match else ""


def _without_verb(label: str) -> str:
    """承担全市百项重点工程 -> 全市百项重点工程: the things, not what was done with them."""
    words = tokens(label)
    if len(words) > 1 and is_verb(words[0]) and words[0].word not in MODIFIER_VERBS:
        return label[len(words[0].word) :]
    return label


def _project_of(text: str, start: int, earlier: Sequence[KeyFigure]) -> str:
    """The projects a generic money label belongs to: the project count before it in the
    same sentence (签约项目 for 总投资 in 签约5个项目,总投资15.99亿元)."""
    sentence = sentence_before(text, start)
    found = ""
    for figure in reversed(earlier):  # the first of them: 其中… lists parts after the whole
        if figure.text not in sentence:
            break
        if figure.unit in ("project", "item") or measure_of(figure).endswith(("项目", "工程")):
            found = _without_verb(measure_of(figure))
    return found


WORKS = ("建设", "改造", "任务", "工程", "计划")

# What a work yields in a year, said without whose: 特种养殖面积达8000亩,年产值超1.2亿元
OUTPUT_WORDS = set("产值 年产值 总产值 年销售额 销售额 年收入 营业收入 年营业收入".split())


def _subject_before(text: str, start: int, earlier: Sequence[KeyFigure]) -> str:
    """The measure of the figure before in the same sentence without its measure word
    (特种养殖面积 -> 特种养殖), or ""."""
    previous = earlier[-1]
    if previous.text not in sentence_before(text, start) or previous.unit == "CNY":
        return ""
    thing = without_measure_word(previous.label, previous.unit)
    return "" if is_weak(thing) or thing == previous.label else thing


def _qualified_money(label: str) -> bool:
    """计划总投资, 年度计划总投资: a generic money word with only words of plan or time before
    it, which say nothing of what the money is for."""
    word = max((w for w in GENERIC_MONEY if label.endswith(w)), key=len, default="")
    prefix = tokens(label[: len(label) - len(word)]) if word else []
    return bool(prefix) and all(t.flag == "t" or t.word.endswith(("计划", "年度")) for t in prefix)


def _ends_in_verb(label: str) -> bool:
    words = tokens(label)
    return bool(words) and (is_verb(words[-1]) or (len(words) == 1 and words[0].flag == "vn"))


# --- labels that refer to another figure: a change, a target, a share --------------------


def change_suffix(change: str, yoy: bool, decline: bool) -> str:
    """The words a change adds to its measure's label: 同比增长, 同比下降, 增长 or 下降."""
    if yoy:
        return "同比下降" if decline else "同比增长"
    return "下降" if decline else "增长"


def percent_label(
    before: str,
    change: str | None,
    earlier: Sequence[KeyFigure],
    region: str,
    previous: str | None = None,
) -> str | None:
    """Labels of percentages that refer to another figure: a change, a target, a share.
    ``previous`` is the measure the sentence named before (default: the figure before's)."""
    if previous is None:
        previous = measure_of(earlier[-1]) if earlier else ""
    clean = unquote(before)
    if change is not None:
        # 逆势增长7%, 稳步增长: how it changed, not what changed
        words = [
            t
            for t in tokens(clean)
            if t.word not in ("分别", "和", "及", "与", "、") and t.flag not in ("d", "vd", "ad")
        ]
        own = measure_before("".join(t.word for t in words), region, "percent", earlier)
        return (own or previous) + _suffix_of(change)
    if TASK_RE.search(clean) and previous and not _noun_phrase_before_task(clean):
        return previous + TASK_SUFFIX
    share = SHARE_RE.search(clean)
    if share and previous and clean.startswith("占") and not TASK_RE.search(clean):
        whole = share.group("whole").removesuffix("的")
        return f"{previous}占{whole}比例" if whole else None
    return None


_AMOUNT_END_RE = re.compile(r"(?:[\dX.,]+|[XＸ]{2,})\s*[万亿]*[余多]?[\u4e00-\u9fff]{0,2}\s*$")


def _previous_measure(
    text: str, clause_start: int, earlier: Sequence[KeyFigure], region: str
) -> str:
    """What a rate, a share or a target refers to: the measure of the clause before in the
    same sentence (完成地区生产总值XX亿元,增长5% -> 地区生产总值, even when its amount is not a
    figure), else the figure before's measure."""
    sentence_start = max(text.rfind(mark, 0, clause_start) for mark in SENTENCE_END) + 1
    if earlier and text.find(earlier[-1].text, sentence_start, clause_start) >= 0:
        return _measure_changed(earlier[-1])
    cut = clause_start - 1
    if cut > sentence_start:
        opening = max(text.rfind(mark, sentence_start, cut) for mark in ",，:：") + 1
        clause = text[max(opening, sentence_start) : cut]
        amount = _AMOUNT_END_RE.search(clause)
        if amount and amount.start() > 0:
            measure = measure_before(clause[: amount.start()], region, "CNY")
            if measure and not is_weak(measure):
                return measure
    return _measure_changed(earlier[-1]) if earlier else ""


def _measure_changed(figure: KeyFigure) -> str:
    """What a rate after ``figure`` measures the change of: the figure's label without change
    words (每轮平均追检人数 keeps its measure word; 新登记企业同比增加户数 is 新登记企业)."""
    words = without_measure_word(figure.label, figure.unit)
    return base_measure(words) if base_measure(words) != words else base_measure(figure.label)


def _noun_phrase_before_task(clause: str) -> bool:
    """技术合同登记额任务完成: the measure is named before the target words (占全年任务数的
    names none)."""
    head = TASK_RE.split(clause, maxsplit=1)[0].removeprefix("占")
    return bool(strip_noise(re.sub(r"(完成|超额完成|实现)$", "", head), ""))


def _suffix_of(change: str) -> str:
    decline = any(word in change for word in ("下降", "减少", "降低", "降幅"))
    yoy = any(word in change for word in ("同比", "比上年", "较上年", "比去年", "较去年"))
    if change.startswith("年"):  # 年均增长, 年平均增长
        return "年均下降" if decline else "年均增长"
    return change_suffix(change, yoy, decline)
