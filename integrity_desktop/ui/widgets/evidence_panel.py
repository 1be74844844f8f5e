"""The files attached to one record (a visit, a finding): a list with a thumbnail for pictures,
and «پیوست پرونده…», «باز کردن», «حذف».  Storing runs off the GUI thread with a progress bar;
the rules (types, size, who may attach) are the evidence service's."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QIcon, QPixmap
from PySide6.QtWidgets import QFileDialog, QLabel, QListWidget, QListWidgetItem, QWidget

from integrity_desktop.services.store import evidence
from integrity_desktop.ui.context import UiContext
from integrity_desktop.ui.operations import attempt, run_in_background
from integrity_desktop.ui.text import shown_number
from integrity_desktop.ui.widgets.buttons import button_row, push_button
from integrity_desktop.ui.widgets.messages import confirm
from integrity_desktop.ui.widgets.open_evidence import open_with_system_viewer
from integrity_desktop.ui.widgets.panels import lay_out

THUMB = QSize(56, 56)


def thumbnail(data: bytes | None) -> QIcon | None:
    """A picture's bytes as a list icon, or None when they are not a picture Qt can read."""
    if not data:
        return None
    pixmap = QPixmap()
    if not pixmap.loadFromData(data):
        return None
    return QIcon(pixmap.scaled(THUMB, Qt.AspectRatioMode.KeepAspectRatio,
                               Qt.TransformationMode.SmoothTransformation))


class EvidencePanel(QWidget):
    """Attachments of the record set with ``set_owner``; ``changed`` after an attach or a removal.

    Attributes for tests: ``files`` (the list), ``attach_button``, ``open_button``,
    ``remove_button``, ``title``.
    """

    changed = Signal()

    def __init__(self, ctx: UiContext, owner_type: str, title: str, editable: bool,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.owner_type = owner_type
        self.owner_id: str | None = None
        self.editable = editable
        self._title = title
        self.title = QLabel(title)
        self.files = QListWidget()
        self.files.setObjectName(f"{owner_type}_files")
        self.files.setIconSize(THUMB)
        self.files.setTextElideMode(Qt.TextElideMode.ElideMiddle)
        self.files.itemActivated.connect(lambda _item: self.open_chosen())
        self.files.currentRowChanged.connect(lambda _row: self._enable())
        self.attach_button = push_button(self.tr("Attach files…"),
                                         tip=self.tr("Attach photos or documents to this record"),
                                         on_click=self.choose_files)
        self.open_button = push_button(self.tr("Open"), tip=self.tr("Open the selected file"),
                                       on_click=self.open_chosen)
        self.remove_button = push_button(self.tr("Remove"),
                                         tip=self.tr("Remove the selected file from this record"),
                                         on_click=self.remove_chosen)
        buttons = button_row(self.attach_button, self.open_button, self.remove_button)
        lay_out(self, self.title, (self.files, 1), buttons)
        self._enable()

    def set_owner(self, owner_id: str | None) -> None:
        self.owner_id = owner_id
        self.reload()

    def reload(self) -> None:
        self.files.clear()
        rows: list[evidence.EvidenceInfo] = []
        owner_id = self.owner_id
        if owner_id is not None:
            listed = attempt(self, lambda: evidence.list_for(self.ctx.store, self.ctx.actor, self.owner_type, owner_id))
            rows = listed.value if listed else []
        for info in rows:
            item = QListWidgetItem(f"{info.filename} ({info.size_label})")
            item.setData(Qt.ItemDataRole.UserRole, info)
            item.setToolTip(info.filename)
            # Pictures are small enough to read here; a larger or damaged one simply has no icon.
            icon = thumbnail(evidence.image_bytes(self.ctx.store, info))
            if icon is not None:
                item.setIcon(icon)
            self.files.addItem(item)
        if rows:
            self.files.setCurrentRow(0)
        self.title.setText(self.tr("{title} ({n})").format(title=self._title, n=shown_number(len(rows)))
                           if rows else self._title)
        self._enable()

    def _enable(self) -> None:
        chosen = self.files.currentItem() is not None
        self.attach_button.setEnabled(self.editable and self.owner_id is not None)
        self.open_button.setEnabled(chosen)
        self.remove_button.setEnabled(chosen and self.editable)

    def chosen(self) -> evidence.EvidenceInfo | None:
        item = self.files.currentItem()
        value = None if item is None else item.data(Qt.ItemDataRole.UserRole)
        return value if isinstance(value, evidence.EvidenceInfo) else None

    def choose_files(self) -> None:
        names, _ = QFileDialog.getOpenFileNames(
            self,
            self.tr("Attach files"),
            "",
            self.tr(
                "Photos and documents (*.jpg *.jpeg *.png *.tif *.tiff *.pdf *.doc *.docx *.xls *.xlsx "
                "*.odt *.ods *.txt);;All files (*)"
            ),
        )
        if names:
            self.attach_paths([Path(n) for n in names])

    def attach_paths(self, paths: list[Path], on_done: Callable[[], None] | None = None) -> None:
        """Store the files off the GUI thread (hashing and encrypting a large file takes time)."""
        if self.owner_id is None or not paths:
            return
        store, actor, owner_type, owner_id = self.ctx.store, self.ctx.actor, self.owner_type, self.owner_id

        def work(report: Callable[[int, int, str], None]) -> int:
            return evidence.attach_all(store, actor, owner_type, owner_id, paths, report)

        def done(_count: object) -> None:
            self.reload()
            self.changed.emit()
            if on_done is not None:
                on_done()

        def failed(_exc: BaseException) -> None:  # shown by run_in_background
            self.reload()  # the files stored before the one refused stay attached
            if on_done is not None:
                on_done()

        run_in_background(self, work, on_done=done, on_failed=failed, title=self.tr("Storing the files…"))

    def open_chosen(self) -> None:
        info = self.chosen()
        if info is not None:
            open_with_system_viewer(self, self.ctx.store, info)

    def remove_chosen(self) -> None:
        info = self.chosen()
        if info is None or not self.editable:
            return
        if not confirm(self, self.tr("Remove file"),
                       self.tr("Remove «{name}» from this record?").format(name=info.filename)):
            return
        if not attempt(self, lambda: evidence.detach(self.ctx.store, self.ctx.actor, info.id)):
            return
        self.reload()
        self.changed.emit()
