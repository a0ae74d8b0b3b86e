"""Founder e-paper HTML pages -> metadata + body lines for the text parser.

Most Chinese city newspapers publish with Founder's system: the article sits in a
<founder-content> element (or div#ozoom), photos in tables with caption cells, and the
metadata in a comment: <!--enpproperty <date>…</date><title>…</title>…/enpproperty-->.
"""

from __future__ import annotations

import re

import lxml.html

from site_builder.content.errors import InputError
from site_builder.content.model import Metadata
from site_builder.convert import metadata as md

ENP_RE = re.compile(r"<!--\s*enpproperty(.*?)/enpproperty\s*-->", re.S)
TAG_RE = re.compile(r"<(\w+)>(.*?)</\1>", re.S)
CONTAINER_XPATHS = ("//founder-content", "//*[@id='ozoom']", "//*[@id='FontZoom']", "//body")


def looks_like_html(text: str) -> bool:
    head = text[:2048].lower()
    return (
        "<html" in head or "<!doctype html" in head or "enpproperty" in text[:4096] and "<" in head
    )


def parse_html(text: str, path: object = "<input>") -> tuple[Metadata, list[str]]:
    """Return the metadata and the body lines (one paragraph or caption per line)."""
    meta = Metadata()
    if match := ENP_RE.search(text):
        _read_enp(match.group(1), meta)
    try:
        document = lxml.html.fromstring(text)
    except (lxml.etree.ParserError, ValueError) as exc:
        raise InputError(path, f"unreadable HTML ({exc})") from None
    container = next((found[0] for xp in CONTAINER_XPATHS if (found := document.xpath(xp))), None)
    if container is None:
        raise InputError(path, "HTML page without a body")
    for element in container.xpath(".//script|.//style"):
        element.drop_tree()
    lines: list[str] = []
    for element in container.iter("p", "td", "div", "h1", "h2", "h3"):
        if element.tag in ("td", "div") and element.xpath(".//p|.//td|.//div|.//table"):
            continue  # only leaf containers carry text of their own
        text_content = " ".join(element.text_content().split())
        if not text_content:
            continue
        # A caption cell beside a photo is set apart, as the text parser expects captions.
        is_caption = element.tag == "td" or bool(element.xpath("ancestor::table//img"))
        lines += ["", "", text_content, "", ""] if is_caption else [text_content, ""]
    return meta, lines


def _read_enp(inner: str, meta: Metadata) -> None:
    fields = {name.lower(): " ".join(value.split()) for name, value in TAG_RE.findall(inner)}
    if date := md.ISO_DATE_RE.search(fields.get("date", "")):
        meta.date = md.iso_date(*(int(x) for x in date.groups()))
    meta.title = fields.get("title", "")
    meta.subtitle = (fields.get("subtitle") or fields.get("introtitle") or "").lstrip(
        "—-─ "
    ) or None
    if node := fields.get("nodename"):
        meta.edition = md.parse_edition(node)
    if author := fields.get("author"):
        meta.byline = md.parse_byline(author) or md.Byline(names=author.split())
    for value in fields.values():
        if md.PUBLICATION_RE.match(value):
            meta.publication = value
    if article_id := fields.get("articleid"):
        meta.source_page = f"content_{article_id}.html"
