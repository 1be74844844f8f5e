"""Evidence changed on disk after it was attached (issue 13, finding 6).

Before: such a file was opened and exported as is, and HQ then refused the province's whole
bundle.  Now its SHA-256 is checked when it is opened, exported or backed up; the change is
reported with the record it belongs to and the file never leaves; attaching the genuine file
again repairs it.
"""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest

from integrity_desktop.db.store import Store
from integrity_desktop.errors import UserError
from integrity_desktop.services.cases import register as cases
from integrity_desktop.services.checklists import filled as checklists
from integrity_desktop.services.checklists import scoring
from integrity_desktop.services.store import evidence

from .conftest import actor
from .sync_helpers import export, import_, trust

OFFICER = actor("case_officer")
INSPECTOR = actor("inspector")
GENUINE = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n% verdict of the board\n"
FORGED = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n% verdict of the BOARD\n"


@pytest.fixture
def attached(store: Store, tmp_path: Path) -> tuple[Store, evidence.EvidenceInfo, Path]:
    c = cases.register_case(store, OFFICER, employee_name="مهدی یزدانی", national_code="0084575948",
                            reporter="بازرس", violation_codes=["10"], reported_on="1403/02/10")
    source = tmp_path / "رأی هیئت.pdf"
    source.write_bytes(GENUINE)
    return store, evidence.attach(store, OFFICER, "case", c.id, source), source


def _tamper(store: Store, info: evidence.EvidenceInfo) -> None:
    assert len(FORGED) == len(GENUINE)  # the same size: only the hash tells
    evidence.blob_path(store, info.sha256).write_bytes(FORGED)


def test_a_changed_file_is_not_opened_and_names_its_record(
    attached: tuple[Store, evidence.EvidenceInfo, Path],
) -> None:
    store, info, _source = attached
    assert evidence.path_of(store, info).read_bytes() == GENUINE
    _tamper(store, info)
    with pytest.raises(UserError) as err:
        evidence.path_of(store, info)
    assert err.value.code == "evidence_changed"
    assert "رأی هیئت.pdf" in err.value.fa and "پروندهٔ تخلف ۱۴۰۳/۰۰۰۱" in err.value.fa
    assert not evidence.verify(store, info)


def test_a_changed_file_never_leaves_in_a_bundle_and_hq_takes_the_rest(
    attached: tuple[Store, evidence.EvidenceInfo, Path], hq_store: Store, tmp_path: Path,
) -> None:
    store, info, _source = attached
    trust(hq_store, store)
    _tamper(store, info)
    result = export(store, tmp_path / "b.zip", full=True)
    assert [d.sha256 for d in result.damaged_evidence] == [info.sha256]
    assert "پس از پیوست شدن روی دیسک تغییر کرده است" in result.damaged_evidence[0].message_fa
    with zipfile.ZipFile(tmp_path / "b.zip") as zf:
        assert not [n for n in zf.namelist() if info.sha256 in n]
    summary = import_(hq_store, tmp_path / "b.zip")
    assert summary.outcome == "accepted"  # not the whole bundle refused
    assert summary.counts["case"].created == 1


def test_attaching_the_genuine_file_again_repairs_it(
    attached: tuple[Store, evidence.EvidenceInfo, Path], tmp_path: Path,
) -> None:
    store, info, source = attached
    _tamper(store, info)
    again = evidence.attach(store, OFFICER, "case", info.owner_id, source)
    assert again.id == info.id  # the same attachment, its file repaired
    assert evidence.path_of(store, info).read_bytes() == GENUINE
    result = export(store, tmp_path / "b.zip", full=True)
    assert result.damaged_evidence == () and result.evidence_files == 1


def test_a_checklist_attachment_is_named_by_its_indicator(store: Store, tmp_path: Path) -> None:
    summary = checklists.create_checklist(store, INSPECTOR, scoring.three_year_template_id(), None,
                                          "1403-Q1")
    entry = checklists.get_checklist(store, INSPECTOR, summary.id).entries[0]
    source = tmp_path / "scan.pdf"
    source.write_bytes(GENUINE)
    info = evidence.attach(store, INSPECTOR, "checklist_entry", entry.id, source)
    _tamper(store, info)
    (damaged,) = evidence.damaged_files(store, [info.sha256])
    assert damaged.owner_label.startswith("شاخص چک‌لیست ۱/۱") and not damaged.missing
