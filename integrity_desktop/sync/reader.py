"""Reading a bundle's record member in bounded memory: lines of at most ``MAX_LINE_BYTES``
(a longer one is read past in chunks and given as ``Overlong``), in batches of at most
``BATCH`` lines and ``BATCH_BYTES`` bytes, hashing the member as it is read."""

from __future__ import annotations

import io
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import IO, Any

from integrity_desktop.sync.bundle_format import MAX_LINE_BYTES

CHUNK = 1024 * 1024
# Records decided against one read of the store and written in one statement per kind, each
# batch in its own savepoint.  2000 rather than 500: a national folder import 6 % faster and
# 25 MB smaller at its peak (fewer savepoints, each copying the pages it changes into SQLite's
# sub-journal again), 5000 no faster (bench/RESULTS.md, issue 23h).
BATCH = 2000
BATCH_BYTES = 8 * 1024 * 1024
PREFIX = 4096  # of an overlong line, kept to find its id
_ID_IN_LINE = re.compile(rb'"id"\s*:\s*"([0-9a-f-]{36})"')


@dataclass(frozen=True)
class Overlong:
    """A line longer than ``MAX_LINE_BYTES``: its first bytes and its length."""

    prefix: bytes
    size: int

    @property
    def record_id(self) -> str:
        """The record's id when it shows in the first bytes (a canonical line sorts its keys:
        only ``_history`` and short columns come before it)."""
        m = _ID_IN_LINE.search(self.prefix)
        return m.group(1).decode() if m else ""


Line = bytes | Overlong


def hashed_lines(fh: IO[bytes], sha: Any, limit: int = MAX_LINE_BYTES) -> Iterator[Line]:
    """The lines of a member (each with its newline, the last maybe without), hashing the
    member as it is read.  It is read a chunk at a time and split by ``BytesIO`` (in C), not
    line by line (``ZipExtFile.readline`` is Python code).  A line longer than ``limit`` is
    never held whole: it is skipped to its end and given as ``Overlong``."""
    rest = b""
    skipped = 0  # > 0: inside an overlong line, this many bytes read of it
    prefix = b""
    while data := fh.read(CHUNK):
        sha.update(data)
        if skipped:
            end = data.find(b"\n")
            if end < 0:
                skipped += len(data)
                continue
            yield Overlong(prefix, skipped + end + 1)
            skipped, prefix = 0, b""
            data = data[end + 1:]
        buffer = io.BytesIO(rest + data if rest else data)
        rest = b""
        for line in buffer:
            if line.endswith(b"\n"):
                if len(line) > limit:
                    yield Overlong(line[:PREFIX], len(line))
                else:
                    yield line
            elif len(line) > limit:
                skipped, prefix = len(line), line[:PREFIX]
            else:
                rest = line
    if skipped:
        yield Overlong(prefix, skipped)
    elif rest:
        yield rest


def batches(lines: Iterable[Line], size: int = BATCH,
            max_bytes: int = BATCH_BYTES) -> Iterator[list[Line]]:
    """Non-blank lines in lists of at most ``size`` lines and about ``max_bytes`` bytes."""
    batch: list[Line] = []
    total = 0
    for line in lines:
        if isinstance(line, Overlong):
            batch.append(line)
        elif line.strip():
            batch.append(line)
            total += len(line)
        else:
            continue
        if len(batch) >= size or total >= max_bytes:
            yield batch
            batch, total = [], 0
    if batch:
        yield batch
