"""Every checklist's cached completion recomputed under the due rule of 0004: the data step that
0004 (step 5), 0008 and 0009 (step 2) run, each with the indicators computed at its revision.

Frozen history, like ``columns.py``: a released migration must do the same to every store for
ever, so nothing here is changed once a released migration calls it; a later rule (another due
rule, another score) gets a new function, called by the revision that brings it.
"""

from __future__ import annotations

from collections.abc import Set

import sqlalchemy as sa

THREE_YEAR = "three-year-1398-1400"


def is_due(frequency: str, period_code: str) -> bool:
    """The due rule of integrity_desktop/indicators.py at 0004 (and still at 0009)."""
    if frequency in ("monthly", "once"):
        return True
    _, _, part = period_code.partition("-")
    kind, n = ({"H": "half", "Q": "quarter", "M": "month"}[part[0]], int(part[1:])) if part else ("year", 1)
    if frequency == "quarterly":
        return kind != "month" or n % 3 == 0
    if frequency == "six_monthly":
        return kind in ("year", "half") or (kind == "quarter" and n in (2, 4)) or (kind == "month" and n in (6, 12))
    return kind == "year" or (kind, n) in (("half", 2), ("quarter", 4), ("month", 12))


def points(status: str, progress: int | None) -> float | None:
    """An answer's score at 0004: none for "not applicable"."""
    if status == "na":
        return None
    if status == "done":
        return 1.0
    if status == "partial":
        return 0.5 if progress is None else max(0, min(100, progress)) / 100
    return 0.0


def recompute_completion(conn: sa.Connection, computed: Set[str]) -> None:
    """Every checklist's completion: the mean score of its answers, as a percent, leaving out the
    indicators not due in its period (except in a visit's checklist, which checks every
    indicator) and, in a unit's checklist of the three-year programme, the ``computed`` ones.
    Answers are not touched; only a completion that changes is written."""
    rows = conn.execute(sa.text(
        "SELECT c.id, c.period_code, c.unit_id, c.completion, t.code, i.code, i.frequency, e.status, e.progress "
        "FROM checklist_entries e JOIN checklists c ON c.id = e.checklist_id "
        "JOIN template_items i ON i.id = e.item_id JOIN templates t ON t.id = c.template_id "
        "WHERE e.deleted = :no"
    ), {"no": False}).all()
    for_visits = {cid for (cid,) in conn.execute(sa.text(
        "SELECT DISTINCT checklist_id FROM visits WHERE checklist_id IS NOT NULL AND deleted = :no"
    ), {"no": False})}
    scores: dict[str, list[float]] = {}
    cached: dict[str, float | None] = {}
    for cid, period, unit_id, completion, tcode, icode, frequency, status, progress in rows:
        cached[cid] = completion
        scores.setdefault(cid, [])
        if unit_id is not None and tcode == THREE_YEAR and icode in computed:
            continue
        if cid not in for_visits and not is_due(frequency, period):
            continue
        score = points(status, progress)
        if score is not None:
            scores[cid].append(score)
    for cid, scored in scores.items():
        value = round(sum(scored) / len(scored) * 100, 2) if scored else None
        if value != cached[cid]:
            conn.execute(sa.text("UPDATE checklists SET completion = :v WHERE id = :i"), {"v": value, "i": cid})
