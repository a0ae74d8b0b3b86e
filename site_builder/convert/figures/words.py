"""Words of local-government reports for labelling key figures: jieba's part-of-speech
tagger on a tokenizer of our own, and which words count as verbs and nouns.

The tokenizer is made once per process (``jieba.Tokenizer`` plus a few words of these
reports), so labels never depend on what another part of the program (the search plugin)
adds to jieba's shared dictionary, and that dictionary never grows because of us. The
tagger's tags are rough for this register (收入/v, 率/v), so the lists here say which words
are verbs and which are nouns whatever the tagger thinks.
"""

from __future__ import annotations

import functools
import logging
import re
from dataclasses import dataclass

import jieba
import jieba.posseg

QUOTES = "“”‘’\"'《》〈〉【】「」"

# Words the tagger should know as one word (noun unless tagged otherwise).
DOMAIN_WORDS = (
    "财政收入 财政总收入 一般公共预算收入 一般预算收入 地方收入 地方级收入 税收收入 工商税收 "
    "固定资产投资 地区生产总值 社会消费品零售总额 规上工业总产值 规上工业产值 规上工业增加值 "
    "规模以上工业增加值 规模以上工业总产值 进出口总额 招商引资 到位资金 签约额 实际利用外资 "
    "人均可支配收入 城镇居民人均可支配收入 农村居民人均可支配收入 城镇登记失业率 市场主体 "
    "四上企业 规上企业 旅游综合收入 高标准农田 播种面积 粮食播种面积 森林覆盖率 覆盖率 "
    "电信网络诈骗 发案数 技术合同 交易额 登记额 服务业收入 建筑面积 满意率 办结率 入园率 "
    "网格员 专职网格员 民生诉求 工单 热线工单 突出问题 重点隐患 问题线索 污染源 采样点 接种点 "
    "投放点 分类投放点 志愿服务 服务时长 公益岗 楼道长 党小组 门前五包 回迁群众 新冠疫苗 "
    "健康查体 慢性病 两委 文化惠民 惠民演出 主题活动 意见建议 基础设施 人居环境 人居环境整治 "
    "新业态 从业人员 快递员 便民服务 服务事项 党群服务中心 幸福食堂 重点项目 重点工程 四上 "
    "准四上 两化融合 旧改 棚改 散煤 免缴费人员 洒水车 宣传条幅 宣传页 柏油路面 教学楼 扬尘 "
    "在园幼儿 违法犯罪率 新就业群体 共产党员户 党员户 自治共治 就业创业 奖补 综合满意率 "
    "信息台账 安置房 采样点 网格化 办理过程 双报道 诊疗救助 专班 创意园 签约项目 老旧小区 "
    "老旧小区改造 创业担保贷款 竣工投产 种植基地 养殖基地 公示牌 活跃企业 违建 邻里纠纷 在库 减税降费"
).split()
DOMAIN_ADVERBS = "常态化 规范化 制度化".split()
DOMAIN_VERBS = (
    "惠及 追检 追阳 挂牌 清表 办结 上报 提报 签约 招录 下沉 走访 铺设 汇总 办理 上云 产生 "
    "配齐 配备 落地".split()
)
# Tagged as nouns, never the measure: 洒水车常态化开展洒水作业.
NOT_NOUNS = set("常态化 规范化 制度化 全覆盖 一体化 高质量 高标准 精细化 全部 均".split())

# Verbs that are part of the measure: 新增四上企业27家 counts new enterprises.
MODIFIER_VERBS = set(
    "新增 新建 新开工 新培育 新注册 新登记 新认定 净增 新引进 新招引 惠及 整改".split()
)
# Tagged as verbs, used as nouns in these reports.
NOUN_WORDS = set("收入 率 投资 总投资 投入 产值 税收 资金 诉求 项目 活动 工单 占地 总占地".split())
MONEY_VERBS = set("投入 投资 筹集 争取 拨付 发放 兑现 募集 捐赠 融资 落实 到位 撬动".split())
# Sets for the tests below (the lists above keep their order for the tokenizer): is_verb and
# is_noun run for every word of every clause looked at.
_NOUNS = frozenset(NOUN_WORDS) | frozenset(DOMAIN_WORDS)
_VERBS = frozenset(DOMAIN_VERBS) | MODIFIER_VERBS | MONEY_VERBS
_VERB_FLAGS = frozenset(("v", "vd", "vg", "vi", "vq", "vf", "vx"))


@dataclass(frozen=True)
class Token:
    word: str
    flag: str


@functools.cache
def _tagger() -> jieba.posseg.POSTokenizer:
    """jieba's tagger on a tokenizer of our own, made once per process with our words."""
    jieba.setLogLevel(logging.WARNING)  # no "Building prefix dict…" chatter on stderr
    tokenizer = jieba.Tokenizer()
    tokenizer.initialize()
    for word in DOMAIN_WORDS:
        tokenizer.add_word(word, tag="n")
    for word in DOMAIN_VERBS:
        tokenizer.add_word(word, tag="v")
    for word in DOMAIN_ADVERBS:
        tokenizer.add_word(word, tag="d")
    return _POSTokenizer(tokenizer)


class _POSTokenizer(jieba.posseg.POSTokenizer):
    """jieba's tagger, with the tags of jieba's dictionary taken from the tagger that
    ``import jieba.posseg`` has already built instead of parsing dict.txt a second time
    (a quarter of a second per process, in every worker of the import pool)."""

    def load_word_tag(self, f: object) -> None:
        close = getattr(f, "close", None)
        if close is not None:
            close()
        if self.tokenizer.dictionary == jieba.posseg.dt.tokenizer.dictionary:
            self.word_tag_tab = dict(jieba.posseg.dt.word_tag_tab)
        else:
            super().load_word_tag(self.tokenizer.get_dict_file())


def tokens(text: str) -> list[Token]:
    """Words and tags of a short phrase (HMM off: quicker, and it never invents words).

    A quoted name is one noun: 召开“携手聚力、和谐发展”人才交流座谈会 -> 携手聚力、和谐发展 +
    人才交流 + 座谈会; the quotation marks themselves are dropped.
    """
    return list(_tokens(text))


@functools.lru_cache(maxsize=4096)  # the clauses of a sentence are asked for several times
def _tokens(text: str) -> tuple[Token, ...]:
    found: list[Token] = []
    text = _EMPHASIS_RE.sub(r"\1", text)  # 上“云”: a quoted character is emphasis, not a name
    for part in _QUOTED_RE.split(text):
        if not part:
            continue
        if part[0] in _OPENING and part[-1:] in _CLOSING:
            found.append(Token(part[1:-1].strip(), QUOTED))
            continue
        plain = "".join(ch for ch in part if ch not in QUOTES)
        if plain:
            found += [Token(pair.word, pair.flag) for pair in _tagger().cut(plain, HMM=False)]
    return tuple(found)


_OPENING, _CLOSING = "“‘《「【〈", "”’》」】〉"
_EMPHASIS_RE = re.compile(r"[“‘「]([^“”‘’「」]?)[”’」]")
QUOTED = "nq"  # our tag for a quoted name: a noun, whatever its words
_QUOTED_RE = re.compile(r"([“‘《「【〈][^“”‘’《》「」【】〈〉]{1,16}[”’》」】〉])")


def is_verb(token: Token) -> bool:
    if token.flag == QUOTED or token.word in _NOUNS:
        return False
    if token.word in _VERBS:
        return True
    if token.flag in _VERB_FLAGS:
        # A lone character tagged as a verb is mostly a word the tagger cut (岗山铺, 奖补).
        return len(token.word) > 1 or token.word in SINGLE_VERBS
    # 超额完成/l, 大力发展/nz: idioms that end in an action verb
    return token.flag in ("l", "i", "nz") and token.word.endswith(("完成", "发展", "实现", "开展"))


SINGLE_VERBS = set("建 设 占 达 办 种 栽 修 招 引 投 选 评 育 拆 改 装 植 派 帮 送 收 解 查 处")


def is_noun(token: Token) -> bool:
    if token.word in _NOUNS:
        return True
    if token.word in NOT_NOUNS:
        return False
    if is_verb(token):
        return False
    if token.flag in ("v", "vg") and len(token.word) == 1:
        return True  # 岗山铺: a cut word, most likely part of a name
    return token.flag[:1] in ("n", "j", "l", "b", "s", "g") or token.flag in (
        "vn",
        "an",
        "zg",
        "eng",
    )
