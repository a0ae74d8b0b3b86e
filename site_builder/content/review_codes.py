"""What the converter may doubt about a page it imported: the codes of the ``review:`` list in a
draft page's front matter, and what each means for the editor.

The converter (site_builder/convert/review.py) writes items ``{code, message}``, the message
naming the exact text in question; ``site-builder review`` lists them. One table, read by both.
"""

from __future__ import annotations

REVIEW_CODES: dict[str, str] = {
    "title_missing": "No title line was found; give the page its title.",
    "title_suspect": (
        "The title may be page furniture, a kicker, a page marker, or too short or too long."
    ),
    "date_missing": "No publication date was found in the source.",
    "date_from_chrome": "The date was read from the web page's furniture, not the article.",
    "date_conflict": "The source gives two different dates; the one kept may be the wrong one.",
    "region_from_chrome": (
        "The place was read from the web page's furniture (the office in its breadcrumb or "
        "source line), not the article."
    ),
    "region_unknown": "The place the report is about was not found or not in the gazetteer.",
    "region_ambiguous": "The place's name fits several places; its path and code are left empty.",
    "period_missing": "The year(s) the report covers were not found.",
    "figure_no_label": "A key figure has no label.",
    "figure_weak_label": "A key figure's label is a fragment or a vague word.",
    "layout_repair": "The converter repaired the layout (text joined, split or moved).",
}
