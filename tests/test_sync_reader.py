"""The bundle reader's bounded lines and batches (sync/reader.py), against a plain reference:
every split of a member into chunks gives the lines ``bytes.splitlines(keepends=True)`` gives,
a line over the limit as ``Overlong`` (its first bytes and its length), and the member's hash."""

from __future__ import annotations

import hashlib
import io

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from integrity_desktop.sync import reader
from integrity_desktop.sync.reader import Overlong, batches, hashed_lines

RECORD_ID = "0f8fad5b-d9cb-469f-a165-70867728950e"


def _reference(data: bytes, limit: int, prefix: int) -> list[bytes | Overlong]:
    return [Overlong(line[:prefix], len(line)) if len(line) > limit else line
            for line in io.BytesIO(data)]  # split at b"\n" only, newlines kept


# short lines of any bytes but newlines, and long ones well over the limits below
lines = st.lists(st.one_of(st.binary(max_size=12).map(lambda b: b.replace(b"\n", b"")),
                           st.integers(13, 90).map(lambda n: b"x" * n)), max_size=30)


@settings(max_examples=300, deadline=None, database=None, derandomize=True)
@given(parts=lines, last_newline=st.booleans(), chunk=st.integers(1, 40), limit=st.integers(8, 30))
def test_lines_match_the_reference_for_any_chunking(
    parts: list[bytes], last_newline: bool, chunk: int, limit: int,
) -> None:
    data = b"\n".join(parts) + (b"\n" if last_newline and parts else b"")
    prefix = 8
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(reader, "CHUNK", chunk)
        mp.setattr(reader, "PREFIX", prefix)
        sha = hashlib.sha256()
        got = list(hashed_lines(io.BytesIO(data), sha, limit))
    assert got == _reference(data, limit, prefix)
    assert sha.hexdigest() == hashlib.sha256(data).hexdigest()


def test_an_overlong_line_keeps_its_record_id() -> None:
    line = b'{"_history":[],"id":"' + RECORD_ID.encode() + b'","x":"' + b"a" * 100 + b'"}\n'
    (got,) = list(hashed_lines(io.BytesIO(line), hashlib.sha256(), 50))
    assert isinstance(got, Overlong) and got.size == len(line) and got.record_id == RECORD_ID
    assert Overlong(b'{"x":1}', 7).record_id == ""


def test_batches_by_count_and_by_bytes_blank_lines_left_out() -> None:
    long = Overlong(b"", 10**9)
    items: list[bytes | Overlong] = [b"a\n", b"\n", b"  \n", b"bb\n", long, b"c\n", b"d\n"]
    assert list(batches(items, size=2, max_bytes=10**6)) == [[b"a\n", b"bb\n"], [long, b"c\n"], [b"d\n"]]
    assert list(batches(items, size=100, max_bytes=3)) == [[b"a\n", b"bb\n"], [long, b"c\n", b"d\n"]]
    assert list(batches([b"\n"], size=2)) == []
