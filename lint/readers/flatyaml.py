"""The flat YAML that front matter is almost always written in, read without ruamel.

A report's front matter is a dozen `key: value` lines: plain words, a year, a date, now
and then a `[a, b]` list. Reading those lines directly costs a few microseconds, where
ruamel's pure-Python composer costs about 1.5 ms a report and its import about 10 ms of
a one-file check. Anything outside that subset (quotes, comments, block lists,
indentation, colons or hashes in a value, words YAML reads as booleans or nulls, any
number but a plain year) returns None, and the caller asks ruamel, so the answer is
always ruamel's: tests/readers/test_flatyaml.py holds the two to the same data and
offsets.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from reportlint.readers.yamldoc import Path, YamlTree

_LINE = re.compile(r"([A-Za-z_][A-Za-z0-9_-]*):( +)(\S.*?) *")
_DATE = re.compile(r"(\d{4})-(\d{2})-(\d{2})")
_INTEGER = re.compile(r"[1-9][0-9]{0,8}")
# Plain words YAML 1.1 or 1.2 may read as something other than text.
_SPECIAL = frozenset({"true", "false", "yes", "no", "on", "off", "y", "n", "null", "nan",
                      "inf"})
# A value starting with a letter is a plain scalar; inside one, ": " and " #" end it and
# these count as line breaks. A value holding any of them is left to ruamel (a list item
# also may not hold the flow indicators).
_NOT_PLAIN = frozenset(":#\t\x85\u2028\u2029\ufeff")
_NOT_IN_LIST = frozenset(",[]{}")


def read_flat_mapping(text: str, base_offset: int = 0) -> YamlTree | None:
    """The mapping `text` holds, with ruamel's offsets, or None when `text` is not
    plain `key: value` lines this reader is sure of."""
    tree = YamlTree({})
    data: dict[str, Any] = tree.data
    offset = 0
    for line in text.split("\n"):
        start, offset = offset, offset + len(line) + 1
        if not line.strip():
            continue
        match = _LINE.fullmatch(line)
        if match is None or match.group(1).casefold() in _SPECIAL:
            return None
        key, raw = match.group(1), match.group(3)
        at = base_offset + start + match.start(3)
        # A repeated key's value must still be valid, but its items have no place.
        places = tree.offsets if key not in data else {}
        value = _list(raw, at, key, places) if raw[0] == "[" else _scalar(raw)
        if value is None:
            return None
        if key in data:
            tree.duplicates.append(((key,), base_offset + start))
            continue
        tree.value_offsets.setdefault((), base_offset + start)
        tree.offsets[(key,)] = base_offset + start
        tree.value_offsets[(key,)] = at
        data[key] = value
    # Item values start where their keys do (ruamel gives both).
    tree.value_offsets.update((path, offset) for path, offset in tree.offsets.items()
                              if len(path) == 2)
    return tree if data else None


def _scalar(raw: str) -> str | int | dt.date | None:
    if _INTEGER.fullmatch(raw):
        return int(raw)
    date = _DATE.fullmatch(raw)
    if date is not None:
        try:
            return dt.date(*(int(part) for part in date.groups()))
        except ValueError:
            return None
    if not raw[0].isalpha() or raw.casefold() in _SPECIAL or not raw.isprintable() or \
            any(char in _NOT_PLAIN for char in raw):
        return None
    return raw


def _list(raw: str, at: int, key: str, places: dict[Path, int]) -> list[str] | None:
    """A one-line flow list of plain words: `[Application Support Analyst, SRE]`."""
    if not raw.endswith("]") or "[" in raw[1:] or "]" in raw[:-1]:
        return None
    items: list[str] = []
    inner, position = raw[1:-1], at + 1
    if not inner.strip():
        return items
    for part in inner.split(","):
        item = part.strip()
        scalar = _scalar(item) if item and not _NOT_IN_LIST.intersection(item) else None
        if not isinstance(scalar, str):
            return None
        where = position + len(part) - len(part.lstrip())
        places[(key, len(items))] = where
        items.append(scalar)
        position += len(part) + 1
    return items
