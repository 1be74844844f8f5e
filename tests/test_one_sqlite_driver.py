"""SQLCipher is the product's one SQLite driver: the frozen build leaves Python's sqlite3 out
(installer/integrity-desktop.spec), so no product path may import it, for plain or encrypted
files."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

SCRIPT = r"""
import sys
from pathlib import Path

from integrity_desktop.db import cipher
from integrity_desktop.db.store import open_store
from integrity_desktop.db.schema_check import schema_differences

folder = Path(sys.argv[1])
plain = open_store(str(folder / "plain.sqlite"), create=True)
plain.engine.dispose()
again = open_store(str(folder / "plain.sqlite"))
again.engine.dispose()
con = cipher.connect(folder / "plain.sqlite")
tables = con.execute("SELECT count(*) FROM sqlite_master WHERE type = 'table'").fetchone()[0]
con.close()
assert schema_differences(folder / "plain.sqlite") == []
print(tables, "sqlite3" in sys.modules, "_sqlite3" in sys.modules)
"""


def test_plain_stores_open_and_migrate_without_pythons_sqlite3(tmp_path: Path) -> None:
    out = subprocess.run([sys.executable, "-c", SCRIPT, str(tmp_path)], capture_output=True,
                         text=True, timeout=120, check=True).stdout.split()
    assert int(out[0]) > 10  # the schema was created through SQLCipher
    assert out[1:] == ["False", "False"]
