"""The merge decision for one incoming version of a record, as a pure function.

``decide`` takes what the store holds (the local version, its history and owner, the approval
of the checklist involved, the owners of the records it points to) and what the bundle brings
(the version, its history, the office that signed it) and answers **apply**, **keep**,
**conflict**, **reject** or **hold**, with the reason.  It reads nothing and writes nothing:
``merge`` reads the inputs from the store and writes what it decides.  No SQLAlchemy and no
store here, so the rules are tested as a table and with hypothesis over every record type.

The rules, in the order they are applied (``RULES`` names each; docs/SYNC.md states them):

1. ``future_stamp`` (hold): a stamp more than ``MAX_SKEW_MS`` ahead of the importer's wall
   clock waits, unapplied, until the clock reaches it; the importer's clock is never dragged
   past its own time plus the skew.
2. ``invalid_record`` (reject): a checklist approved after its own version (``approved_hlc``
   later than ``hlc``).
3. ``hq_only`` (reject): a record type only HQ creates or changes (``HQ_ONLY_TYPES``), from any
   other office.
4. ``foreign_office`` (reject): a province's bundle carrying another office's record.
5. ``not_for_this_office`` (reject): at a province, a record of an office other than HQ and
   itself.
6. ``owner_changed`` (reject): the record exists here with another owner; an owner never
   changes through a bundle, whoever sends it.
7. ``foreign_parent`` (reject): a province's record pointing to a record of another office (an
   event of another office's case, an entry of another office's checklist, …); units and
   reference data may also be HQ's (``SHARED_PARENT_TYPES``).
8. ``missing_parent`` (hold): a record it points to has not arrived; it waits for that record.
9. ``evidence_missing`` (reject): an evidence record whose file came neither with the bundle
   nor before.
10. ``unchanged`` (keep): the store holds this very version.
11. HQ-only fields (``HQ_ONLY_FIELDS``, from any office but HQ): the approval of a checklist
    (status «approved», ``approved_by``, ``approved_hlc``) must be the one the store holds; a
    different one is rejected field by field (reported as ``hq_only_field`` when the version
    is applied) and the version is decided without it.
12. ``approved_locked``: while a checklist is approved (at stamp A), a version of it or of one
    of its entries stamped after A from a province is a conflict (the store keeps HQ's); at a
    province, HQ's version of an entry beats the province's own entry stamped after A (the
    approval freezes the answers HQ approved on both sides).
13. The winner: the higher key, ``hlc`` (``(approved_hlc, hlc)`` for checklists: an approval
    beats versions made without it).  The loser is a conflict (``concurrent`` or
    ``approved_locked``) when it is not in the winner's history, else just older (``older``).
    A loser that differs from the winner only in derived fields (``DERIVED_FIELDS``: a
    checklist's cached completion and search text, a case's state derived from its events, …)
    is no conflict (``derived_only``): there is nothing for a person to choose.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any, NamedTuple

from integrity_desktop.catalog import HQ_CODE as HQ
from integrity_desktop.sync import history as hist

APPLY, KEEP, CONFLICT, REJECT, HOLD = "apply", "keep", "conflict", "reject", "hold"
ACTIONS = (APPLY, KEEP, CONFLICT, REJECT, HOLD)

# How far ahead of the importer's own wall clock an incoming stamp may be (see docs/SYNC.md):
# a day covers a PC's clock set in the wrong time zone (at most 14 hours) and months of drift
# of an offline PC, and keeps the importer's clock within a day of real time: a hybrid clock
# never goes back, so every stamp it takes in becomes the floor of its own later stamps.
MAX_SKEW_MS = 24 * 60 * 60 * 1000
CLOCK = "clock"  # what a record held for its stamp waits for

# Record types only HQ creates or changes: the catalogue's templates, their sections and
# items, the configurable lists and the offices.  Units are not here: a province has its own.
HQ_ONLY_TYPES = frozenset({"office", "lookup", "template", "template_section", "template_item"})

# Parent types a province's record may point to when they belong to HQ (shared reference
# data); any other parent must belong to the record's own office.
SHARED_PARENT_TYPES = HQ_ONLY_TYPES | {"unit"}


@dataclass(frozen=True)
class FieldRule:
    """A field only HQ may set.  From any other office its value must be the one the store
    holds (``None`` for a record new here); ``hq_values``, when given, are the only values of
    the field that are HQ's (any other value the office may set); a rejected value becomes
    ``neutral``."""

    neutral: Any
    hq_values: frozenset[Any] | None = None


# Every field only HQ may set, per record type: the one place they are listed (the merge,
# the conflict resolution and docs/SYNC.md read it).  A checklist's approval is one decision:
# when any of its fields is rejected, all of them take their neutral values.
HQ_ONLY_FIELDS: dict[str, dict[str, FieldRule]] = {
    "checklist": {
        "status": FieldRule("submitted", frozenset({"approved"})),
        "approved_by": FieldRule(None),
        "approved_hlc": FieldRule(None),
    },
}

# Fields computed from other records or kept for search, per record type: they follow the
# records they are computed from, so two versions that differ only here are the same content
# and never make a conflict (docs/SYNC.md, rule 13).
DERIVED_FIELDS: dict[str, frozenset[str]] = {
    "checklist": frozenset({"completion", "search_text"}),
    "checklist_entry": frozenset({"computed_source"}),
    "case": frozenset({"state", "last_event_on", "employee_name_norm"}),
}
# Version metadata: which node wrote a version and when, not what it says.
VERSION_FIELDS = frozenset({"id", "office_code", "hlc", "updated_by", "updated_at"})

# Record types an approval freezes: the checklist, and its entries (parent ``checklist_id``).
APPROVAL_TYPES = frozenset({"checklist", "checklist_entry"})

RULES = (
    "future_stamp", "invalid_record", "hq_only", "foreign_office", "not_for_this_office",
    "owner_changed", "foreign_parent", "missing_parent", "evidence_missing", "unchanged",
    "hq_only_field", "approved_locked", "newer", "older", "concurrent", "derived_only",
)


class Parent(NamedTuple):
    """A record an incoming version points to; ``owner`` is None when it is not in the store."""

    record_type: str
    record_id: str
    owner: str | None


class Approval(NamedTuple):
    """A checklist's approval as the store holds it."""

    approved: bool  # status "approved"
    stamp: str  # approved_hlc ("" when none)


NOT_APPROVED = Approval(False, "")


@dataclass(frozen=True)
class Decision:
    """What to do with an incoming version.

    ``lost``: for *apply*, the conflict reason of the local version it replaces when that
    version is lost ("" when it is part of the new one's history).  ``values``: replacements
    for rejected HQ-only fields (``rejected_fields`` names them).  ``waits_for``: for *hold*,
    the (record type, id) awaited, or (``CLOCK``, the stamp)."""

    action: str
    reason: str = ""
    lost: str = ""
    values: Mapping[str, Any] | None = None
    rejected_fields: tuple[str, ...] = ()
    waits_for: tuple[str, str] = ("", "")


# The usual answers, made once.
_APPLY_NEW = Decision(APPLY, "new")
_APPLY_NEWER = Decision(APPLY, "newer")
_KEEP_SAME = Decision(KEEP, "unchanged")
_KEEP_OLDER = Decision(KEEP, "older")
_KEEP_DERIVED = Decision(KEEP, "derived_only")


def derived_only(record_type: str, a: Mapping[str, Any], b: Mapping[str, Any]) -> bool:
    """Whether two versions differ in derived fields and in nothing a person wrote."""
    derived = DERIVED_FIELDS.get(record_type)
    if not derived:
        return False
    differing = {k for k in set(a) | set(b) if a.get(k) != b.get(k)} - VERSION_FIELDS
    return bool(differing) and differing <= derived


def stamp_ms(stamp: str) -> int:
    """The wall-clock part of a stamp (milliseconds since the epoch)."""
    return int(stamp[:13])


def sort_key(record_type: str, row: Mapping[str, Any]) -> tuple[str, str]:
    """The order of versions: ``(approved_hlc, hlc)`` for checklists, ``("", hlc)`` else."""
    if record_type == "checklist":
        return (row.get("approved_hlc") or "", row["hlc"])
    return ("", row["hlc"])


def approval_of(row: Mapping[str, Any] | None) -> Approval:
    if row is None:
        return NOT_APPROVED
    return Approval(row.get("status") == "approved", row.get("approved_hlc") or "")


def decide(
    record_type: str,
    incoming: Mapping[str, Any],
    incoming_history: hist.History,
    local: Mapping[str, Any] | None,
    local_base: tuple[str, str, str] | None,
    *,
    source: str,
    own: str,
    parents: Iterable[tuple[str, str, str | None]] = (),
    approval: Approval | None = None,
    now_ms: int,
    blob_present: bool = True,
) -> Decision:
    """Decide one incoming version (see the module docstring for the rules, in order).

    ``local_base``: what the store took from bundles for this record (applied stamp, the
    history it carried, floor), as ``sync.history.current_history`` reads it; None when it
    has taken none.  ``parents``: every record it points to, as ``Parent`` (or a plain
    tuple of the same three values).  ``approval``: for a checklist entry, its checklist's
    approval (for a checklist, its own local version's is used)."""
    hlc = incoming["hlc"]
    if stamp_ms(hlc) > now_ms + MAX_SKEW_MS:
        return Decision(HOLD, "future_stamp", waits_for=(CLOCK, hlc))
    if record_type == "checklist" and (incoming.get("approved_hlc") or "") > hlc:
        return Decision(REJECT, "invalid_record")
    from_hq = source == HQ
    office = incoming["office_code"]
    if not from_hq:
        if record_type in HQ_ONLY_TYPES:
            return Decision(REJECT, "hq_only")
        if office != source:
            return Decision(REJECT, "foreign_office")
    if own != HQ and office != HQ and office != own:
        return Decision(REJECT, "not_for_this_office")
    if local is not None and local["office_code"] != office:
        return Decision(REJECT, "owner_changed")
    waits: tuple[str, str] | None = None
    for parent_type, parent_id, owner in parents:
        if owner is None:
            waits = waits or (parent_type, parent_id)
        elif office != HQ and owner != office and not (
                owner == HQ and parent_type in SHARED_PARENT_TYPES):
            return Decision(REJECT, "foreign_parent")
    if waits is not None:
        return Decision(HOLD, "missing_parent", waits_for=waits)
    if not blob_present and record_type == "evidence" and not incoming["deleted"]:
        return Decision(REJECT, "evidence_missing")
    if local is not None and local["hlc"] == hlc:
        return _KEEP_SAME

    values: dict[str, Any] | None = None
    rejected: tuple[str, ...] = ()
    if not from_hq and record_type in HQ_ONLY_FIELDS:
        values, rejected = _hq_only_fields(HQ_ONLY_FIELDS[record_type], incoming, local)
    version: Mapping[str, Any] = {**incoming, **values} if values else incoming

    if record_type in APPROVAL_TYPES:
        state = approval_of(local) if record_type == "checklist" else (approval or NOT_APPROVED)
        if state.approved and state.stamp:
            if not from_hq and hlc > state.stamp:
                if local is not None and derived_only(record_type, version, local):
                    return _KEEP_DERIVED
                return Decision(CONFLICT, "approved_locked")
            if (from_hq and record_type == "checklist_entry" and local is not None
                    and local["hlc"] > state.stamp >= hlc):
                return Decision(APPLY, "approved_locked", lost="approved_locked",
                                values=values, rejected_fields=rejected)

    if local is None:
        return Decision(APPLY, "new", values=values, rejected_fields=rejected) if values \
            else _APPLY_NEW
    key_in, key_cur = sort_key(record_type, version), sort_key(record_type, local)
    if key_in > key_cur:
        lost = ""
        if (not hist.contains(incoming_history, local["hlc"])
                and not derived_only(record_type, version, local)):
            lost = "approved_locked" if key_in[0] > key_cur[0] else "concurrent"
        if lost or values:
            return Decision(APPLY, "newer", lost=lost, values=values, rejected_fields=rejected)
        return _APPLY_NEWER
    local_history = hist.current_history(local["hlc"], *(local_base or ("", "", "")))
    if hist.contains(local_history, hlc):
        return _KEEP_OLDER
    if derived_only(record_type, version, local):
        return _KEEP_DERIVED
    return Decision(CONFLICT, "approved_locked" if key_cur[0] > key_in[0] else "concurrent")


def _hq_only_fields(
    rules: Mapping[str, FieldRule], incoming: Mapping[str, Any], local: Mapping[str, Any] | None
) -> tuple[dict[str, Any] | None, tuple[str, ...]]:
    """The replacements for HQ-only fields another office changed, and their names."""
    rejected = []
    for name, rule in rules.items():
        value = incoming.get(name)
        held = None if local is None else local.get(name)
        if value == held:
            continue
        if rule.hq_values is not None and value not in rule.hq_values and held not in rule.hq_values:
            continue  # a change between values the office may set itself
        rejected.append(name)
    if not rejected:
        return None, ()
    values = {}
    for name, rule in rules.items():
        value = incoming.get(name)
        if rule.hq_values is None or value in rule.hq_values:
            values[name] = rule.neutral
    return values, tuple(rejected)
