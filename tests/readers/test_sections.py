"""The Markdown reader parses section by section and remembers each section's tokens, so
that an editor's re-check after a keystroke parses only the section that changed. That is
only right if the tokens are those of one parse of the whole text: held here on every
report we have and on generated Markdown built to put blocks across headings."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st
from reportlint.readers.markdown import _parser, _section_tokens, block_tokens

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
REALPAGES = ROOT.parent / "shared" / "realpages"


def _signature(token: Any) -> tuple[Any, ...]:
    return (token.type, token.tag, tuple(token.map) if token.map else None, token.content,
            repr(token.meta), token.level, token.nesting, token.markup, token.info,
            token.hidden, token.block)


def _same_as_whole(lines: list[str]) -> None:
    whole = [_signature(t) for t in _parser().parse("\n".join(lines))]
    assert [_signature(t) for t in block_tokens(lines)] == whole


def test_every_report_we_have_parses_the_same(imported_example: Path) -> None:
    pages = [imported_example, *sorted((ROOT / "content").glob("*.md")),
             *sorted((ROOT / "tests" / "fixtures").rglob("*.md")),
             *sorted(REALPAGES.glob("*.md"))]
    assert len(pages) > 30
    for page in pages:
        _same_as_whole(page.read_text(encoding="utf-8").split("\n"))


_BLOCKS = st.sampled_from([
    "", "", "## Market Snapshot", "### Hiring", "# Title", "#not a heading", "####### seven",
    "Plain prose line.", "A paragraph that goes on", "and continues here.",
    "- a bullet", "  - a nested bullet", "1. ordered", "   continued item text",
    "> a quote", "> > nested quote", "lazy continuation",
    "| Level | Pay |", "| --- | --- |", "| Junior | $80k |",
    "[^jobs]: Source, 2025.", "    indented footnote text", "[ref]: https://example.com",
    "```", "```python", "~~~", "    code line", "<!-- a comment", "-->", "<div>", "</div>",
    "Setext heading", "===", "---", "***", "  ## indented heading", "##", "## ", "#\tTabbed",
])


@settings(max_examples=400, deadline=None)
@given(st.lists(_BLOCKS, max_size=40))
def test_generated_markdown_parses_the_same(lines: list[str]) -> None:
    _same_as_whole(lines)


def test_an_edit_reparses_only_its_section() -> None:
    lines = ["## One", "", "First section.", "", "## Two", "", "- a", "- b", "",
             "## Three", "", "Third section."]
    block_tokens(lines)
    before = _section_tokens.cache_info()
    edited = [*lines[:6], "- a, edited", *lines[7:]]
    _same_as_whole(edited)
    after = _section_tokens.cache_info()
    assert after.misses - before.misses == 1  # section Two only
    assert after.hits - before.hits == 2
