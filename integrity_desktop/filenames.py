"""Names of the files the app suggests when it saves something: the stem, then the Jalali day.

The day is written ``1404-09-13`` (Latin digits, hyphens): it sorts by date in any file
manager, survives every file system, mail client and USB stick (no ``/`` or ``:``), and reads
as the Jalali date an office uses.  The stem loses any character a file system refuses.
"""

from __future__ import annotations

import datetime as _dt
import re

from integrity_desktop import jalali

_UNSAFE = re.compile(r'[\\/:*?"<>|\x00-\x1f]+')


def jalali_stamp(day: _dt.date | None = None) -> str:
    """``2024-10-06`` -> ``1403-07-15``."""
    from integrity_desktop.digits import to_ascii_digits

    return to_ascii_digits(jalali.format_date(day or jalali.today())).replace("/", "-")


def dated_name(stem: str, suffix: str, day: _dt.date | None = None) -> str:
    """``dated_name("audit-log", ".xlsx")`` -> ``audit-log-1404-09-13.xlsx``."""
    safe = _UNSAFE.sub("-", stem).strip(" .-") or "export"
    return f"{safe}-{jalali_stamp(day)}{suffix if suffix.startswith('.') else '.' + suffix}"
