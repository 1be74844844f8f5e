"""HQ's province filter over a list: «همهٔ استان‌ها» and every office that has a record there
(issue 16 item 2, issue 17 item 4).  A province's own store holds only its records: no filter."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QComboBox, QWidget

from integrity_desktop.catalog import HQ_CODE
from integrity_desktop.ui.context import UiContext


def at_hq(ctx: UiContext) -> bool:
    return ctx.store.office_code == HQ_CODE


def province_filter(choices: list[tuple[str, str]], parent: QWidget | None = None) -> QComboBox:
    """A combo box of ``(code, name)`` choices after «all provinces» (data None)."""
    combo = QComboBox(parent)
    combo.setObjectName("office_filter")
    combo.setToolTip(QCoreApplication.translate("ProvinceFilter", "Show the records of one province"))
    combo.addItem(QCoreApplication.translate("ProvinceFilter", "All provinces"), None)
    for code, name in choices:
        combo.addItem(name, code)
    # A directorate's full name is long («اداره کل آموزش فنی و حرفه‌ای استان …»): the closed box
    # keeps a filter row's width (the window must fit 1366 pixels), the open list shows it whole.
    combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
    combo.setMinimumContentsLength(16)
    view = combo.view()
    if view is not None:
        view.setMinimumWidth(view.sizeHintForColumn(0) + 24)
    return combo
