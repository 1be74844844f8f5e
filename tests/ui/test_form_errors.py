"""Issue 16 item 10: a form's error line disappears as soon as a field is changed, in every kind
of dialog (cases, committee, rights, checklists, templates, inspections), and a refused save
wrote nothing."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QDialog, QLabel, QLineEdit, QWidget

from integrity_desktop.db.store import Store
from integrity_desktop.services.cases import register as cases
from integrity_desktop.ui.context import UiContext
from tests.conftest import actor

pytestmark = pytest.mark.gui


def _type(widget: QWidget, text: str) -> None:
    widget.setFocus()
    for ch in text:
        QTest.sendKeyEvent(QTest.KeyAction.Click, widget, Qt.Key.Key_unknown, ch, Qt.KeyboardModifier.NoModifier)


def _check(qtbot, dialog: QDialog, save, field: QLineEdit) -> None:  # type: ignore[no-untyped-def]
    qtbot.addWidget(dialog)
    error = dialog.findChild(QLabel, "error")
    assert error is not None
    save()
    assert error.text(), type(dialog).__name__  # refused: an empty required field
    _type(field, "ا")
    assert error.text() == "", type(dialog).__name__


def test_an_error_line_clears_when_a_field_changes(qtbot, store: Store) -> None:  # type: ignore[no-untyped-def]
    from integrity_desktop.ui.screens.cases.dialogs import RegisterCaseDialog
    from integrity_desktop.ui.screens.checklists.templates import NewTemplateDialog
    from integrity_desktop.ui.screens.committee.dialogs import MemberDialog
    from integrity_desktop.ui.screens.inspections.dialogs import InspectorDialog

    ctx = UiContext(store, actor("admin", store.office_code))
    before = cases.count_cases(store, ctx.actor)
    case = RegisterCaseDialog(ctx)
    _check(qtbot, case, case.register, case.employee_name)
    assert cases.count_cases(store, ctx.actor) == before
    member = MemberDialog(ctx)
    _check(qtbot, member, member.save, member.full_name)
    inspector = InspectorDialog(ctx)
    _check(qtbot, inspector, inspector.save, inspector.full_name)
    template = NewTemplateDialog(ctx)
    line = template.findChildren(QLineEdit)[0]
    _check(qtbot, template, template.try_create, line)


def test_a_refusal_is_shown_in_the_interface_language(qtbot, store: Store) -> None:  # type: ignore[no-untyped-def]
    """Issue 19 item 1: a dialog shows the service's message in the language of the interface
    (it used to show the Persian one whatever the language)."""
    from integrity_desktop.ui.screens.checklists.templates import NewTemplateDialog
    from integrity_desktop.ui.screens.inspections.dialogs import FindingDialog

    for lang in ("en", "fa"):
        ctx = UiContext(store, actor("admin", store.office_code), lang=lang)
        for dialog, save in ((d := FindingDialog(ctx), d.accept_finding), (t := NewTemplateDialog(ctx), t.try_create)):
            qtbot.addWidget(dialog)
            save()
            text = dialog.findChild(QLabel, "error").text()
            persian = any("\u0600" <= ch <= "\u06ff" for ch in text)
            assert text and persian == (lang == "fa"), (lang, type(dialog).__name__, text)
