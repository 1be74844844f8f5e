"""SQLAlchemy driver shortcuts for the HQ merge: each table's writes compiled once per
database dialect and run with the driver's ``executemany`` on tuples made by the columns' own
bind processors (SQLite), and the record bases of a batch selected by the driver.

The values are the ones SQLAlchemy's own executemany would send, without its per-statement and
per-parameter work (bench/RESULTS.md measures it: the merge's largest single gain).  Errors
still come wrapped (``IntegrityError``) through ``exec_driver_sql``.  PostgreSQL keeps
SQLAlchemy's executemany (insertmanyvalues).
"""

from __future__ import annotations

from datetime import datetime
from functools import lru_cache
from operator import itemgetter
from typing import Any
from weakref import WeakKeyDictionary

from sqlalchemy import JSON, Boolean, Connection, Table, bindparam, insert, select, update
from sqlalchemy.dialects import sqlite
from sqlalchemy.engine import Dialect
from sqlalchemy.sql.compiler import SQLCompiler
from sqlalchemy.sql.elements import ClauseElement

from integrity_desktop.db.models import Conflict
from integrity_desktop.sync import bundle_format as bf

# SQLite's DATETIME text by default: what datetime.isoformat(" ", "microseconds") writes for a
# naive datetime.
_SQLITE_DATETIME_FORMAT = (
    "%(year)04d-%(month)02d-%(day)02d %(hour)02d:%(minute)02d:%(second)02d.%(microsecond)06d"
)


def _shortcut(impl: Any, proc: Any) -> Any:
    """A column's bind processor, or one giving the same values faster (see below)."""
    if isinstance(impl, JSON):
        return _json_shortcut(proc)
    if isinstance(impl, Boolean):
        return _bool_shortcut(proc)
    if (isinstance(impl, sqlite.DATETIME)
            and getattr(impl, "_storage_format", None) == _SQLITE_DATETIME_FORMAT):
        return _datetime_shortcut(proc)
    return proc


def _datetime_shortcut(proc: Any) -> Any:
    """SQLite's DATETIME processor for a naive ``datetime`` (every value a record line gives):
    the same text by ``isoformat``; any other value goes to the processor."""

    def process(value: Any) -> Any:
        if type(value) is datetime and value.tzinfo is None:
            return value.isoformat(" ", "microseconds")
        return proc(value)

    return process


def _bool_shortcut(proc: Any) -> Any:
    """A Boolean processor giving ``True`` and ``False`` the values it made for them once."""
    true, false = proc(True), proc(False)

    def process(value: Any) -> Any:
        if value is True:
            return true
        if value is False:
            return false
        return proc(value)

    return process


def _json_shortcut(proc: Any) -> Any:
    """A JSON column's bind processor that gives ``None`` and an empty list or dict (most
    values: a checklist entry's ``subtasks_done`` and ``computed_source``) the text it made
    for them once, and passes every other value to it."""
    none, empty_list, empty_dict = proc(None), proc([]), proc({})

    def process(value: Any) -> Any:
        if value is None:
            return none
        if not value:
            if type(value) is list:
                return empty_list
            if type(value) is dict:
                return empty_dict
        return proc(value)

    return process


class DriverStatement:
    """A statement compiled once for the database, run with the driver's ``executemany`` on
    tuples made by the columns' own bind processors: the values SQLAlchemy's executemany would
    send, without its per-statement and per-parameter work.  Errors still come wrapped
    (``IntegrityError``) through ``exec_driver_sql``."""

    def __init__(self, stmt: ClauseElement, keys: list[str], dialect: Dialect,
                 param_key: Any = None) -> None:
        compiled = stmt.compile(dialect=dialect, column_keys=keys)
        assert isinstance(compiled, SQLCompiler)
        assert compiled.positional and compiled.positiontup is not None
        self.sql = str(compiled)
        keys = []
        # (position, processor) of the parameters that have a bind processor
        self.procs: list[tuple[int, Any]] = []
        for i, name in enumerate(compiled.positiontup):
            keys.append(param_key(name) if param_key else name)
            impl = compiled.binds[name].type.dialect_impl(dialect)
            proc = impl.bind_processor(dialect)
            if proc is not None:
                self.procs.append((i, _shortcut(impl, proc)))
        assert len(keys) > 1  # itemgetter of one key returns the value, not a tuple
        self.values = itemgetter(*keys)  # a tuple of the values, in parameter order

    def run(self, conn: Connection, rows: list[dict[str, Any]]) -> None:
        values, procs = self.values, self.procs
        params = []
        for r in rows:
            row = list(values(r))
            for i, proc in procs:
                row[i] = proc(row[i])
            params.append(tuple(row))
        conn.exec_driver_sql(self.sql, params)


def _sql_in(dialect: Dialect, columns: list[Any]) -> Any:
    """n -> ``SELECT columns FROM their table WHERE first column IN (?, ... n)`` (the last
    few sizes kept)."""
    quote = dialect.identifier_preparer.quote
    head = (f"SELECT {', '.join(quote(c.name) for c in columns)} "
            f"FROM {quote(columns[0].table.name)} WHERE {quote(columns[0].name)} IN (")

    @lru_cache(maxsize=4)
    def sql(n: int) -> str:
        return head + ", ".join("?" * n) + ")"

    return sql


class TableWrites:
    """Per table, compiled once per import: the batch selects and (on SQLite) the writes."""

    def __init__(self, record_type: str, table: Table, dialect: Dialect) -> None:
        ids: Any = bindparam("ids", expanding=True)
        self.select_local = select(table).where(table.c.id.in_(ids))
        rb = bf.record_base_table()
        self.select_bases = select(rb).where(rb.c.record_id.in_(ids))
        self.select_losers = select(Conflict).where(Conflict.record_type == record_type,
                                                    Conflict.record_id.in_(ids))
        self.select_owners = select(table.c.id, table.c.office_code).where(table.c.id.in_(ids))
        self.bases_sql: Any = None  # n -> select_bases' SQL for n ids, on SQLite
        self.owners_sql: Any = None  # n -> select_owners' SQL for n ids, on SQLite
        self.present_sql: Any = None  # n -> SQL of which of n ids the table has, on SQLite
        self.approvals_sql: Any = None  # checklists: n -> (id, status, approved_hlc) SQL
        self.insert: DriverStatement | None = None
        self.update: DriverStatement | None = None
        self.insert_base: DriverStatement | None = None
        self.update_base: DriverStatement | None = None
        if dialect.name != "sqlite":
            return  # elsewhere, SQLAlchemy's executemany (e.g. PostgreSQL's insertmanyvalues)
        base_select = [rb.c.record_id, rb.c.applied_hlc, rb.c.carried_history, rb.c.floor_hlc]
        if dialect.paramstyle == "qmark" and all(
                c.type.dialect_impl(dialect).result_processor(dialect, None) is None
                for c in base_select):
            # Text columns SQLAlchemy hands over as the driver gives them: the expanding IN
            # (SQLAlchemy's work per id) is the larger part of this select's time.
            self.bases_sql = _sql_in(dialect, base_select)
            self.owners_sql = _sql_in(dialect, [table.c.id, table.c.office_code])
            self.present_sql = _sql_in(dialect, [table.c.id])
            if record_type == "checklist":
                self.approvals_sql = _sql_in(
                    dialect, [table.c.id, table.c.status, table.c.approved_hlc])
        cols = [c.name for c in table.columns]
        self.insert = DriverStatement(insert(table), cols, dialect)
        others = [c for c in cols if c != "id"]
        self.update = DriverStatement(
            update(table).where(table.c.id == bindparam("b_id")).values(
                {c: bindparam(f"b_{c}") for c in others}),
            [], dialect, lambda name: name[2:])
        base_cols = ["record_id", "record_type", "applied_hlc", "carried_history", "floor_hlc"]
        self.insert_base = DriverStatement(insert(rb), base_cols, dialect)
        self.update_base = DriverStatement(
            update(rb).where(rb.c.record_id == bindparam("b_record_id")).values(
                {c: bindparam(f"b_{c}") for c in base_cols[1:]}),
            [], dialect, lambda name: name[2:])


# Per database dialect (one per store's engine), each record type's compiled statements, kept
# from one import to the next.
_COMPILED: WeakKeyDictionary[Dialect, dict[str, TableWrites]] = WeakKeyDictionary()


def table_writes(record_type: str, table: Table, dialect: Dialect) -> TableWrites:
    compiled = _COMPILED.setdefault(dialect, {})
    if record_type not in compiled:
        compiled[record_type] = TableWrites(record_type, table, dialect)
    return compiled[record_type]
