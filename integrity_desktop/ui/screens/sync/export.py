"""The sync screen's export tab: sign (and optionally encrypt) a bundle for the other side.

Signing and writing run through ``run_task``; ``sync.export.export_bundle`` does the work.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QCheckBox, QFileDialog, QFormLayout, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from integrity_desktop.filenames import dated_name
from integrity_desktop.services.store import keys, offices
from integrity_desktop.services.store.seed import HQ
from integrity_desktop.ui.app import current_lang
from integrity_desktop.ui.context import UiContext
from integrity_desktop.ui.dialogs.passphrase import ask_passphrase
from integrity_desktop.ui.screens.sync.common import bundle_filter, error_label, ltr, record_type_label
from integrity_desktop.ui.tasks import run_task
from integrity_desktop.ui.text import isolate, join_list, shown_number
from integrity_desktop.ui.widgets.buttons import button_row, push_button
from integrity_desktop.ui.widgets.combos import choice_combo
from integrity_desktop.ui.widgets.fields import text_field
from integrity_desktop.ui.widgets.labels import text_label
from integrity_desktop.ui.widgets.messages import error_text


class SyncExportTab(QWidget):
    """Where the bundle goes, full or changes only, encrypted or not; the result or the error
    below the button.  ``ask_passphrase`` is replaced in tests."""

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.is_hq = ctx.store.office_code == HQ
        self.ask_passphrase = ask_passphrase
        intro = QLabel(
            self.tr(
                "A bundle carries this office's changes to the other side on a USB stick or by "
                "mail. It is signed with the office key; it can also be encrypted so that only the "
                "recipient can open it."
            )
        )
        intro.setWordWrap(True)
        form = QFormLayout()
        self.recipient = choice_combo(name="recipient")
        if self.is_hq:
            for office in offices.list_offices(self.ctx.store):
                if office.code != HQ:
                    self.recipient.addItem(office.name_fa, office.code)
            form.addRow(self.tr("Bundle for:"), self.recipient)
        self.export_path = text_field("export_path")
        ltr(self.export_path)
        choose = push_button(self.tr("Choose…"), name="choose_export",
                             tip=self.tr("Choose where to save the bundle"), on_click=self.choose_export_path)
        path_row = QHBoxLayout()
        path_row.addWidget(self.export_path, 1)
        path_row.addWidget(choose)
        form.addRow(self.tr("Save as:"), path_row)
        self.full = QCheckBox(
            self.tr(
                "Everything the recipient may see (full bundle), not only "
                "the changes since the previous bundle"
            )
        )
        self.full.setObjectName("full")
        form.addRow("", self.full)
        self.encrypt = QCheckBox(self.tr("Encrypt for the recipient"))
        self.encrypt.setObjectName("encrypt")
        self.encrypt_to = text_field("encrypt_to")
        self.encrypt_to.setPlaceholderText("age1…")
        ltr(self.encrypt_to)
        self.encrypt_to.setEnabled(False)
        self.encrypt.toggled.connect(self.encrypt_to.setEnabled)
        form.addRow("", self.encrypt)
        form.addRow(self.tr("Recipient's age key:"), self.encrypt_to)
        self.export_button = push_button(self.tr("Write the bundle…"), name="export_button",
                                         tip=self.tr("Write a signed bundle of this office's changes"),
                                         on_click=self.export)
        self.export_error = error_label("export_error")
        self.export_result = text_label("export_result", selectable=True)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addLayout(button_row(self.export_button))
        layout.addWidget(self.export_error)
        layout.addWidget(self.export_result)
        layout.addStretch(1)
        self._suggest_export_path()

    def _suggest_export_path(self) -> None:
        target = self.recipient.currentData() if self.is_hq else HQ
        name = dated_name(f"{self.ctx.store.office_code}-to-{target}", ".itb")
        self.export_path.setText(str(Path.home() / name))
        if self.is_hq:
            self.recipient.currentIndexChanged.connect(lambda _i: self._retarget_export_path())

    def _retarget_export_path(self) -> None:
        name = dated_name(f"{self.ctx.store.office_code}-to-{self.recipient.currentData()}", ".itb")
        folder = Path(self.export_path.text()).parent if self.export_path.text() else Path.home()
        self.export_path.setText(str(folder / name))

    def choose_export_path(self) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("Save the bundle as"), self.export_path.text(), bundle_filter()
        )
        if path:
            self.export_path.setText(path)

    def export(self) -> None:
        self.export_error.clear()
        self.export_result.clear()
        out = self.export_path.text().strip()
        if not out:
            self.export_error.setText(self.tr("Choose where to save the bundle."))
            return
        encrypt_to = self.encrypt_to.text().strip() if self.encrypt.isChecked() else None
        if self.encrypt.isChecked() and not encrypt_to:
            self.export_error.setText(self.tr("Paste the recipient's age key (it starts with age1)."))
            return
        passphrase = self.ask_passphrase(
            self, self.tr("The bundle is signed with this office's key. Type the key passphrase.")
        )
        if passphrase is None:
            return
        for_office = str(self.recipient.currentData()) if self.is_hq else None
        full = self.full.isChecked()
        store, actor = self.ctx.store, self.ctx.actor

        def work(report: Callable[[int, int, str], None]) -> Any:
            from integrity_desktop.sync.export import export_bundle

            report(0, 0, QCoreApplication.translate("SyncExportTab", "Opening the office key…"))
            key = keys.signing_key(store, passphrase)
            report(0, 0, QCoreApplication.translate("SyncExportTab", "Writing the bundle…"))
            return export_bundle(
                store, actor, Path(out), key, full=full, encrypt_to=encrypt_to, for_office=for_office
            )

        self.export_button.setEnabled(False)
        run_task(self, work, self._exported, self._export_failed, title=self.tr("Writing the bundle…"))

    def _exported(self, result: Any) -> None:
        self.export_button.setEnabled(True)
        counts = join_list(
            f"{record_type_label(t)}: {shown_number(n)}" for t, n in result.record_counts.items()
        ) or self.tr("no changes")
        text = self.tr(
            "Bundle number {seq} written to:\n{path}\n{records} records ({counts}); "
            "{files} evidence files; {size} KB{encrypted}."
        ).format(
            seq=shown_number(result.seq),
            path=isolate(result.path),
            records=shown_number(sum(result.record_counts.values())),
            counts=counts,
            files=shown_number(result.evidence_files),
            size=shown_number(max(1, round(result.size / 1024))),
            encrypted=self.tr(", encrypted") if result.encrypted else "",
        )
        self.export_result.setText(text)

    def _export_failed(self, exc: BaseException) -> None:
        self.export_button.setEnabled(True)
        self.export_error.setText(error_text(exc, current_lang()))
