"""The administrative path of a report's region, from a maintained gazetteer.

The data is JioNLP's ``china_location`` (package ``jionlp``, pinned in pyproject.toml): China's
provinces, prefectures and counties with their six-digit division codes, and the townships
(towns, townships, subdistricts) under each county, kept up to date with the National Bureau of
Statistics' division changes. Only its data file is read, never the package's code (its import
loads a large NLP toolkit); nothing is downloaded at run time. The file is read once per process
and the levels we use (down to townships) are cached beside the user's other caches, so a
worker process reads a small table instead of unpacking the 12 MB file again.

``resolve(region, context)``: 邹城市钢山街道 -> [山东省, 济宁市, 邹城市, 钢山街道], township, the
code of its unit (townships have none in the data: null). A name that fits several places is
narrowed by its parents in the region's text and by the places the report names elsewhere (the
paper's city, the province); when that does not single one out it is ambiguous: no path.
"""

from __future__ import annotations

import functools
import importlib.metadata
import importlib.util
import os
import re
import tempfile
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

LEVELS = ("province", "prefecture", "county", "township")
# Rank words a place's name ends in, longest first: 钢山街道 -> 钢山, 京口区 -> 京口.
RANKS = (
    "特别行政区", "维吾尔自治区", "壮族自治区", "回族自治区", "自治区", "自治州", "自治县",
    "自治旗", "街道办事处", "街道", "地区", "省", "市", "州", "盟", "县", "区", "旗", "镇", "乡",
)  # fmt: skip
# A region as the converter writes it: units, each a name and its rank (京口区四牌楼街道).
UNIT_RE = re.compile(r"[\u4e00-\u9fff]+?(?:街道|自治县|自治州|地区|省|市|州|盟|县|区|旗|镇|乡)")
MIN_SHORT = 2  # a short name (济宁 for 济宁市) is looked for in the text only from this length


@dataclass(frozen=True)
class Place:
    """One unit of the gazetteer: its name, level, code (None for townships) and parent."""

    name: str
    level: str
    code: str | None
    parent: Place | None = None

    @property
    def path(self) -> list[str]:
        """Province to this unit; a municipality's prefecture (上海市 under 上海市) once."""
        names: list[str] = []
        place: Place | None = self
        while place is not None:
            if not names or names[0] != place.name:
                names.insert(0, place.name)
            place = place.parent
        return names

    def ancestors(self) -> Iterator[Place]:
        place = self.parent
        while place is not None:
            yield place
            place = place.parent


@dataclass
class Resolution:
    """What the gazetteer says of a region: ``status`` is resolved, unknown or ambiguous."""

    status: str
    path: list[str] = field(default_factory=list)
    code: str | None = None
    level: str | None = None
    candidates: int = 0


def short_name(name: str) -> str:
    """济宁市 -> 济宁, 钢山街道 -> 钢山, 内蒙古自治区 -> 内蒙古 (the name as texts often write it)."""
    for rank in RANKS:
        if name.endswith(rank) and len(name) - len(rank) >= MIN_SHORT:
            return name[: -len(rank)]
    return name


def resolve(region: str | None, context: str = "") -> Resolution:
    """The gazetteer's place for ``region`` (Simplified, parents first), narrowed by
    ``context`` (the report's title, text and paper name)."""
    if not region:
        return Resolution("unknown")
    units = UNIT_RE.findall(region) or [region]
    index = _index()
    if index is None:
        return Resolution("unknown")
    candidates = list(index.get(units[-1], ()))
    if not candidates and units[-1].endswith("街道"):
        candidates = list(index.get(units[-1] + "办事处", ()))
    for parent in units[:-1]:  # 邹城市钢山街道: the 钢山街道 under 邹城市
        narrowed = [c for c in candidates if _has_ancestor(c, parent)]
        if not narrowed and parent in index:
            return Resolution("unknown")  # no such unit under a parent the gazetteer knows
        candidates = narrowed or candidates
    # 上海市: the municipality, not also its prefecture of the same name
    candidates = [c for c in candidates if not (c.parent and c.parent in candidates)]
    if not candidates:
        return Resolution("unknown")
    if len(candidates) > 1:
        candidates = _narrowed_by_context(candidates, context)
    if len(candidates) != 1:
        return Resolution("ambiguous", candidates=len(candidates))
    place = candidates[0]
    return Resolution("resolved", place.path, place.code, place.level, 1)


def _has_ancestor(place: Place, name: str) -> bool:
    return any(a.name == name or short_name(a.name) == short_name(name) for a in place.ancestors())


def _narrowed_by_context(candidates: list[Place], context: str) -> list[Place]:
    """The candidates whose parents the text names most (济宁日报 and 邹城 for 钢山街道 under
    邹城市, 济宁市); all of them when none or several score best."""
    scores = []
    for place in candidates:
        score = 0
        for ancestor in place.ancestors():
            short = short_name(ancestor.name)
            if ancestor.name in context or (len(short) >= MIN_SHORT and short in context):
                score += 1
        scores.append(score)
    best = max(scores)
    if best == 0:
        return candidates
    return [place for place, score in zip(candidates, scores, strict=True) if score == best]


# --- the data ---------------------------------------------------------------------------------


def _data_file() -> Path | None:
    """JioNLP's china_location.zip, found without importing the package."""
    spec = importlib.util.find_spec("jionlp")
    if spec is None or not spec.submodule_search_locations:
        return None
    path = Path(list(spec.submodule_search_locations)[0]) / "dictionary" / "china_location.zip"
    return path if path.is_file() else None


def _cache_file(source: Path) -> Path:
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    try:
        version = importlib.metadata.version("jionlp")
    except importlib.metadata.PackageNotFoundError:
        version = "unknown"
    stamp = f"{version}-{source.stat().st_size}"
    return Path(base) / "site-builder" / f"gazetteer-{stamp}.tsv"


def _table_lines(source: Path) -> list[str]:
    """The gazetteer's lines down to townships (villages left out): from the cache, or read
    from the package's data file and cached."""
    cache = _cache_file(source)
    try:
        return cache.read_text(encoding="utf-8").split("\n")
    except OSError:
        pass
    with zipfile.ZipFile(source) as archive:
        text = archive.read(archive.namelist()[0]).decode("utf-8")
    lines = [line.rstrip("\r") for line in text.split("\n") if not line.startswith("\t\t\t\t")]
    try:  # best effort: a read-only home only makes the next process slower
        cache.parent.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile(
            "w", encoding="utf-8", dir=cache.parent, delete=False, suffix=".tmp"
        ) as out:
            out.write("\n".join(lines))
        os.replace(out.name, cache)
    except OSError:
        pass
    return lines


@functools.cache
def _index() -> dict[str, list[Place]] | None:
    """Every place by its full name (and a province, prefecture or county by its short name
    too); None when the gazetteer is not installed."""
    source = _data_file()
    if source is None:
        return None
    index: dict[str, list[Place]] = {}
    stack: list[Place] = []
    for line in _table_lines(source):
        name = line.lstrip("\t")
        if not name:
            continue
        depth = len(line) - len(name)
        if depth >= len(LEVELS):
            continue
        fields = name.split("\t")
        del stack[depth:]
        parent = stack[-1] if stack else None
        place = Place(fields[0], LEVELS[depth], fields[1] if len(fields) > 1 else None, parent)
        stack.append(place)
        index.setdefault(place.name, []).append(place)
    return index
