"""A small tmpfs mounted for a test (a full disk is the case to test), filled on purpose: shared
by the environment and start-up error tests.  Needs root; otherwise the test is skipped."""

from __future__ import annotations

import errno
import os
import subprocess
from pathlib import Path

import pytest


def mount_small(folder: Path, size: str) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    if os.geteuid() != 0:
        pytest.skip("mounting a small tmpfs needs root")
    done = subprocess.run(["mount", "-t", "tmpfs", "-o", f"size={size}", "tmpfs", str(folder)],
                          capture_output=True, text=True, check=False)
    if done.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs here: {done.stderr.strip()}")


def unmount(folder: Path) -> None:
    subprocess.run(["umount", "-l", str(folder)], capture_output=True, check=False)


def fill_disk(folder: Path, leave: int) -> None:
    """Fill the mount, then free ``leave`` bytes again (whole pages on tmpfs)."""
    filler = folder / "filler.bin"
    fd = os.open(filler, os.O_WRONLY | os.O_CREAT)
    try:
        while True:
            os.write(fd, b"\0" * 4096)
    except OSError as exc:
        assert exc.errno == errno.ENOSPC
    finally:
        os.close(fd)
    if leave:
        size = filler.stat().st_size
        with filler.open("r+b") as fh:
            fh.truncate(max(0, size - leave))
