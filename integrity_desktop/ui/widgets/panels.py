"""How the screens put parts together: parts laid out in a screen or a panel of its own (a title or a
filter row over a table, say), parts side by side in a row, a tab's page (a button row over a
table), and a splitter between two panes (a list and its detail)."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QBoxLayout, QHBoxLayout, QLayout, QSplitter, QVBoxLayout, QWidget

Part = QWidget | QLayout | tuple[QWidget | QLayout, int]


def lay_out(widget: QWidget, *parts: Part, horizontal: bool = False, margin: int | None = 0) -> QBoxLayout:
    """``parts`` laid out in ``widget`` itself, top to bottom (side by side when ``horizontal``),
    ``margin`` pixels from its edges (None: the style's usual margins); a part given as
    ``(part, n)`` takes share ``n`` of the room left over.  Returns the layout, for a part that
    comes later (a note only some roles see)."""
    layout = QHBoxLayout(widget) if horizontal else QVBoxLayout(widget)
    if margin is not None:
        layout.setContentsMargins(margin, margin, margin, margin)
    _add(layout, parts)
    return layout


def side_by_side(*parts: Part) -> QHBoxLayout:
    """``parts`` side by side in a row of their own, to go inside another layout (a filter row, a
    title beside its figures); a part given as ``(part, n)`` takes share ``n`` of the room left
    over."""
    row = QHBoxLayout()
    _add(row, parts)
    return row


def _add(layout: QBoxLayout, parts: Sequence[Part]) -> None:
    for part in parts:
        item, stretch = part if isinstance(part, tuple) else (part, 0)
        if isinstance(item, QLayout):
            layout.addLayout(item, stretch)
        else:
            layout.addWidget(item, stretch)


def panel(*parts: Part, horizontal: bool = False) -> QWidget:
    """A widget holding ``parts`` top to bottom (side by side when ``horizontal``) with no margin
    of its own; a part given as ``(part, n)`` takes share ``n`` of the room left over."""
    box = QWidget()
    lay_out(box, *parts, horizontal=horizontal)
    return box


def tab_page(*parts: Part) -> QWidget:
    """A tab's page: ``parts`` top to bottom with the usual margins round them; a part given as
    ``(part, n)`` takes share ``n`` of the room left over."""
    box = QWidget()
    lay_out(box, *parts, margin=None)
    return box


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
