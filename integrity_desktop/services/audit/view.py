"""Reading the audit log for people: filtered pages of plain values and an Excel export.

Entries are stored with UTC times; a day typed by the user means a local calendar day, so the
date range is turned into UTC bounds here.  Reading the log is itself an admin operation
(``audit.view``): it shows who looked at which personnel case.
"""

from __future__ import annotations

import datetime as _dt
import os
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import Select, func, or_, select
from sqlalchemy.orm import Session

from integrity_desktop.db.models import AuditEntry
from integrity_desktop.db.store import Store
from integrity_desktop.errors import UserError
from integrity_desktop.excel.workbook import Col, RtlWorkbook, sheet_headers
from integrity_desktop.permissions import Actor, require
from integrity_desktop.services.accounts import people
from integrity_desktop.services.audit import words as audit_words
from integrity_desktop.textnorm import check_search

MAX_LIMIT = 1000
_CHUNK = 2000

# Persian names of the actions the services write (others are shown as stored).
ACTION_LABELS_FA: dict[str, str] = {
    "create": "ایجاد",
    "update": "تغییر",
    "delete": "حذف",
    "login": "ورود",
    "login.failed": "ورود ناموفق",
    "login.locked": "ورود در زمان قفل",
    "user.create": "ایجاد کاربر",
    "user.password": "تغییر گذرواژه",
    "user.reset": "بازنشانی گذرواژه",
    "case.view": "مشاهدهٔ پروندهٔ تخلف",
    "case.deadlines": "تنظیم مهلت‌ها",
    "export_bundle": "صدور بستهٔ همگام‌سازی",
    "import_bundle": "ورود بستهٔ همگام‌سازی",
    "resolve_conflict": "حل ناسازگاری",
    "trust_add": "افزودن کلید مورد اعتماد",
    "trust_revoke": "لغو کلید",
    "demo.fill": "دادهٔ نمایشی",
    "backup.restore": "بازگرداندن پشتیبان",
    "audit.content_since": "آغاز سنجش رکوردها با رویدادنگار",
    "audit.tail_changed": "پایان رویدادنگار بیرون از برنامه تغییر کرده بود",
}


@dataclass(frozen=True)
class AuditFilter:
    """What to show; empty fields mean "any".  Dates are local calendar days, both included."""

    actor: str = ""  # part of the "user@office" label
    action: str = ""  # exact action code
    entity: str = ""  # exact entity type
    entity_id: str = ""
    date_from: _dt.date | None = None
    date_to: _dt.date | None = None


@dataclass(frozen=True)
class AuditRow:
    """One entry as plain values; ``at`` is local wall time."""

    seq: int
    at: _dt.datetime
    actor: str
    office_code: str
    action: str
    entity: str
    entity_id: str
    before: str
    after: str
    actor_name: str = ""  # the person's name and post (services.accounts.people), not the login

    @property
    def action_fa(self) -> str:
        return ACTION_LABELS_FA.get(self.action, self.action)

    @property
    def changes(self) -> str:
        """The fields whose value differs between before and after, as ``name: old → new``."""
        return describe_changes(self.before, self.after)

    @property
    def entity_fa(self) -> str:
        return audit_words.entity_label(self.entity)

    @property
    def changes_fa(self) -> str:
        """The same changes in people's words: «فیلد: قدیم → جدید» (services.audit.words)."""
        return audit_words.describe_changes(self.before, self.after, self.entity)


def _local_midnight_utc(day: _dt.date) -> _dt.datetime:
    local = _dt.datetime.combine(day, _dt.time()).astimezone()
    return local.astimezone(_dt.UTC).replace(tzinfo=None)


def _to_local(at: _dt.datetime) -> _dt.datetime:
    return at.replace(tzinfo=_dt.UTC).astimezone().replace(tzinfo=None)


def _check(f: AuditFilter) -> None:
    if f.date_from and f.date_to and f.date_from > f.date_to:
        raise UserError(
            "تاریخ «از» پس از تاریخ «تا» است؛ بازهٔ تاریخ را درست کنید.",
            "The start date is after the end date.",
            code="audit_dates",
        )


def _named(session: Session, text: str, office: str) -> list[str]:
    """The labels of this store's accounts whose full name holds ``text`` (spelling folded):
    the log shows names, so a person searches by name as well as by login."""
    from integrity_desktop.db.models import User
    from integrity_desktop.textnorm import normalize_for_search

    needle = normalize_for_search(text)
    return [f"{u.username}@{office}" for u in session.scalars(select(User))
            if needle and needle in normalize_for_search(u.full_name or "")]


def _filtered(query: Select[Any], f: AuditFilter, named: list[str] | None = None) -> Select[Any]:
    if f.actor.strip():
        actor_text = check_search(f.actor.strip())
        by_login = func.lower(AuditEntry.actor).contains(actor_text.lower(), autoescape=True)
        query = query.where(or_(by_login, AuditEntry.actor.in_(named)) if named else by_login)
    if f.action:
        query = query.where(AuditEntry.action == f.action)
    if f.entity:
        query = query.where(AuditEntry.entity == f.entity)
    if f.entity_id.strip():
        query = query.where(AuditEntry.entity_id == f.entity_id.strip())
    if f.date_from:
        query = query.where(AuditEntry.at >= _local_midnight_utc(f.date_from))
    if f.date_to:
        query = query.where(AuditEntry.at < _local_midnight_utc(f.date_to + _dt.timedelta(days=1)))
    return query


def _row(e: AuditEntry, names: dict[str, str] | None = None) -> AuditRow:
    name = (names or {}).get(e.actor, e.actor)
    return AuditRow(e.seq, _to_local(e.at), e.actor, e.office_code, e.action, e.entity, e.entity_id,
                    e.before, e.after, name)


def count_entries(store: Store, actor: Actor, f: AuditFilter) -> int:
    require(actor, "audit.view")
    _check(f)
    with store.read() as s:
        named = _named(s, f.actor, store.office_code) if f.actor.strip() else None
        return int(s.scalar(_filtered(select(func.count()).select_from(AuditEntry), f, named)) or 0)


def list_entries(
    store: Store, actor: Actor, f: AuditFilter, *, offset: int = 0, limit: int = 100
) -> list[AuditRow]:
    """Newest first, one page."""
    require(actor, "audit.view")
    _check(f)
    limit = max(1, min(limit, MAX_LIMIT))
    with store.read() as s:
        named = _named(s, f.actor, store.office_code) if f.actor.strip() else None
        query = _filtered(select(AuditEntry), f, named).order_by(AuditEntry.seq.desc())
        entries = list(s.scalars(query.offset(max(0, offset)).limit(limit)))
        names = people.display_names(s, {e.actor for e in entries}, store.office_code)
        return [_row(e, names) for e in entries]


def choices(store: Store, actor: Actor) -> tuple[list[str], list[str]]:
    """The actions and entity types present in the log, for the filter lists."""
    require(actor, "audit.view")
    with store.read() as s:
        actions = sorted(a for a in s.scalars(select(AuditEntry.action).distinct()) if a)
        entities = sorted(e for e in s.scalars(select(AuditEntry.entity).distinct()) if e)
    return actions, entities


def _iter_all(session: Session, f: AuditFilter, named: list[str] | None = None) -> Iterator[AuditEntry]:
    last: int | None = None
    while True:
        query = _filtered(select(AuditEntry), f, named).order_by(AuditEntry.seq.desc()).limit(_CHUNK)
        if last is not None:
            query = query.where(AuditEntry.seq < last)
        batch = list(session.scalars(query))
        if not batch:
            return
        yield from batch
        last = batch[-1].seq


def describe_changes(before: str, after: str) -> str:
    old, new = audit_words.plain_fields(before), audit_words.plain_fields(after)
    skip = {"hlc", "updated_at", "updated_by", "search_text"}
    parts = []
    for key in sorted(set(old) | set(new)):
        if key in skip or old.get(key) == new.get(key):
            continue
        parts.append(audit_words.change_part(key, key, old, new, str, ""))
    return "; ".join(parts)  # field names are Latin: the list reads left to right


# Excel: text anyone typed (names, notes inside before/after) is written as text, never a
# formula (excel.RtlWorkbook); the time is Jalali text beside the real date and time
COLUMNS = [
    Col("ردیف", 8, "count"), Col("زمان", 18, "datetime"), Col("کاربر", 24, "text"), Col("اداره", 12, "text"),
    Col("کار", 22, "text"), Col("نوع رکورد", 16, "text"), Col("تغییرها", 60, "wrap"), Col("پیش از", 40, "wrap"),
    Col("پس از", 40, "wrap"), Col("شناسهٔ رکورد", 38, "key"), Col("نام کاربری", 24, "key"),
]
HEADERS = sheet_headers(COLUMNS)


def export_excel(store: Store, actor: Actor, f: AuditFilter, out: str | os.PathLike[str]) -> int:
    """Write the filtered entries (newest first) to a right-to-left workbook; returns the count.

    The file appears under its name only when complete (``RtlWorkbook.save``).
    """
    require(actor, "audit.view")
    _check(f)
    target = Path(out)
    if not target.parent.is_dir():
        raise UserError(
            f"پوشهٔ «{target.parent}» پیدا نشد؛ پوشهٔ دیگری برای ذخیره برگزینید.",
            f"Folder {target.parent} does not exist.",
            code="export_folder",
        )
    from integrity_desktop.services.store.offices import office_name

    book = RtlWorkbook("رخدادهای ثبت‌شدهٔ سامانه", [("اداره", office_name(store, actor.office_code))])
    sheet = book.add_sheet("رخدادها", COLUMNS)
    with store.read() as s:
        names: dict[str, str] = {}
        named = _named(s, f.actor, store.office_code) if f.actor.strip() else None
        for e in _iter_all(s, f, named):
            if e.actor not in names:
                names.update(people.display_names(s, [e.actor], store.office_code))
            row = _row(e, names)
            sheet.append([row.seq, row.at, row.actor_name, row.office_code, row.action_fa,
                          row.entity_fa, row.changes_fa, row.before, row.after, row.entity_id, row.actor])
    book.save(target)
    return sheet.rows
