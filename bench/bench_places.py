"""Sizes of the indicator and place pages at N synthetic reports (not a timing).

    python bench/bench_places.py [--count 1000] [--keep DIR]

Makes N reports with bench_build's generator, gives each an administrative path (three
provinces, six prefectures, twelve counties, the generator's ten towns and subdistricts spread
over them, a county's own report now and then), builds the site once without search, and
prints: how many place and metric pages there are, the largest of each (bytes, raw and gzip)
and the most rows any of them lists. Issue 20's target: no page lists more than ~200 rows.
"""

from __future__ import annotations

import argparse
import gzip
import re
import shutil
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_build import CONFIG, make_content  # noqa: E402

COUNTIES = [  # province, prefecture, county
    ("山东省", "济宁市", "邹城市"), ("山东省", "济宁市", "曲阜市"), ("山东省", "济南市", "章丘区"),
    ("山东省", "济南市", "历城区"), ("浙江省", "丽水市", "青田县"), ("浙江省", "丽水市", "缙云县"),
    ("浙江省", "湖州市", "安吉县"), ("浙江省", "湖州市", "德清县"), ("湖北省", "宜昌市", "秭归县"),
    ("湖北省", "宜昌市", "兴山县"), ("湖北省", "恩施土家族苗族自治州", "利川市"),
    ("湖北省", "恩施土家族苗族自治州", "建始县"),
]  # fmt: skip


def place_reports(content: Path) -> None:
    """Give every report a path: its town in one of the counties, every seventh the county."""
    import yaml

    for number, page in enumerate(sorted((content / "reports").glob("*/index.zh.md"))):
        _, front, body = page.read_text(encoding="utf-8").split("---\n", 2)
        meta = yaml.safe_load(front)
        town = re.sub(r"^.*?[市县区](?=.)", "", str(meta.get("region") or "")) or "某某镇"
        county = COUNTIES[number % len(COUNTIES)]
        township = number % 7 != 0
        meta["region_path"] = [*county, town] if township else [*county]
        meta["region_code"] = None
        meta["level"] = "township" if township else "county"
        dumped = yaml.safe_dump(meta, allow_unicode=True, sort_keys=False, width=1000)
        page.write_text(f"---\n{dumped}---\n{body}", encoding="utf-8")


def build(content: Path, site: Path) -> None:
    from mkdocs.commands.build import build as mkdocs_build
    from mkdocs.config import load_config

    config = load_config(str(CONFIG), docs_dir=str(content), site_dir=str(site))
    for name, plugin in config.plugins.items():
        if name.endswith("digest-reader"):
            plugin.config.search = False  # sizes only: no index
    config.plugins.on_startup(command="build", dirty=False)
    try:
        mkdocs_build(config)
    finally:
        config.plugins.on_shutdown()


def largest(pages: list[Path], site: Path, what: str) -> None:
    if not pages:
        print(f"{what}: none")
        return
    biggest = max(pages, key=lambda p: p.stat().st_size)
    data = biggest.read_bytes()
    rows = max(
        p.read_text(encoding="utf-8").count("<tr>") - p.read_text().count("<thead>") for p in pages
    )
    print(
        f"{what}: {len(pages)} pages (both languages); largest {biggest.relative_to(site)}: "
        f"{len(data) / 1024:.1f} KiB, {len(gzip.compress(data)) / 1024:.1f} KiB gzip; "
        f"most table rows on one page: {rows}"
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=1000)
    parser.add_argument("--keep", type=Path, help="build here and keep it")
    args = parser.parse_args()
    work = args.keep or Path(tempfile.mkdtemp(prefix="bench-places-"))
    content, site = work / "content", work / "site"
    shutil.rmtree(work, ignore_errors=True)
    make_content(args.count, content)
    place_reports(content)
    build(content, site)
    print(f"{args.count} reports")
    places = [p for p in site.rglob("index.html") if "places" in p.relative_to(site).parts]
    largest(places, site, "place pages")
    metrics = [
        p
        for p in site.rglob("index.html")
        if "key-figures" in p.relative_to(site).parts and p.parent.name != "key-figures"
    ]
    largest(metrics, site, "metric pages")
    for name in ("key-figures/index.html", "zh/key-figures/index.html", "archive/index.html"):
        data = (site / name).read_bytes()
        print(f"{name}: {len(data) / 1024:.1f} KiB, {len(gzip.compress(data)) / 1024:.1f} KiB gzip")
    for name in ("key-figures.csv", "reports.csv", "key-figures.json"):
        print(f"{name}: {(site / name).stat().st_size / 1024:.1f} KiB")
    if not args.keep:
        shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
