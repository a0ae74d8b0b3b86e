"""One schema for report front matter (Chinese and English pages), with key paths in messages."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from site_builder.content.periods import parse_period
from site_builder.content.review_codes import REVIEW_CODES
from site_builder.content.units import QUALIFIER_CODES, UNIT_CODES


@dataclass(frozen=True)
class Key:
    """One front-matter key: its type, whether it must be present, may be null, its choices.

    type: text | url (http or https) | number | bool | date | period | texts (list of text) | map (``fields``) |
    maps (list of maps with ``fields``) | any (free-form mapping).
    """

    type: str
    required: bool = True
    nullable: bool = False
    choices: tuple[str, ...] = ()
    fields: Mapping[str, Key] | None = None
    one_or_many: bool = False  # "maps" that may also be one mapping (an older page's byline)


Schema = Mapping[str, Key]

UNITS = UNIT_CODES
QUALIFIERS = QUALIFIER_CODES
STATUSES = ("reviewed", "draft", "machine", "pending")
WEB_ADDRESS_RE = re.compile(r"https?://\S+$")
LEVELS = ("province", "prefecture", "county", "township")
# Keys MkDocs and Material read from any page; allowed without a warning.
MKDOCS_KEYS = ("template", "hide", "search", "description", "tags", "icon", "comments", "status")

ZH_FIGURE: Schema = {
    # Optional: a figure an editor adds by hand gets one from `translate` (content/identity.py).
    "id": Key("text", required=False),
    "text": Key("text"),
    "label": Key("text"),
    # An id from content/metrics.yml (check reports unknown ids) and a narrower period.
    "metric": Key("text", nullable=True, required=False),
    "period": Key("period", nullable=True, required=False),
    "value": Key("number"),
    "unit": Key("text", choices=tuple(UNITS)),
    "qualifier": Key("text", nullable=True, required=False, choices=QUALIFIERS),
    "yoy": Key("bool", required=False),
    # 预计/预期/有望: a forecast, shown as "expected" wherever the figure appears.
    "estimate": Key("bool", required=False),
    "headline": Key("bool", required=False),
    "value_max": Key("number", nullable=True, required=False),
}
# One of the converter's doubts (content/review_codes.py), in a draft page.
REVIEW_ITEM: Schema = {"code": Key("text", choices=tuple(REVIEW_CODES)), "message": Key("text")}
BYLINE_GROUP: Schema = {"role": Key("text", nullable=True), "names": Key("texts")}
ZH_PAGE: Schema = {
    # Written by `import`; an editor removes it (or runs `review --publish`): published.
    "draft": Key("bool", required=False),
    # What the converter doubted, for the editor (the review queue and the preview show it).
    "review": Key("maps", nullable=True, required=False, fields=REVIEW_ITEM),
    "title": Key("text"),
    "subtitle": Key("text", nullable=True, required=False),
    "date": Key("date", nullable=True),
    "period": Key("period", nullable=True, required=False),
    "publication": Key("text", nullable=True),
    "edition": Key("text", nullable=True),
    "section": Key("text", nullable=True, required=False),
    # A list of role groups; pages from before groups hold one {role, names} mapping.
    "byline": Key("maps", nullable=True, fields=BYLINE_GROUP, one_or_many=True),
    "region": Key("text", nullable=True),
    # The region's administrative path (province, prefecture, county, township as far as
    # resolved), its division code and level, when the converter or an editor resolved them.
    "region_path": Key("texts", nullable=True, required=False),
    "region_code": Key("text", nullable=True, required=False),
    "level": Key("text", nullable=True, required=False, choices=LEVELS),
    "source": Key("text", nullable=True, required=False),
    "source_page": Key("text", nullable=True, required=False),
    # where the report was published (http or https), linked from its source view
    "source_url": Key("url", nullable=True, required=False),
    "key_figures": Key("maps", fields=ZH_FIGURE),
    "layout_notes": Key("texts", nullable=True, required=False),
    "editor_note": Key("text", nullable=True, required=False),
    "generated": Key("any", nullable=True, required=False),
}
EN_PAGE: Schema = {
    "title": Key("text", nullable=True),  # null: not translated yet (W060)
    "subtitle": Key("text", nullable=True, required=False),
    # Null label/text = not translated yet (W060), as `translate` leaves them for a translator.
    "key_figures": Key(
        "maps",
        fields={
            # Both absent on a legacy page, paired by position until `site-builder migrate`.
            "id": Key("text", required=False),
            "label": Key("text", nullable=True),
            "text": Key("text", nullable=True),
            "label_digest": Key("text", required=False),
        },
    ),
    "translation": Key(
        "map",
        fields={"status": Key("text", choices=STATUSES), "source_digests": Key("texts")},
    ),
    "editor_note": Key("text", nullable=True, required=False),
}


@dataclass
class SchemaIssue:
    key: tuple[str | int, ...]
    message: str
    warning: bool = False  # an unknown key (a typo?) or an address the site leaves out


def validate(data: Mapping[str, Any], schema: Schema) -> list[SchemaIssue]:
    """Check front matter against a schema; every message names the key (a.b[2].c)."""
    issues: list[SchemaIssue] = []
    _validate_map(data, schema, (), issues, top=True)
    return issues


def _validate_map(
    data: Mapping[str, Any],
    schema: Schema,
    where: tuple[str | int, ...],
    issues: list[SchemaIssue],
    top: bool = False,
) -> None:
    for name, key in schema.items():
        if name not in data:
            if key.required:
                issues.append(SchemaIssue(where, f"missing key '{_name(where + (name,))}'"))
            continue
        _validate_value(data[name], key, where + (name,), issues)
    for name in data:
        if name not in schema and not (top and name in MKDOCS_KEYS):
            known = ", ".join(schema)
            message = f"unknown key '{_name(where + (str(name),))}' (known: {known})"
            issues.append(SchemaIssue(where + (str(name),), message, warning=True))


def _validate_value(value: Any, key: Key, where: tuple, issues: list[SchemaIssue]) -> None:
    name = _name(where)
    if value is None:
        if not key.nullable:
            issues.append(SchemaIssue(where, f"'{name}' must not be empty"))
        return
    if key.one_or_many and isinstance(value, dict) and key.fields is not None:
        _validate_map(value, key.fields, where, issues)
        return
    expected = _TYPE_CHECKS[key.type]
    if not expected[1](value):
        got = type(value).__name__
        issues.append(SchemaIssue(where, f"'{name}' must be {expected[0]}, not {got} {value!r}"))
        return
    if key.choices and value not in key.choices:
        allowed = ", ".join(key.choices)
        issues.append(SchemaIssue(where, f"'{name}' is {value!r}; one of: {allowed}"))
    if key.type == "period" and parse_period(value) is None:  # the site cannot say it
        readable = "2021, 2021-2022, 2021-01/11, 2022-09"
        message = f"'{name}' is {value!r}, not a period the site can read ({readable})"
        issues.append(SchemaIssue(where, f"{message}: it shows 'period not stated'", warning=True))
    if key.type == "url" and not is_web_address(value):  # the site leaves it out: say so
        message = f"'{name}' is {value!r}, not an http or https address: the site does not link it"
        issues.append(SchemaIssue(where, message, warning=True))
    if key.type == "text" and not value.strip() and not key.nullable:
        issues.append(SchemaIssue(where, f"'{name}' must not be empty"))
    if key.type == "map" and key.fields is not None:
        _validate_map(value, key.fields, where, issues)
    if key.type == "maps" and key.fields is not None:
        for index, item in enumerate(value):
            if isinstance(item, dict):
                _validate_map(item, key.fields, where + (index,), issues)
            else:
                message = (
                    f"'{_name(where + (index,))}' must be a mapping of {', '.join(key.fields)}"
                )
                issues.append(SchemaIssue(where + (index,), message))


def is_web_address(value: str) -> bool:
    """An http or https address (what a page may link to as a report's original)."""
    return WEB_ADDRESS_RE.match(value.strip()) is not None


def _is_iso_date(value: Any) -> bool:
    if isinstance(value, dt.date):
        return True
    try:
        dt.date.fromisoformat(str(value))
    except ValueError:
        return False
    return True


_TYPE_CHECKS: dict[str, tuple[str, Any]] = {
    "text": ("text", lambda v: isinstance(v, str)),
    "url": ("text", lambda v: isinstance(v, str)),
    "number": ("a number", lambda v: isinstance(v, int | float) and not isinstance(v, bool)),
    "bool": ("true or false", lambda v: isinstance(v, bool)),
    "date": ("an ISO date (2021-12-31)", _is_iso_date),
    "period": ("a year or years as text ('2021')", lambda v: isinstance(v, str | int)),
    "texts": (
        "a list of text",
        lambda v: isinstance(v, list) and all(isinstance(x, str) for x in v),
    ),
    "map": ("a mapping", lambda v: isinstance(v, dict)),
    "maps": ("a list of mappings", lambda v: isinstance(v, list)),
    "any": ("a mapping", lambda v: isinstance(v, dict)),
}


def _name(where: tuple[str | int, ...]) -> str:
    out = ""
    for part in where:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out
