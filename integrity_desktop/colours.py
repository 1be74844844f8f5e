"""Colours that mean the same on screen and on paper, as hex text (no Qt, no ReportLab): the
interface's palette (``ui/widgets/palette``) and the PDF reports take them from here."""

from __future__ import annotations

OVERDUE = "#b71c1c"  # a date passed with nothing done: overdue cases and complaints, a late answer

# The map of the provinces (dashboard, HQ, the national report)
MAP_NO_DATA = "#e6e6e6"  # a province with no figure
# light to dark: five steps of one blue (readable printed in grey)
MAP_RAMP: tuple[str, ...] = ("#deebf7", "#9ecae1", "#6baed6", "#3182bd", "#08519c")
# The Caspian Sea and the Persian Gulf: an outline, no fill.  Filled pale blue they looked like
# provinces of the scale's lightest step (#deebf7), the Gulf most of all.
MAP_WATER_EDGE = "#7fa7c6"
MAP_OUTLINE = "#555555"  # a province's border, a legend swatch's edge
