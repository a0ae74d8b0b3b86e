"""The named work an amount is for (…绘本馆营造计画, …路段养护工程, …改造项目), read right after
the amount or right before it: labels.py tries it before the measure named before the number."""

from __future__ import annotations

import re

from site_builder.convert.figures.clauses import strip_noise
from site_builder.convert.figures.words import MONEY_VERBS, Token, is_noun, is_verb, tokens

# A named work that money is for: …绘本馆营造计画, …路段养护工程, …改造项目
PROJECT_RE = re.compile(r"(?:计划|计画|工程|项目|专案)$")
PROJECT_VERBS = ("建设", "兴建", "办理", "用于", "推动", "实施", "执行")
MAX_PROJECT = 20
FUNDING_VERBS = set("争取 获得 获 取得 补助 拨付 投入 下达 协助 申请 筹措 编列".split())


def named_project(before: str, after: str, measure: str) -> str:
    """The work an amount is for, when the text names it right after the amount (花东基金
    2800万建设某某绘本馆营造计画 -> 某某绘本馆营造计画经费; 观光路廊1500万改善计画 -> the
    measure before + 改善计画经费) or right before it (…路段养护工程570万元 -> …路段养护工程经费);
    "" when it names none. The funder named before the amount is not what the money is for."""
    item = after.split("、", 1)[0].removesuffix("等")
    verb = strip_noise(before, "")
    # 投入1.2亿元实施…工程: its 投入; 总投资3亿元的…项目: its 总投资
    money = verb if verb.removeprefix("总") in MONEY_VERBS else "经费"
    if money == verb:
        measure = ""
    if PROJECT_RE.search(item) and len(item) <= MAX_PROJECT:
        for verb in PROJECT_VERBS:
            if item.startswith(verb) and len(item) - len(verb) >= 6:
                item = item[len(verb) :]
        if len(item) <= 4:  # 改善计画: the thing improved is named before the amount
            item = measure + item if measure else ""
        return item + money if item else ""
    if not PROJECT_RE.search(before):
        return ""
    run: list[Token] = []
    for token in reversed(tokens(before)):  # back to the verb that got the money, or a year
        if token.word in ("的", "、") or token.flag in ("m", "eng", "x", "t"):
            break
        if token.word in FUNDING_VERBS or not (
            is_noun(token) or is_verb(token) or token.flag in ("a", "q", "f")
        ):
            break
        run.insert(0, token)
    name = strip_noise("".join(t.word for t in run), "")
    return name + "经费" if len(name) > 4 else ""
