"""Inspections: the registry, plans, visits and follow-up on real store files.

Every validation rule is checked with its Persian message and with the store left exactly as
it was (row counts of every inspection table, checklists and the audit log).
"""

from __future__ import annotations

import random
from pathlib import Path

import pytest
from sqlalchemy import func, select

from integrity_desktop.db.models import (
    AuditEntry,
    Checklist,
    CorrectiveAction,
    Finding,
    InspectionPlan,
    Inspector,
    PlanItem,
    Unit,
    Visit,
)
from integrity_desktop.db.store import Store
from integrity_desktop.errors import PermissionDenied, UserError
from integrity_desktop.jalali import parse_date
from integrity_desktop.nationalid import generate_valid_national_code
from integrity_desktop.permissions import Actor
from integrity_desktop.services.inspections import figures, inspectors, plans, visits
from integrity_desktop.services.inspections.plans import PlanItemInput
from integrity_desktop.services.inspections.visits import ActionInput, FindingInput
from integrity_desktop.services.store.seed import template_id

from .conftest import actor

TABLES = (Inspector, InspectionPlan, PlanItem, Visit, Finding, CorrectiveAction, Checklist, AuditEntry)
Q3 = "1403-Q3"  # 1403/07/01 .. 1403/09/30


def counts(store: Store) -> dict[str, int]:
    with store.read() as s:
        return {t.__name__: int(s.scalar(select(func.count()).select_from(t)) or 0) for t in TABLES}


def units(store: Store) -> list[str]:
    with store.read() as s:
        return list(s.scalars(select(Unit.id).where(Unit.office_code == store.office_code).order_by(Unit.id)))


@pytest.fixture
def inspector_actor(store: Store) -> Actor:
    return actor("inspector", store.office_code)


@pytest.fixture
def team(store: Store, inspector_actor: Actor) -> list[inspectors.InspectorInfo]:
    rng = random.Random(7)
    a = inspectors.create_inspector(
        store, inspector_actor, full_name="مریم احمدی", national_code=generate_valid_national_code(rng),
        appointed_on="1402/01/15", letter_no="۱۲۳/الف", post="کارشناس", unit_id=units(store)[0],
    )  # fmt: skip
    b = inspectors.create_inspector(
        store, inspector_actor, full_name="رضا موسوی", national_code=generate_valid_national_code(rng),
        appointed_on="1403/08/01", letter_no="۴۵۶", term_end="1404/07/30",
    )  # fmt: skip
    return [a, b]


def test_inspector_national_code_is_checked_and_nothing_saved(store: Store, inspector_actor: Actor) -> None:
    before = counts(store)
    with pytest.raises(UserError) as e:
        inspectors.create_inspector(
            store, inspector_actor, full_name="علی", national_code="0499370898",
            appointed_on="1403/01/01", letter_no="1",
        )  # fmt: skip
    assert "کد ملی" in e.value.fa and "معتبر نیست" in e.value.fa
    assert counts(store) == before


def test_inspector_stored_with_ascii_code_and_duplicate_refused(
    store: Store, inspector_actor: Actor, team: list[inspectors.InspectorInfo]
) -> None:
    info = inspectors.create_inspector(
        store, inspector_actor, full_name="زهرا کریمی", national_code="۰۴۹۹۳۷۰۸۹۹",
        appointed_on="1403/01/01", letter_no="7",
    )  # fmt: skip
    assert info.national_code == "0499370899"
    with pytest.raises(UserError) as e:
        inspectors.create_inspector(
            store, inspector_actor, full_name="دیگری", national_code="0499370899",
            appointed_on="1403/01/01", letter_no="8",
        )  # fmt: skip
    assert e.value.code == "inspector_duplicate"
    assert inspectors.count_inspectors(store, inspector_actor) == 3
    found = inspectors.list_inspectors(store, inspector_actor, inspectors.InspectorQuery(text="كريمي"))  # Arabic yeh and kaf
    assert [i.full_name for i in found] == ["زهرا کریمی"]


def test_term_before_appointment_refused(store: Store, inspector_actor: Actor) -> None:
    with pytest.raises(UserError) as e:
        inspectors.create_inspector(
            store, inspector_actor, full_name="علی", national_code="0084575948",
            appointed_on="1403/05/01", letter_no="1", term_end="1403/04/01",
        )  # fmt: skip
    assert e.value.code == "term_before_appointment" and "پیش از تاریخ ابلاغ" in e.value.fa


def test_is_appointed_on(team: list[inspectors.InspectorInfo]) -> None:
    b = team[1]
    assert not inspectors.is_appointed_on(b, parse_date("1403/07/30"))
    assert inspectors.is_appointed_on(b, parse_date("1403/08/01"))
    assert inspectors.is_appointed_on(b, parse_date("1404/07/30"))
    assert not inspectors.is_appointed_on(b, parse_date("1404/08/01"))


def test_suspended_inspector_not_appointed(
    store: Store, inspector_actor: Actor, team: list[inspectors.InspectorInfo]
) -> None:
    info = inspectors.update_inspector(store, inspector_actor, team[0].id, status="suspended")
    assert not inspectors.is_appointed_on(info, parse_date("1403/07/10"))
    appointed = inspectors.InspectorQuery(appointed_on=parse_date("1403/09/01"))
    assert inspectors.count_inspectors(store, inspector_actor, appointed) == 1


def test_viewer_cannot_register(store: Store) -> None:
    with pytest.raises(PermissionDenied):
        inspectors.create_inspector(
            store, actor("viewer", store.office_code), full_name="علی", national_code="0084575948",
            appointed_on="1403/01/01", letter_no="1",
        )  # fmt: skip


def test_plan_date_outside_period_saves_nothing(
    store: Store, inspector_actor: Actor, team: list[inspectors.InspectorInfo]
) -> None:
    u = units(store)
    before = counts(store)
    with pytest.raises(UserError) as e:
        plans.create_plan(store, inspector_actor, Q3, items=[
            PlanItemInput(u[0], "1403/07/10", (team[0].id,)),
            PlanItemInput(u[1], "1403/10/02", (team[0].id,)),  # the first day of the next quarter
        ])  # fmt: skip
    assert e.value.code == "date_outside_period"
    assert "بیرون از دورهٔ برنامه" in e.value.fa and "۱۴۰۳/۱۰/۰۲" in e.value.fa
    assert counts(store) == before  # not even the plan or its first item


def test_plan_inspector_not_appointed_saves_nothing(
    store: Store, inspector_actor: Actor, team: list[inspectors.InspectorInfo]
) -> None:
    u = units(store)
    before = counts(store)
    with pytest.raises(UserError) as e:
        plans.create_plan(store, inspector_actor, Q3, items=[
            PlanItemInput(u[0], "1403/07/20", (team[1].id,)),  # appointed only from 1403/08/01
        ])  # fmt: skip
    assert e.value.code == "inspector_not_appointed"
    assert "رضا موسوی" in e.value.fa and "حکم بازرسی معتبر ندارد" in e.value.fa
    assert counts(store) == before


def _plan(store: Store, who: Actor, team: list[inspectors.InspectorInfo]) -> plans.PlanInfo:
    u = units(store)
    tid = template_id("three-year-1398-1400", 1)
    return plans.create_plan(store, who, Q3, items=[
        PlanItemInput(u[0], "1403/07/10", (team[0].id,), tid),
        PlanItemInput(u[1], "1403/08/15", (team[0].id, team[1].id)),
        PlanItemInput(u[2], "1403/09/05", (team[1].id,)),
        PlanItemInput(u[3], "1403/09/25", (team[0].id,)),
    ])  # fmt: skip


def test_plan_and_timeline(
    store: Store, inspector_actor: Actor, team: list[inspectors.InspectorInfo]
) -> None:
    plan = _plan(store, inspector_actor, team)
    assert plan.item_count == 4 and plan.done_count == 0 and plan.period_label == "سه\u200cماههٔ سوم ۱۴۰۳"
    months = plans.timeline(store, inspector_actor, Q3)
    assert [m.label_fa for m in months] == ["مهر ۱۴۰۳", "آبان ۱۴۰۳", "آذر ۱۴۰۳"]
    assert [len(m.items) for m in months] == [1, 1, 2]
    with pytest.raises(UserError) as e:
        plans.create_plan(store, inspector_actor, Q3)
    assert e.value.code == "plan_exists"
    assert plans.count_plan_items(store, inspector_actor, plans.PlanItemQuery(period_code=Q3, inspector_id=team[1].id)) == 2


def _items(store: Store, who: Actor, plan_id: str) -> list[plans.PlanItemInfo]:
    return plans.list_plan_items(store, who, plans.PlanItemQuery(plan_id=plan_id))


def test_visit_outside_plan_period_saves_nothing(
    store: Store, inspector_actor: Actor, team: list[inspectors.InspectorInfo]
) -> None:
    plan = _plan(store, inspector_actor, team)
    item = _items(store, inspector_actor, plan.id)[0]
    before = counts(store)
    with pytest.raises(UserError) as e:
        visits.log_visit(
            store, inspector_actor, kind="periodic", plan_item_id=item.id, visit_date="1403/10/03",
            findings=[FindingInput("high", "پرونده‌ها بایگانی نشده است")],
        )  # fmt: skip
    assert e.value.code == "date_outside_period" and "تاریخ بازدید" in e.value.fa
    assert counts(store) == before


def test_visit_inspector_not_appointed_saves_nothing(
    store: Store, inspector_actor: Actor, team: list[inspectors.InspectorInfo]
) -> None:
    before = counts(store)
    with pytest.raises(UserError) as e:
        visits.log_visit(
            store, inspector_actor, kind="adhoc", unit_id=units(store)[0], visit_date="1403/07/25",
            inspector_ids=[team[1].id],
        )  # fmt: skip
    assert e.value.code == "inspector_not_appointed" and "۱۴۰۳/۰۷/۲۵" in e.value.fa
    assert counts(store) == before


def test_due_date_before_visit_saves_nothing(
    store: Store, inspector_actor: Actor, team: list[inspectors.InspectorInfo]
) -> None:
    plan = _plan(store, inspector_actor, team)
    item = _items(store, inspector_actor, plan.id)[0]  # with a checklist template
    u = units(store)
    before = counts(store)
    with pytest.raises(UserError) as e:
        visits.log_visit(
            store, inspector_actor, kind="periodic", plan_item_id=item.id, visit_date="1403/07/12",
            findings=[
                FindingInput("medium", "تابلوی اعلانات به‌روز نیست", "22/1",
                             (ActionInput(u[0], "به‌روزرسانی تابلو", "1403/08/01"),)),
                FindingInput("high", "دفتر حضور و غیاب ناقص است", "",
                             (ActionInput(u[0], "تکمیل دفتر", "1403/07/11"),)),
            ],
        )  # fmt: skip
    assert e.value.code == "due_before_visit"
    assert "۱۴۰۳/۰۷/۱۱" in e.value.fa and "پیش از تاریخ بازدید" in e.value.fa
    assert counts(store) == before  # no visit, no checklist, no first finding, no audit entry


def test_unknown_indicator_and_severity(
    store: Store, inspector_actor: Actor, team: list[inspectors.InspectorInfo]
) -> None:
    u = units(store)
    base = dict(kind="adhoc", unit_id=u[0], visit_date="1403/07/25", inspector_ids=[team[0].id])
    with pytest.raises(UserError) as e:
        visits.log_visit(store, inspector_actor, **base, findings=[FindingInput("high", "x", "99/1")])  # type: ignore[arg-type]
    assert e.value.code == "indicator_unknown" and "۹۹/۱" in e.value.fa
    with pytest.raises(UserError) as e:
        visits.log_visit(store, inspector_actor, **base, findings=[FindingInput("grave", "x")])  # type: ignore[arg-type]
    assert e.value.code == "bad_choice" and "بحرانی" in e.value.fa


def test_log_visit_with_checklist_findings_and_close(
    store: Store, inspector_actor: Actor, team: list[inspectors.InspectorInfo]
) -> None:
    plan = _plan(store, inspector_actor, team)
    item = _items(store, inspector_actor, plan.id)[0]
    u = units(store)
    detail = visits.log_visit(
        store, inspector_actor, kind="periodic", plan_item_id=item.id, visit_date="1403/07/12",
        summary="بازدید از مرکز", recommendations="آموزش کارکنان",
        findings=[FindingInput("high", "دفتر حضور و غیاب ناقص است", "۲۲/۱",
                               (ActionInput(u[0], "تکمیل دفتر", "1403/08/12"),))],
    )  # fmt: skip
    v = detail.visit
    assert v.unit_id == item.unit_id and v.inspector_ids == item.inspector_ids
    assert v.checklist_id is not None and v.kind_fa == "ادواری"
    with store.read() as s:
        checklist = s.get(Checklist, v.checklist_id)
        assert checklist is not None and checklist.period_code == "1403-M07" and checklist.unit_id == u[0]
    assert detail.findings[0].indicator_code == "22/1" and detail.findings[0].severity_fa == "زیاد"
    action = detail.findings[0].actions[0]
    with pytest.raises(UserError) as e:
        visits.update_visit(store, inspector_actor, v.id, status="closed")
    assert e.value.code == "visit_has_open_actions" and "۱" in e.value.fa
    with pytest.raises(UserError) as e:
        visits.close_action(store, inspector_actor, action.id, closed_on="1403/07/01")
    assert e.value.code == "closed_before_visit"
    closed = visits.close_action(store, inspector_actor, action.id, closed_on="1403/08/10", note="انجام شد")
    assert closed.status == "done" and closed.closed_on == parse_date("1403/08/10") and not closed.overdue
    assert visits.update_visit(store, inspector_actor, v.id, status="closed").status_fa == "بسته‌شده"
    with pytest.raises(UserError) as e:
        visits.log_visit(
            store, inspector_actor, kind="periodic", plan_item_id=item.id, visit_date="1403/07/13"
        )
    assert e.value.code == "plan_item_visited"


def test_overdue_flag_and_follow_up_paging(
    store: Store, inspector_actor: Actor, team: list[inspectors.InspectorInfo]
) -> None:
    u = units(store)
    visits.log_visit(
        store, inspector_actor, kind="adhoc", unit_id=u[0], visit_date="1403/07/20",
        inspector_ids=[team[0].id],
        findings=[FindingInput("critical", "یافتهٔ نخست", "", (
            ActionInput(u[1], "اقدام یک", "1403/08/01"),
            ActionInput(u[2], "اقدام دو", "1403/09/01"),
            ActionInput(u[1], "اقدام سه", "1403/10/01"),
        ))],
    )  # fmt: skip
    today = parse_date("1403/09/11")
    rows = visits.follow_up(store, inspector_actor, today=today)
    assert [r.action.description for r in rows] == ["اقدام یک", "اقدام دو", "اقدام سه"]
    assert [(r.action.overdue, r.action.days_overdue) for r in rows] == [(True, 40), (True, 10), (False, 0)]
    assert visits.count_follow_up(store, inspector_actor, visits.FollowUpQuery(overdue_only=True), today=today) == 2
    assert visits.count_follow_up(store, inspector_actor, visits.FollowUpQuery(unit_id=u[1]), today=today) == 2
    page = visits.follow_up(store, inspector_actor, today=today, offset=1, limit=1)
    assert [r.action.description for r in page] == ["اقدام دو"]
    visits.close_action(store, inspector_actor, rows[0].action.id, closed_on="1403/08/05")
    assert visits.count_follow_up(store, inspector_actor, visits.FollowUpQuery(overdue_only=True), today=today) == 1
    assert visits.count_follow_up(store, inspector_actor, visits.FollowUpQuery(status=None), today=today) == 3


def test_realisation_rate_equals_records(
    store: Store, inspector_actor: Actor, team: list[inspectors.InspectorInfo]
) -> None:
    plan = _plan(store, inspector_actor, team)
    items = _items(store, inspector_actor, plan.id)
    assert figures.realisation_rate(store, inspector_actor, Q3).value == 0.0
    visits.log_visit(
        store, inspector_actor, kind="periodic", plan_item_id=items[1].id, visit_date="1403/08/16"
    )
    visits.log_visit(
        store, inspector_actor, kind="periodic", plan_item_id=items[2].id, visit_date="1403/09/06"
    )
    visits.log_visit(  # ad hoc visits are not in the plan: they do not raise the rate
        store, inspector_actor, kind="adhoc", unit_id=units(store)[5], visit_date="1403/09/07",
        inspector_ids=[team[0].id],
    )  # fmt: skip
    fig = figures.realisation_rate(store, inspector_actor, Q3)
    with store.read() as s:
        planned = s.scalar(select(func.count()).select_from(PlanItem).where(PlanItem.deleted.is_(False)))
        done = s.scalar(select(func.count()).select_from(Visit).where(Visit.plan_item_id.is_not(None)))
    assert (fig.numerator, fig.denominator) == (done, planned) == (2, 4)
    assert fig.value == 50.0
    assert sorted(fig.record_ids["visited_plan_items"]) == sorted([items[1].id, items[2].id])
    assert plans.get_plan(store, inspector_actor, plan.id).done_count == 2
    # a month of the quarter has nothing planned: its own rate has no value, not 0
    assert figures.realisation_rate(store, inspector_actor, "1403-M10").value is None


def test_checklist_reads_the_inspection_figures_live(
    store: Store, inspector_actor: Actor, team: list[inspectors.InspectorInfo]
) -> None:
    from integrity_desktop.services.checklists import filled as checklists
    from integrity_desktop.services.checklists import scoring
    from integrity_desktop.services.figures import computed

    plan = _plan(store, inspector_actor, team)
    items = _items(store, inspector_actor, plan.id)
    summary = checklists.create_checklist(store, inspector_actor, scoring.three_year_template_id(), None, Q3)

    def shown() -> dict[str, checklists.EntryView]:
        view = checklists.get_checklist(store, inspector_actor, summary.id)
        return {e.item_code: e for e in view.entries if e.computed}

    before = shown()
    assert before["1/4"].value == 0.0 and before["22/1"].value == 0.0
    assert "÷" in before["1/4"].formula_fa and before["1/4"].computed_source["denominator"] == 4
    visits.log_visit(
        store, inspector_actor, kind="periodic", plan_item_id=items[0].id, visit_date="1403/07/11",
        status="reported", recommendations="پیشنهاد",
    )  # fmt: skip
    after = shown()
    assert after["1/4"].value == 25.0 and after["22/1"].value == 1.0 and after["22/2"].value == 1.0
    behind = computed.records_behind(store, inspector_actor, Q3, "1/4")
    assert len(behind) == 4 and [r.record_id for r in behind if r.counted] == [items[0].id]
    assert [r.kind_fa for r in computed.records_behind(store, inspector_actor, Q3, "22/1")] == ["بازدید"]


def test_evidence_on_finding_and_inspector(
    store: Store, inspector_actor: Actor, team: list[inspectors.InspectorInfo], tmp_path: Path
) -> None:
    from integrity_desktop.services.inspections import evidence as inspection_evidence

    detail = visits.log_visit(
        store, inspector_actor, kind="adhoc", unit_id=units(store)[0], visit_date="1403/07/20",
        inspector_ids=[team[0].id], findings=[FindingInput("low", "یافته")],
    )  # fmt: skip
    finding = detail.findings[0]
    note = tmp_path / "صورتجلسه.txt"
    note.write_text("صورت‌جلسهٔ بازدید", encoding="utf-8")
    letter = tmp_path / "letter.pdf"
    letter.write_bytes(b"%PDF-1.4\n%%EOF\n")
    inspection_evidence.attach(store, inspector_actor, "finding", finding.id, note, "صورت‌جلسه")
    inspection_evidence.attach(store, inspector_actor, "inspector", team[0].id, letter, "حکم")
    again = visits.get_visit(store, inspector_actor, detail.visit.id)
    assert again.findings[0].evidence_count == 1
    files = inspection_evidence.list_attached(store, inspector_actor, "inspector", team[0].id)
    assert [f.filename for f in files] == ["letter.pdf"]
    with pytest.raises(PermissionDenied):
        inspection_evidence.attach(store, actor("viewer", store.office_code), "finding", finding.id, note)


def test_findings_and_actions_are_corrected_with_their_rules(
    store: Store, inspector_actor: Actor, team: list[inspectors.InspectorInfo]
) -> None:
    """Issue 16 item 10: a finding and an open action are edited through the same checks as when
    added; a refused edit changes nothing; an accepted one is audited with before and after."""
    u = units(store)
    detail = visits.log_visit(
        store, inspector_actor, kind="adhoc", unit_id=u[0], visit_date="1403/07/20", inspector_ids=[team[0].id],
        findings=[FindingInput("low", "دفتر ناقص", "22/1", (ActionInput(u[0], "تکمیل دفتر", "1403/08/20"),))],
    )  # fmt: skip
    finding = detail.findings[0]
    action = finding.actions[0]
    before = counts(store)
    for bad, code in (
        (dict(severity="grave", text="x", indicator_code=""), "bad_choice"),
        (dict(severity="high", text="  ", indicator_code=""), "text_missing"),
        (dict(severity="high", text="x", indicator_code="99/9"), "indicator_unknown"),
    ):
        with pytest.raises(UserError) as e:
            visits.update_finding(store, inspector_actor, finding.id, **bad)  # type: ignore[arg-type]
        assert e.value.code == code, bad
    with pytest.raises(UserError) as e:
        visits.update_action(store, inspector_actor, action.id, ActionInput(u[0], "تکمیل", "1403/07/01"))
    assert e.value.code == "due_before_visit" and "۱۴۰۳/۰۷/۰۱" in e.value.fa
    assert counts(store) == before

    fixed = visits.update_finding(store, inspector_actor, finding.id, severity="high",
                                  text="دفتر مراجعان ناقص است", indicator_code="۱/۴")
    assert (fixed.severity, fixed.indicator_code, fixed.text) == ("high", "1/4", "دفتر مراجعان ناقص است")
    moved = visits.update_action(store, inspector_actor, action.id, ActionInput(u[1], "تکمیل دفتر مراجعان",
                                                                               "1403/09/01"))
    assert (moved.responsible_unit_id, moved.description, moved.due_date) == (
        u[1], "تکمیل دفتر مراجعان", parse_date("1403/09/01"))
    with store.read() as s:
        entries = s.scalars(select(AuditEntry).where(AuditEntry.entity_id.in_([finding.id, action.id]))
                            .order_by(AuditEntry.seq)).all()
    assert [(e.entity, e.action) for e in entries][-2:] == [("finding", "update"), ("corrective_action", "update")]
    assert "دفتر ناقص" in entries[-2].before and "دفتر مراجعان ناقص است" in entries[-2].after

    visits.close_action(store, inspector_actor, action.id, closed_on="1403/08/01")
    with pytest.raises(UserError) as e:
        visits.update_action(store, inspector_actor, action.id, ActionInput(u[0], "دیگر", "1403/09/01"))
    assert e.value.code == "action_closed"
    visits.update_visit(store, inspector_actor, detail.visit.id, status="closed")
    with pytest.raises(UserError) as e:
        visits.update_finding(store, inspector_actor, finding.id, severity="low", text="x")
    assert e.value.code == "visit_closed"
    with pytest.raises(PermissionDenied):
        visits.update_finding(store, actor("viewer", store.office_code), finding.id, severity="low", text="x")


def test_a_picture_gives_its_thumbnail_bytes_and_a_changed_one_none(
    store: Store, inspector_actor: Actor, team: list[inspectors.InspectorInfo], tmp_path: Path
) -> None:
    from integrity_desktop.services.store import evidence

    detail = visits.log_visit(
        store, inspector_actor, kind="adhoc", unit_id=units(store)[0], visit_date="1403/07/20",
        inspector_ids=[team[0].id],
    )  # fmt: skip
    png = tmp_path / "عکس.png"
    png.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4)
    pdf = tmp_path / "نامه.pdf"
    pdf.write_bytes(b"%PDF-1.4\n%%EOF\n")
    picture = evidence.attach(store, inspector_actor, "visit", detail.visit.id, png)
    letter = evidence.attach(store, inspector_actor, "visit", detail.visit.id, pdf)
    assert evidence.image_bytes(store, picture) == png.read_bytes()
    assert evidence.image_bytes(store, letter) is None
    assert evidence.image_bytes(store, picture, limit=100) is None
    evidence.blob_path(store, picture.sha256).write_bytes(b"changed on disk")
    assert evidence.image_bytes(store, picture) is None
