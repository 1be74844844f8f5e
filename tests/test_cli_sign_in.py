"""The command line signs people in (issue 13, finding 1).

Before: ``report case-file`` (names, national codes), ``backup`` and ``restore`` ran for anyone,
with no credentials or a viewer's or a wrong password, and the audit log said ``system@tehran``.
Now every sub-command that reads a store or writes one signs in from ``INTEGRITY_USER`` /
``INTEGRITY_PASSWORD`` (or a prompt on a terminal), the role applies as in the GUI, failures
count toward the lock-out, and the audit names the user.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

import pytest
from pypdf import PdfReader
from sqlalchemy import select

from integrity_desktop.cli import common
from integrity_desktop.cli.main import build_parser, main
from integrity_desktop.db import cipher
from integrity_desktop.db.models import AuditEntry
from integrity_desktop.db.store import Store
from integrity_desktop.services.accounts import users
from integrity_desktop.services.cases import lifecycle as lc
from integrity_desktop.services.cases import register as cases

from .cli_helpers import run_cli
from .conftest import ADMIN_PASSWORD, actor

NAME = "مهدی یزدانی"
CODE = "0084575948"
PASSWORDS = {"officer": "officer password 1", "viewer": "viewer password 1",
             "inspector": "inspector password 1"}

# Extra arguments each sub-command needs to get as far as signing in.  A new sub-command
# must be added here (the test below fails until it is), so it is checked like the rest.
ARGS: dict[str, list[str]] = {
    "offices": [], "init": ["--office", "tehran"], "demo": [], "screenshots": ["--out", "x"],
    "report": ["case-register", "--out", "x.pdf"], "audit verify": [], "audit seal": [],
    "backup": ["--out", "x.backup"], "restore": ["--from", "x.backup"], "password": [],
    "cases": [], "inspections": [], "templates": [], "checklists": [],
    "print-checklist": ["--out", "x.pdf", "--checklist", "x"], "export-excel": ["--out", "x.xlsx"],
    "import-excel": ["x.xlsx"], "key": ["--public"], "trust add": ["--office", "qom", "k.pub"],
    "trust list": [], "trust revoke": ["--office", "qom"], "export-bundle": ["--out", "b.zip"],
    "import-bundle": ["b.zip"], "conflicts": [], "digest": [], "indicators": [], "log": [],
}
# Open without signing in: documented in cli/common.OPEN_COMMANDS, README and THREAT-MODEL.
OPEN = {"offices", "init", "key"}


def _commands(parser: argparse.ArgumentParser, prefix: str = "") -> list[str]:
    out: list[str] = []
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for name, sub in action.choices.items():
                nested = _commands(sub, f"{prefix}{name} ")
                out.extend(nested or [f"{prefix}{name}"])
    return out


@pytest.fixture
def people(store: Store) -> Store:
    admin = actor("admin", username="admin")
    users.create_user(store, admin, "officer", "علی رضایی", "case_officer", PASSWORDS["officer"],
                      must_change=False)
    users.create_user(store, admin, "viewer", "زهرا کریمی", "viewer", PASSWORDS["viewer"],
                      must_change=False)
    return store


@pytest.fixture
def case_id(people: Store) -> str:
    officer = actor("case_officer")
    c = cases.register_case(
        people, officer, employee_name=NAME, national_code=CODE, employee_post="انباردار",
        reporter="بازرس معتمد مرکز", violation_codes=["10"], reported_on="1403/02/10")
    cases.add_event(people, officer, c.id, lc.FILE_FORMED, event_date="1403/02/20")
    return c.id


def test_every_sub_command_but_the_open_ones_needs_a_sign_in(
    store: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    commands = _commands(build_parser())
    assert sorted(commands) == sorted(ARGS), "a new sub-command: add it to ARGS (and decide)"
    assert set(common.OPEN_COMMANDS) >= OPEN | {"demo", "report --list"}
    for name in ("INTEGRITY_USER", "INTEGRITY_PASSWORD", "INTEGRITY_ADMIN_PASSWORD",
                 "INTEGRITY_PASSPHRASE"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.chdir(tmp_path)
    store.dispose()
    refused: list[str] = []
    for command in commands:
        argv = [*command.split(), *ARGS[command]]
        if command != "offices":
            argv += ["--db", store.location]
        code = main(argv)
        err = capsys.readouterr().err
        if code == 2 and "این فرمان نیاز به ورود دارد" in err and "needs a signed-in user" in err:
            refused.append(command)
    # offices and key print; init refuses an existing store (with its own message); demo
    # on an existing store signs in.
    assert sorted(set(commands) - set(refused)) == sorted(OPEN)


def test_no_credentials_and_no_terminal_is_a_clear_error(store: Store) -> None:
    store.dispose()
    out = run_cli("report", "case-register", "--db", store.location, "--out", "x.pdf",
                  user=None, password=None)
    assert out.returncode == 2
    assert "خطا: این فرمان نیاز به ورود دارد" in out.stderr
    assert "INTEGRITY_USER" in out.stderr and "INTEGRITY_PASSWORD" in out.stderr


def test_wrong_password_is_refused_counted_and_audited(people: Store, case_id: str,
                                                       tmp_path: Path) -> None:
    people.dispose()
    out = tmp_path / "f.pdf"
    for _ in range(users.FREE_ATTEMPTS):
        done = run_cli("report", "case-file", "--db", people.location, "--subject", case_id,
                       "--out", str(out), user="officer", password="not the password")
        assert done.returncode == 2 and "نام کاربری یا گذرواژه درست نیست" in done.stderr
    assert not out.exists()
    locked = run_cli("report", "case-file", "--db", people.location, "--subject", case_id,
                     "--out", str(out), user="officer", password=PASSWORDS["officer"])
    assert locked.returncode == 2 and "قفل" in locked.stderr and not out.exists()
    # The store is encrypted and a wrong password cannot open it: the key file counts the
    # failures and locks the name, and the next sign-in writes them to the audit log.
    kf = cipher.KeyFile.load(people.path)
    assert kf.entries["officer"]["failed"] == users.FREE_ATTEMPTS
    assert kf.entries["officer"]["locked_until"]
    assert run_cli("audit", "verify", "--db", people.location).returncode in (0, 1)
    with people.read() as s:
        entries = list(s.execute(select(AuditEntry.action, AuditEntry.actor, AuditEntry.after)
                                 .where(AuditEntry.action.like("login%"))))
    refused = [(a, who, json.loads(after)) for a, who, after in entries if a != "login"]
    assert [a for a, _, _ in refused].count("login.failed") == users.FREE_ATTEMPTS
    assert refused[-1][0] == "login.locked" and refused[-1][1] == "officer@tehran"
    assert refused[-1][2]["via"] == "cli" and refused[-1][2]["before_unlock"] is True
    assert cipher.KeyFile.load(people.path).pending == []


def test_the_role_applies_and_the_audit_names_the_user(people: Store, case_id: str,
                                                       tmp_path: Path) -> None:
    people.dispose()
    # A viewer gets the anonymised case file, as in the GUI.
    viewer_pdf = tmp_path / "viewer.pdf"
    done = run_cli("report", "case-file", "--db", people.location, "--subject", case_id,
                   "--out", str(viewer_pdf), user="viewer", password=PASSWORDS["viewer"])
    assert done.returncode == 0, done.stderr
    text = "".join(page.extract_text() for page in PdfReader(viewer_pdf).pages)
    assert CODE not in text
    # ... and is refused what the services refuse a viewer.
    for argv in (["backup", "--out", str(tmp_path / "v.backup")], ["audit", "verify"],
                 ["restore", "--from", str(tmp_path / "v.backup")]):
        refused = run_cli(*argv, "--db", people.location, user="viewer",
                          password=PASSWORDS["viewer"])
        assert refused.returncode == 2 and "نقش شما اجازهٔ این کار را نمی‌دهد" in refused.stderr
    assert not (tmp_path / "v.backup").exists()
    # The officer sees the name; the case view is audited under the officer's name.
    officer_pdf = tmp_path / "officer.pdf"
    done = run_cli("report", "case-file", "--db", people.location, "--subject", case_id,
                   "--out", str(officer_pdf), user="officer", password=PASSWORDS["officer"])
    assert done.returncode == 0, done.stderr
    with people.read() as s:
        actors = {a for a, in s.execute(select(AuditEntry.actor).where(
            AuditEntry.action.in_(["login", "case.view"])))}
    assert {"officer@tehran", "viewer@tehran"} <= actors
    assert not any(a.startswith("system@") for a in actors)
    # A backup by the administrator: the restore it allows is audited under their name.
    backup = tmp_path / "a.backup"
    assert run_cli("backup", "--db", people.location, "--out", str(backup)).returncode == 0
    done = run_cli("restore", "--db", people.location, "--from", str(backup))
    assert done.returncode == 0, done.stderr
    with people.read() as s:
        restored_by = s.scalar(select(AuditEntry.actor).where(AuditEntry.action == "backup.restore"))
    assert restored_by == "admin@tehran"


def test_a_forced_password_change_comes_first(people: Store) -> None:
    users.create_user(people, actor("admin", username="admin"), "maryam", "مریم احمدی",
                      "inspector", "first password 1")
    people.dispose()
    first = run_cli("checklists", "--db", people.location, user="maryam",
                    password="first password 1")
    assert first.returncode == 2 and "integrity-desktop password" in first.stderr
    same = run_cli("password", "--db", people.location, user="maryam",
                   password="first password 1", INTEGRITY_NEW_PASSWORD="first password 1")
    assert same.returncode == 2  # the new password must differ
    changed = run_cli("password", "--db", people.location, user="maryam",
                      password="first password 1", INTEGRITY_NEW_PASSWORD="my own password 2")
    assert changed.returncode == 0, changed.stderr
    assert run_cli("checklists", "--db", people.location, user="maryam",
                   password="first password 1").returncode == 2
    after = run_cli("checklists", "--db", people.location, user="maryam",
                    password="my own password 2")
    assert after.returncode == 0, after.stderr


def test_everyone_can_change_their_own_password(people: Store) -> None:
    people.dispose()
    done = run_cli("password", "--db", people.location, user="viewer",
                   password=PASSWORDS["viewer"], INTEGRITY_NEW_PASSWORD="a new viewer pass")
    assert done.returncode == 0, done.stderr
    assert run_cli("digest", "--db", people.location, user="viewer",
                   password="a new viewer pass").returncode == 0
    short = run_cli("password", "--db", people.location, user="admin", password=ADMIN_PASSWORD,
                    INTEGRITY_NEW_PASSWORD="short")
    assert short.returncode == 2 and "نویسه" in short.stderr


def test_demo_on_a_new_store_needs_no_sign_in_but_an_existing_one_does(tmp_path: Path) -> None:
    fresh = tmp_path / "demo.sqlite"
    made = run_cli("demo", "--db", str(fresh), user=None, password=None)
    assert made.returncode == 0, made.stderr
    again = run_cli("demo", "--db", str(fresh), user=None, password=None)
    assert again.returncode == 2 and "INTEGRITY_USER" in again.stderr
    viewer = run_cli("demo", "--db", str(fresh), user="viewer", password="demo-password")
    assert viewer.returncode == 2 and "اجازه" in viewer.stderr
    admin = run_cli("demo", "--db", str(fresh), user="admin", password="demo-password")
    assert admin.returncode == 0, admin.stderr
