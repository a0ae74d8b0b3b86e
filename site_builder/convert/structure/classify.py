"""Which kind each body line of a report is: heading (one line, two lines, or run into its first
sentence), paragraph, photo caption or credit; and the lead sentence a paragraph opens with."""

from __future__ import annotations

import re
from dataclasses import replace

from site_builder.content.model import Block
from site_builder.content.roles import ROLE_PATTERN
from site_builder.convert.layout.lines import Line
from site_builder.convert.structure import metadata as md
from site_builder.convert.structure.shapes import (
    BRACKET_HEADING_RE,
    CLAUSE_PUNCT,
    MAX_HEADING,
    NUMBERED_HEADING_RE,
    SALUTATION_RE,
    SENTENCE_END,
    SPEAKER_RE,
    ends_in_colon,
    is_short,
    place_list_lines,
)

# (张三/文 李四/图), 蒋文博 摄, 中新财经 李金磊 制 (a chart's maker), and an attribution in
# brackets closing the text: (白沙镇党政办)
CREDIT_RE = re.compile(
    r"^[(（]?[^()（）]{0,40}/\s*(?:文|图|摄)[^()（）]{0,40}[)）]?$|^.{0,30}摄$"
    r"|^(?:[\u4e00-\u9fff]{2,8}\s+)?[\u4e00-\u9fff·]{2,4}\s+(?:制图|制|绘图|供图)$"
    r"|^[(（][\u4e00-\u9fff·\s、]{2,20}[)）]$"
)
# 图为老人们在“邻里食堂”就餐。 蒋文博 摄 — a caption, then its photographer
_CREDIT_NAMES = r"[\u4e00-\u9fff·]{2,4}(?:[\s、][\u4e00-\u9fff·]{2,4}){0,3}"
TRAILING_CREDIT_RE = re.compile(
    r"^(?P<caption>.+?)(?:\s+|(?<=[。！？!?”」』）)]))"
    rf"(?P<credit>[(（]?(?:(?:{ROLE_PATTERN})\s*)?{_CREDIT_NAMES}\s*(?:/\s*)?摄(?:影)?[)）]?)$"
)
# 一、2022年工作回顾2022年是…: a numbered heading run into a sentence that opens with a time
TIME_OPENER_RE = re.compile(
    r"(?:19|20)\d{2}年(?:是|以来|,|，|上半年|前三季度|全|我|共|累计|完成|实现)|今年以来|去年以来"
    r"|一年来|过去一年|近年来|近几年|这一年|截至|\d{1,2}[-—至~]\d{1,2}月[,，份]"
)
# 【本报西莒记者张铭聪报导】, 【记者 李明 报道】: a byline in brackets opening the text
BRACKET_BYLINE_RE = re.compile(
    rf"^【[^】]{{0,12}}(?:{ROLE_PATTERN})[^】]{{0,16}}(?:报导|报道|讯|电)】"
)
ROLE_ONLY_RE = re.compile(rf"[{md.BYLINE_MARKS}]?\s*(?:{ROLE_PATTERN})")
NAME_ONLY_RE = re.compile(r"[\u4e00-\u9fff·]{2,4}")
MAX_NUMBERED_SENTENCE = 40  # （一）主要经济指标稳步增长,结构更优。 alone on its line: a heading
MAX_ATTRIBUTION = 40
SENTENCE_MARK_RE = re.compile(r"[。，,；;！？!?]")  # 某某镇镇长 张明远: a speaker's line is short
# Words that make a short sentence a photo caption rather than a heading.
CAPTION_WORDS = re.compile(r"图为|调研|参观|视察|看望|慰问|检查|督导|考察|观摩|摄")
MAX_SENTENCE_HEADING = 20
_HAN_RE = re.compile(r"[\u4e00-\u9fff]")
MAX_CAPTION = 40
MAX_PHRASE_HEADING = 40
LEAD_MAX = 30

_ENDS_IN_CREDIT_RE = re.compile(r"摄影?[)）]?$")
# (张三 李四 摄): a credit in brackets, whole (not a caption "(张三" and a credit "李四 摄)")
_BRACKETED_CREDIT_RE = re.compile(rf"^[(（]{_CREDIT_NAMES}\s*(?:/\s*)?摄(?:影)?[)）]$")


def trailing_credit(key: str) -> re.Match[str] | None:
    """图为…就餐。 蒋文博 摄 -> the caption and its credit; a quick test first (摄 at the end)."""
    if not _ENDS_IN_CREDIT_RE.search(key) or _BRACKETED_CREDIT_RE.match(key):
        return None
    return TRAILING_CREDIT_RE.match(key)


def is_sentence_caption(line: Line) -> bool:
    """区委书记马志勇到双山街道调研项目建设情况。 — a one-sentence caption set apart by space."""
    text = line.key
    return (
        len(text) <= MAX_CAPTION
        and text[-1] in SENTENCE_END
        and not CLAUSE_PUNCT.search(text[:-1].replace("、", ""))
        and max(line.gap_before, line.gap_after) >= 2
    )


def classify_blocks(body: list[Line]) -> list[Block]:
    """The blocks of a report's body lines, in order; every line ends up in one. A document's
    sign-off (its issuing office and date, on lines of their own at the end) is its last
    paragraphs, not photo captions."""
    end = md.sign_off_start([line.key for line in body])
    if end < len(body):
        # the space above a sign-off is the sign-off's: it does not set the last line apart
        text = body[: end - 1] + [replace(body[end - 1], gap_after=0)] if end else []
        sign_off = [Block("paragraph", line.text, line=line.number) for line in body[end:]]
        return _classify_lines(text) + sign_off
    return _classify_lines(body)


def _classify_lines(body: list[Line]) -> list[Block]:
    blocks: list[Block] = []
    places = place_list_lines([line.key for line in body])
    index = 0
    while index < len(body):
        line = body[index]
        if split := _split_heading(line):
            blocks.extend(split)
            index += 1
            continue
        if (index in places or not _HAN_RE.search(line.key)) and line.hint != "caption":
            # 城南镇:叶厝、高村, or 3 (a photo counter): text, not a caption or a heading
            blocks.append(Block("paragraph", line.text, line=line.number))
            index += 1
            continue
        if line.hint == "caption":
            blocks.extend(_caption_blocks(line))
            index += 1
            continue
        if _is_attribution(body, index):
            blocks.append(Block("credit", line.text, line=line.number))
            index += 1
            continue
        if not is_short(line.key):
            blocks.extend(_long_line_blocks(body, index))
            index += 1
            continue
        run_end = index
        while (
            run_end + 1 < len(body)
            and is_short(body[run_end + 1].key)
            and not body[run_end + 1].hint
            and not _split_heading(body[run_end + 1])
            and not _is_attribution(body, run_end + 1)
            and run_end + 1 not in places
        ):
            run_end += 1
        run = body[index : run_end + 1]
        followed_by_text = run_end + 1 < len(body) and not is_short(body[run_end + 1].key)
        blocks.extend(_classify_short_run(run, followed_by_text))
        index = run_end + 1
    return blocks


def _split_heading(line: Line) -> list[Block] | None:
    """Headings: 一、… and 【…】 alone on a line, or run into the section's first sentence.

    一、经济运行稳中向好。全年完成… -> heading 一、经济运行稳中向好。 + paragraph 全年完成…;
    一、2022年工作回顾2022年是… -> heading 一、2022年工作回顾 + paragraph 2022年是…
    """
    key, text = line.key, line.text
    if numbered := NUMBERED_HEADING_RE.match(key):
        if _is_numbered_heading(key):
            return [Block("heading", text, line=line.number)]
        cut = _run_in_heading_end(key, numbered.end())
        if cut:
            return [
                Block("heading", text[:cut], line=line.number),
                Block("paragraph", text[cut:].lstrip(), line=line.number),
            ]
        return None
    if bracket := BRACKET_HEADING_RE.match(key):
        rest = text[bracket.end() :].lstrip()
        if BRACKET_BYLINE_RE.match(key):  # 【本报记者张铭聪报导】莒光乡…: who wrote it
            credit = Block("credit", text[: bracket.end()], line=line.number)
            return [credit] + ([Block("paragraph", rest, line=line.number)] if rest else [])
        heading = Block("heading", text[: bracket.end()], line=line.number)
        if not rest:
            return [heading]
        kind = "paragraph" if not is_short(rest) else "heading"
        if kind == "heading":
            return [Block("heading", text, line=line.number)]
        return [heading, Block("paragraph", rest, line=line.number)]
    return None


def _run_in_heading_end(key: str, marker_end: int) -> int:
    """Where a numbered heading run into its first sentence ends (0: it is not one): after
    its sentence end, or before a time that opens the next sentence, within a heading's length.
    Run into its text, a heading is a phrase: a sentence of clauses there opens the item's text."""
    end = re.search(f"[{SENTENCE_END}]", key)
    cut = 0
    if end and marker_end < end.start() and end.end() <= MAX_HEADING and end.end() < len(key):
        sentence = key[marker_end : end.end()]
        if _is_heading_sentence(sentence) and not CLAUSE_PUNCT.search(sentence[:-1]):
            cut = end.end()  # 一、经济运行稳中向好。全年… (not 5、完善网点,提升效率。全镇…)
    opener = TIME_OPENER_RE.search(key, marker_end + 4, MAX_HEADING + 12)
    if (
        opener
        and opener.start() <= MAX_HEADING
        and (not cut or opener.start() < cut)
        and not CLAUSE_PUNCT.search(key[marker_end : opener.start()])
        and len(key) - opener.start() > MAX_HEADING
    ):
        cut = opener.start()
    return cut or _spaced_heading_end(key, marker_end)


MIN_RUN_IN_TEXT = 20  # what follows a spaced run-in heading is a paragraph, not a sub-phrase
# 一、抓项目建设 全年完成… : a space between two Chinese characters, before any clause mark
_HEADING_SPACE_RE = re.compile(r"(?<=[\u4e00-\u9fff”）)]) (?=[\u4e00-\u9fff“])")


def _spaced_heading_end(key: str, marker_end: int) -> int:
    """Where a numbered heading run into its text with only a space between ends (0: none):
    the last space between Chinese characters before the first clause mark, when what is
    before it is a heading's length and what follows is a paragraph's (clauses, longer). 一、聚焦产业 激活动能 全年… keeps both phrases; a space before a number (投资 5亿元)
    is a PDF's, not a break."""
    first_mark = CLAUSE_PUNCT.search(key, marker_end)
    if first_mark is None:
        return 0
    spaces = [m.start() for m in _HEADING_SPACE_RE.finditer(key, marker_end, first_mark.start())]
    if not spaces:
        return 0
    cut = spaces[-1]
    heading, rest = key[marker_end:cut], key[cut + 1 :]
    if not 4 <= len(heading) <= MAX_HEADING or len(rest) <= MIN_RUN_IN_TEXT:
        return 0
    return cut


def _is_numbered_heading(text: str) -> bool:
    """一、聚焦项目建设,激发新动能 / (二)优化营商环境 / 3.强化保障 — short, not a sentence; or
    one sentence without figures alone on its line: （一）主要经济指标稳步增长,结构更优。"""
    marker = NUMBERED_HEADING_RE.match(text)
    if marker is None:
        return False
    if len(text) <= MAX_HEADING and not re.search(f"[{SENTENCE_END}；;]", text):
        return True
    return len(text) <= MAX_NUMBERED_SENTENCE and _is_heading_sentence(text[marker.end() :])


def _is_heading_sentence(sentence: str) -> bool:
    """A numbered heading that is a sentence, alone on its line or run into its section's text
    (经济运行稳中向好。): one sentence that names a topic. A sentence with a figure reports
    what was done (投资500万元,启动饮水工程。 / 建成高标准农田2000亩。): it opens a numbered
    item's text, not a section."""
    return (
        sentence[-1:] in SENTENCE_END
        and not re.search(f"[{SENTENCE_END}；;:：]", sentence[:-1])
        and not re.search(r"\d", sentence)
    )


def _is_attribution(body: list[Line], index: int) -> bool:
    """Who wrote or speaks, on a line of its own: 沙沟镇镇长 刘彦成 (or a name alone) above
    各位代表:, a byline's role without names (新华社记者), or a whole byline."""
    key = body[index].key
    if len(key) > MAX_ATTRIBUTION:
        return False
    if SPEAKER_RE.match(key) or ROLE_ONLY_RE.fullmatch(key):
        return True
    if not SENTENCE_MARK_RE.search(key) and md.parse_byline(key):
        return True  # 记者王小明/青溪报导 under the photo captions atop the text
    following = body[index + 1].key if index + 1 < len(body) else ""
    return bool(SALUTATION_RE.match(following)) and NAME_ONLY_RE.fullmatch(key) is not None


def _long_line_blocks(body: list[Line], index: int) -> list[Block]:
    line = body[index]
    if _is_sentence_heading(body, index) or _is_phrase_heading(body, index):
        return [Block("heading", line.text, line=line.number)]
    if trailing_credit(line.key) or _is_caption_sentence(line):
        return _caption_blocks(line)
    if CREDIT_RE.match(line.key) or _is_closing_byline_line(line.key):
        return [Block("credit", line.text, line=line.number)]
    return [Block("paragraph", line.text, line=line.number)]


def _caption_blocks(line: Line) -> list[Block]:
    """A caption, with a trailing photo credit (… 蒋文博 摄) as its own credit block."""
    credit = trailing_credit(line.key)
    if credit:
        start = credit.start("credit")
        return [
            Block("caption", line.text[:start].rstrip(), line=line.number),
            Block("credit", line.text[start:].strip(), line=line.number),
        ]
    if CREDIT_RE.match(line.key) and not line.key.startswith("图为"):
        return [Block("credit", line.text, line=line.number)]
    return [Block("caption", line.text, line=line.number)]


def _is_sentence_heading(body: list[Line], index: int) -> bool:
    """优化营商环境。 — a short sentence right above a paragraph (not set apart from it, and
    without the words of a photo caption): a heading."""
    line = body[index]
    key = line.key
    following = body[index + 1] if index + 1 < len(body) else None
    return (
        len(key) <= MAX_SENTENCE_HEADING
        and key[-1] in SENTENCE_END
        and not CLAUSE_PUNCT.search(key[:-1])
        and not CAPTION_WORDS.search(key)
        and line.gap_after < 2
        and not line.key.startswith("图为")
        and following is not None
        and not is_short(following.key)
        and len(following.key) > MAX_HEADING
    )


def _is_phrase_heading(body: list[Line], index: int) -> bool:
    """从“经济发展、城市面貌”四个维度看茶园街道之变 — a line longer than a short heading but
    with no clause punctuation at all and no sentence end, between a paragraph or caption and a
    paragraph: a heading (a paragraph's line always has a comma or a full stop)."""
    line = body[index]
    key = line.key
    following = body[index + 1] if index + 1 < len(body) else None
    previous = body[index - 1] if index else None
    return (
        len(key) <= MAX_PHRASE_HEADING
        and not CLAUSE_PUNCT.search(key)
        and not ends_in_colon(key)
        and not re.search(r"\d", key)
        and following is not None
        and len(following.key) > MAX_PHRASE_HEADING
        and CLAUSE_PUNCT.search(following.key) is not None
        and (
            previous is None
            or previous.key[-1:] in SENTENCE_END + "”」』）)"
            or is_short(previous.key)
        )
    )


def _is_closing_byline_line(key: str) -> bool:
    return (
        len(key) <= 40
        and key[:1] in "(（"
        and md.parse_closing_byline(key) is not None
        and md.CLOSING_BYLINE_RE.search(key) is not None
        and md.CLOSING_BYLINE_RE.search(key).start() == 0  # type: ignore[union-attr]
    )


def _is_caption_sentence(line: Line) -> bool:
    return line.key.startswith("图为") or is_sentence_caption(line)


def _classify_short_run(run: list[Line], followed_by_text: bool) -> list[Block]:
    """Short lines: a two-line heading, a one-line heading, captions or credits."""
    credits = any(trailing_credit(line.key) or CREDIT_RE.match(line.key) for line in run)
    if (
        len(run) == 2
        and followed_by_text
        and not credits
        and all(line.gap_after < 2 for line in run)
    ):
        main, sub = run
        return [Block("heading", main.text, sub=sub.text, line=main.number)]
    blocks: list[Block] = []
    for position, line in enumerate(run):
        if trailing_credit(line.key):
            blocks.extend(_caption_blocks(line))
        elif CREDIT_RE.match(line.key) or _is_closing_byline_line(line.key):
            blocks.append(Block("credit", line.text, line=line.number))
        elif _is_heading(line, last=position == len(run) - 1, followed_by_text=followed_by_text):
            blocks.append(Block("heading", line.text, line=line.number))
        else:
            blocks.extend(_caption_blocks(line))
    return blocks


def _is_heading(line: Line, last: bool, followed_by_text: bool) -> bool:
    if line.key.startswith("图为"):
        return False
    if NUMBERED_HEADING_RE.match(line.key):
        return True
    set_apart = max(line.gap_before, line.gap_after) >= 2
    two_phrases = re.fullmatch(r"\S{3,}\s\S{3,}", line.key) is not None
    return not set_apart and (two_phrases or (last and followed_by_text))


def mark_leads(blocks: list[Block]) -> None:
    """Mark a paragraph's short opening sentence (聚力重点项目建设,筑牢…根基。) as its lead."""
    for block in blocks:
        if block.kind == "paragraph":
            block.lead = lead_length(block.text)


def lead_length(text: str) -> int:
    match = re.search(f"[{SENTENCE_END}][”」』]?", text)
    if not match or match.end() > LEAD_MAX or match.end() >= len(text) or match.end() < 4:
        return 0
    return match.end()
