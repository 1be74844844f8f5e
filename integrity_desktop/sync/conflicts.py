"""The conflict list: versions that lost a merge, kept until a person decides.

A reviewer keeps the winning version, takes the losing one, or merges field by field; the
chosen values become a new local version (stamped and audited like any edit), so the decision
travels to the other office with the next bundle.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import ColumnElement, func, select

from integrity_desktop.db.models import Case, Checklist, Conflict, Office, TemplateItem, Unit
from integrity_desktop.db.store import Store
from integrity_desktop.digits import to_persian_digits
from integrity_desktop.errors import UserError
from integrity_desktop.jalali import Period
from integrity_desktop.permissions import Actor, require
from integrity_desktop.services.audit import log as audit
from integrity_desktop.services.store import records
from integrity_desktop.sync import bundle_format as bf
from integrity_desktop.sync.decision import DERIVED_FIELDS, HQ_ONLY_FIELDS

# Columns a resolution never copies: identity and version metadata.
META_COLUMNS = frozenset({"id", "office_code", "hlc", "updated_by", "updated_at"})
REASON_LABELS_FA = {
    "concurrent": "تغییر هم‌زمان در دو اداره",
    "approved_locked": "تغییر پس از تأیید ستاد",
}
CHOICES = ("winner", "loser", "merge")


@dataclass(frozen=True)
class ConflictView:
    id: str
    record_type: str
    record_id: str
    reason: str
    source_office: str
    detected_at: datetime
    status: str
    resolution: str
    winner: dict[str, Any]
    loser: dict[str, Any]
    place_fa: str = ""  # where the record is: office, unit, indicator (code and title), period

    @property
    def reason_fa(self) -> str:
        return REASON_LABELS_FA.get(self.reason, self.reason)

    @property
    def differing_fields(self) -> list[str]:
        """Content columns whose values differ between the two versions (for the screen)."""
        hidden = META_COLUMNS | DERIVED_FIELDS.get(self.record_type, frozenset())
        keys = sorted((set(self.winner) | set(self.loser)) - hidden)
        return [k for k in keys if self.winner.get(k) != self.loser.get(k)]


def _view(c: Conflict, place: str = "") -> ConflictView:
    return ConflictView(c.id, c.record_type, c.record_id, c.reason, c.source_office,
                        c.detected_at, c.status, c.resolution, dict(c.winner), dict(c.loser),
                        place)


def _period_label(code: str) -> str:
    try:
        return Period.parse(code).label_fa
    except (ValueError, UserError):  # Period.parse says UserError: the code as it is, then
        return to_persian_digits(code)


def place_of(s: Any, record_type: str, row: dict[str, Any]) -> str:
    """Where a conflict's record is, as a person reads it: «اداره کل …، واحد …، شاخص ۱/۲
    عنوان، سه‌ماههٔ …» (the parts the record has; names, never ids)."""
    parts: list[str] = []
    office = s.scalar(select(Office.name_fa).where(Office.code == row.get("office_code")))
    if office:
        parts.append(office)
    checklist = None
    if record_type == "checklist_entry":
        checklist = s.get(Checklist, row.get("checklist_id"))
    elif record_type == "checklist":
        checklist = s.get(Checklist, row.get("id"))
    unit_id = checklist.unit_id if checklist is not None else row.get("unit_id")
    if record_type == "unit":
        unit_id = row.get("id")
    unit = s.get(Unit, unit_id) if unit_id else None
    if unit is not None:
        parts.append(f"واحد {unit.name_fa}")
    elif checklist is not None:
        parts.append("کل اداره کل")
    if record_type == "checklist_entry":
        item = s.get(TemplateItem, row.get("item_id"))
        if item is not None:
            parts.append(f"شاخص {to_persian_digits(item.code)} {item.title_fa}")
    if record_type == "case":
        case = s.get(Case, row.get("id"))
        if case is not None:
            from integrity_desktop.services.cases.register import case_number  # services import sync

            number = to_persian_digits(case_number(case.year, case.seq))
            parts.append(f"پروندهٔ {number} ({case.employee_name})")
    if checklist is not None:
        parts.append(_period_label(checklist.period_code))
    return "، ".join(parts)


def _filters(status: str | None, record_type: str | None) -> list[ColumnElement[bool]]:
    out: list[ColumnElement[bool]] = []
    if status:
        out.append(Conflict.status == status)
    if record_type:
        out.append(Conflict.record_type == record_type)
    return out


# Fields holding an actor label (``username@office``).
PERSON_FIELDS = frozenset({"updated_by", "approved_by", "actor", "reviewed_by", "returned_by"})


def id_names(store: Store, actor: Actor, view: ConflictView) -> dict[str, str]:
    """The names of the records a conflict's two versions point to (unit, indicator,
    checklist, template, office), so the review shows names instead of ids."""
    require(actor, "conflicts.resolve")
    from integrity_desktop.db.models import Template  # one place for what an id names
    from integrity_desktop.services.accounts import people

    out: dict[str, str] = {}
    with store.read() as s:
        # Who made each version: the person's name and post, not their login.
        logins = [str(v) for version in (view.winner, view.loser) for k, v in version.items()
                  if k in PERSON_FIELDS and isinstance(v, str) and v]
        out.update(people.display_names(s, logins, store.office_code))
        for version in (view.winner, view.loser):
            for key, value in version.items():
                if not isinstance(value, str) or not value or value in out:
                    continue
                if key == "unit_id" and (unit := s.get(Unit, value)) is not None:
                    out[value] = unit.name_fa
                elif key == "item_id" and (item := s.get(TemplateItem, value)) is not None:
                    out[value] = f"{to_persian_digits(item.code)} {item.title_fa}"
                elif key == "template_id" and (t := s.get(Template, value)) is not None:
                    out[value] = t.title_fa
                elif key == "checklist_id" and (c := s.get(Checklist, value)) is not None:
                    out[value] = place_of(s, "checklist", {"id": c.id, "office_code": c.office_code})
    return out


def list_conflicts(
    store: Store, actor: Actor, *, status: str | None = "open", record_type: str | None = None,
    offset: int = 0, limit: int = 100,
) -> list[ConflictView]:
    require(actor, "conflicts.resolve")
    with store.read() as s:
        rows = s.scalars(
            select(Conflict).where(*_filters(status, record_type))
            .order_by(Conflict.detected_at, Conflict.record_type, Conflict.record_id, Conflict.id)
            .offset(offset).limit(limit)
        ).all()
        return [_view(c, place_of(s, c.record_type, dict(c.winner or c.loser))) for c in rows]


def count_conflicts(
    store: Store, actor: Actor, *, status: str | None = "open", record_type: str | None = None
) -> int:
    require(actor, "conflicts.resolve")
    with store.read() as s:
        return s.scalar(
            select(func.count()).select_from(Conflict).where(*_filters(status, record_type))
        ) or 0


def _check_not_approved(s: Any, record_type: str, obj: Any) -> None:
    """An approved checklist's answers are frozen, for a resolution too: taking a losing
    version into it would make a change after the approval, which the other office's merge
    sets aside (HQ reopens the checklist first, then resolves)."""
    checklist_id = {"checklist": "id", "checklist_entry": "checklist_id"}.get(record_type)
    if checklist_id is None:
        return
    checklist = s.get(Checklist, getattr(obj, checklist_id))
    if checklist is not None and checklist.status == "approved":
        raise UserError(
            "این چک‌لیست تأیید شده و قفل است؛ برای گرفتن نسخهٔ دیگر، ستاد نخست باید تأیید را "
            "بازگرداند.",
            "The checklist is approved and locked; HQ must reopen it before a losing version "
            "is taken.",
            code="checklist_locked",
        )


def _refresh_derived(s: Any, record_type: str, obj: Any) -> None:
    """What is derived from a record taken from a losing version, as an import re-derives it: a
    case's state and counted steps, a checklist's completion."""
    # services import sync: imported here, when a conflict is resolved
    from integrity_desktop.services.cases.register import refresh_derived as cases_derived
    from integrity_desktop.services.checklists.filled import refresh_derived as checklists_derived

    if record_type == "case":  # a name taken field by field brings no search form of its own
        from integrity_desktop.textnorm import normalize_for_search

        obj.employee_name_norm = normalize_for_search(obj.employee_name)
    if record_type in ("case", "case_event"):
        cases_derived(s, [obj.id if record_type == "case" else obj.case_id])
    elif record_type in ("checklist", "checklist_entry"):
        checklists_derived(s, [obj.id if record_type == "checklist" else obj.checklist_id])


def resolve_conflict(
    store: Store, actor: Actor, conflict_id: str, choice: str,
    fields: dict[str, str] | None = None,
) -> ConflictView:
    """``choice``: "winner" keeps the current record; "loser" takes the losing version's
    values; "merge" takes, per field named in ``fields``, "winner" or "loser"."""
    require(actor, "conflicts.resolve")
    if choice not in CHOICES:
        raise UserError("یکی از گزینه‌های نگه‌داشتن نسخهٔ برنده، نسخهٔ بازنده یا ادغام را برگزینید.",
                        f"choice must be one of {', '.join(CHOICES)}.", code="bad_choice")
    with store.session() as s:
        c = s.get(Conflict, conflict_id)
        if c is None:
            raise UserError("این ناسازگاری پیدا نشد.", "No such conflict.", code="no_conflict")
        if c.status != "open":
            raise UserError("این ناسازگاری پیش‌تر رسیدگی شده است.",
                            "This conflict is already resolved.", code="conflict_resolved")
        model = bf.models_by_type().get(c.record_type)
        obj = s.get(model, c.record_id) if model else None
        if model is None or obj is None:
            raise UserError("رکورد این ناسازگاری در این سامانه نیست.",
                            "The record of this conflict is not in this store.",
                            code="conflict_record_missing")
        table = bf.table_of(c.record_type)
        changes: dict[str, Any] = {}
        if choice != "winner":
            if not c.loser:
                raise UserError("نسخهٔ بازنده‌ای برای این ناسازگاری نیست.",
                                "This conflict has no losing version.", code="no_loser")
            _check_not_approved(s, c.record_type, obj)
            loser = bf.json_to_row(table, c.loser)
            # HQ's decisions (a checklist's approval) are never copied from a losing version:
            # they change only by approving or reopening.
            rules = HQ_ONLY_FIELDS.get(c.record_type, {})
            kept = META_COLUMNS | {
                name for name, rule in rules.items()
                if rule.hq_values is None or loser[name] in rule.hq_values}
            content = [col.name for col in table.columns if col.name not in kept]
            if choice == "loser":
                picked = set(content)
            else:
                fields = fields or {}
                unknown = set(fields) - set(content)
                bad = {v for v in fields.values()} - {"winner", "loser"}
                if unknown or bad:
                    raise UserError(
                        "برای ادغام، برای هر فیلد یکی از دو نسخه را برگزینید.",
                        f"merge fields must be content columns mapped to winner|loser "
                        f"(unknown: {sorted(unknown)}).",
                        code="bad_merge_fields",
                    )
                picked = {k for k, v in fields.items() if v == "loser"}
            changes = {k: loser[k] for k in picked}
            records.update(s, store, actor, obj, **changes)
            _refresh_derived(s, c.record_type, obj)  # whatever the losing version said of them
        c.status = "resolved"
        c.resolution = {"winner": "kept_winner", "loser": "took_loser"}.get(choice, "merged")
        c.resolved_by = actor.label
        c.resolved_at = records.utcnow()
        audit.append(s, store, actor, "resolve_conflict", c.record_type, c.record_id, None,
                     {"conflict": c.id, "resolution": c.resolution, "fields": sorted(changes)})
        s.flush()
        return _view(c)
