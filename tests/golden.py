"""Golden files for the converter: `make golden` (python -m tests.golden) regenerates them.

One for each seed report (tests/seeds/) and each fixture in another form (tests/fixtures/:
Founder HTML, portal page, Traditional, one-line, hard-wrapped …).

Review the diff with `git diff tests/golden` before committing.
"""

from __future__ import annotations

from pathlib import Path

from site_builder.content.metrics import load_metrics
from site_builder.convert.pipeline import convert
from site_builder.convert.render import render_zh_page

ROOT = Path(__file__).resolve().parent
# Copies of ../shared/seeds, so the tests run from any clone.
SEEDS = ROOT / "seeds"
FIXTURES = ROOT / "fixtures"
GOLDEN = ROOT / "golden"
# The project's metric vocabulary: golden pages show the metric ids an import assigns.
METRICS = ROOT.parent / "content" / "metrics.yml"


def seed_paths() -> list[Path]:
    return sorted(SEEDS.glob("*.txt"))


def golden_paths() -> list[Path]:
    """Sources with a golden page: the seeds, then the fixtures of other forms."""
    return seed_paths() + sorted(FIXTURES.glob("*.*"))


def render_seed(path: Path) -> str:
    article, extension = convert(path.read_bytes(), path, load_metrics(METRICS))
    return render_zh_page(article, f"source{extension}", path.name)


def main() -> None:
    GOLDEN.mkdir(exist_ok=True)
    for path in golden_paths():
        (GOLDEN / f"{path.stem}.zh.md").write_text(render_seed(path), encoding="utf-8")
        print(f"wrote tests/golden/{path.stem}.zh.md")


if __name__ == "__main__":
    main()
