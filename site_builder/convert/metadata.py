"""Report metadata from the lines around the body: date, edition, title, byline, region, period."""

from __future__ import annotations

import datetime
import re
from collections import Counter

from site_builder.content.model import Byline, Metadata

DATE_RE = re.compile(r"^(\d{4})年(\d{1,2})月(\d{1,2})日(?:\s*星期.)?$")
EDITION_RE = re.compile(r"^(第\s*[0-9A-Za-z一二三四五六七八九十]+\s*版)\s*[:：]?\s*(.*)$")
SUBTITLE_RE = re.compile(r"^(?:——|──|--|—)+\s*(.+)$")
ROLES = ("本报记者", "本报通讯员", "特约记者", "记者", "通讯员", "实习生")
ROLE_RE = re.compile("|".join(ROLES))
BYLINE_RE = re.compile(rf"^(?:{'|'.join(ROLES)})[\s:：]*[\u4e00-\u9fff·]")
# 本报讯（记者 张三 通讯员 李四）at the start of the lede
NEWS_FLASH_RE = re.compile(r"^本报讯\s*[(（]([^)）]{2,60})[)）]")
ENP_TAIL_RE = re.compile(r"enpproperty")
ISO_DATE_RE = re.compile(r"\b(\d{4})-(\d{2})-(\d{2})\b")
PAGE_FILE_RE = re.compile(r"\b(content_\d+\.html?)\b")
PUBLICATION_RE = re.compile(r"^[\u4e00-\u9fff]{2,8}(?:日报|晚报|时报|报)$")
YEAR_RE = re.compile(r"(?<!\d)((?:19|20)\d{2})年")
# A place the report is about: optional parent (邹城市) and a subdistrict/town (钢山街道).
PLACE_RE = re.compile(r"(?=([\u4e00-\u9fff]{2,3})(街道|镇|乡)(?![\u4e00-\u9fff]{0,1}[长办]))")
PARENT_RE = re.compile(r"([\u4e00-\u9fff]{2,3}[市县区])$")
NOT_PLACE_PREFIX = set("在到和与及对为全本该各把将从向的了是让")


def iso_date(year: int, month: int, day: int) -> str | None:
    """'2021-12-31', or None for a date that does not exist."""
    try:
        return datetime.date(year, month, day).isoformat()
    except ValueError:
        return None


def parse_date(line: str) -> str | None:
    match = DATE_RE.match(line)
    return iso_date(*(int(x) for x in match.groups())) if match else None


def parse_edition(line: str) -> str | None:
    match = EDITION_RE.match(line)
    return re.sub(r"\s+", "", match.group(1)) if match else None


def parse_byline(line: str) -> Byline | None:
    """本报通讯员 王茂征 孙士勇 / 记者 张三 通讯员 李四 -> role(s) and names."""
    if not BYLINE_RE.match(line):
        return None
    roles: list[str] = []
    names: list[str] = []
    for token in re.split(r"[\s:：、,，]+", line):
        if not token:
            continue
        role = ROLE_RE.match(token)
        if role:
            if role.group(0) not in roles:
                roles.append(role.group(0))
            token = token[role.end() :]
        if token and re.fullmatch(r"[\u4e00-\u9fff·]{2,5}", token):
            names.append(token)
    return Byline(role=" ".join(roles) or None, names=names)


def parse_news_flash(paragraph: str) -> Byline | None:
    match = NEWS_FLASH_RE.match(paragraph)
    return parse_byline(match.group(1).strip()) if match else None


def parse_enp_tail(line: str, meta: Metadata) -> None:
    """Fill metadata from what is left of the e-paper <!--enpproperty ...--> comment."""
    if meta.date is None and (iso := ISO_DATE_RE.search(line)):
        meta.date = iso_date(*(int(x) for x in iso.groups()))
    if page := PAGE_FILE_RE.search(line):
        meta.source_page = page.group(1)
    tokens = line.replace("/enpproperty-->", " ").replace("<!--enpproperty", " ").split()
    for token in tokens:
        if meta.publication is None and PUBLICATION_RE.match(token):
            meta.publication = token
        if meta.subtitle is None and (sub := SUBTITLE_RE.match(token)):
            meta.subtitle = sub.group(1)
    if not meta.title and page:
        after = line[page.end() :].replace("/enpproperty-->", "").split()
        words = [w for w in after if not w.isdigit()]
        meta.title = " ".join(words)


def find_region(texts: list[str]) -> str | None:
    """The subdistrict/town the report is about, with its parent city/district when printed."""
    joined = "\n".join(texts)
    counts: Counter[str] = Counter()
    for match in PLACE_RE.finditer(joined):
        name, rank = match.group(1), match.group(2)
        for size in (2, 3):
            core = name[-size:]
            if len(core) == size and core[0] not in NOT_PLACE_PREFIX:
                counts[core + rank] += 1
    if not counts:
        return None
    best = max(counts.items(), key=lambda item: (item[1], len(item[0])))[0]
    parents: Counter[str] = Counter()
    for match in re.finditer(re.escape(best), joined):
        parent = PARENT_RE.search(joined[max(0, match.start() - 4) : match.start()])
        if parent and parent.group(1)[0] not in NOT_PLACE_PREFIX:
            parents[parent.group(1)] += 1
    return (parents.most_common(1)[0][0] if parents else "") + best


def find_period(title_lines: list[str], body: list[str], date: str | None) -> str | None:
    """The year a report covers: a year in the title lines, else the body's most frequent."""
    for line in title_lines:
        if match := YEAR_RE.search(line):
            return match.group(1)
    limit = int(date[:4]) if date else 9999
    counts = Counter(y for line in body for y in YEAR_RE.findall(line) if int(y) <= limit)
    if not counts:
        return date[:4] if date else None
    top = max(counts.values())
    return min(y for y, n in counts.items() if n == top)
