"""The audit screen: Jalali times with Persian digits, filters typed by keyboard, paging,
a tampered chain shown in red, the Excel export off the GUI thread, and no access for others."""

from __future__ import annotations

import re
from pathlib import Path

import openpyxl
import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QLabel, QWidget
from pytestqt.qtbot import QtBot

from integrity_desktop import jalali
from integrity_desktop.db import cipher
from integrity_desktop.db.store import Store
from integrity_desktop.services.store import offices
from integrity_desktop.ui.context import UiContext
from integrity_desktop.ui.screens.audit import PAGE, AuditScreen
from tests.conftest import actor

pytestmark = pytest.mark.gui

LATIN_DIGIT = re.compile(r"[0-9]")


def type_text(widget: QWidget, text: str) -> None:
    for ch in text:
        QTest.sendKeyEvent(QTest.KeyAction.Click, widget, Qt.Key.Key_unknown, ch, Qt.KeyboardModifier.NoModifier)


def _label(screen: AuditScreen, name: str) -> QLabel:
    label = screen.findChild(QLabel, name)
    assert label is not None, name
    return label


def _screen(qtbot, store: Store, role: str = "admin") -> AuditScreen:
    screen = AuditScreen(UiContext(store, actor(role, store.office_code)))
    qtbot.addWidget(screen)
    screen.resize(1200, 700)
    screen.show()
    return screen


def test_entries_show_jalali_times_and_persian_labels(qtbot: QtBot, store: Store) -> None:
    offices.add_unit(store, actor("admin", username="maryam"), "مرکز آموزش شمارهٔ ۹")
    screen = _screen(qtbot, store)
    model = screen.model
    assert model is not None and model.rowCount() > 1
    newest = [model.data(model.index(0, c)) for c in range(model.columnCount())]
    assert newest[3] == "ایجاد" and newest[4] == "واحد" and "maryam" in newest[2]
    today = jalali.format_date(jalali.today())
    assert newest[1].startswith(today) and not LATIN_DIGIT.search(newest[0] + newest[1])
    assert "نام: مرکز آموزش شمارهٔ ۹" in newest[6] and "name_fa" not in newest[6]
    chain = _label(screen, "chain")
    assert "هیچ حلقه‌ای شکسته نیست" in chain.text() and not LATIN_DIGIT.search(chain.text())
    cell = screen.table.visualRect(model.index(0, 3)).center()
    QTest.mouseClick(screen.table.viewport(), Qt.MouseButton.LeftButton, pos=cell)
    assert "مرکز آموزش شمارهٔ ۹" in screen.details.toPlainText()


def test_filters_typed_by_keyboard_and_paging(qtbot: QtBot, store: Store) -> None:
    for i in range(PAGE + 5):
        offices.add_unit(store, actor("admin", username="reza"), f"واحد {i}")
    screen = _screen(qtbot, store)
    assert screen.model is not None
    type_text(screen.actor_edit, "reza")
    screen.action_box.setCurrentIndex(screen.action_box.findData("create"))
    type_text(screen.date_from.line, "۱۴۰۰/۰۱/۰۱")
    QTest.mouseClick(screen.apply_button, Qt.MouseButton.LeftButton)
    assert screen.model.total == PAGE + 5
    page = _label(screen, "page").text()
    assert page == f"صفحهٔ ۱ از ۲ ({_fa(PAGE + 5)} رویداد)"
    QTest.mouseClick(screen.next_button, Qt.MouseButton.LeftButton)
    assert screen.model.rowCount() == 5 and not screen.next_button.isEnabled()
    # A reversed range is refused with a Persian message; the table keeps what it showed.
    type_text(screen.date_to.line, "۱۳۹۹/۰۱/۰۱")
    QTest.mouseClick(screen.apply_button, Qt.MouseButton.LeftButton)
    assert "تاریخ «از» پس از تاریخ «تا» است" in screen.error.text()
    assert screen.model.rowCount() == 5


def _fa(n: int) -> str:
    from integrity_desktop.digits import format_number

    return format_number(n)


def test_a_tampered_log_is_shown_in_red(qtbot: QtBot, store: Store) -> None:
    offices.add_unit(store, actor("admin"), "واحد الف")
    offices.add_unit(store, actor("admin"), "واحد ب")
    assert store.path is not None
    con = cipher.connect(store.path)
    con.execute("UPDATE audit_log SET after = replace(after, 'الف', 'ج') WHERE action = 'create' "
                "AND entity = 'unit' AND after LIKE '%الف%'")
    con.commit()
    con.close()
    screen = _screen(qtbot, store)
    chain = _label(screen, "chain")
    assert "شکسته است" in chain.text() and "c62828" in chain.styleSheet()


def test_export_writes_the_filtered_entries(qtbot: QtBot, store: Store, tmp_path: Path) -> None:
    offices.add_unit(store, actor("admin", username="sara"), "واحد خروجی")
    screen = _screen(qtbot, store)
    type_text(screen.actor_edit, "sara")
    QTest.mouseClick(screen.apply_button, Qt.MouseButton.LeftButton)
    out = tmp_path / "audit.xlsx"
    screen.export_to(out)
    qtbot.waitUntil(lambda: screen.export_button.isEnabled() and screen.last_export == out, timeout=20000)
    assert "۱ رویداد" in screen.error.text()
    ws = openpyxl.load_workbook(out).worksheets[0]
    assert ws.sheet_view.rightToLeft
    rows = list(ws.iter_rows(values_only=True))
    # two title rows, then the header; the time is Jalali text beside the real date and time
    assert rows[2][:6] == ("ردیف", "زمان", "زمان (میلادی)", "کاربر", "اداره", "کار")
    assert len(rows) == 4 and rows[3][3].startswith("sara — ") and rows[3][5] == "ایجاد"
    assert rows[3][-1] == "sara@tehran"  # the login stays in its own column
    assert not LATIN_DIGIT.search(str(rows[3][1]))  # Jalali time with Persian digits


@pytest.mark.parametrize("role", ["inspector", "case_officer", "viewer", "reviewer"])
def test_other_roles_see_no_entries(qtbot: QtBot, store: Store, role: str) -> None:
    screen = _screen(qtbot, store, role)
    assert screen.model is None
    assert "فقط مدیر سامانه" in _label(screen, "no_access").text()


def test_a_record_changed_outside_the_program_is_shown_in_red(qtbot: QtBot, store: Store) -> None:
    """The whole check (issue 13) runs off the GUI thread and names what was changed."""
    offices.add_unit(store, actor("admin"), "واحد الف")
    assert store.path is not None
    con = cipher.connect(store.path)
    con.execute("UPDATE units SET name_fa = 'واحد پنهان' WHERE name_fa = 'واحد الف'")
    con.commit()
    con.close()
    screen = _screen(qtbot, store)
    assert "هیچ حلقه‌ای شکسته نیست" in _label(screen, "chain").text()  # the chain still holds
    check = _label(screen, "records_check")
    qtbot.waitUntil(lambda: "c62828" in check.styleSheet(), timeout=30_000)
    assert "بیرون از برنامه" in check.text() and "name_fa" in check.text()
