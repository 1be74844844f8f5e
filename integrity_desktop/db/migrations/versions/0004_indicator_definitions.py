"""indicator definitions

Every template item gets its definition (kind, unit, frequency, direction, bounds, target,
measurement rule).  Data steps, all deterministic so that every store upgraded from the same
records agrees, and none changing an ``hlc`` (reference data keeps its seed stamp; sync sees
equal stamps as the same version):

1. Items of templates coded as a catalogue programme (any version) take the catalogue's
   definition of their code (``resources/catalog``).
2. The reform programme's item codes get their prefix (``6/1`` -> ``R6/1``); ids stay.
3. The catalogue's decisions on doubtful carry-downs (16/1, 15/6-15/12, axis 6, 8/1-8/2) are
   applied where an item still holds the value schema 0001's catalogue gave it; so are the
   catalogue's titles (programme, indicators, sub-tasks) with the ZWNJ schema 0001's catalogue
   left out of compound words («سه‌ساله», «انجام‌شده», «ارجاع‌شده» ...).
4. Programme 6's quantitative goal (``R6/5``) is added to the catalogue reform template.
5. Every checklist's cached completion is recomputed under the due rule: indicators not due in
   a checklist's period (except in a visit's checklist, which checks every indicator), and
   computed ones in a unit's checklist, are not scored.  Answers are not touched.

``tests/test_released_stores.py`` checks that nothing else changes.
"""
from __future__ import annotations

import json
import uuid
from datetime import datetime

import sqlalchemy as sa
from alembic import op

from integrity_desktop.db.migrations.completion import recompute_completion


revision = '0004'
down_revision = '0003'

# As in services/records.py and services/seed.py at this revision.
NAMESPACE = uuid.UUID("6f1c2a7e-5b0d-4c1e-9a55-2f6d1b8e4c90")
SEED_STAMP = "0000000000000-0000-seed"
SEED_AT = datetime(2024, 3, 20)
THREE_YEAR = "three-year-1398-1400"
REFORM = "reform-1397-1399"
# Indicators computed from records at this revision (services/computed.py).
COMPUTED = frozenset({"1/4", "1/6", "22/1", "22/2", "22/3", "22/4", *(f"6/{n}" for n in range(1, 12))})
# What schema 0001's catalogue held where 0004's catalogue decided otherwise (step 3).
OLD_BASIS_6 = ("آیین رسیدگی به تخلفات کارمندان (به دلیل عدم امکان پیش‌بینی تعهد، میزان عملکرد "
               "استان ملاک عمل خواهد بود)")
OLD_BASIS_8 = "امتیاز وزارت متبوع اعلام شده از سوی شورای دستگاه‌های نظارتی"
OLD_BASIS_16 = "مصوبه حقوق شهروندی، قانون دسترسی آزاد به اطلاعات"
OLD_LEAD_15 = "دفتر توسعه فناوری‌های نوین آموزشی"
ZWNJ = "\u200c"
# Compound words schema 0001's catalogue wrote without their ZWNJ, as (0001's text, today's).
ZWNJ_FIXES = (
    ("سه ساله", f"سه{ZWNJ}ساله"), ("شش ماهه", f"شش{ZWNJ}ماهه"),
    ("برنامه‌ریزی شده", f"برنامه‌ریزی{ZWNJ}شده"), ("اولویت‌بندی شده", f"اولویت‌بندی{ZWNJ}شده"),
    ("زمان‌بندی شده", f"زمان‌بندی{ZWNJ}شده"), ("تدوین شده", f"تدوین{ZWNJ}شده"),
    ("تشکیل شده", f"تشکیل{ZWNJ}شده"), ("انجام شده", f"انجام{ZWNJ}شده"),
    ("دریافت شده", f"دریافت{ZWNJ}شده"), ("رسیدگی شده", f"رسیدگی{ZWNJ}شده"),
    ("ارجاع شده", f"ارجاع{ZWNJ}شده"), ("بررسی شده", f"بررسی{ZWNJ}شده"), ("طراحی شده", f"طراحی{ZWNJ}شده"),
    ("به‌روز شده", "به‌روزشده"), ("برگزار شده", "برگزارشده"),
)


def _as_0001(text: str) -> str:
    """Today's catalogue text as schema 0001's catalogue wrote it (without those ZWNJ)."""
    for old, new in ZWNJ_FIXES:
        text = text.replace(new, old)
    return text


def _stable_id(*parts: str) -> str:
    return str(uuid.uuid5(NAMESPACE, ":".join(parts)))


def _definitions() -> dict[str, dict[str, dict[str, object]]]:
    """template code -> item code (as stored before step 2) -> column values."""
    from integrity_desktop import catalog

    def columns(d: object) -> dict[str, object]:
        return {"kind": d.kind, "unit_fa": d.unit_fa, "frequency": d.frequency,  # type: ignore[attr-defined]
                "direction": d.direction, "min_value": d.min_value, "max_value": d.max_value,  # type: ignore[attr-defined]
                "target": d.target, "measurement_fa": d.measurement_fa}  # type: ignore[attr-defined]

    three = {i.code: columns(i.definition) for i in catalog.load_three_year().indicators}
    reform = {i.legacy_code: columns(i.definition) for i in catalog.load_reform().items}
    return {THREE_YEAR: three, REFORM: reform}


def _data(conn: sa.Connection) -> None:
    from integrity_desktop import catalog

    items = sa.table(
        "template_items", sa.column("id"), sa.column("template_id"), sa.column("section_id"),
        sa.column("code"), sa.column("legal_basis"), sa.column("lead_unit"), sa.column("kind"),
        sa.column("unit_fa"), sa.column("frequency"), sa.column("direction"), sa.column("min_value"),
        sa.column("max_value"), sa.column("target"), sa.column("measurement_fa"), sa.column("sort_order"),
    )
    templates = {tid: code for tid, code in conn.execute(sa.text("SELECT id, code FROM templates"))}
    definitions = _definitions()
    prog = catalog.load_three_year()
    # 1. definitions, by the code each item has now
    for tid, code in templates.items():
        wanted = definitions.get(code)
        if not wanted:
            continue
        for item_id, item_code in conn.execute(
            sa.text("SELECT id, code FROM template_items WHERE template_id = :t"), {"t": tid}
        ).all():
            if item_code in wanted:
                conn.execute(sa.update(items).where(items.c.id == item_id).values(**wanted[item_code]))
    # 2. the reform programme's prefix
    for tid, code in templates.items():
        if code == REFORM:
            conn.execute(sa.text(
                "UPDATE template_items SET code = 'R' || code WHERE template_id = :t AND code NOT LIKE 'R%'"
            ), {"t": tid})
    # 3. decisions on doubtful carry-downs, where the 0001 value is still there
    three_ids = [tid for tid, code in templates.items() if code == THREE_YEAR]
    fixes: list[tuple[str, str, str, str]] = []  # (item code, column, old, new)
    for n in range(1, 12):
        fixes.append((f"6/{n}", "legal_basis", OLD_BASIS_6, prog.indicator(f"6/{n}").legal_basis))
    for code in ("8/1", "8/2"):
        fixes.append((code, "legal_basis", OLD_BASIS_8, prog.indicator(code).legal_basis))
    fixes.append(("16/1", "legal_basis", OLD_BASIS_16, prog.indicator("16/1").legal_basis))
    for n in range(6, 13):
        fixes.append((f"15/{n}", "lead_unit", OLD_LEAD_15, prog.indicator(f"15/{n}").lead_unit))
    for tid in three_ids:
        for item_code, column, old, new in fixes:
            conn.execute(sa.update(items).where(
                items.c.template_id == tid, items.c.code == item_code, items.c[column] == old,
            ).values({column: new}))
    # ... and the titles with their ZWNJ, where the 0001 text is still there
    texts = sa.table("template_items", sa.column("id"), sa.column("code"), sa.column("template_id"),
                     sa.column("title_fa"), sa.column("subtasks", sa.JSON))
    by_code = {i.code: i for i in prog.indicators}
    for tid in three_ids:
        for item_id, code, title, subtasks in conn.execute(
            sa.select(texts.c.id, texts.c.code, texts.c.title_fa, texts.c.subtasks).where(texts.c.template_id == tid)
        ).all():
            indicator = by_code.get(code)
            if indicator is None:
                continue
            values: dict[str, object] = {}
            if title != indicator.title_fa and title == _as_0001(indicator.title_fa):
                values["title_fa"] = indicator.title_fa
            wanted = list(indicator.subtasks)
            if subtasks != wanted and subtasks == [_as_0001(t) for t in wanted]:
                values["subtasks"] = wanted
            if values:
                conn.execute(sa.update(texts).where(texts.c.id == item_id).values(**values))
    conn.execute(sa.text("UPDATE templates SET title_fa = :new WHERE code = :code AND title_fa = :old"),
                 {"new": prog.title_fa, "code": THREE_YEAR, "old": _as_0001(prog.title_fa)})
    # 4. programme 6's goal in the catalogue reform template
    reform = catalog.load_reform()
    tid = _stable_id("template", reform.code, str(reform.version))
    if tid in templates:
        for goal in (i for i in reform.items if i.is_goal):
            iid = _stable_id("item", tid, goal.legacy_code)
            if conn.execute(sa.text("SELECT 1 FROM template_items WHERE id = :i"), {"i": iid}).first():
                continue
            order = conn.execute(sa.text(
                "SELECT MAX(sort_order) FROM template_items WHERE template_id = :t"), {"t": tid}).scalar()
            full = sa.table(
                "template_items", *(sa.column(c) for c in (
                    "id", "office_code", "hlc", "updated_by", "updated_at", "deleted", "template_id",
                    "section_id", "code", "sort_order", "title_fa", "subtasks", "legal_basis", "lead_unit",
                    "partner_units", "counts", "kind", "unit_fa", "frequency", "direction", "min_value",
                    "max_value", "target", "measurement_fa")))
            d = goal.definition
            conn.execute(sa.insert(full).values(
                id=iid, office_code="hq", hlc=SEED_STAMP, updated_by="seed", updated_at=SEED_AT,
                deleted=False, template_id=tid,
                section_id=_stable_id("section", tid, str(goal.programme_number)), code=goal.code,
                sort_order=int(order or 0) + 1, title_fa=goal.title_fa, subtasks=json.dumps([]),
                legal_basis="؛ ".join(reform.programme(goal.programme_number).policy_references),
                lead_unit="", partner_units=json.dumps([]), counts=True, kind=d.kind, unit_fa=d.unit_fa,
                frequency=d.frequency, direction=d.direction, min_value=d.min_value,
                max_value=d.max_value, target=d.target, measurement_fa=d.measurement_fa,
            ))
    # 5. completion under the due rule
    recompute_completion(conn, COMPUTED)


def upgrade() -> None:
    with op.batch_alter_table('template_items', schema=None) as batch_op:
        batch_op.add_column(sa.Column('kind', sa.String(length=16), server_default='status', nullable=False))
        batch_op.add_column(sa.Column('unit_fa', sa.String(length=80), server_default='', nullable=False))
        batch_op.add_column(sa.Column('frequency', sa.String(length=16), server_default='quarterly', nullable=False))
        batch_op.add_column(sa.Column('direction', sa.String(length=8), server_default='higher', nullable=False))
        batch_op.add_column(sa.Column('min_value', sa.Float(), nullable=True))
        batch_op.add_column(sa.Column('max_value', sa.Float(), nullable=True))
        batch_op.add_column(sa.Column('target', sa.Float(), nullable=True))
        batch_op.add_column(sa.Column('measurement_fa', sa.Text(), server_default='', nullable=False))
    _data(op.get_bind())


def downgrade() -> None:
    with op.batch_alter_table('template_items', schema=None) as batch_op:
        batch_op.drop_column('measurement_fa')
        batch_op.drop_column('target')
        batch_op.drop_column('max_value')
        batch_op.drop_column('min_value')
        batch_op.drop_column('direction')
        batch_op.drop_column('frequency')
        batch_op.drop_column('unit_fa')
        batch_op.drop_column('kind')
