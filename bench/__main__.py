"""``python -m bench [--quick] [--only NAME ...]``: run the benchmarks, print every figure with
its same-run baseline and ratio, then one table of figures, goals and pass/fail; ``--results``
also rewrites ``bench/RESULTS.md`` with the table and the machine it ran on."""

from __future__ import annotations

import argparse
import contextlib
import importlib
import os
import platform
import subprocess
import sys
import time
from datetime import UTC, datetime
from importlib import metadata
from pathlib import Path

from bench.common import WORK, Figure, Options

BENCHES = ["startup", "merge", "merge_pg", "import_gui", "bundle_size", "export", "case_list", "pdf", "excel",
           "complaint_list", "national"]
MODULES = {"startup": "bench.startup", "merge": "bench.merge", "merge_pg": "bench.merge_pg", "export": "bench.export",
           "import_gui": "bench.import_gui", "bundle_size": "bench.bundle_size",
           "case_list": "bench.case_list", "pdf": "bench.pdf_excel", "excel": "bench.pdf_excel",
           "complaint_list": "bench.complaint_list", "national": "bench.national"}
NOTES = "## Notes"
PACKAGES = ["PySide6_Essentials", "SQLAlchemy", "alembic", "reportlab", "openpyxl", "lxml",
            "argon2-cffi", "arabic-reshaper", "python-bidi", "orjson"]


def machine() -> list[str]:
    """nproc, CPU model, memory, load, Python and package versions: where the figures came from."""
    cpu = "?"
    try:
        cpu = next(ln.split(":", 1)[1].strip() for ln in Path("/proc/cpuinfo").read_text().splitlines()
                   if ln.startswith("model name"))
        mem_kb = int(next(ln.split()[1] for ln in Path("/proc/meminfo").read_text().splitlines()
                          if ln.startswith("MemTotal")))
        mem = f"{mem_kb / 2**20:.1f} GiB"
    except (OSError, StopIteration, ValueError):
        mem = "?"
    versions = []
    for name in PACKAGES:
        with contextlib.suppress(metadata.PackageNotFoundError):
            versions.append(f"{name} {metadata.version(name)}")
    load = " ".join(f"{x:.1f}" for x in os.getloadavg())
    sqlite = subprocess.run([sys.executable, "-c", "import sqlite3; print(sqlite3.sqlite_version)"],
                            capture_output=True, text=True, check=False).stdout.strip()
    return [f"nproc {os.cpu_count()}; CPU {cpu}; memory {mem}; load average {load}",
            f"{platform.platform()}; Python {platform.python_version()}; SQLite {sqlite}",
            "; ".join(versions)]


def table(figures: list[Figure]) -> list[str]:
    out = ["| bench | figure | value | baseline | ratio | goal | result | note |",
           "| --- | --- | --- | --- | --- | --- | --- | --- |"]
    for f in figures:
        base = "" if f.baseline is None else f"{f.baseline:.4g}"
        ratio = "" if f.ratio is None else f"{f.ratio:.3f}"
        verdict = {True: "pass", False: "**FAIL**", None: "—"}[f.passed]
        out.append(f"| {f.bench} | {f.name} | {f.value:.4g} {f.unit} | {base} | {ratio} | "
                   f"{f.goal} | {verdict} | {f.note} |")
    return out


def _merged(lines: list[str], ran: set[str]) -> list[str]:
    """With ``--only``, the other benchmarks' rows of the previous RESULTS.md are kept."""
    results = Path(__file__).with_name("RESULTS.md")
    if not results.exists():
        return lines
    kept = [ln for ln in results.read_text(encoding="utf-8").splitlines()
            if ln.startswith("| ") and not ln.startswith(("| bench ", "| --- "))
            and ln.split("|")[1].strip() not in ran]
    rows = kept + lines[2:]
    order = {name: i for i, name in enumerate(BENCHES)}
    rows.sort(key=lambda ln: order.get(ln.split("|")[1].strip(), len(order)))  # stable
    return lines[:2] + rows


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench", description=__doc__)
    parser.add_argument("--quick", action="store_true", help="small sizes (a few minutes)")
    parser.add_argument("--only", action="append", choices=BENCHES, help="run only these")
    parser.add_argument("--repeats", type=int, default=5, help="runs per figure (median)")
    parser.add_argument("--provinces", type=int, help="merge: province bundles (default 31)")
    parser.add_argument("--scale", type=int, help="demo scale of a province store")
    parser.add_argument("--work", type=Path, default=WORK, help="cache of generated stores")
    parser.add_argument("--results", action="store_true", help="rewrite bench/RESULTS.md")
    args = parser.parse_args(argv)
    opts = Options(quick=args.quick, repeats=args.repeats, provinces=args.provinces,
                   scale=args.scale, work=args.work)
    figures: list[Figure] = []
    started = time.perf_counter()
    for name in args.only or BENCHES:
        module = importlib.import_module(MODULES[name])
        run = getattr(module, f"{name}_run", None) or module.run
        print(f"== {name}", flush=True)
        for figure in run(opts):
            print(figure.line(), flush=True)
            figures.append(figure)
    print("\n".join(table(figures)))
    lines = table(figures)
    if args.results and args.only:
        lines = _merged(lines, set(args.only))
    if args.results:
        size = "quick" if args.quick else "full"
        doc = ["# Benchmark results", "",
               f"Latest run: {datetime.now(UTC):%Y-%m-%d %H:%M} UTC, `python -m bench "
               f"{' '.join(argv if argv is not None else sys.argv[1:])}` ({size} sizes, "
               f"{time.perf_counter() - started:.0f} s)."
               + (" Rows of the benchmarks not run are kept from the previous run."
                  if args.only else ""), "", "Machine:", "",
               *[f"- {m}" for m in machine()], "", *lines, ""]
        results = Path(__file__).with_name("RESULTS.md")
        notes = ""
        if results.exists():  # the hand-written analysis below the table is kept
            text = results.read_text(encoding="utf-8")
            notes = text[text.index(NOTES):] if NOTES in text else ""
        results.write_text("\n".join(doc) + ("\n" + notes if notes else ""), encoding="utf-8")
    return 0 if all(f.passed is not False for f in figures) else 1


if __name__ == "__main__":
    sys.exit(main())
