"""``--self-test``: prove a build has every resource (fonts, translations, ICU data, catalogue, PDF).

Opens a temporary store, renders the main window and one PDF, and exits 0 only if all worked;
CI runs it on the frozen build so a resource missing from the spec fails the build.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path


def run_self_test(lang: str = "fa") -> int:
    import os

    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from integrity_desktop.catalog import load_offices, load_reform, load_three_year
    from integrity_desktop.pdf.document import ReportDocument
    from integrity_desktop.permissions import system_actor
    from integrity_desktop.services.store.opening import init_store
    from integrity_desktop.ui.app import create_application, install_translators, qt_strings_translated
    from integrity_desktop.ui.context import UiContext
    from integrity_desktop.ui.main_window import MainWindow

    checks: list[tuple[str, bool]] = []
    app = create_application(lang)
    checks.append(("translations", install_translators(app, "fa") > 0))
    # Qt's own Persian (standard buttons, file and print dialogs): the frozen build keeps it.
    checks.append(("qt translations", qt_strings_translated()))
    # Qt's ICU data (the frozen Linux build carries a trimmed copy: installer/trim_icu.py).
    checks.append(("icu", _icu_data()))
    checks.append(("catalogue", len(load_three_year().axes) == 22 and len(load_reform().programmes) == 10
                   and len(load_offices()) == 32))
    with tempfile.TemporaryDirectory() as tmp:
        store = init_store(str(Path(tmp) / "self-test.sqlite"), "tehran", "self-test-password", "self-test-passphrase")
        window = MainWindow(UiContext(store, system_actor("tehran"), lang))
        window.show()
        image = window.grab()
        checks.append(("window", not image.isNull() and image.width() > 100))
        pdf = Path(tmp) / "self-test.pdf"
        doc = ReportDocument("آزمون سامانه", [("اداره", "تهران")])
        doc.paragraph("سامانه سلامت اداری")
        doc.build(pdf)
        checks.append(("pdf", pdf.exists() and pdf.read_bytes()[:5] == b"%PDF-"))
        window.close()
        store.dispose()
    for name, ok in checks:
        print(f"{name}\t{'ok' if ok else 'FAILED'}")
    # Reported, not required: the PostgreSQL driver is the `postgres` extra (HQ), which the
    # frozen build includes (installer/build.sh requires this line to say ok).
    print(f"postgresql\t{_postgres_driver()}")
    ok = all(passed for _, passed in checks)
    print("self-test passed" if ok else "self-test FAILED", file=sys.stdout if ok else sys.stderr)
    return 0 if ok else 1


def _icu_data() -> bool:
    """Persian collation (پ between ب and ت, where code-point order puts it after ت) everywhere;
    on Linux, where Qt carries its own ICU, also a time zone's Persian name and the Persian
    Windows code page, which come from ICU's data."""
    from PySide6.QtCore import QCollator, QLocale, QStringDecoder, QTimeZone

    persian = QLocale(QLocale.Language.Persian, QLocale.Country.Iran)
    collator = QCollator(persian)
    ok = sorted(["ت", "پ", "ب"], key=collator.sortKey) == ["ب", "پ", "ت"]
    if sys.platform.startswith("linux"):
        name = QTimeZone(b"Asia/Tehran").displayName(QTimeZone.TimeType.StandardTime,
                                                      QTimeZone.NameType.LongName, persian)
        ok = ok and "ایران" in name and QStringDecoder("windows-1256").isValid()
    return ok


def _postgres_driver() -> str:
    """``ok (binary)`` when psycopg loads with the libpq it ships (what the frozen build needs
    on an office PC, which has no libpq of its own)."""
    try:
        import psycopg
    except ImportError as exc:
        return f"not installed ({exc})"
    return f"ok ({psycopg.pq.__impl__})"
