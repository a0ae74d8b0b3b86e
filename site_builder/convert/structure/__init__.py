"""A report's structure: its header (title, subtitle, date, edition, byline), its body's blocks
(headings, paragraphs, captions, credits), and what it is about (region, period).

parse.py reads normalised lines into an Article; header.py the lines above the body;
classify.py the body's lines; metadata.py dates, editions and bylines; region.py the place.
"""
