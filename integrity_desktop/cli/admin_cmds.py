"""Administration: ``audit verify``, ``backup``, ``restore``."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from integrity_desktop.cli.common import add_db, open_for


def register(sub: Any) -> None:
    p = sub.add_parser("audit", help="check the audit log's hash chain")
    audit_sub = p.add_subparsers(dest="audit_command", required=True)
    v = audit_sub.add_parser("verify", help="report the first broken link of the chain")
    add_db(v)
    v.set_defaults(run=run_audit_verify)

    p = sub.add_parser("backup", help="write a consistent copy of the store")
    add_db(p)
    p.add_argument("--out", required=True)
    p.set_defaults(run=run_backup)

    p = sub.add_parser("restore", help="replace (or create) a store from a backup")
    add_db(p)
    p.add_argument("--from", dest="source", required=True)
    p.set_defaults(run=run_restore)


def run_audit_verify(args: argparse.Namespace) -> int:
    from integrity_desktop.services import audit

    store = open_for(args)
    try:
        with store.read() as s:
            result = audit.verify(s)
    finally:
        store.dispose()
    if result.ok:
        print(f"audit chain ok: {result.checked} entries")
        return 0
    print(
        f"زنجیرهٔ رویدادنگار در ردیف {result.broken_seq} شکسته است ({result.reason}).\n"
        f"audit chain broken at entry {result.broken_seq} ({result.reason})"
    )
    return 1


def run_backup(args: argparse.Namespace) -> int:
    from integrity_desktop.services.backup import backup_to

    store = open_for(args)
    try:
        out = backup_to(store, Path(args.out))
    finally:
        store.dispose()
    print(out)
    return 0


def run_restore(args: argparse.Namespace) -> int:
    from integrity_desktop.services.backup import restore

    kept = restore(Path(args.db), Path(args.source))
    print(f"restored {args.db}" + (f"; previous store kept as {kept}" if kept else ""))
    return 0
