"""Previous and next report, by date within the digest, at the end of a report page.

The order is the digest's (site/model.py ``Report.sort_key``: publication date, else period);
"previous" is the report published before this one, "next" the one after. Markup:
digest/report-pager.html.
"""

from __future__ import annotations

from dataclasses import dataclass

from site_builder.site.generated import report_title
from site_builder.site.model import Language, Report, lang_url, relative_url
from site_builder.site.strings import words
from site_builder.site.templates import Templates


@dataclass
class Neighbour:
    direction: str  # "previous" or "next"
    href: str
    title: str
    title_lang: str | None  # the title's language when it is not the page's


def neighbours(newest_first: list[str]) -> dict[str, tuple[str | None, str | None]]:
    """For each report slug: (the report before it, the report after it) by date."""
    found: dict[str, tuple[str | None, str | None]] = {}
    for index, slug in enumerate(newest_first):
        older = newest_first[index + 1] if index + 1 < len(newest_first) else None
        newer = newest_first[index - 1] if index > 0 else None
        found[slug] = (older, newer)
    return found


def pager_links(
    pair: tuple[Report | None, Report | None], language: Language, page_url: str
) -> list[Neighbour]:
    """The links of a report page (site-relative ``page_url``) to its neighbours."""
    links = []
    for direction, other in zip(("previous", "next"), pair, strict=True):
        if other is not None:
            href = relative_url(lang_url(other.norm_url, language), page_url)
            title, title_lang = report_title(other, language.locale)
            links.append(Neighbour(direction, href, title, title_lang))
    return links


def report_pager(links: list[Neighbour], lang: str, templates: Templates) -> str:
    if not links:
        return ""
    return templates.render("digest/report-pager.html", t=words(lang), links=links)
