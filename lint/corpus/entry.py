"""What a cross-report comparison is given for each file."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class CorpusEntry:
    """One file's summary for a cross-report rule: its display path and what the rule's
    `summarize` made of it."""

    path: str
    summary: Any
