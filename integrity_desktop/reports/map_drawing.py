"""The map of Iran as a PDF flowable: the provinces' outlines drawn as vector paths (never a
picture), filled by the same colour scale as the app's map, with a Persian legend."""

from __future__ import annotations

from collections.abc import Mapping

from reportlab.lib import colors
from reportlab.platypus import Flowable

from integrity_desktop import colours, iran_map
from integrity_desktop.pdf.fonts import REGULAR, register_fonts
from integrity_desktop.pdf.textlayer import draw_text


class MapFlowable(Flowable):
    """The provinces coloured by ``values`` (office code -> value) on ``scale``, the legend at the
    left, its ``title`` above it."""

    def __init__(self, values: Mapping[str, float | None], scale: iran_map.Scale, title: str,
                 width: float, height: float, labels: Mapping[str, str] | None = None) -> None:
        super().__init__()
        register_fonts()  # usable in any document, not only a ReportDocument
        self.values = dict(values)
        # Printed, nothing hovers: each province's figure is written on it (office code -> text).
        self.labels = dict(labels or {})
        self.scale = scale
        self.title = title
        self.width = width
        self.height = height

    def wrap(self, aW: float, aH: float) -> tuple[float, float]:
        return self.width, self.height

    def _path(self, segments: tuple[iran_map.Segment, ...], k: float, ox: float, top: float) -> object:
        path = self.canv.beginPath()
        for seg in segments:
            op, nums = seg[0], [float(v) for v in seg[1:]]  # type: ignore[arg-type]
            pts = [(ox + nums[i] * k, top - nums[i + 1] * k) for i in range(0, len(nums), 2)]
            if op == "M":
                path.moveTo(*pts[0])
            elif op == "L":
                path.lineTo(*pts[0])
            elif op == "C":
                path.curveTo(*pts[0], *pts[1], *pts[2])
            else:
                path.close()
        return path

    def draw(self) -> None:
        c = self.canv
        shapes = iran_map.shapes()
        legend_w = 130.0
        x0, y0, x1, y1 = shapes.bbox
        room_w = self.width - legend_w - 10
        k = min(room_w / (x1 - x0), self.height / (y1 - y0))
        ox = legend_w + 10 + (room_w - (x1 - x0) * k) / 2 - x0 * k
        top = self.height + y0 * k
        c.saveState()
        c.setLineWidth(0.4)
        c.setStrokeColor(colors.HexColor(colours.MAP_WATER_EDGE))
        for water in shapes.water:
            c.drawPath(self._path(water, k, ox, top), stroke=1, fill=0)
        c.setStrokeColor(colors.HexColor(colours.MAP_OUTLINE))
        for code, shape in shapes.provinces.items():
            c.setFillColor(colors.HexColor(self.scale.colour(self.values.get(code))))
            c.drawPath(self._path(shape.segments, k, ox, top), stroke=1, fill=1)
        for code, text in self.labels.items():
            where = shapes.provinces.get(code)
            if where is None or not text:
                continue
            cx, cy = where.centre
            x, y = ox + cx * k, top - cy * k - 2.5
            # a white halo keeps the figure readable on the darkest colour of the scale
            c.setFillColor(colors.Color(1, 1, 1, alpha=0.75))
            c.roundRect(x - 13, y - 2, 26, 9, 2, stroke=0, fill=1)
            c.setFillColor(colors.black)
            draw_text(c, x, y, text, REGULAR, 6.5, align="center")
        # the legend, right-aligned text beside its swatch
        c.setFillColor(colors.black)
        y = self.height - 12
        draw_text(c, legend_w, y, self.title, REGULAR, 8)
        for item in self.scale.legend():
            y -= 14
            c.setFillColor(colors.HexColor(item.colour))
            c.setStrokeColor(colors.HexColor(colours.MAP_OUTLINE))
            c.rect(legend_w - 12, y - 1, 12, 9, stroke=1, fill=1)
            c.setFillColor(colors.black)
            draw_text(c, legend_w - 16, y, item.label_fa, REGULAR, 8)
        c.restoreState()
