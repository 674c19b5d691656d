"""GitHub Actions workflow commands: each finding becomes an annotation shown inline on
the pull request's changed files (`::warning file=...,line=...::message`)."""

from __future__ import annotations

from collections.abc import Sequence

from reportlint.findings import Finding, Severity

_COMMANDS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "notice"}


def _data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _property(text: str) -> str:
    return _data(text).replace(":", "%3A").replace(",", "%2C")


def render_github(findings: Sequence[Finding], files: int, colour: bool) -> str:
    lines = []
    for f in findings:
        where = [f"file={_property(f.path)}", f"line={f.line}", f"col={f.column}"]
        if f.end_line is not None and f.end_column is not None:
            where += [f"endLine={f.end_line}", f"endColumn={f.end_column}"]
        title = _property(f"reportlint {f.rule} {f.name}".rstrip())
        lines.append(f"::{_COMMANDS[f.severity]} title={title},{','.join(where)}::"
                     f"{_data(f'{f.path}:{f.line}:{f.column}: {f.rule} {f.message}')}")
    return "".join(line + "\n" for line in lines)
