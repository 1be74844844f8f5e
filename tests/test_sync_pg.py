"""The sync merge and the HQ console on PostgreSQL give the same results as on SQLite
(run with INTEGRITY_TEST_PG=1; see tests/pg.py)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from sqlalchemy import select

from integrity_desktop.db.store import Store
from integrity_desktop.services.store.opening import init_store
from integrity_desktop.sync import hq_console
from integrity_desktop.sync.digest import store_digest

from .conftest import ADMIN_PASSWORD, PASSPHRASE
from .sync_helpers import add_unit, admin, export, import_, make_checklist, rename_unit, trust

pytest_plugins = ("tests.sync_fixtures", "tests.pg")

Fresh = Callable[[Path, str], Store]


@pytest.mark.postgres
def test_hq_on_postgresql_merges_like_sqlite(
    fresh: Fresh, province_template: Path, isfahan_template: Path, hq_template: Path,
    pg_url: str, tmp_path: Path,
) -> None:
    tehran, isfahan = fresh(province_template, "t"), fresh(isfahan_template, "i")
    hq_sqlite = fresh(hq_template, "h")
    hq_pg = init_store(pg_url, "hq", ADMIN_PASSWORD, PASSPHRASE)
    try:
        uid = add_unit(tehran, "مرکز شمارهٔ ۱")
        make_checklist(tehran, uid)
        add_unit(isfahan, "مرکز اصفهان")
        bundles = [export(tehran, tmp_path / "t1.zip"), export(isfahan, tmp_path / "i1.zip")]
        rename_unit(tehran, uid, "مرکز شمارهٔ یک")
        bundles.append(export(tehran, tmp_path / "t2.zip"))
        for hq in (hq_sqlite, hq_pg):
            trust(hq, tehran)
            trust(hq, isfahan)
        for b in bundles:
            import_(hq_sqlite, b.path)
        for b in reversed(bundles):
            import_(hq_pg, b.path)
        import_(hq_pg, bundles[0].path)  # a replay
        assert store_digest(hq_pg) == store_digest(hq_sqlite)
        # HQ's bundle back to a province reads the same from either store.
        a = export(hq_sqlite, tmp_path / "hs.zip", full=True, for_office="tehran")
        b = export(hq_pg, tmp_path / "hp.zip", full=True, for_office="tehran")
        assert a.record_counts == b.record_counts
        status = {p.office_code: p for p in hq_console.province_statuses(hq_pg, admin(hq_pg))}
        assert status["tehran"].highest_seq == 2 and not status["tehran"].quiet
        assert status["isfahan"].highest_seq == 1 and status["ardabil"].quiet
        axes = hq_console.completion_by_axis(hq_pg, admin(hq_pg), "1403-Q2")
        assert axes == hq_console.completion_by_axis(hq_sqlite, admin(hq_sqlite), "1403-Q2")
    finally:
        hq_pg.dispose()


@pytest.mark.postgres
def test_postgresql_holds_rejects_and_converges_like_sqlite(
    fresh: Fresh, province_template: Path, isfahan_template: Path, hq_template: Path,
    pg_url: str, tmp_path: Path,
) -> None:
    """Issue 12 on PostgreSQL: bundles out of order are held and applied when their parents
    come (the same digest as SQLite in order), and values PostgreSQL cannot store (a name
    longer than its column, a NUL, an integer past 32 bits) are rejected per record, never a
    DataError that ends the import."""
    from integrity_desktop.db.models import HeldRecord
    from integrity_desktop.db.models import Visit as VisitModel

    from . import sync_records as sr

    tehran, isfahan = fresh(province_template, "t"), fresh(isfahan_template, "i")
    hq_sqlite = fresh(hq_template, "h")
    hq_pg = init_store(pg_url, "hq", ADMIN_PASSWORD, PASSPHRASE)
    try:
        unit = sr.unit(tehran)
        visit = sr.visit(tehran, unit, [sr.inspector(tehran, unit)])
        sr.checklist(tehran, unit)
        b1 = export(tehran, tmp_path / "t1.zip").path
        sr.delete(tehran, VisitModel, visit)
        sr.finding(tehran, sr.visit(tehran, unit))
        b2 = export(tehran, tmp_path / "t2.zip").path
        sr.unit(isfahan)
        good = export(isfahan, tmp_path / "i1.zip").path

        def edit(rows: sr.Rows) -> None:
            base = rows["unit"][0]
            for i, change in enumerate([{"name_fa": "ن" * 256}, {"name_fa": "نام\x00"},
                                        {"kind": "k" * 25}]):
                rows["unit"].append({**base, **change, "hlc": isfahan.clock.now(),
                                     "id": f"0d7f4c8e-0000-4000-8000-00000000010{i}"})

        hostile = sr.forge(good, isfahan, tmp_path / "hostile.zip", edit)
        for hq in (hq_sqlite, hq_pg):
            trust(hq, tehran)
            trust(hq, isfahan)
        for b in (b1, b2):
            import_(hq_sqlite, b)
        held = import_(hq_pg, b2).to_json()["held"]
        assert held["count"] >= 3
        with hq_pg.read() as s:
            assert len(s.scalars(select(HeldRecord.id)).all()) == held["count"]
        assert import_(hq_pg, b1).to_json()["held"]["released"] == held["count"]
        for hq in (hq_sqlite, hq_pg):
            summary = import_(hq, hostile)
            assert sorted(r.reason for r in summary.rejections) == ["invalid_record"] * 3
        assert store_digest(hq_pg) == store_digest(hq_sqlite)
    finally:
        hq_pg.dispose()


@pytest.mark.postgres
def test_a_held_check_on_postgresql_commits_or_rolls_back_like_sqlite(
    fresh: Fresh, province_template: Path, hq_template: Path, pg_url: str, tmp_path: Path,
) -> None:
    """Issue 23: the one-pass check (a transaction held on its own thread) on PostgreSQL."""
    from integrity_desktop.services.store import keys
    from integrity_desktop.sync.pending import preview_import, preview_many

    tehran = fresh(province_template, "t")
    hq_sqlite = fresh(hq_template, "h")
    hq_pg = init_store(pg_url, "hq", ADMIN_PASSWORD, PASSPHRASE)
    try:
        add_unit(tehran, "مرکز شمارهٔ ۱")
        export(tehran, tmp_path / "t1.zip")
        add_unit(tehran, "مرکز شمارهٔ ۲")
        export(tehran, tmp_path / "t2.zip")
        for hq in (hq_sqlite, hq_pg):
            trust(hq, tehran)
        before = store_digest(hq_pg)
        ids = lambda: [keys.age_identity(hq_pg, PASSPHRASE)]  # noqa: E731
        held = preview_import(hq_pg, admin(hq_pg), tmp_path / "t1.zip", ids)
        assert store_digest(hq_pg) == before  # another connection sees nothing yet
        held.cancel()
        assert held.state == "cancelled" and store_digest(hq_pg) == before
        expired = preview_import(hq_pg, admin(hq_pg), tmp_path / "t1.zip", ids, hold_seconds=0.3)
        expired._done.wait(30)
        assert expired.state == "expired" and store_digest(hq_pg) == before
        many = preview_many(hq_pg, admin(hq_pg), [tmp_path], ids)
        assert many.batch is not None and many.batch.accepted == 2
        many.commit_all()
        import_(hq_sqlite, tmp_path / "t1.zip")
        import_(hq_sqlite, tmp_path / "t2.zip")
        assert store_digest(hq_pg) == store_digest(hq_sqlite) != before
    finally:
        hq_pg.dispose()
