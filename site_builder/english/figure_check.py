"""Does an English text say what a Chinese key figure says? Shared by `check` and `translate`.

A figure (front-matter dict: value, value_max, unit, qualifier, yoy) is compared with each
*mention* in the English (english.mentions): a number (digits with or without separators, a scale word, a range,
small numbers and shares in words) read together with the words around it:

- value and scale: 470 million = 470000000; 470 billion is a different value;
- unit: the first unit word after the number (yuan, %, mu, square metres, people, households,
  enterprises …) or a currency before it (RMB 470 million). Money, percentages and measures
  need their unit; a count may leave its noun out ("27 new enterprises" or just "27"), but a
  noun of another kind (55,184 households for 55184人) is wrong;
- direction: a decline (negative value) must read as one (down, fell, declined, a 12% drop),
  a year-on-year rise as a rise (up, rose, increased, growth of); a plain amount must not read
  as a decline. "rose to 470 million" states a level, not a change;
- qualifier: 余/多/以上/超 more than/over/… or more, 近 nearly/almost, 约/左右 about/around,
  以内 up to/within; no qualifier where the Chinese has none.

In a block every figure needs its own mention: figures are matched one to one with mentions.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from site_builder.content.figure_english import decimal_value, english_figure
from site_builder.english.mentions import MEASURES, Mention, read_mentions

Kind = str  # value | unit | direction | qualifier

# What a Chinese count unit accepts as its English noun (None: no noun, or one we do not know).
COUNT_UNITS: dict[str, set[str | None]] = {
    "person": {None, "person"},
    "person_time": {None, "person", "person_time"},
    "household": {None, "household"},
    "enterprise": {None, "enterprise"},
    "institution": {None, "enterprise"},
    "head": {None, "head"},  # of livestock
}
OTHER_COUNT: set[str | None] = {None, "person_time", "dwelling"}  # 次, 项, 个, 套 …


@dataclass(frozen=True)
class Disagreement:
    kind: Kind  # value | unit | direction | qualifier
    message: str


def expected_direction(figure: Mapping[str, Any]) -> str | None:
    """down for a decline (negative value), up for a year-on-year rise, else None."""
    value = decimal_value(figure.get("value"))
    if value is None:
        return None
    if value < 0:
        return "down"
    return "up" if figure.get("yoy") and value > 0 else None


def compare(figure: Mapping[str, Any], mention: Mention) -> Disagreement | None:
    """The first way a mention says something else than the figure, or None."""
    wanted = (decimal_value(figure.get("value")), decimal_value(figure.get("value_max")))
    wanted_values = tuple(abs(v) for v in wanted if v is not None)
    values = tuple(abs(v) for v in mention.values)
    if not wanted_values or not all(v in values for v in wanted_values):
        return Disagreement("value", f"'{mention.text}' is not {_rule(figure)}")
    unit = str(figure.get("unit") or "count")
    if unit in MEASURES:
        if mention.share and unit == "percent":
            pass
        elif unit == "percentage_point" and mention.unit == "percent":
            pass  # 0.5个百分点: "0.5 percentage points"
        elif mention.unit != unit:
            named = f"'{mention.unit}'" if mention.unit else "no unit"
            return Disagreement("unit", f"'{mention.text}' has {named}, the Chinese has {unit}")
    elif mention.unit not in _count_nouns(figure, unit):
        return Disagreement(
            "unit", f"'{mention.text}' counts {mention.unit}, the Chinese counts {unit}"
        )
    direction = expected_direction(figure)
    if mention.direction != direction and not (direction is None and mention.direction == "up"):
        said = {"up": "a rise", "down": "a decline", None: "no change"}
        return Disagreement(
            "direction",
            f"'{mention.text}' reads as {said[mention.direction]}, "
            f"the Chinese says {said[direction]}",
        )
    qualifier = figure.get("qualifier") or None
    if mention.qualifier != qualifier:
        return Disagreement(
            "qualifier",
            f"'{mention.text}' has {_said(mention.qualifier)}, the Chinese has {_said(qualifier)}",
        )
    return None


def _said(qualifier: object) -> str:
    # Any value: a page that fails the schema (qualifier: roughly) is still compared (E005 too).
    return "no qualifier" if qualifier is None else f"'{qualifier}'"


def _count_nouns(figure: Mapping[str, Any], unit: str) -> set[str | None]:
    nouns = COUNT_UNITS.get(unit, OTHER_COUNT)
    # 12643名共产党员户: people counted as the households they head (the label says 户).
    if unit == "person" and "户" in str(figure.get("label") or ""):
        nouns = nouns | {"household"}
    return nouns


def check_text(figure: Mapping[str, Any], english: str) -> Disagreement | None:
    """Does one English text (a key-figure text) say what the figure says? None if so."""
    problems = match_figures([figure], english)
    return problems[0][1] if problems else None


def match_figures(
    figures: Sequence[Mapping[str, Any]], english: str
) -> list[tuple[int, Disagreement]]:
    """Match each figure to its own mention in ``english``; (index, why) for those left over.

    A figure takes the first unused mention that agrees in every way; one without names the
    disagreement of the nearest miss (the same value, but another unit, direction or qualifier).
    """
    mentions = read_mentions(english)
    used: set[int] = set()
    problems: list[tuple[int, Disagreement]] = []
    for index, figure in enumerate(figures):
        if decimal_value(figure.get("value")) is None:
            continue  # nothing to compare; the schema check reports the figure
        misses: list[Disagreement] = []
        for number, mention in enumerate(mentions):
            if number in used:
                continue
            why = compare(figure, mention)
            if why is None:
                used.add(number)
                break
            misses.append(why)
        else:
            near = [m for m in misses if m.kind != "value"]
            problems.append(
                (index, near[0] if near else Disagreement("value", f"missing: {_rule(figure)}"))
            )
    return problems


def _rule(figure: Mapping[str, Any]) -> str:
    return f"'{figure.get('text')}' by rule: {english_figure(figure)}"
