"""Settings: user accounts and units (admin), the store's location and version."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFormLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from integrity_desktop import __version__
from integrity_desktop.permissions import ROLE_LABELS_FA, ROLES
from integrity_desktop.services.accounts import users
from integrity_desktop.services.store import offices
from integrity_desktop.ui.context import UiContext
from integrity_desktop.ui.operations import accept_if_done, attempt
from integrity_desktop.ui.text import isolate, shown_number
from integrity_desktop.ui.widgets.buttons import button_row, push_button
from integrity_desktop.ui.widgets.fields import form_row, text_field
from integrity_desktop.ui.widgets.form_errors import finish_form
from integrity_desktop.ui.widgets.panels import tab_page


class NewUserDialog(QDialog):
    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setWindowTitle(self.tr("New user"))
        form = QFormLayout(self)
        self.username = form_row(form, self.tr("Username (Latin):"), text_field("username"))
        self.full_name = form_row(form, self.tr("Full name:"), text_field("full_name"))
        self.role = form_row(form, self.tr("Role:"), QComboBox())
        for role in ROLES:
            self.role.addItem(ROLE_LABELS_FA[role], role)
        self.password = form_row(form, self.tr("First password:"), text_field("password", secret=True))
        self.error, _buttons = finish_form(self, form, self.try_create)

    def try_create(self) -> None:
        accept_if_done(self, lambda: users.create_user(
            self.ctx.store, self.ctx.actor, self.username.text().strip(),
            self.full_name.text(), str(self.role.currentData()), self.password.text(),
        ), self.error)


class SettingsScreen(QWidget):
    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.tabs = QTabWidget()
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs)
        if ctx.can("users.manage"):
            self.tabs.addTab(self._users_tab(), self.tr("Users"))
        self.tabs.addTab(self._units_tab(), self.tr("Units"))
        self.tabs.addTab(self._about_tab(), self.tr("Data store"))

    # users -------------------------------------------------------------------------
    def _users_tab(self) -> QWidget:
        self.users_table = QTableWidget(0, 3)
        self.users_table.setHorizontalHeaderLabels(
            [self.tr("Username"), self.tr("Full name"), self.tr("Role")]
        )
        self.users_table.horizontalHeader().setStretchLastSection(True)
        self.users_table.verticalHeader().setVisible(False)
        self.users_table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        add = push_button(self.tr("New user…"), tip=self.tr("Add a user of this office"),
                          on_click=self.add_user)
        reset = push_button(self.tr("Reset password…"), tip=self.tr("Give the selected user a new password"),
                            on_click=self.reset_password)
        return tab_page(button_row(add, reset), self.users_table)

    def add_user(self) -> None:
        if NewUserDialog(self.ctx, self).exec() == QDialog.DialogCode.Accepted:
            self.refresh()

    def reset_password(self) -> None:
        row = self.users_table.currentRow()
        if row < 0:
            return
        item = self.users_table.item(row, 0)
        if item is None:
            return
        username = item.text()
        password, ok = QInputDialog.getText(
            self, self.tr("Reset password"), self.tr("New password for {user}:").format(user=isolate(username)),
            QLineEdit.EchoMode.Password,
        )
        if ok:
            attempt(self, lambda: users.reset_password(self.ctx.store, self.ctx.actor, username, password))

    # units -------------------------------------------------------------------------
    def _units_tab(self) -> QWidget:
        page = QWidget()
        self.units_table = QTableWidget(0, 2)
        self.units_table.setHorizontalHeaderLabels([self.tr("Unit"), self.tr("Kind")])
        self.units_table.horizontalHeader().setStretchLastSection(True)
        self.units_table.verticalHeader().setVisible(False)
        self.units_table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        layout = QVBoxLayout(page)
        if self.ctx.can("units.manage"):
            add = push_button(self.tr("New unit…"), tip=self.tr("Add an office or a training centre"),
                              on_click=self.add_unit)
            row = button_row(add)
            layout.addLayout(row)
        layout.addWidget(self.units_table)
        return page

    def add_unit(self) -> None:
        name, ok = QInputDialog.getText(self, self.tr("New unit"), self.tr("Unit name:"))
        if ok:
            attempt(self, lambda: offices.add_unit(self.ctx.store, self.ctx.actor, name))
            self.refresh()

    def _about_tab(self) -> QWidget:
        page = QWidget()
        form = QFormLayout(page)
        location = QLabel(self.ctx.store.location)
        location.setTextInteractionFlags(location.textInteractionFlags() | location.textInteractionFlags().TextSelectableByMouse)
        form.addRow(self.tr("Store:"), location)
        form.addRow(self.tr("Files folder:"), QLabel(str(self.ctx.store.files_dir)))
        from integrity_desktop import logs

        log_path = logs.current_log() or logs.log_dir_for(self.ctx.store.location) / logs.LOG_NAME
        log_label = QLabel(str(log_path))
        log_label.setObjectName("log_file")
        log_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        form.addRow(self.tr("Log file:"), log_label)
        form.addRow(self.tr("Version:"), QLabel(shown_number(__version__)))
        return page

    def refresh(self) -> None:
        if self.ctx.can("users.manage"):
            rows = users.list_users(self.ctx.store, self.ctx.actor)
            self.users_table.setRowCount(len(rows))
            for i, u in enumerate(rows):
                for j, text in enumerate([u.username, u.full_name, ROLE_LABELS_FA.get(u.role, u.role)]):
                    self.users_table.setItem(i, j, QTableWidgetItem(text))
        kinds = {"center": self.tr("Training centre"), "office": self.tr("Office")}
        units = offices.list_units(self.ctx.store)
        self.units_table.setRowCount(len(units))
        for i, unit in enumerate(units):
            self.units_table.setItem(i, 0, QTableWidgetItem(unit.name_fa))
            self.units_table.setItem(i, 1, QTableWidgetItem(kinds.get(unit.kind, unit.kind)))
