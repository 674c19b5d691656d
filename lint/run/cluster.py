"""The per-file pass on a Dask cluster (`--executor dask`, the `dask` extra): for a
corpus larger than one machine checks in good time, on the cluster a publisher already
runs, or on a `LocalCluster` started for the run.

Files go to the workers in batches; each worker builds the rules once per config and
reads, checks and summarizes its files, through the cache when the cache folder is one
the workers share. Each batch's findings go to the run's finding store as they come
back (`FindingSink`), and the store prints them in the same order as with `--jobs`, so
the run's output is the same. Workers read the reports at the paths
the driver found them: on a cluster, the reports live on a file system every worker
mounts at the same place (as for any Dask job that reads files).

The shared-passage comparison (D004) runs on the cluster too, so that no one process
holds the corpus: each report's passage prints stay on the worker that made them; each
batch sends its posting entries, a piece for each group of hashes, to that group's task,
which works out what its shared hashes tell the reports holding them and sends each
batch its part; each batch's hits are made where its prints are
(`reportlint.corpus.partitioned`). Only findings come back to where the run started,
one batch at a time, into the same store.
Dask is imported only here, and only when this executor is asked for.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from math import isqrt
from typing import TYPE_CHECKING, Any

from reportlint.run.collector import batch_collection
from reportlint.run.engine import RuleSet
from reportlint.run.parallel import FileResult, check_file, handed_over

if TYPE_CHECKING:
    from reportlint.config import Config
    from reportlint.rules.registry import Rule
    from reportlint.run.cache import Cache
    from reportlint.run.discovery import Target
    from reportlint.run.findingstore import FindingSink

# Files a batch: at least BATCH, so that scheduling costs little beside the checking
# (about 40 files a second a core); about BATCHES_A_WORKER batches a worker, so that each
# gets several and the comparison few pieces (every group of hashes sends each batch the
# heads its answers name, so fewer, larger batches get fewer copies: at 10,000 reports on
# 2 workers the comparison took 63 s in 157 batches, 37 s in 16); at most MOST_IN_BATCH,
# so that a batch's findings come back to the driver in a modest piece.
BATCH = 64
BATCHES_A_WORKER = 8
MOST_IN_BATCH = 1000
LOCAL_WORKERS = 2


@dataclass
class DaskExecutor:
    """Checks files on the Dask scheduler at `scheduler` (an address such as
    tcp://10.0.0.5:8786), or on a LocalCluster of `workers` processes started for the
    run and stopped after it when there is none."""

    scheduler: str | None = None
    workers: int = LOCAL_WORKERS
    # Files a batch, when set; else `work_shape` sizes them to the corpus and the cluster.
    batch: int | None = None
    # The cross-report rules compared on the cluster in the last run (their hits went
    # to the run's `found`; the pipeline does not compare their summaries again).
    compared: set[str] = field(default_factory=set)

    def check_targets(self, targets: Sequence[Target], rules: RuleSet, *, summarize: bool,
                      cache: Cache | None = None,
                      progress: Callable[[int], None] | None = None,
                      found: FindingSink | None = None) -> list[FileResult]:
        """Each file's result, in the targets' order. With `found`, findings go there as
        each batch's come back (the results returned have none), and so do the shared
        passages compared on the cluster; without it, the cluster compares nothing."""
        from distributed import Client, LocalCluster, as_completed

        self.compared = set()
        if not targets:
            return []
        compare = found is not None and summarize and any(
            rule.code == SHARED_PASSAGE for rule, _ in rules.for_path("") if rule.corpus)
        cluster = None
        if self.scheduler is None:
            cluster = LocalCluster(n_workers=self.workers, threads_per_worker=1,
                                   processes=True, dashboard_address=None)
        client = Client(self.scheduler or cluster)
        try:
            shape = work_shape(len(targets), len(client.scheduler_info()["workers"]),
                               self.batch)
            batches = [list(targets[i:i + shape.batch])
                       for i in range(0, len(targets), shape.batch)]
            checked = client.map(_check_batch, batches, range(0, len(targets), shape.batch),
                                 config=rules.config, rule_classes=tuple(rules.rules),
                                 summarize=summarize, cache=cache, keep=compare, pure=False)
            results = client.map(_results, checked, pure=False)
            prints = client.map(_prints, checked, pure=False) if compare else []
            order = {future.key: number for number, future in enumerate(results)}
            # Holding no future of a batch's findings once they are here lets its worker
            # free them: only the prints stay there for the comparison.
            finished = as_completed(results)
            del checked, results
            done: list[list[FileResult] | None] = [None] * len(batches)
            for future in finished:
                batch = _fetched(future)
                if found is not None:
                    batch = [handed_over(result, found) for result in batch]
                done[order[future.key]] = batch
                if progress is not None:
                    progress(len(batch))
            if compare and found is not None:
                _compare_shared_passages(client, prints, [t.display for t in targets], rules,
                                         found, shape)
                self.compared.add(SHARED_PASSAGE)
        finally:
            client.close()
            if cluster is not None:
                cluster.close()
        return [result for batch in done if batch is not None for result in batch]


def _fetched(future: Any) -> Any:
    """A finished task's result, fetched only now: `as_completed(with_results=True)`
    fetches every result as it finishes, and when they finish faster than this process
    takes them in (the comparison's groups of reports finish together), all of them
    wait here at once."""
    result = future.result()
    future.release()
    return result


SHARED_PASSAGE = "D004"  # the cross-report rule compared on the cluster
# Reports per group of hashes in the comparison (`work_shape`).
REPORTS_PER_HASH_GROUP = 5000
# Batch-and-group pieces the comparison hands the scheduler at most (two tasks each),
# while the workers allow: some 500,000 tasks, which one scheduler hands out in minutes.
MAX_PIECES = 250_000

# One rule set per config per worker process: built on the first batch, kept for the rest.
_RULES: dict[tuple[str, tuple[str, ...]], RuleSet] = {}

# A batch's results and, when the cluster compares passages, its reports' prints:
# (number, display path, prints), which stay on the worker.
_Checked = tuple[list[FileResult], list[tuple[int, str, Any]]]


def _check_batch(targets: list[Target], first: int, *, config: Config,
                 rule_classes: tuple[type[Rule], ...], summarize: bool,
                 cache: Cache | None, keep: bool) -> _Checked:
    key = (config.fingerprint(), tuple(rule.code for rule in rule_classes))
    rules = _RULES.get(key)
    if rules is None:
        rules = _RULES[key] = RuleSet(config, rule_classes)
    results, prints = [], []
    with batch_collection():
        for number, target in enumerate(targets, first):
            result = check_file(target, rules, summarize=summarize, cache=cache)
            if keep and result.summaries is not None and SHARED_PASSAGE in result.summaries:
                summaries = dict(result.summaries)
                prints.append((number, target.display, summaries.pop(SHARED_PASSAGE)))
                result = FileResult(result.findings, summaries, result.key)
            results.append(result)
    return results, prints


def _results(checked: _Checked) -> list[FileResult]:
    return checked[0]


def _prints(checked: _Checked) -> list[tuple[int, str, Any]]:
    return checked[1]


def _compare_shared_passages(client: Any, prints: list[Any], paths: list[str],
                             rules: RuleSet, found: FindingSink, shape: WorkShape) -> None:
    """D004's hits, compared on the cluster from the prints left on the workers, and
    each batch's hits handed to `found` as they come back, so that no one process holds
    all of them. The prints never move: each batch's posting entries go, a piece for
    each group of hashes, to that group's task, which sends each batch what its hashes
    tell that batch's reports (and the heads those answers name); the batch's hits are
    made where its prints are. Workers name other reports by number (`paths` has them
    in the targets' order) and the names are written in here, so that no path travels
    with every posting entry."""
    from distributed import as_completed
    from reportlint.rules.duplication.shared import shared_passage_settings

    options = shared_passage_settings(rules.config)
    entries = client.map(_entries, prints, groups=shape.groups, pure=False)
    told: list[list[Any]] = []  # by group of hashes, what it tells each batch
    for group in range(shape.groups):
        pieces = client.map(_piece, entries, part=group, pure=False)
        answers = client.submit(_answers, *pieces, limit=int(options["max_names"]),
                                batch=shape.batch, pure=False)
        told.append(client.map(_piece, [answers] * len(prints), range(len(prints)),
                               pure=False))
        del pieces, answers
    del entries
    hits = client.map(_hits, prints, *told, options=options, pure=False)
    del told

    def named(text: str) -> str:
        return _NUMBERED.sub(lambda match: paths[int(match.group(1))], text)

    for future in as_completed(hits):
        for _, path, report_hits in _fetched(future):
            found.compared_hits(SHARED_PASSAGE, path, [replace(
                hit, message=named(hit.message), data=tuple(
                    (key, tuple(named(place) for place in value) if key == "others"
                     else value) for key, value in hit.data)) for hit in report_hits])


@dataclass(frozen=True)
class WorkShape:
    batch: int  # files a batch
    groups: int  # groups of hashes in the comparison


def work_shape(reports: int, workers: int, batch: int | None = None) -> WorkShape:
    """How a run is cut up: batches (see `BATCH`), and groups of hashes, at least two a
    worker so that every worker has a share, and one for each `REPORTS_PER_HASH_GROUP`
    reports so that a group's task holds a bounded part of the corpus. Each batch sends
    each group a piece and each group answers each batch, so the comparison's tasks grow
    as batches times groups: past `MAX_PIECES` of them, batches grow first, until they
    hold as many reports as a group, then both grow alike, so that neither a batch's
    hits task nor a group's task holds much more of the corpus than the other; every
    worker keeps at least a group and two batches. A `batch` given is kept."""
    workers = max(workers, 1)
    groups = max(2 * workers, -(-reports // REPORTS_PER_HASH_GROUP))
    if batch is not None:
        return WorkShape(batch, groups)
    batch = min(max(BATCH, -(-reports // (BATCHES_A_WORKER * workers))), MOST_IN_BATCH)
    if -(-reports // batch) * groups <= MAX_PIECES:
        return WorkShape(batch, groups)
    # Groups stop growing at the square root of the budget (batches grow to meet them)
    # or earlier when that leaves too few batches for the workers.
    groups = max(workers, min(groups, isqrt(MAX_PIECES), MAX_PIECES // (2 * workers)))
    batches = max(2 * workers, MAX_PIECES // groups)
    return WorkShape(max(batch, -(-reports // batches)), groups)


_NUMBERED = re.compile("\x00(\\d+)\x00")  # another report, by number, in a worker's hit


def _numbered(number: int) -> str:
    return f"\x00{number}\x00"


def _entries(rows: list[tuple[int, str, Any]], groups: int) -> dict[int, Any]:
    from reportlint.corpus.partitioned import packed_entries

    return packed_entries(rows, groups)


def _piece(whole: dict[int, Any], part: int) -> Any:
    return whole.get(part)


def _answers(*pieces: Any, limit: int, batch: int) -> dict[int, Any]:
    """What a group of hashes tells each batch's reports holding one, in one bundle per
    batch with the heads that bundle's answers name."""
    from itertools import chain

    from reportlint.corpus.partitioned import group_answers, unpacked

    entries = chain.from_iterable(unpacked(piece) for piece in pieces if piece is not None)
    answers, heads = group_answers(entries, limit)
    bundles: dict[int, dict[int, Any]] = {}
    for number, answer in answers.items():
        bundles.setdefault(number // batch, {})[number] = answer
    return {at: (bundle, {name: heads[name] for answer in bundle.values()
                          for name in answer.heads()})
            for at, bundle in bundles.items()}


def _hits(rows: list[tuple[int, str, Any]], *told: Any, options: dict[str, Any]
          ) -> list[Any]:
    """(number, path, hits) of each report in a batch, from its prints and what every
    group of hashes told the batch."""
    from reportlint.corpus.partitioned import Told

    gathered = Told()
    for bundle in told:
        if bundle is not None:
            gathered.add(*bundle)
    return [(number, path, gathered.hits(number, path, prints, options, _numbered))
            for number, path, prints in rows]


def executor_for(name: str, scheduler: str | None) -> Any:
    """The executor `--executor NAME` asks for: None for local processes, else Dask's.
    Raises ValueError when Dask is asked for and not installed."""
    if name == "local":
        if scheduler is not None:
            raise ValueError("--scheduler needs --executor dask")
        return None
    from importlib.util import find_spec

    if find_spec("distributed") is None:
        raise ValueError("--executor dask needs the dask extra: pip install 'reportlint[dask]'")
    return DaskExecutor(scheduler)
