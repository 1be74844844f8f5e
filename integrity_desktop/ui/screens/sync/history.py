"""The sync screen's import history tab: every bundle received, newest first, a page at a time
(``sync.import_log.list_imports``)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from integrity_desktop.ui.context import UiContext
from integrity_desktop.ui.screens.sync.common import OfficeNames, shown_datetime
from integrity_desktop.ui.text import shown_number
from integrity_desktop.ui.widgets import palette
from integrity_desktop.ui.widgets.table_models import PagedTableModel, plain_table


class SyncHistoryTab(QWidget):
    """The count of bundles received and their table (refused ones tinted)."""

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        office_label = OfficeNames(ctx.store)
        outcomes = {
            "accepted": self.tr("Imported"),
            "replay": self.tr("Already imported"),
            "refused": self.tr("Refused"),
        }
        self.history_model = PagedTableModel(
            [
                (self.tr("Received"), lambda r: shown_datetime(r.imported_at)),
                (self.tr("From office"), lambda r: office_label(r.source_office)),
                (self.tr("Number"), lambda r: shown_number(r.seq)),
                (self.tr("Made"), lambda r: shown_datetime(r.created_at)),
                (self.tr("Outcome"), lambda r: outcomes.get(r.outcome, r.outcome)),
                (self.tr("Records"), lambda r: shown_number(r.records)),
                (self.tr("Conflicts"), lambda r: shown_number(r.conflicts)),
                (self.tr("Rejected"), lambda r: shown_number(r.rejected)),
                (self.tr("By"), lambda r: r.imported_by),
            ],
            self._history_page,
            self._history_count,
            tint=lambda r: palette.BAD_BG if r.outcome == "refused" else None,
        )
        self.history_view = plain_table(self.history_model, "history_table")
        self.history_total = QLabel()
        layout = QVBoxLayout(self)
        layout.addWidget(self.history_total)
        layout.addWidget(self.history_view, 1)

    def _history_page(self, offset: int, limit: int) -> Sequence[Any]:
        from integrity_desktop.sync import import_log

        return import_log.list_imports(self.ctx.store, self.ctx.actor, offset=offset, limit=limit)

    def _history_count(self) -> int:
        from integrity_desktop.sync import import_log

        return import_log.count_imports(self.ctx.store, self.ctx.actor)

    def refresh(self) -> None:
        if not self.ctx.can("sync.import"):
            return
        self.history_model.reload()
        self.history_total.setText(
            self.tr("{n} bundles received").format(n=shown_number(self.history_model.total))
        )
