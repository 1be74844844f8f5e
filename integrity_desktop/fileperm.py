"""Files and folders readable by their owner only: the store, its backups, bundles, exports and
the log hold personnel cases.

On POSIX the program's umask is 077 from its first line (``restrict_umask``), so everything it
creates is 0600 (folders 0700); the writers of the store, backups and bundles also set the mode
themselves, so a library caller gets the same.  On Windows the user profile's ACL applies
(``chmod`` only knows read-only there), which is why the data folder lives in the profile.
"""

from __future__ import annotations

import contextlib
import os
from pathlib import Path

FILE_MODE = 0o600
DIR_MODE = 0o700


def restrict_umask() -> None:
    """New files 0600 and folders 0700 for the rest of the process (POSIX)."""
    if os.name == "posix":
        os.umask(0o077)


def private_file(path: Path | str) -> None:
    with contextlib.suppress(OSError, NotImplementedError):
        os.chmod(path, FILE_MODE)


def private_dir(path: Path | str) -> Path:
    """Create ``path`` (and parents) if needed; the folder itself gets 0700."""
    folder = Path(path)
    folder.mkdir(mode=DIR_MODE, parents=True, exist_ok=True)
    with contextlib.suppress(OSError, NotImplementedError):
        os.chmod(folder, DIR_MODE)
    return folder


def create_private_file(path: Path) -> None:
    """Create an empty file 0600 unless it exists (SQLite gives its -wal and -shm the mode of
    the database file)."""
    with contextlib.suppress(FileExistsError):
        os.close(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, FILE_MODE))


def write_private_bytes(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` 0600 atomically (``atomic.replacing``: synced, renamed over
    it; a failed write leaves the old file and no temporary)."""
    from integrity_desktop import atomic  # atomic's errors module is light, but keep db's import small

    with atomic.replacing(path, ".tmp") as tmp:
        tmp.write_bytes(data)  # mkstemp made it 0600
