"""Checklist review (issue 16, item 9, and item 2's rule for HQ): a submitted checklist is
read-only until HQ approves it or returns it with a note; the note reaches the office in HQ's
bundle; HQ never edits a province's answers itself."""

from __future__ import annotations

from pathlib import Path

import pytest

from integrity_desktop.db.store import Store
from integrity_desktop.errors import UserError
from integrity_desktop.services.checklists import filled as checklists
from integrity_desktop.sync.digest import store_digest as digest

from . import sync_records as sr
from .conftest import actor
from .sync_helpers import admin, export, import_

pytest_plugins = ("tests.sync_fixtures",)  # fixtures: tehran_and_hq

REVIEWER = actor("reviewer", "hq")


def _summary(store: Store, who: object, checklist_id: str) -> checklists.ChecklistSummary:
    return checklists.get_checklist(store, who, checklist_id).summary  # type: ignore[arg-type]


def test_a_submitted_checklist_is_read_only_until_hq_returns_it_with_a_note(
    tehran_and_hq: tuple[Store, Store], tmp_path: Path,
) -> None:
    tehran, hq = tehran_and_hq
    cl_id, entries = sr.checklist(tehran, sr.unit(tehran))
    checklists.submit(tehran, admin(tehran), cl_id)
    before = digest(tehran)
    with pytest.raises(UserError) as err:
        checklists.save_entry(tehran, admin(tehran), entries[0], status="done")
    assert err.value.code == "checklist_submitted" and "بازگرداند" in err.value.fa
    with pytest.raises(UserError):
        checklists.delete_checklist(tehran, admin(tehran), cl_id)
    assert digest(tehran) == before  # nothing changed

    import_(hq, export(tehran, tmp_path / "t1.zip").path)
    summary = _summary(hq, REVIEWER, cl_id)
    assert checklists.can_approve(REVIEWER, summary) and checklists.can_return(REVIEWER, summary)
    assert not checklists.can_edit(actor("inspector", "hq"), summary)
    # HQ does not edit a province's answers: it returns the checklist instead.
    with pytest.raises(UserError) as err:
        checklists.save_entry(hq, actor("admin", "hq"), entries[0], status="done")
    assert err.value.code in ("checklist_submitted", "checklist_not_hq")
    hq_before = digest(hq)
    with pytest.raises(UserError) as err:
        checklists.reopen(hq, REVIEWER, cl_id, "   ")
    assert err.value.code == "note_required" and digest(hq) == hq_before
    returned = checklists.reopen(hq, REVIEWER, cl_id, "ردیف ۱/۲:  سند پیوست نشده است.")
    assert (returned.status, returned.review_note) == ("draft", "ردیف ۱/۲: سند پیوست نشده است.")
    with pytest.raises(UserError) as err:  # a draft again, but still the province's answers
        checklists.save_entry(hq, actor("admin", "hq"), entries[0], status="done")
    assert err.value.code == "checklist_not_hq"

    # The note travels to the office, which can edit again and sees what to correct.
    import_(tehran, export(hq, tmp_path / "h1.zip", for_office="tehran").path)
    there = _summary(tehran, admin(tehran), cl_id)
    assert (there.status, there.review_note) == ("draft", "ردیف ۱/۲: سند پیوست نشده است.")
    assert checklists.can_edit(admin(tehran), there)
    checklists.save_entry(tehran, admin(tehran), entries[0], status="done")
    checklists.submit(tehran, admin(tehran), cl_id)
    import_(hq, export(tehran, tmp_path / "t2.zip").path)
    approved = checklists.approve(hq, REVIEWER, cl_id)
    assert (approved.status, approved.review_note) == ("approved", "")
