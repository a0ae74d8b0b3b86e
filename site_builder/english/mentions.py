"""Reading the numbers an English text mentions (a *mention*): the value and scale, and the unit,
direction and qualifier that the words around the number say. Used by english.figure_check."""

from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass
from decimal import Decimal

# English unit words -> the unit they name (longest phrases first when matching).
UNIT_WORDS: dict[str, str] = {
    "%": "percent", "percent": "percent", "per cent": "percent",
    "percentage point": "percentage_point", "percentage points": "percentage_point",
    "yuan": "CNY", "rmb": "CNY", "renminbi": "CNY", "mu": "mu", "hectare": "ha", "hectares": "ha", "ha": "ha",
    "square metre": "m2", "square metres": "m2", "square meter": "m2", "square meters": "m2",
    "sq m": "m2", "m²": "m2", "m2": "m2", "square kilometre": "km2", "square kilometres": "km2",
    "square kilometer": "km2", "square kilometers": "km2", "km²": "km2", "km2": "km2",
    "sq km": "km2", "km": "km", "kilometre": "km", "kilometres": "km", "kilometer": "km",
    "kilometers": "km", "metre": "m", "metres": "m", "meter": "m", "meters": "m",
    "tonne": "ton", "tonnes": "ton", "ton": "ton", "tons": "ton", "hour": "hour", "hours": "hour",
    "households": "household", "household": "household", "families": "household",
    # 套: dwellings are counted as homes, not as the households living in them
    "homes": "dwelling", "apartments": "dwelling", "flats": "dwelling", "dwellings": "dwelling",
    "cubic metre": "m3", "cubic metres": "m3", "cubic meter": "m3", "cubic meters": "m3",
    "m³": "m3", "m3": "m3", "us dollar": "USD", "us dollars": "USD", "dollars": "USD",
    "dollar": "USD", "usd": "USD", "us$": "USD", "head": "head",
}  # fmt: skip
_PEOPLE = (
    "people persons person residents villagers children pupils students workers patients "
    "elderly seniors visitors participants members volunteers staff employees officials cadres "
    "teachers doctors spectators viewers audience individuals citizens inhabitants attendees "
    "trainees farmers graduates talents"
).split()
_EVENTS = (
    "visits visit person-times attendances check-ups checkups instances trips consultations "
    "examinations times"
).split()
_ORGANISATIONS = (
    "enterprises enterprise companies company firms businesses institutions pharmacies clinics "
    "hospitals schools kindergartens shops stores organizations organisations entities outlets "
    "merchants"
).split()
UNIT_WORDS |= {w: "person" for w in _PEOPLE}
UNIT_WORDS |= {w: "person_time" for w in _EVENTS}
UNIT_WORDS |= {w: "enterprise" for w in _ORGANISATIONS}

MEASURES = {"CNY", "USD", "percent", "percentage_point", "mu", "ha", "m2", "km2", "km", "m", "m3"}
MEASURES |= {"ton", "hour"}

QUALIFIER_WORDS = {
    "more_than": "more than|over|above|upwards of|in excess of|exceeding|exceeded|exceeds|at least",
    "nearly": "nearly|almost|close to|just under|approaching",
    "about": "about|around|approximately|roughly|some|an estimated",
    "up_to": "up to|at most|no more than|as many as|within|less than|fewer than|under|below",
}
_QUALIFIER_BEFORE = [
    (name, re.compile(rf"\b(?:{words})\s*(?:RMB\s*|¥\s*)?$", re.IGNORECASE))
    for name, words in QUALIFIER_WORDS.items()
]
_QUALIFIER_AFTER = [
    ("more_than", re.compile(r"^(?:\+|-?plus\b|\s+(?:or|and) (?:more|above|over)\b)", re.I)),
    ("about", re.compile(r"^\s+or so\b", re.IGNORECASE)),
]
_UP = (
    r"up|rose|risen|rising|rises|rise|increased|increases|increasing|increase|grew|grown|grows|"
    r"growing|growth|higher|gained|gains|gain|climbed|climbs|jumped|jumps|surged|expanded"
)
_DOWN = (
    r"down|fell|fallen|falls|falling|fall|declined|declines|declining|decline|decreased|"
    r"decreases|decreasing|decrease|dropped|drops|drop|lower|reduced|reduction|cut|shrank|"
    r"shrunk|slid|dipped"
)
_FILLER = r"(?:\s+(?:by|of))?(?:\s+(?:year[- ]on[- ]year|" + "|".join(QUALIFIER_WORDS.values())
_FILLER += r"))?\s*(?:RMB\s*|¥\s*)?$"
_DIRECTION_BEFORE = [
    ("up", re.compile(rf"\b(?:{_UP})\b{_FILLER}", re.IGNORECASE)),
    ("down", re.compile(rf"\b(?:{_DOWN})\b{_FILLER}", re.IGNORECASE)),
]
_DIRECTION_AFTER = [
    ("up", re.compile(r"^\s*(?:year[- ]on[- ]year\s+)?(?:increase|rise|growth|gain|jump|higher)\b", re.I)),
    ("down", re.compile(r"^\s*(?:year[- ]on[- ]year\s+)?(?:decline|drop|decrease|fall|reduction|cut|lower|fewer|less)\b", re.I)),
]  # fmt: skip

_SCALES = {"thousand": 10**3, "million": 10**6, "billion": 10**9, "trillion": 10**12}
_NUMBER_RE = re.compile(
    r"(?<![\w.,/])(?P<low>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)"
    r"(?:\s*(?P<low_scale>thousand|million|billion|trillion)\b)?"
    r"(?:\s*(?:[-–—~]|to)\s*(?P<high>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?))?"
    r"(?:\s*(?P<scale>thousand|million|billion|trillion)\b)?"
    r"(?![0-9A-Za-z]|/\d)",  # not 5G, not the 1 of 1/4 (a share, read below)
    re.IGNORECASE,
)
_NUMBER_WORDS = {
    w: n
    for n, w in enumerate(
        "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen "
        "fifteen sixteen seventeen eighteen nineteen twenty".split()
    )
}
_WORD_RE = re.compile(
    r"\b(?P<word>" + "|".join(_NUMBER_WORDS) + r")\b"
    r"(?:\s+(?P<scale>thousand|million|billion|trillion)\b)?",
    re.IGNORECASE,
)
_SHARES = {
    share: Decimal(percent)
    for share, percent in (("half", 50), ("a quarter", 25), ("one quarter", 25),
                           ("three quarters", 75), ("a fifth", 20), ("one fifth", 20),
                           ("a tenth", 10), ("one tenth", 10))
}  # fmt: skip
_SHARE_RE = re.compile(
    r"(?<![\d/])\d+/\d+(?![\d/])|\b(?:" + "|".join(sorted(_SHARES, key=len, reverse=True)) + r")\b",
    re.IGNORECASE,
)
_UNIT_RE = re.compile(
    r"(?:[-\s]+)(?P<unit>"
    + "|".join(re.escape(w) for w in sorted(UNIT_WORDS, key=len, reverse=True) if w != "%")
    + r")(?![\w²])",
    re.IGNORECASE,
)
_STOP = re.compile(r"[,;:.()\[\]!?]|\b(?:of|in|for|to|and|with|from|at|by|on|year|each|per)\b|\d")
_CLAUSE = re.compile(r"[,;:.()!?]|\band\b|\bwhile\b")


@dataclass(frozen=True)
class Mention:
    """A number in an English text, with what the words around it say."""

    start: int
    end: int
    values: tuple[Decimal, ...]  # the number, or both ends of a range, scaled
    unit: str | None  # the unit its words name (UNIT_WORDS), None when none is named
    direction: str | None  # up | down | None
    qualifier: str | None  # more_than | nearly | about | up_to | None
    share: bool = False  # written as a share ("half", "1/4"): a percentage by itself
    text: str = ""


def read_mentions(english: str) -> list[Mention]:
    """Every number mentioned in an English text, in text order."""
    found: list[Mention] = []
    for match in _NUMBER_RE.finditer(english):
        scale = Decimal(_SCALES[match.group("scale").lower()]) if match.group("scale") else None
        low_scale = match.group("low_scale")
        low = _number(match.group("low")) * (
            Decimal(_SCALES[low_scale.lower()]) if low_scale else (scale or 1)
        )
        values: tuple[Decimal, ...] = (low,)
        if match.group("high"):
            values = (low, _number(match.group("high")) * (scale or 1))
        found.append(_mention(english, match.start(), match.end(), values))
    for match in _WORD_RE.finditer(english):
        number = Decimal(_NUMBER_WORDS[match.group("word").lower()])
        if match.group("scale"):
            number *= _SCALES[match.group("scale").lower()]
        found.append(_mention(english, match.start(), match.end(), (number,)))
    for match in _SHARE_RE.finditer(english):
        share = _SHARES.get(match.group(0).lower())
        if share is None:
            top, bottom = (Decimal(p) for p in match.group(0).split("/"))
            share = top / bottom * 100 if bottom else Decimal(0)
        mention = _mention(english, match.start(), match.end(), (share,))
        found.append(dataclasses.replace(mention, share=True))
    found.sort(key=lambda m: m.start)
    # "one quarter (1/4)": a restatement in brackets is the same mention, not a second one.
    return [
        m
        for i, m in enumerate(found)
        if not (
            i
            and found[i - 1].values == m.values
            and re.fullmatch(r"\s*\(", english[found[i - 1].end : m.start])
        )
    ]


def _mention(text: str, start: int, end: int, values: tuple[Decimal, ...]) -> Mention:
    before = text[max(0, start - 80) : start]
    clause = _CLAUSE.split(before)[-1] if before else ""
    after = text[end : end + 80]
    unit = None
    if after.startswith("%"):
        unit, rest = "percent", after[1:]
    else:
        rest = after
        match = _UNIT_RE.match(_window(after))
        if match:
            unit = UNIT_WORDS[match.group("unit").lower()]
        elif re.search(r"(?:\bRMB|\bCNY|¥)\s*$", clause, re.IGNORECASE):
            unit = "CNY"
        else:
            unit = _noun_unit(after)
    if unit is not None and unit not in MEASURES and re.search(r"\bRMB\s*$", clause, re.I):
        unit = "CNY"
    qualifier = next((n for n, r in _QUALIFIER_BEFORE if r.search(clause)), None)
    tail = rest[_unit_end(rest) :] if unit else rest
    qualifier = qualifier or next((n for n, r in _QUALIFIER_AFTER if r.search(tail)), None)
    direction = next((n for n, r in _DIRECTION_BEFORE if r.search(clause)), None)
    direction = direction or next((n for n, r in _DIRECTION_AFTER if r.search(tail)), None)
    return Mention(start, end, values, unit, direction, qualifier, text=text[start:end])


def _window(after: str) -> str:
    """The words right after a number up to a stop (punctuation, a preposition, a number)."""
    stop = _STOP.search(after)
    return after[: stop.start()] if stop else after


def _noun_unit(after: str) -> str | None:
    """The first count noun among the (at most four) words after a number."""
    for word in re.findall(r"[A-Za-z][A-Za-z'-]*", _window(after))[:4]:
        unit = UNIT_WORDS.get(word.lower())
        if unit is not None:
            return unit
    return None


def _unit_end(rest: str) -> int:
    match = _UNIT_RE.match(rest)
    return match.end() if match else 0


def _number(text: str) -> Decimal:
    return Decimal(text.replace(",", ""))
