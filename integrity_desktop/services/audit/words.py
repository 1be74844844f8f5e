"""The audit log in people's words: record types and fields by their Persian names, and each
change as «فیلد: قدیم → جدید» with values as a person reads them (Jalali dates, Persian
digits, state labels).  Stored entries keep their JSON; this is only how they are shown."""

from __future__ import annotations

import datetime as _dt
import functools
import json
from collections.abc import Callable
from typing import Any

from integrity_desktop import jalali
from integrity_desktop.digits import to_persian_digits, value_text
from integrity_desktop.services.cases import lifecycle as lc
from integrity_desktop.services.checklists import entry_rules
from integrity_desktop.services.checklists.filled import CHECKLIST_STATUS_LABELS_FA

ENTITY_LABELS_FA: dict[str, str] = {
    "case": "پروندهٔ تخلف", "case_event": "مرحلهٔ پرونده", "template": "الگوی چک‌لیست",
    "template_section": "محور الگو", "template_item": "شاخص الگو", "checklist": "چک‌لیست",
    "checklist_entry": "پاسخ چک‌لیست", "evidence": "مستند", "inspector": "بازرس",
    "inspection_plan": "برنامهٔ بازرسی", "plan_item": "بازرسی برنامه‌ریزی‌شده", "visit": "بازدید",
    "finding": "یافتهٔ بازدید", "corrective_action": "اقدام اصلاحی", "office": "اداره", "unit": "واحد",
    "lookup": "فهرست پایه", "committee_member": "عضو کمیته", "committee_meeting": "جلسهٔ کمیته",
    "committee_resolution": "مصوبهٔ کمیته", "training_course": "دورهٔ آموزشی",
    "complaint": "شکایت", "survey_round": "دورهٔ نظرسنجی", "oversight_letter": "نامهٔ نظارتی",
    "bundle": "بستهٔ همگام‌سازی", "store": "پایگاه داده", "store_meta": "تنظیمات پایگاه",
    "trusted_key": "کلید مورد اعتماد", "user": "کاربر",
}

# Persian names of the fields people meet; any other field shows its own name.
FIELD_LABELS_FA: dict[str, str] = {
    "name_fa": "نام", "title": "عنوان", "title_fa": "عنوان", "kind": "نوع", "active": "فعال",
    "deleted": "حذف‌شده", "status": "وضعیت", "state": "وضعیت", "value": "مقدار", "answer": "پاسخ",
    "score": "امتیاز", "note": "یادداشت", "notes": "یادداشت‌ها", "description": "شرح",
    "period": "دوره", "period_code": "دوره", "unit_id": "واحد", "approved_by": "تأییدکننده",
    "review_note": "یادداشت بازگرداندن",
    "approved_at": "زمان تأیید", "submitted_at": "زمان ارسال", "due_date": "مهلت",
    "sort_order": "ترتیب", "progress": "پیشرفت (درصد)", "subtasks_done": "زیرکارهای انجام‌شده",
    "computed": "محاسبه از دفترها", "computed_source": "منبع رقم محاسبه‌شده", "completion": "تکمیل",
    "template_id": "الگو", "checklist_id": "چک‌لیست", "item_id": "شاخص", "approved_hlc": "مهر تأیید",
    "employee_name": "نام کارمند", "employee_post": "سمت کارمند", "national_code": "کد ملی",
    "reporter": "گزارش‌دهنده", "reported_on": "تاریخ گزارش", "summary": "خلاصه",
    "violation_codes": "تخلف‌ها", "full_name": "نام و نام خانوادگی", "post": "سمت",
    "role": "نقش", "username": "نام کاربری", "event_date": "تاریخ", "stage": "مرحله",
    "penalty_code": "مجازات", "board_code": "هیئت", "visit_date": "تاریخ بازدید",
    "severity": "شدت", "deadline": "مهلت", "done_on": "تاریخ انجام", "filename": "نام پرونده",
    "size": "اندازه", "appointed_on": "تاریخ انتصاب", "term_end": "پایان دوره", "letter_no": "شمارهٔ نامه",
    "case_number": "شمارهٔ پرونده", "personal": "با اطلاعات شخصی", "code": "کد",
    "actions_taken": "اقدام‌های انجام‌شده", "answer_note": "یادداشت پاسخ", "answered_on": "تاریخ پاسخ",
    "body": "مرجع", "case_id": "پرونده", "category": "دسته", "channel": "راه دریافت",
    "closed_on": "تاریخ بستن", "conducted_on": "تاریخ برگزاری", "direction": "جهت",
    "due_on": "مهلت", "end_date": "تاریخ پایان", "finding_id": "یافته", "follow_up": "پیگیری",
    "follows_id": "مرحلهٔ پیشین", "held_date": "تاریخ جلسه", "hours": "ساعت", "in_date": "تاریخ ورود",
    "in_number": "شمارهٔ ورود", "indicator_code": "کد شاخص", "inspector_ids": "بازرسان",
    "attendee_ids": "حاضران", "letter_date": "تاریخ نامه", "meeting_id": "جلسه",
    "member_from": "عضویت از", "member_to": "عضویت تا", "method": "روش", "mime": "نوع پرونده",
    "number": "شماره", "outcome": "نتیجه", "out_date": "تاریخ صدور", "out_number": "شمارهٔ صدور",
    "owner_id": "رکورد مالک", "owner_type": "نوع رکورد مالک", "participant_count": "شمار شرکت‌کنندگان",
    "person_contact": "راه تماس", "person_name": "نام شخص", "plan_id": "برنامه",
    "plan_item_id": "بازرسی برنامه", "planned_date": "تاریخ برنامه", "received_on": "تاریخ دریافت",
    "recipient": "گیرنده", "recommendations": "توصیه‌ها", "referred_to": "ارجاع به",
    "responsible_unit_id": "واحد مسئول", "sample_size": "حجم نمونه", "satisfaction": "رضایت",
    "start_date": "تاریخ آغاز", "subject": "موضوع", "target": "هدف", "text": "متن", "topic": "موضوع",
    "tracking_number": "شمارهٔ پیگیری", "trainer": "مدرس", "visit_id": "بازدید", "year": "سال",
    "sha256": "چکیدهٔ پرونده", "via": "از راه", "command": "فرمان", "mean_score": "میانگین امتیاز",
    "quorum_met": "حد نصاب", "minutes": "صورت‌جلسه", "resolution": "تصمیم", "record_count": "شمار رکوردها",
    "source_finding_id": "ارجاع از یافتهٔ بازدید",
}

# Stored codes of a field, by the services' Persian labels (read once, lazily: the registers'
# services are imported only when an entry is shown).
@functools.cache
def _value_labels() -> dict[tuple[str, str], dict[str, str]]:
    from integrity_desktop.services.committee import register as committee
    from integrity_desktop.services.rights import complaints, oversight, surveys

    return {
        ("checklist_entry", "status"): entry_rules.STATUS_LABELS_FA,
        ("checklist", "status"): CHECKLIST_STATUS_LABELS_FA,
        ("case", "state"): lc.STATE_LABELS_FA,
        ("case_event", "stage"): lc.KIND_LABELS_FA,
        ("oversight_letter", "body"): {code: name for code, (name, _) in oversight.BODIES.items()},
        ("complaint", "kind"): complaints.KINDS,
        ("complaint", "channel"): complaints.CHANNELS,
        ("complaint", "category"): complaints.CATEGORIES,
        ("complaint", "outcome"): complaints.OUTCOMES,
        ("committee_member", "role"): committee.MEMBER_ROLES,
        ("committee_meeting", "status"): committee.MEETING_STATUSES,
        ("committee_resolution", "status"): committee.RESOLUTION_STATUSES,
        ("survey_round", "method"): surveys.METHODS,
    }


# Stored codes a field has in every entry, whatever its record type: how a person signed in.
FIELD_VALUE_LABELS_FA: dict[str, dict[str, str]] = {
    "via": {"gui": "پنجرهٔ برنامه", "cli": "خط فرمان"},
}


# Bookkeeping every record carries; a change of these alone says nothing to a person.
_SKIP = frozenset({"hlc", "updated_at", "updated_by", "search_text", "id", "office_code"})


def entity_label(entity: str) -> str:
    return ENTITY_LABELS_FA.get(entity, entity)


def field_label(name: str) -> str:
    return FIELD_LABELS_FA.get(name, name)


# Numbers that identify a record: every screen shows them in Persian digits (a case number,
# a national code, a letter's number), so the audit log does too.
NUMBER_FIELDS = frozenset({"case_number", "national_code", "tracking_number", "in_number", "out_number",
                           "letter_no"})


def shown_value(value: Any, entity: str = "", field: str = "") -> str:
    """A stored JSON value as a person reads it."""
    labels = _value_labels().get((entity, field)) or FIELD_VALUE_LABELS_FA.get(field)
    if labels is not None and isinstance(value, str) and value in labels:
        return labels[value]
    if field in NUMBER_FIELDS and isinstance(value, str) and value:
        return to_persian_digits(value)
    if value is None or value == "":
        return "—"
    if isinstance(value, bool):
        return "بله" if value else "خیر"
    if isinstance(value, int | float):
        return value_text(float(value))
    if isinstance(value, str):
        return _shown_text(value)
    if isinstance(value, list):
        return "، ".join(shown_value(v) for v in value) or "—"
    if isinstance(value, dict):
        return "، ".join(f"{field_label(str(k))}: {shown_value(v, entity, str(k))}" for k, v in value.items()) or "—"
    return to_persian_digits(str(value))


def _shown_text(value: str) -> str:
    if len(value) == 10 and value[4] == "-" and value[7] == "-":
        try:
            return jalali.format_date(_dt.date.fromisoformat(value))
        except ValueError:
            pass
    if len(value) > 18 and value[4] == "-" and "T" in value:
        try:
            at = _dt.datetime.fromisoformat(value.rstrip("Z"))
            if at.tzinfo is None:
                at = at.replace(tzinfo=_dt.UTC)
            return jalali.format_datetime(at.astimezone().replace(tzinfo=None))
        except ValueError:
            pass
    return value  # what a person typed stays as typed (codes, «A2», a phone number)


def plain_fields(text: str) -> dict[str, Any]:
    """An audit entry's before/after JSON as fields (a non-object value under the key "")."""
    if not text:
        return {}
    try:
        value = json.loads(text)
    except ValueError:
        return {"": text}
    return value if isinstance(value, dict) else {"": value}


def describe_changes(before: str, after: str, entity: str = "") -> str:
    """The fields that differ, as «فیلد: قدیم → جدید», joined by «؛ »."""
    old, new = plain_fields(before), plain_fields(after)
    parts = []
    for key in sorted(set(old) | set(new), key=lambda k: (field_label(k), k)):
        if key in _SKIP or old.get(key) == new.get(key):
            continue
        if key == "deleted" and key not in old and not new[key]:
            continue  # a new record is not deleted: saying so is noise
        name = field_label(key) if key else "مقدار"
        show = functools.partial(shown_value, entity=entity, field=key)
        parts.append(change_part(name, key, old, new, show, " —"))
    return "؛ ".join(parts)


def change_part(
    name: str, key: str, old: dict[str, Any], new: dict[str, Any], show: Callable[[Any], str], gone: str
) -> str:
    """One changed field, in the Persian and the Latin view alike: «name: old → new»; «name: new»
    for a field added; «name: old →» and then ``gone`` for a field that went."""
    if key in old and key in new:
        return f"{name}: {show(old[key])} → {show(new[key])}"
    if key in new:
        return f"{name}: {show(new[key])}"
    return f"{name}: {show(old[key])} →{gone}"
