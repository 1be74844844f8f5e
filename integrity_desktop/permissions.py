"""Who may do what: one table, enforced in the services (widgets only hide what it forbids)."""

from __future__ import annotations

from dataclasses import dataclass

from integrity_desktop.catalog import HQ_CODE
from integrity_desktop.errors import PermissionDenied

ADMIN, INSPECTOR, CASE_OFFICER, VIEWER, REVIEWER = (
    "admin",
    "inspector",
    "case_officer",
    "viewer",
    "reviewer",
)
ROLES: tuple[str, ...] = (ADMIN, INSPECTOR, CASE_OFFICER, VIEWER, REVIEWER)
ROLE_LABELS_FA = {
    ADMIN: "مدیر سامانه",
    INSPECTOR: "بازرس",
    CASE_OFFICER: "کارشناس پرونده‌های تخلف",
    VIEWER: "مشاهده‌گر",
    REVIEWER: "کارشناس بازبینی ستاد",
}

_ALL = frozenset(ROLES)

# The one written table.  tests/test_roles.py calls every operation with every role and
# compares what is allowed against this.
PERMISSIONS: dict[str, frozenset[str]] = {
    "users.manage": frozenset({ADMIN}),
    "units.manage": frozenset({ADMIN}),
    "lookups.manage": frozenset({ADMIN}),
    "templates.author": frozenset({ADMIN}),
    "checklists.view": _ALL,
    "checklists.edit": frozenset({ADMIN, INSPECTOR}),
    "checklists.approve": frozenset({ADMIN, REVIEWER}),
    "evidence.settings": frozenset({ADMIN}),
    "inspections.view": _ALL,
    "inspections.edit": frozenset({ADMIN, INSPECTOR}),
    "cases.view_counts": _ALL,
    "cases.view_personal": frozenset({ADMIN, CASE_OFFICER}),
    "cases.edit": frozenset({ADMIN, CASE_OFFICER}),
    "cases.configure": frozenset({ADMIN}),
    # an inspector who finds a violation during a visit reports it from the finding (issue 16)
    "cases.refer": frozenset({ADMIN, CASE_OFFICER, INSPECTOR}),
    # people's rights registers (issue 20): complaints, surveys, oversight correspondence
    "complaints.view": _ALL,
    "complaints.view_personal": frozenset({ADMIN, INSPECTOR}),
    "complaints.edit": frozenset({ADMIN, INSPECTOR}),
    "complaints.configure": frozenset({ADMIN}),
    "surveys.edit": frozenset({ADMIN, INSPECTOR}),
    "oversight.edit": frozenset({ADMIN, INSPECTOR}),
    "reports.run": _ALL,
    "sync.export": frozenset({ADMIN}),
    "sync.import": frozenset({ADMIN, REVIEWER}),
    "sync.trust": frozenset({ADMIN}),
    "conflicts.resolve": frozenset({ADMIN, REVIEWER}),
    "audit.view": frozenset({ADMIN}),
    "backup.manage": frozenset({ADMIN}),
    # issue 21: the committee and training registers (axes 7 and 12)
    "committee.view": _ALL,
    "committee.edit": frozenset({ADMIN, INSPECTOR}),
    "training.view": _ALL,
    "training.edit": frozenset({ADMIN, INSPECTOR}),
}


@dataclass(frozen=True)
class Actor:
    """The signed-in person as the services see them (a plain value, no ORM row)."""

    username: str
    role: str
    office_code: str
    full_name: str = ""

    @property
    def label(self) -> str:
        return f"{self.username}@{self.office_code}"


def allowed(actor: Actor, operation: str) -> bool:
    return actor.role in PERMISSIONS[operation]


def require(actor: Actor, operation: str) -> None:
    """Raise ``PermissionDenied`` unless the actor's role may perform ``operation``."""
    if not allowed(actor, operation):
        raise PermissionDenied(operation)


# Screens only some people can use (issue 16, item 8): ``hq`` screens exist only in HQ's store
# (a province has no other provinces to compare), the others need the operation named.  A
# screen not listed here is for everyone.  The navigation shows only what this person can use.
SCREEN_RULES: dict[str, tuple[str | None, bool]] = {
    "hq": (None, True),
    "national": (None, True),
    "audit": ("audit.view", False),
}


def may_see_screen(actor: Actor, screen: str) -> bool:
    operation, hq_only = SCREEN_RULES.get(screen, (None, False))
    if hq_only and actor.office_code != HQ_CODE:
        return False
    return operation is None or allowed(actor, operation)


def system_actor(office_code: str) -> Actor:
    """The actor of head-less commands run by the machine's administrator."""
    return Actor(username="system", role=ADMIN, office_code=office_code, full_name="سامانه")
