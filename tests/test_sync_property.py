"""Property, with real stores (finding 9): two provinces and HQ make, edit, delete and approve
records of every synced type and send bundles both ways; then any permutation of any subset
of the provinces' bundles, imported (with a replay) into separately initialised HQ stores,
gives the same digest once they have all arrived, and every version that travelled is the
winner, part of its history, or listed as a loser once (or part of a listed loser's history),
unless it is still held for a parent that was not in the subset.

The suite runs ``EXAMPLES`` (20) fixed examples (``derandomize``: CI never fails at random);
``FUZZ_RANDOM=1 INTEGRITY_SYNC_EXAMPLES=500`` hunts with fresh ones."""

from __future__ import annotations

import datetime as dt
import itertools
import json
import os
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st
from sqlalchemy import func, select

from integrity_desktop.db.models import Checklist, Conflict, HeldRecord
from integrity_desktop.db.store import Store
from integrity_desktop.services.store import records
from integrity_desktop.sync import bundle_format as bf
from integrity_desktop.sync import history
from integrity_desktop.sync.digest import store_digest
from integrity_desktop.sync.verify import BundleRefused

from . import sync_records as sr
from .sync_helpers import admin, export, import_, read_members, trust

pytest_plugins = ("tests.sync_fixtures",)  # fixtures: fresh, isfahan_template

Fresh = Callable[[Path, str], Store]
PROVINCES = ("tehran", "isfahan")
EXAMPLES = int(os.environ.get("INTEGRITY_SYNC_EXAMPLES", "20"))
KINDS = ("unit", "inspector", "inspection_plan", "plan_item", "visit", "finding",
         "corrective_action", "checklist", "case", "case_event", "evidence",
         "committee_member", "committee_meeting", "committee_resolution", "training_course",
         "complaint", "survey_round", "oversight_letter")
# What an edit changes, per record type.
EDITS: dict[str, tuple[str, Callable[[int], Any]]] = {
    "unit": ("name_fa", lambda n: f"واحد {n}"),
    "inspector": ("post", lambda n: f"سمت {n}"),
    "inspection_plan": ("title", lambda n: f"برنامه {n}"),
    "plan_item": ("planned_date", lambda n: dt.date(2024, 7, 1 + n % 28)),
    "visit": ("summary", lambda n: f"خلاصه {n}"),
    "finding": ("text", lambda n: f"یافته {n}"),
    "corrective_action": ("note", lambda n: f"یادداشت {n}"),
    "checklist": ("status", lambda n: ("draft", "submitted")[n % 2]),
    "checklist_entry": ("note", lambda n: f"پاسخ {n}"),
    "case": ("summary", lambda n: f"شرح {n}"),
    "case_event": ("note", lambda n: f"مرحله {n}"),
    "evidence": ("note", lambda n: f"پیوست {n}"),
    "committee_member": ("post", lambda n: f"سمت {n}"),
    "committee_meeting": ("minutes", lambda n: f"صورتجلسه {n}"),
    "committee_resolution": ("follow_up", lambda n: f"پیگیری {n}"),
    "training_course": ("participant_count", lambda n: 1 + n % 90),
    "complaint": ("answered_on", lambda n: dt.date(2024, 7, 2 + n % 28)),
    "survey_round": ("mean_score", lambda n: float(n % 101)),
    "oversight_letter": ("out_number", lambda n: f"پاسخ {n}"),
}
_counter = itertools.count()
SEEN: Counter[str] = Counter()  # what the replicas' imports went through


def in_hypothesis() -> bool:
    from hypothesis.control import _current_build_context

    return _current_build_context.value is not None

make = st.tuples(st.just("make"), st.sampled_from(PROVINCES), st.sampled_from(KINDS),
                 st.integers(0, 50))
operation = st.one_of(  # a branch is picked uniformly: making and sending weigh more
    make, make, make, make,
    st.tuples(st.just("edit"), st.sampled_from((*PROVINCES, "hq")), st.just(""),
              st.integers(0, 50)),
    st.tuples(st.just("delete"), st.sampled_from((*PROVINCES, "hq")), st.just(""),
              st.integers(0, 50)),
    st.tuples(st.just("approve"), st.just("hq"), st.just(""), st.integers(0, 50)),
    st.tuples(st.just("export"), st.sampled_from(PROVINCES), st.just("hq"), st.just(0)),
    st.tuples(st.just("export"), st.sampled_from((*PROVINCES, "hq")),
              st.sampled_from(PROVINCES), st.just(0)),
    st.tuples(st.just("import"), st.sampled_from((*PROVINCES, "hq")), st.just(""),
              st.integers(0, 50)),
    st.tuples(st.just("import"), st.just("hq"), st.just(""), st.integers(0, 50)),
)


class World:
    """Two provinces and HQ, on real stores, doing what their people do through
    ``services.store.records`` (stamped, owned, audited), and the bundles they sent."""

    def __init__(self, stores: dict[str, Store], folder: Path) -> None:
        self.stores = stores
        self.folder = folder
        self.made: dict[str, list[tuple[str, str]]] = {p: [] for p in PROVINCES}
        self.bundles: list[tuple[Path, str, str]] = []  # path, source, recipient

    def pick(self, office: str, kind: str, n: int) -> str | None:
        ids = [rid for k, rid in self.made[office] if k == kind]
        return ids[n % len(ids)] if ids else None

    def make(self, office: str, kind: str, n: int) -> None:
        store = self.stores[office]
        unit = self.pick(office, "unit", n)
        if kind == "unit":
            self.made[office].append(("unit", sr.unit(store, f"واحد {next(_counter)}")))
        elif kind == "inspector":
            self.made[office].append(("inspector", sr.inspector(store, unit)))
        elif kind == "inspection_plan":
            self.made[office].append(("inspection_plan", sr.plan(store)))
        elif kind == "plan_item":
            plan = self.pick(office, "inspection_plan", n)
            if plan and unit:
                self.made[office].append(("plan_item", sr.plan_item(store, plan, unit)))
        elif kind == "visit" and unit:
            self.made[office].append(("visit", sr.visit(
                store, unit, plan_item_id=self.pick(office, "plan_item", n),
                checklist_id=self.pick(office, "checklist", n))))
        elif kind == "finding":
            visit = self.pick(office, "visit", n)
            if visit:
                self.made[office].append(("finding", sr.finding(store, visit)))
        elif kind == "corrective_action":
            found = self.pick(office, "finding", n)
            if found and unit:
                self.made[office].append(("corrective_action", sr.action(store, found, unit)))
        elif kind == "checklist" and unit:
            period = f"14{next(_counter) % 90 + 10:02d}-Q1"
            cl, entries = sr.checklist(store, unit, period=period)
            self.made[office] += [("checklist", cl)] + [("checklist_entry", e) for e in entries]
        elif kind == "case":
            self.made[office].append(("case", sr.case(store, unit)))
        elif kind == "case_event":
            case = self.pick(office, "case", n)
            if case:
                self.made[office].append(("case_event", sr.case_event(store, case)))
        elif kind == "committee_member":
            self.made[office].append((kind, sr.committee_member(store, unit)))
        elif kind == "committee_meeting":
            member = self.pick(office, "committee_member", n)
            self.made[office].append((kind, sr.committee_meeting(store, [member] if member else [])))
        elif kind == "committee_resolution":
            meeting = self.pick(office, "committee_meeting", n)
            if meeting:
                self.made[office].append((kind, sr.committee_resolution(store, meeting, unit)))
        elif kind == "training_course":
            self.made[office].append((kind, sr.training_course(store, unit)))
        elif kind == "complaint":
            self.made[office].append(("complaint", sr.complaint(store, unit)))
        elif kind == "survey_round":
            self.made[office].append(("survey_round", sr.survey(store, unit)))
        elif kind == "oversight_letter":
            self.made[office].append(("oversight_letter", sr.letter(store)))
        elif kind == "evidence":
            case = self.pick(office, "case", n)
            if case:
                self.made[office].append(("evidence", sr.evidence(
                    store, "case", case, f"%PDF-1.4 {next(_counter)}".encode())))

    def _held_here(self, where: str, n: int, kind: str = "") -> tuple[str, str] | None:
        """A province record the store holds (a province: its own; HQ: any), of ``kind``
        when given."""
        store = self.stores[where]
        candidates = [(k, rid) for office in PROVINCES if where in (office, "hq")
                      for k, rid in self.made[office] if k == kind or not kind]
        for i in range(len(candidates)):
            kind, rid = candidates[(n + i) % len(candidates)]
            row = sr.row(store, kind, rid)
            if row is not None and not row["deleted"] and not self._frozen(store, kind, row):
                return kind, rid
        return None

    @staticmethod
    def _frozen(store: Store, kind: str, row: dict[str, Any]) -> bool:
        """An approved checklist and its answers are locked (the services refuse edits)."""
        checklist = {"checklist": row["id"], "checklist_entry": row.get("checklist_id")}.get(kind)
        if checklist is None:
            return False
        with store.read() as s:
            return s.scalar(select(Checklist.status).where(Checklist.id == checklist)) == "approved"

    def edit(self, where: str, n: int, delete: bool, kind: str = "") -> None:
        found = self._held_here(where, n, kind)
        if found is None:
            return
        kind, rid = found
        model = bf.models_by_type()[kind]
        if delete:
            sr.delete(self.stores[where], model, rid)
        else:
            name, value = EDITS[kind]
            sr.update(self.stores[where], model, rid, **{name: value(next(_counter))})

    def approve(self, n: int, office: str = "") -> None:
        hq = self.stores["hq"]
        with hq.session() as s:
            lists = [c for c in s.scalars(select(Checklist).where(
                Checklist.status != "approved", Checklist.deleted.is_(False))
                .order_by(Checklist.id)) if c.office_code == office or not office]
            if lists:
                records.update(s, hq, admin(hq), lists[n % len(lists)], status="approved",
                               approved_by="reviewer@hq", approved_hlc=hq.clock.now())

    def export(self, where: str, province: str) -> None:
        store = self.stores[where]
        path = self.folder / f"b{len(self.bundles)}.zip"
        result = export(store, path, for_office=province if where == "hq" else None)
        self.bundles.append((path, where, result.recipient_office))

    def import_(self, where: str, n: int) -> None:
        usable = [b for b in self.bundles if b[2] == where]
        if usable:
            summary = import_(self.stores[where], usable[n % len(usable)][0])
            assert not [r for r in summary.rejections if r.reason != "hq_only_field"], \
                summary.rejections


def travelled(paths: list[Path]) -> dict[tuple[str, str], dict[str, history.History]]:
    """Every version the bundles carried: (type, id) -> stamp -> the history it carried."""
    out: dict[tuple[str, str], dict[str, history.History]] = {}
    for path in paths:
        for name, data in read_members(path).items():
            if name.startswith("records/"):
                kind = name[len("records/"):-len(".jsonl")]
                for line in data.splitlines():
                    row = json.loads(line)
                    out.setdefault((kind, row["id"]), {})[row["hlc"]] = history.loads(
                        row["_history"])
    return out


def check_nothing_lost(replica: Store, versions: dict[tuple[str, str], dict[str, history.History]],
                       ) -> None:
    with replica.read() as s:
        losers = [(c.record_type, c.record_id, c.loser["hlc"]) for c in s.scalars(select(Conflict))]
        held = {(h.record_type, h.record_id, h.hlc) for h in s.scalars(select(HeldRecord))}
    assert len(losers) == len(set(losers)), "a losing version listed twice"
    for (kind, rid), stamps in versions.items():
        current = sr.row(replica, kind, rid)
        if current is None:
            assert all((kind, rid, h) in held for h in stamps), (kind, rid)
            continue
        kept = [stamps.get(current["hlc"], {})] + [
            stamps.get(h, {}) for k, r, h in losers if (k, r) == (kind, rid)]
        for hlc in stamps:
            assert (hlc == current["hlc"] or (kind, rid, hlc) in losers
                    or (kind, rid, hlc) in held
                    or any(history.contains(h, hlc) for h in kept)), (kind, rid, hlc)


def run_world(fresh: Fresh, templates: dict[str, Path], tmp_path: Path,
              ops: list[tuple[str, str, str, int]]) -> World:
    n = next(_counter)
    folder = tmp_path / f"ex{n}"
    folder.mkdir()
    stores = {name: fresh(t, f"ex{n}/{name}") for name, t in templates.items()}
    for p in PROVINCES:
        trust(stores["hq"], stores[p])
        trust(stores[p], stores["hq"])
    world = World(stores, folder)
    for p in PROVINCES:  # something to hang children on from the start
        for kind in ("unit", "inspection_plan", "case"):
            world.make(p, kind, 0)
    for kind, where, arg, k in ops:
        if kind == "make":
            world.make(where, arg, k)
        elif kind in ("edit", "delete"):
            world.edit(where, k, kind == "delete", arg)
        elif kind == "approve":
            world.approve(k, arg)
        elif kind == "export":
            world.export(where, arg)
        else:
            world.import_(where, k)
    for p in PROVINCES:
        world.export(p, "hq")
    return world


def replicate(fresh: Fresh, hq_template: Path, world: World, name: str,
              order: list[Path]) -> Store:
    replica = fresh(hq_template, f"{world.folder.name}/{name}")
    for p in PROVINCES:
        trust(replica, world.stores[p])
    for path in order:
        try:
            summary = import_(replica, path)
        except BundleRefused as exc:  # never: every bundle here is genuine
            raise AssertionError(exc.en) from exc
        assert not [r for r in summary.rejections if r.reason != "hq_only_field"], \
            summary.rejections
        # What the examples exercised (pytest --hypothesis-show-statistics).
        for what, happened in (("held", summary.held_count), ("released", summary.released),
                               ("conflict", sum(c.conflicts for c in summary.counts.values())),
                               ("hq_only_field", summary.rejections),
                               ("updated", any(c.updated for c in summary.counts.values()))):
            if happened:
                SEEN[what] += 1
                if in_hypothesis():
                    event(what)
    return replica


def _templates(province_template: Path, isfahan_template: Path,
               hq_template: Path) -> dict[str, Path]:
    return {"tehran": province_template, "isfahan": isfahan_template, "hq": hq_template}


@settings(max_examples=EXAMPLES, deadline=None, database=None, print_blob=True,
          derandomize=os.environ.get("FUZZ_RANDOM", "") != "1",
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow,
                                 HealthCheck.data_too_large])
@given(ops=st.lists(operation, min_size=10, max_size=24), data=st.data())
def test_any_subset_in_any_order_same_content_nothing_lost(
    fresh: Fresh, province_template: Path, isfahan_template: Path, hq_template: Path,
    tmp_path: Path, ops: list[tuple[str, str, str, int]], data: st.DataObject,
) -> None:
    world = run_world(fresh, _templates(province_template, isfahan_template, hq_template),
                      tmp_path, ops)
    try:
        check_any_subset(fresh, hq_template, world, data)
    finally:  # hundreds of examples share the fixture: close each one's stores
        for store in world.stores.values():
            store.dispose()


def check_any_subset(fresh: Fresh, hq_template: Path, world: World, data: st.DataObject) -> None:
    for_hq = [path for path, _, recipient in world.bundles if recipient == "hq"]
    keep = data.draw(st.lists(st.integers(0, 3), min_size=len(for_hq), max_size=len(for_hq)),
                     "kept (0: left out)")
    subset = [path for path, k in zip(for_hq, keep, strict=True) if k] or for_hq[-1:]
    event(f"bundles in the subset: {len(subset)}")
    first = data.draw(st.permutations(subset), "first order")
    second = data.draw(st.permutations(subset), "second order")
    replay = data.draw(st.sampled_from(subset), "replayed")
    one = replicate(fresh, hq_template, world, "r1", first)
    two = replicate(fresh, hq_template, world, "r2", [*second, replay])
    assert store_digest(one) == store_digest(two)
    with one.read() as s1, two.read() as s2:
        count = select(func.count()).select_from(HeldRecord)
        assert s1.scalar(count) == s2.scalar(count)
    versions = travelled(subset)
    check_nothing_lost(one, versions)
    check_nothing_lost(two, versions)
    one.dispose()
    two.dispose()


def test_known_story_every_type_out_of_order(
    fresh: Fresh, province_template: Path, isfahan_template: Path, hq_template: Path,
    tmp_path: Path,
) -> None:
    """A fixed story over every record type: tehran and HQ change one of tehran's units
    concurrently (HQ's version wins at tehran and comes back with tehran's next bundle), HQ
    approves a checklist (the approval comes back too), records are deleted and added under
    parents sent earlier.  Every order of tehran's bundles gives the same content."""
    ops: list[tuple[str, str, str, int]] = [
        ("make", p, kind, 0) for p in PROVINCES for kind in KINDS]
    ops += [("export", "tehran", "hq", 0), ("export", "isfahan", "hq", 0),
            ("import", "hq", "", 0), ("import", "hq", "", 1),
            ("edit", "tehran", "unit", 0), ("make", "tehran", "visit", 1),
            ("make", "tehran", "finding", 1), ("delete", "tehran", "inspector", 0),
            ("export", "tehran", "hq", 0),
            ("edit", "hq", "unit", 0), ("approve", "hq", "tehran", 0),
            ("export", "hq", "tehran", 0), ("import", "tehran", "", 0),
            ("make", "tehran", "corrective_action", 1), ("delete", "isfahan", "case_event", 0)]
    world = run_world(fresh, _templates(province_template, isfahan_template, hq_template),
                      tmp_path, ops)
    from_tehran = [path for path, source, to in world.bundles if source == "tehran"]
    assert len(from_tehran) == 3
    SEEN.clear()
    digests = set()
    for i, order in enumerate(itertools.permutations(from_tehran)):
        replica = replicate(fresh, hq_template, world, f"r{i}", list(order))
        digests.add(store_digest(replica))
        with replica.read() as s:
            assert s.scalar(select(func.count()).select_from(HeldRecord)) == 0
        check_nothing_lost(replica, travelled(from_tehran))
    assert len(digests) == 1
    assert {"held", "released", "conflict", "hq_only_field", "updated"} <= set(SEEN), SEEN


def test_known_concurrent_story(
    fresh: Fresh, province_template: Path, isfahan_template: Path, hq_template: Path,
    tmp_path: Path,
) -> None:
    """Both sides edit a unit after one sync: the conflict is listed at HQ, once."""
    ops: list[tuple[str, str, str, int]] = [
        ("make", "tehran", "unit", 0), ("export", "tehran", "", 0), ("import", "hq", "", 0),
        ("edit", "hq", "", 0), ("edit", "tehran", "", 0), ("edit", "tehran", "", 0),
        ("export", "tehran", "", 0), ("import", "hq", "", 1), ("import", "hq", "", 1)]
    world = run_world(fresh, _templates(province_template, isfahan_template, hq_template),
                      tmp_path, ops)
    with world.stores["hq"].read() as s:
        assert s.scalar(select(func.count()).select_from(Conflict)) == 1
