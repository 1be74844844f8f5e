"""Encrypted (SQLCipher, issue 18) against unencrypted stores, alternated run by run.

``python -m bench.encryption [--bundles 6] [--pairs 3] [--cases-pairs 3] [--startup-pairs 7]``

Figures (medians; each encrypted run right after its unencrypted twin, so both see the same
load; the load average is printed beside each):
- merge: importing the first N province bundles of the shared workload into a copy of HQ's
  store (``hq-31-s2``), in a child process per run;
- case list: the cases screen opened and filtered by a name on the 100,000-case store;
- start-up: a fresh process opening the store and signing in (unlock + open + sign-in for
  the encrypted store; open + sign-in for the other), to the first query answered.

The unencrypted runs open their store as the program did before issue 18: the child turns
the first-start conversion off (``encrypt_store.needs_conversion``), which only a benchmark
may do.  The workload is read from ``INTEGRITY_BENCH_DIR`` (read-only) and copied.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

CACHE = Path(os.environ.get("INTEGRITY_BENCH_DIR", "/work/bench-cache"))
WORK = Path(os.environ.get("INTEGRITY_BENCH18_WORK", "/tmp/bench18"))
HQ_USER, HQ_PASSWORD = "admin", "bench-password-1"  # bench/workload.py's HQ store
CASES_USER, CASES_PASSWORD = "admin", "demo-password"


def _load() -> str:
    return " ".join(f"{x:.2f}" for x in os.getloadavg())


def _no_conversion() -> None:
    from integrity_desktop.services.store import encryption as encrypt_store

    encrypt_store.needs_conversion = lambda store: False  # type: ignore[assignment]


def _copy(src: Path, dst: Path) -> Path:
    from integrity_desktop.db import cipher

    for suffix in ("", "-wal", "-shm", ".keys"):
        Path(f"{dst}{suffix}").unlink(missing_ok=True)
    shutil.copyfile(src, dst)
    if cipher.keyfile_path(src).exists():
        shutil.copyfile(cipher.keyfile_path(src), cipher.keyfile_path(dst))
    return dst


def prepare(name: str) -> tuple[Path, Path]:
    """(unencrypted copy, encrypted copy) of a cached store, made once in WORK."""
    WORK.mkdir(parents=True, exist_ok=True)
    plain = WORK / f"{name}-plain.sqlite"
    enc = WORK / f"{name}-enc.sqlite"
    if not plain.exists():
        with __import__("sqlite3").connect(CACHE / f"{name}.sqlite") as a, \
                __import__("sqlite3").connect(plain) as b:
            a.backup(b)
    if not enc.exists():
        from integrity_desktop.db.store import open_store
        from integrity_desktop.services.store import encryption as encrypt_store

        _copy(plain, enc)
        encrypt_store.convert(open_store(str(enc))).dispose()
    return plain, enc


def bundles(n: int) -> list[Path]:
    """Full bundles of the first ``n`` cached province stores at today's schema (the cached
    bundles carry the schema they were made with), written once in WORK."""
    from integrity_desktop.db.store import open_store
    from integrity_desktop.permissions import Actor
    from integrity_desktop.services.store import keys
    from integrity_desktop.sync.export import export_bundle

    out = []
    for src in sorted(CACHE.glob("province-*-s2.sqlite"))[:n]:
        bundle = WORK / f"{src.stem}.itb"
        if not bundle.exists():
            plain = WORK / src.name
            with __import__("sqlite3").connect(src) as a, __import__("sqlite3").connect(plain) as b:
                a.backup(b)
            files = src.with_name(f"{src.stem}-files")
            if files.is_dir() and not plain.with_name(f"{plain.stem}-files").exists():
                shutil.copytree(files, plain.with_name(f"{plain.stem}-files"))
            store = open_store(str(plain))
            try:
                export_bundle(store, Actor("bench", "admin", store.office_code), bundle,
                              keys.signing_key(store, "demo-passphrase"), full=True)
            finally:
                store.dispose()
        out.append(bundle)
    return out


def _child(args: list[str]) -> dict[str, Any]:
    done = subprocess.run([sys.executable, "-m", "bench.encryption", "--child", *args],
                          capture_output=True, text=True, check=False)
    if done.returncode != 0:
        raise RuntimeError(done.stderr[-3000:])
    return dict(json.loads(done.stdout.strip().splitlines()[-1]))


def _unlock_or_plain(path: Path, user: str, password: str) -> Any:
    from integrity_desktop.services.accounts.unlock import unlock

    result = unlock(str(path), user, password)
    if result is None:
        _no_conversion()
    return result


def child_merge(template: Path, target: Path, bundles: list[Path]) -> None:
    from integrity_desktop.permissions import Actor
    from integrity_desktop.services.store.opening import open_initialised
    from integrity_desktop.sync.merge import import_bundle

    _copy(template, target)
    _unlock_or_plain(target, HQ_USER, HQ_PASSWORD)
    store = open_initialised(str(target))
    actor = Actor("bench", "admin", "hq")
    start = time.perf_counter()
    changed = 0
    for bundle in bundles:
        changed += import_bundle(store, actor, bundle, lambda: []).changed
    seconds = time.perf_counter() - start
    store.dispose()
    print(json.dumps({"seconds": seconds, "changed": changed}))


def child_cases(store_path: Path, repeats: int) -> None:
    from bench import case_list

    _unlock_or_plain(store_path, CASES_USER, CASES_PASSWORD)
    case_list.child([str(store_path), str(repeats)])


def child_startup(store_path: Path, start: float) -> None:
    from integrity_desktop.services.accounts import users
    from integrity_desktop.services.store.opening import open_initialised

    unlocked = _unlock_or_plain(store_path, HQ_USER, HQ_PASSWORD)
    store = open_initialised(str(store_path))
    users.authenticate(store, HQ_USER, HQ_PASSWORD, unlocked=unlocked)
    with store.read() as s:
        from sqlalchemy import func, select

        from integrity_desktop.db.models import Case

        s.scalar(select(func.count()).select_from(Case))
    store.dispose()
    print(json.dumps({"seconds": time.time() - start}))


def _pairs(n: int, run: Any) -> tuple[list[float], list[float], list[str]]:
    plain, enc, loads = [], [], []
    for _ in range(n):
        loads.append(_load())
        plain.append(run(False))
        enc.append(run(True))
    return plain, enc, loads


def main(argv: list[str]) -> None:
    if argv and argv[0] == "--child":
        kind, rest = argv[1], argv[2:]
        if kind == "merge":
            child_merge(Path(rest[0]), Path(rest[1]), [Path(p) for p in rest[2:]])
        elif kind == "cases":
            child_cases(Path(rest[0]), int(rest[1]))
        else:
            child_startup(Path(rest[0]), float(rest[1]))
        return
    parser = argparse.ArgumentParser()
    parser.add_argument("--bundles", type=int, default=6)
    parser.add_argument("--pairs", type=int, default=3)
    parser.add_argument("--cases-pairs", type=int, default=3)
    parser.add_argument("--startup-pairs", type=int, default=7)
    parser.add_argument("--only", default="merge,cases,startup")
    opts = parser.parse_args(argv)
    rows = []
    if "merge" in opts.only:
        hq = prepare("hq-31-s2")
        made = bundles(opts.bundles)
        plain, enc, loads = _pairs(opts.pairs, lambda e: _child(
            ["merge", str(hq[e]), str(WORK / f"merge-{'enc' if e else 'plain'}.sqlite"),
             *map(str, made)])["seconds"])
        rows.append(("merge", f"{len(made)} province bundles into HQ's store (s)", plain, enc,
                     loads))
        _print_row(*rows[-1])
    if "cases" in opts.only:
        cases = prepare("cases-100000")
        results: dict[bool, list[dict[str, Any]]] = {False: [], True: []}

        def cases_run(e: bool) -> float:
            r = _child(["cases", str(cases[e]), "3"])
            results[e].append(r)
            return float(r["open_ms"])

        plain, enc, loads = _pairs(opts.cases_pairs, cases_run)
        rows.append(("case list", "open the register, 100,000 cases (ms)", plain, enc, loads))
        rows.append(("case list", "Persian name filter (ms)",
                     [r["filter_ms"] for r in results[False]],
                     [r["filter_ms"] for r in results[True]], loads))
        _print_row(*rows[-2])
        _print_row(*rows[-1])
    if "startup" in opts.only:
        hq = prepare("hq-31-s2")
        plain, enc, loads = _pairs(opts.startup_pairs, lambda e: _child(
            ["startup", str(hq[e]), repr(time.time())])["seconds"])
        rows.append(("start-up", "process start to signed in, store open (s)", plain, enc, loads))
        _print_row(*rows[-1])
    print("| bench | figure | unencrypted | encrypted | ratio | goal | runs | load averages |")
    print("| --- | --- | --- | --- | --- | --- | --- | --- |")
    for row in rows:
        _print_row(*row)


def _print_row(bench: str, figure: str, plain: list[float], enc: list[float],
               loads: list[str]) -> None:
    p, e = statistics.median(plain), statistics.median(enc)
    runs = ", ".join(f"{a:.3g}/{b:.3g}" for a, b in zip(plain, enc, strict=True))
    print(f"| {bench} | {figure} | {p:.3g} | {e:.3g} | {e / p:.3f} | <= 1.2 | "
          f"{len(plain)} pairs: {runs} | {'; '.join(loads)} |", flush=True)


if __name__ == "__main__":
    main(sys.argv[1:])
