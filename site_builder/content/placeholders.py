"""Placeholders for untranslated text, and Chinese left over in English text."""

from __future__ import annotations

import re

PLACEHOLDER = "[untranslated]"  # what the `none` backend writes before the Chinese text
_HAN = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
_HAN_RUN_RE = re.compile(f"[{_HAN}][{_HAN}\u3000-\u303f\uff01-\uff0f\uff1a-\uff20“”‘’·]*")
# Deliberate glosses: <span lang="zh">…</span>, or a short parenthesis such as (双招双引).
_SPAN_RE = re.compile(r'<span lang="zh(?:-\w+)?">.*?</span>', re.DOTALL)
_GLOSS_RE = re.compile(r"[(（][^()（）]{1,20}[)）]")


def is_placeholder(text: str) -> bool:
    """Does an English text still carry the untranslated-text marker?"""
    return PLACEHOLDER in text


def placeholder(chinese: str) -> str:
    """The `none` backend's stand-in for an untranslated text: marker, then the Chinese."""
    return f"{PLACEHOLDER} {chinese}".strip()


def chinese_leak(english: str) -> str | None:
    """The first run of Chinese characters left in English prose, or None.

    Deliberate glosses are allowed: inside ``<span lang="zh">`` or a short parenthesis
    such as "attracting investment and talent (双招双引)".
    """
    text = _SPAN_RE.sub(" ", english)
    text = _GLOSS_RE.sub(" ", text)
    match = _HAN_RUN_RE.search(text)
    return match.group(0)[:20] if match else None
