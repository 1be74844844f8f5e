"""The sync screen's keys tab: this office's signing-key fingerprint and age recipient to give
to the other side, and the offices whose keys this store trusts (add from a ``.pub`` file,
revoke).  ``services.store.keys`` and ``sync.trust`` do the work."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from integrity_desktop.errors import UserError
from integrity_desktop.services.store import keys, offices
from integrity_desktop.ui.app import current_lang
from integrity_desktop.ui.context import UiContext
from integrity_desktop.ui.operations import attempt
from integrity_desktop.ui.screens.sync.common import OfficeNames, error_label, ltr, shown_datetime
from integrity_desktop.ui.text import isolate, isolate_embedded
from integrity_desktop.ui.widgets import palette
from integrity_desktop.ui.widgets.buttons import button_row, push_button
from integrity_desktop.ui.widgets.choose_file import choose_file
from integrity_desktop.ui.widgets.combos import choice_combo
from integrity_desktop.ui.widgets.fields import text_field
from integrity_desktop.ui.widgets.labels import text_label
from integrity_desktop.ui.widgets.table_models import ListTableModel, plain_table


class SyncKeysTab(QWidget):
    """This office's keys for everyone; the trusted offices' keys for ``sync.trust`` only.
    ``confirm`` is replaced in tests."""

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.office_label = OfficeNames(ctx.store)
        own = QGroupBox(self.tr("This office's keys"))
        own_form = QFormLayout(own)
        self.own_fingerprint = text_field("own_fingerprint")
        self.own_fingerprint.setReadOnly(True)
        ltr(self.own_fingerprint)
        copy_fp = push_button(self.tr("Copy"), name="copy_fingerprint",
                              tip=self.tr("Copy the fingerprint, to read it out over the phone"),
                              on_click=lambda: self._copy(self.own_fingerprint.text()))
        self.own_recipient = text_field("own_recipient")
        self.own_recipient.setReadOnly(True)
        ltr(self.own_recipient)
        copy_rc = push_button(
            self.tr("Copy"),
            name="copy_recipient",
            tip=self.tr("Copy the age recipient for offices that send you encrypted bundles"),
            on_click=lambda: self._copy(self.own_recipient.text()),
        )
        save_pub = push_button(self.tr("Save the public key file…"), name="save_public_key",
                               tip=self.tr("Save this office's public key to give to the other side"),
                               on_click=self.save_public_key)
        fp_row = QHBoxLayout()
        fp_row.addWidget(self.own_fingerprint, 1)
        fp_row.addWidget(copy_fp)
        rc_row = QHBoxLayout()
        rc_row.addWidget(self.own_recipient, 1)
        rc_row.addWidget(copy_rc)
        own_form.addRow(self.tr("Signing key fingerprint:"), fp_row)
        own_form.addRow(self.tr("Age recipient (for encrypted bundles):"), rc_row)
        own_form.addRow("", button_row(save_pub))
        self.keys_note = QLabel()
        self.keys_note.setWordWrap(True)
        own_form.addRow(self.keys_note)

        trusted = QGroupBox(self.tr("Offices whose bundles this store accepts"))
        self.trust_model = ListTableModel(
            [
                (self.tr("Office"), lambda k: self.office_label(k.office_code)),
                (self.tr("Key id"), lambda k: k.key_id),
                (self.tr("Fingerprint"), lambda k: k.fingerprint),
                (self.tr("Added"), lambda k: shown_datetime(k.added_at)),
                (
                    self.tr("State"),
                    lambda k: (
                        self.tr("Active")
                        if k.active
                        else self.tr("Revoked {when}").format(when=shown_datetime(k.revoked_at))
                    ),
                ),
            ],
            tint=lambda k: None if k.active else palette.QUIET_BG,
        )
        self.trust_view = plain_table(self.trust_model, "trust_table")
        self.trust_office = choice_combo(name="trust_office")
        for office in offices.list_offices(self.ctx.store):
            if office.code != self.ctx.store.office_code:
                self.trust_office.addItem(office.name_fa, office.code)
        self.add_key_button = QPushButton(
            self.tr("Add the office's key from a {ext} file…").format(ext=isolate(".pub"))
        )
        self.add_key_button.setToolTip(self.tr("Trust another office's key from its public key file"))
        self.add_key_button.setObjectName("add_key")
        self.add_key_button.clicked.connect(self.choose_key_file)
        self.revoke_button = push_button(self.tr("Revoke the selected office's key…"), name="revoke_key",
                                         tip=self.tr("Refuse the selected office's bundles from now on"),
                                         on_click=self.revoke_selected)
        self.trust_error = error_label("trust_error")
        self.trust_done = text_label("trust_done")
        trusted_layout = QVBoxLayout(trusted)
        trusted_layout.addWidget(self.trust_view, 1)
        trusted_layout.addLayout(button_row(QLabel(self.tr("Office:")), self.trust_office,
                                            self.add_key_button, end=[self.revoke_button]))
        trusted_layout.addWidget(self.trust_error)
        trusted_layout.addWidget(self.trust_done)
        can_trust = self.ctx.can("sync.trust")
        for w in (self.trust_office, self.add_key_button, self.revoke_button):
            w.setVisible(can_trust)
        self.trusted_box = trusted
        trusted.setVisible(can_trust)
        layout = QVBoxLayout(self)
        layout.addWidget(own)
        layout.addWidget(trusted, 1)
        if not can_trust:
            layout.addStretch(1)

    def _copy(self, text: str) -> None:
        QGuiApplication.clipboard().setText(text)

    def save_public_key(self) -> None:
        name = f"{self.ctx.store.office_code}.pub"
        path, _ = QFileDialog.getSaveFileName(
            self,
            self.tr("Save the public key"),
            str(Path.home() / name),
            self.tr("Public keys (*.pub)"),
        )
        if path:
            self.write_public_key(Path(path))

    def write_public_key(self, path: Path) -> None:
        try:
            path.write_text(keys.public_key_file(self.ctx.store), encoding="ascii")
        except OSError as exc:
            self.trust_error.setText(
                self.tr("The file could not be written: {reason}").format(reason=isolate(exc.strerror or exc))
            )
            return
        except UserError as exc:
            self.trust_error.setText(isolate_embedded(exc.message(current_lang())))
            return
        self.trust_done.setText(self.tr("Public key saved to {path}.").format(path=isolate(path)))

    def choose_key_file(self) -> None:
        path = choose_file(self, self.tr("The office's public key file"),
                           self.tr("Public keys (*.pub);;All files (*)"), str(Path.home()))
        if path:
            self.add_key_from_file(path)

    def add_key_from_file(self, path: Path) -> None:
        from integrity_desktop.sync import trust

        self.trust_error.clear()
        self.trust_done.clear()
        office = str(self.trust_office.currentData())
        added = attempt(self, lambda: trust.add_key(self.ctx.store, self.ctx.actor, office, trust.read_key_file(path)),
                        error_label=self.trust_error)
        if not added:
            return
        info = added.value
        self.trust_done.setText(
            self.tr(
                "Key {key} of {office} is trusted. Compare its fingerprint with that office over "
                "the phone: {fingerprint}"
            ).format(
                key=isolate(info.key_id), office=self.trust_office.currentText(),
                fingerprint=isolate(info.fingerprint),
            )
        )
        self.refresh()

    def selected_key(self) -> Any:
        rows = self.trust_view.selectionModel().selectedRows()
        return self.trust_model.row_at(rows[0].row()) if rows else None

    def revoke_selected(self) -> None:
        from integrity_desktop.sync import trust

        self.trust_error.clear()
        self.trust_done.clear()
        key = self.selected_key()
        if key is None:
            self.trust_error.setText(self.tr("Select the office's key in the list first."))
            return
        office = self.office_label(key.office_code)
        if not self.confirm(
            self.tr("Revoke key"),
            self.tr("Revoke the key of {office}? Bundles signed with it will be refused from now on.").format(
                office=office
            ),
        ):
            return
        if not attempt(self, lambda: trust.revoke(self.ctx.store, self.ctx.actor, key.office_code),
                       error_label=self.trust_error):
            return
        self.trust_done.setText(self.tr("The key of {office} was revoked.").format(office=office))
        self.refresh()

    def confirm(self, title: str, text: str) -> bool:
        from integrity_desktop.ui.widgets.messages import confirm

        return confirm(self, title, text)

    def refresh(self) -> None:
        try:
            self.own_fingerprint.setText(keys.fingerprint(keys.public_key_base64(self.ctx.store)))
            self.own_recipient.setText(keys.age_recipient(self.ctx.store))
            self.keys_note.setText(
                self.tr(
                    "Read the fingerprint aloud when the other office adds this key; give the age "
                    "recipient to offices that send you encrypted bundles."
                )
            )
        except UserError as exc:
            self.keys_note.setText(isolate_embedded(exc.message(current_lang())))
        if self.ctx.can("sync.trust"):
            from integrity_desktop.sync import trust

            self.trust_model.set_items(trust.list_keys(self.ctx.store, self.ctx.actor))
