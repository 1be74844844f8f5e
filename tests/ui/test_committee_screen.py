"""The committee and training screen (issue 21): the year calendar, overdue resolutions in
red, a meeting with its resolutions, keyboard entry in the dialogs, Persian refusals."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from integrity_desktop.db.store import Store
from integrity_desktop.services.committee import register as committee
from integrity_desktop.services.committee import training
from integrity_desktop.ui.context import UiContext
from integrity_desktop.ui.screens.committee.dialogs import (
    CourseDialog,
    FollowUpDialog,
    MeetingDialog,
    MeetingView,
)
from integrity_desktop.ui.screens.committee.screen import CommitteeScreen
from integrity_desktop.ui.screens.inspections.dialogs import OVERDUE_BG

from ..committee_helpers import fill
from ..conftest import actor

pytestmark = pytest.mark.gui


def _ctx(store: Store, role: str = "inspector") -> UiContext:
    return UiContext(store, actor(role, store.office_code))


def test_year_calendar_meetings_and_overdue_resolutions(qtbot, store: Store, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    fill(store, tmp_path)
    screen = CommitteeScreen(_ctx(store))
    qtbot.addWidget(screen)
    assert screen.year.currentData() == 1403  # opens on the newest year with meetings
    cal = screen.calendar_model
    texts = [cal.data(cal.index(r, c)) for r in range(3) for c in range(4)]
    assert texts[0].startswith("فروردین") and texts[1].startswith("اردیبهشت")
    assert texts[1].count("برگزارشده") == 2 and "لغوشده" in texts[2]
    assert "برگزارنشده" in texts[3]  # the meeting planned in Tir, past and not held
    assert texts[4:] == [text.split("\n")[0] for text in texts[4:]]  # the other months are empty
    assert len(screen.meetings_model.rows) == 6
    rows = screen.resolutions_model.rows
    overdue = [i for i, r in enumerate(rows) if r.overdue]
    assert len(overdue) == 2  # r1 and r4 are open and past due today
    brush = screen.resolutions_model.data(screen.resolutions_model.index(overdue[0], 0),
                                          Qt.ItemDataRole.BackgroundRole)
    assert brush is not None and brush.color() == OVERDUE_BG
    screen.overdue_only.setChecked(True)
    assert len(screen.resolutions_model.rows) == 2 and "۲ معوق" in screen.resolution_count.text()
    assert "۱۲/۱" in screen.training_summary.text() and "نفر-ساعت" in screen.training_summary.text()


def test_meeting_view_and_dialogs_by_keyboard(qtbot, store: Store, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    fill(store, tmp_path)
    ctx = _ctx(store)
    meeting = next(m for m in committee.list_meetings(store, ctx.actor, 1403) if m.resolutions)
    view = MeetingView(ctx, meeting.id)
    qtbot.addWidget(view)
    assert view.model.rowCount() == 5 and "حاضران: ۲ از ۳ عضو" in view.summary.toPlainText()
    # follow a resolution up through its dialog
    open_one = next(r for r in view.detail.resolutions if r.status == "open")
    dialog = FollowUpDialog(ctx, open_one)
    qtbot.addWidget(dialog)
    dialog.note.setPlainText("نامه به واحد فرستاده شد")  # QTest cannot type Persian letters
    dialog.status.setCurrentIndex(dialog.status.findData("dropped"))
    dialog.save()
    assert "دلیل کنار گذاشتن" in dialog.error.text()  # the service's Persian refusal
    dialog.reason.setText("منتفی شد")
    dialog.save()
    assert dialog.result() == dialog.DialogCode.Accepted
    view.reload()
    assert [r.status for r in view.detail.resolutions].count("dropped") == 2
    # plan a meeting, typed as a Jalali date
    plan = MeetingDialog(ctx)
    qtbot.addWidget(plan)
    plan.title.setText("جلسهٔ ویژه")
    plan.planned.set_value(dt.date(2024, 9, 1))
    plan.save()
    assert plan.saved_id and plan.result() == plan.DialogCode.Accepted
    # a course with a bad score is refused in Persian, then saved
    course = CourseDialog(ctx)
    qtbot.addWidget(course)
    course.title.setText("کارگاه تعارض منافع")
    course.topic.setCurrentIndex(course.topic.findData("3/2"))
    course.start.set_value(dt.date(2024, 5, 5))
    course.method.setCurrentIndex(course.method.findData("test"))
    qtbot.keyClicks(course.score, "120")  # typed on the keyboard
    course.save()
    assert "امتیاز اثربخشی" in course.error.text() and "۱۰۰" in course.error.text()
    course.score.setText("۸۸")
    course.save()
    assert course.result() == course.DialogCode.Accepted
    saved = next(c for c in training.list_courses(store, ctx.actor) if c.id == course.saved_id)
    assert (saved.topic, saved.eval_score, saved.end_date) == ("3/2", 88.0, dt.date(2024, 5, 5))


def test_a_viewer_reads_but_cannot_edit(qtbot, store: Store, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    fill(store, tmp_path)
    screen = CommitteeScreen(_ctx(store, "viewer"))
    qtbot.addWidget(screen)
    assert screen.members_model.rowCount() == 3
    for name in ("new_meeting", "follow_up", "new_member", "new_course"):
        button = screen.findChild(type(screen.findChild(object, "new_meeting")), name)
        assert button is not None and not button.isEnabled(), name


def test_attendance_sheet_attached_off_the_gui_thread(qtbot, store: Store, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from integrity_desktop.services.store import evidence
    from integrity_desktop.ui.screens.committee.dialogs import attach_files

    fill(store, tmp_path)
    ctx = _ctx(store)
    screen = CommitteeScreen(ctx)
    qtbot.addWidget(screen)
    course = screen.courses_model.rows[0]
    sheet = tmp_path / "حضور و غیاب.pdf"
    sheet.write_bytes(b"%PDF-1.4 attendance sheet")
    done: list[object] = []
    attach_files(screen, ctx, "training_course", course.id, [sheet], on_done=done.append)
    qtbot.waitUntil(lambda: bool(done))
    assert [e.filename for e in evidence.list_for(store, ctx.actor, "training_course", course.id)] == [
        "حضور و غیاب.pdf"]
