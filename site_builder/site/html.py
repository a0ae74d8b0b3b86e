"""HTML fragments shared by report pages and generated pages.

Every text that comes from content is escaped here; callers pass plain text.

Fragments do not go through Python-Markdown: the Markdown carries a one-line token in their
place (a paragraph of its own) and ``Fragments.fill`` puts the HTML into the converted page.
Python-Markdown would otherwise parse every tag of them again, which costs more than the
rest of the page.
"""

from __future__ import annotations

import re
import secrets
from collections.abc import Iterable, Mapping, Sequence
from html import escape
from typing import Any

from site_builder.content.glossary import GlossaryEntry
from site_builder.content.metrics import Vocabulary
from site_builder.content.model import Block
from site_builder.site.strings import text
from site_builder.site.text import figure_label, figure_value

_TOKEN_RE = re.compile(r"<p>(digest-fragment-[0-9a-f]{8}-\d+)</p>")


class Fragments:
    """HTML blocks kept out of Python-Markdown, each standing in as a token paragraph."""

    def __init__(self) -> None:
        # A random part keeps a report's own text from ever looking like a token.
        self.prefix = f"digest-fragment-{secrets.token_hex(4)}-"
        self.html: dict[str, str] = {}

    def add(self, html: str) -> str:
        """The Markdown line that stands for ``html`` (empty HTML needs no line)."""
        if not html:
            return ""
        token = f"{self.prefix}{len(self.html)}"
        self.html[token] = html
        return token

    def fill(self, html: str) -> str:
        """The converted page with every token paragraph replaced by its fragment."""
        return _TOKEN_RE.sub(lambda m: self.html.get(m.group(1), m.group(0)), html)


def esc(value: object) -> str:
    return escape(str(value), quote=True)


def attrs(**values: object) -> str:
    """' class="a" lang="zh"' from keyword values; None and False are left out; ``class_`` ->
    class."""
    parts = []
    for key, value in values.items():
        if value is None or value is False:
            continue
        name = key.rstrip("_").replace("_", "-")
        parts.append(f' {name}="{esc(value)}"')
    return "".join(parts)


def lang_span(value: str, lang: str | None) -> str:
    """Text marked with its language when it differs from the page's."""
    return f'<span lang="{esc(lang)}">{esc(value)}</span>' if lang else esc(value)


def figures_box(
    figures: Sequence[Mapping[str, Any]],
    lang: str,
    kind: str,
    glossary: Mapping[str, GlossaryEntry] | None = None,
    metrics: Vocabulary | None = None,
    metric_links: Mapping[str, str] | None = None,
) -> str:
    """The key-figure callout: ``kind`` is 'glance' (at a glance) or 'section'.

    Each figure shows its value and label in ``lang``; on a translated page the Chinese
    original is the item's tooltip. A figure that measures a metric links to the metric's
    page (``metric_links``: metric id -> URL).
    """
    if not figures:
        return ""
    title = text(lang, "glance" if kind == "glance" else "section")
    items = []
    for figure in figures:
        label, untranslated = figure_label(figure, lang, glossary, metrics)
        original = None
        if lang != "zh":
            original = f"{figure.get('label') or ''} {figure.get('text') or ''}".strip()
        shown = lang_span(label, "zh" if untranslated else None)
        href = (metric_links or {}).get(str(figure.get("metric") or ""))
        if href:
            shown = f'<a href="{esc(href)}" class="digest-figures__metric">{shown}</a>'
        items.append(
            f"<li{attrs(title=original)}><strong>{esc(figure_value(figure, lang))}</strong> "
            f"{shown}</li>"
        )
    # The figures repeat the text: kept out of the search index.
    return (
        f'<aside class="digest-figures digest-figures--{esc(kind)}" aria-label="{esc(title)}" '
        f'data-search-exclude><p class="digest-figures__title">{esc(title)}</p>'
        f'<ul class="digest-figures__list">{"".join(items)}</ul></aside>'
    )


def figure(captions: Sequence[tuple[str, str | None]], image_url: str | None, lang: str) -> str:
    """A photo with its caption(s) as (text, language or None); the first caption is the
    image's alt text. A placeholder of the same shape stands in when there is no photo."""
    caption_html = " ".join(
        f'<span class="digest-photo__caption"{attrs(lang=code)}>{esc(value)}</span>'
        for value, code in captions
    )
    alt = captions[0][0] if captions else ""
    if image_url:
        body = f'<img src="{esc(image_url)}" alt="{esc(alt)}" loading="lazy">'
        css = "digest-photo"
    else:
        missing = esc(text(lang, "photo.missing"))
        body = f'<div class="digest-photo__placeholder" data-search-exclude>{missing}</div>'
        css = "digest-photo digest-photo--missing"
    return f'<figure class="{css}">{body}<figcaption>{caption_html}</figcaption></figure>'


def block_html(block: Block) -> str:
    """A body block (plain text, as read back from Markdown) as HTML, for generated pages."""
    if block.kind == "heading":
        sub = f'<span class="digest-heading-sub">{esc(block.sub)}</span>' if block.sub else ""
        return f"<h2>{esc(block.text)}{sub}</h2>"
    if block.kind == "credit":
        return f'<p class="credit">{esc(block.text)}</p>'
    if block.kind == "paragraph" and block.lead:
        lead, rest = block.text[: block.lead], block.text[block.lead :]
        return f"<p><strong>{esc(lead)}</strong>{esc(rest)}</p>"
    return f"<p>{esc(block.text)}</p>"


def link(href: str, label: str, **more: object) -> str:
    return f"<a{attrs(href=href, **more)}>{esc(label)}</a>"


def items(values: Iterable[str]) -> str:
    return "".join(f"<li>{value}</li>" for value in values)
