"""A run's findings a file at a time, so that the formats that need more than one look
at them (a count at the top, annotations by severity, a rule list before the results)
can read them again rather than hold them: a run's `FindingStore` reads each report's
back from disk; a list in memory is grouped by file in the order its files first come."""

from __future__ import annotations

import io
from collections.abc import Callable, Collection, Iterable, Iterator
from typing import Protocol, TextIO, runtime_checkable

from reportlint.findings import Finding
from reportlint.reporters.options import RenderOptions

Writer = Callable[[Collection[Finding], RenderOptions, TextIO], None]


@runtime_checkable
class ByReport(Protocol):
    def by_report(self) -> Iterator[tuple[str, list[Finding]]]:
        """(path, its findings in print order) of each report with findings."""

    def of(self, path: str) -> list[Finding]:
        """One report's findings in print order."""


def by_file(findings: Iterable[Finding]) -> Iterator[tuple[str, list[Finding]]]:
    """(path, its findings) of each file with findings, one file's held at a time when
    `findings` is a run's store."""
    if isinstance(findings, ByReport):
        yield from findings.by_report()
        return
    grouped: dict[str, list[Finding]] = {}
    for finding in findings:
        grouped.setdefault(finding.path, []).append(finding)
    yield from grouped.items()


def findings_of(findings: Iterable[Finding]) -> Callable[[str], list[Finding]]:
    """A file's findings, asked for by path (in another order than `by_file`'s)."""
    if isinstance(findings, ByReport):
        return findings.of
    grouped = dict(by_file(findings))
    return lambda path: grouped.get(path, [])


def indented_items(items: Iterable[str], indent: str) -> Iterator[str]:
    """JSON texts (each `json.dumps(..., indent=2)`) as the items of a list that
    `json.dumps(..., indent=2)` would put at `indent`: the same text, an item at a time."""
    separator = "\n"
    for item in items:
        yield separator + indent + item.replace("\n", "\n" + indent)
        separator = ",\n"


def rendered(write: Writer) -> Callable[[Collection[Finding], RenderOptions], str]:
    """The reporter that returns as text what `write` writes."""

    def render(findings: Collection[Finding], options: RenderOptions) -> str:
        out = io.StringIO()
        write(findings, options, out)
        return out.getvalue()

    return render
