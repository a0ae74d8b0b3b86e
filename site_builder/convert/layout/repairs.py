"""The layout repairs, in the order they run: two ordered lists, one before parsing (on the
source's lines) and one after (on the article's blocks). A new repair is one function and one
entry in a list.

Before the parser sees them (``LINE_REPAIRS``, on a ``Draft`` of the lines):

- ``drop_pinyin_glosses``: a mirror site's pinyin after characters (鎮(zhèn), 發(fā)布) is
  taken out, so titles and chrome read as printed (the source keeps it);
- ``drop_cell_walls``: the walls of a table cell the page set the article in (| … |, a line
  of │ or ─── alone) are taken out, so no wall is read as a title or a caption;
- ``note_columns``: text of a multi-column PDF, two columns side by side on each line, is
  noted and not split or re-flowed (that would interleave the columns);
- ``split_run_in_title`` (run_in_title.py): a report's title run into the text at the start
  (…工作总结2023年上半年,… ; 第1页共8页…自评报告…) is split off;
- ``split_run_together`` (run_together.py): a long line holding several paragraphs is split
  at sentence ends followed by a space, at spaced breaks (a full-width indent, a subtitle, a
  byline) and at numbered headings the numbering vouches for;
- ``join_broken_numbers`` (wrapped.py): a text extracted with a line break around each number
  (增长 / 5% / ;) gets its numbers back inside their lines;
- ``set_aside_chrome`` (chrome.py): navigation, breadcrumbs, 发布时间/来源/字号 lines, print
  and share buttons, 上一篇/下一篇, comment boxes and copyright lines are set aside (kept in
  ``source.*``); each line knows whether chrome was left out next to it;
- ``split_run_in_labels``: a yearbook's section labels run into their first sentence
  (经济概况 全年实现…) are set on lines of their own, when a text has at least three;
- ``reflow_wrapped`` (wrapped.py): lines hard-wrapped mid-sentence or mid-figure (PDF
  copies) are joined;
- ``close_unit_spaces`` (wrapped.py): 31.88 亿元 -> 31.88亿元, so the figure reads as one.

Every line is cleaned first (characters.py: spaces collapsed, full-width digits in ASCII) and
has a Simplified copy of the same length for analysis (``key``), so offsets found in it point
into the text as printed.

After the blocks are classified (``BLOCK_REPAIRS``, blocks.py): cut paragraphs rejoined, a
displaced lede moved, captions grouped away from their photos noted.

Each change is reported as a layout note naming its source lines; nothing is dropped.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field

from site_builder.content.model import Article, Metadata, SetAside
from site_builder.convert.characters import analysis_text, analysis_texts, clean_line
from site_builder.convert.layout import (
    blocks,
    chrome,
    chrome_hints,
    debris,
    run_in_title,
    run_together,
    wrapped,
)
from site_builder.convert.layout.lines import Line, Normalised, RawLine, line_ranges

_INDENT_RE = re.compile(r"^(?:[\u3000\t]|[ \u00a0]{2,})")


@dataclass
class Draft:
    """The lines while the repairs work on them.

    ``pieces`` are the raw lines (split where run together); ``texts``/``keys``/``indented``
    are worked out from them when first asked for; ``chrome`` indexes pieces set aside;
    ``groups`` are the pieces that make one line (wrapped lines joined), ``joined`` their text.
    """

    pieces: list[RawLine]
    notes: list[str] = field(default_factory=list)
    set_aside: list[SetAside] = field(default_factory=list)
    hints: Metadata = field(default_factory=Metadata)
    chrome: set[int] = field(default_factory=set)
    sources: set[int] = field(default_factory=set)  # chrome that is the page's 来源/发布时间 line
    date_labelled: bool = False
    columns: bool = False  # text set in columns side by side: not split or re-flowed
    heads: dict[int, int] = field(default_factory=dict)  # line -> where a run-in label ends
    groups: list[list[int]] | None = None
    joined: list[str] = field(default_factory=list)
    _texts: list[str] | None = None
    _keys: list[str] | None = None

    @property
    def texts(self) -> list[str]:
        """Clean pieces ("" for a blank line or one set aside)."""
        if self._texts is None:
            self._texts = [clean_line(p.text) for p in self.pieces]
        return self._texts

    @property
    def keys(self) -> list[str]:
        if self._keys is None:
            self._keys = analysis_texts(self.texts)
        return self._keys

    @property
    def indented(self) -> list[bool]:
        return [bool(_INDENT_RE.match(p.text)) for p in self.pieces]

    def paragraphs(self) -> list[list[int]]:
        """The groups of pieces that make one line each (each non-blank piece alone until a
        repair joins some)."""
        if self.groups is None:
            self.groups = [[i] for i, text in enumerate(self.texts) if text]
            self.joined = [self.texts[i] for (i,) in self.groups]
        return self.groups


LineRepair = Callable[[Draft], None]
BlockRepair = Callable[[Article], None]


# 两列排版的PDF文字   右栏的文字也在同一行: a line holding two columns' text side by side
_GUTTER_RE = re.compile(r"\S(?: {3,}|\t+|\u3000{2,})\S")
_HAN_RE = re.compile(r"[\u4e00-\u9fff]")


def _two_columns(text: str) -> bool:
    gutter = _GUTTER_RE.search(text.strip())
    if gutter is None:
        return False
    left, right = text.strip()[: gutter.start() + 1], text.strip()[gutter.end() - 1 :]
    return (
        len(left) >= 6 and len(right) >= 6 and bool(_HAN_RE.search(left) and _HAN_RE.search(right))
    )


MIN_COLUMN_LINES = 5


def drop_pinyin_glosses(draft: Draft) -> None:
    """發(fā)布時間, 鎮(zhèn): a mirror site's pinyin after characters (debris.py)."""
    _drop(
        draft,
        debris.take_out_glosses(draft.pieces),
        "{} pinyin glosses after characters left"
        " out (a mirror site's additions, kept in the source)",
    )


def drop_cell_walls(draft: Draft) -> None:
    """| 記者2月2日…。 |, a line of │ or ─── alone: the walls of a table cell (debris.py)."""
    _drop(
        draft,
        debris.take_out_cell_walls(draft.pieces),
        "table borders around the text left out ({} pieces)",
    )


def drop_watermark(draft: Draft) -> None:
    """…工作回顾hS2某某百科--为某某助力: a content farm's tag at the end of lines (debris.py)."""
    _drop(
        draft,
        debris.take_out_watermark(draft.pieces),
        "a copy site's watermark at the end of {} lines left out",
    )


def _drop(draft: Draft, taken: tuple[list[int], list[SetAside], int], note: str) -> None:
    """What a copy added inside lines, taken out: noted with its lines, set aside as chrome."""
    lines, set_aside, count = taken
    if count:
        draft.notes.append(f"{line_ranges(lines)}: " + note.format(count))
        draft.set_aside.extend(set_aside)
        draft._texts = draft._keys = None


def note_columns(draft: Draft) -> None:
    """Text from a multi-column PDF, two columns' lines side by side: said in a note and
    left as it is (re-flowing it would interleave the columns into an unreadable stream)."""
    lines = [piece for piece in draft.pieces if piece.text.strip()]
    sided = [piece for piece in lines if _two_columns(piece.text)]
    if len(sided) < MIN_COLUMN_LINES or len(sided) < 0.3 * len(lines):
        return
    draft.columns = True
    draft.notes.append(
        f"lines {sided[0].number}–{sided[-1].number}: text set in columns side by side"
        f" ({len(sided)} lines, a multi-column PDF); not re-flowed — put the columns in"
        " reading order by hand"
    )


def split_run_together(draft: Draft) -> None:
    if draft.columns:
        return
    pieces: list[RawLine] = []
    for line in draft.pieces:
        split = [
            RawLine(line.number, piece, line.hint)
            for piece in run_together.split_run_together(line.text)
        ]
        if len(split) > 1:
            draft.notes.append(
                f"line {line.number}: run-together text split into {len(split)} lines"
                " at sentence ends and spaced breaks"
            )
        pieces.extend(split)
    draft.pieces = pieces
    draft._texts = draft._keys = None


def join_broken_numbers(draft: Draft) -> None:
    """XX / 镇 / 2023 / 年政府工作报告, 增长 / 5% / ;: a text extracted with a line break around
    each number gets its numbers back inside their lines."""
    texts = [piece.text for piece in draft.pieces]
    if not wrapped.broken_around_numbers(texts):
        return
    pieces: list[RawLine] = []
    joined = 0
    furniture = [chrome.is_chrome_line(key) for key in analysis_texts(texts)]
    for group in wrapped.join_token_lines(texts, furniture):
        first = draft.pieces[group[0]]
        text = "".join(texts[i].strip() for i in group) if len(group) > 1 else first.text
        joined += len(group) > 1
        pieces.append(RawLine(first.number, text, first.hint))
    draft.notes.append(
        f"lines {draft.pieces[0].number}–{draft.pieces[-1].number}: numbers broken onto lines"
        f" of their own joined back into {joined} lines"
    )
    draft.pieces = pieces
    draft._texts = draft._keys = None


# 经济概况 全年实现生产总值…: a yearbook's section label run into its first sentence
_RUN_IN_LABEL_RE = re.compile(
    r"^\s*(?P<label>[\u4e00-\u9fff]{2,6}(?: [\u4e00-\u9fff]{1,4}){0,2}) +(?P<rest>\S.{9,})$"
)
_NOT_LABELS = re.compile(r"^(?:图为|本报讯|记者|通讯员|本报|今年|去年|近年|一年|目前|同时|其中)")
MIN_RUN_IN_LABELS = 3


def split_run_in_labels(draft: Draft) -> None:
    """Section labels run into their first sentence at line starts (县名由来 因地处平原…,
    政区 人口 全县总面积…), when a text has at least three: the label becomes a line of its
    own (a heading), the sentence the next. Runs on the re-flowed lines."""
    found: dict[int, int] = {}
    for index, text in enumerate(draft.joined):
        match = _RUN_IN_LABEL_RE.match(analysis_text(text))
        if (
            match
            and re.search("[,，。；;]", match.group("rest"))
            and not _NOT_LABELS.match(match.group("label"))
            and not chrome.ROLE_RE.search(match.group("label"))
        ):
            found[index] = match.start("rest")
    if len(found) < MIN_RUN_IN_LABELS:
        return
    draft.heads = found
    numbers = [draft.pieces[draft.paragraphs()[i][0]].number for i in found]
    draft.notes.append(
        f"{line_ranges(numbers)}: section labels run into their first sentence set on lines"
        " of their own"
    )


def set_aside_chrome(draft: Draft) -> None:
    texts, keys = draft.texts, draft.keys
    found = chrome.find_chrome(keys)
    draft.date_labelled = chrome_hints.chrome_hints([keys[i] for i in sorted(found)], draft.hints)
    for index in sorted(found):
        draft.set_aside.append(SetAside(draft.pieces[index].number, texts[index], "chrome"))
    if found:
        numbers = sorted({draft.pieces[i].number for i in found})
        draft.notes.append(f"{line_ranges(numbers)}: page chrome left out ({len(found)} lines)")
    for index in sorted(found):
        _caption_after_image(draft, index, found)
    draft.sources |= {i for i in found if chrome.is_source_line(keys[i])}
    for index in found:
        texts[index] = keys[index] = ""
    draft.chrome |= found


def _caption_after_image(draft: Draft, index: int, chrome_at: set[int]) -> None:
    """A short line right below where a photo stood (![]() / 1.jpg) is the photo's caption."""
    if not chrome.is_image(draft.keys[index]):
        return
    following = next((i for i in range(index + 1, len(draft.keys)) if draft.keys[i].strip()), None)
    if following is None:
        return
    key = draft.keys[following].strip()
    piece = draft.pieces[following]
    if not piece.hint and len(key) <= IMAGE_CAPTION_MAX and following not in chrome_at:
        piece.hint = "caption"


def reflow_wrapped(draft: Draft) -> None:
    if draft.columns:
        return
    groups, width = wrapped.reflow_wrapped(draft.texts, draft.indented)
    joined = [group for group in groups if len(group) > 1]
    if joined:
        first, last = draft.pieces[joined[0][0]].number, draft.pieces[joined[-1][-1]].number
        count = sum(len(group) for group in joined)
        draft.notes.append(
            f"lines {first}–{last}: text re-flowed from {count} wrapped lines"
            f" (wrapped at {width:g} characters) into {len(joined)} paragraphs"
        )
    draft.groups = groups
    draft.joined = [wrapped.join_wrapped([draft.texts[i] for i in group]) for group in groups]


def close_unit_spaces(draft: Draft) -> None:
    closed: list[int] = []
    for index, group in enumerate(draft.paragraphs()):
        text = draft.joined[index]
        tidy = wrapped.close_unit_spaces(text) if " " in text else text
        if tidy != text:
            closed.append(draft.pieces[group[0]].number)
            draft.joined[index] = tidy
    if closed:
        draft.notes.append(
            f"{line_ranges(closed)}: spaces between numbers and their units closed up"
        )


IMAGE_CAPTION_MAX = 40  # a line under a photo longer than this is the article going on


LINE_REPAIRS: list[LineRepair] = [
    drop_pinyin_glosses,
    drop_cell_walls,
    drop_watermark,
    note_columns,
    run_in_title.split_run_in_title,
    split_run_together,
    join_broken_numbers,
    set_aside_chrome,
    reflow_wrapped,
    close_unit_spaces,
    split_run_in_labels,
]

BLOCK_REPAIRS: list[BlockRepair] = [
    blocks.rejoin_cut_paragraphs,
    blocks.move_displaced_lede,
    blocks.note_grouped_captions,
]


def normalise(raw: list[RawLine]) -> Normalised:
    """Clean, split, de-chrome and re-flow raw lines into the parser's lines, with notes."""
    draft = Draft(pieces=list(raw))
    for repair in LINE_REPAIRS:
        repair(draft)
    return _parser_lines(draft)


def repair_layout(article: Article) -> None:
    """Run the block repairs on a classified article, in place (each adds its notes)."""
    for repair in BLOCK_REPAIRS:
        repair(article)


def _parser_lines(draft: Draft) -> Normalised:
    """Each group of pieces as one Line, with the blank lines and chrome around it."""
    texts, keys, chrome_at = draft.texts, draft.keys, draft.chrome
    indented = draft.indented
    result = Normalised(lines=[], notes=draft.notes, set_aside=draft.set_aside, hints=draft.hints)
    result.date_labelled = draft.date_labelled
    previous_end = -1
    for group_index, (group, text) in enumerate(zip(draft.paragraphs(), draft.joined, strict=True)):
        first = group[0]
        gap_after, gap = _gaps(range(previous_end + 1, first), chrome_at)
        after_chrome = bool(chrome_at) and any(
            i in chrome_at for i in range(previous_end + 1, first)
        )
        if result.lines:
            result.lines[-1].gap_after = gap_after
            result.lines[-1].chrome_after = after_chrome
            result.lines[-1].source_after = any(
                i in draft.sources for i in range(previous_end + 1, first)
            )
        number, hint = draft.pieces[first].number, draft.pieces[first].hint
        label_end = draft.heads.get(group_index)
        if label_end is not None:  # 经济概况 | 全年实现…: the label on a line of its own
            label = text[:label_end].strip()
            result.lines.append(Line(number, label, analysis_text(label), gap_before=gap,
                                     chrome_before=after_chrome, hint=hint))  # fmt: skip
            text, gap, after_chrome = text[label_end:], 0, False
        result.lines.append(
            Line(
                number=number,
                text=text,
                key=keys[first] if text == texts[first] else analysis_text(text),
                gap_before=gap,
                chrome_before=after_chrome,
                indented=indented[first] or label_end is not None,
                hint=hint,
            )
        )
        previous_end = group[-1]
    if result.lines:
        result.lines[-1].gap_after = _gaps(range(previous_end + 1, len(texts)), chrome_at)[0]
        result.lines[-1].chrome_after = any(
            i in chrome_at for i in range(previous_end + 1, len(texts))
        )
    return result


def _gaps(between: range, chrome_at: set[int]) -> tuple[int, int]:
    """The blank lines right after the line above and right before the line below, of the
    pieces ``between`` them (blank or chrome). Blank lines on both sides of chrome left out
    are two gaps, not one wide gap: they do not set a line apart as a photo's space would
    (标题 / blank / 来源:… / blank / text is not a caption above the text)."""
    chrome = [i for i in between if i in chrome_at]
    if not chrome:
        return len(between), len(between)
    return chrome[0] - between.start, between.stop - chrome[-1] - 1
