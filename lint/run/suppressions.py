"""Suppressions: the writer's own word that a finding is known and accepted.

Four places say it, from the narrowest to the widest:

- Markdown comments: `<!-- reportlint-disable-next-line S003 -->` (the next non-blank
  line), `<!-- reportlint-disable-line S003 -->` (its own line), and
  `<!-- reportlint-disable S003 -->` ... `<!-- reportlint-enable S003 -->` (a range; without
  an enable it runs to the end of the file; without codes it covers every rule).
- YAML comments: `# reportlint: disable=S003` at the end of a line covers that line; on a
  line of its own it covers the next line that is not a comment.
- Front matter (or `meta` in YAML): `reportlint: {ignore: [S003]}` covers the whole file.
- Config: `per_path: [{paths: [...], ignore: [...]}]` (applied by the engine's `RuleSet`).

A selector is what `--select` takes: a code, a code prefix, a rule name or a category.
Text after ` -- ` in a comment is the writer's reason and is ignored.

`apply_suppressions` is called once per file at the end of `engine.lint_document`: it
drops the suppressed findings and reports, as `H100 unused-suppression`, each selector
that suppressed nothing, so stale suppressions do not pile up and hide new defects.
`suppress_cross_report` does the same for the cross-report rules' findings, which come
later, from the corpus pass (their suppressions are not judged by H100: whether they hide
anything depends on which other reports are checked with them).
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from reportlint.findings import Finding, Severity
from reportlint.rules.registry import Rule, all_rules, selector_matches
from reportlint.rules.suppression import UnusedSuppression

if TYPE_CHECKING:
    from reportlint.document.model import Document

_MARKDOWN = re.compile(
    r"<!--\s*reportlint-(disable-next-line|disable-line|disable|enable)(?![\w-])(.*?)-->",
    re.DOTALL)
_YAML = re.compile(r"(?:^|(?<=\s))#\s*reportlint\s*:\s*disable(?![\w-])\s*(?:=\s*([^#\n]*))?",
                   re.MULTILINE)
_FENCE = re.compile(r"^ {0,3}(```|~~~)", re.MULTILINE)
_EVERY_LINE = 10**9
ALL = "ALL"


@dataclass
class Suppression:
    """One selector of one directive, and the lines (1-based, inclusive) it covers."""

    selector: str
    offset: int  # where the directive stands, for reporting it
    first: int
    last: int = _EVERY_LINE
    where: str = "comment"
    used: bool = field(default=False)

    def covers(self, finding: Finding) -> bool:
        if not self.first <= finding.line <= self.last:
            return False
        selector = self.selector
        if selector == ALL:
            return True
        if selector.lower() in (finding.category.value, finding.name.lower()):
            return True
        return finding.rule.upper().startswith(selector.upper())


@dataclass
class Directives:
    suppressions: list[Suppression] = field(default_factory=list)
    problems: list[tuple[int, str]] = field(default_factory=list)  # (offset, message)


def apply_suppressions(doc: Document, findings: list[Finding],
                       active: Sequence[tuple[Rule, Severity]]) -> list[Finding]:
    """`findings` less those a suppression covers, plus an H100 finding for each
    suppression that covered nothing. `active`: the rules that ran on this file."""
    if "reportlint" not in doc.source:
        return findings
    found = find_directives(doc)
    if not found.suppressions and not found.problems:
        return findings
    kept = []
    for finding in findings:
        covering = [s for s in found.suppressions if s.covers(finding)]
        for suppression in covering:
            suppression.used = True
        if not covering:
            kept.append(finding)
    unused = next((severity for rule, severity in active if rule.code == UnusedSuppression.code),
                  None)
    if unused is None:
        return kept
    ran = [type(rule) for rule, _ in active
           if not rule.corpus and (doc.readable or not getattr(rule, "needs_report", True))]
    later = [type(rule) for rule, _ in active if rule.corpus]  # may use it in the corpus pass
    reports = [*found.problems, *_unused(found.suppressions, ran, later)]
    for offset, message in reports:
        finding = _finding(doc, offset, message, unused)
        if not any(s.covers(finding) for s in found.suppressions if s.selector != ALL):
            kept.append(finding)
    return kept


def suppress_cross_report(findings: Sequence[Finding], max_bytes: int) -> list[Finding]:
    """Cross-report findings less those their file suppresses in its comments or front
    matter. A file is read again only if it mentions reportlint. (The config's per_path
    needs nothing here: a file a rule is off for has no summary, so is not compared.)"""
    from pathlib import Path

    from reportlint.readers import read_document

    by_path: dict[str, list[Finding]] = {}
    for finding in findings:
        by_path.setdefault(finding.path, []).append(finding)
    kept: list[Finding] = []
    for path, found in by_path.items():
        try:
            mentions = b"reportlint" in Path(path).read_bytes()
        except OSError:
            mentions = False
        if mentions:
            directives = find_directives(read_document(Path(path), max_bytes=max_bytes))
            found = [f for f in found if not any(s.covers(f) for s in directives.suppressions)]
        kept += found
    return kept


def _unused(suppressions: list[Suppression], ran: list[type[Rule]],
            later: list[type[Rule]]) -> Iterator[tuple[int, str]]:
    known = all_rules()
    for suppression in suppressions:
        selector = suppression.selector
        if suppression.used or selector.upper() == UnusedSuppression.code or any(
                selector == ALL or selector_matches(selector, rule) for rule in later):
            continue
        if selector != ALL and not any(selector_matches(selector, rule) for rule in known):
            yield suppression.offset, (f'suppression names no rule: "{selector}" (see '
                                       "`reportlint rules`)")
        elif selector == ALL or any(selector_matches(selector, rule) for rule in ran):
            what = "every rule" if selector == ALL else f'"{selector}"'
            scope = "in this file" if suppression.where == "front matter" else "here"
            yield suppression.offset, f"unused suppression of {what}: nothing {scope} was reported"


def _finding(doc: Document, offset: int, message: str, severity: Severity) -> Finding:
    line, column = doc.position(offset)
    rule = UnusedSuppression
    return Finding(doc.path.as_posix(), line, column, rule.code, message, rule.name,
                   rule.category, severity, None)


def find_directives(doc: Document) -> Directives:
    """Every suppression the file states, in its comments and in its front matter."""
    found = Directives()
    _front_matter(doc, found)
    if doc.format == "yaml":
        _yaml_comments(doc, found)
    else:
        _markdown_comments(doc, found)
    return found


def _selectors(text: str) -> list[str]:
    text = text.split(" -- ", 1)[0].strip()
    if text.startswith("--"):
        return []
    return [part for part in re.split(r"[\s,]+", text) if part]


def _front_matter(doc: Document, found: Directives) -> None:
    settings = doc.raw_meta.get("reportlint")
    if settings is None:
        return
    offset = doc.meta_offsets.get("reportlint", 0)
    ignore = settings.get("ignore") if isinstance(settings, dict) else None
    if isinstance(ignore, str):
        ignore = [ignore]
    if (not isinstance(settings, dict) or set(settings) - {"ignore"}
            or not isinstance(ignore, list) or not all(isinstance(i, str) for i in ignore)):
        found.problems.append((offset, "front matter 'reportlint' is not understood: expected "
                                       "{ignore: [CODE, ...]}; nothing is suppressed"))
        return
    for selector in ignore:
        found.suppressions.append(Suppression(selector.strip(), offset, 1,
                                              where="front matter"))


def _markdown_comments(doc: Document, found: Directives) -> None:
    source = doc.source
    fences = _fenced_ranges(source)
    open_ranges: list[Suppression] = []
    for match in _MARKDOWN.finditer(source):
        if any(start <= match.start() < end for start, end in fences):
            continue
        verb, selectors = match.group(1), _selectors(match.group(2))
        line = doc.position(match.start())[0]
        end_line = doc.position(match.end())[0]
        if verb == "enable":
            closing = [s for s in open_ranges if not selectors or any(
                s.selector.upper() == wanted.upper() for wanted in selectors)]
            for suppression in closing:
                suppression.last = line
                open_ranges.remove(suppression)
            continue
        if verb == "disable-line":
            first, last = line, end_line
        elif verb == "disable-next-line":
            first = last = _next_line(source, match.end(), doc)
        else:
            first, last = line, _EVERY_LINE
        for selector in selectors or [ALL]:
            suppression = Suppression(selector, match.start(), first, last)
            found.suppressions.append(suppression)
            if verb == "disable":
                open_ranges.append(suppression)


def _yaml_comments(doc: Document, found: Directives) -> None:
    source = doc.source
    for match in _YAML.finditer(source):
        line_start = source.rfind("\n", 0, match.start()) + 1
        own_line = not source[line_start:match.start()].strip()
        line = doc.position(match.start())[0]
        target = _next_line(source, match.end(), doc, skip_comments=True) if own_line else line
        for selector in _selectors(match.group(1) or "") or [ALL]:
            found.suppressions.append(Suppression(selector, match.start(), target, target))


def _next_line(source: str, offset: int, doc: Document, skip_comments: bool = False) -> int:
    """The 1-based number of the first non-blank line after the one holding `offset`."""
    position = source.find("\n", offset)
    while position != -1:
        start = position + 1
        end = source.find("\n", start)
        text = source[start:end if end != -1 else len(source)].strip()
        if text and not (skip_comments and text.startswith("#")):
            return doc.position(start)[0]
        position = end
    return doc.position(len(source))[0] + 1


def _fenced_ranges(source: str) -> list[tuple[int, int]]:
    """Offsets of fenced code blocks, where a comment is an example, not a directive."""
    marks = [m.start() for m in _FENCE.finditer(source)]
    return [(marks[i], marks[i + 1]) for i in range(0, len(marks) - 1, 2)]
