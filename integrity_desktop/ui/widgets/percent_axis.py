"""The 0–100 % value axis every completion chart uses (QtCharts imported only when drawn)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt


def percent_axis(reverse: bool = False) -> Any:
    """A value axis from 0 to 100 in steps of 20, whole numbers (``reverse``: 100 at the left)."""
    from PySide6.QtCharts import QValueAxis

    axis = QValueAxis()
    axis.setRange(0, 100)
    axis.setLabelFormat("%.0f")
    axis.setTickCount(6)
    axis.setReverse(reverse)
    return axis


def attach_axes(chart: Any, series: Any, categories: Any) -> None:
    """Categories along the bottom and the percent axis on the right, both bound to ``series``."""
    values = percent_axis()
    chart.addAxis(categories, Qt.AlignmentFlag.AlignBottom)
    chart.addAxis(values, Qt.AlignmentFlag.AlignRight)
    series.attachAxis(categories)
    series.attachAxis(values)
