"""Sync: write a bundle for the other side, check and import a received one, the import
history, this office's keys and the offices whose keys this store trusts.

Every slow step (signing and writing a bundle, decrypting and checking one, merging it) runs
through ``run_task``; the widgets only show what the ``integrity_desktop.sync`` services return.
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    Qt,
)
from PySide6.QtGui import QColor, QGuiApplication
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from integrity_desktop import jalali
from integrity_desktop.errors import UserError
from integrity_desktop.services import keys, offices
from integrity_desktop.services.seed import HQ
from integrity_desktop.ui.app import current_lang
from integrity_desktop.ui.context import UiContext
from integrity_desktop.ui.dialogs.passphrase import ask_passphrase
from integrity_desktop.ui.tasks import run_task
from integrity_desktop.ui.text import shown_number
from integrity_desktop.ui.widgets.messages import error_text
from integrity_desktop.ui.widgets.table_models import Column, PagedModel

if TYPE_CHECKING:  # a typed QT_TRANSLATE_NOOP: PySide6's stub says it returns object
    from integrity_desktop.ui.i18n import QT_TRANSLATE_NOOP
else:
    from PySide6.QtCore import QT_TRANSLATE_NOOP

BUNDLE_FILTER = QT_TRANSLATE_NOOP("SyncScreen", "Sync bundles (*.itb *.zip *.age);;All files (*)")

# Persian names of record types (the bundle's own names are ASCII).
RECORD_TYPES: dict[str, str] = {
    "office": QT_TRANSLATE_NOOP("SyncScreen", "Offices"),
    "unit": QT_TRANSLATE_NOOP("SyncScreen", "Units"),
    "lookup": QT_TRANSLATE_NOOP("SyncScreen", "Lookup lists"),
    "template": QT_TRANSLATE_NOOP("SyncScreen", "Checklist templates"),
    "template_section": QT_TRANSLATE_NOOP("SyncScreen", "Template sections"),
    "template_item": QT_TRANSLATE_NOOP("SyncScreen", "Template items"),
    "checklist": QT_TRANSLATE_NOOP("SyncScreen", "Checklists"),
    "checklist_entry": QT_TRANSLATE_NOOP("SyncScreen", "Checklist answers"),
    "inspector": QT_TRANSLATE_NOOP("SyncScreen", "Inspectors"),
    "inspection_plan": QT_TRANSLATE_NOOP("SyncScreen", "Inspection plans"),
    "plan_item": QT_TRANSLATE_NOOP("SyncScreen", "Plan items"),
    "visit": QT_TRANSLATE_NOOP("SyncScreen", "Inspection visits"),
    "finding": QT_TRANSLATE_NOOP("SyncScreen", "Findings"),
    "corrective_action": QT_TRANSLATE_NOOP("SyncScreen", "Corrective actions"),
    "case": QT_TRANSLATE_NOOP("SyncScreen", "Violation cases"),
    "case_event": QT_TRANSLATE_NOOP("SyncScreen", "Case steps"),
    "evidence": QT_TRANSLATE_NOOP("SyncScreen", "Evidence files"),
}


def tr(text: str) -> str:
    return QCoreApplication.translate("SyncScreen", text)


def record_type_label(record_type: str) -> str:
    label = RECORD_TYPES.get(record_type)
    return tr(label) if label else record_type


def shown_datetime(value: _dt.datetime | None) -> str:
    """A stored UTC time as local Jalali date and time, Persian digits in the Persian UI."""
    if value is None:
        return ""
    if value.tzinfo is None:
        value = value.replace(tzinfo=_dt.UTC)
    text = jalali.format_datetime(value.astimezone().replace(tzinfo=None))
    return shown_number(text)


def ltr(widget: QWidget) -> QWidget:
    """Latin text (paths, keys, codes) keeps its own direction inside the Persian screen."""
    widget.setLayoutDirection(Qt.LayoutDirection.LeftToRight)
    return widget


# ------------------------------------------------------------------------------ table models
class PagedTableModel(PagedModel):
    """``PagedModel`` with columns as (header, getter) pairs and a colour name per row."""

    PAGE = 200

    def __init__(
        self,
        columns: Sequence[tuple[str, Callable[[Any], str]]],
        fetch: Callable[[int, int], Sequence[Any]],
        count: Callable[[], int],
        tint: Callable[[Any], str | None] | None = None,
        parent: Any = None,
    ) -> None:
        background = None
        if tint is not None:
            def background(row: Any) -> QColor | None:
                colour = tint(row)
                return QColor(colour) if colour else None
        super().__init__([Column(h, g) for h, g in columns], fetch, count, background, parent)

    def row_at(self, row: int) -> Any:
        return self.rows[row]


class ListTableModel(PagedTableModel):
    """The same model over a short list already in memory (a summary, a key list)."""

    def __init__(
        self,
        columns: Sequence[tuple[str, Callable[[Any], str]]],
        tint: Callable[[Any], str | None] | None = None,
        parent: Any = None,
    ) -> None:
        self._items: list[Any] = []
        super().__init__(columns, lambda o, n: self._items[o : o + n], lambda: len(self._items), tint, parent)

    def set_items(self, items: Sequence[Any]) -> None:
        self._items = list(items)
        self.reload()


def make_table(model: QAbstractTableModel, name: str) -> QTableView:
    view = QTableView()
    view.setObjectName(name)
    view.setModel(model)
    view.verticalHeader().setVisible(False)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setAlternatingRowColors(True)
    view.setTabKeyNavigation(False)
    header = view.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    header.setStretchLastSection(True)
    return view


def _error_label(name: str) -> QLabel:
    label = QLabel()
    label.setObjectName(name)
    label.setWordWrap(True)
    label.setStyleSheet("color: #c62828")
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return label


def _row(*widgets: QWidget, stretch: bool = True) -> QHBoxLayout:
    box = QHBoxLayout()
    for w in widgets:
        box.addWidget(w)
    if stretch:
        box.addStretch(1)
    return box


def is_encrypted_bundle(path: Path) -> bool:
    """An age file (needs the office passphrase to open) rather than a plain ZIP bundle."""
    from integrity_desktop.sync.bundle_format import AGE_MAGIC

    try:
        with Path(path).open("rb") as fh:
            return fh.read(len(AGE_MAGIC)) == AGE_MAGIC
    except OSError:
        return False


@dataclass(frozen=True)
class SummaryRow:
    """One record type of an import summary, as the summary table shows it."""

    record_type: str
    created: int
    updated: int
    unchanged: int
    conflicts: int
    rejected: int
    reasons_fa: tuple[str, ...]


@dataclass(frozen=True)
class SummaryView:
    """What the import tab shows of ``merge.ImportSummary`` (built in the worker)."""

    source_office: str
    seq: int
    outcome: str  # accepted | replay
    dry_run: bool
    rows: tuple[SummaryRow, ...]
    notes_fa: tuple[str, ...]
    notes_en: tuple[str, ...]

    @property
    def nothing_to_do(self) -> bool:
        return not any(r.created or r.updated or r.conflicts for r in self.rows)

    @classmethod
    def of(cls, summary: Any) -> SummaryView:
        from integrity_desktop.sync.bundle_format import sync_order

        reasons: dict[str, list[str]] = {}
        for rej in summary.rejections:
            text = rej.reason_fa + (f" ({rej.detail})" if rej.detail else "")
            reasons.setdefault(rej.record_type, []).append(f"{rej.record_id[:8]}: {text}")
        order = {t: i for i, t in enumerate(sync_order())}
        notices = [n for n in summary.notices if n.code != "replay"]  # the heading says it
        rows = tuple(
            SummaryRow(
                t, c.created, c.updated, c.unchanged, c.conflicts, c.rejected, tuple(reasons.get(t, ()))
            )
            for t, c in sorted(summary.counts.items(), key=lambda kv: order.get(kv[0], 99))
        )
        return cls(
            summary.source_office,
            summary.seq,
            summary.outcome,
            summary.dry_run,
            rows,
            tuple(n.fa for n in notices),
            tuple(n.en for n in notices),
        )


# ------------------------------------------------------------------------------ the screen
class SyncScreen(QWidget):
    """Tabs: export, import, import history, keys.  ``start_import(path)`` opens a bundle file
    (a double-clicked ``.itb``) on the import tab and runs its dry run."""

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("sync")
        self.is_hq = ctx.store.office_code == HQ
        self.ask_passphrase = ask_passphrase  # replaced in tests
        self._dry_run: Any = None  # the last dry-run result, for the confirmation
        self._dry_path: Path | None = None
        self._dry_passphrase: str | None = None
        self.tabs = QTabWidget()
        self.tabs.setObjectName("sync_tabs")
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs)
        self.export_tab = self._export_tab()
        self.import_tab = self._import_tab()
        self.history_tab = self._history_tab()
        self.keys_tab = self._keys_tab()
        if ctx.can("sync.export"):
            self.tabs.addTab(self.export_tab, self.tr("Send a bundle"))
        if ctx.can("sync.import"):
            self.tabs.addTab(self.import_tab, self.tr("Receive a bundle"))
        if ctx.can("sync.import"):
            self.tabs.addTab(self.history_tab, self.tr("Import history"))
        self.tabs.addTab(self.keys_tab, self.tr("Keys and trust"))

    # ----------------------------------------------------------------------- export
    def _export_tab(self) -> QWidget:
        page = QWidget()
        intro = QLabel(
            self.tr(
                "A bundle carries this office's changes to the other side on a USB stick or by "
                "mail. It is signed with the office key; it can also be encrypted so that only the "
                "recipient can open it."
            )
        )
        intro.setWordWrap(True)
        form = QFormLayout()
        self.recipient = QComboBox()
        self.recipient.setObjectName("recipient")
        if self.is_hq:
            for office in offices.list_offices(self.ctx.store):
                if office.code != HQ:
                    self.recipient.addItem(office.name_fa, office.code)
            form.addRow(self.tr("Bundle for:"), self.recipient)
        self.export_path = QLineEdit()
        self.export_path.setObjectName("export_path")
        ltr(self.export_path)
        choose = QPushButton(self.tr("Choose…"))
        choose.setObjectName("choose_export")
        choose.clicked.connect(self.choose_export_path)
        path_row = QHBoxLayout()
        path_row.addWidget(self.export_path, 1)
        path_row.addWidget(choose)
        form.addRow(self.tr("Save as:"), path_row)
        self.full = QCheckBox(
            self.tr(
                "Everything the recipient may see (full bundle), not only "
                "the changes since the previous bundle"
            )
        )
        self.full.setObjectName("full")
        form.addRow("", self.full)
        self.encrypt = QCheckBox(self.tr("Encrypt for the recipient"))
        self.encrypt.setObjectName("encrypt")
        self.encrypt_to = QLineEdit()
        self.encrypt_to.setObjectName("encrypt_to")
        self.encrypt_to.setPlaceholderText("age1…")
        ltr(self.encrypt_to)
        self.encrypt_to.setEnabled(False)
        self.encrypt.toggled.connect(self.encrypt_to.setEnabled)
        form.addRow("", self.encrypt)
        form.addRow(self.tr("Recipient's age key:"), self.encrypt_to)
        self.export_button = QPushButton(self.tr("Write the bundle…"))
        self.export_button.setObjectName("export_button")
        self.export_button.clicked.connect(self.export)
        self.export_error = _error_label("export_error")
        self.export_result = QLabel()
        self.export_result.setObjectName("export_result")
        self.export_result.setWordWrap(True)
        self.export_result.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout = QVBoxLayout(page)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addLayout(_row(self.export_button))
        layout.addWidget(self.export_error)
        layout.addWidget(self.export_result)
        layout.addStretch(1)
        self._suggest_export_path()
        return page

    def _suggest_export_path(self) -> None:
        stamp = _dt.date.today().strftime("%Y%m%d")
        target = self.recipient.currentData() if self.is_hq else HQ
        name = f"{self.ctx.store.office_code}-to-{target}-{stamp}.itb"
        self.export_path.setText(str(Path.home() / name))
        if self.is_hq:
            self.recipient.currentIndexChanged.connect(lambda _i: self._retarget_export_path())

    def _retarget_export_path(self) -> None:
        stamp = _dt.date.today().strftime("%Y%m%d")
        name = f"{self.ctx.store.office_code}-to-{self.recipient.currentData()}-{stamp}.itb"
        folder = Path(self.export_path.text()).parent if self.export_path.text() else Path.home()
        self.export_path.setText(str(folder / name))

    def choose_export_path(self) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("Save the bundle as"), self.export_path.text(), tr(BUNDLE_FILTER)
        )
        if path:
            self.export_path.setText(path)

    def export(self) -> None:
        self.export_error.clear()
        self.export_result.clear()
        out = self.export_path.text().strip()
        if not out:
            self.export_error.setText(self.tr("Choose where to save the bundle."))
            return
        encrypt_to = self.encrypt_to.text().strip() if self.encrypt.isChecked() else None
        if self.encrypt.isChecked() and not encrypt_to:
            self.export_error.setText(self.tr("Paste the recipient's age key (it starts with age1)."))
            return
        passphrase = self.ask_passphrase(
            self, self.tr("The bundle is signed with this office's key. Type the key passphrase.")
        )
        if passphrase is None:
            return
        for_office = str(self.recipient.currentData()) if self.is_hq else None
        full = self.full.isChecked()
        store, actor = self.ctx.store, self.ctx.actor

        def work(report: Callable[[int, int, str], None]) -> Any:
            from integrity_desktop.sync.export import export_bundle

            report(0, 0, QCoreApplication.translate("SyncScreen", "Opening the office key…"))
            key = keys.signing_key(store, passphrase)
            report(0, 0, QCoreApplication.translate("SyncScreen", "Writing the bundle…"))
            return export_bundle(
                store, actor, Path(out), key, full=full, encrypt_to=encrypt_to, for_office=for_office
            )

        self.export_button.setEnabled(False)
        run_task(self, work, self._exported, self._export_failed, title=self.tr("Writing the bundle…"))

    def _exported(self, result: Any) -> None:
        self.export_button.setEnabled(True)
        counts = ", ".join(
            f"{record_type_label(t)}: {shown_number(n)}" for t, n in result.record_counts.items()
        ) or self.tr("no changes")
        text = self.tr(
            "Bundle number {seq} written to:\n{path}\n{records} records ({counts}); "
            "{files} evidence files; {size} KB{encrypted}."
        ).format(
            seq=shown_number(result.seq),
            path=str(result.path),
            records=shown_number(sum(result.record_counts.values())),
            counts=counts,
            files=shown_number(result.evidence_files),
            size=shown_number(max(1, round(result.size / 1024))),
            encrypted=self.tr(", encrypted") if result.encrypted else "",
        )
        self.export_result.setText(text)

    def _export_failed(self, exc: BaseException) -> None:
        self.export_button.setEnabled(True)
        self.export_error.setText(error_text(exc, current_lang()))

    # ----------------------------------------------------------------------- import
    def _import_tab(self) -> QWidget:
        page = QWidget()
        intro = QLabel(
            self.tr(
                "Choose a received bundle. It is checked first (signature, every file's hash) and "
                "a trial import shows what would change; nothing is written until you confirm."
            )
        )
        intro.setWordWrap(True)
        self.import_path = QLineEdit()
        self.import_path.setObjectName("import_path")
        ltr(self.import_path)
        choose = QPushButton(self.tr("Choose…"))
        choose.setObjectName("choose_import")
        choose.clicked.connect(self.choose_import_path)
        self.check_button = QPushButton(self.tr("Check the bundle"))
        self.check_button.setObjectName("check_button")
        self.check_button.clicked.connect(self.check_bundle)
        path_row = QHBoxLayout()
        path_row.addWidget(QLabel(self.tr("Bundle file:")))
        path_row.addWidget(self.import_path, 1)
        path_row.addWidget(choose)
        path_row.addWidget(self.check_button)
        self.import_error = _error_label("import_error")
        self.summary_title = QLabel()
        self.summary_title.setObjectName("summary_title")
        self.summary_title.setWordWrap(True)
        self.summary_model = ListTableModel(
            [
                (self.tr("Record type"), lambda r: record_type_label(r.record_type)),
                (self.tr("Created"), lambda r: shown_number(r.created)),
                (self.tr("Updated"), lambda r: shown_number(r.updated)),
                (self.tr("Unchanged"), lambda r: shown_number(r.unchanged)),
                (self.tr("Conflicts"), lambda r: shown_number(r.conflicts)),
                (self.tr("Rejected"), lambda r: shown_number(r.rejected)),
            ],
            tint=lambda r: "#fdecea" if r.rejected else ("#fff8e1" if r.conflicts else None),
        )
        self.summary_view = make_table(self.summary_model, "summary_table")
        self.reasons = QPlainTextEdit()
        self.reasons.setObjectName("reasons")
        self.reasons.setReadOnly(True)
        self.reasons.setMaximumHeight(120)
        self.reasons.setVisible(False)
        self.confirm_button = QPushButton(self.tr("Import it"))
        self.confirm_button.setObjectName("confirm_button")
        self.confirm_button.setEnabled(False)
        self.confirm_button.clicked.connect(self.confirm_import)
        self.cancel_button = QPushButton(self.tr("Do not import"))
        self.cancel_button.setObjectName("cancel_button")
        self.cancel_button.setEnabled(False)
        self.cancel_button.clicked.connect(self.clear_import)
        layout = QVBoxLayout(page)
        layout.addWidget(intro)
        layout.addLayout(path_row)
        layout.addWidget(self.import_error)
        layout.addWidget(self.summary_title)
        layout.addWidget(self.summary_view, 1)
        layout.addWidget(self.reasons)
        layout.addLayout(_row(self.confirm_button, self.cancel_button))
        return page

    def choose_import_path(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self,
            self.tr("Choose a received bundle"),
            self.import_path.text() or str(Path.home()),
            tr(BUNDLE_FILTER),
        )
        if path:
            self.import_path.setText(path)
            self.check_bundle()

    def start_import(self, path: str | Path) -> None:
        """Open a bundle file on the import tab and run its dry run (a double-clicked .itb)."""
        self.tabs.setCurrentWidget(self.import_tab)
        self.import_path.setText(str(path))
        self.check_bundle()

    def clear_import(self) -> None:
        self._dry_run = None
        self._dry_path = None
        self._dry_passphrase = None
        self.summary_title.clear()
        self.summary_model.set_items([])
        self.reasons.clear()
        self.reasons.setVisible(False)
        self.confirm_button.setEnabled(False)
        self.cancel_button.setEnabled(False)

    def check_bundle(self) -> None:
        """The dry run, off the GUI thread; its summary waits for a confirmation."""
        self.clear_import()
        self.import_error.clear()
        text = self.import_path.text().strip()
        if not text:
            self.import_error.setText(self.tr("Choose the bundle file first."))
            return
        path = Path(text)
        passphrase = None
        if is_encrypted_bundle(path):
            passphrase = self.ask_passphrase(
                self, self.tr("This bundle is encrypted for this office. Type the key passphrase to open it.")
            )
            if passphrase is None:
                return
        self.check_button.setEnabled(False)
        work = self._import_work(path, passphrase, dry_run=True)
        run_task(
            self,
            work,
            lambda r: self._checked(path, passphrase, r),
            self._import_failed,
            title=self.tr("Checking the bundle…"),
        )

    def _import_work(self, path: Path, passphrase: str | None, dry_run: bool) -> Callable[..., Any]:
        store, actor = self.ctx.store, self.ctx.actor

        def work(report: Callable[[int, int, str], None]) -> Any:
            from integrity_desktop.sync import merge

            def identities() -> list[Any]:
                if passphrase is None:
                    raise UserError("عبارت عبور کلید لازم است.", "The key passphrase is needed.")
                return [keys.age_identity(store, passphrase)]

            report(
                0,
                0,
                QCoreApplication.translate(
                    "SyncScreen", "Checking the signature and every file of the bundle…"
                ),
            )
            return SummaryView.of(merge.import_bundle(store, actor, path, identities, dry_run=dry_run))

        return work

    def _checked(self, path: Path, passphrase: str | None, result: Any) -> None:
        self.check_button.setEnabled(True)
        self._dry_run = result
        self._dry_path = path
        self._dry_passphrase = passphrase
        self._show_summary(result, dry_run=True)
        can_import = result.outcome == "accepted" and not result.nothing_to_do
        self.confirm_button.setEnabled(can_import)
        self.cancel_button.setEnabled(True)
        if can_import:
            self.confirm_button.setFocus()

    def _show_summary(self, result: Any, dry_run: bool) -> None:
        office = offices.office_name(self.ctx.store, result.source_office)
        if result.outcome == "replay":
            head = self.tr(
                "This bundle (number {seq} from {office}) was imported before; "
                "importing it again changes nothing."
            )
        elif result.nothing_to_do:
            head = self.tr(
                "Bundle number {seq} from {office}: nothing in it is new for this "
                "store; importing it changes nothing."
            )
        elif dry_run:
            head = self.tr(
                "Trial import of bundle number {seq} from {office}: this is what "
                "importing it would do. Nothing has been written yet."
            )
        else:
            head = self.tr("Bundle number {seq} from {office} was imported.")
        lines = [head.format(seq=shown_number(result.seq), office=office)]
        notes = result.notes_fa if current_lang() == "fa" else result.notes_en
        lines += [shown_number(n) for n in notes]
        self.summary_title.setText("\n".join(lines))
        self.summary_model.set_items(result.rows)
        reasons = [
            f"{record_type_label(r.record_type)}: {shown_number(reason)}"
            for r in result.rows
            for reason in r.reasons_fa
        ]
        self.reasons.setPlainText("\n".join(reasons))
        self.reasons.setVisible(bool(reasons))

    def confirm_import(self) -> None:
        if self._dry_run is None or self._dry_path is None:
            return
        path, passphrase = self._dry_path, self._dry_passphrase
        self.confirm_button.setEnabled(False)
        self.cancel_button.setEnabled(False)
        self.check_button.setEnabled(False)
        run_task(
            self,
            self._import_work(path, passphrase, dry_run=False),
            self._imported,
            self._import_failed,
            title=self.tr("Importing the bundle…"),
        )

    def _imported(self, result: Any) -> None:
        self.check_button.setEnabled(True)
        self._dry_run = None
        self._show_summary(result, dry_run=False)
        self.refresh_history()

    def _import_failed(self, exc: BaseException) -> None:
        self.check_button.setEnabled(True)
        self.clear_import()
        self.import_error.setText(error_text(exc, current_lang()))
        self.refresh_history()

    # ----------------------------------------------------------------------- history
    def _history_tab(self) -> QWidget:
        page = QWidget()
        outcomes = {
            "accepted": self.tr("Imported"),
            "replay": self.tr("Already imported"),
            "refused": self.tr("Refused"),
        }
        self.history_model = PagedTableModel(
            [
                (self.tr("Received"), lambda r: shown_datetime(r.imported_at)),
                (self.tr("From office"), lambda r: self._office_label(r.source_office)),
                (self.tr("Number"), lambda r: shown_number(r.seq)),
                (self.tr("Made"), lambda r: shown_datetime(r.created_at)),
                (self.tr("Outcome"), lambda r: outcomes.get(r.outcome, r.outcome)),
                (self.tr("Records"), lambda r: shown_number(r.records)),
                (self.tr("Conflicts"), lambda r: shown_number(r.conflicts)),
                (self.tr("Rejected"), lambda r: shown_number(r.rejected)),
                (self.tr("By"), lambda r: r.imported_by),
            ],
            self._history_page,
            self._history_count,
            tint=lambda r: "#fdecea" if r.outcome == "refused" else None,
        )
        self.history_view = make_table(self.history_model, "history_table")
        self.history_total = QLabel()
        layout = QVBoxLayout(page)
        layout.addWidget(self.history_total)
        layout.addWidget(self.history_view, 1)
        return page

    def _office_label(self, code: str) -> str:
        if not hasattr(self, "_office_names"):
            self._office_names = {o.code: o.name_fa for o in offices.list_offices(self.ctx.store)}
        return self._office_names.get(code, code)

    def _history_page(self, offset: int, limit: int) -> Sequence[Any]:
        from integrity_desktop.sync import merge

        return merge.list_imports(self.ctx.store, self.ctx.actor, offset=offset, limit=limit)

    def _history_count(self) -> int:
        from integrity_desktop.sync import merge

        return merge.count_imports(self.ctx.store, self.ctx.actor)

    def refresh_history(self) -> None:
        if not self.ctx.can("sync.import"):
            return
        self.history_model.reload()
        self.history_total.setText(
            self.tr("{n} bundles received").format(n=shown_number(self.history_model.total))
        )

    # ----------------------------------------------------------------------- keys
    def _keys_tab(self) -> QWidget:
        page = QWidget()
        own = QGroupBox(self.tr("This office's keys"))
        own_form = QFormLayout(own)
        self.own_fingerprint = QLineEdit()
        self.own_fingerprint.setObjectName("own_fingerprint")
        self.own_fingerprint.setReadOnly(True)
        ltr(self.own_fingerprint)
        copy_fp = QPushButton(self.tr("Copy"))
        copy_fp.setObjectName("copy_fingerprint")
        copy_fp.clicked.connect(lambda: self._copy(self.own_fingerprint.text()))
        self.own_recipient = QLineEdit()
        self.own_recipient.setObjectName("own_recipient")
        self.own_recipient.setReadOnly(True)
        ltr(self.own_recipient)
        copy_rc = QPushButton(self.tr("Copy"))
        copy_rc.setObjectName("copy_recipient")
        copy_rc.clicked.connect(lambda: self._copy(self.own_recipient.text()))
        save_pub = QPushButton(self.tr("Save the public key file…"))
        save_pub.setObjectName("save_public_key")
        save_pub.clicked.connect(self.save_public_key)
        fp_row = QHBoxLayout()
        fp_row.addWidget(self.own_fingerprint, 1)
        fp_row.addWidget(copy_fp)
        rc_row = QHBoxLayout()
        rc_row.addWidget(self.own_recipient, 1)
        rc_row.addWidget(copy_rc)
        own_form.addRow(self.tr("Signing key fingerprint:"), fp_row)
        own_form.addRow(self.tr("Age recipient (for encrypted bundles):"), rc_row)
        own_form.addRow("", _row(save_pub))
        self.keys_note = QLabel()
        self.keys_note.setWordWrap(True)
        own_form.addRow(self.keys_note)

        trusted = QGroupBox(self.tr("Offices whose bundles this store accepts"))
        self.trust_model = ListTableModel(
            [
                (self.tr("Office"), lambda k: self._office_label(k.office_code)),
                (self.tr("Key id"), lambda k: k.key_id),
                (self.tr("Fingerprint"), lambda k: k.fingerprint),
                (self.tr("Added"), lambda k: shown_datetime(k.added_at)),
                (
                    self.tr("State"),
                    lambda k: (
                        self.tr("Active")
                        if k.active
                        else self.tr("Revoked {when}").format(when=shown_datetime(k.revoked_at))
                    ),
                ),
            ],
            tint=lambda k: None if k.active else "#eeeeee",
        )
        self.trust_view = make_table(self.trust_model, "trust_table")
        self.trust_office = QComboBox()
        self.trust_office.setObjectName("trust_office")
        for office in offices.list_offices(self.ctx.store):
            if office.code != self.ctx.store.office_code:
                self.trust_office.addItem(office.name_fa, office.code)
        self.add_key_button = QPushButton(self.tr("Add the office's key from a .pub file…"))
        self.add_key_button.setObjectName("add_key")
        self.add_key_button.clicked.connect(self.choose_key_file)
        self.revoke_button = QPushButton(self.tr("Revoke the selected office's key…"))
        self.revoke_button.setObjectName("revoke_key")
        self.revoke_button.clicked.connect(self.revoke_selected)
        self.trust_error = _error_label("trust_error")
        self.trust_done = QLabel()
        self.trust_done.setObjectName("trust_done")
        self.trust_done.setWordWrap(True)
        trusted_layout = QVBoxLayout(trusted)
        trusted_layout.addWidget(self.trust_view, 1)
        add_row = QHBoxLayout()
        add_row.addWidget(QLabel(self.tr("Office:")))
        add_row.addWidget(self.trust_office)
        add_row.addWidget(self.add_key_button)
        add_row.addStretch(1)
        add_row.addWidget(self.revoke_button)
        trusted_layout.addLayout(add_row)
        trusted_layout.addWidget(self.trust_error)
        trusted_layout.addWidget(self.trust_done)
        can_trust = self.ctx.can("sync.trust")
        for w in (self.trust_office, self.add_key_button, self.revoke_button):
            w.setVisible(can_trust)
        self.trusted_box = trusted
        trusted.setVisible(can_trust)
        layout = QVBoxLayout(page)
        layout.addWidget(own)
        layout.addWidget(trusted, 1)
        if not can_trust:
            layout.addStretch(1)
        return page

    def _copy(self, text: str) -> None:
        QGuiApplication.clipboard().setText(text)

    def save_public_key(self) -> None:
        name = f"{self.ctx.store.office_code}.pub"
        path, _ = QFileDialog.getSaveFileName(
            self,
            self.tr("Save the public key"),
            str(Path.home() / name),
            self.tr("Public keys (*.pub)"),
        )
        if not path:
            return
        try:
            Path(path).write_text(keys.public_key_file(self.ctx.store), encoding="ascii")
        except OSError as exc:
            self.trust_error.setText(
                self.tr("The file could not be written: {reason}").format(reason=exc.strerror or str(exc))
            )
            return
        except UserError as exc:
            self.trust_error.setText(exc.message(current_lang()))
            return
        self.trust_done.setText(self.tr("Public key saved to {path}.").format(path=path))

    def choose_key_file(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self,
            self.tr("The office's public key file"),
            str(Path.home()),
            self.tr("Public keys (*.pub);;All files (*)"),
        )
        if path:
            self.add_key_from_file(Path(path))

    def add_key_from_file(self, path: Path) -> None:
        from integrity_desktop.sync import trust

        self.trust_error.clear()
        self.trust_done.clear()
        office = str(self.trust_office.currentData())
        try:
            text = path.read_text("utf-8", errors="replace")
        except OSError as exc:
            self.trust_error.setText(
                self.tr("The file could not be read: {reason}").format(reason=exc.strerror or str(exc))
            )
            return
        try:
            info = trust.add_key(self.ctx.store, self.ctx.actor, office, text)
        except UserError as exc:
            self.trust_error.setText(exc.message(current_lang()))
            return
        self.trust_done.setText(
            self.tr(
                "Key {key} of {office} is trusted. Compare its fingerprint with that office over "
                "the phone: {fingerprint}"
            ).format(key=info.key_id, office=self.trust_office.currentText(), fingerprint=info.fingerprint)
        )
        self.refresh_keys()

    def selected_key(self) -> Any:
        rows = self.trust_view.selectionModel().selectedRows()
        return self.trust_model.row_at(rows[0].row()) if rows else None

    def revoke_selected(self) -> None:
        from integrity_desktop.sync import trust

        self.trust_error.clear()
        self.trust_done.clear()
        key = self.selected_key()
        if key is None:
            self.trust_error.setText(self.tr("Select the office's key in the list first."))
            return
        office = self._office_label(key.office_code)
        if not self.confirm(
            self.tr("Revoke key"),
            self.tr("Revoke the key of {office}? Bundles signed with it will be refused from now on.").format(
                office=office
            ),
        ):
            return
        try:
            trust.revoke(self.ctx.store, self.ctx.actor, key.office_code)
        except UserError as exc:
            self.trust_error.setText(exc.message(current_lang()))
            return
        self.trust_done.setText(self.tr("The key of {office} was revoked.").format(office=office))
        self.refresh_keys()

    def confirm(self, title: str, text: str) -> bool:
        from integrity_desktop.ui.widgets.messages import confirm

        return confirm(self, title, text)

    def refresh_keys(self) -> None:
        try:
            self.own_fingerprint.setText(keys.fingerprint(keys.public_key_base64(self.ctx.store)))
            self.own_recipient.setText(keys.age_recipient(self.ctx.store))
            self.keys_note.setText(
                self.tr(
                    "Read the fingerprint aloud when the other office adds this key; give the age "
                    "recipient to offices that send you encrypted bundles."
                )
            )
        except UserError as exc:
            self.keys_note.setText(exc.message(current_lang()))
        if self.ctx.can("sync.trust"):
            from integrity_desktop.sync import trust

            self.trust_model.set_items(trust.list_keys(self.ctx.store, self.ctx.actor))

    # ----------------------------------------------------------------------- refresh
    def refresh(self) -> None:
        self.refresh_keys()
        self.refresh_history()

    def screenshot_states(self) -> Iterator[tuple[str, QWidget]]:
        """Each tab in turn (a generator: the tab changes just before its grab)."""
        for name, tab in (
            ("import", self.import_tab),
            ("history", self.history_tab),
            ("keys", self.keys_tab),
        ):
            if self.tabs.indexOf(tab) >= 0:
                self.tabs.setCurrentWidget(tab)
                yield name, self.window()
        self.tabs.setCurrentIndex(0)
