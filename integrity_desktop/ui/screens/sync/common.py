"""Pieces the sync tabs share with the conflict review, the HQ console and the reports screen:
table models over column lists, a read-only table, Persian record-type names, Jalali times,
left-to-right fields for Latin text."""

from __future__ import annotations

import datetime as _dt
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QLabel, QWidget

from integrity_desktop import jalali
from integrity_desktop.services.store import offices
from integrity_desktop.ui.i18n import QT_TRANSLATE_NOOP
from integrity_desktop.ui.text import shown_number
from integrity_desktop.ui.widgets.form_errors import error_line

if TYPE_CHECKING:
    from integrity_desktop.db.store import Store

BUNDLE_FILTER = QT_TRANSLATE_NOOP("SyncCommon", "Sync bundles (*.itb *.zip *.age);;All files (*)")

# Persian names of record types (the bundle's own names are ASCII).
RECORD_TYPES: dict[str, str] = {
    "office": QT_TRANSLATE_NOOP("SyncCommon", "Offices"),
    "unit": QT_TRANSLATE_NOOP("SyncCommon", "Units"),
    "lookup": QT_TRANSLATE_NOOP("SyncCommon", "Lookup lists"),
    "template": QT_TRANSLATE_NOOP("SyncCommon", "Checklist templates"),
    "template_section": QT_TRANSLATE_NOOP("SyncCommon", "Template sections"),
    "template_item": QT_TRANSLATE_NOOP("SyncCommon", "Template items"),
    "checklist": QT_TRANSLATE_NOOP("SyncCommon", "Checklists"),
    "checklist_entry": QT_TRANSLATE_NOOP("SyncCommon", "Checklist answers"),
    "inspector": QT_TRANSLATE_NOOP("SyncCommon", "Inspectors"),
    "inspection_plan": QT_TRANSLATE_NOOP("SyncCommon", "Inspection plans"),
    "plan_item": QT_TRANSLATE_NOOP("SyncCommon", "Plan items"),
    "visit": QT_TRANSLATE_NOOP("SyncCommon", "Inspection visits"),
    "finding": QT_TRANSLATE_NOOP("SyncCommon", "Findings"),
    "corrective_action": QT_TRANSLATE_NOOP("SyncCommon", "Corrective actions"),
    "case": QT_TRANSLATE_NOOP("SyncCommon", "Violation cases"),
    "case_event": QT_TRANSLATE_NOOP("SyncCommon", "Case steps"),
    "evidence": QT_TRANSLATE_NOOP("SyncCommon", "Evidence files"),
    "committee_member": QT_TRANSLATE_NOOP("SyncCommon", "Committee members"),
    "committee_meeting": QT_TRANSLATE_NOOP("SyncCommon", "Committee meetings"),
    "committee_resolution": QT_TRANSLATE_NOOP("SyncCommon", "Committee resolutions"),
    "training_course": QT_TRANSLATE_NOOP("SyncCommon", "Training courses"),
    "complaint": QT_TRANSLATE_NOOP("SyncCommon", "Complaints and people's letters"),
    "survey_round": QT_TRANSLATE_NOOP("SyncCommon", "Satisfaction surveys"),
    "oversight_letter": QT_TRANSLATE_NOOP("SyncCommon", "Oversight letters"),
}


def tr(text: str) -> str:
    return QCoreApplication.translate("SyncCommon", text)


def bundle_filter() -> str:
    """The file-dialog filter for bundle files, translated."""
    return tr(BUNDLE_FILTER)


def record_type_label(record_type: str) -> str:
    label = RECORD_TYPES.get(record_type)
    return tr(label) if label else record_type


def shown_datetime(value: _dt.datetime | None) -> str:
    """A stored UTC time as local Jalali date and time, Persian digits in the Persian UI."""
    if value is None:
        return ""
    if value.tzinfo is None:
        value = value.replace(tzinfo=_dt.UTC)
    text = jalali.format_datetime(value.astimezone().replace(tzinfo=None))
    return shown_number(text)


def ltr(widget: QWidget) -> QWidget:
    """Latin text (paths, keys, codes) keeps its own direction inside the Persian screen."""
    widget.setLayoutDirection(Qt.LayoutDirection.LeftToRight)
    return widget


class OfficeNames:
    """An office code's Persian name, the office list read once on first use."""

    def __init__(self, store: Store) -> None:
        self.store = store
        self._names: dict[str, str] | None = None

    def __call__(self, code: str) -> str:
        if self._names is None:
            self._names = {o.code: o.name_fa for o in offices.list_offices(self.store)}
        return self._names.get(code, code)


def error_label(name: str) -> QLabel:
    label = error_line(name)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return label

