"""A checklist's cached completion is derived from its answers (issue 16, item 1): the store
that imports a bundle recomputes it for every checklist the bundle touched, so the figure a
person reads is never the sender's stale or forged cache."""

from __future__ import annotations

from pathlib import Path

from integrity_desktop.db.models import Checklist
from integrity_desktop.db.store import Store
from integrity_desktop.services import checklists, scoring

from .conftest import actor
from .sync_helpers import export, import_

pytest_plugins = ("tests.sync_fixtures",)  # fixtures: tehran_and_hq


def _completion(store: Store, checklist_id: str) -> float | None:
    with store.read() as s:
        checklist = s.get(Checklist, checklist_id)
        assert checklist is not None
        return checklist.completion


def test_the_importer_recomputes_completion_from_the_answers(
    tehran_and_hq: tuple[Store, Store], tmp_path: Path
) -> None:
    tehran, hq = tehran_and_hq
    inspector = actor("inspector", "tehran")
    summary = checklists.create_checklist(
        tehran, inspector, scoring.three_year_template_id(), None, "1403-Q2")
    entries = checklists.get_checklist(tehran, inspector, summary.id).entries
    checklists.save_entry(tehran, inspector, entries[0].id, status="done")
    honest = _completion(tehran, summary.id)
    assert honest is not None and 0 < honest < 100
    with tehran.session() as s:  # a stale (or forged) cache in the sender's row
        row = s.get(Checklist, summary.id)
        assert row is not None
        row.completion = 99.0
    import_(hq, export(tehran, tmp_path / "t1.zip").path)
    assert _completion(hq, summary.id) == honest  # from the answers HQ now holds

    # A later bundle with one more answer: HQ's figure follows the answers again.
    checklists.save_entry(tehran, inspector, entries[1].id, status="done")
    more = _completion(tehran, summary.id)
    assert more is not None and more > honest
    import_(hq, export(tehran, tmp_path / "t2.zip").path)
    assert _completion(hq, summary.id) == more
