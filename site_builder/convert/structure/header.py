"""The lines above a report's body: date, edition, publication, title, subtitle, byline, and
photo captions grouped there.

Read top down until the byline or the first line of the body:

- a date, an edition (第A2版：要闻) or the paper's name; after a title, such a line (or page
  chrome left out, 发布时间…) closes the title;
- title lines: short lines, or a first line of up to 60 characters without a full stop that
  names a report (…工作报告, …纪实), holds a ——subtitle, or has the page's metadata after it; a
  column's name in brackets before the title (【新春走基层】小镇子上的大格局) is part of it; a
  site's name after it (标题 -某某网, 标题_某某网, —全文) is page chrome;
- on a web page, the short line after chrome (a breadcrumb) and right before the page's
  来源/发布时间 line is the title: what was read as a title above that chrome was the site's
  furniture (选择语言, 热点专题), set aside as chrome and noted;
- ——subtitle lines, and a speech's occasion ((2025年1月14日在…会议上), wrapped over two lines);
- a line that repeats the title (政 府 工 作 报 告 under 沙沟镇2021年政府工作报告) is chrome;
- once the title is closed, a run of short lines without sentence punctuation before the
  byline, or three or more before the body, are photo captions grouped away from their photos;
- the byline ends the header.

Titles found below the header (a headline printed after the text, a two-line headline under
a column's introduction, repeats of the title) are body_titles.py's.

Metadata lines are recorded as set aside (their text is in the front matter); the captions
go to the body.
"""

from __future__ import annotations

import re

from site_builder.content.model import Article, Byline, Metadata, SetAside
from site_builder.convert.layout.lines import Line, line_ranges
from site_builder.convert.report_names import REPORT_TITLE_RE
from site_builder.convert.structure import metadata as md
from site_builder.convert.structure.shapes import (
    BRACKET_HEADING_RE,
    MAX_TITLE,
    PHOTO_CREDIT_END_RE,
    SALUTATION_RE,
    SPEAKER_RE,
    ends_in_colon,
    is_heading_form,
    is_short,
    is_spaced_out,
    place_list_lines,
)

SENTENCE_MARKS = re.compile(r"[。，,；;！？!?]")  # a line with these is text, not a byline

HEADER_LINES = 10
MAX_EXCLAIMED = 40  # a headline with ! or ? is at most this long
MAX_CAPTION = 40
# 标题 -某某网, 标题_某某网, 标题 | 某某网, 标题—全文: what a web page adds after the title
SITE_SUFFIX_RE = re.compile(
    r"^(?P<title>.{4,}?)(?P<site>\s+[-_|｜]\s*[^\s]{2,20}|\s*[_|｜]\s*[^\s]{2,20}|\s*[—-]\s*全文"
    # 奋进新征程 某某日报: the paper's name glued to the title
    r"|\s+[\u4e00-\u9fff]{2,8}(?:日报|晚报|时报|都市报|新闻网))$"
)
# (2025年1月14日在凤鸣街道第二届居民议事会第四次会议上) — when and where a speech was given
OCCASION_RE = re.compile(r"^[(（]?(\d{4}年\d{1,2}月\d{1,2}日在.{2,60}?)[)）]?$")
TIME_RE = re.compile(r"\s*\d{1,2}:\d{2}(?::\d{2})?$")
# 徐明 (1994.02.01), 李四 王五（2003年5月6日）: the writer and the date under an archived headline
SIGNED_RE = re.compile(
    r"^(?P<names>[\u4e00-\u9fff·]{2,4}(?:\s+[\u4e00-\u9fff·]{2,4}){0,3})\s*"
    r"[(（](?P<date>\d{4}\s*[-年/.]\s*\d{1,2}\s*[-月/.]\s*\d{1,2}日?)[)）]$"
)
UNFINISHED_OCCASION_RE = re.compile(r"\d{4}年\d{1,2}月\d{1,2}日在(?!.*上$)")


class _Header:
    """What has been read so far."""

    def __init__(self, article: Article) -> None:
        self.article = article
        self.titles: list[Line] = []
        self.subtitles: list[str] = []
        self.captions: list[Line] = []
        self.closed = False  # the title is complete

    def metadata(self, line: Line, text: str | None = None) -> None:
        self.article.set_aside.append(
            SetAside(line.number, line.text if text is None else text, "metadata")
        )

    def chrome(self, line: Line, text: str, note: str) -> None:
        self.article.set_aside.append(SetAside(line.number, text, "chrome"))
        self.article.layout_notes.append(f"line {line.number}: {note}")


def _wrapped_byline(line: Line, following: Line) -> list[Byline] | None:
    """The byline of two lines when ``following`` continues ``line`` (text wrapped from a PDF:
    no blank line between, no sentence punctuation, and more of a byline read together)."""
    if line.gap_after or following.gap_before or SENTENCE_MARKS.search(following.key):
        return None
    if len(following.key) > 30:
        return None
    alone = md.parse_byline(line.key, line.text) or []
    joined = md.parse_byline(line.key + following.key, line.text + following.text)
    if not joined:
        return None
    names = sum(len(group.names) for group in joined)
    return joined if len(joined) > len(alone) or names > sum(len(g.names) for g in alone) else None


def read_header(items: list[Line], article: Article) -> list[Line]:
    """Consume the header lines (see the module's docstring); return the body's lines."""
    meta = article.meta
    header = _Header(article)
    index = 0
    ended_at_byline = False
    while index < len(items) and index < HEADER_LINES + len(header.captions):
        line = items[index]
        key = line.key
        if header.titles and line.chrome_before:
            if _portal_title(line, header):
                _furniture_above_title(header)
            else:
                header.closed = True
        if (date := md.parse_date(key)) and not header.captions:
            meta.date = meta.date or date
            header.closed = bool(header.titles)
            if time := TIME_RE.search(line.text):  # 2023-05-12 09:38: a portal's time stamp
                header.metadata(line, line.text[: time.start()])
                header.chrome(line, time.group(), "the time of publication left out")
                index += 1
                continue
        elif (masthead := md.parse_masthead(key)) and not header.captions:
            start = masthead[3]
            meta.publication = meta.publication or line.text[start : start + len(masthead[0])]
            meta.date = meta.date or masthead[1]
            meta.edition = meta.edition or masthead[2]
            header.closed = bool(header.titles)
        elif (edition := md.parse_edition(key)) and not header.captions:
            meta.edition = meta.edition or edition[0]
            meta.section = meta.section or (line.text[-len(edition[1]) :] if edition[1] else None)
            header.closed = bool(header.titles)
        elif (
            md.PUBLICATION_RE.match(key)
            and not meta.publication
            and (not header.titles or line.chrome_after)  # under the headline, above its time
        ):
            meta.publication = line.text
            header.closed = bool(header.titles)
        elif len(key) <= 60 and (byline := md.parse_byline(key, line.text)):
            meta.byline = byline
            header.metadata(line)
            index += 1
            if index < len(items) and (more := _wrapped_byline(line, items[index])):
                meta.byline = more  # a byline wrapped onto the next line (本报实习 / 记者 王丽)
                header.metadata(items[index])
                index += 1
            ended_at_byline = True
            break
        elif header.titles and (signed := SIGNED_RE.match(key)):
            meta.date = meta.date or _signed_date(signed.group("date"))
            names = line.text[signed.start("names") : signed.end("names")].split()
            meta.byline = meta.byline or [Byline(None, names)]
        elif header.titles and _repeats_title(key, header.titles[0].key):
            header.chrome(line, line.text, "a line repeating the title left out")
            index += 1
            continue
        elif (
            header.titles and not header.captions and (read := _read_subtitle(items, index, header))
        ):
            index += read
            continue
        elif not header.closed and not header.captions and _is_title_line(items, index, header):
            if _looks_like_first_heading(items, index, header.titles):
                break
            header.titles.append(line)
        elif header.titles and _is_caption_line(key):
            header.captions.append(line)
            index += 1
            continue
        else:
            break
        if line not in header.titles:
            header.metadata(line)
        index += 1
    _set_titles(header)
    body = items[index:]
    if header.captions and (ended_at_byline or len(header.captions) >= 3):
        for caption in header.captions:
            caption.hint = "caption"
        numbers = [caption.number for caption in header.captions]
        article.layout_notes.append(
            f"{line_ranges(numbers)}: {len(numbers)} photo captions grouped before the text,"
            " away from their photos; the photos are not in the source"
        )
    return header.captions + body  # captions or not, they are the body's


def _signed_date(text: str) -> str | None:
    parts = re.findall(r"\d+", text)
    return md.iso_date(*(int(part) for part in parts)) if len(parts) == 3 else None


def _read_subtitle(items: list[Line], index: int, header: _Header) -> int:
    """A ——subtitle or a speech's occasion, with its second line when it was wrapped: the
    number of lines read (0: not a subtitle)."""
    line = items[index]
    sub = md.SUBTITLE_RE.match(line.key)
    occasion = OCCASION_RE.match(line.key)
    if not sub and not occasion:
        return 0
    if sub:
        text = line.text[sub.start(1) :]
    else:  # the brackets around the occasion are not part of it
        text = line.text[occasion.start(1) : occasion.end(1)]  # type: ignore[union-attr]
    header.metadata(line)
    following = items[index + 1] if index + 1 < len(items) else None
    if (
        following is not None
        and UNFINISHED_OCCASION_RE.search(line.key)
        and is_short(following.key)
        and following.key.endswith("上")
    ):
        header.metadata(following)  # ——2021年2月27日在…人民代表大会 / 第六次会议上
        header.subtitles.append(text + following.text)
        return 2
    header.subtitles.append(text)
    return 1


def _is_title_line(items: list[Line], index: int, header: _Header) -> bool:
    """A line of the title (see the module's docstring)."""
    line = items[index]
    key = line.key
    if len(header.titles) + len(header.subtitles) >= 3 or ends_in_colon(key):
        return False
    if SALUTATION_RE.match(key) or SPEAKER_RE.match(key) or PHOTO_CREDIT_END_RE.search(key):
        return False
    if bracket := BRACKET_HEADING_RE.match(key):
        rest = key[bracket.end() :].strip()
        return not header.titles and bool(rest) and is_short(rest)  # 【栏目】标题
    if is_heading_form(key):
        return False
    if is_short(key):
        return True
    if is_exclaimed_title(line, index, header):
        return True  # 680万!蕉城区68个村获发展基金 — a headline with ! or ?, then a blank line
    if header.titles or len(key) > MAX_TITLE or "。" in key or key[-1] in "；;，,、":
        return False
    following = items[index + 1] if index + 1 < len(items) else None
    return bool(
        REPORT_TITLE_RE.search(key)
        or "——" in key
        or line.chrome_after
        or (following is not None and md.parse_date(following.key))
    )


def is_exclaimed_title(line: Line, index: int, header: _Header) -> bool:
    """The first line, short, whose only marks are ! or ? (no comma or full stop), set apart
    by a blank line: a headline, not a sentence of the text."""
    key = line.key
    return (
        index == 0
        and not header.titles
        and len(key) <= MAX_EXCLAIMED
        and re.search(r"[!?！？]", key) is not None
        and re.search(r"[。，,；;、:：]", key) is None
        and line.gap_after >= 1
    )


def _portal_title(line: Line, header: _Header) -> bool:
    """A web page's title: after chrome (a breadcrumb), right before the page's 来源/发布时间
    line, and shaped like a title (short, no sentence, not a date, byline or ——subtitle)."""
    key = line.key
    return (
        line.source_after
        and not header.subtitles
        and not header.captions
        and len(key) <= MAX_TITLE
        and not SENTENCE_MARKS.search(key)
        and not is_heading_form(key)
        and not md.SUBTITLE_RE.match(key)
        and not md.parse_date(key)
        and not md.parse_byline(key)
    )


def _furniture_above_title(header: _Header) -> None:
    """选择语言 / 您当前所在位置: … / 2023年工作总结 / 来源:…: what was taken for the title above
    the chrome was the site's furniture; set aside as chrome, named in a note."""
    for earlier in header.titles:
        header.chrome(
            earlier,
            earlier.text,
            f"'{earlier.text}' above the title left out (the web page's furniture, above the"
            " chrome before the title and its source line)",
        )
    header.titles = []


def _is_caption_line(key: str) -> bool:
    """连片虾稻共作种植基地 / 鑫和纺织生产车间内,工人在生产线上忙碌: short, no sentence end."""
    return (
        len(key) <= MAX_CAPTION
        and not re.search(r"[。！？!?；;]", key)
        and not ends_in_colon(key)
        and not is_heading_form(key)
        and not SALUTATION_RE.match(key)
        and not SPEAKER_RE.match(key)
        and not md.SUBTITLE_RE.match(key)
        and not place_list_lines([key])
    )


# 新华社长春1月23日电 题:…: a news agency's dateline with the headline after it
DATELINE_TITLE_RE = re.compile(r"^[\u4e00-\u9fff]{2,20}\d{1,2}月\d{1,2}日电\s*题\s*[:：]\s*")


def _repeats_title(key: str, title: str) -> bool:
    """The title again (a page prints it twice, or a news agency's dateline with 题: before it),
    or part of it as the document's heading: 政府工作报告 or 政 府 工 作 报 告 under
    沙沟镇2021年政府工作报告."""
    key = DATELINE_TITLE_RE.sub("", key)
    if key == title or (title.startswith("【") and key == BRACKET_HEADING_RE.sub("", title)):
        return True
    if key.startswith(title) and len(key) <= len(title) + 12 and len(title) >= 8:
        return True  # the title again with a teaser after it: …发展基金!有你们村吗?
    bare = key.replace(" ", "") if is_spaced_out(key) else key
    return len(bare) >= 4 and is_short(key) and bare in title


def _set_titles(header: _Header) -> None:
    """One or more title lines and ——subtitle lines -> title and subtitle, nothing dropped.

    With a ——subtitle, every title line is part of the title (a kicker line above the main
    title, or a second title line after the subtitle); without one, the last of two or
    three short lines is the subtitle. A site's name after the first title line is chrome.
    """
    meta: Metadata = header.article.meta
    titles = [_title_text(header, line) for line in header.titles]
    if header.subtitles:
        meta.title = meta.title or " ".join(titles)
        meta.subtitle = meta.subtitle or " ".join(header.subtitles)
    elif titles:
        meta.title = meta.title or " ".join(titles[:-1] if len(titles) > 1 else titles)
        if len(titles) > 1:
            meta.subtitle = meta.subtitle or titles[-1]


def _title_text(header: _Header, line: Line) -> str:
    """A title line's text, recorded as metadata, with a site's name after it as chrome."""
    suffix = SITE_SUFFIX_RE.match(line.text) if line is header.titles[0] else None
    if not suffix:
        header.metadata(line)
        return line.text
    title, site = suffix.group("title"), suffix.group("site")
    header.metadata(line, title)
    header.chrome(line, site, f"'{site.strip()}' after the title left out (the page's furniture)")
    return title


def skip_known_header(items: list[Line], article: Article) -> list[Line]:
    """With metadata from the page's properties, lines at the top that repeat it are metadata."""
    meta = article.meta
    known = {meta.title, meta.subtitle or "", *(meta.title.split())}
    index = 0
    while index < len(items) and index < HEADER_LINES:
        line = items[index]
        sub = md.SUBTITLE_RE.match(line.text)
        if line.text in known or (sub and sub.group(1) == meta.subtitle):
            article.set_aside.append(SetAside(line.number, line.text, "metadata"))
        elif len(line.key) <= 60 and (byline := md.parse_byline(line.key, line.text)):
            meta.byline = meta.byline or byline
            article.set_aside.append(SetAside(line.number, line.text, "metadata"))
            return items[index + 1 :]
        else:
            break
        index += 1
    return items[index:]


def _looks_like_first_heading(items: list[Line], index: int, titles: list[Line]) -> bool:
    """Without a byline, a short line right before the first paragraph opens the body."""
    if not titles:
        return False
    following = items[index + 1 : index + 2]
    return (
        bool(following)
        and not is_short(following[0].key)
        and not md.SUBTITLE_RE.match(following[0].key)
        and not OCCASION_RE.match(following[0].key)
        and not any(md.parse_byline(line.key) for line in items[index + 1 : index + 3])
    )
