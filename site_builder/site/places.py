"""The place a report is about, as the site names it and links it: its administrative path
(province → prefecture → county → township, from ``region_path``), its level and division code.

- ``report_place``: the ``Place`` of a report, or None when its front matter has no path.
- ``place_name``: the place with its parent and province, in the page's language
  (Gangshan Subdistrict, Zoucheng City, Shandong; 山东省邹城市钢山街道).
- ``place_norm``: the language-free URL of the page of a province, prefecture or county
  (``places/shandongsheng/jiningshi/``), made by site.place_pages.

Plain data and functions, no markup.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from pypinyin import lazy_pinyin

from site_builder.content.english_rules import english_region
from site_builder.content.glossary import GlossaryEntry
from site_builder.site.model import Report

if TYPE_CHECKING:
    from site_builder.site.generated import Site

PLACES = "places/"
LEVELS = ("province", "prefecture", "county", "township")
PAGE_LEVELS = LEVELS[:3]  # levels with a page of their own


@dataclass(frozen=True)
class Place:
    """A place by its administrative path (Chinese names, province first)."""

    path: tuple[str, ...]
    level: str | None  # the level of the last name
    code: str | None = None  # the 12-digit division code, when resolved

    def part(self, level: str) -> str:
        """The name at ``level`` on the path, '' when the path does not reach it."""
        index = LEVELS.index(level)
        return self.path[index] if index < len(self.path) else ""

    @property
    def pages(self) -> list[tuple[str, ...]]:
        """The paths of the province, prefecture and county pages that list this place."""
        return [self.path[:n] for n in range(1, min(len(self.path), len(PAGE_LEVELS)) + 1)]


def report_place(meta: Mapping[str, Any]) -> Place | None:
    """The place of a report from its front matter (``region_path``, ``level``,
    ``region_code``); None without a path."""
    path = meta.get("region_path")
    if not isinstance(path, Sequence) or isinstance(path, str):
        return None
    names = tuple(str(name).strip() for name in path if name and str(name).strip())
    if not names:
        return None
    level = meta.get("level")
    if level not in LEVELS:
        level = LEVELS[len(names) - 1] if len(names) <= len(LEVELS) else None
    code = meta.get("region_code")
    return Place(names, str(level) if level else None, str(code) if code else None)


def level_of(path: Sequence[str]) -> str:
    return LEVELS[min(len(path), len(LEVELS)) - 1]


def place_name(report: Report, site: Site) -> str:
    """Where a value was measured, with its parent and province: 'Gangshan Subdistrict,
    Zoucheng City, Shandong' / '山东省邹城市钢山街道'; the report's ``region`` as written when it
    has no path ('' when it has neither)."""
    place = report_place(report.meta)
    if place is None:
        region = str(report.meta.get("region") or "")
        if not region or site.lang == "zh":
            return region
        return site.english_name("region", region)
    return path_name(place.path, site)


def path_name(path: Sequence[str], site: Site) -> str:
    """A place on its path: itself, its parent, its province (the prefecture of a township
    is left out, as addresses do)."""
    names = list(dict.fromkeys([path[-1], *path[-2:-1], path[0]]))  # own, parent, province
    if site.lang == "zh":
        return "".join(reversed(names))
    english = [site.english_name("region", name) for name in names]
    if len(english) > 1:
        english[-1] = re.sub(r" Province$", "", english[-1])
    return ", ".join(english)


def place_targets(
    meta: Mapping[str, Any], lang: str, glossary: Sequence[GlossaryEntry] = ()
) -> list[tuple[str, str]]:
    """(name, language-free URL) of the county, prefecture and province pages of a report,
    smallest first, for the links in its header."""
    place = report_place(meta)
    if place is None:
        return []
    targets = []
    for path in reversed(place.pages):
        name = path[-1] if lang == "zh" else (english_region(path[-1], glossary) or path[-1])
        targets.append((name, place_norm(path)))
    return targets


def own_name(name: str, site: Site) -> str:
    """One name of a path in the page's language: 济宁市, Jining City."""
    return name if site.lang == "zh" else site.english_name("region", name)


def place_norm(path: Sequence[str], page: int = 1) -> str:
    """``places/shandongsheng/jiningshi/`` (and ``…/2/`` for a further page)."""
    parts = "".join(f"{_slug(name)}/" for name in path)
    return f"{PLACES}{parts}" + (f"{page}/" if page > 1 else "")


def pinyin_key(name: str) -> str:
    """A Chinese name's sort key: its pinyin, syllable by syllable (济南 before 济宁)."""
    return " ".join(lazy_pinyin(name))


def _slug(name: str) -> str:
    slug = re.sub(r"[^0-9a-z]+", "", "".join(lazy_pinyin(name)).casefold())
    return slug or "x"
