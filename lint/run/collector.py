"""How often Python's cycle collector runs while a batch of reports is checked.

CPython starts a collection every 700 new container objects, and a full one walks every
object that has lived long. Checking a report makes tens of thousands of objects that
live as long as the report does (its units, sentences and words, the rules' remembered
answers), so at the default thresholds they outlive two collections, are promoted, and
each full collection walks them and every cache again: about one full collection per
17 reports, 18% of the CPU of a 300-report run (`bench/README.md`). Long batch runs of
Python commonly raise the first threshold; at 50,000 the same run collects a few dozen
times, none of them full, and holds no more memory, because what a report leaves behind
is freed when its last reference goes, not by the collector (tests/test_collector.py
holds a checked report to leaving no cycles).
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager

BATCH_THRESHOLDS = (50_000, 20, 20)


@contextmanager
def batch_collection() -> Iterator[None]:
    """Collect cycles less often while the block runs (never more often than the
    thresholds already set); the thresholds are as before afterwards."""
    before = gc.get_threshold()
    gc.set_threshold(*_raised(before))
    try:
        yield
    finally:
        gc.set_threshold(*before)


def collect_in_batches() -> None:
    """`batch_collection` for the rest of a worker process's life."""
    gc.set_threshold(*_raised(gc.get_threshold()))


def _raised(thresholds: tuple[int, int, int]) -> tuple[int, ...]:
    return tuple(max(now, batch) for now, batch in zip(thresholds, BATCH_THRESHOLDS,
                                                       strict=True))
