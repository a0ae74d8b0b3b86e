"""A report's original, as readers get it: the raw file as a UTF-8 text download
(``reports/<slug>/source.txt``), whatever the encoding and form it was imported in, and a view
of it with numbered lines (``reports/<slug>/original/``).

The text is on the site once (issue 21: bytes per report): the view is a small document whose
script (assets/javascripts/source-view.js) reads the download and sets each line as text. An
imported e-paper page (``source.html``) is never served as HTML: its text is shown as text and
downloaded as ``source.txt``; the raw file itself never reaches ``site/``. One view and one
download per report, in no language prefix: both language versions of a report link to them.

Line numbers are those of the layout notes: the converter counts the decoded text's lines as
``str.splitlines`` does (convert/decode.py ``text_lines``); the download holds those lines
joined by ``\n`` (no line holds a line break of its own), and the view splits it at ``\n``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from site_builder.content.errors import InputError
from site_builder.content.layout import REPORTS_DIR
from site_builder.content.schema import is_web_address
from site_builder.convert.decode import decode_bytes
from site_builder.site.generated import Site
from site_builder.site.model import Report, relative_url
from site_builder.site.strings import words
from site_builder.site.templates import Templates

# A report's raw source as imported: reports/<slug>/source.<ext> (any extension).
SOURCE_RE = re.compile(rf"^{REPORTS_DIR}/(?P<slug>[^/]+)/source\.[^/]+$")
SOURCE_TEXT = "source.txt"
VIEW = "original/"
# A byte order mark: a browser reads the download as UTF-8 even when the server sends
# text/plain without a charset (WHATWG Encoding: the BOM wins over every other hint).
UTF8_BOM = "\ufeff"


def view_url(report_slug: str) -> str:
    """The source view's site-relative URL: ``reports/<slug>/original/``."""
    return f"{REPORTS_DIR}/{report_slug}/{VIEW}"


def text_url(report_slug: str) -> str:
    """The UTF-8 download's site-relative URL: ``reports/<slug>/source.txt``."""
    return f"{REPORTS_DIR}/{report_slug}/{SOURCE_TEXT}"


def source_lines(data: bytes) -> list[str]:
    """The source's lines, decoded as the converter decodes it (UTF-8, BOMs, GB18030, Big5,
    UTF-16); bytes that are no text in any of these are shown as U+FFFD."""
    try:
        text = decode_bytes(data)
    except InputError:
        text = data.decode("utf-8", errors="replace")
    # Characters a browser would not show or an XML parser would refuse, as U+FFFD.
    text = _CONTROL.sub("\ufffd", text.replace(UTF8_BOM, ""))
    return text.splitlines()


_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f]")


def text_download(lines: list[str]) -> bytes:
    """The source as a UTF-8 text file (with a BOM), one line per line of the view."""
    return (UTF8_BOM + "\n".join(lines) + "\n").encode("utf-8")


@dataclass
class SourceView:
    """What the view shows besides the lines."""

    title: str
    report_links: list[tuple[str, str, str]]  # (lang, name, href) of the report's pages
    download: str  # href of source.txt
    original_url: str | None  # where the report was published, when the import knew it
    original_name: str  # the file as imported, e.g. source.html
    download_name: str  # the download's name: <slug>.txt


def source_url_of(meta: dict) -> str | None:
    """The front matter's ``source_url`` when it is a web address (http or https)."""
    value = meta.get("source_url")
    if isinstance(value, str) and is_web_address(value):
        return value.strip()
    return None


def render_source_view(
    report: Report,
    original_name: str,
    pages: list[tuple[str, str, str]],
    templates: Templates,
    site: Site,
) -> bytes:
    """The view as a whole HTML document (UTF-8). ``pages``: (lang, name, site-relative url)
    of the report's page in each language of the site; ``site``: its name and favicon."""
    here = view_url(report.slug)
    view = SourceView(
        title=str(report.meta.get("title") or report.slug),
        report_links=[(lang, name, relative_url(url, here)) for lang, name, url in pages],
        download=relative_url(text_url(report.slug), here),
        original_url=source_url_of(report.meta),
        original_name=original_name,
        download_name=f"{report.slug}.txt",
    )
    html = templates.render(
        "digest/source-view.html",
        view=view,
        en=words("en"),
        zh=words("zh"),
        stylesheet=relative_url("assets/stylesheets/source-view.css", here),
        script=relative_url("assets/javascripts/source-view.js", here),
        site_name=site.name,
        favicon=relative_url(site.favicon, here) if site.favicon else None,
    )
    return (html + "\n").encode("utf-8")
