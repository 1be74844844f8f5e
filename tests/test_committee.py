"""The committee and training registers (issue 21): services, validation, audit, removal."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import select

from integrity_desktop.db.models import AuditEntry, CommitteeMeeting, CommitteeResolution, TrainingCourse
from integrity_desktop.db.store import Store
from integrity_desktop.errors import PermissionDenied, UserError
from integrity_desktop.permissions import Actor
from integrity_desktop.services.audit import log as audit
from integrity_desktop.services.committee import register as committee
from integrity_desktop.services.committee import training
from integrity_desktop.services.committee.register import MeetingInput, MemberInput, ResolutionInput
from integrity_desktop.services.committee.training import CourseInput
from integrity_desktop.services.store import evidence, offices

from .conftest import actor

D = dt.date
TODAY = D(2024, 12, 1)


def _members(store: Store, admin: Actor, n: int = 3) -> list[str]:
    return [committee.save_member(store, admin, MemberInput(
        full_name=f"عضو {i}", member_from=D(2024, 1, 1), role=("chair", "secretary", "member")[min(i, 2)],
        post="معاون", letter_no=f"۱۲۳/{i}", letter_date=D(2023, 12, 20)), today=TODAY) for i in range(n)]


MAY_1 = D(2024, 5, 1)


def _held(store: Store, admin: Actor, members: list[str], day: D = MAY_1) -> str:
    return committee.save_meeting(store, admin, MeetingInput(
        planned_date=day, held_date=day, attendee_ids=members[:2], minutes="صورتجلسه"), today=TODAY)


def test_member_meeting_resolution_round(store: Store, admin: Actor) -> None:
    unit = offices.add_unit(store, admin, "اداره منابع انسانی").id
    members = _members(store, admin)
    meeting = _held(store, admin, members)
    res = committee.save_resolution(store, admin, ResolutionInput(meeting, "تدوین برنامهٔ آموزش", "1403/03/01",
                                                                 responsible_unit_id=unit))
    detail = committee.get_meeting(store, admin, meeting, today=TODAY)
    assert detail.meeting.status == "held" and detail.meeting.quorum_met is True  # 2 of 3
    assert detail.meeting.attendee_names == ("عضو 0", "عضو 1")
    [r] = detail.resolutions
    assert r.number == 1 and r.overdue and r.status_fa == "معوق" and r.responsible_unit == "اداره منابع انسانی"
    assert [x.id for x in committee.list_resolutions(store, admin, overdue_only=True, today=TODAY)] == [res]
    info = committee.follow_up(store, admin, res, note="نامه به واحد", today=D(2024, 6, 1))
    assert info.follow_up == "۱۴۰۳/۰۳/۱۲: نامه به واحد" and info.status == "open"
    info = committee.follow_up(store, admin, res, note="انجام شد", status="done", done_on="1403/03/20",
                               today=D(2024, 6, 15))
    assert info.status == "done" and info.done_on == D(2024, 6, 9) and not info.overdue
    assert info.follow_up.count("\n") == 1  # notes are appended, never replaced
    assert committee.list_resolutions(store, admin, overdue_only=True, today=TODAY) == []
    with store.read() as s:  # every write went through the audited helpers
        kinds = [e.entity for e in s.scalars(select(AuditEntry))]
    assert kinds.count("committee_member") == 3 and kinds.count("committee_resolution") == 3
    assert audit.verify_store(store).ok


def test_meeting_states_and_quorum(store: Store, admin: Actor) -> None:
    members = _members(store, admin, 4)
    planned = committee.save_meeting(store, admin, MeetingInput(planned_date=D(2024, 11, 1)), today=TODAY)
    future = committee.save_meeting(store, admin, MeetingInput(planned_date=D(2025, 1, 1)), today=TODAY)
    committee.save_meeting(store, admin, MeetingInput(planned_date=D(2024, 4, 1), cancelled=True), today=TODAY)
    held = committee.save_meeting(store, admin, MeetingInput(
        planned_date=D(2024, 6, 1), held_date=D(2024, 6, 3), attendee_ids=members[:2]), today=TODAY)
    by_id = {m.id: m for m in committee.list_meetings(store, admin, 1403, today=TODAY)}
    assert by_id[planned].status == "missed" and by_id[planned].status_fa == "برگزارنشده"
    assert by_id[future].status == "planned"
    assert by_id[held].quorum_met is False  # 2 of 4 is not more than half
    assert sorted(m.status for m in by_id.values()) == ["cancelled", "held", "missed", "planned"]


@pytest.mark.parametrize(("data", "code"), [
    (MeetingInput(), "meeting_date_missing"),
    (MeetingInput(planned_date="1403/13/01"), "invalid_date"),
    (MeetingInput(held_date=D(2025, 1, 1)), "date_in_future"),
    (MeetingInput(planned_date=D(2024, 5, 1), attendee_ids=["x"]), "attendees_without_meeting"),
    (MeetingInput(held_date=D(2024, 5, 1), attendee_ids=["not-a-member"]), "attendee_not_member"),
    (MeetingInput(held_date=D(2024, 5, 1), cancelled=True), "meeting_held_cancelled"),
])
def test_meeting_validation(store: Store, admin: Actor, data: MeetingInput, code: str) -> None:
    with pytest.raises(UserError) as err:
        committee.save_meeting(store, admin, data, today=TODAY)
    assert err.value.code == code
    assert any("\u0600" <= ch <= "\u06ff" for ch in err.value.fa)


def test_member_validation_and_terms(store: Store, admin: Actor) -> None:
    bad = [
        (MemberInput("", D(2024, 1, 1)), "text_missing"),
        (MemberInput("الف", D(2024, 1, 1), role="boss"), "bad_choice"),
        (MemberInput("الف", D(2024, 2, 1), member_to=D(2024, 1, 1)), "membership_dates"),
        (MemberInput("الف", D(2024, 1, 1), letter_no="۱۲"), "letter_incomplete"),
        (MemberInput("الف", D(2024, 1, 1), letter_no="۱۲", letter_date=D(2025, 1, 1)), "date_in_future"),
    ]
    for data, code in bad:
        with pytest.raises(UserError) as err:
            committee.save_member(store, admin, data, today=TODAY)
        assert err.value.code == code
    mid = committee.save_member(store, admin, MemberInput("الف", D(2024, 1, 1)), today=TODAY)
    committee.save_member(store, admin, MemberInput("الف", D(2024, 1, 1), member_to=D(2024, 6, 30)), mid,
                          today=TODAY)
    assert [m.id for m in committee.list_members(store, admin, on=D(2024, 6, 30))] == [mid]
    assert committee.list_members(store, admin, on=D(2024, 7, 1)) == []
    # an ended member cannot attend a later meeting
    with pytest.raises(UserError) as err:
        committee.save_meeting(store, admin, MeetingInput(held_date=D(2024, 8, 1), attendee_ids=[mid]),
                               today=TODAY)
    assert err.value.code == "attendee_not_member" and "عضو کمیته" in err.value.fa


def test_resolution_rules_and_removal(store: Store, admin: Actor) -> None:
    members = _members(store, admin)
    planned = committee.save_meeting(store, admin, MeetingInput(planned_date=D(2024, 11, 1)), today=TODAY)
    with pytest.raises(UserError) as err:
        committee.save_resolution(store, admin, ResolutionInput(planned, "متن", D(2024, 12, 1)))
    assert err.value.code == "meeting_not_held"
    held = _held(store, admin, members)
    with pytest.raises(UserError) as err:
        committee.save_resolution(store, admin, ResolutionInput(held, "متن", D(2024, 4, 1)))
    assert err.value.code == "due_before_meeting"
    res = committee.save_resolution(store, admin, ResolutionInput(held, "متن", D(2024, 9, 1)))
    with pytest.raises(UserError) as err:
        committee.follow_up(store, admin, res, status="dropped", today=TODAY)
    assert err.value.code == "text_missing"
    info = committee.follow_up(store, admin, res, status="dropped", drop_reason="منتفی شد", today=TODAY)
    assert info.status_fa == "کنارگذاشته" and not info.overdue
    with pytest.raises(UserError) as err:
        committee.remove(store, admin, "committee_meeting", held)
    assert err.value.code == "meeting_has_resolutions"
    with pytest.raises(UserError) as err:
        committee.remove(store, admin, "committee_member", members[0])
    assert err.value.code == "member_attended"
    committee.remove(store, admin, "committee_resolution", res)
    committee.remove(store, admin, "committee_meeting", held)
    with store.read() as s:
        assert s.get(CommitteeMeeting, held).deleted and s.get(CommitteeResolution, res).deleted


def test_permissions_and_other_offices(store: Store, admin: Actor) -> None:
    with pytest.raises(PermissionDenied):
        committee.save_member(store, actor("viewer", "tehran"), MemberInput("الف", D(2024, 1, 1)))
    with pytest.raises(PermissionDenied):
        training.save_course(store, actor("case_officer", "tehran"), _course())
    mid = committee.save_member(store, admin, MemberInput("الف", D(2024, 1, 1)), today=TODAY)
    assert committee.list_members(store, actor("viewer", "tehran"))[0].id == mid
    assert committee.list_members(store, actor("admin", "isfahan")) == []  # a province sees its own
    assert [m.id for m in committee.list_members(store, actor("reviewer", "hq"))] == [mid]  # HQ every one
    with pytest.raises(UserError) as err:
        committee.save_member(store, actor("admin", "isfahan"), MemberInput("ب", D(2024, 1, 1)), mid)
    assert err.value.code == "foreign_record"


def _course(**kw: object) -> CourseInput:
    base: dict[str, object] = {"title": "سلامت اداری", "topic": "12/1", "start_date": "1403/02/01",
                               "end_date": "1403/02/02", "hours": "۸", "participant_count": "۲۵"}
    base.update(kw)
    return CourseInput(**base)  # type: ignore[arg-type]


def test_training_course(store: Store, admin: Actor, tmp_path: object) -> None:
    cid = training.save_course(store, admin, _course(participant_names=["علی", "زهرا"], eval_method="test",
                                                      eval_score="۸۵٫۵", trainer="دکتر نمونه"), today=TODAY)
    [c] = training.list_courses(store, admin, "1403")
    assert (c.id, c.hours, c.participant_count, c.eval_score, c.person_hours) == (cid, 8.0, 25, 85.5, 200.0)
    assert c.topic_fa.startswith("دورهٔ آموزشی سلامت") and c.participant_names == ("علی", "زهرا")
    assert training.list_courses(store, admin, "1403-Q2") == []  # it ended in the first quarter
    bad = [
        (_course(topic="12/5"), "bad_choice"),
        (_course(hours="0"), "training_number"),
        (_course(hours="abc"), "training_number"),
        (_course(participant_count="2.5"), "training_number"),
        (_course(participant_count="1", participant_names=["الف", "ب"]), "names_exceed_count"),
        (_course(eval_method="test"), "score_missing"),
        (_course(eval_score="50"), "method_missing"),
        (_course(eval_method="test", eval_score="120"), "training_number"),
        (_course(end_date="1403/01/01"), "course_dates"),
        (_course(end_date="1404/01/01"), "date_in_future"),
    ]
    for data, code in bad:
        with pytest.raises(UserError) as err:
            training.save_course(store, admin, data, today=TODAY)
        assert err.value.code == code, data
    sheet = tmp_path / "sheet.pdf"  # type: ignore[operator]
    sheet.write_bytes(b"%PDF-1.4 attendance")
    attached = evidence.attach(store, admin, "training_course", cid, sheet)
    assert [e.id for e in evidence.list_for(store, actor("viewer"), "training_course", cid)] == [attached.id]
    with pytest.raises(PermissionDenied):
        evidence.attach(store, actor("case_officer"), "training_course", cid, sheet)
    training.remove_course(store, admin, cid)
    with store.read() as s:
        assert s.get(TrainingCourse, cid).deleted
    assert training.list_courses(store, admin) == []
