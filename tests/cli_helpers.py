"""Running the ``integrity-desktop`` command line in a child process, signed in.

Every sub-command that reads or writes a store signs in (``cli/common.py``): tests give the
credentials in the environment as scripts do.  stdin is never a terminal here, so a missing
credential is an error, never a prompt that waits.
"""

from __future__ import annotations

import os
import subprocess
import sys

from tests.conftest import ADMIN_PASSWORD


def cli_env(user: str | None = "admin", password: str | None = ADMIN_PASSWORD,
            **extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items()
           if k not in ("INTEGRITY_USER", "INTEGRITY_PASSWORD", "INTEGRITY_NEW_PASSWORD")}
    if user is not None:
        env["INTEGRITY_USER"] = user
    if password is not None:
        env["INTEGRITY_PASSWORD"] = password
    env.update(extra)
    return env


def run_cli(*args: str, user: str | None = "admin", password: str | None = ADMIN_PASSWORD,
            env: dict[str, str] | None = None, **extra: str) -> subprocess.CompletedProcess[str]:
    """``integrity-desktop ARGS`` as ``user`` (None: no credentials at all)."""
    return subprocess.run(
        [sys.executable, "-m", "integrity_desktop", *args], capture_output=True, text=True,
        encoding="utf-8", env=env if env is not None else cli_env(user, password, **extra),
        stdin=subprocess.DEVNULL, check=False,
    )
