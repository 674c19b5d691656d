"""YAML to plain Python data, with the file offset of every key and value.

Both the front matter and the YAML form go through here. Composing nodes (rather
than constructing objects) gives a position for every value, lets duplicate keys be
reported instead of silently overwritten, and refuses anchors and aliases, so that a
"billion laughs" file costs no more to read than its own size.
"""

from __future__ import annotations

from typing import Any

from reportlint.readers.flatyaml import read_flat_mapping
from reportlint.readers.yamldoc import Path, YamlProblem, YamlTree

__all__ = ["Path", "YamlProblem", "YamlTree", "compose_yaml_tree", "load_yaml_tree"]


def load_yaml_tree(text: str, *, base_offset: int = 0) -> YamlTree:
    """Parse one YAML document. Raises YamlProblem with a position on any error."""
    flat = read_flat_mapping(text, base_offset)
    if flat is not None:  # the common front matter, read without ruamel
        return flat
    return compose_yaml_tree(text, base_offset=base_offset)


def compose_yaml_tree(text: str, *, base_offset: int = 0) -> YamlTree:
    """`load_yaml_tree` through ruamel whatever the text."""
    from ruamel.yaml import YAML
    from ruamel.yaml.error import MarkedYAMLError, YAMLError

    yaml = YAML(typ="safe", pure=True)
    try:
        root = yaml.compose(text)
    except MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        problem = " ".join(str(part) for part in (error.context, error.problem) if part)
        offset = base_offset + mark.index if mark is not None else None
        raise YamlProblem(f"invalid YAML: {problem or error}", offset) from None
    except YAMLError as error:
        raise YamlProblem(f"invalid YAML: {error}", base_offset) from None
    tree = YamlTree(None)
    if root is not None:
        tree.data = _Builder(yaml.constructor, tree, base_offset).build(root, ())
    return tree


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
            result: dict[str, Any] = {}
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
        if isinstance(node, SequenceNode):
            items = []
            for index, item in enumerate(node.value):
                self.tree.offsets[(*path, index)] = self.base + item.start_mark.index
                items.append(self.build(item, (*path, index)))
            return items
        return self._scalar(node)

    def _scalar(self, node: Any) -> Any:
        from ruamel.yaml.nodes import ScalarNode

        if not isinstance(node, ScalarNode):
            raise YamlProblem("a mapping key must be text", self.base + node.start_mark.index)
        try:
            return self.constructor.construct_object(node, deep=True)
        except Exception as error:  # ruamel raises several types for bad scalars
            raise YamlProblem(f"invalid value: {error}",
                              self.base + node.start_mark.index) from None
