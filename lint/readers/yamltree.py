"""YAML to plain Python data, with the file offset of every key and value.

Both the front matter and the YAML form go through here. Composing nodes (rather
than constructing objects) gives a position for every value, lets duplicate keys be
reported instead of silently overwritten, and refuses anchors and aliases, so that a
"billion laughs" file costs no more to read than its own size.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

from reportlint.readers.flatyaml import read_flat_mapping
from reportlint.readers.yamldoc import Path, YamlProblem, YamlTree

__all__ = ["Path", "YamlProblem", "YamlTree", "compose_yaml_tree", "load_yaml_tree"]


def load_yaml_tree(text: str, *, base_offset: int = 0) -> YamlTree:
    """Parse one YAML document. Raises YamlProblem with a position on any error."""
    flat = read_flat_mapping(text, base_offset)
    if flat is not None:  # the common front matter, read without ruamel
        return flat
    by_key = _tree_by_top_key(text, base_offset)
    if by_key is not None:
        return by_key
    return compose_yaml_tree(text, base_offset=base_offset)


def compose_yaml_tree(text: str, *, base_offset: int = 0) -> YamlTree:
    """`load_yaml_tree` through ruamel whatever the text."""
    root = _compose(text, base_offset)
    tree = YamlTree(None)
    if root is not None:
        tree.data = _Builder(_constructor(), tree, base_offset).build(root, ())
    return tree


def _constructor() -> Any:
    """A fresh constructor for scalars: one keeps state from an object it failed on."""
    from ruamel.yaml import YAML

    return YAML(typ="safe", pure=True).constructor


def _compose(text: str, base_offset: int) -> Any:
    """ruamel's node tree for `text`."""
    from ruamel.yaml import YAML
    from ruamel.yaml.error import MarkedYAMLError, YAMLError

    try:
        return YAML(typ="safe", pure=True).compose(text)
    except MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        problem = " ".join(str(part) for part in (error.context, error.problem) if part)
        offset = base_offset + mark.index if mark is not None else None
        raise YamlProblem(f"invalid YAML: {problem or error}", offset) from None
    except YAMLError as error:
        raise YamlProblem(f"invalid YAML: {error}", base_offset) from None


def _tree_by_top_key(text: str, base_offset: int) -> YamlTree | None:
    """The tree composed one top-level key at a time, each key's nodes remembered by its
    text: an editor's re-check after a keystroke composes only the key that changed
    (ruamel's pure-Python scanner reads about 3 MB/s). None when the text is not a plain
    mapping of such keys, or a key does not compose alone; then it is read whole, and
    either way the tree is the same (`tests/readers/test_yaml_by_key.py`)."""
    if _NOT_BY_KEY.search(text):
        return None
    starts = [match.start() for match in _TOP_KEY.finditer(text)]
    if len(starts) < 2:
        return None
    starts[0] = 0  # comments before the first key go with it
    composed = []
    for start, end in zip(starts, [*starts[1:], len(text)], strict=True):
        try:
            root = _composed_key(text[start:end])
        except YamlProblem:
            return None  # the whole text says where the problem is
        if root is None or root.tag != _CORE + "map" or getattr(root, "anchor", None):
            return None
        composed.append((start, root))
    tree = YamlTree({})
    tree.value_offsets[()] = base_offset + composed[0][0] + composed[0][1].start_mark.index
    constructor = _constructor()
    for start, root in composed:
        _Builder(constructor, tree, base_offset + start).fill(root, (), tree.data)
    return tree


# A plain key at the start of a line begins a top-level entry; anything that may join
# lines across such keys, or give the document another shape, means reading it whole.
_TOP_KEY = re.compile(r"^[A-Za-z_][A-Za-z0-9_-]*:(?=[ \t]|$)", re.MULTILINE)
_NOT_BY_KEY = re.compile(r"^(?:---|\.\.\.|%|\?|[\[{&*!|>])|\t", re.MULTILINE)


@lru_cache(maxsize=128)
def _composed_key(text: str) -> Any:
    return _compose(text, 0)  # the nodes are read, never changed, from now on


_CORE = "tag:yaml.org,2002:"
_PLAIN_TAGS = frozenset(_CORE + name for name in
                        ("str", "int", "float", "bool", "null", "timestamp", "map", "seq"))


def _short_tag(tag: str) -> str:
    return "!!" + tag[len(_CORE):] if tag.startswith(_CORE) else tag


class _Builder:
    def __init__(self, constructor: Any, tree: YamlTree, base_offset: int) -> None:
        self.constructor = constructor
        self.tree = tree
        self.base = base_offset
        self.seen: set[int] = set()

    def build(self, node: Any, path: Path) -> Any:
        from ruamel.yaml.nodes import MappingNode, SequenceNode

        if id(node) in self.seen or getattr(node, "anchor", None):
            raise YamlProblem("YAML anchors and aliases are not allowed in a report",
                              self.base + node.start_mark.index)
        self.seen.add(id(node))
        if node.tag not in _PLAIN_TAGS:
            raise YamlProblem(f"the tag {_short_tag(node.tag)} is not allowed: a report holds "
                              "text, numbers, dates, lists and mappings",
                              self.base + node.start_mark.index)
        self.tree.value_offsets[path] = self.base + node.start_mark.index
        if isinstance(node, MappingNode):
            return self.fill(node, path, {})
        if isinstance(node, SequenceNode):
            items = []
            for index, item in enumerate(node.value):
                self.tree.offsets[(*path, index)] = self.base + item.start_mark.index
                items.append(self.build(item, (*path, index)))
            return items
        return self._scalar(node)

    def fill(self, node: Any, path: Path, result: dict[str, Any]) -> dict[str, Any]:
        """The mapping `node`'s entries added to `result` (a later key given twice is a
        duplicate, kept out)."""
        for key_node, value_node in node.value:
            key = self._scalar(key_node)
            if isinstance(key, bool) or key is None:
                key = key_node.value  # "true:", "null:" are the words as written
            if not isinstance(key, str | int):
                raise YamlProblem("a mapping key must be text",
                                  self.base + key_node.start_mark.index)
            key = str(key)
            child = (*path, key)
            if key in result:
                self.tree.duplicates.append((child, self.base + key_node.start_mark.index))
                continue
            self.tree.offsets[child] = self.base + key_node.start_mark.index
            result[key] = self.build(value_node, child)
        return result

    def _scalar(self, node: Any) -> Any:
        from ruamel.yaml.nodes import ScalarNode

        if not isinstance(node, ScalarNode):
            raise YamlProblem("a mapping key must be text", self.base + node.start_mark.index)
        try:
            return self.constructor.construct_object(node, deep=True)
        except Exception as error:  # ruamel raises several types for bad scalars
            raise YamlProblem(f"invalid value: {error}",
                              self.base + node.start_mark.index) from None
