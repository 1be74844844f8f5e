"""Inspection screens as a person uses them: typed fields, the exact Persian message for a bad
input, and nothing saved when the service refuses."""

from __future__ import annotations

import random

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QWidget

from integrity_desktop.db.store import Store
from integrity_desktop.jalali import parse_date
from integrity_desktop.nationalid import generate_valid_national_code
from integrity_desktop.services.inspections import inspectors, visits
from integrity_desktop.services.inspections import plans as inspection_plans
from integrity_desktop.services.store import offices
from integrity_desktop.ui.context import UiContext
from integrity_desktop.ui.screens.inspections.dialogs import (
    OVERDUE_BG,
    CloseActionDialog,
    FindingDialog,
    InspectorDialog,
    PlanItemDialog,
)
from integrity_desktop.ui.screens.inspections.screen import InspectionsScreen
from integrity_desktop.ui.screens.inspections.visit_editor import VisitEditor
from integrity_desktop.ui.text import shown_number
from integrity_desktop.ui.widgets.jalali_date_edit import JalaliDateEdit
from integrity_desktop.ui.widgets.table_models import Column, PagedModel
from tests.conftest import actor

pytestmark = pytest.mark.gui


def type_text(widget: QWidget, text: str) -> None:
    """Type any text, Persian included (qtbot.keyClicks aborts on non-ASCII)."""
    widget.setFocus()
    for ch in text:
        QTest.sendKeyEvent(
            QTest.KeyAction.Click, widget, Qt.Key.Key_unknown, ch, Qt.KeyboardModifier.NoModifier
        )


def type_date(field: JalaliDateEdit, text: str) -> None:
    field.line.clear()
    type_text(field.line, text)


@pytest.fixture
def ctx(store: Store) -> UiContext:
    return UiContext(store, actor("admin", store.office_code))


def _inspector(ctx: UiContext, name: str, appointed: str, seed: int) -> inspectors.InspectorInfo:
    return inspectors.create_inspector(
        ctx.store, ctx.actor, full_name=name, national_code=generate_valid_national_code(random.Random(seed)),
        appointed_on=appointed, letter_no="۱۲۳/ب",
    )  # fmt: skip


def _units(ctx: UiContext) -> list[str]:
    return [u.id for u in offices.list_units(ctx.store)]


def test_inspector_dialog_refuses_a_wrong_check_digit_then_saves(qtbot, ctx: UiContext) -> None:  # type: ignore[no-untyped-def]
    dialog = InspectorDialog(ctx)
    qtbot.addWidget(dialog)
    good = generate_valid_national_code(random.Random(3))
    bad = good[:9] + str((int(good[9]) + 1) % 10)
    type_text(dialog.full_name, "زهرا موسوی")
    type_text(dialog.national_code, bad)
    type_text(dialog.letter_no, "۴۵۶/ب/۱۴۰۳")
    type_date(dialog.appointed_on, "۱۴۰۳/۰۲/۱۰")
    dialog.save()
    assert dialog.error.text() == (
        "کد ملی واردشده معتبر نیست (رقم کنترل آن درست نیست)؛ آن را با کارت ملی مقایسه و اصلاح کنید."
    )
    assert inspectors.count_inspectors(ctx.store, ctx.actor) == 0

    dialog.national_code.clear()
    type_text(dialog.national_code, good)
    dialog.save()
    assert dialog.result() == dialog.DialogCode.Accepted
    saved = inspectors.list_inspectors(ctx.store, ctx.actor)
    assert [(i.full_name, i.national_code, i.appointed_on) for i in saved] == [
        ("زهرا موسوی", good, parse_date("1403/02/10"))
    ]


def test_plan_item_outside_the_period_is_refused(qtbot, ctx: UiContext) -> None:  # type: ignore[no-untyped-def]
    person = _inspector(ctx, "علی رضایی", "1403/01/15", 1)
    plan = inspection_plans.create_plan(ctx.store, ctx.actor, "1403-Q3")
    dialog = PlanItemDialog(ctx, plan)
    qtbot.addWidget(dialog)
    type_date(dialog.planned_date, "1403/10/05")
    dialog.picker.set_checked([person.id])
    dialog.save()
    assert dialog.error.text() == (
        "تاریخ برنامه‌ریزی‌شده (۱۴۰۳/۱۰/۰۵) بیرون از دورهٔ برنامه (سه\u200cماههٔ سوم ۱۴۰۳: "
        "۱۴۰۳/۰۷/۰۱ تا ۱۴۰۳/۰۹/۳۰) است؛ تاریخی درون دوره برگزینید."
    )
    assert inspection_plans.count_plan_items(ctx.store, ctx.actor, inspection_plans.PlanItemQuery(plan_id=plan.id)) == 0

    type_date(dialog.planned_date, "1403/08/12")
    dialog.save()
    items = inspection_plans.list_plan_items(ctx.store, ctx.actor, inspection_plans.PlanItemQuery(plan_id=plan.id))
    assert [(i.planned_date, i.inspector_ids) for i in items] == [(parse_date("1403/08/12"), (person.id,))]


def test_new_visit_refuses_unappointed_inspector_and_early_due_date(qtbot, ctx: UiContext) -> None:  # type: ignore[no-untyped-def]
    person = _inspector(ctx, "نرگس کریمی", "1403/05/01", 2)
    editor = VisitEditor(ctx)
    qtbot.addWidget(editor)
    type_date(editor.visit_date, "1403/04/10")
    editor.picker.set_checked([person.id])
    editor.save_new()
    assert editor.error.text() == (
        "بازرس «نرگس کریمی» در تاریخ ۱۴۰۳/۰۴/۱۰ حکم بازرسی معتبر ندارد (ابلاغ: ۱۴۰۳/۰۵/۰۱)؛ "
        "بازرس دیگری برگزینید یا تاریخ را اصلاح کنید."
    )
    assert visits.count_visits(ctx.store, ctx.actor) == 0

    type_date(editor.visit_date, "1403/06/10")
    finding = FindingDialog(ctx, None, editor)
    qtbot.addWidget(finding)
    type_text(finding.text, "دفتر ثبت مراجعان به‌روز نیست.")
    type_text(finding.indicator, "22/1")
    finding.action.setChecked(True)
    type_text(finding.action.description, "به‌روزرسانی دفتر مراجعان")
    type_date(finding.action.due_date, "1403/06/01")
    finding.accept_finding()
    assert finding.result_value is not None
    editor.pending.append(finding.result_value)
    editor.findings_model.set_rows(editor.pending)
    editor.save_new()
    assert editor.error.text() == (
        "مهلت اقدام اصلاحی (۱۴۰۳/۰۶/۰۱) پیش از تاریخ بازدید (۱۴۰۳/۰۶/۱۰) است؛ "
        "مهلتی برابر یا پس از تاریخ بازدید بگذارید."
    )
    assert visits.count_visits(ctx.store, ctx.actor) == 0
    assert visits.count_follow_up(ctx.store, ctx.actor, visits.FollowUpQuery(status=None)) == 0

    editor.pending[0] = visits.FindingInput(
        severity=editor.pending[0].severity, text=editor.pending[0].text, indicator_code="22/1",
        actions=(visits.ActionInput(editor.pending[0].actions[0].responsible_unit_id,
                                    "به‌روزرسانی دفتر مراجعان", parse_date("1403/07/01")),),
    )  # fmt: skip
    editor.save_new()
    assert editor.error.text() == ""
    assert editor.result() == editor.DialogCode.Accepted
    detail = visits.get_visit(ctx.store, ctx.actor, str(editor.visit_id))
    assert detail.visit.visit_date == parse_date("1403/06/10")
    assert [(f.indicator_code, len(f.actions)) for f in detail.findings] == [("22/1", 1)]


def test_follow_up_marks_overdue_and_closes_an_action(qtbot, ctx: UiContext) -> None:  # type: ignore[no-untyped-def]
    person = _inspector(ctx, "حسن مرادی", "1403/01/01", 4)
    unit = _units(ctx)[0]
    plan = inspection_plans.create_plan(
        ctx.store, ctx.actor, "1403-Q2",
        items=[inspection_plans.PlanItemInput(unit, "1403/04/05", (person.id,)),
               inspection_plans.PlanItemInput(unit, "1403/05/20", (person.id,))],
    )  # fmt: skip
    item = inspection_plans.list_plan_items(ctx.store, ctx.actor, inspection_plans.PlanItemQuery(plan_id=plan.id))[0]
    visits.log_visit(
        ctx.store, ctx.actor, kind="periodic", visit_date="1403/04/06", plan_item_id=item.id,
        findings=[visits.FindingInput("high", "پرونده‌ها بایگانی نشده است.",
                                      actions=(visits.ActionInput(unit, "بایگانی پرونده‌ها", "1403/04/30"),))],
    )  # fmt: skip
    screen = InspectionsScreen(ctx)
    qtbot.addWidget(screen)
    screen.today = parse_date("1403/05/10")
    screen.refresh()
    screen.today = parse_date("1403/05/10")
    select = screen.plan_tab.plan_period.findData("1403-Q2")
    screen.plan_tab.plan_period.setCurrentIndex(select)
    # the plan: one of two planned inspections carried out, the grid marks it
    assert "۵۰٪" in screen.plan_tab.plan_info.text()
    grid = screen.plan_tab.timeline_model
    texts = {grid.data(grid.index(r, c)) for r in range(grid.rowCount()) for c in range(grid.columnCount())}
    assert "۵ ✓" in texts and "۲۰" in texts
    # the follow-up list: the open action is overdue and highlighted
    screen.follow_tab.reload()
    model = screen.follow_tab.follow_model
    assert model.rowCount() == 1
    assert model.data(model.index(0, 1)) == "۱۱"  # 1403/04/30 to 1403/05/10 (Tir has 31 days)
    assert model.data(model.index(0, 0), Qt.ItemDataRole.BackgroundRole).color() == OVERDUE_BG
    row = model.row_at(0)
    dialog = CloseActionDialog(ctx, row.action, screen)
    qtbot.addWidget(dialog)
    type_date(dialog.closed_on, "1403/04/01")
    dialog.save()
    assert dialog.error.text() == (
        "تاریخ انجام (۱۴۰۳/۰۴/۰۱) پیش از تاریخ بازدید (۱۴۰۳/۰۴/۰۶) است؛ آن را اصلاح کنید."
    )
    assert visits.count_follow_up(ctx.store, ctx.actor) == 1
    type_date(dialog.closed_on, "1403/05/02")
    type_text(dialog.note, "انجام شد")
    dialog.save()
    assert dialog.error.text() == ""
    screen.follow_tab.reload()
    assert screen.follow_tab.follow_model.rowCount() == 0
    assert visits.count_follow_up(ctx.store, ctx.actor, visits.FollowUpQuery(status="done")) == 1


def test_screen_tabs_follow_permissions(qtbot, store: Store) -> None:  # type: ignore[no-untyped-def]
    viewer = UiContext(store, actor("viewer", store.office_code))
    screen = InspectionsScreen(viewer)
    qtbot.addWidget(screen)
    screen.refresh()
    assert not screen.findChild(QWidget, "new_inspector").isEnabled()
    assert not screen.findChild(QWidget, "close_action").isEnabled()
    assert not screen.plan_tab.create_plan_button.isVisible()


def test_paged_model_fetches_more_on_demand(qapp: QApplication) -> None:
    data = list(range(250))
    model = PagedModel([Column("n", str)], fetch=lambda o, n: data[o : o + n], count=lambda: len(data))
    model.reload()
    assert model.rowCount() == 100 and model.canFetchMore()
    model.fetchMore()
    model.fetchMore()
    assert model.rowCount() == 250 and not model.canFetchMore()
    assert model.headerData(0, Qt.Orientation.Vertical) == "۱"


def test_reports_tab_writes_the_realisation_rate_off_the_gui_thread(qtbot, ctx: UiContext, tmp_path) -> None:  # type: ignore[no-untyped-def]
    person = _inspector(ctx, "رضا امینی", "1403/01/01", 5)
    unit = _units(ctx)[0]
    inspection_plans.create_plan(
        ctx.store,
        ctx.actor,
        "1403-Q2",
        items=[inspection_plans.PlanItemInput(unit, "1403/04/05", (person.id,))],
    )
    screen = InspectionsScreen(ctx)
    qtbot.addWidget(screen)
    screen.refresh()
    tab = screen.reports_tab
    assert tab is not None
    names = {
        tab.report_list.item(i).data(Qt.ItemDataRole.UserRole).name for i in range(tab.report_list.count())
    }
    assert {
        "inspector-monthly",
        "inspections-semiannual",
        "inspection-realisation",
        "inspector-evaluation",
    } <= names
    rows = {
        tab.report_list.item(i).data(Qt.ItemDataRole.UserRole).name: i for i in range(tab.report_list.count())
    }
    tab.report_list.setCurrentRow(rows["inspector-monthly"])
    kinds = {tab.report_period.itemData(i)[5:6] for i in range(tab.report_period.count())}
    assert kinds == {"M"} and tab.report_inspector.isEnabled()
    tab.report_list.setCurrentRow(rows["inspection-realisation"])
    assert not tab.report_inspector.isEnabled()
    tab.report_period.setCurrentIndex(tab.report_period.findData("1403-Q2"))
    out = tmp_path / "realisation.xlsx"
    tab.run_selected_report("xlsx", out)
    qtbot.waitUntil(lambda: tab.last_report == out)
    assert out.stat().st_size > 0
    assert tab.report_error.text() == ""


def test_saved_visit_embeds_the_checklist_editor(qtbot, ctx: UiContext) -> None:  # type: ignore[no-untyped-def]
    from integrity_desktop.services.checklists import templates
    from integrity_desktop.ui.screens.checklists.editor import ChecklistEditor

    person = _inspector(ctx, "لیلا صادقی", "1403/01/01", 6)
    template = templates.list_templates(ctx.store, ctx.actor, include_drafts=False)[0]
    editor = VisitEditor(ctx)
    qtbot.addWidget(editor)
    type_date(editor.visit_date, "1403/03/12")
    editor.picker.set_checked([person.id])
    editor.template.setCurrentIndex(editor.template.findData(template.id))
    type_text(editor.summary, "بازدید بدون یافته")
    editor.save_new()
    assert editor.result() == editor.DialogCode.Accepted
    saved = VisitEditor(ctx, str(editor.visit_id))
    qtbot.addWidget(saved)
    assert saved.detail is not None and saved.detail.visit.checklist_id
    assert saved.detail.visit.summary == "بازدید بدون یافته"
    assert isinstance(saved.checklist_page.findChild(ChecklistEditor), ChecklistEditor)


def test_a_new_corrective_action_is_not_due_today(qtbot, store) -> None:  # type: ignore[no-untyped-def]
    """Issue 16 item 14: a new action's due date starts a month ahead, not today."""
    import datetime as _dt

    from integrity_desktop.services.inspections import visits
    from integrity_desktop.ui.screens.inspections.dialogs import ActionFields

    box = ActionFields(UiContext(store, actor("admin", store.office_code)), "اقدام", False)
    qtbot.addWidget(box)
    due = box.due_date.value()
    assert due == _dt.date.today() + _dt.timedelta(days=visits.ACTION_DAYS)
    assert box.value().due_date == due


def test_new_visit_ticks_the_signed_in_inspector(qtbot, ctx: UiContext) -> None:  # type: ignore[no-untyped-def]
    from integrity_desktop.permissions import Actor

    me = _inspector(ctx, "نرگس  كريمی", "1403/05/01", 2)  # Arabic kaf and yeh, two spaces
    _inspector(ctx, "علی رضایی", "1403/05/01", 3)
    signed_in = UiContext(ctx.store, Actor("narges", "inspector", ctx.store.office_code, "نرگس کریمی"))
    editor = VisitEditor(signed_in)
    qtbot.addWidget(editor)
    assert editor.picker.checked_ids() == (me.id,)
    other = UiContext(ctx.store, Actor("sara", "inspector", ctx.store.office_code, "سارا احمدی"))
    editor = VisitEditor(other)  # not an inspector: nobody ticked
    qtbot.addWidget(editor)
    assert editor.picker.checked_ids() == ()


def _saved_visit(ctx: UiContext, seed: int) -> visits.VisitDetail:
    person = _inspector(ctx, "سارا نوری", "1403/01/01", seed)
    unit = _units(ctx)[0]
    return visits.log_visit(
        ctx.store, ctx.actor, kind="adhoc", unit_id=unit, visit_date="1403/06/10", inspector_ids=[person.id],
        findings=[visits.FindingInput("low", "دفتر مراجعان ناقص است", "22/1",
                                      (visits.ActionInput(unit, "تکمیل دفتر", "1403/07/01"),))],
    )  # fmt: skip


def test_finding_indicator_is_picked_from_the_programme_list(qtbot, ctx: UiContext) -> None:  # type: ignore[no-untyped-def]
    """Issue 16 item 10: the related indicator comes from the three-year programme's list,
    searched by number (Latin digits typed become Persian) or by a word of its title."""
    from integrity_desktop.catalog import load_three_year

    dialog = FindingDialog(ctx, None)
    qtbot.addWidget(dialog)
    picker = dialog.indicator
    programme = load_three_year().indicators
    assert picker.count() == len(programme) + 1 == 139
    assert picker.code() == ""
    type_text(picker, "22/1")
    assert picker.currentText() == "۲۲/۱"
    popup = picker.completer().completionModel()
    shown = [popup.index(r, 0).data() for r in range(popup.rowCount())]
    assert shown and all("۲۲/۱" in text for text in shown)
    picker.setCurrentIndex(picker.findData("1/4"))
    assert picker.code() == "1/4" and picker.currentText().startswith("۱/۴ — ")
    word = programme[0].title_fa.split()[1]
    picker.setEditText("")
    type_text(picker, word)
    shown = [popup.index(r, 0).data() for r in range(popup.rowCount())]
    assert shown and all(word in text for text in shown)
    picker.setEditText("۹۹/۹")
    type_text(dialog.text, "یافته")
    dialog.accept_finding()
    assert "۹۹/۹" in dialog.error.text() and dialog.result_value is None


def test_findings_and_actions_are_edited_and_an_error_clears_when_fixed(qtbot, ctx: UiContext) -> None:  # type: ignore[no-untyped-def]
    from integrity_desktop.ui.screens.inspections.dialogs import ActionDialog

    detail = _saved_visit(ctx, 11)
    editor = VisitEditor(ctx, detail.visit.id)
    qtbot.addWidget(editor)
    finding = editor.detail.findings[0] if editor.detail else None
    assert finding is not None
    dialog = FindingDialog(ctx, None, editor, info=finding)
    qtbot.addWidget(dialog)
    assert dialog.indicator.code() == "22/1" and dialog.text.toPlainText() == finding.text
    assert not dialog.action.isVisible()
    dialog.text.clear()
    dialog.accept_finding()
    assert "شرح یافته" in dialog.error.text()
    type_text(dialog.text, "دفتر مراجعان و پرونده‌ها ناقص است")
    assert dialog.error.text() == ""  # the message went once its cause was being fixed
    dialog.severity.setCurrentIndex(dialog.severity.findData("high"))
    dialog.indicator.setCurrentIndex(dialog.indicator.findData("1/4"))
    dialog.accept_finding()
    assert dialog.result() == dialog.DialogCode.Accepted
    again = visits.get_visit(ctx.store, ctx.actor, detail.visit.id).findings[0]
    assert (again.severity, again.indicator_code, again.text) == ("high", "1/4", "دفتر مراجعان و پرونده‌ها ناقص است")

    action = again.actions[0]
    edit = ActionDialog(ctx, again.id, editor, action=action)
    qtbot.addWidget(edit)
    assert edit.fields.description.text() == "تکمیل دفتر"
    type_date(edit.fields.due_date, "1403/05/01")
    edit.save()
    assert "پیش از تاریخ بازدید" in edit.error.text()
    type_date(edit.fields.due_date, "1403/08/01")
    assert edit.error.text() == ""
    edit.save()
    assert edit.result() == edit.DialogCode.Accepted
    saved = visits.get_visit(ctx.store, ctx.actor, detail.visit.id).findings[0].actions[0]
    assert saved.due_date == parse_date("1403/08/01")

    visits.close_action(ctx.store, ctx.actor, action.id, closed_on="1403/07/01")
    editor.reload()
    editor.actions_view.setCurrentIndex(editor.actions_model.index(0, 0))
    editor.edit_action()
    assert editor.error.text() == "فقط اقدام اصلاحی باز را می‌توان ویرایش کرد."
    editor.findings_view.setCurrentIndex(editor.findings_model.index(0, 0))
    editor._show_actions()
    assert editor.error.text() == ""


def test_visit_and_finding_take_photos_with_a_thumbnail(qtbot, ctx: UiContext, tmp_path) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtGui import QColor, QImage

    detail = _saved_visit(ctx, 12)
    photo = tmp_path / "عکس بازدید.png"
    image = QImage(320, 200, QImage.Format.Format_RGB32)
    image.fill(QColor("#2e7d32"))
    assert image.save(str(photo))
    letter = tmp_path / "نامه.pdf"
    letter.write_bytes(b"%PDF-1.4\n%%EOF\n")
    editor = VisitEditor(ctx, detail.visit.id)
    qtbot.addWidget(editor)
    panel = editor.visit_files
    assert panel.attach_button.isEnabled() and not panel.open_button.isEnabled()
    panel.attach_paths([photo, letter])
    qtbot.waitUntil(lambda: panel.files.count() == 2, timeout=10000)
    icons = [not panel.files.item(i).icon().isNull() for i in range(2)]
    assert icons == [True, False]  # a thumbnail for the picture only
    assert panel.files.item(0).text().startswith("عکس بازدید.png (")
    assert "۲" in panel.title.text()

    editor.findings_view.setCurrentIndex(editor.findings_model.index(0, 0))
    finding_panel = editor.finding_files
    assert finding_panel.owner_id == detail.findings[0].id
    finding_panel.attach_paths([photo])
    qtbot.waitUntil(lambda: editor.findings_model.index(0, 3).data() == "۱", timeout=10000)
    assert finding_panel.files.count() == 1

    viewer = VisitEditor(UiContext(ctx.store, actor("viewer", ctx.store.office_code)), detail.visit.id)
    qtbot.addWidget(viewer)
    assert viewer.visit_files.files.count() == 2
    assert not viewer.visit_files.attach_button.isEnabled() and not viewer.visit_files.remove_button.isEnabled()
    assert viewer.visit_files.open_button.isEnabled()


def test_a_finding_is_reported_as_a_violation_and_the_case_links_back(qtbot, ctx: UiContext) -> None:  # type: ignore[no-untyped-def]
    """Issue 16 item 8: from a finding, the inspector sends a violation report to the case
    officer; the finding shows the case number, the case shows and opens the visit."""
    from PySide6.QtCore import QTimer

    from integrity_desktop.services.cases import register as cases
    from integrity_desktop.ui.screens.cases.detail import CaseDetailWidget

    detail = _saved_visit(ctx, 13)
    inspector = UiContext(ctx.store, actor("inspector", ctx.store.office_code))
    editor = VisitEditor(inspector, detail.visit.id)
    qtbot.addWidget(editor)
    editor.findings_view.setCurrentIndex(editor.findings_model.index(0, 0))

    def fill() -> None:
        dialog = editor.last_referral
        assert dialog.summary.toPlainText() == "دفتر مراجعان ناقص است"
        assert not dialog.unit.isVisibleTo(dialog) and not dialog.reporter.isVisibleTo(dialog)
        dialog.register()  # nothing typed yet: refused, the dialog stays open
        assert "نام کارمند" in dialog.error.text()
        type_text(dialog.employee_name, "حسن مرادی")
        type_text(dialog.national_code, "0084575948")
        dialog.violations.item(0).setCheckState(Qt.CheckState.Checked)
        dialog.register()

    QTimer.singleShot(0, fill)
    editor.refer_finding()
    referred = editor.last_referral.registered
    assert referred is not None
    assert editor.findings_model.index(0, 4).data() == shown_number(referred.case_number)
    editor.refer_finding()
    assert shown_number(referred.case_number) in editor.error.text()

    officer = UiContext(ctx.store, actor("case_officer", ctx.store.office_code))
    case_view = CaseDetailWidget(officer)
    qtbot.addWidget(case_view)
    case_view.load(referred.id)
    source = case_view.field_labels["source"]
    assert source.isVisibleTo(case_view) and _units_name(ctx) in source.text()
    case_view.open_source_visit()
    assert case_view.source_visit.visit_id == detail.visit.id
    case_view.source_visit.close()
    assert cases.get_case_file(ctx.store, officer.actor, referred.id).source is not None


def _units_name(ctx: UiContext) -> str:
    return offices.list_units(ctx.store)[0].name_fa
