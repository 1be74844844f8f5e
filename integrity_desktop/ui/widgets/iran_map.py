"""The map of Iran's provinces in a QGraphicsScene: each province a path item coloured by the
shared scale (``integrity_desktop.iran_map``), its name and value on hover, a click reports its
office code.  The legend is a separate widget (Persian, right to left)."""

from __future__ import annotations

from collections.abc import Callable, Mapping

from PySide6.QtCore import QCoreApplication, QPointF, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QPainter, QPainterPath, QPen
from PySide6.QtWidgets import (
    QFrame,
    QGraphicsPathItem,
    QGraphicsScene,
    QGraphicsSceneHoverEvent,
    QGraphicsSceneMouseEvent,
    QGraphicsView,
    QHBoxLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from integrity_desktop import iran_map
from integrity_desktop.ui.widgets import palette


def painter_path(segments: tuple[iran_map.Segment, ...]) -> QPainterPath:
    path = QPainterPath()
    for seg in segments:
        op, nums = seg[0], [float(v) for v in seg[1:]]  # type: ignore[arg-type]
        if op == "M":
            path.moveTo(nums[0], nums[1])
        elif op == "L":
            path.lineTo(nums[0], nums[1])
        elif op == "C":
            path.cubicTo(QPointF(nums[0], nums[1]), QPointF(nums[2], nums[3]), QPointF(nums[4], nums[5]))
        else:
            path.closeSubpath()
    return path


class ProvinceItem(QGraphicsPathItem):
    def __init__(self, shape: iran_map.ProvinceShape, view: IranMapView) -> None:
        super().__init__(painter_path(shape.segments))
        self.code = shape.code
        self.name_fa = shape.name_fa
        self.view = view
        self.setAcceptHoverEvents(True)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setPen(QPen(QColor(palette.OUTLINE), 0.8))
        self.colour = iran_map.NO_DATA_COLOUR

    def set_colour(self, colour: str) -> None:
        self.colour = colour
        self.setBrush(QBrush(QColor(colour)))

    def hoverEnterEvent(self, event: QGraphicsSceneHoverEvent) -> None:
        self.setPen(QPen(QColor(palette.BLACK), 2.2))
        self.view.hovered.emit(self.code)
        super().hoverEnterEvent(event)

    def hoverLeaveEvent(self, event: QGraphicsSceneHoverEvent) -> None:
        self.setPen(QPen(QColor(palette.OUTLINE), 0.8))
        super().hoverLeaveEvent(event)

    def mousePressEvent(self, event: QGraphicsSceneMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            self.view.province_clicked.emit(self.code)
        super().mousePressEvent(event)


class IranMapView(QGraphicsView):
    """Signals: ``province_clicked(code)``, ``hovered(code)``."""

    province_clicked = Signal(str)
    hovered = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("iran_map")
        self.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        # the map is geography: never mirrored by the right-to-left layout
        self.setLayoutDirection(Qt.LayoutDirection.LeftToRight)
        self.scene_ = QGraphicsScene(self)
        shapes = iran_map.shapes()
        for water in shapes.water:
            edge = QPen(QColor(palette.WATER_EDGE), 1.0)
            edge.setCosmetic(True)  # one pixel whatever the zoom
            item = self.scene_.addPath(painter_path(water), edge, QBrush(Qt.BrushStyle.NoBrush))
            item.setZValue(-1)
        self.items_by_code: dict[str, ProvinceItem] = {}
        for shape in shapes.provinces.values():
            item = ProvinceItem(shape, self)
            item.set_colour(iran_map.NO_DATA_COLOUR)
            self.scene_.addItem(item)
            self.items_by_code[shape.code] = item
        x0, y0, x1, y1 = shapes.bbox
        self.scene_.setSceneRect(x0 - 5, y0 - 5, x1 - x0 + 10, y1 - y0 + 10)
        self.setScene(self.scene_)
        self.values: dict[str, float | None] = {}
        self.colour_scale: iran_map.Scale | None = None

    def set_values(self, values: Mapping[str, float | None], scale: iran_map.Scale,
                   text_of: Callable[[float | None], str], names: Mapping[str, str] | None = None) -> None:
        """Colour every province by ``values`` on ``scale``; tooltips «name: value»."""
        self.values = dict(values)
        self.colour_scale = scale
        for code, item in self.items_by_code.items():
            value = self.values.get(code)
            item.set_colour(scale.colour(value))
            name = (names or {}).get(code, item.name_fa)
            shown = text_of(value) if value is not None else QCoreApplication.translate("IranMap", "no figure")
            item.setToolTip(f"{name}: {shown}")

    def colour_of(self, code: str) -> str:
        return self.items_by_code[code].colour

    def resizeEvent(self, event: object) -> None:  # keep the whole country in view
        super().resizeEvent(event)  # type: ignore[arg-type]
        self.fitInView(self.scene_.sceneRect(), Qt.AspectRatioMode.KeepAspectRatio)

    def showEvent(self, event: object) -> None:
        super().showEvent(event)  # type: ignore[arg-type]
        self.fitInView(self.scene_.sceneRect(), Qt.AspectRatioMode.KeepAspectRatio)


class MapLegend(QWidget):
    """The scale's legend: a swatch and its Persian range per row, under a title."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("map_legend")
        self._lay = QVBoxLayout(self)
        self._lay.setContentsMargins(4, 4, 4, 4)
        self._lay.setSpacing(3)
        self.labels: list[tuple[str, str]] = []  # (colour, text) as shown, for tests

    def set_scale(self, title: str, scale: iran_map.Scale) -> None:
        while self._lay.count():
            child = self._lay.takeAt(0)
            widget = child.widget() if child is not None else None
            if widget is not None:
                widget.deleteLater()
        heading = QLabel(f"<b>{title}</b>")
        heading.setWordWrap(True)
        self._lay.addWidget(heading)
        self.labels = []
        for item in scale.legend():
            row = QWidget()
            h = QHBoxLayout(row)
            h.setContentsMargins(0, 0, 0, 0)
            swatch = QLabel()
            swatch.setFixedSize(18, 14)
            swatch.setStyleSheet(f"background: {item.colour}; border: 1px solid {palette.OUTLINE};")
            h.addWidget(swatch)
            h.addWidget(QLabel(item.label_fa), 1)
            self._lay.addWidget(row)
            self.labels.append((item.colour, item.label_fa))
        self._lay.addStretch(1)
