"""Every screen, tab and dialog on the smallest office screen (1280×720), walked over the saved
Tehran demo store: it fits, no column header, filter or button is cut, no table scrolls
sideways, a case's next-step deadline is in view, long names end in «…» with the whole name in
the tooltip, and every button says what it does in a tooltip."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

import pytest
from PySide6.QtCore import QModelIndex, QSize, Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QLineEdit,
    QPushButton,
    QTabBar,
    QTableView,
    QTabWidget,
    QToolButton,
    QWidget,
)

from integrity_desktop.db.store import open_store
from integrity_desktop.ui.context import UiContext
from integrity_desktop.ui.main_window import WINDOW_ROOM, MainWindow
from tests.conftest import actor, background_done, unpack_released_store

pytestmark = pytest.mark.gui


@dataclass
class Walk:
    window: MainWindow
    views: dict[str, QWidget]  # "screen/tab" or "screen:state" -> the widget a person sees
    dialogs: dict[str, QWidget]


def _settle() -> None:
    assert background_done(), "background work still running after a minute"
    QApplication.processEvents()


@pytest.fixture(scope="module")
def walk(qapp: QApplication, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Walk]:
    """The main window at 1280×648 (a 1280×720 screen less the taskbar and title bar) with
    every screen, every tab and every screenshot state of the demo store."""
    path = unpack_released_store("0001-tehran-demo.tar.xz", tmp_path_factory.mktemp("demo"))
    store = open_store(str(path))
    window = MainWindow(UiContext(store, actor("admin", "tehran")))
    window.resize(WINDOW_ROOM)
    window.show()
    views: dict[str, QWidget] = {}
    dialogs: dict[str, QWidget] = {}
    for key in window.screen_keys:
        screen = window.show_screen_now(key)
        _settle()
        views[key] = screen
        states = getattr(screen, "screenshot_states", None)
        for name, state in states() if callable(states) else []:
            widget = state if isinstance(state, QWidget) else None
            make_dialog = getattr(state, "dialog", None)
            if widget is None and callable(make_dialog):
                widget = make_dialog()
            if widget is not None and widget.isWindow() and widget is not window:
                dialogs[f"{key}:{name}"] = widget
        _settle()
    yield Walk(window, views, dialogs)
    for dialog in dialogs.values():
        dialog.close()
    window.close()
    _settle()
    store.dispose()


def tabs_of(walk: Walk) -> Iterator[tuple[str, QWidget]]:
    """Each screen, with each tab of its tab widget made current in turn."""
    for key, screen in walk.views.items():
        walk.window.show_screen_now(key)
        _settle()
        tab_widgets = [t for t in screen.findChildren(QTabWidget) if t.isVisibleTo(walk.window)]
        if not tab_widgets:
            yield key, screen
            continue
        tabs = tab_widgets[0]
        for i in range(tabs.count()):
            tabs.setCurrentIndex(i)
            _settle()
            yield f"{key}/{tabs.tabText(i)}", screen


def fits(size: QSize, room: QSize = WINDOW_ROOM) -> bool:
    return size.width() <= room.width() and size.height() <= room.height()


def test_the_main_window_fits_the_smallest_screen_with_every_screen(walk: Walk) -> None:
    for key in walk.window.screen_keys:
        walk.window.show_screen_now(key)
        hint = walk.window.minimumSizeHint()
        assert fits(hint), f"{key}: the window needs {hint.width()}×{hint.height()}"
        screen_hint = walk.views[key].minimumSizeHint()
        assert fits(screen_hint), f"{key}: the screen needs {screen_hint.width()}×{screen_hint.height()}"
    assert walk.window.statusBar().isVisible()
    assert walk.window.statusBar().geometry().bottom() < WINDOW_ROOM.height()


def test_every_dialog_fits_the_smallest_screen(walk: Walk) -> None:
    assert len(walk.dialogs) >= 6, sorted(walk.dialogs)
    for name, dialog in walk.dialogs.items():
        assert fits(dialog.minimumSizeHint()), f"{name} needs {dialog.minimumSizeHint()}"
        assert fits(dialog.size()), f"{name} opens at {dialog.size()}"


def _cut(root: QWidget, where: str, window: QWidget) -> list[str]:
    problems: list[str] = []
    for view in root.findChildren(QTableView):
        if not view.isVisibleTo(window) or view.model() is None:
            continue
        header = view.horizontalHeader()
        model = view.model()
        for col in range(model.columnCount(QModelIndex())):
            if header.isSectionHidden(col) or not header.isVisibleTo(window):
                continue
            if header.sectionSize(col) < header.sectionSizeHint(col):
                text = model.headerData(col, Qt.Orientation.Horizontal)
                problems.append(f"{where}: header «{text}» of {view.objectName()} is cut")
        if header.length() > view.viewport().width() + 1:
            problems.append(f"{where}: {view.objectName()} scrolls sideways")
    for combo in root.findChildren(QComboBox):
        if combo.isVisibleTo(window):
            need = combo.fontMetrics().horizontalAdvance(combo.currentText()) + 28
            if combo.width() < need:
                problems.append(f"{where}: filter «{combo.currentText()}» is cut")
    for button in root.findChildren(QPushButton):
        if button.isVisibleTo(window):
            need = button.fontMetrics().horizontalAdvance(button.text()) + 8
            if button.width() < need:
                problems.append(f"{where}: button «{button.text()}» is cut")
    return problems


def test_nothing_is_cut_and_nothing_scrolls_sideways(walk: Walk) -> None:
    problems: list[str] = []
    for where, screen in tabs_of(walk):
        problems += _cut(screen, where, walk.window)
    assert problems == []


def test_a_case_s_next_step_deadline_is_in_view_and_long_units_elide(walk: Walk) -> None:
    walk.window.show_screen_now("cases")
    _settle()
    table = walk.views["cases"].findChild(QTableView, "case_table")
    model = table.model()
    due = model.columnCount(QModelIndex()) - 1
    assert model.headerData(due, Qt.Orientation.Horizontal) == "مهلت مرحلهٔ بعد"
    header = table.horizontalHeader()
    left = header.sectionViewportPosition(due)
    assert left >= 0 and left + header.sectionSize(due) <= table.viewport().width()
    assert table.textElideMode() == Qt.TextElideMode.ElideRight
    unit = 4
    longest = max(range(model.rowCount(QModelIndex())), key=lambda r: len(model.index(r, unit).data()))
    text = model.index(longest, unit).data()
    assert table.fontMetrics().horizontalAdvance(text) > header.sectionSize(unit)  # shown cut short
    assert model.index(longest, unit).data(Qt.ItemDataRole.ToolTipRole) in (
        text, model.index(longest, 0).data(Qt.ItemDataRole.ToolTipRole)
    )


def _needs_tooltip(button: QAbstractButton) -> bool:
    """Our buttons: not the OK/Cancel of a dialog button box (Qt's own words), not Qt's inner
    buttons of a tab bar or a line edit's clear button."""
    if not isinstance(button, QPushButton | QToolButton):
        return False
    parent = button.parentWidget()
    while parent is not None:
        if isinstance(parent, QDialogButtonBox | QTabBar | QLineEdit):
            return False
        parent = parent.parentWidget()
    return True


def test_every_button_has_a_tooltip(walk: Walk) -> None:
    roots: list[tuple[str, QWidget]] = [*walk.views.items(), *walk.dialogs.items()]
    missing = []
    for where, root in roots:
        for button in root.findChildren(QAbstractButton):
            if _needs_tooltip(button) and not button.toolTip().strip():
                missing.append(f"{where}: «{button.text()}» ({button.objectName()})")
    assert missing == []
    assert any(isinstance(d, QDialog) for d in walk.dialogs.values())
