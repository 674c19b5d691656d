"""Amounts as report writers write them: "$150,000", "$150k", "150K", "$1.2M",
"€65k–€85k", "CA$105k", "$68-82k", "5–15%", "between $80,000 and $120,000", and
whether one is a bound ("up to $200k", "$120k+") rather than a value.

Also the small phrase machinery the figure reader shares: phrase lists compiled into
one pattern each, when first used. The marks and words are `lint/language/data/figures.yaml`.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import cached_property
from typing import Any

from reportlint.language.data import strings
from reportlint.language.data.patterns import remembered_pattern

# A year written alone (2025), which is never an amount.
YEAR = re.compile(r"(?<![\w$€£¥₹.,])(?:19|20)\d\d(?![\w%])")
_NUMBER = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
_RANGE_GAP = re.compile(r"\s*(?:-|to|and)\s*", re.IGNORECASE)


def phrase_key(phrase: str) -> str:
    """A phrase's comparison form: case-folded, single-spaced."""
    return " ".join(phrase.casefold().split())


def phrase_pattern(phrases: Iterable[str]) -> re.Pattern[str] | None:
    """One case-insensitive pattern for whole-word phrases, the longest tried first."""
    words, others = [], []
    # Longest first, then in order of the words: the same pattern in every process (a set
    # iterates in an order of its own each run), so the compiled program kept is found.
    for phrase in sorted({phrase_key(p) for p in phrases if p.strip()},
                         key=lambda phrase: (-len(phrase), phrase)):
        body = r"\s+".join(re.escape(word) for word in phrase.split())
        if phrase[0].isalnum() and phrase[-1].isalnum():
            words.append(body)
            continue
        before = r"(?<![\w-])" if phrase[0].isalnum() else ""
        after = r"(?![\w-])" if phrase[-1].isalnum() or phrase[-1] == "." else ""
        others.append(before + body + after)
    # One pair of word boundaries around all the plain phrases: compiling a boundary per
    # phrase costs more than a run of one report.
    parts = ([rf"(?<![\w-])(?:{'|'.join(words)})(?![\w-])"] if words else []) + others
    return remembered_pattern("|".join(parts), re.IGNORECASE) if parts else None


class Lexicon:
    """A list of phrases, each with a canonical name (itself, for a plain list). Its
    pattern is compiled when first used: a report with no figure never pays for it."""

    def __init__(self, names: Mapping[str, str]) -> None:
        self.names = names

    @cached_property
    def pattern(self) -> re.Pattern[str] | None:
        return phrase_pattern(self.names)

    @classmethod
    def of(cls, value: Any) -> Lexicon:
        names: dict[str, str] = {}
        if isinstance(value, dict):
            for name, phrases in value.items():
                for phrase in strings(phrases):
                    names[phrase_key(phrase)] = str(name)
        else:
            names = {phrase_key(phrase): phrase_key(phrase) for phrase in strings(value)}
        return cls(names)

    def find(self, text: str) -> list[tuple[str, int, int]]:
        """(canonical name, start, end) of every phrase in `text`."""
        if self.pattern is None:
            return []
        return [(self.names.get(phrase_key(m.group(0)), phrase_key(m.group(0))), m.start(), m.end())
                for m in self.pattern.finditer(text)]

    def names_in(self, text: str) -> set[str]:
        return {name for name, _, _ in self.find(text)}

    def whole(self, word: str) -> bool:
        return self.pattern is not None and self.pattern.fullmatch(word) is not None


class Lazy:
    """A pattern compiled when first used."""

    def __init__(self, build: Callable[[], re.Pattern[str] | None]) -> None:
        self._build = build

    @cached_property
    def pattern(self) -> re.Pattern[str] | None:
        return self._build()


def regexes(value: Any) -> Lazy:
    """The regular expressions of a data value as one pattern, compiled when first used.
    One that does not compile (a config's typo) is left out rather than ending the run."""

    def build() -> re.Pattern[str] | None:
        usable = []
        for item in strings(value):
            try:
                remembered_pattern(item)
            except re.error:
                continue
            usable.append(f"(?:{item})")
        return remembered_pattern("|".join(usable), re.IGNORECASE) if usable else None

    return Lazy(build)


@dataclass(frozen=True, slots=True)
class Amount:
    """A number as written: one value or a range, with its currency or percent sign."""

    start: int
    end: int
    low: float
    high: float
    currency: str | None  # ISO code; None when none is written
    percent: bool
    multiplied: bool  # "150k", "1.2M": a written multiplier
    grouped: bool  # "125,000": thousands separators
    bounded: bool  # "up to", "over", "+": a bound, not a value


class AmountReader:
    """Finds amounts in text (dashes already folded to "-")."""

    def __init__(self, currencies: Mapping[str, str], multipliers: Mapping[str, float],
                 bounds_before: Sequence[str], bounds_after: Sequence[str]) -> None:
        self.currencies = currencies
        self.multipliers = multipliers
        self.pattern = _amount_pattern(currencies, multipliers)
        before, after = list(bounds_before), list(bounds_after)
        self.bounds_before = Lazy(lambda: _tail(before))
        self.bounds_after = Lazy(lambda: _head(after))

    def find(self, text: str, start: int = 0, end: int | None = None) -> list[Amount]:
        """Every number in text[start:end] that is money, a percentage or a grouped or
        multiplied count, ranges joined ("$68k-$82k", "5-15%", "between $80,000 and
        $120,000"); bare years and other bare numbers are left out."""
        end = len(text) if end is None else end
        raw: list[_Raw] = []
        for match in self.pattern.finditer(text, start, end):
            item = self._raw(match)
            if item is None:
                continue
            if raw and self._joins(text, raw[-1], item):
                raw[-1].join(item)
            else:
                raw.append(item)
        amounts = []
        for item in raw:
            if not (item.currency or item.percent or item.multiplied or item.grouped):
                continue
            amounts.append(Amount(item.start, item.end, item.low, item.high, item.currency,
                                  item.percent, item.multiplied, item.grouped,
                                  self._bounded(text, item)))
        return amounts

    def _raw(self, match: re.Match[str]) -> _Raw | None:
        mark = (match.group("cur") or "").strip() or match.group("cur2")
        currency = (self.currencies.get(mark) or self.currencies.get(mark.upper())) \
            if mark else None
        mult = (match.group("mult") or match.group("multw") or "").casefold()
        percent = bool(match.group("pct"))
        if match.group("mult") == "m" and currency is None and not percent:
            return None  # "5m" with no currency: minutes, metres
        value = float(match.group("num").replace(",", "")) * self.multipliers.get(mult, 1.0)
        return _Raw(match.start(), match.end(), value, value, currency, percent, bool(mult),
                    "," in match.group("num"), self.multipliers.get(mult, 1.0))

    @staticmethod
    def _joins(text: str, first: _Raw, second: _Raw) -> bool:
        if first.ranged or not _RANGE_GAP.fullmatch(text[first.end:second.start]):
            return False
        if first.currency and second.currency and first.currency != second.currency:
            return False
        if first.percent and not second.percent:
            return False
        low = first.low * (second.factor if second.multiplied and not first.multiplied else 1)
        if low > second.low:
            return False
        if "and" in text[first.end:second.start].casefold():
            return text[:first.start].rstrip().casefold().endswith("between")
        return True

    def _bounded(self, text: str, item: _Raw) -> bool:
        before = text[max(0, item.start - 30):item.start]
        if not item.ranged and before.rstrip().casefold().endswith("between"):
            return True  # "between $80,000 and over $200,000": one end of a range
        bounds_before, bounds_after = self.bounds_before.pattern, self.bounds_after.pattern
        if bounds_before is not None:
            match = bounds_before.search(before)
            if match is not None and not (item.ranged and phrase_key(match.group(0)) in (
                    "from", "starting at", "starts at", "start at")):
                return True
        return bool(bounds_after and bounds_after.match(text[item.end:item.end + 20]))


def _amount_pattern(currencies: Mapping[str, str], multipliers: Mapping[str, float]
                    ) -> re.Pattern[str]:
    marks = sorted(currencies, key=len, reverse=True)
    symbols = "|".join(re.escape(m) for m in marks if not m.isalpha())
    codes = "|".join(re.escape(m) for m in marks if m.isalpha())
    currency = "|".join(p for p in (symbols, f"(?-i:{codes})\\s?" if codes else "") if p)
    letters = "|".join(sorted((re.escape(m) for m in multipliers if len(m) <= 2), key=len,
                              reverse=True))
    spelled = "|".join(re.escape(m) for m in multipliers if len(m) > 2)
    multiplier = "|".join(filter(None, (
        f"\\s?(?P<mult>{letters})(?![a-z])" if letters else "",
        f"\\s(?P<multw>{spelled})\\b" if spelled else "")))
    return remembered_pattern(
        rf"(?<![\w$€£¥₹.,/])(?:(?P<cur>{currency or '(?!)'})\s?)?(?P<num>{_NUMBER})"
        rf"(?:{multiplier or '(?!)'})?(?P<pct>\s?%|\s?percent\b)?"
        + (rf"(?:\s(?P<cur2>(?-i:{codes}))\b)?" if codes else ""), re.IGNORECASE)


def _tail(phrases: Sequence[str]) -> re.Pattern[str] | None:
    pattern = phrase_pattern(phrases)
    if pattern is None:
        return None
    return remembered_pattern(rf"(?:{pattern.pattern})\s*[~≈]?\s*$", re.IGNORECASE)


def _head(phrases: Sequence[str]) -> re.Pattern[str]:
    pattern = phrase_pattern(phrases)
    return remembered_pattern(rf"^\s*(?:\+|(?:{pattern.pattern}))" if pattern else r"^\s*\+",
                              re.IGNORECASE)


@dataclass
class _Raw:
    """An amount while ranges are being joined."""

    start: int
    end: int
    low: float
    high: float
    currency: str | None
    percent: bool
    multiplied: bool
    grouped: bool
    factor: float
    ranged: bool = False

    def join(self, second: _Raw) -> None:
        """Make this the range from itself to `second`, sharing what only one writes:
        "$68-82k" (the multiplier), "5-15%" (the sign), "150,000-$230,000"."""
        if second.multiplied and not self.multiplied:
            self.low *= second.factor
            self.multiplied = True
        self.currency = self.currency or second.currency
        self.percent = self.percent or second.percent
        self.grouped = self.grouped or second.grouped
        self.end, self.high, self.ranged = second.end, second.high, True
