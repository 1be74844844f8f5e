"""What an indicator measures and when it is asked: kinds, units, frequencies, bounds, targets.

Pure Python (no Qt, no database).  The catalogue (``resources/catalog``), the template
services, the entry validators, scoring, the dashboard and the reports all take these rules
from here, so a percent is 0–100 and an annual indicator is asked in the last quarter in every
one of them.

The rules, in the words the catalogue notes use:

* **kind** — ``status`` (done / partly done / not done, no number), ``count`` (a whole number
  ≥ 0), ``percent`` (0–100), ``ratio`` (0–1 unless the indicator says otherwise),
  ``average_days`` (0–365) or ``score`` (0–100).
* **frequency** and the **due rule** (``due``): a checklist of a period asks an indicator when
  the indicator's period ends inside it — ``monthly`` in every checklist; ``quarterly`` in
  quarter, half-year and year checklists and in the last month of a quarter; ``six_monthly``
  in half-year and year checklists, the 2nd and 4th quarters and months 6 and 12; ``annual`` in
  the year checklist and the year's last half, quarter and month; ``once`` (set up once for the
  programme) in every checklist until the office's earlier checklist answers it done.
  Computed indicators are asked only in the whole-directorate checklist; a checklist filled
  during an inspection visit checks every other indicator (a visit is not a period's report).
* **direction** — ``higher`` is better, or ``lower`` (10/3 «شاخص معکوس»).  A **target** is met
  when the value is at least it (higher) or at most it (lower).
* **numbers** follow the one rounding rule of ``digits``: a percent is shown to
  ``PERCENT_PLACES`` decimals, every other value to ``VALUE_PLACES``, and achievement compares
  the value *as shown* with the target (a 14.96 % shown «۱۵٪» meets «دست‌کم ۱۵٪»), so the
  screen, the PDF and the Excel cell never disagree with the verdict beside them.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import TYPE_CHECKING

from integrity_desktop.digits import (
    PERCENT_PLACES,
    VALUE_PLACES,
    percent_text,
    round_half_up,
    to_persian_digits,
    value_text,
)

if TYPE_CHECKING:
    from integrity_desktop.jalali import Period

STATUS, COUNT, PERCENT, RATIO, AVERAGE_DAYS, SCORE = (
    "status", "count", "percent", "ratio", "average_days", "score",
)
KINDS: tuple[str, ...] = (STATUS, COUNT, PERCENT, RATIO, AVERAGE_DAYS, SCORE)
KIND_LABELS_FA: dict[str, str] = {
    STATUS: "وضعیت اجرا",
    COUNT: "شمارش",
    PERCENT: "درصد",
    RATIO: "نسبت",
    AVERAGE_DAYS: "میانگین روز",
    SCORE: "امتیاز",
}
# The bounds a kind has when its indicator states no other (min, max; None = no limit).
DEFAULT_BOUNDS: dict[str, tuple[float | None, float | None]] = {
    STATUS: (None, None),
    COUNT: (0, None),
    PERCENT: (0, 100),
    RATIO: (0, 1),
    AVERAGE_DAYS: (0, 365),
    SCORE: (0, 100),
}
DEFAULT_UNITS_FA: dict[str, str] = {
    STATUS: "",
    COUNT: "مورد",
    PERCENT: "درصد",
    RATIO: "نسبت",
    AVERAGE_DAYS: "روز",
    SCORE: "امتیاز",
}

MONTHLY, QUARTERLY, SIX_MONTHLY, ANNUAL, ONCE = "monthly", "quarterly", "six_monthly", "annual", "once"
FREQUENCIES: tuple[str, ...] = (MONTHLY, QUARTERLY, SIX_MONTHLY, ANNUAL, ONCE)
FREQUENCY_LABELS_FA: dict[str, str] = {
    MONTHLY: "ماهانه",
    QUARTERLY: "فصلی",
    SIX_MONTHLY: "شش‌ماهه",
    ANNUAL: "سالانه",
    ONCE: "یک‌بار در برنامه",
}
DEFAULT_FREQUENCY = QUARTERLY

HIGHER, LOWER = "higher", "lower"
DIRECTIONS: tuple[str, ...] = (HIGHER, LOWER)
DIRECTION_LABELS_FA: dict[str, str] = {HIGHER: "بیشتر، بهتر", LOWER: "کمتر، بهتر (شاخص معکوس)"}
DEFAULT_DIRECTION = HIGHER

# Codes of the administrative-reform programme carry this prefix so that they never collide
# with the three-year programme's «N/M» codes; people read it as «اصلاح».
REFORM_PREFIX = "R"
REFORM_PREFIX_FA = "اصلاح"


@dataclass(frozen=True)
class Definition:
    """How one indicator is measured (the columns of a template item)."""

    kind: str = STATUS
    unit_fa: str = ""
    frequency: str = DEFAULT_FREQUENCY
    direction: str = DEFAULT_DIRECTION
    min_value: float | None = None
    max_value: float | None = None
    target: float | None = None
    measurement_fa: str = ""

    @property
    def takes_value(self) -> bool:
        """Whether answers carry a number (every kind but ``status``)."""
        return self.kind != STATUS

    @property
    def whole(self) -> bool:
        return self.kind == COUNT

    def problems(self) -> list[str]:
        """What is wrong with this definition (English, for catalogue and authoring checks)."""
        out = []
        if self.kind not in KINDS:
            out.append(f"unknown kind {self.kind!r}")
        if self.frequency not in FREQUENCIES:
            out.append(f"unknown frequency {self.frequency!r}")
        if self.direction not in DIRECTIONS:
            out.append(f"unknown direction {self.direction!r}")
        numbers = (self.min_value, self.max_value, self.target)
        if any(n is not None and not math.isfinite(n) for n in numbers):
            out.append("bounds and target must be finite numbers")
        elif self.kind == STATUS:
            if any(n is not None for n in numbers):
                out.append("a status indicator has no bounds or target")
        else:
            if self.min_value is None:
                out.append("a lower bound is required")
            if self.min_value is not None and self.max_value is not None and self.min_value > self.max_value:
                out.append("the lower bound is above the upper bound")
            if self.target is not None and not self.fits(self.target):
                out.append("the target is outside the bounds")
        return out

    def fits(self, number: float) -> bool:
        """Whether ``number`` is a value this indicator accepts (kind and bounds)."""
        if not self.takes_value or not math.isfinite(number):
            return False
        if self.whole and number != int(number):
            return False
        if self.min_value is not None and number < self.min_value:
            return False
        return self.max_value is None or number <= self.max_value


def default_definition(kind: str = STATUS) -> Definition:
    """The documented defaults for an indicator the programme says nothing more about."""
    low, high = DEFAULT_BOUNDS[kind]
    return Definition(kind=kind, unit_fa=DEFAULT_UNITS_FA[kind], min_value=low, max_value=high)


# --------------------------------------------------------------------------- due rule


def due(frequency: str, period: Period) -> bool:
    """Whether a checklist of ``period`` asks an indicator of this frequency (module docstring).

    ``once`` is always due here: whether an earlier checklist already answered it is decided
    when a checklist is made (``services.checklists.filled``).
    """
    kind, n = period.kind, period.number
    if frequency in (MONTHLY, ONCE):
        return True
    if frequency == QUARTERLY:
        return kind != "month" or n % 3 == 0
    if frequency == SIX_MONTHLY:
        return kind in ("year", "half") or (kind == "quarter" and n in (2, 4)) or (
            kind == "month" and n in (6, 12))
    if frequency == ANNUAL:
        return kind == "year" or (kind, n) in (("half", 2), ("quarter", 4), ("month", 12))
    raise ValueError(f"unknown frequency {frequency!r}")


DUE_RULE_FA = (
    "هر چک‌لیست شاخص‌هایی را می‌پرسد که دورهٔ آن‌ها در دورهٔ چک‌لیست به پایان می‌رسد: ماهانه در "
    "هر چک‌لیست؛ فصلی در چک‌لیست‌های سه‌ماهه، شش‌ماهه و سالانه و ماه آخر هر فصل؛ شش‌ماهه در "
    "چک‌لیست‌های شش‌ماهه و سالانه، سه‌ماههٔ دوم و چهارم و ماه‌های ششم و دوازدهم؛ سالانه در "
    "چک‌لیست سال و نیمهٔ دوم، سه‌ماههٔ چهارم و اسفند؛ «یک‌بار در برنامه» تا وقتی که چک‌لیستی "
    "پیشین آن را «انجام شد» پاسخ دهد. شاخص‌های محاسبه‌شده (از پرونده‌ها و بازرسی‌ها) فقط در "
    "چک‌لیست کل اداره پرسیده می‌شوند. چک‌لیستی که در بازدید بازرسی پر می‌شود همهٔ شاخص‌های "
    "الگو را (جز محاسبه‌شده‌ها) می‌پرسد؛ بازدید گزارش دوره نیست."
)


# --------------------------------------------------------------------------- showing


def display_code(code: str, lang: str = "fa") -> str:
    """``6/1`` -> ``۶/۱``; the reform programme's ``R6/1`` -> ``اصلاح ۶/۱`` (``R6/1`` in English)."""
    if lang != "fa":
        return code
    if code.startswith(REFORM_PREFIX):
        return f"{REFORM_PREFIX_FA} {to_persian_digits(code[len(REFORM_PREFIX):])}"
    return to_persian_digits(code)


def places(definition: Definition) -> int:
    """The decimals a value of this indicator is shown with (``digits``' one rounding rule)."""
    return PERCENT_PLACES if definition.kind == PERCENT else VALUE_PLACES


def shown(definition: Definition, value: float) -> float:
    """``value`` rounded as it is shown (and as an Excel cell holds it)."""
    return round_half_up(value, places(definition))


def format_value(definition: Definition, value: float | None) -> str:
    """A value as people read it: ``۴۲٫۵٪``, ``۰٫۸۵``, ``۱۲`` (no unit word except for percent)."""
    if value is None:
        return ""
    return percent_text(value) if definition.kind == PERCENT else value_text(value)


def value_text_fa(definition: Definition, value: float | None) -> str:
    """A value with its unit: «۱۲ جلسه», «۴۲٫۵٪», «۰٫۸۵»; empty for no value."""
    text = format_value(definition, value)
    if not text or definition.kind in (PERCENT, RATIO) or not definition.unit_fa:
        return text
    return f"{text} {definition.unit_fa}"


def definition_text_fa(definition: Definition) -> str:
    """One line about the indicator: «درصد؛ فصلی؛ هدف: دست‌کم ۱۵٪»."""
    parts = [KIND_LABELS_FA.get(definition.kind, definition.kind)]
    if definition.takes_value and definition.unit_fa and definition.unit_fa != parts[0]:
        parts[0] += f" ({definition.unit_fa})"
    parts.append(FREQUENCY_LABELS_FA.get(definition.frequency, definition.frequency))
    if definition.target is not None:
        parts.append(f"هدف: {target_text_fa(definition)}")
    if definition.direction == LOWER and definition.takes_value:
        parts.append("شاخص معکوس")
    return "؛ ".join(parts)


def range_text_fa(definition: Definition) -> str:
    """The accepted values in words: «عددی درست از ۰ به بالا», «عددی از ۰ تا ۱۰۰»."""
    low, high = definition.min_value, definition.max_value
    what = "عددی درست" if definition.whole else "عددی"
    low_text = value_text(low) if low is not None else None
    high_text = value_text(high) if high is not None else None
    if low_text is not None and high_text is not None:
        return f"{what} از {low_text} تا {high_text}"
    if low_text is not None:
        return f"{what} از {low_text} به بالا"
    if high_text is not None:
        return f"{what} تا {high_text}"
    return what


def target_text_fa(definition: Definition) -> str:
    """«دست‌کم ۱۵٪», «حداکثر ۳۰ روز»; empty when there is no target."""
    if definition.target is None:
        return ""
    number = format_value(definition, definition.target)
    unit = "" if definition.kind == PERCENT or not definition.unit_fa else f" {definition.unit_fa}"
    word = "دست‌کم" if definition.direction == HIGHER else "حداکثر"
    return f"{word} {number}{unit}"


# --------------------------------------------------------------------------- achievement

MET, NOT_MET, NO_TARGET, NO_VALUE = "met", "not_met", "no_target", "no_value"
ACHIEVEMENT_LABELS_FA = {MET: "محقق شد", NOT_MET: "محقق نشد", NO_TARGET: "بی‌هدف", NO_VALUE: "بی‌مقدار"}


@dataclass(frozen=True)
class Achievement:
    """A value against its target: met or not, and how far it is from the target."""

    state: str  # met | not_met | no_target | no_value
    gap: float | None = None  # how far short of the target (always >= 0), when not met

    def label_fa(self, definition: Definition) -> str:
        """«محقق شد», «محقق نشد؛ ۳ درصد مانده», «محقق نشد؛ ۵ روز بیش از هدف»."""
        if self.state != NOT_MET or self.gap is None:
            return ACHIEVEMENT_LABELS_FA[self.state]
        amount = value_text(self.gap, places(definition))
        unit = definition.unit_fa if definition.kind != RATIO else ""
        amount = f"{amount} {unit}".strip()
        if definition.direction == LOWER:
            return f"محقق نشد؛ {amount} بیش از هدف"
        return f"محقق نشد؛ {amount} تا هدف"


def achievement(definition: Definition, value: float | None) -> Achievement:
    """``value`` against the definition's target (see the module docstring)."""
    if definition.target is None or not definition.takes_value:
        return Achievement(NO_TARGET)
    if value is None:
        return Achievement(NO_VALUE)
    value = shown(definition, value)  # the verdict matches the figure people read
    gap = shown(definition, abs(value - definition.target))
    if definition.direction == LOWER:
        return Achievement(MET) if value <= definition.target else Achievement(NOT_MET, gap)
    return Achievement(MET) if value >= definition.target else Achievement(NOT_MET, gap)
