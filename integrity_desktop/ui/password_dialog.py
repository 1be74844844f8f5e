"""Changing one's own password: from the File menu, and forced at the first sign-in of an
account the administrator made or reset (``users.must_change_password``).

The rules (length only) and the audit entry live in ``services.accounts.users.change_password``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QLabel, QVBoxLayout, QWidget

from integrity_desktop.ui.operations import accept_if_done
from integrity_desktop.ui.widgets.fields import text_field
from integrity_desktop.ui.widgets.form_errors import finish_form

if TYPE_CHECKING:
    from integrity_desktop.db.store import Store
    from integrity_desktop.permissions import Actor


class ChangePasswordDialog(QDialog):
    """``forced``: the person has just signed in with ``current`` and must choose a new one
    before anything else (the current password is then not asked again)."""

    def __init__(self, store: Store, actor: Actor, *, forced: bool = False, current: str = "",
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store, self.actor, self.forced, self._current = store, actor, forced, current
        self.changed = False
        self.setWindowTitle(self.tr("Change my password"))
        self.setMinimumWidth(420)
        intro = QLabel(
            self.tr("Your account was made or reset by the administrator: choose your own "
                    "password before you continue. A long sentence you remember is better than "
                    "a short complicated word.")
            if forced else
            self.tr("A long sentence you remember is better than a short complicated word."))
        intro.setObjectName("intro")
        intro.setWordWrap(True)
        self.old = text_field("current_password", secret=True)
        self.new = text_field("new_password", secret=True)
        self.again = text_field("repeat_password", secret=True)
        form = QFormLayout()
        if not forced:
            form.addRow(self.tr("Current password:"), self.old)
        form.addRow(self.tr("New password:"), self.new)
        form.addRow(self.tr("New password again:"), self.again)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        self.error, buttons = finish_form(self, layout, self.submit, ok_text=self.tr("Change password"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        (self.new if forced else self.old).setFocus()

    def submit(self) -> None:
        from integrity_desktop.services.accounts import users

        self.error.clear()
        if self.new.text() != self.again.text():
            self.error.setText(self.tr("The two new passwords are not the same."))
            self.again.selectAll()
            self.again.setFocus()
            return
        current = self._current if self.forced else self.old.text()
        accept_if_done(self, lambda: users.change_password(self.store, self.actor, current, self.new.text()),
                       self.error, on_done=lambda _result: setattr(self, "changed", True))
