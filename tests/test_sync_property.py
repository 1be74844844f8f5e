"""Property: edits at several offices, bundles imported at two HQ stores in random orders and
repetitions, give equal digests; the winner is the newest version; and every version that
is neither the winner nor part of the winner's history is in the conflict list."""

from __future__ import annotations

import itertools
import os
from collections.abc import Callable
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import select

from integrity_desktop.db.models import Conflict, Unit
from integrity_desktop.db.store import Store
from integrity_desktop.services import records
from integrity_desktop.sync.digest import store_digest
from integrity_desktop.sync.verify import BundleRefused

from .sync_helpers import admin, export, import_, lines, read_members, trust

pytest_plugins = ("tests.sync_fixtures",)  # fixtures: fresh, isfahan_template

Fresh = Callable[[Path, str], Store]
OFFICES = ("tehran", "isfahan")
STORES = 3  # 0 tehran, 1 isfahan, 2 hq (the one that edits)
EXAMPLES = int(os.environ.get("INTEGRITY_SYNC_EXAMPLES", "5"))

store_ix = st.integers(0, STORES - 1)
office = st.sampled_from(OFFICES)
slot = st.integers(0, 1)
operation = st.one_of(
    st.tuples(st.just("edit"), store_ix, office, slot),
    st.tuples(st.just("delete"), store_ix, office, slot),
    st.tuples(st.just("export"), store_ix, office, st.just(0)),
    st.tuples(st.just("import"), store_ix, st.just(""), st.integers(0, 40)),
)
_counter = itertools.count()


class Scenario:
    """Runs the operations on real stores and records each version's parent."""

    def __init__(self, stores: list[Store], folder: Path) -> None:
        self.stores = stores
        self.folder = folder
        self.parent: dict[str, str | None] = {}
        self.bundles: list[tuple[Path, int, str]] = []  # path, source store, recipient

    def edit(self, ix: int, office_code: str, n: int, delete: bool) -> None:
        store = self.stores[ix]
        if store.office_code != "hq":
            office_code = store.office_code  # a province changes only its own records
        rid = records.stable_id("prop", office_code, str(n))
        actor = admin(store)
        with store.session() as s:
            unit = s.get(Unit, rid)
            before = unit.hlc if unit is not None else None
            if unit is None:
                if delete:
                    return
                unit = Unit(id=rid, office_code=office_code, name_fa=f"واحد {next(_counter)}")
                records.add(s, store, actor, unit)
            elif delete:
                if unit.deleted:
                    return
                records.soft_delete(s, store, actor, unit)
            else:
                records.update(s, store, actor, unit, name_fa=f"واحد {next(_counter)}",
                               deleted=False)
            self.parent[unit.hlc] = before

    def export(self, ix: int, office_code: str) -> None:
        store = self.stores[ix]
        path = self.folder / f"b{len(self.bundles)}.zip"
        for_office = office_code if store.office_code == "hq" else None
        result = export(store, path, for_office=for_office)
        self.bundles.append((path, ix, result.recipient_office))

    def import_(self, ix: int, pick: int) -> None:
        store = self.stores[ix]
        usable = [b for b in self.bundles if b[1] != ix and (
            b[2] == store.office_code or store.office_code == "hq")]
        if usable:
            import_(store, usable[pick % len(usable)][0])

    def history(self, hlc: str) -> set[str]:
        out: set[str] = set()
        cur: str | None = hlc
        while cur is not None and cur not in out:
            out.add(cur)
            cur = self.parent.get(cur)
        return out


def run_property(
    fresh: Fresh, templates: list[Path], hq_template: Path, tmp_path: Path,
    ops: list[tuple[str, int, str, int]], order: list[int], extra: list[int],
) -> int:
    """Run one scenario; returns the number of conflicts the first HQ store listed."""
    n = next(_counter)
    folder = tmp_path / f"ex{n}"
    folder.mkdir()
    stores = [fresh(t, f"ex{n}/s{i}") for i, t in enumerate(templates)]
    tehran, isfahan, hq = stores
    for province in (tehran, isfahan):
        trust(hq, province)
        trust(province, hq)
    sc = Scenario(stores, folder)
    for kind, ix, office_code, arg in ops:
        if kind in ("edit", "delete"):
            sc.edit(ix, office_code, arg, kind == "delete")
        elif kind == "export":
            sc.export(ix, office_code)
        else:
            sc.import_(ix, arg)
    sc.export(0, "hq")
    sc.export(1, "hq")
    sc.export(2, "tehran")
    sc.export(2, "isfahan")

    replicas = [fresh(hq_template, f"ex{n}/r{i}") for i in range(2)]
    count = len(sc.bundles)
    first = sorted(range(count), key=lambda i: order[i % len(order)] * 1000 + i)
    second = list(reversed(first)) + [e % count for e in extra]
    for replica, sequence in zip(replicas, (first, second), strict=True):
        for province in (tehran, isfahan, hq):
            trust(replica, province)
        for i in sequence:
            try:
                import_(replica, sc.bundles[i][0])
            except BundleRefused as exc:  # never: every bundle here is genuine
                raise AssertionError(exc.en) from exc
    assert store_digest(replicas[0]) == store_digest(replicas[1])

    # Every version that travelled, per record.
    seen: dict[str, set[str]] = {}
    for path, _, _ in sc.bundles:
        data = read_members(path).get("records/unit.jsonl", b"")
        for row in lines(data):
            if row["id"] in {records.stable_id("prop", o, str(k)) for o in OFFICES
                             for k in (0, 1)}:
                seen.setdefault(row["id"], set()).add(row["hlc"])
    for replica in replicas:
        with replica.read() as s:
            losers = {(c.record_id, c.loser["hlc"]) for c in s.scalars(select(Conflict))}
            for rid, versions in seen.items():
                final = s.get(Unit, rid).hlc
                assert final == max(versions)
                history = sc.history(final)
                for v in versions:
                    assert v in history or (rid, v) in losers, (rid, v, final)
    with replicas[0].read() as s:
        return len(s.scalars(select(Conflict.id)).all())


@settings(max_examples=EXAMPLES, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(
    ops=st.lists(operation, min_size=4, max_size=14),
    order=st.lists(st.integers(0, 50), min_size=1, max_size=12),
    extra=st.lists(st.integers(0, 40), max_size=6),
)
def test_any_order_any_repetition_same_content_nothing_lost(
    fresh: Fresh, province_template: Path, isfahan_template: Path, hq_template: Path,
    tmp_path: Path, ops: list[tuple[str, int, str, int]], order: list[int], extra: list[int],
) -> None:
    run_property(fresh, [province_template, isfahan_template, hq_template], hq_template,
                 tmp_path, ops, order, extra)


def test_known_concurrent_story(
    fresh: Fresh, province_template: Path, isfahan_template: Path, hq_template: Path,
    tmp_path: Path,
) -> None:
    """A fixed story that must produce a conflict: both sides edit after one sync."""
    ops = [("edit", 0, "tehran", 0), ("export", 0, "hq", 0), ("import", 2, "", 0),
           ("edit", 2, "tehran", 0), ("edit", 0, "tehran", 0), ("edit", 0, "tehran", 0),
           ("export", 2, "tehran", 0), ("import", 0, "", 1), ("edit", 0, "tehran", 0)]
    conflicts = run_property(fresh, [province_template, isfahan_template, hq_template],
                             hq_template, tmp_path, ops, [3, 1, 2], [0, 1])
    assert conflicts == 1
