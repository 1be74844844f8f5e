"""A form's one-line text field as the dialogs make one: named (tests and the help find it by
that name), with its first text, and hiding what is typed for a password or a passphrase."""

from __future__ import annotations

from PySide6.QtWidgets import QLineEdit


def text_field(name: str, text: str = "", *, secret: bool = False) -> QLineEdit:
    edit = QLineEdit(text)
    edit.setObjectName(name)
    if secret:
        edit.setEchoMode(QLineEdit.EchoMode.Password)
    return edit
