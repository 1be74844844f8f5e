"""Finding 10: the merge module holds the merge; the SQLAlchemy driver shortcuts, the import
log's listing and the summary live in their own modules, and no test hook sits in a
production path (the tests kill an import through its progress seam, tests/kill_import.py)."""

from __future__ import annotations

import ast
from pathlib import Path

import integrity_desktop
from integrity_desktop.sync import fastwrite, import_log, merge

PACKAGE = Path(integrity_desktop.__file__).parent


def _defined(module: object) -> set[str]:
    tree = ast.parse(Path(module.__file__).read_text("utf-8"))  # type: ignore[attr-defined]
    return {n.name for n in tree.body if isinstance(n, ast.FunctionDef | ast.ClassDef)}


def test_driver_shortcuts_and_the_import_listing_have_their_own_modules() -> None:
    in_merge = _defined(merge)
    assert not in_merge & {"DriverStatement", "_DriverStatement", "TableWrites", "_TableWrites",
                           "_shortcut", "_json_shortcut", "_bool_shortcut", "_datetime_shortcut",
                           "list_imports", "count_imports", "ImportLogRow", "seen_sequences"}
    assert {"DriverStatement", "TableWrites", "table_writes"} <= _defined(fastwrite)
    assert {"list_imports", "count_imports", "ImportLogRow", "seen_sequences"} <= _defined(import_log)
    # what other modules import from merge still works
    assert merge.list_imports is import_log.list_imports


def test_no_test_hook_in_production_code() -> None:
    offenders = []
    for path in PACKAGE.rglob("*.py"):
        text = path.read_text("utf-8")
        in_sync = path.parent.name == "sync"
        if "INTEGRITY_TEST_" in text or "KILL_AFTER" in text or (in_sync and "os._exit" in text):
            offenders.append(str(path.relative_to(PACKAGE)))
    assert offenders == []
