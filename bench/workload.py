"""The deterministic workload: province stores made by ``integrity-desktop demo``, their full
bundles, and an HQ store that trusts them.  Everything is cached under the work directory
(``INTEGRITY_BENCH_DIR``, default /tmp/integrity-bench), keyed by office, seed and scale, so a
second run measures instead of generating again.

A finished store carries a ``.done`` marker; a store without one (an interrupted run) is made
again from scratch.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

from bench.common import ROOT, WORK, python

if TYPE_CHECKING:
    from integrity_desktop.db.store import Store

SEED = 1403
HQ_PASSWORD = "bench-password-1"
PASSPHRASE = "demo-passphrase"  # services.demo.content.DEMO_PASSPHRASE: the demo stores' key passphrase
DEMO_PASSWORD = "demo-password"  # services.demo.content.DEMO_PASSWORD: the demo stores' admin password


KEY_ENV = "INTEGRITY_BENCH_STORE_KEY"  # "store-id:hex key" handed to a measuring child


def unlocked_key_env(path: Path, password: str) -> dict[str, str]:
    """Unlock an encrypted store in this (parent) process and return the environment that hands
    its key to a child: the child measures the merge, not the sign-in's argon2 (64 MiB), which
    the app has done before any import.  Empty for a plain store."""
    from integrity_desktop.db import cipher
    from integrity_desktop.services.accounts.unlock import unlock

    if not cipher.is_encrypted(path):
        return {}
    unlock(str(path), "admin", password)
    key = cipher.known_key(path)
    assert key is not None
    return {KEY_ENV: f"{cipher.KeyFile.load(path).store_id}:{key.hex()}"}


def open_unlocked(path: Path, password: str = DEMO_PASSWORD) -> Store:
    """Open a store of the workload: an encrypted one (the default since issue 18) is unlocked
    with its admin's password first, as the sign-in does."""
    from integrity_desktop.db import cipher
    from integrity_desktop.services.accounts.unlock import unlock
    from integrity_desktop.services.store.opening import open_initialised

    handed = os.environ.get(KEY_ENV, "")
    store_id, _, key = handed.partition(":")
    if key and cipher.is_encrypted(path) and cipher.KeyFile.load(path).store_id == store_id:
        cipher.remember(store_id, bytes.fromhex(key))  # the parent signed in (unlocked_key_env)
    else:
        unlock(str(path), "admin", password)
    return open_initialised(str(path))


def province_codes(n: int) -> list[str]:
    """The first ``n`` of the 31 provinces, in catalogue order (deterministic)."""
    from integrity_desktop.catalog import load_offices

    codes = [o.code for o in load_offices() if not o.is_hq]
    if n > len(codes):
        raise ValueError(f"only {len(codes)} provinces")
    return codes[:n]


@contextmanager
def _locked(path: Path) -> Iterator[None]:
    """One generator at a time per store, across processes (two bench runs may overlap)."""
    import fcntl

    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path.with_name(path.name + ".lock"), "w") as fh:
        fcntl.flock(fh, fcntl.LOCK_EX)
        yield


def _remove_store(path: Path) -> None:
    for p in (path, path.with_name(f"{path.stem}-files"), path.with_name(path.name + ".done"),
              path.with_name(path.name + ".keys")):
        if p.is_dir():
            shutil.rmtree(p)
        elif p.exists():
            p.unlink()
    for p in path.parent.glob(path.name + "-*"):
        if p.is_file():
            p.unlink()


def province_store(code: str, scale: int, work: Path = WORK) -> Path:
    """A demo province store (``integrity-desktop demo``), generated once."""
    path = work / f"province-{code}-s{scale}.sqlite"
    with _locked(path):
        return _make_province(path, code, scale)


def _make_province(path: Path, code: str, scale: int) -> Path:
    done = path.with_name(path.name + ".done")
    if done.exists():
        return path
    _remove_store(path)
    subprocess.run(
        [python(), "-m", "integrity_desktop", "demo", "--db", str(path), "--office", code,
         "--seed", str(SEED), "--scale", str(scale)],
        cwd=ROOT, check=True, capture_output=True, text=True,
    )
    done.write_text("ok\n")
    return path


def province_stores(codes: list[str], scale: int, work: Path = WORK) -> list[Path]:
    """Generate missing province stores, as many at a time as there are CPUs."""
    jobs = max(1, os.cpu_count() or 1)
    with ThreadPoolExecutor(jobs) as pool:
        return list(pool.map(lambda c: province_store(c, scale, work), codes))


def bundle(code: str, scale: int, work: Path = WORK) -> Path:
    """The province's full bundle for HQ (written once and kept)."""
    out = work / f"bundle-{code}-s{scale}.itb"
    if out.exists():
        return out
    from integrity_desktop.permissions import Actor
    from integrity_desktop.services.store import keys
    from integrity_desktop.sync.export import export_bundle

    store = open_unlocked(province_store(code, scale, work))
    try:
        actor = Actor("bench", "admin", store.office_code)
        export_bundle(store, actor, out, keys.signing_key(store, PASSPHRASE), full=True)
    finally:
        store.dispose()
    return out


def hq_template(codes: list[str], scale: int, work: Path = WORK) -> Path:
    """An HQ store that trusts the provinces' keys; each merge run imports into a copy of it."""
    path = work / f"hq-{len(codes)}-s{scale}.sqlite"
    with _locked(path):
        done = path.with_name(path.name + ".done")
        if done.exists():
            return path
        _remove_store(path)
        init_trusting(str(path), codes, scale, work)
        done.write_text("ok\n")
        return path


def init_trusting(location: str, codes: list[str], scale: int, work: Path = WORK) -> None:
    """Make an HQ store at ``location`` (a file or a PostgreSQL URL) that trusts the
    provinces' keys."""
    from integrity_desktop.permissions import Actor
    from integrity_desktop.services.store import keys
    from integrity_desktop.services.store.opening import init_store
    from integrity_desktop.sync.trust import add_key

    hq = init_store(location, "hq", HQ_PASSWORD, PASSPHRASE)
    try:
        actor = Actor("bench", "admin", "hq")
        for code in codes:
            province = open_unlocked(province_store(code, scale, work))
            try:
                add_key(hq, actor, code, keys.public_key_file(province))
            finally:
                province.dispose()
    finally:
        hq.dispose()


def copy_store(src: Path, dst: Path) -> Path:
    """A fresh copy of a store file and its evidence folder."""
    _remove_store(dst)
    shutil.copyfile(src, dst)
    keys = src.with_name(src.name + ".keys")  # an encrypted store's wrapped key
    if keys.is_file():
        shutil.copyfile(keys, dst.with_name(dst.name + ".keys"))
    files = src.with_name(f"{src.stem}-files")
    if files.is_dir():
        shutil.copytree(files, dst.with_name(f"{dst.stem}-files"))
    return dst


def cases_store(n_cases: int, work: Path = WORK) -> Path:
    """A Tehran store with ``n_cases`` demo violation cases (the cases filler's bulk inserts)."""
    import random

    from integrity_desktop.permissions import system_actor
    from integrity_desktop.services.demo import cases as demo_cases
    from integrity_desktop.services.demo import content as demo

    path = work / f"cases-{n_cases}.sqlite"
    with _locked(path):
        done = path.with_name(path.name + ".done")
        if done.exists():
            return path
        _remove_store(path)
        work.mkdir(parents=True, exist_ok=True)
        store = demo.ensure_demo_store(str(path), "tehran")
        try:
            rng = random.Random(f"{SEED}:bench-cases")
            scale = max(1, n_cases // demo_cases.CASES_PER_SCALE)
            demo_cases.fill(store, system_actor("tehran"), rng, scale)
        finally:
            store.dispose()
        done.write_text("ok\n")
        return path
