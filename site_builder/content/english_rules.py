"""English by rule, no translator needed: dates, editions, bylines, names, places and
publications. Key figures by rule are ``figure_rules``; placeholders ``placeholders``.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from collections.abc import Iterable, Mapping
from typing import Any

import cn2an
from pypinyin import Style, lazy_pinyin

from site_builder.content.glossary import GlossaryEntry
from site_builder.content.roles import english_role

MONTHS = (
    "January February March April May June July August September October November December"
).split()


# Compound surnames, with the reading used for surnames (万俟 is Moqi, not Wansi).
COMPOUND_SURNAMES = {
    "欧阳": "Ouyang", "司马": "Sima", "诸葛": "Zhuge", "上官": "Shangguan", "东方": "Dongfang",
    "皇甫": "Huangfu", "尉迟": "Yuchi", "公孙": "Gongsun", "慕容": "Murong", "长孙": "Zhangsun",
    "宇文": "Yuwen", "司徒": "Situ", "夏侯": "Xiahou", "令狐": "Linghu", "端木": "Duanmu",
    "独孤": "Dugu", "南宫": "Nangong", "西门": "Ximen", "轩辕": "Xuanyuan", "澹台": "Tantai",
    "公羊": "Gongyang", "万俟": "Moqi", "闻人": "Wenren", "呼延": "Huyan", "太史": "Taishi",
    "申屠": "Shentu", "钟离": "Zhongli", "拓跋": "Tuoba", "百里": "Baili", "东郭": "Dongguo",
    "第五": "Diwu", "淳于": "Chunyu", "单于": "Chanyu", "赫连": "Helian", "司空": "Sikong",
    "鲜于": "Xianyu", "濮阳": "Puyang", "公冶": "Gongye", "宗政": "Zongzheng", "乐正": "Yuezheng",
}  # fmt: skip
# Single-character surnames whose surname reading differs from the common one.
SURNAME_READINGS = {
    "单": "Shan", "曾": "Zeng", "解": "Xie", "仇": "Qiu", "区": "Ou", "朴": "Piao", "查": "Zha",
    "乐": "Yue", "覃": "Qin", "盖": "Ge", "秘": "Bi", "缪": "Miao", "翟": "Zhai", "员": "Yun",
    "召": "Shao", "折": "She", "句": "Gou", "繁": "Po", "任": "Ren", "薄": "Bo", "沈": "Shen",
    "尉": "Yu", "华": "Hua", "纪": "Ji", "种": "Chong", "隗": "Wei", "长": "Chang", "重": "Chong",
    "祭": "Zhai", "宁": "Ning", "黑": "He", "于": "Yu", "石": "Shi", "万": "Wan", "賁": "Ben",
}  # fmt: skip

RANKS = {  # administrative rank suffix -> English rank (TRANSLATION.md "Names")
    "省": "Province", "自治区": "Autonomous Region", "市": "City", "区": "District",
    "县": "County", "街道": "Subdistrict", "镇": "Town", "乡": "Township",
    "社区": "Community", "村": "Village",
}  # fmt: skip
_RANK_RE = re.compile("(.+?)(" + "|".join(sorted(RANKS, key=len, reverse=True)) + ")")
# The gazetteer's groups that stand where a prefecture would and are not places: the
# county-level cities a province runs itself (湖北省 > 省直辖行政区划 > 天门市), a
# municipality's districts (北京市 > 市辖区 > 东城区).
GAZETTEER_GROUPS = {
    "省直辖行政区划": "Province-Administered Divisions",
    "省直辖县级行政区划": "Province-Administered Divisions",
    "自治区直辖县级行政区划": "Region-Administered Divisions",
    "市辖区": "City Districts",
}


def english_date(iso: str | dt.date | None) -> str | None:
    """'2021-12-31' (or 2021年12月31日, or a date) -> 'December 31, 2021' (American style,
    like the site's spelling); None if unknown."""
    if iso is None:
        return None
    if isinstance(iso, dt.date):
        return f"{MONTHS[iso.month - 1]} {iso.day}, {iso.year}"
    match = re.fullmatch(r"\s*(\d{4})[-年](\d{1,2})[-月](\d{1,2})日?\s*", str(iso))
    if not match:
        return None
    year, month, day = (int(part) for part in match.groups())
    try:
        return english_date(dt.date(year, month, day))
    except ValueError:
        return None


def english_edition(edition: str | None) -> str | None:
    """'第04版' -> 'Page 4'; '第A3版' -> 'Page A3'; '第十二版' -> 'Page 12'; None if unknown."""
    if not edition:
        return None
    match = re.fullmatch(
        r"\s*第?\s*([A-Za-z]?)\s*([0-9０-９]+|[〇零一二三四五六七八九十百]+)\s*版?[:：]?\s*",
        edition,
    )
    if not match:
        return None
    letter, number = match.groups()
    if number[0].isdigit():
        page = int(number)
    else:
        try:
            page = int(cn2an.cn2an(number, "smart"))
        except (ValueError, KeyError):
            return None
    return f"Page {letter.upper()}{page}"


def english_byline(byline: Mapping[str, Any] | None) -> dict[str, Any]:
    """{role: 本报通讯员, names: [王茂征]} -> {role: 'Correspondent', names: ['Wang Maozheng']}.

    The role is singular for one name, plural for several; an unknown role gives None.
    """
    byline = byline or {}
    names = [str(name) for name in byline.get("names") or []]
    role = byline.get("role")
    english = english_role(str(role), len(names), english_publication) if role else None
    return {"role": english, "names": [person_name(name) for name in names]}


@functools.lru_cache(maxsize=65536)  # the same names on every page of a report
def person_name(name: str) -> str:
    """A Chinese personal name in pinyin, surname first, given name joined: Wang Maozheng."""
    name = name.strip()
    if not _is_han(name):
        return name
    if "·" in name or "•" in name:  # transliterated names: each part on its own
        return " ".join(place_pinyin(part) for part in re.split("[·•]", name) if part)
    if name[:2] in COMPOUND_SURNAMES and len(name) > 2:
        surname, given = COMPOUND_SURNAMES[name[:2]], name[2:]
    elif len(name) > 1:
        surname = SURNAME_READINGS.get(name[0]) or place_pinyin(name[0])
        given = name[1:]
    else:
        return place_pinyin(name)
    return f"{surname} {place_pinyin(given)}"


@functools.lru_cache(maxsize=65536)
def place_pinyin(text: str) -> str:
    """Pinyin joined and capitalised, without tones: 钢山 -> Gangshan, 西安 -> Xi'an."""
    syllables = lazy_pinyin(text, style=Style.NORMAL, v_to_u=True)
    out = ""
    for syllable in syllables:
        # Pinyin orthography: an apostrophe before a, o, e starting a later syllable.
        if out and syllable[:1] in "aoe" and out[-1].isalpha():
            out += "'"
        out += syllable
    return out[:1].upper() + out[1:]


def english_publication(
    name: str | None, glossary: Iterable[GlossaryEntry] | None = None
) -> str | None:
    """济宁日报 -> 'Jining Daily': the glossary first, else pinyin + Daily/Evening News/News."""
    if not name:
        return None
    entry = _lookup(name, glossary)
    if entry:
        return entry.en
    for suffix, english in PUBLICATION_KINDS:
        if name.endswith(suffix) and len(name) > len(suffix):
            proper = name[: -len(suffix)]
            # 天门市融媒体中心 -> Tianmen City Media Center; 县融媒体中心 -> County Media Center
            owner = RANKS.get(proper) or (
                english_region(proper) if proper[-1] in "市县区镇" else place_pinyin(proper)
            )
            return f"{owner} {english}"
    return place_pinyin(name)


# What a publication or outlet is, by the end of its name: 济宁日报 -> Jining Daily.
PUBLICATION_KINDS = (
    ("融媒体中心", "Media Center"), ("广播电视台", "Radio and Television"), ("电视台", "TV"),
    ("新闻网", "News Online"), ("客户端", "App"), ("日报", "Daily"), ("晚报", "Evening News"),
    ("时报", "Times"), ("报业", "Press Group"), ("报", "News"), ("网", "Online"),
    ("社", "News Agency"), ("台", "TV"),
)  # fmt: skip


def english_region(name: str | None, glossary: Iterable[GlossaryEntry] | None = None) -> str | None:
    """邹城市钢山街道 -> 'Gangshan Subdistrict, Zoucheng City' (smallest unit first).

    The whole name from the glossary if it is there; else each administrative unit from the
    glossary, or pinyin + rank by rule (TRANSLATION.md).
    """
    if not name:
        return None
    if name in GAZETTEER_GROUPS:
        return GAZETTEER_GROUPS[name]
    entries = list(glossary or [])
    whole = _lookup(name, entries)
    if whole:
        return whole.en
    units = _RANK_RE.findall(name)
    consumed = "".join(proper + rank for proper, rank in units)
    if not units or consumed != name:
        return place_pinyin(name)
    parts = []
    for proper, rank in units:
        entry = _lookup(proper + rank, entries)
        parts.append(entry.en if entry else f"{place_pinyin(proper)} {RANKS[rank]}")
    return ", ".join(reversed(parts))


def _lookup(zh: str, glossary: Iterable[GlossaryEntry] | None) -> GlossaryEntry | None:
    for entry in glossary or ():
        if entry.zh == zh:
            return entry
    return None


def _is_han(text: str) -> bool:
    return any("\u4e00" <= ch <= "\u9fff" for ch in text)
