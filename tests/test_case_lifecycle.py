"""The case lifecycle: every step not in the table is refused; derivation ignores arrival order."""

from __future__ import annotations

import datetime as dt
import itertools

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from sqlalchemy import func, select

from integrity_desktop.db.models import Case, CaseEvent
from integrity_desktop.db.store import Store
from integrity_desktop.errors import UserError
from integrity_desktop.services.cases import lifecycle as lc
from integrity_desktop.services.cases import register as cases

from .conftest import actor

OFFICER = actor("case_officer")
D0 = dt.date(2024, 4, 29)  # 1403/02/10

# A shortest path from the report to each state (each pair is an allowed step).
PATH_TO: dict[str, list[str]] = {
    lc.REPORTED: [],
    lc.NOT_PURSUABLE: [lc.NOT_PURSUABLE],
    lc.LEGAL_ACTION: [lc.LEGAL_ACTION],
    lc.FILE_FORMED: [lc.FILE_FORMED],
    lc.PRELIMINARY_VERDICT: [lc.FILE_FORMED, lc.PRELIMINARY_VERDICT],
    lc.APPEAL_REQUESTED: [lc.FILE_FORMED, lc.PRELIMINARY_VERDICT, lc.APPEAL_REQUESTED],
    lc.APPEAL_VERDICT: [lc.FILE_FORMED, lc.PRELIMINARY_VERDICT, lc.APPEAL_REQUESTED, lc.APPEAL_VERDICT],
    lc.OBJECTION: [lc.FILE_FORMED, lc.PRELIMINARY_VERDICT, lc.OBJECTION],
    lc.FINAL_DECISION: [lc.FILE_FORMED, lc.PRELIMINARY_VERDICT, lc.OBJECTION, lc.FINAL_DECISION],
    lc.CLOSED: [lc.FILE_FORMED, lc.CLOSED],
}
VERDICT = {lc.PRELIMINARY_VERDICT: "01", lc.APPEAL_VERDICT: "02", lc.FINAL_DECISION: "03"}


def test_table_is_consistent() -> None:
    assert set(lc.TRANSITIONS) == set(lc.STATES)
    for state, nexts in lc.TRANSITIONS.items():
        for nxt in nexts:
            assert lc.STAGE_ORDER[nxt] > lc.STAGE_ORDER[state], (state, nxt)  # always forward
    assert {lc.NOT_PURSUABLE, lc.CLOSED} == lc.TERMINAL_STATES
    assert set(lc.DEFAULT_DEADLINES) == set(lc.OPEN_STATES)
    assert set(lc.STATE_LABELS_FA) == set(lc.STATES)


@pytest.mark.parametrize(("state", "stage"), [
    (s, t) for s, t in itertools.product(lc.STATES, [*lc.STATES, "bogus"])
    if t not in lc.TRANSITIONS[s]
])
def test_every_step_outside_the_table_is_refused(state: str, stage: str) -> None:
    with pytest.raises(UserError) as err:
        lc.check_transition(state, stage)
    assert err.value.code in {"case_bad_transition", "case_unknown_stage"}
    assert "نمی‌توان" in err.value.fa or "شناخته نیست" in err.value.fa


def _walk(store: Store, state: str) -> str:
    c = cases.register_case(
        store, OFFICER, employee_name="علی محمدی", national_code="0013542419",
        reporter="بازرس معتمد", violation_codes=["01"], reported_on=D0,
    )
    for k, stage in enumerate(PATH_TO[state], start=1):
        code = VERDICT.get(stage)
        cases.add_event(store, OFFICER, c.id, stage, event_date=D0 + dt.timedelta(days=k),
                        penalty_code="02" if code else None, board_code=code)
    return c.id


def _event_count(store: Store) -> tuple[int, int]:
    with store.read() as s:
        return (s.scalar(select(func.count()).select_from(CaseEvent)) or 0,
                s.scalar(select(func.count()).select_from(Case)) or 0)


@pytest.mark.parametrize("state", lc.STATES)
def test_service_refuses_invalid_steps_and_changes_nothing(store: Store, state: str) -> None:
    case_id = _walk(store, state)
    assert cases.list_cases(store, OFFICER)[0].state == state
    before = _event_count(store)
    for stage in lc.STATES:
        if stage in lc.TRANSITIONS[state]:
            continue
        code = VERDICT.get(stage)
        with pytest.raises(UserError) as err:
            cases.add_event(store, OFFICER, case_id, stage, event_date=D0 + dt.timedelta(days=20),
                            penalty_code="02" if code else None, board_code=code)
        assert err.value.code in {"case_bad_transition", "case_unknown_stage"}
    assert _event_count(store) == before
    assert cases.get_case_file(store, OFFICER, case_id).case.state == state


# ------------------------------------------------------------------------------ derivation


def _ev(
    i: int, stage: str, hlc: int, follows: str | None = None, penalty: str | None = None
) -> lc.EventRecord:
    return lc.EventRecord(id=f"e{i:03d}", stage=stage, hlc=f"{hlc:013d}-0000-n", follows_id=follows,
                          event_date=D0 + dt.timedelta(days=i), penalty_code=penalty)


@st.composite
def histories(draw: st.DrawFn) -> list[lc.EventRecord]:
    """A legal path, plus concurrent duplicates, stray steps, corrections and withdrawals."""
    target = draw(st.sampled_from(lc.STATES))
    stages = [lc.REPORTED, *PATH_TO[target]]
    stages += draw(st.lists(st.sampled_from([*lc.STATES, "bogus"]), max_size=4))
    hlcs = draw(st.lists(st.integers(1, 40), min_size=len(stages), max_size=len(stages)))
    events = [_ev(i, s, h) for i, (s, h) in enumerate(zip(stages, hlcs, strict=True))]
    n = len(events)
    for k in range(draw(st.integers(0, 4))):
        target_i = draw(st.integers(0, n + k - 1))
        kind = draw(st.sampled_from(lc.AMENDMENTS))
        events.append(_ev(100 + k, kind, draw(st.integers(1, 40)), events[target_i].id,
                          penalty=draw(st.sampled_from([None, "01", "05"]))))
    return events


@settings(max_examples=150, deadline=None)
@given(histories(), st.randoms(use_true_random=False))
def test_state_is_the_same_for_every_arrival_order(events: list[lc.EventRecord], rnd: object) -> None:
    expected = lc.derive_state(events)
    shuffled = list(events)
    for _ in range(5):
        rnd.shuffle(shuffled)  # type: ignore[attr-defined]
        got = lc.derive_state(shuffled)
        assert got == expected
    applied = [e.stage for e in expected.applied]
    assert applied[0] == lc.REPORTED if applied else True
    for a, b in itertools.pairwise(applied):
        assert b in lc.TRANSITIONS[a]


@given(st.permutations([
    _ev(0, lc.REPORTED, 1), _ev(1, lc.FILE_FORMED, 5), _ev(2, lc.PRELIMINARY_VERDICT, 2, penalty="01"),
    _ev(3, lc.APPEAL_REQUESTED, 9), _ev(4, lc.APPEAL_VERDICT, 3, penalty="02"),
]))
def test_valid_history_replays_in_stage_order_even_with_skewed_clocks(events: list[lc.EventRecord]) -> None:
    derived = lc.derive_state(events)
    assert derived.state == lc.APPEAL_VERDICT
    assert [e.id for e in derived.applied] == ["e000", "e001", "e002", "e003", "e004"]


def test_concurrent_same_step_keeps_the_earlier_stamp_and_marks_the_other() -> None:
    events = [_ev(0, lc.REPORTED, 1), _ev(1, lc.NOT_PURSUABLE, 7), _ev(2, lc.FILE_FORMED, 3),
              _ev(3, lc.FILE_FORMED, 2)]
    derived = lc.derive_state(events)
    # not_pursuable comes first in the lifecycle order, so the province's file is not applied.
    assert derived.state == lc.NOT_PURSUABLE
    assert derived.ignored == {"e002": "not_allowed", "e003": "not_allowed"}
    dup = lc.derive_state([_ev(0, lc.REPORTED, 1), _ev(2, lc.FILE_FORMED, 3), _ev(3, lc.FILE_FORMED, 2)])
    assert [e.id for e in dup.applied] == ["e000", "e003"] and dup.ignored == {"e002": "duplicate"}


def test_latest_correction_wins_and_withdrawal_removes_the_step() -> None:
    base = [_ev(0, lc.REPORTED, 1), _ev(1, lc.FILE_FORMED, 2),
            _ev(2, lc.PRELIMINARY_VERDICT, 3, penalty="01")]
    fix1 = _ev(10, lc.CORRECTION, 4, "e002", penalty="05")
    fix2 = _ev(11, lc.CORRECTION, 6, "e010", penalty="07")  # corrects the correction
    derived = lc.derive_state([*base, fix2, fix1])
    assert derived.state == lc.PRELIMINARY_VERDICT
    assert derived.applied[-1].id == "e002" and derived.applied[-1].penalty_code == "07"
    assert derived.ignored == {"e010": "superseded"}
    gone = lc.derive_state([*base, _ev(12, lc.WITHDRAWAL, 5, "e002")])
    assert gone.state == lc.FILE_FORMED and gone.ignored == {"e002": "withdrawn"}


def test_overdue_uses_the_configured_deadline(store: Store) -> None:
    limits = lc.deadlines(store)
    assert limits == lc.DEFAULT_DEADLINES
    entered = dt.date(2024, 1, 1)
    assert not lc.is_overdue(lc.REPORTED, entered, limits, entered + dt.timedelta(days=30))
    assert lc.is_overdue(lc.REPORTED, entered, limits, entered + dt.timedelta(days=31))
    assert not lc.is_overdue(lc.CLOSED, entered, limits, entered + dt.timedelta(days=9999))
    with pytest.raises(UserError):
        lc.validate_deadlines({lc.REPORTED: 0})
    with pytest.raises(UserError):
        lc.validate_deadlines({lc.CLOSED: 10})
