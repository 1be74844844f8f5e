"""The checklist commands' exact output formats, run as a person (or a script) runs them."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import openpyxl

from integrity_desktop.db.store import Store
from integrity_desktop.services.checklists import filled as checklists
from integrity_desktop.services.checklists import scoring

from .cli_helpers import run_cli
from .conftest import actor

UUID = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")


def _cli(*args: str) -> subprocess.CompletedProcess[str]:
    return run_cli(*args)  # signed in as the store's administrator


def test_list_formats_print_and_excel_round_trip(store: Store, tmp_path: Path) -> None:
    inspector = actor("inspector")
    summary = checklists.create_checklist(store, inspector, scoring.three_year_template_id(), None, "1403-Q2")
    entry = checklists.get_checklist(store, inspector, summary.id).entries[0]
    checklists.save_entry(store, inspector, entry.id, status="done")
    db = str(store.path)
    store.dispose()

    out = _cli("templates", "--db", db)
    assert out.returncode == 0, out.stderr
    lines = [line.split("\t") for line in out.stdout.splitlines()]
    assert len(lines) == 2 and all(len(f) == 3 and UUID.fullmatch(f[0]) and f[1] == "1" for f in lines)
    assert any(f[2].startswith("برنامه عملیاتی سه\u200cساله") for f in lines)

    out = _cli("checklists", "--db", db)
    assert out.returncode == 0, out.stderr
    assert out.stdout.splitlines() == [
        f"{summary.id}\tاداره کل آموزش فنی و حرفه\u200cای استان تهران\t1403-Q2\t"
        f"{scoring.three_year_template_id()}\t0.7"  # 1 of the 135 indicators due in a second quarter
    ]

    pdf = tmp_path / "c.pdf"
    assert _cli("print-checklist", "--db", db, "--out", str(pdf), "--checklist", summary.id).returncode == 0
    assert pdf.read_bytes().startswith(b"%PDF")
    blank = tmp_path / "b.pdf"
    out = _cli("print-checklist", "--db", db, "--out", str(blank), "--blank", "--template",
               scoring.three_year_template_id())
    assert out.returncode == 0 and blank.read_bytes().startswith(b"%PDF")
    out = _cli("print-checklist", "--db", db, "--out", str(blank), "--blank")
    assert out.returncode == 2 and "--template" in out.stderr

    xlsx = tmp_path / "c.xlsx"
    out = _cli("export-excel", "--db", db, "--out", str(xlsx), "--period", "1403-Q2")
    assert out.returncode == 0, out.stderr
    assert out.stdout.split("\t")[1:] == ["1", "135\n"]
    book = openpyxl.load_workbook(xlsx)
    book.worksheets[0]["E3"] = "زیاد"  # «درصد پیشرفت»
    book.save(xlsx)
    out = _cli("import-excel", "--db", db, str(xlsx))
    assert out.returncode == 2
    assert "E3" in out.stderr and "وارد نشد" in out.stderr
    book.worksheets[0]["E3"] = 20
    book.save(xlsx)
    out = _cli("import-excel", "--db", db, str(xlsx))
    assert out.returncode == 0, out.stderr
    assert "updated\t1" in out.stdout.splitlines()
