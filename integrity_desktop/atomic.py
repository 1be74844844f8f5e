"""Writing a file so that whoever opens it finds the old file or the whole new one, never half.

The new content goes to a temporary file in the target's own folder (a rename across file
systems is not atomic), is forced to disk, and is then renamed over the target.  Any failure,
a full disk included, removes the temporary file and leaves the target exactly as it was.
Errors stay ``OSError`` (or whatever the writer raised); ``write_failed`` words the message a
person reads, with the caller's advice for its kind of file.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Iterator
from pathlib import Path

from integrity_desktop.errors import UserError


@contextlib.contextmanager
def replacing(target: str | os.PathLike[str], suffix: str = ".tmp") -> Iterator[Path]:
    """A temporary path beside ``target`` for the caller to write by name (ReportLab, openpyxl
    and sqlite open their files themselves); renamed over ``target`` when the block ends well.

    The file exists (empty, owner only) when the block starts.  ``suffix`` names what it is
    (``.pdf.tmp``) for anyone who finds one after a power cut.
    """
    target = Path(target)
    fd, name = tempfile.mkstemp(prefix=f".{target.stem}.", suffix=suffix, dir=target.parent)
    os.close(fd)
    tmp = Path(name)
    try:
        yield tmp
        fsync_file(tmp)
        os.replace(tmp, target)
    except BaseException:
        remove_quietly(tmp)
        raise


def fsync_file(path: Path) -> None:
    """Force a written file's content to disk before it is renamed into place."""
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def remove_quietly(path: str | os.PathLike[str]) -> None:
    """Remove a temporary file that may not exist.  Cleaning up must not hide the first error,
    and on a read-only disk or a pulled USB stick even removing a missing file fails."""
    with contextlib.suppress(OSError):
        os.remove(path)


def write_failed(target: Path, exc: OSError, advice_fa: str) -> UserError:
    """The message for a file that could not be written: where, why, and what to do next."""
    return UserError(
        f"فایل «{target}» نوشته نشد ({exc.strerror or exc}). {advice_fa}",
        f"Could not write {target}: {exc}",
        code="write_failed",
    )
