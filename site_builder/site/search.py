"""Search: a Pagefind bundle per language (``pagefind/`` for English, ``zh/pagefind/``).

Pagefind (``pagefind[extended]``: its binary ships in the wheel, with Chinese segmentation)
writes a bundle into a language's folder: a small entry file, an index split into chunks and
one fragment per page, which the browser fetches only for the words of a query and the
results it shows. Each language folder is a small site of its own for Pagefind (result links
are relative to it), so a page loads its own language's bundle, and a language's bundle can
be written while MkDocs still builds the next language.

What is indexed is decided in the pages, with Pagefind's documented attributes:
``data-pagefind-body`` marks the content of pages worth finding (reports, glossary, about,
archive, the key-figures index and each indicator's pages, site/page_kinds.py ``searched``;
the theme leaves it off pages with ``search: {exclude: true}`` — home; a bilingual view is
a document of its own, never handed to Pagefind),
``data-pagefind-meta`` the report's region and period shown with each result,
``data-pagefind-filter`` a report's province and year (the panel's filters),
``data-pagefind-weight`` more weight for a report's "at a glance" figures and less for the
glossary's entries; ``EXCLUDE`` leaves link lists, section callouts and editors' notes out.

``SearchIndexer`` takes a language's pages in batches as they are written (Pagefind indexes
them in its own process, on the other core) and writes the bundle in the background when the
language is done; ``build_search_index`` indexes a built folder at once.
Plain functions and classes: nothing here knows about MkDocs.
"""

from __future__ import annotations

import asyncio
import json
import re
import shutil
import threading
import time
from collections.abc import Iterable
from concurrent.futures import Future
from dataclasses import dataclass
from pathlib import Path

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


_WRITE, _CANCEL = "write", "cancel"  # what ends an indexer's queue of globs


class _Cancelled(Exception):
    """Leaves Pagefind's context without writing the bundle."""


class _Written(Exception):
    """Leaves Pagefind's context after the bundle was written and found complete."""


BUNDLE_TIMEOUT = 120.0  # seconds to wait for Pagefind's files after it answered


async def _bundle_complete(bundle: Path) -> None:
    """Wait until the bundle's entry file parses and every language's metadata file it names
    is on disk, not empty; SearchIndexError after ``BUNDLE_TIMEOUT``."""
    deadline = time.monotonic() + BUNDLE_TIMEOUT
    while True:
        try:
            entry = json.loads((bundle / "pagefind-entry.json").read_text(encoding="utf-8"))
            metas = [
                bundle / f"pagefind.{info['hash']}.pf_meta" for info in entry["languages"].values()
            ]
            if all(meta.stat().st_size > 0 for meta in metas):
                return
        except (OSError, ValueError, KeyError, TypeError):
            pass
        if time.monotonic() > deadline:
            raise SearchIndexError(f"{bundle}: Pagefind did not finish writing the bundle")
        await asyncio.sleep(0.05)


class SearchIndexer:
    """A Pagefind index of one language's pages, written into ``<folder>/pagefind/`` of the
    site: ``pagefind/`` for the default language, ``zh/pagefind/`` for the one under ``zh/``.
    A bundle per language folder is a small site of its own for Pagefind (its result links
    are relative to that folder), so each language's bundle can be written as soon as that
    language is built, while MkDocs builds the next one.

    Pagefind's Python API is async: one coroutine on an event loop in a thread of ours holds
    ``PagefindIndex`` as its documented async context manager, indexing the globs it is given
    until told to write (leaving the context writes the bundle and stops the service) or to
    cancel. The entry file is read only after that, so it is complete. A build (or a test)
    with its own loop is not disturbed.
    """

    def __init__(self, site_dir: Path | str, folder: str = "") -> None:
        self.site_dir = Path(site_dir)
        self.folder = folder.strip("/")  # the language's folder in the site, "" for the root
        self.root = self.site_dir / self.folder
        self._start = time.perf_counter()
        self._given = 0  # batches of pages given
        self._loop = asyncio.new_event_loop()
        self._queue: asyncio.Queue[str] = asyncio.Queue()
        self._thread = threading.Thread(target=self._loop.run_forever, name="pagefind", daemon=True)
        self._thread.start()
        self._done: Future[IndexStats | None] = asyncio.run_coroutine_threadsafe(
            self._run(), self._loop
        )
        self._ending = False

    async def _run(self) -> IndexStats | None:
        from pagefind.index import IndexConfig, PagefindIndex

        bundle = self.root / BUNDLE_DIR
        config = IndexConfig(exclude_selectors=list(EXCLUDE), output_path=str(bundle))
        try:
            async with PagefindIndex(config=config) as index:
                while (glob := await self._queue.get()) not in (_WRITE, _CANCEL):
                    await index.add_directory(str(self.root), glob=glob)
                if glob == _CANCEL:
                    raise _Cancelled
                shutil.rmtree(bundle, ignore_errors=True)  # no stale chunks
                await index.write_files()
                # Pagefind answers before every file of the bundle is on disk (seen on a
                # loaded machine: an empty entry file). The service is stopped only once the
                # entry and each language's metadata file it names are complete.
                await _bundle_complete(bundle)
                raise _Written  # leaves the context without writing again; it stops Pagefind
        except _Cancelled:
            return None
        except _Written:
            pass
        return _stats(bundle, self._start)

    def _put(self, item: str) -> None:
        self._loop.call_soon_threadsafe(self._queue.put_nowait, item)

    @property
    def empty(self) -> bool:
        """No page was given yet."""
        return self._given == 0

    def add_files(self, paths: Iterable[str]) -> None:
        """Index these built pages (paths relative to ``site_dir``, as MkDocs' ``dest_uri``,
        inside this language's folder), in the background."""
        prefix = f"{self.folder}/" if self.folder else ""
        inside = [path[len(prefix) :] for path in paths if path.startswith(prefix)]
        glob = "{" + ",".join(_GLOB_SPECIAL.sub(r"\\\g<0>", path) for path in inside) + "}"
        if glob != "{}" and not self._ending:
            self._given += 1
            self._put(glob)

    def write_in_background(self) -> None:
        """Write the bundle (replacing an older one) once every page is indexed, while the
        caller goes on; ``wait`` gives the result."""
        if not self._ending:
            self._ending = True
            self._put(_WRITE)

    def wait(self) -> IndexStats:
        """The written bundle's figures (writing it now if ``write_in_background`` was not
        called); Pagefind is stopped."""
        self.write_in_background()
        try:
            stats = self._done.result()
        except SearchIndexError:
            self._stop()
            raise
        except Exception as exc:  # the service reports its failures as plain exceptions
            self._stop()
            raise SearchIndexError(f"{self.root}: Pagefind failed: {exc}") from exc
        self._stop()
        if stats is None:
            raise SearchIndexError(f"{self.root}: the index was closed before it was written")
        return stats

    def close(self) -> None:
        """End Pagefind without writing (after a failed build)."""
        if not self._loop.is_running():
            return
        if not self._ending:
            self._ending = True
            self._put(_CANCEL)
        try:
            self._done.result()
        except Exception:  # noqa: BLE001 - the service may already be gone
            pass
        self._stop()

    def _stop(self) -> None:
        if not self._loop.is_running():
            return
        self._loop.call_soon_threadsafe(self._loop.stop)
        self._thread.join()
        self._loop.close()


def build_search_index(site_dir: Path | str, folders: Iterable[str] = ("",)) -> IndexStats:
    """Index the built pages under ``site_dir``: one bundle per language folder (``""`` for
    the root, ``"zh/"``), each of the pages in its folder and not in another's."""
    site = Path(site_dir)
    names = [folder.strip("/") for folder in folders]
    start = time.perf_counter()
    languages: dict[str, int] = {}
    for name in names:
        others = [other for other in names if other != name and other.startswith(name)]
        root = site / name
        pages = [
            path.relative_to(site).as_posix()
            for path in sorted(root.rglob("*.html"))
            if BUNDLE_DIR not in path.relative_to(root).parts
            and not any(path.relative_to(site).as_posix().startswith(f"{o}/") for o in others)
        ]
        indexer = SearchIndexer(site, name)
        indexer.add_files(pages)
        languages.update(indexer.wait().languages)
    if not any(languages.values()):
        raise SearchIndexError(f"{site}: Pagefind found no page to index")
    return IndexStats(languages, time.perf_counter() - start)


def _stats(bundle: Path, start: float) -> IndexStats:
    try:
        entry = json.loads((bundle / "pagefind-entry.json").read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise SearchIndexError(f"{bundle}: no Pagefind entry file: {exc}") from exc
    languages = {lang: int(info["page_count"]) for lang, info in entry["languages"].items()}
    if not any(languages.values()):
        raise SearchIndexError(f"{bundle.parent}: Pagefind found no page to index")
    return IndexStats(languages, time.perf_counter() - start)
