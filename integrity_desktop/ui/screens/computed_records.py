"""The records behind a computed figure: its Persian formula and every record it counts (and,
for a rate, the ones it only divides by), read from ``services.computed``."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from integrity_desktop.errors import UserError
from integrity_desktop.services import computed
from integrity_desktop.services.checklists import EntryView
from integrity_desktop.ui.context import UiContext
from integrity_desktop.ui.text import shown_date, shown_number


class RecordsModel(QAbstractTableModel):
    """``RecordRow`` values: kind, date, description, whether the figure counts it."""

    def __init__(self, rows: list[computed.RecordRow], rate: bool, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.rows = rows
        self.rate = rate
        self._headers = [self.tr("Record"), self.tr("Date"), self.tr("Description")]
        if rate:
            self._headers.append(self.tr("Counted"))

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._headers)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return self._headers[section]
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Vertical:
            return shown_number(section + 1)
        return None

    def data(
        self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if not index.isValid():
            return None
        row = self.rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return [row.kind_fa, shown_date(row.day), row.text,
                    self.tr("yes") if row.counted else self.tr("no")][index.column()]
        if role == Qt.ItemDataRole.ToolTipRole and index.column() == 2:
            return row.text
        if role == Qt.ItemDataRole.ForegroundRole and self.rate and not row.counted:
            return QBrush(QColor("#757575"))
        return None


class ComputedRecordsDialog(QDialog):
    """Attributes for tests: ``formula_label``, ``summary_label``, ``table``, ``model``."""

    def __init__(
        self, ctx: UiContext, entry: EntryView, period_code: str, office_code: str,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("computed_records")
        self.setWindowTitle(self.tr("Records behind indicator {code}").format(code=entry.code_fa))
        self.resize(900, 520)
        source = entry.computed_source or {}
        denominator = source.get("denominator")
        rate = denominator is not None
        try:
            rows = computed.records_behind(ctx.store, ctx.actor, period_code, entry.item_code,
                                           office_code=office_code, programme=entry.programme_code)
        except UserError as exc:
            rows = []
            self.error = exc.fa
        else:
            self.error = ""
        title = QLabel(f"<b>{entry.code_fa} — {entry.title}</b>")
        title.setWordWrap(True)
        self.formula_label = QLabel(self.tr("Formula: {formula}").format(formula=entry.formula_fa))
        self.formula_label.setObjectName("formula")
        self.formula_label.setWordWrap(True)
        counted = sum(1 for r in rows if r.counted)
        if rate:
            text = self.tr("{counted} of {total} records count; the figure now is {value}.").format(
                counted=shown_number(counted), total=shown_number(len(rows)),
                value=_value(entry.live_value, entry))
        else:
            text = self.tr("{total} records; the figure now is {value}.").format(
                total=shown_number(len(rows)), value=_value(entry.live_value, entry))
        if entry.frozen:
            text += " " + self.tr("The checklist was approved with {value}.").format(
                value=_value(entry.value, entry))
        self.summary_label = QLabel(self.error or text)
        self.summary_label.setObjectName("summary")
        self.summary_label.setWordWrap(True)
        self.model = RecordsModel(rows, rate, self)
        self.table = QTableView()
        self.table.setObjectName("records")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("Close"))
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        for w in (title, self.formula_label, self.summary_label):
            layout.addWidget(w)
        layout.addWidget(self.table, 1)
        layout.addWidget(buttons)


def _value(value: float | None, entry: EntryView) -> str:
    from integrity_desktop.indicators import value_text_fa

    return shown_number(value_text_fa(entry.definition, value)) if value is not None else "—"
