"""Pages without the theme's indentation: Material's templates indent every line of a page,
about 5 KB of each report page, and a digest has two pages a report (issue 21: GitHub Pages
holds 1 GB).

Only the spaces and tabs that begin a line go, and empty lines; the line break before them
stays. A browser collapses a line break and the indentation after it into one space anyway,
so a page looks and reads the same. Elements whose whitespace shows are left as they are:
``pre``, ``code``, ``textarea`` (and ``script``, ``style``, whose text is not HTML). A full
minifier was tried and left out (docs/hosting.md): it rewrites attributes and entities.
"""

from __future__ import annotations

import re

# An element whose text is kept as written, from its start tag to its end tag.
_KEPT_RE = re.compile(r"<(pre|code|textarea|script|style)\b.*?</\1\s*>", re.IGNORECASE | re.DOTALL)
_INDENT_RE = re.compile(r"\n[ \t\r\n]+")


def drop_indentation(html: str) -> str:
    """``html`` with every run of line breaks and indentation outside kept elements made one
    line break."""
    parts, start = [], 0
    for kept in _KEPT_RE.finditer(html):
        parts.append(_INDENT_RE.sub("\n", html[start : kept.start()]))
        parts.append(kept.group(0))
        start = kept.end()
    parts.append(_INDENT_RE.sub("\n", html[start:]))
    return "".join(parts)
