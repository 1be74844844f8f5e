"""The revision reader that spares start-up the Alembic import agrees with Alembic itself."""

from __future__ import annotations

from pathlib import Path

from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import create_engine

from integrity_desktop.db import migrate
from integrity_desktop.db.store import Store


def test_head_and_known_revisions_match_alembic() -> None:
    scripts = ScriptDirectory.from_config(migrate.alembic_config())
    assert migrate.head_revision() == scripts.get_current_head()
    assert migrate.known_revisions() == {s.revision for s in scripts.walk_revisions()}


def test_current_revision_matches_alembic(store: Store, tmp_path: Path) -> None:
    with store.engine.connect() as conn:
        expected = MigrationContext.configure(conn).get_current_revision()
    assert expected is not None
    assert migrate.current_revision(store.engine) == expected
    empty = create_engine(f"sqlite:///{tmp_path / 'empty.sqlite'}")
    assert migrate.current_revision(empty) is None
    empty.dispose()
