"""Importing a verified bundle: one transaction, record by record, with reasons for every
rejection, a conflict row for every version that loses, and held records for every version
whose parent has not arrived.

This module reads and writes; what happens to each incoming version is decided by the pure
function ``decision.decide`` (the rules are listed there and in docs/SYNC.md): the merge reads
its inputs from the store (the local version and its history, the owners of the records it
points to, the checklist's approval, whether an evidence file is there) and carries out the
answer:

* apply: written in one statement per batch (``fastwrite`` on SQLite), with the record base
  (the history it carried) and, when the local version it replaces is lost, a conflict row;
* keep: counted unchanged;
* conflict: the incoming version is kept in ``conflicts`` (once: the same loser is never
  recorded twice);
* reject: reported with its reason, the rest of the bundle still merges;
* hold: kept in ``sync_held`` (``held``) until what it waits for arrives; at the end of every
  import the versions whose wait is over are decided again with the office that sent them.

Evidence files are taken only with their bundle and are checked against their SHA-256 while
they are copied (temporary name, then rename).  A rolled-back import can leave a verified blob
behind; blobs are content-addressed, so that is harmless.

``import_bundle(..., progress=f)`` calls ``f(done, total)`` after each batch of records inside
the open transaction (the GUI's progress bar; the tests use it to kill an import half-way).
"""

from __future__ import annotations

import hashlib
import os
import struct
import sys
import time
import zipfile
import zlib
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from sqlalchemy import Select, Table, bindparam, insert, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from integrity_desktop import heap
from integrity_desktop.db.engine import WRITE_OPTION
from integrity_desktop.db.models import Conflict
from integrity_desktop.db.store import Store
from integrity_desktop.digits import format_number
from integrity_desktop.permissions import Actor, require
from integrity_desktop.services.audit import log as audit
from integrity_desktop.services.cases.register import refresh_derived
from integrity_desktop.services.checklists import filled as checklists
from integrity_desktop.services.store import blobcrypt
from integrity_desktop.services.store.records import utcnow
from integrity_desktop.sync import bundle_format as bf
from integrity_desktop.sync import decision as dc
from integrity_desktop.sync import held as held_store
from integrity_desktop.sync import history, planner, reader
from integrity_desktop.sync.export import evidence_path
from integrity_desktop.sync.fastwrite import TableWrites, table_writes
from integrity_desktop.sync.held import HeldRecords, Waiting

# The import log and summary live in their own modules; their names stay importable here.
from integrity_desktop.sync.import_log import (  # noqa: F401
    ImportLogRow,
    already_imported,
    audit_notices,
    count_imports,
    list_imports,
    log_import,
    seen_sequences,
    sequence_notices,
)
from integrity_desktop.sync.summary import (  # noqa: F401
    REJECT_REASONS_FA,
    Held,
    ImportSummary,
    Notice,
    Rejection,
    TypeCounts,
    printable_id,
)
from integrity_desktop.sync.verify import (
    CHUNK,
    IdentityProvider,
    VerifiedBundle,
    damaged,
    opened_bundle,
    refuse,
)

Progress = Callable[[int, int], None]


class _DryRun(Exception):
    pass


@dataclass(slots=True)
class _Pending:
    """A write the merge decided on: the incoming row, its history, the floor to keep, and
    the local version it replaces when that version is lost (with the reason)."""

    row: dict[str, Any]
    hist: history.History
    floor: str
    lost: tuple[dict[str, Any], str] | None
    update: bool
    source: str


@dataclass(slots=True)
class _Incoming:
    """A parsed record line: its values, the history it carried, the line itself (kept for
    holding it) and the office that sent it."""

    row: dict[str, Any]
    hist: history.History
    line: bytes
    source: str


def import_bundle(
    store: Store,
    actor: Actor,
    path: Path,
    identities: IdentityProvider,
    *,
    dry_run: bool = False,
    progress: Progress | None = None,
) -> ImportSummary:
    """Verify, then merge in one transaction (rolled back for a dry run); refusals raise
    ``BundleRefused`` and write nothing."""
    require(actor, "sync.import")
    with opened_bundle(store, Path(path), identities) as vb:
        return _import_verified(store, actor, vb, dry_run, progress)


def _import_verified(
    store: Store, actor: Actor, vb: VerifiedBundle, dry_run: bool, progress: Progress | None,
) -> ImportSummary:
    session = store.read()
    try:
        with session.begin():
            merged = merge_records(store, session, vb, dry_run=dry_run, progress=progress)
            if dry_run:
                raise _DryRun
            complete(store, session, actor, merged)
    except _DryRun:
        pass
    finally:
        session.close()
    if not dry_run:
        observe_clock(store, merged.high)
        planner.analyse_grown(store, [merged.summary])
    return merged.summary


@dataclass(slots=True)
class Merged:
    """A bundle merged inside an open transaction, not yet committed: what the summary says
    and what ``complete`` still has to do (copy the evidence, log the import, audit it)."""

    vb: VerifiedBundle
    summary: ImportSummary
    merger: _Merger
    high: str


def merge_records(
    store: Store, s: Session, vb: VerifiedBundle, *, dry_run: bool = False,
    progress: Progress | None = None, lock: bool = True,
) -> Merged:
    """Merge a verified bundle's records inside the caller's open transaction (``s``), taking
    SQLite's write lock first unless ``dry_run``; nothing is committed here.  The summary is
    complete but for the evidence files, which ``complete`` copies.  ``lock=False``: the
    caller took the write lock already (several bundles in one transaction)."""
    summary = ImportSummary(vb.sha256, vb.source_office, vb.seq, "accepted", True, vb.encrypted)
    if not dry_run and lock and store.path is not None:
        # Take SQLite's write lock first (BEGIN IMMEDIATE): a read snapshot upgraded to a
        # write later fails at once if another program wrote in between.
        s.connection(execution_options={WRITE_OPTION: True})
    merger = _Merger(store, s, vb, summary, dry_run, progress)
    if already_imported(s, vb.sha256):
        summary.outcome = "replay"
        summary.notices.append(Notice(
            "replay", "این بسته پیش‌تر وارد شده است؛ چیزی از آن تغییر نکرد.",
            "This bundle was imported before; nothing of it changed."))
        high = merger.release()  # a replay still takes what waited for the clock
    else:
        summary.notices.extend(sequence_notices(s, vb))
        summary.notices.extend(audit_notices(s, vb, write=not dry_run))
        with heap.bulk():
            high = merger.run()
    # A case's state is derived from its events, a checklist's completion from its answers:
    # re-derive what this bundle touched.
    refresh_derived(s, merger.touched_cases)
    checklists.refresh_derived(s, merger.touched_checklists)
    summary.held_total = merger.held.total(vb.source_office)
    summary.finish()
    return Merged(vb, summary, merger, high)


def complete(store: Store, s: Session, actor: Actor, merged: Merged) -> ImportSummary:
    """What an import writes after its records, still inside the transaction: the evidence
    files the bundle carries (checked while copied), the import log and the audit entry."""
    vb, summary = merged.vb, merged.summary
    summary.dry_run = False
    if summary.outcome != "replay" and merged.merger.evidence_members:
        try:
            with zipfile.ZipFile(vb.zip_path) as zf:
                merged.merger.copy_evidence(zf)
        except (zipfile.BadZipFile, zlib.error, EOFError, NotImplementedError,
                struct.error) as exc:
            raise damaged(exc) from exc
    log_import(s, actor, vb, summary)
    if summary.outcome == "accepted":
        audit.append(s, store, actor, "import_bundle", "bundle", vb.sha256, None,
                     {"source": vb.source_office, "seq": vb.seq, "changed": summary.changed})
    return summary


def observe_clock(store: Store, high: str) -> None:
    """After the commit: this store's clock moves past the newest stamp it took (``high``,
    a ``Merged``'s)."""
    if high:
        store.clock.observe(high)


@cache
def _select_approvals() -> Select[Any]:
    """Checklists' approval state by id (built once)."""
    table = bf.table_of("checklist")
    ids: Any = bindparam("ids", expanding=True)
    return select(table.c.id, table.c.status, table.c.approved_hlc).where(table.c.id.in_(ids))


class _Merger:
    """Applies one bundle's records (and the held records it releases) inside the caller's
    transaction."""

    def __init__(
        self, store: Store, s: Session, vb: VerifiedBundle, summary: ImportSummary,
        dry_run: bool, progress: Progress | None,
    ) -> None:
        self.store = store
        self.s = s
        self.vb = vb
        self.summary = summary
        self.dry_run = dry_run
        self.progress = progress
        self.source = vb.source_office
        self.own = store.office_code
        self.now_ms = int(time.time() * 1000)  # the importer's wall clock, for the skew
        self.owners: dict[str, dict[str, str]] = {}  # record type -> id -> owning office
        self.absent: dict[str, set[str]] = {}  # record type -> ids read and not in the store
        self._writes: dict[str, TableWrites] = {}
        self._conflict_types: set[str] | None = None
        self.high = ""
        self.done = 0
        self.total = _manifest_total(vb.manifest)
        self.touched_cases: set[str] = set()
        self.touched_checklists: set[str] = set()
        self.held = HeldRecords(s, vb.sha256)
        self.evidence_members = {
            name.split("/", 1)[1] for name in vb.manifest["members"] if name.startswith("evidence/")
        }

    # ----------------------------------------------------------------------------- driver
    def run(self) -> str:
        try:
            self._run()
        except (zipfile.BadZipFile, zlib.error, EOFError, NotImplementedError, struct.error) as exc:
            # The file was verified a moment ago: it changed on the medium since (a USB stick).
            raise damaged(exc) from exc
        return self.high

    def _run(self) -> None:
        with zipfile.ZipFile(self.vb.zip_path) as zf:
            for record_type in bf.sync_order():
                name = bf.records_member(record_type)
                if name not in self.vb.manifest["members"]:
                    continue
                sha = hashlib.sha256()
                with zf.open(name) as fh:
                    for batch in reader.batches(reader.hashed_lines(fh, sha), reader.BATCH):
                        self._merge_lines(record_type, batch)
                        self._report_progress(len(batch))
                if sha.hexdigest() != self.vb.manifest["members"][name]["sha256"]:
                    raise refuse("member_hash", f"پروندهٔ «{name}» هنگام خواندن تغییر کرد.",
                                 f"member {name!r} changed while it was read.")
            self.release()

    def _report_progress(self, n: int) -> None:
        self.done += n
        if self.progress is not None:
            self.held.flush()
            self.s.flush()
            self.progress(self.done, self.total)

    def release(self) -> str:
        """Decide again every held version whose wait is over, until none is left (a
        released record may be the parent another one waits for)."""
        while True:
            ready = self.held.take_ready(self._present, self._clock_ready)
            if not ready:
                break
            self.summary.released += len(ready)
            by_type: dict[str, list[Waiting]] = {}
            for w in ready:
                by_type.setdefault(w.record_type, []).append(w)
            for record_type in bf.sync_order():
                waiting = sorted(by_type.get(record_type, ()), key=lambda w: (w.record_id, w.hlc))
                for i in range(0, len(waiting), reader.BATCH):
                    chunk = waiting[i:i + reader.BATCH]
                    self._merge_lines(record_type, [w.line for w in chunk],
                                      [w.source_office for w in chunk])
        self.held.flush()
        return self.high

    def _present(self, record_type: str, ids: Iterable[str]) -> set[str]:
        if record_type not in bf.models_by_type():
            return set()
        ids = set(ids)
        owners = self._owners(record_type, ids)
        return {i for i in ids if i in owners}

    def _clock_ready(self, stamp: str) -> bool:
        return dc.stamp_ms(stamp) <= self.now_ms + dc.MAX_SKEW_MS

    # ---------------------------------------------------------------------------- records
    def _owners(self, record_type: str, ids: Iterable[str]) -> dict[str, str]:
        """The owning office of records of a type, by id: every one of ``ids`` that is in the
        store is in the answer.  Each id is read once per import (records this import creates
        are added as they are written)."""
        known = self.owners.setdefault(record_type, {})
        absent = self.absent.setdefault(record_type, set())
        unknown = [i for i in ids if i not in known and i not in absent]
        if not unknown:
            return known
        tw = self._table_writes(record_type, bf.table_of(record_type))
        for start in range(0, len(unknown), reader.BATCH):
            chunk = unknown[start:start + reader.BATCH]
            rows: Iterable[Any]
            if tw.owners_sql is not None:  # SQLite: run by the driver
                rows = self.s.connection().exec_driver_sql(
                    tw.owners_sql(len(chunk)), tuple(chunk))
            else:
                rows = self.s.execute(tw.select_owners, {"ids": chunk})
            known.update((rid, office) for rid, office in rows)
            absent.update(i for i in chunk if i not in known)
        return known

    def _reject(self, counts: TypeCounts, record_type: str, rid: Any, reason: str,
                detail: str = "", source: str = "") -> None:
        counts.rejected += 1
        self.summary.add_rejection(Rejection(
            record_type, printable_id(rid), reason, detail,
            "" if source in ("", self.source) else source))

    def _may_have_conflicts(self, record_type: str) -> bool:
        """Whether the store holds any conflict of this record type (read once per import;
        ``_conflict`` adds the types it records)."""
        if self._conflict_types is None:
            self._conflict_types = set(self.s.scalars(select(Conflict.record_type).distinct()))
        return record_type in self._conflict_types

    def _table_writes(self, record_type: str, table: Table) -> TableWrites:
        tw = self._writes.get(record_type)
        if tw is None:
            tw = self._writes[record_type] = table_writes(
                record_type, table, self.s.get_bind().dialect)
        return tw

    def _parse(self, record_type: str, table: Table, counts: TypeCounts, line: reader.Line,
               source: str) -> _Incoming | None:
        """A record line read and checked against its columns, or None (rejected)."""
        if isinstance(line, reader.Overlong):
            self._reject(counts, record_type, line.record_id, "too_large",
                         f"{line.size} bytes, more than {bf.MAX_LINE_BYTES}", source)
            return None
        data: Any = None
        try:
            data = bf.loads_line(line)
            if type(data) is not dict:
                raise ValueError("not a JSON object")
            hist = history.loads(data.pop("_history", None) or None)
            row = bf.json_to_row(table, data, long_line=len(line) > bf.JSON_LIMIT)
        except (ValueError, TypeError, KeyError, AttributeError) as exc:
            rid = data.get("id", "") if isinstance(data, dict) else ""
            self._reject(counts, record_type, rid, "invalid_record", str(exc)[:200], source)
            return None
        return _Incoming(row, hist, line, source)

    def _merge_lines(self, record_type: str, lines: list[reader.Line],
                     sources: list[str] | None = None) -> None:
        """Parse a batch of lines and merge it, in runs without a repeated id (a record twice
        in one batch would be decided twice against the same local state)."""
        table = bf.table_of(record_type)
        counts = self.summary.counts.setdefault(record_type, TypeCounts())
        run: list[_Incoming] = []
        ids: set[str] = set()
        for i, line in enumerate(lines):
            item = self._parse(record_type, table, counts, line,
                               self.source if sources is None else sources[i])
            if item is None:
                continue
            if item.row["id"] in ids:
                self._merge_batch(record_type, table, counts, run)
                run, ids = [], set()
            run.append(item)
            ids.add(item.row["id"])
        if run:
            self._merge_batch(record_type, table, counts, run)

    def _merge_batch(self, record_type: str, table: Table, counts: TypeCounts,
                     incoming: list[_Incoming]) -> None:
        for item in incoming:
            if record_type == "case":
                self.touched_cases.add(item.row["id"])
            elif record_type == "case_event":
                self.touched_cases.add(item.row["case_id"])
            elif record_type == "checklist":
                self.touched_checklists.add(item.row["id"])
            elif record_type == "checklist_entry":
                self.touched_checklists.add(item.row["checklist_id"])
        ids = [item.row["id"] for item in incoming]
        tw = self._table_writes(record_type, table)
        local = {r["id"]: dict(r) for r in self._local_rows(tw, ids)}
        if record_type in ("case_event", "checklist_entry"):  # a version may name another parent:
            parent = "case_id" if record_type == "case_event" else "checklist_id"  # both re-derive
            touched = self.touched_cases if record_type == "case_event" else self.touched_checklists
            touched.update(r[parent] for r in local.values())
        if tw.bases_sql is not None:  # SQLite: the same select, run by the driver
            bases = {
                rid: (applied, carried, floor) for rid, applied, carried, floor in
                self.s.connection().exec_driver_sql(tw.bases_sql(len(ids)), tuple(ids))
            }
        else:
            bases = {
                r.record_id: (r.applied_hlc, r.carried_history, r.floor_hlc)
                for r in self.s.execute(tw.select_bases, {"ids": ids})
            }
        if self._may_have_conflicts(record_type):
            known_losers = {
                (c.record_id, c.loser.get("hlc"))
                for c in self.s.scalars(tw.select_losers, {"ids": ids})
            }
        else:  # no conflict of this type in the store: the select would find none
            known_losers = set()
            if self.s.autoflush:
                self.s.flush()  # as that select's autoflush would
        approvals = self._approval_states(record_type, incoming)
        owners = [(col, ptype, self._owners(ptype, {v for item in incoming
                                                    if (v := item.row[col]) is not None}))
                  for col, ptype in bf.parent_columns(record_type)]
        if record_type == "evidence":
            by_type: dict[str, set[str]] = {}
            for item in incoming:
                by_type.setdefault(item.row["owner_type"], set()).add(item.row["owner_id"])
            evidence_owners = {t: self._owners(t, ids) for t, ids in by_type.items()}
        pending: list[_Pending] = []
        for item in incoming:
            row = item.row
            cur = local.get(row["id"])
            parents = [(ptype, value, found.get(value))
                       for col, ptype, found in owners if (value := row[col]) is not None]
            blob = True
            if record_type == "evidence":
                parents.append((row["owner_type"], row["owner_id"],
                                evidence_owners[row["owner_type"]].get(row["owner_id"])))
                blob = bool(row["deleted"] or row["sha256"] in self.evidence_members
                            or evidence_path(self.store, row["sha256"]).is_file())
            verdict = dc.decide(
                record_type, row, item.hist, cur, bases.get(row["id"]),
                source=item.source, own=self.own, parents=parents,
                approval=approvals.get(row["checklist_id"]) if approvals else None,
                now_ms=self.now_ms, blob_present=blob,
            )
            action = verdict.action
            if action == dc.APPLY:
                if verdict.values:
                    row.update(verdict.values)
                    self._fields_rejected(counts, record_type, row["id"], verdict, item.source)
                lost = (cur, verdict.lost) if cur is not None and verdict.lost else None
                floor = row["hlc"] if cur is None else max(row["hlc"], cur["hlc"])
                pending.append(_Pending(row, item.hist, floor, lost, cur is not None, item.source))
            elif action == dc.KEEP:
                counts.unchanged += 1
            elif action == dc.CONFLICT:
                self._conflict(counts, record_type, row["id"], cur or {}, row, verdict.reason,
                               known_losers, item.source)
            elif action == dc.REJECT:
                self._reject(counts, record_type, row["id"], verdict.reason, "", item.source)
            else:
                self._hold(counts, record_type, item, verdict)
        self._apply(record_type, table, counts, pending, set(bases), known_losers)
        self.held.flush()

    def _local_rows(self, tw: TableWrites, ids: list[str]) -> Iterable[Any]:
        """The store's rows of ``ids``.  On SQLite the driver first finds which ids are here:
        an import at HQ brings mostly new records, and SQLAlchemy's select of the full rows
        (an expanding IN, a result processor per column) cost 4 % of a national folder
        import for rows it did not find (bench/RESULTS.md, issue 23h)."""
        if tw.present_sql is not None:
            if self.s.autoflush:
                self.s.flush()  # what the session holds unwritten, before the driver looks
            ids = [rid for (rid,) in self.s.connection().exec_driver_sql(
                tw.present_sql(len(ids)), tuple(ids))]
            if not ids:
                return ()
        return self.s.execute(tw.select_local, {"ids": ids}).mappings()

    def _fields_rejected(self, counts: TypeCounts, record_type: str, rid: str,
                         verdict: dc.Decision, source: str) -> None:
        counts.fields_rejected += 1
        self.summary.add_rejection(Rejection(
            record_type, rid, "hq_only_field", ", ".join(verdict.rejected_fields),
            "" if source == self.source else source))

    def _hold(self, counts: TypeCounts, record_type: str, item: _Incoming,
              verdict: dc.Decision) -> None:
        row = item.row
        if verdict.reason == "future_stamp":
            self.summary.future_stamps += 1
            self.summary.future_ahead_ms = max(self.summary.future_ahead_ms,
                                               dc.stamp_ms(row["hlc"]) - self.now_ms)
        if self.held.hold(record_type, row["id"], row["hlc"], item.source, verdict.reason,
                          verdict.waits_for, item.line):
            counts.held += 1
            self.summary.add_held(Held(record_type, row["id"], row["hlc"], verdict.reason,
                                       *verdict.waits_for))
            return
        self.summary.incomplete = True
        if not any(n.code == "held_limit" for n in self.summary.notices):
            self.summary.notices.append(Notice(
                "held_limit",
                f"رکوردهای نگه‌داشتهٔ ادارهٔ «{item.source}» به سقف "
                f"{format_number(held_store.MAX_RECORDS_PER_OFFICE)} رکورد رسیده است؛ رکوردهای بیشتر پذیرفته نشد. "
                "بسته‌های پیشین این اداره را وارد کنید و سپس همین بسته را دوباره وارد کنید.",
                f"Held records of {item.source} reached the limit; more were rejected. Import "
                "the office's earlier bundles, then this bundle again.",
            ))
        self._reject(counts, record_type, row["id"], verdict.reason,
                     "too many records held for this office", item.source)

    def _approval_states(
        self, record_type: str, incoming: list[_Incoming]
    ) -> dict[str, dc.Approval]:
        """For checklist entries: the approval of each one's checklist as this store holds it
        (after this bundle's checklists were merged)."""
        if record_type != "checklist_entry":
            return {}
        ids = list({item.row["checklist_id"] for item in incoming})
        tw = self._table_writes("checklist", bf.table_of("checklist"))
        rows: Iterable[Any]
        if tw.approvals_sql is not None:  # SQLite: run by the driver
            rows = self.s.connection().exec_driver_sql(tw.approvals_sql(len(ids)), tuple(ids))
        else:
            rows = self.s.execute(_select_approvals(), {"ids": ids})
        return {rid: dc.Approval(status == "approved", approved or "")
                for rid, status, approved in rows}

    def _apply(
        self, record_type: str, table: Table, counts: TypeCounts, pending: list[_Pending],
        have_base: set[str], known_losers: set[tuple[str, Any]],
    ) -> None:
        """Write a batch in one statement per kind; if the database refuses it (a unique
        key taken by another record), write record by record and reject only the culprits."""
        if not pending:
            return
        try:
            with self.s.begin_nested():
                self._bulk_write(record_type, table, pending, have_base)
            done = pending
        except IntegrityError:
            done = []
            for p in pending:
                try:
                    with self.s.begin_nested():
                        self._bulk_write(record_type, table, [p], have_base)
                    done.append(p)
                except IntegrityError as exc:
                    self._reject(counts, record_type, p.row["id"], "constraint",
                                 str(exc.orig)[:200], p.source)
        owners = self.owners.get(record_type)
        absent = self.absent.get(record_type)
        for p in done:
            row = p.row
            have_base.add(row["id"])
            self.high = max(self.high, row["hlc"])
            if p.update:
                if p.lost is None:  # a record whose local edit lost is counted once: as a conflict
                    counts.updated += 1
            else:
                counts.created += 1
                if owners is not None:
                    owners[row["id"]] = row["office_code"]
                if absent is not None:
                    absent.discard(row["id"])
            if p.lost is not None:
                self._conflict(counts, record_type, row["id"], row, p.lost[0], p.lost[1],
                               known_losers, p.source)

    def _bulk_write(
        self, record_type: str, table: Table, pending: list[_Pending], have_base: set[str]
    ) -> None:
        inserts = [p.row for p in pending if not p.update]
        updates = [p.row for p in pending if p.update]
        tw = self._table_writes(record_type, table)
        if tw.insert is not None:
            self._driver_write(record_type, tw, pending, inserts, updates, have_base)
            return
        if inserts:
            self.s.execute(insert(table), inserts)
        if updates:
            cols = [c.name for c in table.columns if c.name != "id"]
            stmt = update(table).where(table.c.id == bindparam("b_id")).values(
                {c: bindparam(f"b_{c}") for c in cols})
            self.s.execute(stmt, [{f"b_{k}": v for k, v in r.items()} for r in updates])
        rb = bf.record_base_table()
        new, old = _base_rows(record_type, pending, have_base)
        if new:
            self.s.execute(insert(rb), new)
        if old:
            self.s.execute(
                update(rb).where(rb.c.record_id == bindparam("b_record_id")).values(
                    {c: bindparam(f"b_{c}") for c in
                     ("record_type", "applied_hlc", "carried_history", "floor_hlc")}),
                [{f"b_{k}": v for k, v in r.items()} for r in old],
            )

    def _driver_write(
        self, record_type: str, tw: TableWrites, pending: list[_Pending],
        inserts: list[dict[str, Any]], updates: list[dict[str, Any]], have_base: set[str],
    ) -> None:
        """``_bulk_write`` on SQLite: the same statements and values, see ``fastwrite``."""
        assert tw.update and tw.insert_base and tw.update_base and tw.insert
        conn = self.s.connection()
        if inserts:
            tw.insert.run(conn, inserts)
        if updates:
            tw.update.run(conn, updates)
        new, old = _base_rows(record_type, pending, have_base)
        if new:
            tw.insert_base.run(conn, new)
        if old:
            tw.update_base.run(conn, old)

    def _conflict(
        self, counts: TypeCounts, record_type: str, rid: str, winner: dict[str, Any],
        loser: dict[str, Any], reason: str, known_losers: set[tuple[str, Any]], source: str,
    ) -> None:
        counts.conflicts += 1
        table = bf.table_of(record_type)
        loser_json = bf.row_to_json(table, loser)
        if (rid, loser_json["hlc"]) in known_losers:
            return
        known_losers.add((rid, loser_json["hlc"]))
        if self._conflict_types is not None:
            self._conflict_types.add(record_type)
        self.s.add(Conflict(
            record_type=record_type, record_id=rid, reason=reason,
            winner=bf.row_to_json(table, winner) if winner else {}, loser=loser_json,
            source_office=source, detected_at=utcnow(), status="open", resolution="",
            resolved_by="", resolved_at=None,
        ))
        self.s.flush()

    # --------------------------------------------------------------------------- evidence
    def copy_evidence(self, zf: zipfile.ZipFile) -> None:
        for sha in sorted(self.evidence_members):
            target = evidence_path(self.store, sha)
            if target.is_file():
                continue
            target.parent.mkdir(parents=True, exist_ok=True)
            tmp = target.with_name(f".{sha}.part")
            digest = hashlib.sha256()
            with zf.open(bf.evidence_member(sha)) as src, tmp.open("wb") as dst:
                if blobcrypt.identity(self.store) is not None:
                    # An encrypted store keeps the file as an age stream, never plain on disk.
                    reader = blobcrypt.HashingReader(src)
                    blobcrypt.encrypt_stream(self.store, reader, dst)  # type: ignore[arg-type]
                    digest = reader.sha
                else:
                    while chunk := src.read(CHUNK):
                        digest.update(chunk)
                        dst.write(chunk)
                dst.flush()
                os.fsync(dst.fileno())
            if digest.hexdigest() != sha:
                tmp.unlink(missing_ok=True)
                raise refuse("member_hash", f"پروندهٔ مستند «{sha}» دست‌کاری شده است.",
                             f"evidence {sha} does not match its SHA-256.")
            os.replace(tmp, target)
            self.summary.evidence_files += 1


def _base_rows(
    record_type: str, pending: list[_Pending], have_base: set[str]
) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """The record_base rows of ``pending``, as (new, old): rows to insert, and rows of records
    that had a base row already (to update).  Both bulk writes (SQLAlchemy and SQLite's
    ``fastwrite``) store the same values; the SQLAlchemy update binds them as ``b_<column>``."""
    rows = [{"record_id": p.row["id"], "record_type": record_type,
             "applied_hlc": p.row["hlc"], "carried_history": history.dumps(p.hist),
             "floor_hlc": p.floor} for p in pending]
    return ([r for r in rows if r["record_id"] not in have_base],
            [r for r in rows if r["record_id"] in have_base])


def _manifest_total(manifest: dict[str, Any]) -> int:
    """Records the manifest says the bundle carries (for progress only)."""
    counts = manifest.get("record_counts")
    if not isinstance(counts, dict):
        return 0
    return sum(n for n in counts.values() if type(n) is int and 0 <= n < sys.maxsize)
