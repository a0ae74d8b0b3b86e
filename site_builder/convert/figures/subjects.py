"""Whom or what a sentence's figures are of, when the clause of the figure does not say: the
named body the sentence opens with (产业园已累计签约…项目共25个 -> 产业园…), whom or what an
earlier clause addressed (为独居老人…,累计服务70余人次 -> 独居老人服务人次), and the unit an
amount is for (每个村10万元 -> 每村…). Used by labels.py; below it clauses.py and words.py."""

from __future__ import annotations

import re
from collections.abc import Sequence

from site_builder.content.model import KeyFigure
from site_builder.convert.figures.clauses import DELIM_RE, sentence_before, strip_noise
from site_builder.convert.figures.measures import measure_of
from site_builder.convert.figures.noun_phrases import COPULAS, NEW
from site_builder.convert.figures.words import is_verb, tokens

MONEY_LIKE = ("CNY",)  # units of money (labels.py shares it)

# A named body whose figures are its own, not the region's (山东玻科孵化器…实现税收4242万元).
BODY_RE = re.compile(r"公司|集团|孵化器|商会|银行|医院|学校|合作社|协会|产业园|工业园|园区|基地")
# 每个村10万元, 每户2000元: an amount for each of the units the sentence names
_PER_UNIT_RE = re.compile(r"^每(?:个|一个|位|名)?(?P<unit>[\u4e00-\u9fff]{1,4})$")
_FOR_RE = re.compile(r"用于(?P<verb>[\u4e00-\u9fff]{2})")


# 为独居老人…, 对41个老旧小区…, 针对特殊群体…: a clause that names whom or what the sentence's
# work is for or on
_ADDRESS_RE = re.compile(
    r"^(?:先后|积极|主动|定期|持续)?(?P<prep>为|对|针对|帮助)(?:[\d.]+[万]?[个名户家处座所])?"
)


def addressee(text: str, start: int) -> tuple[str, str, str] | None:
    """Whom or what the sentence's work is for or on, named in an earlier clause of the
    sentence (为独居老人定期上门…,累计服务70余人次 -> 为, 独居老人; 对41个老旧小区分批次改造,
    改造总面积… -> 对, 老旧小区, 改造): (preposition, the thing, the clause's last verb)."""
    clauses = DELIM_RE.split(sentence_before(text, start))
    for clause in reversed(clauses[:-1]):
        found = _ADDRESS_RE.match(clause)
        if not found:
            continue
        words = tokens(clause[found.end() :])
        nouns = [t.flag in ("n", "nz", "l") and len(t.word) >= 2 for t in words]
        first = next((i for i, noun in enumerate(nouns[:2]) if noun), None)
        if first is None:
            return None
        rest = first + 1  # 独居 老人, 特殊 群体: a word before the noun describes it
        while rest < len(words) and nouns[rest]:
            rest += 1
        thing = [t.word for t in words[:rest]]
        name = "".join(thing)
        if not 2 <= len(name) <= 8:
            return None
        verbs = [t.word for t in words[rest:] if is_verb(t)]
        return found.group("prep"), name, verbs[-1] if verbs else ""
    return None


def per_unit(
    label: str, before: str, text: str, start: int, earlier: Sequence[KeyFigure], unit: str
) -> str:
    """每个村10万元 -> 每村 + what the sentence's money is (用于扶持… -> 扶持资金; else the
    measure of the amount before it in the sentence): the amount each unit gets."""
    per = _PER_UNIT_RE.match(strip_noise(before, "")) if unit in MONEY_LIKE else None
    if not per:
        return label
    sentence = sentence_before(text, start)
    if purpose := _FOR_RE.search(sentence):
        return f"每{per.group('unit')}{purpose.group('verb')}资金"
    money = [f for f in earlier if f.unit in MONEY_LIKE and f.text in sentence]
    return f"每{per.group('unit')}{measure_of(money[-1])}" if money else label


def for_addressee(label: str, text: str, start: int) -> str:
    """A label that names only an act (服务人次, 改造总面积) or refers back (相关诉求) is of
    whom or what an earlier clause of the sentence addressed: 为独居老人…,累计服务70余人次 ->
    独居老人服务人次; 对41个老旧小区分批次改造,惠及居民7552户 -> 老旧小区改造惠及居民户数."""
    words = tokens(label)
    if not words or not (found := addressee(text, start)):
        return label
    prep, thing, verb = found
    if thing[-2:] in label or any(t.word in label for t in tokens(thing) if len(t.word) >= 2):
        return label  # 对辖区企业开展走访,走访企业120家: the label names it already
    if label.startswith(("相关", "有关")):
        return thing + label[2:]
    acts = is_verb(words[0]) or (words[0].flag == "vn" and len(words) > 1)
    if not acts or words[0].word.startswith(("新", "净")):
        return label  # 新增企业 counts what is new, not what the clause addressed
    if prep == "对" and verb and not label.startswith(verb):
        return thing + verb + label
    return thing + label


# A clause that only says who speaks (…副总经理李维武介绍) or when (目前, 今年以来): the
# sentence's subject is in the clause after it.
_SPEAKING_RE = re.compile(r"(?:介绍|表示|说|指出|透露|称|告诉记者|了解到)$")
MAX_BODY = 12


def body_of(text: str, start: int) -> str:
    """The named body (company, park, incubator, cooperative) a sentence opens with, if any:
    its figures are the body's. Bodies listed as examples (…公司、…公司等276万元) do not count;
    a clause saying who speaks or when comes before the subject (…介绍,目前,产业园已…); what
    describes it before 的 is not its name (2014年成立的…合作社), and a long name is
    shortened to the kind of body it is (合作社)."""
    sentence = sentence_before(text, start)
    clauses = DELIM_RE.split(sentence)
    opening = ""
    for clause in clauses[:-1] or clauses:
        bare = clause.strip("”」’』\"' ")
        if _SPEAKING_RE.search(bare) or not strip_noise(bare, ""):
            continue
        if all(t.flag in ("t", "d", "f", "m") for t in tokens(bare)):
            continue
        opening = bare
        break
    if not BODY_RE.search(opening):
        opening = clauses[-1]  # 园区2027年预计可实现…产值: the figure's own clause opens with it
        if not BODY_RE.search(opening):
            return ""
    if "的" in opening and clauses[0] == opening:
        opening = opening.rsplit("的", 1)[1]
    kinds = list(BODY_RE.finditer(opening))
    words = tokens(opening)
    nominal = bool(words) and not is_verb(words[0]) and words[0].flag not in ("d", "ad")
    nominal = nominal and not any(t.flag in ("p", "c", "r") for t in words)
    listed = sentence[sentence.find(opening) + len(opening) :][:1] == "、"
    if listed and kinds and kinds[-1].end() == len(opening):
        return ""  # 引进海峡银行、铁路实业等: examples, not the subject
    if kinds and kinds[-1].end() == len(opening) and opening != sentence and nominal:
        return opening if len(opening) <= MAX_BODY else kinds[-1].group()  # the clause is the name
    run = []
    for token in words:
        if (
            is_verb(token)
            or token.flag in ("p", "c", "d", "t", "m")
            or token.word[0] in "0123456789"
        ):
            break
        run.append(token.word)
    subject = "".join(run)
    # 山东玻科孵化器, 白沙工业园(新) are bodies; 公司副总经理李维武 is a person of one
    found = list(BODY_RE.finditer(subject))
    if not found or found[-1].end() < len(subject) - 1:
        return ""
    if subject[found[-1].end() :] in COPULAS or subject[found[-1].end() :] in NEW:
        subject = subject[: found[-1].end()]  # 合作社有, 工业园新(入驻): a word the tagger cut
    return subject if len(subject) <= MAX_BODY else found[-1].group()
