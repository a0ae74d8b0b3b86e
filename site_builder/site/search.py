"""Search: a Pagefind index of the site, one per ``<html lang>`` (en, zh).

Pagefind (``pagefind[extended]``: its binary ships in the wheel, with Chinese segmentation)
writes ``pagefind/`` at the site's root: a small entry file, then per language an index split
into chunks and one fragment per page, which the browser fetches only for the words of a
query and the results it shows.

What is indexed is decided in the pages, with Pagefind's documented attributes:
``data-pagefind-body`` marks the content of pages worth finding (reports, glossary, about;
the theme leaves it off pages with ``search: {exclude: true}`` — home, archive, key figures,
bilingual views), ``data-pagefind-meta`` the report's region and period shown with each
result; ``EXCLUDE`` leaves link lists and editors' notes out.

``SearchIndexer`` takes the pages of each language as soon as that language is written
(Pagefind reads and indexes them in its own process while MkDocs builds the next language, so
on two cores indexing costs the build little) and writes the bundle at the end;
``build_search_index`` indexes a built folder at once.
Plain functions and classes: nothing here knows about MkDocs.
"""

from __future__ import annotations

import asyncio
import json
import re
import shutil
import threading
import time
from collections.abc import Coroutine, Iterable
from concurrent.futures import Future
from dataclasses import dataclass
from pathlib import Path
from typing import Any

BUNDLE_DIR = "pagefind"
_GLOB_SPECIAL = re.compile(r"[\\*?\[\]{}<>:,!]")  # wax glob syntax, escaped with a backslash
# Our own markers of navigation and notes inside a page, and MkDocs' permalink anchors.
EXCLUDE = ("[data-search-exclude]", ".headerlink")


class SearchIndexError(RuntimeError):
    """Pagefind could not index the site (the message names the folder)."""


@dataclass(frozen=True)
class IndexStats:
    languages: dict[str, int]  # pages indexed per language, from Pagefind's entry file
    seconds: float  # from the first page given to the bundle written

    @property
    def pages(self) -> int:
        return sum(self.languages.values())


class SearchIndexer:
    """A Pagefind index fed built pages, written into ``site_dir/pagefind/`` by ``write``.

    Pagefind's Python API is async: it runs on an event loop in a thread of ours, so a build
    (or a test) that has its own loop is not disturbed. ``close`` ends it without writing.
    """

    def __init__(self, site_dir: Path | str) -> None:
        from pagefind.index import IndexConfig, PagefindIndex

        self.site_dir = Path(site_dir)
        self._start = time.perf_counter()
        self._loop = asyncio.new_event_loop()
        self._thread = threading.Thread(target=self._loop.run_forever, name="pagefind", daemon=True)
        self._thread.start()
        config = IndexConfig(
            exclude_selectors=list(EXCLUDE), output_path=str(self.site_dir / BUNDLE_DIR)
        )
        self._index = PagefindIndex(config=config)
        self._pending: list[Future[Any]] = [self._submit(self._index.__aenter__())]

    def _submit(self, coroutine: Coroutine[Any, Any, Any]) -> Future[Any]:
        return asyncio.run_coroutine_threadsafe(coroutine, self._loop)

    @property
    def empty(self) -> bool:
        """No page was given yet."""
        return len(self._pending) == 1

    def add_files(self, paths: Iterable[str]) -> None:
        """Index these built pages (paths relative to ``site_dir``, as MkDocs' ``dest_uri``),
        in the background; Pagefind gives each the URL of its path."""
        glob = "{" + ",".join(_GLOB_SPECIAL.sub(r"\\\g<0>", path) for path in paths) + "}"
        if glob != "{}":
            self._pending.append(self._submit(self._add_directory(glob)))

    def add_directory(self) -> None:
        """Index every HTML page of ``site_dir`` as it is on disk, in the background."""
        self._pending.append(self._submit(self._add_directory(None)))

    async def _add_directory(self, glob: str | None) -> None:
        await asyncio.wrap_future(self._pending[0])
        await self._index.add_directory(str(self.site_dir), glob=glob)

    def write(self) -> IndexStats:
        """Wait for every page, write the bundle (replacing an older one), stop Pagefind."""
        bundle = self.site_dir / BUNDLE_DIR
        try:
            for future in self._pending:
                future.result()
            shutil.rmtree(bundle, ignore_errors=True)  # no stale chunks
            self._submit(self._index.__aexit__(None, None, None)).result()
        except Exception as exc:  # the service reports its failures as plain exceptions
            self.close()
            raise SearchIndexError(f"{self.site_dir}: Pagefind failed: {exc}") from exc
        self._stop()
        return _stats(bundle, self._start)

    def close(self) -> None:
        """End Pagefind without writing (after a failed build)."""
        if not self._loop.is_running():
            return
        error = SearchIndexError("build failed")
        try:
            self._submit(self._index.__aexit__(SearchIndexError, error, None)).result()
        except Exception:  # noqa: BLE001 - the service may already be gone
            pass
        self._stop()

    def _stop(self) -> None:
        self._loop.call_soon_threadsafe(self._loop.stop)
        self._thread.join()
        self._loop.close()


def build_search_index(site_dir: Path | str) -> IndexStats:
    """Index the HTML pages of a built site under ``site_dir`` into ``site_dir/pagefind/``."""
    indexer = SearchIndexer(site_dir)
    indexer.add_directory()
    return indexer.write()


def _stats(bundle: Path, start: float) -> IndexStats:
    try:
        entry = json.loads((bundle / "pagefind-entry.json").read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise SearchIndexError(f"{bundle}: no Pagefind entry file: {exc}") from exc
    languages = {lang: int(info["page_count"]) for lang, info in entry["languages"].items()}
    if not any(languages.values()):
        raise SearchIndexError(f"{bundle.parent}: Pagefind found no page to index")
    return IndexStats(languages, time.perf_counter() - start)
