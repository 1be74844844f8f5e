"""Asking for the office key passphrase (signing a bundle, opening an encrypted one).

The passphrase is checked by ``services.keys.check_passphrase`` (its Persian message is shown
in the dialog); whether it is the *right* one is found out by the work that uses it.
"""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from integrity_desktop.errors import UserError
from integrity_desktop.services.keys import check_passphrase
from integrity_desktop.ui.widgets.messages import app_lang, error_text


class PassphraseDialog(QDialog):
    """After ``exec()`` returns Accepted, ``passphrase()`` holds what was typed."""

    def __init__(self, purpose: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Key passphrase"))
        self.setMinimumWidth(420)
        text = QLabel(purpose)
        text.setWordWrap(True)
        self.edit = QLineEdit()
        self.edit.setObjectName("passphrase")
        self.edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.error = QLabel()
        self.error.setObjectName("error")
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #c62828")
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Continue"))
        buttons.accepted.connect(self.check)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(text)
        layout.addWidget(QLabel(self.tr("Office key passphrase:")))
        layout.addWidget(self.edit)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self.edit.setFocus()

    def check(self) -> None:
        try:
            check_passphrase(self.edit.text())
        except UserError as exc:
            self.error.setText(error_text(exc, app_lang()))
            self.edit.selectAll()
            self.edit.setFocus()
            return
        self.accept()

    def passphrase(self) -> str:
        return self.edit.text()


def ask_passphrase(parent: QWidget | None, purpose: str) -> str | None:
    """The typed passphrase, or None when the person cancelled."""
    dialog = PassphraseDialog(purpose, parent)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return None
    return dialog.passphrase()
