"""Small helpers the command modules share, and the command line's sign-in.

Every sub-command that reads a store or writes to one acts as a signed-in person, exactly as
in the GUI: ``open_for(args)`` opens the store *and signs in* (``INTEGRITY_USER`` and
``INTEGRITY_PASSWORD`` from the environment, or a prompt when stdin is a terminal), and
``actor_for(store)`` returns that person (``with opened(args) as store:`` is the same, the store
closed when the block ends).  Failed sign-ins count toward the lock-out and are
audited, the role applies in the services, and the audit log names the user.  A command that
must stay open says so by calling ``open_for(args, sign_in=False)``; the table of which
commands are open is in ``OPEN_COMMANDS`` (README and docs/THREAT-MODEL.md repeat it) and
``tests/test_cli_sign_in.py`` runs every sub-command without credentials against it.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING, Any

from integrity_desktop.errors import UserError
from integrity_desktop.paths import resolve_store_location

if TYPE_CHECKING:  # the store pulls in SQLAlchemy: only the handlers that need it pay for it
    from integrity_desktop.db.cipher import UnlockResult
    from integrity_desktop.db.store import Store
    from integrity_desktop.permissions import Actor

USER_ENV = "INTEGRITY_USER"
PASSWORD_ENV = "INTEGRITY_PASSWORD"
NEW_PASSWORD_ENV = "INTEGRITY_NEW_PASSWORD"

# Sub-commands that run without signing in, and why (the rest sign in).
OPEN_COMMANDS: dict[str, str] = {
    "offices": "the public list of office codes; no store is opened",
    "init": "creates a new store and its first administrator; never touches an existing one",
    "demo": "only when it creates a new demo store (the demo accounts are public); filling an "
            "existing store signs in as an administrator",
    "key": "prints the store's public signing key or age recipient, made to be shared",
    "report --list": "prints the report names; no store is opened",
}

# The actor signed in on each open store (by id: Store is an unhashable dataclass; the store
# is kept beside it so that a new store at a reused id is never taken for a signed-in one).
_signed_in: dict[int, tuple[Store, Actor]] = {}
# What ``open_for`` unlocked an encrypted store with, for the sign-in that follows.
_unlocked: dict[int, tuple[Store, UnlockResult, str, str]] = {}


def add_db(parser: argparse.ArgumentParser, required: bool = True) -> None:
    """``--db`` on a sub-command, also accepted before it (``integrity-desktop --db X digest``).

    SUPPRESS leaves the global ``--db`` in place when the sub-command does not repeat it; a
    required one is checked by ``require_db`` once both have been parsed.
    """
    parser.add_argument("--db", default=argparse.SUPPRESS,
                        help="store file path or postgresql:// URL"
                             + (" (required; may also come before the sub-command)" if required
                                else ""))
    if required:
        parser.set_defaults(db_required_by=parser)


def command(
    sub: Any, name: str, run: Callable[[argparse.Namespace], int], *, db_required: bool = True, **kw: Any
) -> argparse.ArgumentParser:
    """A sub-command of ``sub`` that works on a store: its ``--db`` (``add_db``) comes first, and
    ``run`` handles it; the caller adds its own arguments to the parser returned."""
    parser: argparse.ArgumentParser = sub.add_parser(name, **kw)
    add_db(parser, required=db_required)
    parser.set_defaults(run=run)
    return parser


def require_db(args: argparse.Namespace) -> None:
    """argparse's own error when a sub-command that needs ``--db`` got it in neither place."""
    owner = getattr(args, "db_required_by", None)
    if owner is not None and getattr(args, "db", None) is None:
        owner.error("the following arguments are required: --db")


def open_for(args: argparse.Namespace, *, sign_in: bool = True) -> Store:
    """The store named by ``--db`` (or the default one), with its person signed in.

    ``sign_in=False`` is for the few open commands (``OPEN_COMMANDS``) only.
    """
    from integrity_desktop.services.accounts.unlock import needs_unlock, unlock
    from integrity_desktop.services.store.opening import open_initialised

    location = resolve_store_location(getattr(args, "db", None))
    unlocked = None
    if needs_unlock(location):
        # An encrypted store opens only with a user's password: the sign-in comes first.
        username, password = credentials()
        unlocked = unlock(location, username, password, via="cli")
    store = open_initialised(location)
    if unlocked is not None:
        _unlocked[id(store)] = (store, unlocked, username, password)
    warn_clock(store)
    if sign_in:
        try:
            sign_in_store(store, command=getattr(args, "command", "") or "")
        except BaseException:
            store.dispose()
            raise
    from integrity_desktop import heap

    heap.settle()  # start-up is over: its objects leave the collector's full passes
    return store


@contextmanager
def opened(args: argparse.Namespace, *, sign_in: bool = True) -> Iterator[Store]:
    """``open_for(args)`` for the length of a ``with`` block; the store is closed when it ends."""
    store = open_for(args, sign_in=sign_in)
    try:
        yield store
    finally:
        store.dispose()


def warn_clock(store: Store) -> None:
    """A PC clock behind the store's newest stamp: said on stderr, the command goes on."""
    from integrity_desktop.services.store.opening import clock_warning

    warning = clock_warning(store)
    if warning is not None:
        print(f"هشدار: {warning.fa}\nwarning: {warning.en}", file=sys.stderr)


def actor_for(store: Store) -> Actor:
    """The person signed in on ``store`` (signing in now if ``open_for`` did not)."""
    entry = _signed_in.get(id(store))
    if entry is not None and entry[0] is store:
        return entry[1]
    return sign_in_store(store)


def sign_in_store(store: Store, *, command: str = "", allow_forced_change: bool = False) -> Actor:
    """Sign a person in on ``store`` from the environment or a terminal prompt.

    A person whose password must be changed (a new account, or one reset by the
    administrator) is refused every command but ``password`` (``allow_forced_change``).
    """
    from integrity_desktop.services.accounts import users

    entry = _unlocked.pop(id(store), None)
    unlocked = None
    if entry is not None and entry[0] is store:  # asked once, when the store was unlocked
        unlocked, username, password = entry[1], entry[2], entry[3]
    else:
        username, password = credentials()
    actor = users.authenticate(store, username, password, via="cli", command=command,
                               unlocked=unlocked)
    if not allow_forced_change and users.must_change_password(store, actor):
        raise UserError(
            "پیش از هر کار دیگری باید گذرواژهٔ خود را عوض کنید: فرمان "
            "«integrity-desktop password» را اجرا کنید (یا در برنامه وارد شوید).",
            "You must change your password first: run `integrity-desktop password` "
            "(or sign in to the app).",
            code="password_change_required",
        )
    _signed_in[id(store)] = (store, actor)
    return actor


def credentials() -> tuple[str, str]:
    """``INTEGRITY_USER``/``INTEGRITY_PASSWORD``, else a prompt on a terminal, else an error."""
    username = os.environ.get(USER_ENV, "").strip()
    password = os.environ.get(PASSWORD_ENV, "")
    if username and password:
        return username, password
    if not _interactive():
        raise UserError(
            "این فرمان نیاز به ورود دارد: نام کاربری و گذرواژه را در متغیرهای محیطی "
            f"{USER_ENV} و {PASSWORD_ENV} بدهید یا فرمان را در یک پایانه اجرا کنید تا پرسیده شوند.",
            f"This command needs a signed-in user: set {USER_ENV} and {PASSWORD_ENV}, or run it "
            "in a terminal to be asked.",
            code="sign_in_required",
        )
    import getpass

    if not username:
        print("نام کاربری (Username): ", end="", file=sys.stderr, flush=True)
        username = sys.stdin.readline().strip()
    if not password:
        password = getpass.getpass("گذرواژه (Password): ")
    return username, password


def new_password() -> str:
    """The new password for ``password``: ``INTEGRITY_NEW_PASSWORD`` or asked twice."""
    value = os.environ.get(NEW_PASSWORD_ENV, "")
    if value:
        return value
    if not _interactive():
        raise UserError(
            f"گذرواژهٔ تازه را در متغیر محیطی {NEW_PASSWORD_ENV} بدهید یا فرمان را در یک "
            "پایانه اجرا کنید تا پرسیده شود.",
            f"Set {NEW_PASSWORD_ENV}, or run the command in a terminal to be asked.",
            code="new_password_required",
        )
    import getpass

    first = getpass.getpass("گذرواژهٔ تازه (New password): ")
    again = getpass.getpass("دوباره (Again): ")
    if first != again:
        raise UserError("دو گذرواژهٔ تازه یکسان نیستند.", "The two new passwords differ.",
                        code="password_mismatch")
    return first


def _interactive() -> bool:
    try:
        return sys.stdin is not None and sys.stdin.isatty()
    except (AttributeError, ValueError):  # a closed or replaced stdin
        return False


def env_secret(name: str) -> str:
    value = os.environ.get(name, "")
    if not value:
        raise UserError(
            f"متغیر محیطی {name} تعریف نشده است.",
            f"Set the {name} environment variable.",
            code="missing_env",
        )
    return value


def tsv(*fields: object) -> str:
    return "\t".join("" if f is None else str(f) for f in fields)
