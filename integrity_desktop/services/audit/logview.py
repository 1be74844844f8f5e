"""The program's log as an administrator reads it: the encrypted lines decrypted with the
store key (``logs.read_lines``).  Tracebacks may quote records, so only the roles that read
the audit log read it."""

from __future__ import annotations

from integrity_desktop import logs
from integrity_desktop.db.store import Store
from integrity_desktop.permissions import Actor, require


def log_lines(store: Store, actor: Actor) -> list[str]:
    """Every line of the log beside ``store`` (oldest rotated file first)."""
    require(actor, "audit.view")
    folder = logs.log_dir_for(store.location)
    files = [folder / f"{logs.LOG_NAME}.{n}" for n in range(logs.BACKUPS, 0, -1)]
    out: list[str] = []
    for path in [*files, folder / logs.LOG_NAME]:
        if path.is_file():
            out.extend(logs.read_lines(path, store.key))
    return out
