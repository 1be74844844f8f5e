"""What an import reports: counts per record type, rejections with their reasons, the records
held back and what they wait for, and notices (replay, gaps, audit chain, clock, limits).

The lists are bounded (``MAX_LISTED`` entries each): a bundle of a million bad records is
counted exactly, and its first rejections are listed with a notice that more were left out,
so neither the importer's memory nor the import log grows with a hostile bundle.
"""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass, field
from typing import Any

from integrity_desktop.digits import format_number

MAX_LISTED = 1000

REJECT_REASONS_FA = {
    "foreign_office": "رکورد ادارهٔ دیگری است؛ این اداره اجازهٔ ساختن یا تغییر آن را ندارد",
    "not_for_this_office": "رکورد ادارهٔ دیگری است و به این اداره نمی‌رسد",
    "owner_changed": "این رکورد در این سامانه از آنِ ادارهٔ دیگری است؛ مالک رکورد با بسته عوض نمی‌شود",
    "foreign_parent": "رکورد به رکوردی از ادارهٔ دیگر (مثلاً پرونده، چک‌لیست یا بازدید آن) بسته است",
    "hq_only": "این نوع رکورد (الگوها، فهرست‌ها و اداره‌ها) را فقط ستاد می‌سازد یا تغییر می‌دهد",
    "hq_only_field": "تأیید چک‌لیست را فقط ستاد تعیین می‌کند؛ فیلدهای تأیید پذیرفته نشد و بقیهٔ رکورد ادغام شد",
    "invalid_record": "رکورد خوانا یا کامل نیست",
    "too_large": "رکورد بزرگ‌تر از اندازهٔ مجاز است",
    "missing_parent": "رکورد والد آن (مثلاً سیاهه یا واحد) در این سامانه نیست",
    "future_stamp": "زمان ثبت رکورد بیش از یک روز جلوتر از ساعت این رایانه است",
    "evidence_missing": "پروندهٔ مستند همراه رکورد نیامده است",
    "constraint": "با رکورد دیگری هم‌شناسه است (تکراری)",
}

# What a held record waits for, in Persian: a record type, or the clock.
WAITS_FOR_FA = {
    "office": "اداره", "unit": "واحد", "lookup": "فهرست پایه", "template": "الگوی چک‌لیست",
    "template_section": "بخش الگو", "template_item": "شاخص الگو", "checklist": "چک‌لیست",
    "checklist_entry": "پاسخ چک‌لیست", "inspector": "بازرس", "inspection_plan": "برنامهٔ بازرسی",
    "plan_item": "ردیف برنامهٔ بازرسی", "visit": "بازدید بازرسی", "finding": "یافته",
    "corrective_action": "اقدام اصلاحی", "case": "پروندهٔ تخلف", "case_event": "مرحلهٔ پرونده",
    "evidence": "پروندهٔ مستند", "clock": "رسیدن زمان ثبت",
    "committee_member": "عضو کمیته", "committee_meeting": "جلسهٔ کمیته",
    "committee_resolution": "مصوبهٔ کمیته", "training_course": "دورهٔ آموزشی",
    "complaint": "شکایت یا نامهٔ مردمی", "survey_round": "نظرسنجی", "oversight_letter": "نامهٔ نهاد نظارتی",
}

# What an id from a bundle may look like when it is printed (a TAB-separated line must stay
# one line): anything else is shown escaped and cut.
_PRINTABLE_ID = re.compile(r"^[0-9A-Za-z_.:-]{1,64}$")


def printable_id(value: Any) -> str:
    text = value if isinstance(value, str) else repr(value)
    if _PRINTABLE_ID.match(text):
        return text
    return text.encode("unicode_escape").decode("ascii")[:64]


@dataclass
class TypeCounts:
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    conflicts: int = 0
    rejected: int = 0  # whole records
    held: int = 0  # waiting for a parent or the clock after this import
    fields_rejected: int = 0  # records applied without the HQ-only fields they tried to set


@dataclass(frozen=True)
class Rejection:
    record_type: str
    record_id: str
    reason: str  # a key of REJECT_REASONS_FA
    detail: str = ""
    source_office: str = ""  # of a held record released by another office's bundle

    @property
    def reason_fa(self) -> str:
        return REJECT_REASONS_FA.get(self.reason, self.reason)


@dataclass(frozen=True)
class Held:
    """A record this import left waiting, and what it waits for."""

    record_type: str
    record_id: str
    hlc: str
    reason: str  # missing_parent | future_stamp
    waits_for_type: str  # a record type, or "clock"
    waits_for_id: str  # that record's id, or the stamp


@dataclass(frozen=True)
class Notice:
    # replay | retried | older | gap | audit_shorter | audit_rewritten | audit_restored | held | released |
    # held_limit | future_stamp | rejections_truncated
    code: str
    fa: str
    en: str


@dataclass
class ImportSummary:
    bundle_sha256: str
    source_office: str
    seq: int
    outcome: str  # accepted | replay
    dry_run: bool
    encrypted: bool
    counts: dict[str, TypeCounts] = field(default_factory=dict)
    rejections: list[Rejection] = field(default_factory=list)
    notices: list[Notice] = field(default_factory=list)
    evidence_files: int = 0
    held: list[Held] = field(default_factory=list)  # the first MAX_LISTED held by this import
    held_count: int = 0  # held by this import
    held_total: int = 0  # held in the store for this bundle's office after the import
    released: int = 0  # held records this import took out of waiting (applied or decided)
    unlisted_rejections: int = 0
    future_stamps: int = 0  # records held (or rejected) for a stamp ahead of the clock
    future_ahead_ms: int = 0  # how far ahead the furthest was
    incomplete: bool = False  # records were turned away by a limit: a re-import retries

    @property
    def changed(self) -> int:
        return sum(c.created + c.updated for c in self.counts.values())

    def add_rejection(self, rejection: Rejection) -> None:
        if len(self.rejections) < MAX_LISTED:
            self.rejections.append(rejection)
        else:
            self.unlisted_rejections += 1

    def add_held(self, held: Held) -> None:
        self.held_count += 1
        if len(self.held) < MAX_LISTED:
            self.held.append(held)

    def finish(self) -> None:
        """The notices that sum the lists up (called once, at the end of the import)."""
        if self.held_count:
            waiting = sorted({h.waits_for_type for h in self.held})
            self.notices.append(Notice(
                "held",
                f"{format_number(self.held_count)} رکورد از این بسته نگه داشته شد تا آنچه به آن "
                f"بسته است برسد (در انتظار: {'، '.join(WAITS_FOR_FA.get(w, w) for w in waiting)})؛ "
                "با رسیدن آن، خودبه‌خود اعمال می‌شود.",
                f"{self.held_count} records held until what they wait for arrives "
                f"({', '.join(waiting)}).",
            ))
        if self.future_stamps:
            days = max(1, self.future_ahead_ms // 86_400_000)
            self.notices.append(Notice(
                "future_stamp",
                f"زمان ثبت {format_number(self.future_stamps)} رکورد تا {format_number(days)} روز "
                "جلوتر از ساعت این رایانه است (بیش از یک روز)؛ ساعت رایانهٔ فرستنده احتمالاً "
                "نادرست است. این رکوردها اعمال نشد و نگه داشته شد تا زمانشان برسد؛ ساعت آن "
                "رایانه را درست کنید.",
                f"{self.future_stamps} records are stamped up to {days} days ahead of this "
                "computer's clock (more than a day); the sender's clock is probably wrong. "
                "They were held, not applied, until their time comes.",
            ))
        if self.released:
            self.notices.append(Notice(
                "released",
                f"{format_number(self.released)} رکورد نگه‌داشته از بسته‌های پیشین اکنون اعمال شد.",
                f"{self.released} records held from earlier bundles were taken out of waiting.",
            ))
        if self.unlisted_rejections:
            self.notices.append(Notice(
                "rejections_truncated",
                f"{format_number(MAX_LISTED)} رد نخست فهرست شده است و "
                f"{format_number(self.unlisted_rejections)} رد دیگر تنها شمرده شده است.",
                f"The first {MAX_LISTED} rejections are listed; {self.unlisted_rejections} "
                "more were counted.",
            ))

    def to_json(self) -> dict[str, Any]:
        return {
            "bundle_sha256": self.bundle_sha256,
            "source_office": self.source_office,
            "seq": self.seq,
            "outcome": self.outcome,
            "dry_run": self.dry_run,
            "encrypted": self.encrypted,
            "counts": {k: asdict(v) for k, v in self.counts.items()},
            "rejections": [
                {**asdict(r), "reason_fa": r.reason_fa} for r in self.rejections
            ],
            "unlisted_rejections": self.unlisted_rejections,
            "held": {
                "count": self.held_count,
                "total": self.held_total,
                "released": self.released,
                "records": [asdict(h) for h in self.held],
            },
            "notices": [asdict(n) for n in self.notices],
            "evidence_files": self.evidence_files,
            "incomplete": self.incomplete,
        }
