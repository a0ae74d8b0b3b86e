"""The converter's doubts about a page it made, for the editor: ``review:`` in a draft's front
matter. The codes and what they mean are content/review_codes.py's (``site-builder review``
reads the same table); each item's message is one English sentence naming what to check.

Doubts found while parsing (a date from the page's furniture or two dates, a region the
gazetteer does not know or cannot single out) are recorded where they are found; this module
adds the rest when the article is complete and puts them in the table's order.
"""

from __future__ import annotations

import re

from site_builder.content.model import Article, KeyFigure, ReviewItem
from site_builder.content.review_codes import REVIEW_CODES
from site_builder.convert.characters import analysis_text
from site_builder.convert.figures.labels import is_weak
from site_builder.convert.structure.shapes import is_furniture

MIN_TITLE, MAX_TITLE = 4, 40
# Layout notes that say the converter changed the text's layout (not only that it left chrome
# out, which the notes list as they are).
REPAIR_RE = re.compile(
    r"rejoined|moved to the top|split into|re-flowed|closed up|joined back|lines of their own"
)
# What a paper adds around a title: its name glued on, a closing mark of a kicker.
PAPER_RE = re.compile(r"(?:日报|晚报|时报|新闻网|融媒)$")


def review_article(article: Article) -> None:
    """Add the doubts found on the finished article and sort all by the table's order."""
    items = article.review
    meta = article.meta
    if not meta.title.strip():
        items.append(
            ReviewItem(
                "title_missing",
                "The source has no title line the converter could trust; write the title.",
            )
        )
    elif why := title_doubt(meta.title):
        items.append(ReviewItem("title_suspect", f"The title '{meta.title}' {why}; check it."))
    if not meta.date:
        items.append(
            ReviewItem("date_missing", "No publication date was found; add the date if known.")
        )
    if not meta.region:
        items.append(
            ReviewItem(
                "region_unknown",
                "No place the report is about was found; fill in region and region_path.",
            )
        )
    if not meta.period:
        items.append(
            ReviewItem(
                "period_missing", "The year the report covers was not found; fill in period."
            )
        )
    for figure in article.key_figures:
        if item := label_doubt(figure):
            items.append(item)
    for note in article.layout_notes:
        if REPAIR_RE.search(note):
            items.append(
                ReviewItem("layout_repair", f"The layout was repaired ({note}); check the result.")
            )
    order = {code: index for index, code in enumerate(REVIEW_CODES)}
    items.sort(key=lambda item: order.get(item.code, len(order)))


def title_doubt(title: str) -> str:
    """Why a title looks wrong ('' when it does not): furniture, a page marker, a paper's name
    glued on, very short or very long."""
    key = analysis_text(title)
    if is_furniture(key):
        return "looks like page furniture (a page marker, a column label or navigation)"
    bare = re.sub(r"\s+", "", key)
    if len(bare) < MIN_TITLE:
        return "is very short"
    if len(bare) > MAX_TITLE:
        return "is very long (a kicker or the first sentence may be part of it)"
    if PAPER_RE.search(bare):
        return "ends in what may be the paper's name"
    return ""


def label_doubt(figure: KeyFigure) -> ReviewItem | None:
    label = analysis_text(figure.label.strip())
    if not label:
        return ReviewItem(
            "figure_no_label",
            f"The figure {figure.text} has no label; write what it measures or remove it.",
        )
    if is_weak(label):
        return ReviewItem(
            "figure_weak_label",
            f"The label '{figure.label}' of the figure {figure.text} is a fragment or a vague"
            " word; write what it measures.",
        )
    return None
