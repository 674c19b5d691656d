"""Figures in report prose: amounts of money, percentages and counts, read as facts
(measure, scope, value) that can be compared across a report.

A fact is read only when what it measures is plain: pay (a salary, a band), a count of
open jobs (openings, postings) or a growth rate (of employment or of pay). Its scope is
everything the text says narrows it: level, place, statistic (median, 75th percentile),
pay basis (base or total), period (hourly, yearly), currency, years, time frame, another
job title, a sub-population ("at startups"), a name (a city, a source). Two facts are
the same measure only when all of that is the same. Anything unclear (a bound such as
"up to", a bonus, a gap, a sentence that gives two levels and two figures without saying
which is which) gives no fact: a missed figure costs less than a false contradiction.

The words are data (`lint/data/figures.yaml`). This module reads; it does not judge.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from functools import cached_property, lru_cache
from itertools import pairwise
from typing import TYPE_CHECKING, Any

from reportlint.data import data_key, load_data, strings
from reportlint.text import split_sentences, tokens

if TYPE_CHECKING:
    from reportlint.config import Config

Scope = tuple[tuple[str, str], ...]
# Other job titles named in a piece of text (their folded keys); the caller builds it
# from the job title vocabulary.
TitleLookup = Callable[[str], set[str]]

# Length-preserving folds, so that offsets in the folded text are offsets in the unit.
_FOLD = str.maketrans({"–": "-", "—": "-", "−": "-", "‑": "-", "\u00a0": " ", "’": "'",
                       "‘": "'", "“": '"', "”": '"'})
# Link targets, bare URLs and footnote references hold digits that are no figures.
_NOT_PROSE = re.compile(r"\]\([^)]*\)|https?://\S+|\[\^[^\]\s]+\]")
_YEAR = re.compile(r"(?<![\w$€£¥₹.,])(?:19|20)\d\d(?![\w%])")
_NUMBER = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
_SEPARATOR = re.compile(r";|,\s|\s-\s|\s\|\s|\(|\)|\b(?:while|whereas|but|compared (?:with|to)|"
                        r"versus|vs\.?|unlike|against)\s", re.IGNORECASE)
_AND = re.compile(r"\s(?:and|or|with)\s", re.IGNORECASE)
_RANGE_GAP = re.compile(r"\s*(?:-|to|and)\s*", re.IGNORECASE)
_CAPITALISED = re.compile(r"(?<![\w'-])[A-Z][a-zA-Z&'-]+")
_LABEL = re.compile(r"\s*[*_]*[^\W\d_][^:.;!?\n$€£¥₹]{0,50}?[*_]*:[*_]*\s+")
_MONTHS = frozenset("january february march april may june july august september october "
                    "november december jan feb mar apr jun jul aug sep sept oct nov dec q1 q2 "
                    "q3 q4 h1 h2 i".split())
# What narrows the subject of a figure, said anywhere in its sentence, narrows it.
_NARROWING_KINDS = ("place", "named", "segment", "title", "narrow", "year", "frame", "outlook")
# What gives a figure its value's kind, read from its own part of the sentence first.
_VALUE_KINDS = ("level", "stat", "basis", "period")


def _key(phrase: str) -> str:
    return " ".join(phrase.casefold().split())


def _phrase_pattern(phrases: Iterable[str]) -> re.Pattern[str] | None:
    """One case-insensitive pattern for whole-word phrases, the longest tried first."""
    words, others = [], []
    for phrase in sorted({_key(p) for p in phrases if p.strip()}, key=len, reverse=True):
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
    return re.compile("|".join(parts), re.IGNORECASE) if parts else None


class Lexicon:
    """A list of phrases, each with a canonical name (itself, for a plain list). Its
    pattern is compiled when first used: a report with no figure never pays for it."""

    def __init__(self, names: Mapping[str, str]) -> None:
        self.names = names

    @cached_property
    def pattern(self) -> re.Pattern[str] | None:
        return _phrase_pattern(self.names)

    @classmethod
    def of(cls, value: Any) -> Lexicon:
        names: dict[str, str] = {}
        if isinstance(value, dict):
            for name, phrases in value.items():
                for phrase in strings(phrases):
                    names[_key(phrase)] = str(name)
        else:
            names = {_key(phrase): _key(phrase) for phrase in strings(value)}
        return cls(names)

    def find(self, text: str) -> list[tuple[str, int, int]]:
        """(canonical name, start, end) of every phrase in `text`."""
        if self.pattern is None:
            return []
        return [(self.names.get(_key(m.group(0)), _key(m.group(0))), m.start(), m.end())
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


def _regexes(value: Any) -> Lazy:
    items = strings(value)
    return Lazy(lambda: re.compile("|".join(f"(?:{item})" for item in items), re.IGNORECASE)
                if items else None)


@dataclass(frozen=True)
class FigureWords:
    """figures.yaml, compiled."""

    amount: re.Pattern[str]
    currencies: Mapping[str, str]
    multipliers: Mapping[str, float]
    bounds_before: Lazy
    bounds_after: Lazy
    pay: Lexicon
    not_pay: Lexicon
    total_pay: Lexicon
    periods: Lexicon
    levels: Lexicon
    level_marks: Lazy
    experience: Lazy
    statistics: Lexicon
    percentile_marks: Lazy
    national: Lexicon
    places: Lexicon
    segments: Lexicon
    counts: Lexicon
    count_fillers: frozenset[str]
    count_changes: frozenset[str]
    frames: Lexicon
    growth_up: Lexicon
    growth_down: Lexicon
    growth_subjects: Lexicon
    growth_not: Lexicon
    above: Lexicon
    below: Lexicon
    projection: Lexicon
    narrowing: Lexicon
    object_stops: frozenset[str]
    neutral: frozenset[str]
    starters: frozenset[str]


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
    return re.compile(
        rf"(?<![\w$€£¥₹.,/])(?:(?P<cur>{currency or '(?!)'})\s?)?(?P<num>{_NUMBER})"
        rf"(?:{multiplier or '(?!)'})?(?P<pct>\s?%|\s?percent\b)?"
        + (rf"(?:\s(?P<cur2>(?-i:{codes}))\b)?" if codes else ""), re.IGNORECASE)


def _figure_words(raw: dict[str, Any]) -> FigureWords:
    currencies = {str(k): str(v) for k, v in (raw.get("currencies") or {}).items()}
    multipliers = {str(k).casefold(): float(v) for k, v in (raw.get("multipliers") or {}).items()
                   if isinstance(v, int | float)}
    return FigureWords(
        amount=_amount_pattern(currencies, multipliers), currencies=currencies,
        multipliers=multipliers,
        bounds_before=Lazy(lambda: _tail(strings(raw.get("bounds_before")))),
        bounds_after=Lazy(lambda: _head(strings(raw.get("bounds_after")))),
        pay=Lexicon.of(raw.get("pay_words")), not_pay=Lexicon.of(raw.get("not_pay")),
        total_pay=Lexicon.of(raw.get("total_pay")), periods=Lexicon.of(raw.get("periods")),
        levels=Lexicon.of(raw.get("levels")), level_marks=_regexes(raw.get("level_marks")),
        experience=_regexes(raw.get("experience")),
        statistics=Lexicon.of(raw.get("statistics")),
        percentile_marks=_regexes(raw.get("percentile_marks")),
        national=Lexicon.of(raw.get("national")), places=Lexicon.of(raw.get("places")),
        segments=Lexicon.of(raw.get("segments")), counts=Lexicon.of(raw.get("counts")),
        count_fillers=frozenset(_key(w) for w in strings(raw.get("count_fillers"))),
        count_changes=frozenset(_key(w) for w in strings(raw.get("count_changes"))),
        frames=Lexicon.of(raw.get("frames")), growth_up=Lexicon.of(raw.get("growth_up")),
        growth_down=Lexicon.of(raw.get("growth_down")),
        growth_subjects=Lexicon.of(raw.get("growth_subjects")),
        growth_not=Lexicon.of(raw.get("growth_not")),
        above=Lexicon.of(raw.get("above")), below=Lexicon.of(raw.get("below")),
        projection=Lexicon.of(raw.get("projection")),
        narrowing=Lexicon.of(raw.get("narrowing")),
        object_stops=frozenset(_key(w) for w in strings(raw.get("object_stops"))),
        neutral=frozenset(_key(w) for w in strings(raw.get("neutral_objects"))),
        starters=frozenset(_key(w) for w in strings(raw.get("starters"))),
    )


def _tail(phrases: Sequence[str]) -> re.Pattern[str] | None:
    pattern = _phrase_pattern(phrases)
    return re.compile(rf"(?:{pattern.pattern})\s*[~≈]?\s*$", re.IGNORECASE) if pattern else None


def _head(phrases: Sequence[str]) -> re.Pattern[str]:
    pattern = _phrase_pattern(phrases)
    return re.compile(rf"^\s*(?:\+|(?:{pattern.pattern}))" if pattern else r"^\s*\+",
                      re.IGNORECASE)


_WORDS: dict[str, FigureWords] = {}


def figure_words(config: Config | None) -> FigureWords:
    """figures.yaml merged with the config, compiled once per distinct config data."""
    key = data_key("figures", config)
    if key not in _WORDS:
        raw = load_data("figures", config)
        _WORDS[key] = _figure_words(raw if isinstance(raw, dict) else {})
    return _WORDS[key]


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


@dataclass(frozen=True, slots=True)
class Fact:
    """One figure read as a value of a measure in a scope. `start`/`end` index the unit
    text; `sentence` is the index of its sentence in the unit."""

    measure: str  # "pay", "openings", "postings", "employment growth", "pay growth"
    scope: Scope
    low: float
    high: float
    start: int
    end: int
    written: str
    sentence: int

    @property
    def percent(self) -> bool:
        return self.measure.endswith("growth")

    def scope_value(self, kind: str) -> str | None:
        return next((value for k, value in self.scope if k == kind), None)

    def described(self) -> str:
        """The measure as a reader would name it: "senior median pay (seattle)"."""
        parts = [self.scope_value("level"), self.scope_value("stat"),
                 "total" if self.scope_value("basis") == "total" else None, self.measure]
        frame = self.scope_value("frame")
        if frame in ("year", "month"):
            parts.append(f"per {frame}")
        period = self.scope_value("period")
        if period not in (None, "year"):
            parts.append(f"per {period}")
        where = []
        for kind, value in self.scope:
            if kind == "year":
                where.append("–".join(value.split(",")))
            elif kind == "frame" and frame not in ("year", "month"):
                where.append(value)
            elif kind in ("place", "title", "segment", "narrow"):
                where.append(value.replace(",", ", "))
        text = " ".join(p for p in parts if p)
        return f"{text} ({'; '.join(where)})" if where else text


@dataclass(frozen=True, slots=True)
class Comparison:
    """A figure said to stand above (+1) or below (-1) the whole market's `statistic`."""

    fact: Fact
    direction: int
    statistic: str


@dataclass
class Reading:
    facts: list[Fact] = field(default_factory=list)
    comparisons: list[Comparison] = field(default_factory=list)


class FigureReader:
    """Reads the facts of one report's units. `role_names` are the report's own role and
    its aliases; `region` and `year` its front matter; `industry` the names of its
    industry; `region_names` every
    region's other names; `titles` finds other job titles in text."""

    def __init__(self, words: FigureWords, role_names: Sequence[str], region: str | None,
                 industry: Sequence[str], year: int | None,
                 region_names: Mapping[str, Sequence[str]],
                 titles: TitleLookup | None = None) -> None:
        self.words = words
        self.year = str(year) if year else None
        self.titles = titles
        self.roles = _phrase_pattern(
            name for role in role_names for name in (role, role + "s", role + "es"))
        self.regions = _region_lexicon(tuple((name, tuple(aliases)) for name, aliases in
                                             region_names.items()))
        own = _key(region or "")
        self.own_region = {self.regions.names.get(own, region or "")} if own else set()
        own_words = {_key(w) for role in role_names for w in role.split()}
        industry_words = {_key(w) for name in industry for w in name.split()}
        self.neutral = (words.neutral | own_words | industry_words | {own}
                        | set(words.levels.names) | set(words.statistics.names)
                        | set(words.pay.names) | set(words.periods.names)
                        | set(words.national.names) | set(words.total_pay.names) | _MONTHS)

    # -- a unit --------------------------------------------------------------------

    def read(self, text: str, context: Sequence[str] = (), *, pay_context: bool = False,
             label_context: Sequence[str] = ()) -> Reading:
        """The facts and comparisons of one unit's text. `context` is text that frames it
        (a list's lead-in, a table column's header); `label_context` is short text that
        names what it is about (a table row's first cell); `pay_context` says that money
        here is pay unless said otherwise (the Compensation section)."""
        reading = Reading()
        if not re.search(r"\d", text):
            return reading
        folded = _NOT_PROSE.sub(lambda m: " " * len(m.group(0)), text.translate(_FOLD))
        sentences = [(index, start, end, amounts) for index, (start, end)
                     in enumerate(split_sentences(folded))
                     if (amounts := self.amounts(folded, start, end))]
        if not sentences:
            return reading
        framing = self._framing(context, label_context)
        pay_context = pay_context or "pay" in framing
        for index, start, end, amounts in sentences:
            self._sentence(folded, start, end, index, amounts, framing, pay_context, reading)
        # The figures as the writer wrote them, dashes and all.
        written = {id(f): replace(f, written=text[f.start:f.end].strip()) for f in reading.facts}
        reading.facts = [written[id(f)] for f in reading.facts]
        reading.comparisons = [replace(c, fact=written[id(c.fact)]) for c in reading.comparisons]
        return reading

    def _framing(self, context: Sequence[str], labels: Sequence[str]) -> dict[str, set[str]]:
        framing: dict[str, set[str]] = {}
        for piece, leftovers in [*((c, False) for c in context), *((c, True) for c in labels)]:
            for kind, values in self.qualifiers(piece.translate(_FOLD), (),
                                                leftovers=leftovers).items():
                framing.setdefault(kind, set()).update(values)
        return framing

    def _sentence(self, text: str, start: int, end: int, index: int, amounts: list[Amount],
                  framing: Mapping[str, set[str]], pay_context: bool, reading: Reading) -> None:
        label = _label_end(text[start:end])
        spans = [(a.start, a.end) for a in amounts]
        segments = self._segments(text, start, end, spans)
        # What a lead-in label names besides the known kinds ("Backend developer: ...")
        # holds for the whole sentence; its known kinds are read with its segment.
        label_quals = {kind: values for kind, values in self.qualifiers(
            text[start:start + label], (), leftovers=True).items()
            if kind == "narrow"} if label else {}
        segment_quals = [self.qualifiers(text[s:e], [(a - s, b - s) for a, b in spans
                                                     if s <= a < e]) for s, e in segments]
        holding = {i for i, (s, e) in enumerate(segments) if any(s <= a < e for a, _ in spans)}
        for amount in amounts:
            at = next((i for i, (s, e) in enumerate(segments) if s <= amount.start < e), None)
            if at is None or amount.bounded:
                continue
            measure = self._measure(text, amount, segments[at], (start, end), pay_context,
                                    sum(a.percent for a in amounts))
            if measure is None:
                continue
            quals = self._combined(segment_quals, at, holding)
            if quals is None:
                continue
            for source in (label_quals, framing):
                for kind, values in source.items():
                    quals.setdefault(kind, set(values))
            fact = self._fact(text, amount, measure, quals, index)
            if fact is not None:
                reading.facts.append(fact)
                comparison = self._comparison(text, fact, segments[at], end)
                if comparison is not None:
                    reading.comparisons.append(comparison)

    @staticmethod
    def _combined(segment_quals: Sequence[Mapping[str, set[str]]], at: int,
                  holding: set[int]) -> dict[str, set[str]] | None:
        """What narrows the figure in segment `at` of a sentence. What narrows the subject
        (a place, a name, a sub-population, years) anywhere in the sentence narrows every
        figure in it. A level, statistic, basis or period missing from the figure's own
        segment is taken from the segments before it that hold no figure ("At the senior
        level, pay runs $150k"); when they name two, which applies is unclear (None)."""
        quals = {kind: set(values) for kind, values in segment_quals[at].items()}
        for index, other in enumerate(segment_quals):
            if index != at:
                for kind in _NARROWING_KINDS:
                    if kind in other:
                        quals.setdefault(kind, set()).update(other[kind])
        for kind in _VALUE_KINDS:
            if kind in quals:
                continue
            before = {frozenset(segment_quals[i][kind]) for i in range(at)
                      if i not in holding and kind in segment_quals[i]}
            elsewhere = any(kind in segment_quals[i] for i in range(len(segment_quals))
                            if i != at and (i > at or i in holding))
            if len(before) > 1 or (not before and elsewhere):
                return None  # "$60k-$80k (entry) to ...": the level comes after
            if before:
                quals[kind] = set(next(iter(before)))
        return quals

    # -- amounts -------------------------------------------------------------------

    def amounts(self, text: str, start: int = 0, end: int | None = None) -> list[Amount]:
        """Every number in text[start:end] that is money, a percentage or a grouped or
        multiplied count, ranges joined ("$68k-$82k", "5-15%", "between $80,000 and
        $120,000"); bare years and other bare numbers are left out."""
        end = len(text) if end is None else end
        raw: list[_Raw] = []
        for match in self.words.amount.finditer(text, start, end):
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
        words = self.words
        mark = (match.group("cur") or "").strip() or match.group("cur2")
        currency = (words.currencies.get(mark) or words.currencies.get(mark.upper())) \
            if mark else None
        mult = (match.group("mult") or match.group("multw") or "").casefold()
        percent = bool(match.group("pct"))
        if match.group("mult") == "m" and currency is None and not percent:
            return None  # "5m" with no currency: minutes, metres
        value = float(match.group("num").replace(",", "")) * words.multipliers.get(mult, 1.0)
        return _Raw(match.start(), match.end(), value, value, currency, percent, bool(mult),
                    "," in match.group("num"), words.multipliers.get(mult, 1.0))

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
        bounds_before, bounds_after = (self.words.bounds_before.pattern,
                                       self.words.bounds_after.pattern)
        if bounds_before is not None:
            match = bounds_before.search(before)
            if match is not None and not (item.ranged and _key(match.group(0)) in (
                    "from", "starting at", "starts at", "start at")):
                return True
        return bool(bounds_after and bounds_after.match(text[item.end:item.end + 20]))

    # -- what a figure measures ------------------------------------------------------

    @staticmethod
    def _segments(text: str, start: int, end: int,
                  spans: Sequence[tuple[int, int]]) -> list[tuple[int, int]]:
        """The sentence cut at separators (";", ", ", "while"...) outside the amounts,
        and at "and" between two amounts ("base is $150k and total comp $200k")."""
        cuts = [start, end]
        for match in _SEPARATOR.finditer(text, start, end):
            if not any(a <= match.start() < b for a, b in spans):
                cuts.append(match.start())
        for match in _AND.finditer(text, start, end):
            at = match.start()
            if any(a <= at < b for a, b in spans):
                continue
            low = max(c for c in cuts if c <= at)
            high = min(c for c in cuts if c > at)
            if any(low <= a < at for a, _ in spans) and any(at < a < high for a, _ in spans):
                cuts.append(at)
        cuts = sorted(set(cuts))
        return [(a, b) for a, b in pairwise(cuts) if b > a]

    def _measure(self, text: str, amount: Amount, segment: tuple[int, int],
                 sentence: tuple[int, int], pay_context: bool, percents: int) -> str | None:
        if amount.percent:
            return self._growth(text, amount, segment, sentence, percents == 1)
        count = self._count(text, amount)
        if (amount.currency is None and not amount.multiplied) or count is not None:
            return count
        words = self.words
        own = self._masked(text[segment[0]:segment[1]],
                           [(amount.start - segment[0], amount.end - segment[0])])
        if words.not_pay.find(own) and not words.total_pay.find(own):
            return None
        if words.pay.find(own):
            return "pay"
        whole = self._masked(text[sentence[0]:sentence[1]], ())
        if words.pay.find(whole) and not words.not_pay.find(whole):
            return "pay"
        return "pay" if pay_context else None

    def _count(self, text: str, amount: Amount) -> str | None:
        """"125,000 openings", "12k job postings": a count of open jobs."""
        if amount.currency is not None or amount.percent or amount.low < 100:
            return None
        after = text[amount.end:amount.end + 60]
        for word, start, _ in tokens(after)[:4]:
            if not after[:start].replace(" ", "").replace("-", "").isalpha() and \
                    after[:start].strip():
                return None  # punctuation between the number and the noun
            for name, at, _ in self.words.counts.find(after[start:start + 40]):
                if at == 0:
                    return name
            folded = word.casefold()
            if folded in self.words.count_changes or folded not in self.words.count_fillers:
                return None
        return None

    def _growth(self, text: str, amount: Amount, segment: tuple[int, int],
                sentence: tuple[int, int], alone: bool) -> str | None:
        """"Employment is projected to grow 16%": a growth rate of employment, postings,
        demand or pay. What grows is read from the figure's part of the sentence, or from
        the whole sentence when the figure is its only percentage."""
        if text[amount.end:amount.end + 4].casefold().startswith(" of"):
            return None  # "30% of teams": a share
        words = self.words
        own = self._masked(text[segment[0]:segment[1]], ())
        if words.growth_not.find(own):
            return None
        if not (words.growth_up.find(own) or words.growth_down.find(own)):
            return None
        subjects = words.growth_subjects.names_in(own)
        if not subjects and alone:
            subjects = words.growth_subjects.names_in(self._masked(text[sentence[0]:sentence[1]],
                                                                   ()))
        if len(subjects) != 1:
            return None
        return f"{next(iter(subjects))} growth"

    def _masked(self, text: str, spans: Sequence[tuple[int, int]]) -> str:
        """`text` with the given spans and the report's role names blanked out."""
        for a, b in spans:  # "#": no word, and where a narrowing's object stops
            text = text[:a] + "#" * (b - a) + text[b:]
        if self.roles is not None:
            text = self.roles.sub(lambda m: " " * len(m.group(0)), text)
        return text

    # -- scope -----------------------------------------------------------------------

    def qualifiers(self, text: str, spans: Sequence[tuple[int, int]], *,
                   leftovers: bool = False) -> dict[str, set[str]]:
        """What a piece of text says narrows a figure in it, by kind (and "pay" when it
        speaks of pay). With `leftovers`, the words of short framing text (a label, a row
        header) that are none of the known kinds count as a narrowing too."""
        words = self.words
        masked = self._masked(text, spans)
        found: dict[str, set[str]] = {}

        def add(kind: str, values: Iterable[str]) -> None:
            values = set(values)
            if values:
                found.setdefault(kind, set()).update(values)

        add("level", words.levels.names_in(masked))
        for pattern in (words.level_marks.pattern, words.experience.pattern):
            if pattern is not None:
                add("level", (_key(m.group(0)).replace(" ", "") for m in pattern.finditer(masked)))
        add("stat", words.statistics.names_in(masked))
        percentiles = words.percentile_marks.pattern
        if percentiles is not None:
            add("stat", (_key(m.group(0)) for m in percentiles.finditer(masked)))
        add("period", words.periods.names_in(masked))
        add("frame", words.frames.names_in(masked))
        if words.projection.find(masked):
            add("outlook", {"projected"})
        add("year", (m.group(0) for m in _YEAR.finditer(masked) if m.group(0) != self.year))
        # A region's names are read once, as a place, then blanked.
        add("place", self.regions.names_in(masked) - self.own_region)
        if self.regions.pattern is not None:
            masked = self.regions.pattern.sub(lambda m: " " * len(m.group(0)), masked)
        add("place", words.places.names_in(masked))
        add("segment", words.segments.names_in(masked))
        if words.total_pay.find(masked):
            add("basis", {"total"})
        if words.pay.find(masked):
            add("pay", {"pay"})
        add("narrow", self._narrowing(masked))
        add("named", self._named(masked))
        if self.titles is not None:
            add("title", self.titles(masked))
        if leftovers:
            add("narrow", self._leftovers(masked))
        if "starting" in found.get("stat", ()):  # a starting salary is entry-level pay
            found["stat"].discard("starting")
            add("level", {"entry"})
            if not found["stat"]:
                del found["stat"]
        return found

    def _plain(self, word: str) -> bool:
        """A word that narrows nothing by itself: neutral, or read as a known kind."""
        words = self.words
        return (word in self.neutral or _singular(word) in self.neutral
                or word in words.object_stops
                or any(lexicon.whole(word) for lexicon in (
                    words.levels, words.statistics, words.periods, words.segments,
                    words.places, words.frames, words.pay, words.not_pay, words.narrowing)))

    def _narrowing(self, text: str) -> set[str]:
        """Objects of "at", "with", "in"... that are not neutral: "at startups"."""
        found = set()
        for _, _, end in self.words.narrowing.find(text):
            kept = []
            after = text[end:end + 50]
            for word, start, _ in tokens(after)[:4]:
                folded = word.casefold()
                if folded in self.words.object_stops or any(c.isdigit() for c in folded) \
                        or "#" in after[:start]:
                    break
                if not self._plain(folded):
                    kept.append(folded)
            if kept:
                found.add(" ".join(kept))
        return found

    def _named(self, text: str) -> set[str]:
        """Capitalised words that are no known word and no common sentence opener: a city,
        a company, a source. "Austin's median" is not the national median."""
        found = set()
        for match in _CAPITALISED.finditer(text):
            word = match.group(0).removesuffix("'s")
            folded = word.casefold()
            if word.isupper() or word.removesuffix("s").isupper() or self._plain(folded) \
                    or folded in self.words.starters:
                continue  # an acronym (BLS, CRAs), or a word any sentence may open with
            found.add(folded)
        return found

    def _leftovers(self, text: str) -> set[str]:
        kept = [word.casefold() for word, _, _ in tokens(text)
                if not word.isdigit() and not self._plain(word.casefold())
                and word.casefold() not in ("yrs", "yoe", "per", "vs", "plus")]
        return {" ".join(kept)} if kept else set()

    def _fact(self, text: str, amount: Amount, measure: str, quals: dict[str, set[str]],
              index: int) -> Fact | None:
        frames = quals.get("frame", set())
        if frames & {"year", "month"}:  # "each year over the decade": a yearly rate
            quals["frame"] = frames & {"year", "month"}
        kinds = ["level", "stat", "place", "year", "segment", "narrow", "named", "title"]
        if measure != "pay":  # a pay period is read as `period`, below
            kinds.append("frame")
        if measure.endswith("growth"):  # "projected to grow 15%" is not "grew 3%"
            kinds.append("outlook")
        scope = {kind: ",".join(sorted(quals[kind])) for kind in kinds if quals.get(kind)}
        if measure == "pay":
            scope["currency"] = amount.currency or "?"
            scope["basis"] = "total" if quals.get("basis") else "base"
            periods = quals.get("period", set())
            if len(periods) > 1:
                return None
            period = next(iter(periods), None)
            if period is None:
                if amount.low < 10_000:
                    return None  # an hourly or monthly figure that does not say so
                period = "year"
            scope["period"] = period
        low, high = amount.low, amount.high
        if measure.endswith("growth") and self._falling(text, amount):
            low, high = -high, -low
        return Fact(measure, tuple(sorted(scope.items())), low, high, amount.start,
                    amount.end, text[amount.start:amount.end].strip(), index)

    def _falling(self, text: str, amount: Amount) -> bool:
        before = text[max(0, amount.start - 40):amount.start]
        downs = self.words.growth_down.find(before)
        ups = self.words.growth_up.find(before)
        return bool(downs) and (not ups or downs[-1][1] > ups[-1][1])

    def _comparison(self, text: str, fact: Fact, segment: tuple[int, int],
                    sentence_end: int) -> Comparison | None:
        """A figure of a place said to stand above or below the national one."""
        if fact.measure != "pay" or not any(fact.scope_value(k) for k in
                                            ("place", "named", "narrow")):
            return None
        for piece in (text[fact.end:sentence_end][:80], text[segment[0]:fact.start]):
            for lexicon, direction in ((self.words.above, 1), (self.words.below, -1)):
                for _, _, end in lexicon.find(piece):
                    said = re.findall(r"[\w']+", piece[end:end + 50])[:4]
                    if said and said[0].casefold() == "the":
                        said = said[1:]
                    said = said[:3]
                    if not any(self.words.national.names_in(w) or
                               self.regions.names_in(w) & self.own_region for w in said[:2]):
                        continue
                    stats = {n for w in said for n in self.words.statistics.names_in(w)}
                    if len(stats) == 1:  # "under the national pay scale" compares nothing
                        return Comparison(fact, direction, next(iter(stats)))
        return None


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


@lru_cache(maxsize=8)
def _region_lexicon(regions: tuple[tuple[str, tuple[str, ...]], ...]) -> Lexicon:
    return Lexicon.of({name: [*aliases, name] for name, aliases in regions})


def _singular(word: str) -> str:
    return word[:-1] if word.endswith("s") and not word.endswith("ss") else word


def _label_end(sentence: str) -> int:
    """Where a lead-in label ("Senior (5+ yrs): ...", "**Backend developer**: ...") ends."""
    match = _LABEL.match(sentence)
    if match is None or len(match.group(0).split()) > 6:
        return 0
    return match.end()
