"""The dashboard's two lower tables beside the open indicators: the period's figures with their
achievement against the programme's targets, and the two programmes side by side."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QHeaderView, QTableView

from integrity_desktop.indicators import MET, NOT_MET, display_code, target_text_fa
from integrity_desktop.ui.app import current_lang
from integrity_desktop.ui.text import shown_number, shown_percent
from integrity_desktop.ui.widgets import palette
from integrity_desktop.ui.widgets.table_models import Column, RowsModel, read_only_view

MET_COLOUR, NOT_MET_COLOUR, CHANGED_COLOUR = palette.MET_BG, palette.NOT_MET_BG, palette.CHANGED_BG


def _percent(value: float | None) -> str:
    return "—" if value is None else shown_percent(value)  # the one rounding rule (digits)


def _code(code: str) -> str:
    return display_code(code) if current_lang() == "fa" else code


def figures_model(parent: Any = None) -> RowsModel:
    """Rows: ``achievement.IndicatorFigure``; coloured by achievement, amber when changed."""

    def background(f: Any) -> QColor | None:
        if f.changed_since_approval:
            return QColor(CHANGED_COLOUR)
        state = f.achievement.state
        return QColor(MET_COLOUR) if state == MET else QColor(NOT_MET_COLOUR) if state == NOT_MET else None

    return RowsModel([
        Column(QCoreApplication.translate("DashboardFigures", "Code"), lambda f: _code(f.code)),
        Column(QCoreApplication.translate("DashboardFigures", "Indicator"), lambda f: f.title, 380),
        Column(QCoreApplication.translate("DashboardFigures", "Value"), lambda f: shown_number(f.value_fa) or "—"),
        Column(QCoreApplication.translate("DashboardFigures", "Unit"), lambda f: f.definition.unit_fa),
        Column(QCoreApplication.translate("DashboardFigures", "Target"), lambda f: shown_number(target_text_fa(f.definition)) or "—"),
        Column(QCoreApplication.translate("DashboardFigures", "Achievement"), lambda f: shown_number(f.achievement_fa) if f.definition.target is not None else "—"),
        Column(QCoreApplication.translate("DashboardFigures", "Source"), lambda f: QCoreApplication.translate("DashboardFigures", "computed") if f.source == "computed" else QCoreApplication.translate("DashboardFigures", "checklists")),
        Column(QCoreApplication.translate("DashboardFigures", "Since approval"), lambda f: shown_number(f.changed_fa)),
    ], background, parent)


def links_model(parent: Any = None) -> RowsModel:
    """Rows: ``scoring.LinkRow``."""
    return RowsModel([
        Column(QCoreApplication.translate("DashboardFigures", "Theme"), lambda r: r.theme),
        Column(QCoreApplication.translate("DashboardFigures", "Reform programme"), lambda r: f"{_code(f'R{r.reform_number}')}. {r.reform_title}", 300),
        Column(QCoreApplication.translate("DashboardFigures", "Its completion"),
               lambda r: f"{_percent(r.reform_completion)} ({r.reform_period})" if r.reform_completion is not None
               else "—"),
        Column(QCoreApplication.translate("DashboardFigures", "Three-year axes"), lambda r: "، ".join(shown_number(n) for n in r.axes)),
        Column(QCoreApplication.translate("DashboardFigures", "Their completion"), lambda r: _percent(r.axes_completion)),
    ], None, parent)


def table(model: RowsModel, name: str) -> QTableView:
    view = read_only_view(model, name)
    view.setWordWrap(False)
    header = view.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    for i, column in enumerate(model.columns):
        if column.width:
            header.setSectionResizeMode(i, QHeaderView.ResizeMode.Stretch)
    return view
