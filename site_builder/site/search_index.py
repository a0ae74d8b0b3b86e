"""Search: one small UTF-8 index per language, and the glossary as jieba's user dictionary.

Material's search plugin (with mkdocs-static-i18n) writes one combined index for every
language, ASCII-escaped, which every page fetches on load. Here the entries of each language
build are kept apart and written as ``<prefix>search/search_index.json`` in UTF-8; the
deferred worker (``site_builder/site/assets/digest-search.js``) fetches the reader's language only,
on the first query.

Plain functions on plain data: nothing here knows about MkDocs.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import Any

INDEX_NAME = "search/search_index.json"


def index_path(prefix: str) -> str:
    """Site-relative path of a language's index: ``prefix`` is ``""`` or ``"zh/"``."""
    return f"{prefix}{INDEX_NAME}"


def language_index(base: dict[str, Any], docs: list[dict[str, Any]], lang: str) -> dict[str, Any]:
    """The index of one language: Material's config with ``lang`` narrowed to that language.

    ``base`` is the ``config`` of an index written by Material's search plugin (separator,
    pipeline, fields); only the reader's language is loaded into the browser's lunr.
    """
    config = dict(base)
    config["lang"] = [lang]
    return {"config": config, "docs": docs}


def dump_index(index: dict[str, Any]) -> bytes:
    """Compact UTF-8 JSON: a Han character costs 3 bytes instead of 6 (``\\uXXXX``)."""
    text = json.dumps(index, ensure_ascii=False, separators=(",", ":"), default=str)
    return text.encode("utf-8")


def user_dictionary(terms: Iterable[str]) -> str:
    """jieba user-dictionary text: one term a line (jieba picks a frequency that keeps it whole).

    Terms with spaces cannot be dictionary words; they are left out.
    """
    return "".join(f"{term}\n" for term in terms if term and not any(c.isspace() for c in term))
