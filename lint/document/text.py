"""Text processing every rule shares: inline Markdown, sentences, words, normal forms.

Rules never split or normalise text themselves; they call these, so that "the same
sentence" or "a word" means one thing across the whole linter.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Container, Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Generic, TypeVar

from reportlint.document.units import Unit

T = TypeVar("T")
# Rules ask for the words, tokens and normal form of the same sentences again and again
# (tokens of one passage about 12 times per report): these helpers remember recent
# answers. Lists are copied out, so a caller may change what it gets.
_MEMO = 1 << 14

FOOTNOTE_REF = re.compile(r"\[\^([^\]\[\s]+)\](?!:)")
# Linear-time shapes: a label holds no "[" and an emphasis no copy of its own marker, so
# a scan from one "[" or "*" stops at the next one instead of running to the end of the
# text (which made "[" * 50_000 or "*a " * 20_000 quadratic).
_LINK = re.compile(r"!?\[([^\[\]]*)\]\(([^()\n]*)\)")
_EMPHASIS = re.compile(r"(\*\*|__|\*|_|`)(?=\S)((?:(?!\1)[^\n])+?)(?<=\S)\1")
_QUOTES = str.maketrans({
    "“": '"', "”": '"', "„": '"', "‘": "'", "’": "'", "‚": "'",
    "–": "-", "—": "-", "−": "-", "\u00a0": " ",
})
_WORD = re.compile(r"[^\W_]+(?:['’\-/.][^\W_]+)*")
_ABBREVIATIONS = frozenset(
    "e.g i.e etc vs approx inc ltd co corp dr mr mrs ms st no u.s u.k e.u jr sr fig cf".split()
)
# Only where a run of stops begins, and taken whole (possessive): a long run of dots is
# then one try, not one per dot.
_SENTENCE_END = re.compile(r"(?<![.!?])[.!?]++(?:[\"'”’)\]]|\[\^[^\]\[\s]+\])*(?=\s|$)")
_SENTENCE_START = re.compile(r"\s+[\"'“‘(\[]*[A-Z0-9$£€]")


@dataclass(frozen=True, slots=True)
class Sentence:
    """A sentence inside a unit: `text` is unit.text[start:end]."""

    unit: Unit
    start: int
    end: int
    text: str

    def offset(self) -> int:
        return self.unit.offset(self.start)


@lru_cache(maxsize=_MEMO)
def fold(text: str) -> str:
    """Unify Unicode forms, curly quotes, dashes and no-break spaces."""
    return unicodedata.normalize("NFKC", text).translate(_QUOTES)


@lru_cache(maxsize=_MEMO)
def strip_inline(text: str) -> str:
    """The words a reader sees: inline Markdown markup and footnote references removed."""
    if "[" not in text and "*" not in text and "_" not in text and "`" not in text:
        return text  # no footnote, link or emphasis can be in it
    text = FOOTNOTE_REF.sub("", text)
    text = _LINK.sub(r"\1", text)
    previous = None
    while previous != text:
        previous, text = text, _EMPHASIS.sub(r"\2", text)
    return text


@lru_cache(maxsize=_MEMO)
def normalize(text: str) -> str:
    """The comparison form of a sentence: markup, case, quotes, punctuation and
    white space folded away. Two sentences are "the same" when these are equal."""
    return " ".join(_words(text))


def words(text: str) -> list[str]:
    """Case-folded words of plain text, hyphenated and slashed compounds kept whole."""
    return list(_words(text))


@lru_cache(maxsize=_MEMO)
def _words(text: str) -> tuple[str, ...]:
    return tuple(_WORD.findall(fold(strip_inline(text)).casefold()))


def word_spans(text: str) -> list[tuple[str, int, int]]:
    """Words of raw unit text with their (start, end) in it, case kept."""
    return [(m.group(0), m.start(), m.end()) for m in _WORD.finditer(text)]


_LABEL = re.compile(r"[\"'“‘(*_]*[^\W_][^:;.!?\n]{0,60}?(?::[*_]*\s+|\s[—–-]\s+)")


def label_end(text: str, max_words: int = 6) -> int:
    """Where the body starts after a short lead-in label ("Best proof: a redacted…",
    "Tier 2 — owns escalations…"), or 0 when `text` has none of at most `max_words` words."""
    match = _LABEL.match(text)
    if match is None or len(_WORD.findall(match.group(0))) > max_words:
        return 0
    return match.end() if _WORD.search(text, match.end()) else 0


def links(text: str) -> list[tuple[str, str]]:
    """(label, target) of every inline Markdown link in raw text."""
    return [(m.group(1), m.group(2).strip()) for m in _LINK.finditer(text)] if "](" in text else []


def footnote_refs(text: str) -> list[tuple[str, int]]:
    """(label, start index) of every footnote reference in raw text."""
    return [(m.group(1), m.start()) for m in FOOTNOTE_REF.finditer(text)]


def split_sentences(text: str) -> list[tuple[int, int]]:
    """(start, end) of each sentence in `text`, leading and trailing space excluded.

    A sentence ends at ., ! or ? (with any closing quotes, brackets and footnote
    references) when white space and a capital, digit or opening quote follow, and
    the word before is not an abbreviation such as "e.g." or "U.S.".
    """
    return list(_split_sentences(text))


@lru_cache(maxsize=_MEMO)
def _split_sentences(text: str) -> tuple[tuple[int, int], ...]:
    spans: list[tuple[int, int]] = []
    start = 0
    for match in _SENTENCE_END.finditer(text):
        end = match.end()
        if end < len(text) and not _SENTENCE_START.match(text, end):
            continue
        if match.group(0).startswith(".") and _ends_with_abbreviation(text, match.start()):
            continue
        spans.append((start, end))
        start = end
    if start < len(text):
        spans.append((start, len(text)))
    return tuple(_trim(text, s, e) for s, e in spans if text[s:e].strip())


def _ends_with_abbreviation(text: str, dot: int) -> bool:
    word_start = dot
    while word_start > 0 and not text[word_start - 1].isspace() and (
            text[word_start - 1] not in "(\"“["):
        word_start -= 1
    word = text[word_start:dot].casefold()
    return word in _ABBREVIATIONS or (len(word) == 1 and word.isalpha())


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def split_units(units: Iterable[Unit]) -> list[Sentence]:
    """Every sentence of the given units, in order."""
    return [
        Sentence(unit, start, end, unit.text[start:end])
        for unit in units
        for start, end in split_sentences(unit.text)
    ]


def closest(word: str, candidates: Iterable[str], cutoff: float = 0.75) -> str | None:
    """The candidate most like `word` (case-insensitive), if any is close enough."""
    import difflib

    folded = {fold(c).casefold(): c for c in candidates}
    found = difflib.get_close_matches(fold(word).casefold(), list(folded), n=1, cutoff=cutoff)
    return folded[found[0]] if found else None


_TOKEN = re.compile(r"[^\W_]+(?:['’][^\W_]+)*")
_NOT_PROSE = re.compile(r"\[\^[^\]\[\s]+\](?!:)|\]\([^)\]]*\)|<[^<>\s]+>")


def tokens(text: str) -> list[tuple[str, int, int]]:
    """Words of raw unit text with their (start, end), compounds split at hyphens and
    slashes ("risk/compliance" -> "risk", "compliance"), case kept, a possessive "'s"
    left out, and footnote references and link targets skipped."""
    return list(_tokens(text))


@lru_cache(maxsize=_MEMO)
def _tokens(text: str) -> tuple[tuple[str, int, int], ...]:
    masked = _NOT_PROSE.sub(lambda m: " " * len(m.group(0)), text) if "](" in text or (
        "[^" in text or "<" in text) else text
    found = [(masked[start:end], start, end)
             for start, end in map(re.Match.span, _TOKEN.finditer(masked))]
    if "'s" in text or "’s" in text:
        found = [(w[:-2], s, e - 2) if w[-2:] in ("'s", "’s") and len(w) > 2 else (w, s, e)
                 for w, s, e in found]
    return tuple(found)


def _singulars(word: str) -> tuple[str, ...]:
    if len(word) < 3 or word[-1] not in "sS":
        return ()
    forms = [word[:-1]]
    if word[-2:] in ("es", "ES"):
        forms.append(word[:-2])
    if word[-3:] == "ies":
        forms.append(word[:-3] + "y")
    return tuple(forms)


def _same_word(phrase_word: str, word: str) -> bool:
    # A phrase word in capitals ("MAP", "SDR") matches only in capitals.
    if len(phrase_word) > 1 and phrase_word.isupper():
        return word == phrase_word
    return word.casefold() == phrase_word.casefold()


@dataclass(frozen=True, slots=True)
class PhraseMatch(Generic[T]):
    """A phrase found in text: `start`/`end` index the text, `words` are as written."""

    phrase: str
    value: T
    start: int
    end: int
    words: str


class PhraseMatcher(Generic[T]):
    """Finds listed phrases (word sequences) in text, the longest first, never two
    overlapping. Case is ignored except in phrase words written in capitals; a phrase's
    last word also matches its plural ("win rate" finds "win rates", "deals" does not
    find "deal"). Of two phrases matching the same words, the one listed first wins."""

    def __init__(self, phrases: Iterable[tuple[str, T]]) -> None:
        self._phrases: list[_Candidate[T]] = []
        for phrase, value in phrases:
            parts = tuple(word for word, _, _ in tokens(phrase))
            if parts:
                self._phrases.append(_Candidate(
                    parts, tuple(p.casefold() for p in parts),
                    any(len(p) > 1 and p.isupper() for p in parts), phrase, value,
                    len(self._phrases)))
        self._ending, self._starts = self._table_of(self._phrases)

    def without(self, values: Container[T]) -> PhraseMatcher[T]:
        """This matcher less the phrases whose value is in `values`: as if built from
        the others, without splitting every phrase into words again."""
        fewer: PhraseMatcher[T] = PhraseMatcher(())
        fewer._phrases = [c for c in self._phrases if c.value not in values]
        fewer._ending, fewer._starts = self._table_of(fewer._phrases)
        return fewer

    @staticmethod
    def _table_of(phrases: list[_Candidate[T]]
                  ) -> tuple[dict[tuple[str, ...], list[_Candidate[T]]], set[str]]:
        # Every start of a phrase's case-folded words, with the phrases ending there
        # (none for a start only): a match grows a word at a time, so the phrases sharing
        # a first word ("data", "product") are not each compared again. Keyed by tuples
        # of strings, which the garbage collector stops tracking, where a tree of nodes
        # would add objects that every full collection walks.
        ending: dict[tuple[str, ...], list[_Candidate[T]]] = {}
        for candidate in phrases:
            words = candidate.folded
            for size in range(1, len(words)):
                ending.setdefault(words[:size], [])
            ending.setdefault(words, []).append(candidate)
        # Words that can start a match, plurals of one-word phrases included: finding them
        # with a set lookup first keeps the per-word work off the common words.
        starts = {words[0] for words in ending}
        for words, candidates in ending.items():
            if len(words) == 1 and candidates:
                key = words[0]
                starts |= {key + "s", key + "es"}
                if key.endswith("y"):
                    starts.add(key[:-1] + "ies")
        return ending, starts

    def __bool__(self) -> bool:
        return bool(self._phrases)

    def find(self, text: str) -> list[PhraseMatch[T]]:
        return self.find_in(text, tokens(text))

    def find_in(self, text: str, words: Sequence[tuple[str, int, int]],
                folded: Sequence[str] | None = None) -> list[PhraseMatch[T]]:
        """Like `find`, over words already split by `tokens(text)` (and, if given, their
        case-folded forms)."""
        found: list[PhraseMatch[T]] = []
        if folded is None:
            folded = [word.casefold() for word, _, _ in words]
        starts = self._starts
        at_starts = [i for i, word in enumerate(folded) if word in starts]
        if not at_starts:  # most text holds none of the phrases
            return found
        written = [word for word, _, _ in words]
        after = 0
        for at in at_starts:
            if at < after:
                continue  # inside the previous match
            match = self._longest(written, folded, at)
            if match is None:
                continue
            size, candidate = match
            start, end = words[at][1], words[at + size - 1][2]
            found.append(PhraseMatch(candidate.phrase, candidate.value, start, end,
                                     text[start:end]))
            after = at + size
        return found

    def _longest(self, written: Sequence[str], folded: Sequence[str], at: int
                 ) -> tuple[int, _Candidate[T]] | None:
        """The longest phrase starting at word `at`; a plural first word ("rates" for
        "rate") only where no phrase starts with the word as written."""
        ending = self._ending
        best: tuple[int, _Candidate[T]] | None = None
        before: tuple[str, ...] = ()  # the words from `at` to the one before `last`
        last = at
        while True:
            # the phrases ending at word `last` as written, then those ending in its
            # singular ("win rates"), which a plural first word is not ("rates")
            words = (*before, folded[last])
            here = ending.get(words)
            fitting = [c for c in here if self._fits(c, written, at, written[last])
                       ] if here else []
            if last > at and folded[last][-1:] == "s":
                fitting += self._plural_ends(before, written, at, last)
            if fitting:
                best = last - at + 1, min(fitting, key=_in_order)
            last += 1
            if here is None or last == len(folded):
                break
            before = words
        if best is None and folded[at][-1:] == "s":
            for form in _singulars(written[at]):
                fitting = [c for c in ending.get((form.casefold(),), ())
                           if self._fits(c, written, at, form)]
                if fitting:
                    return 1, min(fitting, key=_in_order)
        return best

    def _plural_ends(self, before: tuple[str, ...], written: Sequence[str], at: int,
                     last: int) -> list[_Candidate[T]]:
        return [c for form in _singulars(written[last])
                for c in self._ending.get((*before, form.casefold()), ())
                if self._fits(c, written, at, form)]

    @staticmethod
    def _fits(candidate: _Candidate[T], written: Sequence[str], at: int, last: str) -> bool:
        """Whether a phrase whose case-folded words match also matches as written: the
        words in capitals must be in capitals in the text (`last` is the text's last
        word, or its singular)."""
        if not candidate.capitals:
            return True
        parts = candidate.parts
        return all(_same_word(p, w) for p, w in zip(parts[:-1], written[at:], strict=False)
                   ) and _same_word(parts[-1], last)


def _in_order(candidate: _Candidate[T]) -> int:
    return candidate.order


@dataclass(frozen=True, slots=True)
class _Candidate(Generic[T]):
    parts: tuple[str, ...]
    folded: tuple[str, ...]
    capitals: bool  # a word in capitals ("MAP") must match as written
    phrase: str
    value: T
    order: int  # where the phrase was listed: of two matching the same words, the first
