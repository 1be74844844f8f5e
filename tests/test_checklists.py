"""Checklists: creating, answering with validation and undo, lists and Persian search, life cycle."""

from __future__ import annotations

import math

import pytest
from sqlalchemy import select

from integrity_desktop.db.models import ChecklistEntry, Unit
from integrity_desktop.db.store import Store
from integrity_desktop.errors import PermissionDenied, UserError
from integrity_desktop.services.checklists import filled as checklists
from integrity_desktop.services.checklists import scoring, templates
from integrity_desktop.services.store.records import stable_id

from .checklist_helpers import digest
from .conftest import actor

INSPECTOR = actor("inspector")
THREE_YEAR = scoring.three_year_template_id()


def _units(store: Store) -> list[str]:
    with store.read() as s:
        return list(s.scalars(select(Unit.id).where(Unit.office_code == store.office_code).order_by(Unit.id)))


def _entry(view: checklists.ChecklistView, code: str) -> checklists.EntryView:
    return next(e for e in view.entries if e.item_code == code)


def test_create_makes_one_entry_per_due_indicator_with_stable_ids(store: Store) -> None:
    summary = checklists.create_checklist(store, INSPECTOR, THREE_YEAR, None, "۱۴۰۳-q2")
    assert summary.period_code == "1403-Q2"
    assert summary.unit_name.startswith("اداره کل")  # the office for a whole-directorate checklist
    assert summary.completion == 0.0
    view = checklists.get_checklist(store, INSPECTOR, summary.id)
    codes = [e.item_code for e in view.entries]
    assert len(codes) == 135 and "1/5" in codes  # 1/7, 5/3 and 10/1 are annual
    assert not {"1/7", "5/3", "10/1"} & set(codes)
    first = view.entries[0]
    assert first.id == stable_id("entry", summary.id, first.item_id)
    assert (first.item_code, first.axis_number) == ("1/1", 1)
    assert first.legal_basis and first.lead_unit and first.status == ""


def test_duplicate_checklist_is_refused_and_nothing_written(store: Store) -> None:
    unit = _units(store)[0]
    checklists.create_checklist(store, INSPECTOR, THREE_YEAR, unit, "1403-Q2")
    before = digest(store)
    with pytest.raises(UserError) as err:
        checklists.create_checklist(store, INSPECTOR, THREE_YEAR, unit, "1403-Q2")
    assert err.value.code == "checklist_exists"
    assert "از پیش" in err.value.fa
    assert digest(store) == before
    # the same unit in another period, or another unit, is fine
    checklists.create_checklist(store, INSPECTOR, THREE_YEAR, unit, "1403-Q3")
    checklists.create_checklist(store, INSPECTOR, THREE_YEAR, _units(store)[1], "1403-Q2")


def test_save_entry_updates_completion_and_returns_values_for_undo(store: Store) -> None:
    summary = checklists.create_checklist(store, INSPECTOR, THREE_YEAR, None, "1403-Q1")
    view = checklists.get_checklist(store, INSPECTOR, summary.id)
    target = _entry(view, "4/4")
    first = checklists.save_entry(store, INSPECTOR, target.id, status="partial", progress=40, value=12,
                                  note="نامهٔ ۱۲ ارسال شد")
    assert first.changed and first.previous.status == ""
    assert first.entry.status == "partial" and first.entry.value == 12.0
    assert first.completion == pytest.approx(0.4 / len(view.entries) * 100, abs=0.01)
    second = checklists.save_entry(store, INSPECTOR, target.id, status="done")
    assert second.previous.status == "partial" and second.previous.progress == 40
    # undo: save the previous values back
    undone = checklists.save_entry(store, INSPECTOR, target.id, **second.previous.as_fields())
    assert undone.entry.status == "partial"
    assert undone.completion == first.completion
    assert checklists.get_checklist(store, INSPECTOR, summary.id).summary.completion == first.completion


@pytest.mark.parametrize(
    ("code", "fields", "error"),
    [
        ("1/1", {"status": "finished"}, "invalid_status"),
        ("1/1", {"progress": 101}, "invalid_progress"),
        ("1/1", {"progress": -1}, "invalid_progress"),
        ("1/1", {"progress": 12.5}, "invalid_progress"),
        ("1/1", {"value": 3}, "value_not_counted"),
        ("4/4", {"value": -2}, "invalid_value"),
        ("4/4", {"value": math.inf}, "invalid_value"),
        ("4/4", {"value": "many"}, "invalid_value"),
        ("4/4", {"value": 2.5}, "invalid_value"),
        ("17/4", {"value": 250}, "invalid_value"),
        ("10/2", {"value": 500}, "computed_value"),  # computed from the complaints since issue 20
        ("10/3", {"value": 9999}, "computed_value"),
        ("8/1", {"value": 101}, "invalid_value"),
        ("6/4", {"value": 3}, "computed_value"),
        ("1/1", {"note": "x" * 4001}, "note_too_long"),
        ("1/1", {"subtasks_done": [0]}, "invalid_subtask"),
    ],
)
def test_invalid_answers_are_refused_leaving_the_store_unchanged(
    store: Store, code: str, fields: dict[str, object], error: str
) -> None:
    summary = checklists.create_checklist(store, INSPECTOR, THREE_YEAR, None, "1403-Q1")
    entry = _entry(checklists.get_checklist(store, INSPECTOR, summary.id), code)
    before = digest(store)
    with pytest.raises(UserError) as err:
        checklists.save_entry(store, INSPECTOR, entry.id, **{"status": "done", **fields})
    assert err.value.code == error
    assert err.value.fa and err.value.en
    assert digest(store) == before


def test_subtasks_are_ticked_individually(store: Store) -> None:
    summary = checklists.create_checklist(store, INSPECTOR, THREE_YEAR, None, "1403-Q1")
    entry = next(e for e in checklists.get_checklist(store, INSPECTOR, summary.id).entries if e.subtasks)
    result = checklists.save_entry(store, INSPECTOR, entry.id, subtasks_done=[len(entry.subtasks) - 1, 0, 0])
    assert result.entry.subtasks_done == tuple(sorted({0, len(entry.subtasks) - 1}))


def test_viewer_may_read_but_not_edit(store: Store) -> None:
    summary = checklists.create_checklist(store, INSPECTOR, THREE_YEAR, None, "1403-Q1")
    viewer = actor("viewer")
    entry = checklists.get_checklist(store, viewer, summary.id).entries[0]
    with pytest.raises(PermissionDenied):
        checklists.save_entry(store, viewer, entry.id, status="done")
    with pytest.raises(PermissionDenied):
        checklists.create_checklist(store, viewer, THREE_YEAR, None, "1403-Q2")


def test_lists_filter_and_search_across_letter_and_digit_forms(store: Store) -> None:
    units = _units(store)
    a = checklists.create_checklist(store, INSPECTOR, THREE_YEAR, units[0], "1403-Q1")
    b = checklists.create_checklist(store, INSPECTOR, THREE_YEAR, units[1], "1403-Q2")
    whole = checklists.create_checklist(store, INSPECTOR, THREE_YEAR, None, "1403-Q2")
    entry = checklists.get_checklist(store, INSPECTOR, a.id).entries[3]
    # Arabic yeh and kaf, a ZWNJ and Arabic-Indic digits in the stored note
    checklists.save_entry(store, INSPECTOR, entry.id, note="پيگيري نامهٔ ٤٥ از مي\u200cشود كميته")
    assert [c.id for c in checklists.list_checklists(store, INSPECTOR, search="پیگیری")] == [a.id]
    assert [c.id for c in checklists.list_checklists(store, INSPECTOR, search="کمیته ۴۵")] == [a.id]
    assert [c.id for c in checklists.list_checklists(store, INSPECTOR, search="می شود")] == [a.id]
    assert checklists.count_checklists(store, INSPECTOR, search="نامه 45") == 1
    assert checklists.count_checklists(store, INSPECTOR, search="سه‌ماههٔ دوم") == 2
    assert checklists.count_checklists(store, INSPECTOR, search="100%_") == 0
    in_q2 = checklists.list_checklists(store, INSPECTOR, period_code="1403-Q2")
    assert {c.id for c in in_q2} == {b.id, whole.id}
    only_whole = checklists.list_checklists(store, INSPECTOR, unit_id=checklists.WHOLE_DIRECTORATE)
    assert [c.id for c in only_whole] == [whole.id]
    assert [c.id for c in checklists.list_checklists(store, INSPECTOR, unit_id=units[1])] == [b.id]
    assert checklists.count_checklists(store, INSPECTOR, template_id=THREE_YEAR) == 3
    page = checklists.list_checklists(store, INSPECTOR, offset=1, limit=1)
    assert len(page) == 1 and page[0].id == checklists.list_checklists(store, INSPECTOR)[1].id
    checklists.delete_checklist(store, INSPECTOR, b.id)
    assert checklists.count_checklists(store, INSPECTOR) == 2
    with pytest.raises(UserError):
        checklists.get_checklist(store, INSPECTOR, b.id)


def test_submit_then_only_hq_approves_and_approval_locks(hq_store: Store) -> None:
    hq_inspector = actor("inspector", "hq")
    summary = checklists.create_checklist(hq_store, hq_inspector, THREE_YEAR, None, "1403-Q1")
    entry = checklists.get_checklist(hq_store, hq_inspector, summary.id).entries[0]
    with pytest.raises(UserError):
        checklists.approve(hq_store, actor("reviewer", "hq"), summary.id)  # not submitted yet
    checklists.submit(hq_store, hq_inspector, summary.id)
    with pytest.raises(PermissionDenied):
        checklists.approve(hq_store, hq_inspector, summary.id)
    with pytest.raises(UserError) as err:
        checklists.approve(hq_store, actor("reviewer", "tehran"), summary.id)
    assert err.value.code == "hq_only"
    approved = checklists.approve(hq_store, actor("reviewer", "hq"), summary.id)
    assert approved.status == "approved" and approved.approved_by == "test-reviewer@hq"
    before = digest(hq_store)
    with pytest.raises(UserError) as err:
        checklists.save_entry(hq_store, hq_inspector, entry.id, status="done")
    assert err.value.code == "checklist_locked"
    assert digest(hq_store) == before


def test_computed_values_are_read_live_and_cannot_be_typed(store: Store) -> None:
    summary = checklists.create_checklist(store, INSPECTOR, THREE_YEAR, None, "1403-Q2")
    view = checklists.get_checklist(store, INSPECTOR, summary.id)
    e61 = _entry(view, "6/1")
    assert (e61.value, e61.computed, e61.frozen) == (0.0, True, False)
    assert "کد ملی" in e61.formula_fa and e61.computed_source is not None
    before = digest(store)
    with pytest.raises(UserError) as err:
        checklists.save_entry(store, INSPECTOR, e61.id, value=7)
    assert err.value.code == "computed_value" and "۶/۱" in err.value.fa
    assert digest(store) == before
    # status and notes of a computed indicator stay editable
    result = checklists.save_entry(store, INSPECTOR, e61.id, status="done", note="بررسی شد")
    assert result.entry.status == "done" and result.entry.value == 0.0
    # in a unit's checklist computed indicators are not asked (they count the office's records)
    unit = checklists.create_checklist(store, INSPECTOR, THREE_YEAR, _units(store)[0], "1403-Q2")
    codes = {e.item_code for e in checklists.get_checklist(store, INSPECTOR, unit.id).entries}
    assert not codes & {"1/4", "1/6", "6/1", "22/1", "2/2", "7/2", "12/5"} and "4/4" in codes


def test_templates_authored_at_hq_and_frozen_once_used(hq_store: Store, store: Store) -> None:
    admin = actor("admin", "hq")
    with pytest.raises(UserError) as err:
        templates.create_template(store, actor("admin"), "service-desk", "چک‌لیست میز خدمت")
    assert err.value.code == "hq_only"
    with pytest.raises(PermissionDenied):
        templates.create_template(hq_store, actor("inspector", "hq"), "service-desk", "چک‌لیست میز خدمت")
    t = templates.create_template(hq_store, admin, "service-desk", "چک‌لیست بازرسی میز خدمت")
    assert (t.version, t.status, t.origin) == (1, "draft", "authored")
    section = templates.add_section(hq_store, admin, t.id, 9, "تکریم ارباب رجوع")
    for code, title in [("9/6", "نصب تابلوی راهنما"), ("9/9", "پاسخ‌گویی در زمان مقرر"),
                        ("9/10", "ثبت شکایات"), ("9/11", "نظرسنجی از مراجعان")]:
        templates.add_item(hq_store, admin, section, code, title, legal_basis="مصوبهٔ شورای عالی اداری",
                           counts=code == "9/11")
    with pytest.raises(UserError) as err:
        checklists.create_checklist(hq_store, actor("inspector", "hq"), t.id, None, "1403-Q1")
    assert err.value.code == "template_draft"
    published = templates.publish(hq_store, admin, t.id)
    assert published.item_count == 4 and published.status == "published"
    with pytest.raises(UserError) as err:
        templates.add_item(hq_store, admin, section, "9/12", "تازه")
    assert err.value.code == "template_frozen"
    checklist = checklists.create_checklist(hq_store, actor("inspector", "hq"), t.id, None, "1403-Q1")
    assert len(checklists.get_checklist(hq_store, admin, checklist.id).entries) == 4
    v2 = templates.new_version(hq_store, admin, t.id)
    assert (v2.version, v2.status, v2.item_count, v2.based_on_id) == (2, "draft", 4, t.id)
    item = templates.get_template(hq_store, admin, v2.id).items[0]
    templates.update_item(hq_store, admin, item.id, title_fa="نصب تابلوی راهنمای خدمات")
    assert templates.get_template(hq_store, admin, v2.id).items[0].title_fa == "نصب تابلوی راهنمای خدمات"
    assert templates.get_template(hq_store, admin, t.id).items[0].title_fa == "نصب تابلوی راهنما"
    listed = {(s.code, s.version): s for s in templates.list_templates(hq_store, admin)}
    assert listed[("service-desk", 1)].used and not listed[("service-desk", 2)].used
    assert templates.count_templates(hq_store, admin, include_drafts=False) == 3


def test_entries_of_a_checklist_are_real_rows(store: Store) -> None:
    summary = checklists.create_checklist(store, INSPECTOR, THREE_YEAR, None, "1403")
    with store.read() as s:
        query = select(ChecklistEntry.id).where(ChecklistEntry.checklist_id == summary.id)
        count = len(s.scalars(query).all())
    assert count == 138
    assert summary.period_label == "سال ۱۴۰۳"
