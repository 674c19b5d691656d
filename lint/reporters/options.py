"""What a reporter is told besides the findings."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from reportlint.findings import Severity


@dataclass(frozen=True)
class RenderOptions:
    """`files`: how many reports were checked; `colour`: ANSI colours (text only);
    `paths` (every report checked) and `fail_on`: for JUnit, which lists passing reports
    and fails only at that severity; `summary` and `source_lines` (each file's lines,
    for --show-source): for text; `max_per_rule` (0: no limit): for text and GitHub,
    which show that many findings of one rule in one file and count the rest, so that
    one flood does not hide the others (the other formats list every one)."""

    files: int
    colour: bool = False
    paths: Sequence[str] = ()
    fail_on: Severity = Severity.WARNING
    summary: bool = True
    source_lines: Mapping[str, list[str]] | None = None
    max_per_rule: int = 0
