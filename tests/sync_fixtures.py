"""Fixtures of the sync tests (loaded with ``pytest_plugins``): stores of several offices,
each copy with its own clock node as if it were a separate PC."""

from __future__ import annotations

import secrets
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from integrity_desktop.db import cipher
from integrity_desktop.db.store import Store, open_store
from integrity_desktop.services.store.opening import init_store

from .conftest import ADMIN_PASSWORD, PASSPHRASE, copy_store


@pytest.fixture(scope="session")
def isfahan_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("template-isfahan") / "store.sqlite"
    init_store(str(path), "isfahan", ADMIN_PASSWORD, PASSPHRASE).dispose()
    return path


@pytest.fixture
def fresh(tmp_path: Path) -> Iterator[Callable[[Path, str], Store]]:
    """fresh(template, name) -> an open copy with its own clock node (a separate PC)."""
    opened: list[Store] = []

    def make(template: Path, name: str) -> Store:
        path = copy_store(template, tmp_path / name / "store.sqlite")
        with cipher.connect(path) as con:
            con.execute("UPDATE store_meta SET value=? WHERE key='node_id'",
                        (secrets.token_hex(4),))
        con.close()
        store = open_store(str(path))
        opened.append(store)
        return store

    yield make
    for store in opened:
        store.dispose()


@pytest.fixture
def tehran_and_hq(fresh: Callable[[Path, str], Store], province_template: Path,
                  hq_template: Path) -> tuple[Store, Store]:
    """Tehran and HQ on separate PCs, each trusting the other's key."""
    from .sync_helpers import trust

    tehran, hq = fresh(province_template, "tehran"), fresh(hq_template, "hq")
    trust(hq, tehran)
    trust(tehran, hq)
    return tehran, hq
