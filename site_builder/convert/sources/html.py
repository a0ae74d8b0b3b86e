"""E-paper and portal HTML pages -> metadata + the article's raw lines + what was set aside.

Most Chinese city newspapers publish with Founder's system: the article sits in a
<founder-content> element (or div#ozoom), photos in picture tables whose cells hold the
captions (<p class="pic-caption">), the page's name in <title> (``潮涌东湖正扬帆--临江日报``)
and the metadata in a comment: <!--enpproperty <date>…</date><title>…</title>…-->.
Government portals put the text in a content div among navigation and footers.

All visible text of the page is walked in document order, one line per block element or
<br>, so no text is lost between tags. Lines inside the article go on to the normaliser and
the parser; the rest is page chrome, set aside with its source line numbers (and read for
the date, edition and title when the page's properties lack them).
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field
from html import unescape

import lxml.etree
import lxml.html

from site_builder.content.errors import InputError
from site_builder.content.model import Metadata, SetAside
from site_builder.convert.characters import analysis_text, clean_line
from site_builder.convert.layout.chrome import is_chrome_line
from site_builder.convert.layout.lines import RawLine, line_ranges
from site_builder.convert.layout.navigation import is_navigation
from site_builder.convert.sources.base import Source
from site_builder.convert.structure import metadata as md

# Scanned in linear time, whatever the page (a lazy ``(.*?)`` between an opening and a closing
# that never comes is tried from every opening to the end: 40,000 unclosed <!--enpproperty
# took minutes). The comment is found as its first opening and the first closing after it;
# its fields as each opening tag and the next closing tag of that name (found by bisection
# in the closings' positions); an inner tag never runs past the next '<'. lxml parses the
# page in linear time.
ENP_OPEN_RE = re.compile(r"<!--\s*enpproperty")
ENP_CLOSE_RE = re.compile(r"/enpproperty\s*-->")
OPEN_TAG_RE = re.compile(r"<(\w+)>")
CLOSE_TAG_RE = re.compile(r"</(\w+)>")
INNER_TAG_RE = re.compile(r"<[^<>]+>")
XML_DECLARATION_RE = re.compile(r"^\s*<\?xml[^>]*\?>", re.I)
CONTAINER_XPATHS = (
    "//founder-content",
    "//*[@id='ozoom']",
    "//*[@id='FontZoom' or @id='fontzoom' or @id='zoom' or @id='Zoom']",
    "//*[contains(@class,'TRS_Editor')]",
    "//*[@id='js_content' or contains(@class,'rich_media_content')]",  # WeChat
    "//article",
)
# Classes and ids that hold an article's text on portals, tried when none of the above is there.
CONTENT_NAME_RE = re.compile(
    r"content|article|detail|main[-_]?text|news[-_]?text|zhengwen|body", re.I
)
CAPTION_NAME_RE = re.compile(
    r"caption|pic[-_]?(?:title|desc|text|memo)|tpsm|img[-_]?title|picdesc", re.I
)
# Inline elements continue the current line; every other element starts and ends one.
INLINE = {
    "a", "span", "strong", "b", "em", "i", "font", "u", "sup", "sub", "small", "big", "label",
    "abbr", "cite", "code", "q", "s", "strike", "mark", "time", "nobr", "wbr", "ins", "del",
}  # fmt: skip
SKIPPED = {"script", "style", "noscript", "template", "head", "title", "iframe", "select", "svg"}
TITLE_SPLIT_RE = re.compile(r"\s*(?:--|——|—|-|_|\||｜|::)\s*")


@dataclass
class HtmlReport:
    meta: Metadata
    lines: list[RawLine]  # the article's lines, for the normaliser
    set_aside: list[SetAside] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    has_properties: bool = False  # title etc. came from the page's properties
    title_lines: list[str] = field(default_factory=list)  # kicker, title, subtitle as printed


@dataclass
class _TextLine:
    number: int
    text: str
    in_article: bool
    hint: str


# A pasted fragment of markup (a WeChat post copied as raw HTML): block tags from the start.
_FRAGMENT_TAG_RE = re.compile(r"<(?:p|section|span|div|br|img|strong|h[1-6])\b[^>]*>", re.I)
MIN_FRAGMENT_TAGS = 3


def looks_like_html(text: str) -> bool:
    head = text[:2048].lower()
    return (
        "<html" in head
        or "<!doctype html" in head
        or ("<body" in head and "</" in text[:8192])
        or ("enpproperty" in text[:4096] and "<" in head)
        or (
            text.lstrip()[:1] == "<"
            and len(_FRAGMENT_TAG_RE.findall(text[:8192])) >= MIN_FRAGMENT_TAGS
        )
    )


def parse_html(text: str, path: object = "<input>") -> HtmlReport:
    """Read an HTML page: metadata, the article's lines, and the chrome set aside."""
    meta = Metadata()
    title_lines: list[str] = []
    if (inner := enp_property(text)) is not None:
        title_lines = _read_enp(inner, meta)
    try:
        document = lxml.html.fromstring(XML_DECLARATION_RE.sub("", text, count=1) or "<html/>")
    except (lxml.etree.ParserError, ValueError) as exc:
        raise InputError(path, f"unreadable HTML ({exc})") from None
    _read_title_element(document, meta)
    body = document.find(".//body")
    if body is None:
        body = document
    container = _find_container(body)
    walker = _Walker(container)
    walker.visit(body)
    lines = [line for line in walker.lines if line.text]
    return _sort_lines(lines, meta, title_lines)


def enp_property(text: str) -> str | None:
    """What Founder's <!--enpproperty … /enpproperty--> comment holds, or None."""
    opening = ENP_OPEN_RE.search(text)
    closing = ENP_CLOSE_RE.search(text, opening.end()) if opening else None
    return text[opening.end() : closing.start()] if opening and closing else None


def tag_fields(inner: str) -> list[tuple[str, str]]:
    """(name, content) of each <name>…</name> in ``inner``, left to right, not nested: what
    ``re.findall(r"<(\\w+)>(.*?)</\\1>", inner, re.S)`` gives, in O(n log n)."""
    closings: dict[str, list[tuple[int, int]]] = {}
    for match in CLOSE_TAG_RE.finditer(inner):
        closings.setdefault(match.group(1), []).append(match.span())
    fields: list[tuple[str, str]] = []
    position = 0
    for match in OPEN_TAG_RE.finditer(inner):
        if match.start() < position:
            continue
        found = closings.get(match.group(1), [])
        index = bisect.bisect_left(found, (match.end(), -1))
        if index < len(found):
            fields.append((match.group(1), inner[match.end() : found[index][0]]))
            position = found[index][1]
    return fields


def _read_enp(inner: str, meta: Metadata) -> list[str]:
    """Fill metadata from Founder's <!--enpproperty …--> comment; return its title lines."""
    # The comment's fields are HTML source: &ldquo;, &amp;, &nbsp; are characters there.
    fields = {
        name.lower(): " ".join(unescape(INNER_TAG_RE.sub(" ", value)).split())
        for name, value in tag_fields(inner)
    }
    if date := md.ISO_DATE_RE.search(fields.get("date", "")):
        meta.date = md.iso_date(*(int(x) for x in date.groups()))
    kicker = fields.get("introtitle", "")
    title = fields.get("title", "")
    meta.title = " ".join(part for part in (kicker, title) if part)
    meta.subtitle = fields.get("subtitle", "").lstrip("—-─ ") or None
    if node := fields.get("nodename"):
        if edition := md.parse_edition(analysis_text(node)):
            meta.edition, meta.section = (
                edition[0],
                node[-len(edition[1]) :] if edition[1] else None,
            )
    if author := fields.get("author"):
        meta.byline = md.byline_groups(analysis_text(author), author)
    for value in fields.values():
        if md.PUBLICATION_RE.match(analysis_text(value)):
            meta.publication = value
    if article_id := fields.get("articleid"):
        meta.source_page = f"content_{article_id}.html"
    return [line for line in (kicker, title, fields.get("subtitle", "")) if line] if title else []


def _read_title_element(document: lxml.html.HtmlElement, meta: Metadata) -> None:
    """<title>潮涌东湖正扬帆--临江日报</title>: the paper's name and, failing all else, the title."""
    element = document.find(".//title")
    if element is None or not element.text_content().strip():
        return
    parts = [clean_line(p) for p in TITLE_SPLIT_RE.split(element.text_content()) if p.strip()]
    papers = [p for p in parts if md.PUBLICATION_RE.match(analysis_text(p))]
    if papers and not meta.publication:
        meta.publication = papers[-1]
    if not meta.publication:
        for image in document.iter("img"):
            alt = clean_line(image.get("alt") or "")
            if md.PUBLICATION_RE.match(analysis_text(alt)):  # a masthead image
                meta.publication = alt
                break


def _find_container(body: lxml.html.HtmlElement) -> lxml.html.HtmlElement:
    for xpath in CONTAINER_XPATHS:
        if found := body.xpath(xpath):
            return found[0]
    best, best_size = body, 0
    for element in body.iter("div", "td", "section", "article"):
        name = f"{element.get('id', '')} {element.get('class', '')}"
        if not CONTENT_NAME_RE.search(name):
            continue
        size = sum(len(p.text_content()) for p in element.iter("p"))
        if size > best_size:
            best, best_size = element, size
    if best is body:  # no named container: the parent of the most paragraph text
        sizes: dict[lxml.html.HtmlElement, int] = {}
        for paragraph in body.iter("p"):
            parent = paragraph.getparent()
            if parent is not None:
                sizes[parent] = sizes.get(parent, 0) + len(paragraph.text_content())
        if sizes:
            best = max(sizes, key=lambda element: sizes[element])
    return best


class _Walker:
    """Visible text in document order, one line per block element or <br>."""

    def __init__(self, container: lxml.html.HtmlElement) -> None:
        self.container = container
        self.lines: list[_TextLine] = []
        self.parts: list[str] = []
        self.number = 0
        self.in_article = False
        self.hint = ""
        self.after_image = False

    def flush(self) -> None:
        text = clean_line("".join(self.parts))
        self.parts = []
        if not text:
            return
        hint = self.hint
        if (
            self.after_image
            and self.in_article
            and (len(text) <= 60 or text.startswith(("图为", "圖為")) or text.endswith("摄"))
        ):
            hint = "caption"
        self.after_image = False
        self.lines.append(_TextLine(self.number, text, self.in_article, hint))

    def add(self, text: str | None, element: lxml.html.HtmlElement) -> None:
        if not text:
            return
        if text.strip() and not "".join(self.parts).strip():
            self.number = element.sourceline or self.number
        self.parts.append(text)  # spaces too: 上一版 下一版 stay two words

    def visit(self, element: lxml.html.HtmlElement) -> None:
        tag = element.tag if isinstance(element.tag, str) else ""
        if tag in SKIPPED or not tag:
            return
        block = tag not in INLINE
        saved = (self.in_article, self.hint)
        if block:
            self.flush()
        if element is self.container:
            self.in_article = True
        if _is_caption_element(element):
            self.hint = "caption"
        if tag == "img":
            self.flush()
            self.after_image = True
        elif tag == "br":
            self.flush()
        self.add(element.text, element)
        for child in element:
            self.visit(child)
            self.add(child.tail, child)
        if block:
            self.flush()
            self.after_image = self.after_image and tag == "img"
        self.in_article, self.hint = saved


def _is_caption_element(element: lxml.html.HtmlElement) -> bool:
    """A caption cell: <p class="pic-caption">, <figcaption>, a text cell of a picture table."""
    if element.tag == "figcaption":
        return True
    if CAPTION_NAME_RE.search(f"{element.get('class', '')} {element.get('id', '')}"):
        return True
    if element.tag == "td" and not element.xpath(".//img"):
        table = next(element.iterancestors("table"), None)
        return table is not None and bool(table.xpath(".//img")) and len(element.xpath(".//p")) <= 1
    return False


def _sort_lines(lines: list[_TextLine], meta: Metadata, title_lines: list[str]) -> HtmlReport:
    """Article lines, captions from anywhere on the page, metadata lines, and the chrome."""
    report = HtmlReport(meta=meta, lines=[], has_properties=bool(title_lines))
    article = {id(line) for line in lines if line.in_article or line.hint == "caption"}
    if not meta.title:
        _title_outside_article(lines, meta)
        title_lines = [meta.title] if meta.title else []
    report.title_lines = title_lines
    known = set(title_lines) | {meta.subtitle or ""} - {""}
    chrome_numbers: list[int] = []
    for line in lines:
        if id(line) in article:
            report.lines.append(RawLine(line.number, line.text, line.hint))
            continue
        key = analysis_text(line.text)
        sub = md.SUBTITLE_RE.match(line.text)
        if line.text in known or (sub is not None and sub.group(1) in known):
            known -= {line.text, sub.group(1) if sub else ""}
            report.set_aside.append(SetAside(line.number, line.text, "metadata"))
            continue
        if meta.date is None and (date := md.parse_date(key)):
            meta.date = date
        elif meta.edition is None and (edition := md.parse_edition(key)):
            meta.edition = edition[0]
            meta.section = line.text[-len(edition[1]) :] if edition[1] else None
        report.set_aside.append(SetAside(line.number, line.text, "chrome"))
        chrome_numbers.append(line.number)
    if chrome_numbers:
        report.notes.append(
            f"HTML {line_ranges(chrome_numbers)}: page chrome outside the article left out"
            f" ({len(chrome_numbers)} lines: navigation, edition list, footer)"
        )
    return report


def _title_outside_article(lines: list[_TextLine], meta: Metadata) -> None:
    """Without page properties, the title is the last short line right before the article."""
    first = next((i for i, line in enumerate(lines) if line.in_article), None)
    if first is None:
        return
    for line in reversed(lines[max(0, first - 6) : first]):
        key = analysis_text(line.text)
        # 青江镇：小葡萄串起大产业 is a title; 来源： is furniture (is_chrome_line)
        if (
            4 <= len(key) <= 40
            and "。" not in key
            and key[-1] not in "：:"
            and not md.parse_date(key)
        ):
            if not is_chrome_line(key) and not is_navigation(key):
                meta.title = line.text
                return


class HtmlReader:
    """Founder e-paper pages and portal pages (see the module's docstring)."""

    def accepts(self, text: str) -> bool:
        return looks_like_html(text)

    def read(self, text: str, path: object) -> Source:
        page = parse_html(text, path)
        return Source(
            lines=page.lines,
            extension=".html",
            meta=page.meta,
            read_header=not page.meta.title,
            set_aside=page.set_aside,
            notes=page.notes,
        )
