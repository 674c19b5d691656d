"""The cross-report half of `engine.lint_paths`, with the cache: the last run's
cross-report findings are kept by report, so that a run after one file changed compares
again only what that change can reach.

The kept state (one per config and tool, in the cache folder) is the file key of every
report checked and each cross-report rule's findings by report. A run over the same
files with the same keys takes the findings as they are. A run after some files changed,
were added or were removed hands each rule their summaries from the last run (from the
per-file cache, by their old keys) through `Context.previous`; a rule that implements
`recheck_corpus` names the reports whose findings can differ and gives theirs, and every
other report keeps its findings. A rule that does not is checked over the whole corpus
again, as is everything when the last run's summaries cannot be had.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from reportlint.findings import Category, Finding, Hit, Severity

if TYPE_CHECKING:
    from reportlint.rules.registry import Context, CorpusEntry, Rule
    from reportlint.run.cache import Cache
    from reportlint.run.engine import RuleSet

# Past this share of changed files, reading their old summaries and finding the reports
# they reach costs more than comparing everything again.
MAX_CHANGED_SHARE = 0.25

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
        answer = rule.recheck_corpus(entries, before, context)
        if answer is None:
            return None
        reports, hits = answer
        again = set(reports) | set(before)
        present = {entry.path for entry in entries}
        return [f for path, found in kept.items() if path in present and path not in again
                for f in found], hits


def cross_report_findings(summaries: Sequence[tuple[str, dict[str, object]]],
                          keys: Sequence[tuple[str, str | None]], rules: RuleSet,
                          cache: Cache | None) -> list[Finding]:
    """The cross-report findings of these files (their summaries, and (display path,
    cache key) of each), from the last run's where the files allow it."""
    from reportlint.run import engine

    complete = [(path, key) for path, key in keys if key is not None]
    if cache is None or len(complete) < len(keys):  # a file that is not cached
        return engine.lint_corpus(summaries, rules)
    state = cache.load_corpus_state()
    if state is not None and state.keys == complete:
        return state.all_findings()
    rules.context.previous = _previous(state, complete, cache)
    try:
        found = engine.lint_corpus(summaries, rules)
    finally:
        rules.context.previous = None
    by_rule: dict[str, dict[str, list[Finding]]] = {
        rule.code: {} for rule, _ in rules.for_path("") if rule.corpus}
    for finding in found:
        by_rule.setdefault(finding.rule, {}).setdefault(finding.path, []).append(finding)
    cache.store_corpus_state(CorpusState(complete, by_rule))
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
