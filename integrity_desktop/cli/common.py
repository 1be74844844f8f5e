"""Small helpers the command modules share."""

from __future__ import annotations

import argparse
import os
from typing import TYPE_CHECKING

from integrity_desktop.errors import UserError
from integrity_desktop.paths import resolve_store_location

if TYPE_CHECKING:  # the store pulls in SQLAlchemy: only the handlers that need it pay for it
    from integrity_desktop.db.store import Store
    from integrity_desktop.permissions import Actor


def add_db(parser: argparse.ArgumentParser, required: bool = True) -> None:
    parser.add_argument("--db", required=required, help="store file path or postgresql:// URL")


def open_for(args: argparse.Namespace) -> Store:
    from integrity_desktop.services.stores import open_initialised

    return open_initialised(resolve_store_location(args.db))


def actor_for(store: Store) -> Actor:
    """Head-less commands act as the machine's administrator, named in the audit log."""
    from integrity_desktop.permissions import system_actor

    return system_actor(store.office_code)


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
