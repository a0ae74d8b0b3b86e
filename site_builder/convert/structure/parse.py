"""Parse a report's normalised lines into an Article: metadata, ordered blocks, layout notes.

The lines come from the layout repairs (layout/repairs.py): page chrome already set aside, wrapped lines re-flowed,
run-together text split. Each line carries its printed text and a Simplified copy of the
same length (``key``); the parser decides on the key and keeps the printed text. Metadata
lines (date, edition, publication, title, subtitle, byline; see header.py) go into the front
matter and are recorded as set aside; the body's lines become headings, paragraphs, captions
and credits (classify.py); the region (region.py) and period are read from both; layout
repairs (layout/blocks.py) move text; nothing is dropped.
"""

from __future__ import annotations

import re

from site_builder.content.model import Article, Block, Byline, Metadata, ReviewItem, SetAside
from site_builder.convert.characters import analysis_text, analysis_texts
from site_builder.convert.layout import normalise, repair_layout
from site_builder.convert.layout.lines import Line, Normalised, RawLine
from site_builder.convert.structure import metadata as md
from site_builder.convert.structure.body_titles import (
    read_closing_title,
    read_named_title,
    set_aside_title_repeats,
)
from site_builder.convert.structure.classify import classify_blocks, mark_leads
from site_builder.convert.structure.gazetteer import resolve
from site_builder.convert.structure.header import read_header, skip_known_header
from site_builder.convert.structure.region import TITLE_WEIGHT, find_region

REGION_WEIGHTS = {"title": TITLE_WEIGHT, "opening": 2.0, "body": 1.0, "caption": 0.5}


def parse_lines(lines: list[str], meta: Metadata | None = None, header: bool = True) -> Article:
    """Turn text lines (one per source line, '' for blank) into an Article."""
    raw = [RawLine(number, text) for number, text in enumerate(lines, start=1)]
    return parse_normalised(normalise(raw), meta, header)


def parse_normalised(
    normalised: Normalised, meta: Metadata | None = None, header: bool = True
) -> Article:
    """Turn normalised lines into an Article (metadata, blocks, layout notes).

    ``header=False`` when the metadata came from elsewhere (an HTML page's properties).
    """
    meta = meta or Metadata()
    article = Article(meta=meta, blocks=[], set_aside=list(normalised.set_aside))
    article.layout_notes.extend(normalised.notes)
    items = _take_tail(list(normalised.lines), article)
    body = read_header(items, article) if header else skip_known_header(items, article)
    if header:
        body = read_closing_title(read_named_title(body, article), article)
    body = set_aside_title_repeats(body, article)
    article.blocks = classify_blocks(body)
    mark_leads(article.blocks)
    repair_layout(article)
    _finish_metadata(article, normalised, from_properties=not header)
    return article


def _take_tail(items: list[Line], article: Article) -> list[Line]:
    """What is left of the e-paper page's <!--enpproperty …--> comment, at the very end."""
    if items and md.ENP_TAIL_RE.search(items[-1].key):
        last = items[-1]
        md.parse_enp_tail(last.text, article.meta)
        article.set_aside.append(SetAside(last.number, last.text, "chrome"))
        article.layout_notes.append(
            f"line {last.number}: the remains of the e-paper page's metadata comment left out"
            " (its date, title and page id are in the front matter)"
        )
        return items[:-1]
    return items


def _finish_metadata(article: Article, normalised: Normalised, from_properties: bool) -> None:
    meta = article.meta
    if meta.subtitle and not meta.byline and (writer := md.writer_alone(meta.subtitle)):
        meta.byline, meta.subtitle = writer, None  # 黄飞 under the title: who wrote it
    _choose_date(article, normalised, from_properties)
    meta.publication = meta.publication or normalised.hints.publication
    meta.edition = meta.edition or normalised.hints.edition
    paragraphs = [b for b in article.blocks if b.kind in ("paragraph", "credit")]
    if _without_roles(meta.byline) and paragraphs:
        first = next((b for b in article.blocks if b.kind == "paragraph"), None)
        flash = md.parse_news_flash(analysis_text(first.text), first.text) if first else None
        if flash and _names(meta.byline) <= _names(flash):
            meta.byline = flash  # 徐明 (1994.02.01) above 本报讯(记者 徐明): the lede says the role
    if not meta.byline:  # 记者王小明/青溪报导 under the photo captions atop the text
        ending = len(article.blocks) - _closing_run(article.blocks)
        meta.byline = _opening_byline(article.blocks[: min(OPENING_BLOCKS, ending)])
    if not meta.byline and paragraphs:
        last = paragraphs[-1]
        meta.byline = md.parse_closing_byline(analysis_text(last.text), last.text) or []
    if not meta.byline:  # 文/记者 王小明 实习生 李芳 / 通讯员 赵强 图/陈立新 at the end
        meta.byline = _closing_credits(article.blocks)
    keys = analysis_texts([b.text for b in article.blocks])
    title_lines = [analysis_text(meta.title), analysis_text(meta.subtitle or "")]
    if not meta.region:
        found = find_region(_region_texts(title_lines, article.blocks, keys))
        meta.region = _region_or_office(article, found, normalised.hints.region)
    meta.period = meta.period or md.find_period(title_lines, keys, meta.date)
    context = "\n".join([analysis_text(meta.publication or ""), *title_lines, *keys])
    _place_region(article, context)


OPENING_BLOCKS = 4  # captions of the photos atop the text, then its byline


def _opening_byline(blocks: list[Block]) -> list[Byline]:
    """The byline of a credit line among the first blocks, or []."""
    for block in blocks:
        if block.kind == "credit" and (
            groups := md.parse_byline(analysis_text(block.text), block.text)
        ):
            return groups
    return []


def _closing_run(blocks: list[Block]) -> int:
    """How many credit lines end the text."""
    count = 0
    while count < len(blocks) and blocks[-1 - count].kind == "credit":
        count += 1
    return count


def _closing_credits(blocks: list[Block]) -> list[Byline]:
    """The bylines of the credit lines that end the text, in order, or []."""
    groups: list[Byline] = []
    for block in blocks[len(blocks) - _closing_run(blocks) :]:
        groups.extend(md.parse_byline(analysis_text(block.text), block.text) or [])
    return groups


def _without_roles(groups: list[Byline]) -> bool:
    return all(group.role is None for group in groups)


def _names(groups: list[Byline]) -> set[str]:
    return {name for group in groups for name in group.names}


def _choose_date(article: Article, normalised: Normalised, from_properties: bool) -> None:
    """The header's date (or the day a speech's subtitle gives), else the page furniture's; a
    date under a publication label (发布时间:) wins over a bare date line of a page's header (a
    crawl or print date)."""
    meta, found = article.meta, normalised.hints.date
    spoken = md.speech_date(analysis_text(meta.subtitle or ""))
    hints = normalised.hints
    printed = meta.publication or meta.edition or hints.publication or hints.edition
    if spoken and spoken != meta.date and not (printed or normalised.date_labelled):
        # ——2024年7月26日在…会议上: the report's own date, not a doc site's upload date (a
        # paper's date, with its name or edition, and a portal's 发布日期 are when the speech
        # was published)
        other = meta.date or (found if found != spoken else None)
        if other:
            article.review.append(
                ReviewItem(
                    "date_conflict",
                    f"The source gives two dates, {spoken} (kept: the day of the speech) and"
                    f" {other}; check which one the article was published on.",
                )
            )
        meta.date = spoken
        return
    if not found or found == meta.date:
        return
    if not meta.date:
        meta.date = found
        if normalised.date_labelled:
            return  # 发布时间: 2023-01-10 — the portal's own record of the article's date
        article.review.append(
            ReviewItem(
                "date_from_chrome",
                f"The date {found} was read from the web page's furniture (a bare date or a"
                " source line), not from the article's header; check it.",
            )
        )
        return
    kept, other = meta.date, found
    if normalised.date_labelled and not from_properties and _page_header_date(article):
        kept, other = found, meta.date
        meta.date = found
    article.review.append(
        ReviewItem(
            "date_conflict",
            f"The source gives two dates, {kept} (kept) and {other}; check which one the"
            " article was published on.",
        )
    )


def _page_header_date(article: Article) -> bool:
    """Whether the header's date is a web page's (2024年3月2日 星期六 — today's date in a
    portal's header), not a paper's (a date line with an edition): then the page's 发布时间
    is the article's; the header's date line is then chrome, noted."""
    meta = article.meta
    line = next(
        (piece for piece in article.set_aside
         if piece.reason == "metadata" and md.parse_date(analysis_text(piece.text)) == meta.date),
        None,
    )  # fmt: skip
    if line is None or (meta.edition and not re.search(r"星期|周[一二三四五六日天]", line.text)):
        return False
    line.reason = "chrome"
    article.layout_notes.append(
        f"line {line.line}: the web page's date '{line.text}' left out (a date of the page,"
        " not of the article)"
    )
    return True


def _region_or_office(article: Article, found: str | None, office: str | None) -> str | None:
    """The place the text is about, or the township whose office issued the web page (named
    by its breadcrumb or source line: 番禺区人民政府市桥街道办事处) when the text does not name a
    place or names only a unit above it (番禺区); the same place, the fuller name. A region read
    from the page's furniture alone is a doubt for the editor; one differing from the text's
    is said in a note."""
    if not office:
        return found
    if found and (office.endswith(found) or found.endswith(office)):
        return max(found, office, key=len)  # 市桥街道 and 番禺区市桥街道: the same place
    if found and found not in office:
        article.layout_notes.append(
            f"the web page's breadcrumb or source line names the office of {office}; the text is"
            f" about {found} (kept as the region)"
        )
        return found
    article.review.append(
        ReviewItem(
            "region_from_chrome",
            f"The region {office} was read from the web page's breadcrumb or source line (the"
            " office that issued the page); the text does not name it. Check it.",
        )
    )
    return office


def _place_region(article: Article, context: str) -> None:
    """The region's administrative path, code and level from the gazetteer, or a doubt."""
    meta = article.meta
    if not meta.region:
        return
    found = resolve(meta.region, context)
    if found.status == "resolved":
        meta.region_path, meta.region_code, meta.level = found.path, found.code, found.level
    elif found.status == "ambiguous":
        article.review.append(
            ReviewItem(
                "region_ambiguous",
                f"The region {meta.region} fits {found.candidates} places in the gazetteer and"
                " the text does not say which; fill in region_path, region_code and level.",
            )
        )
    else:
        article.review.append(
            ReviewItem(
                "region_unknown",
                f"The region {meta.region} is not in the gazetteer (a neighbourhood, a former"
                " name or not a place); check it and fill in region_path if it is a place.",
            )
        )


def _region_texts(
    titles: list[str], blocks: list[Block], keys: list[str]
) -> list[tuple[str, float]]:
    """The texts a region is looked for in, with weights: the title most, then the first
    paragraphs, then the rest of the body; photo captions least (texts of one weight joined)."""
    parts: dict[str, list[str]] = {"title": [t for t in titles if t], "opening": [], "body": []}
    parts["caption"] = []
    opening = 0
    for block, key in zip(blocks, keys, strict=True):
        if block.kind == "caption":
            parts["caption"].append(key)
        elif block.kind in ("paragraph", "heading") and opening < 2:
            opening += block.kind == "paragraph"
            parts["opening"].append(key)
        else:
            parts["body"].append(key)
    return [("\n".join(texts), REGION_WEIGHTS[part]) for part, texts in parts.items() if texts]


def byline_text(groups: list[Byline]) -> str:
    """本报记者 李明 通讯员 王芳: the groups as printed in a Chinese header."""
    return " ".join(" ".join(([g.role] if g.role else []) + g.names) for g in groups)
