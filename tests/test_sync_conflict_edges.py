"""Conflict review at its edges (sync/conflicts.py), on a real store: where a record is, read
as a person reads it (a unit, an office-wide checklist, an unknown period code), the names of
the ids in a version, filters by record type, and every refusal of a resolution (unknown
choice, no such conflict, a record gone, no losing version, an approved checklist)."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import update

from integrity_desktop.db.models import Checklist, Conflict, Unit
from integrity_desktop.db.store import Store
from integrity_desktop.errors import UserError
from integrity_desktop.services.store import records
from integrity_desktop.sync import conflicts

from .sync_helpers import add_unit, admin, make_checklist


def _conflict(store: Store, record_type: str, record_id: str, winner: dict[str, object],
              loser: dict[str, object]) -> str:
    with store.session() as s:
        c = Conflict(record_type=record_type, record_id=record_id, reason="concurrent", winner=winner,
                     loser=loser, source_office="isfahan", detected_at=dt.datetime(2024, 10, 6))
        s.add(c)
        s.flush()
        return c.id


def _refused(store: Store, conflict_id: str, choice: str) -> str:
    with pytest.raises(UserError) as e:
        conflicts.resolve_conflict(store, admin(store), conflict_id, choice)
    return e.value.code


def test_places_names_and_filters(store: Store) -> None:
    who = admin(store)
    uid = add_unit(store, "مرکز شمارهٔ ۲")
    cl_id, entry_ids = make_checklist(store, uid)
    with store.session() as s:
        office_wide = records.stable_id("t-cl-office", store.office_code)
        s.add(Checklist(id=office_wide, office_code=store.office_code, template_id=s.get(
            Checklist, cl_id).template_id, unit_id=None, period_code="1403-X9", hlc="0", updated_by="t",
            updated_at=dt.datetime(2024, 10, 6)))
    with store.read() as s:
        unit_place = conflicts.place_of(s, "unit", {"office_code": store.office_code, "id": uid})
        whole = conflicts.place_of(s, "checklist", {"office_code": store.office_code, "id": office_wide})
    assert unit_place.endswith("واحد مرکز شمارهٔ ۲")
    assert "کل اداره کل" in whole and whole.endswith("۱۴۰۳-X۹")  # the code as it is, in Persian digits
    with store.read() as s:
        checklist = s.get(Checklist, cl_id)
        assert checklist is not None
        row = {"id": cl_id, "office_code": store.office_code, "template_id": checklist.template_id}
    _conflict(store, "checklist", cl_id, {**row, "unit_id": uid, "checklist_id": cl_id}, {})
    assert conflicts.count_conflicts(store, who, record_type="checklist") == 1
    assert conflicts.count_conflicts(store, who, record_type="unit") == 0
    (view,) = conflicts.list_conflicts(store, who, record_type="checklist")
    names = conflicts.id_names(store, who, view)
    assert names[uid] == "مرکز شمارهٔ ۲"
    assert "برنامه" in names[row["template_id"]]  # the template's title
    assert "واحد مرکز شمارهٔ ۲" in names[cl_id]
    assert entry_ids


def test_every_refusal_of_a_resolution(store: Store) -> None:
    uid = add_unit(store, "مرکز شمارهٔ ۳")
    cl_id, _ = make_checklist(store, uid)
    assert _refused(store, "x", "both") == "bad_choice"
    assert _refused(store, "no-such-id", "winner") == "no_conflict"
    gone = _conflict(store, "unit", "0f8fad5b-d9cb-469f-a165-70867728950e", {}, {"name_fa": "x"})
    assert _refused(store, gone, "loser") == "conflict_record_missing"
    no_loser = _conflict(store, "unit", uid, {"name_fa": "a"}, {})
    assert _refused(store, no_loser, "loser") == "no_loser"
    with store.session() as s:
        s.execute(update(Checklist).where(Checklist.id == cl_id).values(status="approved"))
    locked = _conflict(store, "checklist", cl_id, {"status": "approved"}, {"status": "draft"})
    assert _refused(store, locked, "loser") == "checklist_locked"
    conflicts.resolve_conflict(store, admin(store), no_loser, "winner")  # keeping is always allowed
    assert _refused(store, no_loser, "winner") == "conflict_resolved"
    with store.read() as s:
        assert s.get(Unit, uid).name_fa == "مرکز شمارهٔ ۳"  # type: ignore[union-attr]
