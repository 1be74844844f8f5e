"""Importing many bundles at once (issue 23, finding 2): a folder HQ picked, or several files.

Every bundle is imported in sequence order per province (read from its manifest before it is
verified: only to order them; each is still verified on import), one summary per bundle and one
overall; a refused bundle is reported with its reason and the rest go on.

``import_all`` commits bundle by bundle (the command line: an interrupted run keeps what it
finished, and running it again replays those).  The GUI checks a whole folder in one held
transaction instead (``sync.pending.PendingImport`` with several paths): each bundle in a
savepoint, so a refused one leaves no trace, and «وارد کن» commits them all.
"""

from __future__ import annotations

import json
import zipfile
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from integrity_desktop.db.store import Store
from integrity_desktop.errors import UserError
from integrity_desktop.permissions import Actor, require
from integrity_desktop.sync import bundle_format as bf
from integrity_desktop.sync.summary import ImportSummary
from integrity_desktop.sync.verify import IdentityProvider

BUNDLE_SUFFIXES = (".itb", ".zip", ".age")
MAX_BUNDLES = 10_000  # files one folder import takes (31 provinces × a year of weekly bundles)

# (bundle index, bundle count, records done, records in this bundle, the bundle's file)
BatchProgress = Callable[[int, int, int, int, Path], None]


@dataclass
class BundleResult:
    """One bundle of a folder import: its summary, or why it was refused."""

    path: Path
    summary: ImportSummary | None = None
    refused: UserError | None = None

    def to_json(self) -> dict[str, Any]:
        if self.summary is not None:
            return {"file": str(self.path), **self.summary.to_json()}
        assert self.refused is not None
        return {"file": str(self.path), "outcome": "refused", "code": self.refused.code,
                "fa": self.refused.fa, "en": self.refused.en}


@dataclass
class BatchSummary:
    """Every bundle's result, in the order they were imported, and the totals."""

    results: list[BundleResult] = field(default_factory=list)
    dry_run: bool = True

    @property
    def accepted(self) -> int:
        return sum(1 for r in self.results if r.summary and r.summary.outcome == "accepted")

    @property
    def replays(self) -> int:
        return sum(1 for r in self.results if r.summary and r.summary.outcome == "replay")

    @property
    def refused(self) -> int:
        return sum(1 for r in self.results if r.refused is not None)

    def total(self, attr: str) -> int:
        """The sum of one count (created, updated, unchanged, conflicts, rejected, held) over
        every bundle and record type."""
        return sum(getattr(c, attr) for r in self.results if r.summary
                   for c in r.summary.counts.values())

    @property
    def changed(self) -> int:
        return self.total("created") + self.total("updated")

    def to_json(self) -> dict[str, Any]:
        return {
            "bundles": [r.to_json() for r in self.results],
            "total": {"bundles": len(self.results), "accepted": self.accepted,
                      "replay": self.replays, "refused": self.refused,
                      **{k: self.total(k) for k in ("created", "updated", "unchanged",
                                                    "conflicts", "rejected", "held")},
                      "dry_run": self.dry_run},
        }


def bundle_files(paths: Iterable[Path]) -> list[Path]:
    """The bundle files named: a folder gives its files ending in .itb, .zip or .age (not its
    sub-folders); a file is taken as given (it is verified on import)."""
    out: list[Path] = []
    for p in map(Path, paths):
        if p.is_dir():
            out.extend(sorted(f for f in p.iterdir()
                              if f.is_file() and f.suffix.lower() in BUNDLE_SUFFIXES))
        else:
            out.append(p)
    if not out:
        raise UserError("در این پوشه بستهٔ همگام‌سازی (.itb، .zip یا .age) نیست.",
                        "No sync bundle (.itb, .zip or .age) in the folder.", code="no_bundles")
    if len(out) > MAX_BUNDLES:
        raise UserError(f"بیش از {MAX_BUNDLES} پرونده در یک بار؛ پوشه را کوچک‌تر کنید.",
                        f"More than {MAX_BUNDLES} files at once.", code="too_many_bundles")
    return list(dict.fromkeys(out))


def _order_key(path: Path) -> tuple[int, str, int, str]:
    """(0, office, seq, name) read from the manifest of a plain bundle; an encrypted or
    unreadable file sorts after them by name (its own verification says what is wrong)."""
    try:
        with zipfile.ZipFile(path) as zf:
            info = zf.getinfo(bf.MANIFEST)
            if info.file_size > bf.MAX_MANIFEST_SIZE:
                raise ValueError("manifest too large")
            manifest = json.loads(zf.read(info))
        office, seq = manifest["source_office"], manifest["seq"]
        if isinstance(office, str) and type(seq) is int:
            return (0, office, seq, path.name)
    except (OSError, ValueError, KeyError, TypeError, zipfile.BadZipFile, RuntimeError):
        pass
    return (1, "", 0, path.name)


def in_order(paths: Iterable[Path]) -> list[Path]:
    """Bundles in sequence order per province (provinces by code)."""
    return sorted(paths, key=_order_key)


def import_all(
    store: Store, actor: Actor, paths: Iterable[Path], identities: IdentityProvider, *,
    dry_run: bool = False, progress: BatchProgress | None = None,
) -> BatchSummary:
    """Import every bundle of ``paths`` (folders and files), committing each; a refusal is
    recorded and the next bundle goes on."""
    from integrity_desktop.sync.merge import import_bundle

    require(actor, "sync.import")
    files = in_order(bundle_files(paths))
    batch = BatchSummary(dry_run=dry_run)
    for i, path in enumerate(files):
        def step(done: int, total: int, i: int = i, path: Path = path) -> None:
            if progress is not None:
                progress(i, len(files), done, total, path)

        step(0, 0)
        try:
            summary = import_bundle(store, actor, path, identities, dry_run=dry_run,
                                    progress=step)
        except UserError as exc:
            batch.results.append(BundleResult(path, refused=exc))
        else:
            batch.results.append(BundleResult(path, summary))
    if progress is not None:
        progress(len(files), len(files), 0, 0, files[-1])
    return batch
