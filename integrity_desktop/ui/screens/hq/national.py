"""The HQ dashboard: the country for one period (``services.figures.national``).

National completion and achievement, the map of Iran coloured by a measure or an indicator
(hover: the province and its value; click: that province's figures), the provinces ranked,
completion and achievement per axis, any indicator across the provinces with the national
figure made by its kind and its trend, late provinces and overdue items.  Figures are computed
off the GUI thread each time the screen is shown or the period changes; the ``national`` report
writes the same figures to PDF or Excel.  In a province's store the screen says what it is for.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt, QThreadPool
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from integrity_desktop import iran_map, jalali
from integrity_desktop.indicators import display_code, format_value, target_text_fa
from integrity_desktop.ui import text as ui_text
from integrity_desktop.ui.context import UiContext
from integrity_desktop.ui.screens.hq.frame import HqScreen
from integrity_desktop.ui.tasks import run_task
from integrity_desktop.ui.text import shown_number
from integrity_desktop.ui.widgets import palette
from integrity_desktop.ui.widgets.buttons import push_button
from integrity_desktop.ui.widgets.combos import choice_combo
from integrity_desktop.ui.widgets.iran_map import IranMapView, MapLegend
from integrity_desktop.ui.widgets.labels import text_label
from integrity_desktop.ui.widgets.panels import panel, split, tab_page
from integrity_desktop.ui.widgets.table_models import Row, TextRowsModel
from integrity_desktop.ui.widgets.trend_chart import Point as TrendPoint
from integrity_desktop.ui.widgets.trend_chart import TrendChart

LATE_COLOUR = palette.BAD_BG
NATIONAL_COLOUR = palette.NATIONAL_BG
MET_COLOUR, NOT_MET_COLOUR = palette.MET_BG_SOFT, palette.BAD_BG
INDICATOR_MEASURE = "indicator"


def tr(text: str) -> str:
    return QCoreApplication.translate("NationalScreen", text)


def percent(value: float | None) -> str:
    return ui_text.shown_percent(value) if value is not None else "—"


def count(value: int | None) -> str:
    return "—" if value is None else shown_number(value)


def _note(text: str = "") -> QLabel:
    label = QLabel(text)
    label.setWordWrap(True)
    return label


def _table(model: TextRowsModel, name: str, first_width: int = 150) -> QTableView:
    view = QTableView()
    view.setObjectName(name)
    view.setModel(model)
    view.verticalHeader().setVisible(False)
    view.setTabKeyNavigation(False)
    view.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
    view.setWordWrap(False)
    header = view.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    header.setStretchLastSection(True)
    view.setColumnWidth(0, first_width)
    return view


class ProvinceFiguresDialog(QDialog):
    """One province's figure of every indicator of the period, beside the country's."""

    def __init__(self, picture: Any, code: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("province_figures")
        row = next(p for p in picture.provinces if p.office_code == code)
        self.setWindowTitle(QCoreApplication.translate("NationalScreen", "{province}: figures of {period}").format(
            province=row.province_fa, period=picture.period.label_fa))
        lay = QVBoxLayout(self)
        if not row.received:
            summary = QCoreApplication.translate("NationalScreen", "No bundle of this province has arrived: it has no figures yet.")
        else:
            summary = QCoreApplication.translate("NationalScreen", "Completion {completion}; rank {rank}; targets met {met} of {targets}; "
                         "overdue actions {actions}; overdue cases {cases}.").format(
                completion=percent(row.completion), rank=count(row.rank), met=count(row.met),
                targets=count(row.with_target), actions=count(row.overdue_actions),
                cases=count(row.overdue_cases))
        label = QLabel(summary)
        label.setWordWrap(True)
        lay.addWidget(label)
        self.model = TextRowsModel([QCoreApplication.translate("NationalScreen", "Code"), QCoreApplication.translate("NationalScreen", "Indicator"), QCoreApplication.translate("NationalScreen", "Province"), QCoreApplication.translate("NationalScreen", "Country")], self,
                               centre_from=2)
        rows = []
        for f in picture.figures:
            mine = f.province(code)
            if mine is None:
                continue
            if f.definition.kind == "status":
                from integrity_desktop.services.figures.national import STATUS_LABELS_FA

                value = STATUS_LABELS_FA.get(mine.status, "—") if mine.status is not None else "—"
            else:
                value = format_value(f.definition, mine.value) or "—"
            rows.append(Row([display_code(f.code), f.title, value, f.value_fa or "—"], f.code))
        self.model.set_rows(rows)
        view = _table(self.model, "province_figures_table", 70)
        view.setColumnWidth(1, 420)
        lay.addWidget(view, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        lay.addWidget(buttons)
        self.resize(900, 520)


class NationalScreen(HqScreen):
    """The HQ dashboard (module docstring)."""

    report = "national"
    screenshot_at_once = True  # screenshots: the first picture is of the figures on their way

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, "national", parent)
        self.picture: Any = None
        self.open_province: Callable[[str], None] = self.show_province
        self._start(self.tr("The national dashboard compares the provinces; it is used in the HQ "
                            "store, where the provinces' bundles arrive."))

    # ----------------------------------------------------------------------- building
    def _build(self, layout: QVBoxLayout) -> None:
        from integrity_desktop.services.checklists.scoring import reform_code, three_year_code

        self.period = choice_combo(name="period")
        self.programme = choice_combo(name="programme")
        self.programme.addItem(self.tr("Three-year programme"), three_year_code())
        self.programme.addItem(self.tr("Administrative reform programme"), reform_code())
        self.pdf_button = push_button(self.tr("National report (PDF)…"), name="export_pdf",
                                      on_click=lambda: self.export("pdf"))
        self.excel_button = push_button(self.tr("Excel…"), name="export_excel",
                                        on_click=lambda: self.export("xlsx"))
        bar = [QLabel(self.tr("Period:")), self.period, QLabel(self.tr("Programme:")), self.programme]
        self._frame(layout, bar, [
            (self._map_tab(), self.tr("Map and ranking")),
            (self._axes_tab(), self.tr("Axes")),
            (self._indicator_tab(), self.tr("Indicator across provinces")),
            (self._late_tab(), self.tr("Late provinces and overdue items")),
            (self._trend_tab(), self.tr("Trend")),
            (self._changes_tab(), self.tr("What the last bundle brought")),
        ])
        self._fill_periods()
        self.period.currentIndexChanged.connect(lambda _i: self.refresh())
        self.programme.currentIndexChanged.connect(lambda _i: self.refresh())

    def _fill_periods(self) -> None:
        from integrity_desktop.sync import hq_console

        latest = hq_console.latest_period(self.ctx.store)
        for p in hq_console.offered_periods(latest):
            self.period.addItem(p.label_fa, p.code)
        # the quarter of the newest checklist (a month's checklists are a thin national picture)
        day = jalali.Period.parse(latest).end if latest else jalali.today()
        default = jalali.period_containing(day, "quarter").code
        if self.period.findData(default) < 0:
            self.period.insertItem(0, jalali.Period.parse(default).label_fa, default)
        self.period.setCurrentIndex(max(0, self.period.findData(default)))

    def _map_tab(self) -> QWidget:
        from integrity_desktop.services.figures.national import MAP_MEASURES

        self.measure = choice_combo(MAP_MEASURES, name="measure")
        self.measure.addItem(self.tr("The indicator chosen in «Indicator across provinces»"), INDICATOR_MEASURE)
        self.measure.currentIndexChanged.connect(lambda _i: self._draw_map())
        self.map = IranMapView()
        self.map.province_clicked.connect(lambda code: self.open_province(code))
        self.legend = MapLegend()
        self.legend.setFixedWidth(170)
        self.ranking_model = TextRowsModel([self.tr("Rank"), self.tr("Province"), self.tr("Completion"),
                                        self.tr("Targets met"), self.tr("Bundle age (days)")], self)
        self.ranking_model.centre_from = 0
        self.ranking_view = _table(self.ranking_model, "ranking_table", 50)
        self.ranking_view.setColumnWidth(1, 130)
        self.ranking_view.doubleClicked.connect(
            lambda index: self.open_province(str(self.ranking_model.rows[index.row()].key)))
        map_box = panel(self.legend, (self.map, 1), horizontal=True)
        row = QHBoxLayout()
        row.addWidget(QLabel(self.tr("Colour by:")))
        row.addWidget(self.measure, 1)
        left = panel(row, (map_box, 1),
                     _note(self.tr("Point at a province for its figure; click it for all its figures.")))
        return tab_page((split(Qt.Orientation.Horizontal, left, self.ranking_view, stretch=(3, 2)), 1))

    def _axes_tab(self) -> QWidget:
        self.axes_model = TextRowsModel([self.tr("Axis"), self.tr("Title"), self.tr("National completion"),
                                     self.tr("With a target"), self.tr("Met (country)"),
                                     self.tr("Met (province figures)")], self)
        self.axes_model.centre_from = 2
        self.axes_view = _table(self.axes_model, "axes_table", 50)
        self.axes_view.setColumnWidth(1, 420)
        return tab_page(_note(self.tr("National completion is computed from every province's answers (points over "
                                      "counted answers), not as a mean of the provinces' percents.")), (self.axes_view, 1))

    def _indicator_tab(self) -> QWidget:
        self.indicator = choice_combo(name="indicator")
        self.indicator.setMaxVisibleItems(20)
        self.indicator.setMinimumContentsLength(40)
        self.indicator.currentIndexChanged.connect(lambda _i: self._show_indicator())
        self.indicator_note = text_label("indicator_note")
        self.indicator_model = TextRowsModel([self.tr("Province"), self.tr("Value"), self.tr("Achievement")], self)
        self.indicator_view = _table(self.indicator_model, "indicator_table", 170)
        self.indicator_view.setColumnWidth(1, 140)
        self.indicator_trend = text_label("indicator_trend")
        trend_button = push_button(self.tr("Trend over the year"), name="indicator_trend_button",
                                   on_click=self.load_indicator_trend)
        row = QHBoxLayout()
        row.addWidget(QLabel(self.tr("Indicator:")))
        row.addWidget(self.indicator, 1)
        row.addWidget(trend_button)
        return tab_page(row, self.indicator_note, (self.indicator_view, 1), self.indicator_trend)

    def _late_tab(self) -> QWidget:
        self.late_model = TextRowsModel([self.tr("Province"), self.tr("Last bundle"), self.tr("Overdue actions"),
                                     self.tr("Open actions"), self.tr("Overdue cases"), self.tr("Open cases")], self)
        self.late_view = _table(self.late_model, "late_table", 150)
        self.late_note = _note()
        return tab_page(self.late_note, (self.late_view, 1))

    def _trend_tab(self) -> QWidget:
        self.trend_model = TextRowsModel([self.tr("Period"), self.tr("National completion")], self)
        self.trend_view = _table(self.trend_model, "trend_table", 200)
        note = _note(self.tr("The country's completion in each quarter of this year and the last, and in each year."))
        self.trend_chart = TrendChart()
        legend = QLabel(self.tr("Blue: a quarter; green: a whole year"))
        return tab_page(note, legend, (split(Qt.Orientation.Vertical, self.trend_chart, self.trend_view,
                                                 stretch=(3, 2)), 1))

    def _changes_tab(self) -> QWidget:
        self.changes_model = TextRowsModel([self.tr("Province"), self.tr("Bundle"), self.tr("New"),
                                        self.tr("Changed"), self.tr("By type")], self)
        self.changes_model.centre_from = 1
        self.changes_view = _table(self.changes_model, "changes_table", 150)
        return tab_page(_note(self.tr("What each province's newest bundle added and changed here, by record type, "
                                      "as the import recorded it.")), (self.changes_view, 1))

    # ----------------------------------------------------------------------- loading
    def refresh(self) -> None:
        if not self.is_hq:
            return
        store, actor = self.ctx.store, self.ctx.actor
        code, programme = str(self.period.currentData()), str(self.programme.currentData())

        def work(report: Callable[[int, int, str], None]) -> Any:
            return self.load(store, actor, code, programme)

        # Until the new picture is shown the tabs hold the previous choice's figures: greyed,
        # and the summary line says which figures are on their way.
        self.tabs.setEnabled(False)
        self.error.clear()
        self.summary.setText(self.tr("Computing the national figures of {period}…").format(
            period=self.period.currentText()))
        run_task(self, work, self._show, self._load_failed, modal_progress=False)

    def _load_failed(self, exc: BaseException) -> None:
        self.summary.clear()  # the tabs stay greyed: they hold another period's figures
        self._failed(exc)

    @staticmethod
    def load(store: Any, actor: Any, period_code: str, programme: str) -> tuple[Any, Any]:
        """The period's picture and the trend (off the GUI thread)."""
        from integrity_desktop.services.figures import national

        period = jalali.Period.parse(period_code)
        picture = national.picture(store, actor, period_code, programme=programme)
        year = period.year
        codes = [p.code for y in (year - 1, year) for p in jalali.periods_of_year(y, "quarter")]
        codes += [jalali.Period(y, "year").code for y in (year - 1, year)]
        trend = national.completion_trend(store, actor, codes, programme=programme)
        return picture, (trend, national.last_imports(store, actor))

    def _show(self, result: tuple[Any, Any]) -> None:
        picture, (trend, changes) = result
        if picture.period.code != self.period.currentData() or picture.programme != self.programme.currentData():
            return  # an older answer: the newer one is on its way
        self.error.clear()
        self.tabs.setEnabled(True)
        self.picture = picture
        received = sum(1 for p in picture.provinces if p.received)
        self.summary.setText(self.tr(
            "{received} of {total} provinces have sent bundles; {late} are late. National completion "
            "{completion}; targets met by the country's figures: {met} of {targets}. Overdue: {actions} "
            "corrective actions, {cases} cases."
        ).format(
            received=shown_number(received), total=shown_number(len(picture.provinces)),
            late=shown_number(len(picture.late)), completion=percent(picture.completion),
            met=shown_number(picture.met), targets=shown_number(picture.with_target),
            actions=shown_number(sum(p.overdue_actions for p in picture.provinces)),
            cases=shown_number(sum(p.overdue_cases for p in picture.provinces)),
        ))
        self._show_ranking()
        self._show_axes()
        self._fill_indicators()
        self._show_late()
        self.trend_model.set_rows([Row([p.label_fa, percent(v)], p.code) for p, v in trend])
        self.trend_chart.set_points([TrendPoint(p.label_fa, v, whole_year=p.kind == "year") for p, v in trend])
        self.changes_model.set_rows([
            Row([c.province_fa, count(c.seq), count(c.total_created), count(c.total_updated), c.text_fa() or "—"],
                c.office_code)
            for c in sorted(changes, key=lambda c: (c.seq is None, -(c.imported_at.timestamp() if c.imported_at else 0)))
        ])
        self._draw_map()

    def _show_ranking(self) -> None:
        rows = []
        for p in sorted(self.picture.provinces, key=lambda p: (p.rank is None, p.rank or 0)):
            targets = (self.tr("{met} of {targets}").format(met=shown_number(p.met), targets=shown_number(p.with_target))
                       if p.with_target else "—")
            rows.append(Row([count(p.rank), p.province_fa, percent(p.completion), targets, count(p.age_days)],
                            p.office_code, LATE_COLOUR if p.late else None))
        self.ranking_model.set_rows(rows)

    def _show_axes(self) -> None:
        rows = []
        for a in self.picture.axes:
            pairs = (self.tr("{met} of {targets}").format(met=shown_number(a.province_met),
                                                          targets=shown_number(a.province_with_value))
                     if a.with_target else "—")
            rows.append(Row([shown_number(a.number), a.title, percent(a.completion), count(a.with_target),
                             count(a.met) if a.with_target else "—", pairs], str(a.number)))
        self.axes_model.set_rows(rows)

    def _fill_indicators(self) -> None:
        current = self.indicator.currentData()
        self.indicator.blockSignals(True)
        self.indicator.clear()
        for f in self.picture.figures:
            self.indicator.addItem(f"{display_code(f.code)} — {f.title}", f.code)
        index = self.indicator.findData(current) if current else -1
        self.indicator.setCurrentIndex(max(0, index))
        self.indicator.blockSignals(False)
        self._show_indicator()

    def current_figure(self) -> Any:
        if self.picture is None:
            return None
        return self.picture.figure(str(self.indicator.currentData()))

    def _show_indicator(self) -> None:
        from integrity_desktop.services.figures.national import STATUS_LABELS_FA

        f = self.current_figure()
        self.indicator_trend.clear()
        if f is None:
            self.indicator_model.set_rows([])
            self.indicator_note.clear()
            return
        target = target_text_fa(f.definition)
        self.indicator_note.setText(self.tr("Country: {value} ({method}). Target: {target}. Provinces counted: {n}.").format(
            value=f.value_fa or "—", method=f.method_fa, target=target or "—",
            n=shown_number(f.national.reporting)))
        achieved = f.achievement.label_fa(f.definition) if f.definition.target is not None else ""
        rows = [Row([self.tr("Country"), f.value_fa or "—", achieved], "", NATIONAL_COLOUR, True)]
        for p in f.provinces:
            tint = None
            if f.definition.kind == "status":
                value = STATUS_LABELS_FA.get(p.status, "—") if p.status is not None else "—"
                verdict = ""
            else:
                value = format_value(f.definition, p.value) or "—"
                verdict = ""
                if f.definition.target is not None and p.value is not None:
                    from integrity_desktop.indicators import achievement

                    a = achievement(f.definition, p.value)
                    verdict = a.label_fa(f.definition)
                    tint = MET_COLOUR if a.state == "met" else NOT_MET_COLOUR
            if not p.received:
                value, verdict = self.tr("no bundle"), ""
            rows.append(Row([p.province_fa, value, verdict], p.office_code,
                            None if f.definition.kind == "status" or not p.received else tint))
        self.indicator_model.set_rows(rows)
        if self.measure.currentData() == INDICATOR_MEASURE:
            self._draw_map()

    def load_indicator_trend(self) -> None:
        f = self.current_figure()
        if f is None:
            return
        store, actor = self.ctx.store, self.ctx.actor
        code, programme, year = f.code, str(self.programme.currentData()), self.picture.period.year

        def work(report: Callable[[int, int, str], None]) -> Any:
            from integrity_desktop.services.figures import national

            out = []
            for period in jalali.periods_of_year(year, "quarter"):
                rows = national.indicator_across(store, actor, period.code, code, programme=programme)
                out.append((period, rows[0] if rows else None))
            return out

        def done(points: list[tuple[Any, Any]]) -> None:
            now = self.current_figure()
            if now is None or now.code != code:
                return  # another indicator was chosen meanwhile: its trend is on its way
            parts = [f"{p.label_fa}: {(r.value_fa if r is not None else '') or '—'}" for p, r in points]
            self.indicator_trend.setText(self.tr("Trend of {code}: {points}").format(
                code=display_code(code), points="؛ ".join(parts)))

        self.indicator_trend.setText(self.tr("Trend of {code}: computing…").format(code=display_code(code)))
        run_task(self, work, done, self._failed, modal_progress=False)

    def _show_late(self) -> None:
        from integrity_desktop.services.figures.national import LATE_DAYS

        self.late_note.setText(self.tr("Late: no bundle yet, or the newest was written {days} days ago or more "
                                       "(highlighted). Overdue cases have stayed in their state longer than "
                                       "its deadline.").format(days=shown_number(LATE_DAYS)))
        rows = []
        for p in sorted(self.picture.provinces, key=lambda p: (not p.late, -(p.overdue_actions + p.overdue_cases))):
            age = (self.tr("none") if p.age_days is None else
                   self.tr("{days} days ago").format(days=shown_number(p.age_days)))
            rows.append(Row([p.province_fa, age, count(p.overdue_actions), count(p.open_actions),
                             count(p.overdue_cases), count(p.open_cases)], p.office_code,
                            LATE_COLOUR if p.late else None))
        self.late_model.set_rows(rows)

    # ----------------------------------------------------------------------- the map
    def map_values(self) -> tuple[str, dict[str, float | None], Callable[[float | None], str], bool]:
        """(legend title, office -> value, how a value is shown, higher is better)."""
        from integrity_desktop.services.figures import national

        key = str(self.measure.currentData())
        if key == INDICATOR_MEASURE:
            f = self.current_figure()
            if f is None:
                return self.tr("No indicator"), {}, lambda v: "", True
            if f.definition.kind == "status":
                points = self.tr("done 100, partly 50, not done 0")
                return (f"{display_code(f.code)}: {points}",
                        national.indicator_measure(f), lambda v: percent(v), True)
            return (f"{display_code(f.code)} {f.title}", national.indicator_measure(f),
                    lambda v, d=f.definition: format_value(d, v), f.definition.direction == "higher")
        values = {p.office_code: national.measure(p, key) for p in self.picture.provinces}
        if key in ("completion", "achievement"):
            return national.MAP_MEASURES[key], values, percent, True
        return national.MAP_MEASURES[key], values, lambda v: shown_number(int(v or 0)), False

    def _draw_map(self) -> None:
        if self.picture is None:
            return
        title, values, text_of, higher = self.map_values()
        scale = iran_map.scale_for(values, lambda v: text_of(v), higher_better=higher)
        names = {p.office_code: p.province_fa for p in self.picture.provinces}
        self.map.set_values(values, scale, text_of, names)
        self.legend.set_scale(title, scale)

    def show_province(self, code: str) -> None:
        if self.picture is None:
            return
        ProvinceFiguresDialog(self.picture, code, self).exec()

    # ----------------------------------------------------------------------- export
    def report_texts(self) -> tuple[str, str]:
        return self.tr("Save the national report"), self.tr("Writing the national report…")

    # ----------------------------------------------------------------------- screenshots
    def screenshot_states(self) -> Any:
        """Each tab with its figures (computed synchronously for the picture)."""
        if not self.is_hq:
            return
        # the load the screen started ends first: its answer must not land between two pictures
        QThreadPool.globalInstance().waitForDone(15000)
        QApplication.processEvents()
        self._show(self.load(self.ctx.store, self.ctx.actor, str(self.period.currentData()),
                             str(self.programme.currentData())))
        yield "map", self.window()
        for i, name in ((1, "axes"), (2, "indicator"), (3, "late"), (5, "changes")):
            self.tabs.setCurrentIndex(i)
            if name == "indicator":
                index = self.indicator.findData("1/4")
                self.indicator.setCurrentIndex(max(0, index))
            yield name, self.window()
        self.tabs.setCurrentIndex(0)
        self.measure.setCurrentIndex(self.measure.findData(INDICATOR_MEASURE))
        yield "map-indicator", self.window()
        self.measure.setCurrentIndex(0)
