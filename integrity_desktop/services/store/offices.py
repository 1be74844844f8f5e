"""Offices and units as plain values for screens and reports."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from integrity_desktop.catalog import HQ_CODE as HQ
from integrity_desktop.db.models import Office, Unit
from integrity_desktop.db.store import Store
from integrity_desktop.errors import UserError
from integrity_desktop.permissions import Actor, require
from integrity_desktop.services.store import records


@dataclass(frozen=True)
class OfficeRow:
    code: str
    kind: str
    name_fa: str
    province_fa: str


@dataclass(frozen=True)
class UnitRow:
    id: str
    office_code: str
    name_fa: str
    kind: str
    active: bool


def office_name(store: Store, code: str) -> str:
    with store.read() as s:
        name = s.scalar(select(Office.name_fa).where(Office.code == code))
    return name or code


def names_in(session: Session) -> dict[str, str]:
    """Every office's Persian name by its code (a few dozen rows: read whole)."""
    return dict(session.execute(select(Office.code, Office.name_fa)).tuples().all())


def names(store: Store) -> dict[str, str]:
    with store.read() as s:
        return names_in(s)


def holding(store: Store, model: Any) -> list[tuple[str, str]]:
    """(code, name) of every office with a live record of ``model`` in this store, by name: the
    choices of HQ's province filter over that list (a province's own store gives one)."""
    with store.read() as s:
        known = names_in(s)
        codes = s.scalars(select(model.office_code).where(model.deleted.is_(False)).distinct()).all()
    return sorted(((c, known.get(c, c)) for c in codes), key=lambda pair: pair[1])


def list_offices(store: Store) -> list[OfficeRow]:
    with store.read() as s:
        rows = s.scalars(select(Office).where(Office.deleted.is_(False)).order_by(Office.sort_order))
        return [OfficeRow(o.code, o.kind, o.name_fa, o.province_fa) for o in rows]


def list_units(store: Store, office_code: str | None = None, include_inactive: bool = False) -> list[UnitRow]:
    code = office_code or store.office_code
    with store.read() as s:
        q = select(Unit).where(Unit.office_code == code, Unit.deleted.is_(False))
        if not include_inactive:
            q = q.where(Unit.active.is_(True))
        return [
            UnitRow(u.id, u.office_code, u.name_fa, u.kind, u.active)
            for u in s.scalars(q.order_by(Unit.name_fa))
        ]


def _check_unit_name(name: str) -> str:
    name = " ".join(name.split())
    if not 2 <= len(name) <= 200:
        raise UserError(
            "نام واحد باید بین ۲ تا ۲۰۰ نویسه باشد.", "A unit name has 2 to 200 characters."
        )
    return name


def add_unit(store: Store, actor: Actor, name_fa: str, kind: str = "center") -> UnitRow:
    require(actor, "units.manage")
    name = _check_unit_name(name_fa)
    with store.session() as s:
        unit = Unit(office_code=actor.office_code, name_fa=name, kind=kind, active=True)
        records.add(s, store, actor, unit)
        return UnitRow(unit.id, unit.office_code, unit.name_fa, unit.kind, unit.active)


def rename_unit(store: Store, actor: Actor, unit_id: str, name_fa: str, active: bool = True) -> None:
    require(actor, "units.manage")
    name = _check_unit_name(name_fa)
    with store.session() as s:
        unit = s.get(Unit, unit_id)
        if unit is None or unit.deleted:
            raise UserError("این واحد پیدا نشد.", "No such unit.")
        if unit.office_code != actor.office_code and actor.office_code != HQ:
            raise UserError("واحدهای ادارهٔ دیگر را نمی‌توان ویرایش کرد.", "Another office's unit.")
        records.update(s, store, actor, unit, name_fa=name, active=active)
