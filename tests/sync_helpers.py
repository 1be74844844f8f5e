"""Helpers for the sync tests: trust between stores and bundle export/import through the real
services, and re-writing bundles to forge them.  Fixtures are in ``sync_fixtures``."""

from __future__ import annotations

import hashlib
import io
import json
import zipfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

import minisign

from integrity_desktop.db.store import Store
from integrity_desktop.permissions import Actor
from integrity_desktop.services import keys
from integrity_desktop.sync import bundle_format as bf
from integrity_desktop.sync.export import ExportResult, export_bundle
from integrity_desktop.sync.merge import ImportSummary, import_bundle
from integrity_desktop.sync.trust import add_key

from .conftest import PASSPHRASE

_SIGNING: dict[str, minisign.SecretKey] = {}


def admin(store: Store) -> Actor:
    return Actor(username="test-admin", role="admin", office_code=store.office_code)


def signing_key(store: Store) -> minisign.SecretKey:
    pub = keys.public_key_base64(store)
    if pub not in _SIGNING:
        _SIGNING[pub] = keys.signing_key(store, PASSPHRASE)
    return _SIGNING[pub]


def trust(receiver: Store, sender: Store) -> None:
    add_key(receiver, admin(receiver), sender.office_code, keys.public_key_file(sender))


def export(store: Store, out: Path, **kw: Any) -> ExportResult:
    return export_bundle(store, admin(store), out, signing_key(store), **kw)


def import_(store: Store, path: Path, **kw: Any) -> ImportSummary:
    return import_bundle(store, admin(store), path,
                         lambda: [keys.age_identity(store, PASSPHRASE)], **kw)


def read_members(path: Path) -> dict[str, bytes]:
    with zipfile.ZipFile(path) as zf:
        return {name: zf.read(name) for name in zf.namelist()}


def write_bundle(
    path: Path, members: dict[str, bytes], *, key: minisign.SecretKey | None = None,
    edit_manifest: Callable[[dict[str, Any]], None] | None = None,
    relist: bool = True,
) -> Path:
    """Re-write a bundle with changed members; re-list hashes and re-sign when a key is given."""
    members = dict(members)
    if key is not None:
        manifest = json.loads(members[bf.MANIFEST])
        if relist:
            manifest["members"] = {
                n: {"sha256": hashlib.sha256(b).hexdigest(), "size": len(b)}
                for n, b in members.items() if n not in (bf.MANIFEST, bf.SIGNATURE)
            }
        if edit_manifest:
            edit_manifest(manifest)
        raw = json.dumps(manifest, indent=1, sort_keys=True).encode()
        members[bf.MANIFEST] = raw
        members[bf.SIGNATURE] = bytes(key.sign(raw)) + b"\n"
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", compression=zipfile.ZIP_DEFLATED) as zf:
        for name, data in members.items():
            zf.writestr(name, data)
    path.write_bytes(buf.getvalue())
    return path


def jsonl(rows: list[dict[str, Any]]) -> bytes:
    return b"".join(bf.canonical_line(r) for r in rows)


def lines(data: bytes) -> list[dict[str, Any]]:
    return [json.loads(x) for x in data.splitlines() if x.strip()]
