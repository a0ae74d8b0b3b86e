"""Key figures: the quantities of a report's text (finder.py), each with the label that names
what it measures (labels.py: ``label_of``), its value and unit (numbers.py), and the metric
and period it belongs to (metrics.py)."""

from site_builder.convert.figures.finder import figures_in_text, find_key_figures
from site_builder.convert.figures.metrics import describe_figures

__all__ = ["describe_figures", "figures_in_text", "find_key_figures"]
