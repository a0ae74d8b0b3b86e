"""The place a report is about: a subdistrict, town, district, county, city or banner.

Candidates are a proper name of two or three characters and its rank (钢山街道, 干驿镇, 蓬江区,
荥经县, 邹城市), or of four before 街道 (银河南路街道); 石村镇 is a town (a town named after a
village) when what follows is a town's (人民, 辖 …), though 村镇 is a common word. A candidate is scored where it stands:

- in the title or subtitle it weighs most, in the first paragraphs more than further down,
  in a photo caption least;
- as the subject of a sentence (at the start of a clause: 2020年,干驿镇面对…) it scores extra;
- named only once, in passing (与襄城区接壤), it is not what the text is about;
- inside a quoted slogan (“渔业稳镇、临港强镇”) it does not count at all;
- right before another unit (邹城市钢山街道, 江门市蓬江区) it is that unit's parent and scores
  nothing; a unit printed after its parent is a place even if its name ends in a common word
  (绵阳市涪城区: 城区);
- its short name with 全 and its rank (涪城全区) names it again; printed after its parent at a
  clause's start (,项城市三店镇采取…) it is the subject.

Fragments are not places: a name that starts with a function word or a rank (各镇, 全区,
市钢山街道), that follows a number (2022年各镇 gives 年各镇), or that is a common word
(社区, 乡村, 强镇); a name ending in a common word (邹城市 and 大城市, 龙城区 and 老城区) counts
only as a parent or in the title. The best candidate wins; on a tie the smaller unit, the shorter name,
then the one met first. Its parent is printed before it when the text gives one (邹城市钢山街道).
Texts are the Simplified analysis copy, so the region is stored in Simplified characters.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

RANK_RE = re.compile("街道|镇|乡|区|县|市|旗")
# A name does not start with these: function words and verbs of place (占, 赴, 距), a rank (the
# parent's), a date's 年月日.
NOT_FIRST = set(
    "在到和与及对为全本该各把将从向的了是让由被给以于至其每此那这我省市县区镇乡村旗年月日占赴往距较据超些"
)
# Nor end with these: 城区街道 and 获评全市 are not names, nor 撤乡设镇 (a change of rank).
NOT_LAST = set("区县市镇乡全各本该我此每其这那撤设")
# Nor hold these anywhere: 上级和镇委 does not give 级和镇.
NOT_INSIDE = set("的了和与及或在是把被将为对从向")
# Before these a name may start: a clause opening, a parent unit, a date, a function word.
BOUNDARY = NOT_FIRST | {""}
# At a clause start a place is the sentence's subject (2020年,干驿镇面对…).
SUBJECT_BEFORE = set("年来，,。；;！？!?：:") | {""}
# The last character of a name and its rank that make a common word, not a place.
COMMON_WORDS = set(
    "社区 园区 景区 小区 辖区 市区 片区 街区 校区 矿区 库区 牧区 灾区 湾区 厂区 营区 展区"
    " 专区 分区 发区 范区 护区 验区 能区 心区 行区 作区 业区 贸区 税区 保区 两区 三区"
    " 超市 都市 上市 夜市 集市 门市 股市 楼市 菜市 街市 早市 闹市 入市 开市 黑市 城县 郡县 州县"
    " 乡镇 集镇 村镇 重镇 名镇 强镇 兴镇 稳镇 美镇 富镇 立镇 靠镇 活镇 宜镇 市镇 大镇"
    " 家乡 城乡 故乡 返乡 下乡 老乡 同乡 他乡 异乡 水乡 梦乡 思乡 回乡 离乡 红旗 国旗 党旗 锦旗"
    " 彩旗 队旗 团旗 升旗 会旗 战旗 旌旗 强县 强市 强区 大县 大市 大区 大乡 制镇".split()
)
# Words that end right before a rank in officialese without naming a place: 贯彻县委…,
# 围绕市第十三次党代会, 荣获全国文明镇.
NOT_NAMES = set(
    "贯彻 落实 围绕 按照 根据 推进 推动 完成 召开 参加 荣获 获评 列入 纳入 进入 位居 领跑 深入 认真"
    " 坚决 全面 带动 服务 支持 配合 协助 组织 开展 实现 打造 建设 创建 争创 成为 作为 属于 隶属"
    " 来自 前往 走进 走出 返回 回到 离开 覆盖 联合 协同 共同 各级 上级 下级 本级 同级 我们 他们"
    " 全体 强调 指出 要求 部署 决定 审议 通过 印发 出台 制定 发布 公布 评为 获得 入选 跻身 之一"
    " 百强 十强 千强 全国 全省 国家 省级 市级 县级 区级 超级 这些 那些"
    # verbs before 镇村 (the town and its villages): 发挥镇村干部力量, 压实镇村责任
    " 发挥 调动 动员 发动 依靠 压实 激发 督促 指导 整合 统筹"
    # titles a place earns (文明城市, 卫生县城, 园林城市, 国家级重点镇, 特色小镇), not its name
    " 文明 卫生 园林 重点 特色 示范 中心 试点".split()
)
# Words that end many real names too (邹城市 and 大城市, 龙城区 and 老城区, 鹤山区 and 山区):
# such a name is a place only as a parent of another or in the title.
PLACE_OR_WORD = set("城市 城区 城镇 山区 湖区 新区 老区 东区 西区 南区 北区 古镇 小镇 新镇".split())
# A rank followed by these is another word: 乡村, 市场, 区域, 旗帜.
NOT_AFTER = {
    "乡": set("村镇土亲贤愁音情风"),
    "市": set("场民容政值面貌域"),
    "区": set("域别块间位分划"),
    "旗": set("帜舰袍下号"),
    "镇": set("守静痛定域"),
    "县": set("域"),
}
TITLE_WEIGHT = 6.0  # texts weighed this much or more are the title and subtitle
QUOTES = re.compile(r"“[^”]{0,60}”|「[^」]{0,60}」|‘[^’]{0,60}’")


@dataclass
class _Seen:
    score: float = 0.0
    first: int = 0  # where it was first met, for ties
    times: int = 0
    subject: bool = False  # met in the title or as a clause's subject

    @property
    def is_about(self) -> bool:
        """Named as the subject, in the title, or more than once: not only in passing."""
        return self.subject or self.times > 1


def _blank_quotes(text: str) -> str:
    """Quoted slogans as spaces of the same length: their places are not the subject."""
    return QUOTES.sub(lambda m: " " * len(m.group()), text) if "“" in text or "「" in text else text


def _han(char: str) -> bool:
    return "\u4e00" <= char <= "\u9fff"


def place_candidates(text: str) -> list[tuple[int, int, str, bool]]:
    """(start, end, name, common) of every place-like name in ``text``, both lengths where both
    fit; ``common`` when it ends in a common word (邹城市 or 大城市, 龙城区 or 老城区)."""
    found: list[tuple[int, int, str, bool]] = []
    for rank in RANK_RE.finditer(text):
        rank_start, end, rank_text = rank.start(), rank.end(), rank.group()
        if rank_start < 2:
            continue
        last = text[rank_start - 1]
        # cheapest tests first: most ranks follow 全, 我, 社 … (全区, 我市, 社区)
        if (
            not "\u4e00" <= last <= "\u9fff"
            or last in NOT_LAST
            or (last + rank_text[0] in COMMON_WORDS and not _town_of_a_village(text, rank))
        ):
            continue
        if end < len(text) and text[end] in NOT_AFTER.get(rank_text, ()):
            continue
        if last == "地" and text.startswith("生产总值", end):
            continue  # 人均地区生产总值, 占地区生产总值: the measure, not a place
        common = last + rank_text[0] in PLACE_OR_WORD
        for size in (2, 3, 4) if rank_text == "街道" else (2, 3):
            start = rank_start - size
            if start < 0:
                break
            first = text[start]
            if not "\u4e00" <= first <= "\u9fff":
                break
            proper = text[start:rank_start]
            if size == 4 and RANK_RE.search(proper):
                break  # 城区新华街道: a unit and a name, not one name (柳岸北路街道 is one)
            if (
                first in NOT_FIRST
                or NOT_INSIDE.intersection(proper[1:])
                or proper[-2:] in NOT_NAMES
                or proper[:2] in NOT_NAMES  # 完成地区: a verb phrase, not a place
                or text[max(0, start - 1) : start + 1] in NOT_NAMES  # 成地区 of 完成地区
            ):
                continue  # 各镇, 上级和镇委, 贯彻县委: not a name
            if start > 0 and text[start - 1].isdigit():
                continue  # 2022年各镇: a fragment after a number
            found.append((start, end, proper + rank_text, common))
    return _with_zones(text, found)


# After a town's name: its government, people or territory (石村镇人民, 王村镇辖28个行政村)
TOWN_AFTER = ("人民", "政府", "党委", "人大", "辖", "位于", "地处", "境内", "总面积", "总人口")


def _town_of_a_village(text: str, rank: re.Match[str]) -> bool:
    """石村镇 (a town named after a village), not 村镇 the common word (美丽村镇): followed by
    what follows a town's name."""
    return text[rank.start() - 1 : rank.end()] == "村镇" and text.startswith(TOWN_AFTER, rank.end())


# A development zone named by its city: 宜昌高新区, 镇江新区, 芷溪经开区. The city may begin
# with a rank's character (镇江), which a name otherwise may not.
ZONE_RE = re.compile(r"高新区|经开区|开发区|保税区|综保区|新区")


def _with_zones(
    text: str, found: list[tuple[int, int, str, bool]]
) -> list[tuple[int, int, str, bool]]:
    """``found`` with the development zones of ``text`` (a city of two or three characters
    and the zone's kind); a zone replaces the shorter names that end where it ends (高新区,
    江新区 of 宜昌高新区, 镇江新区)."""
    if "区" not in text:
        return found
    zones: list[tuple[int, int, str, bool]] = []
    for match in ZONE_RE.finditer(text):
        for size in (2, 3):
            start = match.start() - size
            city = text[max(start, 0) : match.start()]
            if (
                start < 0
                or not all(_han(char) for char in city)
                or city[0] in NOT_FIRST.difference("镇市县")
                or NOT_INSIDE.intersection(city)
                or city in NOT_NAMES
                or city[-2:] in NOT_NAMES
                or city[-1] in NOT_LAST
                or (start > 0 and text[start - 1].isdigit())
            ):
                continue
            zones.append((start, match.end(), city + match.group(), False))
    if not zones:
        return found
    ends = {end for _start, end, _name, _common in zones}
    kept = [entry for entry in found if entry[1] not in ends]
    return sorted(kept + zones)


def find_region(texts: list[tuple[str, float]]) -> str | None:
    """The place ``texts`` (Simplified, each with its weight) are about, with its parent."""
    seen: dict[str, _Seen] = {}
    parents: dict[str, Counter[str]] = {}
    order = 0
    for raw, weight in texts:
        text = _blank_quotes(raw)
        candidates = _named_with_parents(place_candidates(text))
        starts: dict[int, list[str]] = {}
        for start, _end, name, common in candidates:
            if not common:
                starts.setdefault(start, []).append(name)
        opens: dict[int, str] = {}  # where a child starts -> what stands before its parent
        for start, end, name, common in candidates:
            before = text[start - 1] if start > 0 else ""
            boundary = not _han(before) or before in BOUNDARY
            following = starts.get(end)
            if following and not _is_small(name):
                if boundary:  # 堆龙德庆县: a longer name than we read is no one's parent
                    for child in following:
                        parents.setdefault(child, Counter())[name] += 1
                    opens[end] = before
                continue  # 邹城市钢山街道: the parent of what follows
            if before in SUBJECT_BEFORE | BOUNDARY and opens.get(start) in SUBJECT_BEFORE:
                before = opens[start]  # ,项城市三店镇采取…: with its parent, the subject
            if common and weight < TITLE_WEIGHT:
                continue  # 大城市, 老城区: a place only as a parent or in the title
            order += 1
            entry = seen.get(name)
            if entry is None:
                entry = seen[name] = _Seen(first=order)
            score = 1.0 if boundary else 0.5
            if before in SUBJECT_BEFORE:
                score += 1.0  # the subject of a clause
                entry.subject = True
            entry.subject = entry.subject or weight >= TITLE_WEIGHT
            entry.times += 1
            entry.score += score * weight
    _count_whole_unit_mentions(seen, [_blank_quotes(raw) for raw, _weight in texts])
    about = [name for name, entry in seen.items() if entry.is_about]
    if not about:
        return None  # places named only in passing (与襄城区接壤): not what the text is about
    best = max(
        about, key=lambda name: (seen[name].score, _is_small(name), -len(name), -seen[name].first)
    )
    best = _whole_of_parts(best, about, seen)
    parent = parents.get(best)
    return (parent.most_common(1)[0][0] if parent else "") + best


def _named_with_parents(
    candidates: list[tuple[int, int, str, bool]],
) -> list[tuple[int, int, str, bool]]:
    """A name ending in a common word printed right after its parent (芷阳市柳城区) is a place:
    a paper does not print a city before 老城区 the word."""
    ends = {end for _start, end, _name, common in candidates if not common}
    return [(s, e, n, common and s not in ends) for s, e, n, common in candidates]


WHOLE_UNIT = {"区": "全区", "县": "全县", "市": "全市", "镇": "全镇", "乡": "全乡"}


def _count_whole_unit_mentions(seen: dict[str, _Seen], texts: list[str]) -> None:
    """柳城全区, 石门全镇: the short name with 全 and the rank names the place again."""
    for name, entry in seen.items():
        whole = WHOLE_UNIT.get(name[-1])
        if whole and len(name) > 2:
            times = sum(text.count(name[:-1] + whole) for text in texts)
            entry.times += times
            entry.subject = entry.subject or times > 0


def _whole_of_parts(best: str, about: list[str], seen: dict[str, _Seen]) -> str:
    """A story about several subdistricts or towns alike (茶园街道, 王庄街道, 象园街道 …) is
    about the place they belong to: the best larger unit the text is about, when no small
    one stands out (the best scores less than twice the third)."""
    small = sorted((n for n in about if _is_small(n)), key=lambda n: -seen[n].score)
    if not _is_small(best) or len(small) < 3 or seen[small[0]].score >= 2 * seen[small[2]].score:
        return best
    larger = [n for n in about if not _is_small(n)]
    return max(larger, key=lambda n: (seen[n].score, -seen[n].first)) if larger else best


def _is_small(name: str) -> bool:
    return name.endswith(("街道", "镇", "乡"))
