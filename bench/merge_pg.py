"""HQ merge on PostgreSQL (issue 23 item 3): the province bundles of ``bench.merge`` imported
into an HQ store on a throw-away PostgreSQL server, against PostgreSQL's own raw baselines,
measured in the same run: ``executemany`` of the same rows through psycopg into tables of the
same columns with only a primary key, and ``COPY`` of them.  Reported, no goal: HQ runs the
same code on PostgreSQL (the SQLite figures are ``bench.merge``'s).

Every import runs in a child process on a fresh database copied from an HQ template database
(``CREATE DATABASE ... TEMPLATE``) that trusts the provinces' keys; each raw baseline runs
right after an import, in a fresh schema of that database, so both see the same load.  The
server runs with ``fsync=off`` (as ``bench.national``'s) on both sides.
"""

from __future__ import annotations

import statistics
import sys
import time
from pathlib import Path
from typing import Any

from bench import workload
from bench.common import Figure, Options, emit, median_time, peak_rss_mb, run_child
from bench.merge import bundle_rows, manifest_records, plain_value
from bench.national import pg_server, recreate_database

RUN_DB = "merge_run"


def hq_template(server: str, codes: list[str], scale: int, work: Path) -> str:
    """The name of a database holding an HQ store that trusts the provinces' keys, made once."""
    name = f"merge_hq_{len(codes)}_s{scale}"
    done = work / f"pg-{name}.done"
    if done.exists():
        return name
    recreate_database(server, name)
    workload.init_trusting(f"{server}/{name}", codes, scale, work)
    done.write_text("ok\n")
    return name


def child(argv: list[str]) -> None:
    """``--child LOCATION BUNDLE...``: import the bundles into the (fresh) HQ database."""
    location, *bundles = argv
    from integrity_desktop.permissions import Actor
    from integrity_desktop.services.store import keys
    from integrity_desktop.services.store.opening import open_initialised
    from integrity_desktop.sync.merge import import_bundle

    store = open_initialised(location)
    actor = Actor("bench", "admin", "hq")
    start = time.perf_counter()
    for b in bundles:
        import_bundle(store, actor, Path(b), lambda: [keys.age_identity(store, workload.PASSPHRASE)])
    seconds = time.perf_counter() - start
    store.dispose()
    emit({"seconds": seconds, "peak_mb": peak_rss_mb()})


def raw_insert(url: str, bundles: list[dict[str, list[dict[str, Any]]]], copy: bool) -> None:
    """The baseline: a fresh schema with one table per record type (the store's columns and
    types, ``LIKE`` its table, only the primary key), one ``executemany`` (or one ``COPY``) per
    type and bundle, one commit."""
    import psycopg

    from integrity_desktop.sync import bundle_format as bf

    with psycopg.connect(url.replace("postgresql+psycopg://", "postgresql://")) as con:
        con.execute("DROP SCHEMA IF EXISTS raw CASCADE")
        con.execute("CREATE SCHEMA raw")
        columns = {}
        for kind in bf.sync_order():
            table = bf.table_of(kind)
            columns[kind] = [c.name for c in table.columns]
            con.execute(f'CREATE TABLE raw."{kind}" (LIKE public."{table.name}" INCLUDING DEFAULTS, '
                        'PRIMARY KEY (id))')
        con.commit()
        with con.cursor() as cur:
            for records in bundles:
                for kind, rows in records.items():
                    cols = columns[kind]
                    values = [tuple(plain_value(r.get(c)) for c in cols) for r in rows]
                    names = ", ".join(f'"{c}"' for c in cols)
                    if copy:
                        with cur.copy(f'COPY raw."{kind}" ({names}) FROM STDIN') as cp:
                            for v in values:
                                cp.write_row(v)
                    else:
                        marks = ", ".join("%s" for _ in cols)
                        cur.executemany(f'INSERT INTO raw."{kind}" ({names}) VALUES ({marks}) '
                                        "ON CONFLICT (id) DO NOTHING", values)
        con.commit()


def run(opts: Options) -> list[Figure]:
    n = opts.provinces or (2 if opts.quick else 31)
    scale = opts.scale or (1 if opts.quick else 2)
    codes = workload.province_codes(n)
    workload.province_stores(codes, scale, opts.work)
    bundles = [workload.bundle(c, scale, opts.work) for c in codes]
    repeats = 3 if opts.quick else max(1, min(3, opts.repeats))
    records = sum(manifest_records(b) for b in bundles)
    with pg_server(opts.work) as server:
        if server is None:
            print("PostgreSQL's binaries are not here: merge_pg skipped", flush=True)
            return []
        template = hq_template(server, codes, scale, opts.work)
        rows = [bundle_rows(b) for b in bundles]
        raw_url = f"{server}/{RUN_DB}"  # a schema of its own beside the merged store's tables
        merges: list[float] = []
        peaks: list[float] = []
        raw_many: list[float] = []
        raw_copy: list[float] = []
        for _ in range(repeats):
            recreate_database(server, RUN_DB, template)
            result = run_child(["-m", "bench.merge_pg", "--child", f"{server}/{RUN_DB}",
                                *map(str, bundles)])
            merges.append(result["seconds"])
            peaks.append(result["peak_mb"])
            raw_many.append(median_time(lambda: raw_insert(raw_url, rows, copy=False), 1)[0])
            raw_copy.append(median_time(lambda: raw_insert(raw_url, rows, copy=True), 1)[0])
    rate = records / statistics.median(merges)
    many_rate = records / statistics.median(raw_many)
    copy_rate = records / statistics.median(raw_copy)
    note = (f"{n} bundles (scale {scale}), {records} records, median of {repeats} runs, each "
            f"followed by the raw baselines; runs {', '.join(f'{s:.1f}' for s in merges)} s")
    return [
        Figure("merge_pg", "records/s, PostgreSQL (x raw executemany)", rate, "rec/s", "reported",
               None, baseline=many_rate, ratio=rate / many_rate, note=note),
        Figure("merge_pg", "records/s, PostgreSQL (x raw COPY)", rate, "rec/s", "reported", None,
               baseline=copy_rate, ratio=rate / copy_rate, note="the same runs"),
        Figure("merge_pg", f"peak memory ({n} bundles), PostgreSQL", max(peaks), "MB", "< 300 MB",
               max(peaks) < 300.0),
    ]


if __name__ == "__main__":
    if len(sys.argv) > 1 and sys.argv[1] == "--child":
        child(sys.argv[2:])
