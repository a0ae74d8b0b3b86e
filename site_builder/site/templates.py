"""The site's Jinja templates for generated pages and components (themes/<theme>/digest/).

Python passes data; the markup lives in the theme, where a site can override it. Values are
escaped by Jinja (autoescape), so content text never becomes markup.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import Any

import jinja2

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

    def render(self, template_name: str, /, **context: Any) -> str:
        """The template (e.g. 'digest/metric.html') filled with ``context``."""
        try:
            template = self.env.get_template(template_name)
        except jinja2.TemplateNotFound:
            where = ", ".join(self.folders) or "no theme folder"
            raise InputError(template_name, f"template not found in the theme ({where})") from None
        return template.render(**context).strip()
