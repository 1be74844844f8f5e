"""One atomic write for every file the app writes (issue 19, item 2): a failing write leaves the
old file byte for byte and no temporary file beside it.

The failures are real: a child process whose writes past N bytes fail with EFBIG
(``RLIMIT_FSIZE`` with SIGXFSZ ignored, as a full disk fails them), writing a PDF, an Excel
workbook and a store copy over an existing file.
"""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from integrity_desktop import atomic

OLD = b"the old file, which must survive\n"

CHILD = textwrap.dedent("""
    import os, random, resource, signal, sqlite3, string, sys
    from pathlib import Path
    from integrity_desktop.errors import UserError

    kind, target, work = sys.argv[1], Path(sys.argv[2]), Path(sys.argv[3])
    rng = random.Random(7)
    def noise(n):  # incompressible text, so the file outgrows the limit
        return "".join(rng.choice(string.ascii_letters + "آبپتث") for _ in range(n))

    def limit():
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # the write fails with EFBIG instead
        resource.setrlimit(resource.RLIMIT_FSIZE, (40_000, 40_000))

    try:
        if kind == "pdf":
            from integrity_desktop.pdf.document import ReportDocument
            doc = ReportDocument("آزمون", [])
            for _ in range(60):
                doc.paragraph(noise(600))
            limit()
            doc.build(target)
        elif kind == "excel":
            from integrity_desktop.excel.workbook import Col, RtlWorkbook
            book = RtlWorkbook("آزمون", [])
            sheet = book.add_sheet("برگه", [Col("متن", 40, "text")])
            for _ in range(400):
                sheet.append([noise(300)])
            limit()
            book.save(target)
        elif kind == "store":
            from integrity_desktop.services.store.backup import copy_sqlite
            src = work / "src.sqlite"
            con = sqlite3.connect(src)
            con.execute("CREATE TABLE t (x TEXT)")
            con.executemany("INSERT INTO t VALUES (?)", [(noise(500),) for _ in range(400)])
            con.commit()
            con.close()
            limit()
            copy_sqlite(src, target)
        elif kind == "keys":
            from integrity_desktop.fileperm import write_private_bytes
            limit()
            try:
                write_private_bytes(target, noise(60_000).encode())
            except OSError:
                print("REFUSED", "os_error")
                sys.exit(0)
    except UserError as exc:
        print("REFUSED", exc.code)
        sys.exit(0)
    print("WRITTEN")
""")


@pytest.mark.parametrize("kind", ["pdf", "excel", "store", "keys"])
def test_a_failing_write_keeps_the_old_file_and_leaves_no_temporary(kind: str, tmp_path: Path) -> None:
    out = tmp_path / "out"
    out.mkdir()
    target = out / f"report.{kind}"
    target.write_bytes(OLD)
    done = subprocess.run([sys.executable, "-c", CHILD, kind, str(target), str(tmp_path)],
                          capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stderr
    code = {"store": "backup_write", "keys": "os_error"}.get(kind, "write_failed")
    assert done.stdout.split() == ["REFUSED", code], done.stdout + done.stderr
    assert target.read_bytes() == OLD
    assert sorted(p.name for p in out.iterdir()) == [target.name]  # no temporary file left


def test_a_good_write_replaces_the_file_and_leaves_no_temporary(tmp_path: Path) -> None:
    target = tmp_path / "a.bin"
    target.write_bytes(OLD)
    with atomic.replacing(target, ".bin.tmp") as tmp:
        assert tmp.parent == tmp_path and tmp.exists() and tmp != target
        tmp.write_bytes(b"new")
        assert target.read_bytes() == OLD  # not yet: a reader still sees the old file
    assert target.read_bytes() == b"new"
    assert [p.name for p in tmp_path.iterdir()] == ["a.bin"]
    assert (target.stat().st_mode & 0o777) == 0o600  # owner only, as mkstemp makes it


def test_an_error_in_the_writer_removes_the_temporary(tmp_path: Path) -> None:
    target = tmp_path / "a.db"
    target.write_bytes(OLD)
    with pytest.raises(sqlite3.DatabaseError), atomic.replacing(target) as tmp:
        tmp.write_bytes(b"half a store, " * 20)
        sqlite3.connect(tmp).execute("SELECT * FROM sqlite_master").fetchall()  # not a database
    assert target.read_bytes() == OLD
    assert [p.name for p in tmp_path.iterdir()] == ["a.db"]


def test_a_missing_folder_is_an_os_error_and_writes_nothing(tmp_path: Path) -> None:
    with pytest.raises(FileNotFoundError), atomic.replacing(tmp_path / "no" / "a.pdf"):
        pass
    assert not (tmp_path / "no").exists()
    assert os.listdir(tmp_path) == []
