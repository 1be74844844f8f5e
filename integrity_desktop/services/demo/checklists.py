"""Demo checklists: the three-year programme filled per unit and quarter, improving over time.

Deterministic from ``rng``; ids come from ``stable_id("demo", ...)`` so a second run adds nothing.
"""

from __future__ import annotations

import io
import random
import struct
import tempfile
import zlib
from pathlib import Path
from typing import Any

from reportlab.pdfgen.canvas import Canvas
from sqlalchemy import func, select

from integrity_desktop.db.models import Checklist, ChecklistEntry, TemplateItem, Unit
from integrity_desktop.db.store import Store
from integrity_desktop.indicators import Definition
from integrity_desktop.jalali import Period
from integrity_desktop.permissions import REVIEWER, Actor
from integrity_desktop.services.checklists import filled as checklists
from integrity_desktop.services.checklists import scoring
from integrity_desktop.services.figures import computed
from integrity_desktop.services.store import evidence
from integrity_desktop.services.store.records import stable_id

NOTES = (
    "گزارش اقدامات به دفتر مدیریت عملکرد ارسال شد.",
    "نامهٔ پیگیری به واحد مسئول فرستاده شد و پاسخ در راه است.",
    "جلسهٔ کمیتهٔ سلامت اداری برگزار و صورت‌جلسه بایگانی شد.",
    "اجرای کامل منوط به تأمین اعتبار در سال آینده است.",
    "آموزش کارکنان در دو نوبت برگزار شد.",
    "مستندات در سامانهٔ مکاتبات اداری ثبت شده است.",
    "به دلیل کمبود نیرو، اجرای این شاخص به نیمهٔ دوم سال موکول شد.",
    "فهرست خدمات و مدارک لازم روی درگاه اداره منتشر شد.",
)
HQ_REVIEWER = Actor(username="reviewer", role=REVIEWER, office_code="hq", full_name="حسین محمدی")


def _png(rng: random.Random, size: int = 24) -> bytes:
    """A small valid PNG (a coloured square), made without an imaging library."""
    colour = bytes(rng.randrange(256) for _ in range(3))
    raw = b"".join(b"\x00" + colour * size for _ in range(size))

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    header = struct.pack(">IIBBBBB", size, size, 8, 2, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(raw)) + \
        chunk(b"IEND", b"")


def _pdf(text: str) -> bytes:
    buffer = io.BytesIO()
    canvas = Canvas(buffer, invariant=True)
    canvas.drawString(72, 760, text)
    canvas.showPage()
    canvas.save()
    return buffer.getvalue()


def _value(rng: random.Random, d: Definition) -> float:
    """A plausible value of the indicator's kind, inside its bounds."""
    low = d.min_value if d.min_value is not None else 0.0
    if d.kind == "count":
        return float(rng.randint(1, 40))
    if d.kind == "ratio":
        return round(rng.uniform(max(low, 0.5 * (d.max_value or 1)), d.max_value or 1.0), 2)
    if d.kind == "average_days":
        return float(rng.randint(8, 45))
    high = d.max_value if d.max_value is not None else 100.0
    return float(rng.randint(int(max(low, 0.35 * high)), int(high)))


def _answer(rng: random.Random, progress_in_time: float, definition: Definition | None) -> dict[str, Any]:
    roll = rng.random()
    done = 0.2 + 0.55 * progress_in_time
    if roll < 0.04:
        answer: dict[str, Any] = {"status": "na"}
    elif roll < 0.04 + done:
        answer = {"status": "done"}
    elif roll < 0.24 + done:
        answer = {"status": "partial", "progress": rng.choice((20, 30, 40, 50, 60, 70, 80))}
    elif roll < 0.9:
        answer = {"status": "not_done"}
    else:
        answer = {"status": ""}
    if definition is not None and answer["status"] in ("done", "partial"):
        answer["value"] = _value(rng, definition)
    if rng.random() < 0.15:
        answer["note"] = rng.choice(NOTES)
    return answer


def fill(store: Store, actor: Actor, rng: random.Random, scale: int) -> dict[str, int]:
    office = store.office_code
    template_id = scoring.three_year_template_id()
    periods = [Period(y, "quarter", q) for y in range(1401 - (max(1, scale) - 1), 1404) for q in range(1, 5)]
    with store.read() as s:
        units: list[str | None] = [None, *s.scalars(select(Unit.id).where(
            Unit.office_code == office, Unit.deleted.is_(False), Unit.active.is_(True)
        ).order_by(Unit.name_fa))]
        items = [(i.code, i.definition) for i in s.scalars(select(TemplateItem).where(
            TemplateItem.template_id == template_id
        ).order_by(TemplateItem.sort_order))]
    computed_codes = computed.computed_codes(scoring.three_year_code())
    created = entries = 0
    for index, period in enumerate(periods):
        time_share = index / max(1, len(periods) - 1)
        for unit_id in units:
            checklist_id = stable_id("demo", "checklist", office, unit_id or "-", period.code)
            # The same draws whatever is asked, so the demo stays the same record for record.
            answers = {code: _answer(rng, time_share, d if d.takes_value else None) for code, d in items}
            for code in computed_codes if unit_id is None else ():
                answers[code].pop("value", None)  # computed from the records, never typed
            with store.session() as s:
                if checklists.find_existing(s, office, unit_id, template_id, period.code) is not None:
                    continue  # made by an earlier run, or by another area's computed values
                made = checklists.create_in(s, store, actor, template_id, unit_id, period.code,
                                            checklist_id=checklist_id, answers=answers)
                entries += int(s.scalar(select(func.count()).select_from(ChecklistEntry).where(
                    ChecklistEntry.checklist_id == made.id)) or 0)
            created += 1
    approved = _approve_some(store, actor, office, [u for u in units if u is not None], periods)
    attached = _attach_some(store, actor, office, periods[-1], rng)
    reform = _reform_year(store, actor, office, periods[-1].year, rng)
    return {"checklists": created + reform, "checklist_entries": entries,
            "checklists_approved": approved, "evidence_files": attached}


def _reform_year(store: Store, actor: Actor, office: str, year: int, rng: random.Random) -> int:
    """The administrative-reform programme's checklist of the year (its items are annual), with
    programme 6's goal measured against its 10 percent."""
    from integrity_desktop import catalog

    reform = catalog.load_reform()
    template_id = stable_id("template", reform.code, str(reform.version))
    answers: dict[str, dict[str, Any]] = {}
    for item in reform.items:
        answer = _answer(rng, 0.7, item.definition if item.definition.takes_value else None)
        if item.is_goal:
            answer = {"status": "partial", "progress": 60, "value": 7.0,
                      "note": "سنجش فرهنگ سازمانی در آغاز و پایان سال با پرسش‌نامهٔ یکسان"}
        answers[item.code] = answer
    with store.session() as s:
        if checklists.find_existing(s, office, None, template_id, str(year)) is not None:
            return 0
        checklists.create_in(s, store, actor, template_id, None, str(year),
                             checklist_id=stable_id("demo", "checklist", office, "reform", str(year)),
                             answers=answers)
    return 1


def _find(store: Store, office: str, unit_id: str | None, period: Period) -> str | None:
    with store.read() as s:
        return checklists.find_existing(s, office, unit_id, scoring.three_year_template_id(), period.code)


def _approve_some(store: Store, actor: Actor, office: str, units: list[str], periods: list[Period]) -> int:
    """Two unit checklists of the oldest quarter, and the whole directorate's checklist of the
    quarter before the last, went through HQ review.  The latter froze its computed figures
    before the inspections of that quarter were logged (the demo's inspections come next), so
    it shows «تغییر پس از تأیید: اکنون …» beside them."""
    count = 0
    for unit_id, period in [*((u, periods[0]) for u in units[:2]), (None, periods[-2])]:
        checklist_id = _find(store, office, unit_id, period)
        if checklist_id is None:
            continue
        with store.read() as s:
            status = s.scalar(select(Checklist.status).where(Checklist.id == checklist_id))
        if status == "draft":
            checklists.submit(store, actor, checklist_id)
            status = "submitted"
        if status == "submitted":
            checklists.approve(store, HQ_REVIEWER, checklist_id)
            count += 1
    return count


def _attach_some(store: Store, actor: Actor, office: str, period: Period, rng: random.Random) -> int:
    checklist_id = _find(store, office, None, period)
    if checklist_id is None:
        return 0
    view = checklists.get_checklist(store, actor, checklist_id)
    done = [e for e in view.entries if e.status in ("done", "partial")][:4]
    files = [
        ("نامهٔ ابلاغ.pdf", _pdf("Integrity Desktop demo letter")),
        ("عکس تابلوی اعلانات.png", _png(rng)),
        ("صورت‌جلسهٔ کمیته.pdf", _pdf("Integrity Desktop demo minutes")),
        ("اسکن فرم نظرسنجی.png", _png(rng)),
    ]
    with tempfile.TemporaryDirectory() as folder:
        for entry, (name, data) in zip(done, files, strict=False):
            path = Path(folder) / name
            path.write_bytes(data)
            evidence.attach(store, actor, checklists.ENTRY_OWNER, entry.id, path)
    return min(len(done), len(files))
