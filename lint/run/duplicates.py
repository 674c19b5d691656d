"""The passages shared across a folder of reports, for `reportlint duplicates` and the
corpus page: each report's D004 prints (from the cache a full check left, else read
afresh in worker processes), handed to the corpus index."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from pathlib import Path

from reportlint.config import Config
from reportlint.corpus.passages import PassagePrints, SharedPassage, shared_passages
from reportlint.rules.duplication.shared import SharedPassage as SharedPassageRule
from reportlint.rules.duplication.shared import shared_passage_settings
from reportlint.rules.registry import all_rules
from reportlint.run.cache import Cache, read_for_cache
from reportlint.run.discovery import Target, collect_targets
from reportlint.run.engine import RuleSet
from reportlint.run.parallel import check_targets, default_jobs


def find_shared_passages(paths: Iterable[str | Path], config: Config | None = None,
                         top: int | None = 20, *, jobs: int | None = 1,
                         cache_root: Path | None = None) -> list[SharedPassage]:
    """The passages most widely shared across the reports under `paths`, most reports
    first (then longest), at most `top` of them (None: all; see
    `corpus.passages.shared_passages`). Unreadable files are skipped. Files are read
    in `jobs` processes (None: one per core), through the cache in `cache_root` if
    given, as `pipeline.lint_paths` reads them. Stable for callers such as the HTML
    corpus report.
    """
    config = config or Config()
    only = config.model_copy(update={"select": [SharedPassageRule.code], "ignore": [],
                                     "per_path": []})
    rules = RuleSet(only, [SharedPassageRule])
    targets = collect_targets(paths, config.exclude, config.include)
    cache = None
    known: dict[str, PassagePrints] = {}
    if cache_root is not None:
        cache = Cache(cache_root, only, rules.rules)
        known = _checked_summaries(targets, config, cache_root)
    rest = [target for target in targets if target.display not in known]
    checked = check_targets(rest, rules, summarize=True, jobs=jobs or default_jobs(),
                            cache=cache)
    for target, file in zip(rest, checked, strict=True):
        summary = (file.summaries or {}).get(SharedPassageRule.code)
        if isinstance(summary, PassagePrints):
            known[target.display] = summary
    containment = float(shared_passage_settings(config)["containment"])
    return shared_passages(((t.display, known[t.display]) for t in targets
                            if t.display in known), containment, top)


def _checked_summaries(targets: Sequence[Target], config: Config,
                       cache_root: Path) -> dict[str, PassagePrints]:
    """The D004 summaries a full `check` with `config` left in the cache (the gate's run
    before the corpus page), by display path: those files need not be read again. Only
    read: a D004-only result is never stored where a full check's belongs."""
    cache = Cache(cache_root, config, all_rules())
    found = {}
    for target in targets:
        content = read_for_cache(target.path, config.max_file_size)
        entry = cache.load(cache.key(target.display, content)) if content is not None else None
        summary = (entry.summaries or {}).get(SharedPassageRule.code) if entry else None
        if isinstance(summary, PassagePrints):
            found[target.display] = summary
    return found
