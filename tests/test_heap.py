"""The collector's thresholds during bulk work (``heap.bulk``): raised for the work, restored
after it, also when it fails or when bulk work nests or overlaps in two threads."""

from __future__ import annotations

import gc
import threading

import pytest

from integrity_desktop import heap


@pytest.fixture
def thresholds():
    before = gc.get_threshold()
    gc.set_threshold(700, 10, 10)
    yield
    gc.set_threshold(*before)


def test_bulk_work_collects_the_young_generation_less_often(thresholds) -> None:
    with heap.bulk():
        assert gc.get_threshold() == (heap.BULK_THRESHOLD, 10, 10)
    assert gc.get_threshold() == (700, 10, 10)


def test_a_failure_inside_bulk_work_restores_the_thresholds(thresholds) -> None:
    with pytest.raises(RuntimeError), heap.bulk():
        raise RuntimeError("the import was refused")
    assert gc.get_threshold() == (700, 10, 10)


def test_nested_bulk_work_restores_once_the_outermost_ends(thresholds) -> None:
    with heap.bulk():
        with heap.bulk():
            pass
        assert gc.get_threshold()[0] == heap.BULK_THRESHOLD
    assert gc.get_threshold() == (700, 10, 10)


def test_overlapping_bulk_work_in_two_threads_restores_the_thresholds(thresholds) -> None:
    inside, release = threading.Event(), threading.Event()

    def other() -> None:
        with heap.bulk():
            inside.set()
            release.wait(10)

    t = threading.Thread(target=other)
    t.start()
    assert inside.wait(10)
    with heap.bulk():
        pass
    assert gc.get_threshold()[0] == heap.BULK_THRESHOLD  # the other thread's work goes on
    release.set()
    t.join(10)
    assert gc.get_threshold() == (700, 10, 10)


def test_a_higher_threshold_set_by_the_program_is_kept(thresholds) -> None:
    gc.set_threshold(100_000, 10, 10)
    with heap.bulk():
        assert gc.get_threshold()[0] == 100_000
    assert gc.get_threshold() == (100_000, 10, 10)
