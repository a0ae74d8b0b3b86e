"""What a copy of a page adds inside the article's lines, taken out before any rule reads them
(each piece set aside as chrome, so nothing of the source is lost):

- a mirror site's pinyin glosses after characters (鎮(zhèn), 發(fā)布, 會(hui) ): left in, they hide
  chrome (發布時間:) and spoil titles and labels (characters.py finds them);
- the walls of a table cell the page set the article in (| 記者2月2日…。 |, a line of │ or
  ─── alone): left in, a wall alone is read as a title or a caption;
- a content farm's watermark glued to the end of many lines (…工作回顾hS2某某百科--为某某助力):
  left in, it spoils titles and headings and leaves every paragraph looking cut.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable

from site_builder.content.model import SetAside
from site_builder.convert.characters import toneless_glosses, without_pinyin_glosses
from site_builder.convert.layout.lines import RawLine

# A table's walls and rules: | │ ┃ ─ ━ - + = and the box-drawing corners
_BORDER_CHARS = "|│┃┆┊¦-─━═=+_┌┐└┘├┤┬┴┼╋╔╗╚╝╠╣╦╩╬"
_BORDER = re.escape(_BORDER_CHARS)
_BORDER_LINE_RE = re.compile(rf"^[\s{_BORDER}]*[{_BORDER}][\s{_BORDER}]*$")
_WALLS = "|│┃¦"
# | text |, | text, text |: a cell's walls around text, with no wall inside (a row of a
# table, | 指标 | 数值 |, has walls between its cells and is left alone)
_WALLED_RE = re.compile(
    rf"^(?P<left>\s*[{_WALLS}]\s*)?(?P<text>[^{_WALLS}]*?)(?P<right>\s*[{_WALLS}]\s*)?$"
)
_HAN_RE = re.compile(r"[\u3400-\u9fff]")


def cell_walls(text: str) -> tuple[str, list[str]]:
    """``text`` without a table cell's walls: a line of walls and rules alone becomes blank;
    the walls around a line of text go. With the pieces taken out."""
    if not any(wall in text for wall in _BORDER_CHARS):
        return text, []
    if _BORDER_LINE_RE.match(text):
        return "", [text.strip()]
    walled = _WALLED_RE.match(text)
    if walled is None or not _HAN_RE.search(walled.group("text")):
        return text, []
    walls = [walled.group(side).strip() for side in ("left", "right") if walled.group(side)]
    return (walled.group("text"), walls) if walls else (text, [])


def _take_out(
    pieces: list[RawLine], strip: Callable[[str], tuple[str, list[str]]]
) -> tuple[list[int], list[SetAside], int]:
    """Apply ``strip`` to each piece: the lines changed, what was set aside, how many pieces."""
    lines: list[int] = []
    set_aside: list[SetAside] = []
    count = 0
    for piece in pieces:
        piece.text, found = strip(piece.text)
        if found:
            lines.append(piece.number)
            count += len(found)
            set_aside.append(SetAside(piece.number, "".join(found), "chrome"))
    return lines, set_aside, count


MIN_TONELESS = 3  # toneless glosses (會(hui) ) are taken out of a text that has this many


def take_out_glosses(pieces: list[RawLine]) -> tuple[list[int], list[SetAside], int]:
    toneless = sum(toneless_glosses(piece.text) for piece in pieces) >= MIN_TONELESS
    return _take_out(pieces, lambda text: without_pinyin_glosses(text, toneless))


def take_out_cell_walls(pieces: list[RawLine]) -> tuple[list[int], list[SetAside], int]:
    return _take_out(pieces, cell_walls)


# A watermark: a tail with Latin letters, after a line's own end (。:), on this many lines.
MIN_WATERMARKS = 3
_TAIL_RE = re.compile(r"[。：:！？!?；;]\s*(?P<tail>[^。，,：:！？!?；;“”()（）]{6,40})$")
_LATIN_RE = re.compile(r"[A-Za-z]")


def watermark(pieces: list[RawLine]) -> str | None:
    """The tail that ends at least MIN_WATERMARKS lines right after their last stop or colon
    and holds a Latin letter (a site's code with its name), else None; a photographer's
    credit repeated after captions (… 新华网 王小明 摄) has none."""
    tails = Counter(
        match.group("tail").strip()
        for piece in pieces
        if (match := _TAIL_RE.search(piece.text.rstrip()))
    )
    return next(
        (
            tail
            for tail, times in tails.most_common()
            if times >= MIN_WATERMARKS and _LATIN_RE.search(tail) and _HAN_RE.search(tail)
        ),
        None,
    )


def take_out_watermark(pieces: list[RawLine]) -> tuple[list[int], list[SetAside], int]:
    mark = watermark(pieces)
    if mark is None:
        return [], [], 0

    def strip(text: str) -> tuple[str, list[str]]:
        kept = text.rstrip()
        if kept.endswith(mark) and kept[: -len(mark)].strip():
            return kept[: -len(mark)], [mark]
        return text, []

    return _take_out(pieces, strip)
