"""Nothing lost: account for every character of a source in its Chinese page.

Every visible character of the source is in exactly one place: the page body, a metadata
line (read into the front matter, which must hold what it said), or page chrome (named in a
layout note). Whitespace is not counted; full-width digits count as their ASCII forms, as
the converter writes them.
"""

from __future__ import annotations

import datetime
import re
from collections import Counter

import lxml.html

from site_builder.content.blocks import parse_body
from site_builder.content.frontmatter import split_front_matter
from site_builder.content.model import Article
from site_builder.convert.characters import analysis_text
from site_builder.convert.decode import decode_bytes
from site_builder.convert.pipeline import convert
from site_builder.convert.render import render_zh_page
from site_builder.convert.sources.html import XML_DECLARATION_RE, looks_like_html

FULLWIDTH = str.maketrans("０１２３４５６７８９％．", "0123456789%.")
# What a metadata line says that the front matter holds in another form, or need not hold.
DERIVED_RE = re.compile(
    r"(?:星期|周)[一二三四五六日天]|报道|報道|[—–\-─:：,，、()（）□■●◎▲△◆◇☆★/\s]"
)


def chars(text: str) -> Counter[str]:
    return Counter(ch for ch in text.translate(FULLWIDTH) if not ch.isspace())


def visible_text(data: bytes) -> str:
    """The text a reader of the source sees: a text file whole, an HTML page's body text."""
    text = decode_bytes(data)
    if not looks_like_html(text):
        return text
    document = lxml.html.fromstring(XML_DECLARATION_RE.sub("", text, count=1))
    body = document.find(".//body")
    body = document if body is None else body
    for element in body.xpath(".//script|.//style|.//noscript|.//template|.//iframe|.//select"):
        element.drop_tree()
    for comment in body.xpath(".//comment()"):
        comment.getparent().remove(comment) if comment.getparent() is not None else None
    return body.text_content()


def page_of(article: Article) -> tuple[dict, str]:
    page = render_zh_page(article, "source.txt", "x.txt")
    front, body, first = split_front_matter(page)
    blocks = [pb.block for pb in parse_body(body, first) if pb.block.kind != "callout"]
    return front, "".join(b.text + b.sub for b in blocks)


def front_matter_text(front: dict) -> str:
    """What the front matter says, as text a metadata line could have printed."""
    parts = [str(front.get(key) or "") for key in ("title", "subtitle", "publication")]
    parts += [str(front.get(key) or "") for key in ("edition", "section")]
    for group in front.get("byline") or []:
        parts += [group.get("role") or ""] + list(group.get("names") or [])
    date = front.get("date")
    if isinstance(date, datetime.date):
        parts += [f"{date.year}年{date.month}月{date.day}日", f"{date:%Y年%m月%d日 %Y-%m-%d}"]
    return " ".join(parts)


def assert_nothing_lost(data: bytes, name: str = "x.txt") -> Article:
    """Convert ``data``; assert every source character is in the page exactly once."""
    article, _ = convert(data, name)
    front, body = page_of(article)
    set_aside = "".join(piece.text for piece in article.set_aside)
    assert chars(body) + chars(set_aside) == chars(visible_text(data)), name
    metadata = "".join(p.text for p in article.set_aside if p.reason == "metadata")
    # Roles are kept in their vocabulary form (特約記者 -> 特约记者): compare as Simplified.
    said = chars(analysis_text(DERIVED_RE.sub("", metadata)))
    held = chars(analysis_text(front_matter_text(front)))
    missing = said - held
    assert not missing, f"{name}: metadata lines say {''.join(missing.elements())!r} lost"
    for figure in article.key_figures:
        assert figure.text in article.blocks[figure.block].text, figure
    chrome = [p for p in article.set_aside if p.reason == "chrome"]
    if chrome:
        assert any("left out" in note for note in article.layout_notes)
    return article
