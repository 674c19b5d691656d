"""Where a report's time goes, stage by stage and rule by rule (CPU time per report,
in one process, after a warm-up report), for the benchmark README and for rule authors:

    python bench/stages.py /tmp/reportlint-bench/corpus-1000 --count 60
"""

from __future__ import annotations

import argparse
import sys
import time
from collections import defaultdict
from pathlib import Path


def stage_costs(folder: Path, count: int) -> dict[str, float]:
    """Milliseconds of CPU per report for reading, each rule and each summary."""
    from reportlint.config import Config
    from reportlint.readers import read_document
    from reportlint.run.engine import RuleSet, lint_document, summarize

    files = sorted(folder.glob("*.md"))[: count + 1]
    rules = RuleSet(Config())
    warm = read_document(files[0])
    lint_document(warm, rules)
    summarize(warm, rules)
    clock = time.process_time
    costs: dict[str, float] = defaultdict(float)
    total = clock()
    for path in files[1:]:
        start = clock()
        doc = read_document(path)
        costs["read and parse (markdown-it, front matter, model)"] += clock() - start
        for rule, _ in rules.for_path(doc.path.as_posix()):
            start = clock()
            if rule.corpus:
                rule.summarize(doc, rules.context)
                costs[f"{rule.code} {rule.name} (summary)"] += clock() - start
            else:
                list(rule.check(doc, rules.context))
                costs[f"{rule.code} {rule.name}"] += clock() - start
    costs["all of it"] = clock() - total
    reports = len(files) - 1
    return {name: seconds * 1000 / reports for name, seconds in costs.items()}


def table(costs: dict[str, float], limit: int = 16) -> list[str]:
    """A Markdown table of the costliest stages, largest first, and the total."""
    total = costs.pop("all of it")
    ranked = sorted(costs.items(), key=lambda item: -item[1])
    lines = ["| stage | CPU per report | share |", "| --- | ---: | ---: |"]
    lines += [f"| {name} | {ms:.1f} ms | {ms / total:.0%} |" for name, ms in ranked[:limit]]
    rest = sum(ms for _, ms in ranked[limit:])
    lines += [f"| {len(ranked) - limit} other rules | {rest:.1f} ms | {rest / total:.0%} |",
              f"| **all of it** (each rule timed alone: rules that share work count it "
              f"once, in the first) | {total:.1f} ms | |"]
    return lines


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("folder", type=Path)
    parser.add_argument("--count", type=int, default=60)
    args = parser.parse_args(argv)
    try:  # collect cycles as a run does (run/collector.py), where the code has it
        from reportlint.run.collector import batch_collection
    except ImportError:
        from contextlib import nullcontext as batch_collection
    with batch_collection():
        costs = stage_costs(args.folder, args.count)
    print("\n".join(table(costs)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
