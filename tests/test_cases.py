"""The case register: a case walked to its final decision, numbering, validation, filters,
confidentiality per role with the audit entry on view, and the 6/x statistics."""

from __future__ import annotations

import datetime as dt
import random

import pytest
from sqlalchemy import func, select

from integrity_desktop.db.models import AuditEntry, Case, CaseEvent
from integrity_desktop.db.store import Store
from integrity_desktop.errors import PermissionDenied, UserError
from integrity_desktop.nationalid import is_valid_national_code
from integrity_desktop.permissions import ROLES
from integrity_desktop.services.cases import lifecycle as lc
from integrity_desktop.services.cases import register as cases
from integrity_desktop.services.cases import stats as case_stats
from integrity_desktop.services.demo import cases as demo_cases

from .conftest import actor

OFFICER = actor("case_officer")
ADMIN = actor("admin")
VIEWER = actor("viewer")
INSPECTOR = actor("inspector")
TODAY = dt.date(2025, 3, 1)  # 1403/12/11
NAME = "علی محمدی"
CODE = "0013542419"


def _register(store: Store, name: str = NAME, code: str = CODE, reported: str = "1403/02/10",
              who: object = OFFICER) -> cases.CaseSummary:
    return cases.register_case(
        store, who, employee_name=name, national_code=code, employee_post="کارشناس مالی",  # type: ignore[arg-type]
        reporter="بازرس معتمد مرکز", violation_codes=["01", "14"], reported_on=reported,
        summary="گزارش مکتوب بازرس", today=TODAY,
    )


def _step(store: Store, case_id: str, stage: str, date: str, penalty: str | None = None,
          board: str | None = None) -> cases.CaseSummary:
    return cases.add_event(store, OFFICER, case_id, stage, event_date=date, penalty_code=penalty,
                           board_code=board, note=f"مرحلهٔ {stage}", today=TODAY)


def _walk_to_final(store: Store) -> str:
    c = _register(store)
    _step(store, c.id, lc.FILE_FORMED, "1403/02/20")
    _step(store, c.id, lc.PRELIMINARY_VERDICT, "1403/03/20", "02", "01")
    _step(store, c.id, lc.APPEAL_REQUESTED, "1403/04/05")
    _step(store, c.id, lc.APPEAL_VERDICT, "1403/05/10", "03", "02")
    _step(store, c.id, lc.OBJECTION, "1403/06/01")
    _step(store, c.id, lc.FINAL_DECISION, "1403/09/01", "03", "03")
    _step(store, c.id, lc.CLOSED, "1403/09/15")
    return c.id


def _counts(store: Store) -> tuple[int, int, int]:
    with store.read() as s:
        return tuple(  # type: ignore[return-value]
            s.scalar(select(func.count()).select_from(m)) or 0 for m in (Case, CaseEvent, AuditEntry)
        )


def test_walk_a_report_to_its_final_decision(store: Store) -> None:
    case_id = _walk_to_final(store)
    f = cases.get_case_file(store, OFFICER, case_id, today=TODAY)
    assert f.case.state == lc.CLOSED and f.case.case_number == "1403/0001"
    assert f.case.employee_name == NAME and f.case.national_code == CODE
    assert [e.kind for e in f.steps] == [lc.REPORTED, lc.FILE_FORMED, lc.PRELIMINARY_VERDICT,
                                         lc.APPEAL_REQUESTED, lc.APPEAL_VERDICT, lc.OBJECTION,
                                         lc.FINAL_DECISION, lc.CLOSED]
    final = f.steps[-2]
    assert final.penalty_label.startswith("کسر حقوق") and final.board_label == "دیوان عدالت اداری"
    assert f.allowed_next == ()
    # every step follows the one before it
    for prev, cur in zip(f.steps, f.steps[1:], strict=False):
        assert cur.follows_id == prev.id
    assert f.case.last_event_on == dt.date(2024, 12, 5)  # 1403/09/15
    assert not f.case.overdue


def test_numbers_are_per_office_and_year(store: Store) -> None:
    a = _register(store)
    b = _register(store, reported="1403/05/01")
    c = _register(store, reported="1402/11/01")
    d = _register(store, who=actor("case_officer", "hq"))
    assert [a.case_number, b.case_number, c.case_number, d.case_number] == [
        "1403/0001", "1403/0002", "1402/0001", "1403/0001"]
    assert a.case_number_fa == "۱۴۰۳/۰۰۰۱" and d.office_code == "hq"


@pytest.mark.parametrize(("changes", "code"), [
    ({"national_code": "0013542418"}, "national_code_invalid"),
    ({"employee_name": "   "}, "case_required"),
    ({"reporter": ""}, "case_required"),
    ({"violation_codes": []}, "case_no_violation"),
    ({"violation_codes": ["99"]}, "case_unknown_code"),
    ({"reported_on": "1404/01/01"}, "case_future_date"),
    ({"reported_on": "1402/12/30"}, "invalid_date"),
    ({"unit_id": "no-such-unit"}, "case_unknown_unit"),
])
def test_bad_registration_is_refused_and_writes_nothing(store: Store, changes: dict, code: str) -> None:
    before = _counts(store)
    fields = dict(employee_name=NAME, national_code=CODE, reporter="بازرس", violation_codes=["01"],
                  reported_on="1403/02/10")
    fields.update(changes)
    with pytest.raises(UserError) as err:
        cases.register_case(store, OFFICER, today=TODAY, **fields)  # type: ignore[arg-type]
    assert err.value.code == code and err.value.fa
    assert _counts(store) == before


def test_bad_steps_are_refused_and_write_nothing(store: Store) -> None:
    c = _register(store)
    _step(store, c.id, lc.FILE_FORMED, "1403/02/20")
    before = _counts(store)
    bad = [
        (lc.PRELIMINARY_VERDICT, "1403/03/01", None, "01", "case_required"),  # no penalty
        (lc.PRELIMINARY_VERDICT, "1403/03/01", "02", None, "case_required"),  # no board
        (lc.PRELIMINARY_VERDICT, "1403/03/01", "77", "01", "case_unknown_code"),
        (lc.PRELIMINARY_VERDICT, "1403/02/15", "02", "01", "case_date_order"),  # before the file
        (lc.CLOSED, "1403/03/01", "02", None, "case_not_verdict"),
        (lc.APPEAL_VERDICT, "1403/03/01", "02", "02", "case_bad_transition"),
    ]
    for stage, date, penalty, board, code in bad:
        with pytest.raises(UserError) as err:
            _step(store, c.id, stage, date, penalty, board)
        assert err.value.code == code, stage
    assert _counts(store) == before


def test_roles_without_edit_cannot_write(store: Store) -> None:
    for role in ROLES:
        if role in ("admin", "case_officer"):
            continue
        with pytest.raises(PermissionDenied):
            _register(store, who=actor(role))


def test_correction_and_withdrawal_are_new_events(store: Store) -> None:
    c = _register(store)
    _step(store, c.id, lc.FILE_FORMED, "1403/02/20")
    _step(store, c.id, lc.PRELIMINARY_VERDICT, "1403/03/20", "02", "01")
    verdict = cases.get_case_file(store, OFFICER, c.id).steps[-1]
    cases.correct_event(store, OFFICER, verdict.id, penalty_code="04", today=TODAY)
    f = cases.get_case_file(store, OFFICER, c.id)
    assert f.steps[-1].id == verdict.id and f.steps[-1].penalty_code == "04"
    assert [e.status for e in f.timeline][-2:] == ["corrected", "amendment"]
    with store.read() as s:  # the original row is untouched
        row = s.get(CaseEvent, verdict.id)
        assert row is not None and row.penalty_code == "02"
    file_formed = f.steps[1]
    with pytest.raises(UserError) as err:
        cases.withdraw_event(store, OFFICER, file_formed.id, reason="ثبت اشتباه", today=TODAY)
    assert err.value.code == "case_withdraw_not_last"
    after = cases.withdraw_event(store, OFFICER, verdict.id, reason="رأی به اشتباه ثبت شد", today=TODAY)
    assert after.state == lc.FILE_FORMED and after.last_event_on == dt.date(2024, 5, 9)
    with pytest.raises(UserError):
        cases.withdraw_event(store, OFFICER, f.steps[0].id, reason="x", today=TODAY)


def test_viewer_and_inspector_see_no_personal_data_and_views_are_audited(store: Store) -> None:
    case_id = _walk_to_final(store)
    for who in (VIEWER, INSPECTOR):
        [row] = cases.list_cases(store, who, today=TODAY)
        assert row.anonymised and row.employee_name == cases.CONFIDENTIAL
        assert row.national_code == cases.CONFIDENTIAL and row.reporter == cases.CONFIDENTIAL
        f = cases.get_case_file(store, who, case_id, today=TODAY)
        text = repr(f)
        assert NAME not in text and CODE not in text and "گزارش مکتوب" not in text
        with pytest.raises(PermissionDenied):
            cases.list_cases(store, who, cases.CaseQuery(name="محمدی"))
        assert cases.count_cases(store, who) == 1
    cases.get_case_file(store, OFFICER, case_id)
    with store.read() as s:
        views = list(s.scalars(select(AuditEntry).where(AuditEntry.action == "case.view")))
    assert [v.actor for v in views] == ["test-viewer@tehran", "test-inspector@tehran",
                                        "test-case_officer@tehran"]
    assert all(v.entity_id == case_id for v in views)


def test_filters_by_state_year_name_and_overdue(store: Store) -> None:
    a = _register(store, name="فاطمه كريمي")  # Arabic kaf and yeh, as some keyboards type
    _register(store, name="رضا احمدی", code="0084575948", reported="1402/08/01")
    c = _register(store, name="زهرا کریمی", code="0067749828", reported="1403/11/20")
    _step(store, a.id, lc.FILE_FORMED, "1403/02/20")
    q = cases.CaseQuery
    assert cases.count_cases(store, OFFICER, q(year=1403)) == 2
    assert cases.count_cases(store, OFFICER, q(state=lc.FILE_FORMED)) == 1
    found = cases.list_cases(store, OFFICER, q(name="کریمی"))
    assert {r.id for r in found} == {a.id, c.id}
    assert cases.count_cases(store, OFFICER, q(name="کریمی", year=1403, state=lc.REPORTED)) == 1
    # 1403/02/20 + 90 days and 1402/08/01 + 30 days have passed on TODAY; 1403/11/20 + 30 has not
    overdue = cases.list_cases(store, OFFICER, q(overdue=True), today=TODAY)
    assert len(overdue) == 2 and all(r.overdue for r in overdue)
    assert cases.count_cases(store, OFFICER, q(overdue=True), today=TODAY) == 2
    page = cases.list_cases(store, OFFICER, offset=1, limit=1)
    assert len(page) == 1 and page[0].case_number == "1403/0001"
    with pytest.raises(UserError):
        cases.count_cases(store, OFFICER, q(state="nonsense"))


def test_deadlines_are_configurable_by_admin_only(store: Store) -> None:
    _register(store, reported="1403/11/20")  # 2025-02-08, 21 days before TODAY
    assert cases.count_cases(store, OFFICER, cases.CaseQuery(overdue=True), today=TODAY) == 0
    with pytest.raises(PermissionDenied):
        cases.set_deadlines(store, OFFICER, {lc.REPORTED: 10})
    assert cases.set_deadlines(store, ADMIN, {lc.REPORTED: 10})[lc.REPORTED] == 10
    assert cases.count_cases(store, OFFICER, cases.CaseQuery(overdue=True), today=TODAY) == 1


def test_statistics_6x_follow_the_register(store: Store) -> None:
    _walk_to_final(store)  # 1403: report, file, verdicts, objection, final, closed
    second = _register(store, reported="1403/07/01")  # same employee: not a first offence
    _step(store, second.id, lc.LEGAL_ACTION, "1403/07/10")
    other = _register(store, name="رضا احمدی", code="0084575948", reported="1403/08/01")
    _step(store, other.id, lc.NOT_PURSUABLE, "1403/08/05")
    stats = case_stats.compute(store, VIEWER, "1403")
    assert stats.values == {
        "6/1": 2, "6/2": 1, "6/3": 1, "6/4": 1, "6/5": 1, "6/6": 1, "6/7": 1, "6/8": 1, "6/9": 1,
        "6/10": 1, "6/11": 12,
    }
    q1 = case_stats.compute(store, VIEWER, "1403-Q1")  # only the first case's early steps
    assert q1.values["6/1"] == 1 and q1.values["6/5"] == 1 and q1.values["6/4"] == 0
    assert stats.by_penalty == {"02": 1, "03": 2}
    dash = {r.state: r for r in case_stats.open_cases_by_state_and_age(store, VIEWER, today=TODAY)}
    assert dash[lc.LEGAL_ACTION].total == 1 and dash[lc.LEGAL_ACTION].by_age["3to6m"] == 1
    assert lc.CLOSED not in dash and lc.NOT_PURSUABLE not in dash


def test_checklist_shows_6x_from_the_register_with_no_other_action(store: Store) -> None:
    from integrity_desktop.services.checklists import filled as checklists
    from integrity_desktop.services.checklists import scoring
    from integrity_desktop.services.figures import computed

    _walk_to_final(store)
    inspector = actor("inspector")
    summary = checklists.create_checklist(store, inspector, scoring.three_year_template_id(), None, "1403")

    def shown() -> dict[str, float | None]:
        view = checklists.get_checklist(store, VIEWER, summary.id)
        return {e.item_code: e.value for e in view.entries if e.item_code.startswith("6/") and e.computed}

    rows = shown()
    assert len(rows) == 11 and rows["6/5"] == 1 and rows["6/4"] == 1 and rows["6/11"] == 8 and rows["6/2"] == 0
    _step(store, _register(store, reported="1403/10/01").id, lc.NOT_PURSUABLE, "1403/10/02")
    assert shown()["6/2"] == 1  # no button, no refresh: the register is read again
    behind = computed.records_behind(store, VIEWER, "1403", "6/2")
    assert [r.kind_fa for r in behind] == ["مرحلهٔ پرونده"] and "غیرقابل رسیدگی" in behind[0].text
    firsts = computed.records_behind(store, VIEWER, "1403", "6/1")
    assert len(firsts) == int(shown()["6/1"] or 0)


def test_demo_fills_every_state_once(store: Store) -> None:
    counts = demo_cases.fill(store, ADMIN, random.Random(7), 1)
    assert counts["cases"] == 100 and counts["case_events"] > 200
    with store.read() as s:
        states = set(s.scalars(select(Case.state)))
        codes = list(s.scalars(select(Case.national_code)))
        numbers = list(s.scalars(select(Case.case_number)))
    assert states == set(lc.STATES)
    assert all(is_valid_national_code(c) for c in codes)
    assert len(set(numbers)) == len(numbers)
    # the cached state agrees with the derivation from the events
    for row in cases.list_cases(store, OFFICER, limit=100)[:30]:
        assert cases.get_case_file(store, OFFICER, row.id).case.state == row.state
        with store.session() as s:
            assert cases.recompute_state(s, store, ADMIN, row.id) == row.state
    assert demo_cases.fill(store, ADMIN, random.Random(7), 1) == {"cases": 0, "case_events": 0}
