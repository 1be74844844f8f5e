"""Test-only: import a bundle and end the process abruptly (``os._exit(9)``) once N records
have been written inside the open transaction, through the import's progress seam
(``import_bundle(..., progress=...)``), one record per batch.

    python -m tests.kill_import STORE BUNDLE N

Production code has no kill switch: the hook lives here and is passed in like the GUI's
progress bar is (issue 12, finding 10)."""

from __future__ import annotations

import os
import sys
from pathlib import Path

from integrity_desktop.db.store import open_store
from integrity_desktop.permissions import Actor
from integrity_desktop.sync import merge, reader


def main(argv: list[str]) -> None:
    location, bundle, after = argv
    reader.BATCH = 1  # so the process dies after exactly N records
    from integrity_desktop.services.unlock import unlock

    unlock(location, "admin", "admin-password-1")  # an encrypted store: a sign-in opens it
    store = open_store(location)

    def progress(done: int, total: int) -> None:
        if done >= int(after):
            os._exit(9)

    merge.import_bundle(store, Actor("test-kill", "admin", store.office_code), Path(bundle),
                        lambda: [], progress=progress)
    store.dispose()


if __name__ == "__main__":
    main(sys.argv[1:])
