"""HTML fragments of report pages and generated pages, kept out of Python-Markdown.

Their markup comes from the theme's digest/*.html templates (site.templates). The Markdown
carries a one-line token in a fragment's place (a paragraph of its own) and ``Fragments.fill``
puts the HTML into the converted page. Python-Markdown would otherwise parse every tag of them
again, which costs more than the rest of the page.
"""

from __future__ import annotations

import re
import secrets
from html import escape

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
