"""The smaller findings of issue 13 (finding 9): inspectors' national codes hidden from
viewers, the same argon2 work for unknown names, direction overrides and control characters
kept out of stored text, a length limit on searches, owner-only files, and a warning when the
PC's clock is behind the store.
"""

from __future__ import annotations

import os
import stat
import time
from pathlib import Path

import pytest
from argon2.exceptions import VerificationError
from sqlalchemy import select

from integrity_desktop.db import cipher
from integrity_desktop.db.models import Case, Unit
from integrity_desktop.db.store import Store, open_store
from integrity_desktop.errors import UserError
from integrity_desktop.services.accounts import users
from integrity_desktop.services.audit import view as audit_view
from integrity_desktop.services.cases import register as cases
from integrity_desktop.services.checklists import filled as checklists
from integrity_desktop.services.inspections import inspectors
from integrity_desktop.services.store import evidence, offices

from .cli_helpers import run_cli
from .conftest import ADMIN_PASSWORD, PASSPHRASE, actor

CODE = "0084575948"
OFFICER = actor("case_officer")


@pytest.fixture
def inspector_id(store: Store) -> str:
    return inspectors.create_inspector(
        store, actor("admin"), full_name="مریم احمدی", national_code=CODE,
        appointed_on="1403/01/15", letter_no="۱۲۳/ب").id


@pytest.mark.parametrize("role, sees", [("admin", True), ("inspector", True), ("viewer", False),
                                        ("reviewer", False), ("case_officer", False)])
def test_only_those_who_keep_the_registry_see_inspectors_national_codes(
    store: Store, inspector_id: str, role: str, sees: bool
) -> None:
    who = actor(role)
    shown = inspectors.get_inspector(store, who, inspector_id).national_code
    listed = inspectors.list_inspectors(store, who)[0].national_code
    assert (shown == CODE) is sees and (listed == CODE) is sees
    if not sees:
        assert shown == listed == "محرمانه"
    # Nor can a code be found out by searching for it.
    assert inspectors.count_inspectors(store, who, inspectors.InspectorQuery(text=CODE)) == (1 if sees else 0)
    assert inspectors.count_inspectors(store, who, inspectors.InspectorQuery(text="احمدی")) == 1


@pytest.mark.gui
def test_the_inspectors_tab_of_a_viewer_shows_no_national_code(qtbot: object, store: Store,
                                                              inspector_id: str) -> None:
    from integrity_desktop.ui.context import UiContext
    from integrity_desktop.ui.screens.inspections.inspectors import InspectorsTab

    tab = InspectorsTab(UiContext(store, actor("viewer")), editable=False)
    qtbot.addWidget(tab)  # type: ignore[attr-defined]
    tab.reload()
    model = tab.inspectors_model
    row = [model.data(model.index(0, c)) for c in range(model.columnCount())]
    assert "محرمانه" in row and not any(CODE in str(v) or "۰۰۸۴۵۷۵۹۴۸" in str(v) for v in row)


def test_an_unknown_name_costs_the_same_argon2_work(store: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    from argon2 import PasswordHasher

    calls: list[str] = []

    class Counting(PasswordHasher):
        def verify(self, hash: str | bytes, password: str | bytes) -> bool:
            calls.append(str(hash)[:9])
            return super().verify(hash, password)

    monkeypatch.setattr(users, "_hasher", Counting())
    for name in ("nobody", "admin"):
        with pytest.raises(UserError) as err:
            users.authenticate(store, name, "not the password 1")
        assert err.value.code == "bad_login"
    assert len(calls) == 2 and all(c.startswith("$argon2") for c in calls)


def test_the_unknown_name_hash_has_the_hashers_parameters() -> None:
    # Made once, not at import: its argon2 parameters must be the ones real accounts get, or
    # a refusal of an unknown name would take a different time than a wrong password.
    assert not users._hasher.check_needs_rehash(users._DUMMY_HASH)
    with pytest.raises(VerificationError):
        users._hasher.verify(users._DUMMY_HASH, "not the password 1")


def test_direction_overrides_and_control_characters_are_not_stored(store: Store) -> None:
    name = "علی\u202eرضایی\x00 ‌زاده\u2066"
    c = cases.register_case(store, OFFICER, employee_name=name, national_code=CODE,
                            reporter="بازرس\x07", violation_codes=["10"], reported_on="1403/02/10",
                            summary="سطر یک\r\nسطر دو\tستون")
    with store.read() as s:
        row = s.get(Case, c.id)
    assert row is not None
    assert row.employee_name == "علیرضایی ‌زاده"  # ZWNJ kept
    assert row.reporter == "بازرس" and row.summary == "سطر یک\nسطر دو\tستون"
    unit = offices.add_unit(store, actor("admin"), "واحد\u202dدیگر")
    offices.rename_unit(store, actor("admin"), unit.id, "واحد\u202eتازه\x1b")  # records.update
    with store.read() as s:
        names = set(s.scalars(select(Unit.name_fa)))
    assert not any(ch in n for n in names for ch in "\u202a\u202b\u202c\u202d\u202e\x00\x1b")


def test_a_very_long_search_is_a_persian_message(store: Store) -> None:
    query = "ب" * 30_000
    attempts = [
        lambda: cases.list_cases(store, OFFICER, cases.CaseQuery(name=query)),
        lambda: checklists.list_checklists(store, actor("admin"), search=query),
        lambda: inspectors.list_inspectors(store, actor("admin"), inspectors.InspectorQuery(text=query)),
        lambda: audit_view.list_entries(store, actor("admin"), audit_view.AuditFilter(actor=query)),
    ]
    for attempt in attempts:
        with pytest.raises(UserError) as err:
            attempt()
        assert err.value.code == "search_too_long" and "جست‌وجو" in err.value.fa
    assert cases.list_cases(store, OFFICER, cases.CaseQuery(name="ب" * 200)) == []


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


@pytest.fixture(autouse=True)
def office_umask() -> object:
    """What the office PC's shell gives (files 0644 unless the program says otherwise)."""
    old = os.umask(0o022)
    yield
    os.umask(old)


def test_what_the_command_line_writes_is_for_its_owner_only(tmp_path: Path) -> None:
    db = tmp_path / "new" / "store.sqlite"
    made = run_cli("init", "--db", str(db), "--office", "tehran", user=None, password=None,
                   INTEGRITY_ADMIN_PASSWORD=ADMIN_PASSWORD, INTEGRITY_PASSPHRASE=PASSPHRASE)
    assert made.returncode == 0, made.stderr
    assert _mode(db) == 0o600 and _mode(db.parent) == 0o700
    for argv, out in ((["backup"], tmp_path / "b.backup"), (["export-bundle"], tmp_path / "b.itb"),
                      (["export-excel"], tmp_path / "c.xlsx")):
        done = run_cli(*argv, "--db", str(db), "--out", str(out), INTEGRITY_PASSPHRASE=PASSPHRASE)
        if argv == ["export-excel"] and done.returncode == 2:
            continue  # no checklists yet: nothing to export
        assert done.returncode == 0, done.stderr
        assert _mode(out) == 0o600, (argv, oct(_mode(out)))


def test_the_services_write_the_store_bundles_and_evidence_owner_only(
    tmp_path: Path, store: Store
) -> None:
    from integrity_desktop.services.store.opening import init_store

    from .sync_helpers import export

    fresh = init_store(str(tmp_path / "s" / "store.sqlite"), "tehran", ADMIN_PASSWORD, PASSPHRASE)
    fresh.dispose()
    assert _mode(tmp_path / "s" / "store.sqlite") == 0o600
    assert _mode(export(store, tmp_path / "b.itb").path) == 0o600
    c = cases.register_case(store, OFFICER, employee_name="مهدی یزدانی", national_code=CODE,
                            reporter="بازرس", violation_codes=["10"], reported_on="1403/02/10")
    letter = tmp_path / "letter.txt"
    letter.write_text("متن نامه")
    info = evidence.attach(store, OFFICER, "case", c.id, letter)
    assert _mode(evidence.blob_path(store, info.sha256)) == 0o600
    assert _mode(store.files_dir) == 0o700 and _mode(store.files_dir / "evidence") == 0o700


def _stamp_ahead(store: Store, days: int) -> None:
    ahead = int((time.time() + days * 86_400) * 1000)
    store.dispose()
    con = cipher.connect(store.location)
    con.execute("UPDATE units SET hlc = ? WHERE id = (SELECT id FROM units LIMIT 1)",
                (f"{ahead:013d}-0000-remote",))
    con.commit()
    con.close()


def test_a_clock_behind_the_store_is_warned_about(store: Store, qtbot: object) -> None:
    from integrity_desktop.services.store.opening import clock_warning

    assert clock_warning(store) is None
    _stamp_ahead(store, 2)  # a stamp two days ahead: this PC's clock was set back
    reopened = open_store(store.location)
    try:
        warning = clock_warning(reopened)
        assert warning is not None and "ساعت این رایانه" in warning.fa and "۴۸ ساعت" in warning.fa
        from integrity_desktop.ui.context import UiContext
        from integrity_desktop.ui.main_window import MainWindow

        window = MainWindow(UiContext(reopened, actor("admin")))
        qtbot.addWidget(window)  # type: ignore[attr-defined]
        assert not window.clock_warning.isHidden() and "ساعت" in window.clock_warning.text()
    finally:
        reopened.dispose()
    out = run_cli("templates", "--db", store.location)
    assert out.returncode == 0 and "ساعت این رایانه" in out.stderr
