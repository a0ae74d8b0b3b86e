"""Key figures in English by rule (TRANSLATION.md): never round, never drop a qualifier,
digits with thousands separators, yuan in million/billion, mu with hectares. The other
direction, does an English text say what a figure says, is ``figure_check``.
"""

from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal, InvalidOperation
from typing import Any

NOUNS = {  # unit -> (singular, plural); "" = no noun
    "CNY": ("yuan", "yuan"), "person": ("person", "people"), "person_time": ("visit", "visits"),
    "household": ("household", "households"), "enterprise": ("enterprise", "enterprises"),
    "project": ("project", "projects"), "item": ("item", "items"), "case": ("case", "cases"),
    "institution": ("institution", "institutions"), "session": ("session", "sessions"),
    "dose": ("dose", "doses"), "time": ("time", "times"), "site": ("site", "sites"),
    "building": ("building", "buildings"), "vehicle": ("vehicle", "vehicles"),
    "team": ("team", "teams"), "unit": ("unit", "units"), "class": ("class", "classes"),
    "copy": ("copy", "copies"), "piece": ("piece", "pieces"), "count": ("", ""),
    "hour": ("hour", "hours"), "m": ("meter", "meters"), "km": ("km", "km"), "mu": ("mu", "mu"),
    "m2": ("square meter", "square meters"), "facility": ("facility", "facilities"),
    "km2": ("square kilometer", "square kilometers"), "ha": ("hectare", "hectares"),
    "ton": ("ton", "tons"), "percentage_point": ("percentage point", "percentage points"),
    "USD": ("US dollar", "US dollars"), "head": ("head", "head"),
    "m3": ("cubic meter", "cubic meters"),
}  # fmt: skip
QUALIFIERS = {"more_than": "more than", "nearly": "nearly", "about": "about", "up_to": "up to"}
SCALES = ((10**12, "trillion"), (10**9, "billion"), (10**6, "million"))
DASH = "–"  # en dash for ranges: 3–5 million yuan


def english_figure(figure: Mapping[str, Any]) -> str:
    """A key figure (front-matter dict: value, unit, qualifier, yoy, value_max) in English.

    470000000 CNY -> '470 million yuan'; -12 percent yoy -> 'down 12% year on year';
    3000 mu nearly -> 'nearly 3,000 mu (about 200 hectares)'. A figure without a usable value
    falls back to its Chinese ``text``.
    """
    value = decimal_value(figure.get("value"))
    if value is None:
        return str(figure.get("text") or "")
    high = decimal_value(figure.get("value_max"))
    unit = str(figure.get("unit") or "count")
    qualifier = QUALIFIERS.get(str(figure.get("qualifier")), "")
    direction = ""
    if value < 0:
        direction = "down "
        value = -value
        high = -high if high is not None and high < 0 else high
    elif figure.get("yoy"):
        direction = "up " if value > 0 else ""
    amount = _amount(value, high, unit)
    text = " ".join(part for part in (qualifier, amount) if part)
    if unit == "mu":
        hectares = _amount(_hectares(value), _hectares(high) if high is not None else None, "")
        text += f" (about {hectares} hectare{'' if hectares == '1' else 's'})"
    text = direction + text
    if figure.get("yoy"):
        text += " year on year"
    return text


def _amount(value: Decimal, high: Decimal | None, unit: str) -> str:
    """Number (or range) and noun: '470 million yuan', '3–5 projects', '50.7%'."""
    number = _number(value, high)
    if unit == "percent":
        return number + "%"
    singular, plural = NOUNS.get(unit, (unit, unit))
    noun = singular if value == 1 and high is None else plural
    return f"{number} {noun}" if noun else number


def _number(value: Decimal, high: Decimal | None = None) -> str:
    top = high if high is not None else value
    for size, word in SCALES:
        if top >= size:
            low, up = value / size, top / size
            # Scaled only when exact with few decimals: 7.092 billion, but 1,234,567.
            if _decimals(low) <= 3 and _decimals(up) <= 3 and low >= Decimal("0.1"):
                if high is None:
                    return f"{_plain(low)} {word}"
                return f"{_plain(low)}{DASH}{_plain(up)} {word}"
            break
    if high is None:
        return _plain(value)
    return f"{_plain(value)}{DASH}{_plain(high)}"


def _plain(number: Decimal) -> str:
    if number == number.to_integral_value():
        return f"{int(number):,}"
    return format(number.normalize(), ",f")


def _decimals(number: Decimal) -> int:
    exponent = number.normalize().as_tuple().exponent
    return -exponent if isinstance(exponent, int) and exponent < 0 else 0


def _hectares(mu: Decimal) -> Decimal:
    """Mu to hectares (1 mu = 1/15 ha), to three significant figures: 3000 -> 200, 47 -> 3.13."""
    hectares = mu / 15
    if hectares == 0:
        return hectares
    digits = hectares.adjusted()  # power of ten of the leading digit
    return hectares.quantize(Decimal(1).scaleb(min(0, digits - 2))).normalize()


def decimal_value(value: Any) -> Decimal | None:
    """A front-matter value as an exact Decimal; None for missing, booleans and non-numbers."""
    if isinstance(value, bool) or value is None:
        return None
    try:
        number = Decimal(str(value))
    except (InvalidOperation, ValueError):
        return None
    return number if number.is_finite() else None
