"""Plain data passed between the stages: decode -> parse -> figures -> render."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

from site_builder.content.units import UNIT_CODES  # noqa: F401 - the converter imports it here

BlockKind = Literal["heading", "paragraph", "caption", "credit", "callout"]


@dataclass
class Block:
    """One unit of the article body, aligned one-to-one between languages.

    ``text`` is plain text (never Markdown). For a paragraph, ``lead`` is the
    length of its emphasised lead sentence at the start of ``text`` (0 = none).
    For a heading, ``sub`` is the second line of a two-line heading.
    ``line`` is the 1-based line of the source the block came from.
    """

    kind: BlockKind
    text: str
    lead: int = 0
    sub: str = ""
    line: int = 0


@dataclass
class KeyFigure:
    text: str  # exact substring of the body
    label: str
    value: float | int
    unit: str
    qualifier: str | None = None  # more_than, nearly, about, up_to
    yoy: bool = False
    headline: bool = False
    block: int = -1  # index of the body block the figure was found in (not saved)
    value_max: float | int | None = None  # upper end of a range
    id: str = ""  # stable identity, given once at render (content/identity.py)
    metric: str | None = None  # id in content/metrics.yml, when the figure measures one
    period: str | None = None  # when the text narrows the report's period: 2021-01/11
    estimate: bool = False  # 预计/预期/有望: an expected value, not a result (saved only when true)

    def as_dict(self) -> dict[str, object]:
        data: dict[str, object] = {"id": self.id} if self.id else {}
        data |= {
            "text": self.text,
            "label": self.label,
            "metric": self.metric,
        }
        if self.period:
            data["period"] = self.period
        if self.estimate:
            data["estimate"] = True
        data |= {
            "value": self.value,
            "unit": self.unit,
            "qualifier": self.qualifier,
            "yoy": self.yoy,
            "headline": self.headline,
        }
        if self.value_max is not None:
            data["value_max"] = self.value_max
        return data


@dataclass
class Byline:
    """One role group of a byline: 本报记者 李明 -> Byline("本报记者", ["李明"])."""

    role: str | None = None
    names: list[str] = field(default_factory=list)


@dataclass
class Metadata:
    title: str = ""
    subtitle: str | None = None
    date: str | None = None  # ISO publication date
    period: str | None = None
    publication: str | None = None
    edition: str | None = None  # 第A2版
    section: str | None = None  # the edition's section name: 要闻 in 第A2版：要闻
    byline: list[Byline] = field(default_factory=list)  # role groups in byline order
    region: str | None = None
    source_page: str | None = None  # e-paper page id, e.g. content_89057.html
    # The region resolved in a gazetteer: [province, prefecture, county, township] as far as
    # known, the division code of the region's own unit, and its level (LEVELS); empty/None
    # when the region is unknown or ambiguous.
    region_path: list[str] = field(default_factory=list)
    region_code: str | None = None
    level: str | None = None


@dataclass
class ReviewItem:
    """One of the converter's doubts for the editor: a code of content/review_codes.py and one
    English sentence that says what to check."""

    code: str
    message: str


@dataclass
class SetAside:
    """Source text that is not in the page body: read into the metadata, or page chrome.

    ``line`` is the 1-based line of the source file it came from.
    """

    line: int
    text: str
    reason: Literal["metadata", "chrome"]


@dataclass
class Article:
    meta: Metadata
    blocks: list[Block]
    layout_notes: list[str] = field(default_factory=list)
    key_figures: list[KeyFigure] = field(default_factory=list)
    # Everything of the source that is not in ``blocks``: with the blocks, the whole text.
    set_aside: list[SetAside] = field(default_factory=list)
    review: list[ReviewItem] = field(default_factory=list)  # the converter's doubts

    @property
    def metadata_lines(self) -> list[int]:
        """Source lines set aside (metadata or chrome), for sources with one piece per line."""
        return sorted({piece.line for piece in self.set_aside})
