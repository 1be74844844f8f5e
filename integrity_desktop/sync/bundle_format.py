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
import math
import re
from dataclasses import dataclass
from datetime import date, datetime
from functools import cache
from typing import Any

import orjson
from sqlalchemy import JSON, Boolean, Date, DateTime, Float, Integer, String, Table

from integrity_desktop.db.base import Synced
from integrity_desktop.db.models import SYNC_MODELS
from integrity_desktop.sync.history import stamp_node as stamp_node  # re-exported: it lived here

FORMAT = "integrity-desktop-bundle"
FORMAT_VERSION = 1
# The manifest's ``schema_version``: the newest migration that changed a synced table (what a
# bundle's records are).  A migration that changes only this store's own tables (0012 adds the
# derived ``case_steps``) leaves it, so offices on either side of such an upgrade still trade
# bundles; one that changes a synced table raises it to its own revision
# (``tests/test_sync_schema.py`` holds the synced tables' fingerprint and fails until it is).
RECORDS_SCHEMA = "0011"
MANIFEST = "manifest.json"
SIGNATURE = "manifest.json.minisig"
AGE_MAGIC = b"age-encryption.org/v1"
ZIP_MAGIC = b"PK\x03\x04"

# Limits checked before anything is read or written.
MAX_MEMBERS = 100_000  # peak memory of verifying 100,000 members: 210 MB (200,000: 350 MB)
MAX_DIRECTORY_SIZE = 16 * 1024**2  # the ZIP's central directory (about 150 bytes a member)
MAX_MEMBER_SIZE = 2 * 1024**3  # one evidence file or one record type
MAX_TOTAL_SIZE = 16 * 1024**3  # all members, uncompressed
MAX_MANIFEST_SIZE = 32 * 1024**2  # 100,000 members list in 17 MB
MAX_RATIO = 200  # uncompressed / compressed, for members over RATIO_FLOOR bytes
RATIO_FLOOR = 1024**2

EVIDENCE_RE = re.compile(r"^evidence/[0-9a-f]{64}$")
RECORDS_RE = re.compile(r"^records/([a-z_]{1,40})\.jsonl$")

# Limits of one record, checked while it is read (docs/SYNC.md, "Limits").  A longer line is
# read past in chunks and its record rejected as ``too_large``; a value beyond its column
# rejects its record as ``invalid_record``.  The largest record the program writes is a
# checklist whose search text holds every note of its 138 answers (4,000 characters each).
MAX_LINE_BYTES = 4 * 1024 * 1024
TEXT_LIMIT = 64 * 1024  # characters of a Text column without its own limit
TEXT_LIMITS = {"checklists.search_text": 1024 * 1024}
JSON_LIMIT = 64 * 1024  # bytes of one JSON column
JSON_DEPTH = 4  # lists and objects inside one another
INT_MIN, INT_MAX = -(2**31), 2**31 - 1  # PostgreSQL's integer
FLOAT_MAX = 1e300
SHA256_RE = re.compile(r"^[0-9a-f]{64}$")
ID_RE = re.compile(r"^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$")
# <ms since the epoch, 13 digits>-<counter, 4 digits>-<node>, at most String(48)
STAMP_RE = re.compile(r"^[0-9]{13}-[0-9]{4}-[0-9A-Za-z_]{1,29}$")

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


@cache
def type_of_table() -> dict[str, str]:
    """Record type by table name."""
    return {m.__table__.name: t for t, m in models_by_type().items()}  # type: ignore[attr-defined]


@cache
def parent_columns(record_type: str) -> tuple[tuple[str, str], ...]:
    """The columns of a record type that point to another record: (column, record type of
    the record pointed to), from the foreign keys (an evidence record's owner is its
    ``owner_type``/``owner_id``, see ``merge``)."""
    table = table_of(record_type)
    names = type_of_table()
    return tuple((col.name, names[fk.column.table.name])
                 for col in table.columns for fk in col.foreign_keys)


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


def is_sha256(value: Any) -> bool:
    """64 lower-case hex digits: the only form of an evidence file's name (a path or member
    name is made of it)."""
    return type(value) is str and SHA256_RE.match(value) is not None


def evidence_member(sha256: str) -> str:
    if not is_sha256(sha256):
        raise ValueError(f"not a SHA-256: {sha256[:80]!r}")
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


def text_limit(table: Table, name: str) -> int:
    """The most characters a text column takes from a bundle: its ``String(n)`` length, else
    ``TEXT_LIMITS`` for that column or ``TEXT_LIMIT``."""
    length = getattr(table.c[name].type, "length", None)
    return int(length) if length else TEXT_LIMITS.get(f"{table.name}.{name}", TEXT_LIMIT)


@dataclass(frozen=True)
class _Checks:
    """A table's columns by how their values are checked (see ``_check_values``)."""

    texts: tuple[tuple[str, int], ...]  # name, most characters
    bools: tuple[str, ...]
    ints: tuple[str, ...]
    floats: tuple[str, ...]
    jsons: tuple[str, ...]


@cache
def _value_checks(table: Table) -> _Checks:
    """A signed record is still untrusted input: a Boolean column given "" reached the
    SQLite driver and crashed the import; a name longer than its column ends a PostgreSQL
    import with a DataError; an integer past 32 bits too."""
    texts, bools, ints, floats, jsons = [], [], [], [], []
    for col in table.columns:
        if isinstance(col.type, Boolean):
            bools.append(col.name)
        elif isinstance(col.type, Integer):
            ints.append(col.name)
        elif isinstance(col.type, Float):
            floats.append(col.name)
        elif isinstance(col.type, String):  # Text is a String
            texts.append((col.name, text_limit(table, col.name)))
        elif isinstance(col.type, JSON):
            jsons.append(col.name)
    return _Checks(tuple(texts), tuple(bools), tuple(ints), tuple(floats), tuple(jsons))


def _check_values(table: Table, out: dict[str, Any], long_line: bool) -> None:
    """Every value of the type of its column, within its column's limits (None always
    passes: whether a column may be empty is ``_decoder``'s)."""
    checks = _value_checks(table)
    for name, limit in checks.texts:
        value = out[name]
        if value.__class__ is str:
            if len(value) > limit:
                raise ValueError(f"column {name} is longer than {limit} characters")
        elif value is not None:
            raise ValueError(f"column {name} must be text")
    for name in checks.bools:
        value = out[name]
        if value is not None and value.__class__ is not bool:  # exact: 1 is not true
            raise ValueError(f"column {name} must be true/false")
    for name in checks.ints:
        value = out[name]
        if value is not None:
            if value.__class__ is not int:  # exact: True is not an integer
                raise ValueError(f"column {name} must be an integer")
            if not INT_MIN <= value <= INT_MAX:
                raise ValueError(f"column {name} is out of range")
    for name in checks.floats:
        value = out[name]
        if value is not None:
            if value.__class__ is not float and value.__class__ is not int:
                raise ValueError(f"column {name} must be a number")
            if not -FLOAT_MAX <= value <= FLOAT_MAX:  # also false for NaN
                raise ValueError(f"column {name} must be a finite number")
    for name in checks.jsons:
        value = out[name]
        if value is not None and (long_line or value or value.__class__ not in (list, dict)):
            _check_json(name, value, long_line)


def _check_json(name: str, value: Any, long_line: bool) -> None:
    """A JSON column holds lists and objects of scalars, nested at most ``JSON_DEPTH`` deep,
    of at most ``JSON_LIMIT`` bytes (measured only on a line that long)."""
    stack = [(value, 1)]
    while stack:
        item, depth = stack.pop()
        if type(item) is list:
            children: Any = item
        elif type(item) is dict:
            children = item.values()
        else:
            if type(item) is float and not math.isfinite(item):
                raise ValueError(f"column {name} holds a number that is not finite")
            continue
        if depth > JSON_DEPTH:
            raise ValueError(f"column {name} is nested more than {JSON_DEPTH} deep")
        stack.extend((child, depth + 1) for child in children)
    if long_line and len(orjson.dumps(value)) > JSON_LIMIT:
        raise ValueError(f"column {name} is larger than {JSON_LIMIT} bytes")


def _check_identity(table: Table, out: dict[str, Any]) -> None:
    """The record's id is a UUID (it is printed, and compared with other stores' ids) and its
    stamps are stamps (the merge reads their parts).  The ids a record points to need no
    more than their column's length: they are only looked up, and printed escaped."""
    if type(out["id"]) is not str or not ID_RE.match(out["id"]):
        raise ValueError("id is not a UUID")
    if type(out["hlc"]) is not str or not STAMP_RE.match(out["hlc"]):
        raise ValueError("hlc is not a version stamp")
    approved = out.get("approved_hlc")
    if approved is not None and (type(approved) is not str or not STAMP_RE.match(approved)):
        raise ValueError("approved_hlc is not a version stamp")


def _parse_time(name: str, value: Any, kind: int) -> Any:
    if kind == _DATETIME:
        parsed: Any = datetime.fromisoformat(value)
        if parsed.tzinfo is not None:
            raise ValueError(f"column {name} must be a time without a time zone")
        return parsed
    return date.fromisoformat(value)


def _json_to_row_checked(table: Table, data: dict[str, Any], long_line: bool) -> dict[str, Any]:
    """``json_to_row`` column by column: the reference, and the path that names the first
    bad column."""
    out: dict[str, Any] = {}
    for name, kind, required in _decoder(table):
        if name not in data:
            raise ValueError(f"missing column {name}")
        value = data[name]
        if value is not None:
            if kind != _PLAIN:
                if type(value) is not str:
                    raise ValueError(f"column {name} must be a date")
                value = _parse_time(name, value, kind)
        elif required:
            raise ValueError(f"column {name} may not be empty")
        out[name] = value
    unknown = sorted(set(data) - set(out))
    if unknown:
        raise ValueError(f"unknown column {unknown[0][:40]!r}")
    _check_identity(table, out)
    _check_values(table, out, long_line)
    if table.name == "evidence":
        _check_evidence(out)
    return out


def _check_evidence(out: dict[str, Any]) -> None:
    """An evidence record's SHA-256 becomes a path and a member name: exactly 64 lower-case
    hex digits (``../s/k.txt`` or an absolute path once read any file HQ could)."""
    if not is_sha256(out["sha256"]):
        raise ValueError("sha256 is not 64 lower-case hex digits")
    if out["owner_type"] not in models_by_type():
        raise ValueError("owner_type is not a record type")


class _Slow(Exception):
    """The fast reader of a line gives up: the line is read column by column instead."""


@cache
def _fast_reader(table: Table) -> Any:
    """Per table, ``f(data, long_line)``: the row of a usual record line, or ``_Slow``.

    It is generated once per table from the same column lists the column-by-column reader
    (``_json_to_row_checked``) uses, as straight-line code: one test per column, no loop and
    no call, about three times faster than walking the lists (HQ reads half a million lines
    in a full merge).  It accepts exactly the lines that reader accepts and gives the same
    row; any doubt raises ``_Slow`` and that reader decides and names the error
    (``tests/test_sync_limits.py`` compares the two on random lines)."""
    checks = _value_checks(table)
    limits = dict(checks.texts)
    names = [name for name, _, _ in _decoder(table)]
    lines = ["def read(data, long_line):",
             f"    if len(data) != {len(names)}:",
             "        raise _Slow",
             "    out = {" + ", ".join(f"{n!r}: data[{n!r}]" for n in names) + "}"]
    for name, kind, required in _decoder(table):
        required = required or name == "id"
        lines.append(f"    v = out[{name!r}]")
        if kind != _PLAIN:  # a date or a time, parsed
            pad = "    " if required else "        "
            if not required:
                lines.append("    if v is not None:")
            lines += [f"{pad}if v.__class__ is not str:", f"{pad}    raise _Slow",
                      f"{pad}v = out[{name!r}] = {'_datetime' if kind == _DATETIME else '_date'}(v)"]
            if kind == _DATETIME:
                lines += [f"{pad}if v.tzinfo is not None:", f"{pad}    raise _Slow"]
            continue
        if name in checks.jsons:
            lines += ["    if v is not None and (long_line or v or v.__class__ not in _EMPTY):",
                      f"        _check_json({name!r}, v, long_line)"]
            test = ""
        elif name in limits:
            test = f"v.__class__ is not str or len(v) > {limits[name]}"
            if name == "id":
                test += " or not _ID(v)"
            elif name in ("hlc", "approved_hlc"):
                test += " or not _STAMP(v)"
        elif name in checks.bools:
            test = "v.__class__ is not bool"
        elif name in checks.ints:
            test = f"v.__class__ is not int or not {INT_MIN} <= v <= {INT_MAX}"
        elif name in checks.floats:
            test = (f"(v.__class__ is not float and v.__class__ is not int)"
                    f" or not {-FLOAT_MAX!r} <= v <= {FLOAT_MAX!r}")
        else:
            test = ""
        if test:
            cond = test if required else f"v is not None and ({test})"
            lines += [f"    if {cond}:", "        raise _Slow"]
        elif required:
            lines += ["    if v is None:", "        raise _Slow"]
    lines.append("    return out")
    namespace: dict[str, Any] = {
        "_Slow": _Slow, "_datetime": datetime.fromisoformat, "_date": date.fromisoformat,
        "_ID": ID_RE.match, "_STAMP": STAMP_RE.match, "_check_json": _check_json,
        "_EMPTY": (list, dict)}
    exec(compile("\n".join(lines), f"<reader of {table.name}>", "exec"), namespace)
    return namespace["read"]


def json_to_row(table: Table, data: dict[str, Any], *, long_line: bool = True) -> dict[str, Any]:
    """Parse a record line (without ``_history``) back to column values; raises
    ``ValueError`` on a bad value, naming it: a missing or unknown column, an empty required
    one, a value of the wrong type, longer than its column or out of its range, an id that is
    not a UUID, a stamp that is not one, a time with a time zone, a JSON value nested too deep
    or too large.  ``long_line`` False (the line is shorter than ``JSON_LIMIT``) skips
    measuring the JSON columns' size.

    The usual line is read by the table's generated reader (``_fast_reader``); any other goes
    through ``_json_to_row_checked``, which raises the error for the first bad column in
    column order."""
    try:
        out: dict[str, Any] = _fast_reader(table)(data, long_line)
        if table.name == "evidence":
            _check_evidence(out)
        return out
    except (_Slow, KeyError, ValueError, TypeError):
        return _json_to_row_checked(table, data, long_line)


# Integers of 19 digits or more may be past 64 bits, where orjson would give a float: a line
# is looked at with every digit made "0" and every other byte a space (faster than a regex).
_DIGITS_ONLY = bytes(0x30 if 0x30 <= b <= 0x39 else 0x20 for b in range(256))
_LONG_NUMBER = b"0" * 19


def loads_line(line: bytes) -> Any:
    """``json.loads`` of one record line, through orjson when it can; raises ``ValueError``
    for a line that is not JSON or not storable text.

    orjson gives the same objects as ``json.loads`` for every line it accepts except integers
    past 64 bits (made floats), so a line with 19 digits in a row goes to ``json.loads``;
    anything orjson refuses (NaN, a byte-order mark, UTF-16, a lone surrogate, deep nesting,
    bad JSON) goes to ``json.loads`` too, which accepts or raises as before; nesting too deep
    for it is a ``ValueError``, not a ``RecursionError``.  Text from ``json.loads`` and any
    line with a ``\u0000`` escape is checked for what no database stores (a NUL, a lone
    surrogate); orjson refuses lone surrogates itself."""
    if _LONG_NUMBER not in line.translate(_DIGITS_ONLY):
        try:
            data = orjson.loads(line)
        except orjson.JSONDecodeError:
            pass
        else:
            if b"\\u0000" in line:
                _check_text(data)
            return data
    try:
        data = json.loads(line)
    except RecursionError as exc:
        raise ValueError("nested too deeply") from exc
    _check_text(data)
    return data


def _check_text(value: Any) -> None:
    """Every string (and key) in ``value`` can be stored: UTF-8 without NUL."""
    stack = [value]
    while stack:
        item = stack.pop()
        if type(item) is str:
            if "\x00" in item:
                raise ValueError("text with a NUL character")
            try:
                item.encode("utf-8")
            except UnicodeEncodeError as exc:
                raise ValueError("text that is not UTF-8 (a lone surrogate)") from exc
        elif type(item) is list:
            stack.extend(item)
        elif type(item) is dict:
            stack.extend(item.keys())
            stack.extend(item.values())


def canonical_line(data: dict[str, Any]) -> bytes:
    return (
        json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":")) + "\n"
    ).encode("utf-8")


def records_fingerprint() -> str:
    """SHA-256 of what a bundle's records are: every synced table's columns, their types,
    nullability and keys (a change here is a change of ``RECORDS_SCHEMA``)."""
    import hashlib

    parts = []
    for model in SYNC_MODELS:
        table = model.__table__  # type: ignore[attr-defined]
        parts.append(f"{model.__sync_type__}:{table.name}")
        for col in table.columns:
            parts.append(f"  {col.name} {col.type!r} null={col.nullable} pk={col.primary_key} "
                         f"fk={sorted(fk.target_fullname for fk in col.foreign_keys)}")
    return hashlib.sha256("\n".join(parts).encode()).hexdigest()
