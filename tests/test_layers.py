"""The package diagram of docs/ARCHITECTURE.md ("Packages and layers"), held against the code.

Every ``import`` of every module is read (those inside functions too: a lazy import is still a
dependency), so a new module that points back up, or a widget that reaches for the models, fails
here with the file and the line.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

import integrity_desktop

ROOT = Path(integrity_desktop.__file__).parent
TIERS = ("ui", "cli", "reports", "services", "sync", "pdf", "excel", "db", "data")

# What each part may import besides itself.  ``core`` is every module at the package's top.
ALLOWED: dict[str, set[str]] = {
    "core": {"core"},
    "db": {"core"},
    "pdf": {"core"},
    "excel": {"core"},
    "data": {"core"},
    "services": {"core", "db", "excel", "sync"},
    "sync": {"core", "db", "services"},
    "reports": {"core", "db", "excel", "pdf", "services", "sync"},
    "ui": {"core", "db", "excel", "pdf", "reports", "services", "sync", "data"},
    "cli": {"core", "db", "reports", "services", "sync", "ui", "data"},
}
# The entry point is the one core module that starts the commands.
ENTRY_POINTS = {"integrity_desktop.__main__": {"cli"}}
# The UI holds a store and unlocks it; it never reads the models (no SQL in widgets).
UI_DB_MODULES = {"integrity_desktop.db.store", "integrity_desktop.db.cipher"}


def tier(module: str) -> str:
    parts = module.split(".")
    return parts[1] if len(parts) > 1 and parts[1] in TIERS else "core"


def modules() -> Iterator[tuple[str, Path]]:
    for path in sorted(ROOT.rglob("*.py")):
        rel = path.relative_to(ROOT.parent)
        if "migrations" in rel.parts:
            continue
        yield ".".join(rel.with_suffix("").parts), path


def imports(path: Path) -> Iterator[tuple[str, int]]:
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module:
            if node.module == "integrity_desktop":
                yield from ((f"integrity_desktop.{a.name}", node.lineno) for a in node.names)
            else:
                yield node.module, node.lineno
        elif isinstance(node, ast.Import):
            yield from ((a.name, node.lineno) for a in node.names)


def test_every_import_points_down_the_diagram() -> None:
    wrong = []
    for module, path in modules():
        mine = tier(module)
        allowed = ALLOWED[mine] | ENTRY_POINTS.get(module, set()) | {mine}
        for target, line in imports(path):
            if not target.startswith("integrity_desktop."):
                continue
            if tier(target) not in allowed:
                wrong.append(f"{path.relative_to(ROOT.parent)}:{line} ({mine}) imports {target}")
    assert not wrong, "\n".join(wrong)


def test_qt_only_in_the_ui_and_models_never_there() -> None:
    wrong = []
    for module, path in modules():
        for target, line in imports(path):
            where = f"{path.relative_to(ROOT.parent)}:{line} imports {target}"
            if target.split(".")[0] in {"PySide6", "shiboken6"} and tier(module) != "ui":
                wrong.append(where)
            if tier(module) == "ui" and tier(target) == "db" and target not in UI_DB_MODULES:
                wrong.append(where)
    assert not wrong, "\n".join(wrong)


def test_reports_only_read() -> None:
    """A module that writes to the store is a service, even when it reads a file (the imports)."""
    writers = []
    for module, path in modules():
        if tier(module) != "reports":
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Attribute) and node.attr in {"session", "soft_delete", "add_all"}:
                writers.append(f"{path.relative_to(ROOT.parent)}:{node.lineno} .{node.attr}")
    assert not writers, "\n".join(writers)


def test_the_checker_sees_a_wrong_import(tmp_path: Path) -> None:
    """The walk above is only worth something if it finds an upward import where there is one."""
    bad = tmp_path / "bad.py"
    bad.write_text("def f():\n    from integrity_desktop.ui import app\n", encoding="utf-8")
    assert [(t, line) for t, line in imports(bad)] == [("integrity_desktop.ui", 2)]
    assert tier("integrity_desktop.ui") not in ALLOWED["services"]
