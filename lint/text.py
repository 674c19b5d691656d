"""Text processing every rule shares: inline Markdown, sentences, words, normal forms.

Rules never split or normalise text themselves; they call these, so that "the same
sentence" or "a word" means one thing across the whole linter.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass

from reportlint.document import Unit

FOOTNOTE_REF = re.compile(r"\[\^([^\]\s]+)\](?!:)")
_LINK = re.compile(r"!?\[([^\]]*)\]\([^)]*\)")
_EMPHASIS = re.compile(r"(\*\*|__|\*|_|`)(?=\S)(.+?)(?<=\S)\1")
_QUOTES = str.maketrans({
    "“": '"', "”": '"', "„": '"', "‘": "'", "’": "'", "‚": "'",
    "–": "-", "—": "-", "−": "-", "\u00a0": " ",
})
_WORD = re.compile(r"[^\W_]+(?:['’\-/.][^\W_]+)*")
_ABBREVIATIONS = frozenset(
    "e.g i.e etc vs approx inc ltd co corp dr mr mrs ms st no u.s u.k e.u jr sr fig cf".split()
)
_SENTENCE_END = re.compile(r"[.!?]+(?:[\"'”’)\]]|\[\^[^\]\s]+\])*(?=\s|$)")
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


def fold(text: str) -> str:
    """Unify Unicode forms, curly quotes, dashes and no-break spaces."""
    return unicodedata.normalize("NFKC", text).translate(_QUOTES)


def strip_inline(text: str) -> str:
    """The words a reader sees: inline Markdown markup and footnote references removed."""
    text = FOOTNOTE_REF.sub("", text)
    text = _LINK.sub(r"\1", text)
    previous = None
    while previous != text:
        previous, text = text, _EMPHASIS.sub(r"\2", text)
    return text


def normalize(text: str) -> str:
    """The comparison form of a sentence: markup, case, quotes, punctuation and
    white space folded away. Two sentences are "the same" when these are equal."""
    plain = fold(strip_inline(text)).casefold()
    return " ".join(match.group(0) for match in _WORD.finditer(plain))


def words(text: str) -> list[str]:
    """Case-folded words of plain text, hyphenated and slashed compounds kept whole."""
    return _WORD.findall(fold(strip_inline(text)).casefold())


def word_spans(text: str) -> list[tuple[str, int, int]]:
    """Words of raw unit text with their (start, end) in it, case kept."""
    return [(m.group(0), m.start(), m.end()) for m in _WORD.finditer(text)]


def footnote_refs(text: str) -> list[tuple[str, int]]:
    """(label, start index) of every footnote reference in raw text."""
    return [(m.group(1), m.start()) for m in FOOTNOTE_REF.finditer(text)]


def split_sentences(text: str) -> list[tuple[int, int]]:
    """(start, end) of each sentence in `text`, leading and trailing space excluded.

    A sentence ends at ., ! or ? (with any closing quotes, brackets and footnote
    references) when white space and a capital, digit or opening quote follow, and
    the word before is not an abbreviation such as "e.g." or "U.S.".
    """
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
    return [_trim(text, s, e) for s, e in spans if text[s:e].strip()]


def _ends_with_abbreviation(text: str, dot: int) -> bool:
    word_start = dot
    while word_start > 0 and not text[word_start - 1].isspace() and (
            text[word_start - 1] not in "(\"“"):
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
