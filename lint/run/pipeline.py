"""A run over files, in the order it happens: discover the reports, check each one
(read once, per-file rules, summaries for the cross-report rules; from the cache when
unchanged, in worker processes when there are many), compare them across files, and
return every finding in a stable order: as a list (`lint_paths`), or in a store that
holds a large run's on disk and reads them back in that order (`stream_paths`, for the
command line, which prints them as it reads)."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

from reportlint.config import Config
from reportlint.findings import Finding, Hit
from reportlint.run.collector import batch_collection
from reportlint.run.crossreport import cross_report_findings, hit_findings
from reportlint.run.discovery import collect_targets
from reportlint.run.engine import RuleSet
from reportlint.run.findingstore import ON_DISK_FROM, FindingSink, FindingStore
from reportlint.run.parallel import FileResult, check_targets, default_jobs

if TYPE_CHECKING:
    from reportlint.run.cache import Cache
    from reportlint.run.discovery import Target


@dataclass
class LintResult:
    findings: list[Finding] = field(default_factory=list)
    files: int = 0


@dataclass
class StreamedResult:
    """A run's findings in a store that reads them back in print order (on disk for a
    large run; close it when done) and how many files were checked."""

    findings: FindingStore
    files: int = 0


class Executor(Protocol):
    """Runs the per-file pass somewhere else than this process's pool (`cluster.py`).
    With `found`, it hands each file's findings, and the hits of the cross-report rules
    it compared itself (named in its `compared`), to `found` as they come, and returns
    results without findings."""

    compared: set[str]

    def check_targets(self, targets: Sequence[Target], rules: RuleSet, *, summarize: bool,
                      cache: Cache | None = None,
                      progress: Callable[[int], None] | None = None,
                      found: FindingSink | None = None) -> list[FileResult]: ...


def lint_paths(paths: Iterable[str | Path], config: Config, *,
               progress: Callable[[int], None] | None = None, jobs: int | None = 1,
               cache_root: Path | None = None, executor: Executor | None = None) -> LintResult:
    """Check every report under `paths`; findings sorted by path, line, column, rule.

    `progress`, if given, is called with the number of files just checked (for a
    progress bar; its total is the number of `collect_targets(paths, ...)`).
    `jobs` worker processes share the per-file work (None: one per core); with
    `cache_root`, results are cached in `cache_root/.reportlint_cache` (see `cache.py`).
    `executor`, if given, runs the per-file pass instead (`jobs` is then unused): the
    same findings, from a Dask cluster (`cluster.DaskExecutor`).
    """
    with stream_paths(paths, config, progress=progress, jobs=jobs, cache_root=cache_root,
                      executor=executor, on_disk_from=None) as streamed:
        return LintResult(list(streamed.findings), streamed.files)


@contextmanager
def stream_paths(paths: Iterable[str | Path], config: Config, *,
                 progress: Callable[[int], None] | None = None, jobs: int | None = 1,
                 cache_root: Path | None = None, executor: Executor | None = None,
                 on_disk_from: int | None = ON_DISK_FROM) -> Iterator[StreamedResult]:
    """`lint_paths`, with the findings in a `FindingStore` that holds them on disk from
    `on_disk_from` reports (None: never), for the printing of a large corpus."""
    rules = RuleSet(config)
    targets = collect_targets(paths, config.exclude, config.include)
    wants_corpus = len(targets) > 1 and any(rule.corpus for rule, _ in rules.for_path(""))
    cache = None
    if cache_root is not None:
        from reportlint.run.cache import Cache

        cache = Cache(cache_root, config, rules.rules)
    on_disk = on_disk_from is not None and len(targets) >= on_disk_from
    with FindingStore(on_disk=on_disk) as store:
        compared: set[str] = set()
        sink = _Collector(store, rules)
        if executor is not None:
            checked = executor.check_targets(targets, rules, summarize=wants_corpus,
                                             cache=cache, progress=progress, found=sink)
            # The cross-report rules the executor compared where the files were read (a
            # cluster keeps the passage prints on its workers): their hits are in already.
            compared = executor.compared
        else:
            checked = check_targets(targets, rules, summarize=wants_corpus, cache=cache,
                                    jobs=jobs or default_jobs(), progress=progress,
                                    found=sink)
        summaries: list[tuple[str, dict[str, object]]] = []
        keys: list[tuple[str, str | None]] = []
        # Each file's findings went to the sink as it was checked; the results bring back
        # only the cache keys and the summaries the cross-report rules compare.
        for target, file in zip(targets, checked, strict=True):
            keys.append((target.display, file.key))
            if file.summaries is not None:
                summaries.append((target.display, file.summaries))
        del checked
        if summaries or compared:
            with batch_collection():
                store.add_all(cross_report_findings(summaries, keys, rules, cache, compared))
        yield StreamedResult(store, len(targets))


class _Collector:
    """The `FindingSink` an executor fills: findings into the store, hits made findings
    of their rule (less those their report suppresses) first."""

    def __init__(self, store: FindingStore, rules: RuleSet) -> None:
        self.store = store
        self.rules = rules
        self.severities = {rule.code: (rule, severity) for rule, severity
                           in rules.for_path("") if rule.corpus}

    def file_findings(self, path: str, findings: list[Finding]) -> None:
        self.store.add_all(findings)

    def compared_hits(self, code: str, path: str, hits: list[Hit]) -> None:
        rule, severity = self.severities[code]
        self.store.add_all(hit_findings(rule, severity, [(path, hit) for hit in hits],
                                        self.rules.config.max_file_size))
