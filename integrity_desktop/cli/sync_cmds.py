"""Sync commands: keys, trusted keys, bundles, conflicts and the content digest.

Outputs are TAB-separated with ASCII ids (other tools parse them); see docs/SYNC.md.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from integrity_desktop.cli.common import actor_for, command, env_secret, open_for, opened, tsv


def register(sub: Any) -> None:
    p = command(sub, "key", run_key, help="print this store's public signing key or age recipient")
    which = p.add_mutually_exclusive_group(required=True)
    which.add_argument("--public", action="store_true", help="minisign public key file")
    which.add_argument("--age-recipient", action="store_true", help="age recipient (age1...)")

    p = sub.add_parser("trust", help="manage the signing keys of offices this store trusts")
    tsub = p.add_subparsers(dest="trust_command", metavar="ACTION", required=True)
    t = command(tsub, "add", run_trust_add, help="trust an office's public key file")
    t.add_argument("--office", required=True)
    t.add_argument("keyfile")
    command(tsub, "list", run_trust_list, help="list trusted keys")
    t = command(tsub, "revoke", run_trust_revoke, help="revoke an office's key")
    t.add_argument("--office", required=True)

    p = command(sub, "export-bundle", run_export, help="write a signed sync bundle")
    p.add_argument("--out", required=True)
    p.add_argument("--full", action="store_true", help="everything the recipient may see")
    p.add_argument("--encrypt-to", metavar="RECIPIENT", help="age recipient of the receiver")
    p.add_argument("--for-office", metavar="CODE", help="HQ only: the province it is for")

    p = command(sub, "import-bundle", run_import, help="verify and merge a sync bundle (or a folder of them)")
    p.add_argument("file", nargs="+",
                   help="a bundle file; or a folder, or several files: every bundle in sequence "
                        "order per province, one summary each and a total line")
    p.add_argument("--dry-run", action="store_true")
    p.add_argument("--json", action="store_true")
    p.add_argument("--identity", metavar="FILE", help="age identity file (age-keygen format)")

    p = command(sub, "conflicts", run_conflicts, help="list the versions that lost a merge")
    p.add_argument("--json", action="store_true")

    command(sub, "digest", run_digest, help="SHA-256 over the canonical synced content")


def run_key(args: argparse.Namespace) -> int:
    from integrity_desktop.services.store import keys

    with opened(args, sign_in=False) as store:  # public keys, made to be shared: no sign-in
        if args.public:
            sys.stdout.write(keys.public_key_file(store))
        else:
            print(keys.age_recipient(store))
    return 0


def run_trust_add(args: argparse.Namespace) -> int:
    from integrity_desktop.sync.trust import add_key, read_key_file

    with opened(args) as store:
        info = add_key(store, actor_for(store), args.office, read_key_file(args.keyfile))
    print(tsv(info.office_code, info.key_id, "active", info.fingerprint))
    return 0


def run_trust_list(args: argparse.Namespace) -> int:
    from integrity_desktop.sync.trust import list_keys

    with opened(args) as store:
        for k in list_keys(store, actor_for(store)):
            print(tsv(k.office_code, k.key_id, "active" if k.active else "revoked",
                      k.fingerprint, k.added_at.isoformat(timespec="seconds")))
    return 0


def run_trust_revoke(args: argparse.Namespace) -> int:
    from integrity_desktop.sync.trust import revoke

    with opened(args) as store:
        n = revoke(store, actor_for(store), args.office)
    print(tsv(args.office, "revoked", n))
    return 0


def run_export(args: argparse.Namespace) -> int:
    from integrity_desktop.services.store import keys
    from integrity_desktop.sync.export import export_bundle

    with opened(args) as store:  # the person first, then the key's passphrase
        passphrase = env_secret("INTEGRITY_PASSPHRASE")
        result = export_bundle(
            store, actor_for(store), Path(args.out), keys.signing_key(store, passphrase),
            full=args.full, encrypt_to=args.encrypt_to, for_office=args.for_office,
        )
    print(tsv("bundle", result.path, result.sha256, result.seq, result.recipient_office,
              "full" if result.full else "changes", "age" if result.encrypted else "zip"))
    for record_type, n in result.record_counts.items():
        print(tsv("records", record_type, n))
    print(tsv("evidence", result.evidence_files))
    for damaged in result.damaged_evidence:  # left out of the bundle: say which and why
        print(f"هشدار: {damaged.message_fa}\nwarning: {damaged.message_en}", file=sys.stderr)
    return 0


def run_import(args: argparse.Namespace) -> int:
    from integrity_desktop.errors import UserError
    from integrity_desktop.services.store import keys
    from integrity_desktop.sync.merge import import_bundle
    from integrity_desktop.sync.verify import read_identity_file

    store = open_for(args)

    def identities() -> list[Any]:
        if args.identity:
            return read_identity_file(Path(args.identity))
        return [keys.age_identity(store, env_secret("INTEGRITY_PASSPHRASE"))]

    paths = [Path(f) for f in args.file]
    if len(paths) > 1 or paths[0].is_dir():
        try:
            return _import_many(store, paths, identities, args)
        finally:
            store.dispose()
    try:
        summary = import_bundle(store, actor_for(store), paths[0], identities,
                                dry_run=args.dry_run)
    except UserError as exc:
        if args.json:
            print(json.dumps({"outcome": "refused", "code": exc.code, "fa": exc.fa,
                              "en": exc.en}, ensure_ascii=False))
        raise
    finally:
        store.dispose()
    if args.json:
        print(json.dumps(summary.to_json(), ensure_ascii=False, indent=1))
        return 0
    _print_summary(summary)
    return 0


def _print_summary(summary: Any) -> None:
    from integrity_desktop.sync.summary import printable_id

    print(tsv("bundle", summary.bundle_sha256, summary.source_office, summary.seq,
              summary.outcome, "dry-run" if summary.dry_run else "written"))
    print(tsv("type", "created", "updated", "unchanged", "conflicts", "rejected"))
    for record_type, c in summary.counts.items():
        print(tsv(record_type, c.created, c.updated, c.unchanged, c.conflicts, c.rejected))
    for r in summary.rejections:
        print(tsv("rejected", r.record_type, r.record_id, r.reason, r.reason_fa))
    for h in summary.held:
        print(tsv("held", h.record_type, h.record_id, h.waits_for_type,
                  printable_id(h.waits_for_id)))
    for n in summary.notices:
        print(tsv("notice", n.code, n.fa))


def _import_many(store: Any, paths: list[Path], identities: Any, args: argparse.Namespace) -> int:
    """A folder or several files: each bundle's summary as for one file (a refused one as a
    ``refused`` line), then a ``batch`` header and one ``total`` line; exit status 1 when any bundle was refused."""
    from integrity_desktop.sync.batch import import_all

    batch = import_all(store, actor_for(store), paths, identities, dry_run=args.dry_run)
    if args.json:
        print(json.dumps(batch.to_json(), ensure_ascii=False, indent=1))
        return 1 if batch.refused else 0
    for result in batch.results:
        if result.summary is not None:
            _print_summary(result.summary)
        else:
            assert result.refused is not None
            print(tsv("refused", result.path, result.refused.code, result.refused.fa))
    print(tsv("batch", "bundles", "accepted", "replay", "refused", "created", "updated",
              "unchanged", "conflicts", "rejected", "held"))
    print(tsv("total", len(batch.results), batch.accepted, batch.replays, batch.refused,
              *(batch.total(k) for k in ("created", "updated", "unchanged", "conflicts",
                                         "rejected", "held"))))
    return 1 if batch.refused else 0


def run_conflicts(args: argparse.Namespace) -> int:
    from integrity_desktop.sync.conflicts import list_conflicts

    with opened(args) as store:
        actor = actor_for(store)
        rows = []
        offset = 0
        while batch := list_conflicts(store, actor, status=None, offset=offset, limit=500):
            rows.extend(batch)
            offset += len(batch)
    if args.json:
        print(json.dumps([
            {"id": c.id, "record_type": c.record_type, "record_id": c.record_id,
             "reason": c.reason, "source_office": c.source_office, "status": c.status,
             "resolution": c.resolution,
             "detected_at": c.detected_at.isoformat(timespec="seconds"),
             "fields": c.differing_fields, "winner": c.winner, "loser": c.loser}
            for c in rows
        ], ensure_ascii=False, indent=1))
        return 0
    for c in rows:
        print(tsv(c.id, c.record_type, c.record_id, c.reason, c.source_office,
                  c.winner.get("hlc", ""), c.loser.get("hlc", ""), c.status))
    return 0


def run_digest(args: argparse.Namespace) -> int:
    from integrity_desktop.sync.digest import store_digest

    with opened(args) as store:
        print(store_digest(store))
    return 0
