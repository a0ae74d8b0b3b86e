"""Byline roles: the one table the converter reads bylines with and the English names them by.

A byline is a list of role groups in byline order, ``[{role, names}]``:
本报记者 李明 通讯员 王芳 -> [{role: 本报记者, names: [李明]}, {role: 通讯员, names: [王芳]}].
Pages written before groups existed hold one mapping ``{role, names}``; ``byline_groups``
reads both.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from typing import Any

# Chinese role -> (English for one name, for several). Longest roles are matched first, so
# 本报特约记者 is not read as 特约记者 and 全媒体记者 not as 记者.
ROLES: dict[str, tuple[str, str]] = {
    "本报记者": ("Staff reporter", "Staff reporters"),
    "本报首席记者": ("Chief staff reporter", "Chief staff reporters"),
    "本报全媒体记者": ("Staff multimedia reporter", "Staff multimedia reporters"),
    "本报融媒体记者": ("Staff multimedia reporter", "Staff multimedia reporters"),
    "本报见习记者": ("Staff trainee reporter", "Staff trainee reporters"),
    "本报实习记者": ("Staff intern reporter", "Staff intern reporters"),
    "本报特约记者": ("Contributing reporter", "Contributing reporters"),
    "本报通讯员": ("Correspondent", "Correspondents"),
    "本报特约通讯员": ("Special correspondent", "Special correspondents"),
    "本报摄影记者": ("Staff photographer", "Staff photographers"),
    "首席记者": ("Chief reporter", "Chief reporters"),
    "全媒体记者": ("Multimedia reporter", "Multimedia reporters"),
    "融媒体记者": ("Multimedia reporter", "Multimedia reporters"),
    "融媒记者": ("Multimedia reporter", "Multimedia reporters"),
    "特约记者": ("Contributing reporter", "Contributing reporters"),
    "特约通讯员": ("Special correspondent", "Special correspondents"),
    "见习记者": ("Trainee reporter", "Trainee reporters"),
    "实习记者": ("Intern reporter", "Intern reporters"),
    "摄影记者": ("Photographer", "Photographers"),
    "记者": ("Reporter", "Reporters"),
    "通讯员": ("Correspondent", "Correspondents"),
    "实习生": ("Intern", "Interns"),
}
# Longest first, for matching at the start of a byline token.
ROLE_NAMES = tuple(sorted(ROLES, key=len, reverse=True))

# A media outlet's name before a role, printed as one word: 天门网记者, 新华社记者, 荆州日报记者,
# 晚报记者, 县融媒体中心记者, 镇江报业全媒体记者. The role is kept as printed; its English is
# the outlet's name and the English of the role after it.
MEDIA_SUFFIXES = (
    "融媒体中心", "广播电视台", "新闻中心", "电视台", "客户端", "新闻网", "报业", "传媒", "日报",
    "晚报", "时报", "网", "社", "报", "台",
)  # fmt: skip
# Outlets with an established English name.
MEDIA_ENGLISH = {
    "新华社": "Xinhua", "新华网": "Xinhuanet", "人民日报": "People's Daily",
    "人民网": "People's Daily Online", "中新社": "China News Service", "中新网": "China News Service",
    "光明日报": "Guangming Daily", "经济日报": "Economic Daily", "央视": "CCTV",
    "中国日报": "China Daily", "晚报": "Evening News", "日报": "Daily", "时报": "Times",
}  # fmt: skip
_BASE_ROLES = "|".join(role for role in ROLE_NAMES if not role.startswith("本报"))
_MULTI_SUFFIXES = "|".join(s for s in MEDIA_SUFFIXES if len(s) > 1)
_SINGLE_SUFFIXES = "".join(s for s in MEDIA_SUFFIXES if len(s) == 1)
# An outlet and a role: a bare two-character suffix (晚报) is an outlet too, a one-character one
# (网, 社, 报, 台) needs a name before it.
MEDIA_ROLE = (
    rf"(?:[\u4e00-\u9fff]{{0,8}}?(?:{_MULTI_SUFFIXES})|[\u4e00-\u9fff]{{1,8}}?[{_SINGLE_SUFFIXES}])"
    rf"(?:{_BASE_ROLES})"
)
# Any byline role: one of the table, or an outlet and one of the table.
ROLE_PATTERN = "|".join(ROLE_NAMES) + "|" + MEDIA_ROLE
_MEDIA_ROLE_RE = re.compile(
    rf"((?:[\u4e00-\u9fff]{{0,8}}?(?:{_MULTI_SUFFIXES})|[\u4e00-\u9fff]{{1,8}}?[{_SINGLE_SUFFIXES}]))"
    rf"({_BASE_ROLES})"
)


def split_media_role(role: str) -> tuple[str, str] | None:
    """天门网记者 -> ("天门网", "记者"); None for a role of the table or no role at all."""
    role = role.strip()
    if role in ROLES:
        return None
    match = _MEDIA_ROLE_RE.fullmatch(role)
    return (match.group(1), match.group(2)) if match else None


def english_role(
    role: str | None, count: int, outlet: Callable[[str], str | None] | None = None
) -> str | None:
    """The English role for ``count`` names; None for a role not in the table.

    An outlet's role (天门网记者) is the outlet's English name and the role's: "Xinhua
    reporter"; ``outlet`` names an outlet without an established English name (pinyin),
    else the role alone is given ("Reporter").
    """
    forms = ROLES.get(role.strip()) if role else None
    if forms:
        return forms[0] if count == 1 else forms[1]
    media = split_media_role(role) if role else None
    if not media:
        return None
    name, base = media
    english = english_role(base, count)
    outlet_name = MEDIA_ENGLISH.get(name) or (outlet(name) if outlet else None)
    if not english or not outlet_name:
        return english
    return f"{outlet_name} {english[:1].lower()}{english[1:]}"


def byline_groups(value: Any) -> list[dict[str, Any]]:
    """A page's ``byline`` as a list of ``{role, names}`` groups, whichever form it has.

    Accepts the list of groups, the older single mapping, or null; leaves out anything that
    is not a mapping and groups without names.
    """
    items = [value] if isinstance(value, Mapping) else value if isinstance(value, list) else []
    groups = []
    for item in items:
        if not isinstance(item, Mapping):
            continue
        names = [str(name) for name in item.get("names") or [] if str(name).strip()]
        role = item.get("role")
        if names:
            groups.append({"role": str(role) if role else None, "names": names})
    return groups
