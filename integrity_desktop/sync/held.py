"""Held records: versions from a bundle that wait, in the store (table ``sync_held``), for a
record they point to that has not arrived, or for the clock to reach their stamp.

The merge holds a version when ``decision.decide`` says *hold*; at the end of every import
(replays and dry runs included) the versions whose wait is over are taken out and decided
again, in the same transaction, with the office that sent them.  So any order of the same
bundles gives the same records, tombstones included, and nothing waits longer than it must.

Bounded: at most ``MAX_RECORDS_PER_OFFICE`` records and ``MAX_BYTES_PER_OFFICE`` bytes of
record lines per sending office (see docs/SYNC.md).  A genuine province's bundles arriving out
of order hold a few thousand at most; past the bound an orphan is rejected as
``missing_parent`` (or ``future_stamp``) with a notice, the import is marked incomplete and a
re-import of the same bundle retries it, so a hostile province cannot fill HQ's disk and a
genuine one loses nothing it cannot send again.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import TypeVar

from sqlalchemy import delete, func, insert, select, tuple_
from sqlalchemy.orm import Session

from integrity_desktop.db.models import HeldRecord
from integrity_desktop.services.store.records import utcnow

MAX_RECORDS_PER_OFFICE = 100_000
MAX_BYTES_PER_OFFICE = 64 * 1024 * 1024
_CHUNK = 500
T = TypeVar("T")


@dataclass(frozen=True)
class Waiting:
    """A held version taken out of waiting, to be decided again."""

    record_type: str
    record_id: str
    hlc: str
    source_office: str
    line: bytes


@dataclass
class _Usage:
    records: int
    size: int


class HeldRecords:
    """The held versions of one import's transaction: holding within the bound, and taking
    out those whose wait is over."""

    def __init__(self, s: Session, bundle_sha256: str) -> None:
        self.s = s
        self.bundle_sha256 = bundle_sha256
        self._usage: dict[str, _Usage] = {}
        self._pending: list[dict[str, object]] = []

    def usage(self, source: str) -> _Usage:
        if source not in self._usage:
            self.flush()
            records, size = self.s.execute(
                select(func.count(), func.coalesce(func.sum(HeldRecord.size), 0))
                .where(HeldRecord.source_office == source)).one()
            self._usage[source] = _Usage(int(records), int(size))
        return self._usage[source]

    def hold(self, record_type: str, record_id: str, hlc: str, source: str, reason: str,
             waits_for: tuple[str, str], line: bytes) -> bool:
        """Hold a version; False (nothing held) when its office is at the bound."""
        usage = self.usage(source)
        if (usage.records + 1 > MAX_RECORDS_PER_OFFICE
                or usage.size + len(line) > MAX_BYTES_PER_OFFICE):
            return False
        usage.records += 1
        usage.size += len(line)
        self._pending.append({
            "record_type": record_type, "record_id": record_id, "hlc": hlc,
            "source_office": source, "bundle_sha256": self.bundle_sha256, "reason": reason,
            "waits_for_type": waits_for[0], "waits_for_id": waits_for[1],
            "line": line.decode("utf-8", "replace"), "size": len(line), "held_at": utcnow(),
        })
        return True

    def flush(self) -> None:
        """Write the versions held since the last flush; one already held (the same version
        from the same office, e.g. a bundle imported again) is not held twice."""
        if not self._pending:
            return
        pending, self._pending = self._pending, []
        keys = {(p["record_type"], p["record_id"], p["hlc"], p["source_office"]): p
                for p in pending}
        for chunk in _chunks(list(keys), _CHUNK):
            for found in self.s.execute(select(
                    HeldRecord.record_type, HeldRecord.record_id, HeldRecord.hlc,
                    HeldRecord.source_office).where(tuple_(
                        HeldRecord.record_type, HeldRecord.record_id, HeldRecord.hlc,
                        HeldRecord.source_office).in_(chunk))):
                dropped = keys.pop(tuple(found))
                usage = self._usage.get(str(dropped["source_office"]))
                if usage is not None:
                    usage.records -= 1
                    usage.size -= int(dropped["size"])  # type: ignore[call-overload]
        if keys:
            self.s.execute(insert(HeldRecord), list(keys.values()))

    def total(self, source: str) -> int:
        self.flush()
        return int(self.s.scalar(select(func.count()).select_from(HeldRecord)
                                 .where(HeldRecord.source_office == source)) or 0)

    def take_ready(self, present: Callable[[str, Iterable[str]], set[str]],
                   clock_ready: Callable[[str], bool]) -> list[Waiting]:
        """Take out (delete) every held version whose wait is over: the record it waits for
        is in the store (``present(record_type, ids)`` gives those that are), or its stamp is
        within reach of the clock (``clock_ready(stamp)``)."""
        self.flush()
        waits: dict[str, set[str]] = {}
        for wtype, wid in self.s.execute(
                select(HeldRecord.waits_for_type, HeldRecord.waits_for_id).distinct()):
            waits.setdefault(wtype, set()).add(wid)
        ready: list[tuple[str, str]] = []
        for wtype, ids in waits.items():
            if wtype == "clock":
                ready.extend((wtype, stamp) for stamp in ids if clock_ready(stamp))
            else:
                ready.extend((wtype, rid) for rid in present(wtype, ids))
        out: list[Waiting] = []
        for chunk in _chunks(ready, _CHUNK):
            cond = tuple_(HeldRecord.waits_for_type, HeldRecord.waits_for_id).in_(chunk)
            rows = self.s.execute(select(
                HeldRecord.id, HeldRecord.record_type, HeldRecord.record_id, HeldRecord.hlc,
                HeldRecord.source_office, HeldRecord.line, HeldRecord.size).where(cond)).all()
            for _, record_type, record_id, hlc, source, line, size in rows:
                out.append(Waiting(record_type, record_id, hlc, source, line.encode("utf-8")))
                usage = self._usage.get(source)
                if usage is not None:
                    usage.records -= 1
                    usage.size -= size
            self.s.execute(delete(HeldRecord).where(HeldRecord.id.in_([r[0] for r in rows])))
        return out


def _chunks(items: Sequence[T], n: int) -> Iterator[list[T]]:
    for i in range(0, len(items), n):
        yield list(items[i:i + n])
