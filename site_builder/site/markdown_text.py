"""A Python-Markdown extension that keeps what a page body says as text (mkdocs.yml lists it).

Page bodies are Markdown that editors write, and sometimes paste from a source page. Our own
HTML never passes through Python-Markdown (site/html.py ``Fragments``) but for the glossary's
``<abbr>`` tooltips (site/abbreviations.py), so no body needs other raw HTML: it is escaped and
shown as written, the way Python-Markdown's release notes for 2.6
(``safe_mode`` deprecated) say to do it, by removing the two processors that pass it through.
An HTML comment is an editor's note to other editors: it is left out of the page (before
anything else reads the text, so what is left is escaped like the rest).
What Markdown itself makes carries no script either: event handlers and ``style`` given by
``attr_list`` (``{: onclick=… }``) are dropped, and a link or image whose address is not http(s),
mailto or relative (``javascript:``, ``data:``, ``vbscript:``) becomes its text.
"""

from __future__ import annotations

import html
import re
import xml.etree.ElementTree as etree

from markdown import Markdown
from markdown.extensions import Extension
from markdown.inlinepatterns import HtmlInlineProcessor
from markdown.preprocessors import Preprocessor
from markdown.treeprocessors import Treeprocessor

from site_builder.site.abbreviations import ABBR_TAGS

# The attributes a browser follows as an address (attr_list can set any of them on any element);
# a colon in any other attribute (title="Note: …", an abbreviation's definition) is text.
_URL_ATTRIBUTES = frozenset(
    "href src action formaction poster data srcset xlink:href background cite longdesc"
    " codebase manifest icon lowsrc dynsrc usemap ping".split()
)
_ADDRESS = {"a": "href", "img": "src"}
_SAFE_SCHEMES = frozenset(("http", "https", "mailto"))
_SCHEME_RE = re.compile(r"^([a-z][a-z0-9+.-]*):")
# Browsers drop these anywhere in a URL before they read its scheme ("java\tscript:").
_IGNORED_RE = re.compile(r"[\x00-\x20\x7f]+")


def safe_address(value: str) -> bool:
    """Is ``value`` (an attribute as Markdown writes it) an http(s), mailto or relative URL?"""
    url = _IGNORED_RE.sub("", html.unescape(value)).lower()
    scheme = _SCHEME_RE.match(url)
    return scheme is None or scheme.group(1) in _SAFE_SCHEMES


def _dropped(name: str, value: str) -> bool:
    name = name.lower()
    if name.startswith("on") or name in ("style", "srcdoc"):
        return True
    return name in _URL_ATTRIBUTES and not safe_address(value)


_COMMENT_RE = re.compile(r"<!--.*?-->", re.DOTALL)


class _NoComments(Preprocessor):
    def run(self, lines: list[str]) -> list[str]:
        text = "\n".join(lines)
        return _COMMENT_RE.sub("", text).split("\n") if "<!--" in text else lines


class _ScriptFreeAttributes(Treeprocessor):
    def run(self, root: etree.Element) -> None:
        for element in root.iter():
            for name, value in list(element.attrib.items()):
                if _dropped(name, value):
                    del element.attrib[name]
            # A link or image without its address is its text (MkDocs needs an a's href).
            if element.tag in ("a", "img") and not element.get(_ADDRESS[element.tag]):
                if element.tag == "img":
                    element.text = element.get("alt", "")
                element.tag = "span"
                element.attrib.clear()


class TextOnly(Extension):
    """Raw HTML in Markdown is shown as text; no attribute of Markdown's carries script."""

    def extendMarkdown(self, md: Markdown) -> None:  # noqa: N802 (Python-Markdown's name)
        # Before the raw HTML block reader's place (20) and everything after it.
        md.preprocessors.register(_NoComments(md), "digest_no_comments", 25)
        for registry, name in ((md.preprocessors, "html_block"), (md.inlinePatterns, "html")):
            if name in registry:
                registry.deregister(name)
        # Inline, only the glossary's <abbr> tooltips that site/abbreviations.py writes.
        md.inlinePatterns.register(HtmlInlineProcessor(ABBR_TAGS, md), "html", 90)
        # After attr_list (8) and toc (5) have set every attribute; before unescaping (0).
        md.treeprocessors.register(_ScriptFreeAttributes(md), "digest_text_only", 1)


def makeExtension(**kwargs: object) -> TextOnly:  # noqa: N802 (Python-Markdown's name)
    return TextOnly(**kwargs)
