"""A form dialog's foot: the red error line and the OK/Cancel buttons (``finish_form``), and the
error line going as soon as the person changes a field: the message was about the value they are
now correcting (issue 16 item 10), in every dialog that has one.

    self.error, buttons = finish_form(self, form, self.save, ok_text=create_text)

    def save(self) -> None:
        accept_if_done(self, lambda: service.create(...), self.error)   # ui.operations
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import (
    QBoxLayout,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QListWidget,
    QPlainTextEdit,
    QWidget,
)

from integrity_desktop.ui.operations import accept_if_done
from integrity_desktop.ui.widgets import palette
from integrity_desktop.ui.widgets.jalali_date_edit import JalaliDateEdit
from integrity_desktop.ui.widgets.labels import text_label

# Each kind of field, and the signal it gives when the person changes its value.
_CHANGED: tuple[tuple[type[QWidget], str], ...] = (
    (QLineEdit, "textEdited"),
    (QPlainTextEdit, "textChanged"),
    (QComboBox, "currentIndexChanged"),
    (QListWidget, "itemChanged"),
    (QGroupBox, "toggled"),
    (JalaliDateEdit, "date_changed"),
)


def clear_when_edited(label: QLabel, root: QWidget) -> None:
    """An error line disappears as soon as the person changes any field of ``root``: the message
    was about the value they are now correcting."""
    for kind, signal in _CHANGED:
        for field in root.findChildren(kind):
            getattr(field, signal).connect(label.clear)


def error_line(name: str = "error") -> QLabel:
    """A form's red, word-wrapped error line (tests find it by ``name``)."""
    label = text_label(name)
    label.setStyleSheet(f"color: {palette.ERROR}")
    return label


def ok_cancel(dialog: QDialog, on_ok: Callable[[], object], ok_text: str | None = None) -> QDialogButtonBox:
    """OK (named ``ok_text``) runs ``on_ok``, which closes the dialog only when the save went
    through; Cancel rejects it."""
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
    if ok_text is not None:
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(ok_text)
    buttons.accepted.connect(on_ok)
    buttons.rejected.connect(dialog.reject)
    return buttons


class SavingDialog(QDialog):
    """A form dialog whose OK (``save``) runs ``_write``, the service call: the dialog closes only
    when it went through; a refusal shows in the error line ``error``."""

    error: QLabel

    def save(self) -> None:
        accept_if_done(self, self._write, self.error)

    def _write(self) -> None:
        raise NotImplementedError


def finish_form(
    dialog: QDialog,
    layout: QFormLayout | QBoxLayout,
    on_ok: Callable[[], object],
    *,
    ok_text: str | None = None,
    error: QLabel | None = None,
    clear_on_edit: bool = True,
) -> tuple[QLabel, QDialogButtonBox]:
    """End a form dialog: the error line (``error``, or a new one) and OK/Cancel below the
    fields of ``layout``; with ``clear_on_edit`` the error line goes when any field of the
    dialog changes (so call this after the fields are made)."""
    label = error if error is not None else error_line()
    buttons = ok_cancel(dialog, on_ok, ok_text)
    for widget in (label, buttons):
        if isinstance(layout, QFormLayout):
            layout.addRow(widget)
        else:
            layout.addWidget(widget)
    if clear_on_edit:
        clear_when_edited(label, dialog)
    return label, buttons
