"""People, not logins: the audit log, its Excel export and conflict review name the person
(full name and post), the machine's own work has a Persian label, and a person of another
office is shown with that office's name."""

from __future__ import annotations

from pathlib import Path

import openpyxl

from integrity_desktop.db.store import Store
from integrity_desktop.permissions import system_actor
from integrity_desktop.services.accounts import people, users
from integrity_desktop.services.audit import view as audit_view
from integrity_desktop.services.store import offices

from .conftest import actor

ADMIN = actor("admin")


def test_names_for_logins(store: Store) -> None:
    users.create_user(store, ADMIN, "maryam", "مریم احمدی", "inspector", "a-long-pass-phrase-1")
    with store.read() as s:
        names = people.display_names(
            s, ["maryam@tehran", "system@tehran", "ali@isfahan", "ghost@tehran", ""], store.office_code
        )
    assert names["maryam@tehran"] == "مریم احمدی (بازرس)"
    assert names["system@tehran"] == people.SYSTEM_LABEL_FA
    assert names["ali@isfahan"].startswith("ali — ") and "@" not in names["ali@isfahan"]
    assert names["ghost@tehran"] == "ghost — " + offices.office_name(store, "tehran")
    assert "" not in names


def test_an_inspector_s_post_from_the_registry(store: Store) -> None:
    """Issue 16 item 12: the post a person holds, where the inspectors' registry has it."""
    import random

    from integrity_desktop.nationalid import generate_valid_national_code
    from integrity_desktop.services.inspections import inspectors

    users.create_user(store, ADMIN, "maryam", "مریم احمدی", "inspector", "a-long-pass-phrase-1")
    users.create_user(store, ADMIN, "reza", "رضا موسوی", "inspector", "a-long-pass-phrase-1")
    inspectors.create_inspector(store, ADMIN, full_name="مریم احمدی", post="کارشناس حراست",
                                national_code=generate_valid_national_code(random.Random(5)),
                                appointed_on="1402/01/15", letter_no="۱۲")
    with store.read() as s:
        names = people.display_names(s, ["maryam@tehran", "reza@tehran"], store.office_code)
    assert names == {"maryam@tehran": "مریم احمدی (کارشناس حراست)", "reza@tehran": "رضا موسوی (بازرس)"}


def test_audit_log_names_the_person(store: Store, tmp_path: Path) -> None:
    users.create_user(store, ADMIN, "omid", "امید رضایی", "admin", "a-long-pass-phrase-1")
    offices.add_unit(store, actor("admin", username="omid"), "واحد نام")
    offices.add_unit(store, system_actor("tehran"), "واحد سامانه")
    rows = audit_view.list_entries(store, ADMIN, audit_view.AuditFilter(entity="unit"), limit=2)
    assert [r.actor_name for r in rows] == [people.SYSTEM_LABEL_FA, "امید رضایی (مدیر سامانه)"]
    out = tmp_path / "audit.xlsx"
    audit_view.export_excel(store, ADMIN, audit_view.AuditFilter(actor="omid"), out)
    ws = openpyxl.load_workbook(out).worksheets[0]
    row = [c.value for c in ws[4]]
    assert row[3] == "امید رضایی (مدیر سامانه)" and row[-1] == "omid@tehran"
    assert not any("omid@" in str(v) for v in row[:6])  # before/after keep the stored JSON


def test_conflict_review_names_who_made_each_version(hq_store: Store) -> None:
    import datetime as dt

    from integrity_desktop.sync import conflicts

    hq_admin = actor("admin", "hq")
    users.create_user(hq_store, hq_admin, "reza", "رضا نوری", "reviewer", "a-long-pass-phrase-1")
    view = conflicts.ConflictView(
        "c1", "checklist", "r1", "concurrent_edit", "tehran", dt.datetime(2024, 1, 1), "open", "",
        winner={"updated_by": "reza@hq", "approved_by": "reza@hq"},
        loser={"updated_by": "officer@tehran"},
    )
    names = conflicts.id_names(hq_store, hq_admin, view)
    assert names["reza@hq"] == "رضا نوری (کارشناس بازبینی ستاد)"
    assert names["officer@tehran"] == "officer — " + offices.office_name(hq_store, "tehran")


def test_audit_log_is_searched_by_name_too(store: Store) -> None:
    users.create_user(store, ADMIN, "leila", "لیلا مرادی", "admin", "a-long-pass-phrase-1")
    offices.add_unit(store, actor("admin", username="leila"), "واحد جستجو")
    by_name = audit_view.AuditFilter(actor="مرادي", entity="unit")  # Arabic yeh typed
    assert audit_view.count_entries(store, ADMIN, by_name) == 1
    assert [r.actor for r in audit_view.list_entries(store, ADMIN, by_name)] == ["leila@tehran"]
    assert audit_view.count_entries(store, ADMIN, audit_view.AuditFilter(actor="leila", entity="unit")) == 1
