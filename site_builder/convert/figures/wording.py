"""Numbers in report text that are wording, not quantities (not key figures):

- a size class's threshold: 5000万元以上 in 新增入库5000万元以上固定资产投资项目10个 says which
  projects are counted (the label of 10个 keeps it), and 过50万元 in 纳税过50万元的4家;
- a placeholder a template left in: XX0元 (the X are digits nobody filled in);
- a count inside a slogan or a name: 六个双山, 四个意识;
- the parts a report lists: 列出6个方面、24项突出问题 (the 24 problems are the figure);
- a duty pattern: 24小时值班, 24小时不间断巡逻, 7×24小时;
- a count that refers back: 这三个指标, 上述两个项目;
- an ordinal or a rank: 八届人大五次会议 (the fifth session), 位列榜单86位 (a place in a ranking,
  not 86 persons).
"""

from __future__ import annotations

import re

DUTY_AFTER_RE = re.compile(
    r"^(?:内|不间断|全天候|值班|值守|在线|服务|巡逻|响应|监测|轮班|待命|追|开放|营业|热线|全程|随叫|不打烊)"
)
SLOGAN_TAILS = ("意识", "自信", "维护", "确立", "一批", "走在前", "率先", "全面", "必须")
CN_DIGITS = set("一二两三四五六七八九十")
# A count of these is how a report is organised, not a result: 列出6个方面.
# 呈现五个特点: the features the report goes on to list.
STRUCTURE_NOUNS = (
    "方面", "领域", "层面", "维度", "板块", "环节", "步骤", "特点", "特征", "亮点", "趋势",
)  # fmt: skip
# 五次会议 after 八届人大: the session's ordinal, not a count of meetings
SESSION_RE = re.compile(r"届[\u4e00-\u9fff]{0,4}$")
SESSION_AFTER = ("会议", "全会", "全体会议", "常委会")
# 位 in a sentence about a ranking is a place in it, not a number of persons
RANK_WORDS = (
    "位列", "排名", "名列", "排位", "排在", "位次", "前移", "后移", "进位", "晋位", "榜单",
)  # fmt: skip
# 纳税过50万元的4家, 超过30万元的企业: the class a count is of, not an amount
THRESHOLD_BEFORE = ("过", "超", "逾", "超过")
CLASS_AFTER_RE = re.compile(r"的(?:[\d一二三四五六七八九十两]|企业|单位|农户|村)")
ANAPHORA = ("这", "那", "上述", "前述", "以上", "这些")
SENTENCE_MARKS = "。；;！？!?\n"  # clauses.SENTENCE_END (which imports this module)


def is_wording(text: str, start: int, end: int, unit: str, region: str = "") -> bool:
    """True for a number that is wording, not a quantity: a size class's threshold, a count
    in a slogan or a name, a duty pattern. ``start``/``end`` span the figure in ``text``."""
    # The tests below look at a few characters after the figure; a region's name may be longer.
    printed, after = text[start:end], text[end : end + 8]
    if printed.endswith(("以上", "以下")) and re.match(r"[\u4e00-\u9fff]", after):
        return True  # 5000万元以上固定资产投资项目: the class of projects counted
    if unit == "CNY" and printed.endswith("以上") and after.startswith("的"):
        return True  # 年产值500万元以上的企业
    if unit == "CNY" and CLASS_AFTER_RE.match(after) and _after_threshold(text, start):
        return True  # 纳税过50万元的4家: the class of enterprises counted
    if text[start - 1 : start] in ("X", "x", "Ｘ"):
        return True  # XX0元: a placeholder nobody filled in
    if unit == "hour" and (DUTY_AFTER_RE.match(after) or text[start - 1 : start] in "×*xX"):
        return True  # 24小时值班, 7×24小时
    if unit == "item" and after.startswith(STRUCTURE_NOUNS):
        return True  # 列出6个方面、24项突出问题: the 24 problems are the figure
    if printed[:1] in CN_DIGITS and text[max(0, start - 2) : start].endswith(ANAPHORA):
        return True  # 这三个指标, 上述两个项目: the things named before, not a new count
    if (
        unit == "time"
        and after.startswith(SESSION_AFTER)
        and SESSION_RE.search(text[max(0, start - 8) : start])
    ):
        return True  # 区八届人大五次会议
    if unit == "person" and printed.endswith("位") and _in_ranking(text, start, end):
        return True  # 位列榜单86位, 较上年的102位前移了16位
    if printed[:1] in CN_DIGITS and _in_quotes(text, start, end):
        return True  # “三个聚焦、四个提升”: a slogan, however long
    if printed[:1] in CN_DIGITS and unit == "item":
        short = short_region(region)
        if (short and text.startswith(short, end)) or after.startswith(SLOGAN_TAILS):
            return True  # 六个双山, 四个意识
    return False


def _after_threshold(text: str, start: int) -> bool:
    """The figure at ``start`` opens with, or follows, a word of "more than" (超过100万元)."""
    return text.startswith(("超", "逾"), start) or text[max(0, start - 2) : start].endswith(
        THRESHOLD_BEFORE
    )


def _in_ranking(text: str, start: int, end: int) -> bool:
    """The sentence around ``text[start:end]`` speaks of a ranking."""
    opening = max(text.rfind(mark, 0, start) for mark in SENTENCE_MARKS) + 1
    closing = min(
        (i for i in (text.find(m, end) for m in SENTENCE_MARKS) if i >= 0), default=len(text)
    )
    return any(word in text[opening:closing] for word in RANK_WORDS)


MAX_QUOTED = 20


def _in_quotes(text: str, start: int, end: int) -> bool:
    """Between “ and ” at most MAX_QUOTED characters apart."""
    opening = text.rfind("“", max(0, start - MAX_QUOTED), start)
    if opening < 0 or text.find("”", opening, start) >= 0:
        return False
    closing = text.find("”", end, opening + MAX_QUOTED + 1)
    return closing >= 0


def short_region(region: str) -> str:
    """The proper part of the region's last unit: 邹城市钢山街道 -> 钢山."""
    last = re.split(r"(?<=[市县区])", region)[-1] if region else ""
    return re.sub(r"(街道|镇|乡|县|区|市)$", "", last)
