"""The language server's parts that need no server: positions (the linter's 1-based
code-point columns as LSP's 0-based UTF-16 or UTF-8 code units, and back), and the lsp
extra kept out of `check`."""

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


def test_check_does_not_import_the_language_server_libraries() -> None:
    import subprocess
    import sys

    from conftest import SUPPORT_REPORT

    result = subprocess.run([sys.executable, "-X", "importtime", "-m", "reportlint", "check",
                             str(SUPPORT_REPORT)], capture_output=True, text=True)
    assert result.returncode == 0
    assert not [line for line in result.stderr.splitlines()
                if "pygls" in line or "lsprotocol" in line]


def test_server_without_the_extra_says_how_to_install_it() -> None:
    import subprocess
    import sys

    # None in sys.modules makes the import system (and find_spec) see no such package.
    script = ("import sys; sys.modules['pygls'] = None; sys.argv = ['reportlint', 'server']; "
              "from reportlint.cli import main; main()")
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True)
    assert result.returncode == 2
    assert "pip install 'reportlint[lsp]'" in result.stderr
