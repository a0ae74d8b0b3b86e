"""Repeated cold builds under CPU load: every build must pass (issue 16 item 7, the empty
Pagefind entry file seen on a loaded machine).

    python bench/bench_cold_builds.py [--reports 300] [--builds 20] [--load 2]

Makes N synthetic reports (bench_build.py's generator), then runs `mkdocs build --strict`
``--builds`` times, each in a fresh process with the build cache removed (cold), while
``--load`` busy processes keep every core occupied. Prints each build's time and result and
the count of failures; exit 1 if any build failed.
"""

from __future__ import annotations

import argparse
import multiprocessing
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench_build import CONFIG, make_content  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]


def _spin() -> None:
    while True:
        pass


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--reports", type=int, default=300)
    parser.add_argument("--builds", type=int, default=20)
    parser.add_argument("--load", type=int, default=2, help="busy processes beside the build")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="cold-builds-") as work:
        root = Path(work)
        make_content(args.reports, root / "content")
        config = CONFIG.read_text(encoding="utf-8").replace(
            "custom_dir: themes/material", f"custom_dir: {ROOT / 'themes' / 'material'}"
        )
        (root / "mkdocs.yml").write_text(config, encoding="utf-8")
        load = [multiprocessing.Process(target=_spin, daemon=True) for _ in range(args.load)]
        for process in load:
            process.start()
        failures = 0
        try:
            for number in range(1, args.builds + 1):
                shutil.rmtree(root / ".cache", ignore_errors=True)
                shutil.rmtree(root / "site", ignore_errors=True)
                start = time.perf_counter()
                done = subprocess.run(
                    [sys.executable, "-m", "mkdocs", "build", "--strict", "-q"],
                    cwd=root,
                    capture_output=True,
                    text=True,
                    env={"NO_MKDOCS_2_WARNING": "1", "PATH": "/usr/bin:/bin"},
                )
                seconds = time.perf_counter() - start
                ok = (
                    done.returncode == 0
                    and (root / "site/zh/pagefind/pagefind-entry.json").is_file()
                )
                failures += not ok
                error = "" if ok else " " + (done.stderr.strip().splitlines() or ["?"])[-1]
                print(f"build {number:2}: {seconds:5.1f} s {'ok' if ok else 'FAILED'}{error}")
        finally:
            for process in load:
                process.terminate()
        print(
            f"{args.builds - failures} of {args.builds} cold builds passed "
            f"({args.reports} reports, {args.load} busy processes)"
        )
        return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
