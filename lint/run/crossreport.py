"""The cross-report half of `pipeline.lint_paths`, with the cache: the last run's
cross-report findings are kept by report, so that a run after one file changed compares
again only what that change can reach.

The kept state (one per config and tool, in the cache folder) is the file key of every
report checked and each cross-report rule's findings by report. A run over the same
files with the same keys takes the findings as they are. A run after some files changed,
were added or were removed hands each rule their summaries from the last run (from the
per-file cache, by their old keys) and its own findings then; a rule that implements
`recheck_corpus` names the reports whose findings can differ and gives theirs, and every
other report keeps its findings. A rule that does not is checked over the whole corpus
again, as is everything when the last run's summaries cannot be had.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence, Set
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from reportlint.corpus.entry import CorpusEntry
from reportlint.findings import Category, Finding, Hit, Severity
from reportlint.run.suppressions import suppress_cross_report

if TYPE_CHECKING:
    from reportlint.rules.registry import Context, Rule
    from reportlint.run.cache import Cache
    from reportlint.run.engine import RuleSet

# Past this share of changed files, reading their old summaries and finding the reports
# they reach costs more than comparing everything again.
MAX_CHANGED_SHARE = 0.25
# The name the cross-report state is kept under in the cache.
STATE_NAME = "corpus state"

Keys = list[tuple[str, str]]
# A finding as kept: path, line, column, message, section, end line and column, fix, data
# (the rule's code, name, category and severity are the rule's, kept once).
Kept = tuple[object, ...]


@dataclass(frozen=True, slots=True)
class CorpusState:
    """What a run over these files found: (display path, file key) of every file, in
    order, and each cross-report rule's findings by path."""

    keys: Keys
    findings: dict[str, dict[str, list[Finding]]]

    def all_findings(self) -> list[Finding]:
        return [f for by_path in self.findings.values() for found in by_path.values()
                for f in found]

    def encode(self) -> tuple[Keys, dict[str, tuple[tuple[str, str, str], dict[str, list[Kept]]]]]:
        """Plain data (pickles compactly and fast: no dataclass per finding)."""
        encoded: dict[str, tuple[tuple[str, str, str], dict[str, list[Kept]]]] = {}
        for code, by_path in self.findings.items():
            first = next((f for found in by_path.values() for f in found), None)
            rule = (first.name, first.category.value, first.severity.value) if first else (
                "", "", "")
            encoded[code] = (rule, {path: [(f.line, f.column, f.message, f.section, f.end_line,
                                            f.end_column, f.fix, f.data) for f in found]
                                    for path, found in by_path.items()})
        return self.keys, encoded

    @classmethod
    def decode(cls, data: object) -> CorpusState | None:
        """The state from `encode`'s plain data, or None when it is not that shape."""
        try:
            keys: Any
            encoded: Any
            keys, encoded = data  # type: ignore[misc]
            findings: dict[str, dict[str, list[Finding]]] = {}
            for code, ((name, category, severity), by_path) in encoded.items():
                findings[code] = {
                    path: [Finding(path, line, column, code, message, name,
                                   Category(category), Severity(severity), section,
                                   end_line, end_column, fix, data)
                           for line, column, message, section, end_line, end_column, fix,
                           data in found]
                    for path, found in by_path.items()}
            return cls([(str(path), str(key)) for path, key in keys], findings)
        except (TypeError, ValueError, AttributeError):
            return None


@dataclass(frozen=True, slots=True)
class PreviousRun:
    """The last run's findings, and the summaries then of the files changed since."""

    state: CorpusState
    before: dict[str, dict[str, object] | None]  # changed path -> its summaries then

    def recheck(self, rule: Rule, entries: Sequence[CorpusEntry], context: Context
                ) -> tuple[list[Finding], Iterable[tuple[str, Hit]]] | None:
        """(the kept findings of the reports a change cannot reach, the new hits of the
        others), or None when `rule` must check the whole corpus again."""
        kept = self.state.findings.get(rule.code)
        if kept is None:
            return None
        before = {path: (summaries or {}).get(rule.code)
                  for path, summaries in self.before.items()}
        answer = rule.recheck_corpus(entries, before, kept, context)
        if answer is None:
            return None
        reports, hits = answer
        again = set(reports) | set(before)
        present = {entry.path for entry in entries}
        return [f for path, found in kept.items() if path in present and path not in again
                for f in found], hits


def lint_corpus(summaries: Sequence[tuple[str, dict[str, object]]], rules: RuleSet,
                previous: PreviousRun | None = None, compared: Set[str] = frozenset()
                ) -> list[Finding]:
    """Findings of the cross-report rules over the summaries of several documents; with
    `previous`, the last run's, compared again only where a change can reach.
    `compared`: the codes of the rules whose comparison ran elsewhere (on a cluster,
    which handed their findings over already); they are passed over here."""
    findings: list[Finding] = []
    kept: list[Finding] = []  # a report's own, from the last run, where nothing reaches it
    for rule, severity in rules.for_path(""):
        if not rule.corpus or rule.code in compared:
            continue
        entries = [CorpusEntry(path, by_rule[rule.code]) for path, by_rule in summaries
                   if rule.code in by_rule]
        again = previous.recheck(rule, entries, rules.context) if previous else None
        if again is not None:
            kept += again[0]
        hits = again[1] if again is not None else rule.check_corpus(entries, rules.context)
        findings += hit_findings(rule, severity, hits, rules.config.max_file_size)
    return kept + findings


def hit_findings(rule: Rule, severity: Severity, hits: Iterable[tuple[str, Hit]],
                 max_file_size: int) -> list[Finding]:
    """A cross-report rule's hits as findings, less those a report's own suppressions
    hold for (H100 does not judge them)."""
    return suppress_cross_report([
        Finding(path, hit.line or 1, hit.column or 1, rule.code, hit.message, rule.name,
                rule.category, severity, hit.section, fix=hit.fix, data=hit.data)
        for path, hit in hits], max_file_size)


def cross_report_findings(summaries: Sequence[tuple[str, dict[str, object]]],
                          keys: Sequence[tuple[str, str | None]], rules: RuleSet,
                          cache: Cache | None, compared: Set[str] = frozenset()
                          ) -> list[Finding]:
    """The cross-report findings of these files (their summaries, and (display path,
    cache key) of each), from the last run's where the files allow it. `compared`: rules
    compared elsewhere (see `lint_corpus`); then nothing is kept for the next run, which
    compares afresh."""
    complete = [(path, key) for path, key in keys if key is not None]
    if cache is None or len(complete) < len(keys) or compared:  # not all cached, or elsewhere
        return lint_corpus(summaries, rules, None, compared)
    state = CorpusState.decode(cache.load_state(STATE_NAME))
    if state is not None and state.keys == complete:
        return state.all_findings()
    found = lint_corpus(summaries, rules, _previous(state, complete, cache))
    by_rule: dict[str, dict[str, list[Finding]]] = {
        rule.code: {} for rule, _ in rules.for_path("") if rule.corpus}
    for finding in found:
        by_rule.setdefault(finding.rule, {}).setdefault(finding.path, []).append(finding)
    cache.store_state(STATE_NAME, CorpusState(complete, by_rule).encode())
    return found


def _previous(state: CorpusState | None, keys: Keys, cache: Cache) -> PreviousRun | None:
    """The last run as a starting point, or None when comparing everything is as cheap
    or the files' old summaries are gone."""
    if state is None:
        return None
    old, new = dict(state.keys), dict(keys)
    # Reports are compared in file order: a run over the same files listed in another
    # order starts afresh.
    if [p for p, _ in state.keys if p in new] != [p for p, _ in keys if p in old]:
        return None
    changed = [p for p in old.keys() | new.keys() if old.get(p) != new.get(p)]
    if len(changed) > MAX_CHANGED_SHARE * max(len(keys), 1):
        return None
    before: dict[str, dict[str, object] | None] = {}
    for path in sorted(changed):
        if path not in old:
            before[path] = None
            continue
        entry = cache.load(old[path])
        if entry is None or entry.summaries is None:
            return None
        before[path] = entry.summaries
    return PreviousRun(state, before)
