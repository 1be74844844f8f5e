"""The violation-case screens, used as a person would: typed input, clicks, real store files."""

from __future__ import annotations

import datetime as _dt
import random
import unicodedata
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QAbstractButton, QLabel, QLineEdit, QWidget

from integrity_desktop import jalali
from integrity_desktop.db.store import Store, open_store
from integrity_desktop.permissions import system_actor
from integrity_desktop.services.cases import lifecycle as lc
from integrity_desktop.services.cases import register as cases
from integrity_desktop.services.cases import stats as case_stats
from integrity_desktop.ui.context import UiContext
from integrity_desktop.ui.screens.cases.detail import AddEventDialog, CaseDetailWidget
from integrity_desktop.ui.screens.cases.dialogs import RegisterCaseDialog
from integrity_desktop.ui.screens.cases.register import CasesScreen
from integrity_desktop.ui.screens.cases.stats import CaseStatsPanel
from integrity_desktop.ui.text import shown_number
from tests.conftest import actor, copy_store
from tests.ui.helpers import click_ok, type_text

pytestmark = pytest.mark.gui

NAME = "فرهاد کاظمی"
CODE = "0010350829"  # a valid national code (check digit 9)


def officer_ctx(store: Store) -> UiContext:
    return UiContext(store, actor("case_officer", store.office_code, "officer"))


def make_case(store: Store, name: str = NAME, code: str = CODE,
              reported: _dt.date | None = None) -> cases.CaseSummary:
    first = cases.lookup_items(store, "violation_type")[0].code
    return cases.register_case(
        store, actor("case_officer", store.office_code, "officer"), employee_name=name,
        national_code=code, employee_post="کارپرداز", reporter="بازرس معتمد",
        violation_codes=[first], reported_on=reported or _dt.date.today() - _dt.timedelta(days=60),
        summary="گزارش دربارهٔ " + name,
    )


def all_texts(widget: QWidget) -> str:
    parts = [w.text() for w in widget.findChildren(QLabel)]
    parts += [w.text() for w in widget.findChildren(QAbstractButton)]
    parts += [w.text() for w in widget.findChildren(QLineEdit)]
    return "\n".join(parts)


# ------------------------------------------------------------------------------ registering


def test_register_dialog_refuses_bad_national_code_then_registers(qtbot, store: Store) -> None:
    ctx = officer_ctx(store)
    dialog = RegisterCaseDialog(ctx)
    qtbot.addWidget(dialog)
    type_text(dialog.employee_name, NAME)
    type_text(dialog.national_code, "0010350828")  # wrong check digit
    type_text(dialog.reporter, "بازرس معتمد")
    dialog.violations.item(0).setCheckState(Qt.CheckState.Checked)
    click_ok(dialog.buttons)
    assert dialog.error.text() == (
        "کد ملی واردشده معتبر نیست (رقم کنترل آن درست نیست)؛ آن را با کارت ملی مقایسه و اصلاح کنید."
    )
    assert dialog.result() == 0
    assert cases.count_cases(store, ctx.actor) == 0

    dialog.national_code.clear()
    type_text(dialog.national_code, "۰۰۱۰۳۵۰۸۲۹")  # Persian digits are fine
    dialog.violations.item(0).setCheckState(Qt.CheckState.Unchecked)
    click_ok(dialog.buttons)
    assert dialog.error.text() == "دست‌کم یک نوع تخلف را از فهرست برگزینید."
    assert cases.count_cases(store, ctx.actor) == 0

    dialog.violations.item(0).setCheckState(Qt.CheckState.Checked)
    click_ok(dialog.buttons)
    assert dialog.registered is not None
    rows = cases.list_cases(store, ctx.actor)
    assert [(r.employee_name, r.national_code, r.state) for r in rows] == [(NAME, CODE, lc.REPORTED)]


def test_register_dialog_refuses_a_future_report_date(qtbot, store: Store) -> None:
    ctx = officer_ctx(store)
    dialog = RegisterCaseDialog(ctx)
    qtbot.addWidget(dialog)
    type_text(dialog.employee_name, NAME)
    type_text(dialog.national_code, CODE)
    type_text(dialog.reporter, "بازرس معتمد")
    dialog.violations.item(0).setCheckState(Qt.CheckState.Checked)
    dialog.reported_on.line.clear()
    type_text(dialog.reported_on.line, "1499/01/01")
    click_ok(dialog.buttons)
    assert dialog.error.text().startswith("تاریخ گزارش (")
    assert "در آینده است" in dialog.error.text()
    assert cases.count_cases(store, ctx.actor) == 0


# ------------------------------------------------------------------------------ a case's path


def test_walk_a_case_to_a_final_decision_with_a_document(qtbot, store: Store, tmp_path: Path) -> None:
    ctx = officer_ctx(store)
    case = make_case(store, reported=_dt.date.today() - _dt.timedelta(days=200))
    detail = CaseDetailWidget(ctx)
    qtbot.addWidget(detail)
    detail.load(case.id)
    # Only the steps the law allows from «گزارش‌شده» are offered.
    assert set(detail.step_buttons) == {lc.NOT_PURSUABLE, lc.LEGAL_ACTION, lc.FILE_FORMED}

    def record(stage: str, days_ago: int, verdict: bool = False, paths: list[Path] | None = None) -> None:
        assert stage in detail.step_buttons
        dialog = AddEventDialog(ctx, case.id, stage, detail)
        qtbot.addWidget(dialog)
        dialog.event_date.line.clear()
        day = _dt.date.today() - _dt.timedelta(days=days_ago)
        type_text(dialog.event_date.line, jalali.format_date(day))
        type_text(dialog.note, "شرح " + lc.STATE_LABELS_FA[stage])
        if verdict:
            assert dialog.penalty is not None and dialog.board is not None
            dialog.penalty.setCurrentIndex(1)
            dialog.board.setCurrentIndex(1)
        for p in paths or []:
            dialog.documents.add_path(p)
        dialog.save()
        assert dialog.error.text() == ""
        detail.after_step(stage, dialog.documents.paths)

    record(lc.FILE_FORMED, 150)
    assert set(detail.step_buttons) == {lc.PRELIMINARY_VERDICT, lc.CLOSED}

    # A verdict without a penalty is refused with the service's words; nothing is saved.
    dialog = AddEventDialog(ctx, case.id, lc.PRELIMINARY_VERDICT, detail)
    qtbot.addWidget(dialog)
    dialog.save()
    assert dialog.error.text() == "مجازات (نتیجهٔ رأی) را برگزینید."
    assert cases.list_cases(store, ctx.actor)[0].state == lc.FILE_FORMED

    verdict_pdf = tmp_path / "رأی-بدوی.pdf"
    verdict_pdf.write_bytes(b"%PDF-1.4\n% verdict\n")
    record(lc.PRELIMINARY_VERDICT, 120, verdict=True, paths=[verdict_pdf])
    qtbot.waitUntil(lambda: any(
        d.filename == "رأی-بدوی.pdf" for e in detail.case_file.timeline for d in e.documents))
    record(lc.APPEAL_REQUESTED, 100)
    record(lc.APPEAL_VERDICT, 80, verdict=True)
    record(lc.OBJECTION, 50)
    record(lc.FINAL_DECISION, 20, verdict=True)
    assert detail.case_file is not None
    assert detail.case_file.case.state == lc.FINAL_DECISION
    assert set(detail.step_buttons) == {lc.CLOSED}
    assert detail.field_labels["state"].text() == f"<b>{lc.STATE_LABELS_FA[lc.FINAL_DECISION]}</b>"
    assert len(detail.cards) == 7

    # A correction is a new event: the step stays, the timeline grows by one.
    card = next(c for c in detail.cards if c.entry.kind == lc.APPEAL_VERDICT)
    cases.correct_event(store, ctx.actor, card.entry.id, note="متن اصلاح‌شدهٔ رأی")
    detail.reload()
    kinds = [c.entry.kind for c in detail.cards]
    assert kinds.count(lc.CORRECTION) == 1 and kinds.count(lc.APPEAL_VERDICT) == 1

    # The statistics of the year count the steps.
    panel = CaseStatsPanel(ctx)
    qtbot.addWidget(panel)
    panel.refresh()
    qtbot.waitUntil(lambda: not panel.loading)
    shown = {panel.indicators.item(r, 0).text(): panel.indicators.item(r, 2).text()
             for r in range(panel.indicators.rowCount())}
    stats = case_stats.compute(store, ctx.actor, panel.period_code())
    assert shown == {shown_number(code): shown_number(v) for code, v in stats.values.items()}
    final_day = _dt.date.today() - _dt.timedelta(days=20)
    assert stats.values["6/9"] == int(jalali.jalali_year(final_day) == int(panel.year.currentData()))


def test_a_finished_case_offers_no_step(qtbot, store: Store) -> None:
    ctx = officer_ctx(store)
    case = make_case(store)
    cases.add_event(store, ctx.actor, case.id, lc.NOT_PURSUABLE,
                    event_date=_dt.date.today() - _dt.timedelta(days=10))
    detail = CaseDetailWidget(ctx)
    qtbot.addWidget(detail)
    detail.load(case.id)
    assert detail.step_buttons == {}
    assert "این پرونده مرحلهٔ بعدی ندارد." in all_texts(detail)


# ------------------------------------------------------------------------------ confidentiality


def test_viewer_sees_no_employee_name_in_register_or_case_file(qtbot, store: Store) -> None:
    case = make_case(store)
    make_case(store, name="نرگس امینی", code="0013542419")
    ctx = UiContext(store, actor("viewer", store.office_code))
    screen = CasesScreen(ctx)
    qtbot.addWidget(screen)
    screen.refresh()
    qtbot.waitUntil(lambda: screen.register.model.total == 2 and not screen.register.model.loading)
    model = screen.register.model
    cells = [model.data(model.index(r, c)) for r in range(model.rowCount())
             for c in range(model.columnCount())]
    assert cases.CONFIDENTIAL in cells
    for secret in (NAME, "نرگس امینی", CODE, "0013542419", "۰۰۱۰۳۵۰۸۲۹", "کارپرداز", "بازرس معتمد"):
        assert not any(secret in str(cell) for cell in cells)
    assert not screen.register.name.isVisibleTo(screen)  # no search by name for this role
    assert not screen.register.new_button.isVisibleTo(screen)
    assert screen.register.count.text() == "۲ پرونده"

    screen.open_case(case.id)
    assert screen.pages.currentWidget() is screen.detail
    shown = all_texts(screen)
    for secret in (NAME, CODE, "۰۰۱۰۳۵۰۸۲۹", "کارپرداز", "بازرس معتمد", "گزارش دربارهٔ"):
        assert secret not in shown
    assert cases.CONFIDENTIAL in shown
    assert screen.detail.step_buttons == {}
    assert all(c.correct_button is None for c in screen.detail.cards)


def test_officer_searches_by_persian_name(qtbot, store: Store) -> None:
    make_case(store)
    make_case(store, name="نرگس امینی", code="0013542419")
    ctx = officer_ctx(store)
    screen = CasesScreen(ctx)
    qtbot.addWidget(screen)
    screen.refresh()
    qtbot.waitUntil(lambda: screen.register.model.total == 2 and not screen.register.model.loading)
    type_text(screen.register.name, "نرگس")
    qtbot.waitUntil(lambda: screen.register.model.total == 1 and not screen.register.model.loading)
    model = screen.register.model
    assert model.data(model.index(0, 2)) == "نرگس امینی"
    assert model.data(model.index(0, 3)) == "۰۰۱۳۵۴۲۴۱۹"
    # Enter on a row opens its case file; the back button returns to the register.
    screen.register.table.setCurrentIndex(model.index(0, 0))
    QTest.keyClick(screen.register.table, Qt.Key.Key_Return)
    assert screen.pages.currentWidget() is screen.detail
    assert screen.detail.field_labels["employee_name"].text() == "نرگس امینی"
    QTest.mouseClick(screen.detail.back_button, Qt.MouseButton.LeftButton)
    assert screen.pages.currentWidget() is screen.register


# ------------------------------------------------------------------------------ a big register


@pytest.fixture(scope="session")
def big_template(tmp_path_factory: pytest.TempPathFactory, province_template: Path) -> Path:
    """A store with a few thousand demo cases (the demo filler at scale 20), made once."""
    from integrity_desktop.services.demo import cases as demo_cases

    path = copy_store(province_template, tmp_path_factory.mktemp("cases-big") / "store.sqlite")
    store = open_store(str(path))
    try:
        demo_cases.fill(store, system_actor("tehran"), random.Random(7), 20)
    finally:
        store.dispose()
    return path


def test_filters_on_a_big_register_run_off_the_gui_thread(qtbot, big_template: Path, tmp_path: Path) -> None:
    store = open_store(str(copy_store(big_template, tmp_path / "big.sqlite")))
    try:
        ctx = officer_ctx(store)
        screen = CasesScreen(ctx)
        qtbot.addWidget(screen)
        register = screen.register
        register.apply_filters()
        # The query was handed to a worker: nothing is in the model until it reports back.
        assert register.model.loading and register.model.rowCount() == 0
        qtbot.waitUntil(lambda: not register.model.loading, timeout=20000)
        total = cases.count_cases(store, ctx.actor)
        assert total >= 2000
        assert register.model.total == total
        assert register.model.rowCount() == 200  # one page, not the whole register

        # Paging: the next page is fetched in the background too.
        register.model.fetchMore()
        qtbot.waitUntil(lambda: register.model.rowCount() == 400, timeout=20000)

        # State and year filters.
        register.state.setCurrentIndex(register.state.findData(lc.FILE_FORMED))
        assert register.model.loading
        qtbot.waitUntil(lambda: not register.model.loading, timeout=20000)
        expected = cases.count_cases(store, ctx.actor, cases.CaseQuery(state=lc.FILE_FORMED))
        assert register.model.total == expected
        assert {r.state for r in register.model.rows} == {lc.FILE_FORMED}
        year = register.model.rows[0].year
        register.year.setCurrentIndex(register.year.findData(year))
        qtbot.waitUntil(lambda: not register.model.loading, timeout=20000)
        assert register.model.total == cases.count_cases(
            store, ctx.actor, cases.CaseQuery(state=lc.FILE_FORMED, year=year))

        # Typing a Persian name waits for a pause, then queries off the GUI thread.
        name = register.model.rows[0].employee_name.split()[0]
        type_text(register.name, name)
        assert register.debounce.isActive()
        qtbot.waitUntil(lambda: not register.debounce.isActive() and not register.model.loading,
                        timeout=20000)
        query = cases.CaseQuery(state=lc.FILE_FORMED, year=year, name=name)
        assert register.model.total == cases.count_cases(store, ctx.actor, query) > 0
        assert all(name in r.employee_name for r in register.model.rows)
        assert register.count.text() == f"{shown_number(register.model.total)} پرونده"
    finally:
        store.dispose()


# ------------------------------------------------------------------------------ exports


def _pdf_text(path: Path) -> str:
    from pypdf import PdfReader

    from integrity_desktop.textnorm import normalize_for_search

    text = "".join(page.extract_text() or "" for page in PdfReader(str(path)).pages)
    return normalize_for_search(unicodedata.normalize("NFKC", text)).replace(" ", "")


def test_viewer_exports_carry_no_employee_name(qtbot, store: Store, tmp_path: Path, monkeypatch) -> None:
    from openpyxl import load_workbook

    from integrity_desktop.textnorm import normalize_for_search
    from integrity_desktop.ui.screens.cases import detail as case_detail
    from integrity_desktop.ui.screens.cases import stats as stats_module

    monkeypatch.setattr(case_detail, "show_info", lambda *a: None)
    monkeypatch.setattr(stats_module, "show_info", lambda *a: None)
    case = make_case(store)
    officer = actor("case_officer", store.office_code, "officer")
    cases.add_event(store, officer, case.id, lc.FILE_FORMED,
                    event_date=_dt.date.today() - _dt.timedelta(days=30), note="شرح دربارهٔ " + NAME)
    ctx = UiContext(store, actor("viewer", store.office_code))

    detail = CaseDetailWidget(ctx)
    qtbot.addWidget(detail)
    detail.load(case.id)
    detail.export_pdf(tmp_path / "case.pdf")
    qtbot.waitUntil(lambda: detail.last_export is not None, timeout=20000)
    text = _pdf_text(tmp_path / "case.pdf")
    assert normalize_for_search("محرمانه") in text
    for secret in [*NAME.split(), CODE]:
        assert normalize_for_search(secret) not in text

    panel = CaseStatsPanel(ctx)
    qtbot.addWidget(panel)
    panel.export("xlsx", tmp_path / "stats.xlsx")
    qtbot.waitUntil(lambda: panel.last_export is not None, timeout=20000)
    book = load_workbook(tmp_path / "stats.xlsx", read_only=True)
    cells = [str(v) for sheet in book.worksheets for row in sheet.iter_rows(values_only=True)
             for v in row if v is not None]
    assert any("6/" in c or "۶/" in c for c in cells)
    assert not any(part in c for c in cells for part in NAME.split())
