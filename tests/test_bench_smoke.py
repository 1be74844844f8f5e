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
