"""Checking a bundle before anything is merged: decryption, ZIP structure and limits, the
signature by a trusted and unrevoked key, format and schema versions, and every member's size
and SHA-256.  Each kind of refusal has its own ``code`` and its own message.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import struct
import tempfile
import zipfile
import zlib
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import minisign
import pyrage

from integrity_desktop.db.store import Store
from integrity_desktop.errors import UserError
from integrity_desktop.filehash import file_sha256
from integrity_desktop.sync import bundle_format as bf
from integrity_desktop.sync.trust import TrustedKeyInfo, keys_for

CHUNK = 1024 * 1024
# zipfile's own reader of the ZIP's end record, and two of its fields (private, the same
# since Python 2): the number of entries and the size of the central directory.
_END_RECORD: Any = getattr(zipfile, "_EndRecData")  # noqa: B009
_ENTRIES, _DIRECTORY_SIZE = 4, 5
OFFICE_RE = re.compile(r"^[a-z][a-z0-9_-]{0,39}$")  # an office code (String(40))
IdentityProvider = Callable[[], list[pyrage.x25519.Identity]]


class BundleRefused(UserError):
    """The bundle was not accepted; nothing was written.  For an office with no trusted key,
    ``office`` and ``signer`` (the signing key's minisign id) say whose key would open it, so
    a screen can offer to trust that key once a person has compared it."""

    office: str = ""
    signer: bytes = b""


def refuse(code: str, fa: str, en: str) -> BundleRefused:
    return BundleRefused(
        f"بسته پذیرفته نشد: {fa}", f"Bundle refused: {en}", code=code
    )


# What zipfile and zlib raise on a damaged archive: besides BadZipFile, a flipped byte in a
# header can surface as an "unsupported version/method" NotImplementedError, a ValueError
# (negative seek, bad name), struct.error or OverflowError.  All mean "damaged", not "bug".
ZIP_DAMAGE: tuple[type[Exception], ...] = (
    zipfile.BadZipFile, zlib.error, EOFError, NotImplementedError, RuntimeError, ValueError,
    struct.error, OverflowError,
)


def damaged(exc: BaseException) -> BundleRefused:
    return refuse("member_damaged", "بخشی از بسته آسیب دیده است. بسته را دوباره از فرستنده بگیرید.",
                  f"the archive is damaged: {exc!r}")


@dataclass(frozen=True)
class VerifiedBundle:
    zip_path: Path
    sha256: str  # of the ZIP
    manifest: dict[str, Any]
    key: TrustedKeyInfo
    encrypted: bool

    @property
    def source_office(self) -> str:
        return str(self.manifest["source_office"])

    @property
    def seq(self) -> int:
        return int(self.manifest["seq"])


def read_identity_file(path: Path) -> list[pyrage.x25519.Identity]:
    """Identities from a file as ``age-keygen`` writes it (comments and AGE-SECRET-KEY lines)."""
    try:
        lines = path.read_text("utf-8").splitlines()
    except OSError as exc:
        raise UserError(
            f"پروندهٔ کلید age «{path}» خوانده نشد.", f"Cannot read {path}: {exc}",
            code="identity_file",
        ) from exc
    out = []
    for line in lines:
        line = line.strip()
        if line.startswith("AGE-SECRET-KEY-"):
            try:
                out.append(pyrage.x25519.Identity.from_str(line))
            except Exception as exc:
                raise UserError(
                    f"پروندهٔ «{path}» کلید age درستی ندارد.", f"{path}: bad age identity",
                    code="identity_file",
                ) from exc
    if not out:
        raise UserError(
            f"در پروندهٔ «{path}» کلید age (AGE-SECRET-KEY-...) پیدا نشد.",
            f"No AGE-SECRET-KEY line in {path}.",
            code="identity_file",
        )
    return out




@contextmanager
def opened_bundle(
    store: Store, path: Path, identities: IdentityProvider
) -> Iterator[VerifiedBundle]:
    """Verify a bundle file (decrypting an age file to a temporary file first) and yield it.

    The temporary file, if any, is removed when the block ends.
    """
    path = Path(path)
    try:
        with path.open("rb") as fh:
            head = fh.read(len(bf.AGE_MAGIC))
    except OSError as exc:
        raise UserError(
            f"پروندهٔ «{path}» خوانده نشد ({exc.strerror}).", f"Cannot read {path}: {exc}",
            code="bundle_unreadable",
        ) from exc
    if head != bf.AGE_MAGIC:
        yield verify_zip(store, path, encrypted=False)
        return
    tmp_dir = store.files_dir / "incoming"
    tmp_dir.mkdir(parents=True, exist_ok=True)
    fd, tmp_name = tempfile.mkstemp(dir=tmp_dir, suffix=".zip.part")
    tmp = Path(tmp_name)
    os.close(fd)
    try:
        # decrypt_file streams (decrypt_io holds the whole file in memory: 320 MB for 300 MB).
        try:
            pyrage.decrypt_file(str(path), str(tmp), identities())
        except pyrage.DecryptError as exc:
            raise refuse(
                "decrypt_failed",
                "این بسته برای این اداره رمز نشده است یا کلید age درست نیست. "
                # Left-to-right marks keep the flag whole; bare, bidi shows it as «identity--».
                "پروندهٔ کلید age درست را بدهید (در برنامه: دکمهٔ انتخاب پروندهٔ کلید؛ "
                "در خط فرمان: \u200e--identity\u200e).",
                "it is not encrypted to this store's age identity (or --identity).",
            ) from exc
        yield verify_zip(store, tmp, encrypted=True)
    finally:
        tmp.unlink(missing_ok=True)


def verify_zip(store: Store, path: Path, *, encrypted: bool) -> VerifiedBundle:
    if not zipfile.is_zipfile(path):
        raise refuse("not_a_bundle", "این پرونده بستهٔ همگام‌سازی نیست (ZIP نیست).",
                     "not a ZIP bundle.")
    try:
        _check_directory(path)
        with zipfile.ZipFile(path) as zf:
            infos = zf.infolist()
            _check_structure(infos)
            manifest_bytes = _read_small(zf, bf.MANIFEST, bf.MAX_MANIFEST_SIZE)
            signature_bytes = _read_small(zf, bf.SIGNATURE, 64 * 1024)
            manifest = _parse_manifest(manifest_bytes)
            key = _check_signature(store, manifest, manifest_bytes, signature_bytes)
            _check_versions(store, manifest)
            _check_members(zf, infos, manifest)
    except BundleRefused:
        raise
    except ZIP_DAMAGE as exc:
        raise damaged(exc) from exc
    except OSError as exc:
        raise UserError(
            f"پروندهٔ «{path}» در میانهٔ خواندن خوانده نشد ({exc.strerror or exc}). "
            "اگر روی حافظهٔ جانبی است، آن را به رایانه کپی کنید و دوباره وارد کنید.",
            f"Reading {path} failed: {exc}", code="bundle_unreadable",
        ) from exc
    return VerifiedBundle(path, file_sha256(path), manifest, key, encrypted)


def _check_directory(path: Path) -> None:
    """The ZIP's central directory is small enough to read: ``zipfile.ZipFile`` makes an
    object of every entry before anything else can be checked, so a directory of a million
    entries (not even signed) would take gigabytes.  Read from the end record, the same one
    ``zipfile`` reads first."""
    with path.open("rb") as fh:
        end = _END_RECORD(fh)
    if end is None:
        return  # zipfile raises BadZipFile in its own words
    if end[_DIRECTORY_SIZE] > bf.MAX_DIRECTORY_SIZE or end[_ENTRIES] > bf.MAX_MEMBERS:
        raise refuse("too_many_members", "شمار پرونده‌های درون بسته بیش از حد مجاز است.",
                     f"more than {bf.MAX_MEMBERS} members.")


def _check_structure(infos: list[zipfile.ZipInfo]) -> None:
    if len(infos) > bf.MAX_MEMBERS:
        raise refuse("too_many_members", "شمار پرونده‌های درون بسته بیش از حد مجاز است.",
                     f"more than {bf.MAX_MEMBERS} members.")
    names: set[str] = set()
    total = 0
    for info in infos:
        name = info.filename
        if bf.is_unsafe_name(name):
            raise refuse("unsafe_member_name",
                         f"نام «{name}» درون بسته مسیر ناامن دارد (مسیر مطلق یا ..).",
                         f"unsafe member name {name!r} (absolute path or ..).")
        if not bf.is_known_member(name):
            raise refuse("unknown_member", f"پروندهٔ ناشناختهٔ «{name}» درون بسته است.",
                         f"unknown member {name!r}.")
        if name in names:
            raise refuse("duplicate_member", f"پروندهٔ «{name}» دو بار در بسته آمده است.",
                         f"member {name!r} appears twice.")
        names.add(name)
        if info.file_size > bf.MAX_MEMBER_SIZE:
            raise refuse("member_too_large", f"پروندهٔ «{name}» بزرگ‌تر از حد مجاز است.",
                         f"member {name!r} is larger than allowed.")
        total += info.file_size
        if info.file_size > bf.RATIO_FLOOR and (
            info.file_size > bf.MAX_RATIO * max(info.compress_size, 1)
        ):
            raise refuse("zip_bomb",
                         f"پروندهٔ «{name}» بیش از اندازه فشرده شده است (بمب ZIP).",
                         f"member {name!r} has a suspicious compression ratio (zip bomb).")
    if total > bf.MAX_TOTAL_SIZE:
        raise refuse("bundle_too_large", "حجم بازشدهٔ بسته بیش از حد مجاز است.",
                     "the bundle's uncompressed size is over the limit.")
    for required, code, fa in (
        (bf.MANIFEST, "no_manifest", "فهرست بسته (manifest.json) در آن نیست."),
        (bf.SIGNATURE, "no_signature", "امضای بسته (manifest.json.minisig) در آن نیست."),
    ):
        if required not in names:
            raise refuse(code, fa, f"{required} is missing.")


def _read_small(zf: zipfile.ZipFile, name: str, limit: int) -> bytes:
    with zf.open(name) as fh:
        data = fh.read(limit + 1)
    if len(data) > limit:
        raise refuse("member_too_large", f"پروندهٔ «{name}» بزرگ‌تر از حد مجاز است.",
                     f"{name} is larger than allowed.")
    return data


def _parse_manifest(data: bytes) -> dict[str, Any]:
    """The manifest, checked for the form of every field the import reads.  It is signed,
    but by an office that may be hostile: a sequence number of two billion, a member listed
    as a list, a nesting a hundred thousand deep are refusals, never a traceback or a set of
    every number up to it."""
    try:
        manifest = json.loads(data.decode("utf-8"))
        if not isinstance(manifest, dict):
            raise ValueError("not an object")
        for key in ("format", "format_version", "schema_version", "source_office", "seq",
                    "members", "recipient_office"):
            if key not in manifest:
                raise ValueError(f"no {key}")
        _check_manifest_fields(manifest)
    except (ValueError, UnicodeDecodeError, RecursionError) as exc:
        raise refuse("manifest_invalid", "فهرست بسته (manifest.json) خوانا نیست.",
                     f"manifest.json is not valid: {str(exc)[:200]}") from exc
    return manifest


def _check_manifest_fields(manifest: dict[str, Any]) -> None:
    for key in ("source_office", "recipient_office"):
        value = manifest[key]
        if type(value) is not str or not OFFICE_RE.match(value):
            raise ValueError(f"bad {key}")
    seq = manifest["seq"]
    if type(seq) is not int or not 1 <= seq <= bf.INT_MAX:
        raise ValueError("bad seq")
    members = manifest["members"]
    if not isinstance(members, dict):
        raise ValueError("bad members")
    for name, info in members.items():
        if not (isinstance(info, dict) and bf.is_sha256(info.get("sha256"))
                and type(info.get("size")) is int and info["size"] >= 0):
            raise ValueError(f"bad member entry {name[:80]!r}")
    head = manifest.get("audit_head")
    if head is not None:
        if not isinstance(head, dict):
            raise ValueError("bad audit_head")
        if "hash" in head and not bf.is_sha256(head["hash"]):
            raise ValueError("bad audit_head hash")
        length = head.get("length", 0)
        if type(length) is not int or not 0 <= length < 2**53:
            raise ValueError("bad audit_head length")
    counts = manifest.get("record_counts")
    if counts is not None and not isinstance(counts, dict):
        raise ValueError("bad record_counts")
    for key in ("created_at", "hlc_high", "since_hlc"):
        if manifest.get(key) is not None and type(manifest[key]) is not str:
            raise ValueError(f"bad {key}")


def _check_signature(
    store: Store, manifest: dict[str, Any], manifest_bytes: bytes, signature_bytes: bytes
) -> TrustedKeyInfo:
    office = str(manifest["source_office"])
    try:
        signature = minisign.Signature.from_bytes(signature_bytes.rstrip(b"\n"))
    except (minisign.Error, ValueError) as exc:
        raise refuse("signature_invalid", "امضای بسته خوانا نیست.",
                     "the signature file is not a minisign signature.") from exc
    keys = keys_for(store, office)
    sig_key_id = signature._key_id  # minisign exposes no public accessor
    if not keys:
        untrusted = refuse(
            "untrusted_office",
            f"کلید ادارهٔ «{office}» در این سامانه ثبت نشده است. کلید عمومی آن اداره را "
            "بیفزایید: در صفحهٔ همگام‌سازی با «اعتماد به کلید این اداره…» (یا در خط فرمان با "
            "trust add).",
            f"no trusted key for office {office!r}; trust its key (sync screen, or `trust add`).")
        untrusted.office, untrusted.signer = office, bytes(sig_key_id)
        raise untrusted
    match = [k for k in keys if minisign.PublicKey.from_base64(k.public_key)._keynum_pk.key_id
             == sig_key_id]
    if not match:
        raise refuse("wrong_key",
                     f"بسته با کلیدی امضا شده است که کلید ثبت‌شدهٔ ادارهٔ «{office}» نیست.",
                     f"signed with a key that is not office {office!r}'s trusted key.")
    key = match[0]
    if not key.active:
        raise refuse("key_revoked",
                     f"کلید ادارهٔ «{office}» که این بسته با آن امضا شده باطل شده است.",
                     f"the key of office {office!r} that signed it has been revoked.")
    try:
        minisign.PublicKey.from_base64(key.public_key).verify(manifest_bytes, signature)
    except minisign.Error as exc:
        raise refuse("bad_signature",
                     "امضای بسته با محتوای آن نمی‌خواند؛ بسته دست‌کاری شده است.",
                     "the signature does not match the manifest (tampered).") from exc
    return key


def _check_versions(store: Store, manifest: dict[str, Any]) -> None:
    if manifest["format"] != bf.FORMAT or manifest["format_version"] != bf.FORMAT_VERSION:
        raise refuse("format_version",
                     "قالب این بسته با این نسخهٔ برنامه نمی‌خواند. برنامه را به‌روز کنید.",
                     f"bundle format {manifest['format']} v{manifest['format_version']} "
                     "is not supported.")
    if manifest["schema_version"] != bf.RECORDS_SCHEMA:
        raise refuse("schema_version",
                     "بسته با نسخهٔ دیگری از ساختار داده ساخته شده است. هر دو اداره باید "
                     "نسخهٔ یکسانی از برنامه داشته باشند.",
                     f"schema version {manifest['schema_version']} differs from this "
                     f"program's {bf.RECORDS_SCHEMA}.")
    own = store.office_code
    if manifest["recipient_office"] != own:
        raise refuse("wrong_recipient",
                     f"این بسته برای ادارهٔ «{manifest['recipient_office']}» ساخته شده است، "
                     "نه برای این اداره.",
                     f"the bundle is for office {manifest['recipient_office']!r}.")


def _check_members(
    zf: zipfile.ZipFile, infos: list[zipfile.ZipInfo], manifest: dict[str, Any]
) -> None:
    listed: dict[str, Any] = manifest["members"]
    present = {i.filename: i for i in infos if i.filename not in (bf.MANIFEST, bf.SIGNATURE)}
    for name in sorted(listed):
        if name not in present:
            raise refuse("member_missing", f"پروندهٔ «{name}» که در فهرست بسته آمده در آن نیست.",
                         f"member {name!r} listed in the manifest is missing.")
    for name in sorted(present):
        if name not in listed:
            raise refuse("member_extra", f"پروندهٔ «{name}» در بسته هست اما در فهرست آن نیست.",
                         f"member {name!r} is not listed in the manifest.")
    for name, info in sorted(present.items()):
        want = listed[name]
        if info.file_size != want.get("size"):
            raise refuse("member_size", f"اندازهٔ پروندهٔ «{name}» با فهرست بسته نمی‌خواند.",
                         f"member {name!r} has the wrong size.")
        if member_sha256(zf, name, info.file_size) != want.get("sha256"):
            raise refuse("member_hash", f"پروندهٔ «{name}» دست‌کاری شده است (چکیده نمی‌خواند).",
                         f"member {name!r} does not match its SHA-256 (tampered).")


def member_sha256(zf: zipfile.ZipFile, name: str, size: int) -> str:
    sha = hashlib.sha256()
    read = 0
    with zf.open(name) as fh:
        while chunk := fh.read(CHUNK):
            read += len(chunk)
            if read > size:
                raise refuse("member_size", f"پروندهٔ «{name}» بزرگ‌تر از اندازهٔ اعلام‌شده است.",
                             f"member {name!r} is larger than declared.")
            sha.update(chunk)
    return sha.hexdigest()
