"""Hostile files: the bundle importer and the checklist Excel importer fed random, truncated and
mutated input for a bounded number of examples.

Every input either imports or raises ``UserError`` (``BundleRefused`` is one); any other
exception fails the test.  On refusal the receiving store is exactly as it was (synced-content
digest, audit and import-log row counts), and no file appears anywhere in the test's directory
tree outside the store's own files folder; Python's temporary folder is pointed into that tree
so a stray temporary file would be seen too.  The number of inputs run is printed and recorded
in ``RUNS`` (docs/THREAT-MODEL.md quotes it).
"""

from __future__ import annotations

import datetime as dt
import io
import json
import os
import tempfile
import warnings
import zipfile
from collections import Counter
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st
from sqlalchemy import func, select

from integrity_desktop.db.models import AuditEntry, ImportLog
from integrity_desktop.db.store import Store
from integrity_desktop.errors import UserError
from integrity_desktop.reports import checklist_excel
from integrity_desktop.services.audit import log as audit
from integrity_desktop.services.checklists import excel_import as checklist_import
from integrity_desktop.services.checklists import filled as checklists
from integrity_desktop.services.checklists import scoring
from integrity_desktop.services.store import keys
from integrity_desktop.sync import bundle_format as bf
from integrity_desktop.sync.digest import store_digest
from integrity_desktop.sync.merge import import_bundle
from integrity_desktop.sync.verify import BundleRefused

from .checklist_helpers import digest as checklist_digest
from .conftest import PASSPHRASE, actor
from .sync_helpers import add_unit, export, read_members, signing_key, trust, write_bundle

pytest_plugins = ("tests.sync_fixtures",)  # fixtures: fresh

Fresh = Callable[[Path, str], Store]
RUNS: Counter[str] = Counter()
OUTCOMES: Counter[str] = Counter()
# 60 per strategy keeps the file near a minute; FUZZ_EXAMPLES=1000 for a longer hunt.  The
# suite's inputs are the same on every run (a gate must not fail at random: a CI run once found
# a new crash with a fresh seed, now a regression test in test_sync_tamper.py); hunts for new
# ones set FUZZ_RANDOM=1 and FUZZ_EXAMPLES high.
FUZZ = settings(max_examples=int(os.environ.get("FUZZ_EXAMPLES", "60")), deadline=None, database=None,
                derandomize=os.environ.get("FUZZ_RANDOM", "") != "1",
                print_blob=True,  # a failure prints a @reproduce_failure line
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])


@pytest.fixture(scope="module", autouse=True)
def _report_counts() -> Iterator[None]:
    """After this module's tests, whichever ran and in whatever order: print how many hostile
    inputs ran (the note quotes the figures)."""
    yield
    print("\nfuzz inputs run:", sum(RUNS.values()), dict(sorted(RUNS.items())))
    print("outcomes:", dict(sorted(OUTCOMES.items())))
    assert not RUNS or sum(RUNS.values()) >= 60


def _files(root: Path, allowed: list[Path]) -> set[Path]:
    """Every file under ``root`` except inside the allowed folders and SQLite's side files."""
    out: set[Path] = set()
    for path in root.rglob("*"):
        if path.is_dir() or any(path.is_relative_to(a) for a in allowed):
            continue
        if path.name.endswith(("-wal", "-shm", "-journal")):
            continue
        out.add(path)
    return out


def _state(store: Store) -> tuple[str, int, int]:
    with store.read() as s:
        audits = s.scalar(select(func.count()).select_from(AuditEntry)) or 0
        imports = s.scalar(select(func.count()).select_from(ImportLog)) or 0
    return store_digest(store), audits, imports


class Guard:
    """Runs one hostile input against a store and checks what the issue promises."""

    def __init__(self, root: Path, store: Store, inputs: Path, state: Callable[[Store], Any]) -> None:
        self.root, self.store, self.inputs, self.state = root, store, inputs, state
        self.allowed = [store.files_dir, inputs, root / "pytest-tmp"]
        self.before_files = _files(root, self.allowed)

    def run(self, kind: str, attempt: Callable[[], object]) -> str:
        RUNS[kind] += 1
        before = self.state(self.store)
        try:
            attempt()
        except UserError as exc:
            assert exc.fa and exc.en, "a refusal says why, in Persian and English"
            assert self.state(self.store) == before, "a refused input changed the store"
            outcome = f"refused:{exc.code}"
        else:
            outcome = "imported"
        OUTCOMES[f"{kind} {outcome}"] += 1
        stray = _files(self.root, self.allowed) - self.before_files
        assert not stray, f"files written outside the data folder: {sorted(stray)}"
        leftovers = [p for p in (self.root / "pytest-tmp").rglob("*") if p.is_file()]
        assert not leftovers, f"temporary files left behind: {leftovers}"
        return outcome


@pytest.fixture
def watched_tmp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """Point Python's temporary folder into the watched tree."""
    folder = tmp_path / "pytest-tmp"
    folder.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(folder))
    yield folder


@pytest.fixture
def bundle_setup(
    fresh: Fresh, province_template: Path, hq_template: Path, tmp_path: Path, watched_tmp: Path
) -> tuple[Store, Store, Path, Guard]:
    tehran, hq = fresh(province_template, "tehran"), fresh(hq_template, "hq")
    trust(hq, tehran)
    for i in range(3):
        add_unit(tehran, f"واحد آزمون {i}")
    inputs = tmp_path / "inputs"
    inputs.mkdir()
    good = export(tehran, inputs / "good.zip").path
    signing_key(tehran)  # decrypt the key once, outside the examples
    return tehran, hq, good, Guard(tmp_path, hq, inputs, _state)


_IDENTITIES: dict[str, list[Any]] = {}


def _importer(hq: Store, path: Path) -> Callable[[], object]:
    """The real importer with the store's age identity decrypted once (scrypt is slow)."""
    if hq.location not in _IDENTITIES:
        _IDENTITIES[hq.location] = [keys.age_identity(hq, PASSPHRASE)]
    identities = _IDENTITIES[hq.location]
    return lambda: import_bundle(hq, actor("admin", hq.office_code), path, lambda: identities)


def test_fuzz_bundle_random_bytes(bundle_setup: tuple[Store, Store, Path, Guard]) -> None:
    _, hq, _, guard = bundle_setup
    path = guard.inputs / "random.bin"
    assert issubclass(BundleRefused, UserError)  # so "UserError or imported" covers refusals

    @FUZZ
    @given(st.one_of(st.binary(max_size=4096),
                     st.binary(max_size=2048).map(lambda b: bf.ZIP_MAGIC + b),
                     st.binary(max_size=2048).map(lambda b: bf.AGE_MAGIC + b"\n" + b)))
    def run(data: bytes) -> None:
        path.write_bytes(data)
        assert guard.run("bundle/random", _importer(hq, path)).startswith("refused")

    run()


def test_fuzz_bundle_truncated(bundle_setup: tuple[Store, Store, Path, Guard]) -> None:
    _, hq, good, guard = bundle_setup
    data = good.read_bytes()
    path = guard.inputs / "cut.zip"
    # Every prefix-length class: empty, inside the first header, inside the data, inside the
    # central directory, inside the end record, one byte short.
    with zipfile.ZipFile(good) as zf:
        first_data = zf.infolist()[0].header_offset + 30
        central = min(i.header_offset for i in zf.infolist()[1:]) if len(zf.infolist()) > 1 else 40
    classes = sorted({0, 1, 3, 4, 10, first_data, central, len(data) - 22, len(data) - 1})
    for cut in classes:
        path.write_bytes(data[:cut])
        assert guard.run("bundle/truncated", _importer(hq, path)).startswith("refused")

    @FUZZ
    @given(st.integers(0, len(data) - 1))
    def run(cut: int) -> None:
        path.write_bytes(data[:cut])
        assert guard.run("bundle/truncated", _importer(hq, path)).startswith("refused")

    run()


def test_fuzz_bundle_byte_flips(bundle_setup: tuple[Store, Store, Path, Guard]) -> None:
    _, hq, good, guard = bundle_setup
    data = good.read_bytes()
    path = guard.inputs / "flipped.zip"

    @FUZZ
    @given(st.lists(st.tuples(st.integers(0, len(data) - 1), st.integers(1, 255)), min_size=1, max_size=8))
    def run(flips: list[tuple[int, int]]) -> None:
        mutated = bytearray(data)
        for pos, xor in flips:
            mutated[pos] ^= xor
        path.write_bytes(bytes(mutated))
        guard.run("bundle/flipped", _importer(hq, path))

    run()


HOSTILE_NAMES = ["../escape.txt", "/etc/passwd", "records/../../x.jsonl", "C:\\evil.txt",
                 "evidence/" + "0" * 64, "records/unit.jsonl", "records/nosuch.jsonl",
                 "manifest.json", "manifest.json.minisig", "evidence/../../../x", "a\x00b",
                 "records/", "evidence/" + "f" * 63, "records/case.jsonl"]


def _zip(members: list[tuple[str, bytes]]) -> bytes:
    buf = io.BytesIO()
    with warnings.catch_warnings(), zipfile.ZipFile(buf, "w", compression=zipfile.ZIP_DEFLATED) as zf:
        warnings.simplefilter("ignore")  # duplicate names are the point
        for name, content in members:
            zf.writestr(zipfile.ZipInfo(name), content)
    return buf.getvalue()


def test_fuzz_bundle_members_renamed_added_duplicated(
    bundle_setup: tuple[Store, Store, Path, Guard],
) -> None:
    tehran, hq, good, guard = bundle_setup
    members = read_members(good)
    names = sorted(members)
    path = guard.inputs / "members.zip"
    key = signing_key(tehran)

    @FUZZ
    @given(
        st.sampled_from(["rename", "add", "duplicate", "drop"]),
        st.sampled_from(names),
        st.one_of(st.sampled_from(HOSTILE_NAMES), st.text(min_size=1, max_size=40)),
        st.binary(max_size=512),
        st.booleans(),
    )
    def run(how: str, target: str, new_name: str, content: bytes, resign: bool) -> None:
        items = list(members.items())
        if how == "rename":
            items = [(new_name if n == target else n, b) for n, b in items]
        elif how == "add":
            items.append((new_name, content))
        elif how == "duplicate":
            items.append((target, members[target] if resign else content))
        else:
            items = [(n, b) for n, b in items if n != target]
        if resign and len({n for n, _ in items}) == len(items) and bf.MANIFEST in dict(items):
            # A trusted but hostile sender.  zipfile cuts a name at NUL, and a name that is
            # only NUL leaves it nothing to write: such a sender cannot exist.
            assume(all(n.split("\x00", 1)[0] for n, _ in items))
            write_bundle(path, dict(items), key=key)
        else:
            path.write_bytes(_zip(items))
        guard.run("bundle/members", _importer(hq, path))

    run()


_json_scalars = st.one_of(st.none(), st.booleans(), st.integers(), st.floats(allow_nan=False),
                          st.text(max_size=30))
_json = st.recursive(_json_scalars, lambda inner: st.one_of(
    st.lists(inner, max_size=4), st.dictionaries(st.text(max_size=10), inner, max_size=4)), max_leaves=10)


def test_fuzz_bundle_signed_hostile_records(bundle_setup: tuple[Store, Store, Path, Guard]) -> None:
    """A sender whose key is trusted (a stolen key) sends records with random fields: the merge
    must refuse or accept them whole, never crash half-way."""
    tehran, hq, good, guard = bundle_setup
    members = read_members(good)
    units = [json.loads(line) for line in members["records/unit.jsonl"].splitlines()]
    path = guard.inputs / "signed.zip"
    key = signing_key(tehran)
    field_names = sorted(units[0])

    @FUZZ
    @given(st.integers(0, len(units) - 1), st.dictionaries(st.sampled_from(field_names), _json, max_size=4),
           st.lists(st.sampled_from(field_names), max_size=2), st.sampled_from(["unit", "office", "case"]),
           st.one_of(st.none(), st.dictionaries(st.sampled_from(["members", "seq", "audit_head", "source_office",
                                                                 "recipient_office", "created_at"]),
                                                _json, max_size=2)))
    def run(index: int, changes: dict[str, Any], drop: list[str], record_type: str,
            manifest_changes: dict[str, Any] | None) -> None:
        row = {**units[index], **changes}
        for name in drop:
            row.pop(name, None)
        lines = list(members["records/unit.jsonl"].splitlines(keepends=True))
        lines[index] = bf.canonical_line(row) if _serialisable(row) else b"{not json\n"
        edited = dict(members)
        edited.pop("records/unit.jsonl")
        edited[bf.records_member(record_type)] = b"".join(lines)

        def edit(manifest: dict[str, Any]) -> None:
            manifest.update(manifest_changes or {})

        write_bundle(path, edited, key=key, edit_manifest=edit)
        guard.run("bundle/signed-hostile", _importer(hq, path))

    run()
    with hq.read() as s:
        assert audit.verify(s).ok  # whatever was accepted, the history still holds together


def _serialisable(row: dict[str, Any]) -> bool:
    try:
        bf.canonical_line(row)
    except (TypeError, ValueError):
        return False
    return True


# --------------------------------------------------------------------------- Excel


@pytest.fixture
def excel_setup(store: Store, tmp_path: Path, watched_tmp: Path) -> tuple[Store, Path, Guard]:
    inspector = actor("inspector")
    checklists.create_checklist(store, inspector, scoring.three_year_template_id(), None, "1403-Q1")
    inputs = tmp_path / "inputs"
    inputs.mkdir()
    good = checklist_excel.export_workbook(store, inspector, inputs / "good.xlsx").path
    return store, good, Guard(tmp_path, store, inputs, _excel_state)


def _excel_state(store: Store) -> tuple[str, int]:
    with store.read() as s:
        audits = s.scalar(select(func.count()).select_from(AuditEntry)) or 0
    return checklist_digest(store), audits


def _excel_importer(store: Store, path: Path) -> Callable[[], object]:
    def attempt() -> object:
        summary = checklist_import.import_workbook(store, actor("inspector"), path)
        if summary.problems:  # refused with cell addresses: nothing may have been written
            raise UserError("مشکل در ردیف‌ها", "row problems", code="excel_problems")
        return summary
    return attempt


def test_fuzz_excel_random_and_truncated(excel_setup: tuple[Store, Path, Guard]) -> None:
    store, good, guard = excel_setup
    data = good.read_bytes()
    path = guard.inputs / "hostile.xlsx"

    @FUZZ
    @given(st.one_of(st.binary(max_size=4096), st.binary(max_size=2048).map(lambda b: b"PK\x03\x04" + b)))
    def random_bytes(raw: bytes) -> None:
        path.write_bytes(raw)
        guard.run("excel/random", _excel_importer(store, path))

    @FUZZ
    @given(st.integers(0, len(data) - 1))
    def truncated(cut: int) -> None:
        path.write_bytes(data[:cut])
        guard.run("excel/truncated", _excel_importer(store, path))

    @FUZZ
    @given(st.lists(st.tuples(st.integers(0, len(data) - 1), st.integers(1, 255)), min_size=1, max_size=4))
    def flipped(flips: list[tuple[int, int]]) -> None:
        mutated = bytearray(data)
        for pos, xor in flips:
            mutated[pos] ^= xor
        path.write_bytes(bytes(mutated))
        guard.run("excel/flipped", _excel_importer(store, path))

    random_bytes()
    truncated()
    flipped()


_cell = st.one_of(
    st.none(), st.text(st.characters(blacklist_categories=("Cc", "Cs")), max_size=40), st.integers(-10**12, 10**12), st.floats(allow_nan=True),
    st.booleans(), st.dates(min_value=dt.date(1900, 3, 1)), st.sampled_from(["انجام شد", "تا حدی انجام شد", "۱۲", "۱۰۰٪", "=1/0", "٫۵"]),
)


def test_fuzz_excel_random_cell_values(excel_setup: tuple[Store, Path, Guard]) -> None:
    store, good, guard = excel_setup
    path = guard.inputs / "cells.xlsx"
    book = openpyxl.load_workbook(good)
    rows, cols = book.worksheets[0].max_row, book.worksheets[0].max_column

    @settings(FUZZ, max_examples=max(1, FUZZ.max_examples * 2 // 3))  # each saves a whole workbook
    @given(st.lists(st.tuples(st.integers(1, rows + 2), st.integers(1, cols + 1), _cell), min_size=1, max_size=12))
    def run(edits: list[tuple[int, int, Any]]) -> None:
        wb = openpyxl.load_workbook(good)
        ws = wb.worksheets[0]
        for r, c, value in edits:
            ws.cell(r, c).value = value
        wb.save(path)
        guard.run("excel/cells", _excel_importer(store, path))

    run()
