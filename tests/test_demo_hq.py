"""The HQ demo shows one real conflict in the review screen (issue 16 item 1's screenshot): HQ
and the province rename the same unit, and the province's next bundle meets HQ's change."""

from __future__ import annotations

from pathlib import Path

from integrity_desktop.db.store import Store
from integrity_desktop.services.demo.hq import one_conflict
from integrity_desktop.sync import conflicts

from .conftest import PASSPHRASE, actor
from .sync_helpers import export, import_

pytest_plugins = ("tests.sync_fixtures",)  # fixtures: tehran_and_hq


def test_the_hq_demo_makes_one_unit_conflict(tehran_and_hq: tuple[Store, Store], tmp_path: Path) -> None:
    tehran, hq = tehran_and_hq
    import_(hq, export(tehran, tmp_path / "t1.itb", full=True).path)
    admin = actor("admin", "hq")
    assert conflicts.count_conflicts(hq, admin) == 0
    one_conflict(hq, admin, Path(tehran.location), "tehran", tmp_path, PASSPHRASE)
    found = conflicts.list_conflicts(hq, admin)
    assert [(c.record_type, c.source_office, c.status) for c in found] == [("unit", "tehran", "open")]
    names = {found[0].winner["name_fa"], found[0].loser["name_fa"]}
    assert any("ستاد" in n for n in names) and any("استان" in n for n in names)
    assert "تهران" in found[0].place_fa
