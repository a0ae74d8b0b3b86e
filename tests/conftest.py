"""The engine every in-process build of these tests runs on: MkDocs 1.6.1 by default, or
ProperDocs with ``DIGEST_ENGINE=properdocs`` (``make test-engines``, in ``.venv-properdocs``).

ProperDocs runs MkDocs 1.x plugins and themes by redirecting every ``mkdocs.*`` import to
``properdocs.*`` once ``properdocs.replacement`` is imported, which is what its own
``properdocs`` command does first. Importing it here, before any test module, lets the tests'
``from mkdocs.commands.build import build`` and our plugins, Material and mkdocs-static-i18n
all build with ProperDocs, unchanged. ``.venv-properdocs`` has no MkDocs installed, so nothing
can fall back to it.
"""

from __future__ import annotations

import os

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
