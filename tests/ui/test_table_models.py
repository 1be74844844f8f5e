"""The one table-model base (widgets/table_models): a paged list asks its service for a page only
when the view scrolls to it, over a real store; counts, headers and the cells' roles."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QBrush, QColor
from pytestqt.qtbot import QtBot

from integrity_desktop.db.store import Store
from integrity_desktop.services.audit import view as audit_view
from integrity_desktop.ui.widgets import palette
from integrity_desktop.ui.widgets.table_models import (
    Column,
    PagedModel,
    Row,
    RowsModel,
    TableModel,
    TextRowsModel,
    make_table,
)
from tests.conftest import actor

pytestmark = pytest.mark.gui

EVERYTHING = audit_view.AuditFilter()


def audit_model(store: Store, calls: list[tuple[int, int]], page: int) -> PagedModel:
    admin = actor("admin")

    def fetch(offset: int, limit: int) -> list[audit_view.AuditRow]:
        calls.append((offset, limit))
        return audit_view.list_entries(store, admin, EVERYTHING, offset=offset, limit=limit)

    model = PagedModel(
        [Column("No.", lambda r: str(r.seq)), Column("Action", lambda r: r.action)],
        fetch=fetch,
        count=lambda: audit_view.count_entries(store, admin, EVERYTHING),
        background=lambda r: QColor(palette.QUIET_BG) if r.action.startswith("create") else None,
    )
    model.PAGE = page
    return model


def test_paged_model_fetches_each_page_when_asked(qapp: Any, store: Store) -> None:
    everything = audit_view.list_entries(store, actor("admin"), EVERYTHING, offset=0, limit=100_000)
    total = len(everything)
    assert total > 20, "the seeded store should hold more than two pages of audit entries"
    calls: list[tuple[int, int]] = []
    model = audit_model(store, calls, page=9)

    model.reload()
    assert calls == [(0, 9)]  # the first page only
    assert (model.rowCount(), model.total, model.columnCount()) == (9, total, 2)
    assert model.canFetchMore(QModelIndex())

    model.fetchMore(QModelIndex())
    assert calls == [(0, 9), (9, 9)]
    assert model.rowCount() == 18
    while model.canFetchMore(QModelIndex()):
        model.fetchMore(QModelIndex())
    assert model.rowCount() == total
    assert [r.seq for r in model.rows] == [r.seq for r in everything]
    assert all(limit == 9 for _offset, limit in calls)
    assert [offset for offset, _limit in calls] == list(range(0, total, 9))

    # a new filter (here: the same) starts again from the first page
    calls.clear()
    model.reload()
    assert calls == [(0, 9)] and model.rowCount() == 9


def test_a_view_scrolling_fetches_more(qtbot: QtBot, store: Store) -> None:
    calls: list[tuple[int, int]] = []
    model = audit_model(store, calls, page=5)
    model.reload()
    view = make_table(model, "audit_rows")
    qtbot.addWidget(view)
    view.resize(400, 120)
    view.show()
    qtbot.waitExposed(view)
    view.scrollToBottom()
    qtbot.waitUntil(lambda: len(calls) > 1)
    assert model.rowCount() > 5
    assert calls[1] == (5, 5)


def test_cells_headers_and_roles(qapp: Any, store: Store) -> None:
    model = audit_model(store, [], page=50)
    model.reload()
    first = model.rows[0]
    cell = model.index(0, 1)
    assert model.data(cell) == first.action
    assert model.data(cell, Qt.ItemDataRole.ToolTipRole) == first.action  # the whole text
    brush = model.data(cell, Qt.ItemDataRole.BackgroundRole)
    if first.action.startswith("create"):
        assert isinstance(brush, QBrush) and brush.color() == QColor(palette.QUIET_BG)
    else:
        assert brush is None
    assert model.data(cell, Qt.ItemDataRole.FontRole) is None
    assert model.data(QModelIndex()) is None
    assert model.headerData(1, Qt.Orientation.Horizontal) == "Action"
    assert model.headerData(1, Qt.Orientation.Horizontal, Qt.ItemDataRole.ToolTipRole) is None
    assert model.headerData(11, Qt.Orientation.Vertical) == "۱۲"  # row numbers in Persian digits
    assert model.row_at(0) is first and model.row_at(-1) is None and model.row_at(10_000) is None
    assert model.rowCount(model.index(0, 0)) == 0  # a table: no children


def test_in_memory_rows_and_ready_text(qapp: Any) -> None:
    rows = RowsModel([Column("Name", lambda r: r)])
    rows.set_rows(["الف", "ب"])
    assert (rows.rowCount(), rows.total, rows.canFetchMore(QModelIndex())) == (2, 2, False)

    text = TextRowsModel(["استان", "درصد"], centre_from=1)
    text.set_rows([Row(["تهران", "۹۰٪"], key="tehran", tint=palette.NATIONAL_BG, bold=True)])
    assert text.headerData(0, Qt.Orientation.Horizontal) == "استان"
    assert text.headerData(0, Qt.Orientation.Vertical) is None  # no row numbers there
    assert text.data(text.index(0, 1)) == "۹۰٪"
    assert text.data(text.index(0, 1), Qt.ItemDataRole.TextAlignmentRole) == Qt.AlignmentFlag.AlignCenter
    assert text.data(text.index(0, 0), Qt.ItemDataRole.TextAlignmentRole) is None
    assert text.data(text.index(0, 0), Qt.ItemDataRole.UserRole) == "tehran"
    assert text.data(text.index(0, 0), Qt.ItemDataRole.FontRole).bold()
    assert text.data(text.index(0, 0), Qt.ItemDataRole.BackgroundRole).color() == QColor(palette.NATIONAL_BG)


def test_a_list_shorter_than_counted_stops_asking(qapp: Any) -> None:
    class Shrunk(TableModel):
        def fetch_page(self, offset: int) -> list[Any]:
            return []  # rows deleted since they were counted

    model = Shrunk(None, ["a"])
    model.rows, model.total = ["x"], 5
    assert model.canFetchMore(QModelIndex())
    model.fetchMore(QModelIndex())
    assert (model.rowCount(), model.total, model.canFetchMore(QModelIndex())) == (1, 1, False)
