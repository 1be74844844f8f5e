"""Bundles that arrive out of order (finding 4): records whose parents have not arrived are
held in the store and applied when the parent comes, tombstones included, so any order of the
same bundles gives the same content; a replay loses nothing; the summary says what is held and
what it waits for; held records are bounded."""

from __future__ import annotations

import itertools
import json
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from sqlalchemy import func, select

from integrity_desktop.db.models import Visit
from integrity_desktop.db.store import Store
from integrity_desktop.sync.digest import store_digest

from . import sync_records as sr
from .cli_helpers import cli_env
from .conftest import PASSPHRASE
from .sync_helpers import export, import_, trust

pytest_plugins = ("tests.sync_fixtures",)  # fixtures: fresh, isfahan_template

Fresh = Callable[[Path, str], Store]


def _held_table() -> object:
    from integrity_desktop.db.models import HeldRecord

    return HeldRecord


def held_count(store: Store) -> int:
    with store.read() as s:
        return s.scalar(select(func.count()).select_from(_held_table())) or 0  # type: ignore[arg-type]


class Story:
    """The issue's story: b1 carries a visit with its unit and inspector; the province then
    deletes the visit, adds another (and a plan item under a plan of b1, and answers a
    checklist of b1) and exports b2; then a finding of the new visit, b3."""

    def __init__(self, tehran: Store, folder: Path) -> None:
        self.unit = sr.unit(tehran)
        self.inspector = sr.inspector(tehran, self.unit)
        self.v1 = sr.visit(tehran, self.unit, [self.inspector])
        self.plan = sr.plan(tehran)
        self.cl, self.entries = sr.checklist(tehran, self.unit)
        self.b1 = export(tehran, folder / "b1.zip").path
        sr.delete(tehran, Visit, self.v1)
        self.v2 = sr.visit(tehran, self.unit, [self.inspector])
        self.item = sr.plan_item(tehran, self.plan, self.unit)
        sr.update(tehran, sr.ChecklistEntry, self.entries[0], status="done")
        self.b2 = export(tehran, folder / "b2.zip").path
        self.finding = sr.finding(tehran, self.v2)
        self.b3 = export(tehran, folder / "b3.zip").path

    @property
    def bundles(self) -> list[Path]:
        return [self.b1, self.b2, self.b3]


@pytest.fixture
def story(fresh: Fresh, province_template: Path, tmp_path: Path) -> tuple[Store, Story]:
    tehran = fresh(province_template, "tehran")
    return tehran, Story(tehran, tmp_path)


def hq_store(fresh: Fresh, hq_template: Path, tehran: Store, name: str) -> Store:
    hq = fresh(hq_template, name)
    trust(hq, tehran)
    return hq


def test_second_bundle_first_holds_its_records_and_applies_them_when_the_first_arrives(
    story: tuple[Store, Story], fresh: Fresh, hq_template: Path,
) -> None:
    tehran, st = story
    in_order = hq_store(fresh, hq_template, tehran, "in-order")
    for b in st.bundles:
        import_(in_order, b)
    reverse = hq_store(fresh, hq_template, tehran, "reverse")
    second = import_(reverse, st.b2)
    assert not second.rejections
    held = second.to_json()["held"]
    assert held["count"] == 4  # v1's tombstone, v2, the plan item, the entry
    waits = {(r["record_type"], r["waits_for_type"], r["waits_for_id"]) for r in held["records"]}
    assert waits == {("visit", "unit", st.unit), ("plan_item", "inspection_plan", st.plan),
                     ("checklist_entry", "checklist", st.cl)}
    assert sr.row(reverse, "visit", st.v2) is None
    first = import_(reverse, st.b1)
    assert first.to_json()["held"]["released"] == 4
    assert held_count(reverse) == 0
    assert sr.row(reverse, "visit", st.v1)["deleted"] is True  # type: ignore[index]
    assert sr.row(reverse, "visit", st.v2)["deleted"] is False  # type: ignore[index]
    assert sr.row(reverse, "checklist_entry", st.entries[0])["status"] == "done"  # type: ignore[index]
    import_(reverse, st.b3)
    assert store_digest(reverse) == store_digest(in_order)


def test_every_order_of_the_bundles_gives_the_same_digest(
    story: tuple[Store, Story], fresh: Fresh, hq_template: Path,
) -> None:
    """Separately initialised HQ stores, each receiving the three bundles in another order
    (the issue saw four different digests for four stores that got b2 before b1)."""
    tehran, st = story
    digests, stores = set(), []
    for i, order in enumerate(itertools.permutations(st.bundles)):
        hq = hq_store(fresh, hq_template, tehran, f"hq{i}")
        for b in order:
            import_(hq, b)
        digests.add(store_digest(hq))
        stores.append(hq)
    assert len(digests) == 1
    assert [held_count(hq) for hq in stores] == [0] * 6


def test_a_replay_loses_nothing(
    story: tuple[Store, Story], fresh: Fresh, hq_template: Path,
) -> None:
    """b2 imported twice before b1 (the second time a replay), or b2 again after b1: the held
    records are neither dropped nor applied twice."""
    tehran, st = story
    reference = hq_store(fresh, hq_template, tehran, "ref")
    for b in st.bundles:
        import_(reference, b)
    hq = hq_store(fresh, hq_template, tehran, "replay")
    import_(hq, st.b2)
    again = import_(hq, st.b2)
    assert again.outcome == "replay"
    assert again.to_json()["held"]["total"] == 4 and held_count(hq) == 4
    import_(hq, st.b1)
    assert import_(hq, st.b2).outcome == "replay"
    import_(hq, st.b3)
    assert store_digest(hq) == store_digest(reference)


def test_a_dry_run_shows_what_would_be_held_and_writes_nothing(
    story: tuple[Store, Story], fresh: Fresh, hq_template: Path,
) -> None:
    tehran, st = story
    hq = hq_store(fresh, hq_template, tehran, "dry")
    before = store_digest(hq)
    summary = import_(hq, st.b2, dry_run=True)
    assert summary.to_json()["held"]["count"] == 4
    assert held_count(hq) == 0 and store_digest(hq) == before


def test_the_command_line_says_what_is_held_and_what_it_waits_for(
    story: tuple[Store, Story], fresh: Fresh, hq_template: Path, tmp_path: Path,
) -> None:
    tehran, st = story
    hq = hq_store(fresh, hq_template, tehran, "cli")
    location = hq.location
    hq.dispose()
    env = cli_env(INTEGRITY_PASSPHRASE=PASSPHRASE)

    def run(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run([sys.executable, "-m", "integrity_desktop", "import-bundle",
                               "--db", location, *args], env=env, capture_output=True,
                              text=True, check=False)

    text = run(str(st.b2))
    assert text.returncode == 0, text.stderr
    rows = [line.split("\t") for line in text.stdout.splitlines()]
    assert rows[1] == ["type", "created", "updated", "unchanged", "conflicts", "rejected"]
    held = sorted((r[1], r[2], r[3], r[4]) for r in rows if r[0] == "held")
    assert held == sorted([("visit", st.v1, "unit", st.unit), ("visit", st.v2, "unit", st.unit),
                           ("plan_item", st.item, "inspection_plan", st.plan),
                           ("checklist_entry", st.entries[0], "checklist", st.cl)])
    notices = [r for r in rows if r[0] == "notice" and r[1] == "held"]
    assert len(notices) == 1 and "۴" in notices[0][2]
    data = json.loads(run(str(st.b1), "--json").stdout)
    assert data["held"]["released"] == 4 and data["held"]["total"] == 0


def test_held_records_are_bounded_per_sending_office(
    story: tuple[Store, Story], fresh: Fresh, hq_template: Path, tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Past the bound, an orphan is rejected as missing_parent (reported), not held: a hostile
    province cannot fill HQ's disk with orphans."""
    from integrity_desktop.sync import held

    tehran, st = story
    monkeypatch.setattr(held, "MAX_RECORDS_PER_OFFICE", 2)
    hq = hq_store(fresh, hq_template, tehran, "bounded")
    summary = import_(hq, st.b2)
    assert summary.to_json()["held"]["count"] == 2 and held_count(hq) == 2
    over = [r for r in summary.rejections if r.reason == "missing_parent"]
    assert len(over) == 2 and all("held" in r.detail for r in over)
    assert [n.code for n in summary.notices if n.code == "held_limit"] == ["held_limit"]
