"""Import throughput and memory: N synthetic ~10 KB reports shaped like the seeds.

    python bench/bench_import.py [--sizes 200 1000] [--out DIR]

Prints reports/s on one core (the import runs in this process), by the wall clock and per
CPU-second of this process (steadier on a busy machine), and peak memory, for each N.
Targets: at least 200 reports/s, and peak memory flat in N (reports are streamed).
"""

from __future__ import annotations

import argparse
import random
import resource
import shutil
import tempfile
import time
import tracemalloc
from pathlib import Path

from site_builder.convert.importer import import_file

SEED = Path(__file__).resolve().parent.parent / "tests" / "seeds" / "000_faf2fa279c11dbf0.txt"
PLACES = ["钢山", "双山", "千泉", "唐冶", "王舍人", "龙山", "凫山", "北宿", "太平", "峄山"]


def synthetic_report(number: int, template: str) -> str:
    """The seed with another place, date and digits, cut at a line end near 10 KB."""
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
    return "\n".join(kept + [lines[-1]]) + "\n"


def run(count: int, workdir: Path) -> tuple[float, float, float, int]:
    sources = workdir / "sources"
    sources.mkdir(parents=True)
    template = SEED.read_text(encoding="utf-8")
    total_bytes = 0
    for number in range(count):
        data = synthetic_report(number, template).encode("utf-8")
        total_bytes += len(data)
        (sources / f"report_{number:05d}.txt").write_bytes(data)
    started, cpu_started = time.perf_counter(), time.process_time()
    for number in range(count):  # stream: never hold the corpus or a list of it
        import_file(sources / f"report_{number:05d}.txt", workdir / "content")
    elapsed = time.perf_counter() - started
    cpu = time.process_time() - cpu_started
    # A second pass under tracemalloc (which slows Python down) measures peak memory.
    tracemalloc.start()
    for number in range(count):
        import_file(sources / f"report_{number:05d}.txt", workdir / "content-traced")
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return count / elapsed, count / cpu, peak / 2**20, total_bytes // count


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[200, 1000])
    args = parser.parse_args()
    print(
        f"{'N':>6} {'avg KB':>7} {'reports/s':>10} {'per CPU-s':>10}"
        f" {'peak traced MB':>15} {'max RSS MB':>11}"
    )
    for count in args.sizes:
        workdir = Path(tempfile.mkdtemp(prefix="bench-import-"))
        try:
            rate, cpu_rate, peak, size = run(count, workdir)
        finally:
            shutil.rmtree(workdir, ignore_errors=True)
        rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        print(
            f"{count:>6} {size / 1024:>7.1f} {rate:>10.1f} {cpu_rate:>10.1f}"
            f" {peak:>15.1f} {rss:>11.1f}"
        )
    print("targets: >= 200 reports/s; peak memory flat in N")


if __name__ == "__main__":
    main()
