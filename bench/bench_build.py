"""Site build time and output sizes: N synthetic reports in both languages.

    python bench/bench_build.py [--sizes 100 300 1000] [--repeat 1] [--out DIR] [--keep]

For each N, builds the same Markdown in fresh processes:

- full: the whole site as `make site` builds it (the project's mkdocs.yml, our theme and
  plugins, the Pagefind index), cold: the digest plugin's cache of parsed front matter is
  removed first;
- warm: the same build again, with the cache the cold build left (a maintainer's second
  `make site`, CI with the cache folder kept);
- no-reader: without the digest-reader plugin (no search index, no feeds);
- plain: Material + mkdocs-static-i18n with our small nav (same languages, Material's own
  search and our Markdown extensions, without our plugins and theme overrides);
- anchor: what a maintainer would otherwise use: plain with MkDocs' default navigation.

Prints per build: the whole-build time, time per page, one report page's HTML (raw and
gzip), the search bundle (pagefind/), peak memory (the build, and Pagefind's service); then
the ratios of ours to plain and to the anchor, against issue 12's targets (<= 0.5x the anchor
at 300 reports, <= 0.33x at 1,000). For the full site it also times Pagefind's indexing
alone, and measures search as a reader gets it: the site served under /digest/, Debian's
chromium (Playwright) types a Chinese query on the Chinese site and an English one on the
English site, and the bytes of every response from pagefind/ are added up. The full site has
more pages than the plain builds (a bilingual view per report, archive, key figures,
glossary), so time per page is printed too.

Other targets: a first query downloads at most 500 KB at 300 reports; time per page at the
largest N at most 1.3x that at the smallest; a report page at most 20 KB of gzip HTML at any
N; no key-figures page over 200 KB at any N.
"""

from __future__ import annotations

import argparse
import gzip
import json
import random
import re
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
CONTENT = ROOT / "content"
CONFIG = ROOT / "mkdocs.yml"
OUR_PLUGINS = {"digest", "digest-reader"}
CACHE = ROOT / ".cache" / "digest"  # the digest plugin's cache_dir beside mkdocs.yml
VARIANTS = ("full", "warm", "no-reader", "plain", "anchor")
PLACES = [
    ("钢山街道", "Gangshan Subdistrict"),
    ("双山街道", "Shuangshan Subdistrict"),
    ("千泉街道", "Qianquan Subdistrict"),
    ("唐冶街道", "Tangye Subdistrict"),
    ("龙山街道", "Longshan Subdistrict"),
    ("凫山街道", "Fushan Subdistrict"),
    ("北宿镇", "Beisu Town"),
    ("太平镇", "Taiping Town"),
    ("峄山镇", "Yishan Town"),
    ("王舍人街道", "Wangsheren Subdistrict"),
]
_DIGIT_RUN = re.compile(r"\d+(?:\.\d+)?")


# -- synthetic content ----------------------------------------------------------------------


def _split(text: str) -> tuple[str, str]:
    """Front matter YAML and body of a page (``---`` fenced)."""
    _, front, body = text.split("---\n", 2)
    return front, body


def _vary_numbers(text: str, seed: float) -> str:
    """Every figure gets other digits of the same shape, the same ones wherever it appears in
    the report (so key figures stay substrings of the body); years stay years."""

    def repl(match: re.Match[str]) -> str:
        value = match.group(0)
        if re.fullmatch(r"(19|20)\d\d", value):
            return value
        rng = random.Random(f"{seed}:{value}")
        return "".join(str(rng.randint(1, 9)) if ch.isdigit() else ch for ch in value)

    return _DIGIT_RUN.sub(repl, text)


def _shuffle_paragraphs(body: str, rng: random.Random) -> str:
    """Swap paragraphs within each section (same kinds and count, in the same slots)."""
    blocks = body.split("\n\n")
    order = list(range(len(blocks)))
    plain = [i for i, b in enumerate(blocks) if b and b[0] not in "#<!({" and "\n{:" not in b]
    shuffled = plain[:]
    rng.shuffle(shuffled)
    for slot, source in zip(plain, shuffled, strict=True):
        order[slot] = source
    return "\n\n".join(blocks[i] for i in order)


@dataclass
class Template:
    zh: str
    en: str
    zh_place: str
    en_place: str
    folder: Path


def load_templates() -> list[Template]:
    import yaml

    templates = []
    for folder in sorted((CONTENT / "reports").iterdir()):
        zh_page, en_page = folder / "index.zh.md", folder / "index.en.md"
        if not (zh_page.is_file() and en_page.is_file()):
            continue
        zh = zh_page.read_text(encoding="utf-8")
        meta = yaml.safe_load(_split(zh)[0]) or {}
        region = str(meta.get("region") or "")
        place = next((p for p in PLACES if p[0] in region), PLACES[0])
        templates.append(Template(zh, en_page.read_text(encoding="utf-8"), *place, folder))
    if not templates:
        raise SystemExit(f"no reports with both languages under {CONTENT / 'reports'}")
    return templates


def synthetic_pair(number: int, template: Template) -> tuple[str, str, str]:
    """(slug, zh page, en page): a report shaped like ``template`` with another place, date,
    figures and paragraph order; the English gets the same changes so the pages stay aligned."""
    import yaml

    rng = random.Random(number)
    zh_place, en_place = PLACES[number % len(PLACES)]
    year = 2015 + (number // len(PLACES)) % 10  # every place in several years
    date = f"{year}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
    slug = f"{date}-synthetic-{number:04d}"
    seed = rng.random()
    pages = []
    for text, place in ((template.zh, template.zh_place), (template.en, template.en_place)):
        front, body = _split(text)
        meta: dict[str, Any] = yaml.safe_load(front) or {}
        new_place = zh_place if place == template.zh_place else en_place
        body = body.replace(place, new_place)
        body = _shuffle_paragraphs(_vary_numbers(body, seed), random.Random(seed))
        for figure in meta.get("key_figures") or []:
            if isinstance(figure.get("text"), str):
                figure["text"] = _vary_numbers(figure["text"], seed)
            if "label" in figure and "metric" not in figure:
                figure["metric"] = _metric_of(figure)
        for key in ("title", "subtitle", "region"):
            if isinstance(meta.get(key), str):
                meta[key] = meta[key].replace(place, new_place)
        if isinstance(meta.get("title"), str):
            meta["title"] = f"{meta['title']} ({number})"
        if "date" in meta:
            meta["date"] = dt_date(date)
            meta["period"] = str(year)
        dumped = yaml.safe_dump(meta, allow_unicode=True, sort_keys=False, width=1000)
        pages.append(f"---\n{dumped}---\n{body}")
    return slug, pages[0], pages[1]


def _metric_of(figure: dict[str, Any]) -> str | None:
    """The metric id the converter gives this figure now (for pages imported before metrics)."""
    from site_builder.content.metrics import load_metrics
    from site_builder.content.model import KeyFigure
    from site_builder.convert.figures.metrics import metric_of

    fields = {k: figure.get(k) for k in ("text", "label", "value", "unit", "yoy")}
    found = metric_of(KeyFigure(**fields), _vocabulary(load_metrics))  # type: ignore[arg-type]
    return found.id if found else None


_VOCABULARY: list[Any] = []


def _vocabulary(load: Any) -> Any:
    if not _VOCABULARY:
        _VOCABULARY.append(load(CONTENT / "metrics.yml"))
    return _VOCABULARY[0]


def dt_date(iso: str) -> Any:
    import datetime as dt

    return dt.date.fromisoformat(iso)


def make_content(count: int, target: Path) -> None:
    """``content/`` without its reports, plus ``count`` synthetic reports in both languages."""
    shutil.copytree(CONTENT, target, ignore=shutil.ignore_patterns("reports"))
    templates = load_templates()
    for number in range(count):
        template = templates[number % len(templates)]
        slug, zh, en = synthetic_pair(number, template)
        folder = target / "reports" / slug
        shutil.copytree(template.folder, folder, ignore=shutil.ignore_patterns("index.*.md"))
        (folder / "index.zh.md").write_text(zh, encoding="utf-8")
        (folder / "index.en.md").write_text(en, encoding="utf-8")


# -- builds ---------------------------------------------------------------------------------


def variant_overrides(config_file: Path, variant: str) -> dict[str, Any]:
    """Config overrides of a variant: ``full`` is mkdocs.yml as it is; ``no-reader`` leaves out
    the digest-reader plugin (so no search); ``plain`` is Material + static-i18n (same languages
    and Markdown extensions, Material's own search plugin) without our plugins and theme
    overrides."""
    from mkdocs.utils.yaml import yaml_load

    if variant in ("full", "warm"):
        return {}
    with config_file.open(encoding="utf-8") as file:
        raw = yaml_load(file)
    left_out = {"no-reader": {"digest-reader"}, "plain": OUR_PLUGINS, "anchor": OUR_PLUGINS}[
        variant
    ]
    plugins = []
    for item in raw.get("plugins") or []:
        name = item if isinstance(item, str) else next(iter(item))
        if name not in left_out:
            plugins.append(item)
    overrides: dict[str, Any] = {"plugins": plugins}
    if variant in ("plain", "anchor"):
        plugins.insert(0, "search")  # a plain Material site searches with Material's plugin
        theme = dict(raw.get("theme") or {"name": "material"})
        theme.pop("custom_dir", None)
        overrides.update(theme=theme, hooks=[])
    if variant == "anchor":
        # MkDocs' default navigation: every page, so every report, in every page's nav
        # (an empty nav is MkDocs' "not set"; not_in_nav only silences its notes).
        overrides.update(nav=[], not_in_nav="")
    return overrides


def build_in_this_process(config_file: Path, variant: str, docs_dir: str, site_dir: str) -> None:
    """Child process: build one variant and print its build time as JSON."""
    import logging

    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    logging.getLogger("mkdocs").setLevel(logging.ERROR)
    overrides: dict[str, Any] = {"docs_dir": docs_dir, "site_dir": site_dir}
    overrides.update(variant_overrides(config_file, variant))
    config = load_config(str(config_file), **overrides)
    start = time.perf_counter()
    config.plugins.on_startup(command="build", dirty=False)
    try:
        build(config)
    finally:
        config.plugins.on_shutdown()
    seconds = time.perf_counter() - start
    # Peak resident memory (KiB on Linux) of this build and of its largest child (Pagefind).
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    child = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    print(json.dumps({"seconds": seconds, "peak_kib": own, "child_peak_kib": child}))


@dataclass
class Result:
    seconds: float
    pages: int
    page_bytes: dict[str, int]
    page_gzip: dict[str, int]  # the same report page gzipped (what a server sends)
    bundle_bytes: int  # pagefind/ on disk, all languages
    figures: dict[str, int]  # key-figures pages and downloads, bytes (and the page count)
    peak_mib: float  # the build process's peak resident memory
    child_peak_mib: float  # its largest child's (Pagefind's service)


QUERIES = (("zh/", "财政收入"), ("", "fiscal revenue"))
CHROMIUM = Path("/usr/bin/chromium")


def index_seconds(site_dir: Path) -> float:
    """Pagefind's indexing of a built site alone (it rewrites the same bundle)."""
    sys.path.insert(0, str(ROOT))
    from site_builder.site.search import build_search_index

    return build_search_index(site_dir, ("", "zh/")).seconds


def search_downloads(site_dir: Path) -> dict[str, tuple[int, int]]:
    """For each query in QUERIES: (files, bytes) fetched from pagefind/ from opening the
    search to the results shown, in a real browser, the site served under /digest/."""
    sys.path.insert(0, str(ROOT))
    from playwright.sync_api import sync_playwright

    from tests.served_site import serve

    server = serve(site_dir)
    measured: dict[str, tuple[int, int]] = {}
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(
                executable_path=str(CHROMIUM), args=["--headless", "--no-sandbox"]
            )
            for prefix, query in QUERIES:
                page = browser.new_context().new_page()
                page.goto(server.base_url + prefix)
                page.wait_for_load_state("networkidle")
                responses: list[Any] = []
                page.on("response", lambda response, got=responses: got.append(response))
                page.keyboard.press("/")
                page.locator(".pagefind-ui__search-input").wait_for(timeout=30_000)
                page.keyboard.insert_text(query)
                page.locator("a.pagefind-ui__result-link").first.wait_for(timeout=30_000)
                page.wait_for_load_state("networkidle")
                page.wait_for_timeout(500)
                ours = [r for r in responses if "/pagefind/" in r.url]
                measured[query] = (len(ours), sum(len(r.body()) for r in ours))
                page.context.close()
            browser.close()
    finally:
        server.close()
    return measured


def run_build(
    config_file: Path, variant: str, docs_dir: Path, site_dir: Path, report: str
) -> Result:
    child = [str(config_file), variant, str(docs_dir), str(site_dir)]
    command = [sys.executable, __file__, "--child", *child]
    done = subprocess.run(command, capture_output=True, text=True, cwd=ROOT)
    if done.returncode:
        raise SystemExit(f"{variant} build failed:\n{done.stderr[-3000:]}")
    measured = json.loads(done.stdout.strip().splitlines()[-1])
    pages = sum(1 for _ in site_dir.rglob("*.html"))
    report_pages = {
        lang: (site_dir / prefix / "reports" / report / "index.html").read_bytes()
        for lang, prefix in (("en", ""), ("zh", "zh"))
    }
    page_bytes = {lang: len(html) for lang, html in report_pages.items()}
    page_gzip = {lang: len(gzip.compress(html, 6)) for lang, html in report_pages.items()}
    bundles = [site_dir / "pagefind", site_dir / "zh" / "pagefind"]  # one per language
    bundle_bytes = sum(p.stat().st_size for b in bundles for p in b.rglob("*") if p.is_file())
    return Result(
        measured["seconds"],
        pages,
        page_bytes,
        page_gzip,
        bundle_bytes,
        figure_sizes(site_dir),
        measured["peak_kib"] / 1024,
        measured["child_peak_kib"] / 1024,
    )


def figure_sizes(site_dir: Path) -> dict[str, int]:
    """Sizes of the key-figures index, of the largest metric page, and of the downloads."""
    metric_pages = [
        p for p in site_dir.rglob("key-figures/*/**/index.html") if p.parent.name != "key-figures"
    ]
    largest = max(metric_pages, key=lambda p: p.stat().st_size, default=None)
    sizes = {
        "index": max(
            (p.stat().st_size for p in site_dir.rglob("key-figures/index.html")), default=0
        ),
        "metric_max": largest.stat().st_size if largest else 0,
        "metric_pages": len(metric_pages),
    }
    for name in ("key-figures.csv", "reports.csv", "key-figures.json"):
        path = site_dir / name
        sizes[name] = path.stat().st_size if path.exists() else 0
    if largest is not None:
        print(f"  largest metric page: {largest.relative_to(site_dir)}", flush=True)
    return sizes


TARGETS = {300: 0.5, 1000: 0.33}  # issue 12: ours against the anchor


def ratios(count: int, built: dict[str, Result]) -> None:
    """Ours (cold and warm) against plain Material with our nav and against the anchor."""
    anchor, plain = built.get("anchor"), built.get("plain")
    for name in ("full", "warm"):
        ours = built.get(name)
        if ours is None:
            continue
        parts = []
        if plain is not None:
            parts.append(f"{ours.seconds / plain.seconds:.2f}x plain with our nav")
        if anchor is not None:
            target = TARGETS.get(count)
            ratio = ours.seconds / anchor.seconds
            verdict = ""
            if target is not None:
                verdict = f" (target <= {target}x: {'met' if ratio <= target else 'MISSED'})"
            parts.append(f"{ratio:.2f}x the anchor{verdict}")
        if parts:
            print(f"N={count:<5} {name:<9} " + ", ".join(parts), flush=True)


def kib(size: int) -> str:
    return f"{size / 1024:,.0f} KiB" if size < 1024 * 1024 else f"{size / 1024 / 1024:,.1f} MiB"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[100, 300, 1000])
    parser.add_argument("--out", type=Path, help="work folder (default: a temporary one)")
    parser.add_argument("--keep", action="store_true", help="keep the generated sites")
    parser.add_argument(
        "--repeat", type=int, default=1, help="build each variant this often, keep the fastest"
    )
    parser.add_argument("--config", type=Path, default=CONFIG, help="the full site's mkdocs.yml")
    parser.add_argument("--no-browser", action="store_true", help="skip the search download")
    parser.add_argument("--variants", nargs="+", choices=VARIANTS, default=list(VARIANTS))
    parser.add_argument("--child", nargs=4, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child:
        config_file, *rest = args.child
        build_in_this_process(Path(config_file), *rest)
        return 0
    if not args.config.is_file():
        raise SystemExit(f"{args.config}: not found")

    work = args.out or Path(tempfile.mkdtemp(prefix="bench-build-"))
    results: dict[int, dict[str, Result]] = {}
    try:
        for count in args.sizes:
            folder = work / f"n{count}"
            shutil.rmtree(folder, ignore_errors=True)
            make_content(count, folder / "content")
            report = sorted(p.name for p in (folder / "content" / "reports").iterdir())[0]
            results[count] = {}
            for variant in args.variants:
                if variant == "full":
                    # Cold: nothing kept from an earlier build (the warm build follows).
                    shutil.rmtree(CACHE, ignore_errors=True)
                result = min(
                    (
                        run_build(
                            args.config.resolve(),
                            variant,
                            folder / "content",
                            folder / variant,
                            report,
                        )
                        for _ in range(max(1, args.repeat))
                    ),
                    key=lambda r: r.seconds,
                )
                results[count][variant] = result
                print(
                    f"N={count:<5} {variant:<9} {result.seconds:7.1f} s  {result.pages:6} pages"
                    f"  {result.seconds / result.pages * 1000:6.1f} ms/page"
                    f"  report page en {kib(result.page_bytes['en'])}"
                    f" ({kib(result.page_gzip['en'])} gzip),"
                    f" zh {kib(result.page_bytes['zh'])} ({kib(result.page_gzip['zh'])} gzip)"
                    f"  pagefind/ {kib(result.bundle_bytes)}"
                    f"  peak {result.peak_mib:,.0f} MiB (+ Pagefind {result.child_peak_mib:,.0f})",
                    flush=True,
                )
                if variant == "full":
                    print(
                        f"N={count:<5} search index (Pagefind alone)"
                        f" {index_seconds(folder / variant):.1f} s",
                        flush=True,
                    )
                    if not args.no_browser and CHROMIUM.exists():
                        for query, (files, size) in search_downloads(folder / variant).items():
                            print(
                                f"N={count:<5} first query {query!r}: {files} files,"
                                f" {size / 1000:,.0f} kB from pagefind/",
                                flush=True,
                            )
            ratios(count, results[count])
            if set(results[count]) != set(VARIANTS):
                continue
            full, plain = results[count]["full"], results[count]["plain"]
            core = results[count]["no-reader"]
            sizes = full.figures
            print(
                f"N={count:<5} key figures: index {kib(sizes['index'])}, largest metric page"
                f" {kib(sizes['metric_max'])} ({sizes['metric_pages']} metric pages, both"
                f" languages); key-figures.csv {kib(sizes['key-figures.csv'])},"
                f" reports.csv {kib(sizes['reports.csv'])},"
                f" key-figures.json {kib(sizes['key-figures.json'])} (target: pages <= 200 KB)",
                flush=True,
            )
            print(
                f"N={count:<5} our plugins add {(full.seconds / plain.seconds - 1) * 100:+.0f}%"
                f" to the whole build ({full.pages} pages against {plain.pages}),"
                f" {(full.seconds / full.pages / (plain.seconds / plain.pages) - 1) * 100:+.0f}%"
                f" per page; digest-reader alone {(full.seconds / core.seconds - 1) * 100:+.0f}%",
                flush=True,
            )
    finally:
        if not (args.keep or args.out):
            shutil.rmtree(work, ignore_errors=True)

    small, large = min(results), max(results)
    if small != large and all("full" in r for r in results.values()):
        per_page = {n: r["full"].seconds / r["full"].pages for n, r in results.items()}
        growth = {
            lang: results[large]["full"].page_bytes[lang] / results[small]["full"].page_bytes[lang]
            for lang in ("en", "zh")
        }
        print(
            f"time per page N={large} / N={small}: {per_page[large] / per_page[small]:.2f}x"
            f" (target <= 1.3x); report page size ratio en {growth['en']:.2f}, zh {growth['zh']:.2f}"
        )
        memory_at(5000, {n: r["full"] for n, r in results.items()})
    return 0


def memory_at(count: int, full: dict[int, Result]) -> None:
    """Peak memory at ``count`` reports, on the line through the two largest measured N."""
    (n1, r1), (n2, r2) = sorted(full.items())[-2:]
    for name, low, high in (
        ("the build", r1.peak_mib, r2.peak_mib),
        ("Pagefind", r1.child_peak_mib, r2.child_peak_mib),
    ):
        per_report = (high - low) / (n2 - n1)
        estimate = high + per_report * (count - n2)
        print(
            f"peak memory of {name}: {low:,.0f} MiB at N={n1}, {high:,.0f} MiB at N={n2}"
            f" ({per_report:.2f} MiB per report): about {estimate / 1024:.1f} GiB at N={count}"
        )


if __name__ == "__main__":
    sys.exit(main())
