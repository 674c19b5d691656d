"""What narrows a figure in report prose: the figure words (`lint/language/data/figures.yaml`,
compiled) and the scope reader, which finds in a piece of text the level, statistic,
pay basis, period, place, years, time frame, sub-population, names and other job titles
that make one figure a different measure from another.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from reportlint.document.text import tokens
from reportlint.language.amounts import (
    YEAR,
    AmountReader,
    Lazy,
    Lexicon,
    phrase_key,
    phrase_pattern,
    regexes,
)
from reportlint.language.data import data_key, load_data, strings
from reportlint.language.data.patterns import remembered_pattern

if TYPE_CHECKING:
    from reportlint.config import Config

# Other job titles named in a piece of text (their folded keys); the caller builds it
# from the job title vocabulary.
TitleLookup = Callable[[str], set[str]]

_CAPITALISED = re.compile(r"(?<![\w'-])[A-Z][a-zA-Z&'-]+")
_MONTHS = frozenset("january february march april may june july august september october "
                    "november december jan feb mar apr jun jul aug sep sept oct nov dec q1 q2 "
                    "q3 q4 h1 h2 i".split())


@dataclass(frozen=True)
class FigureWords:
    """figures.yaml, compiled."""

    amounts: AmountReader
    approximations: Lazy
    pay: Lexicon
    not_pay: Lexicon
    total_pay: Lexicon
    periods: Lexicon
    levels: Lexicon
    not_levels: Lexicon
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


def _figure_words(raw: dict[str, Any]) -> FigureWords:
    marks, factors = raw.get("currencies"), raw.get("multipliers")
    currencies = {str(k): str(v) for k, v in (marks.items() if isinstance(marks, dict) else ())
                  if str(k).strip()}
    multipliers = {str(k).casefold(): float(v)
                   for k, v in (factors.items() if isinstance(factors, dict) else ())
                   if isinstance(v, int | float) and not isinstance(v, bool) and str(k).strip()}
    return FigureWords(
        amounts=AmountReader(currencies, multipliers, strings(raw.get("bounds_before")),
                             strings(raw.get("bounds_after"))),
        approximations=Lazy(lambda: _ending(strings(raw.get("approximations")))),
        pay=Lexicon.of(raw.get("pay_words")), not_pay=Lexicon.of(raw.get("not_pay")),
        total_pay=Lexicon.of(raw.get("total_pay")), periods=Lexicon.of(raw.get("periods")),
        levels=Lexicon.of(raw.get("levels")), not_levels=Lexicon.of(raw.get("not_levels")),
        level_marks=regexes(raw.get("level_marks")),
        experience=regexes(raw.get("experience")),
        statistics=Lexicon.of(raw.get("statistics")),
        percentile_marks=regexes(raw.get("percentile_marks")),
        national=Lexicon.of(raw.get("national")), places=Lexicon.of(raw.get("places")),
        segments=Lexicon.of(raw.get("segments")), counts=Lexicon.of(raw.get("counts")),
        count_fillers=frozenset(phrase_key(w) for w in strings(raw.get("count_fillers"))),
        count_changes=frozenset(phrase_key(w) for w in strings(raw.get("count_changes"))),
        frames=Lexicon.of(raw.get("frames")), growth_up=Lexicon.of(raw.get("growth_up")),
        growth_down=Lexicon.of(raw.get("growth_down")),
        growth_subjects=Lexicon.of(raw.get("growth_subjects")),
        growth_not=Lexicon.of(raw.get("growth_not")),
        above=Lexicon.of(raw.get("above")), below=Lexicon.of(raw.get("below")),
        projection=Lexicon.of(raw.get("projection")),
        narrowing=Lexicon.of(raw.get("narrowing")),
        object_stops=frozenset(phrase_key(w) for w in strings(raw.get("object_stops"))),
        neutral=frozenset(phrase_key(w) for w in strings(raw.get("neutral_objects"))),
        starters=frozenset(phrase_key(w) for w in strings(raw.get("starters"))),
    )


_WORDS: dict[str, FigureWords] = {}


def figure_words(config: Config | None) -> FigureWords:
    """figures.yaml merged with the config, compiled once per distinct config data."""
    key = data_key("figures", config)
    if key not in _WORDS:
        raw = load_data("figures", config)
        _WORDS[key] = _figure_words(raw if isinstance(raw, dict) else {})
    return _WORDS[key]


class ScopeReader:
    """Reads what narrows the figures of one report. `role_names` are the report's own
    role and its aliases; `region` and `year` its front matter; `industry` the names of
    its industry; `region_names` every region's other names; `titles` finds other job
    titles in text."""

    def __init__(self, words: FigureWords, role_names: Sequence[str], region: str | None,
                 industry: Sequence[str], year: int | None,
                 region_names: Mapping[str, Sequence[str]],
                 titles: TitleLookup | None = None) -> None:
        self.words = words
        self.year = str(year) if year else None
        self.titles = titles
        self.roles = phrase_pattern(
            name for role in role_names for name in (role, role + "s", role + "es"))
        self.regions = _region_lexicon(tuple((name, tuple(aliases)) for name, aliases in
                                             region_names.items()))
        own = phrase_key(region or "")
        self.own_region = {self.regions.names.get(own, region or "")} if own else set()
        own_words = {phrase_key(w) for role in role_names for w in role.split()}
        industry_words = {phrase_key(w) for name in industry for w in name.split()}
        self.neutral = (words.neutral | own_words | industry_words | {own}
                        | set(words.levels.names) | set(words.statistics.names)
                        | set(words.pay.names) | set(words.periods.names)
                        | set(words.national.names) | set(words.total_pay.names) | _MONTHS)

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

        # "data entry", "senior stakeholders": no level, but they say who is meant
        add("narrow", words.not_levels.names_in(masked))
        not_levels = words.not_levels.pattern
        add("level", words.levels.names_in(not_levels.sub(_blank, masked) if not_levels
                                           else masked))
        for pattern in (words.level_marks.pattern, words.experience.pattern):
            if pattern is not None:
                add("level", (phrase_key(m.group(0)).replace(" ", "")
                              for m in pattern.finditer(masked)))
        add("stat", words.statistics.names_in(masked))
        percentiles = words.percentile_marks.pattern
        if percentiles is not None:
            add("stat", (phrase_key(m.group(0)) for m in percentiles.finditer(masked)))
        add("period", words.periods.names_in(masked))
        add("frame", words.frames.names_in(masked))
        if words.projection.find(masked):
            add("outlook", {"projected"})
        add("year", (m.group(0) for m in YEAR.finditer(masked)))
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
                or f"{word}s" in self.neutral
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


@lru_cache(maxsize=8)
def _region_lexicon(regions: tuple[tuple[str, tuple[str, ...]], ...]) -> Lexicon:
    return Lexicon.of({name: [*aliases, name] for name, aliases in regions})


def _ending(phrases: list[str]) -> re.Pattern[str] | None:
    """Any of `phrases` at the end of a text."""
    pattern = phrase_pattern(phrases)
    return remembered_pattern(rf"(?:{pattern.pattern})\s*$", re.IGNORECASE) if pattern else None


def _blank(match: re.Match[str]) -> str:
    return " " * len(match.group(0))


def _singular(word: str) -> str:
    return word[:-1] if word.endswith("s") and not word.endswith("ss") else word
