"""First-run wizard for a new store: the office, the admin password, the key passphrase."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QFormLayout, QLabel, QVBoxLayout, QWidget

from integrity_desktop.catalog import load_offices
from integrity_desktop.db.store import Store
from integrity_desktop.services.store.opening import init_store
from integrity_desktop.ui.operations import run_in_background
from integrity_desktop.ui.widgets.combos import choice_combo
from integrity_desktop.ui.widgets.fields import form_row, text_field
from integrity_desktop.ui.widgets.form_errors import finish_form


class FirstRunDialog(QDialog):
    """Creates the store at ``location`` when accepted; ``store`` is then open."""

    def __init__(self, location: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.location = location
        self.store: Store | None = None
        self.setWindowTitle(self.tr("New store"))
        self.setMinimumWidth(480)
        intro = QLabel(self.tr(
            "This computer has no data store yet. Choose your office and set the administrator "
            "password and the passphrase that protects this office's signing key. The passphrase "
            "is never stored: keep it safe, it is needed to send bundles."
        ))
        intro.setWordWrap(True)
        form = QFormLayout()
        self.office = form_row(form, self.tr("Office:"), choice_combo(name="office"))
        for info in load_offices():
            self.office.addItem(info.name_fa, info.code)
        self.password = form_row(form, self.tr("Administrator password (user admin):"),
                                 text_field("password", secret=True))
        self.password2 = form_row(form, self.tr("Repeat the password:"), text_field("password2", secret=True))
        self.passphrase = form_row(form, self.tr("Key passphrase:"), text_field("passphrase", secret=True))
        self.passphrase2 = form_row(form, self.tr("Repeat the passphrase:"),
                                    text_field("passphrase2", secret=True))
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        self.error, _buttons = finish_form(self, layout, self.try_create, ok_text=self.tr("Create"))

    def try_create(self) -> None:
        if self.password.text() != self.password2.text():
            self.error.setText(self.tr("The two passwords are not the same."))
            return
        if self.passphrase.text() != self.passphrase2.text():
            self.error.setText(self.tr("The two passphrases are not the same."))
            return
        office, password, passphrase = (
            str(self.office.currentData()), self.password.text(), self.passphrase.text()
        )
        self.setEnabled(False)

        def done(store: Store) -> None:
            self.store = store
            self.accept()

        # Key derivation takes seconds on purpose: keep the window painting meanwhile.
        run_in_background(
            self, lambda _report: init_store(self.location, office, password, passphrase),
            on_done=done, error_label=self.error, on_failed=lambda _exc: self.setEnabled(True),
            title=self.tr("Creating the store and its keys…"),
        )
