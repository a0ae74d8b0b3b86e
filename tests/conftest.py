"""What kind each test is, and the engine every in-process build of these tests runs on.

**Kinds.** Every test gets one marker from its module (``MODULE_KINDS``), so a new test needs
no decorator: ``unit`` (plain functions, the CLI on files in ``tmp_path``; no MkDocs build, no
browser), ``site`` (builds a real site with MkDocs), ``browser`` (drives Chromium, and builds a
site for it). The few unit tests that take 10 s or more are ``slow`` as well (``SLOW_*``).
``make test-fast`` runs ``-m "unit and not slow"``; ``make test`` runs everything. A module not
in the table is classified by what it uses (Playwright: ``browser``; the site helpers in
``tests/sites.py``, ``tests/served_site.py`` or MkDocs: ``site``; else ``unit``); add it to the
table when you read it. The two Chromium tests of site modules are named in ``BROWSER_TESTS``.

**Engine.** MkDocs 1.6.1 by default, or ProperDocs with ``DIGEST_ENGINE=properdocs``
(``make test-engines``, in ``.venv-properdocs``).

ProperDocs runs MkDocs 1.x plugins and themes by redirecting every ``mkdocs.*`` import to
``properdocs.*`` once ``properdocs.replacement`` is imported, which is what its own
``properdocs`` command does first. Importing it here, before any test module, lets the tests'
``from mkdocs.commands.build import build`` and our plugins, Material and mkdocs-static-i18n
all build with ProperDocs, unchanged. ``.venv-properdocs`` has no MkDocs installed, so nothing
can fall back to it.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

ENGINES = ("mkdocs", "properdocs")
ENGINE = os.environ.get("DIGEST_ENGINE", "mkdocs")
if ENGINE not in ENGINES:
    raise pytest.UsageError(f"DIGEST_ENGINE={ENGINE!r}: expected one of {', '.join(ENGINES)}")
if ENGINE == "properdocs":
    import properdocs.replacement  # noqa: F401  (mkdocs.* imports become properdocs.*)


def pytest_report_header() -> str:
    import mkdocs

    # Under ProperDocs, `mkdocs` is the properdocs module itself.
    return f"engine: {mkdocs.__name__} {mkdocs.__version__} ({os.path.dirname(mkdocs.__file__)})"


MODULE_KINDS = {
    # plain functions, the CLI over files in tmp_path, Pagefind over hand-written HTML
    "test_byline": "unit",
    "test_check": "unit",
    "test_cli_import": "unit",
    "test_content": "unit",
    "test_convert": "unit",
    "test_decode": "unit",
    "test_editing": "unit",
    "test_english": "unit",
    "test_exchange": "unit",
    "test_faults": "unit",
    "test_front_matter_cache": "unit",
    "test_glossary": "unit",
    "test_labels": "unit",
    "test_metrics": "unit",
    "test_mutations": "unit",
    "test_normalise": "unit",
    "test_parse_forms": "unit",
    "test_properties": "unit",
    "test_reader_modules": "unit",
    "test_region": "unit",
    "test_translate": "unit",
    # real MkDocs builds (test_cite's two tests of the citation formats ride along)
    "test_cite": "site",
    "test_compat": "site",
    "test_hostile": "site",
    "test_review": "site",
    "test_key_figure_pages": "site",
    "test_links": "site",
    "test_live_preview": "site",
    "test_reader_plugin": "site",
    "test_site_build": "site",
    # Chromium through Playwright
    "test_bilingual_view": "browser",
    "test_browser": "browser",
    "test_cite_print": "browser",
}
# Tests that drive Chromium in a module of site builds.
BROWSER_TESTS = {
    ("test_key_figure_pages", "test_chart_as_a_reader_sees_it"),
    ("test_live_preview", "test_make_serve_shows_a_saved_edit_in_the_browser"),
    ("test_reader_site", "test_the_source_view_shows_numbered_lines_as_text_in_a_browser"),
}
# Unit tests of 10 s and more on a 2-core machine (every mutation of every shipped figure,
# 62 s; an import of 2,000 files, 14 s): also `slow`, which `make test-fast` leaves out.
SLOW_MODULES = {"test_mutations"}
SLOW_TESTS = {("test_cli_import", "test_two_thousand_mixed_inputs")}


def _kind_by_use(path: Path) -> str:
    """The kind of a module not yet in MODULE_KINDS, from what it imports."""
    text = path.read_text(encoding="utf-8")
    if "playwright" in text:
        return "browser"
    if any(name in text for name in ("tests.sites", "tests.served_site", "mkdocs")):
        return "site"
    return "unit"


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    kinds: dict[Path, str] = {}
    for item in items:
        path = Path(str(item.path))
        if path not in kinds:
            kinds[path] = MODULE_KINDS.get(path.stem) or _kind_by_use(path)
        kind = kinds[path]
        name = getattr(item, "originalname", item.name)
        if (path.stem, name) in BROWSER_TESTS:
            kind = "browser"
        item.add_marker(kind)
        if path.stem in SLOW_MODULES or (path.stem, name) in SLOW_TESTS:
            item.add_marker("slow")


# The browser tests' fixtures (test_browser, test_cite_print, test_reader_browser): the
# project's site served under /digest/, and Debian's Chromium through Playwright. A module that
# builds a site of its own defines its own `site`.
@pytest.fixture(scope="module")
def site() -> object:
    from tests.served_site import served_site

    return served_site()


@pytest.fixture(scope="module")
def browser() -> Iterator[object]:
    from playwright.sync_api import sync_playwright

    from tests.test_browser import ARGS, CHROMIUM

    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        yield launched
        launched.close()
