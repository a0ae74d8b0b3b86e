"""Every link of the built site resolves: LinkChecker (a maintained checker) crawls the site
as served under its sub-path, both languages, the sitemaps and every feed entry, and must
report no error and no warning (a link to a missing #anchor is a warning of its AnchorCheck)."""

from __future__ import annotations

import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from tests.served_site import ROOT, served_site

LINKCHECKER = shutil.which("linkchecker", path=str(Path(sys.executable).parent)) or shutil.which(
    "linkchecker"
)
ATOM = "{http://www.w3.org/2005/Atom}"
CONFIG = """\
[checking]
maxrequestspersecond=200

[filtering]
checkextern=0
# feeds are XML that LinkChecker does not parse (their entries are start URLs instead)
ignorewarnings=url-content-type-unparseable

[AnchorCheck]
"""


def feed_entries(site_dir: Path) -> list[str]:
    links = []
    for feed in (site_dir / "feed/atom.xml", site_dir / "zh/feed/atom.xml"):
        for link in ET.parse(feed).getroot().iter(f"{ATOM}link"):
            links.append(link.get("href", ""))
    return links


@pytest.mark.skipif(not (ROOT / "mkdocs.yml").is_file(), reason="no mkdocs.yml yet")
@pytest.mark.skipif(LINKCHECKER is None, reason="linkchecker is not installed")
def test_no_broken_links(tmp_path: Path) -> None:
    site = served_site()
    config = tmp_path / "linkcheckerrc"
    config.write_text(CONFIG, encoding="utf-8")
    start = [site.base_url, site.base_url + "zh/", site.base_url + "sitemap.xml"]
    start += feed_entries(site.directory)
    assert all(url.startswith(site.base_url) for url in start), "feeds link to site_url"
    command = [str(LINKCHECKER), f"--config={config}", "--no-status", "--threads=4", *start]
    done = subprocess.run(command, capture_output=True, text=True, timeout=300)
    report = done.stdout + done.stderr
    assert done.returncode == 0, report[-6000:]
    assert " 0 warnings found. 0 errors found." in report, report[-6000:]
