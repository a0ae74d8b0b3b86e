"""The site's Jinja templates for generated pages and components (themes/<theme>/digest/).

Python passes data; the markup lives in the theme, where a site can override it. Values are
escaped by Jinja (autoescape), so content text never becomes markup.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import jinja2
from markupsafe import Markup, escape

from site_builder.content.errors import InputError


class Templates:
    """Templates found in a theme's folders, first folder first (MkDocs' ``theme.dirs``)."""

    def __init__(
        self, folders: Iterable[str | Path], bytecode_cache: jinja2.BytecodeCache | None = None
    ) -> None:
        self.folders = [str(folder) for folder in folders]
        self.env = jinja2.Environment(
            bytecode_cache=bytecode_cache,  # compiled code kept by the caller between builds
            loader=jinja2.FileSystemLoader(self.folders),
            autoescape=True,
            undefined=jinja2.StrictUndefined,
            trim_blocks=True,
            lstrip_blocks=True,
            # Made anew for each build: no need to look at the files again on every page.
            auto_reload=False,
        )
        self.env.filters["zh_runs"] = zh_runs

    def render(self, template_name: str, /, **context: Any) -> str:
        """The template (e.g. 'digest/metric.html') filled with ``context``."""
        try:
            template = self.env.get_template(template_name)
        except jinja2.TemplateNotFound:
            where = ", ".join(self.folders) or "no theme folder"
            raise InputError(template_name, f"template not found in the theme ({where})") from None
        return template.render(**context).strip()


# Chinese characters with the punctuation and digits that sit between them.
_ZH_RUN = re.compile(r"[\u3400-\u9fff\uf900-\ufaff\u3000-\u303f\uff01-\uff5e]+")


def zh_runs(text: object) -> Markup:
    """Text of another language with each run of Chinese in it marked ``lang="zh"`` (for
    screen readers and fonts): every piece is escaped here, nothing of the text is markup."""
    value, out, at = str(text), [], 0
    for match in _ZH_RUN.finditer(value):
        out.append(escape(value[at : match.start()]))
        out.append(Markup('<span lang="zh">%s</span>') % match.group(0))
        at = match.end()
    out.append(escape(value[at:]))
    return Markup("").join(out)
