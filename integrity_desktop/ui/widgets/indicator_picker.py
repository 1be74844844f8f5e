"""A finding's related indicator, chosen from the three-year programme's list: type part of the
number (in Persian or Latin digits) or of the title and pick from what matches."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QCompleter, QLineEdit, QWidget

from integrity_desktop.digits import to_persian_digits
from integrity_desktop.services.inspections.common import indicator_choices


def choice_text(code: str, title: str) -> str:
    return f"{to_persian_digits(code)} — {title}"


class IndicatorPicker(QComboBox):
    """``code()`` is the chosen indicator's code ("" for none); text that matches no indicator
    is returned as typed, so the service's message says what is wrong."""

    def __init__(self, none_text: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("indicator")
        self.setEditable(True)
        self.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.setMaxVisibleItems(15)
        self.setMinimumContentsLength(30)
        self.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.addItem("", "")  # none: the empty line shows ``none_text`` as its placeholder
        for code, title in indicator_choices():
            self.addItem(choice_text(code, title), code)
        line = self.lineEdit()
        assert line is not None  # an editable combo box always has its line edit
        self._line: QLineEdit = line
        completer = QCompleter(self.model(), self)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        self.setCompleter(completer)
        self._completer = completer
        self._line.setPlaceholderText(none_text)
        self._line.textEdited.connect(self._persian_digits)
        self.setCurrentIndex(0)

    def _persian_digits(self, text: str) -> None:
        # The list shows Persian digits: "22/1" typed on a Latin keyboard must match «۲۲/۱».
        shown = to_persian_digits(text)
        if shown != text:
            cursor = self._line.cursorPosition()
            self._line.setText(shown)
            self._line.setCursorPosition(cursor)
            self._completer.setCompletionPrefix(shown)
            self._completer.complete()

    def set_code(self, code: str) -> None:
        index = self.findData(code or "")
        if index < 0:
            self.setEditText(to_persian_digits(code))
        else:
            self.setCurrentIndex(index)

    def code(self) -> str:
        text = self.currentText().strip()
        index = self.findText(text)
        if index >= 0:
            return str(self.itemData(index))
        if not text:
            return ""
        # Typed, not picked: a bare number ("۲۲/۱") or the start of a listed line.
        return text.split("—")[0].strip()
