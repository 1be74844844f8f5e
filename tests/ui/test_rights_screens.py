"""The people's rights screens used as a person would: typed input, real store files."""

from __future__ import annotations

import datetime as _dt

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox, QLabel, QLineEdit, QWidget

from integrity_desktop import jalali
from integrity_desktop.db.store import Store
from integrity_desktop.services.rights import complaints
from integrity_desktop.services.rights.complaints import ComplaintInput
from integrity_desktop.ui.context import UiContext
from integrity_desktop.ui.screens.rights import ComplaintDialog, RightsScreen
from integrity_desktop.ui.widgets.table_models import RegisterModel
from tests.conftest import actor

from .helpers import click_ok, type_text

pytestmark = pytest.mark.gui

NAME = "نرگس امیری"


def _texts(widget: QWidget) -> str:
    parts = [w.text() for w in widget.findChildren(QLabel)] + [w.text() for w in widget.findChildren(QLineEdit)]
    return "\n".join(parts)


def _fill(store: Store) -> None:
    who = actor("inspector", store.office_code)
    today = jalali.today()
    complaints.register_complaint(store, who, ComplaintInput(
        received_on=today - _dt.timedelta(days=60), channel="samad", category="fees",
        tracking_number="SMD-1", person_name=NAME, person_contact="۰۹۱۲۱۲۳۴۵۶۷"))
    cid = complaints.register_complaint(store, who, ComplaintInput(
        received_on=today - _dt.timedelta(days=5), channel="phone", category="conduct", tracking_number="TEL-2",
        person_name="کاوه رستمی"))
    complaints.answer_complaint(store, who, cid, answered_on=today, outcome="guided", satisfaction=5)


def test_viewer_sees_no_names_and_overdue_rows_are_red(qapp: object, store: Store) -> None:
    _fill(store)
    screen = RightsScreen(UiContext(store, actor("viewer", store.office_code)))
    screen.refresh(wait=True)
    model = screen.register.model
    shown = [model.data(model.index(r, c)) for r in range(model.rowCount()) for c in range(model.columnCount())]
    assert NAME not in shown and "۰۹۱۲" not in "".join(map(str, shown)) and "محرمانه" in shown
    overdue_row = next(r for r in range(model.rowCount()) if model.rows[r].tracking_number == "SMD-1")
    brush = model.data(model.index(overdue_row, 0), Qt.ItemDataRole.BackgroundRole)
    assert brush is not None and brush.color() == RegisterModel.OVERDUE_BACKGROUND
    assert not screen.register.new_button.isVisibleTo(screen)
    assert "محرمانه" in _texts(screen)
    type_text(screen.register.search, "نرگس")
    screen.register.apply_filters(wait=True)
    assert model.total == 0  # a viewer's search never looks at names
    screen.register.search.clear()
    type_text(screen.register.search, "tel-۲")
    screen.register.apply_filters(wait=True)
    assert model.total == 1


def test_an_inspector_registers_a_complaint_from_the_keyboard(qapp: object, store: Store) -> None:
    ctx = UiContext(store, actor("inspector", store.office_code))
    dialog = ComplaintDialog(ctx)
    dialog.received.line.clear()
    type_text(dialog.received.line, "۱۴۰۳/۰۵/۰۱")
    type_text(dialog.tracking, "SMD-77")
    type_text(dialog.person, NAME)
    dialog.answered.line.clear()
    type_text(dialog.answered.line, "۱۴۰۳/۰۴/۰۱")  # before it was received
    click_ok(dialog.findChildren(QDialogButtonBox)[0])
    assert "پیش از تاریخ دریافت" in dialog.error.text() and dialog.saved_id is None
    dialog.answered.line.clear()
    click_ok(dialog.findChildren(QDialogButtonBox)[0])
    assert dialog.saved_id is not None
    row = complaints.get_complaint(store, ctx.actor, dialog.saved_id)
    assert (row.received_on, row.tracking_number, row.person_name) == (jalali.parse_date("1403/05/01"), "SMD-77", NAME)
    assert row.due_on == row.received_on + _dt.timedelta(days=30)
