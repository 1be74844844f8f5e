"""A checklist's cached completion is derived from its answers (issue 16, item 1): the store
that imports a bundle recomputes it for every checklist the bundle touched, so the figure a
person reads is never the sender's stale or forged cache."""

from __future__ import annotations

from pathlib import Path

from integrity_desktop.db.models import Checklist
from integrity_desktop.db.store import Store
from integrity_desktop.services.checklists import filled as checklists
from integrity_desktop.services.checklists import scoring

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


def test_refresh_derived_equals_the_rule_of_a_single_checklist(store: Store) -> None:
    """``refresh_derived`` sums in SQL what ``scoring.completion(asked_answers(...))`` counts in
    Python, over random answers (statuses, progress in and out of the usual range, none) in
    whole-directorate, unit, yearly, monthly, reform and visit checklists: always the same
    figure, to the last digit."""
    import random

    from hypothesis import given, settings
    from hypothesis import strategies as st

    from integrity_desktop.db.models import ChecklistEntry
    from integrity_desktop.errors import UserError
    from integrity_desktop.nationalid import generate_valid_national_code
    from integrity_desktop.services.checklists import templates
    from integrity_desktop.services.inspections import inspectors, visits
    from integrity_desktop.services.store import offices

    admin = actor("admin", "tehran")
    unit = offices.list_units(store)[0].id
    published = templates.list_templates(store, admin, include_drafts=False)
    made = []
    for t in published:
        for u, period in ((None, "1403-Q2"), (unit, "1403-M05"), (None, "1403"), (unit, "1403-Q4")):
            try:
                made.append(checklists.create_checklist(store, admin, t.id, u, period).id)
            except UserError as exc:  # a programme with nothing due in that period
                assert exc.code == "nothing_due", exc.code
    assert len(made) >= 6
    person = inspectors.create_inspector(store, admin, full_name="مریم احمدی", appointed_on="1402/01/15",
                                         national_code=generate_valid_national_code(random.Random(3)),
                                         letter_no="۱۲")
    visit = visits.log_visit(store, admin, kind="adhoc", unit_id=unit, visit_date="1403/06/10",
                             inspector_ids=[person.id], template_id=scoring.three_year_template_id())
    assert visit.visit.checklist_id
    made.append(visit.visit.checklist_id)
    statuses = ("", "done", "partial", "not_done", "na")

    @settings(max_examples=200, deadline=None, derandomize=True)
    @given(seed=st.integers(0, 2**32 - 1))
    def check(seed: int) -> None:
        rng = random.Random(seed)
        with store.session() as s:
            for entry in s.query(ChecklistEntry).filter(ChecklistEntry.checklist_id.in_(made)):
                entry.status = rng.choice(statuses)
                entry.progress = rng.choice((None, 0, 1, 33, 50, 67, 99, 100, rng.randint(0, 100)))
            s.flush()
            checklists.refresh_derived(s, made)
            for cid in made:
                row = s.get(Checklist, cid)
                assert row is not None
                assert row.completion == scoring.completion(checklists.asked_answers(s, row)), cid

    check()
