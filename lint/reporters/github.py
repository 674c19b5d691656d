"""GitHub Actions workflow commands: each finding becomes an annotation shown inline on
the pull request's changed files (`::warning file=...,line=...::message`)."""

from __future__ import annotations

from collections import Counter
from collections.abc import Collection
from typing import TextIO

from reportlint.findings import Finding, Severity
from reportlint.reporters.capping import capped
from reportlint.reporters.options import RenderOptions
from reportlint.reporters.perfile import by_file

_COMMANDS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "notice"}


def _data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _property(text: str) -> str:
    return _data(text).replace(":", "%3A").replace(",", "%2C")


def write_github(findings: Collection[Finding], options: RenderOptions, out: TextIO) -> None:
    """One annotation a finding, most severe first (GitHub shows only the first few of
    each kind per step), at most `max_per_rule` of one rule in one file, after a summary
    line that counts them all: the findings are read once for the counts, then once for
    each severity, a file's at a time."""
    files, max_per_rule = options.files, options.max_per_rule
    if not findings:
        return
    counts: Counter[Severity] = Counter()
    reports = more = 0
    for _, found in by_file(findings):
        counts.update(f.severity for f in found)
        reports += 1
        more += sum(count for _, count in capped(found, max_per_rule))
    total = sum(counts.values())
    summary = ", ".join(
        f"{counts[s]} {s.value}{'s' if counts[s] != 1 and s != Severity.INFO else ''}"
        for s in (Severity.ERROR, Severity.WARNING, Severity.INFO) if counts[s])
    head = (f"reportlint: {total} finding{'s' if total != 1 else ''} "
            f"({summary}) in {reports} of {files} report"
            f"{'s' if files != 1 else ''}; annotations below, most severe first")
    if more:
        head += (f" ({more} more of rules already annotated in the same "
                 "file are not; --max-per-rule 0 shows every one)")
    out.write(head + "\n")
    for severity in sorted(counts, key=lambda s: -s.rank):
        for _, found in by_file(findings):
            out.writelines(_annotation(f) + "\n" for f, _ in capped(found, max_per_rule)
                           if f.severity == severity)


def _annotation(f: Finding) -> str:
    where = [f"file={_property(f.path)}", f"line={f.line}", f"col={f.column}"]
    if f.end_line is not None and f.end_column is not None:
        where += [f"endLine={f.end_line}", f"endColumn={f.end_column}"]
    title = _property(f"reportlint {f.rule} {f.name}".rstrip())
    also = ", ".join(f"line {line}" for line, _ in f.related())
    message = f"{f.path}:{f.line}:{f.column}: {f.rule} {f.message}"
    if also:
        message += f" (also {also})"
    return f"::{_COMMANDS[f.severity]} title={title},{','.join(where)}::{_data(message)}"
