"""The one Finding type every rule yields and every reporter renders."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class Severity(StrEnum):
    ERROR = "error"
    WARNING = "warning"
    INFO = "info"

    @property
    def rank(self) -> int:
        return {"error": 3, "warning": 2, "info": 1}[self.value]


class Category(StrEnum):
    """The contract's categories."""

    STRUCTURE = "structure"
    CONSISTENCY = "consistency"
    DUPLICATION = "duplication"
    EVIDENCE = "evidence"
    HYGIENE = "hygiene"


@dataclass(frozen=True, slots=True)
class Fix:
    """Replace file text [start, end) — which must still read `expected` — by `replacement`."""

    start: int
    end: int
    expected: str
    replacement: str
    # False for a fix that may change what the text says (a word, not just its
    # spelling or case): applied only with --unsafe-fixes, never by default.
    safe: bool = True


@dataclass(frozen=True, slots=True)
class Hit:
    """What a rule reports: where (an offset, or a line and column) and what."""

    message: str
    offset: int | None = None
    line: int | None = None
    column: int | None = None
    section: str | None = None
    fix: Fix | None = None
    end_offset: int | None = None
    # Structured facts for reporters and the corpus report (e.g. {"family": "sales"});
    # values must be JSON-serialisable and hashable (tuples, not lists).
    data: tuple[tuple[str, object], ...] = ()
    # This finding's own severity, when it differs from the rule's default (a stale
    # source that backs a figure matters more than one that does not); a severity the
    # config sets for the rule applies to all its findings.
    severity: Severity | None = None


@dataclass(frozen=True, slots=True, order=True)
class Finding:
    path: str
    line: int
    column: int
    rule: str
    message: str
    name: str = ""
    category: Category = Category.STRUCTURE
    severity: Severity = Severity.WARNING
    section: str | None = None
    end_line: int | None = None
    end_column: int | None = None
    fix: Fix | None = None
    data: tuple[tuple[str, object], ...] = ()

    def related(self) -> list[tuple[int, int]]:
        """The other places of the same root cause, as (line, column) in the same file:
        the earlier copies of a repeated sentence, the figure a figure contradicts.
        Read from the rule's data ("related" places, or "lines" / "first_line" /
        "other_line"), so every reporter lists them alike."""
        data = dict(self.data)
        places: list[tuple[int, int]] = []
        related = data.get("related")
        for item in related if isinstance(related, tuple | list) else ():
            if isinstance(item, tuple | list) and len(item) == 2:
                places.append((int(item[0]), int(item[1])))
        given = data.get("lines")
        lines = list(given) if isinstance(given, tuple | list) else []
        lines += [data[k] for k in ("first_line", "other_line") if isinstance(data.get(k), int)]
        places += [(line, 1) for line in lines if isinstance(line, int)]
        return sorted({p for p in places if p[0] != self.line})

    def to_json(self) -> dict[str, object]:
        return {
            "path": self.path,
            "line": self.line,
            "column": self.column,
            "end_line": self.end_line or self.line,
            "end_column": self.end_column or self.column,
            "rule": self.rule,
            "name": self.name,
            "category": self.category.value,
            "severity": self.severity.value,
            "message": self.message,
            "section": self.section,
            "fixable": self.fix is not None,
            **({"data": dict(self.data)} if self.data else {}),
        }

    def sort_key(self) -> tuple[str, int, int, str, str]:
        return (self.path, self.line, self.column, self.rule, self.message)
