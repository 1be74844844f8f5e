"""Entry point.  Keeps start-up light: sub-command modules import heavy code in their handlers."""

from __future__ import annotations

import argparse
import importlib
import os
import sys
import time
from collections.abc import Sequence

from integrity_desktop import __version__
from integrity_desktop.errors import UserError

PROCESS_START = time.perf_counter()

# Each module defines ``register(subparsers)``; handlers are set with ``set_defaults(run=...)``.
COMMAND_MODULES = [
    "integrity_desktop.cli.store_cmds",
    "integrity_desktop.cli.report_cmds",
    "integrity_desktop.cli.admin_cmds",
    "integrity_desktop.cli.case_cmds",
    "integrity_desktop.cli.inspection_cmds",
    "integrity_desktop.cli.checklist_cmds",
    "integrity_desktop.cli.sync_cmds",
    "integrity_desktop.cli.indicator_cmds",
]


SIGN_IN_HELP = """\
Signing in: every sub-command that reads or writes a store acts as a signed-in person, with
the role, lock-out and audit of the GUI: INTEGRITY_USER and INTEGRITY_PASSWORD from the
environment, or asked on a terminal (neither: exit 2).  Open without signing in: offices,
init (a new store and its first administrator), demo (only when it creates a new demo store),
key --public / --age-recipient (public keys), report --list.  A new or reset account first
runs `integrity-desktop password` (INTEGRITY_NEW_PASSWORD, or asked twice)."""


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="integrity-desktop",
        description="سامانه سلامت اداری — Integrity Desktop. Without a sub-command it starts the GUI.",
        epilog=SIGN_IN_HELP,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--version", action="version", version=f"integrity-desktop {__version__}")
    parser.add_argument("--db", help="store file path or postgresql:// URL")
    parser.add_argument("--lang", choices=["fa"], default="fa",
                        help="interface language: Persian (the English interface was withdrawn)")
    parser.add_argument("--demo", action="store_true", help="open (creating if needed) a demo store")
    parser.add_argument("--self-test", action="store_true", help="check resources and exit")
    parser.add_argument("--open", metavar="BUNDLE", help="open the import screen for a sync bundle")
    parser.add_argument(
        "--startup-probe", nargs="?", const="dashboard", choices=["dashboard", "signin", "typed"],
        help="sign in from INTEGRITY_USER/INTEGRITY_PASSWORD, paint the main window with the "
             "dashboard, print seconds since process start, exit; 'signin': the same up to the "
             "first paint of the sign-in dialog; 'typed': type them into the sign-in dialog as "
             "a person would and print 'ENTER_TO_DASHBOARD ARGON2': seconds from Enter to the "
             "dashboard painted with its figures, and the argon2 check alone",
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name in COMMAND_MODULES:
        importlib.import_module(name).register(sub)
    return parser


def _utf8_streams() -> None:
    # Windows consoles default to a legacy code page; Persian output must not crash.
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None:
            reconfigure(encoding="utf-8", errors="replace")


def main(argv: Sequence[str] | None = None) -> int:
    from integrity_desktop.fileperm import restrict_umask

    restrict_umask()  # the store, backups, bundles, exports and logs: owner only
    _utf8_streams()
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.command is not None:
        from integrity_desktop.cli.common import require_db

        require_db(args)
    try:
        if args.command is None:
            from integrity_desktop.ui.launch import launch

            return launch(args, PROCESS_START)
        code = int(args.run(args) or 0)
        sys.stdout.flush()
        return code
    except BrokenPipeError:
        # The reader stopped early (`| head -1`): not an error.  Python would print a traceback
        # when it flushes stdout at exit; point stdout at devnull (the Python docs' recipe).
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0
    except UserError as exc:
        print(f"خطا: {exc.fa}", file=sys.stderr)
        if exc.en and exc.en != exc.fa:
            print(f"error: {exc.en}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 130


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
