"""What a reader downloads on a first view, and what each report costs in site/: N synthetic
reports in both languages (bench_build.py's), built as `make site` builds them.

    python bench/bench_first_view.py [--sizes 30 300 3000] [--keep DIR]

For each N: the site served under /digest/, Debian's chromium (Playwright, a fresh profile:
nothing cached) opens the English and Chinese home, a report page in each language, the
bilingual view and the source view, and every response's body is added up (raw bytes as
the browser receives them decoded, the measure of issue 21: at most 400 KB, the same at
every N). Then site/'s size per report (all of site/ divided by N, and by kind of file),
and how many reports fit in GitHub Pages' 1 GB at that rate.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
from collections import defaultdict
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_build import make_content  # noqa: E402

CHROMIUM = Path("/usr/bin/chromium")
FIRST_VIEW_LIMIT = 400_000
PAGES_1GB = 10**9


def build(count: int, folder: Path) -> Path:
    from tests.sites import config_copy

    content, site = folder / "content", folder / "site"
    make_content(count, content)
    config = config_copy(folder, docs_dir=content)
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1", SITE_URL="https://example.test/digest/")
    subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "-q", "-f", str(config), "-d", str(site)],
        check=True,
        env=env,
    )
    return site


def views(site: Path) -> dict[str, str]:
    """The pages to open, site-relative: one of each kind, the largest where a kind's pages
    differ in size (every page kind is held to the limit, not only the home and reports)."""
    slug = sorted(p.name for p in (site / "reports").iterdir() if p.is_dir())[0]
    found = {
        "home (en)": "",
        "home (zh)": "zh/",
        "report (en)": f"reports/{slug}/",
        "report (zh)": f"zh/reports/{slug}/",
        "bilingual view": f"reports/{slug}/bilingual/",
        "source view": f"reports/{slug}/original/",
        "archive (en)": "archive/",
        "archive (zh)": "zh/archive/",
        "key figures": "key-figures/",
        "indicator": _largest(site, "key-figures/*/index.html"),
        "places": "places/",
        "place": _largest(site, "places/**/index.html"),
        "glossary": "glossary/",
    }
    return {name: url for name, url in found.items() if (site / url / "index.html").is_file()}


def _largest(site: Path, pattern: str) -> str:
    """The folder (site-relative, with a slash) of the largest page matching ``pattern``."""
    pages = sorted(site.glob(pattern), key=lambda p: p.stat().st_size)
    return pages[-1].parent.relative_to(site).as_posix() + "/" if pages else "-/"


def first_views(site: Path) -> dict[str, tuple[int, int, list[str]]]:
    """For each view: (responses, bytes, the three largest responses)."""
    from playwright.sync_api import sync_playwright

    from tests.served_site import serve

    server = serve(site)
    measured: dict[str, tuple[int, int, list[str]]] = {}
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(
                executable_path=str(CHROMIUM), args=["--headless", "--no-sandbox"]
            )
            for name, url in views(site).items():
                context = browser.new_context()
                page = context.new_page()
                responses: list[Any] = []
                page.on("response", lambda response, got=responses: got.append(response))
                page.goto(server.base_url + url)
                page.wait_for_load_state("networkidle")
                page.wait_for_timeout(300)
                sizes = []
                for response in responses:
                    try:
                        sizes.append((len(response.body()), response.url))
                    except Exception:  # a redirect has no body
                        continue
                largest = [
                    f"{size / 1000:.0f} KB {u.removeprefix(server.base_url)}"
                    for size, u in sorted(sizes, reverse=True)[:3]
                ]
                measured[name] = (len(sizes), sum(size for size, _ in sizes), largest)
                context.close()
            browser.close()
    finally:
        server.close()
    return measured


def kind_of(path: Path, site: Path) -> str:
    rel = path.relative_to(site).as_posix()
    parts = rel.split("/")
    if parts[0] == "zh":
        parts = parts[1:]
    if parts[0] == "reports" and len(parts) > 2:
        rest = "/".join(parts[2:])
        return {
            "index.html": "report page",
            "bilingual/index.html": "bilingual view",
            "original/index.html": "source view",
            "source.txt": "source download",
        }.get(rest, "report: " + rest)
    if parts[0] == "pagefind":
        return "search index"
    if parts[0] == "key-figures":
        return "key-figure pages"
    if parts[0].endswith((".csv", ".json")):
        return "key-figure downloads"
    if parts[0] == "assets":
        return "theme assets"
    return "other: " + parts[0]


def site_sizes(site: Path) -> tuple[int, dict[str, int]]:
    kinds: dict[str, int] = defaultdict(int)
    total = 0
    for path in site.rglob("*"):
        if path.is_file():
            size = path.stat().st_size
            total += size
            kinds[kind_of(path, site)] += size
    return total, kinds


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[30, 300, 3000])
    parser.add_argument("--keep", type=Path, help="build into this folder and keep it")
    args = parser.parse_args(argv)
    base = args.keep or Path(tempfile.mkdtemp(prefix="first-view-"))
    worst = 0
    try:
        for count in args.sizes:
            folder = base / f"n{count}"
            shutil.rmtree(folder, ignore_errors=True)
            folder.mkdir(parents=True)
            site = build(count, folder)
            print(f"\n== N = {count} reports")
            if CHROMIUM.exists():
                for name, (n, size, largest) in first_views(site).items():
                    worst = max(worst, size)
                    print(
                        f"first view, {name:15} {size / 1000:7.1f} KB in {n:2} responses; "
                        f"largest: {', '.join(largest)}"
                    )
            total, kinds = site_sizes(site)
            print(
                f"site/: {total / 1e6:.1f} MB, {total / count / 1000:.1f} KB per report, "
                f"{PAGES_1GB * count // total:,} reports in 1 GB at this rate"
            )
            for kind, size in sorted(kinds.items(), key=lambda item: -item[1])[:12]:
                print(f"  {kind:32} {size / count / 1000:7.1f} KB per report")
            if not args.keep:
                shutil.rmtree(folder, ignore_errors=True)
    finally:
        if not args.keep:
            shutil.rmtree(base, ignore_errors=True)
    verdict = "ok" if worst <= FIRST_VIEW_LIMIT else "OVER"
    print(
        f"\nlargest first view: {worst / 1000:.1f} KB (limit {FIRST_VIEW_LIMIT / 1000:.0f} KB): {verdict}"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
