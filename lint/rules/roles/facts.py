"""What the role rules know about a report's role: its names, its role families and the
passages scored for vocabulary, worked out once per document."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from functools import lru_cache, partial

from pydantic import Field
from reportlint.document.model import Document
from reportlint.document.text import PhraseMatch, tokens
from reportlint.document.units import Kind, Unit
from reportlint.language.jobtitles import (
    RoleMention,
    RoleNames,
    TitleFinder,
    TitleWords,
    Word,
    title_words_for,
)
from reportlint.language.vocabulary import (
    Counted,
    Foreign,
    Reading,
    RoleFamilies,
    RoleFamily,
    Vocabulary,
    reading,
    vocabulary_for,
)
from reportlint.rules.registry import Context, PositiveNumber, RuleOptions, number

_SCORED = frozenset({Kind.PARAGRAPH, Kind.BULLET, Kind.QUESTION})
_NOT_PROSE_SECTIONS = frozenset({"sources", "related"})


@dataclass(frozen=True)
class Passage:
    """A paragraph, bullet, FAQ question or table row, with what the role rules found
    in it. `at(i)` is the file offset of character i of `text`."""

    text: str
    at: Callable[[int], int]
    words: list[Word]
    folded: list[str]  # the words case-folded
    own: list[RoleMention]
    named: list[PhraseMatch[str]]  # every known job title named
    matches: list[PhraseMatch[Counted]]  # role-family phrases, job titles left out
    reading: Reading


@dataclass
class RoleFacts:
    role: str
    families: RoleFamilies | None
    vocabulary: Vocabulary
    names: RoleNames
    finder: TitleFinder
    passages: list[Passage] = field(default_factory=list)
    # The other families a passage of this report is written in on its own (C004).
    standing_out: set[str] = field(default_factory=set)

    @property
    def family(self) -> RoleFamily | None:
        return self.families.primary if self.families else None

    def foreign(self, reading: Reading, context: Context) -> Foreign | None:
        """The other family a passage (or sentence) is written in: on its own (see
        `stands_alone`), or, where a passage of this report already is, with one
        unmistakable word of it or `min_weight` of leaning ones."""
        found = reading.foreign(self.families) if self.families else None
        if found is None or self.stands_alone(found, context):
            return found
        least = _option(context, "min_weight", _C004.min_weight)
        if found.family in self.standing_out and (found.strong or found.weight >= least):
            return found
        return None

    def stands_alone(self, found: Foreign, context: Context) -> bool:
        """Whether another family's words make a paragraph on their own: at least
        `min_words` distinct words weighing `min_weight`, one of them unmistakable or
        all of them `min_weight_leaning`."""
        least = _option(context, "min_weight", _C004.min_weight)
        least_words = _option(context, "min_words", _C004.min_words)
        least_leaning = _option(context, "min_weight_leaning", _C004.min_weight_leaning)
        return (found.weight >= least and len(found.words) >= least_words
                and (found.strong or found.weight >= least_leaning))


_LAST: list[tuple[Document, Context, RoleFacts]] = []


def role_facts(doc: Document, context: Context) -> RoleFacts | None:
    """What the role rules share about one document, worked out once per document."""
    meta = doc.meta
    if meta is None:
        return None
    if _LAST and _LAST[0][0] is doc and _LAST[0][1] is context:
        return _LAST[0][2]
    vocabulary = vocabulary_for(context.config, meta.industry)
    scoring = _scoring(vocabulary, [meta.role, *meta.role_aliases],
                       title_words_for(context.config))
    names = scoring.names
    facts = RoleFacts(meta.role, _families(vocabulary, [meta.role, *meta.role_aliases],
                                           context), vocabulary, names,
                      TitleFinder(vocabulary.title_matcher, names))
    for text, at in _passages(doc):
        facts.passages.append(Passage(text, at, *scoring.score(text)))
    if facts.families is not None:
        for passage in facts.passages:
            found = passage.reading.foreign(facts.families)
            if found is not None and facts.stands_alone(found, context):
                facts.standing_out.add(found.family)
    _LAST[:] = [(doc, context, facts)]
    return facts


class _Scoring:
    """A passage's role names, job titles and family phrases depend on its text, the
    role's names and the vocabulary only: kept for the texts met, so that an editor's
    re-check after a keystroke scores only the passage that changed."""

    def __init__(self, vocabulary: Vocabulary, names: RoleNames, key: tuple[object, ...]
                 ) -> None:
        self.vocabulary, self.names, self.key = vocabulary, names, key
        # Not a bound method: the cache would hold its owner and the owner the cache, and
        # each report's scores (a new role each) would wait for a full garbage collection.
        self.score = lru_cache(maxsize=_REMEMBERED)(partial(_score, vocabulary, names))


def _score(vocabulary: Vocabulary, names: RoleNames, text: str) -> _Scored:
    words = tokens(text)
    folded = [word.casefold() for word, _, _ in words]
    own = names.find(text, words, folded)
    named = vocabulary.title_matcher.find_in(text, words, folded)
    skip = [(m.start, m.end) for m in own] + [(m.start, m.end) for m in named]
    matches = vocabulary.find(text, words, skip, folded)
    return words, folded, own, named, matches, reading(matches)


_Scored = tuple[list[Word], list[str], list[RoleMention], list[PhraseMatch[str]],
                list[PhraseMatch[Counted]], Reading]
_REMEMBERED = 1 << 12  # passages scored and kept, for the last role met
_SCORING: list[_Scoring] = []


def _scoring(vocabulary: Vocabulary, names: list[str], words: TitleWords) -> _Scoring:
    key = (id(vocabulary), id(words), *names)  # both built once per data and kept
    if not _SCORING or _SCORING[0].key != key:
        _SCORING[:] = [_Scoring(vocabulary, RoleNames(names, words), key)]
    return _SCORING[0]


def _families(vocabulary: Vocabulary, names: list[str], context: Context
              ) -> RoleFamilies | None:
    """The role's families: the `family` option's (one key or a list) when it names
    known families, else those its title and aliases name."""
    wanted = context.config.rules.get(VOCABULARY_RULE, {}).get("family")
    keys = [wanted] if isinstance(wanted, str) else wanted if isinstance(wanted, list) else []
    chosen = tuple(vocabulary.families[str(k)] for k in keys if str(k) in vocabulary.families)
    return RoleFamilies(chosen) if chosen else vocabulary.families_of(names)


def _passages(doc: Document) -> Iterator[tuple[str, Callable[[int], int]]]:
    for unit in doc.units:
        if unit.kind in _SCORED and unit.section not in _NOT_PROSE_SECTIONS:
            yield unit.text, unit.offset
    for table in doc.tables:
        for row in table.rows:
            cells = [cell for cell in row.cells if cell.text.strip()]
            if cells:
                yield _joined_row(cells)


def _joined_row(cells: list[Unit]) -> tuple[str, Callable[[int], int]]:
    """A table row as one passage ("cell; cell; cell") mapped back to its cells."""
    starts, text = [], ""
    for cell in cells:
        if text:
            text += "; "
        starts.append(len(text))
        text += cell.text

    def at(index: int) -> int:
        which = max(k for k, start in enumerate(starts) if start <= index) if index >= 0 else 0
        return cells[which].offset(max(index - starts[which], 0))

    return text, at


VOCABULARY_RULE = "C004"  # foreign-vocabulary, whose options these facts read


class VocabularyOptions(RuleOptions):
    """C004 foreign-vocabulary's options, which the role facts read for C004 and C005."""

    min_weight: PositiveNumber = Field(3.0, description=(
        "the weight of another family's words a passage needs to count as written "
        "in that family"))
    min_words: PositiveNumber = Field(2.0, description=(
        "the distinct words of that family it needs"))
    min_weight_leaning: PositiveNumber = Field(4.0, description=(
        "the weight it needs when none of its words is unmistakably that family's"))
    family: str | list[str] | None = Field(None, description=(
        "the role's family key or keys (lint/language/data/role_families.yaml), instead of the "
        "families its title names"))


_C004 = VocabularyOptions()  # the declared defaults


def _option(context: Context, name: str, default: float) -> float:
    return number(context.config.rules.get(VOCABULARY_RULE, {}).get(name, default), default)
