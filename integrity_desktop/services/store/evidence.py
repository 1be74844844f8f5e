"""Evidence files (scanned letters, PDFs, images, office documents) attached to records.

Bytes are stored once per content under ``<files_dir>/evidence/<sha[:2]>/<sha>``: the same
scan attached to ten answers takes the space of one.  A file is streamed in chunks (never read
whole), written to a temporary file and renamed, so a crash leaves no half blob under a real
name.  The original file name is kept only as a label to show; it never becomes a path.
"""

from __future__ import annotations

import hashlib
import os
import tempfile
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path, PurePosixPath, PureWindowsPath

import pyrage
from sqlalchemy import func, select

from integrity_desktop import atomic
from integrity_desktop.db.models import SYNC_MODELS, Evidence
from integrity_desktop.db.store import Store
from integrity_desktop.digits import format_number, to_persian_digits
from integrity_desktop.errors import UserError
from integrity_desktop.fileperm import private_dir
from integrity_desktop.permissions import Actor, require
from integrity_desktop.services.store import records
from integrity_desktop.services.store.blobcrypt import (
    HashingReader,
    encrypt_stream,
    is_encrypted_blob,
    open_plain,
    plain_digest,
)

CHUNK = 1 << 20
DEFAULT_MAX_MB = 50
META_MAX_MB = "evidence_max_mb"

_ZIP = b"PK\x03\x04"
_OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
# extension -> (MIME type, accepted leading bytes; empty = checked as text)
ALLOWED: dict[str, tuple[str, tuple[bytes, ...]]] = {
    "pdf": ("application/pdf", (b"%PDF-",)),
    "jpg": ("image/jpeg", (b"\xff\xd8\xff",)),
    "jpeg": ("image/jpeg", (b"\xff\xd8\xff",)),
    "png": ("image/png", (b"\x89PNG\r\n\x1a\n",)),
    "tif": ("image/tiff", (b"II*\x00", b"MM\x00*")),
    "tiff": ("image/tiff", (b"II*\x00", b"MM\x00*")),
    "doc": ("application/msword", (_OLE,)),
    "xls": ("application/vnd.ms-excel", (_OLE,)),
    "docx": ("application/vnd.openxmlformats-officedocument.wordprocessingml.document", (_ZIP,)),
    "xlsx": ("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", (_ZIP,)),
    "odt": ("application/vnd.oasis.opendocument.text", (_ZIP,)),
    "ods": ("application/vnd.oasis.opendocument.spreadsheet", (_ZIP,)),
    "txt": ("text/plain", ()),
}

# Who may attach to what: the permission of editing the owner record.
OWNER_PERMISSIONS: dict[str, str] = {
    "checklist_entry": "checklists.edit",
    "checklist": "checklists.edit",
    "visit": "inspections.edit",
    "finding": "inspections.edit",
    "corrective_action": "inspections.edit",
    "case": "cases.edit",
    "case_event": "cases.edit",
    # issue 21: an appointing letter, a meeting's minutes, a course's attendance sheet
    "committee_member": "committee.edit",
    "committee_meeting": "committee.edit",
    "training_course": "training.edit",
}
_VIEW_PERMISSIONS = {"checklists.edit": "checklists.view", "inspections.edit": "inspections.view",
                     "cases.edit": "cases.view_personal", "committee.edit": "committee.view",
                     "training.edit": "training.view"}


@dataclass(frozen=True)
class EvidenceInfo:
    id: str
    sha256: str
    filename: str  # a label to show, never a path
    mime: str
    size: int
    owner_type: str
    owner_id: str
    note: str
    updated_at: datetime
    updated_by: str

    @property
    def size_label(self) -> str:
        """«۱٫۲ مگابایت» / «۳۴ کیلوبایت» for a list."""
        if self.size >= 1 << 20:
            return f"{format_number(self.size / (1 << 20), 1)} مگابایت"
        return f"{format_number(max(1, round(self.size / 1024)))} کیلوبایت"


def _info(e: Evidence) -> EvidenceInfo:
    return EvidenceInfo(e.id, e.sha256, e.filename, e.mime, e.size, e.owner_type, e.owner_id, e.note,
                        e.updated_at, e.updated_by)


def display_name(source: str) -> str:
    """The last part of a name under either path convention, so ``..\\x/../a.pdf`` -> ``a.pdf``."""
    name = PureWindowsPath(PurePosixPath(str(source)).name).name
    # Drop control and direction marks (U+202E can make "x\u202efdp.exe" read as "xexe.pdf"),
    # but keep the zero-width non-joiner: it is part of Persian spelling (گزارش‌ها).
    name = "".join(c for c in name if c.isprintable() or c == "\u200c").strip().lstrip(".")
    return name[:255] or "file"


def max_bytes(store: Store) -> int:
    raw = store.get_meta(META_MAX_MB, str(DEFAULT_MAX_MB))
    try:
        mb = float(raw)
    except ValueError:
        mb = DEFAULT_MAX_MB
    return int(mb * (1 << 20))


def set_max_mb(store: Store, actor: Actor, mb: int) -> None:
    """The size limit of one file in megabytes (store setting, default 50)."""
    require(actor, "evidence.settings")
    if isinstance(mb, bool) or not isinstance(mb, int) or not 1 <= mb <= 2048:
        raise UserError("حد اندازه را عددی درست از ۱ تا ۲۰۴۸ مگابایت بدهید.",
                        "Give the limit as 1..2048 MB.", code="invalid_limit")
    store.set_meta(META_MAX_MB, str(mb))


def blob_path(store: Store, sha256: str) -> Path:
    if len(sha256) != 64 or any(c not in "0123456789abcdef" for c in sha256):
        raise ValueError(f"not a sha256: {sha256!r}")
    return store.files_dir / "evidence" / sha256[:2] / sha256


def _too_large(name: str, limit: int) -> UserError:
    return UserError(
        f"فایل «{name}» بزرگ‌تر از {to_persian_digits(str(limit >> 20))} مگابایت است. آن را فشرده‌تر "
        "اسکن کنید یا به چند فایل کوچک‌تر بشکنید.",
        f"{name} is larger than the limit of {limit >> 20} MB.",
        code="evidence_too_large",
    )


def _check_type(source: Path, name: str) -> tuple[str, str]:
    ext = name.rsplit(".", 1)[-1].lower() if "." in name else ""
    if ext not in ALLOWED:
        allowed = "، ".join(sorted(ALLOWED))
        raise UserError(
            f"نوع فایل «{name}» پذیرفته نیست. فقط این نوع‌ها را می‌توان پیوست کرد: {allowed}.",
            f"File type of {name} is not allowed; allowed: {', '.join(sorted(ALLOWED))}.",
            code="evidence_type",
        )
    mime, magics = ALLOWED[ext]
    with source.open("rb") as fh:
        head = fh.read(4096)
    if magics:
        ok = any(head.startswith(m) for m in magics)
    else:
        ok = b"\x00" not in head
        if ok:
            try:
                head.decode("utf-8")
            except UnicodeDecodeError as exc:
                ok = exc.start >= len(head) - 3  # a character cut at the end of the sniff is fine
    if not ok:
        raise UserError(
            f"محتوای فایل «{name}» با پسوند آن ({ext}) نمی‌خواند؛ شاید فایل خراب است یا پسوندش "
            "عوض شده است. فایل درست را برگزینید.",
            f"The content of {name} does not match its .{ext} extension.",
            code="evidence_content",
        )
    return ext, mime


def _check_owner(store: Store, owner_type: str, owner_id: str) -> None:
    models = {m.__sync_type__: m for m in SYNC_MODELS}
    model = models.get(owner_type)
    if model is None:
        raise ValueError(f"unknown owner type {owner_type!r}")
    with store.read() as s:
        owner = s.get(model, owner_id)
        if owner is None or owner.deleted:
            raise UserError("رکوردی که پیوست به آن است پیدا نشد.", f"{owner_type} {owner_id} not found.",
                            code="owner_missing")


def store_blob(store: Store, source: Path, limit: int, name: str) -> tuple[str, int]:
    """Copy ``source`` into the blob store in chunks; returns (sha256, size)."""
    private_dir(store.files_dir)
    folder = private_dir(store.files_dir / "evidence")
    digest = hashlib.sha256()
    size = 0
    fd, tmp = tempfile.mkstemp(prefix=".incoming-", dir=folder)
    try:
        with os.fdopen(fd, "wb") as out, source.open("rb") as src:
            if store.key is not None:
                # An encrypted store: the bytes go to disk only as an age stream.
                reader = HashingReader(src, limit)
                try:
                    encrypt_stream(store, reader, out)  # type: ignore[arg-type]
                except pyrage.EncryptError:
                    if reader.too_large:  # the file grew while being copied
                        raise _too_large(name, limit) from None
                    raise
                digest, size = reader.sha, reader.size
            else:
                while chunk := src.read(CHUNK):
                    size += len(chunk)
                    if size > limit:  # the file grew while being copied
                        raise _too_large(name, limit)
                    digest.update(chunk)
                    out.write(chunk)
            out.flush()
            os.fsync(out.fileno())
        sha = digest.hexdigest()
        target = blob_path(store, sha)
        if target.exists() and plain_digest(store, target)[0] == sha:
            os.remove(tmp)
        else:
            # New, or a stored copy changed on disk since: the genuine file attached again
            # repairs it.
            target.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
            os.replace(tmp, target)
        return sha, size
    except BaseException:
        atomic.remove_quietly(tmp)
        raise


def attach(
    store: Store, actor: Actor, owner_type: str, owner_id: str, source_path: str | os.PathLike[str],
    note: str = "", *, operation: str | None = None,
) -> EvidenceInfo:
    """Store a file and attach it to a record; the same file on the same record is kept once.

    ``operation`` is the permission needed (default: editing the owner's area).
    """
    require(actor, operation or OWNER_PERMISSIONS.get(owner_type, "checklists.edit"))
    source = Path(source_path)
    name = display_name(str(source_path))
    if not source.is_file():
        raise UserError(f"فایل «{name}» پیدا نشد یا خواندنی نیست.", f"{source} is not a readable file.",
                        code="evidence_missing")
    limit = max_bytes(store)
    if source.stat().st_size > limit:
        raise _too_large(name, limit)
    _ext, mime = _check_type(source, name)
    _check_owner(store, owner_type, owner_id)
    try:
        sha, size = store_blob(store, source, limit, name)
    except OSError as exc:
        raise UserError(
            f"فایل «{name}» ذخیره نشد ({exc.strerror or exc}). جای خالی دیسک را بررسی کنید.",
            f"Could not store {name}: {exc}",
            code="evidence_write",
        ) from exc
    with store.session() as s:
        existing = s.scalar(select(Evidence).where(
            Evidence.owner_type == owner_type, Evidence.owner_id == owner_id,
            Evidence.sha256 == sha, Evidence.deleted.is_(False),
        ).limit(1))
        if existing is not None:
            return _info(existing)
        record = Evidence(sha256=sha, filename=name, mime=mime, size=size, owner_type=owner_type,
                          owner_id=owner_id, note=note.strip()[:255])
        records.add(s, store, actor, record)
        return _info(record)


def attach_all(
    store: Store, actor: Actor, owner_type: str, owner_id: str, paths: Sequence[str | os.PathLike[str]],
    report: Callable[[int, int, str], None],
) -> int:
    """``attach`` each of ``paths`` in turn, telling ``report`` (done, of, file name) before
    each; how many were attached.  A refusal stops there: the files before it stay attached."""
    for i, path in enumerate(paths):
        report(i, len(paths), display_name(str(path)))
        attach(store, actor, owner_type, owner_id, path)
    return len(paths)


def list_for(store: Store, actor: Actor, owner_type: str, owner_id: str) -> list[EvidenceInfo]:
    """The attachments of one record, oldest first."""
    operation = OWNER_PERMISSIONS.get(owner_type, "checklists.edit")
    require(actor, _VIEW_PERMISSIONS.get(operation, "checklists.view"))
    with store.read() as s:
        rows = s.scalars(select(Evidence).where(
            Evidence.owner_type == owner_type, Evidence.owner_id == owner_id, Evidence.deleted.is_(False)
        ).order_by(Evidence.updated_at, Evidence.id))
        return [_info(e) for e in rows]


def count_for(store: Store, owner_type: str, owner_ids: list[str]) -> dict[str, int]:
    """How many attachments each of ``owner_ids`` has (only those with any)."""
    if not owner_ids:
        return {}
    with store.read() as s:
        return dict(s.execute(select(Evidence.owner_id, func.count()).where(
            Evidence.owner_type == owner_type, Evidence.owner_id.in_(owner_ids), Evidence.deleted.is_(False)
        ).group_by(Evidence.owner_id)).tuples().all())


def get(store: Store, evidence_id: str) -> EvidenceInfo:
    with store.read() as s:
        e = s.get(Evidence, evidence_id)
        if e is None or e.deleted:
            raise UserError("پیوست پیدا نشد.", f"Evidence {evidence_id} not found.", code="evidence_missing")
        return _info(e)


def path_of(store: Store, evidence: EvidenceInfo) -> Path:
    """Where the bytes are, for "open with the system viewer", checked first: a missing file
    or one changed on disk since it was attached is never opened (a clear error instead)."""
    path = blob_path(store, evidence.sha256)
    if not path.is_file():
        raise UserError(
            f"فایل پیوست «{evidence.filename}» در پوشهٔ داده نیست؛ شاید هنوز همگام نشده یا پاک شده است.",
            f"The blob of {evidence.filename} ({evidence.sha256}) is missing.",
            code="evidence_blob_missing",
        )
    if not blob_intact(store, evidence.sha256):
        raise _changed_error(DamagedFile(evidence.sha256, evidence.filename, evidence.owner_type,
                                         evidence.owner_id, owner_label(store, evidence.owner_type,
                                                                        evidence.owner_id), False))
    if is_encrypted_blob(path):
        # The system viewer needs the plain file: decrypted into a private temporary folder
        # (removed when the program ends), under the attachment's own extension.
        folder = private_dir(Path(tempfile.gettempdir()) / f"integrity-open-{os.getpid()}")
        _register_cleanup(folder)
        plain = folder / f"{evidence.sha256[:16]}{Path(evidence.filename).suffix[:10]}"
        fd = os.open(plain, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(fd, "wb") as out, open_plain(store, path) as src:
            while chunk := src.read(CHUNK):
                out.write(chunk)
        return plain
    return path


IMAGE_MIMES = frozenset({"image/png", "image/jpeg"})
PREVIEW_LIMIT = 12 << 20  # a phone photo fits; larger pictures are listed without a thumbnail


def image_bytes(store: Store, evidence: EvidenceInfo, limit: int = PREVIEW_LIMIT) -> bytes | None:
    """A picture's checked plain bytes for a thumbnail, or None when the file is not a picture,
    is larger than ``limit``, or is missing or changed on disk (opening it says why)."""
    if evidence.mime not in IMAGE_MIMES or evidence.size > limit:
        return None
    path = blob_path(store, evidence.sha256)
    try:
        with open_plain(store, path) as src:
            data = src.read(limit + 1)
    except (OSError, ValueError, pyrage.DecryptError):
        return None
    # Read once and checked here: a picture changed on disk is never shown as the evidence.
    return data if len(data) <= limit and hashlib.sha256(data).hexdigest() == evidence.sha256 else None


def viewable_copy(store: Store, evidence: EvidenceInfo, root: Path | None = None) -> Path:
    """A plain copy of the checked bytes under the attachment's own name and extension, for
    "open with the system viewer": the blob is named by its hash with no extension (and may be
    encrypted), so a viewer could not tell a PDF from a picture.  The copy lives in a private
    temporary folder removed when the program ends; one copy per blob, made again when absent or
    different; any failure is a Persian error that says what to do."""
    source = path_of(store, evidence)
    name = display_name(evidence.filename)
    try:
        top = private_dir(root or Path(tempfile.gettempdir()) / f"integrity-open-{os.getpid()}")
        _register_cleanup(top)
        folder = top / evidence.sha256[:16]
        target = folder / name
        if not (target.is_file() and target.stat().st_size == evidence.size):
            private_dir(folder)
            partial = folder / f".{evidence.sha256[:8]}.part"
            fd = os.open(partial, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
            with source.open("rb") as src, os.fdopen(fd, "wb") as dst:
                while chunk := src.read(1 << 20):
                    dst.write(chunk)
            os.replace(partial, target)
    except OSError as exc:
        raise UserError(
            f"نسخه‌ای از «{name}» برای باز کردن ساخته نشد ({exc.strerror or exc}); "
            "جای خالی دیسک و دسترسی به پوشهٔ موقت را بررسی کنید و دوباره بکوشید.",
            f"Could not copy {name} to open it: {exc}",
            code="evidence_open_copy",
        ) from exc
    return target


_cleanups: set[Path] = set()


def _register_cleanup(folder: Path) -> None:
    if folder in _cleanups:
        return
    import atexit
    import shutil

    _cleanups.add(folder)
    atexit.register(shutil.rmtree, folder, True)


def verify(store: Store, evidence: EvidenceInfo) -> bool:
    """Whether the stored bytes still hash to the recorded SHA-256 (and have the recorded size)."""
    path = blob_path(store, evidence.sha256)
    if not path.is_file():
        return False
    return plain_digest(store, path) == (evidence.sha256, evidence.size)


# --------------------------------------------------------------------------- integrity




def blob_intact(store: Store, sha256: str) -> bool:
    """The stored file of ``sha256`` is there and still hashes to its name."""
    path = blob_path(store, sha256)
    try:
        return path.is_file() and plain_digest(store, path)[0] == sha256
    except OSError:
        return False


@dataclass(frozen=True)
class DamagedFile:
    """An attachment whose stored file is missing or was changed on disk after attaching."""

    sha256: str
    filename: str
    owner_type: str
    owner_id: str
    owner_label: str  # the record it belongs to, in Persian
    missing: bool

    @property
    def message_fa(self) -> str:
        what = "در پوشهٔ داده نیست" if self.missing else "پس از پیوست شدن روی دیسک تغییر کرده است"
        return (f"فایل پیوست «{self.filename}» ({self.owner_label}) {what}؛ این فایل فرستاده و "
                "پشتیبان‌گیری نمی‌شود. فایل اصلی را دوباره به همان رکورد پیوست کنید.")

    @property
    def message_en(self) -> str:
        what = "is missing" if self.missing else "was changed on disk after it was attached"
        return (f"attachment {self.filename} of {self.owner_type} {self.owner_id} {what}; attach "
                "the genuine file again")


def _changed_error(damaged: DamagedFile) -> UserError:
    return UserError(
        f"فایل پیوست «{damaged.filename}» ({damaged.owner_label}) پس از پیوست شدن روی دیسک تغییر "
        "کرده است و باز نمی‌شود. فایل اصلی را دوباره به همان رکورد پیوست کنید تا درست شود، و موضوع "
        "را به مسئول امنیت اداره بگویید.",
        damaged.message_en,
        code="evidence_changed",
    )


def damaged_files(store: Store, shas: Iterable[str]) -> list[DamagedFile]:
    """The attachments (live records) whose stored file of one of ``shas`` is missing or
    changed: what export and backup leave out and report."""
    bad: dict[str, bool] = {}
    for sha in sorted(set(shas)):
        try:
            path = blob_path(store, sha)
        except ValueError:
            continue
        if not path.is_file():
            bad[sha] = True
        elif not blob_intact(store, sha):
            bad[sha] = False
    if not bad:
        return []
    out: list[DamagedFile] = []
    with store.read() as s:
        rows = list(s.scalars(select(Evidence).where(Evidence.sha256.in_(list(bad)),
                                                     Evidence.deleted.is_(False))
                              .order_by(Evidence.sha256, Evidence.id)))
    for e in rows:
        out.append(DamagedFile(e.sha256, e.filename, e.owner_type, e.owner_id,
                               owner_label(store, e.owner_type, e.owner_id), bad[e.sha256]))
    named = {d.sha256 for d in out}
    out.extend(DamagedFile(sha, sha[:12], "", "", "بدون رکورد زنده", missing)
               for sha, missing in bad.items() if sha not in named)
    return out


def exportable_blobs(store: Store, shas: Iterable[str]) -> tuple[set[str], list[DamagedFile]]:
    """For a bundle: the files whose bytes still match their SHA-256 (only these travel), and
    the attachments whose file was changed on disk (reported, never exported).  A missing
    file is neither: the importer already rejects that record with its own reason."""
    wanted = set(shas)
    damaged = [d for d in damaged_files(store, wanted) if not d.missing]
    changed = {d.sha256 for d in damaged}
    present = {sha for sha in wanted if blob_path(store, sha).is_file()}
    return present - changed, damaged


_OWNER_FA = {
    "case": "پروندهٔ تخلف", "case_event": "رویداد پروندهٔ تخلف", "checklist": "چک‌لیست",
    "checklist_entry": "شاخص چک‌لیست", "visit": "بازدید", "finding": "یافتهٔ بازدید",
    "corrective_action": "اقدام اصلاحی",
    "committee_member": "عضو کمیتهٔ سلامت اداری", "committee_meeting": "جلسهٔ کمیتهٔ سلامت اداری",
    "training_course": "دورهٔ آموزشی",
}


def owner_label(store: Store, owner_type: str, owner_id: str) -> str:
    """«پروندهٔ تخلف ۱۴۰۳/۰۰۱۲», «شاخص ۶/۱ چک‌لیست …», else the kind and its id."""
    from integrity_desktop.db.models import Case, CaseEvent, Checklist, ChecklistEntry, TemplateItem

    kind = _OWNER_FA.get(owner_type, owner_type)
    try:
        with store.read() as s:
            if owner_type == "case" and (case := s.get(Case, owner_id)) is not None:
                return f"{kind} {to_persian_digits(case.case_number)}"
            if owner_type == "case_event" and (event := s.get(CaseEvent, owner_id)) is not None:
                case = s.get(Case, event.case_id)
                if case is not None:
                    return f"{kind} {to_persian_digits(case.case_number)}"
            if owner_type == "checklist_entry" and (entry := s.get(ChecklistEntry, owner_id)):
                item = s.get(TemplateItem, entry.item_id)
                checklist = s.get(Checklist, entry.checklist_id)
                if item is not None and checklist is not None:
                    return (f"{kind} {to_persian_digits(item.code)} در دورهٔ "
                            f"{to_persian_digits(checklist.period_code)}")
    except Exception:  # a label must never hide the problem it labels
        pass
    return f"{kind} \u2066{owner_id}\u2069"


def detach(store: Store, actor: Actor, evidence_id: str) -> None:
    """Soft delete the attachment record; the blob stays (other records may share it)."""
    with store.session() as s:
        e = s.get(Evidence, evidence_id)
        if e is None or e.deleted:
            return
        require(actor, OWNER_PERMISSIONS.get(e.owner_type, "checklists.edit"))
        records.soft_delete(s, store, actor, e)
