"""A report's bilingual view (reports/<slug>/bilingual/): Chinese and English block by block,
assembled in the reader's browser from the two report pages.

Each text is on the site once, on its report page. The view is a document of its own (the
theme's digest/bilingual.html, no Material page): a header naming the report and linking to
its pages, and an empty container that names the pages to pair. The theme's script
(assets/javascripts/bilingual.js) fetches both pages, takes the blocks of each page's body,
pairs them by index (key-figure callouts left out; a notice when the kinds of blocks differ)
and copies them through an allow-list of elements and attributes, so that nothing of a page
runs. Made once, in the default language, for every language (site/page_kinds.py).
"""

from __future__ import annotations

from dataclasses import dataclass

from site_builder.site.generated import GeneratedPage, Site, report_title
from site_builder.site.model import SOURCE_LANG, Report, lang_url, relative_url
from site_builder.site.strings import text, words
from site_builder.site.templates import Templates

STYLESHEET = "assets/stylesheets/bilingual.css"
SCRIPT = "assets/javascripts/bilingual.js"


@dataclass
class Side:
    """One column of the view: the report's page in one language."""

    lang: str
    name: str  # the language's name in itself: English, 中文
    title: str  # the report's title in that language
    href: str  # the report page, relative to the view


def bilingual_url(report: Report) -> str:
    return f"{report.norm_url}bilingual/"


def bilingual_page(report: Report, site: Site, templates: Templates) -> GeneratedPage:
    """The view as a whole HTML document: the Chinese page on the left, then each other
    language the report is translated into (the site's order)."""
    here = lang_url(bilingual_url(report), site.language)
    languages = sorted(site.languages, key=lambda language: language.locale != SOURCE_LANG)
    sides = [
        Side(
            language.locale,
            language.name,
            report_title(report, language.locale)[0],
            relative_url(lang_url(report.norm_url, language), here),
        )
        for language in languages
        if language.locale in report.pages
    ]
    title, _ = report_title(report, site.lang)
    document = templates.render(
        "digest/bilingual.html",
        t=words(site.lang),
        lang=site.lang,
        title=text(site.lang, "bilingual.title", title=title),
        site_name=site.name,
        sides=sides,
        favicon=relative_url(site.favicon, here) if site.favicon else None,
        stylesheet=relative_url(STYLESHEET, here),
        script=relative_url(SCRIPT, here),
    )
    return GeneratedPage(bilingual_url(report), {}, [], document=document + "\n")
