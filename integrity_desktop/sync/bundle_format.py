"""The bundle's layout, limits and the record (de)serialisation every other sync module shares.

A bundle is a ZIP file::

    manifest.json            format and schema version, source office, sequence, member hashes
    manifest.json.minisig    minisign signature of manifest.json by the source office's key
    records/<type>.jsonl     one JSON object per line per record of that type
    evidence/<sha256>        an evidence file, named by its SHA-256

Record types come from ``SYNC_MODELS`` and their columns from the SQLAlchemy mappers, so a
record type added later travels with no change here.  Each record line carries every mapped
column plus ``_history``: the versions it was made from (see ``history``).
"""

from __future__ import annotations

import json
import re
from datetime import date, datetime
from functools import cache
from operator import itemgetter
from typing import Any

import orjson
from sqlalchemy import Boolean, Date, DateTime, Float, Integer, String, Table

from integrity_desktop.db.base import Synced
from integrity_desktop.db.models import SYNC_MODELS

FORMAT = "integrity-desktop-bundle"
FORMAT_VERSION = 1
MANIFEST = "manifest.json"
SIGNATURE = "manifest.json.minisig"
AGE_MAGIC = b"age-encryption.org/v1"
ZIP_MAGIC = b"PK\x03\x04"

# Limits checked before anything is read or written.
MAX_MEMBERS = 200_000
MAX_MEMBER_SIZE = 2 * 1024**3  # one evidence file or one record type
MAX_TOTAL_SIZE = 16 * 1024**3  # all members, uncompressed
MAX_MANIFEST_SIZE = 64 * 1024**2
MAX_RATIO = 200  # uncompressed / compressed, for members over RATIO_FLOOR bytes
RATIO_FLOOR = 1024**2

EVIDENCE_RE = re.compile(r"^evidence/[0-9a-f]{64}$")
RECORDS_RE = re.compile(r"^records/([a-z_]{1,40})\.jsonl$")

# Record types HQ sends to every province; any other type goes only to the office it belongs to.
REFERENCE_TYPES = frozenset(
    {"office", "unit", "lookup", "template", "template_section", "template_item"}
)


@cache
def models_by_type() -> dict[str, type[Synced]]:
    return {m.__sync_type__: m for m in SYNC_MODELS}


def sync_order() -> list[str]:
    """Record types parents before children (the order import applies them)."""
    return [m.__sync_type__ for m in SYNC_MODELS]


def table_of(record_type: str) -> Table:
    table = models_by_type()[record_type].__table__  # type: ignore[attr-defined]
    assert isinstance(table, Table)
    return table


def record_base_table() -> Table:
    from integrity_desktop.db.models import RecordBase

    table = RecordBase.__table__
    assert isinstance(table, Table)
    return table


def records_member(record_type: str) -> str:
    return f"records/{record_type}.jsonl"


def evidence_member(sha256: str) -> str:
    return f"evidence/{sha256}"


def is_known_member(name: str) -> bool:
    if name in (MANIFEST, SIGNATURE) or EVIDENCE_RE.match(name):
        return True
    m = RECORDS_RE.match(name)
    return bool(m and m.group(1) in models_by_type())


def is_unsafe_name(name: str) -> bool:
    """Absolute paths, parent references, drive letters and backslashes are never accepted."""
    return (
        name.startswith(("/", "\\"))
        or "\\" in name
        or ":" in name
        or any(part in ("..", ".") for part in name.split("/"))
        or "\x00" in name
    )


def encode_value(value: Any) -> Any:
    if isinstance(value, datetime):
        return value.isoformat(timespec="microseconds")
    if isinstance(value, date):
        return value.isoformat()
    return value


def row_to_json(table: Table, row: Any) -> dict[str, Any]:
    """A row (a mapping of column name to value) as JSON-ready values, every column."""
    return {c.name: encode_value(row[c.name]) for c in table.columns}


# How json_to_row treats a column: kept as it is, parsed as a datetime, parsed as a date.
_PLAIN, _DATETIME, _DATE = 0, 1, 2


@cache
def _decoder(table: Table) -> tuple[tuple[str, int, bool], ...]:
    """Per column, once per table: its name, how its value is parsed and whether it must
    carry a value (not nullable and not the primary key)."""
    out = []
    for col in table.columns:
        kind = (_DATETIME if isinstance(col.type, DateTime)
                else _DATE if isinstance(col.type, Date) else _PLAIN)
        out.append((col.name, kind, not col.nullable and not col.primary_key))
    return tuple(out)


@cache
def _value_types(table: Table) -> tuple[tuple[str, tuple[type, ...], str], ...]:
    """Per column with a plain JSON type: its name, the Python types its value may have and
    how to name them.  A signed record is still untrusted input: a Boolean column given ""
    reached the SQLite driver and crashed the import instead of rejecting the record."""
    out: list[tuple[str, tuple[type, ...], str]] = []
    for col in table.columns:
        if isinstance(col.type, Boolean):
            out.append((col.name, (bool,), "true/false"))
        elif isinstance(col.type, Integer):
            out.append((col.name, (int,), "an integer"))
        elif isinstance(col.type, Float):
            out.append((col.name, (int, float), "a number"))
        elif isinstance(col.type, String):  # Text is a String
            out.append((col.name, (str,), "text"))
    return tuple(out)


def _check_types(table: Table, out: dict[str, Any]) -> None:
    for name, types, what in _value_types(table):
        value = out[name]
        if value is not None and type(value) not in types:  # exact: True is not an integer
            raise ValueError(f"column {name} must be {what}")


def _json_to_row_checked(table: Table, data: dict[str, Any]) -> dict[str, Any]:
    """``json_to_row`` column by column: the reference, and the path that names the first
    bad column."""
    out: dict[str, Any] = {}
    for name, kind, required in _decoder(table):
        if name not in data:
            raise ValueError(f"missing column {name}")
        value = data[name]
        if value is not None:
            if kind == _DATETIME:
                value = datetime.fromisoformat(value)
            elif kind == _DATE:
                value = date.fromisoformat(value)
        elif required:
            raise ValueError(f"column {name} may not be empty")
        out[name] = value
    _check_types(table, out)
    return out


def _tuple_getter(keys: tuple[str, ...]) -> Any:
    """``itemgetter`` that gives a tuple for one key too."""
    if len(keys) == 1:
        return lambda d: (d[keys[0]],)
    return itemgetter(*keys)


@cache
def _fast_decoder(table: Table) -> tuple[Any, tuple[str, ...], Any, tuple[str, ...], tuple[str, ...]]:
    """Per table: a getter of every column's value (in column order), the names, a getter of
    the required columns' values, the datetime columns and the date columns."""
    cols = _decoder(table)
    names = tuple(name for name, _, _ in cols)
    required = tuple(name for name, _, req in cols if req)
    return (_tuple_getter(names), names, _tuple_getter(required) if required else None,
            tuple(name for name, kind, _ in cols if kind == _DATETIME),
            tuple(name for name, kind, _ in cols if kind == _DATE))


def json_to_row(table: Table, data: dict[str, Any]) -> dict[str, Any]:
    """Parse a record line back to column values; raises ``ValueError`` on a bad value.

    The usual line (every column there, no required column empty, dates that parse) is read
    whole; any other goes through ``_json_to_row_checked``, which raises the same error as
    always, for the first bad column in column order."""
    values, names, required, datetimes, dates = _fast_decoder(table)
    try:
        out = dict(zip(names, values(data), strict=True))
        if required is not None and None in required(out):
            return _json_to_row_checked(table, data)
        for name in datetimes:
            value = out[name]
            if value is not None:
                out[name] = datetime.fromisoformat(value)
        for name in dates:
            value = out[name]
            if value is not None:
                out[name] = date.fromisoformat(value)
        _check_types(table, out)
    except (KeyError, ValueError, TypeError):
        return _json_to_row_checked(table, data)
    return out


# Integers of 19 digits or more may be past 64 bits, where orjson would give a float: a line
# is looked at with every digit made "0" and every other byte a space (faster than a regex).
_DIGITS_ONLY = bytes(0x30 if 0x30 <= b <= 0x39 else 0x20 for b in range(256))
_LONG_NUMBER = b"0" * 19


def loads_line(line: bytes) -> Any:
    """``json.loads`` of one record line, through orjson when it can.

    orjson gives the same objects as ``json.loads`` for every line it accepts except integers
    past 64 bits (made floats), so a line with 19 digits in a row goes to ``json.loads``;
    anything orjson refuses (NaN, a byte-order mark, UTF-16, a lone surrogate, deep nesting,
    bad JSON) goes to ``json.loads`` too, which accepts or raises exactly as before."""
    if _LONG_NUMBER not in line.translate(_DIGITS_ONLY):
        try:
            return orjson.loads(line)
        except orjson.JSONDecodeError:
            pass
    return json.loads(line)


def canonical_line(data: dict[str, Any]) -> bytes:
    return (
        json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":")) + "\n"
    ).encode("utf-8")


def stamp_node(stamp: str) -> str:
    """The store (clock node) that made a version."""
    parts = stamp.split("-", 2)
    return parts[2] if len(parts) == 3 else ""
