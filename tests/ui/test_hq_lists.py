"""HQ's lists of visits, corrective actions and cases say whose each row is and filter by
province (issue 16 item 2, issue 17 item 4); a province's own lists have neither."""

from __future__ import annotations

import datetime as _dt
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from integrity_desktop.db.models import CorrectiveAction, Finding, Visit
from integrity_desktop.db.store import Store
from integrity_desktop.services.cases import register as cases
from integrity_desktop.services.store import offices, records
from integrity_desktop.ui.context import UiContext
from integrity_desktop.ui.screens.cases.register import CaseRegister
from integrity_desktop.ui.screens.inspections.follow_up import InspectionFollowUpTab
from integrity_desktop.ui.screens.inspections.visits import InspectionVisitsTab
from tests.conftest import actor, background_done
from tests.sync_helpers import export, import_

pytestmark = pytest.mark.gui
pytest_plugins = ("tests.sync_fixtures",)  # fixtures: tehran_and_hq

TODAY = _dt.date(2024, 9, 1)


def _visit_with_action(store: Store, text: str) -> str:
    admin = actor("admin", store.office_code)
    unit = offices.list_units(store)[0].id
    with store.session() as s:
        visit = records.add(s, store, admin, Visit(kind="adhoc", visit_date=_dt.date(2024, 5, 1), unit_id=unit))
        finding = records.add(s, store, admin, Finding(visit_id=visit.id, severity="high", text=text))
        records.add(s, store, admin, CorrectiveAction(
            finding_id=finding.id, responsible_unit_id=unit, description=text, due_date=_dt.date(2024, 6, 1),
            status="open", note=""))
        return str(visit.id)


def _column(model, column: int) -> list[str]:  # type: ignore[no-untyped-def]
    return [model.data(model.index(r, column)) for r in range(model.rowCount())]


def test_hq_lists_show_and_filter_by_province(  # type: ignore[no-untyped-def]
    qtbot, tehran_and_hq: tuple[Store, Store], tmp_path: Path
) -> None:
    tehran, hq = tehran_and_hq
    _visit_with_action(tehran, "دفتر مراجعان ناقص است")
    hq_visit = _visit_with_action(hq, "بازدید ستاد")
    cases.register_case(tehran, actor("case_officer", "tehran"), employee_name="کارمند نمونه",
                        national_code="0084575948", reporter="بازرس معتمد", violation_codes=["01"],
                        reported_on="1403/02/10")
    import_(hq, export(tehran, tmp_path / "tehran.itb").path)
    tehran_name, hq_name = offices.office_name(hq, "tehran"), offices.office_name(hq, "hq")
    ctx = UiContext(hq, actor("admin", "hq"))

    tab = InspectionVisitsTab(ctx, True, TODAY, [1403])
    qtbot.addWidget(tab)
    tab.reload()
    model = tab.visits_model
    assert model.headerData(0, Qt.Orientation.Horizontal) == "استان"
    assert sorted(_column(model, 0)) == sorted([tehran_name, hq_name])
    names = [tab.visit_office.itemText(i) for i in range(tab.visit_office.count())]
    assert names[0] == "همهٔ استان‌ها" and set(names[1:]) == {tehran_name, hq_name}
    tab.visit_office.setCurrentIndex(names.index(tehran_name))
    assert _column(model, 0) == [tehran_name] and tab.visits_model.total == 1
    assert all(row.id != hq_visit for row in model.rows)

    follow = InspectionFollowUpTab(ctx, True, TODAY)
    qtbot.addWidget(follow)
    follow.reload()
    fmodel = follow.follow_model
    assert fmodel.headerData(0, Qt.Orientation.Horizontal) == "استان"
    assert sorted(_column(fmodel, 0)) == sorted([tehran_name, hq_name])
    follow.follow_office.setCurrentIndex(follow.follow_office.findData("tehran"))
    assert _column(fmodel, 0) == [tehran_name]
    assert "۱ اقدام" in follow.follow_count.text()  # the overdue count follows the province too

    register = CaseRegister(ctx)
    qtbot.addWidget(register)
    register.apply_filters(wait=True)
    cmodel = register.model
    assert cmodel.headerData(0, Qt.Orientation.Horizontal) == "استان"
    assert _column(cmodel, 0) == [tehran_name]
    assert [register.office.itemData(i) for i in range(register.office.count())] == [None, "tehran"]
    register.office.setCurrentIndex(1)
    register.apply_filters(wait=True)
    assert register.current_query().office_code == "tehran" and _column(cmodel, 0) == [tehran_name]
    national = cmodel.COLUMNS.index("national_code")
    assert register.table.isColumnHidden(national) == (not register.personal)

    own = UiContext(tehran, actor("admin", "tehran"))
    province_tab = InspectionVisitsTab(own, True, TODAY, [1403])
    qtbot.addWidget(province_tab)
    province_tab.reload()
    assert province_tab.visits_model.headerData(0, Qt.Orientation.Horizontal) != "استان"
    assert not province_tab.visit_office.isVisibleTo(province_tab)
    province_register = CaseRegister(own)
    qtbot.addWidget(province_register)
    assert "office" not in province_register.model.COLUMNS
    assert not province_register.office.isVisibleTo(province_register)


def test_hq_screens_with_province_filters_fit_the_smallest_screen(  # type: ignore[no-untyped-def]
    qtbot, tehran_and_hq: tuple[Store, Store], tmp_path: Path
) -> None:
    """The province filter lists directorates' long names: the window still fits 1280 pixels."""
    from integrity_desktop.ui.main_window import WINDOW_ROOM, MainWindow

    tehran, hq = tehran_and_hq
    _visit_with_action(tehran, "دفتر مراجعان ناقص است")
    cases.register_case(tehran, actor("case_officer", "tehran"), employee_name="کارمند نمونه",
                        national_code="0084575948", reporter="بازرس معتمد", violation_codes=["01"],
                        reported_on="1403/02/10")
    import_(hq, export(tehran, tmp_path / "tehran.itb").path)
    window = MainWindow(UiContext(hq, actor("admin", "hq")))
    qtbot.addWidget(window)
    window.resize(WINDOW_ROOM)
    window.show()
    for key in window.screen_keys:
        window.show_screen_now(key)
        assert background_done(), key
        qtbot.wait(1)
        hint = window.minimumSizeHint()
        assert hint.width() <= WINDOW_ROOM.width(), (key, hint.width())
    assert window.width() <= WINDOW_ROOM.width()
