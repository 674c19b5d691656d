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

The words are data (`lint/language/data/figures.yaml`). This module reads; it does not judge.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from itertools import pairwise

from reportlint.document.text import split_sentences, tokens
from reportlint.language.amounts import Amount
from reportlint.language.figurescope import FigureWords, ScopeReader, TitleLookup, figure_words

__all__ = ["Amount", "Comparison", "Fact", "FigureReader", "FigureWords", "Reading",
           "TitleLookup", "figure_words"]

Scope = tuple[tuple[str, str], ...]

# Length-preserving folds, so that offsets in the folded text are offsets in the unit.
_FOLD = str.maketrans({"–": "-", "—": "-", "−": "-", "‑": "-", "\u00a0": " ", "’": "'",
                       "‘": "'", "“": '"', "”": '"'})
# Link targets, bare URLs and footnote references hold digits that are no figures.
_NOT_PROSE = re.compile(r"\]\([^)\]]*\)|https?://\S+|\[\^[^\]\[\s]+\]")
_SEPARATOR = re.compile(r";|,\s|\s-\s|\s\|\s|\(|\)|\b(?:while|whereas|but|compared (?:with|to)|"
                        r"versus|vs\.?|unlike|against)\s", re.IGNORECASE)
_AND = re.compile(r"\s(?:and|or|with)\s", re.IGNORECASE)
# What follows "the national median" when it is the median of something else.
_ANOTHER_WHOLE = re.compile(r"\s+(?:for|of|across|among|in|at)\b", re.IGNORECASE)
_LABEL = re.compile(r"\s*[*_]*[^\W\d_][^:.;!?\n$€£¥₹]{0,50}?[*_]*:[*_]*\s+")
# What narrows the subject of a figure, said anywhere in its sentence, narrows it.
_NARROWING_KINDS = ("place", "named", "segment", "title", "narrow", "year", "frame", "outlook")
# What gives a figure its value's kind, read from its own part of the sentence first.
_VALUE_KINDS = ("level", "stat", "basis", "period")
_LEVEL_NAMES = {"entry": "entry-level", "mid": "mid-level"}


def _as_written(amount: str) -> str:
    """An amount for a message: "$92,000 and $104,000" was "between" them."""
    amount = amount.strip()
    return f"between {amount}" if " and " in amount else amount


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
    exact: bool = False  # one value written to the unit ("$93,600"), not "about $90k"

    @property
    def percent(self) -> bool:
        return self.measure.endswith("growth")

    def scope_value(self, kind: str) -> str | None:
        return next((value for k, value in self.scope if k == kind), None)

    def described(self) -> str:
        """The measure as a reader would name it: "senior median pay (seattle)"."""
        level = self.scope_value("level")
        parts = [_LEVEL_NAMES.get(level or "", level), self.scope_value("stat"),
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


# A sentence with more figures than this is a list or a table run together: which
# figure goes with which cannot be read (sentences of the reports and judgement sets
# hold at most 2), and reading each against all the others would cost their square.
MOST_FIGURES = 12


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


class FigureReader(ScopeReader):
    """Reads the facts of one report's units (what narrows them: `ScopeReader`)."""

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
                     if 0 < len(amounts := self.amounts(folded, start, end)) <= MOST_FIGURES]
        if not sentences:
            return reading
        framing = self._framing(context, label_context)
        pay_context = pay_context or "pay" in framing
        for index, start, end, amounts in sentences:
            self._sentence(folded, start, end, index, amounts, framing, pay_context, reading)
        # The figures as the writer wrote them, dashes and all.
        written = {id(f): replace(f, written=_as_written(text[f.start:f.end]))
                   for f in reading.facts}
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
        """The amounts in text[start:end] (see `AmountReader.find`)."""
        return self.words.amounts.find(text, start, end)

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
        if quals.get("year") == {self.year}:  # the report's own year alone says nothing
            del quals["year"]
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
                    amount.end, text[amount.start:amount.end].strip(), index,
                    self._exact(text, amount))

    def _exact(self, text: str, amount: Amount) -> bool:
        """One value written to the unit: "$93,600", not "$90,000", "$94k" or "about"."""
        if amount.low != amount.high or amount.multiplied or amount.low % 1000 == 0:
            return False
        approximations = self.words.approximations.pattern
        return approximations is None or approximations.search(
            text[max(0, amount.start - 20):amount.start]) is None

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
                    target = piece[end:end + 50]
                    stats = self.words.statistics.find(target)
                    if len({name for name, _, _ in stats}) != 1:
                        continue  # "under the national pay scale" compares nothing
                    if _ANOTHER_WHOLE.match(target, stats[-1][2]):
                        continue  # "the national median for all occupations"
                    return Comparison(fact, direction, stats[0][0])
        return None


def _label_end(sentence: str) -> int:
    """Where a lead-in label ("Senior (5+ yrs): ...", "**Backend developer**: ...") ends."""
    match = _LABEL.match(sentence)
    if match is None or len(match.group(0).split()) > 6:
        return 0
    return match.end()
