"""“Cite this report”: a real `mkdocs build --strict` of report pages in both languages,
asserting on what Zotero and Google Scholar read (the Highwire ``citation_*`` meta tags in
the head) and on the citations a reader copies from the Cite panel: the BibTeX parses with
bibtexparser, the RIS has its required tags, the plain text names the paper, date, page,
headline in both languages, region, translator and permalink. The bilingual view, a small
document of its own, has no Cite panel: it links to the report pages, which do.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

import bibtexparser
import pytest
from bibtexparser import middlewares
from hypothesis import given
from hypothesis import strategies as st

from site_builder.site.cite import Citation, Person, byline_names, cite_panel
from site_builder.site.cite_formats import ACCESSED, bibtex, plain_text, ris
from tests.sites import SITE_URL, build_files
from tests.test_site_build import FILES, SLUG

ZH_NAME = "地方政府报道摘编"  # the zh site_name in mkdocs.yml: the translator on Chinese pages
EN_NAME = "Local Government Report Digest"
GROUPS = "2022-06-30-grouped-byline"

# A byline in the list-of-groups shape (one {role, names} per role), and a title with LaTeX's
# special characters, which the BibTeX must escape.
GROUPED_ZH = """---
title: 50%的增长 & {新}篇章
date: 2022-06-30
period: '2022'
publication: 大众日报
edition: 第A3版
byline:
- {role: 本报记者, names: [李明]}
- {role: 通讯员, names: [王芳, 欧阳修]}
region: 章丘区双山街道
key_figures: []
---

双山街道上半年工作稳步推进。
"""
GROUPED_EN = """---
title: 50% Growth & a {New} Chapter
key_figures: []
translation: {status: reviewed, source_digests: []}
---

Shuangshan Subdistrict made steady progress in the first half of the year.
"""


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    files = dict(FILES)
    files[f"reports/{GROUPS}/index.zh.md"] = GROUPED_ZH
    files[f"reports/{GROUPS}/index.en.md"] = GROUPED_EN
    return build_files(tmp_path_factory.mktemp("digest-cite"), files)


class Head(HTMLParser):
    """The page's <meta name=…> tags, and the text of the Cite panel's citations by id."""

    def __init__(self) -> None:
        super().__init__()
        self.meta: list[tuple[str, str]] = []
        self.dated: dict[str, str] = {}
        self._code: str | None = None
        self._accessed: tuple[str, int] | None = None
        self.codes: dict[str, str] = {}

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {k: v or "" for k, v in attrs}
        if tag == "meta" and values.get("name", "").startswith("citation_"):
            self.meta.append((values["name"], values.get("content", "")))
        if tag == "code" and values.get("id", "").startswith("digest-cite-"):
            self._code = values["id"].removeprefix("digest-cite-")
            self.codes[self._code] = ""
            if "data-digest-accessed" in values:
                self._accessed = (
                    values["data-digest-accessed"],
                    int(values["data-digest-accessed-at"]),
                )

    def handle_endtag(self, tag: str) -> None:
        if tag == "code" and self._code:
            if self._accessed:  # the citation with the accessed date where cite.js puts it
                accessed, at = self._accessed
                text = self.codes[self._code].encode("utf-16-le")  # JavaScript's offsets
                self.dated[self._code] = (
                    text[: 2 * at].decode("utf-16-le")
                    + accessed
                    + text[2 * at :].decode("utf-16-le")
                )
            self._code, self._accessed = None, None

    def handle_data(self, data: str) -> None:
        if self._code:
            self.codes[self._code] += data


def page(site: Path, path: str) -> Head:
    parser = Head()
    parser.feed((site / path / "index.html").read_text(encoding="utf-8"))
    return parser


def values(meta: list[tuple[str, str]], name: str) -> list[str]:
    return [content for key, content in meta if key == name]


def parse_bibtex(text: str) -> bibtexparser.Library:
    library = bibtexparser.parse_string(
        text,
        append_middleware=[middlewares.SeparateCoAuthors(), middlewares.SplitNameParts()],
    )
    assert library.failed_blocks == [], [b.error for b in library.failed_blocks]
    assert len(library.entries) == 1
    return library


# -- meta tags in the head ---------------------------------------------------------------------


def test_english_report_has_highwire_tags(site: Path) -> None:
    meta = page(site, f"reports/{SLUG}").meta
    assert values(meta, "citation_title") == [
        "Riding the Crest: A Record of Test Subdistrict in 2021"
    ]
    assert values(meta, "citation_author") == ["Wang, Maozheng", "Sun, Shiyong"]
    assert values(meta, "citation_publication_date") == ["2021/12/31"]
    assert values(meta, "citation_date") == ["2021/12/31"]
    assert values(meta, "citation_journal_title") == ["Jining Daily"]
    assert values(meta, "citation_firstpage") == ["4"]
    assert values(meta, "citation_language") == ["en"]
    assert values(meta, "citation_public_url") == [f"{SITE_URL}reports/{SLUG}/"]


def test_chinese_report_has_highwire_tags_in_chinese(site: Path) -> None:
    meta = page(site, f"zh/reports/{SLUG}").meta
    assert values(meta, "citation_title") == ["敢立潮头 奋楫扬帆——测试街道2021年高质量发展纪实"]
    assert values(meta, "citation_author") == ["王茂征", "孙士勇"]
    assert values(meta, "citation_journal_title") == ["济宁日报"]
    assert values(meta, "citation_language") == ["zh"]
    assert values(meta, "citation_public_url") == [f"{SITE_URL}zh/reports/{SLUG}/"]


def test_pages_that_are_not_reports_have_no_citation(site: Path) -> None:
    for path in ("", "archive", "zh", "glossary", f"reports/{SLUG}/bilingual"):
        head = page(site, path)
        assert head.meta == [] and head.codes == {}, path


def test_unknown_metadata_is_left_out_not_invented(site: Path) -> None:
    meta = page(site, "zh/reports/2020-only-chinese").meta
    names = {name for name, _ in meta}
    assert "citation_title" in names and "citation_public_url" in names
    assert not names & {"citation_author", "citation_date", "citation_journal_title"}


def test_a_byline_of_several_groups_gives_every_author(site: Path) -> None:
    meta = page(site, f"reports/{GROUPS}").meta
    assert values(meta, "citation_author") == ["Li, Ming", "Wang, Fang", "Ouyang, Xiu"]
    assert values(meta, "citation_firstpage") == ["A3"]


# -- the citations of the Cite panel ------------------------------------------------------------


def test_bibtex_of_each_report_page_parses(site: Path) -> None:
    for path in (f"reports/{SLUG}", f"zh/reports/{SLUG}"):
        head = page(site, path)
        entry = parse_bibtex(head.codes["bibtex"]).entries[0]
        assert entry.entry_type == "article"
        assert "敢立潮头 奋楫扬帆" in entry["title"]
        assert entry["year"] == "2021" and entry["pages"] == "4"
        assert entry["url"] == head.codes["permalink"]
        assert "urldate" not in entry.fields_dict  # the reader's date comes from the script
        dated = head.dated["bibtex"].replace(ACCESSED, "2026-03-05")
        assert parse_bibtex(dated).entries[0]["urldate"] == "2026-03-05"


def test_bibtex_authors_split_into_surname_and_given_name(site: Path) -> None:
    entry = parse_bibtex(page(site, f"reports/{SLUG}").codes["bibtex"]).entries[0]
    names = entry["author"]
    assert [(n.last, n.first) for n in names] == [(["Wang"], ["Maozheng"]), (["Sun"], ["Shiyong"])]
    assert "Riding the Crest" in entry["title"] and entry["journal"] == "Jining Daily"


def test_bibtex_escapes_latex_special_characters(site: Path) -> None:
    entry = parse_bibtex(page(site, f"reports/{GROUPS}").codes["bibtex"]).entries[0]
    assert r"50\%的增长 \& \textbraceleft{}新\textbraceright{}篇章" in entry["title"]


def test_ris_has_the_required_tags(site: Path) -> None:
    for path in (f"reports/{SLUG}", f"zh/reports/{SLUG}"):
        head = page(site, path)
        lines = head.codes["ris"].split("\n")
        assert all(re.fullmatch(r"[A-Z][A-Z0-9]  - .*", line) for line in lines), lines
        tags = [line[:2] for line in lines]
        assert tags[0] == "TY" and lines[0] == "TY  - NEWS"
        assert tags[-1] == "ER"
        assert {"AU", "TI", "T2", "DA", "PY", "SP", "UR"} <= set(tags)
        assert f"UR  - {head.codes['permalink']}" in lines
        dated = head.dated["ris"].replace(ACCESSED, "2026/03/05").split("\n")
        assert "Y2  - 2026/03/05" in dated and dated[-1].startswith("ER")


def test_plain_text_names_paper_date_page_headline_region_translator(site: Path) -> None:
    english = page(site, f"reports/{SLUG}").codes["text"]
    for part in (
        "Wang Maozheng and Sun Shiyong.",
        "“敢立潮头 奋楫扬帆——测试街道2021年高质量发展纪实” [Riding the Crest: A Record",
        "Jining Daily (济宁日报), December 31, 2021, page 4.",
        "Region: Gangshan Subdistrict, Zoucheng City (邹城市钢山街道).",
        f"Translated by {EN_NAME}.",
        f"{SITE_URL}reports/{SLUG}/",
    ):
        assert part in english
    chinese = page(site, f"zh/reports/{SLUG}").codes["text"]
    for part in (
        "王茂征, 孙士勇. 敢立潮头 奋楫扬帆——测试街道2021年高质量发展纪实[N/OL].",
        "济宁日报, 2021-12-31(4).",
        "地区: 邹城市钢山街道.",
        f"英译题名: Riding the Crest: A Record of Test Subdistrict in 2021. {ZH_NAME}, 译.",
        f"{SITE_URL}zh/reports/{SLUG}/",
    ):
        assert part in chinese


def test_accessed_date_goes_where_each_style_puts_it(site: Path) -> None:
    english = page(site, f"reports/{SLUG}").dated["text"]
    assert english.replace(ACCESSED, "March 5, 2026").endswith(
        f"Accessed March 5, 2026. {SITE_URL}reports/{SLUG}/"
    )
    chinese = page(site, f"zh/reports/{SLUG}").dated["text"]
    assert "2021-12-31(4)[2026-03-05]." in chinese.replace(ACCESSED, "2026-03-05")


def test_citations_and_meta_tags_are_escaped(site: Path) -> None:
    raw = (site / f"reports/{GROUPS}/index.html").read_text(encoding="utf-8")
    assert '<meta name="citation_title" content="50% Growth &amp; a {New} Chapter">' in raw
    panel = raw[raw.index('<div class="digest-cite"') : raw.index("</details>")]
    assert "Growth &amp; a" in panel and "Growth & a" not in panel


# -- the formats as plain functions -------------------------------------------------------------


def test_byline_names_accept_one_group_or_a_list_of_groups() -> None:
    assert byline_names({"role": "通讯员", "names": ["张田田"]}) == ["张田田"]
    groups = [{"role": "本报记者", "names": ["李明"]}, {"role": None, "names": ["王芳", " "]}]
    assert byline_names(groups) == ["李明", "王芳"]
    assert byline_names(None) == [] and byline_names("本报记者") == []


def _citation(title: str, lang: str = "en") -> Citation:
    return Citation(
        key="wang-2021-x",
        lang=lang,
        url="https://example.test/reports/x/",
        title_zh=title,
        title_en=title,
        authors=[Person("王茂征", "Wang", "Maozheng")],
        publication_zh="济宁日报",
        publication_en="Jining Daily",
        date="2021-12-31",
        page="4",
        translator=EN_NAME,
    )


@given(st.text(alphabet=st.characters(blacklist_categories=("Cs", "Cc")), min_size=1))
def test_any_title_gives_one_bibtex_entry_and_one_line_per_ris_tag(title: str) -> None:
    for lang in ("en", "zh"):
        citation = _citation(" ".join(title.split()) or "x", lang)
        library = bibtexparser.parse_string(bibtex(citation, accessed="2026-03-05"))
        assert library.failed_blocks == [] and len(library.entries) == 1
        assert library.entries[0]["urldate"] == "2026-03-05"
        record = ris(citation).split("\n")
        assert record[0] == "TY  - NEWS" and record[-1] == "ER  - "
        assert all(re.fullmatch(r"[A-Z][A-Z0-9]  - .*", line) for line in record)
        assert plain_text(citation).count("\n") == 0


@given(st.text(alphabet=st.characters(blacklist_categories=("Cs", "Cc")), min_size=1))
def test_the_accessed_date_is_one_insertion_at_a_javascript_offset(title: str) -> None:
    """The panel carries what each style adds for the accessed date and where it goes, counted
    in UTF-16 code units as cite.js slices (a title may hold characters beyond U+FFFF)."""
    for lang in ("en", "zh"):
        citation = _citation(" ".join(title.split()) or "x", lang)
        for format in cite_panel(citation, lang).formats:
            if format.name == "permalink" or ACCESSED in format.text:
                continue
            render = {"text": plain_text, "bibtex": bibtex, "ris": ris}[format.name]
            assert format.accessed and ACCESSED in format.accessed
            units = format.text.encode("utf-16-le")
            at = 2 * format.accessed_at
            inserted = (
                units[:at].decode("utf-16-le") + format.accessed + units[at:].decode("utf-16-le")
            )
            assert inserted == render(citation, accessed=ACCESSED)
