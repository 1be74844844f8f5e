"""One pass from the check («بررسی») to the import: the bundle is merged once, inside a
transaction kept open while the person reads the summary; confirming commits it, cancelling
rolls it back.

The transaction belongs to one thread of its own (``_Owner``), which opens the session, merges,
then waits for the decision: commit, cancel, or nothing for ``hold_seconds`` — then it rolls
back by itself, so the write lock (SQLite's ``BEGIN IMMEDIATE``; row locks on PostgreSQL) is
never held without bound.  Nothing is committed but by ``commit()``; a process killed while the
preview is held leaves the store as it was (the transaction was never committed).

    pending = preview_import(store, actor, path, identities, progress=f)
    show(pending.summary)            # dry_run is True: nothing written yet
    pending.commit()  or  pending.cancel()

With several paths (a folder HQ picked: ``sync.batch``), every bundle is verified and merged
in sequence order per province inside the one held transaction, each in a savepoint: a refused
bundle is rolled back to its savepoint and reported, the rest go on (``pending.batch``), and
«وارد کن» commits them all.  There the evidence files are copied during the check (a bundle's
decrypted copy is gone by the end): a cancelled check can leave verified blobs behind, which
are content-addressed and harmless.

While a preview is held, other writers of the same SQLite store wait (busy timeout) and then
fail with "store busy"; readers go on reading what was committed before.
"""

from __future__ import annotations

import queue
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from integrity_desktop.db.engine import WRITE_OPTION
from integrity_desktop.db.store import Store, _environment_error
from integrity_desktop.digits import format_number
from integrity_desktop.errors import UserError
from integrity_desktop.permissions import Actor, require
from integrity_desktop.sync import merge, planner
from integrity_desktop.sync.batch import BatchProgress, BatchSummary, BundleResult, bundle_files, in_order
from integrity_desktop.sync.summary import ImportSummary
from integrity_desktop.sync.verify import IdentityProvider, opened_bundle

HOLD_SECONDS = 300.0  # how long a preview may keep the store's write lock unanswered

_COMMIT = "commit"
_CANCEL = "cancel"


def expired_error(seconds: float) -> UserError:
    minutes = max(1, round(seconds / 60))
    return UserError(
        f"بررسی این بسته بیش از {format_number(minutes)} دقیقه بی‌پاسخ ماند و برای آن‌که "
        "پایگاه داده برای دیگران آزاد شود، برگردانده شد؛ چیزی از آن نوشته نشد. "
        "برای وارد کردن، بسته را دوباره بررسی کنید.",
        f"The preview was left unanswered for more than {minutes} minutes and was rolled back "
        "so that the store is free for others; nothing was written. Check the bundle again "
        "to import it.",
        code="preview_expired",
    )


def _closed_error() -> UserError:
    return UserError(
        "این بررسی دیگر باز نیست (لغو یا وارد شده است)؛ بسته را دوباره بررسی کنید.",
        "This preview is no longer open (cancelled or imported); check the bundle again.",
        code="preview_closed",
    )


class PendingImport:
    """A merged, uncommitted import waiting for the person's answer.

    ``state``: merging → ready → committed | cancelled | expired, or failed (the merge or the
    commit raised; the error is re-raised to the caller that waits for it)."""

    def __init__(
        self, store: Store, actor: Actor, path: Path, identities: IdentityProvider, *,
        progress: merge.Progress | None = None, hold_seconds: float = HOLD_SECONDS,
    ) -> None:
        require(actor, "sync.import")
        self.store = store
        self.actor = actor
        self.path = Path(path)
        self.hold_seconds = hold_seconds
        self.state = "merging"
        self.summary: ImportSummary | None = None
        self.batch: BatchSummary | None = None  # several bundles: each one's result
        self.files: list[Path] = []
        self._batch_progress: BatchProgress | None = None
        self.deadline = 0.0  # time.monotonic() at which an unanswered preview rolls back
        self._identities = identities
        self._progress = progress
        self._error: BaseException | None = None
        self._answers: queue.Queue[str] = queue.Queue()
        self._ready = threading.Event()
        self._done = threading.Event()
        self._thread = threading.Thread(target=self._own, name="import-preview", daemon=True)

    # ------------------------------------------------------------------- caller's side
    def start(self) -> PendingImport:
        self._thread.start()
        return self

    def wait_ready(self) -> ImportSummary | BatchSummary:
        """Block until the merge is done; its summary (nothing committed), or its error."""
        self._ready.wait()
        if self._error is not None and self.state == "failed":
            raise self._error
        result = self.batch if self.batch is not None else self.summary
        assert result is not None
        return result

    def commit(self) -> ImportSummary:
        """Write what the preview showed (and the bundle's evidence files); the final summary.
        Raises ``UserError`` (code ``preview_expired``) when the preview was rolled back for
        being left too long."""
        self._commit_now()
        if self.state == "committed":
            assert self.summary is not None
            return self.summary
        if self.state == "committed-batch":
            raise _closed_error()
        raise self._not_committed()

    def commit_all(self) -> BatchSummary:
        """``commit`` for several bundles: the batch, its bundles' summaries now written."""
        self._commit_now()
        if self.state == "committed-batch":
            assert self.batch is not None
            return self.batch
        raise self._not_committed()

    def _commit_now(self) -> None:
        """Once the preview is ready, tell the import's thread to commit; wait until it ends."""
        self._ready.wait()
        self._answer(_COMMIT)
        self._done.wait()

    def _not_committed(self) -> BaseException:
        """Why a commit wrote nothing: the preview expired, the import failed, or it was closed."""
        if self.state == "expired":
            return expired_error(self.hold_seconds)
        if self._error is not None:
            return self._error
        return _closed_error()

    def cancel(self) -> None:
        """Roll the preview back (nothing of it is written); harmless once it is closed."""
        self._answer(_CANCEL)
        if self._thread.is_alive() and self._ready.is_set():
            self._done.wait()

    @property
    def open(self) -> bool:
        return self.state == "ready"

    def _answer(self, what: str) -> None:
        self._answers.put(what)

    # -------------------------------------------------------------------- owner thread
    def _own(self) -> None:
        try:
            if self.batch is not None:
                self._hold_many()
            else:
                with opened_bundle(self.store, self.path, self._identities) as vb:
                    self._hold(vb)
        except BaseException as exc:  # handed to the waiting caller, never lost
            self._error = exc
            if self.state not in ("committed", "committed-batch", "cancelled", "expired"):
                self.state = "failed"
        finally:
            self._ready.set()
            self._done.set()

    def _hold(self, vb: Any) -> None:
        session = self.store.read()
        try:
            session.begin()
            try:
                merged = merge.merge_records(self.store, session, vb, progress=self._progress)
            except Exception as exc:
                raise _translated(exc) from exc
            self.summary = merged.summary
            if not self._await_answer():
                session.rollback()
                return
            try:
                merge.complete(self.store, session, self.actor, merged)
                session.commit()
            except Exception as exc:
                session.rollback()
                raise _translated(exc) from exc
            self.state = "committed"
            merge.observe_clock(self.store, merged.high)
            planner.analyse_grown(self.store, [merged.summary])
        finally:
            session.close()


    def _await_answer(self) -> bool:
        """Ready: wait for the answer; True to commit (False: cancelled or expired)."""
        self.deadline = time.monotonic() + self.hold_seconds
        self.state = "ready"
        self._ready.set()
        try:
            answer = self._answers.get(timeout=self.hold_seconds)
        except queue.Empty:
            answer = ""
        if answer != _COMMIT:
            self.state = "cancelled" if answer == _CANCEL else "expired"
        return answer == _COMMIT

    def _hold_many(self) -> None:
        assert self.batch is not None
        session = self.store.read()
        try:
            session.begin()
            if self.store.path is not None:
                session.connection(execution_options={WRITE_OPTION: True})
            # Only each bundle's summary and newest stamp are kept: a bundle's merger (its ids
            # read, owners, sets touched) is let go once its savepoint is released.
            done: list[tuple[ImportSummary, str]] = []
            n = len(self.files)
            for i, path in enumerate(self.files):
                def step(d: int, total: int, i: int = i, path: Path = path) -> None:
                    if self._batch_progress is not None:
                        self._batch_progress(i, n, d, total, path)

                step(0, 0)
                try:
                    merged = self._merge_one(session, path, step)
                except UserError as exc:
                    self.batch.results.append(BundleResult(path, refused=exc))
                else:
                    done.append((merged.summary, merged.high))
                    self.batch.results.append(BundleResult(path, merged.summary))
                    del merged
            if not self._await_answer():
                session.rollback()
                return
            try:
                session.commit()
            except Exception as exc:
                session.rollback()
                raise _translated(exc) from exc
            for summary, high in done:
                summary.dry_run = False
                merge.observe_clock(self.store, high)
            planner.analyse_grown(self.store, [summary for summary, _high in done])
            self.batch.dry_run = False
            self.state = "committed-batch"
        finally:
            session.close()

    def _merge_one(self, session: Any, path: Path, step: merge.Progress) -> merge.Merged:
        """One bundle of a batch in a savepoint (rolled back to it if it is refused)."""
        with opened_bundle(self.store, path, self._identities) as vb:
            nested = session.begin_nested()
            try:
                merged = merge.merge_records(self.store, session, vb, progress=step,
                                             lock=False)
                merge.complete(self.store, session, self.actor, merged)
                nested.commit()
            except BaseException as exc:
                nested.rollback()
                if isinstance(exc, Exception) and not isinstance(exc, UserError):
                    translated = _translated(exc)
                    if translated is not exc:
                        raise translated from exc
                raise
        merged.summary.dry_run = True  # written only when the whole check is confirmed
        return merged


def _translated(exc: Exception) -> Exception:
    """A busy or full store as the Persian error ``Store.session`` gives; others unchanged."""
    from sqlalchemy.exc import OperationalError

    if isinstance(exc, OperationalError):
        return _environment_error(exc) or exc
    return exc


def preview_import(
    store: Store, actor: Actor, path: Path, identities: IdentityProvider, *,
    progress: Callable[[int, int], None] | None = None, hold_seconds: float = HOLD_SECONDS,
) -> PendingImport:
    """Verify and merge a bundle, keeping its transaction open; returns once the summary is
    ready (``pending.summary``).  Refusals raise ``BundleRefused`` and hold nothing."""
    pending = PendingImport(store, actor, path, identities, progress=progress,
                            hold_seconds=hold_seconds).start()
    pending.wait_ready()
    return pending


def preview_many(
    store: Store, actor: Actor, paths: list[Path], identities: IdentityProvider, *,
    progress: BatchProgress | None = None, hold_seconds: float = HOLD_SECONDS,
) -> PendingImport:
    """A folder (or several files): every bundle checked in sequence order per province in
    one held transaction (``pending.batch``: one summary per bundle, refusals included);
    ``commit_all()`` writes them, ``cancel()`` none."""
    files = in_order(bundle_files(paths))
    pending = PendingImport(store, actor, files[0], identities, hold_seconds=hold_seconds)
    pending.files = files
    pending.batch = BatchSummary()
    pending._batch_progress = progress
    pending.start().wait_ready()
    return pending
