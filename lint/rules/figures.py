"""Evidence rule about the report's own figures: one measure, two values that cannot
both hold.

The facts (measure, scope, value) are read by `reportlint.language.figures`; this module only
decides which pairs of them contradict each other.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from pydantic import Field
from reportlint.document.model import Document
from reportlint.document.units import Kind, Unit
from reportlint.findings import Category, Hit, Severity
from reportlint.language.data import strings
from reportlint.language.figures import MOST_FIGURES, Comparison, Fact, FigureReader, figure_words
from reportlint.rules.registry import Context, NonNegative, Rule, RuleOptions, register

# Sections whose figures are not claims about the market: sample sizes, citations, links.
_NOT_FIGURES = ("methodology", "sources", "related")
_SKIPPED = (Kind.HEADING, Kind.FOOTNOTE, Kind.CELL, Kind.QUESTION)
_DIGIT = re.compile(r"\d")
# Distinct values of one measure in one scope compared with each new figure: a report
# has a handful; a data dump with thousands is compared with its first ones only.
_MOST_VALUES = 64


@dataclass(frozen=True)
class Placed:
    """A fact and where it stands in the file."""

    fact: Fact
    offset: int
    end_offset: int
    sentence: tuple[int, int]  # (offset of its unit, index of its sentence)
    section: str | None


def _reader(doc: Document, context: Context) -> FigureReader | None:
    from reportlint.document.text import tokens
    from reportlint.language.jobtitles import RoleNames, TitleFinder, title_words_for
    from reportlint.language.vocabulary import markets_for, vocabulary_for

    meta = doc.meta
    if meta is None:
        return None
    vocabulary = vocabulary_for(context.config, meta.industry)
    names = RoleNames([meta.role, *meta.role_aliases], title_words_for(context.config))
    finder = TitleFinder(vocabulary.title_matcher, names)

    def other_titles(text: str) -> set[str]:
        words = tokens(text)
        folded = [word.casefold() for word, _, _ in words]
        return {match.value for match in vocabulary.title_matcher.find_in(text, words, folded)
                if finder.is_other(match.value)}

    markets = markets_for(context.config)
    industry = markets.industries.get(markets.industry(meta.industry) or "", {})
    return FigureReader(figure_words(context.config), [meta.role, *meta.role_aliases],
                        meta.region, [meta.industry, *strings(industry.get("names"))],
                        meta.year, markets.regions, other_titles)


def read_figures(doc: Document, context: Context) -> tuple[list[Placed], list[
        tuple[Comparison, Placed]]]:
    """Every fact of the report in file order, and the comparisons with the national
    figure, each with its place."""
    reader = _reader(doc, context)
    facts: list[Placed] = []
    comparisons: list[tuple[Comparison, Placed]] = []
    if reader is None:
        return facts, comparisons
    for unit, framing in _framed_units(doc):
        if _DIGIT.search(unit.text) is None:
            continue
        reading = reader.read(unit.text, framing, pay_context=unit.section == "compensation")
        _place(unit, reading.facts, reading.comparisons, facts, comparisons)
    for table in doc.tables:
        if table.section in _NOT_FIGURES:
            continue
        header = [cell.text for cell in table.header.cells]
        for row in table.rows:
            for index, cell in enumerate(row.cells):
                if _DIGIT.search(cell.text) is None:
                    continue
                # The row's first cell and the column's header say what the figure is;
                # any word of theirs that is no known kind ("25th", "Contract") narrows it.
                labels = ([row.cells[0].text] if index > 0 else []) + (
                    [header[index]] if index < len(header) else [])
                reading = reader.read(cell.text, label_context=labels,
                                      pay_context=table.section == "compensation")
                _place(cell, reading.facts, reading.comparisons, facts, comparisons)
    facts.sort(key=lambda placed: placed.offset)
    return facts, comparisons


def _place(unit: Unit, found: list[Fact], compared: list[Comparison], facts: list[Placed],
           comparisons: list[tuple[Comparison, Placed]]) -> None:
    placed = {}
    for fact in found:
        placed[id(fact)] = Placed(fact, unit.offset(fact.start), unit.offset(fact.end),
                                  (unit.offset(), fact.sentence), unit.section)
        facts.append(placed[id(fact)])
    comparisons.extend((c, placed[id(c.fact)]) for c in compared)


def _framed_units(doc: Document) -> Iterator[tuple[Unit, list[str]]]:
    """Prose units with the text that frames them: a list's lead-in ("Senior pay by
    city:"), the FAQ question an answer answers, the subsection heading."""
    lead_in: str | None = None
    question: str | None = None
    for unit in doc.units:
        if unit.kind is Kind.HEADING:
            lead_in = question = None
            continue
        if unit.kind is Kind.QUESTION:
            question, lead_in = unit.text, None
            continue
        if unit.kind in _SKIPPED or unit.section in _NOT_FIGURES:
            continue
        if unit.kind is Kind.PARAGRAPH:
            lead_in = None
        framing = [text for text in (lead_in, question, unit.subsection) if text]
        yield unit, framing
        if unit.text.rstrip().endswith(":"):
            lead_in = unit.text


def clash(first: Fact, second: Fact, tolerance: float, points: float,
          exact_tolerance: float = 0.0) -> bool:
    """Whether two values of one measure cannot both hold.

    Two single values clash when the larger exceeds the smaller by more than
    `tolerance` (a share of the smaller); `exact_tolerance` instead when both are a
    statistic (a median, an average) written exactly; a value and a range when the value
    lies outside the range by more than `tolerance`; two ranges when they share less
    than half of the narrower one and their midpoints differ by more than that.
    Percentages must also differ by at least `points` percentage points."""
    if first.exact and second.exact and first.scope_value("stat") and exact_tolerance:
        tolerance = min(tolerance, exact_tolerance)
    a_low, a_high, b_low, b_high = first.low, first.high, second.low, second.high
    if first.percent:
        gap = max(b_low - a_high, a_low - b_high, 0.0)
        if gap < points:
            return False
        if (a_high < 0 < b_low) or (b_high < 0 < a_low):
            return True
        if a_high < 0 and b_high < 0:
            a_low, a_high, b_low, b_high = -a_high, -a_low, -b_high, -b_low
    if min(a_low, b_low) <= 0:
        return False
    ratio = 1.0 + tolerance
    a_point, b_point = a_low == a_high, b_low == b_high
    if a_point and b_point:
        return max(a_low, b_low) > min(a_low, b_low) * ratio
    if a_point or b_point:
        value, low, high = (a_low, b_low, b_high) if a_point else (b_low, a_low, a_high)
        return value < low / ratio or value > high * ratio
    overlap = min(a_high, b_high) - max(a_low, b_low)
    if overlap >= min(a_high - a_low, b_high - b_low) / 2:
        return False
    a_mid, b_mid = (a_low + a_high) / 2, (b_low + b_high) / 2
    return max(a_mid, b_mid) > min(a_mid, b_mid) * ratio


@register
class ContradictoryFigures(Rule):
    """The same measure given two values in one report that cannot both hold.

    **What it does.** Reads the report's figures as facts: pay (by level, statistic,
    base or total, period, currency), counts of openings or postings, and growth rates,
    each with what narrows it (level, place, years, time frame, another job title, a
    sub-population such as "at startups", a named source). Two facts are compared only
    when all of that is the same, in different sentences; they clash when they cannot
    both hold: single values more than `tolerance` apart (default 0.25, a share of the
    smaller value), a value more than that outside a range, ranges that share less than
    half of the narrower one and whose midpoints are more than `tolerance` apart;
    percentages must also differ by `percent_points` (default 3). Two exact figures of
    a statistic ("a median of $93,600", neither rounded nor "about") clash when more
    than `exact_tolerance` apart (default 0.02): one of them is misquoted. A figure for
    a place said to be above (or below) the national figure that the report gives lower
    (or higher) is reported too. The finding stands at the later figure and names the
    line of the earlier one (also in the finding's data, `related`); a figure that
    agrees with any given before it is not reported again. Bounds ("up to $200k",
    "$120k+"), bonuses, raises and gaps, sentences that leave unclear which figure
    goes with which level, and sentences of more than 12 figures (a list or table run
    together) are not read. The words are data (`lint/language/data/figures.yaml`).
    Config: `rules: {E010: {tolerance: 0.4, percent_points: 5, exact_tolerance: 0.05}}`.

    **Why is this bad?** A reader cannot tell which figure to believe, and either one
    quoted alone misleads; it usually means one of them was copied from another report,
    level or year.

    **Example.** `- Senior analysts earn $150,000–$230,000.` in the summary and
    `- Senior: $125,000–$154,000 base.` under Compensation give `E010 senior pay is
    $125,000–$154,000 here but $150,000–$230,000 on line 14`. Use instead: one range,
    from one source, in both places (or say how they differ: base vs total, city vs
    national).
    """

    code = "E010"
    name = "contradictory-figures"
    category = Category.EVIDENCE
    severity = Severity.WARNING

    class Options(RuleOptions):
        tolerance: NonNegative = Field(0.25, description=(
            "how far apart two values may be, as a share of the smaller, before they "
            "clash"))
        percent_points: NonNegative = Field(3.0, description=(
            "two percentages must also differ by this many points to clash"))
        exact_tolerance: NonNegative = Field(0.02, description=(
            "for two exact figures of a statistic (neither rounded nor \"about\"): the "
            "share they may differ by before one of them is misquoted"))

    def check(self, doc: Document, context: Context) -> Iterator[Hit]:
        if doc.meta is None:
            return
        declared = self.Options()
        tolerance = context.number_option(self, "tolerance", declared.tolerance, least=0.0)
        points = context.number_option(self, "percent_points", declared.percent_points,
                                       least=0.0)
        exact = context.number_option(self, "exact_tolerance", declared.exact_tolerance,
                                      least=0.0)
        facts, comparisons = read_figures(doc, context)
        # The figures given before, per measure and scope, grouped by value: figures of
        # one value clash or agree alike, so a report repeating one figure a thousand
        # times is compared once per value, not once per pair.
        by_measure: dict[tuple[str, tuple[tuple[str, str], ...]],
                         dict[tuple[float, float, bool], list[tuple[int, Placed]]]] = {}
        for order, placed in enumerate(facts):
            fact = placed.fact
            values = by_measure.setdefault((fact.measure, fact.scope), {})
            others = 0
            clashing: list[tuple[int, Placed]] = []
            for members in values.values():
                first = next(((at, e) for at, e in members if e.sentence != placed.sentence),
                             None)
                if first is None:
                    continue
                others += 1
                if clash(first[1].fact, fact, tolerance, points, exact):
                    clashing.append(first)
            # A figure that agrees with one given before repeats a side already reported.
            if clashing and len(clashing) == others:
                other = min(clashing, key=lambda pair: pair[0])[1]
                yield self._hit(doc, placed, other,
                                f"{fact.described()} is {fact.written} here but "
                                f"{other.fact.written} on line {doc.position(other.offset)[0]}"
                                ": the two cannot both hold")
            value = (fact.low, fact.high, fact.exact)
            kept = values.get(value)
            if kept is None and len(values) < _MOST_VALUES:
                values[value] = kept = []
            # One sentence holds at most MOST_FIGURES figures, so this many of a value
            # always include one from another sentence than any figure's.
            if kept is not None and len(kept) <= MOST_FIGURES:
                kept.append((order, placed))
        yield from self._comparisons(doc, facts, comparisons, tolerance, points)

    def _comparisons(self, doc: Document, facts: list[Placed],
                     comparisons: list[tuple[Comparison, Placed]], tolerance: float,
                     points: float) -> Iterator[Hit]:
        for comparison, placed in comparisons:
            fact = comparison.fact
            wanted = dict(fact.scope)
            for kind in ("place", "named", "narrow"):
                wanted.pop(kind, None)
            if comparison.statistic:
                wanted["stat"] = comparison.statistic
            scope = tuple(sorted(wanted.items()))
            references = [p for p in facts if p.fact.measure == fact.measure
                          and p.fact.scope == scope and p.offset != placed.offset]
            if not references or any(clash(a.fact, b.fact, tolerance, points)
                                     for a in references for b in references):
                continue
            if comparison.direction > 0:
                wrong = all(fact.high <= r.fact.low for r in references)
            else:
                wrong = all(fact.low >= r.fact.high for r in references)
            if not wrong:
                continue
            reference = references[0]
            side = "above" if comparison.direction > 0 else "below"
            national = f"national {comparison.statistic}"
            if placed.offset > reference.offset:
                yield self._hit(doc, placed, reference,
                                f"{fact.described()} {fact.written} is said to be {side} the "
                                f"{national}, but the report gives {reference.fact.written} "
                                f"for it on line {doc.position(reference.offset)[0]}")
            else:
                yield self._hit(doc, reference, placed,
                                f"the {national} is {reference.fact.written} here, but line "
                                f"{doc.position(placed.offset)[0]} says {fact.described()} "
                                f"{fact.written} is {side} it")

    @staticmethod
    def _hit(doc: Document, placed: Placed, other: Placed, message: str) -> Hit:
        return Hit(message, offset=placed.offset, end_offset=placed.end_offset,
                   data=(("related", (doc.position(other.offset),)),
                         ("measure", placed.fact.measure)))
