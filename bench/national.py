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
            from integrity_desktop.db import cipher

            workload._remove_store(path)
            cipher.keyfile_path(path).unlink(missing_ok=True)  # an interrupted run's key file
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
    from integrity_desktop.services.accounts.unlock import unlock
    from integrity_desktop.services.demo.content import DEMO_PASSPHRASE, DEMO_PASSWORD
    from integrity_desktop.services.store import keys
    from integrity_desktop.services.store.opening import open_initialised
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
    from integrity_desktop.services.demo.content import DEMO_PASSPHRASE, demo_admin, ensure_demo_store
    from integrity_desktop.services.store import keys
    from integrity_desktop.services.store.seed import HQ
    from integrity_desktop.sync.merge import import_bundle
    from integrity_desktop.sync.trust import add_key

    if "://" in location:  # an empty PostgreSQL database: HQ's store with the demo's admin password
        from integrity_desktop.services.demo.content import DEMO_PASSWORD
        from integrity_desktop.services.store.opening import init_store

        hq = init_store(location, HQ, DEMO_PASSWORD, DEMO_PASSPHRASE)
    else:
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


# --------------------------------------------------------------------------- PostgreSQL


@contextmanager
def pg_server(work: Path) -> Iterator[str | None]:
    """A throw-away PostgreSQL server on loopback (as tests/pg.py starts it) whose data folder
    is kept in the work directory; None when the binaries are not there."""
    if not (PG_BIN / "initdb").exists():
        yield None
        return
    as_root = os.geteuid() == 0
    user = "postgres" if as_root else os.environ.get("USER", "postgres")

    def run(cmd: list[str]) -> None:
        subprocess.run(["runuser", "-u", "postgres", "--", *cmd] if as_root else cmd,
                       check=True, capture_output=True)

    folder = work / "pg"
    data = folder / "data"
    if not data.exists():
        folder.mkdir(parents=True, exist_ok=True)
        if as_root:
            shutil.chown(folder, "postgres", "postgres")
        run([str(PG_BIN / "initdb"), "-D", str(data), "-U", user, "-A", "trust", "--no-sync", "-E", "UTF8"])
    sockets = Path(tempfile.mkdtemp(prefix="bench-pg-"))
    if as_root:
        shutil.chown(sockets, "postgres", "postgres")
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = int(s.getsockname()[1])
    run([str(PG_BIN / "pg_ctl"), "-D", str(data), "-l", str(folder / "log"), "-w", "start",
         "-o", f"-p {port} -h 127.0.0.1 -k {sockets} -c fsync=off"])
    try:
        yield f"postgresql+psycopg://{user}@127.0.0.1:{port}"
    finally:
        run([str(PG_BIN / "pg_ctl"), "-D", str(data), "-m", "fast", "stop"])
        shutil.rmtree(sockets, ignore_errors=True)


def recreate_database(server: str, name: str, template: str | None = None) -> None:
    """Database ``name`` on the server, empty (or a copy of ``template``), whatever was there."""
    from sqlalchemy import create_engine, text

    engine = create_engine(f"{server}/postgres", isolation_level="AUTOCOMMIT")
    try:
        with engine.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
            source = f' TEMPLATE "{template}"' if template else ""
            conn.execute(text(f'CREATE DATABASE "{name}"{source}'))
    finally:
        engine.dispose()


def pg_store(server: str, n: int, scale: int, work: Path) -> str:
    """The same HQ store on PostgreSQL: a database holding the same bundles, made once."""
    name = f"national_hq_{n}_s{scale}"
    done = work / f"pg-{name}.done"
    if not done.exists():
        recreate_database(server, name)
        _fill_hq(f"{server}/{name}", bundles(n, scale, work))
        done.write_text("ok\n")
    return f"{server}/{name}"


# --------------------------------------------------------------------------- measuring

# One raw aggregate over the rows each figure rests on, through the store's own connection.
RAW_ANSWERS = """
SELECT c.office_code, e.status, count(*) FROM checklist_entries e
JOIN checklists c ON c.id = e.checklist_id
WHERE c.period_code IN ({periods}) AND c.deleted = false AND e.deleted = false
GROUP BY c.office_code, e.status"""
RAW_PLAN = """
SELECT p.office_code, count(*), sum(CASE WHEN EXISTS (SELECT 1 FROM visits v WHERE v.plan_item_id = i.id
    AND v.deleted = false) THEN 1 ELSE 0 END)
FROM plan_items i JOIN inspection_plans p ON p.id = i.plan_id
WHERE i.deleted = false AND p.deleted = false AND i.planned_date BETWEEN :start AND :end
GROUP BY p.office_code"""
RAW_CASES = """
SELECT c.office_code, e.stage, count(*) FROM case_events e JOIN cases c ON c.id = e.case_id
WHERE e.deleted = false AND c.deleted = false AND e.event_date BETWEEN :start AND :end
GROUP BY c.office_code, e.stage"""


def trend_periods(period_code: str) -> list[str]:
    """The periods the dashboard's trend shows (as ``NationalScreen.load``): the quarters and
    years of the period's year and the year before."""
    from integrity_desktop import jalali

    year = jalali.Period.parse(period_code).year
    codes = [p.code for y in (year - 1, year) for p in jalali.periods_of_year(y, "quarter")]
    return codes + [jalali.Period(y, "year").code for y in (year - 1, year)]


def child(argv: list[str]) -> None:
    """``--child LOCATION PERIOD REPEATS``: each figure and its raw aggregate, alternated."""
    location, period_code, repeats = argv[0], argv[1], int(argv[2])
    from sqlalchemy import text

    from integrity_desktop import jalali
    from integrity_desktop.permissions import Actor
    from integrity_desktop.services.accounts.unlock import unlock
    from integrity_desktop.services.demo.content import DEMO_PASSWORD
    from integrity_desktop.services.figures import national
    from integrity_desktop.services.store.opening import open_initialised

    unlock(location, "admin", DEMO_PASSWORD)
    store = open_initialised(location)
    actor = Actor("admin", "admin", "hq")
    period = jalali.Period.parse(period_code)
    trend = trend_periods(period_code)

    def raw(sql: str, **params: Any) -> Callable[[], object]:
        def run() -> object:
            with store.read() as s:
                return s.execute(text(sql), params).all()
        return run

    quoted = ", ".join(f"'{p}'" for p in trend)
    pairs: dict[str, tuple[Callable[[], object], Callable[[], object]]] = {
        "dashboard": (lambda: national.picture(store, actor, period_code),
                      raw(RAW_ANSWERS.format(periods=f"'{period_code}'"))),
        "trend": (lambda: national.completion_trend(store, actor, trend),
                  raw(RAW_ANSWERS.format(periods=quoted))),
        "map_1/4": (lambda: national.indicator_across(store, actor, period_code, "1/4"),
                    raw(RAW_PLAN, start=period.start, end=period.end)),
        "map_6/11": (lambda: national.indicator_across(store, actor, period_code, "6/11"),
                     raw(RAW_CASES, start=period.start, end=period.end)),
    }
    for app, base in pairs.values():  # warm: imports, caches, the pages read once
        app()
        base()
    from integrity_desktop import heap

    heap.settle()  # as the app once it is running (the GUI after its first paint, a command once signed in)
    times: dict[str, tuple[list[float], list[float]]] = {k: ([], []) for k in pairs}
    for _ in range(repeats):
        for key, (app, base) in pairs.items():
            for fn, out in ((app, times[key][0]), (base, times[key][1])):
                start = time.perf_counter()
                fn()
                out.append(time.perf_counter() - start)
    pic = national.picture(store, actor, period_code)
    with store.read() as s:
        answers = sum(int(r[2]) for r in s.execute(text(RAW_ANSWERS.format(periods=f"'{period_code}'"))))
    store.dispose()
    emit({"times": times, "answers": answers, "received": sum(1 for p in pic.provinces if p.received),
          "indicators": len(pic.figures)})


def _report(location: str, period_code: str, out: Path, repeats: int) -> list[float]:
    """Wall seconds of ``integrity-desktop report national`` (process start to PDF written)."""
    env = dict(os.environ, INTEGRITY_USER="admin", INTEGRITY_PASSWORD="demo-password")
    runs = []
    for _ in range(repeats):
        out.unlink(missing_ok=True)
        start = time.perf_counter()
        subprocess.run([python(), "-m", "integrity_desktop", "report", "national", "--db", location,
                        "--period", period_code, "--out", str(out)], cwd=ROOT, env=env, check=True,
                       capture_output=True, text=True)
        runs.append(time.perf_counter() - start)
        if not out.exists() or out.stat().st_size == 0:
            raise RuntimeError("report national wrote no PDF")
    return runs


def _figures(backend: str, location: str, n: int, opts: Options, repeats: int) -> list[Figure]:
    result = run_child(["-m", "bench.national", "--child", location, PERIOD, str(repeats)])
    load = " ".join(f"{x:.1f}" for x in os.getloadavg())
    size = f"{result['received']} provinces, {result['answers']} answers in {PERIOD}"
    labels = {"dashboard": "HQ dashboard figures (national.picture)",
              "trend": "dashboard trend, 8 quarters + 2 years",
              "map_1/4": "map by indicator 1/4 (computed)",
              "map_6/11": "map by indicator 6/11 (case statistics)"}
    out = []
    for key, (app_runs, raw_runs) in result["times"].items():
        app, raw = statistics.median(app_runs), statistics.median(raw_runs)
        out.append(Figure("national", f"{labels[key]}, {backend}", app, "s", f"<= {GOAL_RATIO:g} x raw",
                          app / raw <= GOAL_RATIO, baseline=raw, ratio=app / raw,
                          note=f"{size}; median of {len(app_runs)} alternated with the raw aggregate; load {load}"))
    runs = _report(location, PERIOD, opts.work / f"national-{backend}.pdf", max(1, min(3, repeats)))
    report = statistics.median(runs)
    out.append(Figure("national", f"report national PDF, {backend}", report, "s", f"< {GOAL_REPORT_S:g} s",
                      report < GOAL_REPORT_S,
                      note=f"{n} provinces; whole command incl. start-up and sign-in, median of {len(runs)}; "
                           f"load {load}"))
    return out


def run(opts: Options) -> list[Figure]:
    n = opts.provinces or (4 if opts.quick else 31)
    scale = opts.scale or (1 if opts.quick else 2)
    repeats = 3 if opts.quick else opts.repeats
    figures = _figures("SQLite", str(hq_store(n, scale, opts.work)), n, opts, repeats)
    with pg_server(opts.work) as server:
        if server is not None:
            figures += _figures("PostgreSQL", pg_store(server, n, scale, opts.work), n, opts, repeats)
    return figures


if __name__ == "__main__":
    if len(sys.argv) > 1 and sys.argv[1] == "--child":
        child(sys.argv[2:])
    elif len(sys.argv) > 1 and sys.argv[1] == "--build":
        print(hq_store(int(sys.argv[2]), int(sys.argv[3]), Path(sys.argv[4])))
