"""Theme files a site of ours never serves, left out of ``site/`` (issue 21: bytes per report).

Material copies all of its assets into every site: lunr with its language packs and its
search worker (about 1.2 MB), used only by Material's own search plugin, and source maps (about
1.3 MB), fetched only by a developer's browser tools. This site searches with Pagefind, so while
Material's search plugin is off, lunr and its worker are left out; source maps always are. Only
the theme's files are concerned (MkDocs adds them to ``files`` before ``on_files``).
"""

from __future__ import annotations

import re

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files

_SOURCE_MAP = re.compile(r"^assets/.+\.map$")
_MATERIAL_SEARCH = re.compile(r"^assets/javascripts/(?:lunr/|workers/search\.)")


def drop_unused_theme_files(files: Files, config: MkDocsConfig) -> None:
    searching = any(name.rsplit("/", 1)[-1] == "search" for name in config.plugins)
    docs = config.docs_dir
    for file in list(files):
        if (file.abs_src_path or "").startswith(docs):
            continue  # an editor's own file is published as it is
        if _SOURCE_MAP.match(file.src_uri) or (
            not searching and _MATERIAL_SEARCH.match(file.src_uri)
        ):
            files.remove(file)
