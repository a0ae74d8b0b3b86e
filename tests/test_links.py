"""Every link of the built site resolves: LinkChecker (a maintained checker) crawls the site
as served under its sub-path, both languages, and must report no error."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.served_site import ROOT, served_site

LINKCHECKER = shutil.which("linkchecker", path=str(Path(sys.executable).parent)) or shutil.which(
    "linkchecker"
)


@pytest.mark.skipif(not (ROOT / "mkdocs.yml").is_file(), reason="no mkdocs.yml yet")
@pytest.mark.skipif(LINKCHECKER is None, reason="linkchecker is not installed")
def test_no_broken_links(tmp_path: Path) -> None:
    site = served_site()
    config = tmp_path / "linkcheckerrc"
    # AnchorCheck: a link to page#anchor needs that anchor (headings' ids, figure ids)
    config.write_text("[filtering]\ncheckextern=0\n\n[AnchorCheck]\n", encoding="utf-8")
    command = [
        str(LINKCHECKER),
        f"--config={config}",
        "--no-status",
        "--no-warnings",
        "--threads=4",
        "--recursion-level=-1",
        "--output=text",
        site.base_url,
        site.base_url + "zh/",
        site.base_url + "sitemap.xml",
        site.base_url + "feed.xml",
        site.base_url + "zh/feed.xml",
    ]
    done = subprocess.run(command, capture_output=True, text=True, timeout=300)
    report = done.stdout + done.stderr
    assert done.returncode == 0, report[-6000:]
    assert "0 errors found" in report or "no errors found" in report.lower(), report[-3000:]
