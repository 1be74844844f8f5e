"""The committee and training records of known figures (axes 7 and 12, issue 21): members with
and without letters, meetings held, cancelled and extra, resolutions done late and dropped,
courses evaluated or not; shared by the figure tests and the committee screen tests."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from integrity_desktop.db.store import Store
from integrity_desktop.services.committee import register as committee
from integrity_desktop.services.committee import training
from integrity_desktop.services.committee.register import MeetingInput, MemberInput, ResolutionInput
from integrity_desktop.services.committee.training import CourseInput
from integrity_desktop.services.store import evidence

from .sync_helpers import admin

D = dt.date
TODAY = D(2024, 7, 1)


def fill(store: Store, tmp_path: Path) -> dict[str, str]:
    """The known data; returns the ids a test changes later."""
    a = admin(store)
    ids: dict[str, str] = {}

    def member(name: str, role: str, letter: bool) -> str:
        return committee.save_member(store, a, MemberInput(
            name, D(2024, 1, 1), role=role, letter_no="۱۰۰/۲" if letter else "",
            letter_date=D(2024, 1, 5) if letter else None), today=TODAY)

    chair, secretary = member("رئیس", "chair", True), member("دبیر", "secretary", True)
    ids["plain"] = member("عضو", "member", False)  # not announced by a letter yet: 7/1 = 0
    att = [chair, secretary]

    def meeting(planned: D | None, held: D | None = None, minutes: str = "", cancelled: bool = False) -> str:
        return committee.save_meeting(store, a, MeetingInput(
            planned_date=planned, held_date=held, attendee_ids=att if held else (), minutes=minutes,
            cancelled=cancelled), today=TODAY)

    m1 = meeting(D(2024, 4, 10), D(2024, 4, 12), "صورتجلسهٔ اول")  # held, minutes as text
    m2 = meeting(D(2024, 5, 10), D(2024, 5, 11))  # held, minutes as a file
    sheet = tmp_path / "minutes.pdf"
    sheet.write_bytes(b"%PDF-1.4 minutes")
    evidence.attach(store, a, "committee_meeting", m2, sheet)
    meeting(D(2024, 6, 1), D(2024, 6, 1))  # held, no minutes
    meeting(D(2024, 6, 10), cancelled=True)  # cancelled: still scheduled
    meeting(None, D(2024, 5, 1), "جلسهٔ فوق‌العاده")  # extra: in neither
    meeting(D(2024, 7, 10))  # next quarter
    r = [committee.save_resolution(store, a, ResolutionInput(m1, f"مصوبهٔ {i}", due))
         for i, due in enumerate((D(2024, 4, 30), D(2024, 5, 30), D(2024, 6, 15), D(2024, 6, 18),
                                  D(2024, 8, 1)))]
    committee.follow_up(store, a, r[0], status="done", done_on=D(2024, 4, 28), today=TODAY)
    committee.follow_up(store, a, r[2], status="dropped", drop_reason="منتفی شد", today=TODAY)
    committee.follow_up(store, a, r[3], status="done", done_on=D(2024, 6, 25), today=TODAY)  # late, done
    ids["open_resolution"] = r[1]

    def course(topic: str, end: D, hours: float, people: int, score: float | None = None) -> str:
        return training.save_course(store, a, CourseInput(
            f"دورهٔ {topic}", topic, end, end, hours, people, eval_method="test" if score is not None else "",
            eval_score=score), today=TODAY)

    course("12/1", D(2024, 4, 1), 8, 20, 80)
    course("12/1", D(2024, 5, 1), 4, 10)
    course("2/2", D(2024, 5, 2), 6, 15, 90)
    course("10/7", D(2024, 6, 20), 3, 30)
    course("12/3", D(2024, 6, 21), 2, 5, 70)  # ends in the next quarter
    return ids
