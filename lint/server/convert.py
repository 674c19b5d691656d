"""The linter's findings, edits and explanations as Language Server Protocol objects."""

from __future__ import annotations

from collections.abc import Sequence

from lsprotocol import types
from reportlint.document.text import FOOTNOTE_REF
from reportlint.findings import Finding, Severity
from reportlint.server.checking import Checked, ConfigProblem, source_of
from reportlint.server.edits import Span
from reportlint.server.positions import LineIndex, LspPosition, line_edits

SOURCE = "reportlint"
_SEVERITY = {Severity.ERROR: types.DiagnosticSeverity.Error,
             Severity.WARNING: types.DiagnosticSeverity.Warning,
             Severity.INFO: types.DiagnosticSeverity.Information}


def position(place: LspPosition) -> types.Position:
    return types.Position(line=place[0], character=place[1])


def finding_range(finding: Finding, index: LineIndex) -> types.Range:
    """Where the finding is: from its line and column to its end when the rule gives
    one (an exclusive end), else to the end of its line, so it can be seen and hovered."""
    start = index.from_line_column(finding.line, finding.column)
    if finding.end_line is not None:
        end = index.from_line_column(finding.end_line, finding.end_column or 1)
    else:
        end = index.line_end(finding.line)
    return types.Range(start=position(start), end=position(max(start, end)))


def diagnostic(finding: Finding, index: LineIndex, uri: str) -> types.Diagnostic:
    # No codeDescription: the rules' documentation is `reportlint explain CODE` (and the
    # hover), not a page with an address an editor could open.
    related = [types.DiagnosticRelatedInformation(
        location=types.Location(uri=uri, range=types.Range(
            start=position(index.from_line_column(line, column)),
            end=position(index.line_end(line)))),
        message=f"{finding.rule}: the same root cause here") for line, column in finding.related()]
    return types.Diagnostic(
        range=finding_range(finding, index), message=finding.message,
        severity=_SEVERITY[finding.severity], code=finding.rule, source=SOURCE,
        related_information=related or None,
        data={"category": finding.category.value, "name": finding.name,
              "section": finding.section, "fixable": finding.fix is not None})


def diagnostics(checked: Checked, index: LineIndex, uri: str) -> list[types.Diagnostic]:
    return [diagnostic(finding, index, uri) for finding in checked.findings]


def config_diagnostic(problem: ConfigProblem, text: str, encoding: str) -> types.Diagnostic:
    index = LineIndex(text, encoding)
    start = index.from_line_column(problem.line, problem.column)
    return types.Diagnostic(
        range=types.Range(start=position(start),
                          end=position(max(start, index.line_end(problem.line)))),
        message=f"{problem.message} (reports under this config are not checked until "
                "it is fixed, as `reportlint check` would stop)",
        severity=types.DiagnosticSeverity.Error, code="config", source=SOURCE)


def span_edit(span: Span, index: LineIndex) -> types.TextEdit:
    return types.TextEdit(range=types.Range(start=position(index.from_offset(span.start)),
                                            end=position(index.from_offset(span.end))),
                          new_text=span.text)


def whole_text_edits(before: str, after: str, index: LineIndex) -> list[types.TextEdit]:
    """The line edits that turn the buffer `before` into `after`."""
    edits = []
    for first, stop, text in line_edits(before, after):
        end = (stop, 0) if stop < len(index.lines) else index.end()
        edits.append(types.TextEdit(range=types.Range(start=position((first, 0)),
                                                      end=position(end)), new_text=text))
    return edits


def workspace_edit(uri: str, edits: Sequence[types.TextEdit]) -> types.WorkspaceEdit:
    return types.WorkspaceEdit(changes={uri: list(edits)})


def hover_text(checked: Checked, index: LineIndex, place: LspPosition) -> str | None:
    """What to show at `place`: the explanation of each rule with a finding there, and
    for a citation marker `[^id]`, the source it points to (or that there is none)."""
    from reportlint.rules.docs import render_explanation
    from reportlint.rules.registry import rule_by_code

    parts: list[str] = []
    shown: set[str] = set()
    for finding in checked.findings:
        where = finding_range(finding, index)
        inside = ((where.start.line, where.start.character) <= place
                  <= (where.end.line, where.end.character))
        rule = rule_by_code(finding.rule)
        if inside and rule is not None and finding.rule not in shown:
            shown.add(finding.rule)
            parts.append(f"**{finding.rule}**: {finding.message}\n\n"
                         + render_explanation(rule, "markdown", False))
    citation = _citation_at(index, place)
    if citation is not None:
        found = source_of(checked.doc, citation)
        if found is None:
            parts.append(f"`[^{citation}]` points to no source: nothing defines "
                         f"`[^{citation}]` under Sources & Further Reading.")
        else:
            line, text = found
            parts.append(f"`[^{citation}]` (line {line}): {text}")
    return "\n\n---\n\n".join(parts) if parts else None


def _citation_at(index: LineIndex, place: LspPosition) -> str | None:
    line, _ = place
    if line >= len(index.lines):
        return None
    column = index.to_offset(place) - index.to_offset((line, 0))
    for match in FOOTNOTE_REF.finditer(index.lines[line]):
        if match.start() <= column <= match.end():
            return match.group(1)
    return None
