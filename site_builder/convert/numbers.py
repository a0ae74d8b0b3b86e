"""Numbers as printed in Chinese reports -> values: 4.7, 1,200, 三千五百, 十二点五, with 万/亿."""

from __future__ import annotations

import cn2an

MULTIPLIERS = {"万": 10_000, "亿": 100_000_000, "万亿": 1_000_000_000_000}
CN_NUMERAL_CHARS = "零〇一二两三四五六七八九十百千"


def parse_number(digits: str) -> float | None:
    """'4.7' -> 4.7; '1,200' -> 1200; '三千五百' -> 3500; '十二点五' -> 12.5; None if not a number."""
    digits = digits.replace(",", "")
    try:
        return float(digits)
    except ValueError:
        pass
    if digits in ("十", "百", "千", "万"):  # 百项重点工程, 千方百计: names, not quantities
        return None
    try:
        value = cn2an.cn2an(digits.replace("两", "二").replace("〇", "零"), "strict")
    except (ValueError, KeyError, IndexError):
        return None
    return float(value)


def scale(value: float, multiplier: str | None) -> float:
    return value * MULTIPLIERS.get(multiplier or "", 1)


def tidy(value: float) -> float | int:
    """An int when the value is whole (470000000), else a float without binary noise
    (78.6亿: 7859999999.999999 -> 7860000000)."""
    rounded = float(f"{value:.12g}") if abs(value) >= 1 else round(value, 6)
    return int(rounded) if rounded == int(rounded) else rounded
