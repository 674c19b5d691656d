"""Positions as the linter counts them and as an editor does.

The linter counts 1-based lines and columns in code points of the text with its line
endings made LF (what the readers read). The Language Server Protocol counts 0-based
lines and, by default, UTF-16 code units: an "é" is one unit, an emoji two. Lines are the
same in both (LSP also breaks lines at CRLF, CR and LF), so only columns need converting.
Nothing here imports the protocol library: these are plain tuples, tested on their own.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable

# The encodings a client may negotiate (LSP 3.17 `positionEncoding`).
UTF8, UTF16, UTF32 = "utf-8", "utf-16", "utf-32"

LspPosition = tuple[int, int]  # (0-based line, character in the negotiated units)
_LINES_WITH_ENDINGS = re.compile(r"[^\r\n]*(?:\r\n|\r|\n)|[^\r\n]+$")


def _utf16_units(text: str) -> int:
    # Characters outside the Basic Multilingual Plane are surrogate pairs: two units.
    return len(text) + sum(1 for char in text if ord(char) > 0xFFFF)


def unit_counter(encoding: str) -> Callable[[str], int]:
    """How many code units of `encoding` a string is."""
    if encoding == UTF8:
        return lambda text: len(text.encode("utf-8"))
    if encoding == UTF32:
        return len
    return _utf16_units


def normalize_newlines(text: str) -> str:
    """The text as the readers read it: CRLF and CR made LF."""
    return text.replace("\r\n", "\n").replace("\r", "\n")


class LineIndex:
    """Converts between the linter's places and LSP positions in one text."""

    def __init__(self, text: str, encoding: str = UTF16) -> None:
        self.text = normalize_newlines(text)
        self.lines = self.text.split("\n")
        self._starts = [0]
        for line in self.lines[:-1]:
            self._starts.append(self._starts[-1] + len(line) + 1)
        self._units = unit_counter(encoding)
        self._plain = encoding == UTF32 or self.text.isascii()

    def _character(self, line_index: int, column_index: int) -> int:
        line = self.lines[line_index]
        column_index = min(max(column_index, 0), len(line))
        return column_index if self._plain else self._units(line[:column_index])

    def from_line_column(self, line: int, column: int) -> LspPosition:
        """The LSP position of a 1-based line and code-point column (clamped to the text:
        a finding past the last line points at its end)."""
        if line > len(self.lines):
            return self.end()
        index = max(line, 1) - 1
        return index, self._character(index, column - 1)

    def from_offset(self, offset: int) -> LspPosition:
        """The LSP position of a character offset in the LF text."""
        offset = min(max(offset, 0), len(self.text))
        index = bisect.bisect_right(self._starts, offset) - 1
        return index, self._character(index, offset - self._starts[index])

    def to_offset(self, position: LspPosition) -> int:
        """The offset in the LF text of an LSP position (clamped to its line)."""
        line, character = position
        if line >= len(self.lines):
            return len(self.text)
        text = self.lines[max(line, 0)]
        if self._plain:
            column = min(character, len(text))
        else:
            column, units = 0, 0
            while column < len(text) and units < character:
                units += self._units(text[column])
                column += 1
        return self._starts[max(line, 0)] + column

    def line_end(self, line: int) -> LspPosition:
        """The end of a 1-based line's text, trailing blanks left out."""
        index = min(max(line, 1), len(self.lines)) - 1
        return index, self._character(index, len(self.lines[index].rstrip()))

    def end(self) -> LspPosition:
        return len(self.lines) - 1, self._character(len(self.lines) - 1, len(self.lines[-1]))


def split_lines(text: str) -> list[str]:
    """The lines of `text`, each with its own ending, broken where LSP breaks them
    (`str.splitlines` also breaks at form feeds and U+2028, which editors do not)."""
    return _LINES_WITH_ENDINGS.findall(text)


def line_edits(before: str, after: str) -> list[tuple[int, int, str]]:
    """The smallest run of whole-line replacements that turn `before` into `after`:
    (first line, line after the last, new text), 0-based, the lines as LSP counts them.
    Each line keeps its own ending, so a CRLF file stays CRLF."""
    import difflib

    old, new = split_lines(before), split_lines(after)
    matcher = difflib.SequenceMatcher(None, old, new, autojunk=False)
    return [(i1, i2, "".join(new[j1:j2]))
            for tag, i1, i2, j1, j2 in matcher.get_opcodes() if tag != "equal"]
