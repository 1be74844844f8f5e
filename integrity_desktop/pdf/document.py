"""The one page layout every report of the app uses, so that all PDFs look alike.

``ReportDocument`` collects right-to-left content (headings, paragraphs, key/value blocks,
tables, signature boxes) and writes an A4 PDF with the organisation's header on every page and
a «صفحه ۳ از ۹» footer.  Callers give text in logical order and columns in logical
(right-to-left) order; shaping, reordering and mirroring the table happen here.
"""

from __future__ import annotations

import dataclasses
import datetime as _dt
import functools
import os
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.pagesizes import landscape as _landscape
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    BaseDocTemplate,
    CondPageBreak,
    Flowable,
    Frame,
    KeepTogether,
    PageBreak,
    PageTemplate,
    Spacer,
    Table,
    TableStyle,
)

from integrity_desktop import atomic
from integrity_desktop.digits import format_number, to_persian_digits
from integrity_desktop.jalali import format_date, format_datetime
from integrity_desktop.pdf.fonts import BOLD, REGULAR, register_fonts
from integrity_desktop.pdf.shaping import logical_lines
from integrity_desktop.pdf.textlayer import draw_text, text_width

ORGANISATION = "سازمان آموزش فنی و حرفه‌ای کشور"
APP_NAME = "سامانه سلامت اداری"
NOTHING_TO_SHOW = "موردی برای نمایش نیست."  # an empty table's one row

Align = Literal["right", "center", "left"]

INK = colors.HexColor("#1f2a37")
RULE = colors.HexColor("#8a94a3")
HEADER_FILL = colors.HexColor("#dfe6ef")
ZEBRA_FILL = colors.HexColor("#f3f5f8")
MUTED = colors.HexColor("#5b6572")

_MARGIN_X = 15 * mm
_MARGIN_TOP = 10 * mm
_MARGIN_BOTTOM = 10 * mm
_FOOTER_HEIGHT = 10 * mm
_CELL_PAD = 4.0
_HEADING_SIZES = {1: 13.0, 2: 11.5}


# --------------------------------------------------------------------------- cell kinds


@dataclass(frozen=True)
class Column:
    """A table column, given in logical (right-to-left) order.

    ``width`` is a share of the table width (the widths are scaled to fill the frame), so the
    same column list works in portrait and landscape.
    """

    label: str
    width: float = 1.0
    align: Align = "right"


@dataclass(frozen=True)
class Cell:
    """A cell value with its own look: bold, aligned, shaded or coloured."""

    value: Any
    bold: bool = False
    align: Align | None = None
    background: colors.Color | None = None
    color: colors.Color | None = None


@dataclass(frozen=True)
class CheckBox:
    """A check box drawn as a shape (Vazirmatn has no ☐/☑), with an optional label to its left."""

    checked: bool = False
    label: str = ""


@dataclass(frozen=True)
class Choices:
    """Several labelled boxes in one cell, e.g. «بله ☐ خیر ☐»; ``selected`` is ticked."""

    options: tuple[str, ...]
    selected: str | None = None


@dataclass(frozen=True)
class WriteHere:
    """Empty ruled lines for a blank form, to be filled in by hand."""

    lines: int = 1


CellValue = Any  # str | int | float | date | datetime | None | Cell | CheckBox | Choices | WriteHere


def cell_text(value: Any) -> str:
    """The Persian text for a plain value: Persian digits, Jalali dates, "" for None."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "بله" if value else "خیر"
    if isinstance(value, _dt.datetime):
        return format_datetime(value)
    if isinstance(value, _dt.date):
        return format_date(value)
    if isinstance(value, int | float):
        return format_number(value, 0 if isinstance(value, int) else 2)
    return to_persian_digits(str(value))


@dataclass(frozen=True)
class _TableSpec:
    """What ``ReportDocument.table`` was given, so a table can be cut and built again."""

    columns: tuple[Column | tuple[str, float], ...]
    rows: tuple[tuple[CellValue, ...], ...]
    font_size: float
    zebra: bool
    empty_text: str
    title: str | None
    title_size: float


class _SpecTable(Table):
    """A ReportLab table that remembers the spec it was built from."""

    def __init__(self, data: Any, *args: Any, spec: _TableSpec | None = None, **kwargs: Any) -> None:
        super().__init__(data, *args, **kwargs)  # ReportLab's split calls it without a spec
        self.spec = spec


# --------------------------------------------------------------------------- drawn flowables


def _draw_box(canv: Canvas, x: float, y: float, size: float, checked: bool) -> None:
    """A square with bottom-left corner (x, y), with a tick when ``checked``."""
    canv.saveState()
    canv.setStrokeColor(INK)
    canv.setLineWidth(0.8)
    canv.rect(x, y, size, size, stroke=1, fill=0)
    if checked:
        canv.setLineWidth(1.4)
        path = canv.beginPath()
        path.moveTo(x + size * 0.18, y + size * 0.52)
        path.lineTo(x + size * 0.42, y + size * 0.22)
        path.lineTo(x + size * 0.84, y + size * 0.84)
        canv.drawPath(path, stroke=1, fill=0)
    canv.restoreState()


class _BoxRow(Flowable):
    """Labelled check boxes laid out right to left: box, then its label to the left."""

    def __init__(self, items: Sequence[tuple[str, bool]], font_size: float) -> None:
        super().__init__()
        self.items = list(items)
        self.font_size = font_size
        self.box = font_size * 0.95
        self.gap = font_size * 0.4

    def _label_width(self, label: str) -> float:
        return text_width(label, REGULAR, self.font_size) if label else 0.0

    def wrap(self, aW: float, aH: float) -> tuple[float, float]:
        natural = sum(self.box + self.gap * 3 + self._label_width(t) for t, _ in self.items)
        self.width = min(aW, natural)
        self.height = self.font_size * 1.6
        return self.width, self.height

    def draw(self) -> None:
        x = self.width
        y_box = (self.height - self.box) / 2
        self.canv.setFont(REGULAR, self.font_size)
        self.canv.setFillColor(INK)
        for label, checked in self.items:
            x -= self.box
            _draw_box(self.canv, x, y_box, self.box, checked)
            x -= self.gap
            if label:
                draw_text(self.canv, x, y_box + self.box * 0.12, label, REGULAR, self.font_size)
                x -= self._label_width(label) + self.gap * 2


class _WriteLines(Flowable):
    """Dotted lines across the cell for handwriting."""

    def __init__(self, lines: int, spacing: float) -> None:
        super().__init__()
        self.lines = max(1, lines)
        self.spacing = spacing

    def wrap(self, aW: float, aH: float) -> tuple[float, float]:
        self.width = aW
        self.height = self.lines * self.spacing
        return self.width, self.height

    def draw(self) -> None:
        self.canv.saveState()
        self.canv.setStrokeColor(RULE)
        self.canv.setLineWidth(0.5)
        self.canv.setDash(1, 2)
        for i in range(self.lines):
            y = self.height - (i + 1) * self.spacing + 3
            self.canv.line(0, y, self.width, y)
        self.canv.restoreState()


class _ShapedText(Flowable):
    """Right-to-left text drawn line by line: lines from ``shaping.logical_lines``, each
    drawn by ``textlayer.draw_text`` (shaped glyphs plus the text layer readers extract).

    It lays out like a ``Paragraph`` of the same font, size and leading (size x 1.55, first
    baseline one font size under the top, nothing drawn for empty text) but skips ReportLab's
    markup parser and second line breaking: the lines are already broken.
    """

    def __init__(
        self,
        text: str,
        size: float,
        bold: bool = False,
        align: Align = "right",
        color: colors.Color = INK,
        lines: tuple[str, ...] | None = None,
    ) -> None:
        super().__init__()
        self.text = text
        self.size = size
        self.font = BOLD if bold else REGULAR
        self.align = align
        self.color = color
        self.leading = size * 1.55
        self._fixed = lines  # set for the parts of a split, which keep their lines
        self.lines: tuple[str, ...] = lines or ()

    def wrap(self, aW: float, aH: float) -> tuple[float, float]:
        if self._fixed is None:
            self.lines = logical_lines(self.text, self.font, self.size, aW)
        self.width = aW
        self.height = len(self.lines) * self.leading
        return self.width, self.height

    def split(self, aW: float, aH: float) -> list[Flowable]:
        """Across a page break, like a Paragraph without orphans: at least two lines first."""
        self.wrap(aW, aH)
        fits = int((aH + 1e-6) // self.leading)
        if fits < 2 or fits >= len(self.lines):
            return []
        parts = self.lines[:fits], self.lines[fits:]
        bold = self.font == BOLD
        return [_ShapedText(self.text, self.size, bold, self.align, self.color, p) for p in parts]

    def draw(self) -> None:
        if not self.lines:
            return
        canv = self.canv
        canv.setFillColor(self.color)
        anchor = {"right": self.width, "center": self.width / 2, "left": 0.0}[self.align]
        y = self.height - self.size
        for line in self.lines:
            draw_text(canv, anchor, y, line, self.font, self.size, self.align)
            y -= self.leading


# --------------------------------------------------------------------------- page furniture


@dataclass(frozen=True)
class _Furniture:
    """What is drawn on every page: header lines and footer texts (logical text)."""

    organisation: str
    title: str
    field_lines: tuple[str, ...]
    printed: str
    page_size: tuple[float, float]

    @property
    def header_height(self) -> float:
        return 12 + 20 + 14 * len(self.field_lines) + 10

    def draw_header(self, canv: Canvas, _doc: object = None) -> None:
        width, height = self.page_size
        right = width - _MARGIN_X
        y = height - _MARGIN_TOP - 10
        canv.saveState()
        canv.setFillColor(MUTED)
        draw_text(canv, width / 2, y, self.organisation, BOLD, 10, "center")
        y -= 20
        canv.setFillColor(INK)
        draw_text(canv, width / 2, y, self.title, BOLD, 14, "center")
        for line in self.field_lines:
            y -= 14
            draw_text(canv, right, y, line, REGULAR, 9)
        y -= 7
        canv.setStrokeColor(RULE)
        canv.setLineWidth(0.7)
        canv.line(_MARGIN_X, y, right, y)
        canv.restoreState()

    def draw_footer(self, canv: Canvas, page: int, total: int) -> None:
        width, _ = self.page_size
        right = width - _MARGIN_X
        y = _MARGIN_BOTTOM
        canv.saveState()
        canv.setStrokeColor(RULE)
        canv.setLineWidth(0.5)
        canv.line(_MARGIN_X, y + 12, right, y + 12)
        canv.setFillColor(MUTED)
        number = to_persian_digits(f"صفحه {page} از {total}")
        draw_text(canv, width / 2, y, number, REGULAR, 8.5, "center")
        draw_text(canv, right, y, self.printed, REGULAR, 8.5)
        draw_text(canv, _MARGIN_X, y, APP_NAME, REGULAR, 8.5, "left")
        canv.restoreState()


class _NumberedCanvas(Canvas):
    """Keeps every page until ``save`` so the footer can say how many pages there are."""

    def __init__(
        self, *args: Any, furniture: _Furniture, text_log: list[Any] | None = None, **kwargs: Any
    ) -> None:
        super().__init__(*args, **kwargs)
        self._furniture = furniture
        self._pages: list[dict[str, Any]] = []
        self.text_log = text_log

    def showPage(self) -> None:
        self._pages.append(dict(self.__dict__))
        self._startPage()

    def save(self) -> None:
        total = len(self._pages)
        for number, state in enumerate(self._pages, start=1):
            self.__dict__.update(state)
            self._furniture.draw_footer(self, number, total)
            super().showPage()
        super().save()


# --------------------------------------------------------------------------- the document



# What to do when the file cannot be written (atomic.write_failed says where and why).
_PDF_ADVICE = (
    "پوشهٔ دیگری برگزینید یا مطمئن شوید "
    "فایل در برنامهٔ دیگری باز نیست و دیسک جا دارد."
)

class ReportDocument:
    """An A4 right-to-left report: add content in reading order, then ``build(path)`` once.

    ``header_fields`` are (key, value) pairs shown under the title on every page, e.g.
    [("اداره", "…"), ("دوره", "مهر ۱۴۰۳")].  Values may be dates or numbers.
    """

    def __init__(
        self,
        title: str,
        header_fields: Sequence[tuple[str, Any]] = (),
        *,
        landscape: bool = False,
        organisation: str = ORGANISATION,
        printed_at: _dt.datetime | None = None,
    ) -> None:
        register_fonts()
        self.title = title
        self.page_size: tuple[float, float] = _landscape(A4) if landscape else A4
        self.width = self.page_size[0] - 2 * _MARGIN_X
        printed = format_datetime(printed_at or _dt.datetime.now())
        self._furniture = _Furniture(
            organisation=organisation,
            title=title,
            field_lines=tuple(self._field_lines(header_fields)),
            printed=f"تاریخ چاپ: {printed}",
            page_size=self.page_size,
        )
        self._story: list[Flowable] = []
        self._pending_heading: tuple[str, int] | None = None

    def _field_lines(self, fields: Sequence[tuple[str, Any]]) -> list[str]:
        """Header fields as «کلید: مقدار» separated by wide gaps, wrapped to the page width."""
        text = "\u2003\u2003".join(f"{key}: {cell_text(value)}" for key, value in fields)
        return list(logical_lines(text, REGULAR, 9, self.width)) if text else []

    # ----------------------------------------------------------------- styles

    def _para(
        self,
        text: str,
        width: float,
        size: float,
        bold: bool = False,
        align: Align = "right",
        color: colors.Color = INK,
    ) -> Flowable:
        """Shaped text for a cell or the page; ``width`` is what it is laid out in (informative:
        the lines are broken for the width ``wrap`` is given, which is the same)."""
        del width
        return _ShapedText(text, size, bold, align, color)

    # ----------------------------------------------------------------- content

    def heading(self, text: str, level: int = 1) -> None:
        """A bold section heading that stays on the page of what follows it.

        A heading directly followed by a table becomes the table's title row, which repeats
        with the header row on every page the table continues on.
        """
        self._flush_heading()
        self._pending_heading = (text, level)

    def _flush_heading(self) -> None:
        pending, self._pending_heading = self._pending_heading, None
        if pending is None:
            return
        text, level = pending
        size = _HEADING_SIZES.get(level, 10.5)
        para = self._para(text, self.width, size, bold=True)
        after = Spacer(1, 3)
        # ReportLab keeps a flowable with the next one only: the spacer must pass it on
        para.keepWithNext = after.keepWithNext = True
        self._story += [Spacer(1, 4 if level > 1 else 8), para, after]

    def paragraph(self, text: str, size: float = 10.0, align: Align = "right") -> None:
        """Running text, wrapped right to left; newlines start new lines."""
        self._flush_heading()
        self._story += [self._para(text, self.width, size, align=align), Spacer(1, 4)]

    def page_break(self) -> None:
        self._flush_heading()
        self._story.append(PageBreak())

    def add(self, flowable: Flowable) -> None:
        """Escape hatch for a ReportLab flowable the helpers do not cover."""
        self._flush_heading()
        self._story.append(flowable)

    def fields(self, pairs: Sequence[tuple[str, Any]], per_row: int = 2, size: float = 10.0) -> None:
        """A key/value block: bold keys, wrapped values, ``per_row`` pairs on each line."""
        self._flush_heading()
        per_row = max(1, per_row)
        key_w = self.width / per_row * 0.35
        val_w = self.width / per_row - key_w
        rows: list[list[Flowable | str]] = []
        for start in range(0, len(pairs), per_row):
            logical: list[Flowable | str] = []
            for key, value in pairs[start : start + per_row]:
                logical.append(self._para(f"{key}:", key_w - 2 * _CELL_PAD, size, bold=True))
                logical.append(self._para(cell_text(value), val_w - 2 * _CELL_PAD, size))
            logical += [""] * (2 * per_row - len(logical))
            rows.append(logical[::-1])
        if not rows:
            return
        table = Table(rows, colWidths=[val_w, key_w] * per_row, hAlign="RIGHT")
        table.setStyle(TableStyle([*self._padding(), ("VALIGN", (0, 0), (-1, -1), "TOP")]))
        self._story += [table, Spacer(1, 6)]

    def table(
        self,
        columns: Sequence[Column | tuple[str, float]],
        rows: Iterable[Sequence[CellValue]],
        *,
        font_size: float = 9.0,
        zebra: bool = True,
        empty_text: str = NOTHING_TO_SHOW,
        title: str | None = None,
        title_size: float = 11.0,
    ) -> None:
        """A bordered table; ``columns`` and each row in logical order (first = rightmost).

        Cells wrap inside their width, the header row repeats on every page, and rows are
        shaded alternately.  A cell may be a plain value or a ``Cell``, ``CheckBox``,
        ``Choices`` or ``WriteHere``.  ``title`` (an axis heading, say) is the table's first
        row: it repeats with the header row on every page the table continues on, and can
        never stay alone at the foot of a page (a table splits after a data row only).
        """
        if title is None and self._pending_heading is not None:
            title, level = self._pending_heading
            self._pending_heading = None
            title_size = _HEADING_SIZES.get(level, 10.5)
            self._story.append(Spacer(1, 4 if level > 1 else 8))
        self._flush_heading()
        spec = _TableSpec(tuple(columns), tuple(tuple(r) for r in rows), font_size, zebra, empty_text,
                          title, title_size)
        self._story += [self._make_table(spec), Spacer(1, 6)]

    def _make_table(self, spec: _TableSpec) -> _SpecTable:
        columns, rows, font_size, zebra, empty_text = (spec.columns, spec.rows, spec.font_size,
                                                       spec.zebra, spec.empty_text)
        cols = [c if isinstance(c, Column) else Column(c[0], c[1]) for c in columns]
        total = sum(c.width for c in cols) or 1.0
        widths = [self.width * c.width / total for c in cols]
        n = len(cols)
        header = [
            self._para(c.label, w - 2 * _CELL_PAD, font_size, bold=True, align="center")
            for c, w in zip(cols, widths, strict=True)
        ]
        data: list[list[Any]] = [header[::-1]]
        commands: list[tuple[Any, ...]] = []
        top = 0
        if spec.title:
            title = self._para(spec.title, self.width - 2 * _CELL_PAD, spec.title_size, bold=True)
            data.insert(0, [title] + [""] * (n - 1))
            commands += [("SPAN", (0, 0), (-1, 0)), ("BACKGROUND", (0, 0), (-1, 0), colors.white),
                         ("BOTTOMPADDING", (0, 0), (-1, 0), 5), ("TOPPADDING", (0, 0), (-1, 0), 6)]
            top = 1
        for r, row in enumerate(rows, start=1 + top):
            values = list(row)[:n] + [None] * (n - len(row))
            logical = []
            for i, (value, col, width) in enumerate(zip(values, cols, widths, strict=True)):
                logical.append(self._cell(value, col, width, font_size))
                commands += self._cell_commands(value, n - 1 - i, r)
            data.append(logical[::-1])
        if len(data) == 1 + top and empty_text:
            data.append(
                [self._para(empty_text, self.width - 2 * _CELL_PAD, font_size, align="center")]
                + [""] * (n - 1)
            )
            commands.append(("SPAN", (0, 1 + top), (-1, 1 + top)))
        table = _SpecTable(data, colWidths=widths[::-1], repeatRows=1 + top, hAlign="RIGHT", spec=spec)
        table.setStyle(TableStyle(self._table_style(zebra, top) + commands))
        return table

    def _cell(self, value: CellValue, col: Column, width: float, size: float) -> Any:
        inner = width - 2 * _CELL_PAD
        if isinstance(value, CheckBox):
            return _BoxRow([(value.label, value.checked)], size)
        if isinstance(value, Choices):
            return _BoxRow([(o, o == value.selected) for o in value.options], size)
        if isinstance(value, WriteHere):
            return _WriteLines(value.lines, size * 2.0)
        if isinstance(value, Cell):
            color = value.color if value.color is not None else INK
            return self._para(
                cell_text(value.value), inner, size, value.bold, value.align or col.align, color
            )
        return self._para(cell_text(value), inner, size, align=col.align)

    @staticmethod
    def _cell_commands(value: CellValue, col: int, row: int) -> list[tuple[Any, ...]]:
        at = ((col, row), (col, row))
        commands: list[tuple[Any, ...]] = []
        if isinstance(value, CheckBox | Choices):
            commands.append(("ALIGN", *at, "RIGHT"))
        if isinstance(value, Cell) and value.background is not None:
            commands.append(("BACKGROUND", *at, value.background))
        return commands

    @staticmethod
    def _padding() -> list[tuple[Any, ...]]:
        return [
            ("LEFTPADDING", (0, 0), (-1, -1), _CELL_PAD),
            ("RIGHTPADDING", (0, 0), (-1, -1), _CELL_PAD),
            ("TOPPADDING", (0, 0), (-1, -1), 2),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
        ]

    def _table_style(self, zebra: bool, top: int = 0) -> list[tuple[Any, ...]]:
        style = [
            *self._padding(),
            ("GRID", (0, top), (-1, -1), 0.5, RULE),
            ("BOX", (0, top), (-1, -1), 0.8, INK),
            ("BACKGROUND", (0, top), (-1, top), HEADER_FILL),
            ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ]
        if zebra:
            style.append(("ROWBACKGROUNDS", (0, top + 1), (-1, -1), [colors.white, ZEBRA_FILL]))
        return style

    def signatures(self, labels: Sequence[str], note: str = "نام، امضا و تاریخ") -> None:
        """A row of signature boxes (first label on the right), kept on one page and never
        alone on it: it keeps the last rows of the table before it (or the flowable before
        it) with it, and they move to the next page together when they do not fit."""
        if not labels:
            return
        self._flush_heading()
        width = self.width / len(labels)
        cells = [
            [
                self._para(label, width - 2 * _CELL_PAD, 10, bold=True, align="center"),
                Spacer(1, 16 * mm),
                self._para(note, width - 2 * _CELL_PAD, 8, align="center"),
            ]
            for label in labels
        ]
        table = Table([cells[::-1]], colWidths=[width] * len(labels), hAlign="RIGHT")
        table.setStyle(
            TableStyle(
                [
                    *self._padding(),
                    ("GRID", (0, 0), (-1, -1), 0.6, RULE),
                    ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ]
            )
        )
        self._story += [KeepTogether([*self._pop_tail(), Spacer(1, 8), table])]

    def _pop_tail(self, rows: int = 2) -> list[Flowable]:
        """Take the end of the story that must stay with what follows: the last ``rows`` rows
        of a table (the table is cut in two; the tail repeats its title and header), or the
        last flowable."""
        while self._story and isinstance(self._story[-1], Spacer):
            self._story.pop()
        if not self._story:
            return []
        last = self._story.pop()
        if isinstance(last, PageBreak | CondPageBreak):  # an explicit break stays where it is
            self._story.append(last)
            return []
        if isinstance(last, _SpecTable) and last.spec is not None and len(last.spec.rows) > rows:
            spec = last.spec
            self._story.append(self._make_table(dataclasses.replace(spec, rows=spec.rows[:-rows])))
            return [self._make_table(dataclasses.replace(spec, rows=spec.rows[-rows:]))]
        return [last]

    # ----------------------------------------------------------------- output

    def _template(self, target: str) -> BaseDocTemplate:
        top = _MARGIN_TOP + self._furniture.header_height
        bottom = _MARGIN_BOTTOM + _FOOTER_HEIGHT + 4
        frame = Frame(
            _MARGIN_X,
            bottom,
            self.width,
            self.page_size[1] - top - bottom,
            leftPadding=0,
            rightPadding=0,
            topPadding=0,
            bottomPadding=0,
            id="body",
        )
        doc = BaseDocTemplate(
            target,
            pagesize=self.page_size,
            title=self.title,
            author=ORGANISATION,
            creator=APP_NAME,
            leftMargin=_MARGIN_X,
            rightMargin=_MARGIN_X,
            topMargin=top,
            bottomMargin=bottom,
        )
        doc.addPageTemplates([PageTemplate(id="page", frames=[frame], onPage=self._furniture.draw_header)])
        return doc

    def build(self, path: str | os.PathLike[str], *, text_log: list[Any] | None = None) -> Path:
        """Write the PDF to ``path`` atomically: a temporary file in the same folder, then a rename.

        A failure leaves no file (and no half-written PDF) at ``path``.  Problems of the disk or
        folder become a ``UserError``; anything else is a bug and propagates.  ``text_log``, if
        given, receives a ``textlayer.DrawnLine`` for every line drawn (tests read them back).
        """
        self._flush_heading()
        target = Path(path)
        canvasmaker: Callable[..., Canvas] = functools.partial(
            _NumberedCanvas, furniture=self._furniture, text_log=text_log
        )
        try:
            with atomic.replacing(target, ".pdf.tmp") as tmp:
                self._template(str(tmp)).build(list(self._story), canvasmaker=canvasmaker)
        except OSError as exc:
            raise atomic.write_failed(target, exc, _PDF_ADVICE) from exc
        return target

