"""ASCII slugs for report folders: 2021-12-31-zoucheng-gangshan."""

from __future__ import annotations

import re

from pypinyin import lazy_pinyin

MAX_SLUG = 60
ADMIN_UNIT_RE = re.compile(r"([\u4e00-\u9fff]+?)(自治州|自治县|街道|社区|市|区|县|镇|乡|村)")


def place_words(region: str) -> list[str]:
    """邹城市钢山街道 -> ['zoucheng', 'gangshan'] (ranks dropped, pinyin joined)."""
    units = ADMIN_UNIT_RE.findall(region) or [(region, "")]
    return ["".join(lazy_pinyin(name)) for name, _rank in units if name]


def make_slug(date: str | None, period: str | None, region: str | None, title: str) -> str:
    """Date (or period) plus the region in pinyin; only [a-z0-9-], bounded length."""
    words = [date or period or "undated"]
    words += place_words(region) if region else ["".join(lazy_pinyin(title[:6]))]
    slug = re.sub(r"[^a-z0-9]+", "-", "-".join(words).lower()).strip("-")
    return slug[:MAX_SLUG].rstrip("-") or "report"
