"""People's rights registers: complaints (paged model over 100,000 rows, filters, overdue in
red), satisfaction surveys and letters from oversight bodies (axes 9, 10, 16).

Every query runs off the GUI thread; typing in the search box waits for a short pause.  Roles
without ``complaints.view_personal`` get «محرمانه» from the service in the personal columns and
their search never looks at names.  Rules and messages live in the services; the dialogs only
gather values.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDoubleSpinBox,
    QFormLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from integrity_desktop import jalali
from integrity_desktop.services.rights import complaints as cm
from integrity_desktop.services.rights import oversight, surveys
from integrity_desktop.ui.context import UiContext
from integrity_desktop.ui.operations import accept_if_done, run_in_background
from integrity_desktop.ui.text import shown_date, shown_number, shown_percent, shown_value
from integrity_desktop.ui.widgets import palette
from integrity_desktop.ui.widgets.buttons import button_row, push_button
from integrity_desktop.ui.widgets.choose_file import choose_file
from integrity_desktop.ui.widgets.combos import choice_combo, unit_combo
from integrity_desktop.ui.widgets.fields import form_row, text_box, text_field
from integrity_desktop.ui.widgets.form_errors import SavingDialog, clear_when_edited, error_line, finish_form
from integrity_desktop.ui.widgets.jalali_date_edit import JalaliDateEdit
from integrity_desktop.ui.widgets.labels import text_label
from integrity_desktop.ui.widgets.messages import show_info
from integrity_desktop.ui.widgets.panels import lay_out, side_by_side
from integrity_desktop.ui.widgets.search import after_typing, search_field
from integrity_desktop.ui.widgets.table_models import Column, RegisterModel, RowsModel, current_row

DEBOUNCE_MS = 300


class ComplaintTableModel(RegisterModel):
    """The complaint register, page by page from ``complaints.list_complaints`` on a worker."""

    COLUMNS = ("tracking", "kind", "received", "channel", "category", "unit", "person", "due", "answered")
    CENTRED = ("tracking", "received", "due", "answered")

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, cm.ComplaintQuery(), parent)
        self.rows: list[cm.ComplaintRow] = []
        self.headers = [self.tr("Tracking number"), self.tr("Kind"), self.tr("Received"), self.tr("Channel"),
                         self.tr("Subject"), self.tr("Unit"), self.tr("Person"), self.tr("Answer due"),
                         self.tr("Answered")]

    def count(self, query: cm.ComplaintQuery) -> int:  # on a worker
        return cm.count_complaints(self.ctx.store, self.ctx.actor, query)

    def page(self, query: cm.ComplaintQuery, offset: int, limit: int) -> list[cm.ComplaintRow]:  # on a worker
        return cm.list_complaints(self.ctx.store, self.ctx.actor, query, offset=offset, limit=limit)

    def text(self, c: cm.ComplaintRow, key: str) -> str:
        if key == "tracking":
            return shown_number(c.tracking_number) if c.tracking_number else "—"
        if key == "kind":
            return cm.KINDS.get(c.kind, c.kind)
        if key == "received":
            return shown_date(c.received_on)
        if key == "channel":
            return cm.CHANNELS.get(c.channel, c.channel)
        if key == "category":
            return cm.CATEGORIES.get(c.category, c.category)
        if key == "unit":
            return c.unit_name
        if key == "person":
            return c.person_name
        if key == "due":
            return shown_date(c.due_on)
        if c.answered_on is None:
            return self.tr("Not answered")
        return self.tr("{date} ({days} days)").format(date=shown_date(c.answered_on),
                                                      days=shown_number(c.days_to_answer or 0))

    def red(self, c: cm.ComplaintRow, key: str) -> bool:
        return (c.overdue or c.late) and key in ("due", "answered")

    def warning(self, c: cm.ComplaintRow) -> str | None:
        if c.overdue:
            return self.tr("Not answered and past its due date ({date})").format(date=shown_date(c.due_on))
        if c.late:
            return self.tr("Answered after its due date ({date})").format(date=shown_date(c.due_on))
        return None


def _select(box: QComboBox, value: Any) -> None:
    index = box.findData(value)
    box.setCurrentIndex(max(0, index))


class ComplaintDialog(SavingDialog):
    """Register a complaint or change one (its answer).  ``saved_id`` after OK."""

    def __init__(self, ctx: UiContext, parent: QWidget | None = None, row: cm.ComplaintRow | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.row = row
        self.saved_id: str | None = None
        self.setWindowTitle(self.tr("Complaint or people's letter") if row is None else self.tr("Complaint and its answer"))
        self.setMinimumWidth(720)
        form = QFormLayout()
        self.kind = form_row(form, self.tr("Kind:"), choice_combo(cm.KINDS, None, "kind"))
        self.received = form_row(form, self.tr("Received on:"), JalaliDateEdit())
        self.received.setObjectName("received_on")
        self.channel = form_row(form, self.tr("Channel:"), choice_combo(cm.CHANNELS, None, "channel"))
        self.tracking = form_row(form, self.tr("Tracking number:"), text_field("tracking_number"))
        self.tracking.setMaxLength(40)
        self.unit = form_row(form, self.tr("Unit complained about:"), unit_combo(
            ctx, optional=True, none_text=self.tr("(none)"), name="unit", office_code=ctx.actor.office_code))
        self.category = form_row(form, self.tr("Subject:"), choice_combo(cm.CATEGORIES, None, "category"))
        self.person = form_row(form, self.tr("Person's name (confidential):"), text_field("person_name"))
        self.contact = form_row(form, self.tr("Contact (confidential):"), text_field("person_contact"))
        self.subject = form_row(form, self.tr("Description:"), text_box("subject", 60, fixed=True))
        self.answered = form_row(form, self.tr("Answered on:"), JalaliDateEdit(optional=True))
        self.answered.setObjectName("answered_on")
        self.outcome = form_row(form, self.tr("Outcome:"),
                                choice_combo(cm.OUTCOMES, self.tr("(not answered yet)"), "outcome"))
        self.referred = form_row(form, self.tr("Referred to:"), text_field("referred_to"))
        self.satisfaction = form_row(form, self.tr("Satisfaction with the answer:"),
                                     choice_combo(cm.SATISFACTION, self.tr("(not asked)"), "satisfaction"))
        self.answer_note = form_row(form, self.tr("Answer:"), text_box("answer_note", 50, fixed=True))
        personal = ctx.can("complaints.view_personal")
        for widget in (self.person, self.contact):
            widget.setEnabled(personal)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        self.error, _buttons = finish_form(self, layout, self.save, ok_text=self.tr("Save"), clear_on_edit=False)
        if row is not None:
            _select(self.kind, row.kind)
            self.received.set_value(row.received_on)
            _select(self.channel, row.channel)
            self.tracking.setText(row.tracking_number)
            _select(self.unit, row.unit_id)
            _select(self.category, row.category)
            if not row.anonymised:
                self.person.setText(row.person_name)
                self.contact.setText(row.person_contact)
                self.subject.setPlainText(row.subject)
                self.answer_note.setPlainText(row.answer_note)
            self.answered.set_value(row.answered_on)
            _select(self.outcome, row.outcome)
            self.referred.setText(row.referred_to)
            _select(self.satisfaction, row.satisfaction)
            self.answered.setFocus()
        else:
            self.kind.setFocus()
        clear_when_edited(self.error, self)

    def _write(self) -> None:
        values: dict[str, Any] = dict(
            kind=self.kind.currentData(), received_on=self.received.line.text(),
            channel=self.channel.currentData(), category=self.category.currentData(),
            unit_id=self.unit.currentData(), tracking_number=self.tracking.text(),
            answered_on=self.answered.line.text() or None, outcome=self.outcome.currentData(),
            referred_to=self.referred.text(), satisfaction=self.satisfaction.currentData(),
        )
        if self.row is None or not self.row.anonymised:
            values.update(person_name=self.person.text(), person_contact=self.contact.text(),
                          subject=self.subject.toPlainText(), answer_note=self.answer_note.toPlainText())
        if self.row is None:
            self.saved_id = cm.register_complaint(self.ctx.store, self.ctx.actor, cm.ComplaintInput(**values))
        else:
            cm.update_complaint(self.ctx.store, self.ctx.actor, self.row.id, **values)
            self.saved_id = self.row.id


class ComplaintRegister(QWidget):
    """Filters, the paged table, the count, and the register's buttons."""

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.personal = ctx.can("complaints.view_personal")
        self.model = ComplaintTableModel(ctx, self)
        self.search = search_field(
            "complaint_search",
            self.tr("Search tracking number, subject or name…") if self.personal
            else self.tr("Search tracking number or subject…"))
        self.state = choice_combo(cm.STATES, self.tr("All"), "state_filter")
        self.kind = choice_combo(cm.KINDS, self.tr("All kinds"), "kind_filter")
        self.channel = choice_combo(cm.CHANNELS, self.tr("All channels"), "channel_filter")
        self.category = choice_combo(cm.CATEGORIES, self.tr("All subjects"), "category_filter")
        self.new_button = QPushButton(self.tr("Register…"))
        self.new_button.setObjectName("new_complaint")
        self.new_button.setShortcut(QKeySequence("Ctrl+N"))
        self.new_button.setToolTip(self.tr("Register a complaint, letter or suggestion"))
        self.new_button.clicked.connect(self.register)
        self.new_button.setVisible(ctx.can("complaints.edit"))
        self.import_button = push_button(
            self.tr("Import from Excel…"),
            name="import_complaints",
            tip=self.tr("Add or update complaints from an Excel file: nothing is written unless every row is valid"),
            on_click=self.import_excel,
        )
        self.import_button.setVisible(ctx.can("complaints.edit"))
        self.debounce = after_typing(self, self.search, self.apply_filters, DEBOUNCE_MS)
        for box in (self.state, self.kind, self.channel, self.category):
            box.currentIndexChanged.connect(lambda _i: self.apply_filters())
        self.table = QTableView()
        self.table.setObjectName("complaint_table")
        self.table.setModel(self.model)
        self.table.verticalHeader().setVisible(False)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setTabKeyNavigation(False)
        header = self.table.horizontalHeader()
        header.setStretchLastSection(False)
        for col, width in enumerate((115, 90, 90, 70, 150, 0, 130, 90, 140)):
            self.table.setColumnWidth(col, width)
        header.setSectionResizeMode(5, QHeaderView.ResizeMode.Stretch)
        self.table.activated.connect(lambda _i: self.open_current())
        self.count = QLabel()
        self.count.setObjectName("complaint_count")
        self.message = error_line("complaint_message")
        self.message.hide()
        self.model.loaded.connect(lambda n: self.count.setText(self.tr("{n} records").format(n=shown_number(n))))
        self.model.failed.connect(self._failed)
        filters = side_by_side((self.search, 1), self.state, self.kind, self.channel, self.category,
                               self.import_button, self.new_button)
        legend = QLabel(self.tr("Red: not answered by its due date (answer period {days} days)").format(
            days=shown_number(cm.answer_days(ctx.store))))
        legend.setStyleSheet(f"color: {palette.ERROR_STRONG}")
        bottom = button_row(self.count, end=[legend])
        layout = lay_out(self, filters, self.message, (self.table, 1), bottom)
        if not self.personal:
            note = QLabel(self.tr("Your role does not see people's names and contacts: they are confidential."))
            note.setObjectName("confidential_note")
            layout.addWidget(note)

    def current_query(self) -> cm.ComplaintQuery:
        return cm.ComplaintQuery(text=self.search.text().strip(), state=self.state.currentData(),
                                 kind=self.kind.currentData(), channel=self.channel.currentData(),
                                 category=self.category.currentData())

    def apply_filters(self, wait: bool = False) -> None:
        self.debounce.stop()
        self.message.hide()
        self.count.setText(self.tr("Searching…"))
        self.model.set_query(self.current_query(), wait=wait)

    def _failed(self, text: str) -> None:
        self.count.setText("")
        self.message.setText(text)
        self.message.show()

    def current_row(self) -> cm.ComplaintRow | None:
        return current_row(self.table)

    def register(self) -> None:
        dialog = ComplaintDialog(self.ctx, self)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.apply_filters()

    def open_current(self) -> None:
        row = self.current_row()
        if row is None or not self.ctx.can("complaints.edit") or row.office_code != self.ctx.actor.office_code:
            return
        dialog = ComplaintDialog(self.ctx, self, row)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.apply_filters()

    def import_excel(self) -> None:
        path = choose_file(self, self.tr("Import complaints"), self.tr("Excel workbooks (*.xlsx)"))
        if not path:
            return
        from integrity_desktop.services.rights import excel_import as complaints_import

        store, actor = self.ctx.store, self.ctx.actor

        def done(result: Any) -> None:
            show_info(self, self.tr("Import complaints"), self.tr(
                "{created} new, {updated} changed, {unchanged} unchanged.").format(
                created=shown_number(result.created), updated=shown_number(result.updated),
                unchanged=shown_number(result.unchanged)))
            self.apply_filters()

        run_in_background(self, lambda _r: complaints_import.import_complaints(store, actor, path),
                          on_done=done, title=self.tr("Checking every row…"))


class SurveyDialog(QDialog):
    """A survey round: unit, period, method, sample, mean score and what was done about it."""

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setWindowTitle(self.tr("Satisfaction survey"))
        self.setMinimumWidth(600)
        form = QFormLayout()
        self.unit = form_row(form, self.tr("Unit:"), unit_combo(
            ctx, optional=True, none_text=self.tr("Whole office"), office_code=ctx.actor.office_code))
        self.period = form_row(form, self.tr("Period:"), choice_combo(name="period"))
        this_year = jalali.jalali_year(jalali.today())
        for year in (this_year, this_year - 1):
            for period in (*jalali.periods_of_year(year, "quarter"), *jalali.periods_of_year(year, "half"),
                           jalali.Period(year, "year")):
                if period.start <= jalali.today():
                    self.period.addItem(period.label_fa, period.code)
        self.conducted = form_row(form, self.tr("Conducted on:"), JalaliDateEdit())
        self.method = form_row(form, self.tr("Method:"), choice_combo(surveys.METHODS, None, "method"))
        self.sample = form_row(form, self.tr("Sample size:"), QSpinBox())
        self.sample.setRange(1, surveys.MAX_SAMPLE)
        self.sample.setValue(30)
        self.mean = form_row(form, self.tr("Mean score (0–100):"), QDoubleSpinBox())
        self.mean.setRange(0, 100)
        self.mean.setDecimals(1)
        self.actions_edit = form_row(form, self.tr("Actions taken on the results:"), text_box("", 70, fixed=True))
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        self.error, _buttons = finish_form(self, layout, self.save, ok_text=self.tr("Save"))

    def save(self) -> None:
        accept_if_done(self, lambda: surveys.add_survey(self.ctx.store, self.ctx.actor, surveys.SurveyInput(
            period_code=self.period.currentData() or "", conducted_on=self.conducted.line.text(),
            method=self.method.currentData(), sample_size=self.sample.value(), mean_score=self.mean.value(),
            unit_id=self.unit.currentData(), actions_taken=self.actions_edit.toPlainText())), self.error)


class LetterDialog(QDialog):
    """A letter from an oversight body, or its answer when ``row`` is given."""

    def __init__(self, ctx: UiContext, parent: QWidget | None = None, row: oversight.LetterRow | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.row = row
        self.setWindowTitle(self.tr("Letter from an oversight body"))
        self.setMinimumWidth(600)
        form = QFormLayout()
        self.body = form_row(form, self.tr("Body:"), QComboBox())
        for code, (name, _code) in oversight.BODIES.items():
            self.body.addItem(name, code)
        self.in_number = form_row(form, self.tr("Letter number:"), QLineEdit())
        self.in_date = form_row(form, self.tr("Letter date:"), JalaliDateEdit())
        self.subject = form_row(form, self.tr("Subject:"), QLineEdit())
        self.due = form_row(form, self.tr("Answer due (empty: 15 days):"), JalaliDateEdit(optional=True))
        self.out_number = form_row(form, self.tr("Answer number:"), QLineEdit())
        self.out_date = form_row(form, self.tr("Answer date:"), JalaliDateEdit(optional=True))
        self.status = form_row(form, self.tr("Status:"), choice_combo(oversight.STATUSES, None, "status"))
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        self.error, _buttons = finish_form(self, layout, self.save, ok_text=self.tr("Save"))
        if row is not None:
            _select(self.body, row.body)
            self.in_number.setText(row.in_number)
            self.in_date.set_value(row.in_date)
            self.subject.setText(row.subject)
            self.due.set_value(row.due_on)
            self.out_number.setText(row.out_number)
            self.out_date.set_value(row.out_date)
            _select(self.status, row.status)
            self.out_number.setFocus()

    def save(self) -> None:
        values: dict[str, Any] = dict(
            body=self.body.currentData(), in_number=self.in_number.text(), in_date=self.in_date.line.text(),
            subject=self.subject.text(), due_on=self.due.line.text() or None, out_number=self.out_number.text(),
            out_date=self.out_date.line.text() or None)
        row = self.row
        if row is None:
            accept_if_done(self, lambda: oversight.add_letter(
                self.ctx.store, self.ctx.actor, oversight.LetterInput(**values)), self.error)
            return
        status = self.status.currentData()
        if values["out_date"] and status == "open":
            status = "answered"
        accept_if_done(self, lambda: oversight.update_letter(
            self.ctx.store, self.ctx.actor, row.id, status=status, **values), self.error)


class SurveysPanel(QWidget):
    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.model = RowsModel([
            Column(self.tr("Unit"), lambda r: r.unit_name or self.tr("Whole office"), 220),
            Column(self.tr("Period"), lambda r: jalali.Period.parse(r.period_code).label_fa),
            Column(self.tr("Conducted on"), lambda r: shown_date(r.conducted_on)),
            Column(self.tr("Method"), lambda r: surveys.METHODS.get(r.method, r.method)),
            Column(self.tr("Sample"), lambda r: shown_number(r.sample_size)),
            Column(self.tr("Mean score"), lambda r: shown_value(r.mean_score)),
            Column(self.tr("Actions taken"), lambda r: r.actions_taken, 360),
        ], parent=self)
        self.table = QTableView()
        self.table.setObjectName("survey_table")
        self.table.setModel(self.model)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setStretchLastSection(True)
        for col, width in enumerate((260, 150, 100, 130, 70, 100)):
            self.table.setColumnWidth(col, width)
        add = push_button(self.tr("Add a survey…"), name="new_survey",
                          tip=self.tr("Record a survey round of a unit and what was done about its results"))
        add.setVisible(ctx.can("surveys.edit"))
        add.clicked.connect(self.add)
        top = button_row(QLabel(self.tr("Satisfaction surveys (9/5) and actions taken on their results (9/7)")),
                         end=[add])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)

    def refresh(self) -> None:
        self.model.set_rows(surveys.list_surveys(self.ctx.store, self.ctx.actor))

    def add(self) -> None:
        if SurveyDialog(self.ctx, self).exec() == QDialog.DialogCode.Accepted:
            self.refresh()


class LettersPanel(QWidget):
    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.model = RowsModel([
            Column(self.tr("Body"), lambda r: oversight.BODIES[r.body][0], 230),
            Column(self.tr("Letter number"), lambda r: shown_number(r.in_number)),
            Column(self.tr("Letter date"), lambda r: shown_date(r.in_date)),
            Column(self.tr("Subject"), lambda r: r.subject, 240),
            Column(self.tr("Answer due"), lambda r: shown_date(r.due_on)),
            Column(self.tr("Answer"), lambda r: self.tr("{number} on {date}").format(
                number=shown_number(r.out_number), date=shown_date(r.out_date)) if r.out_date else "—"),
            Column(self.tr("Status"), lambda r: oversight.STATUSES[r.status]),
        ], background=lambda r: RegisterModel.OVERDUE_BACKGROUND if r.overdue else None, parent=self)
        self.table = QTableView()
        self.table.setObjectName("letter_table")
        self.table.setModel(self.model)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.activated.connect(lambda _i: self.answer())
        self.rates = text_label("letter_rates")
        add = push_button(self.tr("Register a letter…"), name="new_letter",
                          tip=self.tr("Register a letter received from an oversight body"), on_click=self.add)
        answer = push_button(self.tr("Record the answer…"), name="answer_letter",
                             tip=self.tr("Record the answer sent to the selected letter"),
                             on_click=self.answer)
        for button in (add, answer):
            button.setVisible(ctx.can("oversight.edit"))
        for col, width in enumerate((220, 90, 90, 200, 90, 160)):
            self.table.setColumnWidth(col, width)
        top = button_row(QLabel(self.tr("Letters from oversight bodies and their answers (16/2–16/8)")),
                         end=(answer, add))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addWidget(self.rates)
        layout.addWidget(self.table, 1)

    def refresh(self) -> None:
        rows = oversight.list_letters(self.ctx.store, self.ctx.actor)
        self.model.set_rows(rows)
        parts = []
        for body, (name, code) in oversight.BODIES.items():
            own = [r for r in rows if r.body == body and r.status != "closed"]
            if own:
                parts.append(self.tr("{code} {name}: {rate} on time").format(
                    code=shown_number(code), name=name,
                    rate=shown_percent(sum(r.on_time for r in own) / len(own) * 100)))
        self.rates.setText("؛ ".join(parts) or self.tr("No letters yet."))

    def add(self) -> None:
        if LetterDialog(self.ctx, self).exec() == QDialog.DialogCode.Accepted:
            self.refresh()

    def answer(self) -> None:
        row = current_row(self.table)
        if row is None or not self.ctx.can("oversight.edit") or row.office_code != self.ctx.actor.office_code:
            return
        if LetterDialog(self.ctx, self, row).exec() == QDialog.DialogCode.Accepted:
            self.refresh()


class RightsScreen(QWidget):
    """Tabs: complaints, surveys, oversight letters."""

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.register = ComplaintRegister(ctx)
        self.surveys = SurveysPanel(ctx)
        self.letters = LettersPanel(ctx)
        self.tabs = QTabWidget()
        self.tabs.setObjectName("rights_tabs")
        self.tabs.addTab(self.register, self.tr("Complaints and letters"))
        self.tabs.addTab(self.surveys, self.tr("Satisfaction surveys"))
        self.tabs.addTab(self.letters, self.tr("Oversight bodies"))
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs)

    def refresh(self, wait: bool = False) -> None:
        self.register.apply_filters(wait=wait)
        self.surveys.refresh()
        self.letters.refresh()

    def screenshot_states(self) -> list[tuple[str, QWidget]]:
        """The register, the overdue filter, the surveys, the letters, the entry dialog."""
        self.refresh(wait=True)
        size = self.size()
        out: list[tuple[str, QWidget]] = [("complaints", self.window())]
        overdue = ComplaintRegister(self.ctx)
        overdue.resize(size)
        overdue.state.blockSignals(True)
        _select(overdue.state, "overdue")
        overdue.state.blockSignals(False)
        overdue.apply_filters(wait=True)
        out.append(("overdue", overdue))
        for name, panel in (("surveys", SurveysPanel(self.ctx)), ("letters", LettersPanel(self.ctx))):
            panel.resize(size)
            panel.refresh()
            out.append((name, panel))
        if self.ctx.can("complaints.edit"):
            rows = cm.list_complaints(self.ctx.store, self.ctx.actor, cm.ComplaintQuery(state="answered"), limit=1)
            dialog = ComplaintDialog(self.ctx, self, rows[0] if rows else None)
            dialog.adjustSize()
            out.append(("complaint-dialog", dialog))
        return out

