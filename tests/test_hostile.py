"""Hostile text in every content field stays text on every page of a real `mkdocs build`.

Strings that close a tag and open a script, add an event handler or a ``javascript:`` link
are put into titles, subtitles, labels, names, the glossary, metrics.yml, editor notes and
photo captions of both languages; the built HTML is parsed and every script element, event
handler attribute and script URL is counted per page. A build may have no more of them than
the same site built from clean text (Material's and our own scripts).
"""

from __future__ import annotations

import json
from collections import Counter
from html.parser import HTMLParser
from pathlib import Path

import markdown
import pytest
import yaml
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from tests.sites import ROOT, build_files
from tests.test_site_build import FILES, REPORT_EN, REPORT_ZH, SLUG

HOSTILE = (
    "</title><script>alert(1)</script>",
    '"><img src=x onerror=alert(2)>',
    "[click](javascript:alert(3))",
    "<a href='javascript:alert(4)'>link</a>",
    "'><svg onload=alert(5)>",
    "<iframe src=javascript:alert(6)></iframe>",
    "&lt;script&gt;alert(7)&lt;/script&gt;",  # entities that a careless unescape makes live
)

# Where each field goes: (file, what in it is replaced, how the value is written there).
FIELDS = {
    "zh.title": (f"reports/{SLUG}/index.zh.md", "title: 敢立潮头 奋楫扬帆", "title: {}"),
    "zh.subtitle": (
        f"reports/{SLUG}/index.zh.md",
        "subtitle: 测试街道2021年高质量发展纪实",
        "subtitle: {}",
    ),
    "zh.publication": (f"reports/{SLUG}/index.zh.md", "publication: 济宁日报", "publication: {}"),
    "zh.edition": (f"reports/{SLUG}/index.zh.md", "edition: 第04版", "edition: {}"),
    "zh.region": (f"reports/{SLUG}/index.zh.md", "region: 邹城市钢山街道", "region: {}"),
    "zh.byline": (f"reports/{SLUG}/index.zh.md", "names: [王茂征, 孙士勇]", "names: [王茂征, {}]"),
    "zh.label": (f"reports/{SLUG}/index.zh.md", "label: 财政收入", "label: {}"),
    "zh.editor_note": (
        f"reports/{SLUG}/index.zh.md",
        "editor_note: The editors moved the lede to the top.",
        "editor_note: {}",
    ),
    "zh.caption": (f"reports/{SLUG}/index.zh.md", "![北关社区幸福食堂]", "![北关社区{}]"),
    "en.title": (f"reports/{SLUG}/index.en.md", "title: Riding the Crest", "title: {}"),
    "en.subtitle": (
        f"reports/{SLUG}/index.en.md",
        "subtitle: A Record of Test Subdistrict in 2021",
        "subtitle: {}",
    ),
    "en.label": (f"reports/{SLUG}/index.en.md", "{label: fiscal revenue,", "{{label: {},"),
    "en.editor_note": (
        f"reports/{SLUG}/index.en.md",
        "translation:",
        "editor_note: {}\ntranslation:",
    ),
    "en.caption": (
        f"reports/{SLUG}/index.en.md",
        "![The Happiness Canteen of Beiguan Community]",
        "![The Canteen {}]",
    ),
    "zh.layout_note": (
        f"reports/{SLUG}/index.zh.md",
        "layout_notes: ['line 9: a photo caption was grouped after the text']",
        "layout_notes: [{}]",
    ),
    "glossary.zh": ("glossary.yml", "- zh: 邹城市钢山街道", "- zh: {}"),
    "glossary.en": ("glossary.yml", "en: attracting investment and talent", "en: {}"),
    "glossary.note": (
        "glossary.yml",
        "note: Recruiting businesses and capital as well as skilled people.",
        "note: {}",
    ),
}
METRIC_FIELDS = ("en", "zh", "definition", "definition_zh")


def hostile_files(values: dict[str, str], metric: dict[str, str]) -> dict[str, str | bytes]:
    """The test site with ``values`` written into their fields and ``metric`` into the
    vocabulary entry the report's second figure measures."""
    files = dict(FILES)
    # The growth figure measures a vocabulary metric, so its metric page is built too.
    files[f"reports/{SLUG}/index.zh.md"] = REPORT_ZH.replace(
        "label: 固定资产投资,", "label: 固定资产投资, metric: fixed_asset_investment,"
    )
    files[f"reports/{SLUG}/index.en.md"] = REPORT_EN
    for field, value in values.items():
        name, old, new = FIELDS[field]
        text = str(files[name])
        assert old in text, field
        # JSON strings are YAML double-quoted scalars; in the body the value is plain text.
        quoted = value if field.endswith("caption") else json.dumps(value, ensure_ascii=False)
        files[name] = text.replace(old, new.format(quoted), 1)
    vocabulary = yaml.safe_load((ROOT / "content" / "metrics.yml").read_text(encoding="utf-8"))
    for entry in vocabulary:
        if entry["id"] == "fixed_asset_investment":
            entry.update(metric)
    files["metrics.yml"] = yaml.safe_dump(vocabulary, allow_unicode=True, sort_keys=False)
    return files


class LiveMarkup(HTMLParser):
    """What runs in a page: script elements, event-handler attributes, script URLs, frames."""

    URL_ATTRIBUTES = ("href", "src", "action", "formaction", "xlink:href", "data", "poster")

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.found: Counter[tuple[str, ...]] = Counter()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "script":
            self.found[("script", dict(attrs).get("src") or "inline")] += 1
        if tag in ("iframe", "object", "embed", "base", "frame"):
            self.found[(tag,)] += 1
        for name, value in attrs:
            if name.startswith("on"):
                self.found[("handler", tag, name)] += 1
            url = "".join((value or "").split()).lower()
            if name in self.URL_ATTRIBUTES and url.startswith(("javascript:", "vbscript:")):
                self.found[("script-url", tag, name)] += 1

    handle_startendtag = handle_starttag


def live_markup(site: Path) -> dict[str, Counter[tuple[str, ...]]]:
    pages = {}
    for path in sorted(site.rglob("*.html")):
        parser = LiveMarkup()
        parser.feed(path.read_text(encoding="utf-8"))
        pages[path.relative_to(site).as_posix()] = parser.found
    return pages


@pytest.fixture(scope="module")
def clean_site(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Counter[tuple[str, ...]]]:
    return live_markup(build_files(tmp_path_factory.mktemp("clean"), hostile_files({}, {})))


def _hostile(base: st.SearchStrategy[str]) -> st.SearchStrategy[str]:
    """A hostile string, with a little ordinary text around it (a real title has some)."""
    words = st.text(alphabet="测试ab &'\"", max_size=4)
    return st.builds(lambda a, h, b: f"{a}{h}{b}".strip() or h, words, base, words)


hostile = _hostile(st.sampled_from(HOSTILE))
EVERYWHERE = {field: HOSTILE[i % len(HOSTILE)] for i, field in enumerate(FIELDS)}
EVERY_METRIC = {field: HOSTILE[i % len(HOSTILE)] for i, field in enumerate(METRIC_FIELDS)}


@settings(
    max_examples=4,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@example(values=EVERYWHERE, metric=EVERY_METRIC)
@given(
    values=st.fixed_dictionaries({}, optional={field: hostile for field in FIELDS}),
    metric=st.fixed_dictionaries({}, optional={field: hostile for field in METRIC_FIELDS}),
)
def test_hostile_text_in_any_field_never_becomes_live_markup(
    tmp_path_factory: pytest.TempPathFactory,
    clean_site: dict[str, Counter[tuple[str, ...]]],
    values: dict[str, str],
    metric: dict[str, str],
) -> None:
    built = live_markup(
        build_files(tmp_path_factory.mktemp("hostile"), hostile_files(values, metric))
    )
    assert set(built) == set(clean_site)  # the same pages
    added = {page: built[page] - clean_site[page] for page in built}
    assert {page: found for page, found in added.items() if found} == {}


@pytest.mark.parametrize(
    ("front", "reason"),
    [
        ('title: ["</title><script>alert(1)</script>"]', "E005 'title' must be text"),
        ("title: 一\ntitle: 二", "duplicate key 'title'"),
        ("date: 2022-02-30", "impossible date '2022-02-30'"),
    ],
)
def test_the_build_refuses_a_report_page_check_fails(
    tmp_path: Path, caplog: pytest.LogCaptureFixture, front: str, reason: str
) -> None:
    """A page the loader or the schema refuses is never published (it could be a draft, or
    show a list as its title): the build stops with one line naming the page."""
    from mkdocs.exceptions import Abort

    zh = REPORT_ZH.replace(
        "title: 敢立潮头 奋楫扬帆", front.replace("date:", "title: 标题\ndate:"), 1
    )
    zh = zh.replace("date: 2021-12-31\n", "", 1) if "date:" in front else zh
    with pytest.raises(Abort):
        build_files(tmp_path, {**FILES, f"reports/{SLUG}/index.zh.md": zh})
    errors = [r.getMessage() for r in caplog.records if r.levelname == "ERROR"]
    assert any(f"reports/{SLUG}/index.zh.md: " in e and reason in e for e in errors), errors


def test_a_draft_that_fails_the_schema_does_not_stop_the_public_build(tmp_path: Path) -> None:
    """An import without a title gives a draft check fails (E005) until an editor gives it
    one; the public build leaves drafts out, so it builds, without that report."""
    zh = REPORT_ZH.replace("title: 敢立潮头 奋楫扬帆", "draft: true\ntitle: null", 1)
    site = build_files(tmp_path, {**FILES, f"reports/{SLUG}/index.zh.md": zh})
    assert not (site / "reports" / SLUG).exists() and (site / "index.html").exists()


# What an editor writes (or pastes from a source page) into a page body is Markdown: its raw
# HTML is shown as text and its links, images and attribute lists carry no script.
BODY_MARKDOWN = """

<script>alert(10)</script>

<div onmouseover="alert(11)">块</div> <img src=x onerror=alert(12)> <!-- 注释 -->

[a](javascript:alert(13)) ![b](javascript:alert(14)) [c](JaVa&#115;cript&#58;alert(15))
[d][ref] [e](<java script:alert(16)>) ![f](data:text/html,x) [g](https://example.test/ok)

[ref]: javascript:alert(17)

段落文字。
{: onclick="alert(18)" style="position:fixed" }
"""


def test_raw_html_links_and_attributes_in_a_page_body_stay_text(
    tmp_path: Path, clean_site: dict[str, Counter[tuple[str, ...]]]
) -> None:
    files = hostile_files({}, {})
    for lang in ("zh", "en"):
        name = f"reports/{SLUG}/index.{lang}.md"
        files[name] = str(files[name]).rstrip("\n") + BODY_MARKDOWN
    files["about.en.md"] = str(files["about.en.md"]) + BODY_MARKDOWN
    site = build_files(tmp_path, files)
    built = live_markup(site)
    added = {page: built[page] - clean_site[page] for page in built}
    assert {page: found for page, found in added.items() if found} == {}
    page = (site / "zh" / "reports" / SLUG / "index.html").read_text(encoding="utf-8")
    assert "&lt;script&gt;alert(10)&lt;/script&gt;" in page  # shown, as written
    assert "注释" not in page  # an editor's comment is left out, not shown
    assert 'href="https://example.test/ok"' in page and 'style="position' not in page


@pytest.mark.parametrize(
    ("change", "page", "reason"),
    [
        ({"zh": REPORT_ZH.encode("gbk")}, "zh", "not UTF-8 text"),
        ({"en": REPORT_EN.encode("utf-8") + b"\xff"}, "en", "not UTF-8 text"),
        ({"zh": None}, "en", "no Chinese page (index.zh.md) beside it"),
    ],
    ids=["zh in GBK", "en not UTF-8", "English only"],
)
def test_a_report_page_the_build_cannot_read_stops_it_in_one_line(
    tmp_path: Path, caplog: pytest.LogCaptureFixture, change: dict, page: str, reason: str
) -> None:
    """A Chinese page saved in GBK, or an English page left without its Chinese page (E003,
    E002), was a UnicodeDecodeError or FileNotFoundError traceback from MkDocs."""
    from mkdocs.exceptions import Abort

    files = dict(FILES)
    for lang, data in change.items():
        name = f"reports/{SLUG}/index.{lang}.md"
        if data is None:
            del files[name]
        else:
            files[name] = data
    with pytest.raises(Abort):
        build_files(tmp_path, files)
    errors = [r.getMessage() for r in caplog.records if r.levelname == "ERROR"]
    assert f"digest: reports/{SLUG}/index.{page}.md: {reason}" in errors[0], errors


def test_a_period_the_site_cannot_read_is_shown_as_not_stated(tmp_path: Path) -> None:
    """`period: 上半年` on a key figure stopped the build with an AttributeError traceback."""
    zh = REPORT_ZH.replace("label: 新增四上企业,", "label: 新增四上企业, period: 上半年,", 1)
    site = build_files(tmp_path, {**FILES, f"reports/{SLUG}/index.zh.md": zh})
    page = (site / "zh" / "reports" / SLUG / "index.html").read_text(encoding="utf-8")
    assert "未注明时期" in page or "时期未注明" in page, "no 'period not stated'"


def test_a_colon_in_a_title_or_an_abbreviation_is_text_not_an_address() -> None:
    """Only attributes a browser follows as addresses are judged as addresses: an editor's
    abbreviation 'GDP: …' keeps its tooltip, a javascript: cite does not stay."""
    md = markdown.Markdown(extensions=["attr_list", "abbr", "site_builder.site.markdown_text"])
    page = md.convert(
        "*[GDP]: Gross domestic product: the value of output\n\nThe GDP grew.\n\n"
        'Text\n{: title="Note: see below" cite="javascript:alert(1)" }'
    )
    assert '<abbr title="Gross domestic product: the value of output">GDP</abbr>' in page
    assert '<p title="Note: see below">Text</p>' in page and "javascript" not in page
