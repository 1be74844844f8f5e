"""A date field in the Jalali calendar: typed text plus Qt's own Jalali calendar as a popup.

A Persian-locale ``QDateEdit`` reverses its sections (it showed ۱۵/۰۷/۱۴۰۳ for yyyy/MM/dd) and
ignored typed Latin digits, so the field is a line edit read with ``jalali.parse_date`` (Persian,
Arabic or Latin digits) and kept left to right, with a button opening ``QCalendarWidget`` in
``QCalendar.System.Jalali``.
"""

from __future__ import annotations

import datetime as _dt

from PySide6.QtCore import QCalendar, QCoreApplication, QDate, QLocale, Qt, Signal
from PySide6.QtGui import QColor, QIcon, QPainter, QPixmap, QTextCharFormat
from PySide6.QtWidgets import (
    QCalendarWidget,
    QHBoxLayout,
    QLineEdit,
    QMenu,
    QToolButton,
    QWidget,
    QWidgetAction,
)

from integrity_desktop import jalali
from integrity_desktop.errors import UserError
from integrity_desktop.ui.widgets import palette
from integrity_desktop.ui.widgets.messages import app_lang, error_text


def jalali_calendar() -> QCalendar:
    return QCalendar(QCalendar.System.Jalali)


class JalaliCalendarWidget(QCalendarWidget):
    """Qt's calendar in the Jalali system, Saturday first and Friday as the weekend."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setCalendar(jalali_calendar())
        self.setLocale(QLocale(QLocale.Language.Persian, QLocale.Country.Iran))
        self.setFirstDayOfWeek(Qt.DayOfWeek.Saturday)
        weekend = QTextCharFormat()
        weekend.setForeground(QColor(palette.ERROR))
        normal = QTextCharFormat()
        normal.setForeground(self.palette().text().color())
        self.setWeekdayTextFormat(Qt.DayOfWeek.Saturday, normal)
        self.setWeekdayTextFormat(Qt.DayOfWeek.Sunday, normal)
        self.setWeekdayTextFormat(Qt.DayOfWeek.Friday, weekend)
        self.setVerticalHeaderFormat(QCalendarWidget.VerticalHeaderFormat.NoVerticalHeader)
        self.setGridVisible(True)
        # Qt's own navigation buttons have no tooltips: say what each does.
        for name, tip in (
            ("qt_calendar_prevmonth", self.tr("Previous month")),
            ("qt_calendar_nextmonth", self.tr("Next month")),
            ("qt_calendar_monthbutton", self.tr("Choose the month")),
            ("qt_calendar_yearbutton", self.tr("Choose the year")),
        ):
            button = self.findChild(QToolButton, name)
            if button is not None:
                button.setToolTip(tip)


def calendar_icon() -> QIcon:
    """A small calendar page drawn in code, so it renders on every platform."""
    pixmap = QPixmap(16, 16)
    pixmap.fill(Qt.GlobalColor.transparent)
    p = QPainter(pixmap)
    p.setPen(QColor(palette.ICON))
    p.setBrush(QColor(palette.WHITE))
    p.drawRect(1, 2, 13, 12)
    p.fillRect(2, 3, 12, 3, QColor(palette.ICON_ACCENT))
    for row in range(2):
        for col in range(3):
            p.fillRect(3 + col * 4, 8 + row * 3, 2, 2, QColor(palette.ICON))
    p.end()
    return QIcon(pixmap)


def _qdate(d: _dt.date) -> QDate:
    return QDate(d.year, d.month, d.day)


class JalaliDateEdit(QWidget):
    """``value()`` returns a ``datetime.date`` (raising ``UserError`` for bad text)."""

    date_changed = Signal(object)  # datetime.date | None

    def __init__(self, parent: QWidget | None = None, optional: bool = False) -> None:
        super().__init__(parent)
        self._optional = optional
        self.line = QLineEdit(self)
        self.line.setLayoutDirection(Qt.LayoutDirection.LeftToRight)
        self.line.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.line.setPlaceholderText("۱۴۰۳/۰۷/۱۵")
        self.line.setMaxLength(12)
        self.line.editingFinished.connect(self._normalise)
        self.button = QToolButton(self)
        # No emoji: office PCs (and the offscreen test platform) often lack a colour-emoji font.
        self.button.setIcon(calendar_icon())
        self.button.setToolTip(QCoreApplication.translate("JalaliDateEdit", "Choose from the calendar"))
        self.button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.calendar = JalaliCalendarWidget(self)
        menu = QMenu(self.button)
        action = QWidgetAction(menu)
        action.setDefaultWidget(self.calendar)
        menu.addAction(action)
        self.button.setMenu(menu)
        self.calendar.clicked.connect(self._picked)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(self.line, 1)
        layout.addWidget(self.button)
        self.setFocusProxy(self.line)
        if not optional:
            self.set_value(jalali.today())

    def set_value(self, value: _dt.date | None) -> None:
        self.line.setText(jalali.format_date(value))
        if value is not None:
            self.calendar.setSelectedDate(_qdate(value))

    def value(self) -> _dt.date:
        text = self.line.text().strip()
        return jalali.parse_date(text)

    def value_or_none(self) -> _dt.date | None:
        if not self.line.text().strip():
            if self._optional:
                return None
            raise UserError("تاریخ را وارد کنید.", "Enter a date.", code="date_required")
        return self.value()

    def is_valid(self) -> bool:
        try:
            self.value_or_none()
        except UserError:
            return False
        return True

    def _picked(self, qd: QDate) -> None:
        d = _dt.date(qd.year(), qd.month(), qd.day())
        self.set_value(d)
        menu = self.button.menu()
        if menu is not None:
            menu.hide()
        self.date_changed.emit(d)

    def _normalise(self) -> None:
        """Show what was typed in the canonical form (۱۴۰۳/۰۷/۰۵), or mark it invalid."""
        text = self.line.text().strip()
        if not text:
            self.line.setStyleSheet("")
            self.date_changed.emit(None)
            return
        try:
            d = jalali.parse_date(text)
        except UserError as exc:
            self.line.setStyleSheet(f"QLineEdit {{ border: 1px solid {palette.ERROR}; }}")
            self.line.setToolTip(error_text(exc, app_lang()))
            return
        self.line.setStyleSheet("")
        self.line.setToolTip("")
        self.set_value(d)
        self.date_changed.emit(d)
