"""Live preview: `make serve` is `mkdocs serve --dirty`; after a save only what the edit can
reach is rebuilt, and what is rebuilt is what a full build would write.

In-process dirty builds (as `mkdocs serve --dirty` runs them, one plugin instance across
rebuilds) over a copy of content/, compared page by page with a full build of the same
content; then the real `mkdocs serve --dirty` with a browser, which must show a saved edit
by itself.
"""

from __future__ import annotations

import logging
import os
import re
import shutil
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.sites import build_site, config_copy

ROOT = Path(__file__).resolve().parents[1]
CHROMIUM = Path("/usr/bin/chromium")
SITE_URL = "https://example.test/digest/"


def dirty_build(docs: Path, site: Path, config_file: Path = ROOT / "mkdocs.yml") -> None:
    """One rebuild of `mkdocs serve --dirty` (the plugins kept across rebuilds)."""
    build_site(
        site, config_file=config_file, docs_dir=docs, site_url=SITE_URL, strict=False, dirty=True
    )


def pages(site: Path) -> dict[str, tuple[int, bytes]]:
    """Every HTML page: (mtime_ns, content) by path."""
    return {
        str(p.relative_to(site)): (p.stat().st_mtime_ns, p.read_bytes())
        for p in site.rglob("*.html")
    }


@pytest.fixture()
def docs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    # `serve` is a preview (drafts and the converter's notes shown): the full builds the dirty
    # ones are compared with are previews too.
    monkeypatch.setenv("DIGEST_DRAFTS", "1")
    target = tmp_path / "docs"
    shutil.copytree(ROOT / "content", target)
    return target


def reports(docs: Path) -> list[Path]:
    return sorted(p for p in (docs / "reports").iterdir() if (p / "index.zh.md").is_file())


def first_sentence(page: Path) -> str:
    body = page.read_text(encoding="utf-8").split("---\n", 2)[2]
    blocks = [b.strip() for b in body.split("\n\n")]
    paragraph = next(b for b in blocks if b and b[0] not in "#<!({*[")
    return paragraph[:12]


def edit_body(page: Path, old: str, new: str) -> None:
    _, front, body = page.read_text(encoding="utf-8").split("---\n", 2)
    assert old in body
    time.sleep(0.01)  # a newer mtime than the page built from it
    page.write_text(f"---\n{front}---\n" + body.replace(old, new, 1), encoding="utf-8")


def assert_as_full_build(docs: Path, site: Path, full: Path) -> None:
    """The site after dirty builds has the pages, byte for byte, of a full build of ``docs``."""
    build_site(full, docs_dir=docs, site_url=SITE_URL)
    reference, built = pages(full), pages(site)
    assert set(built) == set(reference)
    assert [path for path in reference if reference[path][1] != built[path][1]] == []


def test_an_edit_rebuilds_its_report_and_the_pages_that_show_it_as_a_full_build_would(
    docs: Path, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.INFO)
    site = tmp_path / "site"
    dirty_build(docs, site)
    before = pages(site)
    bundle = site / "pagefind" / "pagefind-entry.json"
    entry = bundle.read_bytes()
    edited, other = reports(docs)[0], reports(docs)[1]
    sentence = first_sentence(edited / "index.zh.md")
    edit_body(edited / "index.zh.md", sentence, sentence + "编辑新增")

    dirty_build(docs, site)
    after = pages(site)
    slug = edited.name
    rebuilt = {path for path in after if after[path][0] != before.get(path, (0,))[0]}
    expected = {
        f"zh/reports/{slug}/index.html",
        f"reports/{slug}/index.html",  # the English page shows the Chinese page's figures
    }
    assert expected <= rebuilt
    assert "编辑新增" in after[f"zh/reports/{slug}/index.html"][1].decode()
    # The bilingual view holds no text (the browser takes it from the report pages): made
    # again, the same bytes, left as it was.
    assert (
        after[f"reports/{slug}/bilingual/index.html"]
        == before[f"reports/{slug}/bilingual/index.html"]
    )
    untouched = [p for p in after if f"reports/{other.name}/" in p]
    assert untouched and not rebuilt & set(untouched)
    in_nav = {"index.html"} | {
        f"{p}/index.html" for p in ("archive", "key-figures", "glossary", "about")
    }
    # Nothing else: not the other report, nor the key-figure pages (no figure changed).
    assert rebuilt <= expected | in_nav | {f"zh/{p}" for p in in_nav} | {"404.html"}
    # The search index stays the full build's (a dirty build's would hold its pages only).
    assert bundle.read_bytes() == entry
    assert "the search index and feeds are the last full build's" in caplog.text

    assert_as_full_build(docs, site, tmp_path / "full")


def test_a_changed_title_reaches_the_bilingual_view(docs: Path, tmp_path: Path) -> None:
    site = tmp_path / "site"
    dirty_build(docs, site)
    edited = reports(docs)[0]
    page = edited / "index.zh.md"
    text = page.read_text(encoding="utf-8")
    title = re.search(r"^title: (.+)$", text, re.M)
    assert title, "a Chinese title"
    time.sleep(0.01)
    page.write_text(text.replace(title[0], f"{title[0]}（改）", 1), encoding="utf-8")
    dirty_build(docs, site)
    path = f"reports/{edited.name}/bilingual/index.html"
    view = (site / path).read_text(encoding="utf-8")
    assert f"{title[1]}（改）" in view
    # The whole site as a full build writes it: the neighbouring report's previous/next link
    # shows the new title too.
    assert_as_full_build(docs, site, tmp_path / "full")


def test_a_changed_key_figure_reaches_its_metric_pages(docs: Path, tmp_path: Path) -> None:
    site = tmp_path / "site"
    dirty_build(docs, site)
    page = reports(docs)[0] / "index.zh.md"
    text = page.read_text(encoding="utf-8")
    row = re.search(r"- \{id: \w+, text: [^,]+, label: [^,]+, metric: (\w+)[^}]*value: (\d+)", text)
    assert row, "a key figure with a metric"
    metric, value = row.groups()
    shown = site / "zh" / "key-figures" / metric / "index.html"
    before = shown.read_text(encoding="utf-8")
    time.sleep(0.01)
    changed = row.group(0).replace(f"value: {value}", f"value: {int(value) * 3}")
    page.write_text(text.replace(row.group(0), changed, 1), encoding="utf-8")
    dirty_build(docs, site)
    after = shown.read_text(encoding="utf-8")
    assert after != before
    assert_as_full_build(docs, site, tmp_path / "full")


def test_a_changed_glossary_rebuilds_the_report_pages_as_a_full_build_would(
    docs: Path, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.INFO)
    site = tmp_path / "site"
    dirty_build(docs, site)
    glossary = docs / "glossary.yml"
    text = glossary.read_text(encoding="utf-8")
    found = re.search(r"note: (.+)", text)
    assert found, "a glossary entry with a note"
    time.sleep(0.01)
    glossary.write_text(text.replace(found[0], f"{found[0]} Edited.", 1), encoding="utf-8")
    dirty_build(docs, site)
    assert "every report page is rebuilt" in caplog.text
    assert_as_full_build(docs, site, tmp_path / "full")


def test_a_changed_mkdocs_yml_rebuilds_every_page(
    docs: Path, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.INFO)
    config = config_copy(tmp_path, docs_dir=docs)
    site = tmp_path / "site"
    dirty_build(docs, site, config)
    time.sleep(0.01)
    text = config.read_text(encoding="utf-8")
    renamed = text.replace("site_name: Local Government Report Digest", "site_name: Renamed")
    config.write_text(renamed, encoding="utf-8")
    dirty_build(docs, site, config)
    english = [p for p in site.rglob("*.html") if p.relative_to(site).parts[0] != "zh"]
    assert len(english) > 10
    stale = [str(p) for p in english if "Renamed" not in p.read_text(encoding="utf-8")]
    assert stale == []
    assert "every page is rebuilt" in caplog.text


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@pytest.mark.skipif(not CHROMIUM.exists(), reason="needs Debian's chromium")
def test_make_serve_shows_a_saved_edit_in_the_browser(docs: Path, tmp_path: Path) -> None:
    from playwright.sync_api import sync_playwright

    config = config_copy(tmp_path, docs_dir=docs)
    port = free_port()
    mkdocs = Path(sys.executable).parent / "mkdocs"
    engine = os.environ.get("DIGEST_ENGINE", "mkdocs")
    if engine == "properdocs":
        mkdocs = Path(sys.executable).parent / "properdocs"
    command = [str(mkdocs), "serve", "--dirty", "-f", str(config), "-a", f"127.0.0.1:{port}"]
    server = subprocess.Popen(
        command, cwd=tmp_path, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE
    )
    try:
        base = f"http://127.0.0.1:{port}/digest/"
        edited = reports(docs)[0]
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(
                executable_path=str(CHROMIUM), args=["--headless", "--no-sandbox"]
            )
            page = browser.new_page()
            deadline = time.monotonic() + 120
            while True:
                try:
                    page.goto(f"{base}zh/reports/{edited.name}/")
                    break
                except Exception:  # noqa: BLE001 - not serving yet (first build)
                    if time.monotonic() > deadline or server.poll() is not None:
                        raise
                    time.sleep(0.5)
            page.wait_for_load_state("load")
            view = browser.new_page()  # the bilingual view: it shows the edit too
            view.goto(f"{base}reports/{edited.name}/bilingual/")
            view.locator(".digest-pair").first.wait_for(timeout=30_000)
            sentence = first_sentence(edited / "index.zh.md")
            edit_body(edited / "index.zh.md", sentence, sentence + "预览可见")
            # No reload by the reader: MkDocs' live reload reloads the page after the rebuild.
            page.get_by_text("预览可见", exact=False).first.wait_for(timeout=60_000)
            view.get_by_text("预览可见", exact=False).first.wait_for(timeout=60_000)
            browser.close()
    finally:
        server.terminate()
        _, errors = server.communicate(timeout=30)
    assert b"Traceback" not in errors, errors.decode(errors="replace")[-2000:]
