"""Sign-in dialog: checks the password through the users service (lock-out lives there).

At start-up it is shown before the store has opened (``store=None``); ``set_store`` fills it in
when the background open finishes, and a sign-in asked for meanwhile runs then.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QDialog, QFormLayout, QVBoxLayout, QWidget

from integrity_desktop.errors import UserError
from integrity_desktop.ui.widgets import palette
from integrity_desktop.ui.widgets.fields import text_field
from integrity_desktop.ui.widgets.form_errors import error_line, ok_cancel
from integrity_desktop.ui.widgets.labels import note_label, text_label
from integrity_desktop.ui.widgets.messages import app_lang, error_text

if TYPE_CHECKING:  # imported lazily: the dialog paints before SQLAlchemy has loaded
    from integrity_desktop.db.cipher import UnlockResult
    from integrity_desktop.db.store import Store
    from integrity_desktop.permissions import Actor


class LoginDialog(QDialog):
    """After ``exec()`` returns Accepted, ``actor`` holds the signed-in person."""

    def __init__(
        self, store: Store | None, office_name: str, hint: str = "", parent: QWidget | None = None,
        unlocker: Callable[[str, str], UnlockResult | None] | None = None,
        unlock_only: bool = False,
    ) -> None:
        super().__init__(parent)
        self.store = store
        self.actor: Actor | None = None
        self._pending = False
        # An encrypted store opens only with the key the sign-in unwraps (``launch``).
        self._unlocker = unlocker
        self._unlocked: UnlockResult | None = None
        # Only the key is wanted (an encrypted backup being restored): accept once it unwraps.
        self._unlock_only = unlock_only
        self.setWindowTitle(self.tr("Sign in"))
        self.setMinimumWidth(380)
        self.title = text_label("office")
        self._show_office(office_name)
        self.username = text_field("username")
        self.password = text_field("password", secret=True)
        form = QFormLayout()
        form.addRow(self.tr("Username:"), self.username)
        form.addRow(self.tr("Password:"), self.password)
        self.error = error_line()
        buttons = ok_cancel(self, self.try_sign_in, self.tr("Sign in"))
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addLayout(form)
        if hint:
            layout.addWidget(note_label(hint))
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self.username.setFocus()

    def _show_office(self, office_name: str) -> None:
        if self.store is None:
            self.title.setText(self.tr("Opening the store…"))
        else:
            self.title.setText(f"<b>{office_name}</b>")

    def set_store(self, store: Store, office_name: str) -> None:
        """The store has opened: show its office, and sign in if that was already asked for."""
        self.store = store
        self._show_office(office_name)
        if self._pending:
            self._pending = False
            self.try_sign_in()

    def try_sign_in(self) -> None:
        if self.store is None:  # still opening: sign in as soon as it is open
            if self._unlocker is not None and self._unlocked is None:
                try:
                    self._unlocked = self._unlocker(self.username.text().strip(),
                                                    self.password.text())
                except UserError as exc:  # a wrong password cannot open the key
                    self.error.setStyleSheet(f"color: {palette.ERROR}")
                    self.error.setText(error_text(exc, app_lang()))
                    self.password.selectAll()
                    self.password.setFocus()
                    return
                if self._unlock_only:
                    self.error.clear()
                    self.accept()
                    return
            self._pending = True
            self.error.setStyleSheet(f"color: {palette.HINT}")  # a notice, not an error
            self.error.setText(self.tr("Opening the store; you will be signed in in a moment…"))
            return
        from integrity_desktop.services.accounts import users

        self.error.clear()
        self.error.setStyleSheet(f"color: {palette.ERROR}")
        try:
            unlocked, self._unlocked = self._unlocked, None
            actor = users.authenticate(
                self.store, self.username.text().strip(), self.password.text(),
                unlocked=unlocked,
            )
        except UserError as exc:
            self.error.setText(error_text(exc, app_lang()))
            self.password.selectAll()
            self.password.setFocus()
            return
        if users.must_change_password(self.store, actor) and not self._forced_change(actor):
            self.error.setText(self.tr("You must choose a new password before you can continue."))
            self.password.clear()
            self.password.setFocus()
            return
        self.actor = actor
        self.accept()

    def _forced_change(self, actor: Actor) -> bool:
        """An account made or reset by the administrator: its person chooses a password now."""
        from integrity_desktop.ui.password_dialog import ChangePasswordDialog

        dialog = ChangePasswordDialog(self.store_or_fail(), actor, forced=True,
                                      current=self.password.text(), parent=self)
        dialog.exec()
        return dialog.changed

    def store_or_fail(self) -> Store:
        assert self.store is not None
        return self.store
