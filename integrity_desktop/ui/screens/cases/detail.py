"""A case file: its data, a vertical timeline of its events, the next steps the law allows.

Only the steps ``CaseFile.allowed_next`` names get a button, so a step the lifecycle forbids
cannot be asked for here; the service refuses it anyway.  A step is never edited: «اصلاح» and
«ابطال» record new events that follow it.  Every opening of a case file is audited by
``services.cases.register.get_case_file``; roles without ``cases.view_personal`` get «محرمانه» in every
personal field and no edit buttons.
"""

from __future__ import annotations

import html
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFileDialog,
    QFormLayout,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from integrity_desktop.filenames import dated_name
from integrity_desktop.services.cases import lifecycle as lc
from integrity_desktop.services.cases import register as cases
from integrity_desktop.services.store import evidence
from integrity_desktop.ui.context import UiContext
from integrity_desktop.ui.operations import attempt
from integrity_desktop.ui.tasks import run_task
from integrity_desktop.ui.text import isolate, join_list, shown_date, shown_number
from integrity_desktop.ui.widgets import palette
from integrity_desktop.ui.widgets.buttons import button_row, push_button
from integrity_desktop.ui.widgets.combos import choice_combo
from integrity_desktop.ui.widgets.fields import text_box
from integrity_desktop.ui.widgets.form_errors import SavingDialog, finish_form
from integrity_desktop.ui.widgets.jalali_date_edit import JalaliDateEdit
from integrity_desktop.ui.widgets.messages import show_info
from integrity_desktop.ui.widgets.open_evidence import open_by_id

OVERDUE_COLOUR = palette.ERROR
STATUS_COLOURS = {"applied": palette.OK, "corrected": palette.CORRECTED, "amendment": palette.INFO}


def _leading(label: QLabel) -> QLabel:
    """Align a value to the reading start even when it has no strong letters (digits, Latin)."""
    side = Qt.AlignmentFlag.AlignRight if label.isRightToLeft() else Qt.AlignmentFlag.AlignLeft
    label.setAlignment(side | Qt.AlignmentFlag.AlignAbsolute | Qt.AlignmentFlag.AlignTop)
    return label


def _lookup_combo(ctx: UiContext, kind: str, current: str | None, name: str) -> QComboBox:
    combo = choice_combo(name=name)
    combo.addItem(QCoreApplication.translate("CaseDetail", "(choose)"), None)
    for item in cases.lookup_items(ctx.store, kind):
        combo.addItem(item.title_fa, item.code)
    if current:
        i = combo.findData(current)
        if i >= 0:
            combo.setCurrentIndex(i)
    return combo


class DocumentsPicker(QWidget):
    """Files chosen to attach (paths kept; copied into the store only after saving)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.paths: list[Path] = []
        self.list = QListWidget()
        self.list.setObjectName("documents")
        self.list.setFixedHeight(70)
        self.add_button = push_button(self.tr("Add file…"), tip=self.tr("Choose a document to attach"),
                                      on_click=self.choose)
        self.remove_button = push_button(self.tr("Remove"),
                                         tip=self.tr("Remove the selected document from the list"),
                                         on_click=self.remove_current)
        buttons = QVBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.remove_button)
        buttons.addStretch(1)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.list, 1)
        layout.addLayout(buttons)

    def add_path(self, path: Path) -> None:
        self.paths.append(path)
        item = QListWidgetItem(evidence.display_name(str(path)))
        item.setToolTip(str(path))
        self.list.addItem(item)

    def choose(self) -> None:
        names, _ = QFileDialog.getOpenFileNames(self, self.tr("Documents to attach"))
        for name in names:
            self.add_path(Path(name))

    def remove_current(self) -> None:
        row = self.list.currentRow()
        if row >= 0:
            self.list.takeItem(row)
            del self.paths[row]


def attach_documents(
    parent: QWidget, ctx: UiContext, event_id: str, paths: list[Path], on_done: object = None
) -> None:
    """Copy files into the store off the GUI thread and attach them to a step."""
    if not paths:
        return
    store, actor = ctx.store, ctx.actor

    def work(report: Callable[[int, int, str], None]) -> int:
        return evidence.attach_all(store, actor, "case_event", event_id, paths, report)

    run_task(parent, work, on_done, title=QCoreApplication.translate("CaseDetail", "Attaching documents…"))  # type: ignore[arg-type]


class AddEventDialog(SavingDialog):
    """The next step of a case: date, note, penalty and board for verdicts, documents."""

    def __init__(
        self,
        ctx: UiContext,
        case_id: str,
        stage: str,
        parent: QWidget | None = None,
        after_date: object = None,
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.case_id = case_id
        self.stage = stage
        self.saved: cases.CaseSummary | None = None
        self.setWindowTitle(self.tr("Record step: {step}").format(step=lc.STATE_LABELS_FA[stage]))
        self.setMinimumWidth(520)
        form = QFormLayout()
        step = QLabel(f"<b>{lc.STATE_LABELS_FA[stage]}</b>")
        form.addRow(self.tr("Step:"), step)
        self.event_date = JalaliDateEdit()
        self.event_date.setObjectName("event_date")
        form.addRow(self.tr("Date of the step:"), self.event_date)
        self.penalty: QComboBox | None = None
        self.board: QComboBox | None = None
        if stage in lc.VERDICT_STAGES:
            self.penalty = _lookup_combo(ctx, "penalty", None, "penalty")
            self.board = _lookup_combo(ctx, "board", None, "board")
            form.addRow(self.tr("Penalty (the verdict):"), self.penalty)
            form.addRow(self.tr("Deciding board:"), self.board)
        self.note = text_box("note", 80, fixed=True)
        form.addRow(self.tr("Description:"), self.note)
        self.documents = DocumentsPicker()
        form.addRow(self.tr("Documents:"), self.documents)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        self.error, _buttons = finish_form(self, layout, self.save, ok_text=self.tr("Record"))
        self.event_date.setFocus()

    def _write(self) -> None:
        self.saved = cases.add_event(
            self.ctx.store,
            self.ctx.actor,
            self.case_id,
            self.stage,
            event_date=self.event_date.line.text(),
            note=self.note.toPlainText(),
            penalty_code=self.penalty.currentData() if self.penalty else None,
            board_code=self.board.currentData() if self.board else None,
        )


class CorrectEventDialog(SavingDialog):
    """A correction of a step: a new event with the right date, note, penalty or board."""

    def __init__(self, ctx: UiContext, entry: cases.TimelineEntry, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.entry = entry
        self.setWindowTitle(self.tr("Correct step: {step}").format(step=entry.kind_label))
        self.setMinimumWidth(500)
        form = QFormLayout()
        hint = QLabel(
            self.tr("The step stays in the file as it was; the correction is recorded as a new event.")
        )
        hint.setWordWrap(True)
        form.addRow(hint)
        self.event_date = JalaliDateEdit()
        self.event_date.setObjectName("event_date")
        self.event_date.set_value(entry.event_date)
        form.addRow(self.tr("Date of the step:"), self.event_date)
        self.penalty: QComboBox | None = None
        self.board: QComboBox | None = None
        if entry.kind in lc.VERDICT_STAGES:
            self.penalty = _lookup_combo(ctx, "penalty", entry.penalty_code, "penalty")
            self.board = _lookup_combo(ctx, "board", entry.board_code, "board")
            form.addRow(self.tr("Penalty (the verdict):"), self.penalty)
            form.addRow(self.tr("Deciding board:"), self.board)
        self.note = QPlainTextEdit(entry.note)
        self.note.setObjectName("note")
        self.note.setTabChangesFocus(True)
        self.note.setFixedHeight(80)
        form.addRow(self.tr("Description:"), self.note)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        self.error, _buttons = finish_form(self, layout, self.save, ok_text=self.tr("Record correction"))

    def _write(self) -> None:
        cases.correct_event(
            self.ctx.store,
            self.ctx.actor,
            self.entry.id,
            event_date=self.event_date.line.text(),
            note=self.note.toPlainText(),
            penalty_code=self.penalty.currentData() if self.penalty else None,
            board_code=self.board.currentData() if self.board else None,
        )


class EventCard(QFrame):
    """One event of the timeline: what, when, who, how it counts, its documents."""

    def __init__(self, detail: CaseDetailWidget, entry: cases.TimelineEntry, is_last_step: bool) -> None:
        super().__init__()
        self.entry = entry
        self.setObjectName("event_card")
        colour = STATUS_COLOURS.get(entry.status, palette.DISABLED)
        amendment = entry.kind in lc.AMENDMENTS
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setStyleSheet(
            f"QFrame#event_card {{ border: 1px solid {palette.CARD_BORDER}; border-right: 5px solid {colour};"
            f" border-radius: 4px; background: {palette.CARD_SHADE if amendment else palette.WHITE}; }}"
        )
        title = QLabel(f"<b>{entry.kind_label}</b>")
        date = QLabel(shown_date(entry.event_date))
        date.setObjectName("event_date")
        status = QLabel(getattr(lc, "STATUS_LABELS_FA", {}).get(entry.status, entry.status))
        status.setStyleSheet(f"color: {colour}")
        top = button_row(title, QLabel("—"), date, end=[status])
        grid = QGridLayout()
        grid.setColumnStretch(1, 1)
        row = 0

        def add(label: str, value: str) -> None:
            nonlocal row
            if not value:
                return
            text = _leading(QLabel(value))
            text.setWordWrap(True)
            text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            grid.addWidget(QLabel(label), row, 0, Qt.AlignmentFlag.AlignTop)
            grid.addWidget(text, row, 1)
            row += 1

        add(self.tr("Recorded by:"), entry.actor_name or entry.actor)
        add(self.tr("Penalty:"), entry.penalty_label)
        add(self.tr("Deciding board:"), entry.board_label)
        add(self.tr("Description:"), entry.note)
        if entry.documents:
            add(
                self.tr("Documents:"),
                join_list(
                    self.tr("{name} ({size} KB)").format(
                        name=isolate(d.filename), size=shown_number(max(1, round(d.size / 1024)))
                    )
                    for d in entry.documents
                ),
            )
        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 6, 10, 6)
        layout.addLayout(top)
        layout.addLayout(grid)
        self.correct_button: QPushButton | None = None
        self.withdraw_button: QPushButton | None = None
        self.attach_button: QPushButton | None = None
        self.open_buttons: list[QPushButton] = []
        if detail.ctx.can("cases.view_personal"):
            for doc in entry.documents:
                btn = push_button(self.tr("Open {name}").format(name=isolate(doc.filename)),
                                  tip=self.tr("Open this document with the system's viewer"),
                                  on_click=lambda _=False, i=doc.id: detail.open_document(i))
                self.open_buttons.append(btn)
        actions = QHBoxLayout()
        for btn in self.open_buttons:
            actions.addWidget(btn)
        if detail.ctx.can("cases.edit") and entry.status in ("applied", "corrected"):
            self.correct_button = push_button(
                self.tr("Correct…"), name="correct",
                tip=self.tr("Correct a mistake in this step; what was first recorded is kept"),
                on_click=lambda: detail.correct(entry))
            actions.addWidget(self.correct_button)
            self.attach_button = push_button(self.tr("Attach document…"),
                                             tip=self.tr("Attach letters or documents to this step"),
                                             on_click=lambda: detail.attach_to(entry))
            actions.addWidget(self.attach_button)
            if is_last_step and entry.kind != lc.REPORTED:
                self.withdraw_button = push_button(
                    self.tr("Withdraw (recorded by mistake)…"), name="withdraw",
                    tip=self.tr("Set aside a step that should not have been recorded; it is not deleted"),
                    on_click=lambda: detail.withdraw(entry))
                actions.addWidget(self.withdraw_button)
        actions.addStretch(1)
        if actions.count() > 1:
            layout.addLayout(actions)


class CaseDetailWidget(QWidget):
    """The case file of one case.  Signals: ``changed`` after a step was recorded; ``closed``."""

    changed = Signal()
    closed = Signal()

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.case_file: cases.CaseFile | None = None
        self.last_export: Path | None = None
        self.back_button = push_button(self.tr("← Back to the register"), name="back",
                                       tip=self.tr("Back to the list of cases"), on_click=self.closed.emit)
        back = QShortcut(QKeySequence(Qt.Key.Key_Escape), self, self.closed.emit)
        back.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.title = QLabel()
        self.title.setObjectName("case_title")
        self.pdf_button = push_button(self.tr("Case file PDF…"), name="case_pdf",
                                      tip=self.tr("Save the case file as a PDF to print"),
                                      on_click=lambda: self.export_pdf())
        top = button_row(self.title, end=(self.pdf_button, self.back_button))

        self.fields = QFormLayout()
        self.field_labels: dict[str, QLabel] = {}
        for key, label in [
            ("employee_name", self.tr("Employee:")),
            ("national_code", self.tr("National code:")),
            ("employee_post", self.tr("Post:")),
            ("unit", self.tr("Unit:")),
            ("reporter", self.tr("Reported by:")),
            ("reported_on", self.tr("Report date:")),
            ("state", self.tr("State:")),
            ("due", self.tr("Next step due:")),
            ("violations", self.tr("Alleged violations:")),
            ("summary", self.tr("Summary:")),
            ("source", self.tr("Referred from:")),
        ]:
            value = _leading(QLabel())
            value.setObjectName(key)
            value.setWordWrap(True)
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            self.field_labels[key] = value
            self.fields.addRow(label, value)
        # A case referred from an inspection finding links back to that visit (issue 16 item 8).
        self.field_labels["source"].setTextInteractionFlags(Qt.TextInteractionFlag.TextBrowserInteraction)
        self.field_labels["source"].linkActivated.connect(lambda _link: self.open_source_visit())
        info = QFrame()
        info.setLayout(self.fields)
        info.setMaximumWidth(440)

        self.next_box = QHBoxLayout()
        self.next_label = QLabel(self.tr("Next step:"))
        self.step_buttons: dict[str, QPushButton] = {}
        self.timeline_box = QVBoxLayout()
        self.timeline_box.setSpacing(8)
        timeline_host = QWidget()
        host_layout = QVBoxLayout(timeline_host)
        host_layout.addLayout(self.timeline_box)
        host_layout.addStretch(1)
        self.timeline_scroll = QScrollArea()
        self.timeline_scroll.setWidgetResizable(True)
        self.timeline_scroll.setWidget(timeline_host)
        right = QVBoxLayout()
        timeline_title = QLabel(self.tr("Timeline of the case"))
        timeline_title.setStyleSheet("font-weight: bold")
        right.addWidget(timeline_title)
        right.addWidget(self.timeline_scroll, 1)
        right.addLayout(self.next_box)

        body = QHBoxLayout()
        body.addWidget(info)
        body.addLayout(right, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addLayout(body, 1)
        self.cards: list[EventCard] = []

    # ------------------------------------------------------------------ loading
    def load(self, case_id: str) -> None:
        """Open a case file (the service logs this view)."""
        done = attempt(self, lambda: cases.get_case_file(self.ctx.store, self.ctx.actor, case_id))
        if not done:
            return
        self.case_file = done.value
        self._show()

    def reload(self) -> None:
        if self.case_file is not None:
            self.load(self.case_file.case.id)

    def _source_text(self) -> str:
        source = self.case_file.source if self.case_file is not None else None
        if source is None:
            return ""
        where = self.tr("the finding of the visit to {unit} on {date}").format(
            unit=html.escape(source.unit_name), date=shown_date(source.visit_date))
        link = self.tr("Open the visit")
        return f"{where}<br><a href='visit'>{link}</a>"

    def open_source_visit(self) -> None:
        """The visit the case was referred from, in its own window (read-only for a case officer)."""
        from integrity_desktop.ui.screens.inspections.visit_editor import VisitEditor

        source = self.case_file.source if self.case_file is not None else None
        if source is None:
            return
        done = attempt(self, lambda: VisitEditor(self.ctx, source.visit_id, None, self))
        if not done:
            return
        editor = done.value
        self.source_visit = editor  # tests look at it
        editor.open()

    def _show(self) -> None:
        f = self.case_file
        assert f is not None
        c = f.case
        title = self.tr("Case {number}").format(number=c.case_number_fa)
        self.title.setText(f"<h2>{title}</h2>")
        due = shown_date(c.due_on)
        if c.overdue:
            late = self.tr("overdue")
            due = f"<span style='color:{OVERDUE_COLOUR}'><b>{due} — {late}</b></span>"
        values = {
            "employee_name": c.employee_name,
            "national_code": c.national_code if c.anonymised else shown_number(c.national_code),
            "employee_post": c.employee_post or "—",
            "unit": c.unit_name or "—",
            "reporter": c.reporter,
            "reported_on": shown_date(c.reported_on),
            "state": f"<b>{c.state_label}</b>",
            "due": due or "—",
            "violations": "<br>".join(f"• {v.title_fa}" for v in f.violations) or "—",
            "summary": f.summary or "—",
            "source": self._source_text(),
        }
        for key, text in values.items():
            self.field_labels[key].setText(text)
        self.fields.setRowVisible(self.field_labels["source"], f.source is not None)
        # timeline
        for card in self.cards:
            card.setParent(None)
            card.deleteLater()
        self.cards = []
        last_step = f.steps[-1].id if f.steps else None
        for entry in f.timeline:
            card = EventCard(self, entry, entry.id == last_step)
            self.timeline_box.addWidget(card)
            self.cards.append(card)
        # next steps: exactly those the lifecycle allows
        while self.next_box.count():
            item = self.next_box.takeAt(0)
            assert item is not None  # count() > 0
            w = item.widget()
            if w is not None and w is not self.next_label:
                w.deleteLater()
        self.step_buttons = {}
        if self.ctx.can("cases.edit") and f.allowed_next:
            self.next_label.show()
            self.next_box.addWidget(self.next_label)
            for stage in f.allowed_next:
                btn = push_button(lc.STATE_LABELS_FA[stage] + "…", name=f"step_{stage}",
                                  tip=self.tr("Record this as the next step of the case"),
                                  on_click=lambda _=False, s=stage: self.add_step(s))
                self.next_box.addWidget(btn)
                self.step_buttons[stage] = btn
            self.next_box.addStretch(1)
        else:
            self.next_label.hide()
            if self.ctx.can("cases.edit"):
                done = QLabel(self.tr("This case has no further step."))
                self.next_box.addWidget(done)

    # ------------------------------------------------------------------ actions
    def add_step(self, stage: str, dialog: AddEventDialog | None = None) -> None:
        assert self.case_file is not None
        dialog = dialog or AddEventDialog(self.ctx, self.case_file.case.id, stage, self)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        self.after_step(stage, dialog.documents.paths)

    def after_step(self, stage: str, paths: list[Path]) -> None:
        self.reload()
        self.changed.emit()
        if paths and self.case_file is not None:
            steps = [e for e in self.case_file.steps if e.kind == stage]
            if steps:
                attach_documents(self, self.ctx, steps[-1].id, paths, lambda _n: self.reload())

    def correct(self, entry: cases.TimelineEntry) -> None:
        if CorrectEventDialog(self.ctx, entry, self).exec() == QDialog.DialogCode.Accepted:
            self.reload()
            self.changed.emit()

    def withdraw(self, entry: cases.TimelineEntry, reason: str | None = None) -> None:
        if reason is None:
            reason, ok = QInputDialog.getText(
                self,
                self.tr("Withdraw a step"),
                self.tr("Why was «{step}» recorded by mistake?").format(step=entry.kind_label),
            )
            if not ok:
                return
        if not attempt(self, lambda: cases.withdraw_event(self.ctx.store, self.ctx.actor, entry.id, reason=reason)):
            return
        self.reload()
        self.changed.emit()

    def attach_to(self, entry: cases.TimelineEntry) -> None:
        names, _ = QFileDialog.getOpenFileNames(self, self.tr("Documents to attach"))
        attach_documents(self, self.ctx, entry.id, [Path(n) for n in names], lambda _n: self.reload())

    def open_document(self, evidence_id: str) -> None:
        open_by_id(self, self.ctx.store, evidence_id)

    def export_pdf(self, out: Path | None = None) -> None:
        """Write the case file PDF off the GUI thread (anonymised for non-personal roles)."""
        if self.case_file is None:
            return
        if out is None:
            name, _ = QFileDialog.getSaveFileName(
                self,
                self.tr("Save the case file"),
                dated_name(f"case-{self.case_file.case.case_number}", ".pdf"),
                "PDF (*.pdf)",
            )
            if not name:
                return
            out = Path(name)
        from integrity_desktop.reports import case_reports
        from integrity_desktop.reports.registry import ReportParams

        store, actor, case_id, target = self.ctx.store, self.ctx.actor, self.case_file.case.id, out

        def work(_report: object) -> Path:
            case_reports.write_case_file(store, actor, ReportParams(subject=case_id), target, "pdf")
            return target

        def done(path: Path) -> None:
            self.last_export = path
            show_info(self, self.tr("Case file PDF"), self.tr("Saved: {path}").format(path=isolate(path)))

        run_task(self, work, done, title=self.tr("Writing the case file…"))
