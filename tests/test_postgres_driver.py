"""PostgreSQL goes through psycopg 3: the plain ``postgresql://`` URL people type opens with it,
and without the driver installed the store fails with a message that says what to install."""

from __future__ import annotations

import sys

import pytest

from integrity_desktop.db.engine import driver_url, make_engine
from integrity_desktop.db.store import open_store
from integrity_desktop.errors import StoreError
from integrity_desktop.services.store.opening import init_store

from .conftest import ADMIN_PASSWORD, PASSPHRASE

pytest_plugins = ("tests.pg",)


def test_plain_postgresql_urls_name_psycopg3() -> None:
    assert driver_url("postgresql://hq@db.example/store") == "postgresql+psycopg://hq@db.example/store"
    assert driver_url("postgresql+psycopg://hq@h/s") == "postgresql+psycopg://hq@h/s"
    assert driver_url("sqlite:///x.sqlite") == "sqlite:///x.sqlite"


def test_missing_driver_is_a_persian_store_error(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "psycopg", None)  # as if the extra were not installed
    with pytest.raises(StoreError) as caught:
        make_engine("postgresql://hq@127.0.0.1:1/store")
    assert caught.value.code == "store_driver"
    assert "psycopg" in caught.value.fa and "نصب" in caught.value.fa
    assert "integrity-desktop[postgres]" in caught.value.en


@pytest.mark.postgres
def test_plain_url_opens_a_postgresql_store_with_psycopg3(pg_url: str) -> None:
    plain = pg_url.replace("postgresql+psycopg://", "postgresql://")
    init_store(plain, "hq", ADMIN_PASSWORD, PASSPHRASE).dispose()
    store = open_store(plain)
    try:
        assert store.engine.dialect.name == "postgresql"
        assert store.engine.dialect.driver == "psycopg"
        assert store.office_code == "hq"
    finally:
        store.dispose()
