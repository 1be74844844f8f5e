"""The HQ dashboard on the three-province HQ store of tests/national_helpers.py: the screen's
models show the hand-computed national figures, the map colours follow its legend, hovering
names the province and its value, a click opens the province's figures."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from integrity_desktop.db.store import Store
from integrity_desktop.services.store.opening import init_store
from integrity_desktop.ui.context import UiContext
from integrity_desktop.ui.screens.hq.national import INDICATOR_MEASURE, NationalScreen

from ..conftest import ADMIN_PASSWORD, PASSPHRASE, actor
from ..national_helpers import PERIOD, build_hq
from .helpers import held

pytest_plugins = ("tests.sync_fixtures",)
pytestmark = pytest.mark.gui


@pytest.fixture(scope="session")
def fars_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("template-fars-ui") / "store.sqlite"
    init_store(str(path), "fars", ADMIN_PASSWORD, PASSPHRASE).dispose()
    return path


def _screen(qtbot, store: Store) -> NationalScreen:  # type: ignore[no-untyped-def]
    w = NationalScreen(UiContext(store, actor("admin", store.office_code)))
    qtbot.addWidget(w)
    w.resize(1280, 650)
    w.show()
    qtbot.waitExposed(w)
    return w


def _cells(model, row: int) -> list[str]:  # type: ignore[no-untyped-def]
    return [model.data(model.index(row, c)) for c in range(model.columnCount())]


def test_national_screen_figures_map_and_province(  # type: ignore[no-untyped-def]
    qtbot, fresh: Callable[[Path, str], Store], province_template: Path, isfahan_template: Path,
    fars_template: Path, hq_template: Path, tmp_path: Path,
) -> None:
    hq = build_hq(fresh, {"tehran": province_template, "isfahan": isfahan_template, "fars": fars_template},
                  hq_template, tmp_path)
    w = _screen(qtbot, hq)
    w.period.setCurrentIndex(w.period.findData(PERIOD))
    w.refresh()
    qtbot.waitUntil(lambda: w.picture is not None and w.picture.period.code == PERIOD, timeout=20000)
    assert "۳ استان از ۳۱" in w.summary.text()
    ranking = [_cells(w.ranking_model, i) for i in range(3)]
    assert [r[1] for r in ranking] == ["تهران", "فارس", "اصفهان"]
    assert ranking[0][:3] == ["۱", "تهران", "۱۰۰٪"] and ranking[1][2] == "۸۷٫۵٪"
    axis1 = next(_cells(w.axes_model, i) for i in range(w.axes_model.rowCount())
                 if w.axes_model.rows[i].key == "1")
    assert axis1[2] == "۶۲٫۵٪"  # from the answers, not the mean of 100, 0 and 75
    # indicator across provinces: 1/4 recomputed from its parts (3 of 5), not (75 + 0) / 2
    w.indicator.setCurrentIndex(w.indicator.findData("1/4"))
    national = _cells(w.indicator_model, 0)
    assert national[:2] == ["کشور", "۶۰٪"]
    rows = {w.indicator_model.rows[i].key: _cells(w.indicator_model, i) for i in range(w.indicator_model.rowCount())}
    assert rows["tehran"][1] == "۷۵٪" and rows["isfahan"][1] == "۰٪" and rows["ardabil"][1] == "بسته‌ای نرسیده"
    w.indicator.setCurrentIndex(w.indicator.findData("1/2"))
    assert "انجام شد: ۱" in _cells(w.indicator_model, 0)[1]
    # the map: coloured by completion, each province's colour is its legend item's
    scale_items = w.legend.labels
    assert scale_items[-1][1] == "بی‌داده"
    colours = {c for c, _ in scale_items}
    assert w.map.colour_of("ardabil") == scale_items[-1][0]
    assert {w.map.colour_of(c) for c in ("tehran", "fars", "isfahan")} <= colours
    assert w.map.colour_of("tehran") == scale_items[0][0]  # the best first
    tip = w.map.items_by_code["tehran"].toolTip()
    assert tip == "تهران: ۱۰۰٪"
    # the chosen indicator on the map
    w.indicator.setCurrentIndex(w.indicator.findData("6/1"))
    w.measure.setCurrentIndex(w.measure.findData(INDICATOR_MEASURE))
    assert w.map.items_by_code["tehran"].toolTip() == "تهران: ۲"
    # a click on a province opens its figures
    opened: list[str] = []
    w.open_province = opened.append
    w.map.items_by_code["fars"].mousePressEvent(_press())
    assert opened == ["fars"]
    from integrity_desktop.ui.screens.hq.national import ProvinceFiguresDialog

    dialog = ProvinceFiguresDialog(w.picture, "tehran", w)
    qtbot.addWidget(dialog)
    codes = {dialog.model.rows[i].key: _cells(dialog.model, i) for i in range(dialog.model.rowCount())}
    assert codes["1/4"][2:] == ["۷۵٪", "۶۰٪"] and codes["4/4"][2:] == ["۵", "۱۷"]
    # what the last bundle brought: tehran's first bundle, one checklist among its new records
    changes = {w.changes_model.rows[i].key: _cells(w.changes_model, i) for i in range(w.changes_model.rowCount())}
    assert changes["tehran"][1] == "۱" and "چک‌لیست: ۱ تازه" in changes["tehran"][4]
    assert changes["ardabil"][1:] == ["—", "۰", "۰", "—"]
    # late provinces first, highlighted
    assert w.late_model.rows[0].tint is not None and w.late_model.rowCount() == 31
    # the trend: a bar per period with the table's own figures (issue 17 item 1)
    chart = w.trend_chart
    table = [_cells(w.trend_model, i) for i in range(w.trend_model.rowCount())]
    assert [p.label for p in chart.points] == [row[0] for row in table]
    shown = [p for p in chart.points if p.value is not None]
    assert shown and all(f"{p.label}: " in chart.toolTip() for p in chart.points)
    # the same rounding as the table (one rule: digits.percent_text)
    assert all(f"{row[0]}: {row[1]}" in chart.toolTip() for row in table if row[1] != "—")
    assert any(p.whole_year for p in chart.points) and not chart.points[0].whole_year


def test_trend_chart_bars_follow_values_and_read_right_to_left(qtbot) -> None:  # type: ignore[no-untyped-def]
    from integrity_desktop.ui.widgets.trend_chart import Point, TrendChart

    chart = TrendChart()
    qtbot.addWidget(chart)
    chart.setLayoutDirection(Qt.LayoutDirection.RightToLeft)
    chart.resize(600, 240)
    chart.set_points([Point("بهار ۱۴۰۳", 40.0), Point("تابستان ۱۴۰۳", 80.0), Point("پاییز ۱۴۰۳", None),
                      Point("۱۴۰۳", 60.0, whole_year=True)])
    image = chart.grab().toImage()  # paints, and fills bar_rects
    bars = chart.bar_rects
    assert len(bars) == 4
    assert bars[0].left() > bars[1].left() > bars[2].left() > bars[3].left()  # oldest on the right
    assert bars[1].height() == pytest.approx(2 * bars[0].height()) and bars[2].height() == 0
    middle = bars[1].center().toPoint()
    assert image.pixelColor(middle).name() == "#1565c0"
    assert image.pixelColor(bars[3].center().toPoint()).name() == "#2e7d32"
    assert "۸۰٪" in chart.toolTip() and "پاییز ۱۴۰۳: —" in chart.toolTip()
    assert not any(ch.isascii() and ch.isdigit() for ch in chart.toolTip())


def _press():  # type: ignore[no-untyped-def]
    from PySide6.QtCore import QEvent
    from PySide6.QtWidgets import QGraphicsSceneMouseEvent

    event = QGraphicsSceneMouseEvent(QEvent.Type.GraphicsSceneMousePress)
    event.setButton(Qt.MouseButton.LeftButton)
    return event


def test_a_province_store_sees_a_note(qtbot, store: Store) -> None:  # type: ignore[no-untyped-def]
    w = _screen(qtbot, store)
    assert not w.is_hq and w.findChild(object, "not_hq") is not None
    w.refresh()  # nothing to load


def test_while_new_figures_load_the_shown_ones_are_greyed(  # type: ignore[no-untyped-def]
    qtbot, fresh: Callable[[Path, str], Store], hq_template: Path, monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Another period chosen: until its picture is shown, the previous period's figures are
    greyed and the summary says which are on their way; a failed load leaves them greyed."""
    from integrity_desktop.errors import UserError

    w = _screen(qtbot, fresh(hq_template, "h"))
    w.refresh()
    qtbot.waitUntil(lambda: w.picture is not None and w.tabs.isEnabled(), timeout=20000)
    first = w.picture.period.code
    waiting, gate = held(NationalScreen.load)
    monkeypatch.setattr(NationalScreen, "load", staticmethod(waiting))
    w.period.setCurrentIndex(next(i for i in range(w.period.count()) if w.period.itemData(i) != first))
    assert not w.tabs.isEnabled()
    assert w.summary.text() == f"در حال محاسبهٔ رقم‌های ملی {w.period.currentText()}…"
    assert w.picture.period.code == first  # still the old picture, greyed
    gate.set()
    qtbot.waitUntil(lambda: w.tabs.isEnabled(), timeout=20000)
    assert w.picture.period.code == w.period.currentData()
    assert "استان از ۳۱" in w.summary.text()

    def broken(*args: object) -> object:
        raise UserError("خواندن رقم‌ها ممکن نشد.", "The figures could not be read.", code="test")

    monkeypatch.setattr(NationalScreen, "load", staticmethod(broken))
    w.refresh()
    qtbot.waitUntil(lambda: w.error.text() != "", timeout=20000)
    assert "خواندن رقم‌ها ممکن نشد" in w.error.text()
    assert not w.tabs.isEnabled() and w.summary.text() == ""
