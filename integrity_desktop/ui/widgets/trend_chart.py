"""A bar chart of one figure over periods (the country's completion per quarter and per year):
the bars read in the layout's direction, oldest first (right to left in Persian), each with its
value in Persian digits above it and its period under it.  Drawn with QPainter: QtCharts would
add megabytes to an installer that must stay small, for a dozen bars."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFontMetrics, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from integrity_desktop import digits
from integrity_desktop.ui.widgets import palette

BAR = QColor(palette.INFO)
YEAR_BAR = QColor(palette.OK)  # a whole year beside its quarters
EMPTY = QColor(palette.DISABLED)
GRID = QColor(palette.GRID)


@dataclass(frozen=True)
class Point:
    label: str  # the period, as a person reads it
    value: float | None  # percent 0..100; None: nothing to measure in that period
    whole_year: bool = False


def percent_text(value: float | None) -> str:
    """The one rounding rule of percents (``digits.percent_text``), as the table beside it."""
    return "—" if value is None else digits.percent_text(value)


class TrendChart(QWidget):
    """``set_points`` draws the bars; ``bar_rects`` (after a paint) says where each one went."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("trend_chart")
        self.points: list[Point] = []
        self.bar_rects: list[QRectF] = []
        self.setMinimumHeight(180)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)

    def sizeHint(self) -> QSize:
        return QSize(480, 220)

    def set_points(self, points: list[Point]) -> None:
        self.points = list(points)
        # A screen reader and a tooltip get the same figures as the bars.
        summary = "، ".join(f"{p.label}: {percent_text(p.value)}" for p in self.points)
        self.setToolTip(summary)
        self.setAccessibleDescription(summary)
        self.update()

    def paintEvent(self, _event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        metrics = QFontMetrics(self.font())
        line = metrics.height()
        top, bottom = line + 6, self.height() - 2 * line - 8
        left, right = 8, self.width() - 8
        self.bar_rects = []
        painter.setPen(QPen(GRID))
        for share in (0, 25, 50, 75, 100):
            y = bottom - (bottom - top) * share / 100
            painter.drawLine(left, int(y), right, int(y))
        if not self.points:
            painter.setPen(QPen(EMPTY))
            painter.drawText(self.rect(), Qt.AlignmentFlag.AlignCenter, self.tr("No figures yet"))
            return
        slot = (right - left) / len(self.points)
        rtl = self.layoutDirection() == Qt.LayoutDirection.RightToLeft
        for i, point in enumerate(self.points):
            position = len(self.points) - 1 - i if rtl else i
            x = left + position * slot
            height = 0.0 if point.value is None else (bottom - top) * max(0.0, min(100.0, point.value)) / 100
            bar = QRectF(x + slot * 0.18, bottom - height, slot * 0.64, height)
            self.bar_rects.append(bar)
            colour = EMPTY if point.value is None else (YEAR_BAR if point.whole_year else BAR)
            painter.fillRect(bar, colour)
            painter.setPen(QPen(QColor(palette.TEXT)))
            value_box = QRectF(x, bar.top() - line - 2, slot, line)
            painter.drawText(value_box, Qt.AlignmentFlag.AlignCenter, percent_text(point.value))
            label_box = QRectF(x, bottom + 4, slot, 2 * line)
            text = metrics.elidedText(point.label, Qt.TextElideMode.ElideRight, int(slot) * 2 - 4)
            painter.drawText(label_box, Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop
                             | Qt.TextFlag.TextWordWrap, text)
