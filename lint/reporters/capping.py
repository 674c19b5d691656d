"""So that one flood does not hide the rest: at most so many findings of one rule in
one file, and a count of those not shown."""

from __future__ import annotations

from collections.abc import Sequence

from reportlint.findings import Finding


def capped(findings: Sequence[Finding], limit: int) -> tuple[list[Finding], dict[int, int]]:
    """The findings to show, at most `limit` of one rule in one file (0: all), and for
    the index (in the shown list) of the last one shown of each capped group, how many
    more there are."""
    if limit <= 0:
        return list(findings), {}
    seen: dict[tuple[str, str], int] = {}
    last: dict[tuple[str, str], int] = {}
    shown: list[Finding] = []
    for finding in findings:
        key = (finding.path, finding.rule)
        seen[key] = seen.get(key, 0) + 1
        if seen[key] <= limit:
            last[key] = len(shown)
            shown.append(finding)
    more = {last[key]: count - limit for key, count in seen.items() if count > limit}
    return shown, more
