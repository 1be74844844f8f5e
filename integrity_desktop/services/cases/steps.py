"""The counted steps of each case (``case_steps``): the replay of its events kept.

A case's statistics (6/2–6/11) count the steps that apply in its derived history, on the date
each counts (``lifecycle.derive_state``).  Replaying every case a period touches costs a read of
all their events and a derivation each (at HQ, thousands of cases per figure); the result
changes only when the case's events do, so it is kept beside the case's cached ``state`` and
rebuilt in the same places and the same transaction: a step written here (``add_event``,
``correct_event``, ``withdraw_event``), an import (``refresh_derived``), a resolved conflict,
the demo data, the migration that made the table.  ``audit verify`` checks it against the events
(``mismatched``), as it checks the state.
"""

from __future__ import annotations

import datetime as _dt
from collections import Counter
from collections.abc import Mapping, Sequence
from typing import Any

from sqlalchemy import Table, delete, func, insert, select
from sqlalchemy.orm import Session

from integrity_desktop.db.models import Case, CaseStep
from integrity_desktop.services.cases import lifecycle as lc

_CHUNK = 500
_TABLE: Table = CaseStep.__table__  # type: ignore[assignment]  # a mapped class's table is a Table


def rows_of(case_id: str, derived: lc.Derived) -> list[dict[str, Any]]:
    """The ``case_steps`` rows of one derived case (a plain function: the migration uses it)."""
    return [{"event_id": e.id, "case_id": case_id, "stage": e.stage, "counted_on": e.event_date,
             "penalty_code": e.penalty_code} for e in derived.applied]


def replace(session: Session, derived: Mapping[str, lc.Derived | None]) -> None:
    """Make the kept steps of these cases what they derive to (None: a deleted case, which
    counts nothing)."""
    ids = sorted(derived)
    rows = [row for case_id in ids if (d := derived[case_id]) is not None for row in rows_of(case_id, d)]
    for start in range(0, len(ids), _CHUNK):
        session.execute(delete(_TABLE).where(_TABLE.c.case_id.in_(ids[start:start + _CHUNK])))
    # an event kept for a case it has left (a version naming another case) is this case's now
    events = [row["event_id"] for row in rows]
    for start in range(0, len(events), _CHUNK):
        session.execute(delete(_TABLE).where(_TABLE.c.event_id.in_(events[start:start + _CHUNK])))
    if rows:
        session.execute(insert(_TABLE), rows)  # one executemany: an import touches thousands


def mismatched(session: Session, derived: Mapping[str, lc.Derived | None]) -> set[str]:
    """The cases among ``derived`` whose kept steps are not what their events give."""
    kept: dict[str, set[tuple[Any, ...]]] = {case_id: set() for case_id in derived}
    ids = sorted(derived)
    for start in range(0, len(ids), _CHUNK):
        for row in session.execute(
            select(_TABLE.c.case_id, _TABLE.c.event_id, _TABLE.c.stage, _TABLE.c.counted_on,
                   _TABLE.c.penalty_code).where(_TABLE.c.case_id.in_(ids[start:start + _CHUNK]))
        ).tuples():
            kept[row[0]].add(tuple(row[1:]))
    out = set()
    for case_id, d in derived.items():
        want = set() if d is None else {(r["event_id"], r["stage"], r["counted_on"], r["penalty_code"])
                                        for r in rows_of(case_id, d)}
        if kept[case_id] != want:
            out.add(case_id)
    return out


def counted(
    session: Session, offices: Sequence[str], start: _dt.date, end: _dt.date
) -> dict[str, Counter[str]]:
    """office -> stage -> its cases' steps that count in [start, end] (one grouped statement;
    a deleted case's steps are gone, and the join to the live case says so again)."""
    out: dict[str, Counter[str]] = {}
    for office, stage, n in session.execute(
        select(Case.office_code, CaseStep.stage, func.count())
        .join(Case, Case.id == CaseStep.case_id)
        .where(CaseStep.counted_on >= start, CaseStep.counted_on <= end, Case.deleted.is_(False),
               Case.office_code.in_(list(offices)))
        .group_by(Case.office_code, CaseStep.stage)
    ).tuples():
        out.setdefault(office, Counter())[stage] = int(n)
    return out


def penalties(session: Session, office: str, start: _dt.date, end: _dt.date) -> Counter[str]:
    """penalty code -> the office's verdicts that count in [start, end] with that penalty."""
    return Counter({str(code): int(n) for code, n in session.execute(
        select(CaseStep.penalty_code, func.count())
        .join(Case, Case.id == CaseStep.case_id)
        .where(CaseStep.counted_on >= start, CaseStep.counted_on <= end, Case.deleted.is_(False),
               Case.office_code == office, CaseStep.stage.in_(sorted(lc.VERDICT_STAGES)),
               CaseStep.penalty_code.is_not(None), CaseStep.penalty_code != "")
        .group_by(CaseStep.penalty_code)
    ).tuples()})
