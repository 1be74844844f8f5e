"""``integrity-desktop indicators``: one TAB-separated line per indicator, exactly
``code<TAB>kind<TAB>frequency<TAB>target<TAB>value<TAB>computed|typed``."""

from __future__ import annotations

import subprocess

from integrity_desktop.db.store import Store
from integrity_desktop.indicators import FREQUENCIES, KINDS
from integrity_desktop.services.checklists import filled as checklists
from integrity_desktop.services.checklists import scoring
from integrity_desktop.services.store.seed import template_id

from .cli_helpers import run_cli
from .conftest import actor


def _cli(*args: str) -> subprocess.CompletedProcess[str]:
    return run_cli(*args)  # signed in as the scripts do (the command reads the store's figures)


def test_indicators_prints_every_due_indicator_with_its_figure(store: Store) -> None:
    inspector = actor("inspector")
    q4 = checklists.create_checklist(store, inspector, scoring.three_year_template_id(), None, "1403-Q4")
    entries = {e.item_code: e for e in checklists.get_checklist(store, inspector, q4.id).entries}
    checklists.save_entry(store, inspector, entries["17/4"].id, status="done", value=12.5)
    checklists.save_entry(store, inspector, entries["4/4"].id, status="done", value=3)
    year = checklists.create_checklist(store, inspector, template_id("reform-1397-1399", 1), None, "1403")
    goal = next(e for e in checklists.get_checklist(store, inspector, year.id).entries if e.item_code == "R6/5")
    checklists.save_entry(store, inspector, goal.id, status="partial", value=7)
    db = str(store.path)
    store.dispose()

    out = _cli("indicators", "--db", db, "--period", "۱۴۰۳-q4")
    assert out.returncode == 0, out.stderr
    lines = [line.split("\t") for line in out.stdout.splitlines()]
    assert all(len(f) == 6 for f in lines)
    rows = {f[0]: f[1:] for f in lines}
    assert len([c for c in rows if not c.startswith("R")]) == 138  # a last quarter asks them all
    assert rows["17/4"] == ["percent", "quarterly", "15", "12.5", "typed"]
    assert rows["10/3"] == ["average_days", "quarterly", "30", "", "computed"]  # no complaints
    assert rows["4/4"] == ["count", "quarterly", "", "3", "typed"]
    assert rows["2/2"] == ["count", "quarterly", "", "0", "computed"]  # issue 21: from the training register
    assert rows["1/7"] == ["status", "annual", "", "", "typed"]
    assert rows["22/1"] == ["count", "quarterly", "", "0", "computed"]
    assert rows["1/4"][3:] == ["", "computed"]  # no plan in the quarter: no rate, not 0
    assert rows["R6/5"] == ["percent", "annual", "10", "", "typed"]  # answered in the year's checklist
    year_rows = {f.split("\t")[0]: f.split("\t")[1:] for f in _cli(
        "indicators", "--db", db, "--period", "1403").stdout.splitlines()}
    assert year_rows["R6/5"] == ["percent", "annual", "10", "7", "typed"]
    assert {f[1] for f in lines} <= set(KINDS) and {f[2] for f in lines} <= set(FREQUENCIES)
    assert all(f[0].isascii() and f[3].isascii() and f[4].isascii() for f in lines)

    q1 = _cli("indicators", "--db", db, "--period", "1403-Q1")
    codes = [line.split("\t")[0] for line in q1.stdout.splitlines()]
    assert "1/7" not in codes and "R6/5" not in codes and "1/6" in codes  # by frequency
    bad = _cli("indicators", "--db", db, "--period", "1403-Q9")
    assert bad.returncode == 2 and "1403-Q2" in bad.stderr
    helptext = _cli("indicators", "--help").stdout
    for token in ("average_days", "six_monthly", "once", "1403-M07", "computed", "typed"):
        assert token in helptext
