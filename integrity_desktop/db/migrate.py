"""Alembic migrations applied from code, with a backup of the file before any upgrade.

Opening a store only needs to know the store's revision and the newest one this program has;
both are read without importing Alembic (a third of the start-up time), which is imported
only when a store is actually upgraded.
"""

from __future__ import annotations

import ast
import functools
import re
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import Engine, inspect, text

if TYPE_CHECKING:
    from alembic.config import Config

MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"
VERSION_TABLE = "alembic_version"  # Alembic's default, which env.py keeps
_ASSIGNMENT = re.compile(r"^(revision|down_revision)\s*(?::[^=]*)?=\s*(.+)$", re.MULTILINE)


def alembic_config() -> Config:
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS_DIR))
    return cfg


@functools.cache
def _revision_graph() -> dict[str, tuple[str, ...]]:
    """revision -> the revisions it follows, from the ``revision = ...`` and
    ``down_revision = ...`` lines of the version scripts (what Alembic reads from them)."""
    graph: dict[str, tuple[str, ...]] = {}
    for script in sorted((MIGRATIONS_DIR / "versions").glob("*.py")):
        values = {m.group(1): ast.literal_eval(m.group(2).strip())
                  for m in _ASSIGNMENT.finditer(script.read_text(encoding="utf-8"))}
        down = values.get("down_revision")
        downs = () if down is None else (down,) if isinstance(down, str) else tuple(down)
        graph[str(values["revision"])] = downs
    return graph


def head_revision() -> str:
    graph = _revision_graph()
    followed = {d for downs in graph.values() for d in downs}
    heads = [r for r in graph if r not in followed]
    assert len(heads) == 1, f"migrations must have one head, found {heads}"
    return heads[0]


def current_revision(engine: Engine) -> str | None:
    """The store's schema revision, or None for an empty database."""
    with engine.connect() as conn:
        if not inspect(conn).has_table(VERSION_TABLE):
            return None
        rows = conn.execute(text(f"SELECT version_num FROM {VERSION_TABLE}")).scalars().all()
    if len(rows) > 1:
        raise RuntimeError(f"the store has several schema heads: {rows}")
    return str(rows[0]) if rows else None


def known_revisions() -> set[str]:
    return set(_revision_graph())


def backup_before_migration(path: Path, key: bytes | None = None) -> Path:
    """Copy the store with SQLite's backup API (consistent even with a WAL) next to itself;
    an encrypted store's copy is encrypted with the same key (and has its key file)."""
    from integrity_desktop.db import cipher

    stamp = datetime.now(UTC).strftime("%Y%m%d-%H%M%S")
    target = path.with_name(f"{path.stem}.before-migration-{stamp}{path.suffix}")
    if key is None and cipher.is_encrypted(path):
        key = cipher.known_key(path)
    if key is not None:
        import shutil

        shutil.copyfile(cipher.keyfile_path(path), cipher.keyfile_path(target))
    src = cipher.connect(path, key)
    try:
        dst = cipher.connect(target, key)
        try:
            src.backup(dst)
        finally:
            dst.close()
    finally:
        src.close()
    return target


def upgrade(engine: Engine, revision: str = "head") -> None:
    from alembic import command

    cfg = alembic_config()
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, revision)
