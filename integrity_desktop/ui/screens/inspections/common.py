"""What the inspections screen's tabs share: the periods offered in their period pickers, and
the small button helper of their tool bars (the row they stand in is widgets.buttons.button_row)."""

from __future__ import annotations

import datetime as _dt
from collections.abc import Callable, Iterable

from PySide6.QtWidgets import QPushButton

from integrity_desktop import jalali
from integrity_desktop.ui.widgets.buttons import push_button


def period_choices(today: _dt.date, extra_years: Iterable[int] = ()) -> list[tuple[str, str]]:
    """(label, code) of the quarters, halves and years of this Jalali year, the last, and the
    years that have plans, newest year first."""
    year = jalali.jalali_year(today)
    out: list[tuple[str, str]] = []
    for y in sorted({year, year - 1, *extra_years}, reverse=True):
        for kind in ("quarter", "half", "year"):
            for p in jalali.periods_of_year(y, kind):
                out.append((p.label_fa, p.code))
    return out


def make_button(
    text: str, name: str, slot: Callable[[], None], enabled: bool = True, *, tip: str = ""
) -> QPushButton:
    button = push_button(text, name=name, tip=tip, on_click=slot)
    button.setEnabled(enabled)
    return button

