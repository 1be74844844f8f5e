"""Reference data every store starts with: offices, the catalogue as templates, lookups.

Ids are UUIDv5 of codes, so the same record has the same id in every store and records made
in one store can refer to them in another.  Seeding is idempotent.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy.orm import Session

from integrity_desktop import catalog
from integrity_desktop.catalog import HQ_CODE as HQ
from integrity_desktop.db.base import Synced
from integrity_desktop.db.models import Lookup, Office, Template, TemplateItem, TemplateSection, Unit
from integrity_desktop.db.store import Store
from integrity_desktop.indicators import Definition
from integrity_desktop.permissions import Actor
from integrity_desktop.resources import resource_path
from integrity_desktop.services.store.records import stable_id, stamp

SEED_STAMP = "0000000000000-0000-seed"
SEED_AT = datetime(2024, 3, 20)
LOOKUP_KINDS = ("violation_type", "penalty", "board")
_SEEDED = "seeded_records"  # session.info key: the records _put added, audited at the end


def office_id(code: str) -> str:
    return stable_id("office", code)


def template_id(code: str, version: int) -> str:
    return stable_id("template", code, str(version))


def lookup_code(index: int) -> str:
    return f"{index + 1:02d}"


def _put(session: Session, store: Store, actor: Actor, obj: Synced) -> bool:
    """Insert a reference record unless a record with its id already exists."""
    if session.get(type(obj), obj.id) is not None:
        return False
    # A fixed stamp, equal in every store: reference data is identical content everywhere, so
    # sync digests of stores made separately agree, and any real edit (a later stamp) wins.
    stamp(store, actor, obj)
    obj.hlc, obj.updated_by, obj.updated_at = SEED_STAMP, "seed", SEED_AT
    session.add(obj)
    session.info.setdefault(_SEEDED, []).append(obj)
    return True


def seed_offices(session: Session, store: Store, actor: Actor) -> None:
    for order, info in enumerate(catalog.load_offices()):
        _put(session, store, actor, Office(
            id=office_id(info.code), office_code=HQ, code=info.code, kind=info.kind,
            name_fa=info.name_fa, name_en=info.name_en, province_fa=info.province_fa,
            sort_order=order,
        ))


def seed_units(session: Session, store: Store, actor: Actor, office_code: str) -> None:
    """Default units of a province, with stable ids (HQ may rename or add later)."""
    for info in catalog.load_offices():
        if info.code != office_code:
            continue
        for i, name in enumerate(info.units_fa):
            _put(session, store, actor, Unit(
                id=stable_id("unit", office_code, str(i)), office_code=office_code,
                name_fa=name, kind="office" if name.startswith("دفتر") else "center",
            ))


@dataclass(frozen=True)
class _Item:
    id_key: str  # the code the item's id is made from (the reform's unprefixed first code)
    code: str
    title_fa: str
    subtasks: list[str]
    legal_basis: str
    lead_unit: str
    partner_units: list[str]
    definition: Definition


def _template_records(
    code: str, version: int, title_fa: str, title_en: str, description: str,
    sections: Iterable[tuple[int, str]], items: Iterable[tuple[int, _Item]],
) -> list[Synced]:
    """A published catalogue template; ``items`` are (section number, item) in sort order."""
    tid = template_id(code, version)
    out: list[Synced] = [Template(
        id=tid, office_code=HQ, code=code, version=version, title_fa=title_fa,
        title_en=title_en, origin="catalog", status="published", description=description,
    )]
    for number, title in sections:
        out.append(TemplateSection(
            id=stable_id("section", tid, str(number)), office_code=HQ, template_id=tid, number=number,
            title_fa=title,
        ))
    for order, (number, item) in enumerate(items, start=1):
        d = item.definition
        out.append(TemplateItem(
            id=stable_id("item", tid, item.id_key), office_code=HQ, template_id=tid,
            section_id=stable_id("section", tid, str(number)), code=item.code, sort_order=order,
            title_fa=item.title_fa, subtasks=item.subtasks, legal_basis=item.legal_basis,
            lead_unit=item.lead_unit, partner_units=item.partner_units, counts=d.takes_value,
            kind=d.kind, unit_fa=d.unit_fa, frequency=d.frequency, direction=d.direction,
            min_value=d.min_value, max_value=d.max_value, target=d.target,
            measurement_fa=d.measurement_fa,
        ))
    return out


def catalogue_records() -> list[Synced]:
    """Both programmes as template records (three-year indicators; reform joint actions, then
    the reform's quantitative goals, which schema 0004 added after the actions)."""
    three = catalog.load_three_year()
    records = _template_records(
        three.code, three.version, three.title_fa, three.title_en, "",
        [(axis.number, axis.title_fa) for axis in three.axes],
        [
            (ind.axis_number, _Item(ind.code, ind.code, ind.title_fa, list(ind.subtasks), ind.legal_basis,
                                    ind.lead_unit, list(ind.partner_units), ind.definition))
            for ind in three.indicators
        ],
    )
    reform = catalog.load_reform()
    ordered = [i for i in reform.items if not i.is_goal] + [i for i in reform.items if i.is_goal]
    records += _template_records(
        reform.code, reform.version, reform.title_fa, reform.title_en,
        f"مصوب {reform.approved_on} {reform.approved_by}",
        [(prog.number, prog.title_fa) for prog in reform.programmes],
        [
            (item.programme_number, _Item(
                item.legacy_code, item.code, item.title_fa, [],
                "؛ ".join(reform.programme(item.programme_number).policy_references), "", [],
                item.definition,
            ))
            for item in ordered
        ],
    )
    return records


def seed_catalogue(session: Session, store: Store, actor: Actor) -> None:
    for record in catalogue_records():
        _put(session, store, actor, record)


def seed_lookups(session: Session, store: Store, actor: Actor) -> None:
    data = json.loads(resource_path("catalog", "lookups.json").read_text("utf-8"))
    for kind in LOOKUP_KINDS:
        for i, title in enumerate(data[kind]):
            code = lookup_code(i)
            _put(session, store, actor, Lookup(
                id=stable_id("lookup", kind, code), office_code=HQ, kind=kind, code=code,
                title_fa=title, sort_order=i,
            ))


def seed_reference_data(store: Store, actor: Actor) -> None:
    """Everything a fresh store needs before anyone signs in; safe to run again."""
    from integrity_desktop.services.audit.log import append_many
    from integrity_desktop.services.store.records import as_dict

    with store.session() as s:
        seed_offices(s, store, actor)
        s.flush()
        seed_units(s, store, actor, store.office_code)
        seed_lookups(s, store, actor)
        seed_catalogue(s, store, actor)
        added: list[Synced] = s.info.pop(_SEEDED, [])
        s.flush()
        # Each seeded record's content is audited like any other (audit verify compares it).
        append_many(s, actor, "create", ((o.__sync_type__, o.id, None, as_dict(o)) for o in added))
