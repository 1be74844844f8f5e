"""What a checklist answer may hold: one validator per field, shared by the editor and Excel import.

Each validator takes the raw value a person gave and returns the value to store, or raises
``UserError`` with a Persian message saying what to write instead.  The Excel importer calls
them field by field so that every problem can be tied to its cell.
"""

from __future__ import annotations

import math
import re
import unicodedata
from collections.abc import Sequence
from typing import Any

from integrity_desktop.digits import to_ascii_digits, to_persian_digits
from integrity_desktop.errors import UserError
from integrity_desktop.indicators import KIND_LABELS_FA, Definition, display_code, range_text_fa

STATUSES: tuple[str, ...] = ("", "done", "partial", "not_done", "na")
STATUS_LABELS_FA: dict[str, str] = {
    "": "بی‌پاسخ",
    "done": "انجام شد",
    "partial": "تا حدی انجام شد",
    "not_done": "انجام نشد",
    "na": "موضوعیت ندارد",
}
FIELDS: tuple[str, ...] = ("status", "progress", "value", "note", "subtasks_done")
MAX_NOTE = 4000


def _number(raw: Any) -> float | None:
    """A number from a cell or a field: int/float, or text with any digits; None if empty."""
    if raw is None:
        return None
    if isinstance(raw, bool):
        raise ValueError("bool")
    if isinstance(raw, int | float):
        return float(raw)
    text = to_ascii_digits(str(raw)).strip().replace("\u066b", ".").replace("\u066c", "")
    text = text.replace(",", "").replace("\u066a", "").replace("%", "").strip()
    if not text:
        return None
    return float(text)


def _label_key(text: str) -> str:
    """A label as typed in Excel, compared without its spacing: with or without ZWNJ («بی‌پاسخ»,
    «بی پاسخ», «بیپاسخ»), Arabic or Persian yeh and kaf, kashida, presentation forms."""
    folded = unicodedata.normalize("NFKC", text).replace("\u064a", "\u06cc").replace("\u0643", "\u06a9")
    return re.sub(r"[\s\u200c\u200d\u0640]+", "", folded)


def status(raw: Any) -> str:
    """A status code; Persian labels are accepted too (they come back from Excel)."""
    text = "" if raw is None else str(raw).strip()
    if text in STATUSES:
        return text
    key = _label_key(text)
    for code, label in STATUS_LABELS_FA.items():
        if key == _label_key(label):
            return code
    allowed = "، ".join(f"«{label}»" for code, label in STATUS_LABELS_FA.items() if code)
    raise UserError(
        f"وضعیت «{text}» شناخته نیست؛ یکی از {allowed} را بنویسید یا خانه را خالی بگذارید.",
        f"Unknown status {text!r}; use done, partial, not_done, na or leave it empty.",
        code="invalid_status",
    )


def progress(raw: Any) -> int | None:
    """Progress in percent: a whole number from 0 to 100, or empty."""
    problem = UserError(
        f"درصد پیشرفت «{to_persian_digits(str(raw))}» معتبر نیست؛ عددی درست از ۰ تا ۱۰۰ بنویسید.",
        f"Progress {raw!r} is not valid; write a whole number from 0 to 100.",
        code="invalid_progress",
    )
    try:
        number = _number(raw)
    except ValueError as exc:
        raise problem from exc
    if number is None:
        return None
    if not math.isfinite(number) or number != int(number) or not 0 <= number <= 100:
        raise problem
    return int(number)


def _indicator_fa(code: str, title: str) -> str:
    """«شاخص ۱۷/۴ («رعایت حداقل ۱۵٪ …»)»: the code and the start of the title."""
    short = title if len(title) <= 48 else title[:47].rsplit(" ", 1)[0].rstrip("،, ") + "…"
    return f"شاخص {display_code(code)}" + (f" («{short}»)" if short else "")


def value(raw: Any, definition: Definition, code: str = "", title: str = "") -> float | None:
    """A value that fits the indicator's kind and bounds (``indicators``), or None if empty.

    The Persian message names the indicator and the values it accepts."""
    shown = to_persian_digits(str(raw).strip()) if raw is not None else ""
    who = _indicator_fa(code, title)
    try:
        number = _number(raw)
    except ValueError as exc:
        raise UserError(
            f"«{shown}» عدد نیست؛ برای {who} {range_text_fa(definition)} بنویسید.",
            f"Value {raw!r} of {code} is not a number.",
            code="invalid_value",
        ) from exc
    if number is None:
        return None
    if not definition.takes_value:
        raise UserError(
            f"{who} فقط وضعیت اجرا می‌گیرد و مقدار عددی ندارد؛ خانهٔ مقدار را خالی بگذارید.",
            f"Indicator {code} is a status indicator; leave the value empty.",
            code="value_not_counted",
        )
    if not definition.fits(number):
        kind = KIND_LABELS_FA[definition.kind]
        unit = f" ({definition.unit_fa})" if definition.unit_fa and definition.unit_fa != kind else ""
        raise UserError(
            f"مقدار {who} از نوع «{kind}»{unit} است و باید {range_text_fa(definition)} باشد؛ "
            f"«{shown}» پذیرفته نیست.",
            f"Value {raw!r} of {code} ({definition.kind}) must be within "
            f"{definition.min_value}..{definition.max_value}{' and whole' if definition.whole else ''}.",
            code="invalid_value",
        )
    return float(int(number)) if definition.whole else number


def computed_value(code: str, title: str = "") -> UserError:
    """The refusal of a typed value for an indicator computed from records."""
    return UserError(
        f"مقدار {_indicator_fa(code, title)} از روی پرونده‌ها و بازرسی‌ها محاسبه می‌شود و دستی "
        "تغییر نمی‌کند؛ برای تغییر آن، پرونده یا بازرسی مربوط را اصلاح کنید.",
        f"Indicator {code}'s value is computed from records and cannot be changed by hand.",
        code="computed_value",
    )


def note(raw: Any) -> str:
    text = "" if raw is None else str(raw).strip()
    if len(text) > MAX_NOTE:
        raise UserError(
            f"یادداشت {to_persian_digits(str(len(text)))} نویسه است؛ آن را به "
            f"{to_persian_digits(str(MAX_NOTE))} نویسه کوتاه کنید و بقیه را به‌صورت پیوست بیفزایید.",
            f"The note has {len(text)} characters; the limit is {MAX_NOTE}.",
            code="note_too_long",
        )
    return text


def subtasks_done(raw: Any, subtasks: Sequence[str]) -> list[int]:
    """Indices of ticked sub-tasks, each valid for this indicator, returned sorted and unique."""
    indices = list(raw or [])
    for i in indices:
        if isinstance(i, bool) or not isinstance(i, int) or not 0 <= i < len(subtasks):
            raise UserError(
                f"زیرفعالیت شمارهٔ {to_persian_digits(str(i))} در این شاخص نیست.",
                f"Sub-task index {i!r} does not exist for this indicator.",
                code="invalid_subtask",
            )
    return sorted(set(indices))


def check_fields(fields: dict[str, Any]) -> None:
    """Unknown field names are a programming error, not a user's."""
    unknown = set(fields) - set(FIELDS)
    if unknown:
        raise TypeError(f"unknown entry fields: {sorted(unknown)}")
