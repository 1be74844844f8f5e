"""The app's PDF fonts (Vazirmatn, shipped in resources/fonts/) registered with ReportLab once."""

from __future__ import annotations

import threading

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from integrity_desktop.resources import resource_path

REGULAR = "Vazirmatn"
BOLD = "Vazirmatn-Bold"
FAMILY = "Vazirmatn"

_FILES = {REGULAR: "Vazirmatn-Regular.ttf", BOLD: "Vazirmatn-Bold.ttf"}
_lock = threading.Lock()
_registered = False


def register_fonts() -> None:
    """Register Vazirmatn regular and bold, and the family for <b> markup; safe to call often.

    Reports may be built from a worker thread, so registration is guarded by a lock.
    """
    global _registered
    with _lock:
        if _registered:
            return
        for name, filename in _FILES.items():
            pdfmetrics.registerFont(TTFont(name, str(resource_path("fonts", filename)), asciiReadable=False))
        pdfmetrics.registerFontFamily(FAMILY, normal=REGULAR, bold=BOLD, italic=REGULAR, boldItalic=BOLD)
        _registered = True
