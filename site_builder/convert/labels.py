"""Labels of key figures: the noun phrase a figure quantifies.

The label names what is measured, in the report's words, never a verb or a cut word:
全年完成财政收入4.7亿元 -> 财政收入; 建成标准化分类投放点420个 -> 标准化分类投放点;
发挥好120余名城市社区专职网格员…作用 -> 城市社区专职网格员 (the noun after the number when
the words before are only a verb); 同比增长50.7% after 固定资产投资 -> 固定资产投资同比增长;
完成全年任务数的104.4% after 财政收入 -> 财政收入完成全年任务比例.

Words and their parts of speech come from convert.words (jieba's tagger on a tokenizer of
our own); what is not a figure at all is convert.wording's.
This module puts a label together; the clause around a figure is convert.clauses', the noun
phrase it names convert.noun_phrases', a label that refers to other figures (a change, a target,
a share, 分别) convert.relative_labels'.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from site_builder.content.model import KeyFigure
from site_builder.convert.clauses import (
    DELIM_RE,
    DELIMS,
    SENTENCE_END,
    clause_before,
    phrase_after,
    sentence_before,
)
from site_builder.convert.noun_phrases import (
    COPULAS,
    COUNTED_BY_VERB,
    GENERIC_MONEY,
    measure_before,
    noun_after,
    tidy_label,
)
from site_builder.convert.relative_labels import base_measure, percent_label
from site_builder.convert.words import (
    MODIFIER_VERBS,
    is_verb,
    tokens,
)

MONEY_LIKE = ("CNY",)

# A named body whose figures are its own, not the region's (山东玻科孵化器…实现税收4242万元).
BODY_RE = re.compile(r"公司|集团|孵化器|商会|银行|医院|学校|合作社|协会|产业园|工业园|园区|基地")
_NEXT_FIGURE_RE = re.compile(r"[0-9.]+[万亿]?[余多]?(?:人次|[\u4e00-\u9fff])")


def figure_label(
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
    if change:
        before = before[: len(before) - len(change)] if before.endswith(change) else before
    if unit == "percent":
        label = percent_label(before, change, earlier, region)
        if label is not None:
            return tidy_label(label)
    if before.endswith("、"):
        before = ""  # 列出6个方面、24项突出问题: the words before belong to another item
    after = phrase_after(text, end)
    if not after and text[end : end + 1] == "、":
        after = _after_next_figure(text, end + 1)  # 建立78876户、22.56万人的信息台账
    if floor and before and start - len(before) == floor and unit not in ("CNY", "percent"):
        if noun_after(after, unit):
            before = ""  # 下设10个工作组29个专班: 工作组 belongs to the figure before
    following = after or _next_clause(text, end)
    label = measure_before(before, region, unit, earlier, text, start, after, following)
    if not label:
        label = noun_after(after, unit)
    if not label and earlier and not _bare(before):
        label = base_measure(earlier[-1].label)  # 惠及回迁群众3700户、11255人
    elif len(label) == 1 and earlier and not before:
        label = base_measure(earlier[-1].label) + label  # 民办幼儿园26所,300余个班
    elif label in MODIFIER_VERBS and earlier:
        label += base_measure(earlier[-1].label)  # 现有规上工业企业64家,今年新增11家
    if unit in MONEY_LIKE and label in GENERIC_MONEY:
        label = _project_of(text, start, earlier) + label  # 5个项目,总投资15.99亿元
    if label and unit in COUNTED_BY_VERB and _ends_in_verb(label):
        label += COUNTED_BY_VERB[unit]  # 每轮平均追检6000人 -> 每轮平均追检人数
    body = body_of(text, start)
    if label and body and not label.startswith(body):
        label = body + label  # 山东玻科孵化器…1-11月实现税收4242万元: the incubator's tax
    return tidy_label(label)


def body_of(text: str, start: int) -> str:
    """The named body (company, park, incubator) a sentence opens with, if any: its figures
    are the body's. Bodies listed as examples (…公司、…公司等276万元) do not count."""
    sentence = sentence_before(text, start)
    opening = DELIM_RE.split(sentence, maxsplit=1)[0]
    if not BODY_RE.search(opening):
        return ""
    words = tokens(opening)
    run = []
    for token in words:
        if is_verb(token) or token.flag in ("p", "c", "d", "t", "m"):
            break
        run.append(token.word)
    subject = "".join(run)
    return subject if subject and BODY_RE.search(subject) and len(subject) <= 12 else ""


def _bare(before: str) -> str:
    """The clause without the words that only link a number to a measure (共, 达, 、)."""
    return "".join(t.word for t in tokens(before) if t.word not in COPULAS and t.word != "、")


def _next_clause(text: str, end: int) -> str:
    """The clause after the one a figure ends: 投资8亿元,建设北城教育园区 -> 建设北城教育园区."""
    if text[end : end + 1] not in DELIMS or text[end : end + 1] in SENTENCE_END:
        return ""
    return phrase_after(text, end + 1)


def _after_next_figure(text: str, start: int) -> str:
    match = _NEXT_FIGURE_RE.match(text, start)
    return phrase_after(text, match.end()) if match else ""


def _project_of(text: str, start: int, earlier: Sequence[KeyFigure]) -> str:
    """The projects a generic money label belongs to: the project count before it in the
    same sentence (签约项目 for 总投资 in 签约5个项目,总投资15.99亿元)."""
    sentence = sentence_before(text, start)
    found = ""
    for figure in reversed(earlier):  # the first of them: 其中… lists parts after the whole
        if figure.text not in sentence:
            break
        if figure.unit == "project" or figure.label.endswith(("项目", "工程")):
            found = base_measure(figure.label)
    return found


def _ends_in_verb(label: str) -> bool:
    words = tokens(label)
    return bool(words) and (is_verb(words[-1]) or (len(words) == 1 and words[0].flag == "vn"))
