"""Search: a Pagefind index of the built site, one per ``<html lang>`` (en, zh).

Pagefind (``pagefind[extended]``: its binary ships in the wheel, with Chinese segmentation)
reads the built HTML and writes ``pagefind/`` at the site's root: a small entry file, then per
language an index split into chunks and one fragment per page, which the browser fetches
only for the words of a query and the results it shows.

What is indexed is decided in the pages themselves, with Pagefind's documented attributes:
``data-pagefind-body`` marks the content of pages worth finding (reports, glossary, about;
the theme leaves it off pages with ``search: {exclude: true}`` — home, archive, key figures,
bilingual views — so Pagefind skips them), ``data-pagefind-meta`` the report's region and
period shown with each result. ``EXCLUDE`` leaves link lists and editors' notes out.

Plain functions: nothing here knows about MkDocs.
"""

from __future__ import annotations

import asyncio
import json
import shutil
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

BUNDLE_DIR = "pagefind"
# Our own markers of navigation and notes inside a page, and MkDocs' permalink anchors.
EXCLUDE = ("[data-search-exclude]", ".headerlink")


class SearchIndexError(RuntimeError):
    """Pagefind could not index the site (the message names the folder)."""


@dataclass(frozen=True)
class IndexStats:
    languages: dict[str, int]  # pages indexed per language, from Pagefind's entry file
    seconds: float

    @property
    def pages(self) -> int:
        return sum(self.languages.values())


def build_search_index(site_dir: Path | str) -> IndexStats:
    """Index the HTML pages under ``site_dir`` into ``site_dir/pagefind/``.

    The previous bundle is replaced. Raises SearchIndexError when Pagefind fails or finds
    nothing to index.
    """
    start = time.perf_counter()
    bundle = Path(site_dir) / BUNDLE_DIR
    shutil.rmtree(bundle, ignore_errors=True)  # no stale chunks
    try:
        _run_to_end(Path(site_dir))
        entry = json.loads((bundle / "pagefind-entry.json").read_text(encoding="utf-8"))
    except Exception as exc:  # the service reports its failures as plain exceptions
        raise SearchIndexError(f"{site_dir}: Pagefind failed: {exc}") from exc
    languages = {lang: int(info["page_count"]) for lang, info in entry["languages"].items()}
    if not any(languages.values()):
        raise SearchIndexError(f"{site_dir}: Pagefind found no page to index")
    return IndexStats(languages, time.perf_counter() - start)


def _run_to_end(site_dir: Path) -> None:
    """Pagefind's API is async; a build may run inside an event loop (Playwright's, in our
    tests), where asyncio.run cannot: then it runs in a thread of its own."""
    try:
        asyncio.get_running_loop()
    except RuntimeError:
        asyncio.run(_index(site_dir))
        return
    with ThreadPoolExecutor(max_workers=1) as pool:
        pool.submit(lambda: asyncio.run(_index(site_dir))).result()


async def _index(site_dir: Path) -> None:
    from pagefind.index import IndexConfig, PagefindIndex

    config = IndexConfig(
        exclude_selectors=list(EXCLUDE),
        output_path=str(site_dir / BUNDLE_DIR),
    )
    async with PagefindIndex(config=config) as index:
        await index.add_directory(str(site_dir))
