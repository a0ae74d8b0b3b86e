"""What the website knows about the content: reports in their languages, and the URL scheme.

Plain data and plain functions. The MkDocs plugin reads the files and hands their text here;
nothing in this module knows about MkDocs.

URLs are site-relative and directory-style (``reports/<slug>/``), as MkDocs writes them with
``use_directory_urls``. A language other than the default lives under its prefix (``zh/``).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import posixpath
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from site_builder.content.errors import ContentError
from site_builder.content.front_matter_cache import FrontMatterCache
from site_builder.content.identity import english_entries
from site_builder.content.layout import REPORT_RE  # noqa: F401 - re-exported for site/
from site_builder.content.pages import Page, parse_page, require_schema
from site_builder.content.placeholders import is_placeholder

SOURCE_LANG = "zh"  # the Chinese page is the source of truth; other languages follow it
PAGE_RE = re.compile(r"^(?P<stem>.*?)(?:\.(?P<lang>[a-z]{2}(?:[-_][A-Za-z]+)?))?\.md$")


@dataclass(frozen=True)
class Language:
    """A language of the site: locale code, its name in itself, URL prefix ('' or 'zh/')."""

    locale: str
    name: str
    prefix: str = ""
    default: bool = False


# One language version of a report is a content page; the MkDocs adapter knows it by this name.
ReportPage = Page


@dataclass
class Report:
    """A report folder ``reports/<slug>/`` with its page in each language present."""

    slug: str
    pages: dict[str, Page] = field(default_factory=dict)

    @property
    def source(self) -> Page:
        """The Chinese page (metadata and key figures live there), else any page."""
        return self.pages.get(SOURCE_LANG) or next(iter(self.pages.values()))

    @property
    def meta(self) -> dict[str, Any]:
        return self.source.meta

    def page(self, lang: str) -> Page | None:
        return self.pages.get(lang)

    @property
    def norm_url(self) -> str:
        return f"reports/{self.slug}/"

    @property
    def sort_key(self) -> tuple[str, str, str]:
        """Newest first when sorted in reverse: publication date, else period, then slug."""
        return (
            iso_date(self.meta.get("date")) or "",
            str(self.meta.get("period") or ""),
            self.slug,
        )

    @property
    def year(self) -> str | None:
        date = iso_date(self.meta.get("date"))
        if date:
            return date[:4]
        match = re.match(r"\d{4}", str(self.meta.get("period") or ""))
        return match.group(0) if match else None

    @property
    def draft(self) -> bool:
        """Written by `import` and cleared by an editor: not for readers yet."""
        return self.meta.get("draft") is True

    def english_state(self, lang: str) -> str:
        """How the report stands in ``lang``: 'source' (the Chinese page), 'missing', 'untranslated'
        (status pending, or a block still a placeholder), or the translation's status
        ('machine', 'draft', 'reviewed') when its English can be shown."""
        if lang == SOURCE_LANG:
            return "source"
        page = self.pages.get(lang)
        if page is None:
            return "missing"
        return translation_state(page)

    def translated(self, lang: str) -> bool:
        """Whether the report's text can be shown in ``lang``."""
        return self.english_state(lang) not in ("missing", "untranslated")

    @property
    def bilingual(self) -> bool:
        """Translated into another language: the bilingual view pairs two texts."""
        return len(self.pages) > 1 and all(self.translated(lang) for lang in self.pages)

    def figures(self, lang: str) -> list[dict[str, Any]]:
        """Key figures of the Chinese page; ``lang``'s page supplies ``en_label``/``en_text``.

        The translated page's entries follow their Chinese figure by id (by position on a
        legacy page, content/identity.py). Missing or null translations are left out of the
        merged record (callers fall back by rule).
        """
        figures = [
            dict(f) for f in self.source.meta.get("key_figures") or [] if isinstance(f, Mapping)
        ]
        page = self.pages.get(lang)
        if lang == SOURCE_LANG or page is None:
            return figures
        translated = page.meta.get("key_figures") or []
        for figure, other in zip(figures, english_entries(figures, translated), strict=True):
            if isinstance(other, Mapping):
                figure["t_label"] = other.get("label") or None
                figure["t_text"] = other.get("text") or None
        return figures


def read_report_page(text: str, src_uri: str, cache: FrontMatterCache | None = None) -> Page:
    """Parse a report page (``reports/<slug>/index.<lang>.md``); raises FrontMatterError when
    the front matter is broken (what check reports as E004)."""
    match = REPORT_RE.match(src_uri)
    if not match:
        raise ValueError(f"not a report page: {src_uri}")
    return parse_page(text, Path(src_uri), src_uri, cache=cache)


def collect_reports(pages: Iterable[Page]) -> list[Report]:
    """Group pages into reports, newest first. A translated page that is not translated yet
    keeps only what is: no placeholder reaches a reader (``presentable``). Raises
    FrontMatterError for a page of a report that is not a draft and fails the schema, and
    ContentError for a report without its Chinese page."""
    reports: dict[str, Report] = {}
    read: dict[str, list[Page]] = {}
    for page in pages:
        slug = REPORT_RE.match(page.src_uri).group("slug")  # type: ignore[union-attr]
        read.setdefault(slug, []).append(page)
        if page.lang != SOURCE_LANG and translation_state(page) == "untranslated":
            page = presentable(page)
        reports.setdefault(slug, Report(slug)).pages[page.lang] = page
    for slug, report in reports.items():
        if SOURCE_LANG not in report.pages:  # check's E002: nothing to present the report from
            where = read[slug][0].src_uri
            raise ContentError(where, f"no Chinese page (index.{SOURCE_LANG}.md) beside it")
        # A published report is held to the schema check uses: a list for a title is never
        # shown. A draft is check's and the preview's to show, never the public site's.
        if not report.draft:
            for page in read[slug]:
                require_schema(page)
    return sorted(reports.values(), key=lambda r: r.sort_key, reverse=True)


def translation_state(page: Page) -> str:
    """'untranslated' (status pending, no title, or a placeholder left in a block or the title), else
    the translation's status: 'machine', 'draft' or 'reviewed' (a page without a record is
    taken as reviewed, as pages were before records)."""
    record = page.meta.get("translation")
    status = record.get("status") if isinstance(record, Mapping) else "reviewed"
    if status == "pending" or page.meta.get(UNTRANSLATED):
        return "untranslated"
    title = page.meta.get("title")
    if not title or is_placeholder(str(title)):
        return "untranslated"
    if any(is_placeholder(page_block.block.text) for page_block in page.blocks):
        return "untranslated"
    return status if status in ("machine", "draft") else "reviewed"


# Set on a page whose text is not translated yet (the site shows the Chinese text instead).
UNTRANSLATED = "untranslated"


def presentable(page: Page) -> Page:
    """An untranslated page as the site may show it: its metadata without placeholders (a
    figure's label or text that is one is left out, so the site words it by rule), no body."""
    meta = {
        key: value
        for key, value in page.meta.items()
        if not (isinstance(value, str) and is_placeholder(value))
    }
    figures = []
    for entry in page.meta.get("key_figures") or []:
        if isinstance(entry, Mapping):
            entry = {
                key: None if isinstance(value, str) and is_placeholder(value) else value
                for key, value in entry.items()
            }
        figures.append(entry)
    meta["key_figures"] = figures
    meta[UNTRANSLATED] = True
    return dataclasses.replace(page, meta=meta, blocks=[])


def iso_date(value: object) -> str | None:
    """A front-matter date (YAML date or ISO string) as 'YYYY-MM-DD', else None."""
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, str) and re.fullmatch(r"\d{4}-\d{2}-\d{2}", value.strip()):
        return value.strip()
    return None


# -- URLs -------------------------------------------------------------------------------------


def norm_url(src_uri: str) -> str:
    """The language-free URL of a page: 'reports/x/index.zh.md' -> 'reports/x/', 'about.en.md'
    -> 'about/', 'index.md' -> ''."""
    match = PAGE_RE.match(src_uri)
    stem = match.group("stem") if match else src_uri
    if stem == "index" or stem.endswith("/index"):
        return stem[: -len("index")]
    return stem + "/"


def page_lang(src_uri: str, languages: Iterable[str]) -> str | None:
    """The language suffix of a page file, or None for a page without one."""
    match = PAGE_RE.match(src_uri)
    lang = match.group("lang") if match else None
    return lang if lang in set(languages) else None


def page_languages(src_uris: Iterable[str], languages: list[Language]) -> dict[str, set[str]]:
    """For each language-free URL, the languages in which the site has that page.

    A page exists in a language when it has a file for it, or a file without suffix or in
    the default language (mkdocs-static-i18n falls back to the default language).
    """
    locales = [lang.locale for lang in languages]
    default = next((lang.locale for lang in languages if lang.default), locales[0])
    found: dict[str, set[str]] = {}
    for src_uri in src_uris:
        if not src_uri.endswith(".md"):
            continue
        lang = page_lang(src_uri, locales)
        langs = found.setdefault(norm_url(src_uri), set())
        langs.update(locales if lang in (None, default) else [lang])
    return found


def lang_url(norm: str, language: Language) -> str:
    """The site-relative URL of a language-free URL in ``language``: 'zh/' + 'reports/x/'."""
    return language.prefix + norm


def strip_prefix(url: str, language: Language) -> str:
    """The language-free URL of a page URL of ``language``."""
    if language.prefix and url.startswith(language.prefix):
        return url[len(language.prefix) :]
    return "" if url in (".", "./") else url


def relative_url(target: str, base: str) -> str:
    """Link from the page at site-relative URL ``base`` to ``target`` (both directory-style
    for pages, e.g. 'zh/reports/x/'; a file target such as 'reports/x/source.txt' works too)."""
    base_dir = base if base.endswith("/") or base == "" else posixpath.dirname(base) + "/"
    rel = posixpath.relpath("/" + target, "/" + base_dir)
    if target.endswith("/") or target == "":
        rel = "./" if rel == "." else rel + "/"
    return rel


def absolute_url(site_url: str | None, url: str) -> str | None:
    """``site_url`` + a site-relative URL; None without a site_url."""
    if not site_url:
        return None
    return site_url.rstrip("/") + "/" + url.lstrip("/")
