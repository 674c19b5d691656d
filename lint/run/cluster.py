"""The per-file pass on a Dask cluster (`--executor dask`, the `dask` extra): for a
corpus larger than one machine checks in good time, on the cluster a publisher already
runs, or on a `LocalCluster` started for the run.

Files go to the workers in batches; each worker builds the rules once per config and
reads, checks and summarizes its files, through the cache when the cache folder is one
the workers share. Findings and cross-report summaries come back in the targets' order,
so the run's output is the same as with `--jobs`. Workers read the reports at the paths
the driver found them: on a cluster, the reports live on a file system every worker
mounts at the same place (as for any Dask job that reads files).

The cross-report comparison then runs where the run started, on the summaries (a few
kilobytes a report). Dask is imported only here, and only when this executor is asked
for.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from reportlint.run.engine import RuleSet
from reportlint.run.parallel import FileResult, check_file

if TYPE_CHECKING:
    from reportlint.config import Config
    from reportlint.rules.registry import Rule
    from reportlint.run.cache import Cache
    from reportlint.run.discovery import Target

# Files a task checks: large enough that scheduling costs little beside the checking
# (about 40 files a second a core), small enough that every worker gets several.
BATCH = 64
LOCAL_WORKERS = 2


@dataclass
class DaskExecutor:
    """Checks files on the Dask scheduler at `scheduler` (an address such as
    tcp://10.0.0.5:8786), or on a LocalCluster of `workers` processes started for the
    run and stopped after it when there is none."""

    scheduler: str | None = None
    workers: int = LOCAL_WORKERS
    batch: int = BATCH

    def check_targets(self, targets: Sequence[Target], rules: RuleSet, *, summarize: bool,
                      cache: Cache | None = None,
                      progress: Callable[[int], None] | None = None) -> list[FileResult]:
        from distributed import Client, LocalCluster, as_completed

        batches = [list(targets[i:i + self.batch]) for i in range(0, len(targets), self.batch)]
        if not batches:
            return []
        cluster = None
        if self.scheduler is None:
            cluster = LocalCluster(n_workers=self.workers, threads_per_worker=1,
                                   processes=True, dashboard_address=None)
        client = Client(self.scheduler or cluster)
        try:
            futures = client.map(_check_batch, batches, config=rules.config,
                                 rule_classes=tuple(rules.rules), summarize=summarize,
                                 cache=cache, pure=False)
            order = {future.key: number for number, future in enumerate(futures)}
            done: list[list[FileResult] | None] = [None] * len(batches)
            for future, results in as_completed(futures, with_results=True):
                done[order[future.key]] = results
                if progress is not None:
                    progress(len(results))
        finally:
            client.close()
            if cluster is not None:
                cluster.close()
        return [result for results in done if results is not None for result in results]


# One rule set per config per worker process: built on the first batch, kept for the rest.
_RULES: dict[tuple[str, tuple[str, ...]], RuleSet] = {}


def _check_batch(targets: list[Target], *, config: Config,
                 rule_classes: tuple[type[Rule], ...], summarize: bool,
                 cache: Cache | None) -> list[FileResult]:
    key = (config.fingerprint(), tuple(rule.code for rule in rule_classes))
    rules = _RULES.get(key)
    if rules is None:
        rules = _RULES[key] = RuleSet(config, rule_classes)
    return [check_file(target, rules, summarize=summarize, cache=cache) for target in targets]


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
