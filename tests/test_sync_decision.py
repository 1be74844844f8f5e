"""The merge decision as a pure function (``sync/decision.py``, finding 9): one table row per
rule, then hypothesis over every synced record type (tombstones, approvals, HQ-only fields,
foreign owners, missing parents, stamps ahead of the clock), and the fold of any permutation
of a record's versions converging on the same winner with every lost version recorded once.

Hypothesis runs the same examples every time (``derandomize``) so the suite never fails at
random; ``FUZZ_RANDOM=1 DECISION_EXAMPLES=20000`` hunts with fresh ones."""

from __future__ import annotations

import itertools
import os
import subprocess
import sys
from collections.abc import Iterable
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from integrity_desktop.db.models import SYNC_MODELS
from integrity_desktop.sync import decision as dc
from integrity_desktop.sync import history

EXAMPLES = int(os.environ.get("DECISION_EXAMPLES", "300"))
PROPERTY = settings(max_examples=EXAMPLES, deadline=None, database=None,
                    derandomize=os.environ.get("FUZZ_RANDOM", "") != "1", print_blob=True,
                    suppress_health_check=[HealthCheck.too_slow])
NOW = 1_800_000_000_000  # the importer's wall clock in the table (ms)
TYPES = [m.__sync_type__ for m in SYNC_MODELS]


def stamp(ms: int, node: str = "n1", counter: int = 0) -> str:
    return f"{ms:013d}-{counter:04d}-{node}"


def rec(office: str = "tehran", hlc: str = stamp(NOW - 1000), **fields: Any) -> dict[str, Any]:
    return {"id": "r", "office_code": office, "hlc": hlc, "deleted": False, **fields}


def decide(record_type: str = "unit", incoming: dict[str, Any] | None = None,
           local: dict[str, Any] | None = None, *, history_in: history.History | None = None,
           base: tuple[str, str, str] | None = None, source: str = "tehran", own: str = "hq",
           parents: Iterable[tuple[str, str, str | None]] = (),
           approval: dc.Approval | None = None, blob: bool = True) -> dc.Decision:
    return dc.decide(record_type, incoming or rec(), history_in or {}, local, base,
                     source=source, own=own, parents=parents, approval=approval, now_ms=NOW,
                     blob_present=blob)


A = stamp(NOW - 500, "hqnode")  # HQ's approval stamp in the table
OLD, NEW = stamp(NOW - 900), stamp(NOW - 100)
APPROVED = {"status": "approved", "approved_by": "rev@hq", "approved_hlc": A}
UNAPPROVED = {"status": "submitted", "approved_by": None, "approved_hlc": None}

# (rule, arguments of decide, expected action, reason, and what else the decision carries)
TABLE: list[tuple[str, dict[str, Any], str, str, dict[str, Any]]] = [
    ("1 a stamp over a day ahead waits for the clock",
     {"incoming": rec(hlc=stamp(NOW + dc.MAX_SKEW_MS + 1))}, dc.HOLD, "future_stamp",
     {"waits_for": ("clock", stamp(NOW + dc.MAX_SKEW_MS + 1))}),
    ("1 a stamp an hour ahead is taken",
     {"incoming": rec(hlc=stamp(NOW + 3_600_000))}, dc.APPLY, "new", {}),
    ("2 an approval after its own version",
     {"record_type": "checklist", "incoming": rec(hlc=OLD, **{**APPROVED, "approved_hlc": NEW}),
      "source": "hq", "own": "tehran"}, dc.REJECT, "invalid_record", {}),
    ("3 an HQ-only type from a province",
     {"record_type": "lookup"}, dc.REJECT, "hq_only", {}),
    ("3 an HQ-only type from HQ",
     {"record_type": "lookup", "incoming": rec("hq"), "source": "hq", "own": "tehran"},
     dc.APPLY, "new", {}),
    ("4 another office's record in a province's bundle",
     {"incoming": rec("isfahan")}, dc.REJECT, "foreign_office", {}),
    ("5 at a province, a third office's record from HQ",
     {"incoming": rec("isfahan"), "source": "hq", "own": "tehran"}, dc.REJECT,
     "not_for_this_office", {}),
    ("6 a record that exists with another owner",
     {"incoming": rec("tehran", NEW), "local": rec("isfahan", OLD)}, dc.REJECT,
     "owner_changed", {}),
    ("6 HQ moving a record to itself",
     {"incoming": rec("hq", NEW), "local": rec("tehran", OLD), "source": "hq",
      "own": "tehran"}, dc.REJECT, "owner_changed", {}),
    ("7 an entry of another office's checklist",
     {"record_type": "checklist_entry",
      "parents": [("checklist", "c", "isfahan"), ("template_item", "i", "hq")]},
     dc.REJECT, "foreign_parent", {}),
    ("7 an event of another office's case",
     {"record_type": "case_event", "parents": [("case", "k", "isfahan")]}, dc.REJECT,
     "foreign_parent", {}),
    ("7 a finding of an HQ visit (only reference data and units may be HQ's)",
     {"record_type": "finding", "parents": [("visit", "v", "hq")]}, dc.REJECT,
     "foreign_parent", {}),
    ("7 a checklist on an HQ unit and template",
     {"record_type": "checklist", "incoming": rec(**UNAPPROVED),
      "parents": [("template", "t", "hq"), ("unit", "u", "hq")]}, dc.APPLY, "new", {}),
    ("7 a foreign parent is rejected even when another is missing",
     {"record_type": "visit", "parents": [("plan_item", "p", None), ("unit", "u", "isfahan")]},
     dc.REJECT, "foreign_parent", {}),
    ("8 a parent that has not arrived",
     {"record_type": "visit", "parents": [("plan_item", "p", "tehran"), ("unit", "u", None),
                                          ("checklist", "c", None)]},
     dc.HOLD, "missing_parent", {"waits_for": ("unit", "u")}),
    ("8 a tombstone waits for its parent too",
     {"record_type": "visit", "incoming": rec(deleted=True), "parents": [("unit", "u", None)]},
     dc.HOLD, "missing_parent", {"waits_for": ("unit", "u")}),
    ("9 evidence whose file never came",
     {"record_type": "evidence", "blob": False}, dc.REJECT, "evidence_missing", {}),
    ("9 a tombstone of evidence needs no file",
     {"record_type": "evidence", "incoming": rec(deleted=True), "blob": False}, dc.APPLY,
     "new", {}),
    ("10 the same version again",
     {"incoming": rec(hlc=OLD), "local": rec(hlc=OLD)}, dc.KEEP, "unchanged", {}),
    ("11 a province approving its own checklist: fields rejected, the rest applied",
     {"record_type": "checklist", "incoming": rec(hlc=NEW, **APPROVED)}, dc.APPLY, "new",
     {"rejected_fields": ("status", "approved_by", "approved_hlc"),
      "values": {"status": "submitted", "approved_by": None, "approved_hlc": None}}),
    ("11 a province moving draft to submitted is its own business",
     {"record_type": "checklist", "incoming": rec(hlc=NEW, **UNAPPROVED),
      "local": rec(hlc=OLD, **{**UNAPPROVED, "status": "draft"}),
      "history_in": {"n1": [["", OLD]]}}, dc.APPLY, "newer", {"values": None}),
    ("11 the approval HQ made, carried back by the province",
     {"record_type": "checklist", "incoming": rec(hlc=A, **APPROVED),
      "local": rec(hlc=A, **APPROVED)}, dc.KEEP, "unchanged", {}),
    ("12 a province's checklist version after HQ's approval",
     {"record_type": "checklist", "incoming": rec(hlc=NEW, **UNAPPROVED),
      "local": rec(hlc=A, **APPROVED)}, dc.CONFLICT, "approved_locked", {}),
    ("12 a province's answer after HQ's approval",
     {"record_type": "checklist_entry", "incoming": rec(hlc=NEW), "local": rec(hlc=OLD),
      "approval": dc.Approval(True, A)}, dc.CONFLICT, "approved_locked", {}),
    ("12 a province's answer stamped before the approval is taken",
     {"record_type": "checklist_entry", "incoming": rec(hlc=stamp(NOW - 600)),
      "local": rec(hlc=OLD), "approval": dc.Approval(True, A),
      "history_in": {"n1": [["", OLD]]}}, dc.APPLY, "newer", {}),
    ("12 at the province, HQ's approved answer beats its own later one",
     {"record_type": "checklist_entry", "incoming": rec(hlc=OLD), "local": rec(hlc=NEW),
      "approval": dc.Approval(True, A), "source": "hq", "own": "tehran"},
     dc.APPLY, "approved_locked", {"lost": "approved_locked"}),
    ("12 a reopened checklist's answers are free again",
     {"record_type": "checklist_entry", "incoming": rec(hlc=NEW), "local": rec(hlc=OLD),
      "approval": dc.Approval(False, A), "history_in": {"n1": [["", OLD]]}},
     dc.APPLY, "newer", {"lost": ""}),
    ("13 HQ's approval beats the province's later, unapproved version",
     {"record_type": "checklist", "incoming": rec(hlc=A, **APPROVED),
      "local": rec(hlc=NEW, **UNAPPROVED), "source": "hq", "own": "tehran"},
     dc.APPLY, "newer", {"lost": "approved_locked"}),
    ("13 HQ's reopening beats its approval (it carries the approval's stamp)",
     {"record_type": "checklist",
      "incoming": rec("tehran", NEW, status="draft", approved_by=None, approved_hlc=A),
      "local": rec(hlc=A, **APPROVED), "source": "hq", "own": "tehran",
      "history_in": {"hqnode": [["", A]]}}, dc.APPLY, "newer", {"lost": ""}),
    ("13 a newer version built on the local one",
     {"incoming": rec(hlc=NEW), "local": rec(hlc=OLD), "history_in": {"n1": [["", OLD]]}},
     dc.APPLY, "newer", {"lost": ""}),
    ("13 a newer version made without the local one: the local one is lost (listed)",
     {"incoming": rec(hlc=NEW), "local": rec(hlc=stamp(NOW - 800, "n2"))}, dc.APPLY, "newer",
     {"lost": "concurrent"}),
    ("13 a newer tombstone",
     {"incoming": rec(hlc=NEW, deleted=True), "local": rec(hlc=OLD),
      "history_in": {"n1": [["", OLD]]}}, dc.APPLY, "newer", {}),
    ("13 an older version the local one was built on",
     {"incoming": rec(hlc=OLD), "local": rec(hlc=NEW, deleted=True),
      "base": (NEW, history.dumps({"n1": [["", NEW]]}), NEW)}, dc.KEEP, "older", {}),
    ("13 an older version made without the local one: a conflict",
     {"incoming": rec(hlc=stamp(NOW - 800, "n2")), "local": rec(hlc=NEW),
      "base": (NEW, history.dumps({"n1": [["", NEW]]}), NEW)}, dc.CONFLICT, "concurrent", {}),
    ("13 an older version differing only in derived fields: no conflict",
     {"incoming": rec(hlc=stamp(NOW - 800, "n2"), completion=87.99, search_text="الف"),
      "local": rec(hlc=NEW, completion=88.06, search_text="ب"),
      "base": (NEW, history.dumps({"n1": [["", NEW]]}), NEW)}, dc.KEEP, "derived_only", {}),
    ("13 a newer version differing only in derived fields: the local one is not listed",
     {"incoming": rec(hlc=NEW, completion=87.99), "local": rec(hlc=stamp(NOW - 800, "n2"),
                                                              completion=88.06)},
     dc.APPLY, "newer", {"lost": ""}),
    ("13 a derived field beside a real change is still a conflict",
     {"incoming": rec(hlc=stamp(NOW - 800, "n2"), completion=87.99, period_code="1403-Q1"),
      "local": rec(hlc=NEW, completion=88.06, period_code="1403-Q2"),
      "base": (NEW, history.dumps({"n1": [["", NEW]]}), NEW)}, dc.CONFLICT, "concurrent", {}),
    ("12 a province's change after approval only in derived fields: no conflict",
     {"incoming": rec(hlc=NEW, completion=50.0, **APPROVED),
      "local": rec(hlc=OLD, completion=40.0, **APPROVED)}, dc.KEEP, "derived_only", {}),
]
# The derived-field rows are about checklists (the others take any type).
CHECKLIST_ROWS = {row[0] for row in TABLE if "derived" in row[0]}


@pytest.mark.parametrize(("rule", "args", "action", "reason", "extra"), TABLE,
                         ids=[row[0] for row in TABLE])
def test_rule(rule: str, args: dict[str, Any], action: str, reason: str,
              extra: dict[str, Any]) -> None:
    got = decide("checklist", **args) if rule in CHECKLIST_ROWS else decide(**args)
    assert (got.action, got.reason) == (action, reason), rule
    for key, value in extra.items():
        assert getattr(got, key) == value, (rule, key)


def test_every_rule_has_a_row() -> None:
    covered = {reason for _, _, _, reason, _ in TABLE} | {
        extra.get("lost") for *_, extra in TABLE} | {"hq_only_field"}
    assert set(dc.RULES) <= covered | {"newer"}


def test_the_module_imports_no_sqlalchemy_and_no_store() -> None:
    code = ("import sys, integrity_desktop.sync.decision; "
            "print(sorted(m for m in sys.modules if m.startswith(('sqlalchemy', "
            "'integrity_desktop.db', 'integrity_desktop.services'))))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


# ------------------------------------------------------------------- hypothesis

OFFICES = ("hq", "tehran", "isfahan")
NODES = ("n1", "n2", "hqnode")
stamps = st.builds(stamp, st.integers(NOW - 10_000, NOW + 2 * dc.MAX_SKEW_MS),
                   st.sampled_from(NODES), st.integers(0, 3))
past_stamps = st.builds(stamp, st.integers(NOW - 10_000, NOW), st.sampled_from(NODES),
                        st.integers(0, 3))


@st.composite
def versions(draw: st.DrawFn, record_type: str, stamp_st: st.SearchStrategy[str] = stamps,
             offices: tuple[str, ...] = OFFICES) -> dict[str, Any]:
    row = rec(draw(st.sampled_from(offices)), draw(stamp_st), deleted=draw(st.booleans()))
    if record_type == "checklist":
        if draw(st.booleans()):
            approved_hlc = draw(st.one_of(st.just(row["hlc"]), past_stamps))
            row.update(status="approved", approved_by=draw(st.sampled_from(["rev@hq", "x"])),
                       approved_hlc=min(approved_hlc, row["hlc"]))
        else:
            row.update(status=draw(st.sampled_from(["draft", "submitted"])), approved_by=None,
                       approved_hlc=draw(st.one_of(st.none(), past_stamps)))
            if row["approved_hlc"] and row["approved_hlc"] > row["hlc"]:
                row["approved_hlc"] = None
    return row


def parent_lists(record_type: str) -> st.SearchStrategy[list[tuple[str, str, str | None]]]:
    from integrity_desktop.sync import bundle_format as bf

    columns = bf.parent_columns(record_type)
    if record_type == "evidence":
        columns = (*columns, ("owner_id", "case"))
    return st.tuples(*[st.tuples(st.just(ptype), st.just(f"{col}-id"),
                                 st.one_of(st.none(), st.sampled_from(OFFICES)))
                       for col, ptype in columns]).map(list)


@st.composite
def situations(draw: st.DrawFn) -> dict[str, Any]:
    record_type = draw(st.sampled_from(TYPES))
    incoming = draw(versions(record_type))
    local = draw(st.one_of(st.none(), versions(record_type, past_stamps)))
    return {
        "record_type": record_type, "incoming": incoming, "local": local,
        "history_in": draw(st.sampled_from([{}, {"n1": [["", incoming["hlc"]]]},
                                            {"n2": [["", incoming["hlc"]]]}])),
        "base": draw(st.sampled_from([None, ("", "", "")])) if local else None,
        "source": draw(st.sampled_from(OFFICES)), "own": draw(st.sampled_from(OFFICES)),
        "parents": draw(parent_lists(record_type)),
        "approval": draw(st.one_of(st.none(), st.builds(dc.Approval, st.booleans(),
                                                       st.one_of(st.just(""), past_stamps)))),
        "blob": draw(st.booleans()),
    }


@PROPERTY
@given(situations())
def test_every_decision_keeps_the_promises(case: dict[str, Any]) -> None:
    got = decide(**case)
    record_type, incoming, local = case["record_type"], case["incoming"], case["local"]
    source, own = case["source"], case["own"]
    assert got.action in dc.ACTIONS
    assert got.reason in (*dc.RULES, "new")
    if got.action in (dc.APPLY, dc.KEEP, dc.CONFLICT):
        # never past the clock, never another office's, never a changed owner
        assert dc.stamp_ms(incoming["hlc"]) <= NOW + dc.MAX_SKEW_MS
        if source != dc.HQ:
            assert incoming["office_code"] == source
            assert record_type not in dc.HQ_ONLY_TYPES
        if own != dc.HQ:
            assert incoming["office_code"] in (dc.HQ, own)
        if local is not None:
            assert local["office_code"] == incoming["office_code"]
        # every parent is there, and its owner is allowed
        office = incoming["office_code"]
        for ptype, _, owner in case["parents"]:
            assert owner is not None
            assert office == dc.HQ or owner == office or (
                owner == dc.HQ and ptype in dc.SHARED_PARENT_TYPES)
    if got.action == dc.HOLD:
        if got.reason == "missing_parent":
            assert got.waits_for in [(t, i) for t, i, owner in case["parents"] if owner is None]
        else:
            assert got.waits_for == ("clock", incoming["hlc"])
    if got.action == dc.APPLY:
        applied = {**incoming, **(got.values or {})}
        if source != dc.HQ and record_type in dc.HQ_ONLY_FIELDS:
            # a province never sets an approval the store does not hold
            held = local or {}
            for name, rule in dc.HQ_ONLY_FIELDS[record_type].items():
                value = applied.get(name)
                if rule.hq_values is None:
                    assert value in (held.get(name), rule.neutral)
                elif value in rule.hq_values:
                    assert held.get(name) == value
            if got.rejected_fields:
                assert set(got.rejected_fields) <= set(dc.HQ_ONLY_FIELDS[record_type])
        if local is not None and got.reason == "newer":
            assert dc.sort_key(record_type, applied) > dc.sort_key(record_type, local)
    if got.action == dc.KEEP and got.reason == "unchanged":
        assert local is not None and local["hlc"] == incoming["hlc"]


# --------------------------------------------------- any order: the same winner, nothing lost


class Replica:
    """What the merge keeps of one record: the version, its base, the conflict list."""

    def __init__(self) -> None:
        self.local: dict[str, Any] | None = None
        self.base: tuple[str, str, str] | None = None
        self.losers: list[str] = []

    def take(self, record_type: str, version: dict[str, Any], hist: history.History,
             source: str, own: str, approval: dc.Approval | None = None) -> dc.Decision:
        got = dc.decide(record_type, version, hist, self.local, self.base, source=source,
                        own=own, approval=approval, now_ms=NOW)
        if got.action == dc.APPLY:
            if self.local is not None and got.lost:
                self._lose(self.local["hlc"])
            floor = version["hlc"] if self.local is None else max(version["hlc"], self.local["hlc"])
            self.local = {**version, **(got.values or {})}
            self.base = (version["hlc"], history.dumps(hist), floor)
        elif got.action == dc.CONFLICT:
            self._lose(version["hlc"])
        return got

    def _lose(self, hlc: str) -> None:
        if hlc not in self.losers:  # the merge records a loser once (known_losers)
            self.losers.append(hlc)


@st.composite
def version_trees(draw: st.DrawFn) -> tuple[str, str, list[tuple[dict[str, Any], history.History]]]:
    """Versions of one record made at several stores, each built on an earlier one or on
    nothing, with its exact history (its own stamp and its ancestors'); all sent by one
    office."""
    record_type = draw(st.sampled_from(TYPES))
    office = "hq" if record_type in dc.HQ_ONLY_TYPES else "tehran"
    source = "hq" if office == "hq" else draw(st.sampled_from(["hq", "tehran"]))
    made: list[tuple[dict[str, Any], history.History]] = []
    clock = NOW - 100_000
    for _ in range(draw(st.integers(1, 6))):
        clock += draw(st.integers(1, 1000))
        node = draw(st.sampled_from(NODES))
        version = rec(office, stamp(clock, node, 1), deleted=draw(st.booleans()))
        if record_type == "checklist":
            version.update(status="submitted", approved_by=None, approved_hlc=None)
            if source == "hq" and draw(st.booleans()):
                version.update(status="approved", approved_by="rev@hq",
                               approved_hlc=stamp(clock - 1, "hqnode"))
        parent = draw(st.one_of(st.none(), st.integers(0, max(0, len(made) - 1))))
        ancestors = made[parent][1] if made and parent is not None else {}
        made.append((version, history.add_run(ancestors, node, stamp(clock, node, 0),
                                              version["hlc"])))
    return record_type, source, made


@PROPERTY
@given(version_trees(), st.randoms(use_true_random=False))
def test_any_order_of_versions_gives_one_winner_and_loses_nothing(
    tree: tuple[str, str, list[tuple[dict[str, Any], history.History]]], rnd: Any,
) -> None:
    """Imported in any order, repeated or not: the same winner (the highest key), and every
    other version is part of the winner, or listed as a loser (once), or part of one."""
    record_type, source, made = tree
    own = "tehran" if source == "hq" else "hq"
    histories = {v["hlc"]: h for v, h in made}
    orders = [list(range(len(made)))]
    for _ in range(3):
        order = list(range(len(made)))
        rnd.shuffle(order)
        orders.append([*order, rnd.randrange(len(made))])  # and a repetition
    finals = []
    for order in orders:
        replica = Replica()
        for i in order:
            replica.take(record_type, *made[i], source=source, own=own)
        assert replica.local is not None
        finals.append(replica.local)
        kept = [histories[replica.local["hlc"]]] + [histories[h] for h in replica.losers]
        for version, _ in made:
            assert version["hlc"] in replica.losers or any(
                history.contains(h, version["hlc"]) for h in kept), (order, version["hlc"])
        assert len(replica.losers) == len(set(replica.losers))
    assert all(f == finals[0] for f in finals)
    best = max((v for v, _ in made), key=lambda v: dc.sort_key(record_type, v))
    assert finals[0]["hlc"] == best["hlc"]


def test_the_fold_is_exhaustive_for_three_versions() -> None:
    """Every order of three versions (one built on another, one concurrent)."""
    v1 = rec(hlc=stamp(NOW - 300, "n1"))
    v2 = rec(hlc=stamp(NOW - 200, "n1"))
    v3 = rec(hlc=stamp(NOW - 250, "n2"))
    made = [(v1, {"n1": [["", v1["hlc"]]]}), (v2, {"n1": [["", v2["hlc"]]]}),
            (v3, {"n2": [["", v3["hlc"]]]})]
    results = set()
    for order in itertools.permutations(range(3)):
        replica = Replica()
        for i in order:
            replica.take("unit", *made[i], source="tehran", own="hq")
        assert replica.local is not None
        results.add(replica.local["hlc"])
        assert v3["hlc"] in replica.losers
    assert results == {v2["hlc"]}
