"""The per-file half of `engine.lint_paths`: each file read and parsed once, its per-file
findings and cross-report summaries computed in worker processes, and taken from the
cache when the file has not changed.

Files are independent until the cross-report rules compare their summaries, which the
engine does afterwards in the calling process. Results come back in the order of the
targets whatever the number of workers, so `--jobs 1` and `--jobs 8` print the same.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from reportlint.readers import read_document
from reportlint.run.collector import batch_collection, collect_in_batches

if TYPE_CHECKING:
    from concurrent.futures import ProcessPoolExecutor

    from reportlint.config import Config
    from reportlint.findings import Finding
    from reportlint.rules.registry import Rule
    from reportlint.run.cache import Cache
    from reportlint.run.discovery import Target
    from reportlint.run.engine import RuleSet
    from reportlint.run.findingstore import FindingSink

# A pool costs a fork per worker and a round trip per file; below this many files per
# worker one process is as fast.
MIN_FILES_PER_WORKER = 4


@dataclass(frozen=True, slots=True)
class FileResult:
    """One file's findings, and its summaries by cross-report rule code (None when the
    run does not compare files)."""

    findings: list[Finding]
    summaries: dict[str, object] | None
    key: str | None = None  # the cache key of the file's bytes, when cached


def default_jobs() -> int:
    """The number of cores this process may run on."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def check_file(target: Target, rules: RuleSet, *, summarize: bool,
               cache: Cache | None = None) -> FileResult:
    """Read, parse, check and (for cross-report rules) summarize one file; cache the result."""
    from reportlint.run import engine

    max_bytes = rules.config.max_file_size
    content = None
    if cache is not None:
        from reportlint.run.cache import read_for_cache

        content = read_for_cache(target.path, max_bytes)
    doc = read_document(target.path, display=target.display, max_bytes=max_bytes,
                        content=content)
    findings = engine.lint_document(doc, rules)
    summaries = engine.summarize(doc, rules) if summarize else None
    key = None
    if cache is not None and content is not None:
        key = cache.key(target.display, content)
        cache.store(key, findings, summaries)
    return FileResult(findings, summaries, key)


def handed_over(result: FileResult, found: FindingSink | None) -> FileResult:
    """`result` with its findings handed to `found` (when there is one), not kept."""
    if found is None or not result.findings:
        return result
    found.file_findings(result.findings[0].path, result.findings)
    return FileResult([], result.summaries, result.key)


def check_targets(targets: Sequence[Target], rules: RuleSet, *, summarize: bool, jobs: int,
                  cache: Cache | None = None,
                  progress: Callable[[int], None] | None = None,
                  found: FindingSink | None = None) -> list[FileResult]:
    """`check_file` for every target, in the targets' order: cached results first, the
    rest in `jobs` worker processes (in this process when there are few). With `found`,
    each file's findings go there as it is checked and the results returned have none,
    so that a large corpus's findings are not all held here at once."""
    with batch_collection():  # forked workers inherit it
        return _check_targets(targets, rules, summarize=summarize, jobs=jobs, cache=cache,
                              done=progress or (lambda count: None), found=found)


def _check_targets(targets: Sequence[Target], rules: RuleSet, *, summarize: bool, jobs: int,
                   cache: Cache | None, done: Callable[[int], None],
                   found: FindingSink | None) -> list[FileResult]:
    def checked_here(index: int) -> FileResult:
        return handed_over(check_file(targets[index], rules, summarize=summarize, cache=cache),
                           found)

    results: list[FileResult | None] = [None] * len(targets)
    todo = []
    for index, target in enumerate(targets):
        cached = _from_cache(target, rules, cache, summarize) if cache is not None else None
        if cached is None:
            todo.append(index)
        else:
            results[index] = handed_over(cached, found)
            done(1)
    workers = min(jobs, len(todo) // MIN_FILES_PER_WORKER)
    if workers > 1:
        # The first file is checked here: it warms the parser, the rules' data files and
        # the models once, and forked workers inherit them instead of each loading them.
        first = todo.pop(0)
        results[first] = checked_here(first)
        done(1)
        todo = _check_in_pool(targets, todo, results, rules, summarize, cache, workers, done,
                              found)
    for index in todo:
        results[index] = checked_here(index)
        done(1)
    return [result for result in results if result is not None]


def _from_cache(target: Target, rules: RuleSet, cache: Cache,
                summarize: bool) -> FileResult | None:
    from reportlint.run.cache import read_for_cache

    content = read_for_cache(target.path, rules.config.max_file_size)
    if content is None:
        return None
    key = cache.key(target.display, content)
    entry = cache.load(key)
    if entry is None or (summarize and entry.summaries is None):
        return None
    return FileResult(list(entry.findings), entry.summaries if summarize else None, key)


def _check_in_pool(targets: Sequence[Target], todo: list[int], results: list[FileResult | None],
                   rules: RuleSet, summarize: bool, cache: Cache | None, workers: int,
                   done: Callable[[int], None], found: FindingSink | None) -> list[int]:
    """Fill `results` for `todo` in a process pool; return the indices left undone (all of
    them after the first if a worker died, to be checked in this process)."""
    from concurrent.futures.process import BrokenProcessPool

    chunk = max(1, min(16, len(todo) // (workers * 8)))
    finished = 0
    pool = _pool(workers, rules, summarize, cache)
    try:
        for result in pool.map(_check_in_worker, [targets[i] for i in todo], chunksize=chunk):
            results[todo[finished]] = handed_over(result, found)
            finished += 1
            done(1)
    except BrokenProcessPool:
        pass
    finally:  # on Ctrl-C, drop the queued files instead of checking them all first
        pool.shutdown(wait=True, cancel_futures=True)
    return todo[finished:]


def _pool(workers: int, rules: RuleSet, summarize: bool,
          cache: Cache | None) -> ProcessPoolExecutor:
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    # fork: workers start with everything this process imported and warmed. Elsewhere
    # (macOS, Windows) each worker imports reportlint and builds its rules once.
    fork = sys.platform == "linux"
    context = multiprocessing.get_context("fork" if fork else None)
    inherited = rules if fork else None
    return ProcessPoolExecutor(workers, mp_context=context, initializer=_start_worker,
                               initargs=(rules.config, rules.rules, summarize, cache, inherited,
                                         os.getpid()))


_WORKER: tuple[RuleSet, bool, Cache | None] | None = None


def _end_with_parent(parent: int) -> None:
    """Have the kernel end this worker when the process that started it dies (killed -9,
    it never shuts the pool down), so no worker outlives its run. Linux only: elsewhere
    the pool's own shutdown is all there is."""
    if not sys.platform.startswith("linux"):
        return
    import ctypes
    import signal

    try:
        libc = ctypes.CDLL(None, use_errno=True)
        pr_set_pdeathsig = 1
        libc.prctl(pr_set_pdeathsig, signal.SIGKILL)
    except (OSError, AttributeError):
        return
    if os.getppid() != parent:  # the parent died before the request took hold
        os._exit(1)


def _start_worker(config: Config, rule_classes: Sequence[type[Rule]], summarize: bool,
                  cache: Cache | None, inherited: RuleSet | None, parent: int) -> None:
    global _WORKER
    import signal

    from reportlint.run.engine import RuleSet

    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's to handle
    collect_in_batches()  # a spawned worker does not inherit the parent's thresholds
    _end_with_parent(parent)
    rules = inherited if inherited is not None else RuleSet(config, rule_classes)
    _WORKER = (rules, summarize, cache)


def _check_in_worker(target: Target) -> FileResult:
    assert _WORKER is not None, "worker used before _start_worker"
    rules, summarize, cache = _WORKER
    return check_file(target, rules, summarize=summarize, cache=cache)
