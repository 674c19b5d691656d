"""The YAML reader composes a report one top-level key at a time and remembers each
key's nodes, so that an editor's re-check after a keystroke composes only the key that
changed. That is only right if the tree (data, every offset, duplicates) and every
problem are what one reading of the whole text gives: held here on every YAML file we
have and on generated YAML built to join lines across keys."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st
from reportlint.readers.yamltree import (
    YamlProblem,
    _composed_key,
    _tree_by_top_key,
    compose_yaml_tree,
    load_yaml_tree,
)

ROOT = Path(__file__).resolve().parent.parent.parent


def _outcome(read: Any, text: str) -> Any:
    try:
        tree = read(text, base_offset=7)
    except YamlProblem as problem:
        return ("problem", problem.message, problem.offset)
    return (tree.data, tree.offsets, tree.value_offsets, tree.duplicates)


def _same_as_whole(text: str) -> None:
    assert _outcome(load_yaml_tree, text) == _outcome(compose_yaml_tree, text)


def test_every_yaml_file_we_have_reads_the_same() -> None:
    files = [*sorted((ROOT / "content").glob("*.yaml")),
             *sorted((ROOT / "tests").rglob("*.yaml")),
             *sorted((ROOT / "lint" / "language" / "data").glob("*.yaml"))]
    by_key = 0
    for file in files:
        text = file.read_text(encoding="utf-8")
        _same_as_whole(text)
        by_key += _tree_by_top_key(text, 0) is not None
    assert len(files) > 20 and by_key > 10  # most are read by key, not all whole


_LINES = st.sampled_from([
    "", "# a comment", "meta:", "  title: A report", "  year: 2025", "  role: Data Analyst",
    "market_snapshot:", "  content:", "    - Prose line.", "    - 'Quoted: text'",
    "    - bullets:", "        - one", "        - two", "market_snapshot: repeated",
    "faq: []", "sources:", "  - id: jobs", "    title: Jobs data", "- a top-level item",
    'note: "an open quote', 'continues: here"', "plain: starts", "continued plain",
    "flow: [a,", "b: c]", "block: |", "  kept text", "text at zero", "anchor: &a 1",
    "alias: *a", "tagged: !!str 5", "custom: !thing x", "---", "...", "%YAML 1.2",
    "? complex", ": value", "when: 2025-13-45", "true: yes", "1: number key",
    "\tkey: tab", "  over: indented", "key:value", "dup: 1", "dup: 2", "[flow]: x",
])


@settings(max_examples=500, deadline=None)
@given(st.lists(_LINES, max_size=24))
def test_generated_yaml_reads_the_same(lines: list[str]) -> None:
    _same_as_whole("\n".join(lines))


def test_an_edit_composes_only_its_key() -> None:
    text = "meta:\n  title: T\nmarket_snapshot:\n  content:\n    - one\nfaq:\n  - q\n"
    load_yaml_tree(text)
    before = _composed_key.cache_info()
    load_yaml_tree(text.replace("- one", "- one, edited"))
    after = _composed_key.cache_info()
    assert (after.misses - before.misses, after.hits - before.hits) == (1, 2)
