"""The metric vocabulary (content/metrics.yml): load, schema-check, look up by id or name.

The file is a YAML list of indicators::

    - id: fixed_asset_investment
      zh: 固定资产投资
      synonyms: [全社会固定资产投资, 固投]      # optional
      en: fixed-asset investment
      unit: CNY                               # one of UNIT_CODES
      other_units: [household]                # optional: units reports also count it in
      kind: amount                            # amount | growth | share | count
      definition: Spending on building, installing and equipping fixed assets.
      definition_zh: 一定时期内建造和购置固定资产的工作量。   # optional

Every metric remembers its line so that problems read ``path:line`` like the glossary's.
``read_metrics`` collects every problem; ``metric_problems`` also checks the ``metric`` ids
that report pages use, for ``site-builder check``.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from site_builder.content.errors import InputError, SiteBuilderError
from site_builder.content.files import read_file_text
from site_builder.content.layout import METRICS_FILE, ContentLayout
from site_builder.content.model import UNIT_CODES
from site_builder.content.pages import read_page
from site_builder.content.yaml_entries import entry_fields, line_of

KINDS = ("amount", "growth", "share", "count")
REQUIRED = ("id", "zh", "en", "unit", "kind", "definition")
OPTIONAL = ("synonyms", "definition_zh", "other_units")
ID_RE = re.compile(r"[a-z][a-z0-9]*(?:_[a-z0-9]+)*")
_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


@dataclass(frozen=True)
class Metric:
    """One indicator: its id, names in both languages, base unit and kind."""

    id: str
    zh: str
    en: str
    unit: str
    kind: str
    definition: str
    synonyms: tuple[str, ...] = ()
    definition_zh: str | None = None
    other_units: tuple[str, ...] = ()  # 新增市场主体1862户 counts market entities in 户
    line: int = 0  # 1-based line in metrics.yml (0 = not from a file)

    @property
    def units(self) -> tuple[str, ...]:
        return (self.unit, *self.other_units)

    @property
    def names(self) -> tuple[str, ...]:
        """The Chinese name first, then the synonyms."""
        return (self.zh, *self.synonyms)


@dataclass
class MetricProblem:
    line: int
    message: str


@dataclass
class Vocabulary:
    """The metrics of a content folder, by id and by every Chinese name."""

    metrics: list[Metric] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.by_id = {metric.id: metric for metric in self.metrics}
        self.by_name = {name: metric for metric in self.metrics for name in metric.names}

    def get(self, metric_id: object) -> Metric | None:
        return self.by_id.get(str(metric_id)) if metric_id else None

    def __iter__(self) -> Iterator[Metric]:
        return iter(self.metrics)

    def __len__(self) -> int:
        return len(self.metrics)


def read_metrics(path: Path) -> tuple[Vocabulary, list[MetricProblem]]:
    """Read ``path``: the valid metrics and every problem found (broken YAML is one problem at
    YAML's line). A missing file is an empty vocabulary; an unreadable one raises InputError."""
    if not path.exists():
        return Vocabulary(), []
    try:
        text = read_file_text(path, "metrics file")  # a FIFO or a folder would hang or fail
    except InputError as exc:
        raise InputError(path, f"cannot read the metrics ({exc.reason})") from None
    try:
        root = yaml.compose(text, Loader=_Loader)  # the node tree keeps every line
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        problem = getattr(exc, "problem", None) or str(exc).splitlines()[0]
        return Vocabulary(), [
            MetricProblem(mark.line + 1 if mark else 1, f"broken YAML ({problem})")
        ]
    if root is None:
        return Vocabulary(), []
    if not isinstance(root, yaml.SequenceNode):
        return Vocabulary(), [MetricProblem(line_of(root), "the metrics must be a list of entries")]
    metrics: list[Metric] = []
    problems: list[MetricProblem] = []
    ids: dict[str, int] = {}
    names: dict[str, tuple[str, int]] = {}
    for node in root.value:
        metric = _read_entry(node, problems)
        if metric is None:
            continue
        if metric.id in ids:
            message = f"duplicate id '{metric.id}' (first at line {ids[metric.id]})"
            problems.append(MetricProblem(metric.line, message))
            continue
        clash = next((n for n in metric.names if n in names), None)
        if clash is not None:
            other, line = names[clash]
            message = f"'{clash}' of '{metric.id}' already names '{other}' (line {line})"
            problems.append(MetricProblem(metric.line, message))
            continue
        ids[metric.id] = metric.line
        names.update({name: (metric.id, metric.line) for name in metric.names})
        metrics.append(metric)
    return Vocabulary(metrics), problems


def load_metrics(path: Path) -> Vocabulary:
    """The valid metrics of ``path`` (problems are for ``check`` to report)."""
    return read_metrics(path)[0]


def metric_problems(content: Path) -> list[tuple[Path, int, str, str]]:
    """(path, line, code, message) for ``site-builder check``: E071 for a problem in
    metrics.yml, E072 for a report's key figure whose ``metric`` is not in it."""
    path = content / METRICS_FILE
    try:
        vocabulary, problems = read_metrics(path)
    except SiteBuilderError as exc:
        return [(path, 1, "E071", exc.reason)]
    found = [(path, p.line, "E071", p.message) for p in problems]
    found += _unknown_ids(content, vocabulary)
    return found


def _unknown_ids(content: Path, vocabulary: Vocabulary) -> list[tuple[Path, int, str, str]]:
    found: list[tuple[Path, int, str, str]] = []
    for page_path in sorted(ContentLayout(content).reports.glob("*/index.zh.md")):
        try:
            text = read_file_text(page_path)
        except InputError:
            continue  # check reports unreadable pages itself
        if "metric:" not in text:
            continue
        try:
            page = read_page(page_path)
        except SiteBuilderError:
            continue
        figures = page.meta.get("key_figures")
        for index, figure in enumerate(figures if isinstance(figures, list) else []):
            metric_id = figure.get("metric") if isinstance(figure, dict) else None
            if metric_id and vocabulary.get(metric_id) is None:
                line = page.line_of(("key_figures", index))
                known = "none defined" if not len(vocabulary) else f"see {METRICS_FILE}"
                message = f"key_figures[{index}].metric '{metric_id}' is not a metric ({known})"
                found.append((page_path, line, "E072", message))
    return found


def _read_entry(node: yaml.Node, problems: list[MetricProblem]) -> Metric | None:
    line = line_of(node)
    if not isinstance(node, yaml.MappingNode):
        problems.append(
            MetricProblem(line, "an entry must be a mapping with " + ", ".join(REQUIRED))
        )
        return None
    fields: dict[str, object] = {}
    entries, issues = entry_fields(node, REQUIRED + OPTIONAL)
    problems.extend(MetricProblem(at, message) for at, message in issues)
    ok = not issues
    for key, value_node in entries:
        if key in ("synonyms", "other_units"):
            values = _texts(value_node)
            if values is None:
                problems.append(
                    MetricProblem(line_of(value_node), f"'{key}' must be a list of text")
                )
                ok = False
            elif key == "other_units" and (bad := [u for u in values if u not in UNIT_CODES]):
                message = (
                    f"unknown unit '{bad[0]}' in other_units (one of: {', '.join(UNIT_CODES)})"
                )
                problems.append(MetricProblem(line_of(value_node), message))
                ok = False
            fields[key] = values
        elif isinstance(value_node, yaml.ScalarNode) and value_node.value.strip():
            fields[key] = value_node.value.strip()
        else:
            problems.append(MetricProblem(line_of(value_node), f"'{key}' must be text"))
            ok = False
    missing = [key for key in REQUIRED if not fields.get(key)]
    if missing:
        problems.append(
            MetricProblem(
                line, f"entry lacks {', '.join(missing)} (required: {', '.join(REQUIRED)})"
            )
        )
        return None
    checks = (
        (ID_RE.fullmatch(str(fields["id"])), f"id '{fields['id']}' must be lower-case words joined by _ (fixed_asset_investment)"),
        (fields["unit"] in UNIT_CODES, f"unknown unit '{fields['unit']}' (one of: {', '.join(UNIT_CODES)})"),
        (fields["kind"] in KINDS, f"unknown kind '{fields['kind']}' (one of: {', '.join(KINDS)})"),
    )  # fmt: skip
    for passed, message in checks:
        if not passed:
            problems.append(MetricProblem(line, message))
            ok = False
    if not ok:
        return None
    return Metric(
        id=str(fields["id"]),
        zh=str(fields["zh"]),
        en=str(fields["en"]),
        unit=str(fields["unit"]),
        kind=str(fields["kind"]),
        definition=str(fields["definition"]),
        synonyms=tuple(fields.get("synonyms") or ()),  # type: ignore[arg-type]
        definition_zh=str(fields["definition_zh"]) if fields.get("definition_zh") else None,
        other_units=tuple(fields.get("other_units") or ()),  # type: ignore[arg-type]
        line=line,
    )


def _texts(node: yaml.Node) -> list[str] | None:
    if not isinstance(node, yaml.SequenceNode):
        return None
    values = [item.value.strip() for item in node.value if isinstance(item, yaml.ScalarNode)]
    if len(values) != len(node.value) or not all(values):
        return None
    return values


def metric_ids(figures: Iterable[object]) -> list[str]:
    """The metric ids a list of key-figure mappings uses, each once, in order."""
    seen: dict[str, None] = {}
    for figure in figures:
        metric_id = figure.get("metric") if isinstance(figure, dict) else None
        if isinstance(metric_id, str) and metric_id:
            seen.setdefault(metric_id, None)
    return list(seen)


def is_change(figure: Mapping[str, Any], metric: Metric) -> bool:
    """A change of the metric (同比增长50.7%) rather than a value of it (70.92亿元)."""
    return bool(figure.get("yoy")) or (figure.get("unit") == "percent" and metric.unit != "percent")
