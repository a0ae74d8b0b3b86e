"""Labels of key figures: the noun phrase a figure quantifies.

The label names what is measured, in the report's words, never a verb or a cut word:
全年完成财政收入4.7亿元 -> 财政收入; 建成标准化分类投放点420个 -> 标准化分类投放点;
发挥好120余名城市社区专职网格员…作用 -> 城市社区专职网格员 (the noun after the number when
the words before are only a verb); 同比增长50.7% after 固定资产投资 -> 固定资产投资同比增长;
完成全年任务数的104.4% after 财政收入 -> 财政收入完成全年任务比例.

Words and their parts of speech come from convert.words (jieba's tagger on a tokenizer of
our own); what is not a figure at all is convert.wording's.
"""

from __future__ import annotations

import bisect
import functools
import re
from collections.abc import Sequence

from site_builder.content.model import KeyFigure
from site_builder.convert.wording import short_region
from site_builder.convert.words import (
    MODIFIER_VERBS,
    MONEY_VERBS,
    NOUN_WORDS,
    QUOTES,
    Token,
    is_noun,
    is_verb,
    tokens,
)

MAX_LABEL = 24
DELIMS = ",，。；;：:、！？!?()（）\n"
SENTENCE_END = "。；;！？!?\n"

PLACE_WORDS = set("辖区 全区 全县 全市 全镇 全乡 街道 全街 全街道 全域 本地 当地".split())
PREPOSITIONS = ("以", "在", "对", "为", "从", "通过", "向", "按照", "围绕", "依托")
BANS = ("禁止", "严禁", "不得")
# Units of areas and lengths: 综合改造六中东校区3600平方米 measures the renovation.
AREA_UNITS = ("m2", "mu", "km", "m", "ha", "km2")
EVENT_NOUNS = ("活动", "培训", "演出", "讲座", "会议", "检查", "巡查", "比赛", "宣讲", "座谈会")

# Verbs that say how a figure came about; what follows them is what is measured.
GENERIC_VERBS = set("完成 实现 开展 进行 组织 取得 累计 共 达成 落实 推进 做好 全面 建成".split())
# Words right before the number that link it to the measure: 活跃企业达369家.
COPULAS = set(
    "达 达到 为 是 有 计 共 共计 合计 总计 累计 约 超 超过 突破 逾 近 仅 只 已达 已 现有 "
    "控制在 保持在 稳定在 维持在 均在 在 均 都 分别 再 又 稳定 保持 控制 维持 全部".split()
)
# A measure word alone, which needs the verb or the thing it counts: 走访户数, 参保人数.
GENERIC_TAILS = set(
    "数 人数 户数 次数 件数 面积 总量 数量 规模 金额 总额 额 量 总数 个数 场次 时长".split()
)
GENERIC_MONEY = set("投资 资金 收入 金额 总额 投资额 总投资 投入".split())
# Words at the start of a clause that are time, place or manner, not the measure.
LEADING_NOISE = (
    "今年以来 一年来 截至目前 截至年底 目前 同时 其中 年度 当年 全年 今年 年内 已 并 还 了 共 累计 "
    "先后 积极 成功 共计 合计 总计 预计 现有 全街道 全街 全区 全县 全市 全镇 全乡 全域 辖区 街道 "
    "分别 又 再 均 都 进一步 持续 不断 切实 扎实 着力 大力 全力 深入 一共 全面"
).split()
LEADING_NOISE.sort(key=len, reverse=True)
TRAILING_NOISE = ("工作", "作用", "进度", "任务", "的", "等", "了")
PERIOD_RE = re.compile(
    r"^(?:\d{4}年)?(?:[1-9]\d?|元)?(?:至|-|—|－|~|到)?(?:[1-9]\d?)月份?|^(?:上|下)半年|"
    r"^前?[一二三四]季度|^\d{4}年"
)
# Person nouns: a person count's label ends at the first of them (网格员, not 网格员网格化管理).
PERSON_ENDINGS = tuple(
    "员 者 人 长 工 生 师 干部 党员 群众 居民 农户 幼儿 儿童 老人 青年 游客 患者 志愿者 会员 "
    "代表 人才 专家 学生 职工".split()
)
PERSON_UNITS = ("person", "person_time")
# Counts of events: the verb belongs to the label (承办工单19778件, 走访户数).
EVENT_COUNTS = ("time", "session", "case", "person_time")
COUNTED_BY_VERB = {"person": "人数", "person_time": "人次", "household": "户数", "time": "次数"}
MONEY_LIKE = ("CNY",)
TIME_ENDINGS = ("后", "前", "期间", "以来", "之际", "时")
EVENT_UNITS = ("time", "session")  # 巡查污染源4973次 counts inspections, not sources
TASK_RE = re.compile(r"(全年|年度)?(目标)?(任务|计划|目标)(数)?")
SHARE_RE = re.compile(r"占(?P<whole>[^占]{0,12}?)(?:的)?(?:比重|比例)?(?:为|达)?$")
CHANGE_SUFFIXES = ("同比增长", "同比下降", "增长", "下降")
TASK_SUFFIX = "完成全年任务比例"

# A named body whose figures are its own, not the region's (山东玻科孵化器…实现税收4242万元).
BODY_RE = re.compile(r"公司|集团|孵化器|商会|银行|医院|学校|合作社|协会|产业园|工业园|园区|基地")
# Compiled once: these run for every figure (re's own cache still costs a lookup and an escape).
_DELIM_RE = re.compile(rf"[{re.escape(DELIMS)}]")
_PHRASE_RE = re.compile(
    rf"(?:[^{re.escape(DELIMS.replace('、', ''))}0-9]|[0-9]+(?=[A-Za-z]|大类|类))*"
)
_NEXT_FIGURE_RE = re.compile(r"[0-9.]+[万亿]?[余多]?(?:人次|[\u4e00-\u9fff])")
_LINKS = COPULAS | {"的", "了"}
_BEFORE_VERB = GENERIC_VERBS | COPULAS | set(LEADING_NOISE)


# -- labels -------------------------------------------------------------------------------------


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
        label = _percent_label(before, change, earlier, region)
        if label is not None:
            return _tidy(label)
    if before.endswith("、"):
        before = ""  # 列出6个方面、24项突出问题: the words before belong to another item
    after = phrase_after(text, end)
    if not after and text[end : end + 1] == "、":
        after = _after_next_figure(text, end + 1)  # 建立78876户、22.56万人的信息台账
    if floor and before and start - len(before) == floor and unit not in ("CNY", "percent"):
        if _after_noun(after, unit):
            before = ""  # 下设10个工作组29个专班: 工作组 belongs to the figure before
    following = after or _next_clause(text, end)
    label = _measure(before, region, unit, earlier, text, start, after, following)
    if not label:
        label = _after_noun(after, unit)
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
    return _tidy(label)


def body_of(text: str, start: int) -> str:
    """The named body (company, park, incubator) a sentence opens with, if any: its figures
    are the body's. Bodies listed as examples (…公司、…公司等276万元) do not count."""
    sentence = sentence_before(text, start)
    opening = _DELIM_RE.split(sentence, maxsplit=1)[0]
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


def clause_before(text: str, start: int, floor: int = 0) -> str:
    """The words between the last delimiter (or ``floor``) and ``start``; a parenthesis right
    before the number is skipped, so 地区生产总值(GDP)439亿元 still reads 地区生产总值."""
    pos = start
    while pos > floor:
        char = text[pos - 1]
        if char in ")）" and pos == start:
            opening = max(text.rfind("(", floor, pos), text.rfind("（", floor, pos))
            if opening > floor:
                text = text[:opening] + " " * (pos - opening) + text[pos:]
                pos = opening
                continue
        if char in DELIMS and char != "、":  # 解决群众难心事、烦心事2200余件: one measure
            break
        pos -= 1
    return text[pos:start].replace(" ", "").lstrip("、") if pos < start else ""


def phrase_after(text: str, end: int) -> str:
    """The words after a figure up to the next delimiter or number."""
    match = _PHRASE_RE.match(text, end)
    return match.group().rstrip("、") if match else ""


def sentence_before(text: str, start: int, ends: str = SENTENCE_END) -> str:
    """The sentence up to ``start`` (from the last 。；！？, or the last of ``ends``)."""
    marks = _marks(text, ends)
    at = bisect.bisect_left(marks, start)
    return text[marks[at - 1] + 1 : start] if at else text[:start]


@functools.lru_cache(maxsize=16)  # every figure of a block asks again; a few blocks suffice
def _marks(text: str, ends: str) -> list[int]:
    """Where the sentence ends in ``text`` are, in order (found once per block, not per figure)."""
    return [match.start() for match in re.finditer(f"[{re.escape(ends)}]", text)]


def base_measure(label: str) -> str:
    """A label without the change or target words added to it: 固定资产投资同比增长 -> 固定资产投资."""
    for suffix in (TASK_SUFFIX, "完成任务比例", *CHANGE_SUFFIXES):
        if label.endswith(suffix):
            return label[: -len(suffix)]
    return label


def change_suffix(change: str, yoy: bool, decline: bool) -> str:
    if yoy:
        return "同比下降" if decline else "同比增长"
    return "下降" if decline else "增长"


def _percent_label(
    before: str, change: str | None, earlier: Sequence[KeyFigure], region: str
) -> str | None:
    """Labels of percentages that refer to another figure: a change, a target, a share."""
    previous = base_measure(earlier[-1].label) if earlier else ""
    clean = _unquote(before)
    if change is not None:
        words = [t for t in tokens(clean) if t.word not in ("分别", "和", "及", "与", "、")]
        own = _measure("".join(t.word for t in words), region, "percent", earlier)
        return (own or previous) + _suffix_of(change)
    if TASK_RE.search(clean) and previous and not _noun_phrase_before_task(clean):
        return previous + TASK_SUFFIX
    share = SHARE_RE.search(clean)
    if share and previous and clean.startswith("占"):
        whole = share.group("whole").removesuffix("的")
        return f"{previous}占{whole}比例" if whole else None
    return None


def _noun_phrase_before_task(clause: str) -> bool:
    """技术合同登记额任务完成: the measure is named before the target words."""
    head = TASK_RE.split(clause, maxsplit=1)[0]
    return bool(_strip_noise(re.sub(r"(完成|超额完成|实现)$", "", head), ""))


def _suffix_of(change: str) -> str:
    decline = any(word in change for word in ("下降", "减少", "降低"))
    yoy = any(word in change for word in ("同比", "比上年", "较上年", "比去年", "较去年"))
    return change_suffix(change, yoy, decline)


def _measure(
    before: str,
    region: str,
    unit: str,
    earlier: Sequence[KeyFigure] = (),
    text: str = "",
    start: int = 0,
    after: str = "",
    following: str = "",
) -> str:
    """The measure named before the number: the words after the last verb, or the thing the
    verb acts on, or (for money) what the money was spent on."""
    if before.endswith("等"):
        return _listed(before, after, unit)
    clean = _strip_noise(_strip_period(before), region)
    if clean.endswith(TIME_ENDINGS) and unit not in ("CNY", "percent"):
        return ""  # 政策调整后4名领导干部带队: a time, not the measure
    words = tokens(clean)
    while words and words[-1].word in _LINKS:
        words.pop()
    while words and words[0].word in PREPOSITIONS:
        words.pop(0)
    if not words:
        return ""
    if len(words) == 1 and unit == "CNY" and words[0].word in MONEY_VERBS:
        return _money_purpose(words[0].word, "", text, start, following, region)  # 投入3亿元
    verb_at = _last_verb(words, counted=unit not in ("CNY", "percent"))
    if verb_at is None:
        phrase = "".join(t.word for t in words)
        if not any(is_noun(t) for t in words) or phrase in PLACE_WORDS:
            return ""
        return _strip_noise(phrase, region)
    verb = words[verb_at].word
    tail = _strip_noise("".join(t.word for t in words[verb_at + 1 :]), region, subject=False)
    if verb_at and words[verb_at - 1].word in BANS:
        verb = words[verb_at - 1].word + verb  # 禁止燃放烟花爆竹宣传条幅
        verb_at -= 1
    if tail in PLACE_WORDS:
        tail = ""  # 完成辖区100余座5G通信基站建设: the noun after the number
    prefix = _prefix_noun(words[:verb_at], region)
    if tail and any(is_noun(t) for t in words[verb_at + 1 :]):
        if tail in GENERIC_MONEY and prefix:
            return prefix + tail  # 固定资产…完成投资126亿 -> 固定资产投资
        if tail in GENERIC_TAILS or (len(tail) <= 2 and unit in EVENT_COUNTS):
            return prefix + ("" if verb in GENERIC_VERBS else verb) + tail
        if verb.startswith(BANS):
            return verb + tail
        if verb in MODIFIER_VERBS:
            return verb + tail
        if verb in GENERIC_VERBS:
            return tail
        if unit == "time" and not tail.endswith(EVENT_NOUNS):
            return verb + tail  # 巡查污染源4973次: inspections of pollution sources
        if unit in AREA_UNITS:
            return tail + verb  # 铺设柏油路面1万余平方米 -> 柏油路面铺设
        return tail
    # The clause ends in a verb: 投入3亿元, 井盖提升170余处, 总占地近3000亩.
    if unit == "CNY" and verb in MONEY_VERBS:
        return _money_purpose(verb, prefix, text, start, following, region)
    if unit not in ("CNY", "percent") and _after_noun(after, unit) and verb not in MODIFIER_VERBS:
        return ""  # 发挥好120余名网格员: the noun after the number says what is counted
    if prefix:
        return prefix + ("" if verb in GENERIC_VERBS else verb)
    return "" if verb in GENERIC_VERBS else verb


def _listed(clean: str, after: str, unit: str) -> str:
    """集中签约希尔顿花园酒店、玻科数控等5个项目 -> 签约项目: the verb before the list and
    the noun after the number (the list names examples, not the measure)."""
    noun = _after_noun(after, unit)
    words = tokens(clean)
    verbs = [t.word for t in words if is_verb(t) and t.word not in GENERIC_VERBS]
    if noun and verbs and len(noun) <= 4:
        return verbs[-1] + noun
    return noun


def _money_purpose(
    verb: str, prefix: str, text: str, start: int, following: str, region: str
) -> str:
    """What money was spent on: 持续强化人居环境整治,投入3亿元 -> 人居环境整治投入;
    投资8亿元,建设北城教育园区 -> 北城教育园区投资."""
    if prefix:
        return prefix + verb
    sentence = sentence_before(text, start)
    clauses = [c for c in _DELIM_RE.split(sentence) if c]
    if len(clauses) >= 2:
        previous = tokens(_unquote(clauses[-2]))
        at = _last_verb(previous)
        aim = _strip_noise(
            "".join(t.word for t in previous[(at + 1 if at is not None else 0) :]), region
        )
        if aim and is_noun(previous[-1]) and len(aim) <= 12:
            return aim if aim.endswith(("投入", "投资")) else aim + verb
    words = tokens(following)
    if (
        words
        and words[0].word not in GENERIC_VERBS
        and (is_verb(words[0]) or words[0].flag == "vn")
    ):
        nouns = []
        for token in words[1:]:
            if not is_noun(token):
                break
            nouns.append(token.word)
        aim = "".join(nouns)
        if aim and len(aim) <= 10:
            return aim + verb
    return verb + "资金"


def _after_noun(after: str, unit: str) -> str:
    """The thing counted, named after the number: 120余名城市社区专职网格员网格化管理作用 ->
    城市社区专职网格员; 2家企业的两化融合 -> 两化融合企业."""
    if after.startswith("的"):  # 29175人的医保缴费和8651人的养老保险征缴工作
        thing = re.sub(r"(工作|和|及|与|、)+$", "", after[1:])
        if thing and len(thing) <= 12:
            return thing + COUNTED_BY_VERB.get(unit, "")
    words = tokens(after)
    while words and words[0].word in ("的", "了", "等"):
        words.pop(0)
    if len(words) >= 2 and words[1].word == "的" and words[0].flag in ("a", "l", "i", "z", "ad"):
        words = words[2:]  # 120余场丰富多彩的文化惠民活动: the adjective is not the measure
    taken: list[Token] = []
    rest: list[Token] = []
    for index, token in enumerate(words):
        if is_noun(token) or (token.word == "、" and taken):
            taken.append(token)
            if unit in PERSON_UNITS and token.word.endswith(PERSON_ENDINGS):
                rest = words[index + 1 :]
                break
            continue
        rest = words[index:]
        break
    while taken and (taken[-1].word in TRAILING_NOISE or taken[-1].word == "、"):
        taken.pop()
    noun = "".join(t.word for t in taken)
    for word in (*TRAILING_NOISE, "建设"):
        if noun.endswith(word) and len(noun) > len(word) + 2:
            noun = noun[: -len(word)]
    if not noun:
        return ""
    if rest and rest[0].word == "的":
        owned = [t for t in rest[1:] if is_noun(t)]
        if owned and len(owned) == len(rest) - 1:  # 2家企业的两化融合 -> 两化融合企业
            return "".join(t.word for t in owned) + ("人数" if unit in PERSON_UNITS else noun)
    # 1.5万余名群众观看, 24个村、社区两委换届工作, 6家企业成功上云: what the counted did
    doing = [t for t in rest if t.word not in ("成功", "完成", "顺利", "全部")]
    phrase = "".join(t.word for t in doing)
    phrase = phrase.removesuffix("工作")
    if (
        doing
        and (is_verb(doing[0]) or doing[0].flag == "vn")
        and 0 < len(phrase) <= 6
        and (len(noun) <= 3 or "、" in noun)
    ):
        if unit in PERSON_UNITS or unit in AREA_UNITS or "、" in noun:
            return noun + phrase
        return phrase + noun
    return noun


def _prefix_noun(words: Sequence[Token], region: str) -> str:
    """The nouns right before a verb (back to the verb before them), without time and place;
    generic verbs, adverbs and time words just before the verb are skipped (民情书记团队全年共
    开展走访 -> 民情书记团队)."""
    words = list(words)
    while words and (words[-1].word in _BEFORE_VERB or words[-1].flag in ("d", "m", "t", "ad")):
        words.pop()
    run: list[Token] = []
    for token in reversed(words):
        if (is_verb(token) and token.word not in MODIFIER_VERBS) or token.word == "、":
            break
        run.insert(0, token)
    while run and (run[-1].flag in ("d", "m", "t", "p", "c", "r") or run[-1].word in COPULAS):
        run.pop()  # 民情书记团队全年共开展走访: 全年, 共
    while run and run[0].flag in ("p", "c", "d", "uj", "ul"):
        run.pop(0)
    if len(run) > 1 and run[0].flag == "vn" and run is not None and words and run[0] is words[0]:
        run.pop(0)  # 发展特色种植基地8处: a verbal noun opening the clause acts as its verb
    if not any(is_noun(t) or t.flag == "b" for t in run):
        return ""
    return _strip_noise("".join(t.word for t in run), region)


def _last_verb(words: Sequence[Token], counted: bool = False) -> int | None:
    for index in range(len(words) - 1, -1, -1):
        if is_verb(words[index]):
            return index
    # 培育6家企业, 巡查污染源4973次: a verbal noun first in the clause acts as its verb
    if counted and words and words[0].flag == "vn" and words[0].word not in NOUN_WORDS:
        at = 0  # 优化调整网格432个: every verbal noun of the opening
        while at + 2 < len(words) and words[at + 1].flag == "vn":
            at += 1
        if len(words) == at + 1 or is_noun(words[at + 1]):
            return at
    return None


def _strip_noise(phrase: str, region: str, subject: bool = True) -> str:
    """A phrase without the time, place and manner words at its start (the subject's, when
    ``subject``) and the filler at its end."""
    pattern = _noise_pattern(region, subject)
    while phrase:
        match = pattern.match(phrase)
        if match is None or not match.group() or match.end() >= len(phrase):
            break
        phrase = phrase[match.end() :]
    for word in TRAILING_NOISE:
        if phrase.endswith(word) and len(phrase) > len(word) + 1:
            phrase = phrase[: -len(word)]
    return phrase


@functools.lru_cache(maxsize=64)
def _noise_pattern(region: str, subject: bool) -> re.Pattern[str]:
    """One word of noise at the start of a phrase: the region's names, time and manner words
    (or only particles, after a verb), or a period (1至11月份)."""
    names = [region, region[-4:], short_region(region) + "街道"] if region else []
    words = sorted(
        {w for w in names if w} | set(LEADING_NOISE if subject else ("了", "的", "等")),
        key=len,
        reverse=True,
    )
    return re.compile("(?:" + "|".join(map(re.escape, words)) + "|" + PERIOD_RE.pattern + ")")


def _strip_period(phrase: str) -> str:
    while (match := PERIOD_RE.match(phrase)) and match.end() > 0:
        phrase = phrase[match.end() :]
    return phrase


def _unquote(text: str) -> str:
    return "".join(ch for ch in text if ch not in QUOTES)


def _tidy(label: str) -> str:
    """At most MAX_LABEL characters, dropping whole words from the front (never cutting one)."""
    label = label.strip(" 、")
    if len(label) <= MAX_LABEL:
        return label
    words = [t.word for t in tokens(label)]
    while words and sum(map(len, words)) > MAX_LABEL:
        words.pop(0)
    return "".join(words)


def relabel_respectively(text: str, figures: list[KeyFigure], spans: list[tuple[int, int]]) -> None:
    """Figures after 分别 ("respectively") go one to each measure named before them:
    城镇居民人均可支配收入、农村居民人均可支配收入分别达到41260元和22380元 gives each income its
    figure; 分别增长5.6%和7.1% then measures those two figures, in order, and every change of
    the group shares the first one's direction."""
    index = 0
    while index < len(figures):
        floor = spans[index - 1][1] if index else 0
        if "分别" not in clause_before(text, spans[index][0], floor):
            index += 1
            continue
        group = [index]
        while group[-1] + 1 < len(figures) and figures[group[-1] + 1].unit == figures[index].unit:
            between = text[spans[group[-1]][1] : spans[group[-1] + 1][0]]
            if between not in ("和", "、", "与", "及"):
                break
            group.append(group[-1] + 1)
        if len(group) > 1:
            _share_out(text, figures, spans, group)
        index = group[-1] + 1


def _share_out(
    text: str, figures: list[KeyFigure], spans: list[tuple[int, int]], group: list[int]
) -> None:
    first = figures[group[0]]
    suffix = first.label[len(base_measure(first.label)) :]
    if first.unit == "percent" and suffix:
        sentence = max(text.rfind(mark, 0, spans[group[0]][0]) for mark in SENTENCE_END) + 1
        levels = [
            base_measure(figures[j].label)
            for j in range(group[0])
            if figures[j].unit != "percent" and spans[j][0] >= sentence
        ][-len(group) :]
    else:
        suffix = ""
        levels = [n for n in re.split(r"[、和及与]", base_measure(first.label)) if n]
    if len(levels) != len(group):
        return
    for member, measure in zip(group, levels, strict=True):
        figure = figures[member]
        figure.label = _tidy(measure + suffix)
        if suffix:
            figure.yoy = first.yoy
            if (first.value < 0) != (figure.value < 0):
                figure.value = -figure.value
