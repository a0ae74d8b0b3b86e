"""The one helper for tests that build a real site: files from a dict, a build in-process.

- ``write_files(root, files)`` writes a dict of relative path → text (UTF-8) or bytes.
- ``config_copy(folder, ...)`` copies the project's ``mkdocs.yml`` into ``folder`` with its
  folders made absolute (so it builds from anywhere) and some lines replaced.
- ``build_site(site_dir, ...)`` is one ``mkdocs build`` (``--strict`` unless told otherwise)
  in this process, or with ``dirty=True`` one rebuild as ``mkdocs serve --dirty`` runs it.
- ``build_files(root, files)`` is the usual pair: the files in ``root/content``, the project's
  ``mkdocs.yml`` over them, the site in ``root/site``.

The engine is MkDocs, or ProperDocs under ``DIGEST_ENGINE=properdocs`` (``tests/conftest.py``).
"""

from __future__ import annotations

import sys
from collections.abc import Iterable, Mapping
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PROJECT_CONFIG = ROOT / "mkdocs.yml"
SITE_URL = "https://example.test/sub/"  # a GitHub Pages project site lives under a sub-path


def write_files(root: Path, files: Mapping[str, str | bytes]) -> Path:
    """Write ``files`` (relative path → text or bytes) under ``root``; return ``root``."""
    for name, data in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(data, bytes):
            path.write_bytes(data)
        else:
            path.write_text(data, encoding="utf-8")
    return root


def config_copy(
    folder: Path, *, docs_dir: Path | None = None, replace: Iterable[tuple[str, str]] = ()
) -> Path:
    """The project's mkdocs.yml written to ``folder/mkdocs.yml``, with ``docs_dir`` (default:
    the project's content/) and the theme's ``custom_dir`` as absolute paths, and each
    ``(old, new)`` of ``replace`` applied once (``old`` must be there)."""
    text = PROJECT_CONFIG.read_text(encoding="utf-8")
    text = text.replace("docs_dir: content", f"docs_dir: {docs_dir or ROOT / 'content'}", 1)
    text = text.replace("custom_dir: themes/material", f"custom_dir: {ROOT / 'themes/material'}")
    for old, new in replace:
        assert old in text, f"mkdocs.yml has no {old!r}"
        text = text.replace(old, new, 1)
    config = folder / "mkdocs.yml"
    config.write_text(text, encoding="utf-8")
    return config


def build_site(
    site_dir: Path,
    *,
    config_file: Path = PROJECT_CONFIG,
    docs_dir: Path | None = None,
    site_url: str | None = SITE_URL,
    strict: bool = True,
    dirty: bool = False,
) -> Path:
    """Build ``config_file`` into ``site_dir`` in this process; return ``site_dir``.

    ``docs_dir`` replaces the config's; ``site_url=None`` keeps the config's own. A full build
    runs the plugins' ``on_startup``/``on_shutdown`` around it, as ``mkdocs build`` does. With
    ``dirty``, one rebuild of ``mkdocs serve --dirty``: a fresh config, the plugins kept (MkDocs
    keeps a plugin that has ``on_startup`` across config loads, and so across rebuilds), no
    ``on_shutdown`` (``serve`` calls it when it stops).
    """
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    overrides = {"site_dir": str(site_dir)}
    if docs_dir is not None:
        overrides["docs_dir"] = str(docs_dir)
    if site_url is not None:
        overrides["site_url"] = site_url
    config = load_config(str(config_file), strict=strict, **overrides)
    if dirty:
        # mkdocs-static-i18n builds the other languages dirty only when the command line says
        # so (it reads sys.argv during the build).
        argv = sys.argv
        sys.argv = ["mkdocs", "serve", "--dirty"]
        try:
            config.plugins.on_startup(command="serve", dirty=True)
            build(config, dirty=True)
        finally:
            sys.argv = argv
        return site_dir
    config.plugins.on_startup(command="build", dirty=False)
    try:
        build(config)
    finally:
        config.plugins.on_shutdown()
    return site_dir


def build_files(
    root: Path,
    files: Mapping[str, str | bytes],
    *,
    site_url: str | None = SITE_URL,
    config_file: Path = PROJECT_CONFIG,
) -> Path:
    """``files`` written to ``root/content``, built strict with ``config_file`` (the project's
    mkdocs.yml) into ``root/site``; return the site folder."""
    write_files(root / "content", files)
    return build_site(
        root / "site", config_file=config_file, docs_dir=root / "content", site_url=site_url
    )


def publish_drafts(content: Path) -> None:
    """Clear every imported page's draft flag, as an editor does once a page is right."""
    for page in (content / "reports").glob("*/index.zh.md"):
        text = page.read_text(encoding="utf-8")
        page.write_text(text.replace("\ndraft: true\n", "\n", 1), encoding="utf-8")
