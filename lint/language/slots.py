"""Template slots: where a page template pours a phrase. After a label ("Reality check:
long cycles."), inside parentheses ("Constraints (long cycles)"), or after a frame of a
few words ("Plan around long cycles."). H002 reports phrases poured into many of them;
D002 asks whether a short phrase is such a filler or a term the report is about."""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from reportlint.document.text import normalize
from reportlint.document.units import Kind
from reportlint.language.repetition import NOT_PROSE

if TYPE_CHECKING:
    from reportlint.document.model import Document
    from reportlint.document.units import Unit


_SEPARATOR = re.compile(r":\s+|\s+[—–-]\s+")
_NON_SPACE = re.compile(r"\S+")
_LETTER = re.compile(r"[^\W_]")
_PARENTHESIS = re.compile(r"\((?:like |such as |e\.g\.,? )?([^()]{3,120})\)")


@dataclass(frozen=True, slots=True)
class Slot:
    """A phrase standing in a slot: after a label, in parentheses, or after a short frame."""

    phrase: str  # normalized
    unit: Unit
    start: int  # in unit.text
    framed: bool = False  # after a short frame, not a label or parentheses
    raw: str = ""  # the phrase as written


@dataclass(frozen=True, slots=True)
class SlotLimits:
    """How long a slot's phrase may be (in words), and how long a frame before it."""

    least: int = 2
    most: int = 8
    frame_words: int = 3


def slots_in(unit: Unit, sentence_start: int, sentence: str,
             limits: SlotLimits) -> Iterator[Slot]:
    """The slots of one sentence: the text after its last label separator, each
    parenthesis, and, when it has no label, the rest after a frame of a few words."""
    least, most = limits.least, limits.most
    separators = list(_SEPARATOR.finditer(sentence))
    if separators:
        start = separators[-1].end()
        phrase = normalize(sentence[start:])
        if least <= len(phrase.split()) <= most:
            yield Slot(phrase, unit, sentence_start + start, raw=sentence[start:])
    for match in _PARENTHESIS.finditer(sentence):
        phrase = normalize(match.group(1))
        if least <= len(phrase.split()) <= most:
            yield Slot(phrase, unit, sentence_start + match.start(1), raw=match.group(1))
    if not separators:
        # "Budget around credential checks.": a frame of a few words, then the phrase.
        spans = list(_NON_SPACE.finditer(sentence))
        # Each piece holding a letter or digit is at least one word, unless a footnote
        # or link ("[") can drop it: a longer rest cannot be a phrase, unread.
        pieces = [bool(_LETTER.search(m.group(0))) for m in spans] \
            if "[" not in sentence else None
        for cut in range(1, min(limits.frame_words, len(spans) - least) + 1):
            if pieces is not None and sum(pieces[cut:]) > most:
                continue
            rest = sentence[spans[cut].start():]
            phrase = normalize(rest)
            if least <= len(phrase.split()) <= most:
                yield Slot(phrase, unit, sentence_start + spans[cut].start(), framed=True,
                           raw=rest)


def template_slots(doc: Document, limits: SlotLimits) -> list[list[Slot]]:
    """The slots of each prose sentence (paragraphs and bullets), in document order."""
    return [list(slots_in(s.unit, s.start, s.text, limits)) for s in doc.sentences
            if s.unit.kind in (Kind.PARAGRAPH, Kind.BULLET) and s.unit.section not in NOT_PROSE]


def slot_units(slots: Iterable[Iterable[Slot]]) -> dict[str, tuple[int, int]]:
    """Each slot phrase -> (units where it stands after a label or in parentheses,
    units where it stands in any slot, frames included)."""
    labelled: dict[str, set[int]] = defaultdict(set)
    anywhere: dict[str, set[int]] = defaultdict(set)
    for sentence in slots:
        for slot in sentence:
            place = slot.unit.offset()
            anywhere[slot.phrase].add(place)
            if not slot.framed:
                labelled[slot.phrase].add(place)
    return {phrase: (len(labelled.get(phrase, ())), len(units))
            for phrase, units in anywhere.items()}


def is_term(phrase: Sequence[str], term_words: int, function_words: frozenset[str]) -> bool:
    """Whether a phrase is a term of the trade rather than a template's phrase: at most
    `term_words` content words in a phrase of at most two words more ("patient safety",
    "frontend and backend", "jobs to be done", "single source of truth"), or one content
    word more with no function word at all ("electronic health record systems"). A
    template's phrase is a clause with more to say: "reconciling ledger breaks after
    settlement", "rebuilding the forecast after each reorganisation"."""
    content = sum(1 for word in phrase if word not in function_words)
    return (content <= term_words and len(phrase) <= term_words + 2) or (
        content == len(phrase) == term_words + 1)


def fills_slots(phrase: str, counts: dict[str, tuple[int, int]], labelled: int,
                total: int) -> bool:
    """Whether a short phrase is a template's filler rather than a term the report is
    about: it stands, alone, after a label or in parentheses in `labelled` units and in
    some slot in `total` units ("Reality check: long cycles.", "Constraints (long
    cycles)", "Plan around long cycles.")."""
    placed, everywhere = counts.get(phrase, (0, 0))
    return placed >= labelled and everywhere >= total
