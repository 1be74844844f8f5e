"""HQ import of one province bundle: the GUI's check then «وارد کن» (one pass since issue 23)
against the merge the `import-bundle` command runs alone (``merge.import_bundle``), the same
bundle into fresh copies of the same HQ store, alternated run by run; both timed inside their
own child process from the call to the result (so the interpreter's and Qt's start-up and the
command's sign-in are in neither).  For context, the two passes the GUI made before (a dry run,
then the import) are timed in the same rounds.

Goal: GUI import (check + confirm) <= 1.1 x the command-line import alone.
"""

from __future__ import annotations

import os
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from bench import workload
from bench.common import Figure, Options, emit, run_child

GOAL = 1.1


def _open(template: Path, target: Path):  # type: ignore[no-untyped-def]
    workload.copy_store(template, target)
    return workload.open_unlocked(target, workload.HQ_PASSWORD)


def child(argv: list[str]) -> None:
    """``--child MODE TEMPLATE TARGET BUNDLE``; MODE: cli | gui | two-pass."""
    mode, template, target, bundle = argv[0], Path(argv[1]), Path(argv[2]), Path(argv[3])
    from integrity_desktop.permissions import Actor
    from integrity_desktop.services.store import keys

    store = _open(template, target)
    actor = Actor("bench", "admin", "hq")

    def identities() -> list[object]:
        return [keys.age_identity(store, workload.PASSPHRASE)]

    if mode == "gui":
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
        from PySide6.QtCore import QEventLoop, QTimer

        from integrity_desktop.ui.app import create_application
        from integrity_desktop.ui.context import UiContext
        from integrity_desktop.ui.screens.sync.screen import SyncScreen

        def wait_until(done: Callable[[], bool]) -> None:
            # A Qt event loop as the app runs (exec releases the GIL while it waits; QTest.qWait
            # keeps it and starved the worker threads: 3.4 s instead of 0.7 s).
            loop = QEventLoop()
            timer = QTimer()
            timer.timeout.connect(lambda: (done() or bool(tab.import_error.text())) and loop.quit())
            timer.start(5)
            loop.exec()
            timer.stop()
            if tab.import_error.text():
                raise SystemExit(tab.import_error.text())

        app = create_application()
        screen = SyncScreen(UiContext(store, actor))
        screen.resize(1366, 768)
        screen.show()
        tab = screen.import_tab
        tab.ask_passphrase = lambda parent, purpose: workload.PASSPHRASE
        start = time.perf_counter()
        screen.start_import(bundle)
        wait_until(tab.confirm_button.isEnabled)
        checked = time.perf_counter()
        tab.confirm_import()
        wait_until(lambda: tab._dry_run is None and tab.check_button.isEnabled())
        seconds = time.perf_counter() - start
        extra = {"check": checked - start, "confirm": seconds - (checked - start)}
        screen.close()
        app.processEvents()
    else:
        from integrity_desktop.sync.merge import import_bundle

        start = time.perf_counter()
        if mode == "two-pass":
            import_bundle(store, actor, bundle, identities, dry_run=True)
        summary = import_bundle(store, actor, bundle, identities)
        seconds = time.perf_counter() - start
        extra = {"changed": summary.changed}
    store.dispose()
    emit({"seconds": seconds, **extra})


def run(opts: Options) -> list[Figure]:
    scale = opts.scale or (1 if opts.quick else 2)
    code = workload.province_codes(1)[0]
    codes = workload.province_codes(opts.provinces or (2 if opts.quick else 31))
    template = workload.hq_template(codes, scale, opts.work)
    bundle = workload.bundle(code, scale, opts.work)
    repeats = max(3, opts.repeats)
    times: dict[str, list[float]] = {"cli": [], "gui": [], "two-pass": []}
    with tempfile.TemporaryDirectory(prefix="bench-import-gui-") as scratch:
        for i in range(repeats):
            order = ["cli", "gui", "two-pass"] if i % 2 == 0 else ["gui", "cli", "two-pass"]
            for mode in order:
                target = Path(scratch) / f"hq-{mode}.sqlite"
                r = run_child(["-m", "bench.import_gui", "--child", mode, str(template),
                               str(target), str(bundle)])
                times[mode].append(r["seconds"])
    cli, gui, two = (statistics.median(times[m]) for m in ("cli", "gui", "two-pass"))
    load = os.getloadavg()[0]
    pairs = statistics.median(g / c for g, c in zip(times["gui"], times["cli"], strict=True))
    note = (f"bundle {bundle.name}, median of {repeats}, alternated; per-run ratio median "
            f"{pairs:.3f}; load average {load:.1f}")
    return [
        Figure("import_gui", "GUI check + confirm vs import-bundle alone", gui, "s",
               f"<= {GOAL} x cli", gui / cli <= GOAL, baseline=cli, ratio=gui / cli, note=note),
        Figure("import_gui", "before: dry run + import (two merges) vs import-bundle alone", two,
               "s", "reported", None, baseline=cli, ratio=two / cli, note=note),
    ]


if __name__ == "__main__":
    if len(sys.argv) > 1 and sys.argv[1] == "--child":
        child(sys.argv[2:])
