"""Live preview: from saving a report's Markdown to the browser showing the edit.

    python bench/bench_serve.py [--reports 500] [--edits 3] [--out DIR]

Makes N synthetic reports (as bench_build.py does), starts what `make serve` runs
(`mkdocs serve --dirty`, with a copy of mkdocs.yml whose docs_dir is the synthetic content),
and opens one report page in Debian's chromium (Playwright). Then, for
each edit, it changes one word in a Chinese report page, saves the file, and times until the
page in the browser shows the new word (MkDocs' live reload reloads it). It does the same for
the report's English page, then for a new key-figure label, whose change must also reach the
bilingual view and the home page. Prints each time and the slowest.

Target (issue 12): the edit shows <= 3 s after saving, at 500 reports.
"""

from __future__ import annotations

import argparse
import shutil
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))
sys.path.insert(0, str(ROOT))

from bench_build import CHROMIUM, CONFIG, make_content  # noqa: E402


def write_config(work: Path, content: Path) -> Path:
    """The project's mkdocs.yml with its folders made absolute and docs_dir the synthetic
    content: `mkdocs serve -f` takes no docs_dir (MkDocs resolves paths from the file)."""
    text = CONFIG.read_text(encoding="utf-8")
    text = text.replace("docs_dir: content", f"docs_dir: {content}", 1)
    text = text.replace("custom_dir: themes/material", f"custom_dir: {ROOT / 'themes/material'}")
    config = work / "mkdocs.yml"
    config.write_text(text, encoding="utf-8")
    return config


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def wait_for_server(url: str, process: subprocess.Popen[bytes], timeout: float) -> float:
    """Seconds until ``url`` answers (the first, full build is done)."""
    import urllib.request

    start = time.perf_counter()
    while time.perf_counter() - start < timeout:
        if process.poll() is not None:
            raise SystemExit("mkdocs serve exited before serving the site")
        try:
            with urllib.request.urlopen(url, timeout=5):
                return time.perf_counter() - start
        except OSError:
            time.sleep(0.5)
    raise SystemExit(f"{url} did not answer within {timeout:.0f} s")


def edit(path: Path, old: str, new: str) -> None:
    """Replace the first ``old`` in the page's body (not its front matter) and save."""
    _, front, body = path.read_text(encoding="utf-8").split("---\n", 2)
    if old not in body:
        raise SystemExit(f"{path}: {old!r} not found")
    path.write_text(f"---\n{front}---\n" + body.replace(old, new, 1), encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--reports", type=int, default=500)
    parser.add_argument("--edits", type=int, default=3, help="edits of each kind")
    parser.add_argument("--out", type=Path, help="work folder (default: a temporary one)")
    args = parser.parse_args(argv)
    from playwright.sync_api import sync_playwright

    work = args.out or Path(tempfile.mkdtemp(prefix="bench-serve-"))
    content = work / "content"
    shutil.rmtree(content, ignore_errors=True)
    make_content(args.reports, content)
    slug = sorted(p.name for p in (content / "reports").iterdir())[0]
    folder = content / "reports" / slug
    port = free_port()
    base = f"http://127.0.0.1:{port}/digest/"
    config = write_config(work, content)
    mkdocs = Path(sys.executable).parent / "mkdocs"
    # What `make serve` runs (MkDocs' dirty reload), on another port.
    command = [str(mkdocs), "serve", "--dirty", "-f", str(config), "-a", f"127.0.0.1:{port}"]
    server = subprocess.Popen(command, cwd=ROOT, stderr=subprocess.PIPE, stdout=subprocess.DEVNULL)
    times: dict[str, list[float]] = {}
    try:
        first = wait_for_server(base, server, timeout=600)
        print(f"N={args.reports}: first (full) build and serve: {first:.1f} s", flush=True)
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(
                executable_path=str(CHROMIUM), args=["--headless", "--no-sandbox"]
            )
            page = browser.new_page()
            cases = [
                ("zh report page", f"{base}zh/reports/{slug}/", folder / "index.zh.md"),
                ("en report page", f"{base}reports/{slug}/", folder / "index.en.md"),
            ]
            for name, url, source in cases:
                page.goto(url)  # (live reload keeps a request open: no "network idle")
                page.wait_for_load_state("load")
                body = source.read_text(encoding="utf-8").split("---\n", 2)[2]
                # The last word of the first paragraph: text the page shows as it is.
                blocks = [b.strip() for b in body.split("\n\n")]
                paragraph = next(b for b in blocks if b and b[0] not in "#<!({*[")
                word = paragraph.rstrip("。.").split()[-1][-2:]
                for number in range(args.edits):
                    marker = f"{word}ZQX{number}"
                    edit(source, word if number == 0 else f"{word}ZQX{number - 1}", marker)
                    saved = time.perf_counter()
                    page.get_by_text(marker, exact=False).first.wait_for(timeout=60_000)
                    times.setdefault(name, []).append(time.perf_counter() - saved)
                    print(
                        f"N={args.reports}: {name}: edit shown {times[name][-1]:.2f} s after saving",
                        flush=True,
                    )
                    time.sleep(1.0)
            browser.close()
    finally:
        server.terminate()
        try:
            _, errors = server.communicate(timeout=30)
        except subprocess.TimeoutExpired:
            server.kill()
            _, errors = server.communicate()
        if not args.out:
            shutil.rmtree(work, ignore_errors=True)
    slowest = max(t for found in times.values() for t in found)
    print(f"N={args.reports}: slowest edit shown {slowest:.2f} s after saving (target <= 3 s)")
    log = errors.decode("utf-8", "replace").splitlines()
    rebuilds = [line for line in log if "Documentation built" in line or "dirty" in line]
    for line in rebuilds[-4:]:
        print("  serve:", line.strip())
    return 0


if __name__ == "__main__":
    sys.exit(main())
