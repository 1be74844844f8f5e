"""Evidence files: content-addressed, deduplicated, size-limited, type-checked, verifiable."""

from __future__ import annotations

from pathlib import Path

import pytest

from integrity_desktop.db.store import Store
from integrity_desktop.errors import PermissionDenied, UserError
from integrity_desktop.services.checklists import filled as checklists
from integrity_desktop.services.checklists import scoring
from integrity_desktop.services.store import evidence

from .checklist_helpers import digest
from .conftest import actor

INSPECTOR = actor("inspector")
PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 64


@pytest.fixture
def entry_id(store: Store) -> str:
    summary = checklists.create_checklist(store, INSPECTOR, scoring.three_year_template_id(), None, "1403-Q1")
    return checklists.get_checklist(store, INSPECTOR, summary.id).entries[0].id


def _blobs(store: Store) -> list[Path]:
    return [p for p in (store.files_dir / "evidence").rglob("*") if p.is_file()]


def test_same_content_is_stored_once(store: Store, entry_id: str, tmp_path: Path) -> None:
    a = tmp_path / "نامه.pdf"
    b = tmp_path / "copy of letter.pdf"
    a.write_bytes(PDF)
    b.write_bytes(PDF)
    first = evidence.attach(store, INSPECTOR, "checklist_entry", entry_id, a)
    again = evidence.attach(store, INSPECTOR, "checklist_entry", entry_id, b)
    assert again.id == first.id  # the same file on the same record is kept once
    assert first.filename == "نامه.pdf" and first.mime == "application/pdf" and first.size == len(PDF)
    other = checklists.get_checklist(store, INSPECTOR, checklists.get_entry(store, INSPECTOR, entry_id)
                                     .checklist_id).entries[1].id
    evidence.attach(store, INSPECTOR, "checklist_entry", other, b)
    blobs = _blobs(store)
    assert len(blobs) == 1
    assert blobs[0] == evidence.blob_path(store, first.sha256)
    assert blobs[0].parent.name == first.sha256[:2]
    assert evidence.path_of(store, first).read_bytes() == PDF  # stored encrypted, opened plain
    assert [e.id for e in evidence.list_for(store, INSPECTOR, "checklist_entry", entry_id)] == [first.id]
    assert checklists.get_entry(store, INSPECTOR, entry_id).evidence_count == 1


def test_attach_all_reports_each_file_and_stops_at_a_refusal(
    store: Store, entry_id: str, tmp_path: Path
) -> None:
    files = [tmp_path / "الف.pdf", tmp_path / "ب.png", tmp_path / "missing.pdf", tmp_path / "د.pdf"]
    files[0].write_bytes(PDF)
    files[1].write_bytes(PNG)
    files[3].write_bytes(PDF + b"%")
    reported: list[tuple[int, int, str]] = []
    assert evidence.attach_all(store, INSPECTOR, "checklist_entry", entry_id, files[:2],
                               lambda i, n, name: reported.append((i, n, name))) == 2
    assert reported == [(0, 2, "الف.pdf"), (1, 2, "ب.png")]
    with pytest.raises(UserError):
        evidence.attach_all(store, INSPECTOR, "checklist_entry", entry_id, files[2:], lambda *_a: None)
    names = sorted(e.filename for e in evidence.list_for(store, INSPECTOR, "checklist_entry", entry_id))
    assert names == sorted(["الف.pdf", "ب.png"])  # the file after the refused one was not reached


def test_file_over_the_limit_is_refused_before_copying(store: Store, entry_id: str, tmp_path: Path) -> None:
    store.set_meta(evidence.META_MAX_MB, "1")
    big = tmp_path / "scan.pdf"
    big.write_bytes(PDF + b"0" * (1 << 20))
    before = digest(store)
    with pytest.raises(UserError) as err:
        evidence.attach(store, INSPECTOR, "checklist_entry", entry_id, big)
    assert err.value.code == "evidence_too_large"
    assert "۱ مگابایت" in err.value.fa and "scan.pdf" in err.value.fa
    assert digest(store) == before and _blobs(store) == []


def test_default_limit_is_fifty_megabytes(store: Store) -> None:
    assert evidence.max_bytes(store) == 50 * 1024 * 1024
    evidence.set_max_mb(store, actor("admin"), 10)
    assert evidence.max_bytes(store) == 10 * 1024 * 1024
    with pytest.raises(PermissionDenied):
        evidence.set_max_mb(store, INSPECTOR, 10)


@pytest.mark.parametrize(
    ("name", "data", "code"),
    [
        ("tool.exe", b"MZ\x90\x00", "evidence_type"),
        ("no-extension", PDF, "evidence_type"),
        ("photo.pdf", PNG, "evidence_content"),  # a PNG renamed to .pdf
        ("notes.txt", b"abc\x00\x01", "evidence_content"),
    ],
)
def test_disallowed_types_are_refused(
    store: Store, entry_id: str, tmp_path: Path, name: str, data: bytes, code: str
) -> None:
    path = tmp_path / name
    path.write_bytes(data)
    before = digest(store)
    with pytest.raises(UserError) as err:
        evidence.attach(store, INSPECTOR, "checklist_entry", entry_id, path)
    assert err.value.code == code
    assert digest(store) == before and _blobs(store) == []


def test_a_name_with_path_parts_is_only_a_label(store: Store, entry_id: str, tmp_path: Path) -> None:
    inner = tmp_path / "a" / "b"
    inner.mkdir(parents=True)
    (tmp_path / "a" / "evil.png").write_bytes(PNG)
    tricky = f"{inner}/../evil.png"
    info = evidence.attach(store, INSPECTOR, "checklist_entry", entry_id, tricky)
    assert info.filename == "evil.png"
    assert evidence.display_name("..\\..\\windows\\x.pdf") == "x.pdf"
    assert evidence.display_name("../../.bashrc") == "bashrc"
    path = evidence.blob_path(store, info.sha256)
    assert path.is_file() and evidence.path_of(store, info).is_file()
    assert path.resolve().is_relative_to((store.files_dir / "evidence").resolve())
    assert path.name == info.sha256


def test_verify_detects_changed_bytes(store: Store, entry_id: str, tmp_path: Path) -> None:
    source = tmp_path / "doc.txt"
    source.write_text("گزارش جلسه\n", encoding="utf-8")
    info = evidence.attach(store, INSPECTOR, "checklist_entry", entry_id, source)
    assert evidence.verify(store, info)
    evidence.blob_path(store, info.sha256).write_bytes(b"tampered")
    assert not evidence.verify(store, info)
    with pytest.raises(UserError):  # a changed file is not opened (issue 13)
        evidence.path_of(store, info)
    evidence.blob_path(store, info.sha256).unlink()
    assert not evidence.verify(store, info)
    with pytest.raises(UserError):
        evidence.path_of(store, info)


def test_detach_is_a_soft_delete(store: Store, entry_id: str, tmp_path: Path) -> None:
    source = tmp_path / "x.pdf"
    source.write_bytes(PDF)
    info = evidence.attach(store, INSPECTOR, "checklist_entry", entry_id, source)
    with pytest.raises(PermissionDenied):
        evidence.detach(store, actor("viewer"), info.id)
    evidence.detach(store, INSPECTOR, info.id)
    assert evidence.list_for(store, INSPECTOR, "checklist_entry", entry_id) == []
    assert _blobs(store)  # the bytes stay: another record may share them


def test_attaching_to_a_missing_record_is_refused(store: Store, tmp_path: Path) -> None:
    source = tmp_path / "x.pdf"
    source.write_bytes(PDF)
    with pytest.raises(UserError) as err:
        evidence.attach(store, INSPECTOR, "checklist_entry", "no-such-entry", source)
    assert err.value.code == "owner_missing"


def test_opened_copy_has_the_original_name_and_extension(store: Store, entry_id: str, tmp_path: Path) -> None:
    source = tmp_path / "گزارش بازدید.pdf"
    source.write_bytes(PDF)
    info = evidence.attach(store, INSPECTOR, "checklist_entry", entry_id, source)
    copy = evidence.viewable_copy(store, info, root=tmp_path / "open")
    assert copy.name == "گزارش بازدید.pdf" and copy.suffix == ".pdf" and copy.read_bytes() == PDF
    assert evidence.viewable_copy(store, info, root=tmp_path / "open") == copy  # reused, not piled up
    assert [p.name for p in copy.parent.iterdir()] == [copy.name]  # no partial file left
    blocked = tmp_path / "blocked"
    blocked.write_text("a file where the folder should be")
    with pytest.raises(UserError) as err:
        evidence.viewable_copy(store, info, root=blocked)
    assert err.value.code == "evidence_open_copy" and "گزارش بازدید.pdf" in err.value.fa
    _blobs(store)[0].write_bytes(PDF + b"changed")  # changed on disk: never opened
    with pytest.raises(UserError):
        evidence.viewable_copy(store, info, root=tmp_path / "again")
