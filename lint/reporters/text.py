"""`path:line:col: CODE [severity] message`, one line a finding, then a summary."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Sequence

from reportlint.findings import Finding
from reportlint.reporters.capping import capped
from reportlint.reporters.options import RenderOptions

_COLOURS = {"error": "red", "warning": "yellow", "info": "cyan"}


def render_text(findings: Sequence[Finding], options: RenderOptions) -> str:
    """One line a finding (`[*]` after the code when `--fix` can repair it); with
    `source_lines`, the finding's line and a caret under the spot; at most
    `max_per_rule` of one rule in one file, then a count of the rest; then a summary."""
    files, colour, summary = options.files, options.colour, options.summary
    source_lines, max_per_rule = options.source_lines, options.max_per_rule
    if not findings:
        return ""
    import click

    def style(text: str, **kwargs: object) -> str:
        return click.style(text, **kwargs) if colour else text  # type: ignore[arg-type]

    lines = []
    shown, more = capped(findings, max_per_rule)
    for index, f in enumerate(shown):
        where = style(f"{f.path}:{f.line}:{f.column}:", bold=True)
        severity = style(f"[{f.severity.value}]", fg=_COLOURS[f.severity.value])
        fixable = " [*]" if f.fix is not None and f.fix.safe else ""
        lines.append(f"{where} {style(f.rule, bold=True)}{fixable} {severity} {f.message}")
        if source_lines is not None:
            lines += _source(f, source_lines.get(f.path, []), style)
        if index in more:
            lines.append(f"{f.path}: {f.rule} and {more[index]} more like this "
                         "(--max-per-rule 0 shows every one)")
    if not summary:  # --quiet
        return "\n".join(lines) + "\n"
    counts = Counter(f.severity.value for f in findings)
    parts = [f"{counts[s]} {s}{'s' if counts[s] != 1 and s != 'info' else ''}"
             for s in ("error", "warning", "info") if counts[s]]
    reports = len({f.path for f in findings})
    lines.append(f"Found {len(findings)} finding{'s' if len(findings) != 1 else ''} "
                 f"({', '.join(parts)}) in {reports} of {files} report"
                 f"{'s' if files != 1 else ''}.")
    safe = sum(1 for f in findings if f.fix is not None and f.fix.safe)
    unsafe = sum(1 for f in findings if f.fix is not None and not f.fix.safe)
    if safe:
        lines.append(f"[*] {safe} fixable with the `--fix` option.")
    if unsafe:
        lines.append(f"({unsafe} more fix{'es' if unsafe != 1 else ''} may change wording: "
                     "review them with `--diff --unsafe-fixes`.)")
    return "\n".join(lines) + "\n"


def _source(finding: Finding, lines: list[str], style: Callable[..., str]) -> list[str]:
    """The finding's line, numbered, with a caret (or carets to its end on that line)."""
    if not 0 < finding.line <= len(lines):
        return []
    text = lines[finding.line - 1].expandtabs(1)
    gutter = f"{finding.line:>5} | "
    start = max(finding.column - 1, 0)
    end = len(text)
    if finding.end_line == finding.line and finding.end_column:
        end = max(finding.end_column - 1, start + 1)
    width = max(1, min(end, len(text)) - start)
    marks = " " * (len(gutter) - 2) + "| " + " " * start + style("^" * width, fg="red",
                                                                  bold=True)
    return [style(gutter, fg="blue") + text, marks]
