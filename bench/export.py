"""Export of a full province bundle with evidence, against ``zipfile`` alone writing the same
bytes (the bundle's record members and the evidence files) in the same run.

Goal (the merge's ratio idea): the export's throughput at least 0.25 of the bare ``zipfile``,
which writes each member with the compression the bundle used (evidence is stored, not
deflated).  Evidence is incompressible random data, like the scans and photos offices attach.
"""

from __future__ import annotations

import random
import statistics
import sys
import time
import zipfile
from pathlib import Path

from bench import workload
from bench.common import Figure, Options, emit, peak_rss_mb, run_child

FILE_MB = 2


def evidence_store(scale: int, evidence_mb: int, work: Path) -> Path:
    """A copy of the first province's store with ``evidence_mb`` of evidence on its checklists."""
    code = workload.province_codes(1)[0]
    path = work / f"export-{code}-s{scale}-e{evidence_mb}.sqlite"
    done = path.with_name(path.name + ".done")
    if done.exists():
        return path
    workload.copy_store(workload.province_store(code, scale, work), path)
    from sqlalchemy import select

    from integrity_desktop.db.models import Checklist
    from integrity_desktop.permissions import Actor
    from integrity_desktop.services.store import evidence

    store = workload.open_unlocked(path)
    try:
        actor = Actor("bench", "admin", store.office_code)
        with store.read() as s:
            owners = list(s.scalars(select(Checklist.id).order_by(Checklist.id)))
        rng = random.Random(f"{workload.SEED}:evidence")
        tmp = work / "evidence-source.pdf"
        for i in range(max(1, evidence_mb // FILE_MB)):
            tmp.write_bytes(b"%PDF-1.4\n" + rng.randbytes(FILE_MB * 1024 * 1024 - 9))
            evidence.attach(store, actor, "checklist", owners[i % len(owners)], tmp)
        tmp.unlink()
    finally:
        store.dispose()
    done.write_text("ok\n")
    return path


def child(argv: list[str]) -> None:
    """``--child STORE OUT``: export a full bundle for HQ and report time and peak memory."""
    from integrity_desktop.permissions import Actor
    from integrity_desktop.services.store import keys
    from integrity_desktop.sync.export import export_bundle

    store = workload.open_unlocked(Path(argv[0]))
    out = Path(argv[1])
    out.unlink(missing_ok=True)
    key = keys.signing_key(store, workload.PASSPHRASE)  # the passphrase check is not the export
    start = time.perf_counter()
    cpu = time.process_time()
    result = export_bundle(store, Actor("bench", "admin", store.office_code), out, key, full=True)
    emit({"seconds": time.perf_counter() - start, "cpu": time.process_time() - cpu,
          "records": sum(result.record_counts.values()), "evidence": result.evidence_files,
          "size": result.size, "peak_mb": peak_rss_mb()})


def bare_zip(bundle: Path, store: Path, out: Path) -> float:
    """Seconds for ``zipfile`` alone to write the bundle's records and the evidence blobs, each
    member with the compression the bundle chose for it (records deflated, evidence stored)."""
    with zipfile.ZipFile(bundle) as zf:
        infos = [i for i in zf.infolist() if i.filename.startswith(("records/", "evidence/"))]
        records = {i.filename: (zf.read(i), i.compress_type) for i in infos
                   if i.filename.startswith("records/")}
    blobs = [(i.filename.split("/", 1)[1], i.compress_type) for i in infos
             if i.filename.startswith("evidence/")]
    files = store.with_name(f"{store.stem}-files") / "evidence"
    out.unlink(missing_ok=True)
    start = time.perf_counter()
    with zipfile.ZipFile(out, "w", compression=zipfile.ZIP_DEFLATED, allowZip64=True) as zf:
        for name, (data, kind) in records.items():
            zf.writestr(name, data, compress_type=kind)
        for sha, kind in blobs:
            zf.write(files / sha[:2] / sha, f"evidence/{sha}", compress_type=kind)
    return time.perf_counter() - start


def run(opts: Options) -> list[Figure]:
    scale = opts.scale or (1 if opts.quick else 2)
    mb = 20 if opts.quick else 200
    store = evidence_store(scale, mb, opts.work)
    out = opts.work / "export-bench.itb"
    repeats = min(opts.repeats, 3)
    runs, bare = [], []
    for _ in range(repeats):  # alternated, so both see the same load
        runs.append(run_child(["-m", "bench.export", "--child", str(store), str(out)]))
        bare.append(bare_zip(out, store, opts.work / "export-bare.zip"))
    t = statistics.median(r["seconds"] for r in runs)
    t_bare = statistics.median(bare)
    r0 = runs[0]
    note = (f"{r0['records']} records, {r0['evidence']} files of {FILE_MB} MB, "
            f"bundle {r0['size'] / 2**20:.0f} MB, median of {repeats}")
    return [
        Figure("export", "full bundle", t, "s", ">= 0.25 x zipfile throughput",
               t_bare / t >= 0.25, baseline=t_bare, ratio=t_bare / t, note=note),
        Figure("export", "peak memory", max(r["peak_mb"] for r in runs), "MB", "reported", None),
    ]


if __name__ == "__main__":
    if len(sys.argv) > 1 and sys.argv[1] == "--child":
        child(sys.argv[2:])
