"""Writing a bundle: streamed member by member, hashed while written, signed, optionally
wrapped in age, and renamed into place only when complete (a pulled USB stick never leaves a
half bundle under the real name).

A province's bundle carries its own records (``office_code`` = the province).  HQ writes a
bundle *for* one province (``for_office``): reference data (templates, offices, units, lookups)
and that province's records as HQ has them (HQ's decisions on them); never another province's.
By default a bundle carries the records changed since the previous bundle to the same
recipient; ``full`` carries everything the recipient may see.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import secrets
import zipfile
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

import minisign
import pyrage
from sqlalchemy import ColumnElement, and_, func, or_, select
from sqlalchemy.orm import Session

from integrity_desktop import atomic
from integrity_desktop.db.models import AuditEntry, ExportLog
from integrity_desktop.db.store import Store
from integrity_desktop.errors import UserError
from integrity_desktop.filehash import file_sha256
from integrity_desktop.fileperm import private_file
from integrity_desktop.permissions import Actor, require
from integrity_desktop.services.audit import log as audit
from integrity_desktop.services.store import evidence as evidence_service
from integrity_desktop.services.store.blobcrypt import open_plain
from integrity_desktop.services.store.opening import check_office_code
from integrity_desktop.services.store.records import utcnow
from integrity_desktop.services.store.seed import HQ
from integrity_desktop.sync import bundle_format as bf
from integrity_desktop.sync import history

CHUNK = 1024 * 1024


@dataclass(frozen=True)
class ExportResult:
    path: Path
    seq: int
    sha256: str  # of the ZIP (before any age wrapping): the bundle's identity
    record_counts: dict[str, int]
    evidence_files: int
    size: int  # of the file written
    encrypted: bool
    recipient_office: str
    full: bool
    # Attachments whose file changed on disk after attaching: left out, reported (issue 13).
    damaged_evidence: tuple[Any, ...] = ()


class _HashingWriter:
    """Passes bytes on to a ZIP member while counting and hashing them."""

    def __init__(self, target: IO[bytes]) -> None:
        self.target = target
        self.sha = hashlib.sha256()
        self.size = 0

    def write(self, data: bytes) -> int:
        self.sha.update(data)
        self.size += len(data)
        self.target.write(data)
        return len(data)


def evidence_path(store: Store, sha256: str) -> Path:
    """Where an evidence file's bytes are; ``ValueError`` for anything but 64 lower-case hex
    digits (joined to a folder, an absolute path or ``..`` would leave it)."""
    if not bf.is_sha256(sha256):
        raise ValueError(f"not a SHA-256: {str(sha256)[:80]!r}")
    return store.files_dir / "evidence" / sha256[:2] / sha256


def recipient_for(store: Store, for_office: str | None) -> str:
    """HQ must name the province a bundle is for; a province always writes for HQ."""
    own = store.office_code
    if own == HQ:
        if not for_office or for_office == HQ:
            raise UserError(
                "بستهٔ ستاد برای یک استان ساخته می‌شود: کد استان را با --for-office بدهید.",
                "HQ writes a bundle for one province: give --for-office CODE.",
                code="recipient_needed",
            )
        check_office_code(for_office)
        return for_office
    if for_office not in (None, HQ):
        raise UserError(
            "بستهٔ استان فقط برای ستاد ساخته می‌شود.",
            "A province writes bundles for HQ only.",
            code="recipient_not_hq",
        )
    return HQ


def record_filter(record_type: str, table: Any, own: str, recipient: str) -> ColumnElement[bool]:
    """What the recipient may receive of one record type."""
    office = table.c.office_code
    if own != HQ:
        return office == own
    if record_type in bf.REFERENCE_TYPES:
        return or_(office == HQ, office == recipient)
    return office == recipient


def _entries_of_new_approvals(
    entries: Any, own: str, recipient: str, prev_high: str
) -> ColumnElement[bool]:
    """The entries of every approved checklist a bundle carries, whatever their stamps: an
    approval freezes the answers HQ approved, and the recipient must hold those answers, not
    a later edit of its own that HQ set aside (docs/SYNC.md, "Approval")."""
    checklists = bf.table_of("checklist")
    approved = select(checklists.c.id).where(
        record_filter("checklist", checklists, own, recipient),
        checklists.c.status == "approved", checklists.c.hlc > prev_high)
    return and_(record_filter("checklist_entry", entries, own, recipient),
                entries.c.checklist_id.in_(approved))


def _previous_high(s: Session, recipient: str) -> str:
    return s.scalar(
        select(func.max(ExportLog.hlc_high)).where(ExportLog.recipient == recipient)
    ) or ""


def export_bundle(
    store: Store,
    actor: Actor,
    out: Path,
    signing_key: minisign.SecretKey,
    *,
    full: bool = False,
    encrypt_to: str | None = None,
    for_office: str | None = None,
) -> ExportResult:
    """Write a signed bundle to ``out``; nothing appears under that name unless it is complete."""
    require(actor, "sync.export")
    recipient = recipient_for(store, for_office)
    age_recipient = _parse_recipient(encrypt_to) if encrypt_to else None
    out = Path(out)
    folder = out.parent if str(out.parent) else Path(".")
    if not folder.is_dir():
        raise UserError(
            f"پوشهٔ «{folder}» پیدا نشد. پوشهٔ مقصد را درست بدهید.",
            f"Folder {folder} does not exist.",
            code="export_folder",
        )
    token = secrets.token_hex(4)
    tmp_zip = folder / f".{out.name}.{token}.zip.part"
    tmp_age = folder / f".{out.name}.{token}.age.part"
    try:
        with store.read() as s:
            prev_high = "" if full else _previous_high(s, recipient)
            seq = (s.scalar(
                select(func.count()).select_from(ExportLog).where(ExportLog.recipient == recipient)
            ) or 0) + 1
            counts, members, evidence_count, high, damaged = _write_zip(
                store, s, tmp_zip, recipient, prev_high, seq, full, signing_key
            )
        del members
        sha = file_sha256(tmp_zip)
        if age_recipient is not None:
            pyrage.encrypt_file(str(tmp_zip), str(tmp_age), [age_recipient])  # streams
            with tmp_age.open("rb") as fh:
                os.fsync(fh.fileno())
            tmp_zip.unlink()
            final_tmp = tmp_age
        else:
            final_tmp = tmp_zip
        size = final_tmp.stat().st_size
        private_file(final_tmp)  # a bundle carries personnel cases: owner only (issue 13)
        os.replace(final_tmp, out)
    except OSError as exc:
        raise UserError(
            f"نوشتن بسته در «{out}» ممکن نشد ({exc.strerror}). جای خالی و اجازهٔ نوشتن را "
            "بررسی کنید.",
            f"Cannot write the bundle to {out}: {exc}",
            code="export_write",
        ) from exc
    finally:
        atomic.remove_quietly(tmp_zip)
        atomic.remove_quietly(tmp_age)
    with store.session() as s:
        next_seq = (s.scalar(select(func.max(ExportLog.seq))) or 0) + 1
        s.add(ExportLog(
            seq=next_seq, created_at=utcnow(), hlc_high=max(high, prev_high), full=full,
            recipient=recipient, sha256=sha, record_count=sum(counts.values()),
        ))
        audit.append(s, store, actor, "export_bundle", "bundle", sha, None,
                     {"seq": seq, "recipient": recipient, "full": full, "counts": counts})
        audit.seal_in(s, store, actor, signing_key, "export")  # the key is unlocked: sign the head
    return ExportResult(out, seq, sha, counts, evidence_count, size,
                        age_recipient is not None, recipient, full, tuple(damaged))


def _parse_recipient(text: str) -> pyrage.x25519.Recipient:
    try:
        return pyrage.x25519.Recipient.from_str(text.strip())
    except Exception as exc:  # pyrage raises its own RecipientError or ValueError
        raise UserError(
            "گیرندهٔ age درست نیست. رشته‌ای را بدهید که فرمان key --age-recipient در ادارهٔ "
            "گیرنده چاپ کرده است (با age1 آغاز می‌شود).",
            "Not an age recipient (age1...): use what `key --age-recipient` printed.",
            code="bad_recipient",
        ) from exc




def _write_zip(
    store: Store,
    s: Session,
    path: Path,
    recipient: str,
    prev_high: str,
    seq: int,
    full: bool,
    signing_key: minisign.SecretKey,
) -> tuple[dict[str, int], dict[str, dict[str, Any]], int, str, list[Any]]:
    own = store.office_code
    members: dict[str, dict[str, Any]] = {}
    counts: dict[str, int] = {}
    high = ""
    evidence: set[str] = set()
    rb = bf.record_base_table()
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED, allowZip64=True) as zf:
        for record_type in bf.sync_order():
            table = bf.table_of(record_type)
            cond = record_filter(record_type, table, own, recipient)
            if prev_high:
                cond = and_(cond, table.c.hlc > prev_high)
                if record_type == "checklist_entry":
                    cond = or_(cond, _entries_of_new_approvals(table, own, recipient, prev_high))
            stmt = (
                select(table, rb.c.applied_hlc, rb.c.carried_history, rb.c.floor_hlc)
                .outerjoin(rb, rb.c.record_id == table.c.id)
                .where(cond)
                .order_by(table.c.id)
            )
            n = 0
            name = bf.records_member(record_type)
            writer: _HashingWriter | None = None
            # The member is opened at its first row (no empty members) and closed however the
            # loop ends: a member left open when a write fails (a full disk) made the ZIP's own
            # close raise ValueError in place of the OSError the caller reports.
            with contextlib.ExitStack() as open_member:
                for row in s.execute(stmt, execution_options={"yield_per": 1000}).mappings():
                    if writer is None:
                        writer = _HashingWriter(open_member.enter_context(zf.open(name, "w", force_zip64=True)))
                    data = bf.row_to_json(table, row)
                    data["_history"] = history.current_history(
                        row["hlc"], row["applied_hlc"], row["carried_history"], row["floor_hlc"]
                    )
                    writer.write(bf.canonical_line(data))
                    n += 1
                    high = max(high, row["hlc"])
                    if record_type == "evidence" and not row["deleted"] and bf.is_sha256(row["sha256"]):
                        evidence.add(row["sha256"])  # any other value never becomes a path
            if writer is not None:
                members[name] = {"sha256": writer.sha.hexdigest(), "size": writer.size}
                counts[record_type] = n
        # A file changed on disk since it was attached never travels (HQ would refuse the
        # whole bundle); a missing one: the importer rejects the record and says so.
        intact, damaged = evidence_service.exportable_blobs(store, evidence)
        for sha in sorted(intact):
            blob = evidence_path(store, sha)
            name = bf.evidence_member(sha)
            # Stored, not deflated: evidence is mostly PDF or images already compressed, and
            # the importer's compression-ratio check must never refuse a genuine file.
            info = zipfile.ZipInfo(name, date_time=(2024, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_STORED
            # An encrypted store's file travels as its plain content (the bundle has its own
            # protection: signature, and age encryption to the recipient when asked).
            with open_plain(store, blob) as src, zf.open(info, "w", force_zip64=True) as dst:
                writer = _HashingWriter(dst)
                while chunk := src.read(CHUNK):
                    writer.write(chunk)
            members[name] = {"sha256": writer.sha.hexdigest(), "size": writer.size}
        manifest = {
            "format": bf.FORMAT,
            "format_version": bf.FORMAT_VERSION,
            "schema_version": bf.RECORDS_SCHEMA,
            "source_office": own,
            "recipient_office": recipient,
            "seq": seq,
            "full": full,
            "since_hlc": prev_high,
            "hlc_high": max(high, prev_high),
            "created_at": utcnow().isoformat(timespec="seconds") + "Z",
            "audit_head": {
                "hash": audit.head(s),
                "length": s.scalar(select(func.count()).select_from(AuditEntry)) or 0,
                "restores": audit.restores(s),  # backups restored here: HQ is told (issue 13)
            },
            "members": members,
            "record_counts": counts,
        }
        manifest_bytes = (
            json.dumps(manifest, ensure_ascii=False, sort_keys=True, indent=1) + "\n"
        ).encode("utf-8")
        signature = signing_key.sign(
            manifest_bytes,
            trusted_comment=f"integrity-desktop bundle office:{own} seq:{seq} to:{recipient}",
        )
        zf.writestr(bf.MANIFEST, manifest_bytes)
        zf.writestr(bf.SIGNATURE, bytes(signature) + b"\n")
    with path.open("rb") as fh:
        os.fsync(fh.fileno())
    return counts, members, len(intact), max(high, prev_high), damaged

