"""Cases across offices: events added at a province and at HQ never overwrite each other, and
both stores derive the same state from the same events."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

from integrity_desktop.db.store import Store
from integrity_desktop.services.cases import register as cases
from integrity_desktop.sync.conflicts import count_conflicts

from .sync_helpers import admin, export, import_, trust

pytest_plugins = ["tests.sync_fixtures"]


def _state(store: Store, case_id: str) -> str:
    return cases.get_case_file(store, admin(store), case_id).case.state


def test_province_and_hq_events_merge_without_conflict(
    fresh: Callable[[Path, str], Store], province_template: Path, hq_template: Path, tmp_path: Path
) -> None:
    tehran, hq = fresh(province_template, "tehran"), fresh(hq_template, "hq")
    trust(hq, tehran)
    trust(tehran, hq)
    case = cases.register_case(
        tehran, admin(tehran), employee_name="کارمند آزمون", national_code="0499370899",
        reporter="بازرس معتمد", violation_codes=["01"], reported_on=dt.date(2024, 5, 1),
        today=dt.date(2024, 6, 1),
    )
    import_(hq, export(tehran, tmp_path / "t1.itb").path)
    assert _state(hq, case.id) == "reported"
    # HQ forms the file; the province has not heard yet.
    cases.add_event(hq, admin(hq), case.id, "file_formed", event_date=dt.date(2024, 5, 10))
    import_(tehran, export(hq, tmp_path / "h1.itb", for_office="tehran").path)
    assert _state(tehran, case.id) == "file_formed"
    # The province records the preliminary verdict on top of HQ's step, and sends it back.
    cases.add_event(tehran, admin(tehran), case.id, "preliminary_verdict",
                    event_date=dt.date(2024, 5, 20), penalty_code="01", board_code="01")
    import_(hq, export(tehran, tmp_path / "t2.itb").path)
    assert _state(hq, case.id) == _state(tehran, case.id) == "preliminary_verdict"
    assert count_conflicts(hq, admin(hq)) == 0
    assert count_conflicts(tehran, admin(tehran)) == 0
    import_(tehran, export(hq, tmp_path / "h2.itb", for_office="tehran").path)
    assert [e.kind for e in cases.get_case_file(hq, admin(hq), case.id).timeline] == \
        [e.kind for e in cases.get_case_file(tehran, admin(tehran), case.id).timeline]
