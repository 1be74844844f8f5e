"""SQLite 3.51.1, the one sqlcipher3-wheels 0.5.7 carries, can deadlock two threads for good
when one closes a connection to a WAL file while another opens or closes one (an ABBA between
the file's lock mutex and the VFS's global mutex, fixed in SQLite 3.51.2).  A screens soak met
it after ~100 s: the GUI thread opening a connection, a worker closing one, both waiting
forever.  The store therefore opens and closes its connections one at a time in a process
(``cipher.Connection``).  The race itself is too rare to provoke on demand (480,000 opens in
threads here did not), so these check that every way the app opens a store file takes the
lock, and that both opening and closing wait for it."""

from __future__ import annotations

import threading
from pathlib import Path

from sqlalchemy import text

from integrity_desktop.db import cipher
from integrity_desktop.db.store import Store

WAIT_S = 0.5  # long enough for an unserialised open or close to finish many times over


def test_every_connection_of_a_store_is_the_serialised_kind(store: Store, tmp_path: Path) -> None:
    with store.engine.connect() as c:
        assert isinstance(c.connection.dbapi_connection, cipher.Connection)
    direct = cipher.connect(Path(store.location), readonly=True)
    try:
        assert isinstance(direct, cipher.Connection)
    finally:
        direct.close()


def test_a_session_opens_its_connection_only_when_no_other_thread_is_opening_or_closing(store: Store) -> None:
    done = threading.Event()

    def read() -> None:
        with store.read() as s:
            s.execute(text("SELECT count(*) FROM offices")).all()
        done.set()

    with cipher._OPEN_CLOSE:  # another thread is opening or closing a connection
        worker = threading.Thread(target=read, daemon=True)
        worker.start()
        assert not done.wait(WAIT_S)
    assert done.wait(30)
    worker.join()


def test_closing_a_connection_waits_for_another_threads_open_or_close(store: Store) -> None:
    opened, go, closed = threading.Event(), threading.Event(), threading.Event()

    def open_then_close() -> None:  # a DB-API connection is used on the thread that made it
        con = cipher.connect(Path(store.location), readonly=True)
        con.execute("SELECT count(*) FROM offices").fetchall()  # the WAL's shared memory is open
        opened.set()
        go.wait(30)
        con.close()
        closed.set()

    worker = threading.Thread(target=open_then_close, daemon=True)
    worker.start()
    assert opened.wait(30)
    with cipher._OPEN_CLOSE:
        go.set()
        assert not closed.wait(WAIT_S)
    assert closed.wait(30)
    worker.join()
