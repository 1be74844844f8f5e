"""People, not logins: the name (and post) a person reads where a record says who did something.

Records keep the actor as ``username@office`` (it travels in bundles and seals the audit log);
this module turns that label into what a person reads: the account's full name and role on
this store, a Persian label for the machine's own work, and for a person of another office the
login beside the office's name (that office's accounts never travel).
"""

from __future__ import annotations

from collections.abc import Iterable

from sqlalchemy import select
from sqlalchemy.orm import Session

from integrity_desktop.db.models import Inspector, Office, User
from integrity_desktop.permissions import ROLE_LABELS_FA

SYSTEM_USERNAME = "system"
SYSTEM_LABEL_FA = "سامانه (کار خودکار)"


def split_label(label: str) -> tuple[str, str]:
    """``("officer", "tehran")`` from ``"officer@tehran"``; no office when there is no ``@``."""
    username, _, office = (label or "").rpartition("@")
    return (username, office) if username else (label or "", "")


def display_names(session: Session, labels: Iterable[str], local_office: str) -> dict[str, str]:
    """Each actor label mapped to the name a person reads, in one query per table."""
    wanted = {label for label in labels if label}
    if not wanted:
        return {}
    parts = {label: split_label(label) for label in wanted}
    local = {u for u, office in parts.values() if office in (local_office, "")}
    accounts = {
        u.username: (u.full_name, u.role)
        for u in session.scalars(select(User).where(User.username.in_(local)))
    } if local else {}
    # An account names a person, not a job: an inspector of the registry with the same name and
    # a post written there gives the post («کارشناس حراست»); otherwise the role says it.
    names = {full.strip() for full, _role in accounts.values() if full.strip()}
    posts = {
        full: post.strip()
        for full, post in session.execute(select(Inspector.full_name, Inspector.post).where(
            Inspector.full_name.in_(names), Inspector.office_code == local_office,
            Inspector.deleted.is_(False), Inspector.post != ""))
    } if names else {}
    offices = {office for _, office in parts.values() if office}
    office_names = {
        code: name
        for code, name in session.execute(select(Office.code, Office.name_fa).where(Office.code.in_(offices)))
    } if offices else {}
    return {label: _name(username, office, local_office, accounts, office_names, posts)
            for label, (username, office) in parts.items()}


def _name(
    username: str, office: str, local_office: str,
    accounts: dict[str, tuple[str, str]], office_names: dict[str, str],
    posts: dict[str, str] | None = None,
) -> str:
    where = office_names.get(office, office)
    if username == SYSTEM_USERNAME:
        return SYSTEM_LABEL_FA if office in (local_office, "") else f"{SYSTEM_LABEL_FA} — {where}"
    if office in (local_office, "") and username in accounts:
        full_name, role = accounts[username]
        name = full_name.strip() or username
        post = (posts or {}).get(name) or ROLE_LABELS_FA.get(role, "")
        return f"{name} ({post})" if post and post != name else name
    return f"{username} — {where}" if where else username


def display_name(session: Session, label: str, local_office: str) -> str:
    return display_names(session, [label], local_office).get(label, label)
