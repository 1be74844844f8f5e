"""A folder import's edges (sync/batch.py) that need no bundle: which files it takes, the
order of files it cannot read, and how a refused bundle is reported in the JSON summary."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest

from integrity_desktop.errors import UserError
from integrity_desktop.sync import batch
from integrity_desktop.sync import bundle_format as bf
from integrity_desktop.sync.batch import BatchSummary, BundleResult


def test_a_folder_without_bundles_and_one_with_too_many(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "notes.txt").write_text("x")
    (tmp_path / "sub.zip").mkdir()  # a folder named like a bundle is not one
    with pytest.raises(UserError) as e:
        batch.bundle_files([tmp_path])
    assert e.value.code == "no_bundles" and e.value.fa
    for i in range(3):
        (tmp_path / f"b{i}.itb").write_bytes(b"")
    assert [p.name for p in batch.bundle_files([tmp_path, tmp_path / "b1.itb"])] == [
        "b0.itb", "b1.itb", "b2.itb"]  # a file named twice is taken once
    monkeypatch.setattr(batch, "MAX_BUNDLES", 2)
    with pytest.raises(UserError) as e:
        batch.bundle_files([tmp_path])
    assert e.value.code == "too_many_bundles"


def test_unreadable_bundles_sort_after_the_readable_by_name(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    good = tmp_path / "z.zip"
    with zipfile.ZipFile(good, "w") as zf:
        zf.writestr(bf.MANIFEST, '{"source_office": "qom", "seq": 2}')
    big = tmp_path / "a.zip"
    with zipfile.ZipFile(big, "w") as zf:
        zf.writestr(bf.MANIFEST, '{"source_office": "qom", "seq": 1, "pad": "' + "x" * 100 + '"}')
    junk = tmp_path / "b.zip"
    junk.write_bytes(b"not a zip")
    monkeypatch.setattr(bf, "MAX_MANIFEST_SIZE", 60)  # the manifest of a.zip is now too large
    assert [p.name for p in batch.in_order([junk, big, good])] == ["z.zip", "a.zip", "b.zip"]


def test_a_refused_bundle_in_the_summary(tmp_path: Path) -> None:
    refused = UserError("بسته امضای معتبر ندارد.", "The bundle has no valid signature.", code="bad_signature")
    summary = BatchSummary([BundleResult(tmp_path / "x.itb", refused=refused)])
    assert summary.refused == 1 and summary.accepted == 0 and summary.changed == 0
    data = summary.to_json()
    assert data["bundles"] == [{"file": str(tmp_path / "x.itb"), "outcome": "refused",
                                "code": "bad_signature", "fa": refused.fa, "en": refused.en}]
    assert data["total"]["refused"] == 1 and data["total"]["dry_run"] is True
