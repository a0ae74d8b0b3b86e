"""The noun phrase a figure quantifies: the measure named before the number, the thing counted
after it, what money was spent on; a label kept to MAX_LABEL characters. The named work an
amount is for is projects.py's."""

from __future__ import annotations

import re
from collections.abc import Sequence

from site_builder.content.model import KeyFigure
from site_builder.convert.figures.clauses import (
    DELIM_RE,
    LEADING_NOISE,
    TRAILING_NOISE,
    sentence_before,
    strip_noise,
    strip_period,
    unquote,
)
from site_builder.convert.figures.words import (
    MODIFIER_VERBS,
    MONEY_VERBS,
    NOUN_WORDS,
    Token,
    is_noun,
    is_verb,
    tokens,
)

MAX_LABEL = 24
PLACE_WORDS = set(
    "辖区 全区 全县 全市 全镇 全乡 街道 全街 全街道 全域 本地 当地 全村 全社区 全旗 全省 全州".split()
)
PREPOSITIONS = ("以", "在", "对", "为", "从", "通过", "向", "按照", "围绕", "依托")
BANS = ("禁止", "严禁", "不得")

# Units of areas and lengths: 综合改造六中东校区3600平方米 measures the renovation.
AREA_UNITS = ("m2", "mu", "km", "m", "ha", "km2")
EVENT_NOUNS = ("活动", "培训", "演出", "讲座", "会议", "检查", "巡查", "比赛", "宣讲", "座谈会")

# Verbs that say how a figure came about; what follows them is what is measured.
GENERIC_VERBS = set("完成 实现 开展 进行 组织 取得 累计 共 达成 落实 推进 做好 全面 建成".split())

# Verbs that only say a thing is there (设置便民核酸检测点111个): what is counted is the thing.
FRAMING_VERBS = set(
    "有 拥有 现有 建有 设置 设立 设 下设 组建 建立 成立 梳理 形成 打造 发展 辖 辖有 优化 启用 包括 "
    "涵盖 覆盖 共有 划分 切分 划定 布设 配备 配齐 吸纳 储备 汇总 推选 招募 选派 产生 召开 举办 "
    "提供 实施".split()
)

# Acts that remove what they count (关停12家企业): the things alone would say they all remain.
REMOVING_VERBS = set(
    "关停 关闭 出清 拆除 淘汰 取缔 腾退 注销 清退 清理 整治 查处 化解 销号 退出 搬迁 关停并转".split()
)

# Words right before the number that link it to the measure: 活跃企业达369家.
COPULAS = set(
    "达 达到 为 是 有 计 共 共计 合计 总计 累计 约 超 超过 突破 逾 近 仅 只 已达 已 现有 "
    "控制在 保持在 稳定在 维持在 均在 在 均 都 分别 再 又 稳定 保持 控制 维持 全部".split()
)

# A measure word alone, which needs the verb or the thing it counts: 走访户数, 参保人数.
GENERIC_TAILS = set(
    "数 人数 户数 次数 件数 面积 总量 数量 规模 金额 总额 额 量 总数 个数 场次 时长".split()
)
GENERIC_MONEY = set(
    "投资 资金 收入 金额 总额 投资额 总投资 投入 总经费 经费 总计 总概算经费".split()
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
TIME_ENDINGS = ("后", "前", "期间", "以来", "之际", "时")
EVENT_UNITS = ("time", "session")  # 巡查污染源4973次 counts inspections, not sources
_LINKS = COPULAS | {"的", "了", "预计", "预期", "有望", "力争"}  # 收入预计4.6万元
NEW = ("新", "净")  # 新登记, 新落地, 净增: a verb of what is new keeps its thing
_BEFORE_VERB = GENERIC_VERBS | COPULAS | set(LEADING_NOISE)


# 把, 将 before a number: the number counts the object named after it (把10件民生实事办好)
_OBJECT_MARKERS = ("把", "将")


def _counts_what_follows(words: list[Token]) -> bool:
    """把10件… / 某镇是湖北省100家…: the words before the number are an object marker, or a
    copula and the place a group belongs to; neither names what is counted."""
    if words and words[-1].word in _OBJECT_MARKERS:
        return True
    return (
        len(words) >= 2
        and words[-2].word in ("是", "为", "系")
        and (words[-1].flag == "ns" or words[-1].word in PLACE_WORDS)
    )


def measure_before(
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
    if kind := _kind_after_examples(before, region):
        return kind
    clean = strip_noise(strip_period(before), region)
    if clean.endswith(TIME_ENDINGS) and unit not in ("CNY", "percent"):
        return ""  # 政策调整后4名领导干部带队: a time, not the measure
    words = tokens(clean)
    if _counts_what_follows(words):
        return ""  # 把38项…任务, 某镇是湖北省100家…乡镇: the thing counted is named after
    while words and words[-1].word in _LINKS:
        words.pop()
    while words and (words[0].word in PREPOSITIONS or words[0].word == "的"):
        words.pop(0)  # 在…, 的长寿片区 (after an amount: 投资2400万元的…)
    if len(words) >= 2 and _cut_compound(words[-2], words[-1]):
        words[-2:] = [Token(words[-2].word + words[-1].word, "n")]  # 加强 + 针: 加强针
    if not words:
        return ""
    if len(words) == 1 and unit == "CNY" and words[0].word in MONEY_VERBS:
        return _money_purpose(words[0].word, "", text, start, following, region)  # 投入3亿元
    verb_at = _last_verb(words, counted=unit not in ("CNY", "percent"))
    if verb_at is None:
        phrase = "".join(t.word for t in words)
        if not any(is_noun(t) for t in words) or phrase in PLACE_WORDS:
            return ""
        cut = len(words) == 2 and all(len(t.word) == 1 for t in words)  # 出清 as 出 + 清
        if cut and unit not in ("CNY", "percent") and (noun := noun_after(after, unit)):
            return phrase + noun  # 出清38家…工业企业: a verb the tagger cut, and its thing
        return strip_noise(phrase, region)
    verb = words[verb_at].word
    tail_at = verb_at + 1
    while verb_at >= 2 and words[verb_at - 1].word == "、" and _verb_like(words[verb_at - 2]):
        verb_at -= 2  # 新签、开工、竣工项目21个: the listed acts share the thing
        verb = words[verb_at].word + "、" + verb
    if "、" in verb and words[verb_at - 1].flag == "a" and len(words[verb_at - 1].word) == 1:
        verb_at -= 1  # 新 + 签: a verb the tagger cut
        verb = words[verb_at].word + verb
    if verb_at and words[verb_at - 1].word in NEW and "、" not in verb:
        verb_at -= 1  # 新 + 登记: what is new, as 新增 and 新建 say it
        verb = words[verb_at].word + verb
    tail = strip_noise("".join(t.word for t in words[tail_at:]), region, subject=False)
    tail = EXAMPLES_RE.sub("", tail)  # 签约中国久远、光子激光等项目 -> 签约项目
    if verb_at and words[verb_at - 1].word in BANS:
        verb = words[verb_at - 1].word + verb  # 禁止燃放烟花爆竹宣传条幅
        verb_at -= 1
    if tail in PLACE_WORDS:
        tail = ""  # 完成辖区100余座5G通信基站建设: the noun after the number
    prefix = _prefix_noun(words[:verb_at], region)
    if tail and any(is_noun(t) for t in words[tail_at:]):
        if verb == "占" and prefix:
            return prefix + verb + tail  # 服务业占GDP比重: the share of what, in what
        if tail in GENERIC_MONEY and prefix:
            return prefix + tail  # 固定资产…完成投资126亿 -> 固定资产投资
        if tail in GENERIC_TAILS or (len(tail) <= 2 and unit in EVENT_COUNTS):
            return prefix + ("" if verb in GENERIC_VERBS else verb) + tail
        if verb.startswith(BANS):
            return verb + tail
        if verb in MODIFIER_VERBS or verb.startswith(NEW):
            return verb + tail
        if verb in GENERIC_VERBS:
            return tail
        if unit == "percent" and tail.endswith("率") and len(tail) <= 3:
            return prefix + verb + tail  # 调解成功率达98%, 土地流转率: the rate of the act
        if unit == "time" and not tail.endswith(EVENT_NOUNS):
            return verb + tail  # 巡查污染源4973次: inspections of pollution sources
        if unit in AREA_UNITS and tail.endswith(("面积", "长度", "全长", "里程")):
            return prefix + verb + tail  # 改造总面积63万平方米, 总铺设长度4374米
        if unit in AREA_UNITS:
            return tail + verb  # 铺设柏油路面1万余平方米 -> 柏油路面铺设
        if unit not in ("CNY", "percent") and verb not in FRAMING_VERBS:
            return verb + tail  # 走访居民680家: households visited, not all households
        return tail
    # The clause ends in a verb: 投入3亿元, 井盖提升170余处, 总占地近3000亩.
    if unit == "CNY" and verb in MONEY_VERBS:
        return _money_purpose(verb, prefix, text, start, following, region)
    if unit not in ("CNY", "percent") and (noun := noun_after(after, unit)):
        if verb in MODIFIER_VERBS or verb.startswith(NEW):
            return verb + noun  # 新增11家规上企业: new enterprises, not all of them
        if verb in REMOVING_VERBS and verb_at == len(words) - 1:
            return verb + noun  # 关停12家小散乱污企业: the enterprises closed, not all of them
        return ""  # 发挥好120余名网格员: the noun after the number says what is counted
    if prefix:
        return prefix + ("" if verb in GENERIC_VERBS else verb)
    return "" if verb in GENERIC_VERBS else verb


def _verb_like(token: Token) -> bool:
    return is_verb(token) or (len(token.word) == 1 and token.flag in ("v", "vg"))


COMPLEMENTS = set("至 于 到 在 为 给 向 成 出 入")  # 增长至, 提高到: what completes the verb


def _cut_compound(verb: Token, last: Token) -> bool:
    """A lone character right before the number, after a verb, that the tagger cut from it
    (加强针 as 加强 + 针/p): the two are one noun."""
    return (
        len(last.word) == 1
        and last.flag in ("p", "q", "ng", "vg")
        and last.word not in _LINKS
        and last.word not in COMPLEMENTS
        and is_verb(verb)
        and verb.word not in GENERIC_VERBS
    )


# 实施洋下、环南等大型旧屋区改造项目13个: the kind of thing after the examples listed before 等
_KIND_AFTER_RE = re.compile(r"[^、,，]{1,16}(?:、[^、,，]{1,16})+等(?P<kind>[^、等]{4,16})$")


def _kind_after_examples(before: str, region: str) -> str:
    found = _KIND_AFTER_RE.search(before)
    if not found:
        return ""
    words = tokens(found.group("kind"))
    while words and words[-1].word in _LINKS:
        words.pop()
    kind = strip_noise("".join(t.word for t in words), region)
    return kind if len(kind) >= 4 and words and is_noun(words[-1]) else ""


# Examples listed before 等 inside a measure: 中国久远、光子激光、光子技术研究院等
EXAMPLES_RE = re.compile(r"^[^、]{1,16}(?:、[^、]{1,16})+等(?=.)")

# 县府补助工程有联合办公大楼兴建工程等四项: what has the items listed as examples
HAS_RE = re.compile(r"^(.{2,16}?)(?:有|计|包括|包含|涵盖|含)")


def _listed(clean: str, after: str, unit: str) -> str:
    """集中签约希尔顿花园酒店、玻科数控等5个项目 -> 签约项目: the verb before the list and
    the noun after the number (the list names examples, not the measure)."""
    noun = noun_after(after, unit)
    words = tokens(clean)
    verbs = [t.word for t in words if is_verb(t) and t.word not in GENERIC_VERBS]
    if noun and verbs and len(noun) <= 4:
        return verbs[-1] + noun
    if not noun and (owner := HAS_RE.match(clean)):
        return strip_noise(owner.group(1), "")  # 县府补助工程有…等四项 -> 县府补助工程
    return noun


def _money_purpose(
    verb: str, prefix: str, text: str, start: int, following: str, region: str
) -> str:
    """What money was spent on: 持续强化人居环境整治,投入3亿元 -> 人居环境整治投入;
    投资8亿元,建设北城教育园区 -> 北城教育园区投资."""
    if prefix:
        return prefix + verb
    sentence = sentence_before(text, start)
    clauses = [c for c in DELIM_RE.split(sentence) if c]
    if len(clauses) >= 2:
        previous = tokens(unquote(clauses[-2]))
        at = _last_verb(previous)
        aim = strip_noise(
            "".join(t.word for t in previous[(at + 1 if at is not None else 0) :]), region
        )
        if aim and is_noun(previous[-1]) and len(aim) <= 12 and HAN_RE.search(aim):
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
    if purpose := PURPOSE_RE.match(text[start:]):  # 投资230万元对22座大棚进行改造升级
        aim = re.sub(r"^[\d.]+[\u4e00-\u9fff]?", "", purpose.group("aim")).replace("进行", "")
        if 2 <= len(aim) <= 12:
            return aim + verb
    return verb + "资金"


# What money is for, after the amount: 对22座大棚进行改造升级, 用于农村道路建设
PURPOSE_RE = re.compile(r"^[^,，。；;]*?元(?:用于|对|为)(?P<aim>[^,，。；;]{2,16})")


HAN_RE = re.compile(r"[\u4e00-\u9fff]")  # a clause of words, not an enumerator (1、)

# 亿元以上, 超千万, 千万元级: a size class before the thing counted
SIZE_CLASS_RE = re.compile(r"(?:超|过)?[十百千万亿]+元?(?:级|以上)?")
# Nouns that an act before them can name the kind of (有机更新项目, 技术改造工程).
HEAD_NOUNS = ("项目", "工程", "企业", "基地", "园区", "小区", "点位", "设施")


# A kind of enterprise or project named by words of any tag, up to its head noun
KIND_RE = re.compile(
    r"[\u4e00-\u9fff]{1,12}?(?:企业|项目|工程|合作社|商户|门店)(?![\u4e00-\u9fff])"
)
KIND_UNITS = ("enterprise", "project", "item", "household")


def noun_after(after: str, unit: str) -> str:
    """The thing counted, named after the number: 120余名城市社区专职网格员网格化管理作用 ->
    城市社区专职网格员; 2家企业的两化融合 -> 两化融合企业."""
    if after.startswith("的"):  # 29175人的医保缴费和8651人的养老保险征缴工作
        thing = re.sub(r"(工作|和|及|与|、)+$", "", after[1:])
        if thing and len(thing) <= 12:
            return thing + COUNTED_BY_VERB.get(unit, "")
    if (size := SIZE_CLASS_RE.match(after)) and size.end() < len(after):
        if thing := noun_after(after[size.end() :], unit):
            return size.group() + thing  # 3个亿元以上项目, 27家超千万企业: the class counted
    words = tokens(after)
    while words and words[0].word in ("的", "了", "等"):
        words.pop(0)
    if len(words) >= 2 and words[1].word == "的" and words[0].flag in ("a", "l", "i", "z", "ad"):
        words = words[2:]  # 120余场丰富多彩的文化惠民活动: the adjective is not the measure
    if len(words) >= 2 and words[0].flag == "t" and is_noun(words[1]):
        words[:2] = [Token(words[0].word + words[1].word, "n")]  # 1800余名战时力量
    taken: list[Token] = []
    rest: list[Token] = []
    for index, token in enumerate(words):
        compound = (  # 15万平方米改造工程: a verb that makes a compound with the noun after it
            not taken
            and index + 1 < len(words)
            and len(token.word) == 2
            and is_verb(token)
            and is_noun(words[index + 1])
            and len(words[index + 1].word) >= 2
        )
        compound = compound or (  # 6个有机更新项目: an act naming the kind of project
            bool(taken)
            and index + 1 < len(words)
            and len(token.word) == 2
            and token.flag in ("v", "vn", "d")
            and words[index + 1].word in HEAD_NOUNS
        )
        if compound or is_noun(token) or (token.word == "、" and taken):
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
    if (kind := KIND_RE.match(after)) and kind.group().startswith(noun) and unit in KIND_UNITS:
        noun = kind.group()  # 38家省市县高耗低效工业企业: words the tagger does not read as nouns
    if not noun:
        return ""
    if rest and rest[0].word == "的":
        owned = [t for t in rest[1:] if is_noun(t)]
        if owned and len(owned) == len(rest) - 1:  # 2家企业的两化融合 -> 两化融合企业
            return "".join(t.word for t in owned) + ("人数" if unit in PERSON_UNITS else noun)
    # 1.5万余名群众观看, 24个村、社区两委换届工作, 6家企业成功上云: what the counted did
    doing = [t for t in rest if t.word not in ("成功", "完成", "顺利", "全部")]
    phrase = "".join(t.word for t in doing)
    phrase = phrase.removesuffix("工作").removeprefix("进行")  # 22座大棚进行改造升级
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
    return strip_noise("".join(t.word for t in run), region)


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


def tidy_label(label: str) -> str:
    """At most MAX_LABEL characters, dropping whole words from the front (never cutting one)."""
    label = label.strip(" 、")
    if len(label) <= MAX_LABEL:
        return label
    words = [t.word for t in tokens(label)]
    while words and sum(map(len, words)) > MAX_LABEL:
        words.pop(0)
    return "".join(words)
