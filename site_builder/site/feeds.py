"""Atom feeds of reports, one per language (``feed/atom.xml``, ``zh/feed/atom.xml``), newest
first. Each sits in a folder of its own because Material's bundle fetches ``sitemap.xml`` next
to every ``<link rel="alternate">`` of a page on each page load (compat 12): beside the feed
that file is a small index (site/sitemap.py), not the site's sitemap, which grows with N.

Plain data in, XML text out; nothing here knows about MkDocs.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from xml.sax.saxutils import escape, quoteattr

ATOM_TYPE = "application/atom+xml"
FEED_NAME = "feed/atom.xml"
_YEAR = re.compile(r"(19|20)\d\d")
_EPOCH = dt.date(1970, 1, 1)


@dataclass(frozen=True)
class FeedEntry:
    """One report in one language. ``url`` is absolute (or site-relative without site_url)."""

    title: str
    url: str
    updated: dt.date
    summary: str = ""
    author: str = ""


@dataclass(frozen=True)
class Feed:
    lang: str
    title: str
    site_url: str  # the language's home page
    self_url: str  # where the feed itself is published
    entries: tuple[FeedEntry, ...]


def feed_path(prefix: str) -> str:
    """Site-relative path of a language's feed: ``prefix`` is ``""`` or ``"zh/"``."""
    return f"{prefix}{FEED_NAME}"


def report_date(meta: Mapping[str, object]) -> dt.date:
    """Publication date of a report from its front matter: ``date`` (ISO), else the end of the
    first year in ``period``, else 1970-01-01 (undated reports sort last)."""
    value = meta.get("date")
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str):
        try:
            return dt.date.fromisoformat(value.strip())
        except ValueError:
            pass
    period = meta.get("period")
    if period is not None:
        year = _YEAR.search(str(period))
        if year:
            return dt.date(int(year.group(0)), 12, 31)
    return _EPOCH


def newest_first(entries: Iterable[FeedEntry], limit: int | None = None) -> tuple[FeedEntry, ...]:
    """Entries by date, newest first; the same date keeps a stable order by URL."""
    ordered = sorted(entries, key=lambda e: e.url)
    ordered.sort(key=lambda e: e.updated, reverse=True)
    return tuple(ordered[:limit] if limit else ordered)


def _timestamp(day: dt.date) -> str:
    return f"{day.isoformat()}T00:00:00Z"


def render_atom(feed: Feed) -> str:
    """The Atom 1.0 document of a feed (RFC 4287)."""
    updated = max((e.updated for e in feed.entries), default=_EPOCH)
    lines = [
        '<?xml version="1.0" encoding="utf-8"?>',
        f'<feed xmlns="http://www.w3.org/2005/Atom" xml:lang={quoteattr(feed.lang)}>',
        f"  <title>{escape(feed.title)}</title>",
        f"  <id>{escape(feed.self_url)}</id>",
        f'  <link rel="self" type={quoteattr(ATOM_TYPE)} href={quoteattr(feed.self_url)}/>',
        f'  <link rel="alternate" type="text/html" href={quoteattr(feed.site_url)}/>',
        f"  <updated>{_timestamp(updated)}</updated>",
        f"  <author><name>{escape(feed.title)}</name></author>",
    ]
    for entry in feed.entries:
        lines += [
            "  <entry>",
            f"    <title>{escape(entry.title)}</title>",
            f'    <link rel="alternate" type="text/html" href={quoteattr(entry.url)}/>',
            f"    <id>{escape(entry.url)}</id>",
            f"    <published>{_timestamp(entry.updated)}</published>",
            f"    <updated>{_timestamp(entry.updated)}</updated>",
        ]
        if entry.author:
            lines.append(f"    <author><name>{escape(entry.author)}</name></author>")
        if entry.summary:
            lines.append(f"    <summary>{escape(entry.summary)}</summary>")
        lines.append("  </entry>")
    lines.append("</feed>")
    return "\n".join(lines) + "\n"


def link_tag(href: str, title: str) -> str:
    """The ``<link rel="alternate">`` that announces a feed in a page's head."""
    return (
        f'<link rel="alternate" type="{ATOM_TYPE}" title={quoteattr(title)} href={quoteattr(href)}>'
    )


def add_link(html: str, tag: str) -> str:
    """Insert ``tag`` at the end of the page's head (unchanged if there is no ``</head>``)."""
    at = html.find("</head>")
    if at < 0:
        return html
    return f"{html[:at]}{tag}\n{html[at:]}"
