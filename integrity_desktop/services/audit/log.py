"""The append-only audit log with a SHA-256 hash chain, signed seals and a content check.

Each entry's hash covers its own fields and the previous entry's hash, so editing or removing
any row breaks every link after it; ``verify`` finds the first broken one.  A hash anyone can
recompute does not stop someone who has the store file, so ``verify_store`` also checks:

- *seals*: the chain's head signed with the office's minisign key (``seal``, at every bundle
  export, every backup made with the passphrase and ``audit seal``).  Without the passphrase
  nobody can sign a new head, so cutting or rewriting the chain at or before a sealed entry is
  caught (docs/THREAT-MODEL.md says what a seal cannot catch);
- *the recorded head*: every append also records the head (seq, hash) in ``store_meta``, so
  rows cut from the end or appended by SQL are seen even after the last seal (a tripwire for
  careless edits only: whoever knows of it can rewrite it);
- *records against their history*: every record of a synced type must equal the ``after`` of
  its last audit entry (an edit by SQL, a name changed, a case set to deleted), unless its
  version came from a bundle (its ``sync_record_base``), from the seed, or from before this
  check began (``audit.content_since``); user accounts must have the name and role their
  audited creation gave them;
- *the schema* (SQLite): no table, column, index, trigger or view beyond what its revision
  has (``db.schema_check``): a trigger that resets ``failed_count`` would switch off lock-out.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any

from sqlalchemy import func, insert, select
from sqlalchemy.orm import Session

from integrity_desktop.db.models import (
    SYNC_MODELS,
    AuditEntry,
    AuditSeal,
    LocalKey,
    RecordBase,
    StoreMeta,
    User,
)
from integrity_desktop.permissions import Actor

if TYPE_CHECKING:
    import minisign

    from integrity_desktop.db.store import Store

GENESIS = "0" * 64
HEAD_META = "audit_head"  # {"seq": n, "hash": h} of the newest entry, written with each append
TAIL_ALARM = "audit.tail_changed"  # appended when the chain did not end at the recorded head
CONTENT_ACTIONS = ("create", "update", "delete")  # what records.add/update/soft_delete write
CONTENT_SINCE = "audit.content_since"  # records stamped before it predate the content check
SEED_STAMP = "0000000000000-0000-seed"  # services.store.seed.SEED_STAMP (no import: seed imports us)
SEAL_VERSION = "integrity-desktop audit seal v1"
# Cached values derived from other records, updated without a version stamp or audit entry
# of their own, so not compared with the record's audit entries: a case's state and date are
# checked against its events instead (cases.derived_mismatches); a checklist's completion and
# search text are caches of its answers (which are audited), set once more after creation.
DERIVED_FIELDS: dict[str, tuple[str, ...]] = {
    "case": ("state", "last_event_on"),
    "checklist": ("completion", "search_text"),
}

# What a case's derived data is called in a finding (``cases.derived_mismatches``' names).
_DERIVED_LABELS_FA = {"state": "وضعیت", "last_event_on": "تاریخ آخرین مرحله",
                      "steps": "مرحله‌های شمرده‌شده در آمار"}


def canonical(value: Any) -> str:
    if value is None:
        return ""
    return json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":"))


def entry_hash(entry: AuditEntry) -> str:
    payload = "\x1f".join(
        [
            entry.prev_hash,
            entry.at.isoformat(timespec="microseconds"),
            entry.actor,
            entry.office_code,
            entry.action,
            entry.entity,
            entry.entity_id,
            entry.before,
            entry.after,
        ]
    )
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()


def head(session: Session) -> str:
    last = session.scalar(select(AuditEntry.hash).order_by(AuditEntry.seq.desc()).limit(1))
    return last or GENESIS


def _record_head(session: Session, seq: int, hash_: str) -> None:
    session.merge(StoreMeta(key=HEAD_META, value=json.dumps({"seq": seq, "hash": hash_})))


def _check_tail(session: Session, office: str) -> None:
    """Before appending: if the chain does not end where the last append left it (rows cut
    from the end, or added by SQL), say so in the chain itself, so the next append does not
    quietly cover it up.  ``verify_store`` reports every such entry."""
    row = session.get(StoreMeta, HEAD_META)
    if row is None or not row.value:
        return
    last = session.execute(select(AuditEntry.seq, AuditEntry.hash)
                           .order_by(AuditEntry.seq.desc()).limit(1)).first()
    found = {"seq": int(last[0]), "hash": str(last[1])} if last else {"seq": 0, "hash": GENESIS}
    try:
        recorded = json.loads(row.value)
    except ValueError:
        recorded = {"unreadable": row.value[:200]}
    if recorded == found:
        return
    _add(session, Actor("system", "", office), TAIL_ALARM, after={"recorded": recorded,
                                                                   "found": found})


def _add(session: Session, actor: Actor, action: str, entity: str = "", entity_id: str = "",
         before: Any = None, after: Any = None) -> AuditEntry:
    entry = AuditEntry(
        at=datetime.now(UTC).replace(tzinfo=None),
        actor=actor.label,
        office_code=actor.office_code,
        action=action,
        entity=entity,
        entity_id=entity_id,
        before=canonical(before),
        after=canonical(after),
        prev_hash=head(session),
    )
    entry.hash = entry_hash(entry)
    session.add(entry)
    session.flush()
    _record_head(session, entry.seq, entry.hash)
    return entry


def append(
    session: Session,
    store: Store | None,
    actor: Actor,
    action: str,
    entity: str = "",
    entity_id: str = "",
    before: Any = None,
    after: Any = None,
) -> AuditEntry:
    """Add one entry to the chain inside the caller's transaction."""
    _check_tail(session, actor.office_code)
    return _add(session, actor, action, entity, entity_id, before, after)


def append_many(
    session: Session, actor: Actor, action: str, items: Iterable[tuple[str, str, Any, Any]]
) -> int:
    """Append one entry per ``(entity, entity_id, before, after)`` in one statement (bulk
    writers such as the demo filler: each record still has its own audited content)."""
    _check_tail(session, actor.office_code)
    prev = head(session)
    at = datetime.now(UTC).replace(tzinfo=None)
    rows: list[dict[str, Any]] = []
    for entity, entity_id, before, after in items:
        entry = AuditEntry(at=at, actor=actor.label, office_code=actor.office_code, action=action,
                           entity=entity, entity_id=entity_id, before=canonical(before),
                           after=canonical(after), prev_hash=prev)
        entry.hash = entry_hash(entry)
        rows.append({c: getattr(entry, c) for c in
                     ("at", "actor", "office_code", "action", "entity", "entity_id", "before",
                      "after", "prev_hash", "hash")})
        prev = entry.hash
    if rows:
        session.execute(insert(AuditEntry), rows)
        last = session.scalar(select(func.max(AuditEntry.seq)))
        _record_head(session, int(last or 0), prev)
    return len(rows)


def start_content_check(store: Store) -> None:
    """Mark, once per store, the version stamp from which every record must have its audited
    content (records stamped earlier, by a program without the check, are only counted)."""
    if store.readonly:
        return
    with store.session() as s:
        if s.scalar(select(AuditEntry.seq).where(AuditEntry.action == CONTENT_SINCE).limit(1)):
            return
        actor = Actor("system", "admin", store.office_code)
        append(s, store, actor, CONTENT_SINCE, after={"hlc": store.clock.now()})
        if s.get(StoreMeta, HEAD_META) is None:  # pragma: no cover - append records it
            _record_head(s, 0, GENESIS)


def restores(session: Session) -> list[dict[str, Any]]:
    """Every restore of a backup into this store, oldest first, for the bundle's manifest:
    HQ sees that (and when, by whom, from which head to which) the history went back."""
    out: list[dict[str, Any]] = []
    for seq, at, actor, after in session.execute(
        select(AuditEntry.seq, AuditEntry.at, AuditEntry.actor, AuditEntry.after)
        .where(AuditEntry.action == "backup.restore").order_by(AuditEntry.seq)
    ):
        fields = _loads(after)
        replaced = fields.get("replaced") or {}
        out.append({
            "seq": seq, "at": at.isoformat(timespec="seconds"), "actor": actor,
            "backup_created_at": fields.get("backup_created_at", ""),
            "backup_head": fields.get("backup_head") or {},
            "replaced_head": {k: replaced.get(k) for k in ("seq", "hash", "length")}
            if isinstance(replaced, dict) else {},
            "other_office": bool(fields.get("other_office")),
        })
    return out


# --------------------------------------------------------------------------- chain


@dataclass(frozen=True)
class VerifyResult:
    checked: int
    broken_seq: int | None
    reason: str = ""

    @property
    def ok(self) -> bool:
        return self.broken_seq is None


def verify(session: Session) -> VerifyResult:
    """Walk the chain in order and report the first entry whose link or hash is wrong."""
    prev = GENESIS
    count = 0
    for entry in session.scalars(select(AuditEntry).order_by(AuditEntry.seq)):
        count += 1
        if entry.prev_hash != prev:
            return VerifyResult(count, entry.seq, "link")
        if entry_hash(entry) != entry.hash:
            return VerifyResult(count, entry.seq, "hash")
        prev = entry.hash
    return VerifyResult(count, None)


# --------------------------------------------------------------------------- seals


@dataclass(frozen=True)
class SealInfo:
    seq: int
    head: str
    length: int
    reason: str
    at: datetime


def seal_message(office: str, seq: int, head_hash: str, length: int, at: datetime,
                 reason: str) -> bytes:
    return (f"{SEAL_VERSION}\noffice={office}\nseq={seq}\nhash={head_hash}\nlength={length}\n"
            f"at={at.isoformat(timespec='seconds')}\nreason={reason}\n").encode()


def seal_in(session: Session, store: Store, actor: Actor, signing_key: minisign.SecretKey,
            reason: str) -> SealInfo:
    """Sign the chain's head inside the caller's transaction (the key is already unlocked).
    The seal is a row of its own, not an entry: the head it signs is the caller's last entry
    (the export, the backup), and the chain's length stays what the bundle announces."""
    from integrity_desktop.services.store.keys import key_id

    last = session.scalars(select(AuditEntry).order_by(AuditEntry.seq.desc()).limit(1)).one()
    length = session.scalar(select(func.count()).select_from(AuditEntry)) or 0
    at = datetime.now(UTC).replace(tzinfo=None, microsecond=0)
    public = session.get(LocalKey, "signing")
    message = seal_message(store.office_code, last.seq, last.hash, length, at, reason)
    signature = signing_key.sign(
        message, trusted_comment=f"integrity-desktop audit seal office:{store.office_code} "
                                 f"seq:{last.seq}")
    session.add(AuditSeal(at=at, seq=last.seq, head=last.hash, length=length, reason=reason,
                          actor=actor.label, key_id=key_id(public.public) if public else "",
                          signature=bytes(signature).decode("utf-8")))
    session.flush()
    return SealInfo(last.seq, last.hash, length, reason, at)


def seal(store: Store, actor: Actor, signing_key: minisign.SecretKey, reason: str) -> SealInfo:
    """``audit seal``: the administrator signs the current head with the office key."""
    from integrity_desktop.permissions import require

    require(actor, "audit.view")
    with store.session() as s:
        return seal_in(s, store, actor, signing_key, reason)


# --------------------------------------------------------------------------- whole store


@dataclass(frozen=True)
class Finding:
    code: str  # link | hash | head | seal | record_changed | record_unaudited | user | schema
    fa: str
    en: str
    seq: int | None = None  # the audit entry concerned, if any
    entity: str = ""
    entity_id: str = ""


@dataclass
class StoreCheck:
    checked: int = 0  # audit entries
    records: int = 0  # records compared with their audit entries
    seals: int = 0
    problems: list[Finding] = field(default_factory=list)
    notes: list[Finding] = field(default_factory=list)  # not failures: what was not covered

    @property
    def ok(self) -> bool:
        return not self.problems

    @property
    def broken_seq(self) -> int | None:
        return next((p.seq for p in self.problems if p.seq is not None), None)


_MAX_NAMED = 50  # records named one by one; beyond that a count


def _n(number: int) -> str:
    from integrity_desktop.digits import to_persian_digits

    return to_persian_digits(str(number))


def _rid(record_id: str) -> str:
    """An ASCII id inside Persian text, kept left-to-right."""
    return f"\u2066{record_id}\u2069"


def verify_chain(store: Store, actor: Actor) -> VerifyResult:
    """The chain check alone (links and hashes), for the audit screen's line above the table."""
    from integrity_desktop.permissions import require

    require(actor, "audit.view")
    with store.read() as s:
        return verify(s)


def verify_for(store: Store, actor: Actor) -> StoreCheck:
    """``audit verify`` for a person: the administrator (who alone reads the log)."""
    from integrity_desktop.permissions import require

    require(actor, "audit.view")
    return verify_store(store)


def verify_store(store: Store) -> StoreCheck:
    """Everything ``audit verify`` checks (see the module's docstring)."""
    result = StoreCheck()
    with store.read() as s:
        chain = _check_chain(s, result)
        _check_head(s, chain, result)
        _check_seals(s, store, chain, result)
        since = _content_since(s)
        _check_records(s, since, result)
        _check_users(s, result)
    if store.path is not None:
        from integrity_desktop.db.schema_check import schema_differences

        for diff in schema_differences(store.path):
            result.problems.append(Finding(
                "schema", f"ساختار پایگاه داده دست‌کاری شده است: {diff.fa}",
                f"the database schema was changed: {diff.en}"))
    return result


def _check_chain(s: Session, result: StoreCheck) -> dict[int, str]:
    """The hash of every entry by seq (for the seals), the first broken link reported."""
    prev = GENESIS
    hashes: dict[int, str] = {}
    broken = False
    for entry in s.scalars(select(AuditEntry).order_by(AuditEntry.seq)).yield_per(2000):
        result.checked += 1
        hashes[entry.seq] = entry.hash
        if broken:
            continue
        reason = ("link" if entry.prev_hash != prev else
                  "hash" if entry_hash(entry) != entry.hash else "")
        if reason:
            broken = True
            result.problems.append(Finding(
                reason,
                f"زنجیرهٔ رویدادنگار در ردیف {_n(entry.seq)} شکسته است: این ردیف یا ردیف "
                "پیش از آن بیرون از برنامه تغییر کرده یا پاک شده است.",
                f"audit chain broken at entry {entry.seq} ({reason})", entry.seq))
        prev = entry.hash
    return hashes


def _check_head(s: Session, chain: dict[int, str], result: StoreCheck) -> None:
    for seq, after in s.execute(select(AuditEntry.seq, AuditEntry.after)
                                .where(AuditEntry.action == TAIL_ALARM).order_by(AuditEntry.seq)):
        fields = _loads(after)
        recorded = fields.get("recorded") or {}
        found = fields.get("found") or {}
        was, now = recorded.get("seq", "?"), found.get("seq", "?")
        cut = isinstance(was, int) and isinstance(now, int) and was > now
        result.problems.append(Finding(
            "head",
            (f"پیش از ردیف {_n(seq)} ردیف‌های پایانی رویدادنگار پاک شده بودند (آخرین ردیف ثبت‌شده "
             f"{_n(was) if isinstance(was, int) else was} بود و زنجیره در "
             f"{_n(now) if isinstance(now, int) else now} پایان می‌یافت).") if cut else
            (f"پیش از ردیف {_n(seq)} پایان رویدادنگار بیرون از برنامه تغییر کرده بود."),
            (f"before entry {seq}, audit entries had been cut from the end (the recorded head was "
             f"entry {was}, the chain ended at {now})") if cut else
            (f"before entry {seq}, the end of the audit chain had been changed or added to "
             "outside the program"), seq))
    row = s.get(StoreMeta, HEAD_META)
    last_seq = max(chain, default=0)
    last_hash = chain.get(last_seq, GENESIS)
    if row is None or not row.value:
        if chain:
            result.problems.append(Finding(
                "head", "سرِ ثبت‌شدهٔ زنجیرهٔ رویدادنگار پاک شده است.",
                "the recorded head of the audit chain is missing"))
        return
    try:
        recorded = json.loads(row.value)
        seq, hash_ = int(recorded["seq"]), str(recorded["hash"])
    except (ValueError, KeyError, TypeError):
        seq, hash_ = -1, ""
    if seq == last_seq and hash_ == last_hash:
        return
    if seq > last_seq or (seq in chain and chain[seq] == hash_):
        fa = (f"ردیف‌های پایانی رویدادنگار پاک شده‌اند: آخرین ردیف ثبت‌شده {_n(seq)} بود و اکنون "
              f"{_n(last_seq)} است.") if seq > last_seq else (
              f"پس از آخرین ردیف ثبت‌شده ({_n(seq)}) ردیف‌هایی بیرون از برنامه افزوده شده‌اند.")
        en = (f"audit entries were cut from the end: the recorded head was entry {seq}, the "
              f"chain now ends at {last_seq}") if seq > last_seq else (
              f"audit entries after the recorded head (entry {seq}) were added outside the program")
    else:
        fa = f"ردیف {_n(seq)} رویدادنگار (سرِ ثبت‌شدهٔ زنجیره) تغییر کرده یا پاک شده است."
        en = f"the recorded head of the audit chain (entry {seq}) was changed or removed"
    result.problems.append(Finding("head", fa, en, seq))


def _check_seals(s: Session, store: Store, chain: dict[int, str], result: StoreCheck) -> None:
    import minisign

    from integrity_desktop.jalali import format_date

    seals = list(s.scalars(select(AuditSeal).order_by(AuditSeal.id)))
    if not seals:
        result.notes.append(Finding(
            "no_seal", "هنوز هیچ مُهر امضاشده‌ای برای زنجیره نیست (با صدور بسته، پشتیبان با "
            "عبارت عبور یا فرمان audit seal ساخته می‌شود).",
            "no signed seal yet (made at bundle exports, backups with the passphrase, audit seal)"))
        return
    key_row = s.get(LocalKey, "signing")
    public = minisign.PublicKey.from_base64(key_row.public) if key_row else None
    for seal_row in seals:
        result.seals += 1
        message = seal_message(store.office_code, seal_row.seq, seal_row.head, seal_row.length,
                               seal_row.at, seal_row.reason)
        try:
            if public is None:
                raise minisign.Error("no public key")
            public.verify(message, minisign.Signature.from_bytes(seal_row.signature.encode()))
        except (minisign.Error, ValueError):
            result.problems.append(Finding(
                "seal", f"امضای مُهر زنجیره در ردیف {_n(seal_row.seq)} درست نیست: مُهر یا کلید "
                "اداره دست‌کاری شده است.",
                f"the signature of the seal at entry {seal_row.seq} does not verify", seal_row.seq))
            continue
        if chain.get(seal_row.seq) != seal_row.head:
            cut = seal_row.seq > max(chain, default=0)
            result.problems.append(Finding(
                "seal",
                (f"رویدادنگار کوتاه شده است: ردیف {_n(seal_row.seq)} که در "
                 f"{format_date(seal_row.at.date())} با کلید اداره مُهر شده بود دیگر نیست.") if cut else
                (f"ردیف {_n(seal_row.seq)} رویدادنگار که با کلید اداره مُهر شده بود بازنویسی شده است."),
                (f"the audit chain was cut: sealed entry {seal_row.seq} is gone") if cut else
                (f"sealed entry {seal_row.seq} of the audit chain was rewritten"), seal_row.seq))


def _content_since(s: Session) -> str | None:
    after = s.scalar(select(AuditEntry.after).where(AuditEntry.action == CONTENT_SINCE)
                     .order_by(AuditEntry.seq).limit(1))
    if not after:
        return None
    try:
        return str(json.loads(after)["hlc"])
    except (ValueError, KeyError, TypeError):
        return ""


def _digest(text: str) -> bytes:
    return hashlib.blake2b(text.encode("utf-8"), digest_size=16).digest()


def _last_entries(s: Session, record_type: str) -> dict[str, tuple[int, bytes]]:
    """Record id -> (seq, digest of ``after``) of each record's newest content entry."""
    newest = (select(AuditEntry.entity_id, func.max(AuditEntry.seq).label("seq"))
              .where(AuditEntry.entity == record_type, AuditEntry.action.in_(CONTENT_ACTIONS))
              .group_by(AuditEntry.entity_id).subquery())
    stmt = select(AuditEntry.entity_id, AuditEntry.seq, AuditEntry.after).join(
        newest, AuditEntry.seq == newest.c.seq)
    return {str(rid): (int(seq), _digest(after))
            for rid, seq, after in s.execute(stmt, execution_options={"yield_per": 2000})}


def _check_records(s: Session, since: str | None, result: StoreCheck) -> None:
    from integrity_desktop.services.store.records import as_dict

    named = 0
    unnamed = 0
    legacy = imported = 0

    def report(finding: Finding) -> None:
        nonlocal named, unnamed
        if named < _MAX_NAMED:
            result.problems.append(finding)
            named += 1
        else:
            unnamed += 1

    for model in SYNC_MODELS:
        kind = model.__sync_type__
        entries = _last_entries(s, kind)
        stmt = (select(model, RecordBase.applied_hlc)
                .outerjoin(RecordBase, RecordBase.record_id == model.id))
        for obj, applied in s.execute(stmt, execution_options={"yield_per": 1000}):
            result.records += 1
            if applied and applied == obj.hlc:
                imported += 1  # this version came in a bundle; the import is audited
                continue
            entry = entries.get(obj.id)
            if entry is None:
                if obj.hlc == SEED_STAMP or since is None or obj.hlc < since:
                    legacy += 1
                    continue
                report(Finding(
                    "record_unaudited",
                    f"رکورد «{kind}» با شناسهٔ {_rid(obj.id)} در رویدادنگار نیست: بیرون از برنامه "
                    "افزوده یا تغییر داده شده است.",
                    f"{kind} {obj.id} has no audit entry: added or changed outside the program",
                    None, kind, obj.id))
                continue
            now_text = canonical(as_dict(obj))
            if _digest(now_text) == entry[1]:
                continue
            after = _loads(s.scalar(select(AuditEntry.after).where(AuditEntry.seq == entry[0])) or "")
            current = json.loads(now_text)
            for name in DERIVED_FIELDS.get(kind, ()):
                after.pop(name, None)
                current.pop(name, None)
            if after == current:  # equal values written differently (5 and 5.0), or derived
                continue
            fields = sorted(k for k in set(after) | set(current) if after.get(k) != current.get(k))
            report(Finding(
                "record_changed",
                f"رکورد «{kind}» با شناسهٔ {_rid(obj.id)} با آخرین ردیف رویدادنگار آن (ردیف {_n(entry[0])}) "
                f"نمی‌خواند: {'، '.join(fields)} بیرون از برنامه تغییر کرده است.",
                f"{kind} {obj.id} differs from its last audit entry {entry[0]}: "
                f"{', '.join(fields)} changed outside the program", entry[0], kind, obj.id))
        s.expunge_all()  # the read session keeps no record of a type once it is checked
    from integrity_desktop.services.cases.register import derived_mismatches

    for case_id, fields in derived_mismatches(s):
        report(Finding(
            "record_changed",
            f"وضعیت پروندهٔ {_rid(case_id)} با رویدادهای آن نمی‌خواند: "
            f"{'، '.join(_DERIVED_LABELS_FA.get(f, f) for f in fields)} بیرون از برنامه تغییر کرده است.",
            f"case {case_id}: {', '.join(fields)} differ from its events (changed outside the "
            "program)", None, "case", case_id))
    if unnamed:
        result.problems.append(Finding(
            "record_changed", f"و {_n(unnamed)} رکورد دیگر نیز با رویدادنگار نمی‌خوانند.",
            f"and {unnamed} more records differ from the audit log"))
    if imported:
        result.notes.append(Finding(
            "imported", f"{_n(imported)} رکورد نسخهٔ رسیده از بسته‌ها را دارند (ورود بسته ثبت شده است).",
            f"{imported} records hold a version received in a bundle (the import is audited)"))
    if legacy:
        result.notes.append(Finding(
            "legacy", f"{_n(legacy)} رکورد پیش از آغاز این بررسی یا از دادهٔ پایه ساخته شده‌اند.",
            f"{legacy} records predate the content check or are seeded reference data"))


def _loads(text: str) -> dict[str, Any]:
    try:
        value = json.loads(text) if text else {}
    except ValueError:
        return {}
    return value if isinstance(value, dict) else {}


def _check_users(s: Session, result: StoreCheck) -> None:
    """Each account must have the name and role its audited creation gave it."""
    audited: dict[str, dict[str, Any]] = {}
    for entity_id, action, after in s.execute(
        select(AuditEntry.entity_id, AuditEntry.action, AuditEntry.after)
        .where(AuditEntry.entity == "user").order_by(AuditEntry.seq)
    ):
        fields = _loads(after)
        state = audited.setdefault(entity_id, {})
        if action == "user.create":
            state.update({"username": fields.get("username"), "role": fields.get("role", "admin")})
        for key in ("username", "role", "active"):
            if action != "user.create" and key in fields:
                state[key] = fields[key]
    for user in s.scalars(select(User).order_by(User.username)):
        known = audited.get(user.id)
        if known is None:
            result.problems.append(Finding(
                "user", f"حساب کاربری «{user.username}» در رویدادنگار ساخته نشده است: بیرون از "
                "برنامه افزوده شده است.",
                f"account {user.username!r} was not created through the program", None, "user",
                user.id))
            continue
        wrong = [k for k in ("username", "role") if known.get(k) is not None
                 and known[k] != getattr(user, k)]
        if "active" in known and bool(known["active"]) != bool(user.active):
            wrong.append("active")
        if wrong:
            result.problems.append(Finding(
                "user", f"حساب کاربری «{user.username}» بیرون از برنامه تغییر کرده است "
                f"({'، '.join(wrong)}).",
                f"account {user.username!r} was changed outside the program ({', '.join(wrong)})",
                None, "user", user.id))
