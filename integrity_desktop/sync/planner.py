"""After an import on PostgreSQL: the planner statistics of the tables it grew by a tenth.

PostgreSQL plans each statement from its tables' statistics, which autovacuum refreshes only a
minute or more after a commit.  Until then a table that a folder of bundles filled is planned
as it was before, often as empty: HQ's first national picture after filling a PostgreSQL store
took 23 times its raw count, and the completion trend 2.9 s.  So an import that grew a table
by a tenth or more (autovacuum's own default share) analyses that table before it returns.
SQLite keeps no statistics unless asked, and the store's plans do not rest on them.
"""

from __future__ import annotations

import logging
from collections import Counter
from collections.abc import Iterable

from sqlalchemy import Connection, text
from sqlalchemy.exc import SQLAlchemyError

from integrity_desktop.db.store import Store
from integrity_desktop.sync import bundle_format as bf
from integrity_desktop.sync.summary import ImportSummary

log = logging.getLogger(__name__)

GROWTH = 0.1  # PostgreSQL's autovacuum_analyze_scale_factor
# local tables an import rebuilds beside a record type's own (never in a bundle)
DERIVED: dict[str, tuple[str, ...]] = {"case": ("case_steps",), "case_event": ("case_steps",)}


def grown_tables(store: Store, summaries: Iterable[ImportSummary]) -> list[str]:
    """The tables the committed ``summaries`` added or changed rows of by ``GROWTH`` or more
    of what their statistics last counted (every such table whose statistics were never
    gathered)."""
    with store.engine.connect() as conn:
        return _grown(conn, summaries)


def _grown(conn: Connection, summaries: Iterable[ImportSummary]) -> list[str]:
    added: Counter[str] = Counter()
    for summary in summaries:
        for record_type, counts in summary.counts.items():
            n = counts.created + counts.updated
            if n:
                for name in (bf.table_of(record_type).name, *DERIVED.get(record_type, ())):
                    added[name] += n
    if not added:
        return []
    # reltuples: the rows the statistics last counted; -1 when never gathered
    counted = dict(conn.execute(
        text("SELECT relname, reltuples FROM pg_class WHERE oid = ANY(CAST(:tables AS regclass[]))"),
        {"tables": sorted(added)}).tuples().all())
    return sorted(name for name, n in added.items()
                  if name in counted and (counted[name] < 0 or n >= GROWTH * counted[name]))


def analyse_grown(store: Store, summaries: Iterable[ImportSummary]) -> None:
    """After the commit of an import on PostgreSQL: ``ANALYZE`` each table it grew (see the
    module docstring).  A failure is logged, never raised: the import is committed."""
    if store.engine.dialect.name != "postgresql":
        return
    try:
        quote = store.engine.dialect.identifier_preparer.quote
        with store.engine.connect() as conn:  # one connection: the growth read, then the ANALYZEs
            tables = _grown(conn, summaries)
            for name in tables:
                conn.execute(text(f"ANALYZE {quote(name)}"))
            conn.commit()
        if tables:
            log.info("analysed after the import: %s", ", ".join(tables))
    except SQLAlchemyError:
        log.warning("could not analyse the tables an import grew", exc_info=True)
