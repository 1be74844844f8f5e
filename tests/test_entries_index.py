"""``checklist_entries``' one (office_code, hlc) index (issue 23, migration 0012): the upgrade
swaps the two single-column indexes for it without touching a row, it goes back down, and the
clock's newest stamp read through it equals the table's true newest stamp."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from alembic import command
from sqlalchemy import text

from integrity_desktop.db import migrate
from integrity_desktop.db.models import SYNC_MODELS, ChecklistEntry
from integrity_desktop.db.store import Store, newest_stamp, open_store


def _indexes(con: sqlite3.Connection) -> set[str]:
    return {r[0] for r in con.execute(
        "SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'checklist_entries' "
        "AND name NOT LIKE 'sqlite_autoindex%'")}


def _rows(con: sqlite3.Connection) -> list[tuple[object, ...]]:
    return con.execute("SELECT * FROM checklist_entries ORDER BY id").fetchall()


def test_upgrade_swaps_the_indexes_and_keeps_every_row(released_0001: Path) -> None:
    with sqlite3.connect(released_0001) as con:
        assert _indexes(con) == {"ix_checklist_entries_checklist_id", "ix_checklist_entries_hlc",
                                 "ix_checklist_entries_office_code"}
        before = _rows(con)
    assert len(before) > 1_000
    open_store(str(released_0001)).dispose()  # migrated to head
    with sqlite3.connect(released_0001) as con:
        assert _indexes(con) == {"ix_checklist_entries_checklist_id", "ix_checklist_entries_office_hlc"}
        assert _rows(con) == before


def test_downgrade_to_0011_brings_the_two_indexes_back(store: Store) -> None:
    cfg = migrate.alembic_config()
    with store.engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.downgrade(cfg, "0011")
        names = set(conn.execute(text(
            "SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'checklist_entries'"
        )).scalars())
    assert {"ix_checklist_entries_hlc", "ix_checklist_entries_office_code"} <= names
    assert "ix_checklist_entries_office_hlc" not in names
    migrate.upgrade(store.engine)


def _true_newest(store: Store) -> str:
    with store.engine.connect() as conn:
        stamps = [conn.execute(text(f"SELECT max(hlc) FROM {m.__tablename__} NOT INDEXED")).scalar()
                  for m in SYNC_MODELS]
    return max(s for s in stamps if s)


def test_the_clock_resumes_after_the_newest_entry_of_any_office(released_0001: Path) -> None:
    store = open_store(str(released_0001))
    try:
        with store.engine.begin() as conn:
            ids = conn.execute(text("SELECT id FROM checklist_entries ORDER BY id LIMIT 3")).scalars().all()
            # the newest stamp of all in an office that sorts first, one that sorts last, and an
            # older one in between: the scan must visit every office, not stop at the first
            for entry_id, office, stamp in ((ids[0], "aaa-first", "2099-01-01T00:00:00.000Z-0001-ffff"),
                                            (ids[1], "zzz-last", "2098-01-01T00:00:00.000Z-0001-ffff"),
                                            (ids[2], "mmm-middle", "2001-01-01T00:00:00.000Z-0001-ffff")):
                conn.execute(text("UPDATE checklist_entries SET office_code = :o, hlc = :h WHERE id = :i"),
                             {"o": office, "h": stamp, "i": entry_id})
        with store.read() as s:
            assert newest_stamp(s, ChecklistEntry) == "2099-01-01T00:00:00.000Z-0001-ffff"
        store.start_clock()
        assert store.last_stamp == _true_newest(store) == "2099-01-01T00:00:00.000Z-0001-ffff"
        with store.engine.begin() as conn:
            conn.execute(text("UPDATE checklist_entries SET hlc = '2000' WHERE id = :i"), {"i": ids[0]})
        store.start_clock()
        assert store.last_stamp == _true_newest(store) == "2098-01-01T00:00:00.000Z-0001-ffff"
    finally:
        store.dispose()


def test_the_newest_stamp_of_an_empty_table_is_none(store: Store) -> None:
    with store.read() as s:
        assert newest_stamp(s, ChecklistEntry) is None


def test_the_clock_and_the_export_read_the_new_index(store: Store) -> None:
    """Query plans (not timings): the per-office newest stamp and the export's filter of a
    recipient's entries since the last export seek in (office_code, hlc)."""
    with store.engine.connect() as conn:
        for sql in ("SELECT max(hlc) FROM checklist_entries WHERE office_code = 'tehran'",
                    "SELECT min(office_code) FROM checklist_entries WHERE office_code > 'hq'",
                    "SELECT id FROM checklist_entries WHERE office_code = 'tehran' AND hlc > '2026'"):
            plan = " ".join(str(r[-1]) for r in conn.execute(text("EXPLAIN QUERY PLAN " + sql)))
            assert "ix_checklist_entries_office_hlc" in plan, (sql, plan)
