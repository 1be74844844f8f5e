"""HQ's national figures with every province imported: the HQ dashboard's figures
(``national.picture``: completion, achievement, ranking, late and overdue provinces, case and
inspection figures, every indicator across provinces) and the map's (the ranking's measures),
each against one raw SQL aggregate over the same rows, measured alternately in the same run;
and ``integrity-desktop report national`` to PDF.  On SQLite and, when PostgreSQL's binaries
are there, on a throw-away PostgreSQL server holding the same bundles.

Goals (issue 17): the dashboard's and the map's figures in at most 3 x the raw aggregate; the
national report in under 10 s.

The workload (``hq_store``): the first ``n`` provinces (31 by default) made by
``integrity-desktop demo --scale 2``, each with its own seed (their figures differ), exported
as full signed bundles and imported into one HQ demo store, all cached in the work directory
(``INTEGRITY_BENCH_DIR``) with ``.done`` markers.
"""

from __future__ import annotations

import os
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from bench import workload
from bench.common import ROOT, Figure, Options, emit, python, run_child

GOAL_RATIO = 3.0
GOAL_REPORT_S = 10.0
PERIOD = "1403-Q2"  # the demo's busiest quarter
PG_BIN = Path(os.environ.get("INTEGRITY_PG_BIN", "/usr/lib/postgresql/15/bin"))


# --------------------------------------------------------------------------- workload


def _province(code: str, seed: int, scale: int, work: Path) -> Path:
    path = work / f"province-{code}-s{scale}-seed{seed}.sqlite"
    with workload._locked(path):
        done = path.with_name(path.name + ".done")
        if not done.exists():
            workload._remove_store(path)
            subprocess.run([python(), "-m", "integrity_desktop", "demo", "--db", str(path), "--office", code,
                            "--seed", str(seed), "--scale", str(scale)],
                           cwd=ROOT, check=True, capture_output=True, text=True)
            done.write_text("ok\n")
    return path


def _bundle(code: str, store_path: Path) -> tuple[Path, Path]:
    """(full bundle, public key file) of a province's demo store, written once."""
    out, pub = store_path.with_suffix(".itb"), store_path.with_suffix(".pub")
    if out.exists() and pub.exists():
        return out, pub
    from integrity_desktop.permissions import Actor
    from integrity_desktop.services import keys
    from integrity_desktop.services.demo import DEMO_PASSPHRASE, DEMO_PASSWORD
    from integrity_desktop.services.stores import open_initialised
    from integrity_desktop.services.unlock import unlock
    from integrity_desktop.sync.export import export_bundle

    unlock(str(store_path), "admin", DEMO_PASSWORD)
    store = open_initialised(str(store_path))
    try:
        tmp = out.with_suffix(".part")
        export_bundle(store, Actor("bench", "admin", code), tmp, keys.signing_key(store, DEMO_PASSPHRASE),
                      full=True)
        pub.write_text(keys.public_key_file(store), encoding="utf-8")
        tmp.replace(out)
    finally:
        store.dispose()
    return out, pub


def bundles(n: int, scale: int, work: Path) -> list[tuple[str, Path, Path]]:
    """(province, bundle, public key) of the first ``n`` provinces, generated as needed."""
    codes = workload.province_codes(n)
    work.mkdir(parents=True, exist_ok=True)
    jobs = max(1, os.cpu_count() or 1)
    with ThreadPoolExecutor(jobs) as pool:
        stores = list(pool.map(lambda ic: _province(ic[1], workload.SEED + ic[0], scale, work),
                               enumerate(codes)))
    return [(code, *_bundle(code, path)) for code, path in zip(codes, stores, strict=True)]


def _fill_hq(location: str, items: list[tuple[str, Path, Path]]) -> None:
    from integrity_desktop.services import keys
    from integrity_desktop.services.demo import DEMO_PASSPHRASE, demo_admin, ensure_demo_store
    from integrity_desktop.services.seed import HQ
    from integrity_desktop.sync.merge import import_bundle
    from integrity_desktop.sync.trust import add_key

    hq = ensure_demo_store(location, HQ)
    admin = demo_admin(HQ)
    try:
        for code, bundle, pub in items:
            add_key(hq, admin, code, pub.read_text(encoding="utf-8"))
            import_bundle(hq, admin, bundle, lambda: [keys.age_identity(hq, DEMO_PASSPHRASE)])
    finally:
        hq.dispose()


def hq_store(n: int, scale: int, work: Path) -> Path:
    """The HQ demo store (SQLite) with the first ``n`` provinces' bundles imported."""
    path = work / f"national-hq-{n}-s{scale}.sqlite"
    with workload._locked(path):
        done = path.with_name(path.name + ".done")
        if done.exists():
            return path
        workload._remove_store(path)
        from integrity_desktop.db import cipher

        cipher.keyfile_path(path).unlink(missing_ok=True)
        _fill_hq(str(path), bundles(n, scale, work))
        done.write_text("ok\n")
    return path


if __name__ == "__main__":
    if len(sys.argv) > 1 and sys.argv[1] == "--build":
        print(hq_store(int(sys.argv[2]), int(sys.argv[3]), Path(sys.argv[4])))
