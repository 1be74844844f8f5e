"""Numbers and dates as a person sees them in the current language."""

from __future__ import annotations

import datetime as _dt
import re
from collections.abc import Iterable

from integrity_desktop import jalali
from integrity_desktop.digits import (
    format_number,
    percent_text,
    to_ascii_digits,
    to_persian_digits,
    value_text,
)
from integrity_desktop.ui.app import current_lang


def shown_number(value: object) -> str:
    """Persian digits in the Persian UI (numbers, versions, codes), as-is in English."""
    if current_lang() != "fa":
        return str(value)
    if isinstance(value, int | float) and not isinstance(value, bool):
        return format_number(value)
    return to_persian_digits(str(value))


def shown_percent(value: float | None) -> str:
    """A percentage (0–100) by the one rounding rule of ``digits``: «۹۴٫۹٪», «۹۰٪», «—»."""
    text = percent_text(value)
    return text if current_lang() == "fa" else to_ascii_digits(text).replace("\u066a", "%").replace("\u066b", ".")


def shown_value(value: float | None, empty: str = "") -> str:
    """A value by the one rounding rule: up to two decimals, none trailing («۱۲», «۳۳٫۳»)."""
    if value is None:
        return empty
    text = value_text(value)
    if current_lang() == "fa":
        return text
    return to_ascii_digits(text).replace("\u066b", ".").replace("\u066c", ",")


def shown_date(value: _dt.date | None) -> str:
    if value is None:
        return ""
    text = jalali.format_date(value)
    return text if current_lang() == "fa" else to_ascii_digits(text)


# Unicode isolates (FIRST STRONG ISOLATE ... POP DIRECTIONAL ISOLATE): the text between them
# keeps its own direction inside a sentence of the other.  Without them a path shows as
# «tmp/report.pdf/», an option as «identity--» and «.pub» as «pub.» in a Persian line.
# The UI only: the PDF shaping code strips isolates (ReportLab draws them as boxes).
FSI, PDI = "\u2068", "\u2069"
LIST_SEPARATOR = "، "  # the Persian comma
_NEUTRAL = "-.~:"  # signs that take their neighbours' direction

_ISOLATED = re.compile("[\u2066-\u2068][^\u2066-\u2069]*\u2069")
# A run of Latin words: isolated when it holds a path or a word with a neutral sign at an end
# (--identity, key --public, .pub, /tmp/x.itb, C:\\Users\\x); age, USB, store-1.sqlite need nothing.
_LATIN_WORD = r"[A-Za-z0-9_.:/\\~-]*[A-Za-z][A-Za-z0-9_.:/\\~-]*"
_LATIN_RUN = re.compile(rf"(?<![\w.:/\\~-]){_LATIN_WORD}(?: +{_LATIN_WORD})*(?![\w.:/\\~-])")


def isolate(value: object) -> str:
    """``value`` as a unit of its own direction inside a sentence (a path, a command-line
    option, a file name, a Latin word next to punctuation)."""
    text = str(value)
    return f"{FSI}{text}{PDI}" if text else text


def _has_latin(text: str) -> bool:
    return any((ch.isascii() and ch.isalpha()) or ch in "/\\" for ch in text)


def join_list(items: Iterable[object]) -> str:
    """Items joined with the Persian comma; Latin ones isolated, so «PDF، Excel» keeps its
    order in a right-to-left line instead of reading as one left-to-right run."""
    texts = [str(item) for item in items]
    return LIST_SEPARATOR.join(isolate(t) if _has_latin(t) else t for t in texts)


def isolate_embedded(text: str) -> str:
    """Isolate what a Persian message from a service embeds: «quoted» paths and file names,
    options and dotted names.  Parts already isolated are left as they are."""
    out: list[str] = []
    last = 0
    for done in _ISOLATED.finditer(text):
        out.append(_isolate_plain(text[last:done.start()]))
        out.append(done.group(0))
        last = done.end()
    out.append(_isolate_plain(text[last:]))
    return "".join(out)


def _isolate_plain(text: str) -> str:
    parts = re.split(r"(«[^«»]*»)", text)
    for i, part in enumerate(parts):
        if part.startswith("«") and part.endswith("»"):  # a quoted path: spaces and all
            inner = part[1:-1]
            # «محور/شماره» is Persian words, not a path: only Latin letters or digits make one
            latin = any(ch.isascii() and ch.isalnum() for ch in inner)
            parts[i] = f"«{isolate(inner)}»" if latin and _has_neutral(inner) else part
        else:
            parts[i] = _LATIN_RUN.sub(_isolate_run, part)
    return "".join(parts)


def _isolate_run(match: re.Match[str]) -> str:
    run = match.group(0)
    return isolate(run) if _has_neutral(run) else run


def _has_neutral(text: str) -> bool:
    """A path, or a word that starts or ends with a sign taking its neighbours' direction
    (--identity, .pub, KEY-...): bidi would move that sign.  «big.pdf» needs nothing."""
    if "/" in text or "\\" in text:
        return True
    return any(w[0] in _NEUTRAL or w[-1] in _NEUTRAL for w in text.split())
