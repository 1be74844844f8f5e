"""Read-only table models over plain rows from the services, shared by every screen.

``TableModel`` is the base of them all: rows, headers and paging once.  A screen's model declares
its headers and how a cell is shown; a paged one also how the next page is fetched
(``fetch_page(offset)``, a service call: the SQL paging stays in the service).  ``RowsModel``
shows a list already in memory through ``Column``s (how a row becomes the text of a cell;
``background(row)`` may colour a whole row: overdue, quiet, revoked); ``PagedModel`` fetches it
page by page from a service (``fetch(offset, limit)`` and ``count()``), so lists of thousands of
rows load only what is scrolled to; ``WorkerPagedModel`` reads each page on a worker thread (the
100,000-row registers), so neither filtering nor scrolling ever waits on the store.
``PagedTableModel`` and ``ListTableModel`` take columns as (header, getter) pairs and a colour per
row (sync, HQ); ``TextRowsModel`` shows rows of ready text (the national dashboard).
``make_table`` and ``plain_table`` make the views every list uses.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

import shiboken6
from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QFont
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView, QWidget

from integrity_desktop.ui.tasks import run_task
from integrity_desktop.ui.text import shown_number
from integrity_desktop.ui.widgets import palette
from integrity_desktop.ui.widgets.messages import error_text

Index = QModelIndex | QPersistentModelIndex


@dataclass(frozen=True)
class Column:
    """A column: its header and how a row object becomes the text of its cell."""

    title: str
    text: Callable[[Any], str]
    width: int | None = None  # pixels for long text; None sizes the column to its contents


class TableModel(QAbstractTableModel):
    """The one base of the read-only tables: plain row objects under ``headers``.

    A screen's model declares its headers and what a row's cell shows, ``cell_data(row, column,
    role)`` (or ``Column``s, with ``RowsModel``).
    Counting, headers and paging live here once.  ``total`` is how many rows the list has; while
    ``rows`` holds fewer, the view asks for more as it scrolls and ``fetch_page(offset)`` (the
    service's next page: the SQL paging stays in the service) appends them.  ``numbered`` shows
    row numbers in Persian digits in the vertical header (``row_header`` may name rows instead);
    ``header_tip(section)`` is a column's tooltip.
    """

    numbered = False

    def __init__(self, parent: QObject | None = None, headers: Sequence[str] = ()) -> None:
        super().__init__(parent)
        self.rows: list[Any] = []
        self.total = 0
        self.headers = list(headers)

    def set_rows(self, rows: Sequence[Any]) -> None:
        """A whole list in memory (no paging)."""
        with self.replacing():
            self.rows = list(rows)

    @contextmanager
    def replacing(self) -> Iterator[None]:
        """One model reset around new rows of a list held whole in memory, and whatever else the
        cells and headers are drawn from (set inside the block)."""
        self.beginResetModel()
        try:
            yield
        finally:
            self.total = len(self.rows)
            self.endResetModel()

    def row_at(self, row: int) -> Any | None:
        return self.rows[row] if 0 <= row < len(self.rows) else None

    def fetch_page(self, offset: int) -> Sequence[Any]:
        """The rows from ``offset`` on (a page of the service's list); paged models define it."""
        return ()

    def header_tip(self, section: int) -> str | None:
        return None

    def row_header(self, section: int) -> str | None:
        return shown_number(section + 1) if self.numbered else None

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.headers)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        """What the cell at ``index`` shows in ``role``: ``cell_data`` of its row object (nothing
        off the table)."""
        if not index.isValid():
            return None
        return self.cell_data(self.rows[index.row()], index.column(), role)

    def cell_data(self, row: Any, column: int, role: int) -> Any:
        """What the cell of ``row`` (a row object) in ``column`` shows in ``role`` (None: nothing);
        a model whose cells are not one row object's (a grid) defines ``data`` instead."""
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal:
            if role == Qt.ItemDataRole.DisplayRole:
                return self.headers[section]
            if role == Qt.ItemDataRole.ToolTipRole:
                return self.header_tip(section)
            return None
        return self.row_header(section) if role == Qt.ItemDataRole.DisplayRole else None

    def canFetchMore(self, parent: Index = QModelIndex()) -> bool:  # noqa: B008
        return not parent.isValid() and len(self.rows) < self.total

    def fetchMore(self, parent: Index = QModelIndex()) -> None:  # noqa: B008
        if parent.isValid():
            return
        self.append_rows(list(self.fetch_page(len(self.rows))))

    def append_rows(self, more: list[Any]) -> None:
        """A fetched page at the end; an empty one means the list ended sooner than counted."""
        if not more:
            self.total = len(self.rows)
            return
        self.beginInsertRows(QModelIndex(), len(self.rows), len(self.rows) + len(more) - 1)
        self.rows.extend(more)
        self.endInsertRows()


class KeyedModel(TableModel):
    """A table whose columns have keys (``COLUMNS``): a subclass gives each cell from its row
    object and column key, ``cell(row, key, role)`` (None where the role shows nothing)."""

    COLUMNS: tuple[str, ...] = ()

    def cell(self, row: Any, key: str, role: int) -> Any:
        raise NotImplementedError

    def cell_data(self, row: Any, column: int, role: int) -> Any:
        return self.cell(row, self.COLUMNS[column], role)


class RowsModel(TableModel):
    """A read-only table of plain row objects declared by ``Column``s; ``background(row)`` may
    colour a whole row."""

    numbered = True

    def __init__(
        self,
        columns: Sequence[Column],
        background: Callable[[Any], QColor | None] | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent, [c.title for c in columns])
        self.columns = list(columns)
        self._background = background

    def cell_data(self, row: Any, column: int, role: int) -> Any:
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return self.columns[column].text(row)
        if role == Qt.ItemDataRole.BackgroundRole and self._background is not None:
            colour = self._background(row)
            return QBrush(colour) if colour is not None else None
        return None


class PagedModel(RowsModel):
    """Rows fetched page by page from a service: ``fetch(offset, limit)`` and ``count()``."""

    PAGE = 100

    def __init__(
        self,
        columns: Sequence[Column],
        fetch: Callable[[int, int], Sequence[Any]],
        count: Callable[[], int],
        background: Callable[[Any], QColor | None] | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(columns, background, parent)
        self._fetch = fetch
        self._count = count

    def reload(self) -> None:
        """Start again from the first page (after a filter changed or a record was saved).

        The service is asked before the reset: if it fails, the model stays as it was.
        """
        total = self._count()
        rows = list(self._fetch(0, min(self.PAGE, total))) if total else []
        self.beginResetModel()
        self.total, self.rows = total, rows
        self.endResetModel()

    def fetch_page(self, offset: int) -> Sequence[Any]:
        return self._fetch(offset, self.PAGE)


def service_model(
    ctx: Any,
    columns: Sequence[Column],
    list_page: Callable[..., Sequence[Any]],
    count: Callable[..., int],
    filters: Callable[[], Mapping[str, Any]],
    background: Callable[[Any], QColor | None] | None = None,
) -> PagedModel:
    """A ``PagedModel`` of a service's list: ``list_page(store, actor, **filters(), offset=,
    limit=)`` and ``count(store, actor, **filters())``, the filters read afresh at each call."""
    return PagedModel(
        columns,
        fetch=lambda offset, limit: list_page(ctx.store, ctx.actor, **filters(), offset=offset, limit=limit),
        count=lambda: count(ctx.store, ctx.actor, **filters()),
        background=background,
    )


class WorkerPagedModel(TableModel):
    """Rows of a query, page by page, each page read on a worker thread.

    A subclass sets ``headers``, implements ``count(query)`` and ``page(query,
    offset, limit)`` (service calls: they run off the GUI thread, so they touch no widget) and
    ``data()``.  A new query drops the answers of older ones still running.

    Signals: ``loaded(total)`` after a new query's first page arrived; ``failed(text)`` with the
    message of a refused query in the interface's language.
    """

    loaded = Signal(int)
    failed = Signal(str)
    PAGE = 200
    numbered = True

    def __init__(self, ctx: Any, query: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.query = query
        self.loading = False
        self._generation = 0
        self._owner = parent

    def count(self, query: Any) -> int:
        raise NotImplementedError

    def page(self, query: Any, offset: int, limit: int) -> list[Any]:
        raise NotImplementedError

    def set_query(self, query: Any, wait: bool = False) -> None:
        """Start a new query (count and first page) off the GUI thread; older results are dropped.

        ``wait`` runs it here (screenshots only).
        """
        self.query = query
        self._generation += 1
        generation = self._generation
        self.loading = True

        def work(_report: object) -> tuple[int, list[Any]]:
            return self.count(query), self.page(query, 0, self.PAGE)

        if wait:
            self._first_page(generation, work(None))
            return
        run_task(self._owner, work, lambda result: self._first_page(generation, result),
                 lambda exc: self._failed(generation, exc), modal_progress=False)

    def _current(self, generation: int) -> bool:
        """Whether an answer still matters: the model lives and no newer query was started."""
        return shiboken6.isValid(self) and generation == self._generation

    def _first_page(self, generation: int, result: tuple[int, list[Any]]) -> None:
        if not self._current(generation):
            return  # the filters changed while this ran
        total, rows = result
        self.beginResetModel()
        self.rows = list(rows)
        self.total = total
        self.loading = False
        self.endResetModel()
        self.loaded.emit(total)

    def _failed(self, generation: int, exc: BaseException) -> None:
        if not self._current(generation):
            return
        self.loading = False
        self.failed.emit(error_text(exc, self.ctx.lang))

    def canFetchMore(self, parent: Index = QModelIndex()) -> bool:  # noqa: B008
        return not parent.isValid() and not self.loading and len(self.rows) < self.total

    def fetchMore(self, parent: Index = QModelIndex()) -> None:  # noqa: B008
        if not self.canFetchMore(parent):
            return
        self.loading = True
        generation, query, offset = self._generation, self.query, len(self.rows)

        def done(rows: list[Any]) -> None:
            if not self._current(generation):
                return
            self.loading = False
            if rows:
                self.append_rows(rows)

        run_task(self._owner, lambda _r: self.page(query, offset, self.PAGE), done,
                 lambda exc: self._failed(generation, exc), modal_progress=False)


class RegisterModel(WorkerPagedModel):
    """A register read on a worker (cases, complaints): a row past its due date is shaded, its
    dates in red and its tooltip says why; the cells are text by column key (``COLUMNS``).

    A subclass gives ``text(row, key)``, the keys ``CENTRED`` and, for red text and the reason,
    ``red(row, key)`` and ``warning(row)``.
    """

    COLUMNS: tuple[str, ...] = ()
    CENTRED: tuple[str, ...] = ()
    OVERDUE_BACKGROUND = QColor(palette.OVERDUE_BG)
    OVERDUE_TEXT = QColor(palette.ERROR_STRONG)

    def text(self, row: Any, key: str) -> str:
        raise NotImplementedError

    def red(self, row: Any, key: str) -> bool:
        return False

    def warning(self, row: Any) -> str | None:
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self.rows):
            return None
        row = self.rows[index.row()]
        key = self.COLUMNS[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return self.text(row, key)
        if role == Qt.ItemDataRole.UserRole:
            return row.id
        if role == Qt.ItemDataRole.BackgroundRole and row.overdue:
            return QBrush(self.OVERDUE_BACKGROUND)
        if role == Qt.ItemDataRole.ForegroundRole and self.red(row, key):
            return QBrush(self.OVERDUE_TEXT)
        if role == Qt.ItemDataRole.ToolTipRole:  # why it is red, else the whole text cut short with «…»
            return self.warning(row) or self.text(row, key)
        if role == Qt.ItemDataRole.TextAlignmentRole and key in self.CENTRED:
            return int(Qt.AlignmentFlag.AlignCenter)
        return None


class PagedTableModel(PagedModel):
    """``PagedModel`` with columns as (header, getter) pairs and a colour name per row."""

    PAGE = 200

    def __init__(
        self,
        columns: Sequence[tuple[str, Callable[[Any], str]]],
        fetch: Callable[[int, int], Sequence[Any]],
        count: Callable[[], int],
        tint: Callable[[Any], str | None] | None = None,
        parent: Any = None,
    ) -> None:
        background = None
        if tint is not None:
            def background(row: Any) -> QColor | None:
                colour = tint(row)
                return QColor(colour) if colour else None
        super().__init__([Column(h, g) for h, g in columns], fetch, count, background, parent)

    def row_at(self, row: int) -> Any:
        return self.rows[row]


class ListTableModel(PagedTableModel):
    """The same model over a short list already in memory (a summary, a key list)."""

    def __init__(
        self,
        columns: Sequence[tuple[str, Callable[[Any], str]]],
        tint: Callable[[Any], str | None] | None = None,
        parent: Any = None,
    ) -> None:
        self._items: list[Any] = []
        super().__init__(columns, lambda o, n: self._items[o : o + n], lambda: len(self._items), tint, parent)

    def set_items(self, items: Sequence[Any]) -> None:
        self._items = list(items)
        self.reload()


@dataclass
class Row:
    """A row of ready text for ``TextRowsModel``."""

    cells: list[str]
    key: str = ""  # an office code, an indicator code, …
    tint: str | None = None
    bold: bool = False


class TextRowsModel(TableModel):
    """A small read-only table of ready text (31 provinces, 22 axes, a period's indicators): a
    ``Row`` may be tinted and bold, and columns from ``centre_from`` on are centred."""

    def __init__(self, headers: Sequence[str], parent: Any = None, *, centre_from: int = 1) -> None:
        super().__init__(parent, headers)
        self.rows: list[Row] = []
        self.centre_from = centre_from

    def cell_data(self, row: Row, column: int, role: int) -> Any:
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return row.cells[column]
        if role == Qt.ItemDataRole.TextAlignmentRole and column >= self.centre_from:
            return Qt.AlignmentFlag.AlignCenter
        if role == Qt.ItemDataRole.BackgroundRole and row.tint:
            return QBrush(QColor(row.tint))
        if role == Qt.ItemDataRole.FontRole and row.bold:
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.UserRole:
            return row.key
        return None


# ------------------------------------------------------------------------------ views


def make_table(model: RowsModel, name: str) -> QTableView:
    """A view of a ``RowsModel``: each ``Column`` sized as it asks, the last one stretched."""
    view = QTableView()
    view.setObjectName(name)
    view.setModel(model)
    view.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QTableView.SelectionMode.SingleSelection)
    view.setAlternatingRowColors(True)
    view.verticalHeader().setVisible(False)
    header = view.horizontalHeader()
    header.setStretchLastSection(True)
    last = len(model.columns) - 1
    for i, column in enumerate(model.columns):
        if i == last and column.width is None:  # the rest of the row: long text ends in «…»
            header.setSectionResizeMode(i, QHeaderView.ResizeMode.Stretch)
        elif column.width is None:
            header.setSectionResizeMode(i, QHeaderView.ResizeMode.ResizeToContents)
        else:
            header.setSectionResizeMode(i, QHeaderView.ResizeMode.Interactive)
            header.resizeSection(i, column.width)
    view.setWordWrap(False)
    return view


def record_table(model: QAbstractTableModel, name: str, stretch: int) -> QTableView:
    """A read-only list of records picked one row at a time: no row numbers, every column fitting
    its contents but column ``stretch``, which takes what is left (the checklist screens' lists)."""
    view = QTableView()
    view.setObjectName(name)
    view.setModel(model)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.verticalHeader().setVisible(False)
    header = view.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    header.setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)
    return view


def current_row(view: QTableView) -> Any | None:
    """The row object under the view's current index (None when nothing is current)."""
    model = view.model()
    index = view.currentIndex()
    if not isinstance(model, TableModel) or not index.isValid():
        return None
    return model.row_at(index.row())


def read_only_view(model: QAbstractTableModel, name: str) -> QTableView:
    """A view of ``model`` named ``name`` that selects whole rows, edits nothing and shows no
    row numbers: where ``plain_table``, the dashboard's tables and the conflict's fields start."""
    view = QTableView()
    view.setObjectName(name)
    view.setModel(model)
    view.verticalHeader().setVisible(False)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    return view


def plain_table(model: QAbstractTableModel, name: str) -> QTableView:
    """A read-only view whose columns all fit their contents (the sync and HQ lists)."""
    view = read_only_view(model, name)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setAlternatingRowColors(True)
    view.setTabKeyNavigation(False)
    header = view.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    header.setStretchLastSection(True)
    return view
