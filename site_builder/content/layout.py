"""Where things live in a content folder (the MkDocs docs_dir), for the CLI and the plugins.

<content>/glossary.yml                    zh -> en terms
<content>/metrics.yml                     the indicator vocabulary
<content>/reports/<slug>/index.<lang>.md  a report page per language
<content>/reports/<slug>/source.<ext>     the raw report as imported
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

REPORTS_DIR = "reports"
GLOSSARY_FILE = "glossary.yml"
METRICS_FILE = "metrics.yml"
# A report page, by its path inside the content folder (MkDocs' src_uri).
REPORT_RE = re.compile(
    rf"^{REPORTS_DIR}/(?P<slug>[^/]+)/index\.(?P<lang>[a-z]{{2}}(?:[-_][A-Za-z]+)?)\.md$"
)


@dataclass(frozen=True)
class ContentLayout:
    """The paths of one content folder."""

    root: Path

    @property
    def reports(self) -> Path:
        return self.root / REPORTS_DIR

    @property
    def glossary(self) -> Path:
        return self.root / GLOSSARY_FILE

    @property
    def metrics(self) -> Path:
        return self.root / METRICS_FILE

    def report_dir(self, slug: str) -> Path:
        return self.reports / slug

    def report_page(self, slug: str, lang: str) -> Path:
        return self.report_dir(slug) / f"index.{lang}.md"
