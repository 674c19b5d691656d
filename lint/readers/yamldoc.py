"""What reading YAML gives: the data with the file offset of every key and value, and
the problem that stops it. Shared by the flat front-matter reader and ruamel's."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

Path = tuple[str | int, ...]


class YamlProblem(Exception):
    """The text is not YAML a report can be read from; `offset` points at the spot."""

    def __init__(self, message: str, offset: int | None, line: int | None = None,
                 column: int | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.offset = offset
        self.line = line
        self.column = column


@dataclass
class YamlTree:
    """Loaded data with `offsets[path]` for each key (mappings) or item (sequences),
    and `value_offsets[path]` where the value itself starts."""

    data: Any
    offsets: dict[Path, int] = field(default_factory=dict)
    value_offsets: dict[Path, int] = field(default_factory=dict)
    duplicates: list[tuple[Path, int]] = field(default_factory=list)
