"""A store saved by a released program opens with today's code and keeps every value.

Migrations may add tables, columns and rows; they may not lose a row or change a value a
released program wrote unless the migration says so and a test here names the change.
"""

from __future__ import annotations

import sqlite3
from collections import Counter
from pathlib import Path

from integrity_desktop.db import migrate
from integrity_desktop.db.store import open_store
from integrity_desktop.services.scoring import three_year_template_id
from integrity_desktop.services.seed import SEED_STAMP, catalogue_records, template_id

# Columns whose released values a migration is allowed to rewrite, with the test that checks
# exactly what changed.  Every other column of every row must be kept as it was.
REWRITTEN: dict[str, set[str]] = {
    # 0004: reform codes prefixed, the catalogue's decisions on doubtful carry-downs
    # (test_0004_rewrites_only_the_decided_template_values)
    "template_items": {"code", "legal_basis", "lead_unit"},
    # 0004: completion recomputed under the due rule (test_0004_recomputes_completion_under_the_due_rule)
    "checklists": {"completion"},
}

Snapshot = dict[str, tuple[list[str], list[tuple[object, ...]]]]


def _snapshot(path: Path) -> Snapshot:
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        tables = [r[0] for r in conn.execute(
            "SELECT name FROM sqlite_master WHERE type='table' AND name NOT LIKE 'sqlite_%'")]
        out = {}
        for t in tables:
            cols = [r[1] for r in conn.execute(f'PRAGMA table_info("{t}")')]
            quoted = ", ".join(f'"{c}"' for c in cols)
            rows = conn.execute(f'SELECT {quoted} FROM "{t}"').fetchall()
            out[t] = (cols, rows)
        return out
    finally:
        conn.close()


def _upgraded(released: Path) -> tuple[Snapshot, Snapshot]:
    before = _snapshot(released)
    store = open_store(str(released))
    try:
        assert migrate.current_revision(store.engine) == migrate.head_revision()
    finally:
        store.dispose()
    return before, _snapshot(released)


def _by_id(snap: Snapshot, table: str) -> dict[object, dict[str, object]]:
    cols, rows = snap[table]
    return {row[cols.index("id")]: dict(zip(cols, row, strict=True)) for row in rows}


def test_released_0001_store_upgrades_with_every_value_kept(released_0001: Path) -> None:
    before, after = _upgraded(released_0001)
    for table, (cols, rows) in before.items():
        if table == migrate.VERSION_TABLE:
            continue
        assert table in after, f"table {table} lost in the upgrade"
        new_cols, new_rows = after[table]
        assert set(cols) <= set(new_cols), f"{table}: columns lost {set(cols) - set(new_cols)}"
        kept = [c for c in cols if c not in REWRITTEN.get(table, set())]
        old_index, new_index = [cols.index(c) for c in kept], [new_cols.index(c) for c in kept]
        old = Counter(repr(tuple(r[i] for i in old_index)) for r in rows)
        new = Counter(repr(tuple(r[i] for i in new_index)) for r in new_rows)
        assert not old - new, f"{table}: rows lost or changed in the upgrade"


def test_0004_rewrites_only_the_decided_template_values(released_0001: Path) -> None:
    before, after = _upgraded(released_0001)
    old, new = _by_id(before, "template_items"), _by_id(after, "template_items")
    reform_v1 = template_id("reform-1397-1399", 1)
    changed = {}
    for item_id, row in old.items():
        diff = {c: (row[c], new[item_id][c]) for c in ("code", "legal_basis", "lead_unit")
                if row[c] != new[item_id][c]}
        if diff:
            changed[(row["template_id"], row["code"])] = diff
    reform_codes = {code for tid, code in changed if tid == reform_v1}
    assert len(reform_codes) == 66 and all(
        changed[(reform_v1, code)] == {"code": (code, f"R{code}")} for code in reform_codes)
    three = {code: diff for (tid, code), diff in changed.items() if tid == three_year_template_id()}
    assert set(three) == {*(f"6/{n}" for n in range(1, 12)), "8/1", "8/2", "16/1",
                          *(f"15/{n}" for n in range(6, 13))}
    assert three["16/1"] == {"legal_basis": ("مصوبه حقوق شهروندی، قانون دسترسی آزاد به اطلاعات", "")}
    assert set(changed) == {(reform_v1, c) for c in reform_codes} | {
        (three_year_template_id(), c) for c in three}
    # One row added: programme 6's goal, after the 66 joint actions.
    added = [row for item_id, row in new.items() if item_id not in old]
    assert [(r["code"], r["kind"], r["target"], r["sort_order"]) for r in added] == [("R6/5", "percent", 10.0, 67)]


def test_0004_template_items_equal_a_fresh_seed(released_0001: Path) -> None:
    """A store upgraded from 0001 holds the same catalogue records as one made today: the same
    ids, codes, definitions and seed stamps (so the two sync without a single change)."""
    _, after = _upgraded(released_0001)
    upgraded = _by_id(after, "template_items")
    for record in catalogue_records():
        if record.__tablename__ != "template_items":
            continue
        row = upgraded[record.id]
        for column in ("code", "sort_order", "title_fa", "legal_basis", "lead_unit", "counts", "kind",
                       "unit_fa", "frequency", "direction", "min_value", "max_value", "target",
                       "measurement_fa", "section_id"):
            expected = getattr(record, column)
            assert row[column] == (int(expected) if isinstance(expected, bool) else expected), (
                record.code, column)
        assert (row["hlc"], row["updated_by"]) == (SEED_STAMP, "seed")


def test_0004_recomputes_completion_under_the_due_rule(released_0001: Path) -> None:
    before, after = _upgraded(released_0001)
    old, new = _by_id(before, "checklists"), _by_id(after, "checklists")
    changed = [cid for cid in old if old[cid]["completion"] != new[cid]["completion"]]
    assert changed  # quarters 1-3 no longer score annual and six-monthly indicators
    conn = sqlite3.connect(f"file:{released_0001}?mode=ro", uri=True)
    try:
        from integrity_desktop.jalali import Period
        from integrity_desktop.services.scoring import completion, is_asked, three_year_code

        visited = {r[0] for r in conn.execute("SELECT checklist_id FROM visits WHERE checklist_id IS NOT NULL")}
        assert visited & set(old)  # visits' checklists are among them, and ask every indicator
        for cid in old:
            period_code, unit_id = conn.execute(
                "SELECT period_code, unit_id FROM checklists WHERE id = ?", (cid,)).fetchone()
            rows = conn.execute(
                "SELECT e.status, e.progress, i.frequency, i.code FROM checklist_entries e "
                "JOIN template_items i ON i.id = e.item_id WHERE e.checklist_id = ?", (cid,)).fetchall()
            asked = [(s, p) for s, p, f, code in rows if is_asked(
                three_year_code(), code, f, Period.parse(period_code), unit_id is None, cid in visited)]
            assert new[cid]["completion"] == completion(asked), cid
    finally:
        conn.close()
    # Answers are never touched.
    assert before["checklist_entries"] == after["checklist_entries"]
