"""The benchmarks keep working (no timing is asserted: speed lives in ``bench/``).

Runs the Excel benchmark at a tiny size in a temporary work directory, through the same child
processes ``python -m bench`` uses, and reads back what they wrote; and checks the table and
the machine description that ``bench/RESULTS.md`` is made of.
"""

from __future__ import annotations

import math
from pathlib import Path

import pytest
from openpyxl import load_workbook

from bench import __main__ as bench_main
from bench.common import Figure
from bench.pdf_excel import excel_figures


@pytest.mark.slow
def test_excel_bench_runs_and_writes_the_register(tmp_path: Path) -> None:
    figures = excel_figures(tmp_path, 200, 1)
    assert [f.bench for f in figures] == ["excel", "excel"]
    limits = {"s": 1.3, "MB": 1.1}  # the goals the two figures state
    for f in figures:
        assert math.isfinite(f.value) and f.value > 0
        assert f.baseline is not None and f.baseline > 0
        assert f.ratio is not None and math.isfinite(f.ratio) and f.ratio > 0
        assert f.passed is (f.ratio <= limits[f.unit])  # the verdict is the goal applied
    assert figures[0].ratio == pytest.approx(figures[0].value / figures[0].baseline)
    sheet = load_workbook(tmp_path / "register-bench.xlsx", read_only=True).worksheets[0]
    rows = list(sheet.iter_rows(values_only=True))
    assert len(rows) == 203  # two title rows, the header and one row per case
    assert rows[2][0] == "شمارهٔ پرونده"
    assert (tmp_path / "cases-200.sqlite.done").exists()  # cached for the next run


def test_results_table_and_machine() -> None:
    figures = [
        Figure("pdf", "filled checklist", 0.5, "s", "< 1 s", True),
        Figure("excel", "rows", 2.0, "s", "<= 1.3 x", False, baseline=1.0, ratio=2.0),
    ]
    lines = bench_main.table(figures)
    assert lines[0].startswith("| bench | figure |")
    assert "| pass |" in lines[2] and "| **FAIL** |" in lines[3]
    assert "| 2.000 |" in lines[3]
    machine = bench_main.machine()
    assert machine[0].startswith("nproc ") and "Python 3." in machine[1]


def test_the_workload_opens_encrypted_stores_as_a_sign_in_does(province_template: Path, tmp_path: Path) -> None:
    """The benchmarks' stores are encrypted like any store (issue 18): a copy keeps its key file,
    opens with the admin's password, and a measuring child opens it with the key its parent
    hands over (no argon2 in the child)."""
    import json
    import os
    import subprocess
    import sys

    from bench import workload
    from integrity_desktop.db import cipher

    from .conftest import ADMIN_PASSWORD

    copy = workload.copy_store(province_template, tmp_path / "copy.sqlite")
    assert cipher.is_encrypted(copy) and cipher.keyfile_path(copy).is_file()
    store = workload.open_unlocked(copy, ADMIN_PASSWORD)
    try:
        assert store.office_code == "tehran"
    finally:
        store.dispose()
    env = workload.unlocked_key_env(copy, ADMIN_PASSWORD)
    # a wrong password: only the handed key can open it
    code = ("import json, sys; from pathlib import Path; from bench import workload; "
            "s = workload.open_unlocked(Path(sys.argv[1]), 'not-the-password'); "
            "print(json.dumps(s.office_code)); s.dispose()")
    root = Path(__file__).resolve().parents[1]
    done = subprocess.run([sys.executable, "-c", code, str(copy)], cwd=root, capture_output=True, text=True,
                          env={**os.environ, **env}, check=False)
    assert done.returncode == 0, done.stderr[-2000:]
    assert json.loads(done.stdout.strip().splitlines()[-1]) == "tehran"
    workload._remove_store(copy)
    assert not cipher.keyfile_path(copy).exists()
