"""The sync screen's import tab: check a received bundle, show what importing it would
change, and import it once confirmed.

One pass (issue 23): the check merges the bundle once, inside a transaction kept open by
``sync.pending`` while the person reads the summary; «وارد کن» commits it and «وارد نکن» rolls
it back.  An unanswered check rolls back by itself after ``hold_seconds`` (the store's write
lock is never held without bound) and the tab says so.  Decrypting, checking and merging run
through ``run_task``.  An age-encrypted bundle opens with this store's own age identity (the
key passphrase), or, when that cannot decrypt it, with an age identity file the user chooses.
"""

from __future__ import annotations

import tempfile
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QTimer, Signal
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from integrity_desktop.errors import UserError
from integrity_desktop.services.store import keys, offices
from integrity_desktop.ui.app import current_lang
from integrity_desktop.ui.context import UiContext
from integrity_desktop.ui.dialogs.passphrase import ask_passphrase
from integrity_desktop.ui.operations import attempt
from integrity_desktop.ui.screens.sync.common import bundle_filter, error_label, ltr, record_type_label
from integrity_desktop.ui.tasks import run_task
from integrity_desktop.ui.text import isolate, isolate_embedded, shown_number
from integrity_desktop.ui.widgets import palette
from integrity_desktop.ui.widgets.buttons import button_row, push_button
from integrity_desktop.ui.widgets.choose_file import choose_file
from integrity_desktop.ui.widgets.fields import text_field
from integrity_desktop.ui.widgets.labels import text_label
from integrity_desktop.ui.widgets.messages import confirm, error_text
from integrity_desktop.ui.widgets.table_models import ListTableModel, plain_table


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
    held: int = 0


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
    waits: tuple[tuple[str, str, int], ...] = ()  # (record type, what it waits for, count)
    released: int = 0

    @property
    def nothing_to_do(self) -> bool:
        return not self.released and not any(
            r.created or r.updated or r.conflicts or r.held for r in self.rows)

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
                t, c.created, c.updated, c.unchanged, c.conflicts, c.rejected, tuple(reasons.get(t, ())),
                c.held,
            )
            for t, c in sorted(summary.counts.items(), key=lambda kv: order.get(kv[0], 99))
        )
        waits: dict[tuple[str, str], int] = {}
        for h in summary.held:
            key = (h.record_type, h.waits_for_type)
            waits[key] = waits.get(key, 0) + 1
        return cls(
            summary.source_office,
            summary.seq,
            summary.outcome,
            summary.dry_run,
            rows,
            tuple(n.fa for n in notices),
            tuple(n.en for n in notices),
            tuple((t, w, n) for (t, w), n in sorted(waits.items(), key=lambda kv: order.get(kv[0][0], 99))),
            summary.released,
        )


@dataclass(frozen=True)
class BundleRow:
    """One bundle of a folder check, as the bundles table shows it."""

    file: str
    source_office: str
    seq: int
    outcome: str  # accepted | replay | refused
    created: int = 0
    updated: int = 0
    conflicts: int = 0
    rejected: int = 0
    held: int = 0
    refusal_fa: str = ""
    refusal_en: str = ""


@dataclass(frozen=True)
class BatchView:
    """What the import tab shows of ``sync.batch.BatchSummary`` (built in the worker)."""

    rows: tuple[BundleRow, ...]
    dry_run: bool

    @classmethod
    def of(cls, batch: Any) -> BatchView:
        rows = []
        for r in batch.results:
            if r.summary is None:
                rows.append(BundleRow(r.path.name, "", 0, "refused", refusal_fa=r.refused.fa,
                                      refusal_en=r.refused.en))
                continue
            c = r.summary.counts.values()
            rows.append(BundleRow(
                r.path.name, r.summary.source_office, r.summary.seq, r.summary.outcome,
                sum(x.created for x in c), sum(x.updated for x in c),
                sum(x.conflicts for x in c), sum(x.rejected for x in c), sum(x.held for x in c)))
        return cls(tuple(rows), batch.dry_run)

    def count(self, outcome: str) -> int:
        return sum(1 for r in self.rows if r.outcome == outcome)

    def total(self, attr: str) -> int:
        return sum(getattr(r, attr) for r in self.rows)


class _HeldPreview:
    """The check's open transaction (``sync.pending.PendingImport``), if any.  A plain object,
    so the tab's ``destroyed`` signal can still roll it back when the tab is gone."""

    def __init__(self) -> None:
        self.pending: Any = None

    def cancel(self, *_: Any) -> None:
        held, self.pending = self.pending, None
        if held is not None:
            held.cancel()


def _hidden_choice(hint: QLabel, button: QPushButton) -> QWidget:
    """A hint and the button that acts on it, shown only for the refusal it answers."""
    box = QWidget()
    row = button_row(hint, button, stretch=False)
    row.setContentsMargins(0, 0, 0, 0)
    row.setStretch(0, 1)
    box.setLayout(row)
    box.setVisible(False)
    return box


class SyncImportTab(QWidget):
    """Bundle path, check, the dry run's summary, then import or not.

    Signals: ``history_changed`` after an import or a failed attempt (the import history may
    have a new row).  ``ask_passphrase`` is replaced in tests.
    """

    history_changed = Signal()

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.ask_passphrase = ask_passphrase
        from integrity_desktop.sync.pending import HOLD_SECONDS

        self.hold_seconds = HOLD_SECONDS  # how long a check keeps the store (shorter in tests)
        self._held = _HeldPreview()  # the open preview's transaction, for «وارد کن»
        self.destroyed.connect(self._held.cancel)
        self._expiry = QTimer(self)
        self._expiry.setSingleShot(True)
        self._expiry.timeout.connect(self._preview_expired)
        self._dry_run: Any = None  # the last check's summary, for the confirmation
        self._dry_path: Path | None = None
        self._dry_passphrase: str | None = None
        self._dry_identities: list[Any] | None = None  # from an identity file the user chose
        intro = QLabel(
            self.tr(
                "Choose a received bundle. It is checked first (signature, every file's hash) and "
                "a trial import shows what would change; nothing is written until you confirm."
            )
        )
        intro.setWordWrap(True)
        self.import_path = text_field("import_path")
        ltr(self.import_path)
        choose = push_button(self.tr("Choose…"), name="choose_import",
                             tip=self.tr("Choose the bundle file you received"),
                             on_click=self.choose_import_path)
        self.check_button = QPushButton(self.tr("Check the bundle"))
        self.check_button.setToolTip(
            self.tr("Verify the bundle and show what importing it would change; nothing is written")
        )
        self.check_button.setObjectName("check_button")
        self.check_button.clicked.connect(self.check_bundle)
        self.folder_button = QPushButton(self.tr("Import a folder…"))
        self.folder_button.setToolTip(
            self.tr("Check every bundle in a folder, in order per province, then import them")
        )
        self.folder_button.setObjectName("choose_folder")
        self.folder_button.clicked.connect(self.choose_folder)
        path_row = QHBoxLayout()
        path_row.addWidget(QLabel(self.tr("Bundle file:")))
        path_row.addWidget(self.import_path, 1)
        path_row.addWidget(choose)
        path_row.addWidget(self.check_button)
        path_row.addWidget(self.folder_button)
        self.import_error = error_label("import_error")
        self.identity_hint = QLabel(
            self.tr(
                "If the bundle was encrypted for another age key, open it with that key's "
                "identity file."
            )
        )
        self.identity_hint.setObjectName("identity_hint")
        self.identity_hint.setWordWrap(True)
        self.identity_button = QPushButton(self.tr("Choose an age identity file…"))
        self.identity_button.setToolTip(
            self.tr("Open a bundle encrypted for another age key with that key's file")
        )
        self.identity_button.setObjectName("choose_identity")
        self.identity_button.clicked.connect(self.choose_identity_file)
        self.identity_box = _hidden_choice(self.identity_hint, self.identity_button)
        # A bundle from an office whose key is not trusted yet: compare and trust it here.
        self.trust_hint = text_label("trust_hint")
        self.trust_button = QPushButton(self.tr("Trust this office's key…"))
        self.trust_button.setObjectName("trust_office_key")
        self.trust_button.setToolTip(
            self.tr("Choose the office's public key file, compare its fingerprint and trust it")
        )
        self.trust_button.clicked.connect(self.choose_key_file)
        self.trust_box = _hidden_choice(self.trust_hint, self.trust_button)
        self._untrusted: Any = None
        self.summary_title = text_label("summary_title")
        self.summary_model = ListTableModel(
            [
                (self.tr("Record type"), lambda r: record_type_label(r.record_type)),
                (self.tr("Created"), lambda r: shown_number(r.created)),
                (self.tr("Updated"), lambda r: shown_number(r.updated)),
                (self.tr("Unchanged"), lambda r: shown_number(r.unchanged)),
                (self.tr("Conflicts"), lambda r: shown_number(r.conflicts)),
                (self.tr("Rejected"), lambda r: shown_number(r.rejected)),
                (self.tr("Held"), lambda r: shown_number(r.held)),
            ],
            tint=lambda r: palette.BAD_BG if r.rejected else (palette.NOTICE_BG if r.conflicts or r.held else None),
        )
        self.summary_view = plain_table(self.summary_model, "summary_table")
        self.bundles_model = ListTableModel(
            [
                (self.tr("File"), lambda r: r.file),
                (self.tr("Office"), lambda r: offices.office_name(self.ctx.store, r.source_office)
                 if r.source_office else ""),
                (self.tr("Number"), lambda r: shown_number(r.seq) if r.seq else ""),
                (self.tr("Result"), lambda r: self._outcome_label(r.outcome)),
                (self.tr("Created"), lambda r: shown_number(r.created)),
                (self.tr("Updated"), lambda r: shown_number(r.updated)),
                (self.tr("Conflicts"), lambda r: shown_number(r.conflicts)),
                (self.tr("Rejected"), lambda r: shown_number(r.rejected)),
                (self.tr("Held"), lambda r: shown_number(r.held)),
            ],
            tint=lambda r: palette.BAD_BG if r.outcome == "refused" or r.rejected
            else (palette.NOTICE_BG if r.conflicts or r.held else None),
        )
        self.bundles_view = plain_table(self.bundles_model, "bundles_table")
        self.bundles_view.setVisible(False)
        self.reasons = QPlainTextEdit()
        self.reasons.setObjectName("reasons")
        self.reasons.setReadOnly(True)
        self.reasons.setMaximumHeight(120)
        self.reasons.setVisible(False)
        self.confirm_button = push_button(self.tr("Import it"), name="confirm_button",
                                          tip=self.tr("Import the checked bundle"))
        self.confirm_button.setEnabled(False)
        self.confirm_button.clicked.connect(self.confirm_import)
        self.cancel_button = push_button(self.tr("Do not import"), name="cancel_button",
                                         tip=self.tr("Leave the bundle without importing it"))
        self.cancel_button.setEnabled(False)
        self.cancel_button.clicked.connect(self.clear_import)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(path_row)
        layout.addWidget(self.import_error)
        layout.addWidget(self.identity_box)
        layout.addWidget(self.trust_box)
        layout.addWidget(self.summary_title)
        layout.addWidget(self.summary_view, 1)
        layout.addWidget(self.bundles_view, 1)
        layout.addWidget(self.reasons)
        layout.addLayout(button_row(self.confirm_button, self.cancel_button))

    def choose_import_path(self) -> None:
        """One bundle file (checked alone), or several (checked together, as a folder)."""
        paths, _ = QFileDialog.getOpenFileNames(
            self,
            self.tr("Choose a received bundle"),
            self.import_path.text() or str(Path.home()),
            bundle_filter(),
        )
        if len(paths) == 1:
            self.import_path.setText(paths[0])
            self.check_bundle()
        elif paths:
            self.check_folder([Path(p) for p in paths])

    def open_bundle(self, path: str | Path) -> None:
        """Put a bundle file in the path field and run its dry run."""
        self.import_path.setText(str(path))
        self.check_bundle()

    def clear_import(self) -> None:
        self._held.cancel()
        self._expiry.stop()
        self._dry_run = None
        self._dry_path = None
        self._dry_passphrase = None
        self._dry_identities = None
        self.identity_box.setVisible(False)
        self.trust_box.setVisible(False)
        self.summary_title.clear()
        self.summary_model.set_items([])
        self.bundles_model.set_items([])
        self.bundles_view.setVisible(False)
        self.summary_view.setVisible(True)
        self.reasons.clear()
        self.reasons.setVisible(False)
        self.confirm_button.setEnabled(False)
        self.cancel_button.setEnabled(False)

    def check_bundle(self) -> None:
        """The dry run, off the GUI thread; its summary waits for a confirmation."""
        self._check(identities=None)

    def choose_identity_file(self) -> None:
        path = choose_file(self, self.tr("Choose an age identity file"),
                           self.tr("Age identity files (*.txt *.key *.age-key);;All files (*)"), str(Path.home()))
        if path:
            self.check_with_identity_file(path)

    def check_with_identity_file(self, path: Path) -> None:
        """The dry run again, the bundle opened with the age identities in ``path`` (as
        ``age-keygen`` writes them) rather than this store's own; the import uses them too."""
        from integrity_desktop.sync.verify import read_identity_file

        attempt(self, lambda: read_identity_file(Path(path)), error_label=self.import_error, on_done=self._check)

    def _check(self, identities: list[Any] | None) -> None:
        self.clear_import()
        self.import_error.clear()
        text = self.import_path.text().strip()
        if not text:
            self.import_error.setText(self.tr("Choose the bundle file first."))
            return
        path = Path(text)
        passphrase = None
        if identities is None and is_encrypted_bundle(path):
            passphrase = self.ask_passphrase(
                self, self.tr("This bundle is encrypted for this office. Type the key passphrase to open it.")
            )
            if passphrase is None:
                return
        self.check_button.setEnabled(False)
        run_task(
            self,
            self._check_work(path, passphrase, identities),
            lambda r: self._checked(path, passphrase, identities, r),
            self._import_failed,
            title=self.tr("Checking the bundle…"),
        )

    def _check_work(
        self, path: Path, passphrase: str | None, chosen: Sequence[Any] | None
    ) -> Callable[..., Any]:
        """The check: verify and merge, the transaction held open for the answer; the result
        is (summary view, ``PendingImport``)."""
        store, actor, hold = self.ctx.store, self.ctx.actor, self.hold_seconds

        def work(report: Callable[[int, int, str], None]) -> Any:
            from integrity_desktop.sync import pending

            def identities() -> list[Any]:
                if chosen is not None:
                    return list(chosen)
                if passphrase is None:
                    raise UserError("عبارت عبور کلید لازم است.", "The key passphrase is needed.")
                return [keys.age_identity(store, passphrase)]

            report(
                0,
                0,
                QCoreApplication.translate(
                    "SyncImportTab", "Checking the signature and every file of the bundle…"
                ),
            )
            merging = QCoreApplication.translate("SyncImportTab", "Merging the records…")

            def progress(done: int, total: int) -> None:
                report(min(done, total), total, merging)

            held = pending.preview_import(store, actor, path, identities, progress=progress,
                                          hold_seconds=hold)
            assert held.summary is not None
            return SummaryView.of(held.summary), held

        return work

    def _checked(
        self, path: Path, passphrase: str | None, identities: list[Any] | None, outcome: Any
    ) -> None:
        result, held = outcome
        self.check_button.setEnabled(True)
        self._held.cancel()  # a check started over an earlier one: that one is dropped
        self._held.pending = held
        self._dry_run = result
        self._dry_path = path
        self._dry_passphrase = passphrase
        self._dry_identities = identities
        self._show_summary(result, dry_run=True)
        self._offer_import(result.outcome == "accepted" and not result.nothing_to_do)

    def _offer_import(self, can_import: bool) -> None:
        """After a check: the import is offered (and the store held until it expires) when
        there is something to import; otherwise the held store is let go at once."""
        self.confirm_button.setEnabled(can_import)
        self.cancel_button.setEnabled(True)
        if can_import:
            self.confirm_button.setFocus()
            self._expiry.start(int(self.hold_seconds * 1000) + 250)
        else:
            self._held.cancel()  # nothing to import: the store is not kept waiting

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
            head += "\n" + self.tr(
                "The store is kept for this import for up to {minutes} minutes; meanwhile "
                "nothing else can be saved. Import it or choose «Do not import»."
            ).format(minutes=shown_number(max(1, round(self.hold_seconds / 60))))
        else:
            head = self.tr("Bundle number {seq} from {office} was imported.")
        lines = [head.format(seq=shown_number(result.seq), office=office)]
        notes = result.notes_fa if current_lang() == "fa" else result.notes_en
        lines += [isolate_embedded(shown_number(n)) for n in notes]
        self.summary_title.setText("\n".join(lines))
        self.summary_model.set_items(result.rows)
        reasons = [
            f"{record_type_label(r.record_type)}: {isolate_embedded(shown_number(reason))}"
            for r in result.rows
            for reason in r.reasons_fa
        ]
        reasons += [
            self.tr("{type}: {count} held, waiting for {what}").format(
                type=record_type_label(record_type), count=shown_number(count),
                what=self.tr("their time (the sending computer's clock is ahead)")
                if waits_for == "clock" else record_type_label(waits_for),
            )
            for record_type, waits_for, count in result.waits
        ]
        self.reasons.setPlainText("\n".join(reasons))
        self.reasons.setVisible(bool(reasons))

    def confirm_import(self) -> None:
        """Commit the checked bundle's open transaction (the merge is not run again)."""
        held = self._held.pending
        if self._dry_run is None or held is None:
            return
        self._held.pending = None  # from here the commit owns it; clear_import must not cancel
        self._expiry.stop()
        self.confirm_button.setEnabled(False)
        self.cancel_button.setEnabled(False)
        self.check_button.setEnabled(False)
        writing = QCoreApplication.translate("SyncImportTab", "Writing the checked bundle…")

        def work(report: Callable[[int, int, str], None]) -> Any:
            report(0, 0, writing)
            if held.batch is not None:
                return BatchView.of(held.commit_all())
            return SummaryView.of(held.commit())

        run_task(self, work, self._imported, self._import_failed,
                 title=self.tr("Importing the bundle…"))

    def _preview_expired(self) -> None:
        """The check was left longer than ``hold_seconds``: it was rolled back (by its own
        thread); the summary goes and the reason stays."""
        held = self._held.pending
        if held is None:
            return
        from integrity_desktop.sync.pending import expired_error

        held.cancel()  # already rolled back by its thread, or rolled back now
        self.clear_import()
        self.import_error.setText(error_text(expired_error(self.hold_seconds), current_lang()))

    def _imported(self, result: Any) -> None:
        self.check_button.setEnabled(True)
        self.folder_button.setEnabled(True)
        self._dry_run = None
        if isinstance(result, BatchView):
            self._show_batch(result)
        else:
            self._show_summary(result, dry_run=False)
        self.history_changed.emit()

    # ------------------------------------------------------------------ a folder of bundles
    def choose_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(
            self, self.tr("Choose the folder of received bundles"),
            self.import_path.text() or str(Path.home()),
        )
        if folder:
            self.check_folder([Path(folder)])

    def check_folder(self, paths: Sequence[Path]) -> None:
        """Check every bundle in ``paths`` (folders or files) in one held transaction, in
        sequence order per province; the summary of each and of all waits for «وارد کن»."""
        from integrity_desktop.sync.batch import bundle_files

        self.clear_import()
        self.import_error.clear()
        found = attempt(self, lambda: bundle_files(paths), error_label=self.import_error)
        if not found:
            return
        files = found.value
        self.import_path.setText(str(paths[0]) if len(paths) == 1 else "")
        passphrase = None
        if any(is_encrypted_bundle(f) for f in files):
            passphrase = self.ask_passphrase(
                self, self.tr("Some bundles are encrypted for this office. Type the key "
                              "passphrase to open them.")
            )
            if passphrase is None:
                return
        store, actor, hold = self.ctx.store, self.ctx.actor, self.hold_seconds

        def work(report: Callable[[int, int, str], None]) -> Any:
            from integrity_desktop.sync import pending

            def identities() -> list[Any]:
                if passphrase is None:
                    raise UserError("عبارت عبور کلید لازم است.", "The key passphrase is needed.")
                return [keys.age_identity(store, passphrase)]

            text = QCoreApplication.translate("SyncImportTab", "Bundle {index} of {count}: {file}")

            def progress(i: int, n: int, done: int, total: int, path: Path) -> None:
                # The bar counts bundles; within one, the share of its records merged.
                share = min(done, total) / total if total else 0.0
                report(i * 100 + int(share * 100), n * 100, text.format(
                    index=shown_number(min(i + 1, n)), count=shown_number(n), file=path.name))

            held = pending.preview_many(store, actor, files, identities, progress=progress,
                                        hold_seconds=hold)
            assert held.batch is not None
            return BatchView.of(held.batch), held

        self.check_button.setEnabled(False)
        self.folder_button.setEnabled(False)
        run_task(self, work, self._checked_many, self._import_failed,
                 title=self.tr("Checking the bundles…"))

    def _checked_many(self, outcome: Any) -> None:
        view, held = outcome
        self.check_button.setEnabled(True)
        self.folder_button.setEnabled(True)
        self._held.cancel()
        self._held.pending = held
        self._dry_run = view
        self._show_batch(view)
        self._offer_import(any(r.outcome == "accepted" for r in view.rows))

    def _show_batch(self, view: BatchView) -> None:
        counts = {
            "count": shown_number(len(view.rows)),
            "accepted": shown_number(view.count("accepted")),
            "replay": shown_number(view.count("replay")),
            "refused": shown_number(view.count("refused")),
            "created": shown_number(view.total("created")),
            "updated": shown_number(view.total("updated")),
            "conflicts": shown_number(view.total("conflicts")),
            "held": shown_number(view.total("held")),
        }
        if view.dry_run:
            lines = [
                self.tr(
                    "Trial import of {count} bundles: {accepted} to import, {replay} imported "
                    "before, {refused} refused. Nothing has been written yet."
                ).format(**counts),
                self.tr(
                    "The store is kept for this import for up to {minutes} minutes; meanwhile "
                    "nothing else can be saved. Import it or choose «Do not import»."
                ).format(minutes=shown_number(max(1, round(self.hold_seconds / 60)))),
            ]
        else:
            lines = [self.tr(
                "{accepted} of {count} bundles were imported ({replay} imported before, "
                "{refused} refused)."
            ).format(**counts)]
        lines.append(self.tr(
            "In all: {created} records new, {updated} updated, {conflicts} conflicts, "
            "{held} held."
        ).format(**counts))
        self.summary_title.setText("\n".join(lines))
        self.summary_view.setVisible(False)
        self.bundles_view.setVisible(True)
        self.bundles_model.set_items(view.rows)
        fa = current_lang() == "fa"
        # The file name isolated, so the line stays right-to-left though it starts with it.
        reasons = [f"{isolate(r.file)}: {isolate_embedded(shown_number(r.refusal_fa if fa else r.refusal_en))}"
                   for r in view.rows if r.outcome == "refused"]
        self.reasons.setPlainText("\n".join(reasons))
        self.reasons.setVisible(bool(reasons))

    def _outcome_label(self, outcome: str) -> str:
        return {
            "accepted": self.tr("To import") if isinstance(self._dry_run, BatchView)
            else self.tr("Imported"),
            "replay": self.tr("Imported before"),
            "refused": self.tr("Refused"),
        }.get(outcome, outcome)

    def _import_failed(self, exc: BaseException) -> None:
        self.check_button.setEnabled(True)
        self.folder_button.setEnabled(True)
        self.show_failure(exc)
        self.history_changed.emit()

    def show_failure(self, exc: BaseException) -> None:
        """The reason in Persian; a bundle this store's age key cannot open offers the choice
        of another key's identity file."""
        self.clear_import()
        self.import_error.setText(error_text(exc, current_lang()))
        self.identity_box.setVisible(isinstance(exc, UserError) and exc.code == "decrypt_failed")
        untrusted = (isinstance(exc, UserError) and exc.code == "untrusted_office"
                     and bool(getattr(exc, "signer", b"")) and self.ctx.can("sync.trust"))
        self._untrusted = exc if untrusted else None
        if untrusted:
            self.trust_hint.setText(self.tr(
                "Get the public key file (.pub) of {office} from that office, compare its "
                "fingerprint with them (for example by phone), then trust it here."
            ).format(office=offices.office_name(self.ctx.store, getattr(exc, "office", ""))))
        self.trust_box.setVisible(untrusted)

    def choose_key_file(self) -> None:
        path = choose_file(self, self.tr("The office's public key"), self.tr("Public keys (*.pub);;All files (*)"))
        if path:
            self.trust_key_file(path)

    def trust_key_file(self, path: Path, confirmed: Callable[[str], bool] | None = None) -> bool:
        """Trust the refused bundle's office key from ``path`` once the person has compared its
        fingerprint, then check the bundle again; False when refused or not confirmed."""
        refused = self._untrusted
        if refused is None:
            return False
        from integrity_desktop.sync import trust

        def read() -> tuple[str, Any]:
            text = trust.read_key_file(path)
            return text, trust.check_signer(text, refused.signer)

        checked = attempt(self, read, error_label=self.import_error)
        if not checked:
            return False
        text, public = checked.value
        question = self.tr(
            "Trust this key for {office}?\n\nKey id: {key_id}\nFingerprint: {fingerprint}\n\n"
            "Confirm only if the office read you the same fingerprint."
        ).format(office=offices.office_name(self.ctx.store, refused.office),
                 key_id=isolate(keys.key_id(public)), fingerprint=isolate(keys.fingerprint(public)))
        ask = confirmed or (lambda text: confirm(self, self.tr("Trust the office's key"), text))
        if not ask(question):
            return False
        if not attempt(self, lambda: trust.add_key(self.ctx.store, self.ctx.actor, refused.office, text),
                       error_label=self.import_error):
            return False
        self._untrusted = None
        self.trust_box.setVisible(False)
        self.check_bundle()  # read the bundle again, now with its office's key
        return True

    def show_sample_refusal(self) -> None:
        """For screenshots: the real importer's refusal of a bundle encrypted for another age
        key (a dry run of a throwaway file; nothing is written)."""
        import pyrage

        from integrity_desktop.sync import merge

        with tempfile.TemporaryDirectory(prefix="integrity-shots-") as folder:
            path = Path(folder) / "received-bundle.itb"
            other = pyrage.x25519.Identity.generate()
            path.write_bytes(pyrage.encrypt(b"not for this office", [other.to_public()]))
            self.import_path.setText(str(path))
            try:
                merge.import_bundle(
                    self.ctx.store, self.ctx.actor, path,
                    lambda: [pyrage.x25519.Identity.generate()], dry_run=True,
                )
            except UserError as exc:
                self.show_failure(exc)
