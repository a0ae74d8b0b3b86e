"""Import throughput and memory: N synthetic ~10 KB reports in three forms.

    python bench/bench_import.py [--sizes 200 1000 2000]

The reports are the seed with another place, date and digits, as plain text, as a Founder
e-paper HTML page, and in Traditional characters (a third of each). For each N it prints
reports/s on one core (import_file in this process, by the wall clock and per CPU-second,
which is steadier on a busy machine), reports/s of `site-builder import` with its process
pool, and peak memory. Targets: at least 200 reports/s on one core; memory flat in N.
"""

from __future__ import annotations

import argparse
import contextlib
import html
import io
import os
import random
import resource
import shutil
import tempfile
import time
import tracemalloc
from pathlib import Path

import opencc

from site_builder.convert.importer import import_command, import_file

SEED = Path(__file__).resolve().parent.parent / "tests" / "seeds" / "000_faf2fa279c11dbf0.txt"
PLACES = ["钢山", "双山", "千泉", "唐冶", "王舍人", "龙山", "凫山", "北宿", "太平", "峄山"]
FORMS = ("text", "html", "traditional")
TO_TRADITIONAL = opencc.OpenCC("s2t")
PAGE = """<!DOCTYPE html><html><head><meta charset="utf-8"><title>{title}--济宁日报</title>
<script>var pageId = 1;</script></head><body>
<div class="nav">今日 <a href="#">首页</a> -<a href="#">在线投稿</a> -<a href="#">往期报纸</a></div>
<div id="ozoom"><!--enpproperty <articleid>{number}</articleid><date>{date}</date>
<title>{title}</title><nodename>第04版:要闻</nodename>/enpproperty--><founder-content>
{body}</founder-content></div><div class="footer">济宁日报社版权所有</div></body></html>"""


def synthetic_report(number: int, template: str) -> tuple[str, str]:
    """The seed with another place, date and digits, near 10 KB; (suffix, text) by form."""
    rng = random.Random(number)
    text = template.replace("钢山", rng.choice(PLACES))
    text = text.replace("2021年12月31日", f"2021年{rng.randint(1, 12)}月{rng.randint(1, 28)}日")
    text = "".join(
        str(rng.randint(1, 9)) if ch.isdigit() and rng.random() < 0.3 else ch for ch in text
    )
    lines = text.splitlines()
    kept: list[str] = []
    size = 0
    for line in lines[:-1]:
        if size > 9_500:
            break
        kept.append(line)
        size += len(line.encode("utf-8")) + 1
    form = FORMS[number % len(FORMS)]
    if form == "html":
        body = "".join(f"<p>{html.escape(line)}</p>\n" for line in kept[6:] if line)
        date = f"2021-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
        return ".html", PAGE.format(title=kept[3], number=number, body=body, date=date)
    report = "\n".join(kept + [lines[-1]]) + "\n"
    if form == "traditional":
        report = TO_TRADITIONAL.convert(report)
    return ".txt", report


def write_sources(count: int, folder: Path) -> tuple[list[Path], int]:
    folder.mkdir(parents=True)
    template = SEED.read_text(encoding="utf-8")
    paths, total = [], 0
    for number in range(count):
        suffix, text = synthetic_report(number, template)
        data = text.encode("utf-8")
        total += len(data)
        path = folder / f"report_{number:05d}{suffix}"
        path.write_bytes(data)
        paths.append(path)
    return paths, total // count


def run(count: int, workdir: Path) -> dict[str, float]:
    sources, size = write_sources(count, workdir / "sources")
    started, cpu_started = time.perf_counter(), time.process_time()
    for source in sources:  # stream: never hold the corpus or a list of results
        import_file(source, workdir / "content")
    elapsed = time.perf_counter() - started
    cpu = time.process_time() - cpu_started
    started = time.perf_counter()
    with contextlib.redirect_stdout(io.StringIO()):  # the summary table is not the point here
        import_command(sources, workdir / "content-pool")
    pooled = time.perf_counter() - started
    # A third pass under tracemalloc (which slows Python down) measures peak memory.
    tracemalloc.start()
    for source in sources:
        import_file(source, workdir / "content-traced")
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return {
        "size": size / 1024,
        "rate": count / elapsed,
        "cpu_rate": count / cpu,
        "pool_rate": count / pooled,
        "peak": peak / 2**20,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[200, 1000, 2000])
    args = parser.parse_args()
    print(f"forms: {', '.join(FORMS)} (a third each); pool of {min(os.cpu_count() or 1, 4)}")
    print(
        f"{'N':>6} {'avg KB':>7} {'1 core/s':>9} {'per CPU-s':>10} {'pool/s':>8}"
        f" {'peak traced MB':>15} {'max RSS MB':>11}"
    )
    for count in args.sizes:
        workdir = Path(tempfile.mkdtemp(prefix="bench-import-"))
        try:
            result = run(count, workdir)
        finally:
            shutil.rmtree(workdir, ignore_errors=True)
        rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        print(
            f"{count:>6} {result['size']:>7.1f} {result['rate']:>9.1f} {result['cpu_rate']:>10.1f}"
            f" {result['pool_rate']:>8.1f} {result['peak']:>15.1f} {rss:>11.1f}"
        )
    print("targets: >= 200 reports/s on one core; peak memory flat in N")


if __name__ == "__main__":
    main()
