"""The cache of parsed front matter: what it returns is what parsing gives, an edit misses it,
and a damaged or foreign cache file is ignored, never trusted."""

from __future__ import annotations

import datetime as dt
import pickle
import subprocess
import sys
from pathlib import Path

import pytest

from site_builder.content.errors import FrontMatterError
from site_builder.content.front_matter_cache import FORMAT, FrontMatterCache
from site_builder.content.frontmatter import split_front_matter

PAGE = """---
title: 测试
date: 2021-12-31
key_figures:
- {id: k1, text: 4.7亿元, label: 财政收入, value: 470000000, unit: CNY, yoy: false}
---

正文。
"""


def test_a_cached_page_reads_back_as_parsed(tmp_path: Path) -> None:
    path = tmp_path / "cache" / "front-matter.pickle"
    first = FrontMatterCache(path)
    parsed = split_front_matter(PAGE, "a.md", cache=first)
    first.save()
    second = FrontMatterCache(path)
    again = split_front_matter(PAGE, "a.md", cache=second)
    assert again == parsed == split_front_matter(PAGE, "a.md")
    assert again[0]["date"] == dt.date(2021, 12, 31)
    # New objects each time: a caller that changes its copy changes nothing else.
    again[0]["key_figures"][0]["label"] = "改了"
    assert (
        split_front_matter(PAGE, "a.md", cache=second)[0]["key_figures"][0]["label"] == "财政收入"
    )


def test_an_edited_page_is_parsed_again(tmp_path: Path) -> None:
    cache = FrontMatterCache(tmp_path / "c.pickle")
    split_front_matter(PAGE, "a.md", cache=cache)
    edited = PAGE.replace("label: 财政收入", "label: 一般公共预算收入")
    meta, _, _ = split_front_matter(edited, "a.md", cache=cache)
    assert meta["key_figures"][0]["label"] == "一般公共预算收入"


def test_broken_yaml_is_still_an_error_with_a_cache(tmp_path: Path) -> None:
    cache = FrontMatterCache(tmp_path / "c.pickle")
    with pytest.raises(FrontMatterError, match="broken YAML"):
        split_front_matter("---\ntitle: [unclosed\n---\n", "bad.md", cache=cache)


@pytest.mark.parametrize(
    "content",
    [b"", b"not a pickle at all", pickle.dumps(("front-matter", 0, "old"))],
    ids=["empty", "garbage", "other-version"],
)
def test_a_damaged_or_foreign_cache_file_is_ignored(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "c.pickle"
    path.write_bytes(content)
    cache = FrontMatterCache(path)
    meta, _, _ = split_front_matter(PAGE, "a.md", cache=cache)
    assert meta["title"] == "测试"
    cache.save()
    assert pickle.loads(path.read_bytes())[0] == FORMAT


def test_saving_drops_pages_no_longer_read(tmp_path: Path) -> None:
    path = tmp_path / "c.pickle"
    old = FrontMatterCache(path)
    split_front_matter(PAGE, "a.md", cache=old)
    split_front_matter(PAGE.replace("测试", "旧页"), "b.md", cache=old)
    old.save()
    new = FrontMatterCache(path)
    split_front_matter(PAGE.replace("测试", "新页"), "c.md", cache=new)
    split_front_matter(PAGE, "a.md", cache=new)
    new.save()
    assert len(pickle.loads(path.read_bytes())[1]) == 2  # a.md and c.md, not b.md


PARALLEL_CHECK = """
import sys
from pathlib import Path
from site_builder.content.front_matter_cache import FrontMatterCache
from site_builder.content.frontmatter import (
    PARALLEL_FROM, front_matter_text, parse_into_cache, split_front_matter)
page = sys.stdin.read()
texts = [page.replace("测试", f"测试{n}") for n in range(PARALLEL_FROM + 10)]
cache = FrontMatterCache(Path(sys.argv[1]))
parse_into_cache([front_matter_text(t) for t in texts], cache, fork=True)
assert all(cache.has(front_matter_text(t)) for t in texts), "not parsed by the workers"
for text in texts:
    assert split_front_matter(text, "a.md", cache=cache) == split_front_matter(text, "a.md")
print("ok")
"""


def test_many_pages_are_parsed_in_worker_processes_with_the_same_result(tmp_path: Path) -> None:
    # In a process of its own: the workers are forked only when the caller says no other
    # thread runs, and the test run has threads (the served sites of other tests).
    done = subprocess.run(
        [sys.executable, "-c", PARALLEL_CHECK, str(tmp_path / "c.pickle")],
        input=PAGE,
        capture_output=True,
        text=True,
        cwd=Path(__file__).resolve().parents[1],
        timeout=120,
    )
    assert done.returncode == 0 and done.stdout.strip() == "ok", done.stderr[-2000:]


def test_without_the_fork_flag_pages_are_parsed_in_this_process(tmp_path: Path) -> None:
    from site_builder.content.frontmatter import PARALLEL_FROM, front_matter_text, parse_into_cache

    texts = [PAGE.replace("测试", f"测试{n}") for n in range(PARALLEL_FROM + 10)]
    cache = FrontMatterCache(tmp_path / "c.pickle")
    parse_into_cache([t for x in texts if (t := front_matter_text(x))], cache)
    assert not any(cache.has(front_matter_text(x) or "") for x in texts)  # no fork
    assert split_front_matter(texts[3], "a.md", cache=cache)[0]["title"] == "测试3"
