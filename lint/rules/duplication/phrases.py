"""D002 overused-phrase: a phrase repeated so often the report reads as filled from a
template."""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Callable, Iterator, Mapping, Sequence
from functools import cache

from pydantic import Field
from reportlint.document.model import Document
from reportlint.document.text import label_end, normalize, words
from reportlint.document.units import Kind, Unit
from reportlint.findings import Category, Hit, Severity
from reportlint.language.data import load_data
from reportlint.language.repetition import (
    Tokens,
    catalog_names,
    mask,
    own_names,
    prose_sentences,
    repeated_phrases,
    repeated_sentences,
)
from reportlint.language.slots import SlotLimits, fills_slots, is_term, slot_units, template_slots
from reportlint.language.subjects import mask_names, phrase_as_written, subjects
from reportlint.rules.duplication.options import (
    DuplicationOptions,
    RepeatedSentenceMinWords,
    setting,
)
from reportlint.rules.registry import (
    Context,
    PositiveInt,
    Rule,
    register,
)


def _thresholds(raw: object) -> Callable[[int], int]:
    """min_count as a function of phrase length: the largest key not above it applies
    (the packaged table when a config's is not lengths mapped to counts)."""
    table = _count_table(raw) or _count_table(load_data("duplication")["min_count"])

    def threshold(size: int) -> int:
        value = table[0][1]
        for length, count in table:
            if length <= size:
                value = count
        return value

    return threshold


def _count_table(raw: object) -> list[tuple[int, int]]:
    if not isinstance(raw, Mapping):
        return []
    try:
        table = sorted((int(k), int(v)) for k, v in raw.items())
    except (TypeError, ValueError):
        return []
    return table if all(length > 0 and count > 0 for length, count in table) else []


def _occurrences(phrase: Sequence[str], sequences: Sequence[Tokens]) -> list[tuple[int, int]]:
    """(sequence, word) of every occurrence of `phrase` in `sequences`."""
    size, first = len(phrase), phrase[0]
    wanted = list(phrase)
    return [(index, start) for index, tokens in enumerate(sequences)
            for start in range(len(tokens) - size + 1)
            if tokens[start] == first and tokens[start:start + size] == wanted]


@register
class OverusedPhrase(Rule):
    """A phrase is repeated so often that the report reads as filled from a template.

    **What it does.** Counts every phrase of two or more words (never starting or ending
    with a stop word such as "of" or "the") and reports the longest ones that reach the
    threshold, once each, with the count and every line they stand on (data: `phrase`,
    `count`, `lines`). A phrase that opens most of its sentences is a list's frame
    ("The candidate should be able to explain …" under each interview question; "Show
    that you can …"), not a filler, and is left alone; `min_sections` (default 1) asks
    for a spread over that many sections.

    What the report is about is left alone however often it is named: its own role
    (singular or plural, however hyphenated), aliases, industry, region and track; any
    job title ("registered nurses"); lists of named things ("HTML, CSS, and JavaScript",
    "Python, pandas and scikit-learn"); terms it defines with an acronym ("mean time to
    recovery (MTTR)"); the catalog headings and the stop phrases and terms
    (`lint/language/data/stop_phrases.yaml`: "total cost of ownership"); and a
    phrase of two or three words that is one of the report's own headings or table
    cells. A phrase of up to `term_words` (3) content words in at most two words more,
    or of four content words and no function word, is usually a term of the trade
    ("patient safety", "data management", "frontend and backend", "jobs to be done",
    "electronic health record systems"), so it counts only when
    the report also pours it alone into template slots (after a label or in parentheses
    in at least `term_label_slots` (2) units, in some slot in `term_slots` (3): the
    H002 pattern, "Reality check: long cycles."). A phrase that reaches the threshold
    only through copies of a sentence D001 reports is left to D001: one cause, one
    finding.

    The default thresholds (`min_count` in `lint/language/data/duplication.yaml`) come from the
    distribution measured over the reports we wrote (content/ and tests/fixtures/clean/):
    there no phrase of four or more words occurs more than twice, of two or three words
    more than 6 times; so a phrase of 4+ words is over-used at 4 occurrences, of 3
    words at 9, of 2 words at 10. The imported example page has a seven-word phrase
    12 times and a two-word one 12 times.

    **Why is this bad?** A slot filled with the same phrase a dozen times tells the reader
    the page was generated, and says nothing new after the first use.

    **Example.** "reconciling ledger breaks after settlement" in eight bullets across
    four sections gives `D002 "reconciling ledger breaks after settlement" is used 8
    times (lines 31, 36, …)`. Use instead: name the workflow once, then refer to its
    parts ("the morning break report", "the suspense account") where each matters.
    Left alone: "patient safety" in twelve sentences of a Registered Nurse report.
    """

    code = "D002"
    name = "overused-phrase"
    category = Category.DUPLICATION
    severity = Severity.WARNING

    class Options(DuplicationOptions):
        min_count: dict[str, PositiveInt] | None = Field(None, description=(
            "a phrase of N words is over-used at min_count[N] uses (the largest key not above N "
            "applies)"))
        term_words: PositiveInt | None = Field(None, description=(
            "a phrase of at most this many content words is a term of the trade: it counts only "
            "when also poured into template slots"))
        min_sections: PositiveInt | None = Field(None, description=(
            "the sections an over-used phrase must stand in"))
        term_label_slots: PositiveInt | None = Field(None, description=(
            "units in which a term must stand alone after a label or in parentheses to count"))
        term_slots: PositiveInt | None = Field(None, description=(
            "units in which a term must fill some slot (frames included) to count"))
        repeated_sentence_min_words: RepeatedSentenceMinWords = None

    def check(self, doc: Document, context: Context) -> Iterator[Hit]:
        stop = load_data("stop_phrases", context.config)
        about = subjects(doc, context.config)
        threshold = _thresholds(context.option(self, "min_count", load_data(
            "duplication", context.config).get("min_count")))
        term_words = setting(self, context, "term_words")
        min_sections = setting(self, context, "min_sections")
        label_slots = setting(self, context, "term_label_slots")
        any_slots = setting(self, context, "term_slots")
        masked = [words(name) for name in (*own_names(doc),
                                           *(str(p) for p in stop.get("phrases", [])))]
        masked += [list(term) for term in about.terms]
        masked.sort(key=len, reverse=True)
        sentences = prose_sentences(doc, (Kind.PARAGRAPH, Kind.BULLET, Kind.QUESTION,
                                          Kind.CELL))
        sequences = [mask_names(mask(list(words(s.text)), masked), about.own)
                     for s in sentences]
        found = repeated_phrases(sequences, threshold, about.edge_words)
        if not found:
            return
        # Copies of a repeated sentence are D001's: a phrase counts them only when it
        # is over-used without them.
        unique = list(sequences)
        index_of = {id(s): i for i, s in enumerate(sentences)}
        for copies in repeated_sentences(sentences, setting(
                self, context, "repeated_sentence_min_words"), 0):
            for later in copies[1:]:
                unique[index_of[id(later)]] = []
        if unique != sequences:
            found = repeated_phrases(unique, threshold, about.edge_words)
        terms = [f" {normalize(u.text)} " for u in doc.units
                 if u.kind in (Kind.HEADING, Kind.CELL)]
        headings = [f" {normalize(name)} " for name in catalog_names(doc)]
        placed: dict[str, tuple[int, int]] | None = None
        line_words = cache(lambda i: _line_words(sentences[i].text))
        for phrase in found:
            text = f" {phrase.text} "
            size = len(phrase.words)
            index, start = phrase.occurrences[0]
            if any(text in h for h in headings) or (
                    size < 4 and any(text in t for t in terms)) or about.named(
                    phrase.words, phrase_as_written(sentences[index].text, start, size)):
                continue
            if is_term(phrase.words, term_words, about.edge_words):
                if placed is None:
                    placed = slot_units(template_slots(doc, SlotLimits()))
                if not fills_slots(phrase.text, placed, label_slots, any_slots):
                    continue
            spots = _occurrences(phrase.words, sequences)
            if len({_section(sentences[i].unit) for i, _ in spots}) < min_sections or (
                    2 * sum(_opens(line_words(i), sequences[i], at, about.edge_words)
                            for i, at in spots) >= len(spots)):
                continue
            offsets = [sentences[i].offset() for i, _ in spots]
            lines = tuple(dict.fromkeys(doc.position(o)[0] for o in offsets))
            count = len(spots)
            shown = ", ".join(str(line) for line in lines)
            yield Hit(f'"{phrase.text}" is used {count} times (lines {shown})',
                      offset=offsets[0],
                      data=(("phrase", phrase.text), ("count", count), ("lines", lines)))


def _section(unit: Unit) -> str | None:
    return unit.section or unit.section_heading


def _opens(lines: tuple[list[int], list[int]], tokens: Tokens, start: int,
           function_words: frozenset[str]) -> bool:
    """Whether the phrase at word `start` opens its line, after any label and function
    words ("Here, the candidate should be able to explain …"): a list's frame. `lines`
    is `_line_words` of the sentence."""
    ends, firsts = lines
    at = bisect_right(ends, start)  # the first line that ends after word `start`
    first = firsts[at] if at < len(ends) else (ends[-1] if ends else 0)
    return all(tokens[k] is None or tokens[k] in function_words for k in range(first, start))


def _line_words(text: str) -> tuple[list[int], list[int]]:
    """Per line of a sentence: the index of the word after its last, and of its first
    word after any lead-in label (found once per sentence, not once per phrase)."""
    ends: list[int] = []
    firsts: list[int] = []
    first = 0
    for line in text.split("\n"):
        firsts.append(first + len(words(line[:label_end(line)])))
        first += len(words(line))
        ends.append(first)
    return ends, firsts
