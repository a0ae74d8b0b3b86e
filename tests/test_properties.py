"""Property-based tests: any text imports without a crash and loses nothing; reports built
from the parts real ones have (headings, captions, bylines, chrome, sentences with figures),
in every form (text, Traditional, GB18030, one line, hard-wrapped, Founder HTML), import
whole with their figures. `make properties` shows how often each form and assertion is hit.
"""

from __future__ import annotations

import html
from collections import Counter
from decimal import Decimal

import cn2an
import opencc
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from site_builder.content.blocks import escape, unescape
from site_builder.content.errors import InputError
from site_builder.content.frontmatter import CONTROL_RE, dump_front_matter, split_front_matter
from site_builder.content.model import Byline
from site_builder.content.roles import ROLES
from site_builder.convert.characters import analysis_text
from site_builder.convert.render import render_zh_page
from site_builder.convert.slug import make_slug
from site_builder.convert.structure.parse import parse_lines
from tests.accounting import assert_nothing_lost

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
        article = assert_nothing_lost(text.encode("utf-8"), "fuzz.txt")
    except InputError:
        event("rejected: empty or without article text")
        return  # empty, binary or without article text: a clear error, not a crash
    event("imported")
    for figure in article.key_figures:
        assert figure.text in article.blocks[figure.block].text


# --- structured reports: the forms reports really come in --------------------------------

SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何林罗高郑梁谢宋唐许韩冯邓曹彭曾"
GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰嘉怡振宇晓燕建国"
PLACES = ["钢山街道", "东湖街道", "白沙镇", "枫原镇", "河口镇", "山桥镇", "双山街道"]
LABELS = ["财政收入", "固定资产投资", "一般公共预算收入", "地区生产总值", "工业总产值", "税收"]
FILLERS = [
    "各项工作取得明显成效", "经济社会发展呈现良好态势", "为全年目标打下坚实基础",
    "群众获得感幸福感持续增强", "发展质量和效益稳步提升",
]  # fmt: skip
# unit as printed -> (unit code, multiplier)
UNITS = {"亿元": ("CNY", 10**8), "万元": ("CNY", 10**4), "元": ("CNY", 1), "亩": ("mu", 1),
         "人": ("person", 1), "家": ("enterprise", 1), "公里": ("km", 1),
         "万平方米": ("m2", 10**4)}  # fmt: skip
QUALIFIER_BEFORE = {"": None, "近": "nearly", "约": "about", "超": "more_than"}
ROLE_LIST = sorted(ROLES)

names = st.builds(
    lambda surname, given: surname + given,
    st.sampled_from(SURNAMES),
    st.text(alphabet=GIVEN, min_size=1, max_size=2),
)


@st.composite
def figures(draw):
    """A quantity as reports print it, with the value and unit it means."""
    unit = draw(st.sampled_from(sorted(UNITS)))
    code, multiplier = UNITS[unit]
    chinese = multiplier == 1 and draw(st.booleans())
    if chinese:
        number = draw(st.integers(11, 99999).filter(lambda n: n % 10 or n > 100))
        printed, value = cn2an.an2cn(number), number
    elif draw(st.booleans()):
        whole, tenths = draw(st.integers(1, 9999)), draw(st.integers(1, 99))
        printed, value = f"{whole}.{tenths:02d}".rstrip("0"), float(f"{whole}.{tenths:02d}")
    else:
        number = draw(st.integers(2, 99999))
        printed, value = str(number), number
    before = draw(st.sampled_from(sorted(QUALIFIER_BEFORE)))
    more = "" if before or chinese and unit != "元" and False else draw(st.sampled_from(["", "余"]))
    if more and multiplier > 1:  # 3000余万元: 余 comes before the 万
        text = f"{before}{printed}余{unit}"
    else:
        text = f"{before}{printed}{more}{unit}"
    qualifier = QUALIFIER_BEFORE[before] or ("more_than" if more else None)
    # exact decimal arithmetic, as the converter does: 64.01 * 1e8 is 6401000000.000001 in floats
    return text, float(Decimal(str(value)) * multiplier), code, qualifier


@st.composite
def sentences(draw):
    """A sentence of 30+ characters carrying one figure (and maybe a growth rate)."""
    text, value, unit, qualifier = draw(figures())
    place = draw(st.sampled_from(PLACES))
    label = draw(st.sampled_from(LABELS))
    filler = draw(st.sampled_from(FILLERS))
    expected = [(value, unit, qualifier)]
    sentence = f"2022年,{place}全年完成{label}{text}"
    if draw(st.booleans()):
        rate = draw(st.integers(1, 300)) / 10
        sentence += f",同比增长{rate:g}%"
        expected.append((rate, "percent", None))
    return sentence + f",{filler}。", expected


@st.composite
def sections(draw, number):
    """A heading in one of the forms reports use, and its paragraphs (and maybe a photo)."""
    form = draw(st.sampled_from(["two-line", "numbered", "bracket", "run-in", "sentence"]))
    words = draw(st.sampled_from(["聚焦项目建设", "优化营商环境", "深化改革创新", "改善民生福祉"]))
    numeral = "一二三四五六七八九十"[number]
    paragraphs = draw(st.lists(sentences(), min_size=1, max_size=3))
    first, expected = paragraphs[0][0], [e for _, found in paragraphs for e in found]
    lines: list[str] = []
    heading = {
        "two-line": (words, "激发高质量发展新动能"),
        "numbered": (f"{numeral}、{words}", ""),
        "bracket": (f"【{words}】", ""),
        "run-in": (f"{numeral}、{words}。", ""),
        "sentence": (f"{words}。", ""),
    }[form]
    if form == "two-line":
        lines += [heading[0], "", heading[1], ""]
    elif form == "run-in":
        first = heading[0] + first
    else:
        lines += [heading[0], ""]
    lines += [first, ""] + [p for p, _ in paragraphs[1:] for p in (p, "")]
    if draw(st.booleans()):
        credit = " " + draw(names) + " 摄" if draw(st.booleans()) else ""
        lines += ["", f"图为{words}现场。{credit}", "", ""]
    return lines, heading, expected


@st.composite
def reports(draw):
    place = draw(st.sampled_from(PLACES))
    title = draw(st.sampled_from(["奋楫扬帆谱新篇", "潮涌东湖正扬帆", "创新实干 勇创一流"]))
    header: list[str] = []
    if draw(st.booleans()):
        header += [
            f"2022年12月{draw(st.integers(1, 31))}日",
            f"第0{draw(st.integers(1, 9))}版:要闻",
            "",
        ]
    header += [title, "", f"——{place}2022年高质量发展纪实", ""]
    groups = draw(
        st.lists(
            st.tuples(st.sampled_from(ROLE_LIST), st.lists(names, min_size=1, max_size=3)),
            max_size=2,
            unique_by=lambda group: group[0],
        )
    )
    if groups:
        header += [" ".join(" ".join([role, *people]) for role, people in groups), ""]
    lede, lede_figures = draw(sentences())
    body = [lede, ""]
    headings, expected = [], list(lede_figures)
    for number in range(draw(st.integers(1, 3))):
        lines, heading, found = draw(sections(number))
        body += lines
        headings.append(heading)
        expected += found
    chrome = draw(st.booleans())
    top = (
        ["首页 > 新闻中心 > 乡镇动态", "发布时间：2023-01-10 09:30 来源：本站", ""]
        if chrome
        else []
    )
    bottom = ["", "上一篇：全县召开经济工作会议", "版权所有 某某县人民政府"] if chrome else []
    form = draw(st.sampled_from(["text", "traditional", "gb18030", "one-line", "wrapped", "html"]))
    return {"form": form, "title": title, "groups": groups, "headings": headings,
            "expected": expected, "lines": top + header + body + bottom, "chrome": chrome,
            "body": body, "place": place}  # fmt: skip


def hard_wrap(paragraph: str, width: int) -> list[str]:
    text = "\u3000\u3000" + paragraph
    return [text[i : i + width] for i in range(0, len(text), width)]


def render_form(report) -> bytes:
    lines, form = report["lines"], report["form"]
    if form == "one-line":
        return " ".join(line for line in lines if line).encode("utf-8")
    if form == "wrapped":
        out = []
        for line in lines:
            out += hard_wrap(line, 24) if len(line) > 30 else [line]
        return "\n".join(out).encode("utf-8")
    text = "\n".join(lines) + "\n"
    if form == "traditional":
        return opencc.OpenCC("s2t").convert(text).encode("utf-8")
    if form == "gb18030":
        return text.replace("\n", "\r\n").encode("gb18030")
    if form == "html":
        paragraphs = "".join(f"<p>{html.escape(line)}</p>\n" for line in report["body"] if line)
        return FOUNDER_PAGE.format(title=report["title"], body=paragraphs).encode("utf-8")
    return text.encode("utf-8")


FOUNDER_PAGE = """<!DOCTYPE html><html><head><meta charset="utf-8"><title>{title}--临江日报</title>
<script>var x = 1;</script></head><body>
<div class="nav">今日 <a href="#">首页</a> -<a href="#">在线投稿</a> -<a href="#">往期报纸</a></div>
<div id="ozoom"><!--enpproperty <articleid>1</articleid><date>2022-12-30 00:00:00:0</date>
<title>{title}</title><subtitle>——某某街道2022年发展纪实</subtitle><nodename>第A2版：要闻</nodename>
/enpproperty--><founder-content>
{body}</founder-content></div>
<div class="footer">临江日报社版权所有</div></body></html>"""


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(reports())
def test_reports_in_every_form_import_whole_with_their_figures(report):
    form = report["form"]
    event(f"form: {form}")
    article = assert_nothing_lost(
        render_form(report), f"report.{'html' if form == 'html' else 'txt'}"
    )
    event("imported, nothing lost")
    found = {(f.value, f.unit, f.qualifier) for f in article.key_figures}
    missing = [e for e in report["expected"] if e not in found]
    assert not missing, (
        missing,
        [(f.text, f.value, f.unit, f.qualifier) for f in article.key_figures],
    )
    event("every figure found")
    meta = article.meta
    if form == "html":
        assert meta.title == report["title"] and meta.publication == "临江日报"
        return
    if form != "traditional":
        assert meta.title == report["title"]
    expected_groups = [Byline(role, people) for role, people in report["groups"]]
    printed = [Byline(g.role, [analysis_text(n) for n in g.names]) for g in meta.byline]
    assert printed == expected_groups
    if report["chrome"]:
        assert any("page chrome left out" in note for note in article.layout_notes)
    if form in ("text", "gb18030", "traditional"):
        headings = [
            (analysis_text(b.text), analysis_text(b.sub))
            for b in article.blocks
            if b.kind == "heading"
        ]
        assert headings == report["headings"]
        event("every heading found")


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
    # Control characters are left out: the loader refuses them (E004).
    assert front["title"] == CONTROL_RE.sub("", title)
    assert front["subtitle"] == "--- " + CONTROL_RE.sub("", title)


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
    readable = [
        {k: CONTROL_RE.sub("", v) if isinstance(v, str) else v for k, v in r.items()} for r in rows
    ]
    assert front["key_figures"] == readable
