"""The committee and training registers in sync bundles (issue 21): a resolution made at a
meeting and followed up after a round trip merges with no loss, in either order of the
bundles; tombstones travel; another province's meeting, unit or member cannot be pointed to."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

import pytest
from sqlalchemy import select

from integrity_desktop.db.models import CommitteeResolution, Conflict
from integrity_desktop.db.store import Store
from integrity_desktop.services.committee import register as committee
from integrity_desktop.services.committee import training
from integrity_desktop.services.committee.register import MeetingInput, MemberInput, ResolutionInput
from integrity_desktop.services.committee.training import CourseInput
from integrity_desktop.services.store import evidence

from . import sync_records as sr
from .conftest import actor
from .sync_helpers import admin, export, import_, trust

pytest_plugins = ("tests.sync_fixtures",)

Fresh = Callable[[Path, str], Store]
D = dt.date
TYPES = ("committee_member", "committee_meeting", "committee_resolution", "training_course")


@pytest.fixture
def offices(fresh: Fresh, province_template: Path, isfahan_template: Path,
            hq_template: Path) -> tuple[Store, Store, Store]:
    tehran, isfahan, hq = (fresh(province_template, "tehran"), fresh(isfahan_template, "isfahan"),
                           fresh(hq_template, "hq"))
    for p in (tehran, isfahan):
        trust(hq, p)
        trust(p, hq)
    return tehran, isfahan, hq


def _committee(store: Store, tmp_path: Path) -> tuple[list[str], str, str]:
    a = admin(store)
    members = [committee.save_member(store, a, MemberInput(f"عضو {i}", D(2024, 1, 1), letter_no=f"{i}/۱",
                                                           letter_date=D(2023, 12, 1)), today=D(2024, 6, 1))
               for i in range(3)]
    meeting = committee.save_meeting(store, a, MeetingInput(
        planned_date=D(2024, 5, 1), held_date=D(2024, 5, 2), attendee_ids=members[:2],
        minutes="صورتجلسهٔ نخست"), today=D(2024, 6, 1))
    minutes = tmp_path / f"minutes-{store.office_code}.pdf"
    minutes.write_bytes(b"%PDF-1.4 minutes " + store.office_code.encode())
    evidence.attach(store, a, "committee_meeting", meeting, minutes)
    res = committee.save_resolution(store, a, ResolutionInput(meeting, "برگزاری دورهٔ سلامت اداری", D(2024, 7, 1)))
    training.save_course(store, a, CourseInput("سلامت اداری", "12/1", D(2024, 5, 1), D(2024, 5, 2), 8, 30,
                                               eval_method="test", eval_score=75), today=D(2024, 6, 1))
    return members, meeting, res


def _rows(store: Store) -> dict[str, dict[str, object]]:
    out: dict[str, dict[str, object]] = {}
    for kind in TYPES:
        table = sr.bf.table_of(kind)
        with store.read() as s:
            for row in s.execute(select(table.c.id)).scalars():
                out[f"{kind}:{row}"] = sr.row(store, kind, row)  # type: ignore[assignment]
    return out


def test_a_resolution_followed_up_after_a_round_trip_merges_with_no_loss(
    offices: tuple[Store, Store, Store], tmp_path: Path,
) -> None:
    tehran, _, hq = offices
    _, meeting, res = _committee(tehran, tmp_path)
    first = import_(hq, export(tehran, tmp_path / "t1.zip").path)
    assert {t: first.counts[t].created for t in TYPES} == {
        "committee_member": 3, "committee_meeting": 1, "committee_resolution": 1, "training_course": 1}
    assert not first.rejections
    # HQ sends the province's records back as it holds them; nothing changes there.
    back = import_(tehran, export(hq, tmp_path / "h1.zip", for_office="tehran", full=True).path)
    assert all(back.counts[t].created == back.counts[t].updated == 0 for t in TYPES if t in back.counts)
    # The province follows the resolution up: a note, then done.
    committee.follow_up(tehran, admin(tehran), res, note="نامه به منابع انسانی", today=D(2024, 6, 10))
    committee.follow_up(tehran, admin(tehran), res, note="دوره برگزار شد", status="done",
                        done_on=D(2024, 6, 20), today=D(2024, 6, 25))
    second = import_(hq, export(tehran, tmp_path / "t2.zip").path)
    assert second.counts["committee_resolution"].updated == 1 and not second.rejections
    assert _rows(hq) == _rows(tehran)
    with hq.read() as s:
        assert s.scalars(select(Conflict)).all() == []
        row = s.get(CommitteeResolution, res)
        assert row is not None and row.status == "done" and row.done_on == D(2024, 6, 20)
        assert row.follow_up.splitlines() == ["۱۴۰۳/۰۳/۲۱: نامه به منابع انسانی", "۱۴۰۳/۰۴/۰۵: دوره برگزار شد"]
    # HQ reads the province's committee through the same services.
    reviewer = actor("reviewer", "hq")
    detail = committee.get_meeting(hq, reviewer, meeting, today=D(2024, 8, 1))
    assert [r.status for r in detail.resolutions] == ["done"]
    assert detail.meeting.attendee_names == ("عضو 0", "عضو 1") and detail.meeting.quorum_met
    assert [e.filename for e in evidence.list_for(hq, reviewer, "committee_meeting", meeting)] == \
        ["minutes-tehran.pdf"]


def test_bundles_out_of_order_and_tombstones(offices: tuple[Store, Store, Store], tmp_path: Path) -> None:
    tehran, _, hq = offices
    _, _, res = _committee(tehran, tmp_path)
    b1 = export(tehran, tmp_path / "t1.zip").path
    committee.follow_up(tehran, admin(tehran), res, note="پیگیری", status="done", today=D(2024, 6, 25))
    extra = committee.save_resolution(tehran, admin(tehran), ResolutionInput(
        committee.list_resolutions(tehran, admin(tehran))[0].meeting_id, "مصوبهٔ دوم", D(2024, 8, 1)))
    b2 = export(tehran, tmp_path / "t2.zip").path
    committee.remove(tehran, admin(tehran), "committee_resolution", extra)
    b3 = export(tehran, tmp_path / "t3.zip").path
    # HQ gets the third, then the second, then the first: the tombstone and follow-up wait or
    # win by stamp, and nothing older brings a record back.
    for path in (b3, b2, b1):
        summary = import_(hq, path)
        assert not summary.rejections
    assert _rows(hq) == _rows(tehran)
    with hq.read() as s:
        deleted = s.get(CommitteeResolution, extra)
        assert deleted is not None and deleted.deleted
        assert s.scalars(select(Conflict)).all() == []


def test_another_provinces_meeting_unit_or_member_cannot_be_pointed_to(
    offices: tuple[Store, Store, Store], tmp_path: Path,
) -> None:
    tehran, isfahan, hq = offices
    t_unit = sr.unit(tehran)
    t_member = sr.committee_member(tehran)
    t_meeting = sr.committee_meeting(tehran, [t_member])
    t_course = sr.training_course(tehran, t_unit)
    import_(hq, export(tehran, tmp_path / "t1.zip").path)
    own_meeting = sr.committee_meeting(isfahan)
    sr.committee_resolution(isfahan, own_meeting)
    good = export(isfahan, tmp_path / "i1.zip").path
    planted = {"0d7f4c8e-0000-4000-8000-0000000000a1": "committee_resolution",
               "0d7f4c8e-0000-4000-8000-0000000000a2": "training_course",
               "0d7f4c8e-0000-4000-8000-0000000000a3": "committee_member"}

    def edit(rows: sr.Rows) -> None:
        ids = list(planted)
        rows["committee_resolution"].append(dict(rows["committee_resolution"][0], id=ids[0],
                                                  meeting_id=t_meeting))
        rows["training_course"] = [{
            **sr.version_of(tehran, "training_course", t_course), "id": ids[1], "office_code": "isfahan",
            "hlc": isfahan.clock.now(), "_history": {}}]
        rows["committee_member"] = [{
            **sr.version_of(tehran, "committee_member", t_member), "id": ids[2], "office_code": "isfahan",
            "hlc": isfahan.clock.now(), "unit_id": t_unit, "_history": {}}]

    summary = import_(hq, sr.forge(good, isfahan, tmp_path / "f.zip", edit))
    got = {r.record_id: r.reason for r in summary.rejections}
    assert got == dict.fromkeys(planted, "foreign_parent")
    assert summary.counts["committee_meeting"].created == 1  # isfahan's own merged
    for rid, kind in planted.items():
        assert sr.row(hq, kind, rid) is None
