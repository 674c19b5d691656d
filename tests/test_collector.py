"""A batch run collects cycles less often (`run/collector.py`), which holds no more memory
only while checking a report leaves no reference cycles behind: what a report made is
freed when its last reference goes. These tests hold both."""

from __future__ import annotations

import gc
from pathlib import Path

import pytest
from reportlint.config import Config
from reportlint.readers import read_document
from reportlint.run.collector import BATCH_THRESHOLDS, batch_collection
from reportlint.run.engine import RuleSet, lint_document, summarize

ROOT = Path(__file__).resolve().parent.parent
REAL_PAGES = ROOT.parent / "shared" / "realpages"


def test_a_batch_raises_the_thresholds_and_puts_them_back():
    before = gc.get_threshold()
    try:
        gc.set_threshold(700, 10, 10)
        with batch_collection():
            assert gc.get_threshold() == BATCH_THRESHOLDS
        assert gc.get_threshold() == (700, 10, 10)
        gc.set_threshold(100_000, 5, 50)  # set higher by whoever runs us: kept
        with batch_collection():
            assert gc.get_threshold() == (100_000, 20, 50)
        assert gc.get_threshold() == (100_000, 5, 50)
    finally:
        gc.set_threshold(*before)


def test_checking_reports_leaves_no_cycles():
    """Reports of different roles, industries and formats, each checked and summarised
    as a batch run does; nothing of ours may be left for the collector. (A rule that
    remembered its answers in a cache holding its owner left some 1,200 objects per
    report.)"""
    paths = sorted([*(ROOT / "content").glob("*.md"), *(ROOT / "content").glob("*.yaml"),
                    *[page for page in REAL_PAGES.glob("*.md") if page.name != "README.md"][:3]])
    if len(paths) < 4:
        pytest.skip("needs content/ and ../shared/realpages")
    rules = RuleSet(Config())
    for path in paths[:1]:  # what is built once per run (data, patterns) is not a leftover
        doc = read_document(path)
        lint_document(doc, rules)
        summarize(doc, rules)
    del doc
    gc.collect()
    enabled = gc.isenabled()
    gc.disable()
    gc.set_debug(gc.DEBUG_SAVEALL)
    try:
        for path in paths:
            doc = read_document(path)
            list(lint_document(doc, rules))
            summarize(doc, rules)
        del doc
        gc.collect()
        left = {type(o) for o in gc.garbage}
    finally:
        gc.set_debug(0)
        gc.garbage.clear()
        if enabled:
            gc.enable()
    ours = sorted(f"{t.__module__}.{t.__qualname__}" for t in left
                  if t.__module__.startswith("reportlint"))
    # ruamel's loader for a YAML report is a few hundred objects in cycles of their own,
    # gathered by the young generation's collections; none of ours may be among them.
    assert ours == []
