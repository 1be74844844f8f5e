"""«باز کردن» on an attachment: the system viewer gets a copy under the original name and
extension (services.store.evidence.viewable_copy); any failure says so in Persian."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QWidget

from integrity_desktop.db.store import Store
from integrity_desktop.errors import UserError
from integrity_desktop.services.store import evidence
from integrity_desktop.ui.operations import attempt


def open_with_system_viewer(parent: QWidget | None, store: Store, info: evidence.EvidenceInfo) -> bool:
    """Open the attachment; False (after telling the person why) when it could not be opened."""
    return bool(attempt(parent, lambda: _open(store, info)))


def open_by_id(parent: QWidget | None, store: Store, evidence_id: str) -> bool:
    """``open_with_system_viewer`` for the attachment ``evidence_id``; False (after telling the
    person why) when it is not found or could not be opened."""
    done = attempt(parent, lambda: evidence.get(store, evidence_id))
    return bool(done) and open_with_system_viewer(parent, store, done.value)


def _open(store: Store, info: evidence.EvidenceInfo) -> None:
    path = evidence.viewable_copy(store, info)
    if not QDesktopServices.openUrl(QUrl.fromLocalFile(str(path))):
        raise UserError(
            QCoreApplication.translate(
                "OpenEvidence",
                "No program on this computer opens «{name}». Install a program for this kind "
                "of file, then try again.",
            ).format(name=info.filename),
            f"No program opens {info.filename}.",
            code="evidence_no_viewer",
        )
