"""D003 near-identical-sentences: pairs of sentences that differ only in a word or two."""

from __future__ import annotations

from collections.abc import Iterator

from pydantic import Field
from reportlint.document.model import Document
from reportlint.document.text import Sentence, normalize, words
from reportlint.document.units import Kind, Unit
from reportlint.findings import Category, Hit, Severity
from reportlint.language.data import load_data
from reportlint.language.repetition import (
    MIN_LABEL_WORDS,
    asks,
    body,
    differing_words,
    label_words,
    leads_in,
    near_pairs,
    own_names,
    preview,
    prose_sentences,
    restated_label,
    sentence_key,
    shared_words,
    split_compounds,
)
from reportlint.rules.duplication.options import (
    DuplicationOptions,
    RepeatedSentenceMinWords,
    setting,
)
from reportlint.rules.registry import (
    Context,
    PositiveInt,
    Rule,
    Share,
    register,
)


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
        threshold = setting(self, context, "near_ratio", least=0.01, most=1)
        min_words = setting(self, context, "near_min_words")
        min_shared = setting(self, context, "near_min_shared")
        exact_words = setting(self, context, "repeated_sentence_min_words")
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
