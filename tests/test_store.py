"""The store: creation, refusal of bad locations, migrations with a backup, schema agreement."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import func, select, text

from integrity_desktop.db import cipher, migrate
from integrity_desktop.db.models import Base, Office, Template, TemplateItem
from integrity_desktop.db.store import Store, open_store
from integrity_desktop.errors import StoreError
from integrity_desktop.services.store.opening import init_store

from .conftest import ADMIN_PASSWORD, PASSPHRASE


def test_migrated_schema_matches_models(tmp_path: Path) -> None:
    store = open_store(str(tmp_path / "s.sqlite"), create=True)
    with store.engine.connect() as conn:
        diff = compare_metadata(MigrationContext.configure(conn), Base.metadata)
    store.dispose()
    assert diff == []


def test_store_uses_wal_and_foreign_keys(store: Store) -> None:
    with store.engine.connect() as conn:
        assert conn.execute(text("PRAGMA journal_mode")).scalar() == "wal"
        assert conn.execute(text("PRAGMA foreign_keys")).scalar() == 1
        assert conn.execute(text("PRAGMA busy_timeout")).scalar() == 5000


def test_init_seeds_catalogue_offices_and_keys(store: Store) -> None:
    with store.read() as s:
        assert s.scalar(select(func.count()).select_from(Office)) == 32
        assert s.scalar(select(func.count()).select_from(Template)) == 2
        codes = set(s.scalars(select(TemplateItem.code)))
    assert {"1/1", "6/4", "13/1", "22/5"} <= codes
    assert store.office_code == "tehran"


def test_catalogue_ids_are_equal_in_every_store(store: Store, hq_store: Store) -> None:
    with store.read() as a, hq_store.read() as b:
        ids_a = set(a.scalars(select(TemplateItem.id)))
        ids_b = set(b.scalars(select(TemplateItem.id)))
    assert ids_a == ids_b and len(ids_a) > 138


def test_init_refuses_existing_file(tmp_path: Path) -> None:
    path = tmp_path / "x.sqlite"
    path.write_bytes(b"precious")
    with pytest.raises(StoreError) as err:
        init_store(str(path), "tehran", ADMIN_PASSWORD, PASSPHRASE)
    assert "وجود دارد" in err.value.fa
    assert path.read_bytes() == b"precious"


def test_directory_is_refused(tmp_path: Path) -> None:
    with pytest.raises(StoreError) as err:
        open_store(str(tmp_path))
    assert err.value.code == "store_is_dir"


def test_corrupt_file_is_refused_untouched(tmp_path: Path) -> None:
    path = tmp_path / "bad.sqlite"
    path.write_bytes(b"this is not sqlite" * 100)
    with pytest.raises(StoreError) as err:
        open_store(str(path))
    assert err.value.code == "store_corrupt"
    assert path.read_bytes() == b"this is not sqlite" * 100


@pytest.mark.skipif(os.geteuid() == 0, reason="root ignores file permissions")
def test_read_only_folder_is_refused(tmp_path: Path) -> None:
    folder = tmp_path / "ro"
    folder.mkdir()
    folder.chmod(0o500)
    try:
        with pytest.raises(StoreError) as err:
            open_store(str(folder / "s.sqlite"), create=True)
        assert err.value.code == "store_readonly"
    finally:
        folder.chmod(0o700)


def test_old_store_is_backed_up_then_migrated(tmp_path: Path) -> None:
    """A store at an older revision is copied next to itself before the upgrade."""
    path = tmp_path / "old.sqlite"
    store = open_store(str(path), create=True)
    store.dispose()
    con = cipher.connect(path)
    con.execute("UPDATE alembic_version SET version_num = '0000_fake'")
    con.commit()
    con.close()
    # A revision this program does not know means a newer program made it: refused.
    with pytest.raises(StoreError) as err:
        open_store(str(path))
    assert err.value.code == "store_newer"


def test_backup_before_migration_is_a_valid_copy(tmp_path: Path, store: Store) -> None:
    assert store.path is not None
    backup = migrate.backup_before_migration(store.path)
    con = cipher.connect(backup)
    try:
        assert con.execute("SELECT count(*) FROM offices").fetchone()[0] == 32
    finally:
        con.close()
    assert "before-migration" in backup.name


def test_cli_init_bad_office_exits_nonzero(tmp_path: Path) -> None:
    env = dict(os.environ, INTEGRITY_ADMIN_PASSWORD=ADMIN_PASSWORD, INTEGRITY_PASSPHRASE=PASSPHRASE)
    out = subprocess.run(
        [sys.executable, "-m", "integrity_desktop", "init", "--db", str(tmp_path / "n.sqlite"),
         "--office", "atlantis"],
        capture_output=True, text=True, env=env, check=False,
    )
    assert out.returncode == 2
    assert "شناخته نیست" in out.stderr
    assert not (tmp_path / "n.sqlite").exists()


def test_cli_offices_lists_hq_first() -> None:
    out = subprocess.run(
        [sys.executable, "-m", "integrity_desktop", "offices"],
        capture_output=True, text=True, check=True,
    )
    lines = out.stdout.splitlines()
    assert len(lines) == 32
    assert lines[0].split("\t")[0] == "hq"
    assert all(len(line.split("\t")) == 2 for line in lines)
