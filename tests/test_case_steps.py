"""The kept steps of each case (``case_steps``) are its replay, in every place a case's events
change: a step written here, an import (a forged bundle from a trusted province included), the
demo data and the migration; and the statistics counted from them are what the replay counts."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Callable
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import select, text

from integrity_desktop import jalali
from integrity_desktop.db import cipher
from integrity_desktop.db.models import Case, CaseEvent, CaseStep
from integrity_desktop.db.store import Store
from integrity_desktop.services.audit import log as audit
from integrity_desktop.services.cases import lifecycle as lc
from integrity_desktop.services.cases import register as cases
from integrity_desktop.services.cases import stats
from integrity_desktop.services.cases.queries import _as_record
from integrity_desktop.services.figures import national
from integrity_desktop.services.store import records

from .conftest import actor
from .sync_helpers import admin, export, import_, trust
from .sync_records import bundle_rows, forge, version_of

pytest_plugins = ["tests.sync_fixtures"]

OFFICER = actor("case_officer")
PERIOD = jalali.Period.parse("1403-Q1")  # 1403/01/01 .. 1403/03/31
D0 = PERIOD.start - dt.timedelta(days=20)  # histories straddle the period's start and end


def _replayed(store: Store, office: str, period: jalali.Period) -> Counter[str]:
    """stage -> the office's steps that count in ``period``, by replaying every live case (the
    rule itself, written out here without the kept steps)."""
    by_case: dict[str, list[lc.EventRecord]] = {}
    with store.read() as s:
        live = set(s.scalars(select(Case.id).where(Case.office_code == office, Case.deleted.is_(False))))
        for e in s.scalars(select(CaseEvent).where(CaseEvent.deleted.is_(False))):
            if e.case_id in live:
                by_case.setdefault(e.case_id, []).append(_as_record(e))
    out: Counter[str] = Counter()
    for events in by_case.values():
        for step in lc.derive_state(events).applied:
            if period.start <= step.event_date <= period.end:
                out[step.stage] += 1
    return out


def _expected_values(counted: Counter[str]) -> dict[str, int]:
    values = {code: counted[stage] for code, stage in stats.STEP_INDICATORS.items()}
    values["6/11"] = sum(counted.values())
    return values


def _kept(store: Store, case_id: str) -> set[tuple[object, ...]]:
    with store.read() as s:
        return {tuple(r) for r in s.execute(
            select(CaseStep.event_id, CaseStep.stage, CaseStep.counted_on, CaseStep.penalty_code)
            .where(CaseStep.case_id == case_id)).tuples()}


def _derived(store: Store, case_id: str) -> set[tuple[object, ...]]:
    with store.read() as s:
        events = [_as_record(e) for e in s.scalars(
            select(CaseEvent).where(CaseEvent.case_id == case_id, CaseEvent.deleted.is_(False)))]
    return {(e.id, e.stage, e.event_date, e.penalty_code) for e in lc.derive_state(events).applied}


def _register(store: Store, reported_on: dt.date) -> str:
    return cases.register_case(
        store, OFFICER, employee_name="کارمند آزمون", national_code="0013542419",
        reporter="بازرس معتمد", violation_codes=["01"], reported_on=reported_on,
        today=PERIOD.end + dt.timedelta(days=200),
    ).id


# One drawn history: (stage or amendment, days after D0, which earlier event an amendment follows,
# penalty).  Stages outside the path, duplicates and amendments of amendments all come up: what a
# hostile province can put in its bundle, which the service itself would refuse.
_STEP = st.tuples(
    st.sampled_from([*lc.STATES[1:], lc.CORRECTION, lc.CORRECTION, lc.WITHDRAWAL]),
    st.integers(0, 140), st.integers(0, 30), st.sampled_from([None, "01", "07"]),
)


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(_STEP, max_size=9), st.integers(0, 60))
def test_kept_steps_and_figures_are_the_replay_of_any_history(
    store: Store, history: list[tuple[str, int, int, str | None]], reported_after: int,
) -> None:
    case_id = _register(store, D0 + dt.timedelta(days=reported_after))
    assert _kept(store, case_id) == _derived(store, case_id) != set()  # the report counts at once
    with store.session() as s:
        ids = [e.id for e in s.scalars(select(CaseEvent).where(CaseEvent.case_id == case_id))]
        for stage, days, follows, penalty in history:
            event = CaseEvent(case_id=case_id, stage=stage, event_date=D0 + dt.timedelta(days=days),
                              follows_id=ids[follows % len(ids)] if stage in lc.AMENDMENTS else None,
                              penalty_code=penalty, note="", actor=OFFICER.label)
            records.add(s, store, OFFICER, event)
            ids.append(event.id)
        cases.refresh_derived(s, [case_id])  # what an import does after writing a bundle's events
    assert _kept(store, case_id) == _derived(store, case_id)
    got = stats.compute(store, OFFICER, PERIOD.code)
    assert {k: v for k, v in got.values.items() if k != "6/1"} == _expected_values(
        _replayed(store, "tehran", PERIOD))
    with store.read() as s:  # the records behind a figure are as many as it counts
        for code in ("6/5", "6/11"):
            assert len(stats._records(s, "tehran", PERIOD, PERIOD.end, code)) == got.values[code]
    with store.read() as s:
        assert cases.derived_mismatches(s) == []


def _event_of(store: Store, case_id: str, stage: str) -> str:
    with store.read() as s:
        return str(s.scalar(select(CaseEvent.id).where(CaseEvent.case_id == case_id, CaseEvent.stage == stage)))


def test_steps_written_here_move_with_corrections_and_withdrawals(store: Store) -> None:
    case_id = _register(store, PERIOD.start + dt.timedelta(days=3))
    assert stats.compute(store, OFFICER, PERIOD.code).values["6/11"] == 1  # a new case's report
    cases.add_event(store, OFFICER, case_id, lc.FILE_FORMED, event_date=PERIOD.start + dt.timedelta(days=10))
    assert stats.compute(store, OFFICER, PERIOD.code).values["6/3"] == 1
    step = _event_of(store, case_id, lc.FILE_FORMED)
    cases.correct_event(store, OFFICER, step, event_date=PERIOD.end + dt.timedelta(days=5),
                        note="تاریخ درست")  # the step now counts in the next quarter
    nxt = jalali.period_containing(PERIOD.end + dt.timedelta(days=30), "quarter").code
    assert stats.compute(store, OFFICER, PERIOD.code).values["6/3"] == 0
    assert stats.compute(store, OFFICER, nxt).values["6/3"] == 1
    cases.withdraw_event(store, OFFICER, step, reason="ثبت اشتباه")
    assert stats.compute(store, OFFICER, nxt).values["6/3"] == 0
    assert stats.compute(store, OFFICER, PERIOD.code).values["6/11"] == 1  # the report alone
    assert _kept(store, case_id) == _derived(store, case_id)


def _two_cases_at_hq(tehran: Store, hq: Store, tmp_path: Path) -> tuple[Store, Store, str, str, Path]:
    """Tehran's two cases (one with its file formed, one only reported) imported by HQ, which
    trusts Tehran: (tehran, hq, the first case, the second, the bundle)."""
    trust(hq, tehran)
    formed = _register(tehran, PERIOD.start + dt.timedelta(days=2))
    cases.add_event(tehran, admin(tehran), formed, lc.FILE_FORMED, event_date=PERIOD.start + dt.timedelta(days=9))
    reported = _register(tehran, PERIOD.start + dt.timedelta(days=4))
    first = export(tehran, tmp_path / "t1.itb").path
    import_(hq, first)
    return tehran, hq, formed, reported, first


def test_a_forged_bundle_cannot_set_what_hq_counts(
    fresh: Callable[[Path, str], Store], province_template: Path, hq_template: Path, tmp_path: Path,
) -> None:
    """A trusted province's bundle with steps the path does not allow, a duplicate, a correction
    and a deleted case: HQ's figures for it are its own replay of what it holds, in the case
    statistics and on the map."""
    tehran, hq, kept, gone, first = _two_cases_at_hq(fresh(province_template, "tehran"),
                                                     fresh(hq_template, "hq"), tmp_path)

    def edit(rows: dict[str, list[dict[str, object]]]) -> None:
        template = next(r for r in rows["case_event"] if r["case_id"] == kept and r["stage"] == lc.FILE_FORMED)
        stamp = str(template["hlc"])
        extra = [
            {**template, "id": "6a0f5c1e-0000-4000-8000-000000000001", "stage": lc.CLOSED,
             "event_date": str(PERIOD.start + dt.timedelta(days=20)), "hlc": stamp[:-1] + "1"},
            {**template, "id": "6a0f5c1e-0000-4000-8000-000000000002", "stage": lc.FILE_FORMED,
             "event_date": str(PERIOD.start + dt.timedelta(days=11)), "hlc": stamp[:-1] + "2"},  # duplicate
            {**template, "id": "6a0f5c1e-0000-4000-8000-000000000003", "stage": lc.APPEAL_VERDICT,
             "event_date": str(PERIOD.start + dt.timedelta(days=12)), "hlc": stamp[:-1] + "3"},  # not allowed
        ]
        for r in extra:
            r.pop("_history", None)
        rows["case_event"] = [*rows["case_event"], *extra]
        # a new version of the case that deletes it, with a derived field HQ computes itself
        rows["case"] = [r for r in rows["case"] if r["id"] != gone] + [
            version_of(tehran, "case", gone, deleted=True, state=lc.CLOSED)]

    forged = forge(first, tehran, tmp_path / "forged.itb", edit,
                   edit_manifest=lambda m: m.update(seq=int(m["seq"]) + 1))
    assert bundle_rows(forged)["case_event"]
    summary = import_(hq, forged)
    assert summary.outcome == "accepted", summary.notices
    hq_actor = admin(hq)
    want = _expected_values(_replayed(hq, "tehran", PERIOD))
    assert want["6/4"] == 1 and want["6/3"] == 1  # the closure counts once, the duplicate not at all
    got = stats.compute(hq, hq_actor, PERIOD.code, office_code="tehran").values
    assert {k: v for k, v in got.items() if k != "6/1"} == want
    across = national.indicator_across(hq, hq_actor, PERIOD.code, "6/11")[0]
    cell = across.province("tehran")
    assert cell is not None and cell.value == want["6/11"]
    with hq.read() as s:
        assert s.scalar(select(Case.deleted).where(Case.id == gone)) is True
    assert _kept(hq, gone) == set()
    with hq.read() as s:
        assert cases.derived_mismatches(s) == []


def test_audit_verify_names_steps_changed_outside_the_program(store: Store) -> None:
    case_id = _register(store, PERIOD.start + dt.timedelta(days=3))
    cases.add_event(store, OFFICER, case_id, lc.FILE_FORMED, event_date=PERIOD.start + dt.timedelta(days=10))
    with store.read() as s:
        assert cases.derived_mismatches(s) == []
    assert audit.verify_store(store).ok
    con = cipher.connect(store.location)  # what a tool outside the program could do
    con.execute("UPDATE case_steps SET counted_on = '2020-01-01' WHERE stage = 'file_formed'")
    con.commit()
    con.close()
    with store.read() as s:
        assert cases.derived_mismatches(s) == [(case_id, ["steps"])]
    found = audit.verify_store(store)
    assert not found.ok
    assert any("مرحله‌های شمرده‌شده در آمار" in p.fa and p.entity_id == case_id for p in found.problems)


def test_the_migration_fills_the_steps_of_an_existing_store(store: Store) -> None:
    """A store made before the table: its steps after the upgrade are the replay of its events."""
    case_id = _register(store, PERIOD.start + dt.timedelta(days=3))
    cases.add_event(store, OFFICER, case_id, lc.FILE_FORMED, event_date=PERIOD.start + dt.timedelta(days=10))
    want = _derived(store, case_id)
    assert want and _kept(store, case_id) == want
    from alembic import command

    from integrity_desktop.db import migrate

    cfg = migrate.alembic_config()
    with store.engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.downgrade(cfg, "0011")
        assert "case_steps" not in {r[0] for r in conn.execute(text(
            "SELECT name FROM sqlite_master WHERE type = 'table'"))}
    migrate.upgrade(store.engine)
    assert _kept(store, case_id) == want


def test_an_event_moved_to_another_case_is_counted_once_where_it_is_now(
    fresh: Callable[[Path, str], Store], province_template: Path, hq_template: Path, tmp_path: Path,
) -> None:
    """A new version of an event that names another case (what a trusted province can sign):
    the import does not fail on the step kept for the first case, and both cases re-derive."""
    tehran, hq, first_case, other, first = _two_cases_at_hq(fresh(province_template, "tehran"),
                                                            fresh(hq_template, "hq"), tmp_path)
    moved = _event_of(tehran, first_case, lc.FILE_FORMED)

    def edit(rows: dict[str, list[dict[str, object]]]) -> None:  # that version alone
        for lines in rows.values():
            lines.clear()
        rows["case_event"] = [version_of(tehran, "case_event", moved, case_id=other)]

    forged = forge(first, tehran, tmp_path / "moved.itb", edit,
                   edit_manifest=lambda m: m.update(seq=int(m["seq"]) + 1))
    summary = import_(hq, forged)  # the import once failed here: the step was kept for its first case
    assert summary.outcome == "accepted"
    for case_id in (first_case, other):
        assert _kept(hq, case_id) == _derived(hq, case_id)
    with hq.read() as s:
        assert cases.derived_mismatches(s) == []
    got = stats.compute(hq, admin(hq), PERIOD.code, office_code="tehran").values
    assert {k: v for k, v in got.items() if k != "6/1"} == _expected_values(_replayed(hq, "tehran", PERIOD))


def _resolve_case_conflict(store: Store, winner: dict[str, object], loser: dict[str, object], choice: str,
                           fields: dict[str, str] | None = None) -> None:
    """A conflict between two versions of a case, resolved by ``choice`` as a person would."""
    from integrity_desktop.db.models import Conflict
    from integrity_desktop.sync import conflicts

    with store.session() as s:
        c = Conflict(record_type="case", record_id=winner["id"], reason="concurrent", winner=winner,
                     loser=loser, source_office="isfahan", detected_at=dt.datetime(2024, 10, 6))
        s.add(c)
        s.flush()
        conflict_id = c.id
    conflicts.resolve_conflict(store, admin(store), conflict_id, choice, fields)


def test_taking_a_losing_version_of_a_case_re_derives_it(store: Store) -> None:
    """A conflict resolved by taking the other office's version of a case: its state and counted
    steps are what its events give, whatever that version said of them."""
    from .sync_records import row

    case_id = _register(store, PERIOD.start + dt.timedelta(days=3))
    current = row(store, "case", case_id)
    assert current is not None
    loser = {**current, "summary": "شرح دفتر دیگر", "state": lc.CLOSED, "hlc": store.clock.now()}
    _resolve_case_conflict(store, current, loser, "loser")
    with store.read() as s:
        summary, state = s.execute(select(Case.summary, Case.state).where(Case.id == case_id)).one()
        assert cases.derived_mismatches(s) == []
    assert (summary, state) == ("شرح دفتر دیگر", lc.REPORTED)
    assert _kept(store, case_id) == _derived(store, case_id) != set()
    # a merge that takes only the other version's name: the name is found by its new spelling
    again = {**loser, "employee_name": "زهرا كريمي", "hlc": store.clock.now()}
    _resolve_case_conflict(store, current, again, "merge", {"employee_name": "loser"})
    assert [c.id for c in cases.list_cases(store, admin(store), cases.CaseQuery(name="زهرا کریمی"))] == [case_id]


def test_bundles_imported_out_of_order_count_as_in_order(
    fresh: Callable[[Path, str], Store], province_template: Path, hq_template: Path, tmp_path: Path,
) -> None:
    """Tehran's second bundle (a case's next steps) reaches HQ before its first (the case): HQ
    holds what waits for the case, and once both are in, its steps and figures are what an HQ
    that imported them in order has."""
    tehran = fresh(province_template, "tehran")
    case_id = _register(tehran, PERIOD.start + dt.timedelta(days=2))
    one = export(tehran, tmp_path / "t1.itb").path
    cases.add_event(tehran, admin(tehran), case_id, lc.FILE_FORMED, event_date=PERIOD.start + dt.timedelta(days=9))
    cases.add_event(tehran, admin(tehran), case_id, lc.CLOSED, event_date=PERIOD.start + dt.timedelta(days=30))
    two = export(tehran, tmp_path / "t2.itb").path
    got = {}
    for name, order in (("in order", (one, two)), ("out of order", (two, one))):
        hq = fresh(hq_template, f"hq {name}")
        trust(hq, tehran)
        held = [import_(hq, path).held_total for path in order]
        assert held[0] == (0 if name == "in order" else 2), (name, held)  # the two steps wait for their case
        with hq.read() as s:
            assert cases.derived_mismatches(s) == [], name
        assert _kept(hq, case_id) == _derived(hq, case_id), name
        got[name] = (stats.compute(hq, admin(hq), PERIOD.code, office_code="tehran").values, _kept(hq, case_id))
    assert got["in order"] == got["out of order"]
    assert got["in order"][0]["6/4"] == 1 and got["in order"][0]["6/11"] == 3
