"""Attachments as an attack surface: huge files, files that are not files, spoofed names.

``tests/test_evidence.py`` covers the allow-list, the size limit on an ordinary file and path
parts in a name; these are the hostile cases the threat model adds.
"""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

import pytest

from integrity_desktop.db.store import Store
from integrity_desktop.errors import UserError
from integrity_desktop.services.checklists import filled as checklists
from integrity_desktop.services.checklists import scoring
from integrity_desktop.services.store import evidence

from .checklist_helpers import digest
from .conftest import actor

INSPECTOR = actor("inspector")
PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


@pytest.fixture
def entry_id(store: Store) -> str:
    summary = checklists.create_checklist(store, INSPECTOR, scoring.three_year_template_id(), None, "1403-Q1")
    return checklists.get_checklist(store, INSPECTOR, summary.id).entries[0].id


def _tree(root: Path) -> set[Path]:
    return {p for p in root.rglob("*") if not p.name.endswith(("-wal", "-shm", "-journal"))}


def test_a_two_gigabyte_file_is_refused_before_any_copying(
    store: Store, entry_id: str, tmp_path: Path
) -> None:
    big = tmp_path / "outside" / "scan.pdf"
    big.parent.mkdir()
    big.write_bytes(PDF)
    subprocess.run(["truncate", "-s", "2G", str(big)], check=True)  # sparse: takes no disk
    assert big.stat().st_size == 2 * 1024**3
    before_db, before_tree = digest(store), _tree(tmp_path)
    with pytest.raises(UserError) as err:
        evidence.attach(store, INSPECTOR, "checklist_entry", entry_id, big)
    assert err.value.code == "evidence_too_large"
    assert "۵۰ مگابایت" in err.value.fa and "scan.pdf" in err.value.fa
    assert digest(store) == before_db
    assert _tree(tmp_path) == before_tree  # not even a temporary ".incoming-" file was made


def test_the_limit_holds_at_its_largest_setting(store: Store, entry_id: str, tmp_path: Path) -> None:
    evidence.set_max_mb(store, actor("admin"), 2048)
    big = tmp_path / "scan.pdf"
    big.write_bytes(PDF)
    os.truncate(big, 2048 * 1024**2 + 1)
    with pytest.raises(UserError) as err:
        evidence.attach(store, INSPECTOR, "checklist_entry", entry_id, big)
    assert err.value.code == "evidence_too_large"
    with pytest.raises(UserError):
        evidence.set_max_mb(store, actor("admin"), 4096)


@pytest.mark.parametrize("kind", ["fifo", "device", "directory", "dangling link"])
def test_things_that_are_not_files_are_refused_without_blocking(
    store: Store, entry_id: str, tmp_path: Path, kind: str
) -> None:
    source = tmp_path / "letter.pdf"
    if kind == "fifo":
        os.mkfifo(source)  # opening it would wait for a writer forever
    elif kind == "device":
        source.symlink_to("/dev/zero")  # endless bytes under a PDF name
    elif kind == "directory":
        source.mkdir()
    else:
        source.symlink_to(tmp_path / "gone.pdf")
    before = digest(store)
    with pytest.raises(UserError) as err:
        evidence.attach(store, INSPECTOR, "checklist_entry", entry_id, source)
    assert err.value.code == "evidence_missing"
    assert "letter.pdf" in err.value.fa
    assert digest(store) == before


def test_a_spoofed_name_cannot_hide_its_type(store: Store, entry_id: str, tmp_path: Path) -> None:
    """U+202E turns "report\u202efdp.exe" into what reads as "reportexe.pdf": still an .exe."""
    spoof = tmp_path / "report\u202efdp.exe"
    spoof.write_bytes(b"MZ\x90\x00")
    with pytest.raises(UserError) as err:
        evidence.attach(store, INSPECTOR, "checklist_entry", entry_id, spoof)
    assert err.value.code == "evidence_type"


def test_labels_keep_persian_but_drop_direction_tricks(store: Store, entry_id: str, tmp_path: Path) -> None:
    persian = tmp_path / "گزارش\u200cهای بازرسی.pdf"
    persian.write_bytes(PDF)
    info = evidence.attach(store, INSPECTOR, "checklist_entry", entry_id, persian)
    assert info.filename == "گزارش\u200cهای بازرسی.pdf"  # the ZWNJ is part of Persian spelling
    tricky = tmp_path / "نامه\u202egpj.pdf"
    tricky.write_bytes(PDF + b"%")
    label = evidence.attach(store, INSPECTOR, "checklist_entry", entry_id, tricky).filename
    assert label == "نامهgpj.pdf" and "\u202e" not in label


def test_a_name_never_decides_where_bytes_go(store: Store, entry_id: str, tmp_path: Path) -> None:
    deep = tmp_path / "in" / "a" / "b"
    deep.mkdir(parents=True)
    (tmp_path / "in" / "x.pdf").write_bytes(PDF)
    before = _tree(tmp_path)
    info = evidence.attach(store, INSPECTOR, "checklist_entry", entry_id, f"{deep}/../../x.pdf")
    new = _tree(tmp_path) - before
    files = [p for p in new if p.is_file()]
    assert files == [evidence.blob_path(store, info.sha256)]
    assert all(p.is_relative_to(store.files_dir) for p in new), new
    assert evidence.blob_path(store, info.sha256).name == info.sha256
