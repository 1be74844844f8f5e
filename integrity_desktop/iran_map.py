"""The map of Iran's 31 provinces as data: outlines, and the colour scale with its Persian legend.

Pure Python (no Qt, no ReportLab): the app's map widget and the national report's PDF map both
draw these outlines, coloured by the same ``Scale``, so a province has the same colour on the
screen and on paper.  The outlines are ``resources/map/iran-provinces.svg`` (react-iran-map,
MIT; ids are the offices catalogue's codes, see ``resources/map/README.md``).
"""

from __future__ import annotations

import math
import re
import xml.etree.ElementTree as ET
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from functools import cache

from integrity_desktop import colours
from integrity_desktop.resources import resource_path

SVG_NAME = "iran-provinces.svg"
SVG_NS = "{http://www.w3.org/2000/svg}"

# An absolute segment: ("M", x, y), ("L", x, y), ("C", x1, y1, x2, y2, x, y) or ("Z",).
Segment = tuple[object, ...]


@dataclass(frozen=True)
class ProvinceShape:
    code: str
    name_fa: str
    d: str  # the SVG path data as stored
    segments: tuple[Segment, ...]
    bbox: tuple[float, float, float, float]  # min x, min y, max x, max y (SVG units, y down)

    @property
    def centre(self) -> tuple[float, float]:
        x0, y0, x1, y1 = self.bbox
        return (x0 + x1) / 2, (y0 + y1) / 2


@dataclass(frozen=True)
class MapShapes:
    provinces: dict[str, ProvinceShape]
    water: tuple[tuple[Segment, ...], ...]
    bbox: tuple[float, float, float, float]  # of every province


_TOKEN = re.compile(r"[MmLlHhVvCcSsQqZz]|-?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?")


def parse_path(d: str) -> tuple[Segment, ...]:
    """SVG path data (M L H V C S Z, absolute and relative) as absolute segments."""
    tokens = _TOKEN.findall(d)
    out: list[Segment] = []
    i = 0
    cmd = ""
    x = y = sx = sy = 0.0
    last_ctrl: tuple[float, float] | None = None

    def num() -> float:
        nonlocal i
        value = float(tokens[i])
        i += 1
        return value

    while i < len(tokens):
        if tokens[i].isalpha():
            cmd = tokens[i]
            i += 1
            if cmd in "Zz":
                out.append(("Z",))
                x, y = sx, sy
                last_ctrl = None
                continue
        rel = cmd.islower()
        c = cmd.upper()
        if c == "M":
            x, y = (x + num(), y + num()) if rel else (num(), num())
            sx, sy = x, y
            out.append(("M", x, y))
            cmd = "l" if rel else "L"  # further pairs are line-to
            last_ctrl = None
        elif c == "L":
            x, y = (x + num(), y + num()) if rel else (num(), num())
            out.append(("L", x, y))
            last_ctrl = None
        elif c == "H":
            x = x + num() if rel else num()
            out.append(("L", x, y))
            last_ctrl = None
        elif c == "V":
            y = y + num() if rel else num()
            out.append(("L", x, y))
            last_ctrl = None
        elif c in "CS":
            if c == "C":
                x1, y1 = num(), num()
                if rel:
                    x1, y1 = x + x1, y + y1
            else:  # the first control point mirrors the previous curve's second
                x1, y1 = (2 * x - last_ctrl[0], 2 * y - last_ctrl[1]) if last_ctrl else (x, y)
            x2, y2, ex, ey = num(), num(), num(), num()
            if rel:
                x2, y2, ex, ey = x + x2, y + y2, x + ex, y + ey
            out.append(("C", x1, y1, x2, y2, ex, ey))
            last_ctrl = (x2, y2)
            x, y = ex, ey
        elif c == "Q":  # a quadratic curve as the equivalent cubic
            qx, qy, ex, ey = num(), num(), num(), num()
            if rel:
                qx, qy, ex, ey = x + qx, y + qy, x + ex, y + ey
            out.append(("C", x + 2 / 3 * (qx - x), y + 2 / 3 * (qy - y),
                        ex + 2 / 3 * (qx - ex), ey + 2 / 3 * (qy - ey), ex, ey))
            last_ctrl = None
            x, y = ex, ey
        else:
            raise ValueError(f"unsupported path command {cmd!r}")
    return tuple(out)


def _bbox(segments: tuple[Segment, ...]) -> tuple[float, float, float, float]:
    xs: list[float] = []
    ys: list[float] = []
    for seg in segments:
        points = [float(v) for v in seg[1:]]  # type: ignore[arg-type]
        xs += points[0::2]
        ys += points[1::2]
    return min(xs), min(ys), max(xs), max(ys)


@cache
def shapes() -> MapShapes:
    """The outlines of the 31 provinces (by office code) and the water bodies."""
    root = ET.parse(resource_path("map", SVG_NAME)).getroot()
    provinces: dict[str, ProvinceShape] = {}
    water: list[tuple[Segment, ...]] = []
    for path in root.iter(f"{SVG_NS}path"):
        d = path.get("d", "")
        segments = parse_path(d)
        if path.get("class") == "water":
            water.append(segments)
            continue
        code = path.get("id", "")
        provinces[code] = ProvinceShape(code, path.get("data-name", ""), d, segments, _bbox(segments))
    boxes = [p.bbox for p in provinces.values()]
    bbox = (min(b[0] for b in boxes), min(b[1] for b in boxes), max(b[2] for b in boxes), max(b[3] for b in boxes))
    return MapShapes(provinces, tuple(water), bbox)


# --------------------------------------------------------------------------- the colour scale

NO_DATA_COLOUR = colours.MAP_NO_DATA
RAMP: tuple[str, ...] = colours.MAP_RAMP  # light to dark


@dataclass(frozen=True)
class LegendItem:
    colour: str
    low: float | None  # None: the «no figure» item
    high: float | None
    label_fa: str


@dataclass(frozen=True)
class Scale:
    """Equal steps between the smallest and the largest value; the darkest is the best (for a
    measure where less is better the ramp runs the other way)."""

    low: float
    high: float
    steps: int
    higher_better: bool
    formatter: Callable[[float], str]

    def step_of(self, value: float) -> int:
        if self.high <= self.low:
            return 0  # one value: the legend's one item
        k = int((value - self.low) / (self.high - self.low) * self.steps)
        return max(0, min(self.steps - 1, k))

    def colour(self, value: float | None) -> str:
        if value is None or not math.isfinite(value):
            return NO_DATA_COLOUR
        k = self.step_of(value)
        return RAMP[k if self.higher_better else self.steps - 1 - k]

    def legend(self) -> list[LegendItem]:
        """The legend in Persian, best first, then «بی‌داده»."""
        items = []
        width = (self.high - self.low) / self.steps if self.high > self.low else 0.0
        for k in range(self.steps):
            lo, hi = self.low + k * width, self.low + (k + 1) * width
            colour = RAMP[k if self.higher_better else self.steps - 1 - k]
            label = (f"{self.formatter(lo)} تا {self.formatter(hi)}" if width else self.formatter(self.low))
            items.append(LegendItem(colour, lo, hi, label))
            if not width:
                break
        items.reverse() if self.higher_better else None
        items.append(LegendItem(NO_DATA_COLOUR, None, None, "بی‌داده"))
        return items


def scale_for(values: Mapping[str, float | None], formatter: Callable[[float], str], *,
              higher_better: bool = True, steps: int = len(RAMP)) -> Scale:
    """The scale of a set of province values (empty: a scale of one step at 0)."""
    present = [v for v in values.values() if v is not None and math.isfinite(v)]
    low, high = (min(present), max(present)) if present else (0.0, 0.0)
    return Scale(low, high, steps, higher_better, formatter)
