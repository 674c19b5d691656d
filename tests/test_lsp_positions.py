"""The language server's positions: the linter's 1-based code-point columns as LSP's
0-based UTF-16 (or UTF-8) code units, and back."""

from __future__ import annotations

from reportlint.server.positions import UTF8, UTF16, LineIndex, line_edits


def test_positions_count_utf16_units_and_clamp_to_the_text() -> None:
    index = LineIndex("—é😀 x\nsecond", UTF16)
    assert index.from_line_column(1, 5) == (0, 5)  # the emoji is two UTF-16 units
    assert index.from_offset(4) == (0, 5)
    assert index.to_offset((0, 5)) == 4
    assert index.line_end(1) == (0, 6)
    assert index.from_line_column(9, 1) == index.end() == (1, 6)
    assert LineIndex("—é😀 x", UTF8).from_line_column(1, 5) == (0, 10)
    assert LineIndex("a\r\nb", UTF16).from_line_column(2, 2) == (1, 1)


def test_line_edits_replace_only_the_changed_lines_and_keep_crlf() -> None:
    before = "a\r\nb\r\nc\r\n"
    assert line_edits(before, "a\r\nB\r\nc\r\n") == [(1, 2, "B\r\n")]
    assert line_edits("a\nb", "a\nb\nc") == [(1, 2, "b\nc")]
