"""`path:line:col: CODE [severity] message`, one line a finding, then a summary."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Collection, Iterable, Iterator
from typing import TextIO

from reportlint.findings import Finding
from reportlint.reporters.capping import capped
from reportlint.reporters.options import RenderOptions

_COLOURS = {"error": "red", "warning": "yellow", "info": "cyan"}


def write_text(findings: Collection[Finding], options: RenderOptions, out: TextIO) -> None:
    """One line a finding (`[*]` after the code when `--fix` can repair it); with
    `source_lines`, the finding's line and a caret under the spot; at most
    `max_per_rule` of one rule in one file, then a count of the rest; then a summary.
    Written as the findings are read, so a corpus's need not be held."""
    colour, source_lines = options.colour, options.source_lines
    if not findings:
        return
    import click

    def style(text: str, **kwargs: object) -> str:
        return click.style(text, **kwargs) if colour else text  # type: ignore[arg-type]

    total = Tally()
    for f, more in capped(_counted(findings, total), options.max_per_rule):
        where = style(f"{f.path}:{f.line}:{f.column}:", bold=True)
        severity = style(f"[{f.severity.value}]", fg=_COLOURS[f.severity.value])
        fixable = " [*]" if f.fix is not None and f.fix.safe else ""
        out.write(f"{where} {style(f.rule, bold=True)}{fixable} {severity} {f.message}\n")
        if source_lines is not None:
            out.writelines(line + "\n" for line in
                           _source(f, source_lines.get(f.path, []), style))
        if more:
            out.write(f"{f.path}: {f.rule} and {more} more like this "
                      "(--max-per-rule 0 shows every one)\n")
    if options.summary:  # not --quiet
        out.writelines(line + "\n" for line in total.summary(options.files))


class Tally:
    """What the summary counts, gathered while the findings are written."""

    def __init__(self) -> None:
        self.severities: Counter[str] = Counter()
        self.paths: set[str] = set()
        self.safe = self.unsafe = 0

    def add(self, finding: Finding) -> None:
        self.severities[finding.severity.value] += 1
        self.paths.add(finding.path)
        if finding.fix is not None:
            if finding.fix.safe:
                self.safe += 1
            else:
                self.unsafe += 1

    def summary(self, files: int) -> list[str]:
        counts = self.severities
        found = sum(counts.values())
        parts = [f"{counts[s]} {s}{'s' if counts[s] != 1 and s != 'info' else ''}"
                 for s in ("error", "warning", "info") if counts[s]]
        lines = [f"Found {found} finding{'s' if found != 1 else ''} ({', '.join(parts)}) "
                 f"in {len(self.paths)} of {files} report{'s' if files != 1 else ''}."]
        if self.safe:
            lines.append(f"[*] {self.safe} fixable with the `--fix` option.")
        if self.unsafe:
            lines.append(f"({self.unsafe} more fix{'es' if self.unsafe != 1 else ''} may "
                         "change wording: review them with `--diff --unsafe-fixes`.)")
        return lines


def _counted(findings: Iterable[Finding], tally: Tally) -> Iterator[Finding]:
    for finding in findings:
        tally.add(finding)
        yield finding


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
