"""Duplication rules: the same sentence twice, a phrase over-used, near-identical
sentences and bullets in one report, and passages shared across reports.

Thresholds live in `lint/data/duplication.yaml` (measured on the reports we wrote; see
each rule) and can be overridden per rule in config (`rules: {D002: {min_count: ...}}`).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping, Sequence
from typing import Any

from reportlint.data import load_data
from reportlint.document import Document, Kind, Unit
from reportlint.findings import Category, Hit, Severity
from reportlint.registry import Context, CorpusEntry, Rule, number, register
from reportlint.repetition import (
    MIN_LABEL_WORDS,
    body,
    catalog_names,
    differing_words,
    label_words,
    mask,
    near_pairs,
    own_names,
    preview,
    prose_sentences,
    repeated_phrases,
    restated_label,
    sentence_key,
    split_compounds,
)
from reportlint.text import normalize, words


def _setting(rule: Rule, context: Context, name: str, *, least: float = 1,
             most: float | None = None) -> Any:
    """A numeric rule option from config, else the value in duplication.yaml (the
    packaged one when a config gives one that is not a number in range)."""
    packaged = load_data("duplication")[name]
    given = context.option(rule, name, load_data("duplication", context.config).get(name))
    return number(given, packaged, least=least, most=most)


@register
class RepeatedSentence(Rule):
    """The same sentence appears more than once in a report.

    **What it does.** Compares every sentence of the report's prose (not headings,
    sources or links) after normalising case, quotes, punctuation and white space, and
    after dropping a short lead-in label ("Best proof: "). Each later copy is
    reported with the line of the first. Sentences under 4 words are left alone
    (`repeated_sentence_min_words`).

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

    def check(self, doc: Document, context: Context) -> Iterator[Hit]:
        min_words = _setting(self, context, "repeated_sentence_min_words")
        first_seen: dict[str, int] = {}
        for sentence in prose_sentences(doc):
            key = sentence_key(sentence.text, min_words)
            if len(key.split()) < min_words:
                continue
            offset = sentence.offset()
            if key not in first_seen:
                first_seen[key] = offset
                continue
            line = doc.position(first_seen[key])[0]
            yield Hit(f'sentence repeats line {line}: "{preview(body(sentence.text))}"',
                      offset=offset, data=(("first_line", line),))


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


@register
class OverusedPhrase(Rule):
    """A phrase is repeated so often that the report reads as filled from a template.

    **What it does.** Counts every phrase of two or more words (never starting or ending
    with a stop word such as "of" or "the") and reports the longest ones that reach the
    threshold, once each, with the count and every line they stand on. The report's own
    role, aliases, industry, region and track, the catalog headings and the stop phrases
    (`lint/data/stop_phrases.yaml`) do not count; nor does a phrase of two or three words
    that is one of the report's own headings or table cells (a term it defines, like
    "business case" in an Account Executive's proof map).

    The default thresholds (`min_count` in `lint/data/duplication.yaml`) come from the
    distribution measured over the reports we wrote (content/ and tests/fixtures/clean/):
    there no phrase of four or more words occurs more than twice, of two or three words
    more than 6 times; so a phrase of 4+ words is over-used at 4 occurrences, of 3
    words at 9, of 2 words at 10. The imported example page has a seven-word phrase
    12 times and a two-word one 12 times.

    **Why is this bad?** A slot filled with the same phrase a dozen times tells the reader
    the page was generated, and says nothing new after the first use.

    **Example.** "reconciling ledger breaks after settlement" in eight bullets gives
    `D002 "reconciling ledger breaks after settlement" is used 8 times (lines 31, 36,
    …)`. Use instead: name the workflow once, then refer to its parts ("the morning
    break report", "the suspense account") where each matters.
    """

    code = "D002"
    name = "overused-phrase"
    category = Category.DUPLICATION
    severity = Severity.WARNING

    def check(self, doc: Document, context: Context) -> Iterator[Hit]:
        stop = load_data("stop_phrases", context.config)
        edge_words = frozenset(str(w) for w in stop.get("edge_words", []))
        threshold = _thresholds(context.option(self, "min_count", load_data(
            "duplication", context.config).get("min_count")))
        masked = [words(name) for name in (*own_names(doc),
                                           *(str(p) for p in stop.get("phrases", [])))]
        masked.sort(key=len, reverse=True)
        sentences = prose_sentences(doc, (Kind.PARAGRAPH, Kind.BULLET, Kind.QUESTION,
                                          Kind.CELL))
        sequences = [mask(list(words(s.text)), masked) for s in sentences]
        terms = [f" {normalize(u.text)} " for u in doc.units
                 if u.kind in (Kind.HEADING, Kind.CELL)]
        headings = [f" {normalize(name)} " for name in catalog_names(doc)]
        for phrase in repeated_phrases(sequences, threshold, edge_words):
            text = f" {phrase.text} "
            if any(text in h for h in headings) or (
                    len(phrase.words) < 4 and any(text in t for t in terms)):
                continue
            offsets = [sentences[index].offset() for index, _ in phrase.occurrences]
            lines = tuple(dict.fromkeys(doc.position(o)[0] for o in offsets))
            count = len(phrase.occurrences)
            shown = ", ".join(str(line) for line in lines)
            yield Hit(f'"{phrase.text}" is used {count} times (lines {shown})',
                      offset=offsets[0],
                      data=(("phrase", phrase.text), ("count", count), ("lines", lines)))


@register
class NearIdenticalSentences(Rule):
    """Two sentences or bullets of a report say the same thing with a few words changed.

    **What it does.** Compares the prose sentences of the report (after any lead-in
    label) by how many of their words align in order (difflib's ratio over words), and
    reports pairs at `near_ratio` (0.75) or above that are not exact copies (those are
    D001), with both lines and the words that differ. Word order counts, so two
    sentences sharing a vocabulary but saying different things score low, unlike a
    token-set ratio. Measured: the reports we wrote peak at 0.56; the example page's
    slot-refilled pairs score 0.83 to 0.93. It also reports a bullet whose label of three
    or more content words ("Remote pay banding:") another labelled bullet of the same
    list restates in full, its own label sharing a word ("Banding for remote staff: how
    pay follows …"): the same point made twice.

    **Why is this bad?** A template that refills a slot ("Before the {stage} round,
    write down two questions…") makes a list look longer while saying one thing.

    **Example.** `Before the system design round, write down two questions about scale
    and rehearse your answers.` and `Before the code review round, write down two
    questions about scale and rehearse your answers.` give `D003 near-identical to line
    40 …: "system design" there, "code review" here`. Use instead: one bullet that
    covers every round ("Before each round, …").
    """

    code = "D003"
    name = "near-identical-sentences"
    category = Category.DUPLICATION
    severity = Severity.WARNING

    def check(self, doc: Document, context: Context) -> Iterator[Hit]:
        threshold = _setting(self, context, "near_ratio", least=0.01, most=1)
        min_words = _setting(self, context, "near_min_words")
        exact_words = _setting(self, context, "repeated_sentence_min_words")
        sentences = prose_sentences(doc)
        keys = [sentence_key(s.text, exact_words) for s in sentences]
        sequences = [words(body(s.text)) for s in sentences]
        reported: set[tuple[int, int]] = set()
        for i, j, _ in near_pairs(sequences, threshold, min_words):
            if keys[i] != keys[j]:
                reported.add((sentences[i].unit.offset(), sentences[j].unit.offset()))
                yield self._hit(doc, sentences[i].text, sentences[j].text,
                                sentences[i].offset(), sentences[j].offset())
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
            for i, first in enumerate(bullets):
                for j in range(i + 1, len(bullets)):
                    if not (judged[i] or judged[j]) or (offsets[i], offsets[j]) in reported:
                        continue
                    if keys[i] != keys[j] and (
                            restated_label(labels[i], labels[j], vocab[j])
                            or restated_label(labels[j], labels[i], vocab[i])):
                        yield self._hit(doc, first.text, bullets[j].text, first.offset(),
                                        bullets[j].offset())

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
    report is found). The report's own role, industry and region are read as slots, so
    a template paragraph refilled with another role still matches. Catalog headings,
    sources, links and the house boilerplate allow-list (`lint/data/boilerplate.yaml`)
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

    def summarize(self, doc: Document, context: Context) -> object:
        from reportlint.passages import summarize_passages

        return summarize_passages(doc, context.config)

    def check_corpus(self, entries: Sequence[CorpusEntry],
                     context: Context) -> Iterator[tuple[str, Hit]]:
        from reportlint.shared_findings import shared_passage_hits

        yield from shared_passage_hits(entries, context.config)

    def recheck_corpus(self, entries: Sequence[CorpusEntry], before: Mapping[str, object],
                       context: Context) -> tuple[set[str], list[tuple[str, Hit]]]:
        from reportlint.shared_findings import (
            affected_reports,
            named_reports,
            shared_passage_hits,
        )

        previous = context.previous.state.findings.get(self.code) if context.previous else None
        named = named_reports(previous) if previous is not None else None
        reports = affected_reports(entries, before, named)
        return reports, list(shared_passage_hits(entries, context.config, only=reports))
