"""Conflict review: versions that lost a merge, side by side with the version applied.

For one conflict the two versions are shown field by field, the differing fields highlighted.
The reviewer keeps the applied version, takes the other one, or ticks, field by field, which
values of the other version to take; ``sync.conflicts.resolve_conflict`` records the decision
as a new version that travels with the next bundle.
"""

from __future__ import annotations

import datetime as _dt
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QCoreApplication, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import QCheckBox, QHeaderView, QLabel, QVBoxLayout, QWidget

from integrity_desktop.errors import UserError
from integrity_desktop.services.audit import words as audit_words
from integrity_desktop.services.cases import lifecycle as lc
from integrity_desktop.services.checklists import entry_rules
from integrity_desktop.services.checklists.filled import CHECKLIST_STATUS_LABELS_FA
from integrity_desktop.services.store import offices
from integrity_desktop.sync.decision import DERIVED_FIELDS
from integrity_desktop.ui.context import UiContext
from integrity_desktop.ui.i18n import QT_TRANSLATE_NOOP
from integrity_desktop.ui.operations import attempt
from integrity_desktop.ui.screens.sync.common import record_type_label, shown_datetime
from integrity_desktop.ui.text import shown_date, shown_number
from integrity_desktop.ui.widgets import palette
from integrity_desktop.ui.widgets.buttons import button_row, push_button
from integrity_desktop.ui.widgets.form_errors import error_line
from integrity_desktop.ui.widgets.labels import note_label, text_label
from integrity_desktop.ui.widgets.panels import panel, side_by_side, split
from integrity_desktop.ui.widgets.table_models import PagedTableModel, TableModel, plain_table, read_only_view

DIFF_COLOUR = palette.DIFF_BG
CHOSEN_COLOUR = palette.CHOSEN_BG

# Persian names of the columns people meet most; any other column shows its own name.
FIELD_LABELS: dict[str, str] = {
    "name_fa": QT_TRANSLATE_NOOP("ConflictsScreen", "Name"),
    "title": QT_TRANSLATE_NOOP("ConflictsScreen", "Title"),
    "kind": QT_TRANSLATE_NOOP("ConflictsScreen", "Kind"),
    "active": QT_TRANSLATE_NOOP("ConflictsScreen", "Active"),
    "deleted": QT_TRANSLATE_NOOP("ConflictsScreen", "Deleted"),
    "status": QT_TRANSLATE_NOOP("ConflictsScreen", "Status"),
    "state": QT_TRANSLATE_NOOP("ConflictsScreen", "State"),
    "value": QT_TRANSLATE_NOOP("ConflictsScreen", "Value"),
    "answer": QT_TRANSLATE_NOOP("ConflictsScreen", "Answer"),
    "score": QT_TRANSLATE_NOOP("ConflictsScreen", "Score"),
    "note": QT_TRANSLATE_NOOP("ConflictsScreen", "Note"),
    "notes": QT_TRANSLATE_NOOP("ConflictsScreen", "Notes"),
    "description": QT_TRANSLATE_NOOP("ConflictsScreen", "Description"),
    "period": QT_TRANSLATE_NOOP("ConflictsScreen", "Period"),
    "unit_id": QT_TRANSLATE_NOOP("ConflictsScreen", "Unit"),
    "approved_by": QT_TRANSLATE_NOOP("ConflictsScreen", "Approved by"),
    "review_note": QT_TRANSLATE_NOOP("ConflictsScreen", "Return note"),
    "approved_at": QT_TRANSLATE_NOOP("ConflictsScreen", "Approved at"),
    "submitted_at": QT_TRANSLATE_NOOP("ConflictsScreen", "Submitted at"),
    "due_date": QT_TRANSLATE_NOOP("ConflictsScreen", "Due date"),
    "sort_order": QT_TRANSLATE_NOOP("ConflictsScreen", "Order"),
    "progress": QT_TRANSLATE_NOOP("ConflictsScreen", "Progress (percent)"),
    "subtasks_done": QT_TRANSLATE_NOOP("ConflictsScreen", "Sub-tasks done"),
    "computed": QT_TRANSLATE_NOOP("ConflictsScreen", "Computed from the registers"),
    "computed_source": QT_TRANSLATE_NOOP("ConflictsScreen", "Source of the computed figure"),
    "completion": QT_TRANSLATE_NOOP("ConflictsScreen", "Completion"),
    "search_text": QT_TRANSLATE_NOOP("ConflictsScreen", "Search text"),
    "period_code": QT_TRANSLATE_NOOP("ConflictsScreen", "Period"),
    "template_id": QT_TRANSLATE_NOOP("ConflictsScreen", "Template"),
    "checklist_id": QT_TRANSLATE_NOOP("ConflictsScreen", "Checklist"),
    "item_id": QT_TRANSLATE_NOOP("ConflictsScreen", "Indicator"),
    "approved_hlc": QT_TRANSLATE_NOOP("ConflictsScreen", "Approval stamp"),
    "employee_name": QT_TRANSLATE_NOOP("ConflictsScreen", "Employee's name"),
    "employee_post": QT_TRANSLATE_NOOP("ConflictsScreen", "Employee's post"),
    "national_code": QT_TRANSLATE_NOOP("ConflictsScreen", "National code"),
    "reporter": QT_TRANSLATE_NOOP("ConflictsScreen", "Reporter"),
    "reported_on": QT_TRANSLATE_NOOP("ConflictsScreen", "Reported on"),
    "summary": QT_TRANSLATE_NOOP("ConflictsScreen", "Summary"),
    "violation_codes": QT_TRANSLATE_NOOP("ConflictsScreen", "Violations"),
    "source_finding_id": QT_TRANSLATE_NOOP("ConflictsScreen", "Referred from a visit's finding"),
}
# Stored codes of a field, shown by the services' Persian labels.
FIELD_VALUE_LABELS: dict[tuple[str, str], dict[str, str]] = {
    ("checklist_entry", "status"): entry_rules.STATUS_LABELS_FA,
    ("checklist", "status"): CHECKLIST_STATUS_LABELS_FA,
    ("case", "state"): lc.STATE_LABELS_FA,
}
# Codes stored in a few fields, shown by name.
VALUE_LABELS: dict[str, str] = {
    "center": QT_TRANSLATE_NOOP("ConflictsScreen", "Training centre"),
    "office": QT_TRANSLATE_NOOP("ConflictsScreen", "Office"),
}
META = frozenset({"id", "office_code", "hlc", "updated_by", "updated_at"})


def tr(text: str) -> str:
    return QCoreApplication.translate("ConflictsScreen", text)


def field_label(name: str) -> str:
    label = FIELD_LABELS.get(name)
    return tr(label) if label else name


def shown_value(value: Any, record_type: str = "", field: str = "") -> str:
    """A stored JSON value as a person reads it (Persian digits, Jalali dates, status labels)."""
    labels = FIELD_VALUE_LABELS.get((record_type, field))
    if labels is not None and isinstance(value, str) and value in labels:
        return labels[value]
    if value is None or value == "":
        return "—"
    if isinstance(value, bool):
        return (
            QCoreApplication.translate("ConflictsScreen", "Yes")
            if value
            else QCoreApplication.translate("ConflictsScreen", "No")
        )
    if isinstance(value, int | float):
        return shown_number(value)
    if isinstance(value, str):
        if len(value) == 10 and value[4] == "-" and value[7] == "-":
            try:
                return shown_date(_dt.date.fromisoformat(value))
            except ValueError:
                pass
        if len(value) > 18 and value[4] == "-" and "T" in value:
            try:
                return shown_datetime(_dt.datetime.fromisoformat(value.rstrip("Z")))
            except ValueError:
                pass
        if value in VALUE_LABELS:
            return tr(VALUE_LABELS[value])
        if value in lc.STATE_LABELS_FA:
            return lc.STATE_LABELS_FA[value]
        return value
    if isinstance(value, dict | list):  # nested values: Persian names, Jalali dates, Persian digits
        return audit_words.shown_value(value)
    return str(value)


@dataclass
class FieldRow:
    name: str
    applied: Any
    other: Any
    differs: bool
    take_other: bool = False


class FieldsModel(TableModel):
    """Field | applied version | other version | take the other's value (checkable)."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent, [
            QCoreApplication.translate("ConflictsScreen", "Field"),
            QCoreApplication.translate("ConflictsScreen", "Applied version"),
            QCoreApplication.translate("ConflictsScreen", "Set-aside version"),
            QCoreApplication.translate("ConflictsScreen", "Take the set-aside value"),
        ])
        self.rows: list[FieldRow] = []
        self.record_type = ""
        self.names: dict[str, str] = {}  # ids the versions point to, by name

    def set_versions(
        self, applied: dict[str, Any], other: dict[str, Any], applied_head: str, other_head: str,
        record_type: str = "",
    ) -> None:
        self.beginResetModel()
        self.record_type = record_type
        # Derived fields follow the answers they are computed from: nothing to choose there.
        hidden = META | DERIVED_FIELDS.get(record_type, frozenset())
        names = [k for k in applied if k not in hidden and not k.startswith("_")]
        names += [k for k in other if k not in applied and k not in hidden
                  and not k.startswith("_")]
        differing = [n for n in names if applied.get(n) != other.get(n)]
        same = [n for n in names if applied.get(n) == other.get(n)]
        self.rows = [FieldRow(n, applied.get(n), other.get(n), True) for n in differing]
        self.rows += [FieldRow(n, applied.get(n), other.get(n), False) for n in same]
        self.total = len(self.rows)
        self.headers[1], self.headers[2] = applied_head, other_head
        self.endResetModel()
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, 3)

    def clear(self) -> None:
        self.set_rows([])

    def choices(self) -> dict[str, str]:
        return {r.name: ("loser" if r.take_other else "winner") for r in self.rows if r.differs}

    def flags(self, index: QModelIndex | QPersistentModelIndex) -> Qt.ItemFlag:
        base = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if index.column() == 3 and self.rows[index.row()].differs:
            return base | Qt.ItemFlag.ItemIsUserCheckable
        return base

    def cell_data(self, row: FieldRow, col: int, role: int) -> Any:
        if role == Qt.ItemDataRole.DisplayRole:
            if col == 0:
                return field_label(row.name)
            if col == 1:
                return self.names.get(str(row.applied)) or shown_value(
                    row.applied, self.record_type, row.name)
            if col == 2:
                return self.names.get(str(row.other)) or shown_value(
                    row.other, self.record_type, row.name)
            return None
        if role == Qt.ItemDataRole.CheckStateRole and col == 3 and row.differs:
            return Qt.CheckState.Checked if row.take_other else Qt.CheckState.Unchecked
        if role == Qt.ItemDataRole.BackgroundRole and row.differs:
            if (col == 1) != row.take_other:
                return QBrush(QColor(CHOSEN_COLOUR))
            return QBrush(QColor(DIFF_COLOUR))
        if role == Qt.ItemDataRole.ToolTipRole and col == 0:
            return row.name
        return None

    def setData(
        self,
        index: QModelIndex | QPersistentModelIndex,
        value: Any,
        role: int = Qt.ItemDataRole.EditRole,
    ) -> bool:
        if role != Qt.ItemDataRole.CheckStateRole or index.column() != 3:
            return False
        row = self.rows[index.row()]
        if not row.differs:
            return False
        row.take_other = Qt.CheckState(value) == Qt.CheckState.Checked
        self.dataChanged.emit(self.index(index.row(), 0), self.index(index.row(), 3))
        return True


class ConflictsScreen(QWidget):
    """The open conflicts on one side, the chosen one field by field on the other."""

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("conflicts")
        self.allowed = ctx.can("conflicts.resolve")
        self._office_names = {o.code: o.name_fa for o in offices.list_offices(ctx.store)}
        self.count_label = QLabel()
        self.count_label.setObjectName("count_label")
        self.show_resolved = QCheckBox(self.tr("Show resolved conflicts too"))
        self.show_resolved.setObjectName("show_resolved")
        self.show_resolved.toggled.connect(lambda _on: self.refresh())
        self.list_model = PagedTableModel(
            [
                (self.tr("Found"), lambda c: shown_datetime(c.detected_at)),
                (self.tr("Record"), lambda c: record_type_label(c.record_type)),
                (self.tr("Why"), lambda c: c.reason_fa),
                (self.tr("From"), lambda c: self._office_names.get(c.source_office, c.source_office)),
                (self.tr("Differing fields"), lambda c: shown_number(len(c.differing_fields))),
                (self.tr("State"), self._state_text),
                (self.tr("Where"), lambda c: c.place_fa),
            ],
            self._page,
            self._count,
        )
        self.list_view = plain_table(self.list_model, "conflict_list")
        self.list_view.selectionModel().currentRowChanged.connect(
            lambda cur, _prev: self.show_conflict(cur.row())
        )
        self.detail_title = text_label("detail_title")
        self.fields_model = FieldsModel(self)
        self.fields_view = read_only_view(self.fields_model, "fields_table")
        self.fields_view.setWordWrap(True)
        self.fields_view.setTabKeyNavigation(False)
        header = self.fields_view.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.ResizeToContents)
        self.fields_view.clicked.connect(self._toggle_from_click)
        self.keep_applied = push_button(self.tr("Keep the applied version"), name="keep_applied",
                                        tip=self.tr("Keep the version in use now and close the conflict"),
                                        on_click=lambda: self.resolve("winner"))
        self.take_other = push_button(self.tr("Take the set-aside version"), name="take_other",
                                      tip=self.tr("Use the other office's version instead"),
                                      on_click=lambda: self.resolve("loser"))
        self.merge = push_button(self.tr("Save the ticked fields (merge)"), name="merge",
                                 tip=self.tr("Take only the ticked fields from the set-aside version"),
                                 on_click=lambda: self.resolve("merge"))
        self.error = error_line("error")
        self.done = text_label("done")
        hint = note_label(
            self.tr(
                "Differing fields are highlighted. Tick a field to take the set-aside value for it, "
                "then save the merge; or keep one version whole."
            )
        )
        detail = panel(
            self.detail_title, hint, (self.fields_view, 1),
            button_row(self.keep_applied, self.take_other, self.merge), self.error, self.done,
        )
        top = side_by_side((self.count_label, 1), self.show_resolved)
        splitter = split(Qt.Orientation.Vertical, panel(top, (self.list_view, 1)), detail, stretch=(1, 2))
        layout = QVBoxLayout(self)
        if not self.allowed:
            note = text_label(
                "not_allowed", self.tr("Only an administrator or an HQ reviewer reviews sync conflicts."))
            layout.addWidget(note)
            layout.addStretch(1)
            splitter.setVisible(False)
        layout.addWidget(splitter, 1)
        self._set_buttons(False)

    # ----------------------------------------------------------------------- data
    def _status(self) -> str | None:
        return None if self.show_resolved.isChecked() else "open"

    def _page(self, offset: int, limit: int) -> list[Any]:
        from integrity_desktop.sync import conflicts

        return conflicts.list_conflicts(
            self.ctx.store, self.ctx.actor, status=self._status(), offset=offset, limit=limit
        )

    def _count(self) -> int:
        from integrity_desktop.sync import conflicts

        return conflicts.count_conflicts(self.ctx.store, self.ctx.actor, status=self._status())

    def _state_text(self, c: Any) -> str:
        if c.status == "open":
            return self.tr("Open")
        return {
            "kept_winner": self.tr("Applied version kept"),
            "took_loser": self.tr("Set-aside version taken"),
            "merged": self.tr("Merged"),
        }.get(c.resolution, c.resolution)

    def refresh(self) -> None:
        if not self.allowed:
            return
        current = self.current_conflict()
        self.list_model.reload()
        self.count_label.setText(self.tr("{n} open conflicts").format(n=shown_number(self._open_count())))
        row = 0
        if current is not None:
            for i in range(self.list_model.rowCount()):
                if self.list_model.row_at(i).id == current.id:
                    row = i
                    break
        if self.list_model.rowCount():
            self.list_view.setCurrentIndex(self.list_model.index(row, 0))
            self.show_conflict(row)
        else:
            self.show_conflict(-1)

    def _open_count(self) -> int:
        from integrity_desktop.sync import conflicts

        return conflicts.count_conflicts(self.ctx.store, self.ctx.actor, status="open")

    def current_conflict(self) -> Any:
        index = self.list_view.currentIndex()
        if not index.isValid() or index.row() >= self.list_model.rowCount():
            return None
        return self.list_model.row_at(index.row())

    def _version_head(self, title: str, version: dict[str, Any]) -> str:
        login = str(version.get("updated_by") or "")
        by = self.fields_model.names.get(login, login)
        when = version.get("updated_at")
        when_text = shown_value(when) if when else ""
        parts = [p for p in (by, when_text) if p and p != "—"]
        return f"{title}\n{'، '.join(parts)}" if parts else title

    def show_conflict(self, row: int) -> None:
        self.error.clear()
        if row < 0 or row >= self.list_model.rowCount():
            self.fields_model.clear()
            self.detail_title.setText(
                self.tr("No conflict is waiting for a decision.") if self.list_model.total == 0 else ""
            )
            self._set_buttons(False)
            return
        c = self.list_model.row_at(row)
        office = self._office_names.get(c.source_office, c.source_office)
        self.detail_title.setText(
            self.tr("<b>{kind}</b> — {why}. Found {when} while importing a bundle from {office}.").format(
                kind=f"{record_type_label(c.record_type)}: {c.place_fa}" if c.place_fa
                else record_type_label(c.record_type),
                why=c.reason_fa,
                when=shown_datetime(c.detected_at),
                office=office,
            )
        )
        from integrity_desktop.sync import conflicts

        try:
            self.fields_model.names = conflicts.id_names(self.ctx.store, self.ctx.actor, c)
        except UserError:
            self.fields_model.names = {}
        self.fields_model.set_versions(
            c.winner,
            c.loser,
            self._version_head(self.tr("Applied version"), c.winner),
            self._version_head(self.tr("Set-aside version"), c.loser),
            c.record_type,
        )
        self.fields_view.resizeRowsToContents()
        self._set_buttons(c.status == "open")

    def _set_buttons(self, enabled: bool) -> None:
        for b in (self.keep_applied, self.take_other, self.merge):
            b.setEnabled(enabled)

    def _toggle_from_click(self, index: QModelIndex) -> None:
        """A click on either version's cell of a differing field chooses that version."""
        if index.column() not in (1, 2):
            return
        row = self.fields_model.rows[index.row()]
        if not row.differs:
            return
        state = Qt.CheckState.Checked if index.column() == 2 else Qt.CheckState.Unchecked
        self.fields_model.setData(
            self.fields_model.index(index.row(), 3), state.value, Qt.ItemDataRole.CheckStateRole
        )

    # ----------------------------------------------------------------------- resolving
    def resolve(self, choice: str) -> None:
        from integrity_desktop.sync import conflicts

        c = self.current_conflict()
        if c is None:
            return
        self.error.clear()
        self.done.clear()
        fields = self.fields_model.choices() if choice == "merge" else None
        if not attempt(self, lambda: conflicts.resolve_conflict(self.ctx.store, self.ctx.actor, c.id, choice, fields),
                       error_label=self.error):
            return
        self.done.setText(
            {
                "winner": self.tr("The applied version was kept."),
                "loser": self.tr("The set-aside version was taken; it travels with the next bundle."),
                "merge": self.tr("The merged version was saved; it travels with the next bundle."),
            }[choice]
        )
        self.refresh()
