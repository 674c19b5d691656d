"""So that one flood does not hide the rest: at most so many findings of one rule in
one file, and a count of those not shown."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from itertools import groupby

from reportlint.findings import Finding


def capped(findings: Iterable[Finding], limit: int) -> Iterator[tuple[Finding, int]]:
    """The findings to show, at most `limit` of one rule in one file (0: all), each with
    how many more of its rule and file are not shown: that count is on the last one
    shown of a capped group, 0 on the others. Findings come one file at a time (in print
    order), so that only one file's findings are held."""
    if limit <= 0:
        yield from ((finding, 0) for finding in findings)
        return
    for _, in_file in groupby(findings, key=lambda finding: finding.path):
        found = list(in_file)
        totals: dict[str, int] = {}
        for finding in found:
            totals[finding.rule] = totals.get(finding.rule, 0) + 1
        seen: dict[str, int] = {}
        for finding in found:
            seen[finding.rule] = seen.get(finding.rule, 0) + 1
            if seen[finding.rule] < limit:
                yield finding, 0
            elif seen[finding.rule] == limit:
                yield finding, totals[finding.rule] - limit
