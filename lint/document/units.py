"""The pieces of prose a document is made of, each able to say where any of its
characters stands in the file."""

from __future__ import annotations

import bisect
from dataclasses import dataclass
from enum import StrEnum


class Kind(StrEnum):
    """What a text unit is in the report."""

    HEADING = "heading"
    PARAGRAPH = "paragraph"
    BULLET = "bullet"
    CELL = "cell"
    QUESTION = "question"
    FOOTNOTE = "footnote"


@dataclass(frozen=True, slots=True)
class TextMap:
    """Where the characters of a unit's text stand in the file.

    `pieces` holds (index in text, offset in file) at the start of each stretch of
    text that is contiguous in the file: one stretch per source line of a wrapped
    paragraph. Characters between stretches (the joining space) map to the end of the
    previous stretch.
    """

    pieces: tuple[tuple[int, int], ...]

    def offset(self, index: int) -> int:
        if len(self.pieces) == 1:  # one source line, as most units are
            return self.pieces[0][1] + index - self.pieces[0][0]
        starts = [piece[0] for piece in self.pieces]
        at = max(bisect.bisect_right(starts, index) - 1, 0)
        text_start, file_start = self.pieces[at]
        return file_start + (index - text_start)

    @classmethod
    def at(cls, offset: int) -> TextMap:
        return cls(((0, offset),))


@dataclass(frozen=True, slots=True)
class Unit:
    """One piece of prose: a heading, a paragraph, a bullet, a table cell, a FAQ
    question or a footnote definition's text."""

    kind: Kind
    text: str
    map: TextMap
    section: str | None  # catalog key of the enclosing section; None before any or if unknown
    section_heading: str | None  # the enclosing level-2 heading as written
    subsection: str | None = None  # the enclosing level-3 heading as written
    label: str | None = None  # a footnote's id

    def offset(self, index: int = 0) -> int:
        return self.map.offset(index)
