"""Report metadata from the lines around the body: date, edition, title, byline, region, period."""

from __future__ import annotations

import datetime
import re
from collections import Counter

from site_builder.content.model import Byline, Metadata
from site_builder.content.roles import ROLE_NAMES, ROLE_PATTERN

# 2022年3月5日 星期六, 2023-05-12 09:38: a date line (with the time a portal prints)
DATE_RE = re.compile(
    r"^(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日(?:\s*(?:星期|周).)?(?:\s*\d{1,2}:\d{2}(?::\d{2})?)?$"
    r"|^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:\s*(?:星期|周).)?(?:\s*\d{1,2}:\d{2}(?::\d{2})?)?$"
)
# 某某日报/2023 年/8 月/9 日/第 A05 版 — a masthead with its parts set apart by slashes
MASTHEAD_RE = re.compile(
    r"^(?P<paper>[\u4e00-\u9fff]{2,10}报)\s*[/|｜]\s*(?P<y>\d{4})\s*年\s*[/|｜]?\s*(?P<m>\d{1,2})\s*月"
    r"\s*[/|｜]?\s*(?P<d>\d{1,2})\s*日(?:\s*[/|｜]\s*(?P<edition>第\s*[0-9A-Za-z]+\s*版))?"
    # 《某某日报》(2023年10月21日 03版): a paper's site under its article's title
    r"|^《\s*(?P<bpaper>[\u4e00-\u9fff]{2,10}报)\s*》\s*[(（]\s*(?P<by>\d{4})\s*年\s*(?P<bm>\d{1,2})"
    r"\s*月\s*(?P<bd>\d{1,2})\s*日\s*(?:(?P<bedition>第?\s*[0-9A-Za-z]+\s*版))?\s*[)）]$"
)
# 第04版 / 第A2版：要闻 / 第06版:区县巡礼 — the edition and its section name
EDITION_RE = re.compile(
    r"^(第\s*[0-9A-Za-z一二三四五六七八九十]+\s*版)\s*[:：]?\s*([^\s:：,，。]{0,10})$"
)
# ——邹城市钢山街道发展纪实; -2022年2月23日在…会议上 (a single hyphen before a date)
SUBTITLE_RE = re.compile(r"^(?:(?:——|──|--|—)+|-(?=\s*\d{4}年))\s*(.+)$")
ROLE_ALT = ROLE_PATTERN
ROLE_RE = re.compile(ROLE_ALT)
# Marks some papers print before a byline: □记者 张三, ■本报记者 李四
BYLINE_MARKS = "□■●◎▲△◆◇☆★"
# 文/记者 王小明: the writers' byline opened by 文/ (and closed by 图/ and the photographer)
BYLINE_RE = re.compile(
    rf"^[{BYLINE_MARKS}]?\s*(?:文\s*[/:：]\s*)?(?:{ROLE_ALT})[\s:：]*[\u4e00-\u9fff·]"
)
PHOTOGRAPHER_MARKS = ("图", "摄影", "摄")
# Words after the names that are not names: 全媒体记者 张三 报道, 张三 摄
BYLINE_TAIL_WORDS = {"报道", "摄", "摄影", "文", "图", "文图", "整理", "供图", "撰稿", "采写"}
NAME_RE = re.compile(r"[\u4e00-\u9fff·]{2,5}")
# (胡集镇), (白沙镇党政办): a place or an office that sent the text in, not a writer's name
NOT_A_PERSON_RE = re.compile(r"(?:镇|乡|村|县|区|市|街道|社区|办|局|委|所|站|中心|公司|部)$")
# (顾敏 林兰) or (记者 张三) closing the article: the writers, in brackets
CLOSING_BYLINE_RE = re.compile(r"[(（]([^()（）]{2,40})[)）]$")
# 本报讯（记者 张三 通讯员 李四）, 中新网北京5月12日电 (记者 李金磊) at the start of the lede
NEWS_FLASH_RE = re.compile(  # 本报讯, 某某网讯, 某某社电, 某某网消息 (…)
    r"^(?:本报讯|[^\s,，。(（]{2,20}?(?:[讯电]|消息))\s*[(（]([^)）]{2,60})[)）]"
)
ENP_TAIL_RE = re.compile(r"enpproperty")
# 岚溪区青石街道办事处, 中共某某镇委员会: an office that signs a document off, on a line of its own
SIGN_OFF_OFFICE_RE = re.compile(
    r"^[\u4e00-\u9fff()（）]{2,30}(?:人民政府|政府|办事处|委员会|党委|党工委|工委|管委会|人大主席团"
    r"|人大常委会|办公室|局|中心|街道|镇|乡|社区)$"
)
# 2024年1月20日, 2024-01-20, 二〇二四年一月二十日: the date under it
SIGN_OFF_DATE_RE = re.compile(
    r"^(?:\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日|\d{4}[-/.]\d{1,2}[-/.]\d{1,2}"
    r"|[〇○零一二三四五六七八九]{4}年[一二三四五六七八九十]{1,3}月[一二三四五六七八九十]{1,3}日)$"
)
MAX_SIGN_OFF_OFFICES = 3
ISO_DATE_RE = re.compile(r"\b(\d{4})-(\d{2})-(\d{2})\b")
PAGE_FILE_RE = re.compile(r"\b(content_\d+\.html?)\b")
# 某某日报, 某某报 — not a report's own title (…工作汇报, …情况通报, …简报)
PUBLICATION_RE = re.compile(r"^[\u4e00-\u9fff]{2,8}(?:日报|晚报|时报|(?<![汇通简喜捷年公])报)$")
YEAR_RE = re.compile(r"(?<!\d)((?:19|20)\d{2})年")


def iso_date(year: int, month: int, day: int) -> str | None:
    """'2021-12-31', or None for a date that does not exist."""
    try:
        return datetime.date(year, month, day).isoformat()
    except ValueError:
        return None


def parse_date(line: str) -> str | None:
    match = DATE_RE.match(line)
    if not match:
        return None
    parts = [int(x) for x in match.groups() if x is not None]
    return iso_date(*parts)


def parse_masthead(line: str) -> tuple[str, str | None, str | None, int] | None:
    """某某日报/2023 年/8 月/9 日/第 A05 版 or 《某某日报》(2023年8月9日 A05版) -> (paper,
    '2023-08-09', '第A05版', where the paper's name starts in the line); None if not one."""
    match = MASTHEAD_RE.match(line)
    if not match:
        return None
    bracketed = match.group("bpaper") is not None
    paper, y, m, d, edition = (
        ("bpaper", "by", "bm", "bd", "bedition")
        if bracketed
        else ("paper", "y", "m", "d", "edition")
    )
    date = iso_date(int(match.group(y)), int(match.group(m)), int(match.group(d)))
    number = re.sub(r"\s+", "", match.group(edition) or "")
    if number and not number.startswith("第"):
        number = "第" + number
    return match.group(paper), date, number or None, match.start(paper)


# ——2024年7月26日在青柳镇第十八届人民代表大会第三次会议上: the day a speech was given
SPEECH_DATE_RE = re.compile(
    r"^\s*(?P<y>\d{4})\s*年\s*(?P<m>\d{1,2})\s*月\s*(?P<d>\d{1,2})\s*日\s*在.{2,40}(?:会议|大会|会)上"
)


def speech_date(subtitle: str) -> str | None:
    """The ISO date of a speech's subtitle (2024年7月26日在…会议上), or None."""
    match = SPEECH_DATE_RE.match(subtitle)
    return iso_date(int(match["y"]), int(match["m"]), int(match["d"])) if match else None


def parse_edition(line: str) -> tuple[str, str | None] | None:
    """第A2版：要闻 -> ("第A2版", "要闻"); 第04版: -> ("第04版", None); None if not an edition."""
    match = EDITION_RE.match(line)
    if not match:
        return None
    return re.sub(r"\s+", "", match.group(1)), match.group(2) or None


def parse_byline(line: str, printed: str | None = None) -> list[Byline] | None:
    """本报记者 李明 通讯员 王芳 -> one group per role, in order; None if not a byline.

    ``line`` is read for the roles (Simplified); names are taken from ``printed`` (the same
    text as printed, of the same length) so Traditional names stay as printed.
    """
    if not BYLINE_RE.match(line):
        return None
    return byline_groups(line, printed)


def byline_groups(line: str, printed: str | None = None) -> list[Byline]:
    """The role groups in a byline's text; names before any role form a group without one."""
    printed = printed if printed is not None and len(printed) == len(line) else line
    line, printed = _spaced_roles(line, printed)
    groups: list[Byline] = []
    for token in re.finditer(r"[^\s:：、,，/]+", line):
        start, text = token.start(), token.group().lstrip(BYLINE_MARKS)
        start += len(token.group()) - len(text)
        role = re.match(ROLE_ALT, text)
        if role:
            groups.append(Byline(role=role.group(0)))
            start, text = start + role.end(), text[role.end() :]
        if text in PHOTOGRAPHER_MARKS and line[token.end() : token.end() + 1] in "/:：":
            break  # 图/陈立新: the photographer, not one of the writers
        if not text or text in BYLINE_TAIL_WORDS or text.endswith(("报导", "报道")):
            continue  # 记者王小明/青溪报导: the dateline's place is no name
        if NAME_RE.fullmatch(text) and not text.endswith("讯"):  # 本报讯 opens the lede
            if not groups:
                groups.append(Byline())
            groups[-1].names.append(printed[start : start + len(text)])
    return [group for group in groups if group.names]


_TABLE_ROLE_RE = re.compile("|".join(ROLE_NAMES))


def _spaced_roles(line: str, printed: str) -> tuple[str, str]:
    """记者王小明通讯员李芳 -> 记者王小明 通讯员李芳: a role run into the name before it starts a
    group of its own (a space put in both texts, at the same place, so they stay aligned)."""
    cuts = []
    for role in _TABLE_ROLE_RE.finditer(line):
        run = re.search(r"[^\s:：、,，/]*$", line[: role.start()])
        names = run.group() if run else ""
        media = ROLE_RE.match(line, role.start() - len(names))
        if media and media.end() >= role.end():
            continue  # 人民网记者, 镇江报业全媒体记者: an outlet's role, not a name before one
        lead = _TABLE_ROLE_RE.match(names)
        if lead:
            names = names[lead.end() :]
        if names and NAME_RE.fullmatch(names):
            cuts.append(role.start())
    for cut in reversed(cuts):
        line, printed = line[:cut] + " " + line[cut:], printed[:cut] + " " + printed[cut:]
    return line, printed


# Short lines under a title that are a kind of article, not a writer's name
GENRE_WORDS = set(
    "综述 纪实 序言 前言 通讯 特写 侧记 评论 短评 述评 专访 调查 快讯 要闻 导读 简讯".split()
)


def writer_alone(line: str) -> list[Byline]:
    """王小明 alone on the line under a title: the writer, without a role; else []."""
    text = line.strip()
    if not re.fullmatch(r"[\u4e00-\u9fff]{2,3}", text) or text in GENRE_WORDS:
        return []
    return [] if NOT_A_PERSON_RE.search(text) else [Byline(names=[text])]


def parse_news_flash(paragraph: str, printed: str | None = None) -> list[Byline] | None:
    """本报讯（记者 张三 通讯员 李四）at the start of the lede."""
    match = NEWS_FLASH_RE.match(paragraph)
    if not match:
        return None
    printed = printed if printed is not None else paragraph
    inner = match.group(1)
    return byline_groups(inner, printed[match.start(1) : match.end(1)]) or None


def parse_closing_byline(paragraph: str, printed: str | None = None) -> list[Byline] | None:
    """(顾敏 林兰) or (本报记者 张三) at the very end of the article: its writers."""
    match = CLOSING_BYLINE_RE.search(paragraph)
    if not match:
        return None
    inner = match.group(1).strip()
    tokens = re.split(r"[\s、,，]+", inner)
    names_only = (
        all(NAME_RE.fullmatch(t) and not NOT_A_PERSON_RE.search(t) for t in tokens if t)
        and len(tokens) <= 6
    )
    role_inside = ROLE_RE.search(inner)
    if not (names_only or role_inside) or "/" in inner:
        return None
    printed = printed if printed is not None and len(printed) == len(paragraph) else paragraph
    text = printed[match.start(1) : match.end(1)]
    if role_inside:  # (镇江报业全媒体记者陈洁 盛林娟): from the role on
        offset = role_inside.start()
        return byline_groups(match.group(1)[offset:], text[offset:]) or None
    return byline_groups(match.group(1), text) or None


def sign_off_length(keys: list[str], start: int) -> int:
    """How many lines from ``keys[start]`` on (Simplified text, blanks left out) are a document's
    sign-off: one to three issuing offices and the date under them (岚溪区青石街道办事处 /
    2024年1月20日); 0 when they are not one."""
    offices = 0
    for key in keys[start : start + MAX_SIGN_OFF_OFFICES + 1]:
        if offices and SIGN_OFF_DATE_RE.match(key):
            return offices + 1
        if not SIGN_OFF_OFFICE_RE.match(key):
            return 0
        offices += 1
    return 0


def sign_off_start(keys: list[str]) -> int:
    """Where the sign-off that ends a document starts among its lines (``len(keys)`` when it
    does not end with one)."""
    for start in range(max(len(keys) - MAX_SIGN_OFF_OFFICES - 1, 0), len(keys) - 1):
        if sign_off_length(keys, start) == len(keys) - start:
            return start
    return len(keys)


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
    year = min(y for y, n in counts.items() if n == top)
    if date and int(date[5:7]) <= 3 and year == date[:4]:
        # a report of January about the year before: that year, when the text names it much
        before = str(int(year) - 1)
        if counts.get(before, 0) * 2 >= top:
            return before
    return year
