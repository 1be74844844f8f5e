"""A store saved by a released program opens with today's code and keeps every value.

Migrations may add tables, columns and rows; they may not lose a row or change a value a
released program wrote unless the migration says so and a test here names the change.
"""

from __future__ import annotations

import json
import sqlite3
from collections import Counter
from pathlib import Path

from integrity_desktop.db import migrate
from integrity_desktop.db.store import open_store
from integrity_desktop.services.checklists.scoring import three_year_template_id
from integrity_desktop.services.store.seed import SEED_STAMP, catalogue_records, template_id

pytest_plugins = ("tests.pg",)  # fixture: pg_url

# Columns whose released values a migration is allowed to rewrite, with the test that checks
# exactly what changed.  Every other column of every row must be kept as it was.
REWRITTEN: dict[str, set[str]] = {
    # 0004: reform codes prefixed, the catalogue's decisions on doubtful carry-downs
    # (test_0004_rewrites_only_the_decided_template_values); catalogue titles and sub-tasks
    # given the ZWNJ 0001's catalogue left out (test_0004_gives_catalogue_titles_their_zwnj)
    # 0008: 16/2-16/8 become percents and take a value (test_0008_makes_16_2_to_16_8_percents)
    # 0009 (issue 21): 7/1 and 10/7 became counts computed from the registers, so they take a
    # value (test_0009_only_7_1_and_10_7_start_taking_a_value)
    "template_items": {"code", "legal_basis", "lead_unit", "title_fa", "subtasks", "counts"},
    # 0004: the three-year programme's title «… سه‌ساله …» (test_0004_gives_catalogue_titles_their_zwnj)
    "templates": {"title_fa"},
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


def test_0009_only_7_1_and_10_7_start_taking_a_value(released_0001: Path) -> None:
    before, after = _upgraded(released_0001)
    old, new = _by_id(before, "template_items"), _by_id(after, "template_items")
    changed = {(row["template_id"], row["code"], row["counts"], new[i]["counts"])
               for i, row in old.items() if row["counts"] != new[i]["counts"]}
    three = template_id("three-year-1398-1400", 1)
    # and 16/2-16/8 from 0008 (test_0008_makes_16_2_to_16_8_percents)
    assert changed == {(three, "7/1", 0, 1), (three, "10/7", 0, 1),
                       *((three, f"16/{n}", 0, 1) for n in range(2, 9))}


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


def test_0008_makes_16_2_to_16_8_percents(released_0001: Path) -> None:
    """Only 16/2-16/8 change ``counts`` (answered on time ÷ received is a value now), in every
    three-year template, with their seed stamps kept."""
    before, after = _upgraded(released_0001)
    old, new = _by_id(before, "template_items"), _by_id(after, "template_items")
    changed = {new[i]["code"]: (row["counts"], new[i]["counts"]) for i, row in old.items()
               if row["counts"] != new[i]["counts"]}
    # and 7/1, 10/7 from 0009 (test_0009_only_7_1_and_10_7_start_taking_a_value)
    assert changed == {**{f"16/{n}": (0, 1) for n in range(2, 9)}, "7/1": (0, 1), "10/7": (0, 1)}
    assert {new[i]["kind"] for i in new if new[i]["code"].startswith("16/") and new[i]["code"] in changed} == {"percent"}
    assert all(new[i]["hlc"] == old[i]["hlc"] for i in old)


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
        assert json.loads(row["subtasks"]) == list(record.subtasks), record.code
        assert (row["hlc"], row["updated_by"]) == (SEED_STAMP, "seed")
    templates = _by_id(after, "templates")
    for record in catalogue_records():
        if record.__tablename__ == "templates":
            assert templates[record.id]["title_fa"] == record.title_fa


def test_0004_gives_catalogue_titles_their_zwnj(released_0001: Path) -> None:
    """0001's catalogue wrote «سه ساله», «انجام شده», «ارجاع شده» …; 0004 stores the catalogue's
    «سه‌ساله», «انجام‌شده», «ارجاع‌شده»: only those words change, in the three-year template."""
    before, after = _upgraded(released_0001)
    zwnj = "\u200c"
    old, new = _by_id(before, "template_items"), _by_id(after, "template_items")
    titles = {row["code"]: (row["title_fa"], new[item_id]["title_fa"]) for item_id, row in old.items()
              if row["title_fa"] != new[item_id]["title_fa"]}
    assert {tid for tid in (old[i]["template_id"] for i in old if old[i]["title_fa"] != new[i]["title_fa"])} == {
        three_year_template_id()}
    assert set(titles) == {"1/4", "1/5", "4/3", "4/4", "5/2", "6/3", "6/11", "7/2", "10/1", "10/2", "10/5",
                           "10/6", "12/5", "22/4"}
    assert titles["6/11"] == ("آمار کلی فعالیت‌های انجام شده", f"آمار کلی فعالیت‌های انجام{zwnj}شده")
    assert titles["22/4"] == ("بررسی گزارش موردی ارجاع شده", f"بررسی گزارش موردی ارجاع{zwnj}شده")
    for was, now in titles.values():  # nothing but a space made a ZWNJ (or dropped after «ر»/«ز»)
        assert now.replace(zwnj, "").replace(" ", "") == was.replace(zwnj, "").replace(" ", "")
        assert now.count(" ") < was.count(" ") and now.count(zwnj) >= was.count(zwnj)
    subtasks = {row["code"]: (json.loads(row["subtasks"]), json.loads(new[item_id]["subtasks"]))
                for item_id, row in old.items() if row["subtasks"] != new[item_id]["subtasks"]}
    assert set(subtasks) == {"9/4", "9/5"}
    assert "به‌روزشده" in subtasks["9/4"][1][2] and "به‌روز شده" in subtasks["9/4"][0][2]
    programme = {tid: (row["title_fa"], _by_id(after, "templates")[tid]["title_fa"])
                 for tid, row in _by_id(before, "templates").items()
                 if row["title_fa"] != _by_id(after, "templates")[tid]["title_fa"]}
    assert programme == {three_year_template_id(): (
        "برنامه عملیاتی سه ساله سلامت نظام اداری و صیانت از حقوق مردم (۱۳۹۸-۱۴۰۰)",
        f"برنامه عملیاتی سه{zwnj}ساله سلامت نظام اداری و صیانت از حقوق مردم (۱۳۹۸-۱۴۰۰)")}
    # the hlc stamps stay: every store upgraded from the same records agrees without a sync
    assert all(new[i]["hlc"] == old[i]["hlc"] for i in old)


def test_0004_recomputes_completion_under_the_due_rule(released_0001: Path) -> None:
    before, after = _upgraded(released_0001)
    old, new = _by_id(before, "checklists"), _by_id(after, "checklists")
    changed = [cid for cid in old if old[cid]["completion"] != new[cid]["completion"]]
    assert changed  # quarters 1-3 no longer score annual and six-monthly indicators
    conn = sqlite3.connect(f"file:{released_0001}?mode=ro", uri=True)
    try:
        from integrity_desktop.jalali import Period
        from integrity_desktop.services.checklists.scoring import completion, is_asked, three_year_code

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


def test_0004_upgrades_a_released_store_on_postgresql(released_0001: Path, pg_url: str) -> None:
    """HQ's store runs on PostgreSQL: the released rows, copied into a PostgreSQL database at
    schema 0001, upgrade to the same catalogue rows and completions as the SQLite store."""
    import datetime as dt

    import sqlalchemy as sa
    from alembic import command

    source = sa.create_engine(f"sqlite:///{released_0001}")
    target = sa.create_engine(pg_url)
    try:
        cfg = migrate.alembic_config()
        with target.begin() as conn:
            cfg.attributes["connection"] = conn
            command.upgrade(cfg, "0001")
        meta = sa.MetaData()
        meta.reflect(target)

        def value(column: sa.Column[object], raw: object) -> object:
            if raw is None:
                return None
            if isinstance(column.type, sa.JSON):
                return json.loads(str(raw))
            if isinstance(column.type, sa.Boolean):
                return bool(raw)
            if isinstance(column.type, sa.DateTime):
                return dt.datetime.fromisoformat(str(raw))
            if isinstance(column.type, sa.Date):
                return dt.date.fromisoformat(str(raw))
            return raw

        with source.connect() as src, target.begin() as dst:
            for table in meta.sorted_tables:
                if table.name == migrate.VERSION_TABLE:
                    continue
                rows = [{c.name: value(c, row[c.name]) for c in table.columns}
                        for row in src.execute(sa.text(f'SELECT * FROM "{table.name}"')).mappings()]
                if rows:
                    dst.execute(table.insert(), rows)
        migrate.upgrade(target)
        assert migrate.current_revision(target) == migrate.head_revision()
        _, sqlite_after = _upgraded(released_0001)
        with target.connect() as conn:
            items = {r.id: r for r in conn.execute(sa.text(
                "SELECT id, code, title_fa, subtasks, legal_basis, lead_unit, kind, target FROM template_items"))}
            titles = dict(conn.execute(sa.text("SELECT id, title_fa FROM templates")).all())
            completion = dict(conn.execute(sa.text("SELECT id, completion FROM checklists")).all())
        expected = _by_id(sqlite_after, "template_items")
        assert set(items) == set(expected)
        for item_id, row in expected.items():
            got = items[item_id]
            assert (got.code, got.title_fa, got.subtasks, got.legal_basis, got.lead_unit, got.kind, got.target) == (
                row["code"], row["title_fa"], json.loads(row["subtasks"]), row["legal_basis"], row["lead_unit"],
                row["kind"], row["target"]), row["code"]
        assert titles == {tid: r["title_fa"] for tid, r in _by_id(sqlite_after, "templates").items()}
        assert completion == {cid: r["completion"] for cid, r in _by_id(sqlite_after, "checklists").items()}
    finally:
        source.dispose()
        target.dispose()


def test_0009_gives_a_store_at_0004_the_computed_definitions(released_0001: Path) -> None:
    """A store upgraded to 0004 before issue 21's catalogue (7/1 and 10/7 status, 7/2 and 7/3
    counts) takes the definitions of the indicators now computed from the registers."""
    from integrity_desktop.db.engine import make_engine

    engine = make_engine(f"sqlite:///{released_0001}")
    try:
        migrate.upgrade(engine, "0004")
        with engine.begin() as conn:
            conn.exec_driver_sql(
                "UPDATE template_items SET kind = 'status', counts = 0, unit_fa = '', min_value = NULL, "
                "max_value = NULL WHERE code IN ('7/1', '10/7')")
            conn.exec_driver_sql(
                "UPDATE template_items SET kind = 'count', unit_fa = 'جلسه', max_value = NULL "
                "WHERE code IN ('7/2', '7/3')")
        migrate.upgrade(engine)
        with engine.connect() as conn:
            rows = {r[0]: tuple(r[1:]) for r in conn.exec_driver_sql(
                "SELECT i.code, i.kind, i.counts, i.unit_fa, i.min_value, i.max_value FROM template_items i "
                "JOIN templates t ON t.id = i.template_id WHERE t.code = 'three-year-1398-1400' "
                "AND i.code IN ('7/1', '7/2', '7/3', '10/7')")}
    finally:
        engine.dispose()
    assert rows == {"7/1": ("count", 1, "کمیته", 0.0, 1.0), "7/2": ("percent", 1, "درصد", 0.0, 100.0),
                    "7/3": ("percent", 1, "درصد", 0.0, 100.0), "10/7": ("count", 1, "دوره", 0.0, None)}
