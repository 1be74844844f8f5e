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

from integrity_desktop import catalog
from integrity_desktop.db.models import Checklist, ChecklistEntry, Unit
from integrity_desktop.db.store import Store
from integrity_desktop.permissions import Actor
from integrity_desktop.services.store import keys, records
from integrity_desktop.services.store.seed import template_id
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


def add_unit(store: Store, name: str, uid: str | None = None) -> str:
    with store.session() as s:
        unit = Unit(id=uid or records.stable_id("t-unit", store.office_code, name),
                    office_code=store.office_code, name_fa=name)
        records.add(s, store, admin(store), unit)
        return unit.id


def rename_unit(store: Store, uid: str, name: str) -> None:
    with store.session() as s:
        records.update(s, store, admin(store), s.get(Unit, uid), name_fa=name)


def unit_name(store: Store, uid: str) -> str | None:
    with store.read() as s:
        u = s.get(Unit, uid)
        return None if u is None else u.name_fa


def make_checklist(store: Store, unit_id: str, period: str = "1403-Q2") -> tuple[str, list[str]]:
    three = catalog.load_three_year()
    tid = template_id(three.code, three.version)
    # (the 1403-Q2 checklist keeps the id the tests were written with)
    cid = records.stable_id("t-cl", unit_id) if period == "1403-Q2" else records.stable_id("t-cl", unit_id, period)
    with store.session() as s:
        cl = Checklist(id=cid, office_code=store.office_code,
                       template_id=tid, unit_id=unit_id, period_code=period)
        records.add(s, store, admin(store), cl)
        entry_ids = []
        for code in ("1/1", "1/2"):
            e = ChecklistEntry(id=records.stable_id("t-e", cl.id, code),
                               office_code=store.office_code, checklist_id=cl.id,
                               item_id=records.stable_id("item", tid, code), status="partial")
            records.add(s, store, admin(store), e)
            entry_ids.append(e.id)
    return cl.id, entry_ids
