"""The first few characters a regular expression's matches can start with.

A scan with a large case-insensitive alternation (the claim cues) tries every
alternative at every position of the text, and Python's engine has no fast path for
it. Knowing the two or three characters a match must start with, a caller tries the
pattern only at the positions that start that way: most words start no cue.

`start_prefixes(pattern)` reads the pattern's parse tree and answers conservatively:
every match starts with one of the returned strings (lower-cased), or the answer is
None and the pattern must be scanned as usual. Zero-width assertions are skipped,
repetitions and anything it does not know end a prefix early; a shorter prefix is
always safe, only less selective. The answer holds for ASCII text (and the case-free
punctuation in SAFE_TEXT): case-insensitive matching beyond ASCII has special cases
(the long s matches "s"), so callers scan other text as usual.

`StartScan` puts it to work for any pattern: `finditer` finds the characters a match can
start with in one pass of the engine's fast character-class search, and tries the
pattern only there.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Iterable, Iterator
from typing import Any

from reportlint.language.data.patterns import remembered_pattern

SAFE_TEXT = re.compile(r"[\x00-\x7f’‘“”—–…€£¥₹•·]*")

_CAP = 4096  # prefixes kept per pattern before they are cut short
_RANGE_LIMIT = 64  # characters a class may spell out


def start_prefixes(pattern: str, flags: int = 0, length: int = 3) -> frozenset[str] | None:
    """Lower-cased strings of at most `length` characters, one of which starts every
    match of `pattern` in SAFE_TEXT; None when no such strings are known (a match may
    start with any character, or the pattern is not understood)."""
    try:
        from re import _constants as constants  # type: ignore[attr-defined]
        from re import _parser as parser  # type: ignore[attr-defined]

        tree = parser.parse(pattern, flags)
        reader = _Reader(constants, length)
        open_, closed = reader.sequence({""}, list(tree.data))
    except Exception:  # a private module changed, or a pattern it cannot read
        return None
    found = open_ | closed
    if not found or "" in found or any(s[:1].isspace() for s in found):
        return None
    return frozenset(found)


def matches_at(pattern: re.Pattern[str], text: str,
               positions: Iterable[int]) -> Iterator[re.Match[str]]:
    """What `pattern.finditer(text)` yields, trying only `positions` (a superset of
    where its matches start, in order)."""
    resume = 0
    for at in positions:
        if at < resume:
            continue
        match = pattern.match(text, at)  # lookbehinds and \b still see text before `at`
        if match is not None:
            yield match
            resume = max(match.end(), at + 1)


class StartScan:
    """A compiled pattern that is tried only where one of its matches can start.

    A long alternation (a data file's list of placeholder forms, some with lookbehinds)
    costs every alternative at every position of the text, and most positions start
    none. The places that start one of the pattern's prefixes are found by a small
    pattern that the engine rejects at a glance wherever the first character is wrong;
    `finditer` answers exactly as the pattern's own does."""

    __slots__ = ("_starts", "pattern")

    def __init__(self, pattern: re.Pattern[str]) -> None:
        from reportlint.language.data.parsed import remember_parse

        self.pattern = pattern
        # Reading the pattern costs a few milliseconds a process: kept between runs.
        starts = remember_parse(f"{pattern.flags} {pattern.pattern}",
                                lambda _: _starts_pattern(pattern), code=[__file__])
        self._starts = remembered_pattern(starts, re.IGNORECASE) if starts else None

    def finditer(self, text: str) -> Iterator[re.Match[str]]:
        if self._starts is None or not SAFE_TEXT.fullmatch(text):
            return self.pattern.finditer(text)
        starts = (found.start() for found in self._starts.finditer(text))
        return matches_at(self.pattern, text, starts)


def _starts_pattern(pattern: re.Pattern[str]) -> str | None:
    prefixes = start_prefixes(pattern.pattern, pattern.flags)
    if not prefixes:
        return None
    firsts = "".join(sorted({re.escape(prefix[0]) for prefix in prefixes}))
    # Two lookaheads, so that starts that overlap ("[[X") are all found.
    return f"(?=[{firsts}])(?={_trie(prefixes)})"


def _trie(prefixes: Collection[str]) -> str:
    """A pattern matching what starts with one of `prefixes`, as a trie of character
    classes ("t(?:b[cd]|k)" for tbc, tbd, tk): a long list of alternatives would be
    tried one by one at each position."""
    if "" in prefixes:
        return ""  # a shorter prefix already suffices
    rests: dict[str, set[str]] = {}
    for prefix in prefixes:
        rests.setdefault(prefix[0], set()).add(prefix[1:])
    firsts_by_rest: dict[frozenset[str], list[str]] = {}
    for first, rest in rests.items():
        firsts_by_rest.setdefault(frozenset(rest), []).append(first)
    parts = []
    for after, firsts in firsts_by_rest.items():
        head = (re.escape(firsts[0]) if len(firsts) == 1
                else "[" + "".join(sorted(re.escape(char) for char in firsts)) + "]")
        parts.append(head + _trie(after))
    return parts[0] if len(parts) == 1 else "(?:" + "|".join(sorted(parts)) + ")"


class _Reader:
    def __init__(self, constants: Any, length: int) -> None:
        self.c = constants
        self.length = length

    def sequence(self, open_: set[str], items: list[Any]) -> tuple[set[str], set[str]]:
        """Prefixes after `items`: (still open, cut short or full)."""
        c, closed = self.c, set[str]()
        for op, value in items:
            if not open_:
                break
            if op in (c.AT, c.ASSERT, c.ASSERT_NOT):
                continue  # zero-width
            if op is c.LITERAL:
                open_ = self._extend(open_, {chr(value).lower()}, closed)
            elif op is c.IN:
                chars = self._class(value)
                if chars is None:
                    closed |= open_
                    open_ = set()
                else:
                    open_ = self._extend(open_, chars, closed)
            elif op is c.SUBPATTERN or op is getattr(c, "ATOMIC_GROUP", None):
                inner = value[-1] if op is c.SUBPATTERN else value
                open_, more = self.sequence(open_, list(inner.data if hasattr(inner, "data")
                                                         else inner))
                closed |= more
            elif op is c.BRANCH:
                after: set[str] = set()
                for alternative in value[1]:
                    branch_open, branch_closed = self.sequence(set(open_), list(alternative))
                    after |= branch_open
                    closed |= branch_closed
                open_ = after
            elif op in (c.MAX_REPEAT, c.MIN_REPEAT, getattr(c, "POSSESSIVE_REPEAT", None)):
                least, most, inner = value
                if least == most <= self.length:  # "\d{2}": as if written out
                    open_, more = self.sequence(open_, list(inner) * least)
                    closed |= more
                    continue
                once_open, once_closed = self.sequence(set(open_), list(inner))
                closed |= once_closed
                if most != 1:  # more rounds may follow: what comes next is unknown
                    closed |= once_open
                    once_open = set()
                open_ = once_open | (open_ if least == 0 else set())
            else:  # any character, a back reference, a conditional: stop here
                closed |= open_
                open_ = set()
            if len(open_) + len(closed) > _CAP:
                closed |= {s[:1] for s in open_ | closed}
                open_ = set()
        return open_, closed

    def _extend(self, open_: set[str], chars: set[str], closed: set[str]) -> set[str]:
        grown = {s + char for s in open_ for char in chars}
        full = {s for s in grown if len(s) >= self.length}
        closed |= full
        return grown - full

    def _class(self, items: list[Any]) -> set[str] | None:
        c, chars = self.c, set()
        for op, value in items:
            if op is c.LITERAL:
                chars.add(chr(value).lower())
            elif op is c.RANGE and value[1] - value[0] < _RANGE_LIMIT:
                chars.update(chr(code).lower() for code in range(value[0], value[1] + 1))
            elif op is c.CATEGORY and value is c.CATEGORY_DIGIT:
                chars.update("0123456789")
            else:  # negated, a wide range, letters or spaces: too many to spell out
                return None
        return chars
