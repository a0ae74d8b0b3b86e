"""What a single line looks like: the shapes the header reader and the body parser share."""

from __future__ import annotations

import re

from site_builder.convert.layout.chrome import is_furniture as is_furniture_line

SENTENCE_END = "。！？!?"
CLAUSE_PUNCT = re.compile(r"[,，。；;！？!?]")
NUMBERED_HEADING_RE = re.compile(
    r"^(?:[一二三四五六七八九十]{1,3}、|[(（][一二三四五六七八九十]{1,3}[)）]|\d{1,2}[.．、](?!\d))"
)
# not a site's flash opening the lede (【某某网讯】, 【某某电】)
BRACKET_HEADING_RE = re.compile(r"^【(?![^】]*[讯电]】)[^】]{2,24}】")
# 大会现场 张宝杉 摄: a photo's caption ending in its photographer, never a title
PHOTO_CREDIT_END_RE = re.compile(r"\s[\u4e00-\u9fff·]{2,4}\s*(?:/\s*)?摄(?:影)?[)）]?$")
# 各位代表: / 尊敬的赵主任、各位委员: / 同志们: — a speech's salutation
SALUTATION_RE = re.compile(r"^(?:尊敬的|各位|同志们|女士们|朋友们)[^。；;]{0,40}[:：]$")
# 沙沟镇镇长 刘彦成 / 官渡区人民政府副区长(提名人选) 吴小军 — who gives a speech; 某某镇政府
# 王小明 — who wrote the piece, with the office they write for
SPEAKER_RE = re.compile(
    r"^[\u4e00-\u9fff]{1,24}(?:长|书记|主任|主席|代表|委员|主持人|政府|办事处|办公室|党委|党工委)"
    r"(?:\s*[(（][^()（）]{1,10}[)）])?\s+[\u4e00-\u9fff·]{2,4}$"
)
MAX_HEADING = 30
MAX_TITLE = 60


def is_short(text: str) -> bool:
    """A line that could be a heading or a caption: short, no clause punctuation."""
    return len(text) <= MAX_HEADING and not CLAUSE_PUNCT.search(text) and not ends_in_colon(text)


def ends_in_colon(text: str) -> bool:
    """各位代表: / 一年来,我们主要抓了以下工作: / 这里是浙江—— — a line that leads into what
    follows (a paragraph, not a heading or a caption)."""
    return text[-1:] in ":：" or text.endswith(("——", "……"))


def is_heading_form(key: str) -> bool:
    """一、… (二)… 3.… 【…】: a line in the form of a section heading."""
    return bool(NUMBERED_HEADING_RE.match(key) or BRACKET_HEADING_RE.match(key))


def is_spaced_out(text: str) -> bool:
    """政 府 工 作 报 告: single characters set apart by spaces, as a display title."""
    parts = text.split(" ")
    return len(parts) >= 3 and all(len(part) == 1 for part in parts)


def is_furniture(text: str) -> bool:
    """Page furniture that can never be a title or a heading (layout/chrome.py's list), or a
    line without a Chinese character."""
    return is_furniture_line(text) or not re.search(r"[\u4e00-\u9fff]", text)


# 城南镇:叶厝、高村 — a township and its villages; 东庄村、西庄村、南湖社区 — names of villages
# or communities: a list of places is text (who got what), never a heading or a photo caption.
_UNIT = r"[\u4e00-\u9fff]{1,8}(?:镇|乡|街道|社区|管理区|办事处|片区)"
_UNIT_AND_NAMES_RE = re.compile(
    rf"^{_UNIT}\s*[:：]\s*(?P<names>[\u4e00-\u9fff]{{1,6}}(?:\s*[、\s]\s*[\u4e00-\u9fff]{{1,6}})*)等?$"
)
_PLACE_NAME_RE = re.compile(
    r"[\u4e00-\u9fff]{1,8}(?:村|社区|居委会|小区|村民小组|组|镇|乡|街道|屯|寨)(?:等)?"
)
MIN_LISTED = 3  # names in a list that stands alone; fewer when lines of the kind run on
# 这68个村分别为 / 获评村名单如下: the line that leads into a list
_LEAD_IN_RE = re.compile(r"(?:分别为|分别是|依次为|如下|包括|名单|名单为|是|为)[:：]?$")


def place_list_lines(keys: list[str]) -> set[int]:
    """The lines of ``keys`` that list places: three or more names of villages or communities
    (东庄村、西庄村、南湖社区), or a township with its villages (城南镇:叶厝、高村) — with three
    names, or on two or more lines of that kind (a list of townships, one a line); and the
    short line right above a list that leads into it (这68个村分别为)."""
    found: set[int] = set()
    units: list[int] = []
    for index, key in enumerate(keys):
        names = [item for item in re.split(r"\s*[、\s]\s*", key.strip()) if item]
        if len(names) >= MIN_LISTED and all(_PLACE_NAME_RE.fullmatch(n) for n in names):
            found.add(index)
        elif listed := _UNIT_AND_NAMES_RE.match(key.strip()):
            units.append(index)
            if len(re.split(r"\s*[、\s]\s*", listed.group("names"))) >= MIN_LISTED:
                found.add(index)
    if len(units) >= 2:
        found.update(units)
    for index in sorted(found):
        if index and len(keys[index - 1]) <= 30 and _LEAD_IN_RE.search(keys[index - 1]):
            found.add(index - 1)
    return found
