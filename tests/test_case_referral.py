"""A finding of an inspection visit referred as a violation case (issue 16 item 8): the
inspector reports it, the case officer works it, and each links to the other, here and at HQ
after a bundle; a refused referral leaves the store exactly as it was."""

from __future__ import annotations

import datetime as _dt
from pathlib import Path

import pytest
from sqlalchemy import func, select

from integrity_desktop.db.models import AuditEntry, Case, CaseEvent, Finding, Visit
from integrity_desktop.db.store import Store
from integrity_desktop.errors import PermissionDenied, UserError
from integrity_desktop.services.cases import register as cases
from integrity_desktop.services.inspections import visits
from integrity_desktop.services.store import offices, records

from .conftest import actor
from .sync_helpers import export, import_

pytest_plugins = ("tests.sync_fixtures",)  # fixtures: tehran_and_hq

TODAY = _dt.date(2024, 9, 1)
NATIONAL_CODE = "0084575948"


def _finding(store: Store) -> tuple[str, str, str]:
    admin = actor("admin", store.office_code)
    unit = offices.list_units(store)[0]
    with store.session() as s:
        visit = records.add(s, store, admin, Visit(kind="adhoc", visit_date=_dt.date(2024, 8, 20), unit_id=unit.id))
        finding = records.add(s, store, admin, Finding(visit_id=visit.id, severity="critical",
                                                       text="دریافت وجه بدون رسید از مراجعان"))
        return str(visit.id), str(finding.id), unit.name_fa


def _counts(store: Store) -> tuple[int, ...]:
    with store.read() as s:
        return tuple(int(s.scalar(select(func.count()).select_from(t)) or 0) for t in (Case, CaseEvent, AuditEntry))


def _refer(store: Store, who: str, finding_id: str, **extra: object) -> cases.CaseSummary:
    fields: dict[str, object] = dict(employee_name="حسن مرادی", national_code=NATIONAL_CODE,
                                     violation_codes=["01"], today=TODAY)
    fields.update(extra)
    return cases.refer_finding(store, actor(who, store.office_code), finding_id, **fields)  # type: ignore[arg-type]


def test_an_inspector_refers_a_finding_and_each_links_to_the_other(store: Store) -> None:
    visit_id, finding_id, unit_name = _finding(store)
    referred = _refer(store, "inspector", finding_id)
    assert referred.state == "reported" and referred.reported_on == TODAY
    detail = visits.get_visit(store, actor("inspector"), visit_id)
    assert detail.findings[0].case_id == referred.id
    assert detail.findings[0].case_number == referred.case_number
    file = cases.get_case_file(store, actor("case_officer"), referred.id)
    assert file.source is not None
    assert (file.source.finding_id, file.source.visit_id, file.source.unit_name) == (finding_id, visit_id, unit_name)
    assert file.summary == "دریافت وجه بدون رسید از مراجعان"  # the finding's text when none is written
    assert file.case.employee_name == "حسن مرادی" and file.case.unit_name == unit_name
    with store.read() as s:
        row = s.get(Case, referred.id)
        assert row is not None and row.source_finding_id == finding_id
        assert row.reporter  # the inspector's name (or login), never empty
        audited = s.scalar(select(func.count()).select_from(AuditEntry).where(
            AuditEntry.entity == "case", AuditEntry.entity_id == referred.id, AuditEntry.action == "create"))
    assert audited == 1


def test_a_refused_referral_changes_nothing(store: Store) -> None:
    visit_id, finding_id, _ = _finding(store)
    before = _counts(store)
    with pytest.raises(PermissionDenied):
        _refer(store, "viewer", finding_id)
    with pytest.raises(UserError) as e:
        _refer(store, "inspector", finding_id, violation_codes=["zz"])
    assert "نوع تخلف" in e.value.fa
    with pytest.raises(UserError) as e:
        _refer(store, "inspector", finding_id, national_code="0084575941")
    with pytest.raises(UserError) as e:
        _refer(store, "inspector", "no-such-finding")
    assert e.value.code == "finding_missing"
    assert _counts(store) == before

    first = _refer(store, "inspector", finding_id)
    after_first = _counts(store)
    with pytest.raises(UserError) as e:
        _refer(store, "case_officer", finding_id)
    assert e.value.code == "finding_referred" and first.case_number_fa.split("/")[0] in e.value.fa
    assert _counts(store) == after_first

    visits.delete_visit(store, actor("inspector"), visit_id)
    _, other, _ = _finding(store)
    visits.delete_visit(store, actor("inspector"), visits.list_visits(store, actor("inspector"))[0].id)
    with pytest.raises(UserError) as e:
        _refer(store, "inspector", other)
    assert e.value.code == "finding_missing"


def test_a_referred_case_travels_with_its_finding_to_hq(tehran_and_hq: tuple[Store, Store], tmp_path: Path) -> None:
    tehran, hq = tehran_and_hq
    visit_id, finding_id, unit_name = _finding(tehran)
    referred = _refer(tehran, "inspector", finding_id)
    import_(hq, export(tehran, tmp_path / "t.itb").path)
    file = cases.get_case_file(hq, actor("admin", "hq"), referred.id)
    assert file.source is not None and file.source.finding_id == finding_id and file.source.unit_name == unit_name
    at_hq = visits.get_visit(hq, actor("admin", "hq"), visit_id)
    assert at_hq.findings[0].case_number == referred.case_number


def test_the_demo_shows_one_referred_case_without_changing_a_figure(store: Store) -> None:
    import random

    from integrity_desktop.permissions import system_actor
    from integrity_desktop.services.demo import cases as demo_cases
    from integrity_desktop.services.demo import inspections as demo_inspections

    admin = system_actor(store.office_code)
    demo_cases.fill(store, admin, random.Random("1403:cases"), 1)
    before = _counts(store)[:2]
    counts = demo_inspections.fill(store, admin, random.Random("1403:inspections"), 1)
    assert counts["referred_findings"] == 1
    with store.read() as s:
        linked = s.scalars(select(Case).where(Case.source_finding_id.is_not(None))).all()
        assert len(linked) == 1
        case = linked[0]
        finding = s.get(Finding, case.source_finding_id)
        assert finding is not None
        visit = s.get(Visit, finding.visit_id)
        assert visit is not None and visit.unit_id == case.unit_id and visit.visit_date <= case.reported_on
    assert _counts(store)[:2] == before  # no case or step added: the demo's figures stay
    assert demo_inspections.fill(store, admin, random.Random("1403:inspections"), 1)["referred_findings"] == 0


def test_the_case_file_pdf_says_where_a_referred_case_came_from(store: Store, tmp_path: Path) -> None:
    import subprocess

    from integrity_desktop.reports.registry import ReportParams, run_report

    _visit_id, finding_id, unit_name = _finding(store)
    referred = _refer(store, "inspector", finding_id)
    out = tmp_path / "case.pdf"
    run_report(store, actor("case_officer"), "case-file", ReportParams(subject=referred.id), out)
    text = subprocess.run(["pdftotext", str(out), "-"], capture_output=True, text=True, check=True).stdout
    from .pdf_text import norm

    flat = norm(text).replace("\u200c", "")
    assert norm("ارجاع از").replace("\u200c", "") in flat and "۱۴۰۳/۰۵/۳۰" in flat  # 2024-08-20
    assert norm(unit_name).replace("\u200c", "") in flat
