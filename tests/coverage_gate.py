"""The coverage gate of the test command (``python -m pytest -p tests.coverage_gate``).

It measures the lines of ``integrity_desktop/sync/``, ``clock.py`` and ``jalali.py`` (the code
every bundle and every date goes through; ``[tool.coverage.run]`` in pyproject.toml) run by
*their own tests*, ``GATE_TESTS``, and fails the run below ``[tool.coverage.report]
fail_under`` per cent.  Only those tests run under the tracer: on Python 3.11 coverage's tracer
slows every Python call, measured or not (a third on the service tests), so tracing the whole
suite would cost minutes for nothing.  The tracer also runs from before ``conftest.py`` imports
the app to the end of collection, so module-level lines (imports, definitions) count as run.
"""

from __future__ import annotations

import io
import re
from collections.abc import Generator
from pathlib import Path

import coverage
import pytest

# The tests of the gated code: the sync tests (GUI ones included), the bundle fuzzing, and
# the clock and Jalali tests.
GATE_TESTS = re.compile(r"(?:^|/)tests/(?:ui/)?test_(?:sync|fuzz|clock|digits_jalali)[^/]*\.py$")

_cov: coverage.Coverage | None = None
_verdict: list[str] = []
_last_measured = False
GATED_MODULES = re.compile(r"^integrity_desktop\.(?:sync(?:\.|$)|clock$|jalali$)")


def _clear_gated_caches() -> None:
    """Empty the ``functools`` caches of the gated modules where measuring starts again after
    unmeasured tests: a cache filled by one of those (a bundle imported by a screen's test) would
    hide the lines that fill it (the per-table line readers of ``bundle_format``) from the gate."""
    import sys

    for name, module in list(sys.modules.items()):
        if module is None or not GATED_MODULES.match(name):
            continue
        for value in list(vars(module).values()):
            clear = getattr(value, "cache_clear", None)
            if callable(clear) and getattr(value, "__module__", None) == name:
                clear()


@pytest.hookimpl(tryfirst=True)
def pytest_load_initial_conftests(early_config: pytest.Config) -> None:
    global _cov
    _cov = coverage.Coverage(data_file=None, config_file=str(Path(early_config.rootpath) / "pyproject.toml"))
    _cov.start()


def pytest_collection_finish(session: pytest.Session) -> None:
    if _cov is not None:
        _cov.stop()


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_protocol(item: pytest.Item) -> Generator[None, None, None]:
    global _last_measured
    measured = _cov is not None and GATE_TESTS.search(item.path.as_posix()) is not None
    if measured:
        assert _cov is not None
        if not _last_measured:
            _clear_gated_caches()
        _cov.start()
    _last_measured = measured
    try:
        yield
    finally:
        if measured:
            assert _cov is not None
            _cov.stop()


@pytest.hookimpl(hookwrapper=True)
def pytest_runtestloop(session: pytest.Session) -> Generator[None, None, None]:
    yield
    if _cov is None or session.config.option.collectonly:
        return
    text = io.StringIO()
    total = _cov.report(file=text)
    fail_under = float(_cov.get_option("report:fail_under") or 0)  # type: ignore[arg-type]
    _verdict.append(text.getvalue())
    if total < fail_under:
        _verdict.append(f"coverage gate FAILED: {total:.2f}% of the gated lines run by their tests, "
                        f"below {fail_under:g}%")
        session.testsfailed += 1
    else:
        _verdict.append(f"coverage gate passed: {total:.2f}% of the gated lines (at least {fail_under:g}%)")


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    if _verdict:
        terminalreporter.write_sep("-", "coverage gate: sync/, clock.py, jalali.py")
        for part in _verdict:
            terminalreporter.write_line(part.rstrip())
