"""Importing a verified bundle: one transaction, record by record, with reasons for every
rejection and a conflict row for every version that loses.

Rules (why they hold in any import order, any number of times):

* The winner of a record is the version with the highest key: ``hlc`` (a hybrid-logical-clock
  stamp whose last part is the store that made it, so no two versions tie), except for
  checklists, whose key is ``(approved_hlc, hlc)``: an approved version beats every version that
  does not carry that approval, so a province's later change to an approved checklist never
  replaces HQ's approval.  The winner is the maximum over all versions seen, which does not
  depend on the order they arrive in; the same version twice changes nothing.
* Tombstones (``deleted``) are versions like any other and win only by key, so re-importing an
  old bundle never brings a deleted record back.
* Conflict test (see ``history``): every exported record carries ``_history``, the versions
  it was made from.  When the loser of a merge is not in the winner's history, both sides
  changed the record since they last synced: the loser is stored in ``conflicts`` (once: the
  same loser is never recorded twice), with reason ``concurrent`` or ``approved_locked``.
* A province's bundle may create or change only that province's records; anything else is
  rejected and reported and the rest still merges.  A province accepts from HQ only reference
  data and its own records.  Entries of a checklist that this store holds as approved are not
  changed by a province's later versions: they become ``approved_locked`` conflicts for HQ.
* Evidence files are taken only with their records and are checked against their SHA-256
  while they are copied (temporary name, then rename).  A rolled-back import can leave a
  verified blob behind; blobs are content-addressed, so that is harmless.

Test hook: ``INTEGRITY_TEST_KILL_AFTER_RECORDS=N`` makes the import process exit abruptly
(``os._exit(9)``) after N records have been written inside the open transaction; the tests use
it to prove a killed import leaves the store as it was.  It is read only in the record loop.
"""

from __future__ import annotations

import hashlib
import io
import json
import os
import struct
import zipfile
import zlib
from collections.abc import Iterable, Iterator
from dataclasses import asdict, dataclass, field
from datetime import datetime
from functools import cache, lru_cache
from operator import itemgetter
from pathlib import Path
from typing import IO, Any
from weakref import WeakKeyDictionary

from sqlalchemy import (
    JSON,
    Boolean,
    Connection,
    Select,
    Table,
    bindparam,
    func,
    insert,
    select,
    update,
)
from sqlalchemy.dialects import sqlite
from sqlalchemy.engine import Dialect
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session
from sqlalchemy.sql.compiler import SQLCompiler
from sqlalchemy.sql.elements import ClauseElement

from integrity_desktop.clock import parse_stamp
from integrity_desktop.db.engine import WRITE_OPTION
from integrity_desktop.db.models import Conflict, ImportLog, StoreMeta
from integrity_desktop.db.store import Store
from integrity_desktop.digits import to_persian_digits
from integrity_desktop.permissions import Actor, require
from integrity_desktop.services import audit
from integrity_desktop.services.cases import refresh_derived
from integrity_desktop.services.records import utcnow
from integrity_desktop.services.seed import HQ
from integrity_desktop.sync import bundle_format as bf
from integrity_desktop.sync import history
from integrity_desktop.sync.export import evidence_path
from integrity_desktop.sync.verify import (
    CHUNK,
    IdentityProvider,
    VerifiedBundle,
    damaged,
    opened_bundle,
    refuse,
)

BATCH = 500
KILL_HOOK = "INTEGRITY_TEST_KILL_AFTER_RECORDS"

REJECT_REASONS_FA = {
    "foreign_office": "رکورد ادارهٔ دیگری است؛ این اداره اجازهٔ ساختن یا تغییر آن را ندارد",
    "not_for_this_office": "رکورد ادارهٔ دیگری است و به این اداره نمی‌رسد",
    "invalid_record": "رکورد خوانا یا کامل نیست",
    "missing_parent": "رکورد والد آن (مثلاً سیاهه یا واحد) در این سامانه نیست",
    "evidence_missing": "پروندهٔ مستند همراه رکورد نیامده است",
    "constraint": "با رکورد دیگری هم‌شناسه است (تکراری)",
}


@dataclass
class TypeCounts:
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    conflicts: int = 0
    rejected: int = 0


@dataclass(frozen=True)
class Rejection:
    record_type: str
    record_id: str
    reason: str  # a key of REJECT_REASONS_FA
    detail: str = ""

    @property
    def reason_fa(self) -> str:
        return REJECT_REASONS_FA.get(self.reason, self.reason)


@dataclass(frozen=True)
class Notice:
    code: str  # replay | older | gap | audit_shorter | audit_rewritten | audit_restored
    fa: str
    en: str


@dataclass
class ImportSummary:
    bundle_sha256: str
    source_office: str
    seq: int
    outcome: str  # accepted | replay
    dry_run: bool
    encrypted: bool
    counts: dict[str, TypeCounts] = field(default_factory=dict)
    rejections: list[Rejection] = field(default_factory=list)
    notices: list[Notice] = field(default_factory=list)
    evidence_files: int = 0

    @property
    def changed(self) -> int:
        return sum(c.created + c.updated for c in self.counts.values())

    def to_json(self) -> dict[str, Any]:
        return {
            "bundle_sha256": self.bundle_sha256,
            "source_office": self.source_office,
            "seq": self.seq,
            "outcome": self.outcome,
            "dry_run": self.dry_run,
            "encrypted": self.encrypted,
            "counts": {k: asdict(v) for k, v in self.counts.items()},
            "rejections": [
                {**asdict(r), "reason_fa": r.reason_fa} for r in self.rejections
            ],
            "notices": [asdict(n) for n in self.notices],
            "evidence_files": self.evidence_files,
        }


class _DryRun(Exception):
    pass


@dataclass
class _Pending:
    """A write the merge decided on: the incoming row, its history, the floor to keep, and
    the local version it replaces when that version is lost (with the reason)."""

    row: dict[str, Any]
    hist: history.History
    floor: str
    lost: tuple[dict[str, Any], str] | None
    update: bool = False


def import_bundle(
    store: Store,
    actor: Actor,
    path: Path,
    identities: IdentityProvider,
    *,
    dry_run: bool = False,
) -> ImportSummary:
    """Verify, then merge in one transaction (rolled back for a dry run); refusals raise
    ``BundleRefused`` and write nothing."""
    require(actor, "sync.import")
    with opened_bundle(store, Path(path), identities) as vb:
        return _import_verified(store, actor, vb, dry_run)


# SQLite's DATETIME text by default: what datetime.isoformat(" ", "microseconds") writes for a
# naive datetime.
_SQLITE_DATETIME_FORMAT = (
    "%(year)04d-%(month)02d-%(day)02d %(hour)02d:%(minute)02d:%(second)02d.%(microsecond)06d"
)


def _shortcut(impl: Any, proc: Any) -> Any:
    """A column's bind processor, or one giving the same values faster (see below)."""
    if isinstance(impl, JSON):
        return _json_shortcut(proc)
    if isinstance(impl, Boolean):
        return _bool_shortcut(proc)
    if (isinstance(impl, sqlite.DATETIME)
            and getattr(impl, "_storage_format", None) == _SQLITE_DATETIME_FORMAT):
        return _datetime_shortcut(proc)
    return proc


def _datetime_shortcut(proc: Any) -> Any:
    """SQLite's DATETIME processor for a naive ``datetime`` (every value a record line gives):
    the same text by ``isoformat``; any other value goes to the processor."""

    def process(value: Any) -> Any:
        if type(value) is datetime and value.tzinfo is None:
            return value.isoformat(" ", "microseconds")
        return proc(value)

    return process


def _bool_shortcut(proc: Any) -> Any:
    """A Boolean processor giving ``True`` and ``False`` the values it made for them once."""
    true, false = proc(True), proc(False)

    def process(value: Any) -> Any:
        if value is True:
            return true
        if value is False:
            return false
        return proc(value)

    return process


def _json_shortcut(proc: Any) -> Any:
    """A JSON column's bind processor that gives ``None`` and an empty list or dict (most
    values: a checklist entry's ``subtasks_done`` and ``computed_source``) the text it made
    for them once, and passes every other value to it."""
    none, empty_list, empty_dict = proc(None), proc([]), proc({})

    def process(value: Any) -> Any:
        if value is None:
            return none
        if not value:
            if type(value) is list:
                return empty_list
            if type(value) is dict:
                return empty_dict
        return proc(value)

    return process


class _DriverStatement:
    """A statement compiled once for the database, run with the driver's ``executemany`` on
    tuples made by the columns' own bind processors: the values SQLAlchemy's executemany would
    send, without its per-statement and per-parameter work.  Errors still come wrapped
    (``IntegrityError``) through ``exec_driver_sql``."""

    def __init__(self, stmt: ClauseElement, keys: list[str], dialect: Dialect,
                 param_key: Any = None) -> None:
        compiled = stmt.compile(dialect=dialect, column_keys=keys)
        assert isinstance(compiled, SQLCompiler)
        assert compiled.positional and compiled.positiontup is not None
        self.sql = str(compiled)
        keys = []
        # (position, processor) of the parameters that have a bind processor
        self.procs: list[tuple[int, Any]] = []
        for i, name in enumerate(compiled.positiontup):
            keys.append(param_key(name) if param_key else name)
            impl = compiled.binds[name].type.dialect_impl(dialect)
            proc = impl.bind_processor(dialect)
            if proc is not None:
                self.procs.append((i, _shortcut(impl, proc)))
        assert len(keys) > 1  # itemgetter of one key returns the value, not a tuple
        self.values = itemgetter(*keys)  # a tuple of the values, in parameter order

    def run(self, conn: Connection, rows: list[dict[str, Any]]) -> None:
        values, procs = self.values, self.procs
        params = []
        for r in rows:
            row = list(values(r))
            for i, proc in procs:
                row[i] = proc(row[i])
            params.append(tuple(row))
        conn.exec_driver_sql(self.sql, params)


def _sql_in(dialect: Dialect, columns: list[Any]) -> Any:
    """n -> ``SELECT columns FROM their table WHERE first column IN (?, ... n)`` (the last
    few sizes kept)."""
    quote = dialect.identifier_preparer.quote
    head = (f"SELECT {', '.join(quote(c.name) for c in columns)} "
            f"FROM {quote(columns[0].table.name)} WHERE {quote(columns[0].name)} IN (")

    @lru_cache(maxsize=4)
    def sql(n: int) -> str:
        return head + ", ".join("?" * n) + ")"

    return sql


class _TableWrites:
    """Per table, compiled once per import: the batch selects and (on SQLite) the writes."""

    def __init__(self, record_type: str, table: Table, dialect: Dialect) -> None:
        ids: Any = bindparam("ids", expanding=True)
        self.select_local = select(table).where(table.c.id.in_(ids))
        rb = bf.record_base_table()
        self.select_bases = select(rb).where(rb.c.record_id.in_(ids))
        self.select_losers = select(Conflict).where(Conflict.record_type == record_type,
                                                    Conflict.record_id.in_(ids))
        # Per foreign-key column, the table its value must be found in.
        self.parents = [(col.name, fk.column.table)
                        for col in table.columns for fk in col.foreign_keys]
        self.bases_sql: Any = None  # n -> select_bases' SQL for n ids, on SQLite
        self.insert: _DriverStatement | None = None
        self.update: _DriverStatement | None = None
        self.insert_base: _DriverStatement | None = None
        self.update_base: _DriverStatement | None = None
        if dialect.name != "sqlite":
            return  # elsewhere, SQLAlchemy's executemany (e.g. PostgreSQL's insertmanyvalues)
        base_select = [rb.c.record_id, rb.c.applied_hlc, rb.c.carried_history, rb.c.floor_hlc]
        if dialect.paramstyle == "qmark" and all(
                c.type.dialect_impl(dialect).result_processor(dialect, None) is None
                for c in base_select):
            # Text columns SQLAlchemy hands over as the driver gives them: the expanding IN
            # (SQLAlchemy's work per id) is the larger part of this select's time.
            self.bases_sql = _sql_in(dialect, base_select)
        cols = [c.name for c in table.columns]
        self.insert = _DriverStatement(insert(table), cols, dialect)
        others = [c for c in cols if c != "id"]
        self.update = _DriverStatement(
            update(table).where(table.c.id == bindparam("b_id")).values(
                {c: bindparam(f"b_{c}") for c in others}),
            [], dialect, lambda name: name[2:])
        base_cols = ["record_id", "record_type", "applied_hlc", "carried_history", "floor_hlc"]
        self.insert_base = _DriverStatement(insert(rb), base_cols, dialect)
        self.update_base = _DriverStatement(
            update(rb).where(rb.c.record_id == bindparam("b_record_id")).values(
                {c: bindparam(f"b_{c}") for c in base_cols[1:]}),
            [], dialect, lambda name: name[2:])


@cache
def _select_approvals() -> Select[Any]:
    """Checklists' approval state by id (built once)."""
    table = bf.table_of("checklist")
    ids: Any = bindparam("ids", expanding=True)
    return select(table.c.id, table.c.status, table.c.approved_hlc).where(table.c.id.in_(ids))


# Per database dialect (one per store's engine), each record type's compiled statements, kept
# from one import to the next.
_COMPILED: WeakKeyDictionary[Dialect, dict[str, _TableWrites]] = WeakKeyDictionary()


def _import_verified(
    store: Store, actor: Actor, vb: VerifiedBundle, dry_run: bool
) -> ImportSummary:
    summary = ImportSummary(vb.sha256, vb.source_office, vb.seq, "accepted", dry_run,
                            vb.encrypted)
    session = store.read()
    try:
        with session.begin():
            s = session
            if not dry_run and store.path is not None:
                # Take SQLite's write lock first (BEGIN IMMEDIATE): a read snapshot upgraded to a
                # write later fails at once if another program wrote in between.
                s.connection(execution_options={WRITE_OPTION: True})
            if _already_imported(s, vb.sha256):
                summary.outcome = "replay"
                summary.notices.append(Notice(
                    "replay", "این بسته پیش‌تر وارد شده است؛ چیزی تغییر نکرد.",
                    "This bundle was imported before; nothing changed."))
                if not dry_run:
                    _log(s, actor, vb, summary)
                    return summary
                raise _DryRun
            summary.notices.extend(_sequence_notices(s, vb))
            summary.notices.extend(_audit_notices(s, vb, write=not dry_run))
            merger = _Merger(store, s, vb, summary, dry_run)
            high = merger.run()
            # A case's state is derived from its events: re-derive what this bundle touched.
            refresh_derived(s, merger.touched_cases)
            _log(s, actor, vb, summary)
            audit.append(s, store, actor, "import_bundle", "bundle", vb.sha256, None,
                         {"source": vb.source_office, "seq": vb.seq,
                          "changed": summary.changed})
            if dry_run:
                raise _DryRun
    except _DryRun:
        pass
    finally:
        session.close()
    if not dry_run and high:
        store.clock.observe(high)
    return summary


def _already_imported(s: Session, sha: str) -> bool:
    return s.scalar(
        select(ImportLog.id).where(ImportLog.bundle_sha256 == sha,
                                   ImportLog.outcome == "accepted").limit(1)
    ) is not None


def _log(s: Session, actor: Actor, vb: VerifiedBundle, summary: ImportSummary) -> None:
    created = vb.manifest.get("created_at")
    from datetime import datetime

    try:
        created_at = datetime.fromisoformat(str(created).rstrip("Z")) if created else None
    except ValueError:
        created_at = None
    data = summary.to_json()
    data["recipient_office"] = vb.manifest.get("recipient_office", "")
    s.add(ImportLog(
        bundle_sha256=vb.sha256, source_office=vb.source_office, seq=vb.seq,
        created_at=created_at, imported_at=utcnow(), imported_by=actor.label,
        outcome=summary.outcome, summary=data,
    ))


def seen_sequences(s: Session, source: str, recipient: str) -> set[int]:
    rows = s.execute(
        select(ImportLog.seq, ImportLog.summary).where(
            ImportLog.source_office == source, ImportLog.outcome == "accepted")
    ).all()
    return {seq for seq, data in rows if (data or {}).get("recipient_office", "") == recipient}


def _sequence_notices(s: Session, vb: VerifiedBundle) -> list[Notice]:
    recipient = str(vb.manifest.get("recipient_office", ""))
    seen = seen_sequences(s, vb.source_office, recipient)
    out = []
    if seen and vb.seq < max(seen):
        out.append(Notice(
            "older",
            f"این بسته (شمارهٔ {vb.seq}) قدیمی‌تر از آخرین بستهٔ واردشده از همین اداره "
            f"(شمارهٔ {max(seen)}) است؛ فقط آنچه تازه باشد اثر دارد.",
            f"Bundle seq {vb.seq} is older than the newest imported ({max(seen)}).",
        ))
    top = max(seen | {vb.seq})
    missing = sorted(set(range(1, top)) - seen - {vb.seq})
    if missing:
        listed = ", ".join(str(n) for n in missing[:20])
        out.append(Notice(
            "gap",
            f"بسته‌های شمارهٔ {listed} از ادارهٔ «{vb.source_office}» هنوز نرسیده‌اند.",
            f"Bundles {listed} from {vb.source_office} have not arrived.",
        ))
    return out


def _audit_notices(s: Session, vb: VerifiedBundle, write: bool) -> list[Notice]:
    """Compare the audit-chain head in the bundle with the newest one seen from that office."""
    head = vb.manifest.get("audit_head") or {}
    if not isinstance(head, dict) or "hash" not in head:
        return []
    key = f"audit_head:{vb.source_office}"
    row = s.get(StoreMeta, key)
    known = json.loads(row.value) if row and row.value else None
    out: list[Notice] = []
    if known and vb.seq >= known.get("seq", 0):
        if int(head.get("length", 0)) < int(known.get("length", 0)):
            out.append(Notice(
                "audit_shorter",
                f"تاریخچهٔ رخدادهای ادارهٔ «{vb.source_office}» کوتاه‌تر از نسخهٔ پیشین است؛ "
                "ممکن است بخشی از آن پاک شده باشد. موضوع را پیگیری کنید.",
                f"The audit chain of {vb.source_office} is shorter than before.",
            ))
        elif int(head.get("length", 0)) == int(known.get("length", 0)) and (
            head["hash"] != known.get("hash")
        ):
            out.append(Notice(
                "audit_rewritten",
                f"تاریخچهٔ رخدادهای ادارهٔ «{vb.source_office}» بازنویسی شده است. "
                "موضوع را پیگیری کنید.",
                f"The audit chain of {vb.source_office} was rewritten.",
            ))
    # A backup restored at the office (issue 13): said even when the chain grew again since.
    listed = head.get("restores")
    restores: list[Any] = listed if isinstance(listed, list) else []
    seen_restores = int(known.get("restores", 0)) if known else 0
    for r in restores[seen_restores:]:
        if not isinstance(r, dict):
            continue
        replaced: dict[str, Any] = r.get("replaced_head") or {}
        back: dict[str, Any] = r.get("backup_head") or {}
        if not isinstance(replaced, dict) or not isinstance(back, dict):
            continue
        out.append(Notice(
            "audit_restored",
            f"در ادارهٔ «{vb.source_office}» پشتیبانی بازگردانده شد ({r.get('at', '')}، "
            f"{r.get('actor', '')}): تاریخچه از {to_persian_digits(str(replaced.get('length', '?')))} "
            f"ردیف به {to_persian_digits(str(back.get('length', '?')))} ردیف برگشت."
            + (" پشتیبان از ادارهٔ دیگری بود." if r.get("other_office") else ""),
            f"{vb.source_office} restored a backup on {r.get('at', '')} ({r.get('actor', '')}): "
            f"its audit chain went back from {replaced.get('length', '?')} to "
            f"{back.get('length', '?')} entries.",
        ))
    if write and (not known or vb.seq > known.get("seq", 0)):
        value = json.dumps({"hash": head["hash"], "length": int(head.get("length", 0)),
                            "seq": vb.seq, "restores": len(restores)}, sort_keys=True)
        s.merge(StoreMeta(key=key, value=value))
    return out


def _key(record_type: str, row: dict[str, Any]) -> tuple[str, str]:
    if record_type == "checklist":
        return (row.get("approved_hlc") or "", row["hlc"])
    return ("", row["hlc"])


class _Merger:
    """Applies one bundle's records inside the caller's transaction."""

    def __init__(
        self, store: Store, s: Session, vb: VerifiedBundle, summary: ImportSummary,
        dry_run: bool,
    ) -> None:
        self.store = store
        self.s = s
        self.vb = vb
        self.summary = summary
        self.dry_run = dry_run
        self.source = vb.source_office
        self.own = store.office_code
        self.known_ids: dict[str, set[str]] = {}
        self._parents: dict[str, tuple[str, str | None]] = {}
        self._writes: dict[str, _TableWrites] = {}
        self._conflict_types: set[str] | None = None
        self.high = ""
        self.done = 0
        self.touched_cases: set[str] = set()
        kill = os.environ.get(KILL_HOOK, "")
        self.kill_after = int(kill) if kill.isdigit() else None
        self.batch = 1 if self.kill_after is not None else BATCH
        self.evidence_members = {
            name.split("/", 1)[1] for name in vb.manifest["members"] if name.startswith("evidence/")
        }

    # ----------------------------------------------------------------------------- driver
    def run(self) -> str:
        try:
            return self._run()
        except (zipfile.BadZipFile, zlib.error, EOFError, NotImplementedError, struct.error) as exc:
            # The file was verified a moment ago: it changed on the medium since (a USB stick).
            raise damaged(exc) from exc

    def _run(self) -> str:
        with zipfile.ZipFile(self.vb.zip_path) as zf:
            for record_type in bf.sync_order():
                name = bf.records_member(record_type)
                if name not in self.vb.manifest["members"]:
                    continue
                counts = self.summary.counts.setdefault(record_type, TypeCounts())
                sha = hashlib.sha256()
                with zf.open(name) as fh:
                    for batch in _batches(_hashed_lines(fh, sha), self.batch):
                        self._merge_batch(record_type, counts, batch)
                if sha.hexdigest() != self.vb.manifest["members"][name]["sha256"]:
                    raise refuse("member_hash", f"پروندهٔ «{name}» هنگام خواندن تغییر کرد.",
                                 f"member {name!r} changed while it was read.")
            if not self.dry_run:
                self._copy_evidence(zf)
        return self.high

    # ---------------------------------------------------------------------------- records
    def _ids(self, table: Table) -> set[str]:
        if table.name not in self.known_ids:
            self.known_ids[table.name] = set(self.s.scalars(select(table.c.id)))
        return self.known_ids[table.name]

    def _reject(self, counts: TypeCounts, record_type: str, rid: str, reason: str,
                detail: str = "") -> None:
        counts.rejected += 1
        self.summary.rejections.append(Rejection(record_type, rid, reason, detail))

    def _may_have_conflicts(self, record_type: str) -> bool:
        """Whether the store holds any conflict of this record type (read once per import;
        ``_conflict`` adds the types it records)."""
        if self._conflict_types is None:
            self._conflict_types = set(self.s.scalars(select(Conflict.record_type).distinct()))
        return record_type in self._conflict_types

    def _table_writes(self, record_type: str, table: Table) -> _TableWrites:
        tw = self._writes.get(record_type)
        if tw is None:
            dialect = self.s.get_bind().dialect
            compiled = _COMPILED.setdefault(dialect, {})
            if record_type not in compiled:
                compiled[record_type] = _TableWrites(record_type, table, dialect)
            tw = self._writes[record_type] = compiled[record_type]
        return tw

    def _check(self, record_type: str, table: Table, row: dict[str, Any]) -> str:
        """A rejection reason, or "" when the record may be merged."""
        office = row["office_code"]
        if self.source != HQ and office != self.source:
            return "foreign_office"
        if self.own != HQ and office not in (HQ, self.own):
            return "not_for_this_office"
        for name, parent in self._writes[record_type].parents:  # set by _merge_batch
            value = row.get(name)
            if value is not None and value not in self._ids(parent):
                return "missing_parent"
        if record_type == "evidence" and not row["deleted"]:
            sha = row["sha256"]
            if sha not in self.evidence_members and not evidence_path(self.store, sha).is_file():
                return "evidence_missing"
        return ""

    def _merge_batch(self, record_type: str, counts: TypeCounts, lines: list[bytes]) -> None:
        table = bf.table_of(record_type)
        incoming: list[tuple[dict[str, Any], history.History]] = []
        for line in lines:
            data: Any = None
            try:
                data = bf.loads_line(line)
                hist = history.loads(data.pop("_history", None) or None)
                row = bf.json_to_row(table, data)
                parse_stamp(row["hlc"])
                if not isinstance(row["id"], str) or not row["id"]:
                    raise ValueError("no id")
            except (ValueError, TypeError, KeyError, AttributeError) as exc:
                rid = data.get("id", "") if isinstance(data, dict) else ""
                self._reject(counts, record_type, str(rid), "invalid_record", str(exc))
                continue
            incoming.append((row, hist))
            if record_type == "case":
                self.touched_cases.add(row["id"])
            elif record_type == "case_event":
                self.touched_cases.add(row["case_id"])
        ids = [r["id"] for r, _ in incoming]
        tw = self._table_writes(record_type, table)
        local = {
            r["id"]: dict(r)
            for r in self.s.execute(tw.select_local, {"ids": ids}).mappings()
        }
        if tw.bases_sql is not None:  # SQLite: the same select, run by the driver
            bases = {
                rid: (applied, carried, floor) for rid, applied, carried, floor in
                self.s.connection().exec_driver_sql(tw.bases_sql(len(ids)), tuple(ids))
            } if ids else {}
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
        self._parents = self._approval_states(record_type, [r for r, _ in incoming])
        pending: list[_Pending] = []
        for row, hist in incoming:
            action = self._merge_one(record_type, table, counts, row, hist,
                                     local.get(row["id"]), bases.get(row["id"]), known_losers)
            if action is not None:
                pending.append(action)
        self._apply(record_type, table, counts, pending, set(bases), known_losers)
        self.done += len(incoming)
        if self.kill_after is not None and self.done >= self.kill_after:
            self.s.flush()
            os._exit(9)  # test hook, see the module docstring

    def _merge_one(
        self, record_type: str, table: Table, counts: TypeCounts, row: dict[str, Any],
        hist: history.History, cur: dict[str, Any] | None,
        cur_base: tuple[str, str, str] | None,
        known_losers: set[tuple[str, Any]],
    ) -> _Pending | None:
        """Decide one record: a write to make (returned), or unchanged / rejected / a
        conflict where the local version stays (handled here)."""
        rid = row["id"]
        self.high = max(self.high, row["hlc"])
        reason = self._check(record_type, table, row)
        if reason:
            self._reject(counts, record_type, rid, reason)
            return None
        if cur is not None and cur["hlc"] == row["hlc"]:
            counts.unchanged += 1
            return None
        locked = self._locked_by_approval(record_type, row)
        if cur is None:
            if locked:
                self._conflict(counts, record_type, rid, {}, row, "approved_locked", known_losers)
                return None
            return _Pending(row, hist, row["hlc"], None)
        cur_hist = history.current_history(cur["hlc"], *(cur_base or ("", "", "")))
        key_in, key_cur = _key(record_type, row), _key(record_type, cur)
        if key_in > key_cur and not locked:
            lost: tuple[dict[str, Any], str] | None = None
            if not history.contains(hist, cur["hlc"]):
                # An approval that beats a later, unapproved version locks that version out.
                lost = (cur, "approved_locked" if key_in[0] > key_cur[0] else "concurrent")
            return _Pending(row, hist, max(row["hlc"], cur["hlc"]), lost, update=True)
        # The local version stays.
        if not locked and history.contains(cur_hist, row["hlc"]):
            counts.unchanged += 1
            return None
        reason = "approved_locked" if locked or key_cur[0] > key_in[0] else "concurrent"
        self._conflict(counts, record_type, rid, cur, row, reason, known_losers)
        return None

    def _approval_states(
        self, record_type: str, rows: list[dict[str, Any]]
    ) -> dict[str, tuple[str, str | None]]:
        if record_type not in ("checklist", "checklist_entry") or self.source == HQ:
            return {}
        ids = {r["id"] if record_type == "checklist" else r["checklist_id"] for r in rows}
        return {
            r.id: (r.status, r.approved_hlc)
            for r in self.s.execute(_select_approvals(), {"ids": list(ids)})
        }

    def _locked_by_approval(self, record_type: str, row: dict[str, Any]) -> bool:
        """A province's version, made after HQ's approval, of a checklist (or one of its
        entries) that this store holds as approved."""
        if record_type not in ("checklist", "checklist_entry") or self.source == HQ:
            return False
        checklist_id = row["id"] if record_type == "checklist" else row["checklist_id"]
        status, approved_hlc = self._parents.get(checklist_id, ("", None))
        if status != "approved" or not approved_hlc:
            return False
        return bool(row["hlc"] > approved_hlc)

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
                                 str(exc.orig)[:200])
        # A table's ids read before (it is a parent) take the new ones; one not read yet is
        # read, new rows included, when it is first needed.
        known = self.known_ids.get(table.name)
        for p in done:
            have_base.add(p.row["id"])
            if p.update:
                counts.updated += 1
            else:
                counts.created += 1
                if known is not None:
                    known.add(p.row["id"])
            if p.lost is not None:
                self._conflict(counts, record_type, p.row["id"], p.row, p.lost[0], p.lost[1],
                               known_losers)

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
        base_rows = [{"b_record_id": p.row["id"], "b_record_type": record_type,
                      "b_applied_hlc": p.row["hlc"], "b_carried_history": history.dumps(p.hist),
                      "b_floor_hlc": p.floor} for p in pending]
        new = [r for r in base_rows if r["b_record_id"] not in have_base]
        old = [r for r in base_rows if r["b_record_id"] in have_base]
        if new:
            self.s.execute(insert(rb), [{k[2:]: v for k, v in r.items()} for r in new])
        if old:
            self.s.execute(
                update(rb).where(rb.c.record_id == bindparam("b_record_id")).values(
                    {c: bindparam(f"b_{c}") for c in
                     ("record_type", "applied_hlc", "carried_history", "floor_hlc")}),
                old,
            )

    def _driver_write(
        self, record_type: str, tw: _TableWrites, pending: list[_Pending],
        inserts: list[dict[str, Any]], updates: list[dict[str, Any]], have_base: set[str],
    ) -> None:
        """``_bulk_write`` on SQLite: the same statements and values, see ``_DriverStatement``."""
        assert tw.update and tw.insert_base and tw.update_base and tw.insert
        conn = self.s.connection()
        if inserts:
            tw.insert.run(conn, inserts)
        if updates:
            tw.update.run(conn, updates)
        base_rows = [{"record_id": p.row["id"], "record_type": record_type,
                      "applied_hlc": p.row["hlc"], "carried_history": history.dumps(p.hist),
                      "floor_hlc": p.floor} for p in pending]
        new = [r for r in base_rows if r["record_id"] not in have_base]
        old = [r for r in base_rows if r["record_id"] in have_base]
        if new:
            tw.insert_base.run(conn, new)
        if old:
            tw.update_base.run(conn, old)

    def _conflict(
        self, counts: TypeCounts, record_type: str, rid: str, winner: dict[str, Any],
        loser: dict[str, Any], reason: str, known_losers: set[tuple[str, Any]],
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
            source_office=self.source, detected_at=utcnow(), status="open", resolution="",
            resolved_by="", resolved_at=None,
        ))
        self.s.flush()

    # --------------------------------------------------------------------------- evidence
    def _copy_evidence(self, zf: zipfile.ZipFile) -> None:
        for sha in sorted(self.evidence_members):
            target = evidence_path(self.store, sha)
            if target.is_file():
                continue
            target.parent.mkdir(parents=True, exist_ok=True)
            tmp = target.with_name(f".{sha}.part")
            digest = hashlib.sha256()
            with zf.open(bf.evidence_member(sha)) as src, tmp.open("wb") as dst:
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


def _hashed_lines(fh: IO[bytes], sha: Any) -> Iterator[bytes]:
    """The lines of a member (each with its newline, the last maybe without), hashing the
    member as it is read.  It is read a chunk at a time and split by ``BytesIO`` (in C), not
    line by line (``ZipExtFile.readline`` is Python code)."""
    rest = b""
    while data := fh.read(CHUNK):
        sha.update(data)
        buffer = io.BytesIO(rest + data if rest else data)
        rest = b""
        for line in buffer:
            if line.endswith(b"\n"):
                yield line
            else:
                rest = line
    if rest:
        yield rest


def _batches(lines: Iterable[bytes], size: int) -> Iterator[list[bytes]]:
    batch: list[bytes] = []
    for line in lines:
        if line.strip():
            batch.append(line)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


@dataclass(frozen=True)
class ImportLogRow:
    """One bundle this store has seen, for the import history (newest first)."""

    bundle_sha256: str
    source_office: str
    seq: int
    created_at: Any  # datetime | None: when the source office wrote it
    imported_at: Any  # datetime
    imported_by: str
    outcome: str  # accepted | replay
    records: int  # created + updated
    conflicts: int
    rejected: int


def list_imports(store: Store, actor: Actor, *, offset: int = 0, limit: int = 100) -> list[ImportLogRow]:
    """The import log, newest first, a page at a time (the sync screen's history)."""
    require(actor, "sync.import")
    with store.read() as s:
        rows = s.scalars(
            select(ImportLog).order_by(ImportLog.imported_at.desc(), ImportLog.id).offset(offset).limit(limit)
        ).all()
        out = []
        for r in rows:
            counts = (r.summary or {}).get("counts", {}).values()
            out.append(ImportLogRow(
                r.bundle_sha256, r.source_office, r.seq, r.created_at, r.imported_at, r.imported_by,
                r.outcome, sum(c.get("created", 0) + c.get("updated", 0) for c in counts),
                sum(c.get("conflicts", 0) for c in counts), sum(c.get("rejected", 0) for c in counts),
            ))
        return out


def count_imports(store: Store, actor: Actor) -> int:
    require(actor, "sync.import")
    with store.read() as s:
        return s.scalar(select(func.count()).select_from(ImportLog)) or 0
