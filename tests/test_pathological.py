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


def _import_seconds(raw: bytes) -> float:
    import contextlib
    import time

    from reportlint.readers.pagetext import PageError, import_page_text

    start = time.perf_counter()
    with contextlib.suppress(PageError):
        import_page_text(raw)
    return time.perf_counter() - start


def test_page_dump_header_and_title_of_spaces_import_in_linear_time() -> None:
    # The fuzz campaign's slowest case: runs of spaces in a page dump's header and
    # title line made the header and title patterns backtrack (5 s for 15 KB).
    spaces = b" " * 15_000
    page = (b"CAREER Dec 17, 2025 By Someone" + spaces + b"\nUS Production" + spaces
            + b"Support Analyst Fintech Market Analysis 2025" + spaces + b"\nExecutive "
            b"Summary (" + spaces + b"\n- A bullet.\n")
    ordinary = (b"CAREER Dec 17, 2025 By Someone\nUS Production Support Analyst Fintech "
                b"Market Analysis 2025\nExecutive Summary\n" + b"A sentence of text. " * 2_300)
    _import_seconds(ordinary)
    assert _import_seconds(page) <= BOUND * max(_import_seconds(ordinary), 0.005)


def test_a_heading_of_spaces_and_brackets_splits_in_linear_time() -> None:
    import time

    from reportlint.schema import split_qualifier

    start = time.perf_counter()
    assert split_qualifier("Market Snapshot" + " " * 50_000 + "(x")[1] is None
    assert split_qualifier("Market Snapshot" + " " * 50_000 + "(2025)") == (
        "Market Snapshot", "2025")
    assert time.perf_counter() - start < 0.5  # the old pattern: minutes
