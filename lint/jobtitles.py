"""Job titles in report prose: the report's own role written another way, and other
titles used where the report speaks of its own role.

The words that make a title (head nouns, seniority, abbreviations, the cues of
speaking about oneself) are data: `job_titles.yaml`, extended by config.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from reportlint.data import strings
from reportlint.text import PhraseMatch, PhraseMatcher, split_sentences, tokens

if TYPE_CHECKING:
    from reportlint.config import Config

Word = tuple[str, int, int]  # as `text.tokens` gives them: word, start, end


@dataclass(frozen=True)
class TitleWords:
    """job_titles.yaml, ready to use."""

    heads: frozenset[str]
    seniority: frozenset[str]
    abbreviations: dict[str, str]
    self_before: tuple[tuple[str, ...], ...]
    self_after: frozenset[str]
    not_self_before: frozenset[str]
    colleagues: frozenset[str]




def _folded(value: Any) -> frozenset[str]:
    return frozenset(item.casefold() for item in strings(value))


def _title_words(raw: dict[str, Any]) -> TitleWords:
    abbreviations = raw.get("abbreviations")
    return TitleWords(
        heads=_folded(raw.get("heads")),
        seniority=_folded(raw.get("seniority")),
        abbreviations={str(k).casefold(): str(v).casefold()
                       for k, v in (abbreviations.items() if isinstance(abbreviations, dict)
                                    else ())},
        self_before=tuple(tuple(w.casefold() for w, _, _ in tokens(cue))
                          for cue in strings(raw.get("self_before"))),
        self_after=_folded(raw.get("self_after")),
        not_self_before=_folded(raw.get("not_self_before")),
        colleagues=frozenset(" ".join(w.casefold() for w, _, _ in tokens(title))
                             for title in strings(raw.get("colleagues"))),
    )


@dataclass(frozen=True)
class RoleMention:
    """The report's own role (or an alias) named in a unit's text; `how` is empty when it
    is written exactly as the front matter has it."""

    start: int
    end: int
    written: str
    canonical: str
    replacement: str
    how: tuple[str, ...] = ()


def _plural_suffix(word: str, canonical: str) -> str | None:
    low, base = word.casefold(), canonical.casefold()
    if low == base:
        return ""
    for suffix in ("s", "es"):
        if low == base + suffix:
            return word[len(canonical):]
    if base.endswith("y") and low == base[:-1] + "ies":
        return None  # "Secretaries" for "Secretary": no safe suffix to append
    return None


def _written_suffix(word: str, canonical: str) -> str:
    """The plural ending a variant of the name's last word carries, misspelt or not
    ("Analsts" for "Analyst" is plural: the fix must keep it so)."""
    exact = _plural_suffix(word, canonical)
    if exact is not None:
        return exact
    import difflib

    low, base = word.casefold(), canonical.casefold()
    best, best_ratio = "", difflib.SequenceMatcher(None, low, base).ratio()
    for suffix in ("s", "es"):
        if low.endswith(suffix) and not base.endswith(suffix):
            ratio = difflib.SequenceMatcher(None, low, base + suffix).ratio()
            if ratio > best_ratio:
                best, best_ratio = suffix, ratio
    return best


def _misspelled(word: str, canonical: str) -> bool:
    low, base = word.casefold(), canonical.casefold()
    if min(len(low), len(base)) < 4 or low[0] != base[0]:
        return False
    if low.startswith(base) or base.startswith(low):
        return False  # "engineering" is a word of its own, not a misspelled "engineer"
    if low.endswith(("ed", "ing", "ly")) and not base.endswith(("ed", "ing", "ly")):
        return False  # "managed" is a verb, not a misspelled "manager"
    import difflib  # only for the few words that got this far

    return difflib.SequenceMatcher(None, low, base).ratio() >= 0.8


def _separator_kind(written: str, canonical: str) -> str | None:
    """'' when the gap between two words reads as in the canonical name, 'hyphenation'
    when only a hyphen and a space differ, None when the gap breaks the name."""
    a, b = written.strip(), canonical.strip()
    if a == b:
        return ""
    if {a, b} <= {"", "-", "‐", "‑"}:
        return "hyphenation"
    return None


class RoleNames:
    """The report's role and its aliases, and how to find them written another way."""

    def __init__(self, names: Iterable[str], words: TitleWords) -> None:
        self.words = words
        self.forms: list[tuple[str, list[Word]]] = []
        for name in dict.fromkeys(n.strip() for n in names if n and n.strip()):
            parts = tokens(name)
            if parts:
                self.forms.append((name, parts))
        self.forms.sort(key=lambda form: -len(form[1]))
        # A variant has at most one misspelled word, so one of its first two words reads
        # as in the name (or is a known abbreviation of it): a cheap test to skip the rest.
        self._near = {w.casefold() for _, parts in self.forms for w, _, _ in parts}
        self._near |= {short for short, full in words.abbreviations.items() if full in self._near}
        self._near |= {w + suffix for w in self._near for suffix in ("s", "es")}
        self.keys = [" ".join(w.casefold() for w, _, _ in parts) for _, parts in self.forms]

    def find(self, text: str, words: Sequence[Word] | None = None,
             folded: Sequence[str] | None = None) -> list[RoleMention]:
        """Every mention of the role in `text`, exact or a variant, left to right."""
        words = tokens(text) if words is None else words
        if folded is None:
            folded = [word.casefold() for word, _, _ in words]
        found: list[RoleMention] = []
        near = self._near
        hits = [i for i, word in enumerate(folded) if word in near]
        after = 0
        for at in sorted({start for i in hits for start in (i - 1, i) if start >= 0}):
            if at < after:
                continue
            mention = self._exact_at(text, words, at) or self._variant_at(text, words, at)
            if mention is not None:
                found.append(mention[0])
                after = at + mention[1]
        return found

    def _exact_at(self, text: str, words: Sequence[Word],
                  at: int) -> tuple[RoleMention, int] | None:
        for name, parts in self.forms:
            size = len(parts)
            window = words[at:at + size]
            if len(window) < size:
                continue
            if all(w[0] == p[0] for w, p in zip(window[:-1], parts[:-1], strict=True)) and \
                    _plural_suffix(window[-1][0], parts[-1][0]) is not None and \
                    window[-1][0].startswith(parts[-1][0]) and \
                    all(_separator_kind(text[window[k][2]:window[k + 1][1]],
                                        name[parts[k][2]:parts[k + 1][1]]) == ""
                        for k in range(size - 1)):
                start, end = window[0][1], window[-1][2]
                return RoleMention(start, end, text[start:end], name, text[start:end]), size
        return None

    def _variant_at(self, text: str, words: Sequence[Word],
                    at: int) -> tuple[RoleMention, int] | None:
        for name, parts in self.forms:
            size = len(parts)
            window = words[at:at + size]
            if size < 2 or len(window) < size:
                continue
            how = self._compare(text, name, window, parts)
            if how == ["case"] and window[-1][0] != parts[-1][0] and all(
                    w[0].islower() for w in window) and \
                    _plural_suffix(window[-1][0], parts[-1][0]):
                # "information security analysts": the occupation spoken of in general (as
                # federal statistics name it), not the job title written wrongly
                continue
            if how:
                start, end = window[0][1], window[-1][2]
                suffix = _written_suffix(window[-1][0], parts[-1][0])
                return RoleMention(start, end, text[start:end], name, name + suffix,
                                   tuple(how)), size
        return None

    def _compare(self, text: str, name: str, window: Sequence[Word],
                 parts: Sequence[Word]) -> list[str]:
        """How `window` differs from the name, or [] when it is not a form of it."""
        how: list[str] = []
        misspellings = 0
        for k, ((word, _, _), (canonical, _, _)) in enumerate(zip(window, parts, strict=True)):
            last = k == len(parts) - 1
            if word == canonical or (last and _plural_suffix(word, canonical) is not None
                                     and word.startswith(canonical)):
                continue
            if word.casefold() == canonical.casefold() or (
                    last and _plural_suffix(word, canonical) is not None):
                how.append("case")
            elif self.words.abbreviations.get(word.casefold()) == canonical.casefold():
                how.append("abbreviation")
            elif _misspelled(word, canonical):
                misspellings += 1
                how.append("spelling")
            else:
                return self._word_order(window, parts)
        if misspellings > 1:
            return []  # one slip in a name is a typo; two is another name
        for k in range(len(parts) - 1):
            gap = text[window[k][2]:window[k + 1][1]]
            if "abbreviation" in how and gap.strip() == ".":
                continue  # "Prod. Support Analyst"
            kind = _separator_kind(gap, name[parts[k][2]:parts[k + 1][1]])
            if kind is None:
                return []
            if kind:
                how.append(kind)
        return list(dict.fromkeys(how))

    @staticmethod
    def _word_order(window: Sequence[Word], parts: Sequence[Word]) -> list[str]:
        written = [w[0].casefold() for w in window]
        canonical = [p[0].casefold() for p in parts]
        if written != canonical and sorted(written) == sorted(canonical):
            return ["word order"]
        return []


@dataclass(frozen=True)
class OtherTitle:
    """Another job title named where the report speaks of its own role."""

    start: int
    end: int
    title: str
    cue: str


class TitleFinder:
    """Finds other job titles used in the report's own place ("as a Data Analyst").

    `titles` matches every known job title, its value the title's comparison key (case-
    folded words joined by spaces); titles that contain the role or that the role
    contains ("Senior Product Manager", "Product Manager") are not other titles."""

    def __init__(self, titles: PhraseMatcher[str], own: RoleNames) -> None:
        self.words = own.words
        self.own = own
        self.titles = titles

    def is_other(self, key: str) -> bool:
        return not any(_contains(key, o) or _contains(o, key) for o in self.own.keys)

    def find(self, text: str, words: Sequence[Word], own: Sequence[RoleMention],
             named: Sequence[PhraseMatch[str]]) -> list[OtherTitle]:
        """The other titles among `named` (this text's title matches) used in a spot
        where the report speaks of its own role."""
        found: list[OtherTitle] = []
        sentences = split_sentences(text) if named else []
        for match in named:
            if not self.is_other(match.value) or any(
                    m.start < match.end and match.start < m.end for m in own):
                continue
            sentence = next(((s, e) for s, e in sentences if s <= match.start < e),
                            (0, len(text)))
            if any(sentence[0] <= m.start < sentence[1] for m in own):
                continue  # the sentence names both: a comparison or a career move
            inside = [w for w in words if sentence[0] <= w[1] < sentence[1]]
            cue = self._self_cue(match.value, match.start, match.end, inside)
            if cue:
                found.append(OtherTitle(match.start, match.end, match.words, cue))
        return found

    def _self_cue(self, key: str, start: int, end: int, words: Sequence[Word]) -> str:
        before = [w for w in words if w[2] <= start]
        after = [w for w in words if w[1] >= end]
        while before and before[-1][0].casefold() in self.words.seniority:
            before.pop()
        folded = [w[0].casefold() for w in before]
        for cue in sorted(self.words.self_before, key=len, reverse=True):
            if cue and tuple(folded[-len(cue):]) == cue:
                if self._contrast(folded[:-len(cue)]):
                    return ""
                return " ".join(cue)
        if after and _singular(after[0][0].casefold()) & self.words.self_after:
            if key in self.words.colleagues or self._contrast(folded):
                return ""
            return after[0][0]
        return ""

    def _contrast(self, folded_before: Sequence[str]) -> bool:
        return any(word in self.words.not_self_before for word in folded_before[-4:])


def _singular(word: str) -> set[str]:
    forms = {word}
    if word.endswith("s"):
        forms.add(word[:-1])
    return forms


def _contains(longer: str, shorter: str) -> bool:
    return f" {shorter} " in f" {longer} "


_TITLE_WORDS: dict[str, TitleWords] = {}


def title_words_for(config: Config | None) -> TitleWords:
    """`job_titles.yaml` merged with the config, built once per distinct config data."""
    from reportlint.data import data_key, load_data

    key = data_key("job_titles", config)
    if key not in _TITLE_WORDS:
        raw = load_data("job_titles", config)
        _TITLE_WORDS[key] = _title_words(raw if isinstance(raw, dict) else {})
    return _TITLE_WORDS[key]
