"""`path:line:col: CODE [severity] message`, one line a finding, then a summary."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from reportlint.findings import Finding

_COLOURS = {"error": "red", "warning": "yellow", "info": "cyan"}


def render_text(findings: Sequence[Finding], files: int, colour: bool,
                summary: bool = True) -> str:
    if not findings:
        return ""
    import click

    def style(text: str, **kwargs: object) -> str:
        return click.style(text, **kwargs) if colour else text  # type: ignore[arg-type]

    lines = []
    for f in findings:
        where = style(f"{f.path}:{f.line}:{f.column}:", bold=True)
        severity = style(f"[{f.severity.value}]", fg=_COLOURS[f.severity.value])
        lines.append(f"{where} {style(f.rule, bold=True)} {severity} {f.message}")
    if not summary:  # --quiet
        return "\n".join(lines) + "\n"
    counts = Counter(f.severity.value for f in findings)
    parts = [f"{counts[s]} {s}{'s' if counts[s] != 1 and s != 'info' else ''}"
             for s in ("error", "warning", "info") if counts[s]]
    reports = len({f.path for f in findings})
    lines.append(f"Found {len(findings)} finding{'s' if len(findings) != 1 else ''} "
                 f"({', '.join(parts)}) in {reports} of {files} report"
                 f"{'s' if files != 1 else ''}.")
    return "\n".join(lines) + "\n"
