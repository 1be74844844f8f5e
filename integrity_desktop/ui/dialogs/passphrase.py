"""Asking for the office key passphrase (signing a bundle, opening an encrypted one).

The passphrase is checked by ``services.store.keys.check_passphrase`` (its Persian message is shown
in the dialog); whether it is the *right* one is found out by the work that uses it.
"""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QLabel, QVBoxLayout, QWidget

from integrity_desktop.services.store.keys import check_passphrase
from integrity_desktop.ui.operations import accept_if_done
from integrity_desktop.ui.widgets.fields import text_field
from integrity_desktop.ui.widgets.form_errors import finish_form


class PassphraseDialog(QDialog):
    """After ``exec()`` returns Accepted, ``passphrase()`` holds what was typed."""

    def __init__(self, purpose: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Key passphrase"))
        self.setMinimumWidth(420)
        text = QLabel(purpose)
        text.setWordWrap(True)
        self.edit = text_field("passphrase", secret=True)
        layout = QVBoxLayout(self)
        layout.addWidget(text)
        layout.addWidget(QLabel(self.tr("Office key passphrase:")))
        layout.addWidget(self.edit)
        self.error, _buttons = finish_form(self, layout, self.check, ok_text=self.tr("Continue"))
        self.edit.setFocus()

    def check(self) -> None:
        if not accept_if_done(self, lambda: check_passphrase(self.edit.text()), self.error):
            self.edit.selectAll()
            self.edit.setFocus()

    def passphrase(self) -> str:
        return self.edit.text()


def ask_passphrase(parent: QWidget | None, purpose: str) -> str | None:
    """The typed passphrase, or None when the person cancelled."""
    dialog = PassphraseDialog(purpose, parent)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return None
    return dialog.passphrase()
