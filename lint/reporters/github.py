"""GitHub Actions workflow commands: each finding becomes an annotation shown inline on
the pull request's changed files (`::warning file=...,line=...::message`)."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from reportlint.findings import Finding, Severity
from reportlint.reporters.capping import capped
from reportlint.reporters.options import RenderOptions

_COMMANDS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "notice"}


def _data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _property(text: str) -> str:
    return _data(text).replace(":", "%3A").replace(",", "%2C")


def render_github(findings: Sequence[Finding], options: RenderOptions) -> str:
    """One annotation a finding, most severe first (GitHub shows only the first few of
    each kind per step), at most `max_per_rule` of one rule in one file, after a summary
    line that counts them all."""
    files, max_per_rule = options.files, options.max_per_rule
    if not findings:
        return ""
    counts = Counter(f.severity for f in findings)
    summary = ", ".join(
        f"{counts[s]} {s.value}{'s' if counts[s] != 1 and s != Severity.INFO else ''}"
        for s in (Severity.ERROR, Severity.WARNING, Severity.INFO) if counts[s])
    lines = [f"reportlint: {len(findings)} finding{'s' if len(findings) != 1 else ''} "
             f"({summary}) in {len({f.path for f in findings})} of {files} report"
             f"{'s' if files != 1 else ''}; annotations below, most severe first"]
    shown = list(capped(findings, max_per_rule))
    more = sum(count for _, count in shown)
    if more:
        lines[0] += (f" ({more} more of rules already annotated in the same "
                     "file are not; --max-per-rule 0 shows every one)")
    for f in sorted((finding for finding, _ in shown), key=lambda f: -f.severity.rank):
        where = [f"file={_property(f.path)}", f"line={f.line}", f"col={f.column}"]
        if f.end_line is not None and f.end_column is not None:
            where += [f"endLine={f.end_line}", f"endColumn={f.end_column}"]
        title = _property(f"reportlint {f.rule} {f.name}".rstrip())
        also = ", ".join(f"line {line}" for line, _ in f.related())
        message = f"{f.path}:{f.line}:{f.column}: {f.rule} {f.message}"
        if also:
            message += f" (also {also})"
        lines.append(f"::{_COMMANDS[f.severity]} title={title},{','.join(where)}::"
                     f"{_data(message)}")
    return "".join(line + "\n" for line in lines)
