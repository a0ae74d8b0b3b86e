"""Property-based tests: any text imports without a crash and loses nothing."""

from __future__ import annotations

from collections import Counter

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from site_builder.content.blocks import escape, parse_body, unescape
from site_builder.content.errors import InputError
from site_builder.content.frontmatter import dump_front_matter, split_front_matter
from site_builder.convert.decode import text_lines
from site_builder.convert.importer import convert
from site_builder.convert.parse import parse_lines
from site_builder.convert.render import render_zh_page
from site_builder.convert.slug import make_slug

REPORTISH = list(
    "钢山街道完成财政收入亿元万个家年月日近余以上同比增长下降。,，、“”()（）：第版图为记者通讯员本报"
)
SPECIALS = list("*_[]<>&#!|-.`{}\\0123456789%— \t\u3000\u00a0")
report_text = st.lists(
    st.one_of(
        st.sampled_from(REPORTISH + SPECIALS),
        st.sampled_from(["\n", "\n\n", "\n\n\n", "\r\n"]),
        st.characters(blacklist_categories=("Cs", "Cc")),
    ),
    max_size=400,
).map("".join)


def _chars(text: str) -> Counter[str]:
    return Counter(ch for ch in text if not ch.isspace())


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(report_text)
def test_any_text_imports_and_every_body_character_lands_once(text):
    try:
        article, _ = convert(text.encode("utf-8"), "fuzz.txt")
    except InputError:
        return  # empty, binary or without article text: a clear error, not a crash
    lines = text_lines(text)
    skipped = set(article.metadata_lines)
    source = "".join(line for n, line in enumerate(lines, 1) if n not in skipped)
    page = render_zh_page(article, "source.txt", "fuzz.txt")
    _, body, first = split_front_matter(page)
    blocks = [pb.block for pb in parse_body(body, first) if pb.block.kind != "callout"]
    rendered = "".join(b.text + b.sub for b in blocks)
    assert _chars(rendered) == _chars(source)
    for figure in article.key_figures:
        assert figure.text in article.blocks[figure.block].text


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=80))
def test_escape_round_trips(text):
    assert unescape(escape(text)) == text


@settings(max_examples=200, deadline=None)
@given(st.text(min_size=1, max_size=60).filter(lambda t: t.splitlines() == [t]))
def test_front_matter_survives_hostile_titles(title):
    # Titles come from single lines, so they never hold a line break of any kind.
    article = parse_lines(["正文第一段,内容足够长,用来构成一个段落。"])
    article.meta.title = title
    article.meta.subtitle = "--- " + title
    page = render_zh_page(article, "source.txt", "x.txt")
    front, _, _ = split_front_matter(page)
    assert front["title"] == title
    assert front["subtitle"] == "--- " + title


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=80), st.text(max_size=30))
def test_slug_is_safe_for_any_title(title, region):
    slug = make_slug(None, None, region or None, title)
    assert slug and len(slug) <= 60
    assert set(slug) <= set("abcdefghijklmnopqrstuvwxyz0123456789-")
    assert ".." not in slug and "/" not in slug


figure_rows = st.lists(
    st.fixed_dictionaries(
        {
            "text": st.text(max_size=12),
            "label": st.text(max_size=12),
            "value": st.one_of(st.integers(), st.floats(allow_nan=False, allow_infinity=False)),
            "unit": st.sampled_from(["CNY", "percent", "mu", "yes", "null", "1.5", ""]),
            "qualifier": st.one_of(st.none(), st.just("more_than")),
            "yoy": st.booleans(),
        }
    ),
    max_size=5,
)


@settings(max_examples=300, deadline=None)
@given(figure_rows)
def test_key_figure_rows_round_trip(rows):
    rows = [r for r in rows if all(s.splitlines() == [s] or not s for s in (r["text"], r["label"]))]
    page = dump_front_matter({"title": "x", "key_figures": rows}) + "\n正文\n"
    front, _, _ = split_front_matter(page)
    assert front["key_figures"] == rows
