"""Issue 23, finding 2: importing a folder (or several files).  Every bundle in sequence order
per province, one summary per bundle and one overall, a refused bundle reported and the rest
imported — in the service (committed bundle by bundle), in the held check the GUI uses (one
transaction, a savepoint per bundle) and in ``import-bundle FOLDER``."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from integrity_desktop.db.store import Store
from integrity_desktop.errors import UserError
from integrity_desktop.services.store import keys
from integrity_desktop.sync import batch
from integrity_desktop.sync.digest import store_digest
from integrity_desktop.sync.pending import preview_many

from .cli_helpers import cli_env
from .conftest import PASSPHRASE
from .sync_helpers import add_unit, admin, export, import_, trust

pytest_plugins = ("tests.sync_fixtures",)  # fixtures: fresh, isfahan_template

Fresh = Callable[[Path, str], Store]


@pytest.fixture
def folder(fresh: Fresh, province_template: Path, isfahan_template: Path,
           tmp_path: Path) -> tuple[Path, Store, Store]:
    """Three tehran bundles and two isfahan ones, named so that file-name order is wrong, a
    file that is not a bundle, and a sub-folder (ignored)."""
    tehran, isfahan = fresh(province_template, "tehran"), fresh(isfahan_template, "isfahan")
    out = tmp_path / "received"
    out.mkdir()
    names = {("tehran", 1): "z-first.itb", ("tehran", 2): "b.itb", ("tehran", 3): "a.zip",
             ("isfahan", 1): "y.itb", ("isfahan", 2): "c.itb"}
    for seq in (1, 2, 3):
        for store in (tehran, isfahan):
            if (store.office_code, seq) not in names:
                continue
            add_unit(store, f"واحد {store.office_code} {seq}")
            export(store, out / names[(store.office_code, seq)])
    (out / "notes.itb").write_text("not a bundle")
    (out / "older").mkdir()
    shutil.copyfile(out / "a.zip", out / "older" / "copy.itb")
    return out, tehran, isfahan


def _hq(fresh: Fresh, hq_template: Path, *senders: Store, name: str = "hq") -> Store:
    hq = fresh(hq_template, name)
    for s in senders:
        trust(hq, s)
    return hq


def _identities(store: Store) -> Callable[[], list[object]]:
    return lambda: [keys.age_identity(store, PASSPHRASE)]


def test_a_folder_imports_in_sequence_order_per_province_and_goes_past_a_refusal(
    fresh: Fresh, hq_template: Path, folder: tuple[Path, Store, Store]
) -> None:
    out, tehran, isfahan = folder
    hq, reference = (_hq(fresh, hq_template, tehran, isfahan, name=n) for n in ("a", "b"))
    seen: list[tuple[int, int]] = []
    result = batch.import_all(hq, admin(hq), [out], _identities(hq),
                              progress=lambda i, n, d, t, p: seen.append((i, n)))
    order = [(r.summary.source_office, r.summary.seq) if r.summary else r.path.name
             for r in result.results]
    assert order == [("isfahan", 1), ("isfahan", 2), ("tehran", 1), ("tehran", 2),
                     ("tehran", 3), "notes.itb"]
    assert result.accepted == 5 and result.refused == 1 and not result.dry_run
    refused = result.results[-1].refused
    assert refused is not None and refused.code == "not_a_bundle"
    assert "ZIP نیست" in refused.fa
    # In order, nothing waits for a parent and no bundle reports a gap.
    assert result.total("held") == 0
    assert all(not r.summary.notices for r in result.results if r.summary)
    assert result.total("created") == sum(
        c.created for r in result.results if r.summary for c in r.summary.counts.values())
    assert seen[0] == (0, 6) and seen[-1] == (6, 6)
    # The same as importing the files one by one in that order.
    for office, seq in order[:-1]:  # type: ignore[misc]
        name = {("tehran", 1): "z-first.itb", ("tehran", 2): "b.itb", ("tehran", 3): "a.zip",
                ("isfahan", 1): "y.itb", ("isfahan", 2): "c.itb"}[(office, seq)]
        import_(reference, out / name)
    assert store_digest(hq) == store_digest(reference)
    # Again: every bundle is a replay, the junk still refused, nothing changes.
    digest = store_digest(hq)
    again = batch.import_all(hq, admin(hq), [out], _identities(hq))
    assert again.replays == 5 and again.refused == 1 and again.changed == 0
    assert store_digest(hq) == digest


def test_an_empty_folder_says_so(hq_store: Store, tmp_path: Path) -> None:
    with pytest.raises(UserError) as empty:
        batch.import_all(hq_store, admin(hq_store), [tmp_path], lambda: [])
    assert empty.value.code == "no_bundles" and "بستهٔ همگام‌سازی" in empty.value.fa


def test_a_held_folder_check_commits_all_or_nothing(
    fresh: Fresh, hq_template: Path, folder: tuple[Path, Store, Store]
) -> None:
    out, tehran, isfahan = folder
    hq, reference = (_hq(fresh, hq_template, tehran, isfahan, name=n) for n in ("a", "b"))
    before = store_digest(hq)
    pending = preview_many(hq, admin(hq), [out], _identities(hq))
    assert pending.batch is not None and pending.batch.dry_run
    assert pending.batch.accepted == 5 and pending.batch.refused == 1
    assert store_digest(hq) == before  # nothing committed yet
    pending.cancel()
    assert pending.state == "cancelled" and store_digest(hq) == before

    pending = preview_many(hq, admin(hq), [out], _identities(hq))
    final = pending.commit_all()
    assert not final.dry_run and final.accepted == 5
    assert all(not r.summary.dry_run for r in final.results if r.summary)
    batch.import_all(reference, admin(reference), [out], _identities(reference))
    assert store_digest(hq) == store_digest(reference) != before


def test_a_bundle_refused_half_way_is_rolled_back_to_its_savepoint(
    fresh: Fresh, hq_template: Path, folder: tuple[Path, Store, Store], tmp_path: Path
) -> None:
    """Of two bundles from an office HQ trusts only one of, the other is refused in the held
    check; the trusted one's records stay and are committed."""
    out, tehran, _ = folder
    hq = _hq(fresh, hq_template, tehran, name="a")  # isfahan not trusted
    pending = preview_many(hq, admin(hq), [out / "y.itb", out / "z-first.itb"],
                           _identities(hq))
    assert pending.batch is not None
    assert [(r.path.name, r.refused is not None) for r in pending.batch.results] == [
        ("y.itb", True), ("z-first.itb", False)]
    final = pending.commit_all()
    assert final.accepted == 1
    ref = _hq(fresh, hq_template, tehran, name="b")
    import_(ref, out / "z-first.itb")
    assert store_digest(hq) == store_digest(ref)


def test_import_bundle_takes_a_folder(
    fresh: Fresh, hq_template: Path, folder: tuple[Path, Store, Store]
) -> None:
    out, tehran, isfahan = folder
    hq = _hq(fresh, hq_template, tehran, isfahan)
    location = hq.location
    hq.dispose()
    env = cli_env(INTEGRITY_PASSPHRASE=PASSPHRASE)

    def run(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run([sys.executable, "-m", "integrity_desktop", "import-bundle",
                               "--db", location, *args], env=env, capture_output=True,
                              text=True, check=False)

    text = run(str(out))
    assert text.returncode == 1, text.stderr  # one bundle refused
    rows = [line.split("\t") for line in text.stdout.splitlines()]
    bundles = [(r[2], r[3], r[4], r[5]) for r in rows if r[0] == "bundle"]
    assert bundles == [("isfahan", "1", "accepted", "written"), ("isfahan", "2", "accepted", "written"),
                       ("tehran", "1", "accepted", "written"), ("tehran", "2", "accepted", "written"),
                       ("tehran", "3", "accepted", "written")]
    assert rows.count(["type", "created", "updated", "unchanged", "conflicts", "rejected"]) == 5
    (refused,) = [r for r in rows if r[0] == "refused"]
    assert refused[1] == str(out / "notes.itb") and refused[2] == "not_a_bundle"
    assert rows[-2] == ["batch", "bundles", "accepted", "replay", "refused", "created", "updated",
                        "unchanged", "conflicts", "rejected", "held"]
    assert rows[-1][:5] == ["total", "6", "5", "0", "1"] and int(rows[-1][5]) >= 5
    again = run(str(out / "b.itb"), str(out / "y.itb"), "--json")
    doc = json.loads(again.stdout)
    assert again.returncode == 0
    assert [b["outcome"] for b in doc["bundles"]] == ["replay", "replay"]
    assert doc["total"]["replay"] == 2 and doc["total"]["refused"] == 0
    # One file still prints exactly what it always did.
    single = run(str(out / "b.itb"))
    assert single.returncode == 0
    assert single.stdout.splitlines()[0].split("\t")[0] == "bundle"
    assert "total" not in single.stdout


def test_a_committed_folder_moves_the_clock_past_every_stamp_it_took(
    fresh: Fresh, hq_template: Path, folder: tuple[Path, Store, Store]
) -> None:
    """Each bundle's newest stamp is kept past its savepoint and observed at the commit, so an
    edit made at HQ afterwards orders after everything the folder brought, even on a PC whose
    clock reads 1970 (only observing moves it then)."""
    from sqlalchemy import func, select

    from integrity_desktop.clock import HybridClock, parse_stamp
    from integrity_desktop.db.models import SYNC_MODELS

    out, tehran, isfahan = folder
    hq = _hq(fresh, hq_template, tehran, isfahan)
    hq._clock = HybridClock(hq.clock.node, wall=lambda: 1.0)
    pending = preview_many(hq, admin(hq), [out], _identities(hq))
    assert parse_stamp(hq.clock.now())[0] < 10_000  # the check observed nothing
    pending.commit_all()
    stamps = []
    for province in (tehran, isfahan):  # everything they exported
        with province.read() as s:
            stamps += [x for m in SYNC_MODELS if (x := s.scalar(select(func.max(m.hlc))))]
    newest = max(stamps, key=parse_stamp)
    assert parse_stamp(hq.clock.now())[:2] > parse_stamp(newest)[:2]
