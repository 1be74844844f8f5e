"""People's rights registers (issue 20): complaints, surveys, oversight letters — validation,
confidentiality, audit, and the indicators of axes 9, 10 and 16 computed by hand."""

from __future__ import annotations

import datetime as dt

import pytest

from integrity_desktop import jalali
from integrity_desktop.db.store import Store
from integrity_desktop.errors import PermissionDenied, UserError
from integrity_desktop.services.audit import log as audit
from integrity_desktop.services.figures import achievement, computed
from integrity_desktop.services.rights import complaints, oversight, surveys
from integrity_desktop.services.rights.complaints import ComplaintInput, ComplaintQuery
from integrity_desktop.services.rights.oversight import LetterInput
from integrity_desktop.services.rights.surveys import SurveyInput

from .cli_helpers import run_cli
from .conftest import actor

TODAY = dt.date(2025, 3, 1)
Q2 = jalali.Period.parse("1403-Q2")  # 2024-06-21 .. 2024-09-22


def day(offset: int, base: dt.date = Q2.start) -> dt.date:
    return base + dt.timedelta(days=offset)


def complaint(store: Store, received: dt.date, *, kind: str = "complaint", answered: dt.date | None = None,
              satisfaction: int | None = None, name: str = "زهرا احمدی", tracking: str = "") -> str:
    who = actor("inspector")
    cid = complaints.register_complaint(store, who, ComplaintInput(
        received_on=received, channel="samad", category="conduct", kind=kind,
        tracking_number=tracking or f"T-{received.isoformat()}", person_name=name,
        person_contact="09120000000", subject=f"شکایت {name}"), today=TODAY)
    if answered is not None:
        complaints.answer_complaint(store, who, cid, answered_on=answered, outcome="upheld",
                                    satisfaction=satisfaction, today=TODAY)
    return cid


# ------------------------------------------------------------------------------ the register


def test_due_date_follows_the_configurable_answer_period(store: Store) -> None:
    cid = complaint(store, day(0))
    assert complaints.get_complaint(store, actor("admin"), cid).due_on == day(30)
    with pytest.raises(PermissionDenied):
        complaints.set_answer_days(store, actor("inspector"), 10)
    complaints.set_answer_days(store, actor("admin"), 10)
    later = complaint(store, day(1))
    assert complaints.get_complaint(store, actor("admin"), later).due_on == day(11)
    assert complaints.get_complaint(store, actor("admin"), cid).due_on == day(30)  # fixed when registered
    with pytest.raises(UserError) as e:
        complaints.set_answer_days(store, actor("admin"), 0)
    assert "۳۶۵" in e.value.fa


@pytest.mark.parametrize(("changes", "code", "words"), [
    ({"received_on": None}, "complaint_required", "تاریخ دریافت"),
    ({"received_on": dt.date(2030, 1, 1)}, "complaint_future_date", "آینده"),
    ({"channel": "fax"}, "complaint_unknown_choice", "سامد"),
    ({"category": "x"}, "complaint_unknown_choice", "موضوع"),
    ({"answered_on": day(-5)}, "complaint_answer_before", "پیش از تاریخ دریافت"),
    ({"answered_on": day(3), "outcome": "upheld", "satisfaction": 7}, "complaint_satisfaction", "۵"),
    ({"satisfaction": 4}, "complaint_no_answer", "تاریخ پاسخ"),
    ({"answered_on": day(3), "outcome": "referred"}, "complaint_required", "ارجاع"),
    ({"person_name": "ب" * 201}, "complaint_too_long", "۲۰۰"),
])
def test_bad_input_is_refused_in_persian_and_nothing_is_written(
    store: Store, changes: dict[str, object], code: str, words: str,
) -> None:
    base = dict(received_on=day(0), channel="samad", category="conduct")
    before = complaints.count_complaints(store, actor("admin"))
    with pytest.raises(UserError) as e:
        complaints.register_complaint(store, actor("inspector"), ComplaintInput(**{**base, **changes}), today=TODAY)
    assert e.value.code == code and words in e.value.fa
    assert complaints.count_complaints(store, actor("admin")) == before


def test_persian_labels_are_accepted_as_choices(store: Store) -> None:
    cid = complaints.register_complaint(store, actor("inspector"), ComplaintInput(
        received_on="۱۴۰۳/۰۴/۰۱", channel="سامد", category="رفتار کارکنان", kind="پیشنهاد"), today=TODAY)
    row = complaints.get_complaint(store, actor("admin"), cid)
    assert (row.channel, row.category, row.kind, row.received_on) == ("samad", "conduct", "suggestion", Q2.start)


def test_viewer_sees_no_names_and_cannot_find_by_name(store: Store) -> None:
    complaint(store, day(0), name="مریم کاظمی", tracking="SAMAD-77")
    viewer, inspector = actor("viewer"), actor("inspector")
    rows = complaints.list_complaints(store, viewer)
    assert rows and all(r.person_name == complaints.CONFIDENTIAL and r.person_contact == complaints.CONFIDENTIAL
                        for r in rows)
    assert "مریم" not in repr(rows) and "0912" not in repr(rows)
    assert complaints.count_complaints(store, viewer, ComplaintQuery(text="مریم")) == 0
    assert complaints.count_complaints(store, viewer, ComplaintQuery(text="samad-77")) == 1
    assert complaints.count_complaints(store, inspector, ComplaintQuery(text="مريم")) == 1  # Arabic yeh
    assert complaints.list_complaints(store, inspector)[0].person_name == "مریم کاظمی"
    with pytest.raises(PermissionDenied):
        complaint_as(store, viewer)


def complaint_as(store: Store, who: object) -> str:
    return complaints.register_complaint(store, who, ComplaintInput(  # type: ignore[arg-type]
        received_on=day(0), channel="phone", category="fees"), today=TODAY)


def test_overdue_filter_and_flags(store: Store) -> None:
    late_open = complaint(store, day(0))
    answered_late = complaint(store, day(1), answered=day(45))
    complaint(store, day(2), answered=day(5))
    admin = actor("admin")
    today = day(40)
    overdue = complaints.list_complaints(store, admin, ComplaintQuery(state="overdue"), today=today)
    assert [r.id for r in overdue] == [late_open] and overdue[0].overdue
    row = complaints.get_complaint(store, admin, answered_late, today=today)
    assert row.late and not row.overdue and row.days_to_answer == 44
    assert complaints.count_complaints(store, admin, ComplaintQuery(state="answered")) == 2


def test_every_write_is_audited_and_the_store_verifies(store: Store) -> None:
    cid = complaint(store, day(0), answered=day(3))
    complaints.delete_complaint(store, actor("inspector"), cid)
    sid = surveys.add_survey(store, actor("inspector"), SurveyInput("1403-Q2", day(10), "phone", 10, 80), today=TODAY)
    lid = oversight.add_letter(store, actor("inspector"), LetterInput("gio", "۱۲۳/ب", day(1)), today=TODAY)
    oversight.answer_letter(store, actor("inspector"), lid, out_number="55", out_date=day(4), today=TODAY)
    with store.read() as s:
        from sqlalchemy import select

        from integrity_desktop.db.models import AuditEntry
        kinds = [(e.entity, e.action) for e in s.scalars(select(AuditEntry).where(
            AuditEntry.entity_id.in_([cid, sid, lid])).order_by(AuditEntry.seq))]
    assert kinds == [("complaint", "create"), ("complaint", "update"), ("complaint", "delete"),
                     ("survey_round", "create"), ("oversight_letter", "create"), ("oversight_letter", "update")]
    assert audit.verify_store(store).ok


def test_survey_and_letter_validation(store: Store) -> None:
    who = actor("inspector")
    with pytest.raises(UserError) as e:
        surveys.add_survey(store, who, SurveyInput("1403-Q2", day(10), "phone", 10, 120), today=TODAY)
    assert "۱۰۰" in e.value.fa
    with pytest.raises(UserError) as e:
        surveys.add_survey(store, who, SurveyInput("1403-Q2", day(10), "phone", 10,
                                                   distribution={"5": 3, "4": 3}), today=TODAY)
    assert "جمع توزیع" in e.value.fa
    sid = surveys.add_survey(store, who, SurveyInput("1403-Q2", day(10), "online", 4,
                                                     distribution={"5": 2, "3": 2}), today=TODAY)
    assert surveys.list_surveys(store, who)[0].mean_score == 75.0 and sid
    with pytest.raises(UserError) as e:
        oversight.add_letter(store, who, LetterInput("nobody", "1", day(1)), today=TODAY)
    assert "سازمان بازرسی کل کشور" in e.value.fa
    with pytest.raises(UserError) as e:
        oversight.add_letter(store, who, LetterInput("gio", "1", day(5), out_date=day(2), out_number="2"), today=TODAY)
    assert "پیش از" in e.value.fa
    with pytest.raises(PermissionDenied):
        oversight.add_letter(store, actor("viewer"), LetterInput("gio", "1", day(5)), today=TODAY)


# ------------------------------------------------------------------------------ figures by hand


def known_data(store: Store) -> None:
    """Small known registers in 1403-Q2 (and the same quarter of 1402)."""
    last_year = jalali.Period.parse("1402-Q2").start
    for k in range(4):
        complaint(store, day(k, last_year), answered=day(k + 10, last_year))
    complaint(store, day(0), answered=day(10), satisfaction=5)   # 10 days
    complaint(store, day(5), answered=day(45), satisfaction=2)   # 40 days (late)
    complaint(store, day(20))                                      # not answered
    complaint(store, day(1), kind="letter", answered=day(8), satisfaction=4)
    complaint(store, day(2), kind="suggestion", answered=day(95))  # reviewed in the next quarter
    who = actor("inspector")
    surveys.add_survey(store, who, SurveyInput("1403-M04", day(20), "paper", 30, 70), today=TODAY)
    surveys.add_survey(store, who, SurveyInput("1403-Q2", day(60), "phone", 10, 90), today=TODAY)
    surveys.add_survey(store, who, SurveyInput("1403-Q3", day(95), "phone", 10, 10), today=TODAY)  # not Q2
    oversight.add_letter(store, who, LetterInput("gio", "1", day(0), due_on=day(10), out_number="a", out_date=day(9)), today=TODAY)
    oversight.add_letter(store, who, LetterInput("gio", "2", day(1), due_on=day(10), out_number="b", out_date=day(20)), today=TODAY)
    oversight.add_letter(store, who, LetterInput("gio", "3", day(2), due_on=day(10)), today=TODAY)
    oversight.add_letter(store, who, LetterInput("gio", "4", day(3), status="closed"), today=TODAY)
    oversight.add_letter(store, who, LetterInput("justice_court", "5", day(4), due_on=day(9), out_number="c", out_date=day(9)), today=TODAY)


EXPECTED = {
    "9/5": (30 * 70 + 10 * 90) / 40,  # 75
    "10/1": 3 / 4,
    "10/2": 2 / 3,
    "10/3": (10 + 40) / 2,
    "10/6": 1.0,  # the letter; the suggestion was reviewed in Q3
    "10/10": (100 + 25 + 75) / 3,
    "16/2": 1 / 3 * 100,  # the archived letter needs no answer
    "16/3": None,
    "16/4": 100.0,
}


def test_figures_equal_the_hand_computation(store: Store) -> None:
    known_data(store)
    got = computed.compute(store, actor("viewer"), "1403-Q2", today=TODAY)
    for code, value in EXPECTED.items():
        assert got[code].value == (pytest.approx(value) if value is not None else None), code
        assert got[code].formula_fa and not any("a" <= ch <= "z" for ch in got[code].formula_fa)
    rows = computed.records_behind(store, actor("viewer"), "1403-Q2", "10/3", today=TODAY)
    assert [r.counted for r in rows] == [True, True, False]
    assert "زهرا" not in repr(rows)
    figures = {f.code: f for f in achievement.office_figures(store, actor("viewer"), "1403-Q2", today=TODAY)}
    assert figures["10/3"].value == pytest.approx(25.0) and figures["10/3"].source == "computed"
    assert figures["10/3"].achievement.state == "met"


def test_a_late_answer_moves_10_2_and_10_3_at_once(store: Store) -> None:
    known_data(store)
    open_one = complaint(store, day(30))
    before = computed.compute(store, actor("viewer"), "1403-Q2", today=TODAY)
    complaints.answer_complaint(store, actor("inspector"), open_one, answered_on=day(100), outcome="rejected",
                                today=TODAY)
    after = computed.compute(store, actor("viewer"), "1403-Q2", today=TODAY)
    assert (before["10/2"].value, after["10/2"].value) == (pytest.approx(2 / 4), pytest.approx(3 / 4))
    assert (before["10/3"].value, after["10/3"].value) == (pytest.approx(25.0), pytest.approx((10 + 40 + 70) / 3))
    assert complaints.get_complaint(store, actor("admin"), open_one).late


def test_indicators_command_prints_the_computed_figures(store: Store) -> None:
    known_data(store)
    db = str(store.path)
    store.dispose()
    out = run_cli("indicators", "--db", db, "--period", "1403-Q2")
    assert out.returncode == 0, out.stderr
    rows = {f[0]: f[1:] for f in (line.split("\t") for line in out.stdout.splitlines())}
    assert rows["10/3"] == ["average_days", "quarterly", "30", "25", "computed"]
    assert rows["10/2"][3:] == ["0.67", "computed"]
    assert rows["16/2"] == ["percent", "quarterly", "", "33.3", "computed"]
    assert rows["9/5"][3:] == ["75", "computed"]


def test_demo_fills_the_registers_once_with_valid_records(store: Store) -> None:
    import random

    from sqlalchemy import select

    from integrity_desktop.db.models import Complaint
    from integrity_desktop.services.demo import rights as demo_rights

    admin = actor("admin")
    counts = demo_rights.fill(store, admin, random.Random(7), 1)
    assert counts["complaints"] == demo_rights.COMPLAINTS_PER_SCALE and counts["survey_rounds"] > 0
    assert counts["oversight_letters"] == demo_rights.LETTERS_PER_SCALE
    assert demo_rights.fill(store, admin, random.Random(7), 1) == {
        "complaints": 0, "survey_rounds": 0, "oversight_letters": 0}
    # every demo complaint passes the entry rules unchanged (as an Excel import would read it)
    with store.read() as s:
        rows = list(s.scalars(select(Complaint)))
        for row in rows[:100]:
            values = complaints.validate(s, complaints._as_input(row), today=jalali.today(), answer_period=30)
            assert all(getattr(row, k) == v for k, v in values.items()), row.id
    assert any(r.answered_on is None for r in rows) and any(r.answered_on and r.answered_on > r.due_on for r in rows)
    assert audit.verify_store(store).ok
