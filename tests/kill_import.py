"""Test-only: import a bundle and end the process abruptly (``os._exit(9)``) once N records
have been written inside the open transaction, through the import's progress seam
(``import_bundle(..., progress=...)``), one record per batch.

    python -m tests.kill_import STORE BUNDLE N
    python -m tests.kill_import STORE BUNDLE held

With ``held``, the bundle is merged as the GUI's check does (``pending.preview_import``: the
transaction kept open for the person's answer), the line ``ready`` is printed, and the process
waits to be killed by the test (SIGKILL) while the preview is held.

Production code has no kill switch: the hook lives here and is passed in like the GUI's
progress bar is (issue 12, finding 10)."""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path

from integrity_desktop.db.store import open_store
from integrity_desktop.permissions import Actor
from integrity_desktop.sync import merge, reader


def main(argv: list[str]) -> None:
    location, bundle, after = argv
    from integrity_desktop.services.accounts.unlock import unlock

    unlock(location, "admin", "admin-password-1")  # an encrypted store: a sign-in opens it
    store = open_store(location)
    actor = Actor("test-kill", "admin", store.office_code)
    if after == "held":
        from integrity_desktop.sync.pending import preview_import

        pending = preview_import(store, actor, Path(bundle), lambda: [], hold_seconds=600)
        assert pending.summary is not None
        print("ready", pending.summary.changed, flush=True)
        time.sleep(600)
        os._exit(3)  # never reached in the test: it kills the process first
    reader.BATCH = 1  # so the process dies after exactly N records

    def progress(done: int, total: int) -> None:
        if done >= int(after):
            os._exit(9)

    merge.import_bundle(store, actor, Path(bundle), lambda: [], progress=progress)
    store.dispose()


if __name__ == "__main__":
    main(sys.argv[1:])
