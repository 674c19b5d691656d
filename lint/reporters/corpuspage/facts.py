"""The corpus report: what an editor-in-chief reads instead of ten thousand lines of
findings. This module gathers the facts (the gate's verdict per report, the passages most
widely shared, role-family drift); `reportlint.reporters.corpuspage` renders them as one
self-contained HTML page.
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from reportlint.config import Config
from reportlint.findings import Category, Finding, Severity
from reportlint.rules.registry import Rule, all_rules
from reportlint.run.engine import RuleSet
from reportlint.run.gate import GateError, GateResult, ReportStatus, run_gate, sample_findings

if TYPE_CHECKING:
    from reportlint.corpus.passages import SharedPassage

TOP_PASSAGES = 15
FINDINGS_PER_REPORT = 15  # findings shown for a report, at most
PER_RULE = 3  # of one rule among them


class ReportError(Exception):
    """The page cannot be built (no such folder, no reports)."""


@dataclass(frozen=True)
class Drift:
    """A report whose wording leans toward another role family's vocabulary."""

    path: str
    family: str
    share: float
    rule: str
    message: str


@dataclass
class CorpusFacts:
    """Everything the page shows. `drift` is None when it was not measured (the drift
    rule is turned off); `drift_note` then says so in plain words. Of each report's
    findings the page keeps only the sample it shows, the drift and the paragraphs in
    another family's words: its counts come from the gate's, so that a page over a large
    corpus does not hold the corpus's findings."""

    title: str
    gate: GateResult
    rules: tuple[type[Rule], ...]
    passages: list[SharedPassage]
    drift: list[Drift] | None
    drift_note: str
    seconds: float
    # (path, family) of each paragraph written in another role family's words.
    foreign: list[tuple[str, str]] = field(default_factory=list)
    # each report's sample of findings to show (of those the gate judged), by display path
    shown: dict[str, list[Finding]] = field(default_factory=dict)
    # the name of each rule the registry does not know (an old plugin's), by code
    other_rule_names: dict[str, str] = field(default_factory=dict)
    _indexes: dict[str, int] | None = field(default=None, repr=False)

    def report_index(self, display: str) -> int | None:
        """Where the report a finding names (by its display path) is in `gate.reports`."""
        if self._indexes is None:
            self._indexes = {r.display: i for i, r in enumerate(self.gate.reports)}
        return self._indexes.get(display)

    def shown_of(self, report: ReportStatus) -> list[Finding]:
        return self.shown.get(report.display, [])


def collect_facts(root: Path, config: Config, *, title: str | None = None,
                  fail_on: Severity | None = None, top: int = TOP_PASSAGES,
                  progress: Callable[[int], None] | None = None,
                  on_targets: Callable[[int], None] | None = None,
                  jobs: int | None = 1, cache_root: Path | None = None) -> CorpusFacts:
    """Lint the corpus under `root` and gather what the page shows (`jobs` and
    `cache_root` as in `lint_paths`: with a cache, the second read of each file, for the
    shared passages, is served from it)."""
    started = time.perf_counter()
    known = {rule.code for rule in all_rules()}
    shown: dict[str, list[Finding]] = {}
    drift: list[Drift] = []
    foreign: list[tuple[str, str]] = []
    other_rule_names: dict[str, str] = {}

    def keep(display: str, findings: Sequence[Finding]) -> None:
        # The page sorts the drift and counts the paragraphs, so the order reports come
        # in does not show.
        shown[display] = sample_findings(findings, PER_RULE, FINDINGS_PER_REPORT)
        drift.extend(report_drift(findings))
        foreign.extend(foreign_paragraphs(findings))
        for finding in findings:
            if finding.rule not in known:
                other_rule_names.setdefault(finding.rule, finding.name)

    try:
        gate = run_gate(root, config, fail_on=fail_on, progress=progress, on_targets=on_targets,
                        jobs=jobs, cache_root=cache_root, keep=keep)
    except GateError as error:
        raise ReportError(str(error)) from None
    passages = shared_passages([r.display for r in gate.reports], config, top, jobs=jobs,
                               cache_root=cache_root)
    active = [rule for rule, _ in RuleSet(config).for_path("")]
    measured, drift_note = role_family_drift(drift, active)
    name = os.path.basename(os.path.realpath(root))
    return CorpusFacts(title or f"Report check: {name}", gate, all_rules(),
                       passages, measured, drift_note, time.perf_counter() - started,
                       foreign, shown, other_rule_names)


def shared_passages(paths: Sequence[str], config: Config, top: int, *, jobs: int | None = 1,
                    cache_root: Path | None = None) -> list[SharedPassage]:
    """The passages shared by the most reports, most widely shared first."""
    from reportlint.run.duplicates import find_shared_passages

    if len(paths) < 2:
        return []
    return find_shared_passages(list(paths), config, top, jobs=jobs, cache_root=cache_root)


def report_drift(findings: Sequence[Finding]) -> list[Drift]:
    """A report's drift toward another role family, from the findings that carry
    ("family", name) and ("share", fraction) (C005 role-drift)."""
    drift = []
    for finding in findings:
        data = dict(finding.data)
        family, share = data.get("family"), data.get("share")
        if finding.category is not Category.CONSISTENCY or not isinstance(family, str):
            continue
        if isinstance(share, int | float) and not isinstance(share, bool):
            drift.append(Drift(finding.path, family, float(share), finding.rule,
                               finding.message))
    return drift


def role_family_drift(drift: list[Drift], rules: Sequence[type[Rule] | Rule]
                      ) -> tuple[list[Drift] | None, str]:
    """The reports' drift, most drifted first; or (None, why not) when none of the active
    `rules` measures drift."""
    if not drift and not any(_is_drift_rule(rule) for rule in rules):
        return None, ("Role-family drift was not measured: the rule that measures it "
                      "(role-drift) is turned off in this configuration.")
    return sorted(drift, key=lambda d: (-d.share, d.path)), ""


def foreign_paragraphs(findings: Sequence[Finding]) -> list[tuple[str, str]]:
    """(path, family) of each paragraph-level finding of another family's vocabulary:
    a consistency finding carrying ("family", name) but no report-level share."""
    found = []
    for finding in findings:
        data = dict(finding.data)
        family = data.get("family")
        if (finding.category is Category.CONSISTENCY and isinstance(family, str)
                and "share" not in data):
            found.append((finding.path, family))
    return found


def _is_drift_rule(rule: type[Rule] | Rule) -> bool:
    return rule.category is Category.CONSISTENCY and "drift" in rule.name
