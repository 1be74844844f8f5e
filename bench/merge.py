"""HQ merge: province bundles imported into one HQ store, against a raw ``sqlite3``
``executemany`` of the same rows into tables of the same columns, measured in the same run
(each raw insert right after an import of all the bundles, so both see the same machine load).

Figures, for the bundles imported one by one (``import-bundle FILE``, a commit each) and as
one folder import (the import screen's: one transaction, a savepoint per bundle), alternated
run by run: records per second and its ratio to the raw insert (goal at least 0.25); the time
for all bundles over the time for half of them (goal at most 2.2 for twice the data); peak
memory of the importing process (goal under 300 MB at either size).  The import runs in a child
process (``--child``) so its peak memory (``ru_maxrss`` of that process) is its own.
"""

from __future__ import annotations

import json
import sqlite3
import statistics
import sys
import time
import zipfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

from bench import workload
from bench.common import Figure, Options, emit, median_time, peak_rss_mb, run_child

MEMORY_GOAL_MB = 300.0


def bundle_rows(bundle: Path) -> dict[str, list[dict[str, Any]]]:
    """Every record line of a bundle, by record type (the rows the raw baseline inserts)."""
    out: dict[str, list[dict[str, Any]]] = {}
    with zipfile.ZipFile(bundle) as zf:
        for name in zf.namelist():
            if name.startswith("records/") and name.endswith(".jsonl"):
                kind = name[len("records/"):-len(".jsonl")]
                rows = out.setdefault(kind, [])
                for line in zf.read(name).splitlines():
                    if line.strip():
                        data = json.loads(line)
                        data.pop("_history", None)
                        rows.append(data)
    return out


def plain_value(value: Any) -> Any:
    """A record value as a raw baseline binds it: a dict or list as its JSON text."""
    return json.dumps(value, ensure_ascii=False) if isinstance(value, dict | list) else value


def raw_insert(path: Path, bundles: list[dict[str, list[dict[str, Any]]]], encrypted: bool = False) -> None:
    """The baseline: one table per record type, same columns and primary key, one
    ``executemany`` per type and bundle, one commit; ``encrypted``: into a SQLCipher file with a
    random key, as the store is since issue 18 (the same page encryption on both sides)."""
    from integrity_desktop.sync import bundle_format as bf

    path.unlink(missing_ok=True)
    if encrypted:
        import secrets

        from integrity_desktop.db import cipher

        con = cipher.connect(path, key=secrets.token_bytes(32))
    else:
        con = sqlite3.connect(path)
    try:
        for kind in bf.sync_order():
            cols = [c.name for c in bf.table_of(kind).columns]
            col_sql = ", ".join(f'"{c}"' for c in cols)
            con.execute(f'CREATE TABLE "{kind}" ({col_sql}, PRIMARY KEY ("id"))')
        for records in bundles:
            for kind, rows in records.items():
                cols = [c.name for c in bf.table_of(kind).columns]
                marks = ", ".join("?" for _ in cols)
                con.executemany(
                    f'INSERT OR REPLACE INTO "{kind}" VALUES ({marks})',
                    [tuple(plain_value(r.get(c)) for c in cols) for r in rows],
                )
        con.commit()
    finally:
        con.close()


def _encrypted(store: Path) -> bool:
    from integrity_desktop.db import cipher

    return cipher.is_encrypted(store)


def child(argv: list[str]) -> None:
    """``--child MODE TEMPLATE TARGET BUNDLE...``: import the bundles into a copy of the HQ store,
    MODE ``each`` one import (one commit) per bundle, as ``import-bundle FILE`` does, or
    ``folder`` all of them in one transaction, as the import screen does with a folder
    (``sync.pending.preview_many``, confirmed at once)."""
    mode, template, target, *bundles = argv
    from integrity_desktop import heap
    from integrity_desktop.permissions import Actor
    from integrity_desktop.services.store import keys
    from integrity_desktop.sync.merge import import_bundle
    from integrity_desktop.sync.pending import preview_many

    workload.copy_store(Path(template), Path(target))
    store = workload.open_unlocked(Path(target), workload.HQ_PASSWORD)
    heap.settle()  # as the app once its person is signed in (cli.common.open_for, the GUI)
    actor = Actor("bench", "admin", "hq")
    paths = [Path(b) for b in bundles]

    def identities() -> list[Any]:
        return [keys.age_identity(store, workload.PASSPHRASE)]

    rss_before = peak_rss_mb()
    start = time.perf_counter()
    if mode == "folder":
        batch = preview_many(store, actor, paths, identities).commit_all()
        refused = [r.path.name for r in batch.results if r.refused is not None]
        if refused:
            raise RuntimeError(f"refused: {refused}")
    else:
        for b in paths:
            import_bundle(store, actor, b, identities)
    seconds = time.perf_counter() - start
    store.dispose()
    emit({"seconds": seconds, "peak_mb": peak_rss_mb(), "rss_before_mb": rss_before})


def manifest_records(bundle: Path) -> int:
    with zipfile.ZipFile(bundle) as zf:
        return int(sum(json.loads(zf.read("manifest.json"))["record_counts"].values()))


MODES = ("each", "folder")


def _merge(codes: list[str], scale: int, opts: Options, repeats: int,
           after_each: Callable[[], object] | None = None,
           ) -> tuple[dict[str, tuple[float, float]], int]:
    """Per mode (``child``'s), the median seconds and peak memory of ``repeats`` imports of the
    bundles, the modes alternated run by run (``after_each`` runs after every import, untimed
    here: the raw baseline, so both see the same load); and the records imported."""
    template = workload.hq_template(codes, scale, opts.work)
    bundles = [workload.bundle(c, scale, opts.work) for c in codes]
    target = opts.work / f"hq-merge-{len(codes)}.sqlite"
    runs: dict[str, list[dict[str, Any]]] = {m: [] for m in MODES}
    env = workload.unlocked_key_env(template, workload.HQ_PASSWORD)
    for _ in range(repeats):
        for mode in MODES:
            runs[mode].append(run_child(["-m", "bench.merge", "--child", mode, str(template),
                                         str(target), *map(str, bundles)], env=env))
            if after_each is not None:
                after_each()
    figures = {m: (statistics.median(r["seconds"] for r in rs), max(r["peak_mb"] for r in rs))
               for m, rs in runs.items()}
    return figures, sum(manifest_records(b) for b in bundles)


def run(opts: Options) -> list[Figure]:
    n = opts.provinces or (2 if opts.quick else 31)
    scale = opts.scale or (1 if opts.quick else 2)
    codes = workload.province_codes(n)
    workload.province_stores(codes, scale, opts.work)
    repeats = 3 if opts.quick else max(1, min(3, opts.repeats))
    half = codes[: max(1, n // 2)]
    halves, rec_half = _merge(half, scale, opts, repeats)
    rows = [bundle_rows(workload.bundle(c, scale, opts.work)) for c in codes]
    raw_path = opts.work / "raw-baseline.sqlite"
    raw_times: list[float] = []
    enc_times: list[float] = []
    encrypted = _encrypted(workload.hq_template(codes, scale, opts.work))

    def raw_once() -> None:
        raw_times.append(median_time(lambda: raw_insert(raw_path, rows), 1)[0])
        if encrypted:
            enc_times.append(median_time(lambda: raw_insert(raw_path, rows, encrypted=True), 1)[0])

    # The raw insert runs right after each import of all the bundles (and then again up to 3
    # runs): on a shared machine, medians taken minutes apart compare different loads.
    alls, rec_all = _merge(codes, scale, opts, repeats, after_each=raw_once)
    while len(raw_times) < 3:
        raw_once()
    raw_rate = rec_all / statistics.median(raw_times)
    enc_rate = rec_all / statistics.median(enc_times) if enc_times else None
    size = f"{n} bundles, {rec_all} records, {repeats} runs"
    how = {"each": ("", "one import and commit per bundle (import-bundle FILE)"),
           "folder": (", one folder import",
                      "all bundles in one transaction, as the import screen imports a folder")}
    figures = []
    for mode in MODES:
        (t_half, mem_half), (t_all, mem_all) = halves[mode], alls[mode]
        label, what = how[mode]
        rate = rec_all / t_all
        growth = (t_all / t_half) / (rec_all / rec_half)  # time ratio per data ratio
        figures.append(Figure("merge", f"records/s{label}", rate, "rec/s", ">= 0.25 x raw",
                              rate / raw_rate >= 0.25, baseline=raw_rate, ratio=rate / raw_rate,
                              note=f"{size}; {what}"))
        if enc_rate is not None:
            figures.append(Figure(
                "merge", f"records/s{label} (x raw into an encrypted file)", rate, "rec/s",
                ">= 0.25 x raw", rate / enc_rate >= 0.25, baseline=enc_rate, ratio=rate / enc_rate,
                note="the store is encrypted (issue 18): raw executemany into a SQLCipher file "
                     "of the same rows"))
        figures += [
            Figure("merge", f"time x{rec_all / rec_half:.2f} data{label}", t_all / t_half, "x",
                   "<= 2.2 for 2x data", t_all / t_half <= 2.2 * (rec_all / rec_half) / 2,
                   baseline=t_half, ratio=growth, note=f"{t_half:.2f}s -> {t_all:.2f}s"),
            Figure("merge", f"peak memory ({len(half)} bundles){label}", mem_half, "MB",
                   "< 300 MB", mem_half < MEMORY_GOAL_MB),
            Figure("merge", f"peak memory ({n} bundles){label}", mem_all, "MB", "< 300 MB",
                   mem_all < MEMORY_GOAL_MB),
        ]
    return figures


if __name__ == "__main__":
    if len(sys.argv) > 1 and sys.argv[1] == "--child":
        child(sys.argv[2:])
