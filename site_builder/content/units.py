"""The one table of key-figure units and qualifiers: codes as front matter writes them, and
their words in English and Chinese. The converter, the schema, the English rules, `check`
and the site all read it here."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Unit:
    code: str
    one: str  # English noun, singular ("" = no noun: a bare count)
    many: str  # English noun, plural
    zh: str  # the Chinese measure word, as a table's unit column shows it
    symbol: str = ""  # a symbol a table's unit column uses instead of the English noun


UNITS: dict[str, Unit] = {
    unit.code: unit
    for unit in (
        # Money and measures, in base units (yuan, percentage points, mu, m², km, …).
        Unit("CNY", "yuan", "yuan", "元"),
        Unit("USD", "US dollar", "US dollars", "美元"),
        Unit("percent", "percent", "percent", "%", "%"),
        Unit("percentage_point", "percentage point", "percentage points", "个百分点"),
        Unit("mu", "mu", "mu", "亩"),
        Unit("m2", "square meter", "square meters", "平方米", "m²"),
        Unit("km2", "square kilometer", "square kilometers", "平方公里", "km²"),
        Unit("ha", "hectare", "hectares", "公顷", "ha"),
        Unit("m3", "cubic meter", "cubic meters", "立方米", "m³"),
        Unit("km", "km", "km", "公里", "km"),
        Unit("m", "meter", "meters", "米", "m"),
        Unit("ton", "ton", "tons", "吨", "t"),
        Unit("hour", "hour", "hours", "小时"),
        # What counts are counting.
        Unit("person", "person", "people", "人"),
        Unit("person_time", "visit", "visits", "人次"),
        Unit("household", "household", "households", "户"),
        Unit("enterprise", "enterprise", "enterprises", "家"),
        Unit("project", "project", "projects", "个"),
        Unit("item", "item", "items", "项"),
        Unit("case", "case", "cases", "件"),
        Unit("institution", "institution", "institutions", "所"),
        Unit("session", "session", "sessions", "场"),
        Unit("dose", "dose", "doses", "剂次"),
        Unit("time", "time", "times", "次"),
        Unit("site", "site", "sites", "处"),
        Unit("facility", "facility", "facilities", "座"),
        Unit("building", "building", "buildings", "栋"),
        Unit("vehicle", "vehicle", "vehicles", "辆"),
        Unit("team", "team", "teams", "支"),
        Unit("unit", "unit", "units", "个"),
        Unit("class", "class", "classes", "个"),
        Unit("copy", "copy", "copies", "份"),
        Unit("piece", "piece", "pieces", "件"),
        Unit("head", "head", "head", "头"),  # of livestock
        Unit("count", "", "", ""),
    )
}
UNIT_CODES = tuple(UNITS)


@dataclass(frozen=True)
class Qualifier:
    code: str
    en: str
    zh: str


QUALIFIERS: dict[str, Qualifier] = {
    q.code: q
    for q in (
        Qualifier("more_than", "more than", "以上"),  # 余/多/超/以上/逾
        Qualifier("nearly", "nearly", "近"),
        Qualifier("about", "about", "约"),
        Qualifier("up_to", "up to", "至多"),  # 以内
    )
}
QUALIFIER_CODES = tuple(QUALIFIERS)
