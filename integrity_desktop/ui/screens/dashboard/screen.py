"""Dashboard: completion per axis for a period, the trend across the year, indicators still open,
the period's figures with their achievement against the programme's targets, and the two
programmes side by side where they meet.

It shows either programme (every published version of its template: an indicator keeps its
identity by its code).  Computed figures are what the records give when the dashboard is
shown: it reloads every time the screen is opened.  It is the first screen at start-up, so
construction builds only plain widgets; ``refresh()`` loads the figures off the GUI thread
(``run_task``) and imports QtCharts only then.  QtCharts ignores right-to-left, so categories
are put in reverse order (axis 1 on the right) by hand.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from PySide6.QtCore import QObject, Qt, QThreadPool
from PySide6.QtGui import QColor, QPainter
from PySide6.QtWidgets import (
    QApplication,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from integrity_desktop import jalali
from integrity_desktop.indicators import display_code
from integrity_desktop.jalali import Period
from integrity_desktop.services.store.offices import office_name
from integrity_desktop.ui import text as ui_text
from integrity_desktop.ui.app import current_lang
from integrity_desktop.ui.context import UiContext
from integrity_desktop.ui.screens.dashboard import figures as dashboard_figures
from integrity_desktop.ui.tasks import run_task
from integrity_desktop.ui.text import shown_number
from integrity_desktop.ui.widgets import palette
from integrity_desktop.ui.widgets.buttons import button_row, push_button
from integrity_desktop.ui.widgets.combos import choice_combo
from integrity_desktop.ui.widgets.panels import panel, split
from integrity_desktop.ui.widgets.percent_axis import attach_axes
from integrity_desktop.ui.widgets.table_models import KeyedModel, read_only_view

OPEN_PAGE = 100


@dataclass(frozen=True)
class DashboardData:
    period_code: str
    axes: list[Any]  # scoring.AxisScore
    trend: list[Any]  # scoring.TrendPoint
    open_total: int
    open_first: list[Any]  # scoring.OpenIndicator
    programme: str = ""  # template code (every version)
    figures: list[Any] = field(default_factory=list)  # achievement.IndicatorFigure with a value kind
    links: list[Any] = field(default_factory=list)  # scoring.LinkRow (the three-year programme only)


def load_dashboard(ctx: UiContext, period_code: str | None, programme: str | None = None) -> DashboardData:
    """Everything the dashboard shows, read in one go (runs off the GUI thread)."""
    from integrity_desktop.services.checklists import filled as checklists
    from integrity_desktop.services.checklists import scoring
    from integrity_desktop.services.figures import achievement

    store, actor = ctx.store, ctx.actor
    programme = programme or scoring.three_year_code()
    if period_code is None:
        newest = checklists.list_checklists(
            store, actor, office_code=actor.office_code, template_id=scoring.three_year_template_id(), limit=1
        )
        period_code = (
            newest[0].period_code if newest else jalali.period_containing(jalali.today(), "quarter").code
        )
    period = Period.parse(period_code)
    trend_kind = period.kind if period.kind != "year" else "quarter"
    figures = [f for f in achievement.office_figures(store, actor, period.code, programme=programme)
               if f.definition.takes_value]
    axes = scoring.dashboard_axes(store, actor, period.code, programme=programme)
    links = (scoring.programmes_together(store, actor, period.code, three_year_axes=axes)
             if programme == scoring.three_year_code() else [])
    still_open = scoring.open_indicator_list(store, actor, period.code, programme=programme)
    return DashboardData(
        period_code=period.code,
        axes=axes,
        trend=scoring.trend(store, actor, period.year, trend_kind, programme=programme),
        open_total=len(still_open),
        open_first=still_open[:OPEN_PAGE],
        programme=programme,
        figures=figures,
        links=links,
    )


class OpenIndicatorModel(KeyedModel):
    """Indicators still open in the period, fetched page by page."""

    COLUMNS = ("code", "title", "lead", "open", "units")

    def __init__(self, ctx: UiContext, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.period_code = ""
        self.programme = ""
        self.headers = [
            self.tr("Code"),
            self.tr("Indicator"),
            self.tr("Lead unit"),
            self.tr("Open in"),
            self.tr("Where"),
        ]

    def set_period(self, period_code: str, total: int, first: list[Any], programme: str = "") -> None:
        self.beginResetModel()
        self.period_code, self.total, self.rows = period_code, total, list(first)
        self.programme = programme
        self.endResetModel()

    def fetch_page(self, offset: int) -> list[Any]:
        from integrity_desktop.services.checklists import scoring

        return list(scoring.open_indicators(
            self.ctx.store, self.ctx.actor, self.period_code, programme=self.programme or None,
            offset=offset, limit=OPEN_PAGE,
        ))

    def cell(self, o: Any, column: str, role: int) -> Any:
        if role == Qt.ItemDataRole.DisplayRole:
            return {
                "code": display_code(o.item_code) if current_lang() == "fa" else o.item_code,
                "title": o.title,
                "lead": o.lead_unit or "—",
                "open": self.tr("{open} of {all}").format(
                    open=shown_number(o.open_in), all=shown_number(o.checklists)
                ),
                "units": "، ".join(o.units),
            }[column]
        if role == Qt.ItemDataRole.ToolTipRole and column in ("title", "units"):
            return o.title if column == "title" else "\n".join(o.units)
        return None


class DashboardScreen(QWidget):
    """Attributes for tests: ``loaded`` (True once figures are shown), ``data``, ``period``,
    ``open_model``, ``axis_chart_view`` and ``trend_chart_view`` (None until loaded)."""

    screenshot_at_once = True  # screenshots: the first picture is of the figures on their way

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("dashboard")
        self.loaded = False
        self.loading = False
        self._again = False
        self._requested: object = None
        self.data: DashboardData | None = None
        self.axis_chart_view: QWidget | None = None
        self.trend_chart_view: QWidget | None = None
        title = QLabel(f"<h2>{office_name(ctx.store, ctx.store.office_code)}</h2>")
        title.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        subtitle = QLabel(self.tr("Administrative health and protection of people's rights"))
        self.period = choice_combo(name="period")
        self._fill_periods()
        self.period.activated.connect(lambda _i: self.refresh())
        self.programme = choice_combo(name="programme")
        self._fill_programmes()
        self.programme.activated.connect(lambda _i: self.refresh())
        self.help_button = push_button(self.tr("How is completion computed?"),
                                       tip=self.tr("How the completion percentages are computed"),
                                       on_click=self.show_help)
        self.summary_label = QLabel()
        self.summary_label.setWordWrap(True)
        head = button_row(title, end=(QLabel(self.tr("Programme:")), self.programme,
                                      QLabel(self.tr("Period:")), self.period, self.help_button))

        self.axis_box = QVBoxLayout()
        self.axis_title = QLabel(self.tr("<b>Completion per axis</b>"))
        self.axis_box.addWidget(self.axis_title)
        self.axis_placeholder = QLabel(self.tr("Loading…"))
        self.axis_placeholder.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.axis_box.addWidget(self.axis_placeholder, 1)
        self.trend_box = QVBoxLayout()
        self.trend_title = QLabel(self.tr("<b>Trend across the year</b>"))
        self.trend_box.addWidget(self.trend_title)
        self.trend_placeholder = QLabel()
        self.trend_box.addWidget(self.trend_placeholder, 1)
        charts = QHBoxLayout()
        axis_panel = QWidget()
        axis_panel.setLayout(self.axis_box)
        trend_panel = QWidget()
        trend_panel.setLayout(self.trend_box)
        charts.addWidget(axis_panel, 3)
        charts.addWidget(trend_panel, 2)
        charts_panel = QWidget()
        charts_panel.setLayout(charts)

        self.open_model = OpenIndicatorModel(ctx, self)
        self.open_table = read_only_view(self.open_model, "open_indicators")
        self.open_table.setAlternatingRowColors(True)
        header = self.open_table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.resizeSection(0, 60)
        header.resizeSection(2, 200)
        header.resizeSection(3, 80)
        header.resizeSection(4, 220)
        self.open_label = QLabel(self.tr("<b>Indicators still open</b>"))
        open_panel = panel(self.open_label, (self.open_table, 1))
        self.figures_model = dashboard_figures.figures_model(self)
        self.figures_table = dashboard_figures.table(self.figures_model, "figures")
        self.links_model = dashboard_figures.links_model(self)
        self.links_table = dashboard_figures.table(self.links_model, "programme_links")
        self.tabs = QTabWidget()
        self.tabs.setObjectName("dashboard_tabs")
        self.tabs.addTab(open_panel, self.tr("Indicators still open"))
        self.tabs.addTab(self.figures_table, self.tr("Figures and targets"))
        self.tabs.addTab(self.links_table, self.tr("Both programmes together"))

        # the charts and tables: greyed while another choice's figures are computed
        self.figures_area = split(Qt.Orientation.Vertical, charts_panel, self.tabs, sizes=(380, 260))
        layout = QVBoxLayout(self)
        layout.addLayout(head)
        layout.addWidget(subtitle)
        layout.addWidget(self.summary_label)
        layout.addWidget(self.figures_area, 1)

    def _fill_programmes(self) -> None:
        from integrity_desktop import catalog

        self.programme.addItem(self.tr("Three-year programme"), catalog.load_three_year().code)
        self.programme.addItem(self.tr("Administrative reform"), catalog.load_reform().code)
        self.programme.setToolTip(self.tr("Every published version of the programme's template counts."))

    def _fill_periods(self) -> None:
        this_year = jalali.jalali_year(jalali.today())
        self.period.addItem(self.tr("Latest period with checklists"), None)
        for year in range(this_year, this_year - 3, -1):
            for kind in ("quarter", "half", "year"):
                for p in jalali.periods_of_year(year, kind):
                    self.period.addItem(p.label_fa, p.code)

    # ------------------------------------------------------------------ loading
    def refresh(self) -> None:
        ctx, period, programme = self.ctx, self.period.currentData(), self.programme.currentData()
        wanted = (period, programme)
        if self.loading:
            # Another period chosen meanwhile: load it once this one is shown.
            self._again = self._again or wanted != self._requested
            return
        self.loading = True
        self._again = False
        self._requested = wanted
        # Until they are shown, the charts and tables hold the previous choice's figures.
        self.figures_area.setEnabled(False)
        self.summary_label.setText(self.tr("Computing the figures of {period}…").format(
            period=self.period.currentText()))
        run_task(self, lambda _r: load_dashboard(ctx, period, programme), self._show, self._failed,
                 modal_progress=False)

    def _then(self) -> None:
        self.loading = False
        if self._again:
            self.refresh()

    def _failed(self, exc: BaseException) -> None:
        from integrity_desktop.ui.widgets.messages import error_text

        self.axis_placeholder.setText(error_text(exc))
        self.axis_placeholder.show()
        # the charts and tables stay greyed (another choice's figures); the error heads the screen
        self.summary_label.setText(error_text(exc))
        self._then()

    def wait_loaded(self, msecs: int = 15000) -> None:
        """Block until a running refresh has been shown (screenshots and tests)."""
        QThreadPool.globalInstance().waitForDone(msecs)
        QApplication.processEvents()

    def _show(self, data: DashboardData) -> None:
        self.data = data
        self.figures_area.setEnabled(True)
        period = Period.parse(data.period_code)
        from integrity_desktop.services.checklists.scoring import average_completion
        from integrity_desktop.services.figures.achievement import summarise

        targets = summarise(data.figures)
        if data.axes:
            average = average_completion(data.axes)
            text = self.tr(
                "{period}: average completion of the axes {percent}; {open} indicators still open."
            ).format(period=period.label_fa, percent=_percent(average), open=shown_number(data.open_total))
            if targets.with_target:
                text += " " + self.tr("Targets met: {met} of {all}.").format(
                    met=shown_number(targets.met), all=shown_number(targets.with_target))
            self.summary_label.setText(text)
        else:
            self.summary_label.setText(
                self.tr(
                    "{period}: no checklist of this programme has been filled in for this period yet. "
                    "Choose another period, or create one under Checklists."
                ).format(period=period.label_fa)
            )
        self._show_axes(data, period)
        self._show_trend(data)
        self.open_model.set_period(data.period_code, data.open_total, data.open_first, data.programme)
        self.figures_model.set_rows(data.figures)
        self.links_model.set_rows(data.links)
        self.tabs.setTabVisible(2, bool(data.links))
        self.open_label.setText(
            self.tr("<b>Indicators still open</b> ({count})").format(count=shown_number(data.open_total))
        )
        self.loaded = True
        self._then()

    def _chart(self, title: str) -> Any:
        from PySide6.QtCharts import QChart

        chart = QChart()
        chart.setTitle(title)
        chart.legend().hide()
        chart.setAnimationOptions(QChart.AnimationOption.NoAnimation)
        chart.setLocalizeNumbers(True)
        chart.setMargins(chart.margins())
        return chart

    def _view(self, chart: Any, old: QWidget | None, box: QVBoxLayout, placeholder: QLabel) -> QWidget:
        from PySide6.QtCharts import QChartView

        view = QChartView(chart)
        view.setRenderHint(QPainter.RenderHint.Antialiasing)
        view.setMinimumHeight(240)
        if old is not None:
            box.removeWidget(old)
            old.deleteLater()
        placeholder.hide()
        box.addWidget(view, 1)
        return view

    def _show_axes(self, data: DashboardData, period: Period) -> None:
        from PySide6.QtCharts import QBarCategoryAxis

        if not data.axes:
            if self.axis_chart_view is not None:
                self.axis_chart_view.hide()
            self.axis_placeholder.setText(self.tr("No figures for this period."))
            self.axis_placeholder.show()
            return
        axes = list(reversed(data.axes))  # right to left: axis 1 on the right
        # 22 narrow bars: the values are in the tooltips
        bars, series = _percent_bars(self.tr("Completion"), palette.INFO, [a.completion for a in axes], labels=False)
        titles = {shown_number(a.number): a.title for a in axes}
        bars.hovered.connect(
            lambda status, i: (
                self.axis_title.setText(
                    f"<b>{shown_number(axes[i].number)}. {axes[i].title}: {_percent(axes[i].completion)}</b>"
                )
                if status
                else None
            )
        )
        chart = self._chart(self.tr("Completion per axis, {period} (%)").format(period=period.label_fa))
        chart.addSeries(series)
        categories = QBarCategoryAxis()
        categories.append(list(titles))
        categories.setTitleText(self.tr("Axis number"))
        categories.setTruncateLabels(False)  # «۲۲» is short: QtCharts cut it to «…» at 1280 px
        attach_axes(chart, series, categories)
        self.axis_chart_view = self._view(chart, self.axis_chart_view, self.axis_box, self.axis_placeholder)
        self.axis_chart_view.setToolTip("\n".join(f"{n}. {t}" for n, t in reversed(titles.items())))

    def _show_trend(self, data: DashboardData) -> None:
        from PySide6.QtCharts import QBarCategoryAxis

        points = list(reversed(data.trend))  # the first period on the right
        _bars, series = _percent_bars(self.tr("Average completion"), palette.OK, [p.completion for p in points],
                                      labels=True)
        chart = self._chart(self.tr("Average completion per period (%)"))
        chart.addSeries(series)
        categories = QBarCategoryAxis()
        categories.append([shown_number(Period.parse(p.period_code).number) for p in points])
        if points:
            first = Period.parse(points[0].period_code)
            kinds = {
                "quarter": self.tr("Quarter of {year}"),
                "month": self.tr("Month of {year}"),
                "half": self.tr("Half-year of {year}"),
            }
            year = shown_number(str(first.year))
            categories.setTitleText(kinds.get(first.kind, "{year}").format(year=year))
        attach_axes(chart, series, categories)
        self.trend_chart_view = self._view(
            chart, self.trend_chart_view, self.trend_box, self.trend_placeholder
        )

    # ------------------------------------------------------------------ help
    def help_text(self) -> str:
        from integrity_desktop.services.checklists.scoring import SCORE_HELP_EN, SCORE_HELP_FA
        from integrity_desktop.ui.app import current_lang

        return SCORE_HELP_FA if current_lang() == "fa" else SCORE_HELP_EN

    def show_help(self) -> None:
        QMessageBox.information(self, self.tr("How completion is computed"), self.help_text())

    def screenshot_states(self) -> Iterator[tuple[str, QWidget]]:
        """Grabbed as yielded: the open indicators, the figures against targets, both programmes."""
        self.wait_loaded()
        yield "loaded", self
        self.tabs.setCurrentIndex(1)
        yield "figures", self
        self.tabs.setCurrentIndex(2)
        yield "programmes", self
        self.tabs.setCurrentIndex(0)


def _percent(value: float | None) -> str:
    return ui_text.shown_percent(value)  # the one rounding rule (digits)


def _percent_bars(name: str, colour: str, values: list[float | None], labels: bool) -> tuple[Any, Any]:
    """One bar per value (a percent, rounded; none drawn as 0), in ``colour`` with white labels
    inside the bar's end (shown when ``labels``): the set and its series."""
    from PySide6.QtCharts import QBarSeries, QBarSet

    bars = QBarSet(name)
    bars.setColor(QColor(colour))
    bars.setLabelColor(QColor(palette.WHITE))
    for value in values:
        bars.append(round(value or 0.0))
    series = QBarSeries()
    series.append(bars)
    series.setLabelsVisible(labels)
    series.setLabelsFormat("@value")
    series.setLabelsPosition(QBarSeries.LabelsPosition.LabelsInsideEnd)
    return bars, series
