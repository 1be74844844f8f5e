"""Developer tool: regenerate the initial migration from the models.

Only while no store has been released with revision 0001.  After the first release, add a new
revision instead (``alembic revision --autogenerate`` through ``migrate.alembic_config()``).
"""

from __future__ import annotations

import tempfile
from pathlib import Path

from alembic import command

from integrity_desktop.db import migrate
from integrity_desktop.db.engine import make_engine


def main() -> None:
    versions = migrate.MIGRATIONS_DIR / "versions"
    for old in versions.glob("0001_*.py"):
        old.unlink()
    with tempfile.TemporaryDirectory() as tmp:
        engine = make_engine(f"sqlite:///{Path(tmp) / 'gen.sqlite'}")
        cfg = migrate.alembic_config()
        with engine.begin() as conn:
            cfg.attributes["connection"] = conn
            command.revision(cfg, message="initial schema", autogenerate=True, rev_id="0001")
        engine.dispose()


if __name__ == "__main__":
    main()
