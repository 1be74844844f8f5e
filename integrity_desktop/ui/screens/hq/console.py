"""HQ console: every province side by side.

The provinces table (latest bundle and its age, bundles that never arrived, quiet offices
highlighted, open corrective actions, cases by state) is fed page by page from
``sync.hq_console``; checklist completion per axis per province is computed off the GUI thread
and shown as a table and a QtCharts bar chart (drawn right to left by hand: QtCharts ignores
the layout direction); the indicators computed from records or with a target are shown per
province with their achievement, computed from each province's own records as it would
(every time the screen is shown).  Excel and PDF come from the ``hq-provinces`` report.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCharts import QBarCategoryAxis, QBarSet, QChart, QChartView, QHorizontalBarSeries
from PySide6.QtCore import QCoreApplication, QLocale, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor, QPainter
from PySide6.QtWidgets import QCheckBox, QHBoxLayout, QLabel, QTableView, QVBoxLayout, QWidget

from integrity_desktop import jalali
from integrity_desktop.indicators import display_code
from integrity_desktop.services.cases import lifecycle as lc
from integrity_desktop.services.checklists import scoring
from integrity_desktop.services.store import offices
from integrity_desktop.ui import text as ui_text
from integrity_desktop.ui.context import UiContext
from integrity_desktop.ui.screens.hq.frame import HqScreen
from integrity_desktop.ui.screens.sync.common import shown_datetime
from integrity_desktop.ui.tasks import run_task
from integrity_desktop.ui.text import shown_number
from integrity_desktop.ui.widgets import palette
from integrity_desktop.ui.widgets.buttons import push_button
from integrity_desktop.ui.widgets.combos import choice_combo
from integrity_desktop.ui.widgets.labels import text_label
from integrity_desktop.ui.widgets.panels import panel, split, tab_page
from integrity_desktop.ui.widgets.percent_axis import percent_axis
from integrity_desktop.ui.widgets.table_models import PagedTableModel, TableModel, plain_table

QUIET_COLOUR = palette.BAD_BG


def tr(text: str) -> str:
    return QCoreApplication.translate("HqConsoleScreen", text)


def percent(value: float | None) -> str:
    return ui_text.shown_percent(value)  # the one rounding rule (digits)


class ProvinceGridModel(TableModel):
    """Rows: provinces (code, short name); the first column names them, the others hold a figure
    each, centred.  A subclass sets the figure columns' headers and gives ``cell(row, col, role)``."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent, [QCoreApplication.translate("HqConsoleScreen", "Province")])
        self.rows: list[tuple[str, str]] = []  # (code, short name)

    @property
    def provinces(self) -> list[tuple[str, str]]:
        return self.rows

    def cell(self, row: int, col: int, role: int) -> Any:
        raise NotImplementedError

    def data(
        self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if not index.isValid():
            return None
        row, col = index.row(), index.column()
        if role == Qt.ItemDataRole.DisplayRole and col == 0:
            return self.rows[row][1]
        if role == Qt.ItemDataRole.TextAlignmentRole and col > 0:
            return Qt.AlignmentFlag.AlignCenter
        return self.cell(row, col, role)


class CompletionModel(ProvinceGridModel):
    """Rows: provinces; columns: the mean, then each axis (``AxisRow`` values from the service)."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.headers.append(QCoreApplication.translate("HqConsoleScreen", "Mean"))
        self.axes: list[Any] = []

    def set_data(self, provinces: list[tuple[str, str]], axes: list[Any]) -> None:
        with self.replacing():
            self.rows, self.axes = provinces, axes
            self.headers[2:] = [QCoreApplication.translate("HqConsoleScreen", "Axis {n}").format(n=shown_number(a.number))
                                for a in axes]

    def province_mean(self, code: str) -> float | None:
        return scoring.mean_completion(a.by_office.get(code) for a in self.axes)

    def cell(self, row: int, col: int, role: int) -> Any:
        code = self.rows[row][0]
        value = None if col == 0 else self.province_mean(code) if col == 1 else self.axes[col - 2].by_office.get(code)
        if role == Qt.ItemDataRole.DisplayRole:
            return percent(value)
        if role == Qt.ItemDataRole.BackgroundRole and col > 0 and value is not None:
            # pale red (low) to pale green (high)
            hue = int(120 * max(0.0, min(100.0, value)) / 100)
            return QBrush(QColor.fromHsv(hue, 60, 245))
        return None

    def header_tip(self, section: int) -> str | None:
        return self.axes[section - 2].title if section >= 2 else None


class IndicatorModel(ProvinceGridModel):
    """Rows: provinces; columns: indicators (``hq_console.IndicatorColumn``); cells coloured by
    achievement (green met, red not met), amber when changed since an approval."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.columns: list[Any] = []
        self.received: set[str] | None = None  # provinces whose bundles arrived (None: unknown)

    def set_data(self, provinces: list[tuple[str, str]], columns: list[Any], received: set[str] | None = None) -> None:
        with self.replacing():
            self.rows, self.columns, self.received = provinces, columns, received
            self.headers[1:] = [display_code(c.code) for c in columns]

    def figure(self, row: int, col: int) -> Any:
        code = self.rows[row][0]
        if col <= 0 or (self.received is not None and code not in self.received):
            return None  # nothing received: a count of 0 would be a figure nobody measured
        return self.columns[col - 1].by_office.get(code)

    def cell(self, row: int, col: int, role: int) -> Any:
        f = self.figure(row, col)
        if role == Qt.ItemDataRole.DisplayRole:
            return "—" if f is None or f.value is None else shown_number(f.value_fa)
        if role == Qt.ItemDataRole.ToolTipRole and f is None and col > 0:
            return QCoreApplication.translate("HqConsoleScreen", "No bundle from this province yet.")
        if role == Qt.ItemDataRole.ToolTipRole and f is not None:
            lines = [f"{display_code(f.code)} — {f.title}"]
            if f.definition.target is not None:
                lines.append(shown_number(f.achievement_fa))
            if f.changed_since_approval:
                lines.append(shown_number(f.changed_fa))
            return "\n".join(lines)
        if role == Qt.ItemDataRole.BackgroundRole and f is not None:
            if f.changed_since_approval:
                return QBrush(QColor(palette.CHANGED_BG))
            state = f.achievement.state
            if state in ("met", "not_met"):
                return QBrush(QColor(palette.MET_BG if state == "met" else palette.NOT_MET_BG))
        return None

    def header_tip(self, section: int) -> str | None:
        if section == 0:
            return None
        c = self.columns[section - 1]
        return f"{c.title}\n{c.target_fa}" if c.target_fa else c.title


def _grid_view(model: ProvinceGridModel, name: str, column_width: int) -> QTableView:
    """A view of provinces by figures: no row numbers, columns ``column_width`` wide."""
    view = QTableView()
    view.setObjectName(name)
    view.setModel(model)
    view.verticalHeader().setVisible(False)
    view.setTabKeyNavigation(False)
    view.horizontalHeader().setDefaultSectionSize(column_width)
    return view


class HqConsoleScreen(HqScreen):
    """Only meaningful on the HQ store; a province sees a short note instead."""

    # screenshots: taken at once, its states compute their figures themselves (a background
    # answer landing between two pictures would redraw the chart under the second)
    screenshot_at_once = True

    report = "hq-provinces"

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, "hq", parent)
        self._short = {o.code: (o.province_fa or o.name_fa) for o in offices.list_offices(ctx.store)}
        self._start(
            self.tr(
                "The HQ console shows every province side by side; it is used in the HQ "
                "store, where the provinces' bundles arrive."
            )
        )

    # ----------------------------------------------------------------------- building
    def _build(self, layout: QVBoxLayout) -> None:
        self.period = choice_combo(name="period")
        self.only_quiet = QCheckBox(self.tr("Only offices gone quiet"))
        self.only_quiet.setObjectName("only_quiet")
        self.only_quiet.toggled.connect(lambda _on: self.refresh_provinces())
        self.excel_button = push_button(self.tr("Excel…"), name="export_excel",
                                        tip=self.tr("Save the provinces' figures as an Excel workbook"),
                                        on_click=lambda: self.export("xlsx"))
        self.pdf_button = push_button(self.tr("PDF…"), name="export_pdf",
                                      tip=self.tr("Save the provinces' figures as a PDF"),
                                      on_click=lambda: self.export("pdf"))
        # the two tabs whose figures are of the chosen period
        self.completion_page, self.indicators_page = self._completion_tab(), self._indicators_tab()
        self._frame(layout, [QLabel(self.tr("Checklist period:")), self.period, self.only_quiet], [
            (self._provinces_tab(), self.tr("Bundles, actions and cases")),
            (self.completion_page, self.tr("Checklist completion")),
            (self.indicators_page, self.tr("Indicators and targets")),
        ])
        self._fill_periods()
        self.period.currentIndexChanged.connect(lambda _i: self.refresh_completion())

    def _fill_periods(self) -> None:
        from integrity_desktop.sync import hq_console

        latest = hq_console.latest_period(self.ctx.store)
        for p in hq_console.offered_periods(latest):
            self.period.addItem(p.label_fa, p.code)
        default = latest or jalali.period_containing(jalali.today(), "quarter").code
        self.period.setCurrentIndex(max(0, self.period.findData(default)))

    def _provinces_tab(self) -> QWidget:
        columns: list[tuple[str, Callable[[Any], str]]] = [
            (self.tr("Province"), lambda p: self._short.get(p.office_code, p.name_fa)),
            (
                self.tr("Latest bundle written"),
                lambda p: shown_datetime(p.last_created_at) or self.tr("none yet"),
            ),
            (self.tr("Age (days)"), lambda p: "—" if p.age_days is None else shown_number(p.age_days)),
            (self.tr("Number"), lambda p: shown_number(p.highest_seq) if p.highest_seq else "—"),
            (self.tr("Never arrived"), lambda p: shown_number("، ".join(str(n) for n in p.missing_seqs))),
            (self.tr("Open actions"), lambda p: shown_number(p.open_actions)),
            (self.tr("Overdue"), lambda p: shown_number(p.overdue_actions)),
            (self.tr("Cases"), lambda p: shown_number(p.cases_total)),
            (self.tr("Open cases"), lambda p: shown_number(p.open_cases)),
            (self.tr("Cases by state"), self._by_state),
        ]
        self.provinces_model = PagedTableModel(
            columns,
            self._province_page,
            self._province_count,
            tint=lambda p: QUIET_COLOUR if p.quiet else None,
        )
        self.provinces_view = plain_table(self.provinces_model, "provinces_table")
        legend = QLabel(self.tr("Highlighted: no bundle yet, or none written for {days} days or more."))
        legend.setObjectName("legend")
        self._legend = legend
        return tab_page((self.provinces_view, 1), legend)

    def _completion_tab(self) -> QWidget:
        self.completion_model = CompletionModel(self)
        self.completion_view = _grid_view(self.completion_model, "completion_table", 64)
        self.completion_view.setColumnWidth(0, 130)
        self.completion_view.selectionModel()
        self.chart = QChart()
        self.chart.setLocalizeNumbers(True)
        self.chart.setLocale(QLocale(QLocale.Language.Persian, QLocale.Country.Iran))
        self.chart.legend().setVisible(False)
        self.chart.setAnimationOptions(QChart.AnimationOption.NoAnimation)
        self.chart_view = QChartView(self.chart)
        self.chart_view.setObjectName("completion_chart")
        self.chart_view.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.chart_view.setMinimumWidth(320)
        self.chart_axis = choice_combo(name="chart_axis")
        self.chart_axis.currentIndexChanged.connect(lambda _i: self._draw_chart())
        self.completion_note = text_label("completion_note")
        row = QHBoxLayout()
        row.addWidget(QLabel(self.tr("Chart:")))
        row.addWidget(self.chart_axis, 1)
        right = panel(row, (self.chart_view, 1))
        splitter = split(Qt.Orientation.Horizontal, self.completion_view, right, stretch=(1, 1))
        return tab_page(self.completion_note, (splitter, 1))

    def _indicators_tab(self) -> QWidget:
        self.indicator_model = IndicatorModel(self)
        self.indicator_view = _grid_view(self.indicator_model, "indicator_table", 62)
        self.indicator_note = QLabel(self.tr(
            "Figures computed from each province's own records as it computes them, and the "
            "indicators with a target: green met, red not met, amber changed since the approval."
        ))
        self.indicator_note.setObjectName("indicator_note")
        self.indicator_note.setWordWrap(True)
        return tab_page(self.indicator_note, (self.indicator_view, 1))

    # ----------------------------------------------------------------------- provinces
    def _province_page(self, offset: int, limit: int) -> list[Any]:
        from integrity_desktop.sync import hq_console

        return hq_console.province_statuses(
            self.ctx.store, self.ctx.actor, offset=offset, limit=limit, only_quiet=self.only_quiet.isChecked()
        )

    def _province_count(self) -> int:
        from integrity_desktop.sync import hq_console

        return hq_console.count_provinces(self.ctx.store, self.ctx.actor)

    def _by_state(self, p: Any) -> str:
        order = {s: i for i, s in enumerate(lc.STATES)}
        parts = [
            f"{lc.STATE_LABELS_FA.get(s, s)}: {shown_number(n)}"
            for s, n in sorted(p.cases_by_state.items(), key=lambda kv: order.get(kv[0], 99))
        ]
        return "، ".join(parts)

    def refresh_provinces(self) -> None:
        from integrity_desktop.sync import hq_console

        self._legend.setText(
            self.tr("Highlighted: no bundle yet, or none written for {days} days or more.").format(
                days=shown_number(hq_console.QUIET_DAYS)
            )
        )
        self.provinces_model.reload()
        while self.provinces_model.canFetchMore(QModelIndex()):
            self.provinces_model.fetchMore(QModelIndex())  # 31 provinces: one or two pages
        rows = [self.provinces_model.row_at(i) for i in range(self.provinces_model.rowCount())]
        if not self.only_quiet.isChecked():
            quiet = sum(1 for p in rows if p.quiet)
            received = sum(1 for p in rows if p.highest_seq)
            self.summary.setText(
                self.tr(
                    "{received} of {total} provinces have sent bundles; {quiet} have gone quiet. "
                    "Open corrective actions: {actions}; open cases: {cases}."
                ).format(
                    received=shown_number(received),
                    total=shown_number(len(rows)),
                    quiet=shown_number(quiet),
                    actions=shown_number(sum(p.open_actions for p in rows)),
                    cases=shown_number(sum(p.open_cases for p in rows)),
                )
            )

    # ----------------------------------------------------------------------- completion
    def refresh_completion(self) -> None:
        store, actor = self.ctx.store, self.ctx.actor
        code = self.period.currentData()
        if not code:
            return

        def work(report: Callable[[int, int, str], None]) -> Any:
            from integrity_desktop.sync import hq_console

            return (hq_console.completion_by_axis(store, actor, str(code)),
                    hq_console.indicators_by_province(store, actor, str(code)))

        def done(result: Any) -> None:
            axes, indicators = result
            self._show_completion(str(code), axes)
            self._show_indicators(str(code), indicators)

        # Until they are shown, the two period tabs hold the previous period's figures: greyed.
        for page in (self.completion_page, self.indicators_page):
            page.setEnabled(False)
        run_task(self, work, done, self._failed, modal_progress=False)

    def _show_indicators(self, code: str, columns: list[Any]) -> None:
        if code != self.period.currentData():
            return
        self.indicators_page.setEnabled(True)
        provinces = [(c, self._short.get(c, c)) for c in self._province_codes()]
        rows = [self.provinces_model.row_at(i) for i in range(self.provinces_model.rowCount())]
        complete = rows and not self.only_quiet.isChecked()  # the filtered list names only some
        received = {p.office_code for p in rows if p is not None and p.highest_seq} if complete else None
        self.indicator_model.set_data(provinces, columns, received)
        self.indicator_view.setColumnWidth(0, 130)

    def _show_completion(self, code: str, axes: list[Any]) -> None:
        if code != self.period.currentData():
            return  # an older request finished after the period changed
        self.completion_page.setEnabled(True)
        provinces = [(c, self._short.get(c, c)) for c in self._province_codes()]
        self.completion_model.set_data(provinces, axes)
        self.completion_view.setColumnWidth(0, 130)
        answered = {c for a in axes for c, v in a.by_office.items() if v is not None}
        label = jalali.Period.parse(code).label_fa
        if answered:
            self.completion_note.setText(
                self.tr("{period}: checklists received from {n} provinces.").format(
                    period=label, n=shown_number(len(answered))
                )
            )
        else:
            self.completion_note.setText(
                self.tr("{period}: no province has sent a checklist for this period yet.").format(
                    period=label
                )
            )
        current = self.chart_axis.currentIndex()
        self.chart_axis.blockSignals(True)
        self.chart_axis.clear()
        self.chart_axis.addItem(self.tr("Mean of all axes"), 0)
        for a in axes:
            self.chart_axis.addItem(f"{shown_number(a.number)}. {a.title}", a.number)
        self.chart_axis.setCurrentIndex(max(0, min(current, self.chart_axis.count() - 1)))
        self.chart_axis.blockSignals(False)
        self._draw_chart()

    def _province_codes(self) -> list[str]:
        return [
            c for c, o in ((o.code, o) for o in offices.list_offices(self.ctx.store)) if o.kind == "province"
        ]

    def _draw_chart(self) -> None:
        """Horizontal bars: provinces top to bottom, bars growing from the right (RTL by hand)."""
        self.chart.removeAllSeries()
        for axis in self.chart.axes():
            self.chart.removeAxis(axis)
        model = self.completion_model
        if not model.axes:
            self.chart.setTitle(self.completion_note.text())
            return
        number = self.chart_axis.currentData() or 0
        values: list[tuple[str, float]] = []
        for code, name in model.provinces:
            if number:
                axis_row = next((a for a in model.axes if a.number == number), None)
                value = axis_row.by_office.get(code) if axis_row else None
            else:
                value = model.province_mean(code)
            if value is not None:  # provinces with no checklist in the period are left out
                values.append((name, value))
        if not values:
            self.chart.setTitle(self.completion_note.text())
            return
        values.reverse()  # a category axis draws its first category at the bottom
        bars = QBarSet(self.chart_axis.currentText())
        bars.setColor(QColor(palette.OK))
        for _name, v in values:
            bars.append(v)
        series = QHorizontalBarSeries()
        series.append(bars)
        series.setBarWidth(0.7)
        self.chart.addSeries(series)
        categories = QBarCategoryAxis()
        categories.append([name for name, _v in values])
        small = categories.labelsFont()
        small.setPointSizeF(8 if len(values) > 12 else 9)
        categories.setLabelsFont(small)
        self.chart.addAxis(categories, Qt.AlignmentFlag.AlignRight)
        series.attachAxis(categories)
        scale = percent_axis(reverse=True)
        self.chart.addAxis(scale, Qt.AlignmentFlag.AlignBottom)
        series.attachAxis(scale)
        self.chart.setTitle(self.tr("Completion (%)"))

    # ----------------------------------------------------------------------- export
    def report_texts(self) -> tuple[str, str]:
        return self.tr("Save the provinces report"), self.tr("Writing the provinces report…")

    # ----------------------------------------------------------------------- refresh
    def refresh(self) -> None:
        if not self.is_hq:
            return
        self.refresh_provinces()
        self.refresh_completion()

    def screenshot_states(self) -> Any:
        """The completion tab with its chart (computed synchronously for the picture)."""
        if not self.is_hq:
            return
        from integrity_desktop.sync import hq_console

        code = str(self.period.currentData())
        self._show_completion(code, hq_console.completion_by_axis(self.ctx.store, self.ctx.actor, code))
        self._show_indicators(code, hq_console.indicators_by_province(self.ctx.store, self.ctx.actor, code))
        self.tabs.setCurrentIndex(1)
        yield "completion", self.window()
        self.tabs.setCurrentIndex(2)
        yield "indicators", self.window()
        self.tabs.setCurrentIndex(0)
