"""A form's red error line goes as soon as the person changes a field: the message was about the
value they are now correcting (issue 16 item 10), in every dialog that has one."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QGroupBox, QLabel, QLineEdit, QListWidget, QPlainTextEdit, QWidget

from integrity_desktop.ui.widgets.jalali_date_edit import JalaliDateEdit


def clear_when_edited(label: QLabel, root: QWidget) -> None:
    """An error line disappears as soon as the person changes any field of ``root``: the message
    was about the value they are now correcting."""
    for line in root.findChildren(QLineEdit):
        line.textEdited.connect(label.clear)
    for box in root.findChildren(QPlainTextEdit):
        box.textChanged.connect(label.clear)
    for combo in root.findChildren(QComboBox):
        combo.currentIndexChanged.connect(label.clear)
    for items in root.findChildren(QListWidget):
        items.itemChanged.connect(label.clear)
    for group in root.findChildren(QGroupBox):
        group.toggled.connect(label.clear)
    for date in root.findChildren(JalaliDateEdit):
        date.date_changed.connect(label.clear)
