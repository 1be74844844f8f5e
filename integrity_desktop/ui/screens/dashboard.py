"""Dashboard: the office at a glance (areas add their panels as they land)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from integrity_desktop.services.offices import office_name
from integrity_desktop.ui.context import UiContext


class DashboardScreen(QWidget):
    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("dashboard")
        title = QLabel(f"<h2>{office_name(ctx.store, ctx.store.office_code)}</h2>")
        title.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        subtitle = QLabel(self.tr("Administrative health and protection of people's rights"))
        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addWidget(subtitle)
        layout.addStretch(1)

    def refresh(self) -> None:
        pass
