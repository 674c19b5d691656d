"""The per-file pass: which rules a config turns on for a path (`RuleSet`), and one
document's findings (`lint_document`) and cross-report summaries (`summarize`)."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from pathlib import Path

from reportlint.config import Config
from reportlint.document.model import Document
from reportlint.findings import Finding, Hit, Severity
from reportlint.rules.registry import Context, Rule, all_rules, known_selector, selector_matches
from reportlint.run.suppressions import apply_suppressions


class RuleSet:
    """The rules a config turns on, with their severities, per path."""

    def __init__(self, config: Config, rules: Sequence[type[Rule]] | None = None) -> None:
        self.config = config
        self.rules = tuple(rules if rules is not None else all_rules())
        self.context = Context(config)
        self._instances = {rule.code: rule() for rule in self.rules}
        # Rules whose severity the config sets (anywhere): one level for all their
        # findings, whatever a finding's own default (Hit.severity).
        levels = [config.severity, *(override.severity for override in config.per_path)]
        self.severity_set = frozenset(rule.code for rule in self.rules if any(
            rule.code in level or rule.name in level for level in levels))

    def for_path(self, display: str) -> list[tuple[Rule, Severity]]:
        config = self.config
        select, ignore, severity = list(config.select), list(config.ignore), dict(config.severity)
        for override in config.per_path:
            if override.applies_to(display):
                if override.select is not None:
                    select = list(override.select)
                ignore += override.ignore
                severity.update(override.severity)
        chosen = []
        for rule in self.rules:
            if any(selector_matches(s, rule) for s in select) and not any(
                    selector_matches(s, rule) for s in ignore):
                level = severity.get(rule.code) or severity.get(rule.name) or rule.severity
                chosen.append((self._instances[rule.code], Severity(level)))
        return chosen


def with_options(config: Config, *, select: Sequence[str] = (), ignore: Sequence[str] = (),
                 extend_select: Sequence[str] = (), scope: str = "all",
                 fail_on: Severity | None = None) -> Config:
    """The config with a command line's choices laid over it. `scope` "per-file" drops
    the cross-report rules, "cross-report" keeps only them (added to `ignore`, so the
    config's own selection still holds). Raises ValueError for an unknown selector."""
    rules = all_rules()
    for selector in (*select, *extend_select, *ignore):
        if not known_selector(selector, rules):
            raise ValueError(f"unknown rule selector '{selector}' (see `reportlint rules`)")
    ignored = [*config.ignore, *ignore]
    if scope != "all":
        ignored += [rule.code for rule in rules if rule.corpus == (scope == "per-file")]
    updates: dict[str, object] = {"ignore": ignored}
    if select or extend_select:
        updates["select"] = [*(select or config.select), *extend_select]
    if fail_on is not None:
        updates["fail_on"] = fail_on
    return config.model_copy(update=updates)


def lint_document(doc: Document, rules: RuleSet) -> list[Finding]:
    """Every finding of the per-file rules on one document."""
    findings: list[Finding] = []
    display = doc.path.as_posix()
    for rule, severity in rules.for_path(display):
        if rule.corpus or (not doc.readable and getattr(rule, "needs_report", True)):
            continue
        hits = rule.check(doc, rules.context)
        own = rule.code not in rules.severity_set
        findings.extend(to_finding(doc, rule, severity, hit, own_severity=own) for hit in hits)
    # Last, so that a suppression sees every finding of the file (and H100 those it hid).
    return apply_suppressions(doc, findings, rules.for_path(display))


def summarize(doc: Document, rules: RuleSet) -> dict[str, object]:
    """Each active cross-report rule's summary of one readable document, by rule code."""
    if not doc.readable:
        return {}
    return {rule.code: rule.summarize(doc, rules.context)
            for rule, _ in rules.for_path(doc.path.as_posix()) if rule.corpus}


def lint_source(raw: bytes, display: str, config: Config) -> list[Finding]:
    """The per-file findings on one report's bytes, shown as the file `display` (whose
    suffix picks the form): standard input, an editor's buffer."""
    return check_source(raw, display, RuleSet(config))[1]


def check_source(raw: bytes, display: str, rules: RuleSet) -> tuple[Document, list[Finding]]:
    """The document read from `raw` as the file `display`, and its per-file findings,
    sorted. For callers that check the same kind of text again and again (an editor's
    buffer) and keep `rules`, or that need the document too (hover, fixes)."""
    from reportlint.readers import form_of, read_text

    doc = read_text(Document(Path(display), form_of(Path(display)) or "markdown", ""), raw)
    findings = lint_document(doc, rules)
    findings.sort(key=Finding.sort_key)
    return doc, findings


def section_name_at(doc: Document, offset: int) -> str | None:
    """The catalog name (or heading as written) of the section holding `offset`."""
    from reportlint.schema import SPECS_BY_KEY

    heading = doc.heading_at(offset, most_level=2)
    if heading is None:
        return None
    return SPECS_BY_KEY[heading.key].name if heading.key else heading.text


def to_finding(doc: Document, rule: Rule, severity: Severity, hit: Hit, *,
               own_severity: bool = False) -> Finding:
    """The hit as a finding; with `own_severity` (the config sets none for the rule), at
    the hit's own severity when it has one."""
    if hit.offset is not None:
        line, column = doc.position(hit.offset)
    else:
        line, column = hit.line or 1, hit.column or 1
    end_line = end_column = None
    if hit.end_offset is not None:
        end_line, end_column = doc.position(hit.end_offset)
    if own_severity and hit.severity is not None:
        severity = hit.severity
    section = hit.section
    if section is None and hit.offset is not None and doc.outline:
        section = section_name_at(doc, hit.offset)
    return Finding(doc.path.as_posix(), line, column, rule.code, hit.message, rule.name,
                   rule.category, severity, section, end_line, end_column, hit.fix, hit.data)


def exit_status(findings: Iterable[Finding], fail_on: Severity) -> int:
    return 1 if any(f.severity.rank >= fail_on.rank for f in findings) else 0
