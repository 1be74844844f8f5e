"""Developer tool: write a new Alembic revision from the difference between the models and the
newest migration.

Schema 0001 has been released (stores of it exist, ``tests/data/stores``), so migrations are
never regenerated; each schema change is a new revision:

    .venv/bin/python -m integrity_desktop.db.regen 0002 "held records"

It migrates a temporary SQLite store to today's head and autogenerates the revision from the
models.  Read and edit the result: autogenerate does not see data that must move, and SQLite
needs batch mode for ALTERs (``render_as_batch`` is on in ``env.py``).
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

from alembic import command

from integrity_desktop.db import migrate
from integrity_desktop.db.engine import make_engine


def main(argv: list[str]) -> None:
    if len(argv) != 2:
        raise SystemExit('usage: python -m integrity_desktop.db.regen REV_ID "message"')
    rev_id, message = argv
    if rev_id in migrate.known_revisions():
        raise SystemExit(f"revision {rev_id} exists already")
    with tempfile.TemporaryDirectory() as tmp:
        engine = make_engine(f"sqlite:///{Path(tmp) / 'gen.sqlite'}")
        migrate.upgrade(engine)
        cfg = migrate.alembic_config()
        with engine.begin() as conn:
            cfg.attributes["connection"] = conn
            command.revision(cfg, message=message, autogenerate=True, rev_id=rev_id)
        engine.dispose()


if __name__ == "__main__":
    main(sys.argv[1:])
