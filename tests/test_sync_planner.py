"""An import that grows a table on PostgreSQL analyses it before it returns (``sync.planner``),
in each of the three ways a bundle is committed: ``import-bundle``, the GUI's held check
confirmed, and a folder checked and confirmed at once.  Autovacuum is switched off for the
store's tables, so only the import can have gathered their statistics.
(PostgreSQL tests: run with INTEGRITY_TEST_PG=1; see tests/pg.py.)"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from sqlalchemy import text

from integrity_desktop.db.store import Store
from integrity_desktop.services.store import keys
from integrity_desktop.services.store.opening import init_store
from integrity_desktop.sync import planner
from integrity_desktop.sync.pending import preview_import, preview_many
from integrity_desktop.sync.summary import ImportSummary, TypeCounts

from .conftest import ADMIN_PASSWORD, PASSPHRASE
from .sync_helpers import add_unit, admin, export, import_, make_checklist, trust

pytest_plugins = ("tests.sync_fixtures", "tests.pg")

Fresh = Callable[[Path, str], Store]
WATCHED = ("checklists", "checklist_entries", "units")


def _counted(store: Store) -> dict[str, float]:
    """What each watched table's statistics counted (-1: never gathered)."""
    with store.engine.connect() as conn:
        return dict(conn.execute(text(
            "SELECT relname, reltuples FROM pg_class WHERE oid = ANY(CAST(:t AS regclass[]))"),
            {"t": list(WATCHED)}).tuples().all())


def _rows(store: Store) -> dict[str, float]:
    with store.engine.connect() as conn:
        return {t: float(conn.execute(text(f"SELECT count(*) FROM {t}")).scalar_one()) for t in WATCHED}


def _hq_without_autovacuum(pg_url: str) -> Store:
    hq = init_store(pg_url, "hq", ADMIN_PASSWORD, PASSPHRASE)
    with hq.engine.begin() as conn:
        for table in WATCHED:
            conn.execute(text(f"ALTER TABLE {table} SET (autovacuum_enabled = false)"))
    assert all(n < 0 for n in _counted(hq).values())  # nothing gathered yet
    return hq


@pytest.fixture
def bundle(fresh: Fresh, province_template: Path, tmp_path: Path) -> tuple[Store, Path]:
    tehran = fresh(province_template, "t")
    make_checklist(tehran, add_unit(tehran, "مرکز شمارهٔ ۱"))
    return tehran, export(tehran, tmp_path / "t1.zip").path


@pytest.mark.postgres
@pytest.mark.parametrize("way", ["import-bundle", "held check", "folder"])
def test_an_import_analyses_the_tables_it_grew_on_postgresql(
    way: str, bundle: tuple[Store, Path], pg_url: str,
) -> None:
    tehran, path = bundle
    hq = _hq_without_autovacuum(pg_url)
    try:
        trust(hq, tehran)
        identities = lambda: [keys.age_identity(hq, PASSPHRASE)]  # noqa: E731
        if way == "import-bundle":
            import_(hq, path)
        elif way == "held check":
            preview_import(hq, admin(hq), path, identities).commit()
        else:
            preview_many(hq, admin(hq), [path], identities).commit_all()
        rows = _rows(hq)
        assert rows["checklist_entries"] > 0
        # ANALYZE reads every row of a table this small: its count is exact
        assert _counted(hq) == rows
    finally:
        hq.dispose()


@pytest.mark.postgres
def test_an_import_that_adds_little_leaves_the_statistics_to_autovacuum(
    bundle: tuple[Store, Path], pg_url: str,
) -> None:
    """Under a tenth of what the statistics counted: no ANALYZE (autovacuum's own share)."""
    tehran, path = bundle
    hq = _hq_without_autovacuum(pg_url)
    try:
        trust(hq, tehran)
        import_(hq, path)
        with hq.engine.begin() as conn:  # as if the statistics had counted a thousand entries
            conn.execute(text("UPDATE pg_class SET reltuples = 1000 WHERE oid = 'checklist_entries'::regclass"))
        small = ImportSummary("x", "tehran", 2, "accepted", False, False,
                              counts={"checklist_entry": TypeCounts(created=40, updated=59)})
        assert planner.grown_tables(hq, [small]) == []
        small.counts["checklist_entry"].updated += 1
        assert planner.grown_tables(hq, [small]) == ["checklist_entries"]
        # a case's events grow the case steps HQ keeps beside them
        events = ImportSummary("y", "tehran", 3, "accepted", False, False,
                               counts={"case_event": TypeCounts(created=1)})
        assert planner.grown_tables(hq, [events]) == ["case_events", "case_steps"]
    finally:
        hq.dispose()


def test_sqlite_keeps_no_statistics_after_an_import(
    bundle: tuple[Store, Path], fresh: Fresh, hq_template: Path,
) -> None:
    tehran, path = bundle
    hq = fresh(hq_template, "h")
    trust(hq, tehran)
    import_(hq, path)
    with hq.engine.connect() as conn:
        assert conn.execute(text("SELECT count(*) FROM sqlite_master WHERE name LIKE 'sqlite_stat%'")).scalar_one() == 0
