"""The publisher's release gate: lint a corpus, decide pass or fail per report, and write
a versioned manifest of the decision (format: docs/manifest.md).

A report fails when it has a finding at or above the failing severity. The manifest lists
every gated report with its status, its counts per category and severity, the findings
that made it fail, and a hash of its content, so a release can be traced to exactly the
files that were judged.
"""

from __future__ import annotations

import hashlib
import json
import os
import subprocess
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from reportlint import __version__
from reportlint.config import Config
from reportlint.findings import Category, Finding, Severity
from reportlint.readers import read_regular_bytes
from reportlint.run.discovery import Target, collect_targets
from reportlint.run.pipeline import Executor, stream_paths

if TYPE_CHECKING:
    from reportlint.run.baseline import AppliedBaseline

# Bump when a key changes meaning or goes away; adding keys keeps the version.
MANIFEST_VERSION = 1
# A failing report lists at most this many of its reasons, and this many of one rule, so
# that one noisy rule (a template's boilerplate found 80 times) neither hides the others
# nor makes the manifest of a large corpus hundreds of megabytes; counts stay complete.
REASONS_PER_REPORT = 20
REASONS_PER_RULE = 5
SEVERITIES = ("error", "warning", "info")
CATEGORIES = tuple(category.value for category in Category)


class GateError(Exception):
    """The gate cannot run (no reports, not a git work tree, unknown revision, bad baseline)."""


@dataclass(frozen=True)
class ChangedReports:
    """What `--since REV` selected: reports added or modified since `commit`, and the
    report paths (relative to the gated folder) that were deleted."""

    revision: str
    commit: str
    changed: list[Target]
    removed: list[str]


@dataclass
class ReportStatus:
    """One gated report: its path relative to the gated folder, and what the manifest says
    of its findings (their counts and a sample of its reasons), not the findings
    themselves, so that a gate over a large corpus holds little per report."""

    path: str
    display: str
    fail_on: Severity
    counts: dict[str, dict[str, int]]  # by_category and by_severity, every key present
    by_rule: dict[str, int]
    reasons: int = 0  # how many at or above the failing severity
    listed: list[Finding] = field(default_factory=list)  # the reasons' sample, by line
    first_reason: Finding | None = None
    sha256: str | None = None
    size: int | None = None

    @classmethod
    def judged(cls, path: str, display: str, findings: Sequence[Finding],
               fail_on: Severity) -> ReportStatus:
        """The status of a report with these findings (in print order)."""
        reasons = [f for f in findings if f.severity.rank >= fail_on.rank]
        return cls(path, display, fail_on, count_findings(findings),
                   dict(sorted(Counter(f.rule for f in findings).items())), len(reasons),
                   sample_findings(reasons, REASONS_PER_RULE, REASONS_PER_REPORT),
                   reasons[0] if reasons else None)

    @property
    def findings(self) -> int:
        """How many findings in all."""
        return sum(self.by_rule.values())

    @property
    def passed(self) -> bool:
        return not self.reasons

    def to_json(self) -> dict[str, object]:
        return {
            "path": self.path,
            "status": "pass" if self.passed else "fail",
            "sha256": self.sha256,
            "bytes": self.size,
            "counts": {**self.counts, "by_rule": self.by_rule},
            "reasons": [_reason(f) for f in self.listed],
            "reasons_not_listed": self.reasons - len(self.listed),
        }


@dataclass
class GateResult:
    root: str
    fail_on: Severity
    config: Config
    reports: list[ReportStatus]
    since: ChangedReports | None = None
    baseline: str | None = None
    suppressed: int = 0
    created: datetime = field(default_factory=lambda: datetime.now(UTC))

    @property
    def passed(self) -> bool:
        return all(report.passed for report in self.reports)

    @property
    def failed(self) -> list[ReportStatus]:
        return [report for report in self.reports if not report.passed]

    def manifest(self) -> dict[str, object]:
        """The manifest as JSON-ready data (docs/manifest.md)."""
        scope: dict[str, object] = {"kind": "all"}
        if self.since is not None:
            scope = {"kind": "since", "revision": self.since.revision,
                     "commit": self.since.commit, "removed": self.since.removed}
        return {
            "manifest_version": MANIFEST_VERSION,
            "generator": f"reportlint {__version__}",
            "created": self.created.strftime("%Y-%m-%dT%H:%M:%SZ"),
            "root": self.root,
            "fail_on": self.fail_on.value,
            "scope": scope,
            "baseline": (None if self.baseline is None else
                         {"path": self.baseline, "suppressed": self.suppressed}),
            "config": {"source": self.config.source, "fingerprint": self.config.fingerprint()},
            "status": "pass" if self.passed else "fail",
            "summary": {
                "reports": len(self.reports),
                "passed": len(self.reports) - len(self.failed),
                "failed": len(self.failed),
                "findings": sum(report.findings for report in self.reports),
                **{kind: {key: sum(report.counts[kind][key] for report in self.reports)
                          for key in keys}
                   for kind, keys in (("by_category", CATEGORIES),
                                      ("by_severity", SEVERITIES))},
            },
            "reports": [report.to_json() for report in self.reports],
        }


def count_findings(findings: Sequence[Finding]) -> dict[str, dict[str, int]]:
    """Findings per category and per severity, every key present (zeros included)."""
    categories = Counter(f.category.value for f in findings)
    severities = Counter(f.severity.value for f in findings)
    return {"by_category": {name: categories[name] for name in CATEGORIES},
            "by_severity": {name: severities[name] for name in SEVERITIES}}


def sample_findings(findings: Sequence[Finding], per_rule: int, total: int) -> list[Finding]:
    """A sample that shows every rule before a second finding of any: round by round, the
    next finding of each rule (most serious rules first), at most `per_rule` of one rule
    and `total` in all; returned in line order."""
    by_rule: dict[str, list[Finding]] = {}
    for finding in sorted(findings, key=lambda f: (f.line, f.column)):
        by_rule.setdefault(finding.rule, []).append(finding)
    rules = sorted(by_rule, key=lambda rule: (-max(f.severity.rank for f in by_rule[rule]),
                                              by_rule[rule][0].line, rule))
    chosen: list[Finding] = []
    for round_ in range(per_rule):
        for rule in rules:
            if round_ < len(by_rule[rule]) and len(chosen) < total:
                chosen.append(by_rule[rule][round_])
    return sorted(chosen, key=lambda f: (f.line, f.column, f.rule))


def manifest_text(result: GateResult) -> str:
    """The manifest as JSON text: indented, but one line per report, so that a large
    corpus's manifest stays compact and a diff between releases shows one line per
    changed report."""
    data = result.manifest()
    reports = data.pop("reports")
    assert isinstance(reports, list)
    head = json.dumps(data, indent=2, ensure_ascii=False)
    lines = [json.dumps(entry, ensure_ascii=False, separators=(", ", ": "))
             for entry in reports]
    body = ("[\n    " + ",\n    ".join(lines) + "\n  ]") if lines else "[]"
    return head[:-2] + f',\n  "reports": {body}\n}}\n'


def _reason(finding: Finding) -> dict[str, object]:
    return {"line": finding.line, "column": finding.column, "rule": finding.rule,
            "name": finding.name, "category": finding.category.value,
            "severity": finding.severity.value, "section": finding.section,
            "message": finding.message}


def run_gate(root: Path, config: Config, *, fail_on: Severity | None = None,
             since: str | None = None, baseline: Path | None = None,
             progress: Callable[[int], None] | None = None,
             on_targets: Callable[[int], None] | None = None,
             jobs: int | None = 1, cache_root: Path | None = None,
             executor: Executor | None = None,
             keep: Callable[[str, Sequence[Finding]], None] | None = None) -> GateResult:
    """Lint the reports under `root` (or those changed since the git revision `since`) and
    judge each one. `on_targets` is told how many reports will be checked, before any is;
    `progress`, `jobs`, `cache_root` and `executor` as in `lint_paths`. The findings are
    judged a report at a time and not kept; `keep`, if given, is handed each report's
    (display path, those the baseline leaves) as it is judged."""
    if not root.is_dir():
        raise GateError(f"{root} is not a folder")
    everything = collect_targets([root], config.exclude, config.include)
    changed = changed_reports(root, since, everything) if since is not None else None
    targets = changed.changed if changed is not None else everything
    if changed is None and not targets:
        raise GateError(f"no reports (.md, .yaml, .yml) under {root}")
    if on_targets is not None:
        on_targets(len(targets))
    level = fail_on or config.fail_on
    applied = None
    if baseline is not None:
        applied = _applied_baseline(baseline)
    judged: dict[str, ReportStatus] = {}

    def status(display: str, found: Sequence[Finding]) -> ReportStatus:
        return ReportStatus.judged(_relative(root, display), display, found, level)

    if targets:
        with stream_paths([t.path for t in targets], config, progress=progress, jobs=jobs,
                          cache_root=cache_root, executor=executor) as streamed:
            for display, found in streamed.findings.by_report():
                if applied is not None:
                    found = applied.new(found)
                if not found:
                    continue
                if keep is not None:
                    keep(display, found)
                judged[display] = status(display, found)
    reports = [_with_content(target, judged.pop(target.display) if target.display in judged
                             else status(target.display, []))
               for target in targets]
    # A finding on a path outside the targets (a cross-report rule naming another file)
    # still counts: give it its own entry rather than drop it.
    reports += [judged[display] for display in sorted(judged)]
    return GateResult(root.as_posix(), level, config, reports, changed,
                      None if baseline is None else baseline.as_posix(),
                      0 if applied is None else applied.known)


def _with_content(target: Target, status: ReportStatus) -> ReportStatus:
    content = read_regular_bytes(target.path)
    if content is None:
        return status
    status.sha256 = hashlib.sha256(content).hexdigest()
    status.size = len(content)
    return status


def _relative(root: Path, display: str) -> str:
    try:
        return Path(os.path.realpath(display)).relative_to(os.path.realpath(root)).as_posix()
    except ValueError:
        return display


def _applied_baseline(baseline: Path) -> AppliedBaseline:
    from reportlint.run.baseline import AppliedBaseline, load_baseline

    try:
        return AppliedBaseline(load_baseline(baseline), baseline.parent)
    except OSError as error:
        raise GateError(f"cannot read baseline {baseline}: {error.strerror}") from None
    except ValueError as error:
        raise GateError(f"{baseline}: {error}") from None


def changed_reports(root: Path, revision: str, targets: Sequence[Target]) -> ChangedReports:
    """The reports under `root` added, modified or untracked since `revision` (the work
    tree against that commit), and those deleted."""
    commit = _git(root, "rev-parse", "--verify", "--quiet", f"{revision}^{{commit}}",
                  what=f"unknown git revision '{revision}'").strip()
    names = _git(root, "diff", "--name-only", "--no-renames", "-z", "--relative", commit,
                 "--", ".").split("\0")
    names += _git(root, "ls-files", "--others", "--exclude-standard", "-z",
                  "--", ".").split("\0")
    wanted = {Path(os.path.realpath(root / name)) for name in names if name}
    changed = [t for t in targets if Path(os.path.realpath(t.path)) in wanted]
    present = {Path(os.path.realpath(t.path)) for t in targets}
    from reportlint.readers import REPORT_SUFFIXES

    removed = sorted({name for name in names if name and not (root / name).exists()
                      and Path(name).suffix.lower() in REPORT_SUFFIXES
                      and Path(os.path.realpath(root / name)) not in present})
    return ChangedReports(revision, commit, changed, removed)


def _git(root: Path, *args: str, what: str = "git failed") -> str:
    try:
        done = subprocess.run(["git", "-C", str(root), *args], capture_output=True,
                              text=True, check=False)
    except OSError:
        raise GateError("--since needs git, which cannot be run here") from None
    if done.returncode != 0:
        inside = subprocess.run(["git", "-C", str(root), "rev-parse", "--is-inside-work-tree"],
                                capture_output=True, text=True, check=False)
        if inside.returncode != 0:
            raise GateError(f"--since needs a git work tree; {root} is not in one")
        raise GateError(what)
    return done.stdout


def failure_summary(result: GateResult, limit: int = 20) -> str:
    """A few plain lines for the terminal: the verdict and the first failing reports."""
    total, failed = len(result.reports), result.failed
    scope = (f" changed since {result.since.revision}" if result.since is not None else "")
    if result.passed:
        return (f"Gate passed: {total} report{'s' if total != 1 else ''}{scope} checked, "
                f"none with a finding at {result.fail_on.value} or above.\n")
    lines = [f"Gate failed: {len(failed)} of {total} report{'s' if total != 1 else ''}{scope} "
             f"{'has' if len(failed) == 1 else 'have'} findings at {result.fail_on.value} "
             "or above."]
    for report in failed[:limit]:
        first = report.first_reason
        assert first is not None  # a failed report has a reason
        more = report.reasons - 1
        message = first.message if len(first.message) <= 100 else first.message[:99] + "…"
        lines.append(f"  {report.display}: {first.rule} {message}"
                     + (f" (+{more} more)" if more else ""))
    if len(failed) > limit:
        lines.append(f"  ... and {len(failed) - limit} more failing reports")
    return "\n".join(lines) + "\n"
