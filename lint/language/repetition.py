"""Repetition inside one report: the words the duplication rules compare, repeated
phrases, and near-identical sentence pairs.

The rules in `reportlint.rules.duplication` turn these into findings; the functions here
only measure. Words come from `reportlint.document.text` so "a word" means one thing everywhere.
"""

from __future__ import annotations

import bisect
import difflib
import math
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from itertools import chain
from typing import TYPE_CHECKING

from reportlint.document.text import label_end, normalize, strip_inline, words
from reportlint.document.units import Kind

if TYPE_CHECKING:
    from reportlint.document.model import Document
    from reportlint.document.text import Sentence

# Sections whose text is not prose: source definitions and links to other reports.
NOT_PROSE = frozenset({"sources", "related"})

Tokens = list[str | None]  # None stands for a word that must not be part of a phrase


def prose_sentences(doc: Document, kinds: Iterable[Kind] = (Kind.PARAGRAPH, Kind.BULLET,
                                                            Kind.QUESTION)) -> list[Sentence]:
    """The report's prose sentences: no headings, footnotes or links to other reports."""
    wanted = frozenset(kinds)
    return [s for s in doc.sentences
            if s.unit.kind in wanted and s.unit.section not in NOT_PROSE]


def own_names(doc: Document) -> list[str]:
    """The names the report is about (role, aliases, industry, region, track)."""
    meta = doc.meta
    if meta is None:
        return []
    names = [meta.role, *(meta.role_aliases or []), meta.industry, meta.region]
    track = getattr(meta, "track", None)
    if track:
        names.append(track)
    return [name for name in names if name]


def catalog_names(doc: Document) -> list[str]:
    """Every catalog heading and subheading, as the report's front matter renders them."""
    from reportlint.schema import CATALOG

    meta = doc.meta
    names: list[str] = []
    for spec in CATALOG:
        names.append(spec.name)
        if meta is not None:
            names.append(spec.render_heading(year=meta.year, industry=meta.industry,
                                             region=meta.region))
        names.extend(spec.subsections)
    return names


def mask(tokens: Tokens, phrases: Iterable[Sequence[str]]) -> Tokens:
    """`tokens` with every occurrence of each phrase (a word sequence) set to None."""
    masked = list(tokens)
    present = set(masked)
    for phrase in phrases:
        size = len(phrase)
        if not size or phrase[0] not in present:  # most phrases miss most sentences
            continue
        first, wanted = phrase[0], list(phrase)
        for start in range(len(masked) - size + 1):
            if masked[start] == first and masked[start:start + size] == wanted:
                masked[start:start + size] = [None] * size
    return masked


@dataclass(frozen=True, slots=True)
class RepeatedPhrase:
    words: tuple[str, ...]
    occurrences: tuple[tuple[int, int], ...]  # (sequence index, word index), in order

    @property
    def text(self) -> str:
        return " ".join(self.words)


def repeated_phrases(sequences: Sequence[Tokens], min_count: Callable[[int], int],
                     edge_words: frozenset[str], min_words: int = 2,
                     max_words: int = 40) -> list[RepeatedPhrase]:
    """Phrases of at least `min_words` words occurring at least `min_count(length)` times,
    longest first, each reported once: a phrase inside an already reported one counts
    only if enough of its occurrences stand outside it.

    Phrases never cross a sequence boundary or a None, and never start or end with an
    edge word. Found level by level (a phrase of n+1 words is frequent only if its
    first n words are), so the work stays linear in the text for real reports.
    """
    floor = min(min_count(n) for n in range(min_words, max_words + 1))
    # A phrase grows to the right from its first word, which is never an edge word
    # (the commonest words start nothing worth following) and is as frequent as it.
    counts = Counter(chain.from_iterable(sequences))
    starting = {word for word, count in counts.items()
                if count >= floor and word is not None and word not in edge_words}
    level: dict[tuple[str, ...], list[tuple[int, int]]] = defaultdict(list)
    for index, tokens in enumerate(sequences):
        for start, token in enumerate(tokens):
            if token in starting:
                level[(token,)].append((index, start))
    found: list[RepeatedPhrase] = []
    size = 1
    while level and size <= max_words:
        frequent = {gram: spots for gram, spots in level.items() if len(spots) >= floor}
        for gram, spots in frequent.items():
            if (size >= min_words and len(spots) >= min_count(size)
                    and gram[0] not in edge_words and gram[-1] not in edge_words):
                found.append(RepeatedPhrase(gram, tuple(spots)))
        grown: dict[tuple[str, ...], list[tuple[int, int]]] = defaultdict(list)
        for gram, spots in frequent.items():
            for spot in spots:
                index, start = spot
                tokens = sequences[index]
                following = start + size
                word = tokens[following] if following < len(tokens) else None
                if word is not None:
                    # The same spot object at every length: a text of one repeated word
                    # holds a phrase of each length at each place, and a new pair per
                    # length cost hundreds of MB per MB of text.
                    grown[(*gram, word)].append(spot)
        level = grown
        size += 1
    return _longest_first(found, min_count)


def _longest_first(found: list[RepeatedPhrase],
                   min_count: Callable[[int], int]) -> list[RepeatedPhrase]:
    # Which words a kept phrase covers, one byte per word of each sequence: looking a
    # span up is a scan in C, so a text that repeats one word thousands of times (every
    # length of phrase found at every place) stays fast.
    covered: dict[int, bytearray] = {}
    kept: list[RepeatedPhrase] = []
    for phrase in sorted(found, key=lambda p: (-len(p.words), -len(p.occurrences), p.words)):
        size = len(phrase.words)
        outside = [(index, start) for index, start in phrase.occurrences
                   if len(covered.get(index, b"")) < start + size
                   or covered[index].find(0, start, start + size) >= 0]
        if len(outside) >= min_count(size):
            kept.append(phrase)
            for index, start in phrase.occurrences:
                marks = covered.setdefault(index, bytearray())
                if len(marks) < start + size:
                    marks.extend(bytes(start + size - len(marks)))
                marks[start:start + size] = b"\x01" * size
    return kept


# Near-identical sentences ------------------------------------------------------------

def body(text: str) -> str:
    """A sentence without its lead-in label ("Best proof: ")."""
    return text[label_end(text):]


def sentence_key(text: str, min_words: int) -> str:
    """The comparison form of a sentence for "the same sentence": normalised, its
    lead-in label dropped when what is left still has `min_words` words."""
    rest = normalize(body(text))
    if len(rest.split()) >= min_words:
        return rest
    return normalize(text)


def closes_sentence(text: str) -> bool:
    """Whether the text ends as a sentence does (".", "!" or "?", quotes and markup
    aside); a list item such as "Application Programming Interface (API)" does not."""
    return strip_inline(text).rstrip(" \t\n*_\"')]”’").endswith((".", "!", "?"))


def stands_as_heading(text: str) -> bool:
    """Whether a sentence is a bold line standing as a heading ("**Step 1: Learn the
    basics.**" above the step's text), which may name an item of an overview list."""
    text = text.strip()
    return len(text) > 4 and text[:2] in ("**", "__") and text.endswith(text[:2]) \
        and text[:2] not in text[2:-2]


def leads_in(text: str) -> bool:
    """Whether a sentence introduces a list ("Some of the key features of Docker are:")."""
    return strip_inline(text).rstrip(" *_").endswith(":")


def asks(text: str) -> bool:
    """Whether a sentence is a question."""
    return strip_inline(text).rstrip(" *_\"')”’").endswith("?")


def repeated_sentences(sentences: Sequence[Sentence], min_words: int,
                       item_words: int) -> list[list[Sentence]]:
    """Each sentence said more than once (compared by `sentence_key`), all its copies in
    order, the groups in the order of their second copy. Sentences under `min_words`
    words, list items that do not close as a sentence under `item_words` words (a
    topic named in an overview list and again in its detailed list) and bold lines
    standing as headings (the steps of an overview list, each above its own text) do
    not count."""
    copies: dict[str, list[Sentence]] = {}
    for sentence in sentences:
        key = sentence_key(sentence.text, min_words)
        size = len(key.split())
        if size < min_words or stands_as_heading(sentence.text) or (
                size < item_words and not closes_sentence(sentence.text)):
            continue
        copies.setdefault(key, []).append(sentence)
    groups = [group for group in copies.values() if len(group) > 1]
    return sorted(groups, key=lambda group: group[1].offset())


def split_compounds(tokens: Iterable[str]) -> list[str]:
    """Words with slashed compounds split: "risk/compliance" -> "risk", "compliance"."""
    return [part for token in tokens for part in token.split("/") if part]


def alignment_ratio(first: Sequence[str], second: Sequence[str]) -> float:
    """Share of the two word sequences that align in order (difflib's ratio over words).

    Unlike a token-set ratio, word order and every word count: two sentences that
    share their vocabulary but say different things in a different order score low.
    """
    return difflib.SequenceMatcher(None, first, second, autojunk=False).ratio()


def near_pairs(sequences: Sequence[Sequence[str]], threshold: float,
               min_words: int) -> Iterator[tuple[int, int, float]]:
    """(i, j, ratio) for i < j whose word sequences align at `threshold` or more and are
    not equal. Pairs too different in length to reach it are never compared, and a
    cheap bound on shared distinct words skips most of the rest."""
    sets = [frozenset(seq) for seq in sequences]
    lengths = [len(seq) for seq in sequences]
    eligible = sorted((i for i, size in enumerate(lengths) if size >= min_words),
                      key=lengths.__getitem__)
    stretch = (2 - threshold) / threshold  # the longest partner a length can have
    share = (threshold - 0.2) / 2  # the least share of words in common worth aligning
    holding = _holding(sets, eligible)
    for position, i in enumerate(eligible):
        first, first_set, first_length = sequences[i], sets[i], lengths[i]
        longest = first_length * stretch
        for later in _partners(first_set, share * 2 * first_length, holding, position):
            j = eligible[later]
            if lengths[j] > longest:
                break
            if len(first_set & sets[j]) < share * (first_length + lengths[j]):
                continue
            second = sequences[j]
            if first == second:
                continue
            ratio = alignment_ratio(first, second)
            if ratio >= threshold:
                yield (i, j, ratio) if i < j else (j, i, ratio)


def shared_words(first: Sequence[str], second: Sequence[str],
                 ignored: frozenset[str]) -> int:
    """How many words of two sentences align in order, words in `ignored` (function
    words) not counted: what the two say in common, beyond their frame."""
    matcher = difflib.SequenceMatcher(None, first, second, autojunk=False)
    return sum(1 for block in matcher.get_matching_blocks()
               for word in first[block.a:block.a + block.size] if word not in ignored)


def _holding(sets: Sequence[frozenset[str]], eligible: Sequence[int]) -> dict[str, list[int]]:
    """Each word -> the positions in `eligible` of the sentences holding it, in order."""
    holding: dict[str, list[int]] = {}
    for position, i in enumerate(eligible):
        for word in sets[i]:
            holding.setdefault(word, []).append(position)
    return holding


def _partners(words: frozenset[str], least: float, holding: dict[str, list[int]],
              position: int) -> list[int]:
    """The later positions that can share at least `least` of `words`, in order. A set
    sharing that many holds one of the len(words) - least + 1 rarest of them (prefix
    filtering, as in set-similarity joins), so only their sentences are candidates."""
    rarest = sorted(words, key=lambda word: (len(holding[word]), word))
    needed = max(1, math.ceil(least))
    found: set[int] = set()
    for word in rarest[:max(len(rarest) - needed + 1, 0)]:
        posting = holding[word]
        found.update(posting[bisect.bisect_right(posting, position):])
    return sorted(found)


def label_words(text: str, ignored: frozenset[str]) -> frozenset[str]:
    """The content words of a bullet's lead-in label ("Remote pay banding: …"), if any."""
    end = label_end(text)
    if not end:
        return frozenset()
    return frozenset(w for w in split_compounds(words(text[:end])) if w not in ignored)


MIN_LABEL_WORDS = 3  # content words a label needs before its restatement is judged


def restated_label(label: frozenset[str], other_label: frozenset[str],
                   other_words: frozenset[str], min_words: int = MIN_LABEL_WORDS) -> bool:
    """Whether a bullet's label of at least `min_words` content words ("Remote pay
    banding: …") is restated in full by another labelled bullet whose own label names the
    same thing ("Banding for remote staff: how pay follows …"): one point made twice.
    Two-word labels ("Early weeks", "Data engineering") are too common to judge."""
    return len(label) >= min_words and bool(label & other_label) and label <= other_words


def differing_words(first: str, second: str, limit: int = 80) -> tuple[str, str]:
    """The words where two sentences differ, each side's stretches joined by " … "."""
    a, b = strip_inline(first).split(), strip_inline(second).split()
    key_a, key_b = [normalize(w) for w in a], [normalize(w) for w in b]
    matcher = difflib.SequenceMatcher(None, key_a, key_b, autojunk=False)
    only_a: list[str] = []
    only_b: list[str] = []
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag != "equal":
            only_a.append(" ".join(a[i1:i2]).strip(",.;:"))
            only_b.append(" ".join(b[j1:j2]).strip(",.;:"))
    return (_shorten(" … ".join(x for x in only_a if x), limit),
            _shorten(" … ".join(x for x in only_b if x), limit))


def _shorten(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[:limit - 1].rstrip() + "…"


def preview(text: str, limit: int = 60) -> str:
    """The start of a sentence as a reader sees it, for messages."""
    return _shorten(" ".join(strip_inline(text).split()), limit)

