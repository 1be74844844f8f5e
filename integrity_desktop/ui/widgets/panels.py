"""How the screens put parts together: a panel holding a few parts edge to edge (a title or a
filter row over a table, say), a tab's page (a button row over a table), and a splitter between
two panes (a list and its detail)."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QBoxLayout, QHBoxLayout, QLayout, QSplitter, QVBoxLayout, QWidget

Part = QWidget | QLayout | tuple[QWidget | QLayout, int]


def panel(*parts: Part, horizontal: bool = False) -> QWidget:
    """A widget holding ``parts`` top to bottom (side by side when ``horizontal``) with no margin
    of its own; a part given as ``(part, n)`` takes share ``n`` of the room left over."""
    box = QWidget()
    layout = QHBoxLayout(box) if horizontal else QVBoxLayout(box)
    layout.setContentsMargins(0, 0, 0, 0)
    _fill(layout, parts)
    return box


def tab_page(*parts: Part) -> QWidget:
    """A tab's page: ``parts`` top to bottom with the usual margins round them; a part given as
    ``(part, n)`` takes share ``n`` of the room left over."""
    box = QWidget()
    _fill(QVBoxLayout(box), parts)
    return box


def _fill(layout: QBoxLayout, parts: Sequence[Part]) -> None:
    for part in parts:
        item, stretch = part if isinstance(part, tuple) else (part, 0)
        if isinstance(item, QLayout):
            layout.addLayout(item, stretch)
        else:
            layout.addWidget(item, stretch)


def split(
    orientation: Qt.Orientation, *panes: QWidget, stretch: Sequence[int] = (), sizes: Sequence[int] = ()
) -> QSplitter:
    """``panes`` in a splitter the person can drag; pane ``i`` grows by share ``stretch[i]`` when
    the splitter does, and ``sizes`` (pixels) is where the handles start."""
    splitter = QSplitter(orientation)
    for pane in panes:
        splitter.addWidget(pane)
    for index, factor in enumerate(stretch):
        splitter.setStretchFactor(index, factor)
    if sizes:
        splitter.setSizes(list(sizes))
    return splitter
