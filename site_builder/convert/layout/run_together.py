"""Run-together text: a long line that holds several paragraphs, split where breaks were lost.

Pastes from web pages and one-line exports lose their paragraph breaks. A line is split

- at sentence ends followed by a space, and at wide spaces (a full-width indent, three spaces);
- before a heading, subtitle, byline or edition that follows a space;
- before a numbered heading (一、 （二）) right after a sentence end, and, with no sentence end
  before it, where the numbering says so: the first one after a short report title at the
  start (新塘街道办事处2023年政府工作报告一、…), each later one that continues the numbering;
- after a date or edition line, a chrome label's value, a byline's names, and a short heading
  or subtitle run into its paragraph (二、农 业 全年粮食…).

A line with no sign of lost breaks stays whole.
"""

from __future__ import annotations

import re

from site_builder.content.roles import ROLE_PATTERN
from site_builder.convert.characters import analysis_text
from site_builder.convert.report_names import REPORT_TITLE_RE

RUN_TOGETHER_MIN = 80  # a line this long may hold several paragraphs
_TERMINAL = "。！？!?；;"
_BYLINE_MARKS = "□■●◎▲△◆◇☆★"
HEADING_START = (
    r"(?:[一二三四五六七八九十]{1,3}、|[(（][一二三四五六七八九十]{1,3}[)）]|【|——|图为)"
)
_ROLE_ALT = ROLE_PATTERN
_DATE_HEAD = r"\d{4}年\d{1,2}月\d{1,2}日(?:\s*星期.)?"
# Where a paragraph break was lost: after a sentence end and a space; at a wide space; before
# a heading, subtitle or byline that follows a space; after a date or edition line's text.
_BREAK_RE = re.compile(
    rf"(?<=[{_TERMINAL}])\s+(?=\S)|(?<=[{_TERMINAL}][”」』）)])\s+(?=\S)"
    rf"|(?<=[{_TERMINAL}])(?=[一二三四五六七八九十]{{1,3}}、|[(（][一二三四五六七八九十]{{1,3}}[)）]|【)"
    rf"|\s*(?:\u3000+|[ \u00a0]{{3,}})\s*"
    rf"|\s+(?={HEADING_START}|(?:{_ROLE_ALT})[\s:：]*[\u4e00-\u9fff]|第\s*[0-9A-Za-z]+\s*版)"
    r"|\s+(?=(?:发布时间|发布日期|信息来源|来源|当前位置|字号|上一篇|下一篇|分享到|版权所有)\s*[:：])"
)
# 来源：本站 奋楫扬帆谱新篇 — a chrome line's last label and value, then the text
_CHROME_HEAD_RE = re.compile(r"^(.*(?:来源|作者|浏览次数|阅读次数|点击数)\s*[:：]\s*\S*)\s+(\S.*)$")
# A quick test before the full split: a space inside the line, or a heading after a sentence.
_MAY_RUN_TOGETHER_RE = re.compile(
    rf"\s|[{_TERMINAL}](?:[一二三四五六七八九十]{{1,3}}、|[(（][一二三四五六七八九十]{{1,3}}[)）]|【)"
)
_NAME_RE = re.compile(r"[\u4e00-\u9fff·]{2,4}")
# 本报讯, 今日某某讯, 某某网讯: the dateline a lede opens with, spaced from its text
_DATELINE_RE = re.compile(r"^[\u4e00-\u9fff]{1,10}讯$")
# A date or edition line run into what follows: split after it.
_HEAD_RE = re.compile(
    rf"^({_DATE_HEAD}|第\s*[0-9A-Za-z]{{1,4}}\s*版\s*[:：]?\s*[^\s]{{0,8}})\s+(\S.*)$"
)


def split_run_together(line: str) -> list[str]:
    """Split a long line that holds several paragraphs; another line comes back as it is."""
    if len(line) < RUN_TOGETHER_MIN:
        return [line]
    text = line.strip()
    breaks = _marker_breaks(text) if _MARKER_RE.search(text) else []
    if not breaks and not _MAY_RUN_TOGETHER_RE.search(text):
        return [line]
    text, tail = _enp_tail(text)
    pieces: list[str] = []
    segments = _split_at(text, [b for b in breaks if b < len(text)])
    for piece in (p.strip() for s in segments for p in _BREAK_RE.split(s) if p and p.strip()):
        if pieces and (
            _unclosed(pieces[-1])  # 本报讯（全媒体记者 赵敏 | 见习记者 钱磊）: one bracket
            or (_ROLE_START_RE.match(piece) and _is_byline_piece(pieces[-1]))
            or _DATELINE_RE.match(pieces[-1])  # 今日某某讯   10月10日,…: the lede's dateline
        ):
            pieces[-1] += " " + piece  # 本报记者 李明 | 通讯员 王芳: one byline
        else:
            pieces.append(piece)
    if len(pieces) < 2 and not (tail and pieces) and not _ROLE_START_RE.match(text):
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
    return out


# A byline's role at the start of a piece, after a mark some papers print (●, □).
_ROLE_START_RE = re.compile(rf"[{_BYLINE_MARKS}]?\s*(?:{_ROLE_ALT})[\s:：]*")


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
# 二、农 业 全年粮食…: a numbered heading, its words spaced out or not, then the text
_NUMBERED_LEAD_RE = re.compile(
    r"^((?:[一二三四五六七八九十]{1,3}、|[(（][一二三四五六七八九十]{1,3}[)）])\s*"
    r"[^\s,，。；;：:]{1,12}(?:\s[^\s,，。；;：:]){0,4})\s+(?=\S{12,})"
)


def _split_short_lines_from_text(piece: str) -> list[str]:
    """——某某街道发展纪实 2022年,… / 聚焦项目建设 激发新动能 今年以来,… / 二、农 业 全年…:
    a subtitle or a heading run into the paragraph after it (short phrases, then a sentence) is
    split off."""
    lead = _NUMBERED_LEAD_RE.match(piece) or _SHORT_LEAD_RE.match(piece)
    if (title := _TITLE_LEAD_RE.match(piece)) and _is_report_title(title.group(1)):
        lead = title  # …下半年工作目标措施的调研报告 今年以来,…: a report's title, however long
    if not lead or _ROLE_START_RE.match(piece) or not re.search("[，,。]", piece[lead.end() :]):
        return [piece]
    if lead.group(1).rstrip().endswith(("讯", "电")):
        return [piece]  # 本报讯 昨日,… / 新华社北京5月12日电 …: the dateline opens the lede
    return [lead.group(1).strip(), piece[lead.end() :]]


def _split_byline_from_text(piece: str) -> list[str]:
    """本报通讯员 冯嘉怡 宋振宇 2022年,东湖街道… -> the byline, then the text."""
    role = _ROLE_START_RE.match(piece)
    if not role:
        return [piece]
    tokens = piece[role.end() :].split(" ")
    names = 0
    while (
        names < len(tokens)
        and names < 8
        and not tokens[names].endswith("讯")  # 本报讯: the lede's dateline, not a name
        and (_NAME_RE.fullmatch(tokens[names]) or re.fullmatch(_ROLE_ALT, tokens[names]))
    ):
        names += 1
    if names == 0 or names == len(tokens):
        return [piece]
    head = piece[: role.end()] + " ".join(tokens[:names])
    return [head.strip(), " ".join(tokens[names:])]


# --- numbered headings in run-together text -------------------------------------------------

_MARKER_RE = re.compile(r"[一二三四五六七八九十]{1,3}、|[(（][一二三四五六七八九十]{1,3}[)）]")
_CN_DIGITS = {ch: n for n, ch in enumerate("一二三四五六七八九", start=1)}
TITLE_MAX = 40  # a report title run into the text is at most this long
# 上半年…工作目标措施的调研报告 今年以来,…: a report title, a space, then the text
_TITLE_LEAD_RE = re.compile(rf"^(\S{{4,{TITLE_MAX}}})\s+(?=\S{{12,}})")


def _marker_number(marker: str) -> int:
    """一、 -> 1, （十二） -> 12, 二十、 -> 20."""
    digits = marker.strip("、()（）")
    if "十" not in digits:
        return _CN_DIGITS.get(digits, 0)
    tens, _, units = digits.partition("十")
    return _CN_DIGITS.get(tens, 1) * 10 + _CN_DIGITS.get(units, 0)


def _marker_breaks(text: str) -> list[int]:
    """Where numbered headings start in run-together text with no sentence end before them.

    The first (一、 or （一）) only right after a short report title at the start of the text;
    a later one when it continues the numbering of the headings before it (二、 after 一、),
    so an enumeration inside a sentence (统一、规范) is never split.
    """
    breaks: list[int] = []
    expected: dict[bool, int] = {}  # bracketed form or not -> the number the next one has
    for match in _MARKER_RE.finditer(text):
        start, marker = match.start(), match.group()
        bracketed, number = marker[0] in "(（", _marker_number(marker)
        before = text[start - 1] if start else ""
        opens = not before or before.isspace() or before in _TERMINAL
        if opens and number in (1, expected.get(bracketed)):
            pass  # a break the sentence-end split finds: it counts for the numbering
        elif before == "第":
            continue  # 第一、第二、: ordinals
        elif number == 1 and not breaks and _is_report_title(text[:start]):
            breaks.append(start)
        elif number == expected.get(bracketed):
            breaks.append(start)
        else:
            continue
        expected[bracketed] = number + 1
        if not bracketed:
            expected.pop(True, None)  # （一）… starts again under each 一、 二、
    return breaks


def _is_report_title(text: str) -> bool:
    """新塘街道办事处2023年政府工作报告: short, no clause punctuation, names a report."""
    return (
        4 <= len(text) <= TITLE_MAX
        and not re.search(r"[,，。；;：:！？!?]", text)
        and REPORT_TITLE_RE.search(analysis_text(text)) is not None
    )


def _split_at(text: str, breaks: list[int]) -> list[str]:
    bounds = [0, *breaks, len(text)]
    return [text[a:b] for a, b in zip(bounds, bounds[1:], strict=False) if a < b]
