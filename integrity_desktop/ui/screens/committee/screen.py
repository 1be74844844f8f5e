"""The administrative-health committee (axis 7) and the training register (axis 12).

Tabs: the year's calendar of planned and held meetings (a month grid), the meetings of the
year (Enter opens a meeting with its resolutions), the resolutions (overdue ones in red),
the members and their terms, and the training register with its figures per topic.  Every
list is a model over the services' rows; every rule is the services'.  At HQ every province's
records show, with their office.
"""

from __future__ import annotations

import datetime as _dt
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QHeaderView,
    QLabel,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from integrity_desktop import jalali
from integrity_desktop.errors import UserError
from integrity_desktop.services.committee import register as committee
from integrity_desktop.services.committee import training
from integrity_desktop.ui.context import UiContext
from integrity_desktop.ui.screens.committee.dialogs import (
    CourseDialog,
    FollowUpDialog,
    MeetingDialog,
    MeetingView,
    MemberDialog,
    attach_files,
    open_latest_file,
    resolutions_model,
)
from integrity_desktop.ui.screens.inspections.common import make_button, period_choices
from integrity_desktop.ui.text import isolate, shown_date, shown_number, shown_percent, shown_value
from integrity_desktop.ui.widgets import palette
from integrity_desktop.ui.widgets.buttons import button_row
from integrity_desktop.ui.widgets.combos import choice_combo
from integrity_desktop.ui.widgets.labels import text_label
from integrity_desktop.ui.widgets.messages import show_exception
from integrity_desktop.ui.widgets.panels import tab_page
from integrity_desktop.ui.widgets.tab_shot import TabShot
from integrity_desktop.ui.widgets.table_models import Column, RowsModel, current_row, make_table

Index = QModelIndex | QPersistentModelIndex
HELD_BG, MISSED_BG, PLANNED_BG = QColor(palette.DONE_BG), QColor(palette.ALERT_BG), QColor(palette.PLANNED_BG)
CANCELLED_BG = QColor(palette.QUIET_BG)
MARKS = {"held": "●", "missed": "✕", "cancelled": "–", "planned": "○"}


class YearCalendarModel(QAbstractTableModel):
    """The twelve Jalali months of a year in a 3×4 grid; each cell lists its meetings."""

    COLS = 4

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.year = jalali.jalali_year(jalali.today())
        self.by_month: dict[int, list[committee.MeetingInfo]] = {}

    def set_meetings(self, year: int, meetings: list[committee.MeetingInfo]) -> None:
        self.beginResetModel()
        self.year = year
        self.by_month = {}
        for m in meetings:
            day = m.held_date or m.planned_date
            if day is not None:
                self.by_month.setdefault(jalali.period_containing(day, "month").number, []).append(m)
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 12 // self.COLS

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self.COLS

    def month(self, index: Index) -> int:
        return index.row() * self.COLS + index.column() + 1

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        month = self.month(index)
        meetings = self.by_month.get(month, [])
        if role == Qt.ItemDataRole.DisplayRole:
            lines = [jalali.month_name(month)]
            for m in meetings:
                day = m.held_date or m.planned_date
                lines.append(f"{MARKS.get(m.status, '')} {shown_date(day)}  {m.status_fa}")
            return "\n".join(lines)
        if role == Qt.ItemDataRole.BackgroundRole and meetings:
            states = {m.status for m in meetings}
            color = (MISSED_BG if "missed" in states else CANCELLED_BG if states == {"cancelled"}
                     else HELD_BG if states <= {"held", "cancelled"} else PLANNED_BG)
            return QBrush(color)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignRight)
        return None

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        return None


def _year_combo(today: _dt.date) -> QComboBox:
    combo = choice_combo(name="year")
    year = jalali.jalali_year(today)
    for y in range(year, year - 6, -1):
        combo.addItem(jalali.Period(y, "year").label_fa, y)
    return combo


class CommitteeScreen(QWidget):
    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("committee")
        self.today = jalali.today()
        self.editable = ctx.can("committee.edit")
        self.hq = ctx.actor.office_code == committee.HQ
        self.tabs = QTabWidget()
        layout = QVBoxLayout(self)
        self.year = _year_combo(self.today)
        self.year.currentIndexChanged.connect(lambda _i: self.reload())
        layout.addLayout(button_row(QLabel(self.tr("Year:")), self.year))
        layout.addWidget(self.tabs)
        office = [Column(self.tr("Office"), lambda r: r.office_code)] if self.hq else []

        # the year's calendar
        self.calendar_model = YearCalendarModel(self)
        self.calendar = QTableView()
        self.calendar.setObjectName("year_calendar")
        self.calendar.setModel(self.calendar_model)
        self.calendar.horizontalHeader().setVisible(False)
        self.calendar.verticalHeader().setVisible(False)
        self.calendar.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.calendar.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.calendar.setWordWrap(True)
        self.calendar_counts = QLabel()
        self.calendar_counts.setObjectName("calendar_counts")
        legend = QLabel(self.tr("● held   ○ planned   ✕ not held   – cancelled"))
        self.tabs.addTab(tab_page(button_row(self.calendar_counts, legend), self.calendar),
                         self.tr("Year calendar"))

        # meetings
        self.meetings_model = RowsModel([
            *office,
            Column(self.tr("Planned"), lambda r: shown_date(r.planned_date)),
            Column(self.tr("Held"), lambda r: shown_date(r.held_date)),
            Column(self.tr("State"), lambda r: r.status_fa),
            Column(self.tr("Attendees"), lambda r: (
                f"{shown_number(len(r.attendee_ids))} / {shown_number(r.members_then)}" if r.held_date else "")),
            Column(self.tr("Quorum"), lambda r: "" if r.quorum_met is None else (
                self.tr("met") if r.quorum_met else self.tr("not met"))),
            Column(self.tr("Minutes"), lambda r: self.tr("yes") if r.has_minutes else ""),
            Column(self.tr("Resolutions"), lambda r: shown_number(r.resolutions)),
            Column(self.tr("Overdue"), lambda r: shown_number(r.overdue_resolutions) if r.overdue_resolutions else ""),
            Column(self.tr("Title"), lambda r: r.title),
        ], background=lambda r: MISSED_BG if r.status == "missed" else None)
        self.meetings_view = make_table(self.meetings_model, "meetings_table")
        self.meetings_view.activated.connect(lambda _i: self.open_meeting())
        meetings = tab_page(button_row(
            make_button(self.tr("Plan a meeting…"), "new_meeting", self.new_meeting, self.editable,
                        tip=self.tr("Plan a meeting on the year's schedule")),
            make_button(self.tr("Open meeting…"), "open_meeting", self.open_meeting,
                        tip=self.tr("Open the selected meeting with its resolutions")),
        ), self.meetings_view)
        self.tabs.addTab(meetings, self.tr("Meetings"))

        # resolutions
        self.overdue_only = QCheckBox(self.tr("Overdue only"))
        self.overdue_only.setObjectName("overdue_only")
        self.overdue_only.toggled.connect(lambda _c: self.reload_resolutions())
        self.resolution_count = QLabel()
        self.resolution_count.setObjectName("resolution_count")
        self.resolutions_model = resolutions_model(
            170, *office, Column(self.tr("Meeting"), lambda r: shown_date(r.meeting_day)))
        self.resolutions_view = make_table(self.resolutions_model, "resolutions_table")
        self.resolutions_view.activated.connect(lambda _i: self.follow_up())
        res = tab_page(button_row(
            make_button(self.tr("Follow up…"), "follow_up", self.follow_up, self.editable,
                        tip=self.tr("Record a follow-up or the status of the selected resolution")),
            self.overdue_only, self.resolution_count), self.resolutions_view)
        self.tabs.addTab(res, self.tr("Resolutions"))

        # members
        self.members_model = RowsModel([
            *office,
            Column(self.tr("Name"), lambda r: r.full_name, 170),
            Column(self.tr("Role"), lambda r: r.role_fa),
            Column(self.tr("Post"), lambda r: r.post, 200),
            Column(self.tr("Letter no."), lambda r: shown_number(r.letter_no)),
            Column(self.tr("Letter date"), lambda r: shown_date(r.letter_date)),
            Column(self.tr("From"), lambda r: shown_date(r.member_from)),
            Column(self.tr("Until"), lambda r: shown_date(r.member_to)),
        ], background=lambda r: QColor(palette.QUIET_BG) if r.member_to and r.member_to < self.today else None)
        self.members_view = make_table(self.members_model, "members_table")
        self.members_view.activated.connect(lambda _i: self.edit_member())
        mem = tab_page(button_row(
            make_button(self.tr("Add member…"), "new_member", self.new_member, self.editable,
                        tip=self.tr("Add a member appointed by a letter")),
            make_button(self.tr("Attach letter…"), "attach_letter", lambda: self._attach(
                self.members_view, committee.MemberInfo, "committee_member"), self.editable,
                        tip=self.tr("Attach the appointing letter of the selected member")),
            make_button(self.tr("Open letter"), "open_letter", lambda: self._open(
                self.members_view, committee.MemberInfo, "committee_member"),
                        tip=self.tr("Open the appointing letter of the selected member")),
            make_button(self.tr("Edit member…"), "edit_member", self.edit_member, self.editable,
                        tip=self.tr("Edit the selected member or end the membership")),
        ), self.members_view)
        self.tabs.addTab(mem, self.tr("Members"))

        # training register
        self.training_period = choice_combo(name="training_period")
        self.training_editable = ctx.can("training.edit")
        self.training_summary = text_label("training_summary")
        self.courses_model = RowsModel([
            *office,
            Column(self.tr("Indicator"), lambda r: shown_number(r.topic)),
            Column(self.tr("From"), lambda r: shown_date(r.start_date)),
            Column(self.tr("To"), lambda r: shown_date(r.end_date)),
            Column(self.tr("Hours"), lambda r: shown_value(r.hours)),
            Column(self.tr("Participants"), lambda r: shown_number(r.participant_count)),
            Column(self.tr("Person-hours"), lambda r: shown_value(r.person_hours)),
            Column(self.tr("Score"), lambda r: shown_value(r.eval_score)),
            Column(self.tr("Trainer"), lambda r: r.trainer, 150),
            Column(self.tr("Title"), lambda r: r.title),
        ])
        self.courses_view = make_table(self.courses_model, "courses_table")
        self.courses_view.activated.connect(lambda _i: self.edit_course())
        self.training_period.currentIndexChanged.connect(lambda _i: self.reload_training())
        tr_tab = tab_page(button_row(
            make_button(self.tr("Register a course…"), "new_course", self.new_course, self.training_editable,
                        tip=self.tr("Register a course that was held")),
            make_button(self.tr("Attach attendance sheet…"), "attach_sheet", lambda: self._attach(
                self.courses_view, training.CourseInfo, "training_course"), self.training_editable,
                        tip=self.tr("Attach the signed attendance sheet of the selected course")),
            make_button(self.tr("Open attendance sheet"), "open_sheet", lambda: self._open(
                self.courses_view, training.CourseInfo, "training_course"),
                        tip=self.tr("Open the attendance sheet of the selected course")),
            make_button(self.tr("Edit course…"), "edit_course", self.edit_course, self.training_editable,
                        tip=self.tr("Edit the selected course or its evaluation")),
            self.training_period), self.training_summary, self.courses_view)
        self.tabs.addTab(tr_tab, self.tr("Training register"))
        self.training_tab = tr_tab
        self._fill_periods()
        self._open_on_a_year_with_meetings()
        self.reload()

    def _fill_periods(self) -> None:
        self.training_period.blockSignals(True)
        self.training_period.clear()
        year = int(self.year.currentData())
        self.training_period.addItem(jalali.Period(year, "year").label_fa, str(year))
        for label, code in period_choices(self.today, [year]):
            if code.startswith(str(year)) and code != str(year):
                self.training_period.addItem(label, code)
        self.training_period.blockSignals(False)

    def _open_on_a_year_with_meetings(self) -> None:
        """The newest year that has meetings (this year when none has)."""
        for i in range(self.year.count()):
            y = int(self.year.itemData(i))
            if committee.list_meetings(self.ctx.store, self.ctx.actor, y, today=self.today):
                self.year.blockSignals(True)
                self.year.setCurrentIndex(i)
                self.year.blockSignals(False)
                self._fill_periods()
                return

    # ---------------------------------------------------------------- loading

    def refresh(self) -> None:
        self.today = jalali.today()
        self.reload()

    def reload(self) -> None:
        year = int(self.year.currentData())
        if self.training_period.currentData() is None or not str(self.training_period.currentData()).startswith(
                str(year)):
            self._fill_periods()
        meetings = committee.list_meetings(self.ctx.store, self.ctx.actor, year, today=self.today)
        self.calendar_model.set_meetings(year, meetings)
        self.calendar_counts.setText(self.tr("{all} meetings: {held} held, {missed} not held, {planned} planned").format(
            all=shown_number(len(meetings)), held=shown_number(sum(m.status == "held" for m in meetings)),
            missed=shown_number(sum(m.status == "missed" for m in meetings)),
            planned=shown_number(sum(m.status == "planned" for m in meetings))))
        self.meetings_model.set_rows(meetings)
        self.members_model.set_rows(committee.list_members(self.ctx.store, self.ctx.actor))
        self.reload_resolutions()
        self.reload_training()

    def reload_resolutions(self) -> None:
        year = int(self.year.currentData())
        rows = committee.list_resolutions(self.ctx.store, self.ctx.actor, year=year,
                                          overdue_only=self.overdue_only.isChecked(), today=self.today)
        self.resolutions_model.set_rows(rows)
        late = sum(r.overdue for r in committee.list_resolutions(
            self.ctx.store, self.ctx.actor, year=year, overdue_only=True, today=self.today))
        self.resolution_count.setText(self.tr("{n} resolutions, {late} overdue").format(
            n=shown_number(len(rows)), late=shown_number(late)))

    def reload_training(self) -> None:
        code = self.training_period.currentData()
        courses = training.list_courses(self.ctx.store, self.ctx.actor, str(code) if code else None)
        self.courses_model.set_rows(courses)
        s = training.summarise(courses)
        parts = [self.tr("{code}: {n} courses, {h} person-hours").format(
            code=isolate(shown_number(t.topic)), n=shown_number(t.courses), h=shown_value(t.person_hours))
            for t in s.topics if t.courses]
        parts.append(self.tr("12/5: {e} of {n} evaluated ({p}), mean score {m}").format(
            e=shown_number(s.evaluated), n=shown_number(s.courses), p=shown_percent(s.evaluated_percent) or "—",
            m=shown_value(s.mean_score) or "—"))
        self.training_summary.setText("؛  ".join(parts))

    # ---------------------------------------------------------------- actions

    def _after(self, dialog: QDialog) -> None:
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.reload()

    def new_meeting(self) -> None:
        self._after(MeetingDialog(self.ctx, None, self))

    def open_meeting(self) -> None:
        row = current_row(self.meetings_view)
        if isinstance(row, committee.MeetingInfo):
            MeetingView(self.ctx, row.id, self).exec()
            self.reload()

    def follow_up(self) -> None:
        row = current_row(self.resolutions_view)
        if isinstance(row, committee.ResolutionInfo) and self.editable:
            self._after(FollowUpDialog(self.ctx, row, self))

    def new_member(self) -> None:
        self._after(MemberDialog(self.ctx, None, self))

    def edit_member(self) -> None:
        row = current_row(self.members_view)
        if isinstance(row, committee.MemberInfo) and self.editable:
            self._after(MemberDialog(self.ctx, row, self))

    def new_course(self) -> None:
        self._after(CourseDialog(self.ctx, None, self))

    def edit_course(self) -> None:
        row = current_row(self.courses_view)
        if isinstance(row, training.CourseInfo) and self.training_editable:
            self._after(CourseDialog(self.ctx, row, self))

    def _selected(self, view: QTableView, kind: type) -> Any:
        row = current_row(view)
        if not isinstance(row, kind):
            show_exception(self, UserError("نخست ردیفی از فهرست برگزینید.", "Select a row first.",
                                           code="nothing_selected"))
            return None
        return row

    def _attach(self, view: QTableView, kind: type, owner_type: str) -> None:
        row = self._selected(view, kind)
        if row is not None:
            attach_files(self, self.ctx, owner_type, row.id)

    def _open(self, view: QTableView, kind: type, owner_type: str) -> None:
        row = self._selected(view, kind)
        if row is not None:
            open_latest_file(self, self.ctx, owner_type, row.id)

    # ---------------------------------------------------------------- screenshots

    def screenshot_states(self) -> list[tuple[str, Any]]:
        """The year calendar, the meetings, a meeting with its resolutions, the resolutions
        (overdue in red), the members, the training register and the course dialog."""
        states: list[tuple[str, Any]] = [
            ("year", TabShot(self, self.tabs, 0)), ("meetings", TabShot(self, self.tabs, 1)),
            ("resolutions", TabShot(self, self.tabs, 2)), ("members", TabShot(self, self.tabs, 3)),
            ("training", TabShot(self, self.tabs, 4)),
        ]
        held = next((m for m in self.meetings_model.rows if m.resolutions), None)
        if held is not None:
            states.append(("meeting", TabShot(self, self.tabs, 1,
                                              lambda: MeetingView(self.ctx, held.id, self))))
        states.append(("course-dialog", TabShot(self, self.tabs, 4,
                                                lambda: CourseDialog(self.ctx, None, self))))
        return states

