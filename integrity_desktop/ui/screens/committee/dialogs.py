"""Dialogs of the committee and training screen: a member, a meeting (planned or held, with
its attendees and minutes), a resolution, a follow-up, a course.  Every rule is the services'
(``services.committee.register``, ``services.committee.training``); a refused save shows their Persian message."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDoubleSpinBox,
    QFileDialog,
    QFormLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QPlainTextEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from integrity_desktop import jalali
from integrity_desktop.errors import UserError
from integrity_desktop.services.committee import register as committee
from integrity_desktop.services.committee import training
from integrity_desktop.services.store import evidence
from integrity_desktop.ui.context import UiContext
from integrity_desktop.ui.operations import accept_if_done, attempt, run_in_background
from integrity_desktop.ui.screens.inspections.common import make_button
from integrity_desktop.ui.screens.inspections.dialogs import (
    OVERDUE_BG,
    date_field,
    finish_saving_form,
    select_data,
)
from integrity_desktop.ui.text import shown_date, shown_number, shown_value
from integrity_desktop.ui.widgets.buttons import button_row
from integrity_desktop.ui.widgets.combos import choice_combo, unit_combo
from integrity_desktop.ui.widgets.fields import form_row, text_box, text_field
from integrity_desktop.ui.widgets.open_evidence import open_with_system_viewer
from integrity_desktop.ui.widgets.table_models import Column, RowsModel, current_row, make_table
from integrity_desktop.ui.widgets.tick_list import tick_item, ticked_data


class _Saving(QDialog):
    """A dialog whose OK runs ``_save`` and shows a refused save's Persian message."""

    saved_id: str | None = None
    error: QLabel
    ctx: UiContext

    def _run(self, save: Callable[[], str]) -> None:
        accept_if_done(self, save, self.error, on_done=lambda saved_id: setattr(self, "saved_id", saved_id))


class MemberDialog(_Saving):
    def __init__(self, ctx: UiContext, info: committee.MemberInfo | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx, self.info = ctx, info
        self.setWindowTitle(self.tr("Edit committee member") if info else self.tr("New committee member"))
        self.setMinimumWidth(460)
        form = QFormLayout(self)
        self.full_name = form_row(form, self.tr("Full name:"), text_field("full_name"))
        self.role = form_row(form, self.tr("Role in the committee:"),
                             choice_combo(committee.MEMBER_ROLES, name="role"))
        select_data(self.role, "member")
        self.post = form_row(form, self.tr("Post:"), text_field("post"))
        self.unit = form_row(form, self.tr("Unit:"),
                             unit_combo(ctx, optional=True, none_text=self.tr("(no unit)")))
        self.letter_no = form_row(form, self.tr("Appointing letter no.:"), text_field("letter_no"))
        self.letter_date = form_row(form, self.tr("Letter date:"), date_field(optional=True, name="letter_date"))
        self.member_from = form_row(form, self.tr("Member from:"), date_field(name="member_from"))
        self.member_to = form_row(form, self.tr("Member until:"), date_field(optional=True, name="member_to"))
        self.error = finish_saving_form(self, form, self.save)
        if info is not None:
            self.full_name.setText(info.full_name)
            select_data(self.role, info.role)
            self.post.setText(info.post)
            select_data(self.unit, info.unit_id)
            self.letter_no.setText(info.letter_no)
            self.letter_date.set_value(info.letter_date)
            self.member_from.set_value(info.member_from)
            self.member_to.set_value(info.member_to)

    def save(self) -> None:
        self._run(lambda: committee.save_member(self.ctx.store, self.ctx.actor, committee.MemberInput(
            full_name=self.full_name.text(), member_from=self.member_from.value_or_none() or "",
            role=str(self.role.currentData()), post=self.post.text(), unit_id=self.unit.currentData(),
            letter_no=self.letter_no.text(), letter_date=self.letter_date.value_or_none(),
            member_to=self.member_to.value_or_none()), self.info.id if self.info else None))


class MeetingDialog(_Saving):
    """Plan a meeting or record it held: date, attendees (the members in office that day),
    quorum (worked out when left to the program), minutes; or cancel it."""

    def __init__(self, ctx: UiContext, info: committee.MeetingInfo | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx, self.info = ctx, info
        self.setWindowTitle(self.tr("Committee meeting"))
        self.setMinimumWidth(560)
        self.title = text_field("title")
        self.planned = date_field(optional=True, name="planned_date")
        self.held = date_field(optional=True, name="held_date")
        self.cancelled = QCheckBox(self.tr("Cancelled"))
        self.cancelled.setObjectName("cancelled")
        self.attendees = QListWidget()
        self.attendees.setObjectName("attendees")
        self.attendees.setMaximumHeight(150)
        self.quorum = choice_combo(name="quorum")
        self.quorum.addItem(self.tr("Work out from the attendance"), None)
        self.quorum.addItem(self.tr("Quorum met"), True)
        self.quorum.addItem(self.tr("No quorum"), False)
        self.minutes = text_box("minutes", 120)
        for m in committee.list_members(ctx.store, ctx.actor):
            chosen = info is not None and m.id in info.attendee_ids
            self.attendees.addItem(tick_item(f"{m.full_name} — {m.role_fa}", m.id, chosen))
        form = QFormLayout(self)
        form.addRow(self.tr("Title:"), self.title)
        form.addRow(self.tr("Planned date:"), self.planned)
        form.addRow(self.tr("Held on:"), self.held)
        form.addRow("", self.cancelled)
        form.addRow(self.tr("Attendees:"), self.attendees)
        form.addRow(self.tr("Quorum:"), self.quorum)
        form.addRow(self.tr("Minutes:"), self.minutes)
        self.error = finish_saving_form(self, form, self.save)
        if info is not None:
            self.title.setText(info.title)
            self.planned.set_value(info.planned_date)
            self.held.set_value(info.held_date)
            self.cancelled.setChecked(info.status == "cancelled")
            select_data(self.quorum, info.quorum_met)
            self.minutes.setPlainText(info.minutes)

    def checked_members(self) -> list[str]:
        return ticked_data(self.attendees)

    def save(self) -> None:
        self._run(lambda: committee.save_meeting(self.ctx.store, self.ctx.actor, committee.MeetingInput(
            planned_date=self.planned.value_or_none(), title=self.title.text(), held_date=self.held.value_or_none(),
            attendee_ids=self.checked_members(), quorum_met=self.quorum.currentData(),
            minutes=self.minutes.toPlainText(), cancelled=self.cancelled.isChecked()),
            self.info.id if self.info else None))


class ResolutionDialog(_Saving):
    def __init__(self, ctx: UiContext, meeting_id: str, info: committee.ResolutionInfo | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx, self.meeting_id, self.info = ctx, meeting_id, info
        self.setWindowTitle(self.tr("Resolution"))
        self.setMinimumWidth(480)
        self.text = text_box("resolution_text", 90)
        self.unit = unit_combo(ctx, optional=True, none_text=self.tr("(no unit)"))
        self.unit.setObjectName("responsible_unit")
        self.due = date_field(name="due_date")
        form = QFormLayout(self)
        form.addRow(self.tr("Resolution:"), self.text)
        form.addRow(self.tr("Responsible unit:"), self.unit)
        form.addRow(self.tr("Due date:"), self.due)
        self.error = finish_saving_form(self, form, self.save)
        if info is not None:
            self.text.setPlainText(info.text)
            select_data(self.unit, info.responsible_unit_id)
            self.due.set_value(info.due_date)

    def save(self) -> None:
        self._run(lambda: committee.save_resolution(self.ctx.store, self.ctx.actor, committee.ResolutionInput(
            self.meeting_id, self.text.toPlainText(), self.due.value_or_none() or "",
            responsible_unit_id=self.unit.currentData()), self.info.id if self.info else None))


class FollowUpDialog(_Saving):
    """A dated follow-up note, and the status: done on a day, dropped with a reason, or open."""

    def __init__(self, ctx: UiContext, info: committee.ResolutionInfo, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx, self.info = ctx, info
        self.setWindowTitle(self.tr("Follow up a resolution"))
        self.setMinimumWidth(480)
        self.status = choice_combo(committee.RESOLUTION_STATUSES, name="status")
        select_data(self.status, info.status)
        self.note = text_box("note", 70)
        self.done_on = date_field(optional=True, name="done_on")
        self.done_on.set_value(info.done_on)
        self.reason = text_field("drop_reason", info.drop_reason)
        history = QPlainTextEdit(info.follow_up)
        history.setReadOnly(True)
        history.setMaximumHeight(90)
        form = QFormLayout(self)
        form.addRow(self.tr("Resolution:"), QLineEditRO(info.text))
        form.addRow(self.tr("Follow-ups so far:"), history)
        form.addRow(self.tr("New follow-up note:"), self.note)
        form.addRow(self.tr("Status:"), self.status)
        form.addRow(self.tr("Done on:"), self.done_on)
        form.addRow(self.tr("Reason for dropping:"), self.reason)
        self.error = finish_saving_form(self, form, self.save)

    def save(self) -> None:
        def run() -> str:
            committee.follow_up(self.ctx.store, self.ctx.actor, self.info.id, note=self.note.toPlainText(),
                                status=str(self.status.currentData()), done_on=self.done_on.value_or_none(),
                                drop_reason=self.reason.text())
            return self.info.id

        self._run(run)


def QLineEditRO(text: str) -> QLineEdit:
    line = QLineEdit(text)
    line.setReadOnly(True)
    line.setCursorPosition(0)
    return line


def resolutions_model(unit_width: int, *first: Column) -> RowsModel:
    """Resolutions as the meeting view and the committee screen list them: ``first``, then the
    number, due date, status, days overdue, responsible unit (``unit_width`` wide) and text;
    an overdue one tinted."""
    return RowsModel([
        *first,
        Column(QCoreApplication.translate("MeetingView", "No."), lambda r: shown_number(r.number)),
        Column(QCoreApplication.translate("MeetingView", "Due date"), lambda r: shown_date(r.due_date)),
        Column(QCoreApplication.translate("MeetingView", "Status"), lambda r: r.status_fa),
        Column(QCoreApplication.translate("MeetingView", "Days overdue"),
               lambda r: shown_number(r.days_overdue) if r.overdue else ""),
        Column(QCoreApplication.translate("MeetingView", "Responsible unit"), lambda r: r.responsible_unit,
               unit_width),
        Column(QCoreApplication.translate("MeetingView", "Resolution"), lambda r: r.text),
    ], background=lambda r: OVERDUE_BG if r.overdue else None)


class MeetingView(QDialog):
    """A meeting with its resolutions: add one, follow one up, edit the meeting."""

    def __init__(self, ctx: UiContext, meeting_id: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx, self.meeting_id = ctx, meeting_id
        self.setObjectName("meeting_view")
        self.setMinimumSize(900, 520)
        editable = ctx.can("committee.edit")
        self.summary = QPlainTextEdit()
        self.summary.setReadOnly(True)
        self.summary.setMaximumHeight(150)
        self.model = resolutions_model(160)
        self.table = make_table(self.model, "meeting_resolutions")
        self.table.activated.connect(lambda _i: self.follow_up())
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addLayout(button_row(
            make_button(self.tr("Add resolution…"), "add_resolution", self.add_resolution, editable,
                        tip=self.tr("Add a resolution of this meeting")),
            make_button(self.tr("Follow up…"), "follow_up", self.follow_up, editable),
            make_button(self.tr("Attach minutes…"), "attach_minutes",
                        lambda: attach_files(self, ctx, "committee_meeting", meeting_id, on_done=lambda _n: self.reload()),
                        editable, tip=self.tr("Attach the signed minutes (PDF or a scan)")),
            make_button(self.tr("Open minutes file"), "open_minutes",
                        lambda: open_latest_file(self, ctx, "committee_meeting", meeting_id),
                        tip=self.tr("Open the newest attached minutes")),
            make_button(self.tr("Edit meeting…"), "edit_meeting", self.edit_meeting, editable,
                        tip=self.tr("Edit the date, attendees and minutes")),
            make_button(self.tr("Close"), "close", self.accept,
                        tip=self.tr("Close this window")),
        ))
        layout.addWidget(self.table)
        self.reload()

    def reload(self) -> None:
        detail = committee.get_meeting(self.ctx.store, self.ctx.actor, self.meeting_id)
        m = detail.meeting
        self.detail = detail
        self.setWindowTitle(self.tr("Meeting of {day}").format(day=shown_date(m.day)))
        lines = [
            self.tr("Planned: {p}    Held: {h}    State: {s}").format(
                p=shown_date(m.planned_date) or "—", h=shown_date(m.held_date) or "—", s=m.status_fa),
            self.tr("Attendees: {n} of {all} members; quorum: {q}").format(
                n=shown_number(len(m.attendee_ids)), all=shown_number(m.members_then),
                q=self.tr("met") if m.quorum_met else (self.tr("not met") if m.quorum_met is False else "—")),
            "، ".join(m.attendee_names),
            m.minutes,
            self.tr("Attached files: {n}").format(n=shown_number(len(evidence.list_for(
                self.ctx.store, self.ctx.actor, "committee_meeting", self.meeting_id)))),
        ]
        self.summary.setPlainText("\n".join(line for line in lines if line))
        self.model.set_rows(detail.resolutions)

    def add_resolution(self) -> None:
        if ResolutionDialog(self.ctx, self.meeting_id, None, self).exec() == QDialog.DialogCode.Accepted:
            self.reload()

    def follow_up(self) -> None:
        row = current_row(self.table)
        if isinstance(row, committee.ResolutionInfo) and self.ctx.can("committee.edit") \
                and FollowUpDialog(self.ctx, row, self).exec() == QDialog.DialogCode.Accepted:
            self.reload()

    def edit_meeting(self) -> None:
        if MeetingDialog(self.ctx, self.detail.meeting, self).exec() == QDialog.DialogCode.Accepted:
            self.reload()


class CourseDialog(_Saving):
    def __init__(self, ctx: UiContext, info: training.CourseInfo | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx, self.info = ctx, info
        self.setWindowTitle(self.tr("Training course"))
        self.setMinimumWidth(520)
        form = QFormLayout(self)
        self.title = form_row(form, self.tr("Title:"), text_field("title"))
        self.topic = form_row(form, self.tr("Indicator served:"), choice_combo(name="topic"))
        for code, label in training.TOPICS.items():
            self.topic.addItem(f"{shown_number(code)} — {label}", code)
        self.start = form_row(form, self.tr("From:"), date_field(name="start_date"))
        self.end = form_row(form, self.tr("To:"), date_field(optional=True, name="end_date"))
        self.hours = form_row(form, self.tr("Hours per participant:"), QDoubleSpinBox())
        self.hours.setObjectName("hours")
        self.hours.setRange(0.5, training.MAX_HOURS)
        self.hours.setDecimals(1)
        self.hours.setValue(8)
        self.people = form_row(form, self.tr("Participants:"), QSpinBox())
        self.people.setObjectName("participant_count")
        self.people.setRange(1, training.MAX_PARTICIPANTS)
        self.people.setValue(20)
        self.trainer = form_row(form, self.tr("Trainer:"), text_field("trainer"))
        self.names = form_row(form, self.tr("Participants' names:"), text_box("participant_names", 70))
        self.names.setPlaceholderText(self.tr("Optional: one name a line"))
        self.method = form_row(form, self.tr("Effectiveness evaluation:"), choice_combo(name="eval_method"))
        self.method.addItem(self.tr("(not evaluated)"), "")
        for key, label in training.EVAL_METHODS.items():
            self.method.addItem(label, key)
        self.score = form_row(form, self.tr("Score (of 100):"), text_field("eval_score"))
        self.score.setPlaceholderText("۰ تا ۱۰۰")
        self.error = finish_saving_form(self, form, self.save)
        if info is not None:
            self.title.setText(info.title)
            select_data(self.topic, info.topic)
            self.start.set_value(info.start_date)
            self.end.set_value(info.end_date)
            self.hours.setValue(info.hours)
            self.people.setValue(info.participant_count)
            self.trainer.setText(info.trainer)
            self.names.setPlainText("\n".join(info.participant_names))
            select_data(self.method, info.eval_method)
            self.score.setText(shown_value(info.eval_score))

    def save(self) -> None:
        self._run(lambda: training.save_course(self.ctx.store, self.ctx.actor, training.CourseInput(
            title=self.title.text(), topic=str(self.topic.currentData()),
            start_date=self.start.value_or_none() or "", end_date=self.end.value_or_none(),
            hours=self.hours.value(), participant_count=self.people.value(), trainer=self.trainer.text(),
            participant_names=self.names.toPlainText().splitlines(), eval_method=str(self.method.currentData()),
            eval_score=self.score.text() or None), self.info.id if self.info else None,
            today=jalali.today()))



# ------------------------------------------------------------------------------ attachments

def attach_files(parent: QWidget, ctx: UiContext, owner_type: str, owner_id: str,
                 paths: list[Path] | None = None, on_done: Callable[[object], None] | None = None) -> None:
    """Copy files (an appointing letter, a meeting's minutes, a course's attendance sheet) into
    the store off the GUI thread and attach them to the record."""
    if paths is None:
        names, _ = QFileDialog.getOpenFileNames(parent, QCoreApplication.translate("CommitteeFiles", "Files to attach"))
        paths = [Path(n) for n in names]
    if not paths:
        return
    store, actor = ctx.store, ctx.actor

    def work(report: Callable[[int, int, str], None]) -> int:
        return evidence.attach_all(store, actor, owner_type, owner_id, paths, report)

    run_in_background(parent, work, on_done=on_done,
                      title=QCoreApplication.translate("CommitteeFiles", "Attaching files…"))


def open_latest_file(parent: QWidget, ctx: UiContext, owner_type: str, owner_id: str) -> None:
    """Open the record's newest attachment with the program the PC uses for it."""

    def latest() -> evidence.EvidenceInfo:
        files = evidence.list_for(ctx.store, ctx.actor, owner_type, owner_id)
        if not files:
            raise UserError("برای این رکورد پرونده‌ای پیوست نشده است؛ نخست «پیوست پرونده…» را بزنید.",
                            "Nothing is attached to this record.", code="no_attachment")
        return files[-1]

    attempt(parent, latest, on_done=lambda info: open_with_system_viewer(parent, ctx.store, info))
