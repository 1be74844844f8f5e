"""A form's text fields as the dialogs make them: a one-line field, named (tests and the help
find it by that name), with its first text, hiding what is typed for a password or a
passphrase; a box of a few lines; and any field put in its form beside its label."""

from __future__ import annotations

from typing import TypeVar

from PySide6.QtWidgets import QFormLayout, QLineEdit, QPlainTextEdit, QWidget

Field = TypeVar("Field", bound=QWidget)


def form_row(form: QFormLayout, label: str, field: Field) -> Field:
    """``field`` in the next row of ``form`` beside ``label`` (translated by the dialog), given
    back for the dialog to keep: a field is made, labelled and placed in one line, in the form's
    order, rather than made in one list and labelled in another."""
    form.addRow(label, field)
    return field


def text_field(name: str, text: str = "", *, secret: bool = False) -> QLineEdit:
    edit = QLineEdit(text)
    edit.setObjectName(name)
    if secret:
        edit.setEchoMode(QLineEdit.EchoMode.Password)
    return edit


def text_box(name: str, height: int, *, fixed: bool = False) -> QPlainTextEdit:
    """A few lines of text in a form, named ``name`` (none when empty): Tab moves on to the next
    field rather than typing a tab; at most ``height`` pixels tall (exactly, when ``fixed``)."""
    box = QPlainTextEdit()
    if name:
        box.setObjectName(name)
    box.setTabChangesFocus(True)
    if fixed:
        box.setFixedHeight(height)
    else:
        box.setMaximumHeight(height)
    return box
