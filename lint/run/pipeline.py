"""A run over files, in the order it happens: discover the reports, check each one
(read once, per-file rules, summaries for the cross-report rules; from the cache when
unchanged, in worker processes when there are many), compare them across files, and
return every finding in a stable order."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

from reportlint.config import Config
from reportlint.findings import Finding
from reportlint.run.crossreport import cross_report_findings
from reportlint.run.discovery import collect_targets
from reportlint.run.engine import RuleSet
from reportlint.run.parallel import FileResult, check_targets, default_jobs

if TYPE_CHECKING:
    from reportlint.run.cache import Cache
    from reportlint.run.discovery import Target


@dataclass
class LintResult:
    findings: list[Finding] = field(default_factory=list)
    files: int = 0


class Executor(Protocol):
    """Runs the per-file pass somewhere else than this process's pool (`cluster.py`)."""

    def check_targets(self, targets: Sequence[Target], rules: RuleSet, *, summarize: bool,
                      cache: Cache | None = None,
                      progress: Callable[[int], None] | None = None) -> list[FileResult]: ...


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
    rules = RuleSet(config)
    targets = collect_targets(paths, config.exclude, config.include)
    wants_corpus = len(targets) > 1 and any(rule.corpus for rule, _ in rules.for_path(""))
    result = LintResult(files=len(targets))
    cache = None
    if cache_root is not None:
        from reportlint.run.cache import Cache

        cache = Cache(cache_root, config, rules.rules)
    if executor is not None:
        checked = executor.check_targets(targets, rules, summarize=wants_corpus, cache=cache,
                                         progress=progress)
    else:
        checked = check_targets(targets, rules, summarize=wants_corpus, cache=cache,
                                jobs=jobs or default_jobs(), progress=progress)
    # The hits of cross-report rules the executor compared where the files were read
    # (a cluster keeps the passage prints on its workers), by rule code.
    compared = getattr(executor, "compared", None) or None
    summaries: list[tuple[str, dict[str, object]]] = []
    for target, file in zip(targets, checked, strict=True):
        result.findings.extend(file.findings)
        if file.summaries is not None:
            summaries.append((target.display, file.summaries))
    if summaries or compared:
        keys = [(target.display, file.key) for target, file in zip(targets, checked,
                                                                   strict=True)]
        result.findings.extend(cross_report_findings(summaries, keys, rules, cache,
                                                     compared))
    result.findings.sort(key=Finding.sort_key)
    return result
