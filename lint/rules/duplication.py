"""Duplication rules: the same sentence twice, a phrase over-used, near-identical
sentences and bullets in one report, and passages shared across reports.

Thresholds live in `lint/language/data/duplication.yaml` (measured on the reports we wrote; see
each rule) and can be overridden per rule in config (`rules: {D002: {min_count: ...}}`).
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Callable, Iterator, Mapping, Sequence
from functools import cache
from typing import TYPE_CHECKING, Annotated, Any

from pydantic import Field
from reportlint.corpus.entry import CorpusEntry
from reportlint.document.model import Document
from reportlint.document.text import Sentence, label_end, normalize, words
from reportlint.document.units import Kind, Unit
from reportlint.findings import Category, Finding, Hit, Severity
from reportlint.language.data import load_data
from reportlint.language.repetition import (
    MIN_LABEL_WORDS,
    Tokens,
    asks,
    body,
    catalog_names,
    differing_words,
    label_words,
    leads_in,
    mask,
    near_pairs,
    own_names,
    preview,
    prose_sentences,
    repeated_phrases,
    repeated_sentences,
    restated_label,
    sentence_key,
    shared_words,
    split_compounds,
)
from reportlint.language.slots import SlotLimits, fills_slots, is_term, slot_units, template_slots
from reportlint.language.subjects import mask_names, phrase_as_written, subjects
from reportlint.rules.registry import (
    Context,
    Count,
    PositiveInt,
    Rule,
    RuleOptions,
    Share,
    number,
    register,
)

if TYPE_CHECKING:
    from reportlint.config import Config


def _setting(rule: Rule, context: Context, name: str, *, least: float = 1,
             most: float | None = None) -> Any:
    """A numeric rule option from config, else the value in duplication.yaml (the
    packaged one when a config gives one that is not a number in range)."""
    packaged = load_data("duplication")[name]
    given = context.option(rule, name, load_data("duplication", context.config).get(name))
    return number(given, packaged, least=least, most=most)

# D001's length floor, which D002 and D003 also read to leave D001's copies to it.
RepeatedSentenceMinWords = Annotated[PositiveInt | None, Field(description=(
    "a repeated sentence shorter than this many words (after its lead-in label) is not "
    "reported"))]


class DuplicationOptions(RuleOptions):
    """The duplication rules' options: unset, the value in duplication.yaml applies
    (D004's under its `shared` key)."""

    @classmethod
    def defaults(cls) -> dict[str, object]:
        data = load_data("duplication")
        data = {**data, **data.get("shared", {})}
        return {name: data.get(name) for name in cls.model_fields}


@register
class RepeatedSentence(Rule):
    """The same sentence appears more than once in a report.

    **What it does.** Compares every sentence of the report's prose (not headings,
    sources or links) after normalising case, quotes, punctuation and white space, and
    after dropping a short lead-in label ("Best proof: "). A sentence said more than once
    is reported once, at its second copy, naming the line of the first and of every
    other copy (all its lines are in the finding's data, `lines`). Sentences under 4
    words are left alone (`repeated_sentence_min_words`), and so are list items that do
    not close as a sentence under 6 words (`repeated_item_min_words`) and bold lines
    standing as headings: a topic named in an overview list ("Application Programming
    Interface (API)", "Step 1: Learn the basics.") and again in the list or the step
    that details it.

    **Why is this bad?** Templates paste the same line into the summary and into the
    section it summarises; readers notice, and search engines treat repeated text as
    thin content.

    **Example.** `- Best proof: a redacted mutual action plan from a real deal.` in the
    Executive Summary and `- A redacted mutual action plan from a real deal.` under
    "Portfolio & Proof Artifacts" give `D001 sentence repeats line 18: "A redacted
    mutual action plan from a real deal."`. Use instead: say it once where it belongs;
    let the summary point to it in other words.
    """

    code = "D001"
    name = "repeated-sentence"
    category = Category.DUPLICATION
    severity = Severity.WARNING

    class Options(DuplicationOptions):
        repeated_sentence_min_words: RepeatedSentenceMinWords = None
        repeated_item_min_words: PositiveInt | None = Field(None, description=(
            "a list item that does not end as a sentence, under this many words, is a topic's name"
            " and may repeat"))

    def check(self, doc: Document, context: Context) -> Iterator[Hit]:
        min_words = _setting(self, context, "repeated_sentence_min_words")
        item_words = _setting(self, context, "repeated_item_min_words")
        for copies in repeated_sentences(prose_sentences(doc), min_words, item_words):
            lines = tuple(doc.position(s.offset())[0] for s in copies)
            again = [str(line) for line in lines[2:]]
            also = f" and again on line{'s' if len(again) > 1 else ''} {', '.join(again)}" \
                if again else ""
            yield Hit(f'sentence repeats line {lines[0]}{also}: '
                      f'"{preview(body(copies[1].text))}"', offset=copies[1].offset(),
                      data=(("first_line", lines[0]), ("lines", lines)))


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
        term_words = _setting(self, context, "term_words")
        min_sections = _setting(self, context, "min_sections")
        label_slots = _setting(self, context, "term_label_slots")
        any_slots = _setting(self, context, "term_slots")
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
        for copies in repeated_sentences(sentences, _setting(
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


@register
class NearIdenticalSentences(Rule):
    """Two sentences or bullets of a report say the same thing with a few words changed.

    **What it does.** Compares the prose sentences of the report (after any lead-in
    label) by how many of their words align in order (difflib's ratio over words), and
    reports pairs at `near_ratio` (0.75) or above that are not exact copies (those are
    D001), with both lines and the words that differ. Word order counts, so two
    sentences sharing a vocabulary but saying different things score low, unlike a
    token-set ratio. Measured: the reports we wrote peak at 0.56; the example page's
    slot-refilled pairs score 0.83 to 0.93.

    Parallel sentences that say different things are left alone: the words the two
    share, function words aside, must be at least `near_min_shared` (6), so that what
    repeats is a statement and not a frame ("Basic understanding of UI/UX design
    principles." and "In-depth understanding of …" are two levels; "For structuring
    the content on a webpage." and "For styling …" are two tools). A lead-in to a list
    ("Some of the key features of Docker are:") frames what follows and is not judged,
    nor is a question against its answer. Each pair of distinct sentences is reported
    once, however many copies each has.

    It also reports a bullet whose label of three or more content words ("Remote pay
    banding:") another labelled bullet of the same list restates in full, its own label
    sharing a word ("Banding for remote staff: how pay follows …"): the same point made
    twice.

    **Why is this bad?** A template that refills a slot ("Before the {stage} round,
    write down two questions…") makes a list look longer while saying one thing.

    **Example.** `Before the system design round, write down two questions about scale
    and rehearse your answers.` and `Before the code review round, write down two
    questions about scale and rehearse your answers.` give `D003 near-identical to line
    40 …: "system design" there, "code review" here`. Use instead: one bullet that
    covers every round ("Before each round, …"). Left alone: a checklist whose items
    each start "Show that you can …" and go on to different work.
    """

    code = "D003"
    name = "near-identical-sentences"
    category = Category.DUPLICATION
    severity = Severity.WARNING

    class Options(DuplicationOptions):
        near_ratio: Share | None = Field(None, description=(
            "word-alignment ratio at or above which two sentences are near-identical"))
        near_min_words: PositiveInt | None = Field(None, description=(
            "each of the two sentences needs at least this many words"))
        near_min_shared: PositiveInt | None = Field(None, description=(
            "the content words two near-identical sentences must share"))
        repeated_sentence_min_words: RepeatedSentenceMinWords = None

    def check(self, doc: Document, context: Context) -> Iterator[Hit]:
        threshold = _setting(self, context, "near_ratio", least=0.01, most=1)
        min_words = _setting(self, context, "near_min_words")
        min_shared = _setting(self, context, "near_min_shared")
        exact_words = _setting(self, context, "repeated_sentence_min_words")
        stop = load_data("stop_phrases", context.config)
        function_words = frozenset(str(w) for w in stop.get("edge_words", []))
        # One sentence per distinct text: copies are D001's, and a pair of copies near
        # another pair is one finding, not four.
        sentences: list[Sentence] = []
        seen: set[str] = set()
        for sentence in prose_sentences(doc):
            key = sentence_key(sentence.text, exact_words)
            if key not in seen:
                seen.add(key)
                sentences.append(sentence)
        sequences = [[] if leads_in(s.text) else words(body(s.text)) for s in sentences]
        reported: set[tuple[int, int]] = set()
        for i, j, _ in near_pairs(sequences, threshold, min_words):
            first, second = sentences[i], sentences[j]
            if asks(first.text) != asks(second.text) or shared_words(
                    sequences[i], sequences[j], function_words) < min_shared:
                continue
            reported.add((first.unit.offset(), second.unit.offset()))
            yield self._hit(doc, first.text, second.text, first.offset(), second.offset())
        yield from self._restated_labels(doc, context, reported)

    def _restated_labels(self, doc: Document, context: Context,
                         reported: set[tuple[int, int]]) -> Iterator[Hit]:
        stop = load_data("stop_phrases", context.config)
        ignored = frozenset(str(w) for w in stop.get("edge_words", [])) | frozenset(
            part for name in own_names(doc) for part in split_compounds(words(name)))
        lists: dict[tuple[str | None, str | None], list[Unit]] = {}
        for unit in doc.units:
            if unit.kind is Kind.BULLET and unit.section not in ("sources", "related"):
                lists.setdefault((unit.section, unit.subsection), []).append(unit)
        for bullets in lists.values():
            labels = [label_words(b.text, ignored) for b in bullets]
            judged = [len(label) >= MIN_LABEL_WORDS for label in labels]
            if not any(judged):
                continue
            vocab = [frozenset(split_compounds(words(b.text))) for b in bullets]
            keys = [normalize(b.text) for b in bullets]
            offsets = [b.offset() for b in bullets]
            # Only bullets whose labels share a word can restate each other, and copies
            # of one bullet (D001's) never do: look pairs up by word among the distinct
            # bullets rather than trying every pair of a long list.
            first_of: dict[str, int] = {}
            copies: dict[int, list[int]] = {}
            for index, key in enumerate(keys):
                copies.setdefault(first_of.setdefault(key, index), []).append(index)
            by_word: dict[str, list[int]] = {}
            for index in copies:
                for word in labels[index]:
                    by_word.setdefault(word, []).append(index)
            restating = {(min(i, j), max(i, j)) for i in copies if judged[i]
                         for word in labels[i] for j in by_word[word] if j != i}
            restating = {(i, j) for i, j in restating
                         if restated_label(labels[i], labels[j], vocab[j])
                         or restated_label(labels[j], labels[i], vocab[i])}
            pairs = sorted({(min(a, b), max(a, b)) for i, j in restating
                            for a in copies[i] for b in copies[j]})
            for i, j in pairs:
                if (offsets[i], offsets[j]) not in reported:
                    yield self._hit(doc, bullets[i].text, bullets[j].text, offsets[i],
                                    offsets[j])

    @staticmethod
    def _hit(doc: Document, earlier: str, later: str, earlier_offset: int,
             later_offset: int) -> Hit:
        line = doc.position(earlier_offset)[0]
        there, here = differing_words(earlier, later)
        return Hit(f'near-identical to line {line} ("{preview(earlier, 50)}"): '
                   f'"{there}" there, "{here}" here', offset=later_offset,
                   data=(("other_line", line), ("there", there), ("here", here)))


@register
class SharedPassage(Rule):
    """A paragraph, bullet or sentence also appears, exactly or nearly, in other reports.

    **What it does.** When several reports are checked together, finds the passages each
    shares with the others: sentences of 8 words or more copied exactly, and paragraphs
    and bullets copied exactly or nearly (at least 60% of their hashed 5-word shingles
    found in one other report: containment, so a boilerplate paragraph inside a long
    report is found). Words are counted after a lead-in label ("Step 7: Build a
    portfolio and apply for jobs." is 7 words), and a lone lead-in to a list ("Here is
    a summary of the {role} job description:") frames what follows and is not compared.
    The report's own role, industry and region are read as slots, so
    a template paragraph refilled with another role still matches. Catalog headings,
    sources, links and the house boilerplate allow-list (`lint/language/data/boilerplate.yaml`)
    do not count. Each finding names the other reports (up to three) and their lines.

    A report gets at most `max_per_report` findings (10; `rules: {D004:
    {max_per_report: N}}`, 0 for no limit): the passages shared with the most other
    reports, ties going to the earlier line, and one more finding, on the line of its
    first shared passage, that counts the rest (`… and 94 more passages shared with
    other reports`). `reportlint duplicates` and the corpus page list every one.

    The check scales with the corpus, not with its square: each report keeps a few
    hundred sampled shingle hashes, and one inverted index finds the reports holding
    them. With the cache, a run after some files changed compares again only those
    files and the reports holding a hash whose place they changed. pre-commit passes
    only the changed files, so the `reportlint-corpus` hook runs it over the whole
    folder (`reportlint check --scope cross-report content`, `pass_filenames: false`).
    `reportlint duplicates DIR --top N` lists the most widely shared passages. Two files
    of one report (same role, industry, region and year: a draft and its final, the
    Markdown and YAML forms) are not compared with each other.

    **Why is this bad?** The same paragraph in thousands of pages is thin content to a
    search engine and a tell to a reader who opens two reports.

    **Example.** The same 60-word "How to read this report" paragraph in the Data
    Analyst and the Product Manager reports gives `D004 paragraph shared with 1 other
    report: tests/fixtures/duplication/product-manager-….md:31 (exact copy)` on each.
    Use instead: write the paragraph for each role, or add it to the boilerplate
    allow-list if it is deliberate house text.
    """

    code = "D004"
    name = "shared-passage"
    category = Category.DUPLICATION
    severity = Severity.WARNING
    corpus = True

    class Options(DuplicationOptions):
        shingle_words: PositiveInt | None = Field(None, description=(
            "words per shingle"))
        sample_modulus: PositiveInt | None = Field(None, description=(
            "keep the shingles whose hash is 0 modulo this"))
        min_sentence_words: PositiveInt | None = Field(None, description=(
            "a shorter sentence is not reported as shared"))
        min_passage_words: PositiveInt | None = Field(None, description=(
            "a shorter paragraph or bullet is compared only exactly"))
        containment: Share | None = Field(None, description=(
            "the share of a passage's shingles another report must hold"))
        max_names: PositiveInt | None = Field(None, description=(
            "other reports named in a finding"))
        max_per_report: Count | None = Field(None, description=(
            "findings per report, the most widely shared first (0: no limit)"))

    def summarize(self, doc: Document, context: Context) -> object:
        from reportlint.corpus.passages import summarize_passages

        return summarize_passages(doc, shared_passage_settings(context.config), context.config)

    def check_corpus(self, entries: Sequence[CorpusEntry],
                     context: Context) -> Iterator[tuple[str, Hit]]:
        from reportlint.corpus.shared import shared_passage_hits

        yield from shared_passage_hits(entries, shared_passage_settings(context.config))

    def recheck_corpus(self, entries: Sequence[CorpusEntry], before: Mapping[str, object],
                       found: Mapping[str, Sequence[Finding]],
                       context: Context) -> tuple[set[str], list[tuple[str, Hit]]]:
        from reportlint.corpus.shared import (
            affected_reports,
            named_reports,
            shared_passage_hits,
        )

        reports = affected_reports(entries, before, named_reports(found))
        options = shared_passage_settings(context.config)
        return reports, list(shared_passage_hits(entries, options, only=reports))


def shared_passage_settings(config: Config | None) -> dict[str, Any]:
    """D004's options: the packaged `shared` values of duplication.yaml, overridden by the
    config's. A value that is not a number in its range counts as unset (see
    `number`)."""
    from reportlint.language.data import load_data

    packaged = dict(load_data("duplication")["shared"])
    merged = load_data("duplication", config).get("shared") if config is not None else None
    given = {**(merged if isinstance(merged, dict) else {}),
             **((config.rules.get("D004") or {}) if config is not None else {})}
    return {key: number(given.get(key), default, least=_LEAST.get(key, 1),
                        most=1 if key == "containment" else None)
            for key, default in packaged.items()}


_LEAST = {"containment": 0.01, "max_per_report": 0}  # the others count: at least one
