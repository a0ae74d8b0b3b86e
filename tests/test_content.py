"""The shipped content/: every report's Chinese page keeps every character of its source."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

from site_builder.content.blocks import parse_body
from site_builder.content.frontmatter import read_page
from site_builder.convert.decode import text_lines
from site_builder.convert.importer import was_edited
from site_builder.convert.pipeline import convert

CONTENT = Path(__file__).resolve().parent.parent / "content"
REPORTS = sorted(p for p in (CONTENT / "reports").iterdir() if (p / "index.zh.md").exists())


def _chars(text: str) -> Counter[str]:
    return Counter(ch for ch in text if not ch.isspace())


@pytest.mark.parametrize("folder", REPORTS, ids=lambda p: p.name)
def test_every_source_character_is_on_the_page_once(folder):
    source = next(folder.glob("source.*"))
    article, _ = convert(source.read_bytes(), source)
    skipped = set(article.metadata_lines)
    lines = text_lines(source.read_bytes().decode("utf-8-sig"))
    expected = "".join(line for n, line in enumerate(lines, 1) if n not in skipped)
    front, body, first = read_page(folder / "index.zh.md")
    blocks = [pb.block for pb in parse_body(body, first) if pb.block.kind != "callout"]
    assert _chars("".join(b.text + b.sub for b in blocks)) == _chars(expected)


def test_the_hand_repaired_page_is_protected_and_explained():
    page = CONTENT / "reports/2022-shuangshan/index.zh.md"
    front, body, _ = read_page(page)
    assert was_edited(page)  # re-import will not clobber the editors' repair
    assert "恢复" in front["editor_note"]  # the Chinese page's note is in Chinese
    en_front, _, _ = read_page(page.with_name("index.en.md"))
    assert "restored it by hand" in en_front["editor_note"]  # the English page's in English
    assert "轮流带班,会商解决疑难工单。" in body
    assert body.index("2022年以来") < body.index("## 强党建促提升")
