"""Numbers as printed in Chinese reports -> values: 4.7, 1,200, 三千五百, 十二点五, with 万/亿.

Chinese numerals are read whole with their 万/亿 (一万八千, 一亿二千万, 五千七百七十七万八千);
Traditional forms (萬, 億, 兩) are read in their Simplified analysis text (characters.py, made by the layout repairs).
"""

from __future__ import annotations

import functools
import re

import cn2an

MULTIPLIERS = {"万": 10_000, "亿": 100_000_000, "个亿": 100_000_000, "万亿": 1_000_000_000_000}
CN_NUMERAL_CHARS = "零〇○一二两三四五六七八九十百千"
_DIGIT_OF = {ch: str(n) for n, ch in enumerate("零一二三四五六七八九")} | {
    "〇": "0",
    "○": "0",
    "两": "2",
}


@functools.lru_cache(maxsize=1024)  # the same few numerals recur; cn2an is slow to read them
def parse_number(digits: str) -> float | None:
    """'4.7' -> 4.7; '1,200' -> 1200; '三千五百' -> 3500; '十二点五' -> 12.5; None if not a number."""
    digits = digits.replace(",", "")
    try:
        return float(digits)
    except ValueError:
        pass
    if digits in ("十", "百", "千", "万", "亿"):  # 百项重点工程, 千方百计: names, not quantities
        return None
    if "万" in digits and digits.split("万")[0].isdigit():  # 3万1408: 3 × 10000 + 1408
        high, _, low = digits.partition("万")
        return float(int(high) * 10_000 + _below_ten_thousand(low))
    digits = _positional(digits)
    if any(ch.isdigit() for ch in digits):
        return _mixed(digits)
    try:
        value = cn2an.cn2an(digits.replace("两", "二").replace("〇", "零"), "strict")
    except (ValueError, KeyError, IndexError):
        return None
    return float(value)


def _below_ten_thousand(low: str) -> int:
    """1408 -> 1408; 5千 -> 5000; 5千3百 -> 5300 (what follows 万 in 860万5千)."""
    parts = re.fullmatch(r"(?:(\d)千)?(?:(\d)百)?(\d*)", low)
    if parts is None:
        raise ValueError(low)
    thousands, hundreds, rest = parts.groups()
    return int(thousands or 0) * 1000 + int(hundreds or 0) * 100 + int(rest or 0)


def _positional(digits: str) -> str:
    """三○五 -> 305, 四○二万八千 -> 402万八千: a run of digit characters with a zero written
    as 〇/○ is read digit by digit (the way Taiwan papers write amounts)."""
    if "○" not in digits and "〇" not in digits:
        return digits
    out, run = [], ""
    for ch in digits + " ":
        if ch in _DIGIT_OF:
            run += ch
            continue
        if len(run) > 1 and ("○" in run or "〇" in run):
            out.append("".join(_DIGIT_OF[c] for c in run))
        else:
            out.append(run)
        run = ""
        out.append(ch)
    return "".join(out).strip()


def _mixed(digits: str) -> float | None:
    """305万, 402万八千: sections in digits or Chinese numerals, each with its 亿/万."""
    total = 0.0
    for mark, size in (("亿", 100_000_000), ("万", 10_000)):
        if mark in digits:
            head, _, digits = digits.partition(mark)
            value = _section(head)
            if value is None:
                return None
            total += value * size
    rest = _section(digits) if digits else 0.0
    return None if rest is None else total + rest


def _section(text: str) -> float | None:
    if text.isdigit():
        return float(text)
    try:
        return float(cn2an.cn2an(text.replace("两", "二"), "strict"))
    except (ValueError, KeyError, IndexError):
        return None


def is_chinese_numeral(digits: str) -> bool:
    return bool(digits) and digits[0] in CN_NUMERAL_CHARS


def parse_quantity(digits: str, multiplier: str | None) -> float | None:
    """'4.7' + '亿' -> 470000000; '一亿二千' + '万' -> 120000000; '一万八千' -> 18000.

    Digits are scaled by the multiplier; a Chinese numeral is read together with it, because
    its sections (亿, 万) only make sense whole: 一亿二千万 is 1亿 + 2000万, not (1亿 + 2000) × 1万.
    """
    if is_chinese_numeral(digits):
        value = parse_number(digits + (multiplier or ""))
        return value if value is not None or not multiplier else None
    value = parse_number(digits)
    return None if value is None else scale(value, multiplier)


def scale(value: float, multiplier: str | None) -> float:
    return value * MULTIPLIERS.get(multiplier or "", 1)


def tidy(value: float) -> float | int:
    """An int when the value is whole (470000000), else a float without binary noise
    (78.6亿: 7859999999.999999 -> 7860000000)."""
    rounded = float(f"{value:.12g}") if abs(value) >= 1 else round(value, 6)
    return int(rounded) if rounded == int(rounded) else rounded
