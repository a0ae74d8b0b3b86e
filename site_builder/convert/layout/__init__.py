"""Layout repairs: what the print or web layout did to a report's text, undone where it is
unambiguous and noted where it is not (repairs.py holds the ordered lists)."""

from site_builder.convert.layout.repairs import normalise, repair_layout

__all__ = ["normalise", "repair_layout"]
