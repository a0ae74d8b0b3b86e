"""Defer search: no index is fetched until the reader types a query.

Material's bundle fetches ``search/search_index.json`` on every page load when the page has a
form named ``search``, and creates its worker from ``__config.search``. We rewrite each built
page so that the form has another name (the bundle then fetches nothing) and the worker is our
``digest-search.js``, which loads Material's worker and the index of the page's language on the
first real query. Material's own worker, lunr and result rendering do the searching.

Plain string functions on rendered HTML; nothing here knows about MkDocs.
"""

from __future__ import annotations

import json
import posixpath
import re
from importlib import resources
from urllib.parse import quote

WORKER_NAME = "digest-search.js"
WORKER_DIR = "assets/javascripts/workers"  # Material's folder: lunr is found from here
FORM = '<form class="md-search__form" name="search">'
DEFERRED_FORM = '<form class="md-search__form" name="search-deferred">'
_CONFIG = re.compile(r'(<script id="__config" type="application/json">)(.*?)(</script>)', re.S)


class SearchMarkupError(ValueError):
    """The page does not have Material's search markup where we expect it."""


def worker_script() -> bytes:
    """Our worker's source, shipped inside the package."""
    return (resources.files("site_builder.site") / "assets" / WORKER_NAME).read_bytes()


def worker_fragment(material_worker: str, index_path: str, *, suggest: bool) -> str:
    """The worker URL's fragment: Material's worker and the language's index, both relative
    to ``WORKER_DIR``; ``index_path`` is site-relative (``zh/search/search_index.json``)."""
    up = "../" * len(WORKER_DIR.split("/"))
    parts = {
        "worker": posixpath.basename(material_worker),
        "index": up + index_path,
        "suggest": "1" if suggest else "0",
    }
    return "&".join(f"{key}={quote(value, safe='/.')}" for key, value in parts.items())


def defer_search(html: str, index_path: str) -> str:
    """Rewrite one page: rename the search form, point ``__config.search`` at our worker.

    Pages without a search form are returned unchanged. Raises SearchMarkupError when the
    form is there but ``__config`` is not what Material 9 writes (a theme change to look at).
    """
    if FORM not in html:
        return html
    match = _CONFIG.search(html)
    if match is None:
        raise SearchMarkupError("no __config script next to the search form")
    config = json.loads(match.group(2))
    material_worker = config.get("search")
    if not isinstance(material_worker, str) or not material_worker.endswith(".js"):
        raise SearchMarkupError("__config.search is not a worker script")
    folder = posixpath.dirname(material_worker)
    if not (folder == WORKER_DIR or folder.endswith("/" + WORKER_DIR)):
        raise SearchMarkupError(f"unexpected worker location {material_worker!r}")
    fragment = worker_fragment(material_worker, index_path, suggest=_suggest(config))
    config["search"] = f"{folder}/{WORKER_NAME}#{fragment}"
    # Same escaping as Jinja's tojson, so the JSON cannot close the script element.
    data = (
        json.dumps(config, ensure_ascii=False, separators=(",", ":"))
        .replace("<", "\\u003c")
        .replace(">", "\\u003e")
        .replace("&", "\\u0026")
    )
    html = html[: match.start(2)] + data + html[match.end(2) :]
    return html.replace(FORM, DEFERRED_FORM, 1)


def _suggest(config: dict[str, object]) -> bool:
    features = config.get("features")
    return isinstance(features, list) and "search.suggest" in features
