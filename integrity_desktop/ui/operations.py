"""One way for a widget to call a service (issue 19 item 1; Anki's ``CollectionOp``/``QueryOp``).

    done = attempt(self, lambda: templates.create_template(store, actor, ...), error_label=self.error)
    if not done:
        return                      # refused: the message is shown, the dialog stays open
    self.created = done.value

    run_in_background(self, lambda report: export(..., progress=report), on_done=self.exported,
                      error_label=self.error, title=writing_title, cancellable=True)

What happens to an error is decided here, once:

* a ``UserError`` (the service refused, and says what to do) is shown in the language of the
  interface: the ``UiContext`` of the widget (or of a widget it sits in), else the application's;
  in ``error_label`` when the form has an error line, else in a message box;
* anything else is a bug: it goes to ``sys.excepthook``, which the application points at its log
  and crash dialog (``ui/crash.py``): the traceback is written to the log, the person is told
  where it is, and the program goes on.  Nothing is swallowed;
* ``tasks.Cancelled`` (the person pressed Cancel on the progress dialog) is neither: ``on_cancel``.

The work never touches a widget; ``on_done`` runs on the GUI thread with the work's result.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from typing import Any, Generic, TypeVar

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QDialog, QLabel, QWidget

from integrity_desktop.errors import UserError
from integrity_desktop.ui.tasks import Cancelled, Report, run_task
from integrity_desktop.ui.widgets.messages import app_lang, error_text, show_exception

T = TypeVar("T")
_MISSING: Any = object()


class Outcome(Generic[T]):
    """What ``attempt`` returns: true when the work ran to its end, with its ``value``."""

    __slots__ = ("_value",)

    def __init__(self, value: T) -> None:
        self._value = value

    def __bool__(self) -> bool:
        return self._value is not _MISSING

    @property
    def value(self) -> T:
        if self._value is _MISSING:
            raise AttributeError("the operation did not succeed: it has no value")
        return self._value


def lang_of(widget: QObject | None) -> str:
    """The interface language a widget shows: its own ``ctx`` (a ``UiContext``), else that of the
    nearest widget it sits in that has one, else the application's."""
    node = widget
    while node is not None:
        lang = getattr(getattr(node, "ctx", None), "lang", None)
        if isinstance(lang, str) and lang:
            return lang
        node = node.parent()
    return app_lang()


def report_bug(exc: BaseException) -> None:
    """A bug: through the application's hook (the log with the traceback, the crash dialog);
    the program goes on."""
    sys.excepthook(type(exc), exc, exc.__traceback__)


def show_failure(parent: QWidget | None, exc: BaseException, error_label: QLabel | None = None,
                 lang: str | None = None) -> None:
    """Tell the person about ``exc``: a refusal in ``error_label`` (or a message box) in the
    interface language; a bug through ``report_bug``."""
    if not isinstance(exc, UserError):
        report_bug(exc)
        return
    if error_label is not None:
        error_label.setText(error_text(exc, lang or lang_of(error_label)))
    else:
        show_exception(parent, exc, lang or lang_of(parent))


def attempt(
    parent: QWidget | None,
    work: Callable[[], T],
    *,
    error_label: QLabel | None = None,
    on_done: Callable[[T], object] | None = None,
    lang: str | None = None,
) -> Outcome[T]:
    """Run a short service call now, on the GUI thread.  On success ``on_done(result)`` runs and
    the outcome is true; a refusal or a bug is shown (see the module) and the outcome is false."""
    try:
        result = work()
    except Exception as exc:  # shown or reported, never swallowed
        show_failure(parent, exc, error_label, lang)
        return Outcome(_MISSING)
    if on_done is not None:
        on_done(result)
    return Outcome(result)


def run_in_background(
    parent: QWidget | None,
    work: Callable[[Report], T],
    *,
    on_done: Callable[[T], object] | None = None,
    error_label: QLabel | None = None,
    on_failed: Callable[[BaseException], object] | None = None,
    on_cancel: Callable[[], object] | None = None,
    title: str = "",
    modal_progress: bool = True,
    cancellable: bool = False,
) -> None:
    """Run slow work off the GUI thread (``tasks.run_task``: a modal progress dialog that the
    work's ``report(done, total, text)`` moves; with ``cancellable`` a Cancel button, after which
    the next ``report`` stops the work).  ``on_done(result)`` runs on the GUI thread; a failure
    is shown as by ``attempt``, and then ``on_failed(exc)`` runs (re-enable a button, say)."""

    def failed(exc: BaseException) -> None:
        if isinstance(exc, Cancelled):
            if on_cancel is not None:
                on_cancel()
            return
        show_failure(parent, exc, error_label)
        if on_failed is not None:
            on_failed(exc)

    run_task(parent, work, on_done, failed, title=title, modal_progress=modal_progress,
             cancellable=cancellable)


def accept_if_done(dialog: QDialog, work: Callable[[], T], error_label: QLabel,
                   on_done: Callable[[T], object] | None = None) -> Outcome[T]:
    """A form dialog's save: run ``work``; if it went through, ``on_done(result)`` (keep what was
    made) and close the dialog (``accept``); else the refusal is in ``error_label`` and the
    dialog stays open with what was typed."""
    error_label.clear()
    done = attempt(dialog, work, error_label=error_label, on_done=on_done)
    if done:
        dialog.accept()
    return done
