"""The import log: every bundle this store has seen (keyed by the ZIP's SHA-256), the listing
the sync screen's history shows, sequence numbers per (source, recipient) and the audit-chain
head each office last sent.  The notices it gives: replay, older, gap, audit_shorter,
audit_rewritten."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from integrity_desktop.db.models import ImportLog, StoreMeta
from integrity_desktop.db.store import Store
from integrity_desktop.digits import to_persian_digits
from integrity_desktop.permissions import Actor, require
from integrity_desktop.services.store.records import utcnow
from integrity_desktop.sync.summary import ImportSummary, Notice
from integrity_desktop.sync.verify import VerifiedBundle

LISTED_GAPS = 20


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


def already_imported(s: Session, sha: str) -> bool:
    """Whether this bundle was merged before and nothing of it was turned away by a limit
    (then a re-import is a replay; otherwise it is merged again, which retries the rest)."""
    for (summary,) in s.execute(
        select(ImportLog.summary).where(ImportLog.bundle_sha256 == sha,
                                        ImportLog.outcome == "accepted")
    ):
        if not (summary or {}).get("incomplete"):
            return True
    return False


def log_import(s: Session, actor: Actor, vb: VerifiedBundle, summary: ImportSummary) -> None:
    created = vb.manifest.get("created_at")
    try:
        created_at = datetime.fromisoformat(str(created).rstrip("Z")) if created else None
    except ValueError:
        created_at = None
    if created_at is not None and created_at.tzinfo is not None:
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


def missing_sequences(seen: set[int], top: int, *, limit: int = LISTED_GAPS) -> tuple[list[int], int]:
    """The first ``limit`` numbers below ``top`` not in ``seen``, and how many there are in
    all; never a set of every number up to ``top`` (a signed manifest may say 2,000,000,000)."""
    below = sum(1 for n in seen if 1 <= n < top)
    first: list[int] = []
    n = 1
    while len(first) < limit and n < top:
        if n not in seen:
            first.append(n)
        n += 1
    return first, max(0, top - 1 - below)


def sequence_notices(s: Session, vb: VerifiedBundle) -> list[Notice]:
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
    missing, count = missing_sequences(seen | {vb.seq}, max(seen | {vb.seq}))
    if missing:
        listed = ", ".join(str(n) for n in missing)
        if count > len(missing):
            listed += f" … ({count})"
        out.append(Notice(
            "gap",
            f"بسته‌های شمارهٔ {listed} از ادارهٔ «{vb.source_office}» هنوز نرسیده‌اند.",
            f"Bundles {listed} from {vb.source_office} have not arrived.",
        ))
    return out


def audit_notices(s: Session, vb: VerifiedBundle, write: bool) -> list[Notice]:
    """Compare the audit-chain head in the bundle with the newest one seen from that office
    (the manifest's ``audit_head`` was checked for its form by ``verify``)."""
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
