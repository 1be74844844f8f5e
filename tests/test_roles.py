"""Every operation that checks a permission, called with every role, against the one table.

``OPERATIONS`` names each service function that calls ``require`` and how to call it.  For each
role the call either passes the permission check (it may still fail validation afterwards: any
``UserError`` that is not ``PermissionDenied`` counts as "let in") or raises ``PermissionDenied``.
The set of roles let in must equal ``PERMISSIONS[operation]``.  ``test_table_covers_the_code``
scans the source, so a new ``require`` call without a row here fails the suite.
"""

from __future__ import annotations

import ast
import datetime as _dt
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import minisign
import pytest

import integrity_desktop
from integrity_desktop.db.store import Store
from integrity_desktop.errors import PermissionDenied, UserError
from integrity_desktop.permissions import PERMISSIONS, ROLES, Actor
from integrity_desktop.reports import checklist_excel, checklist_pdf, inspection_reports, registry
from integrity_desktop.services.accounts import users
from integrity_desktop.services.audit import log as audit
from integrity_desktop.services.audit import logview
from integrity_desktop.services.audit import view as audit_view
from integrity_desktop.services.cases import register as cases
from integrity_desktop.services.cases import stats as case_stats
from integrity_desktop.services.checklists import excel_import as checklist_import
from integrity_desktop.services.checklists import filled as checklists
from integrity_desktop.services.checklists import scoring, templates
from integrity_desktop.services.figures import achievement, computed
from integrity_desktop.services.inspections import evidence as inspection_evidence
from integrity_desktop.services.inspections import figures as inspection_figures
from integrity_desktop.services.inspections import inspectors, visits
from integrity_desktop.services.inspections import plans as inspection_plans
from integrity_desktop.services.rights import complaints, oversight, surveys
from integrity_desktop.services.rights import excel_import as complaints_import
from integrity_desktop.services.store import backup, evidence, keys, offices
from integrity_desktop.services.store.seed import template_id
from integrity_desktop.sync import conflicts, export, hq_console, merge, trust

from .conftest import PASSPHRASE, actor

TID = template_id("three-year-1398-1400", 1)
PERIOD = "1403-Q2"
NOWHERE = "00000000-0000-0000-0000-000000000000"
_SIGNING: dict[str, minisign.SecretKey] = {}


@dataclass
class Ctx:
    """A fresh store for one operation, with records made on demand by the admin."""

    store: Store
    tmp: Path
    _cache: dict[str, Any] = field(default_factory=dict)

    @property
    def admin(self) -> Actor:
        return actor("admin", self.store.office_code, "setup-admin")

    def once(self, key: str, make: Callable[[], Any]) -> Any:
        if key not in self._cache:
            self._cache[key] = make()
        return self._cache[key]

    def checklist_id(self) -> str:
        return str(self.once("checklist", lambda: checklists.create_checklist(
            self.store, self.admin, TID, None, PERIOD).id))

    def entry_id(self) -> str:
        view = checklists.get_checklist(self.store, self.admin, self.checklist_id())
        return str(view.entries[0].id)

    def case_id(self) -> str:
        return str(self.once("case", lambda: cases.register_case(
            self.store, self.admin, employee_name="رضا نمونه", national_code="0013542419",
            reporter="گزارش مردمی", violation_codes=[_violation_code(self.store)],
            reported_on=_dt.date(2024, 5, 1)).id))

    def txt(self) -> Path:
        path = self.tmp / "note.txt"
        if not path.exists():
            path.write_text("سند نمونه", encoding="utf-8")
        return path

    def fresh_evidence(self, owner: str) -> str:
        """A new attachment each call (detach of a missing one returns without checking)."""
        owner_id = self.case_id() if owner == "case" else self.checklist_id()
        path = self.tmp / f"e-{len(self._cache)}.txt"
        path.write_text(f"سند {path.name}", encoding="utf-8")
        self._cache[path.name] = True
        return evidence.attach(self.store, self.admin, owner, owner_id, path).id

    def signing_key(self) -> minisign.SecretKey:
        pub = keys.public_key_base64(self.store)
        if pub not in _SIGNING:
            _SIGNING[pub] = keys.signing_key(self.store, PASSPHRASE)
        return _SIGNING[pub]


def _violation_code(store: Store) -> str:
    from sqlalchemy import select

    from integrity_desktop.db.models import Lookup

    with store.read() as s:
        code = s.scalar(select(Lookup.code).where(Lookup.kind == "violation_type").limit(1))
    assert code
    return str(code)


Call = Callable[[Ctx, Actor], object]
P = registry.ReportParams(period=PERIOD)


@dataclass(frozen=True)
class Op:
    target: Callable[..., Any]  # the service function (found where it is defined, not re-exported)
    permission: str
    call: Call
    hq: bool = False  # run on the HQ store
    label: str = ""
    covers: str = ""  # a private helper of the same module whose check this call reaches
    also: tuple[str, ...] = ()  # further permissions checked on the way (all are needed)

    @property
    def function(self) -> str:
        """"module.function" relative to integrity_desktop, as the source scan names it."""
        module = self.target.__module__.removeprefix("integrity_desktop.")
        return f"{module}.{self.covers or self.target.__name__}"

    @property
    def id(self) -> str:
        return self.function + (f"[{self.label}]" if self.label else "")


def _create_in(c: Ctx, a: Actor) -> object:
    with c.store.session() as s:
        return checklists.create_in(s, c.store, a, TID, None, "1403-Q3")


def _attach(owner: str) -> Call:
    return lambda c, a: evidence.attach(c.store, a, owner, NOWHERE, c.txt())


def _list_for(owner: str) -> Call:
    return lambda c, a: evidence.list_for(c.store, a, owner, NOWHERE)


def _inspection_report(name: str) -> Call:
    writer = getattr(inspection_reports, name)
    return lambda c, a: writer(c.store, a, P, c.tmp / f"{name}.pdf", "pdf")


OPERATIONS: list[Op] = [
    # the program's log (issue 18: decrypted with the store key)
    Op(logview.log_lines, "audit.view", lambda c, a: logview.log_lines(c.store, a)),
    # users
    Op(users.create_user, "users.manage",
       lambda c, a: users.create_user(c.store, a, "new-user", "کاربر تازه", "viewer", "a-long-password-1")),
    Op(users.list_users, "users.manage", lambda c, a: users.list_users(c.store, a)),
    Op(users.reset_password, "users.manage",
       lambda c, a: users.reset_password(c.store, a, "admin", "another-password-2")),
    # units
    Op(offices.add_unit, "units.manage", lambda c, a: offices.add_unit(c.store, a, "واحد تازه")),
    Op(offices.rename_unit, "units.manage",
       lambda c, a: offices.rename_unit(c.store, a, NOWHERE, "نام تازه")),
    # templates (HQ)
    Op(templates.list_templates, "checklists.view", lambda c, a: templates.list_templates(c.store, a)),
    Op(templates.count_templates, "checklists.view", lambda c, a: templates.count_templates(c.store, a)),
    Op(templates.get_template, "checklists.view", lambda c, a: templates.get_template(c.store, a, TID)),
    Op(templates.create_template, "templates.author",
       lambda c, a: templates.create_template(c.store, a, f"t-{a.role}".replace("_", "-"), "الگوی تازه"),
       hq=True),
    Op(templates.new_version, "templates.author",
       lambda c, a: templates.new_version(c.store, a, TID), hq=True),
    Op(templates.add_section, "templates.author",
       lambda c, a: templates.add_section(c.store, a, TID, 99, "محور تازه"), hq=True),
    Op(templates.add_item, "templates.author",
       lambda c, a: templates.add_item(c.store, a, NOWHERE, "99/1", "شاخص تازه"), hq=True),
    Op(templates.update_item, "templates.author",
       lambda c, a: templates.update_item(c.store, a, NOWHERE, title_fa="شاخص"), hq=True),
    Op(templates.remove_item, "templates.author",
       lambda c, a: templates.remove_item(c.store, a, NOWHERE), hq=True),
    Op(templates.publish, "templates.author", lambda c, a: templates.publish(c.store, a, TID), hq=True),
    # checklists
    Op(checklists.get_checklist, "checklists.view",
       lambda c, a: checklists.get_checklist(c.store, a, c.checklist_id())),
    Op(checklists.get_entry, "checklists.view", lambda c, a: checklists.get_entry(c.store, a, c.entry_id())),
    Op(checklists.list_checklists, "checklists.view", lambda c, a: checklists.list_checklists(c.store, a)),
    Op(checklists.offices_with_checklists, "checklists.view",
       lambda c, a: checklists.offices_with_checklists(c.store, a)),
    Op(visits.offices_with_visits, "inspections.view", lambda c, a: visits.offices_with_visits(c.store, a)),
    Op(cases.offices_with_cases, "cases.view_counts", lambda c, a: cases.offices_with_cases(c.store, a)),
    Op(cases.refer_finding, "cases.refer",
       lambda c, a: cases.refer_finding(c.store, a, NOWHERE, employee_name="رضا", national_code="0084575948",
                                        violation_codes=["01"])),
    Op(checklists.count_checklists, "checklists.view",
       lambda c, a: checklists.count_checklists(c.store, a)),
    Op(checklists.create_in, "checklists.edit", _create_in),
    Op(checklists.create_checklist, "checklists.edit",
       lambda c, a: checklists.create_checklist(c.store, a, TID, None, "1403-Q4")),
    Op(checklists.save_entry, "checklists.edit",
       lambda c, a: checklists.save_entry(c.store, a, c.entry_id(), note="یادداشت")),
    Op(checklists.submit, "checklists.edit", lambda c, a: checklists.submit(c.store, a, c.checklist_id())),
    Op(checklists.approve, "checklists.approve",
       lambda c, a: checklists.approve(c.store, a, c.checklist_id())),
    Op(checklists.reopen, "checklists.approve", lambda c, a: checklists.reopen(c.store, a, c.checklist_id())),
    Op(checklists.delete_checklist, "checklists.edit",
       lambda c, a: checklists.delete_checklist(c.store, a, c.checklist_id())),
    Op(computed.compute, "checklists.view", lambda c, a: computed.compute(c.store, a, PERIOD)),
    Op(achievement.office_figures, "checklists.view",
       lambda c, a: achievement.office_figures(c.store, a, PERIOD)),
    Op(scoring.open_indicator_list, "checklists.view",
       lambda c, a: scoring.open_indicator_list(c.store, a, PERIOD)),
    Op(scoring.programmes_together, "checklists.view",
       lambda c, a: scoring.programmes_together(c.store, a, PERIOD)),
    Op(computed.records_behind, "checklists.view",
       lambda c, a: computed.records_behind(c.store, a, PERIOD, "22/1")),
    Op(scoring.checklist_axes, "checklists.view",
       lambda c, a: scoring.checklist_axes(c.store, a, c.checklist_id())),
    Op(scoring.dashboard_axes, "checklists.view", lambda c, a: scoring.dashboard_axes(c.store, a, PERIOD)),
    Op(scoring.trend, "checklists.view", lambda c, a: scoring.trend(c.store, a, 1403)),
    Op(scoring.open_indicators, "checklists.view",
       lambda c, a: scoring.open_indicators(c.store, a, PERIOD)),
    Op(scoring.count_open_indicators, "checklists.view",
       lambda c, a: scoring.count_open_indicators(c.store, a, PERIOD)),
    Op(checklist_excel.export_workbook, "checklists.view",
       lambda c, a: checklist_excel.export_workbook(c.store, a, c.tmp / "c.xlsx", period_code=PERIOD)),
    Op(checklist_import.import_workbook, "checklists.edit",
       lambda c, a: checklist_import.import_workbook(c.store, a, c.tmp / "missing.xlsx")),
    Op(checklist_pdf.blank_form, "checklists.view",
       lambda c, a: checklist_pdf.blank_form(c.store, a, TID, c.tmp / "b.pdf")),
    Op(checklist_pdf.filled, "checklists.view",
       lambda c, a: checklist_pdf.filled(c.store, a, c.checklist_id(), c.tmp / "f.pdf")),
    # evidence: the permission follows the owner record
    Op(evidence.set_max_mb, "evidence.settings", lambda c, a: evidence.set_max_mb(c.store, a, 30)),
    *[
        Op(evidence.attach, perm,
           _attach(owner), label=owner)
        for owner, perm in evidence.OWNER_PERMISSIONS.items()
    ],
    *[
        Op(evidence.attach_all, perm,
           lambda c, a, owner=owner: evidence.attach_all(c.store, a, owner, NOWHERE, [c.txt()],
                                                         lambda *_: None), label=owner)
        for owner, perm in evidence.OWNER_PERMISSIONS.items()
    ],
    *[
        Op(evidence.list_for, view,
           _list_for(owner), label=owner)
        for owner, view in (("checklist", "checklists.view"), ("visit", "inspections.view"),
                            ("case", "cases.view_personal"))
    ],
    Op(evidence.detach, "checklists.edit",
       lambda c, a: evidence.detach(c.store, a, c.fresh_evidence("checklist")), label="checklist"),
    Op(evidence.detach, "cases.edit",
       lambda c, a: evidence.detach(c.store, a, c.fresh_evidence("case")), label="case"),
    Op(inspection_evidence.list_attached, "inspections.view",
       lambda c, a: inspection_evidence.list_attached(c.store, a, "visit", NOWHERE)),
    Op(inspection_evidence.counts, "inspections.view",
       lambda c, a: inspection_evidence.counts(c.store, a, "visit", [NOWHERE])),
    # inspections
    Op(inspectors.create_inspector, "inspections.edit",
       lambda c, a: inspectors.create_inspector(
           c.store, a, full_name="بازرس نمونه", national_code="0013542419",
           appointed_on=_dt.date(2024, 4, 1), letter_no="۱۲۳")),
    Op(inspectors.update_inspector, "inspections.edit",
       lambda c, a: inspectors.update_inspector(c.store, a, NOWHERE, post="کارشناس")),
    Op(inspectors.get_inspector, "inspections.view",
       lambda c, a: inspectors.get_inspector(c.store, a, NOWHERE)),
    Op(inspectors.find_by_national_code, "inspections.view",
       lambda c, a: inspectors.find_by_national_code(c.store, a, "0084575948")),
    Op(inspectors.list_inspectors, "inspections.view", lambda c, a: inspectors.list_inspectors(c.store, a)),
    Op(inspectors.signed_in_inspector, "inspections.view",
       lambda c, a: inspectors.signed_in_inspector(c.store, a)),
    Op(inspectors.count_inspectors, "inspections.view",
       lambda c, a: inspectors.count_inspectors(c.store, a)),
    Op(inspection_plans.create_plan, "inspections.edit",
       lambda c, a: inspection_plans.create_plan(c.store, a, PERIOD)),
    Op(inspection_plans.add_plan_item, "inspections.edit",
       lambda c, a: inspection_plans.add_plan_item(c.store, a, NOWHERE, inspection_plans.PlanItemInput(
           NOWHERE, _dt.date(2024, 7, 1), ()))),
    Op(inspection_plans.update_plan_item, "inspections.edit",
       lambda c, a: inspection_plans.update_plan_item(c.store, a, NOWHERE, inspection_plans.PlanItemInput(
           NOWHERE, _dt.date(2024, 7, 1), ()))),
    Op(inspection_plans.remove_plan_item, "inspections.edit",
       lambda c, a: inspection_plans.remove_plan_item(c.store, a, NOWHERE)),
    Op(inspection_plans.get_plan, "inspections.view",
       lambda c, a: inspection_plans.get_plan(c.store, a, NOWHERE)),
    Op(inspection_plans.plan_for_period, "inspections.view",
       lambda c, a: inspection_plans.plan_for_period(c.store, a, PERIOD)),
    Op(inspection_plans.list_plans, "inspections.view",
       lambda c, a: inspection_plans.list_plans(c.store, a)),
    Op(inspection_plans.count_plans, "inspections.view",
       lambda c, a: inspection_plans.count_plans(c.store, a)),
    Op(inspection_plans.list_plan_items, "inspections.view",
       lambda c, a: inspection_plans.list_plan_items(c.store, a, inspection_plans.PlanItemQuery(period_code=PERIOD))),
    Op(inspection_plans.count_plan_items, "inspections.view",
       lambda c, a: inspection_plans.count_plan_items(c.store, a, inspection_plans.PlanItemQuery(period_code=PERIOD))),
    Op(inspection_plans.unvisited_plan_items, "inspections.view",
       lambda c, a: inspection_plans.unvisited_plan_items(c.store, a)),
    Op(inspection_plans.timeline, "inspections.view",
       lambda c, a: inspection_plans.timeline(c.store, a, PERIOD)),
    Op(inspection_figures.compute_figures, "inspections.view",
       lambda c, a: inspection_figures.compute_figures(c.store, a, PERIOD)),
    Op(inspection_figures.realisation_rate, "inspections.view",
       lambda c, a: inspection_figures.realisation_rate(c.store, a, PERIOD)),
    Op(visits.log_visit, "inspections.edit",
       lambda c, a: visits.log_visit(c.store, a, kind="planned", visit_date=_dt.date(2024, 7, 1))),
    Op(visits.update_visit, "inspections.edit",
       lambda c, a: visits.update_visit(c.store, a, NOWHERE, summary="خلاصه")),
    Op(visits.add_finding, "inspections.edit",
       lambda c, a: visits.add_finding(c.store, a, NOWHERE, visits.FindingInput("low", "یافته"))),
    Op(visits.add_action, "inspections.edit",
       lambda c, a: visits.add_action(
           c.store, a, NOWHERE, visits.ActionInput(NOWHERE, "اقدام", "1403/05/01"))),
    Op(visits.close_action, "inspections.edit",
       lambda c, a: visits.close_action(c.store, a, NOWHERE)),
    Op(visits.reopen_action, "inspections.edit", lambda c, a: visits.reopen_action(c.store, a, NOWHERE)),
    Op(visits.update_finding, "inspections.edit",
       lambda c, a: visits.update_finding(c.store, a, NOWHERE, severity="low", text="یافته")),
    Op(visits.update_action, "inspections.edit",
       lambda c, a: visits.update_action(c.store, a, NOWHERE, visits.ActionInput(NOWHERE, "اقدام", "1403/05/01"))),
    Op(visits.delete_visit, "inspections.edit", lambda c, a: visits.delete_visit(c.store, a, NOWHERE)),
    Op(visits.get_visit, "inspections.view", lambda c, a: visits.get_visit(c.store, a, NOWHERE)),
    Op(visits.list_visits, "inspections.view", lambda c, a: visits.list_visits(c.store, a)),
    Op(visits.count_visits, "inspections.view", lambda c, a: visits.count_visits(c.store, a)),
    Op(visits.follow_up, "inspections.view", lambda c, a: visits.follow_up(c.store, a)),
    Op(visits.count_follow_up, "inspections.view", lambda c, a: visits.count_follow_up(c.store, a)),
    *[
        Op(getattr(inspection_reports, name), "inspections.view",
           _inspection_report(name))
        for name in ("write_inspector_monthly", "write_semiannual", "write_realisation", "write_evaluation")
    ],
    # cases
    Op(cases.register_case, "cases.edit",
       lambda c, a: cases.register_case(
           c.store, a, employee_name="مینا آزمون", national_code="0013542419", reporter="بازرسی",
           violation_codes=[_violation_code(c.store)], reported_on=_dt.date(2024, 5, 2))),
    Op(cases.add_event, "cases.edit",
       lambda c, a: cases.add_event(c.store, a, c.case_id(), "board", event_date=_dt.date(2024, 5, 3))),
    Op(cases.correct_event, "cases.edit",
       lambda c, a: cases.correct_event(c.store, a, NOWHERE, note="اصلاح")),
    Op(cases.withdraw_event, "cases.edit",
       lambda c, a: cases.withdraw_event(c.store, a, NOWHERE, reason="اشتباه")),
    Op(cases.attach_document, "cases.edit",
       lambda c, a: cases.attach_document(c.store, a, c.case_id(), c.txt())),
    Op(cases.set_deadlines, "cases.configure", lambda c, a: cases.set_deadlines(c.store, a, {})),
    Op(cases.list_cases, "cases.view_personal",
       lambda c, a: cases.list_cases(c.store, a, cases.CaseQuery(name="رضا")), label="name search",
       covers="_conditions"),
    Op(cases.count_cases, "cases.view_counts", lambda c, a: cases.count_cases(c.store, a)),
    Op(cases.list_cases, "cases.view_counts", lambda c, a: cases.list_cases(c.store, a)),
    Op(cases.iter_cases, "cases.view_counts", lambda c, a: list(cases.iter_cases(c.store, a))),
    Op(cases.get_case_file, "cases.view_counts",
       lambda c, a: cases.get_case_file(c.store, a, c.case_id())),
    # people's rights registers (issue 20)
    Op(complaints.register_complaint, "complaints.edit", lambda c, a: complaints.register_complaint(
        c.store, a, complaints.ComplaintInput(received_on=_dt.date(2024, 5, 2), channel="samad", category="fees"))),
    Op(complaints.update_complaint, "complaints.edit",
       lambda c, a: complaints.update_complaint(c.store, a, NOWHERE, subject="x")),
    Op(complaints.answer_complaint, "complaints.edit", lambda c, a: complaints.answer_complaint(
        c.store, a, NOWHERE, answered_on=_dt.date(2024, 5, 3), outcome="upheld")),
    Op(complaints.delete_complaint, "complaints.edit", lambda c, a: complaints.delete_complaint(c.store, a, NOWHERE)),
    Op(complaints.set_answer_days, "complaints.configure", lambda c, a: complaints.set_answer_days(c.store, a, 20)),
    Op(complaints.count_complaints, "complaints.view", lambda c, a: complaints.count_complaints(c.store, a)),
    Op(complaints.list_complaints, "complaints.view", lambda c, a: complaints.list_complaints(c.store, a)),
    Op(complaints.iter_complaints, "complaints.view", lambda c, a: list(complaints.iter_complaints(c.store, a))),
    Op(complaints.get_complaint, "complaints.view", lambda c, a: complaints.get_complaint(c.store, a, NOWHERE)),
    Op(complaints.get_person, "complaints.view_personal", lambda c, a: complaints.get_person(c.store, a, NOWHERE)),
    Op(complaints_import.import_complaints, "complaints.edit",
       lambda c, a: complaints_import.import_complaints(c.store, a, c.tmp / "missing.xlsx")),
    Op(surveys.add_survey, "surveys.edit", lambda c, a: surveys.add_survey(
        c.store, a, surveys.SurveyInput("1403-Q1", _dt.date(2024, 5, 2), "phone", 10, 80))),
    Op(surveys.update_survey, "surveys.edit", lambda c, a: surveys.update_survey(c.store, a, NOWHERE, sample_size=3)),
    Op(surveys.delete_survey, "surveys.edit", lambda c, a: surveys.delete_survey(c.store, a, NOWHERE)),
    Op(surveys.list_surveys, "complaints.view", lambda c, a: surveys.list_surveys(c.store, a)),
    Op(oversight.add_letter, "oversight.edit", lambda c, a: oversight.add_letter(
        c.store, a, oversight.LetterInput("gio", "1", _dt.date(2024, 5, 2)))),
    Op(oversight.update_letter, "oversight.edit", lambda c, a: oversight.update_letter(c.store, a, NOWHERE, subject="x")),
    Op(oversight.answer_letter, "oversight.edit", lambda c, a: oversight.answer_letter(
        c.store, a, NOWHERE, out_number="1", out_date=_dt.date(2024, 5, 3))),
    Op(oversight.delete_letter, "oversight.edit", lambda c, a: oversight.delete_letter(c.store, a, NOWHERE)),
    Op(oversight.list_letters, "complaints.view", lambda c, a: oversight.list_letters(c.store, a)),
    Op(case_stats.compute, "cases.view_counts", lambda c, a: case_stats.compute(c.store, a, PERIOD)),
    Op(case_stats.open_cases_by_state_and_age, "cases.view_counts",
       lambda c, a: case_stats.open_cases_by_state_and_age(c.store, a)),
    # reports
    Op(registry.run_report, "reports.run",
       lambda c, a: registry.run_report(c.store, a, "no-such-report", P, c.tmp / "r.pdf")),
    # sync
    Op(export.export_bundle, "sync.export",
       lambda c, a: export.export_bundle(c.store, a, c.tmp / f"{a.role}.idb", c.signing_key())),
    Op(merge.import_bundle, "sync.import",
       lambda c, a: merge.import_bundle(c.store, a, c.tmp / "missing.idb", lambda: [])),
    Op(merge.list_imports, "sync.import", lambda c, a: merge.list_imports(c.store, a)),
    Op(merge.count_imports, "sync.import", lambda c, a: merge.count_imports(c.store, a)),
    Op(trust.add_key, "sync.trust", lambda c, a: trust.add_key(c.store, a, "isfahan", "not a key")),
    Op(trust.list_keys, "sync.trust", lambda c, a: trust.list_keys(c.store, a)),
    Op(trust.revoke, "sync.trust", lambda c, a: trust.revoke(c.store, a, "isfahan")),
    Op(conflicts.list_conflicts, "conflicts.resolve", lambda c, a: conflicts.list_conflicts(c.store, a)),
    Op(conflicts.count_conflicts, "conflicts.resolve", lambda c, a: conflicts.count_conflicts(c.store, a)),
    Op(conflicts.resolve_conflict, "conflicts.resolve",
       lambda c, a: conflicts.resolve_conflict(c.store, a, NOWHERE, "mine")),
    Op(hq_console.count_provinces, "reports.run",
       lambda c, a: hq_console.count_provinces(c.store, a), hq=True),
    Op(hq_console.province_statuses, "reports.run",
       lambda c, a: hq_console.province_statuses(c.store, a), hq=True),
    Op(hq_console.completion_by_axis, "reports.run",
       lambda c, a: hq_console.completion_by_axis(c.store, a, PERIOD), hq=True),
    Op(hq_console.indicators_by_province, "reports.run",
       lambda c, a: hq_console.indicators_by_province(c.store, a, PERIOD), hq=True),
    Op(achievement.figures_by_office, "reports.run",
       lambda c, a: achievement.figures_by_office(c.store, a, PERIOD, ["tehran"]), hq=True),
    # audit
    Op(audit_view.list_entries, "audit.view",
       lambda c, a: audit_view.list_entries(c.store, a, audit_view.AuditFilter())),
    Op(audit_view.count_entries, "audit.view",
       lambda c, a: audit_view.count_entries(c.store, a, audit_view.AuditFilter())),
    Op(audit_view.choices, "audit.view", lambda c, a: audit_view.choices(c.store, a)),
    Op(audit_view.export_excel, "audit.view",
       lambda c, a: audit_view.export_excel(c.store, a, audit_view.AuditFilter(), c.tmp / "audit.xlsx")),
    Op(audit.verify_chain, "audit.view", lambda c, a: audit.verify_chain(c.store, a)),
    Op(audit.verify_for, "audit.view", lambda c, a: audit.verify_for(c.store, a)),
    Op(audit.seal, "audit.view", lambda c, a: audit.seal(c.store, a, c.signing_key(), "manual")),
    # backups (issue 13)
    Op(backup.write_backup, "backup.manage",
       lambda c, a: backup.write_backup(c.store, c.tmp / f"{a.role}.backup", actor=a)),
    Op(backup.backup_to, "backup.manage",
       lambda c, a: backup.backup_to(c.store, c.tmp / f"{a.role}-2.backup", actor=a)),
    Op(backup.restore_backup, "backup.manage",
       lambda c, a: backup.restore_backup(Path(c.store.location), c.tmp / "missing.backup",
                                          actor_of=lambda _store: a)),
    Op(backup.restore, "backup.manage",
       lambda c, a: backup.restore(Path(c.store.location), c.tmp / "missing.backup",
                                   actor_of=lambda _store: a)),
]

# issue 21: the committee and training registers
from integrity_desktop.services.committee import register as committee  # noqa: E402
from integrity_desktop.services.committee import training  # noqa: E402

_D = _dt.date(2024, 5, 1)
OPERATIONS += [
    Op(committee.save_member, "committee.edit",
       lambda c, a: committee.save_member(c.store, a, committee.MemberInput("عضو", _D))),
    Op(committee.list_members, "committee.view", lambda c, a: committee.list_members(c.store, a)),
    Op(committee.save_meeting, "committee.edit",
       lambda c, a: committee.save_meeting(c.store, a, committee.MeetingInput(planned_date=_D))),
    Op(committee.list_meetings, "committee.view", lambda c, a: committee.list_meetings(c.store, a, 1403)),
    Op(committee.get_meeting, "committee.view", lambda c, a: committee.get_meeting(c.store, a, NOWHERE)),
    Op(committee.save_resolution, "committee.edit",
       lambda c, a: committee.save_resolution(c.store, a, committee.ResolutionInput(NOWHERE, "متن", _D))),
    Op(committee.follow_up, "committee.edit",
       lambda c, a: committee.follow_up(c.store, a, NOWHERE, note="پیگیری")),
    Op(committee.list_resolutions, "committee.view", lambda c, a: committee.list_resolutions(c.store, a)),
    Op(committee.remove, "committee.edit",
       lambda c, a: committee.remove(c.store, a, "committee_meeting", NOWHERE)),
    Op(training.save_course, "training.edit",
       lambda c, a: training.save_course(c.store, a, training.CourseInput("دوره", "12/1", _D, _D, 8, 10))),
    Op(training.list_courses, "training.view", lambda c, a: training.list_courses(c.store, a)),
    Op(training.remove_course, "training.edit", lambda c, a: training.remove_course(c.store, a, NOWHERE)),
    Op(evidence.attach, "committee.edit", _attach("committee_meeting"), label="committee_meeting"),
    Op(evidence.list_for, "committee.view", _list_for("committee_meeting"), label="committee_meeting"),
    Op(evidence.attach, "training.edit", _attach("training_course"), label="training_course"),
    Op(evidence.list_for, "training.view", _list_for("training_course"), label="training_course"),
]


def _checking_functions() -> dict[str, set[str]]:
    """Every function outside ``ui`` that calls ``require``, itself or through a function of its
    own module, with the permissions named (``?`` when computed), keyed "module.function"."""
    root = Path(integrity_desktop.__file__).parent
    found: dict[str, set[str]] = {}
    for path in sorted(root.rglob("*.py")):
        rel = path.relative_to(root)
        if rel.parts[0] == "ui" or rel.name == "permissions.py":
            continue
        module = ".".join(rel.with_suffix("").parts)
        direct: dict[str, set[str]] = {}
        calls: dict[str, set[str]] = {}
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.FunctionDef):
                continue
            for call in ast.walk(node):
                if not (isinstance(call, ast.Call) and isinstance(call.func, ast.Name)):
                    continue
                if call.func.id == "require":
                    arg = call.args[1]
                    name = arg.value if isinstance(arg, ast.Constant) else "?"
                    direct.setdefault(node.name, set()).add(str(name))
                else:
                    calls.setdefault(node.name, set()).add(call.func.id)
        changed = True
        while changed:  # reach through helpers such as _require_hq or create_in
            changed = False
            for fn, callees in calls.items():
                for callee in callees & set(direct):
                    if not direct[callee] <= direct.get(fn, set()):
                        direct.setdefault(fn, set()).update(direct[callee])
                        changed = True
        found.update({f"{module}.{fn}": ops for fn, ops in direct.items()})
    return found


def test_table_covers_the_code() -> None:
    found = _checking_functions()
    assert len(found) > 90  # the scan really sees the services
    covered = {op.function for op in OPERATIONS}
    # A private helper is covered when it is reached through a public function with a row.
    missing = {f for f in found if f not in covered and not f.rsplit(".", 1)[1].startswith("_")}
    missing |= {f for f in found if f.endswith("._conditions") and f not in covered}
    assert not missing, f"operations that check a permission but have no row in OPERATIONS: {sorted(missing)}"
    stale = covered - set(found)
    assert not stale, f"rows for functions that no longer check a permission: {sorted(stale)}"
    for op in OPERATIONS:
        named = found[op.function]
        assert op.permission in named or "?" in named, (op.id, named)
        assert op.permission in PERMISSIONS and set(op.also) <= set(PERMISSIONS)


def test_every_permission_is_checked_somewhere() -> None:
    """A row in PERMISSIONS that no service checks protects nothing; list the known ones."""
    tested = {op.permission for op in OPERATIONS}
    unchecked = set(PERMISSIONS) - tested
    # lookups.manage guards nothing a service takes an actor for yet.  backup.manage is checked
    # since the command line signs people in (issue 13: `backup`, `restore`).
    assert unchecked == {"lookups.manage"}


def _outcome(op: Op, ctx: Ctx, who: Actor) -> str:
    try:
        op.call(ctx, who)
    except PermissionDenied:
        return "denied"
    except UserError:
        return "let in (refused later)"
    return "let in"


@pytest.mark.parametrize("op", OPERATIONS, ids=lambda op: op.id)
def test_roles_let_in_match_the_table(
    op: Op, make_store: Callable[..., Store], province_template: Path, hq_template: Path, tmp_path: Path
) -> None:
    store = make_store(hq_template if op.hq else province_template, "op")
    ctx = Ctx(store, tmp_path)
    outcomes = {role: _outcome(op, ctx, actor(role, store.office_code)) for role in ROLES}
    let_in = {role for role, how in outcomes.items() if how != "denied"}
    expected = set(PERMISSIONS[op.permission]).intersection(*(PERMISSIONS[p] for p in op.also))
    assert let_in == expected, outcomes

# issue 17: the national figures at HQ
from integrity_desktop.services.figures import national  # noqa: E402

OPERATIONS += [
    Op(national.picture, "reports.run", lambda c, a: national.picture(c.store, a, PERIOD), hq=True),
    Op(national.indicator_across, "reports.run",
       lambda c, a: national.indicator_across(c.store, a, PERIOD, "6/1"), hq=True),
    Op(national.completion_trend, "reports.run",
       lambda c, a: national.completion_trend(c.store, a, [PERIOD]), hq=True),
    Op(national.last_imports, "reports.run", lambda c, a: national.last_imports(c.store, a), hq=True),
]

# issue 23: a folder of bundles; issue 16b: the names a conflict's versions point to
from datetime import datetime as _datetime  # noqa: E402

from integrity_desktop.sync import batch  # noqa: E402

_EMPTY_CONFLICT = conflicts.ConflictView("x", "unit", "x", "concurrent", "tehran", _datetime(2024, 5, 1),
                                         "open", "", {}, {})
OPERATIONS += [
    Op(batch.import_all, "sync.import",
       lambda c, a: batch.import_all(c.store, a, [c.tmp / "missing.idb"], lambda: [])),
    Op(conflicts.id_names, "conflicts.resolve",
       lambda c, a: conflicts.id_names(c.store, a, _EMPTY_CONFLICT)),
]
