"""No input makes a check slower than linear: each pathological shape (bench/
pathological.py, where the table of times per MB is made) at 50 KB in a report is
checked within a bound of the same report with 50 KB of its own prose, timed in the same
test. The bound is loose (a shared machine), but each of these shapes once took from
ten to several hundred times as long, growing with the square of its size."""

from __future__ import annotations

import sys

import pytest
from conftest import ROOT

sys.path.insert(0, str(ROOT / "bench"))

from hostile import hostile_report
from pathological import SHAPES, check_seconds

SIZE = 50_000
BOUND = 12.0  # times ordinary prose of the same size; measured: at most 6


@pytest.fixture(scope="module")
def ordinary_seconds() -> float:
    check_seconds(hostile_report("ordinary", 1000))  # imports and packaged data
    return check_seconds(hostile_report("ordinary", SIZE), runs=2)


@pytest.mark.parametrize("shape", SHAPES, ids=repr)
def test_shape_is_checked_in_linear_time(shape: str, ordinary_seconds: float) -> None:
    seconds = check_seconds(hostile_report(shape, SIZE))
    if seconds > BOUND * ordinary_seconds:  # once more, in case the machine was busy
        seconds = min(seconds, check_seconds(hostile_report(shape, SIZE)))
    assert seconds <= BOUND * ordinary_seconds, (
        f"{shape!r}: {seconds:.2f}s for {SIZE // 1000} KB, ordinary prose "
        f"{ordinary_seconds:.2f}s (bound {BOUND:g}x)")
