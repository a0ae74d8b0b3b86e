"""Titles found in the body, once the header is read (header.py):

- ``read_closing_title``: a headline printed after the text, with its date under it, when
  nothing above the text was a title;
- ``read_named_title``: a two-line headline whose first line is a name with a colon
  (音西街道: / “三箭齐发”为…添彩), also below a column's introduction;
- ``set_aside_title_repeats``: lines repeating the title (a doc-sharing site's …范文 or
  …(精选) copy, a photo gallery's label before it) are chrome.
"""

from __future__ import annotations

import re

from site_builder.content.model import Article, SetAside
from site_builder.convert.characters import analysis_text
from site_builder.convert.layout.lines import Line, line_ranges
from site_builder.convert.structure import metadata as md
from site_builder.convert.structure.header import SENTENCE_MARKS
from site_builder.convert.structure.shapes import (
    BRACKET_HEADING_RE,
    MAX_TITLE,
    ends_in_colon,
    is_heading_form,
    is_short,
)

# - 2001-04-19: a date closing the text, as mirror sites print it under a headline put last
CLOSING_DATE_RE = re.compile(
    r"^[-—–\s]*(?P<date>\d{4}\s*[-年/.]\s*\d{1,2}\s*[-月/.]\s*\d{1,2}日?)$"
)


def read_closing_title(body: list[Line], article: Article) -> list[Line]:
    """A page that prints the headline after the text, with the date under it (莒光乡代会…闭幕 /
    - 2001-04-19 as the last two lines), when nothing above the text was a title: the two lines
    are the title and the date (set aside as metadata, noted); the rest is the body. An
    issuing office above the date (某某镇人民政府 / 2023年1月10日) is the document's sign-off,
    not a title."""
    if len(body) < 3 or article.meta.title:
        return body
    if md.sign_off_start([line.key for line in body]) < len(body):
        return body
    title, last = body[-2], body[-1]
    dated = CLOSING_DATE_RE.match(last.key)
    date = md.parse_date(dated.group("date")) if dated else None
    key = title.key
    if (
        date is None
        or not 4 <= len(key) <= MAX_TITLE
        or SENTENCE_MARKS.search(key)
        or ends_in_colon(key)
        or is_heading_form(key)
    ):
        return body
    article.meta.title = title.text
    article.meta.date = article.meta.date or date
    for line in (title, last):
        article.set_aside.append(SetAside(line.number, line.text, "metadata"))
    article.layout_notes.append(
        f"lines {title.number}–{last.number}: the title and date printed after the text"
        " taken into the front matter"
    )
    return body[:-2]


# 范文, (精选), 精选范文, (通用5篇), 全文: what a doc-sharing site adds to a title it repeats
COPY_SUFFIX_RE = re.compile(
    r"(?:[(（]?(?:精选|通用|最新|优秀|完整版|全文|范文|范例|例文|模板|大全|汇编|\d+篇|[一二三四五六七八九十]+篇)+"
    r"[)）]?)*"
)


# (新春走基层·图文互动)(1)…: a photo gallery's label of its first picture, with the headline
GALLERY_LABEL_RE = re.compile(r"^(?:[(（][^()（）]{2,20}[)）])?[(（]\d{1,2}[)）]")


def set_aside_title_repeats(body: list[Line], article: Article) -> list[Line]:
    """Lines of the body that repeat the title, alone or with what a doc-sharing site adds to
    its copies (…工作总结范文, …工作总结(精选)) or a photo gallery's label before it
    ((栏目·图文互动)(1)…), spaces aside: page furniture, never a heading or a caption; set
    aside as chrome and noted. The rest is the body."""
    title = re.sub(r"\s", "", analysis_text(article.meta.title))
    if len(title) < 4:
        return body
    bare = BRACKET_HEADING_RE.sub("", title)  # without its column: 【新春走基层】
    repeats = [
        line
        for line in body
        if (key := GALLERY_LABEL_RE.sub("", re.sub(r"\s", "", line.key)))
        and any(
            key.startswith(form) and COPY_SUFFIX_RE.fullmatch(key[len(form) :])
            for form in {title, bare}
            if len(form) >= 4
        )
    ]
    if not repeats:
        return body
    for line in repeats:
        article.set_aside.append(SetAside(line.number, line.text, "chrome"))
    numbers = [line.number for line in repeats]
    article.layout_notes.append(
        f"{line_ranges(numbers)}: the title repeated in the text left out ({len(numbers)} lines)"
    )
    return [line for line in body if line not in repeats]


# 音西街道: — a place or an organisation with a colon, the first line of a two-line headline
# (not 工作目标: or 主要做法:, which lead into the text)
NAMED_KICKER_RE = re.compile(
    r"^[\u4e00-\u9fff·]{1,10}(?:街道|镇|乡|村|社区|区|县|市|旗|园区|开发区|公司|集团)[:：]$"
)
OPENING_LINES = 12


def read_named_title(body: list[Line], article: Article) -> list[Line]:
    """A headline of two lines whose first is a name with a colon (音西街道: / “三箭齐发”为…添彩),
    right above the first paragraph, when nothing above the text was a title — also below a
    column's introduction and kicker lines. The two lines are the title (set aside as
    metadata); the rest is the body."""
    if article.meta.title:
        return body
    for index in range(min(len(body) - 2, OPENING_LINES)):
        name, headline, following = body[index : index + 3]
        if (
            NAMED_KICKER_RE.match(name.key)
            and is_short(headline.key)
            and not is_heading_form(headline.key)
            and not is_short(following.key)
            and not ends_in_colon(following.key)
        ):
            article.meta.title = name.text + headline.text
            for line in (name, headline):
                article.set_aside.append(SetAside(line.number, line.text, "metadata"))
            if index:
                article.layout_notes.append(
                    f"lines {name.number}–{headline.number}: the title found below"
                    f" {index} lines of a column's introduction"
                )
            return body[:index] + body[index + 2 :]
    return body
