"""A ``Citation`` written out: a plain-text reference, BibTeX and RIS.

English pages follow Chicago's form for a translated newspaper article: “original
headline” [English headline], paper, date, page, translator, accessed date, URL; Chinese
names stay surname first and are not inverted. The Chinese page follows GB/T 7714-2015
for a newspaper article online ([N/OL]). BibTeX is a biblatex ``@article`` with
``entrysubtype = {newspaper}`` that plain BibTeX reads too; RIS is a ``NEWS`` record as
Zotero, EndNote and Mendeley import it.

Each function takes ``accessed``: the date text to put in, or None for a citation without
one. ``ACCESSED`` stands in for the reader's date that the theme's script fills in.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from site_builder.content.english_rules import english_date

if TYPE_CHECKING:
    from site_builder.site.cite import Citation, Person

ACCESSED = "@@accessed@@"

# LaTeX's special characters in a BibTeX value. BibTeX counts braces even after a backslash,
# so a lone brace becomes a command: \{ would still end (or never end) the value.
_BIBTEX_SPECIAL = re.compile(r"[\\{}&%$#_~^]")
_BIBTEX_REPLACE = {
    "\\": r"\textbackslash{}",
    "{": r"\textbraceleft{}",
    "}": r"\textbraceright{}",
    "~": r"\textasciitilde{}",
    "^": r"\textasciicircum{}",
}


def plain_text(citation: Citation, accessed: str | None = None) -> str:
    """The reference as one paragraph, in the page's conventions (Chicago or GB/T 7714)."""
    if citation.english:
        return _chicago(citation, accessed)
    return _gbt7714(citation, accessed)


def bibtex(citation: Citation, accessed: str | None = None) -> str:
    """A biblatex/BibTeX ``@article`` entry; every value is escaped for LaTeX but the URL."""
    c = citation
    english = c.english
    fields: list[tuple[str, str]] = []
    if c.authors:
        names = " and ".join(_bibtex_name(person, english) for person in c.authors)
        fields.append(("author", names))
    title = _bibtex_escape(c.title_zh)
    if english and c.title_en:
        # Braces keep the English capitals from a style's sentence-casing.
        title += " [{" + _bibtex_escape(c.title_en) + "}]"
    fields.append(("title", title))
    publication = c.publication_en if english else c.publication_zh
    if publication:
        fields.append(("journal", _bibtex_escape(publication)))
    fields.append(("entrysubtype", "newspaper"))
    if c.date:
        fields += [("date", c.date), ("year", c.date[:4])]
    if c.page:
        fields.append(("pages", _bibtex_escape(c.page)))
    fields.append(("note", _bibtex_escape(_note(c))))
    if c.url:
        fields.append(("url", c.url))
    if accessed:
        fields.append(("urldate", accessed))
    width = max(len(name) for name, _ in fields)
    lines = [f"  {name.ljust(width)} = {{{value}}}," for name, value in fields]
    return "\n".join([f"@article{{{c.key},", *lines, "}"])


def ris(citation: Citation, accessed: str | None = None) -> str:
    """A RIS ``NEWS`` record: ``TY`` first, ``ER`` last, one ``TAG  - value`` a line."""
    c = citation
    english = c.english
    tags = [("TY", "NEWS")]
    for person in c.authors:
        if english:
            tags.append(("AU", f"{person.family}, {person.given}" if person.given else person.en))
        else:
            tags.append(("AU", person.zh))
    title = c.title_zh
    if english and c.title_en:
        title += f" [{c.title_en}]"
    tags.append(("TI", title))
    publication = c.publication_en if english else c.publication_zh
    if publication:
        tags.append(("T2", publication))
    if c.date:
        tags += [("DA", c.date.replace("-", "/")), ("PY", c.date[:4])]
    if c.page:
        tags.append(("SP", c.page))
    if english and c.translator:
        tags.append(("A4", c.translator))  # the translator, as Zotero reads RIS
    tags.append(("LA", "; ".join(c.languages)))
    tags.append(("N1", _note(c)))
    if c.url:
        tags.append(("UR", c.url))
    if accessed:
        tags.append(("Y2", accessed))
    tags.append(("ER", ""))
    return "\n".join(f"{tag}  - {' '.join(value.split())}" for tag, value in tags)


# -- plain text ---------------------------------------------------------------------------------


def _chicago(c: Citation, accessed: str | None) -> str:
    parts = []
    if c.authors:
        parts.append(_sentence(_and([person.en for person in c.authors])))
    title = f"“{c.title_zh}”"
    if c.title_en:
        title += f" [{c.title_en}]"
    parts.append(title + ".")
    where = []
    if c.publication_en:
        where.append(_with_original(c.publication_en, c.publication_zh))
    where.append((english_date(c.date) if c.date else None) or "n.d.")
    if c.page:
        where.append(f"page {c.page}")
    parts.append(_sentence(", ".join(where)))
    if c.region_en:
        parts.append(f"Region: {_with_original(c.region_en, c.region_zh)}.")
    if c.translator:
        parts.append(f"Translated by {c.translator}.")
    if accessed:
        parts.append(f"Accessed {accessed}.")
    if c.url:
        parts.append(c.url)
    return " ".join(parts)


def _gbt7714(c: Citation, accessed: str | None) -> str:
    parts = []
    names = [person.zh for person in c.authors]
    if names:
        # GB/T 7714: at most three names, then 等.
        parts.append(", ".join(names[:3]) + (", 等" if len(names) > 3 else "") + ".")
    parts.append(f"{c.title_zh}[{'N/OL' if c.url else 'N'}].")
    where = c.publication_zh or ""
    if c.date:
        where += (", " if where else "") + c.date
    if c.page:
        where += f"({c.page})"
    if accessed:
        where += f"[{accessed}]"
    if where:
        parts.append(where + ".")
    if c.region_zh:
        parts.append(f"地区: {c.region_zh}.")
    if c.title_en:
        parts.append(f"英译题名: {_sentence(c.title_en)} {c.translator}, 译.")
    if c.url:
        parts.append(c.url)
    return " ".join(parts)


def _note(c: Citation) -> str:
    """Region and translator, for BibTeX's ``note`` and RIS's ``N1``."""
    if c.english:
        notes = []
        if c.region_en:
            notes.append(f"Region: {_with_original(c.region_en, c.region_zh)}")
        if c.translator:
            notes.append(f"Translated by {c.translator}")
        return ". ".join(notes)
    notes = [f"地区: {c.region_zh}"] if c.region_zh else []
    if c.title_en:
        notes.append(f"英译题名: {c.title_en} ({c.translator} 译)")
    return ". ".join(notes)


def _with_original(english: str, chinese: str | None) -> str:
    return f"{english} ({chinese})" if chinese and chinese != english else english


def _and(names: list[str]) -> str:
    """'A', 'A and B', 'A, B, and C'."""
    if len(names) <= 2:
        return " and ".join(names)
    return ", ".join(names[:-1]) + ", and " + names[-1]


def _sentence(text: str) -> str:
    return text if text.endswith((".", "?", "!")) else text + "."


# -- BibTeX -------------------------------------------------------------------------------------


def _bibtex_name(person: Person, english: bool) -> str:
    if not english:
        return "{" + _bibtex_escape(person.zh) + "}"
    if not person.given:
        return "{" + _bibtex_escape(person.family) + "}"  # kept whole, never split
    return f"{_bibtex_escape(person.family)}, {_bibtex_escape(person.given)}"


def _bibtex_escape(value: str) -> str:
    return _BIBTEX_SPECIAL.sub(lambda m: _BIBTEX_REPLACE.get(m.group(0), "\\" + m.group(0)), value)
