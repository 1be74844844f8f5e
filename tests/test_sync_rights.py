"""People's rights registers in bundles (issue 20): complaints registered at two provinces and
answered after a bundle round trip merge at HQ with no loss, and HQ computes the provinces'
own figures; HQ cannot change a province's complaint, a deletion travels as a tombstone."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

from sqlalchemy import func, select

from integrity_desktop.db.models import Complaint, OversightLetter, SurveyRound
from integrity_desktop.db.store import Store
from integrity_desktop.services.figures import achievement, computed
from integrity_desktop.services.rights import complaints, oversight, surveys
from integrity_desktop.services.rights.complaints import ComplaintInput
from integrity_desktop.services.rights.oversight import LetterInput
from integrity_desktop.services.rights.surveys import SurveyInput
from integrity_desktop.sync.conflicts import count_conflicts

from . import sync_records as sr
from .sync_helpers import admin, export, import_, trust

pytest_plugins = ["tests.sync_fixtures", "tests.pg"]  # fixtures: fresh, isfahan_template, pg_url

TODAY = dt.date(2025, 1, 10)
PERIOD = "1403-Q2"  # 2024-06-21 .. 2024-09-22


def _register(store: Store, n: int, start: dt.date) -> list[str]:
    who = admin(store)
    ids = [complaints.register_complaint(store, who, ComplaintInput(
        received_on=start + dt.timedelta(days=3 * k), channel="samad", category="fees",
        tracking_number=f"{store.office_code}-{k}", person_name=f"متقاضی {k}"), today=TODAY)
        for k in range(n)]
    surveys.add_survey(store, who, SurveyInput(PERIOD, start, "phone", 10 + n, 60 + n), today=TODAY)
    oversight.add_letter(store, who, LetterInput("gio", f"{store.office_code}-1", start, due_on=start + dt.timedelta(days=10)),
                         today=TODAY)
    return ids


def _count(store: Store, model: type, office: str) -> int:
    with store.read() as s:
        return int(s.scalar(select(func.count()).select_from(model).where(
            model.office_code == office, model.deleted.is_(False))) or 0)


def test_two_provinces_answer_after_a_round_trip_and_hq_figures_equal_theirs(
    fresh: Callable[[Path, str], Store], province_template: Path, isfahan_template: Path,
    hq_template: Path, tmp_path: Path,
) -> None:
    tehran, isfahan, hq = (fresh(province_template, "tehran"), fresh(isfahan_template, "isfahan"),
                           fresh(hq_template, "hq"))
    for province in (tehran, isfahan):
        trust(hq, province)
        trust(province, hq)
    start = dt.date(2024, 6, 25)
    made = {"tehran": _register(tehran, 6, start), "isfahan": _register(isfahan, 4, start)}
    for name, province in (("tehran", tehran), ("isfahan", isfahan)):
        import_(hq, export(province, tmp_path / f"{name}-1.itb").path)
        import_(province, export(hq, tmp_path / f"hq-{name}-1.itb", for_office=name).path)
    # answered after the round trip: some on time, one late, one left open
    for name, province in (("tehran", tehran), ("isfahan", isfahan)):
        for k, cid in enumerate(made[name][:-1]):
            complaints.answer_complaint(province, admin(province), cid, answered_on=start + dt.timedelta(days=3 * k + 5 + 20 * (k == 1)),
                                        outcome="upheld", satisfaction=1 + k % 5, today=TODAY)
        letter = oversight.list_letters(province, admin(province))[0]
        oversight.answer_letter(province, admin(province), letter.id, out_number="ج-۱",
                                out_date=start + dt.timedelta(days=4 if name == "tehran" else 30), today=TODAY)
        import_(hq, export(province, tmp_path / f"{name}-2.itb").path)
    for name, province in (("tehran", tehran), ("isfahan", isfahan)):
        for model in (Complaint, SurveyRound, OversightLetter):
            assert _count(hq, model, name) == _count(province, model, name) > 0
        own = computed.compute(province, admin(province), PERIOD, today=TODAY)
        at_hq = computed.compute(hq, admin(hq), PERIOD, office_code=name, today=TODAY)
        codes = ("9/5", "10/2", "10/3", "10/10", "16/2")
        assert {c: own[c].value for c in codes} == {c: at_hq[c].value for c in codes}
        assert own["10/2"].denominator == len(made[name]) and own["10/2"].numerator == len(made[name]) - 1
        assert own["16/2"].value == (100.0 if name == "tehran" else 0.0)
        # the HQ console's figures read the same records
        by_office = achievement.figures_by_office(hq, admin(hq), PERIOD, [name], today=TODAY)[name]
        assert {f.code: f.value for f in by_office if f.code in codes} == {c: own[c].value for c in codes}
        for cid in made[name]:
            assert sr.row(hq, "complaint", cid) == sr.row(province, "complaint", cid)
    assert count_conflicts(hq, admin(hq)) == 0
    # HQ cannot change a province's complaint: its own edit is refused in the service...
    try:
        complaints.update_complaint(hq, admin(hq), made["tehran"][0], subject="تغییر ستاد")
        raise AssertionError("HQ edited a province's complaint")
    except complaints.UserError as e:
        assert e.code == "complaint_foreign"
    # ... and a deletion at the province travels as a tombstone and never comes back.
    complaints.delete_complaint(tehran, admin(tehran), made["tehran"][0])
    import_(hq, export(tehran, tmp_path / "tehran-3.itb").path)
    assert sr.row(hq, "complaint", made["tehran"][0])["deleted"] is True
    import_(hq, tmp_path / "tehran-2.itb")  # an old bundle again
    assert sr.row(hq, "complaint", made["tehran"][0])["deleted"] is True


def test_a_province_cannot_take_over_another_provinces_complaint(
    fresh: Callable[[Path, str], Store], province_template: Path, isfahan_template: Path,
    hq_template: Path, tmp_path: Path,
) -> None:
    tehran, isfahan, hq = (fresh(province_template, "tehran"), fresh(isfahan_template, "isfahan"),
                           fresh(hq_template, "hq"))
    trust(hq, tehran)
    trust(hq, isfahan)
    cid = sr.complaint(tehran)
    import_(hq, export(tehran, tmp_path / "t.itb").path)

    def steal(rows: sr.Rows) -> None:
        rows["complaint"] = [sr.version_of(tehran, "complaint", cid, office_code="isfahan", person_name="ربوده")]
    forged = sr.forge(export(isfahan, tmp_path / "i.itb").path, isfahan, tmp_path / "forged.itb", steal)
    summary = import_(hq, forged)
    assert [r.reason for r in summary.rejections] == ["owner_changed"]
    assert sr.row(hq, "complaint", cid)["person_name"] == "متقاضی آزمون"
    assert sr.row(hq, "complaint", cid)["office_code"] == "tehran"


def test_hq_on_postgresql_searches_and_computes_like_sqlite(
    fresh: Callable[[Path, str], Store], province_template: Path, pg_url: str, tmp_path: Path,
) -> None:
    """HQ's PostgreSQL store: the merged complaints, their search (strpos there, instr on SQLite)
    and the computed figures equal the province's."""
    from integrity_desktop.services.store.opening import init_store

    from .conftest import ADMIN_PASSWORD, PASSPHRASE


    tehran = fresh(province_template, "tehran")
    hq = init_store(pg_url, "hq", ADMIN_PASSWORD, PASSPHRASE)
    try:
        trust(hq, tehran)
        made = _register(tehran, 5, dt.date(2024, 6, 25))
        complaints.answer_complaint(tehran, admin(tehran), made[0], answered_on=dt.date(2024, 7, 30),
                                    outcome="upheld", today=TODAY)
        import_(hq, export(tehran, tmp_path / "t.itb").path)
        query = complaints.ComplaintQuery(text="متقاضی ۳")
        assert complaints.count_complaints(hq, admin(hq), query) == complaints.count_complaints(
            tehran, admin(tehran), query) == 1
        own = computed.compute(tehran, admin(tehran), PERIOD, today=TODAY)
        at_hq = computed.compute(hq, admin(hq), PERIOD, office_code="tehran", today=TODAY)
        assert {c: f.value for c, f in own.items()} == {c: f.value for c, f in at_hq.items()}
    finally:
        hq.dispose()
