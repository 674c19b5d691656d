"""The document every rule reads: the validated report plus its source map.

A reader builds one `Document` per file. Rules never parse; they walk `units` (every
heading, paragraph, bullet, table cell, FAQ question and footnote, in file order,
each able to say where any character of it stands in the file), `outline` (every
heading), `tables`, and the validated `report`.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING

from reportlint.document.units import Kind, Unit

if TYPE_CHECKING:
    from reportlint.document.text import Sentence
    from reportlint.schema import FrontMatter, Report


@dataclass(frozen=True, slots=True)
class Heading:
    """A heading in file order. `key` is the catalog section key (level 2) or the
    catalog subsection name (level 3), None when the catalog does not know it."""

    level: int
    text: str
    offset: int
    key: str | None
    parent: str | None = None  # for level 3: the enclosing section's catalog key


@dataclass(frozen=True, slots=True)
class TableRow:
    cells: tuple[Unit, ...]
    offset: int
    raw_cell_count: int  # cells as written in the file, before any parser padding


@dataclass(frozen=True, slots=True)
class TableNode:
    header: TableRow
    rows: tuple[TableRow, ...]
    offset: int
    section: str | None
    subsection: str | None


@dataclass(frozen=True, slots=True)
class Problem:
    """Something a reader could not read as the contract says: a fact, not a verdict.

    `kind` is one of: unreadable, empty, too-large, syntax, front-matter, invalid.
    `field` names the front-matter key or model path for validation problems.
    """

    kind: str
    message: str
    offset: int | None = None
    line: int | None = None
    column: int | None = None
    field: str | None = None


@dataclass
class Document:
    """A report as read from one file."""

    path: Path
    format: str  # "markdown" | "yaml"
    source: str
    report: Report | None = None
    meta: FrontMatter | None = None
    raw_meta: dict[str, object] = field(default_factory=dict)
    meta_offsets: dict[str, int] = field(default_factory=dict)
    units: list[Unit] = field(default_factory=list)
    outline: list[Heading] = field(default_factory=list)
    tables: list[TableNode] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    # model path (as in the YAML form, e.g. ("sources", "entries", 0)) -> file offset
    paths: dict[tuple[str | int, ...], int] = field(default_factory=dict)

    @cached_property
    def _line_starts(self) -> list[int]:
        starts = [0]
        find = self.source.find
        position = find("\n")
        while position != -1:
            starts.append(position + 1)
            position = find("\n", position + 1)
        return starts

    def position(self, offset: int) -> tuple[int, int]:
        """1-based (line, column) of a character offset in the file."""
        line = bisect.bisect_right(self._line_starts, offset) - 1
        return line + 1, offset - self._line_starts[line] + 1

    def line_offset(self, line: int) -> int:
        """Offset of the first character of a 1-based line."""
        starts = self._line_starts
        return starts[min(max(line, 1), len(starts)) - 1]

    @property
    def readable(self) -> bool:
        return self.report is not None

    @cached_property
    def sentences(self) -> list[Sentence]:
        """Every sentence of every prose unit (headings excluded), in file order."""
        from reportlint.document.text import split_units

        return split_units(unit for unit in self.units if unit.kind is not Kind.HEADING)

    def units_in(self, section: str) -> Iterator[Unit]:
        return (unit for unit in self.units if unit.section == section)

    def heading_at(self, offset: int, most_level: int = 6) -> Heading | None:
        """The last heading of at most `most_level` that starts at or before `offset`
        (the outline is in file order): found by bisection, as findings ask it once each."""
        offsets, headings = self._headings_by_level(most_level)
        at = bisect.bisect_right(offsets, offset)
        return headings[at - 1] if at else None

    def _headings_by_level(self, most_level: int) -> tuple[list[int], list[Heading]]:
        index = self._heading_index
        if most_level not in index:
            chosen = [h for h in self.outline if h.level <= most_level]
            index[most_level] = ([h.offset for h in chosen], chosen)
        return index[most_level]

    @cached_property
    def _heading_index(self) -> dict[int, tuple[list[int], list[Heading]]]:
        return {}

    def heading_for(self, key: str) -> Heading | None:
        """The first level-2 heading of a catalog section."""
        return next((h for h in self.outline if h.level == 2 and h.key == key), None)
