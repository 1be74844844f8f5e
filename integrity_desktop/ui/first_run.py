"""First-run wizard for a new store: the office, the admin password, the key passphrase."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from integrity_desktop.catalog import load_offices
from integrity_desktop.db.store import Store
from integrity_desktop.errors import UserError
from integrity_desktop.services.stores import init_store
from integrity_desktop.ui.tasks import run_task
from integrity_desktop.ui.widgets.messages import error_text


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
        self.office = QComboBox()
        self.office.setObjectName("office")
        for info in load_offices():
            self.office.addItem(info.name_fa, info.code)
        self.password = self._secret("password")
        self.password2 = self._secret("password2")
        self.passphrase = self._secret("passphrase")
        self.passphrase2 = self._secret("passphrase2")
        form = QFormLayout()
        form.addRow(self.tr("Office:"), self.office)
        form.addRow(self.tr("Administrator password (user admin):"), self.password)
        form.addRow(self.tr("Repeat the password:"), self.password2)
        form.addRow(self.tr("Key passphrase:"), self.passphrase)
        form.addRow(self.tr("Repeat the passphrase:"), self.passphrase2)
        self.error = QLabel()
        self.error.setObjectName("error")
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #c62828")
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Create"))
        buttons.accepted.connect(self.try_create)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)

    def _secret(self, name: str) -> QLineEdit:
        edit = QLineEdit()
        edit.setObjectName(name)
        edit.setEchoMode(QLineEdit.EchoMode.Password)
        return edit

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

        def failed(exc: BaseException) -> None:
            self.setEnabled(True)
            self.error.setText(error_text(exc) if isinstance(exc, UserError) else str(exc))

        # Key derivation takes seconds on purpose: keep the window painting meanwhile.
        run_task(
            self, lambda _report: init_store(self.location, office, password, passphrase),
            done, failed, title=self.tr("Creating the store and its keys…"),
        )
