"""Parse a report's text lines into an Article: metadata, ordered blocks, layout notes.

The text is what e-paper sites give when scraped: one paragraph per line, blank lines
between, metadata lines at the top and sometimes the remains of the page's metadata
comment at the bottom. Layout repairs (see layout.py) move text; nothing is dropped.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from site_builder.content.model import Article, Block, Metadata
from site_builder.convert import metadata as md
from site_builder.convert.layout import repair_layout

SENTENCE_END = "。！？!?"
CLAUSE_PUNCT = re.compile(r"[,，。；;！？!?]")
NUMBERED_HEADING_RE = re.compile(
    r"^(?:[一二三四五六七八九十]{1,3}、|[(（][一二三四五六七八九十]{1,3}[)）]|\d{1,2}[.．、](?!\d))"
)
CREDIT_RE = re.compile(r"^[(（]?[^()（）]{0,40}/\s*(?:文|图|摄)[^()（）]{0,40}[)）]?$|^.{0,30}摄$")
MAX_HEADING = 30
MAX_CAPTION = 40
LEAD_MAX = 30


@dataclass
class Line:
    number: int  # 1-based source line
    text: str
    gap_before: int  # blank lines before this one
    gap_after: int = 0


def non_empty_lines(lines: list[str]) -> list[Line]:
    out: list[Line] = []
    gap = 0
    for number, text in enumerate(lines, start=1):
        if not text:
            gap += 1
            continue
        if out:
            out[-1].gap_after = gap
        out.append(Line(number, text, gap))
        gap = 0
    if out:
        out[-1].gap_after = gap
    return out


def is_short(text: str) -> bool:
    """A line that could be a heading or a caption: short, no clause punctuation."""
    return len(text) <= MAX_HEADING and not CLAUSE_PUNCT.search(text)


def is_sentence_caption(line: Line) -> bool:
    """区委书记马志勇到双山街道调研项目建设情况。 — a one-sentence caption set apart by space."""
    text = line.text
    return (
        len(text) <= MAX_CAPTION
        and text[-1] in SENTENCE_END
        and not CLAUSE_PUNCT.search(text[:-1].replace("、", ""))
        and max(line.gap_before, line.gap_after) >= 2
    )


def parse_lines(lines: list[str], meta: Metadata | None = None, header: bool = True) -> Article:
    """Turn normalised text lines into an Article (metadata, blocks, layout notes).

    ``header=False`` when the metadata came from elsewhere (an HTML page's properties).
    """
    meta = meta or Metadata()
    items = non_empty_lines(lines)
    used: list[int] = []
    items = _take_tail(items, meta, used)
    body_start = _read_header(items, meta, used) if header else 0
    body = items[body_start:]
    blocks = _classify(body)
    _mark_leads(blocks)
    article = Article(meta=meta, blocks=blocks, metadata_lines=used)
    repair_layout(article)
    _finish_metadata(article, [line.text for line in items[:body_start]])
    return article


def _take_tail(items: list[Line], meta: Metadata, used: list[int]) -> list[Line]:
    if items and md.ENP_TAIL_RE.search(items[-1].text):
        md.parse_enp_tail(items[-1].text, meta)
        used.append(items[-1].number)
        return items[:-1]
    return items


def _read_header(items: list[Line], meta: Metadata, used: list[int]) -> int:
    """Consume date, edition, title, subtitle and byline lines; return the body's start."""
    titles: list[str] = []
    index = 0
    while index < len(items) and index < 8:
        text = items[index].text
        if (date := md.parse_date(text)) and not titles:
            meta.date = meta.date or date
        elif (edition := md.parse_edition(text)) and not titles:
            meta.edition = meta.edition or edition
        elif md.PUBLICATION_RE.match(text) and not titles and not meta.publication:
            meta.publication = text
        elif (byline := md.parse_byline(text)) and len(text) <= 60:
            meta.byline = byline
            used.append(items[index].number)
            index += 1
            break
        elif (sub := md.SUBTITLE_RE.match(text)) and titles:
            meta.subtitle = sub.group(1)
        elif is_short(text) and not NUMBERED_HEADING_RE.match(text) and len(titles) < 2:
            if _looks_like_first_heading(items, index, titles):
                break
            titles.append(text)
        else:
            break
        used.append(items[index].number)
        index += 1
    if titles:
        meta.title = titles[0]
        if len(titles) > 1 and not meta.subtitle:
            meta.subtitle = titles[1]
    return index


def _looks_like_first_heading(items: list[Line], index: int, titles: list[str]) -> bool:
    """Without a byline, a short line right before the first paragraph opens the body."""
    if not titles:
        return False
    following = items[index + 1 : index + 2]
    return (
        bool(following)
        and not is_short(following[0].text)
        and not any(md.parse_byline(line.text) for line in items[index + 1 : index + 3])
    )


def _classify(body: list[Line]) -> list[Block]:
    blocks: list[Block] = []
    index = 0
    while index < len(body):
        line = body[index]
        if _is_numbered_heading(line.text):
            blocks.append(Block("heading", line.text, line=line.number))
            index += 1
            continue
        if not is_short(line.text):
            kind = "caption" if _is_caption_sentence(line) else "paragraph"
            if CREDIT_RE.match(line.text):
                kind = "credit"
            blocks.append(Block(kind, line.text, line=line.number))  # type: ignore[arg-type]
            index += 1
            continue
        run_end = index
        while run_end + 1 < len(body) and is_short(body[run_end + 1].text):
            run_end += 1
        run = body[index : run_end + 1]
        followed_by_text = run_end + 1 < len(body) and not is_short(body[run_end + 1].text)
        blocks.extend(_classify_short_run(run, followed_by_text))
        index = run_end + 1
    return blocks


def _is_numbered_heading(text: str) -> bool:
    """一、聚焦项目建设,激发新动能 / (二)优化营商环境 / 3.强化保障 — short, not a sentence."""
    return (
        NUMBERED_HEADING_RE.match(text) is not None
        and len(text) <= MAX_HEADING
        and not re.search(f"[{SENTENCE_END}；;]", text)
    )


def _is_caption_sentence(line: Line) -> bool:
    return line.text.startswith("图为") or is_sentence_caption(line)


def _classify_short_run(run: list[Line], followed_by_text: bool) -> list[Block]:
    """Short lines: a two-line heading, a one-line heading, captions or credits."""
    if len(run) == 2 and followed_by_text and all(line.gap_after < 2 for line in run):
        main, sub = run
        return [Block("heading", main.text, sub=sub.text, line=main.number)]
    blocks: list[Block] = []
    for position, line in enumerate(run):
        if CREDIT_RE.match(line.text):
            blocks.append(Block("credit", line.text, line=line.number))
        elif _is_heading(line, last=position == len(run) - 1, followed_by_text=followed_by_text):
            blocks.append(Block("heading", line.text, line=line.number))
        else:
            blocks.append(Block("caption", line.text, line=line.number))
    return blocks


def _is_heading(line: Line, last: bool, followed_by_text: bool) -> bool:
    if line.text.startswith("图为"):
        return False
    if NUMBERED_HEADING_RE.match(line.text):
        return True
    set_apart = max(line.gap_before, line.gap_after) >= 2
    two_phrases = re.fullmatch(r"\S{3,}\s\S{3,}", line.text) is not None
    return not set_apart and (two_phrases or (last and followed_by_text))


def _mark_leads(blocks: list[Block]) -> None:
    """Mark a paragraph's short opening sentence (聚力重点项目建设,筑牢…根基。) as its lead."""
    for block in blocks:
        if block.kind == "paragraph":
            block.lead = lead_length(block.text)


def lead_length(text: str) -> int:
    match = re.search(f"[{SENTENCE_END}][”」』]?", text)
    if not match or match.end() > LEAD_MAX or match.end() >= len(text) or match.end() < 4:
        return 0
    return match.end()


def _finish_metadata(article: Article, header: list[str]) -> None:
    meta = article.meta
    if not meta.byline.names and article.blocks:
        first = next((b for b in article.blocks if b.kind == "paragraph"), None)
        if first and (flash := md.parse_news_flash(first.text)):
            meta.byline = flash
    texts = [meta.title, meta.subtitle or ""] + [b.text for b in article.blocks]
    title_lines = [meta.title, meta.subtitle or ""]
    meta.region = meta.region or md.find_region(title_lines) or md.find_region(texts)
    meta.period = meta.period or md.find_period(
        title_lines, [b.text for b in article.blocks], meta.date
    )
