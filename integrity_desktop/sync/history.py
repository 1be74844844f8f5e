"""Which versions of a record a version was made from: the conflict test of the merge.

A record's *history* is, per store (clock node), a list of stamp intervals ``(lo, hi]``: the
versions made by that store that the version builds on.  A store that edits a record extends
the history of the version it holds; one that takes a version from a bundle takes that
version's history.  So:

* a version made locally before any import: ``{own: [("", hlc)]}`` (its whole local chain);
* the version taken from a bundle: the history that version carried;
* local edits after taking a version F: F's history plus ``(floor, hlc]`` of this store, where
  ``floor`` is the newest stamp at the moment F was taken (local versions F replaced are not in
  it: they lost, and were recorded as conflicts there).

Version X is part of Y's history when X's stamp falls in one of Y's intervals for X's store.
When the loser of a merge is not part of the winner's history, both sides changed the record
since they last synced: the loser goes to the conflict list.  Reference data seeded with the
fixed stamp (node ``seed``) is identical everywhere and part of every history.  This is exact
for any number of offices; a history has one interval per store in the normal case and grows
by one only when a store's own versions lose a conflict.
"""

from __future__ import annotations

import json
from typing import Any

import orjson

History = dict[str, list[list[str]]]
SEED_NODE = "seed"


def stamp_node(stamp: str) -> str:
    """The store (clock node) that made a version."""
    parts = stamp.split("-", 2)
    return parts[2] if len(parts) == 3 else ""


def loads(value: Any) -> History:
    """A history from its JSON text (as stored) or parsed JSON (as in a record line); raises
    ``ValueError`` (or ``TypeError``) for anything that is not one."""
    if not value:
        return {}
    data = json.loads(value) if isinstance(value, str) else value
    return {str(k): [[str(a), str(b)] for a, b in v] for k, v in dict(data).items()}


# One encoder for every call: json.dumps with options builds a new encoder each time.
_ENCODER = json.JSONEncoder(sort_keys=True, separators=(",", ":"))


def dumps(history: History) -> str:
    """Compact JSON, keys sorted, non-ASCII and DEL escaped (``_ENCODER``'s text).  orjson
    writes the same text when it is all ASCII without DEL; other text is left to
    ``_ENCODER``."""
    try:
        text = orjson.dumps(history, option=orjson.OPT_SORT_KEYS)
    except TypeError:  # orjson.JSONEncodeError: e.g. a non-string key
        return _ENCODER.encode(history)
    if text.isascii() and b"\x7f" not in text:
        return text.decode("ascii")
    return _ENCODER.encode(history)


def contains(history: History, stamp: str) -> bool:
    node = stamp_node(stamp)
    if node == SEED_NODE:
        return True
    return any(lo < stamp <= hi for lo, hi in history.get(node, []))


def add_run(history: History, node: str, lo: str, hi: str) -> History:
    """The history plus versions ``(lo, hi]`` of ``node``, intervals merged."""
    out = {k: [list(iv) for iv in v] for k, v in history.items()}
    runs = sorted([*out.get(node, []), [lo, hi]])
    merged: list[list[str]] = []
    for a, b in runs:
        if merged and a <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], b)
        else:
            merged.append([a, b])
    out[node] = merged
    return out


def current_history(
    hlc: str, applied: str | None, carried: str | None, floor: str | None
) -> History:
    """The history of a store's current version of a record (see the module docstring)."""
    if not applied:
        return add_run({}, stamp_node(hlc), "", hlc)
    taken = loads(carried)
    if hlc == applied:
        return taken
    return add_run(taken, stamp_node(hlc), floor or "", hlc)
