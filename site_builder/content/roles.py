"""Byline roles: the one table the converter reads bylines with and the English names them by.

A byline is a list of role groups in byline order, ``[{role, names}]``:
本报记者 李明 通讯员 王芳 -> [{role: 本报记者, names: [李明]}, {role: 通讯员, names: [王芳]}].
Pages written before groups existed hold one mapping ``{role, names}``; ``byline_groups``
reads both.
"""

from __future__ import annotations

from collections.abc import Mapping
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


def english_role(role: str | None, count: int) -> str | None:
    """The English role for ``count`` names; None for a role not in the table."""
    forms = ROLES.get(role.strip()) if role else None
    if not forms:
        return None
    return forms[0] if count == 1 else forms[1]


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
