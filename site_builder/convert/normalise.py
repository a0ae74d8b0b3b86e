"""Normalise a report's raw lines before parsing: one plain function per repair.

Reports come as e-paper text, portal pages, Traditional-character mirrors, PDF copies and
one-line pastes. Before the parser sees them:

- ``split_run_together``: a long line holding several paragraphs is split at sentence ends
  followed by a space and at spaced breaks (a full-width indent, a subtitle, a byline);
- ``clean_line``: runs of spaces collapse, full-width digits become ASCII;
- ``find_chrome``: navigation, breadcrumbs, 发布时间/来源/字号 lines, print and share buttons,
  上一篇/下一篇, comment boxes and copyright lines are set aside (kept in ``source.*``);
- ``reflow_wrapped``: lines hard-wrapped mid-sentence or mid-figure (PDF copies) are joined;
- ``close_unit_spaces``: 31.88 亿元 -> 31.88亿元, so the figure reads as one;
- ``analysis_text``: Traditional -> Simplified (OpenCC) for analysis only, of the same length
  as the printed text, so offsets found in it point into the text as printed.

Each change is reported as a layout note naming its source lines; nothing is dropped.
"""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass, field
from functools import lru_cache

import opencc

from site_builder.content.model import Metadata, SetAside
from site_builder.content.roles import ROLE_NAMES


@dataclass
class RawLine:
    """A line as it came from the source: text not yet cleaned, and a hint from HTML markup."""

    number: int  # 1-based line of the source file (several pieces may share one)
    text: str
    hint: str = ""  # "caption" for a photo caption in HTML; "" when the markup says nothing


@dataclass
class Line:
    """A clean, non-empty line for the parser."""

    number: int
    text: str  # as printed, spaces collapsed, full-width digits in ASCII
    key: str  # the same text in Simplified characters, of the same length, for analysis
    gap_before: int = 0  # blank lines before this one
    gap_after: int = 0
    indented: bool = False  # began with an indent (a paragraph start in PDF copies)
    hint: str = ""


@dataclass
class Normalised:
    lines: list[Line]
    notes: list[str] = field(default_factory=list)
    set_aside: list[SetAside] = field(default_factory=list)
    hints: Metadata = field(default_factory=Metadata)  # date/source read from chrome lines


# --- characters ---------------------------------------------------------------------------

_SPACES_RE = re.compile(r"[ \t\u00a0\u2002\u2003\u2009\u200b\u3000]+")
_FULLWIDTH = str.maketrans("０１２３４５６７８９％．", "0123456789%.")
_INDENT_RE = re.compile(r"^(?:[\u3000\t]|[ \u00a0]{2,})")
_CONVERTER = opencc.OpenCC("t2s")


_HAS_FULLWIDTH_RE = re.compile("[０-９％．]")


def clean_line(line: str) -> str:
    """Collapse runs of spaces of any width to one ASCII space, strip, full-width digits -> ASCII."""
    line = _SPACES_RE.sub(" ", line).strip()
    return line.translate(_FULLWIDTH) if _HAS_FULLWIDTH_RE.search(line) else line


@lru_cache(maxsize=8192)
def _simplified_char(char: str) -> str:
    converted = _CONVERTER.convert(char)
    return converted if len(converted) == 1 else char


def analysis_text(text: str) -> str:
    """``text`` in Simplified characters, of exactly the same length (萬 -> 万, 餘 -> 余).

    OpenCC converts phrase by phrase; where a phrase changes length, each character is
    converted on its own instead, so every offset still points at the same printed character.
    """
    if text.isascii():
        return text
    converted = _CONVERTER.convert(text)
    if len(converted) == len(text):
        return converted
    return "".join(_simplified_char(char) for char in text)


def analysis_texts(texts: list[str]) -> list[str]:
    """``analysis_text`` of each text, converted in one call (a call costs more than a line)."""
    joined = analysis_text("\n".join(texts))
    keys = joined.split("\n")
    if len(keys) != len(texts) or any(len(k) != len(t) for k, t in zip(keys, texts, strict=True)):
        return [analysis_text(text) for text in texts]
    return keys


# --- run-together text ----------------------------------------------------------------------

RUN_TOGETHER_MIN = 80  # a line this long may hold several paragraphs
_TERMINAL = "。！？!?；;"
_HEADING_START = (
    r"(?:[一二三四五六七八九十]{1,3}、|[(（][一二三四五六七八九十]{1,3}[)）]|【|——|图为)"
)
_ROLE_ALT = "|".join(ROLE_NAMES)
_DATE_HEAD = r"\d{4}年\d{1,2}月\d{1,2}日(?:\s*星期.)?"
# Where a paragraph break was lost: after a sentence end and a space; at a wide space; before
# a heading, subtitle or byline that follows a space; after a date or edition line's text.
_BREAK_RE = re.compile(
    rf"(?<=[{_TERMINAL}])\s+(?=\S)|(?<=[{_TERMINAL}][”」』）)])\s+(?=\S)"
    rf"|(?<=[{_TERMINAL}])(?=[一二三四五六七八九十]{{1,3}}、|[(（][一二三四五六七八九十]{{1,3}}[)）]|【)"
    rf"|\s*(?:\u3000+|[ \u00a0]{{3,}})\s*"
    rf"|\s+(?={_HEADING_START}|(?:{_ROLE_ALT})[\s:：]*[\u4e00-\u9fff]|第\s*[0-9A-Za-z]+\s*版)"
    r"|\s+(?=(?:发布时间|发布日期|信息来源|来源|当前位置|字号|上一篇|下一篇|分享到|版权所有)\s*[:：])"
)
# 来源：本站 奋楫扬帆谱新篇 — a chrome line's last label and value, then the text
_CHROME_HEAD_RE = re.compile(r"^(.*(?:来源|作者|浏览次数|阅读次数|点击数)\s*[:：]\s*\S*)\s+(\S.*)$")
# A quick test before the full split: a space inside the line, or a heading after a sentence.
_MAY_RUN_TOGETHER_RE = re.compile(
    rf"\s|[{_TERMINAL}](?:[一二三四五六七八九十]{{1,3}}、|[(（][一二三四五六七八九十]{{1,3}}[)）]|【)"
)
_NAME_RE = re.compile(r"[\u4e00-\u9fff·]{2,4}")
# A date or edition line run into what follows: split after it.
_HEAD_RE = re.compile(
    rf"^({_DATE_HEAD}|第\s*[0-9A-Za-z]{{1,4}}\s*版\s*[:：]?\s*[^\s]{{0,8}})\s+(\S.*)$"
)


def split_run_together(line: RawLine) -> list[RawLine]:
    """Split a long line that holds several paragraphs; other lines come back as they are."""
    if len(line.text) < RUN_TOGETHER_MIN or not _MAY_RUN_TOGETHER_RE.search(line.text.strip()):
        return [line]
    text, tail = _enp_tail(line.text.strip())
    pieces: list[str] = []
    for piece in (p.strip() for p in _BREAK_RE.split(text) if p and p.strip()):
        if pieces and (
            _unclosed(pieces[-1])  # 本报讯（全媒体记者 赵敏 | 见习记者 钱磊）: one bracket
            or (_ROLE_START_RE.match(piece) and _is_byline_piece(pieces[-1]))
        ):
            pieces[-1] += " " + piece  # 本报记者 李明 | 通讯员 王芳: one byline
        else:
            pieces.append(piece)
    if len(pieces) < 2 and not (tail and pieces):
        return [line]  # no sign of lost paragraph breaks: one long paragraph
    out: list[str] = []
    for piece in pieces:
        head = _HEAD_RE.match(piece) or _CHROME_HEAD_RE.match(piece)
        parts = list(head.groups()) if head else [piece]
        for part in parts:
            for rest in _split_byline_from_text(part):
                out.extend(_split_short_lines_from_text(rest))
    if tail:
        out.append(tail)
    return [RawLine(line.number, piece, line.hint) for piece in out]


_ROLE_START_RE = re.compile(rf"(?:{_ROLE_ALT})[\s:：]*")


_ISO_DATE_RE = re.compile(r"\d{4}-\d{2}-\d{2}")


def _enp_tail(text: str) -> tuple[str, str]:
    """Split off what is left of an e-paper page's <!--enpproperty …--> comment at the end:
    from its opening, or else from the date it starts with (2021-12-31 … /enpproperty-->)."""
    end = text.find("enpproperty")
    if end < 0:
        return text, ""
    opening = text.rfind("<!--", 0, end)
    dates = [m.start() for m in _ISO_DATE_RE.finditer(text, 0, end)]
    start = opening if opening >= 0 else (dates[-1] if dates else 0)
    return text[:start].rstrip(), text[start:]


def _unclosed(text: str) -> bool:
    """A bracket or quote opened and not closed: the break cannot be inside it."""
    opened = text.count("（") + text.count("(") + text.count("“") + text.count("【")
    closed = text.count("）") + text.count(")") + text.count("”") + text.count("】")
    return opened > closed


def _is_byline_piece(piece: str) -> bool:
    """本报记者 李明: a role and names only."""
    role = _ROLE_START_RE.match(piece)
    if not role:
        return False
    return all(_NAME_RE.fullmatch(t) for t in piece[role.end() :].split(" ") if t)


_SHORT_LEAD_RE = re.compile(r"^((?:[^\s,，。；;！？!?]{2,24}\s){1,3})(?=\S{20,})")


def _split_short_lines_from_text(piece: str) -> list[str]:
    """——某某街道发展纪实 2022年,… / 聚焦项目建设 激发新动能 今年以来,…: a subtitle or a
    heading run into the paragraph after it (short phrases, then a sentence) is split off."""
    lead = _SHORT_LEAD_RE.match(piece)
    if not lead or _ROLE_START_RE.match(piece) or not re.search("[，,。]", piece[lead.end() :]):
        return [piece]
    return [lead.group(1).strip(), piece[lead.end() :]]


def _split_byline_from_text(piece: str) -> list[str]:
    """本报通讯员 冯嘉怡 宋振宇 2022年,东湖街道… -> the byline, then the text."""
    role = re.match(rf"(?:{_ROLE_ALT})[\s:：]*", piece)
    if not role:
        return [piece]
    tokens = piece[role.end() :].split(" ")
    names = 0
    while (
        names < len(tokens)
        and names < 8
        and (_NAME_RE.fullmatch(tokens[names]) or re.fullmatch(_ROLE_ALT, tokens[names]))
    ):
        names += 1
    if names == 0 or names == len(tokens):
        return [piece]
    head = piece[: role.end()] + " ".join(tokens[:names])
    return [head.strip(), " ".join(tokens[names:])]


# --- page chrome ----------------------------------------------------------------------------

# Lines that are page furniture wherever they stand (tested on the Simplified text).
_CHROME_RE = re.compile(
    r"^(?:当前位置|您的位置|你的位置|您现在的位置|现在的位置|所在位置)\s*[:：]"
    r"|(?:发布|发表|更新|录入|上传|来源)(?:时间|日期)\s*[:：]"
    r"|^(?:信息)?来源\s*[:：]|^作者\s*[:：]\s*\S{0,12}$"
    r"|(?:浏览|阅读|点击|访问)(?:次数|量|数)\s*[:：]?"
    r"|^(?:责任编辑|编辑|责编|审核|校对|终审|初审|一审|二审|三审|签发)\s*[:：]\s*\S{0,12}$"
    r"|字号\s*[:：]?\s*[【\[]?\s*[大中小]|字体\s*[:：]?\s*[【\[]?\s*[大中小]"
    r"|[【\[]\s*(?:打印|列印|关闭|打印本页|列印本页|打印文章|关闭窗口|关闭视窗|收藏|返回顶部|返回"
    r"|大|中|小|默认)\s*[】\]]"
    r"|^(?:打印本页|列印本页|关闭窗口|关闭视窗|返回顶部|返回首页|打印|列印|关闭|收藏本页|加入收藏"
    r"|设为首页|返回列表)$"
    r"|^(?:上一篇|下一篇|上一条|下一条|上一版|下一版|前一篇|后一篇|上篇|下篇)\s*[:：]?"
    r"|^分享(?:到|至)|^扫一扫|^(?:相关新闻|相关阅读|相关链接|相关文章|推荐阅读|热点新闻|热门文章"
    r"|延伸阅读)\s*[:：]?$"
    r"|网友评论|发表评论|我要评论|^评论\s*[(（]|条评论|验证码|^(?:提交|重置|用户名|匿名)$"
    r"|版权所有|Copyright|©|ICP备|ICP证|公网安备|网站标识码|技术支持\s*[:：]|主办单位\s*[:：]"
    r"|承办单位\s*[:：]|^主办\s*[:：]|^承办\s*[:：]|联系电话\s*[:：]|^地址\s*[:：]|邮编\s*[:：]"
    r"|建议使用.{0,20}浏览器|分辨率"
    r"|^(?:索引号|发文机关|发文字号|主题分类|成文日期|发布机构|生成日期|公开日期|文号|有效性"
    r"|内容概述|组配分类|信息分类|文件编号|效力状况)\s*[:：|]"
    r"|^今天是\s*[:：]?|^(?:您好|欢迎(?:您|光临|访问))"
    r"|^(?:(?:无障碍|长者|关怀)(?:浏览|模式|版)|登录|注册|简体|繁体|繁體|English)(?:\s|$)",
    re.IGNORECASE,
)
# After these, the article is over: what follows is navigation, related links, comments.
_END_RE = re.compile(
    r"^(?:上一篇|下一篇|上一条|下一条|前一篇|后一篇|上篇|下篇|相关新闻|相关阅读|相关链接|相关文章"
    r"|推荐阅读|延伸阅读|网友评论|发表评论|我要评论|分享到|分享至)"
    r"|[【\[]\s*(?:打印|列印|关闭)|版权所有|Copyright|©"
)
_NAV_WORDS = re.compile(
    r"首页|主页|新闻|资讯|动态|公开|专题|概况|投稿|往期|报纸|数字报|电子报|登录|注册|搜索|导航"
    r"|版面|目录|返回|政务|服务|互动|要闻|领导|机构|政策|解读|通知|公告|热线|信箱|客户端|微信|微博"
    r"|视频|图片|网站|频道|栏目|法规|文件|规划|统计|财政|人事|办事|留言|地图|订阅|今日"
)
_SITE_NAME_RE = re.compile(
    r"^[\u4e00-\u9fff]{2,16}(?:人民政府|政府网|门户网站|政府门户|新闻网|网站|在线|数字报|电子报"
    r"|电子版|客户端|官网|官方网站|融媒体中心|报社|报业集团)$"
)
_PAPER_IN_NAME_RE = re.compile(
    r"^([\u4e00-\u9fff]{2,8}(?:日报|晚报|时报|报))(?:数字报|电子报|电子版)"
)
_SOURCE_RE = re.compile(r"(?:信息)?来源\s*[:：]\s*([^\s|｜]{2,20})")
_DATE_IN_CHROME_RE = re.compile(r"(\d{4})\s*[-年/.]\s*(\d{1,2})\s*[-月/.]\s*(\d{1,2})")
_NOT_A_SOURCE = {"本站", "本网", "原创", "网络", "本站原创", "本网原创"}
ARTICLE_MIN = 40  # a paragraph of the article is at least this long and has clause punctuation


def is_chrome_line(key: str) -> bool:
    """A line that is page furniture wherever it stands (the Simplified text)."""
    if len(key) > 120 and "。" in key:
        return False  # a paragraph of the article, however it begins
    return bool(_CHROME_RE.search(key))


def is_navigation(key: str) -> bool:
    """首页 > 新闻中心 > 乡镇动态, 今日 首页 -在线投稿 -往期报纸: short items, nav words."""
    if re.search(r"[。，,；;！？]", key) or len(key) > 100:
        return False
    items = [item for item in re.split(r"[\s>»＞→|｜/·•\-—_]+", key) if item]
    if re.search(r"[>»＞→|｜]", key) and len(items) >= 2 and all(len(i) <= 12 for i in items):
        return True
    return (
        len(items) >= 3
        and all(len(item) <= 8 for item in items)
        and sum(bool(_NAV_WORDS.search(item)) for item in items) >= 2
        and not re.match(rf"(?:{_ROLE_ALT})", key)
    )


def _is_article_line(key: str) -> bool:
    return len(key) >= ARTICLE_MIN and bool(re.search(r"[，,。；]", key))


def find_chrome(keys: list[str]) -> set[int]:
    """Indexes of the lines (Simplified text, blanks as "") that are page chrome.

    Furniture lines (发布时间, 字号, 【打印】, 版权所有 …) anywhere; navigation and site names
    before the article's first paragraph and after its last; everything after an end
    marker (上一篇, 相关新闻, 网友评论 …) that follows the last paragraph.
    """
    article = [i for i, key in enumerate(keys) if _is_article_line(key) and not is_chrome_line(key)]
    first = article[0] if article else len(keys)
    last = article[-1] if article else -1
    chrome: set[int] = set()
    for index, key in enumerate(keys):
        if not key:
            continue
        outside = index < first or index > last
        if is_chrome_line(key) or (
            outside and (is_navigation(key) or _SITE_NAME_RE.match(key) is not None)
        ):
            chrome.add(index)
    ended = next((i for i in range(last + 1, len(keys)) if _END_RE.search(keys[i])), None)
    if ended is not None:
        chrome.update(i for i in range(ended, len(keys)) if keys[i])
    return chrome


def chrome_hints(keys: list[str], hints: Metadata) -> None:
    """A publication date and source read from chrome lines (发布时间:…, 来源:…, 某某日报数字报)."""
    for key in keys:
        if hints.date is None and re.search(r"(?:发布|发表|更新)?(?:时间|日期)\s*[:：]", key):
            if date := _DATE_IN_CHROME_RE.search(key):
                hints.date = _iso(*(int(part) for part in date.groups()))
        if hints.publication is None and (source := _SOURCE_RE.search(key)):
            if source.group(1) not in _NOT_A_SOURCE:
                hints.publication = source.group(1)
        if hints.publication is None and (paper := _PAPER_IN_NAME_RE.match(key)):
            hints.publication = paper.group(1)


def _iso(year: int, month: int, day: int) -> str | None:
    try:
        return datetime.date(year, month, day).isoformat()
    except ValueError:
        return None


# --- hard-wrapped text ----------------------------------------------------------------------

WRAP_MAX_WIDTH = 90  # PDF and e-mail line widths; e-paper paragraphs are longer lines
_END_OF_SENTENCE = "。！？!?；;：:…”」』）)"
_UNIT_START_RE = re.compile(
    r"^(?:%|‰|万|亿|余|多|元|亩|平方|公里|公顷|米|吨|人|户|家|个|项|件|吨|千|百|\.\d|\d)"
)
_NUMBER_END_RE = re.compile(r"(?:\d|\d\.|[万亿])$")
_STARTS_BLOCK_RE = re.compile(
    rf"^(?:{_HEADING_START}|\d{{1,2}}[.．、](?!\d)|(?:{_ROLE_ALT})[\s:：]|图为|第\s*\S+\s*版)"
)


def display_width(text: str) -> float:
    """Width as set on a page: a Chinese character is 1, an ASCII letter or digit half."""
    return len(text) - len(text.encode("ascii", "ignore")) / 2


def wrap_width(texts: list[str]) -> float:
    """The width a text was hard-wrapped at, or 0 when it is not hard-wrapped.

    Hard-wrapped: most lines near the widest width end mid-sentence and run on into the next.
    """
    if sum(len(t) > 2 * WRAP_MAX_WIDTH for t in texts) > len(texts) / 4:
        return 0  # long paragraph lines: not hard-wrapped
    lengths = sorted(display_width(t) for t in texts if t)
    if len(lengths) < 4:
        return 0
    width = lengths[int(len(lengths) * 0.9) - 1 if len(lengths) >= 10 else -1]
    if width > WRAP_MAX_WIDTH or width < 12:
        return 0
    full = [
        i
        for i, t in enumerate(texts)
        if t and display_width(t) >= width * 0.8 and i + 1 < len(texts) and texts[i + 1]
    ]
    open_ended = [i for i in full if texts[i][-1] not in _END_OF_SENTENCE]
    return width if len(open_ended) >= 2 and len(open_ended) >= 0.5 * len(full) else 0


def _cut_mid_figure(text: str, following: str) -> bool:
    """15.2 / %, 7860 / 亩, 2万 / 平方米: a line break inside a figure."""
    return bool(_NUMBER_END_RE.search(text) and _UNIT_START_RE.match(following))


def joins_next(text: str, following: str, width: float, following_indented: bool) -> bool:
    """Whether ``following`` continues ``text`` (a wrapped line), in a text wrapped at ``width``."""
    if not following or _STARTS_BLOCK_RE.match(following) or following_indented:
        return False
    if _cut_mid_figure(text, following):
        return True
    return display_width(text) >= width * 0.8 and text[-1] not in _END_OF_SENTENCE


def reflow_wrapped(texts: list[str], indented: list[bool]) -> tuple[list[list[int]], float]:
    """Group the indexes of lines that belong together; and the wrap width (0 = not wrapped).

    ``texts`` are clean lines ("" for blank), ``indented`` whether each began with an indent.
    Without wrapping every line is its own group.
    """
    width = wrap_width(texts)
    groups: list[list[int]] = []
    for index, text in enumerate(texts):
        if not text:
            continue
        previous = groups[-1][-1] if groups else -1
        adjacent = bool(groups) and previous == index - 1
        if adjacent and (
            joins_next(texts[previous], text, width, indented[index])
            if width
            else _cut_mid_figure(texts[previous], text)
        ):
            groups[-1].append(index)
        else:
            groups.append([index])
    return groups, width


def join_wrapped(parts: list[str]) -> str:
    """Join wrapped pieces: no space between Chinese characters, one between Latin words."""
    out = parts[0]
    for part in parts[1:]:
        space = " " if out[-1:].isascii() and out[-1:].isalpha() and part[:1].isalpha() else ""
        out += space + part
    return out


_UNIT_SPACE_RE = re.compile(
    r"(?<=\d)\s+(?=(?:%|‰|万亿|万|亿|余|多|元|亩|平方米|平方公里|公里|公顷|千米|米|吨|人次|人|户|家"
    r"|个|项|件|所|座|处|辆|支)(?![\u4e00-\u9fff]?\d))"
)


def close_unit_spaces(text: str) -> str:
    """31.88 亿元 -> 31.88亿元, 15.2 % -> 15.2%: a number and its unit are one figure."""
    return _UNIT_SPACE_RE.sub("", text)


# --- the stage ------------------------------------------------------------------------------


def normalise(raw: list[RawLine]) -> Normalised:
    """Clean, split, de-chrome and re-flow raw lines into the parser's lines, with notes."""
    notes: list[str] = []
    pieces: list[RawLine] = []
    for line in raw:
        split = split_run_together(line)
        if len(split) > 1:
            notes.append(
                f"line {line.number}: run-together text split into {len(split)} lines"
                " at sentence ends and spaced breaks"
            )
        pieces.extend(split)
    texts = [clean_line(p.text) for p in pieces]
    indented = [bool(_INDENT_RE.match(p.text)) for p in pieces]
    keys = analysis_texts(texts)

    result = Normalised(lines=[], notes=notes)
    chrome = find_chrome(keys)
    chrome_hints([keys[i] for i in sorted(chrome)], result.hints)
    for index in sorted(chrome):
        result.set_aside.append(SetAside(pieces[index].number, texts[index], "chrome"))
    if chrome:
        numbers = sorted({pieces[i].number for i in chrome})
        notes.append(f"{line_ranges(numbers)}: page chrome left out ({len(chrome)} lines)")
    for index in chrome:
        texts[index] = keys[index] = ""

    groups, width = reflow_wrapped(texts, indented)
    wrapped = [group for group in groups if len(group) > 1]
    if wrapped:
        first, last = pieces[wrapped[0][0]].number, pieces[wrapped[-1][-1]].number
        joined = sum(len(group) for group in wrapped)
        notes.append(
            f"lines {first}–{last}: text re-flowed from {joined} wrapped lines"
            f" (wrapped at {width:g} characters) into {len(wrapped)} paragraphs"
        )
    closed: list[int] = []
    result.lines = []
    previous_end = -1
    for group in groups:
        text = join_wrapped([texts[i] for i in group])
        tidy = close_unit_spaces(text) if " " in text else text
        if tidy != text:
            closed.append(pieces[group[0]].number)
        first = group[0]
        gap = sum(1 for i in range(previous_end + 1, first) if i not in chrome)
        if result.lines:
            result.lines[-1].gap_after = gap
        result.lines.append(
            Line(
                number=pieces[first].number,
                text=tidy,
                key=keys[first] if tidy == texts[first] else analysis_text(tidy),
                gap_before=gap,
                indented=indented[first],
                hint=pieces[first].hint,
            )
        )
        previous_end = group[-1]
    if result.lines:
        result.lines[-1].gap_after = sum(
            1 for i in range(previous_end + 1, len(texts)) if i not in chrome
        )
    if closed:
        notes.append(f"{line_ranges(closed)}: spaces between numbers and their units closed up")
    return result


def line_ranges(numbers: list[int]) -> str:
    """[1, 2, 3, 7, 9, 10] -> 'lines 1–3, 7, 9–10'; [4] -> 'line 4'."""
    numbers = sorted(set(numbers))
    spans: list[str] = []
    start = previous = numbers[0]
    for number in numbers[1:] + [None]:  # type: ignore[list-item]
        if number is not None and number == previous + 1:
            previous = number
            continue
        spans.append(f"{start}–{previous}" if previous > start else str(start))
        if number is not None:
            start = previous = number
    return ("lines " if len(numbers) > 1 else "line ") + ", ".join(spans)


def text_to_raw_lines(text: str) -> list[RawLine]:
    """A decoded text file as raw lines (CRLF/CR -> LF; a BOM left inside is dropped)."""
    # splitlines() also breaks at U+0085, U+2028 and U+2029, which YAML treats as line ends.
    lines = text.replace("\ufeff", "").splitlines()
    return [RawLine(number, line) for number, line in enumerate(lines, start=1)]
