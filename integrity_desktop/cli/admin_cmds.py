"""Administration: ``audit verify``, ``audit seal``, ``backup``, ``restore``, ``password``."""

from __future__ import annotations

import argparse
import contextlib
import os
import sys
from pathlib import Path
from typing import Any

from integrity_desktop.cli.common import actor_for, command, opened, tsv
from integrity_desktop.errors import UserError


def register(sub: Any) -> None:
    p = sub.add_parser("audit", help="check the audit log (admin)")
    audit_sub = p.add_subparsers(dest="audit_command", required=True)
    command(audit_sub, "verify", run_audit_verify,
            help="check the chain, its signed seals and that every audited record still "
                 "matches its last audit entry; exit 1 and name what is wrong")
    command(audit_sub, "seal", run_audit_seal,
            help="sign the chain's head with the office key (INTEGRITY_PASSPHRASE)")

    command(sub, "log", run_log, db_required=False,
            help="print the program's log beside the store, its encrypted lines decrypted (admin)")

    p = command(sub, "backup", run_backup,
                help="write one file holding the store and the evidence it references (admin); "
                     "with INTEGRITY_PASSPHRASE set the audit chain's head is also signed")
    p.add_argument("--out", required=True)

    p = command(sub, "restore", run_restore,
                help="replace (or create) a store from a backup after checking it (admin of "
                     "the store replaced, or of the backup when there is none)")
    p.add_argument("--from", dest="source", required=True)
    p.add_argument("--allow-other-office", "--other-office", dest="other_office",
                   action="store_true",
                   help="accept a backup of another office (written to the audit log)")

    command(sub, "password", run_password,
            help="change your own password (the new one from INTEGRITY_NEW_PASSWORD or "
                 "asked twice on a terminal)")


def run_audit_verify(args: argparse.Namespace) -> int:
    from integrity_desktop.services.audit import log as audit

    with opened(args) as store:
        result = audit.verify_for(store, actor_for(store))
    if result.ok:
        print(f"audit chain ok: {result.checked} entries, {result.records} records, "
              f"{result.seals} signed seals")
        for note in result.notes:
            print(tsv("note", note.code, note.fa))
        return 0
    for problem in result.problems:
        print(f"{problem.fa}\n{problem.en}")
    return 1


def run_audit_seal(args: argparse.Namespace) -> int:
    from integrity_desktop.cli.common import env_secret
    from integrity_desktop.services.audit import log as audit
    from integrity_desktop.services.store import keys

    with opened(args) as store:
        passphrase = env_secret("INTEGRITY_PASSPHRASE")
        seal = audit.seal(store, actor_for(store), keys.signing_key(store, passphrase), "manual")
    print(tsv("sealed", seal.length, seal.head))
    return 0


def run_backup(args: argparse.Namespace) -> int:
    from integrity_desktop.services.store.backup import write_backup

    passphrase = os.environ.get("INTEGRITY_PASSPHRASE") or None
    with opened(args) as store:
        result = write_backup(store, Path(args.out), actor=actor_for(store), passphrase=passphrase)
    for damaged in result.damaged:
        print(tsv("damaged", damaged.owner_label, damaged.filename, damaged.sha256), file=sys.stderr)
        print(f"هشدار: {damaged.message_fa}", file=sys.stderr)
    print(result.path)
    return 0


def run_restore(args: argparse.Namespace) -> int:
    from integrity_desktop.cli.common import credentials, sign_in_store
    from integrity_desktop.services.accounts.unlock import needs_unlock, unlock
    from integrity_desktop.services.store.backup import restore_backup

    def unlock_file(path: Path) -> None:
        # An encrypted store (the one replaced, or the backup's) opens with a user's password.
        if needs_unlock(str(path)):
            username, password = credentials()
            unlock(str(path), username, password, via="cli")

    with contextlib.suppress(UserError):  # a damaged store replaced: sign in on the backup
        unlock_file(Path(args.db))
    result = restore_backup(
        Path(args.db), Path(args.source),
        actor_of=lambda store: sign_in_store(store, command="restore"),
        allow_other_office=args.other_office, unlock=unlock_file,
    )
    line = f"restored {args.db}"
    if result.kept is not None:
        line += f"; previous store kept as {result.kept}"
    print(line)
    for note in result.notes:
        print(tsv("note", note), file=sys.stderr)
    return 0


def run_password(args: argparse.Namespace) -> int:
    from integrity_desktop.cli.common import credentials, new_password, sign_in_store
    from integrity_desktop.services.accounts import users

    with opened(args, sign_in=False) as store:  # signs in below: a forced change is allowed here
        actor = sign_in_store(store, command="password", allow_forced_change=True)
        username, password = credentials()
        users.change_password(store, actor, password, new_password())
    print(tsv("password changed", username))
    return 0


def run_log(args: argparse.Namespace) -> int:
    from integrity_desktop.services.audit.logview import log_lines

    with opened(args) as store:
        lines = log_lines(store, actor_for(store))
    for line in lines:
        print(line)
    return 0
