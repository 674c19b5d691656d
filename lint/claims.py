"""The claim detector: is a sentence a factual claim about the market that needs a
source, and which words make it one?

A sentence is a claim when it carries a cue (a figure, a date, a comparison, a trend,
a forecast, a quantifier over the market, or an attribution to someone's data) and
is not advice, a question, the writer's own recommendation, a definition, or the
report describing itself. The cues and the signs of advice are data
(`lint/data/claim_cues.yaml`); this module only applies them, so the rule that
reports unbacked claims and the tests that measure the detector share one judge.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from reportlint.regexprefix import SAFE_TEXT, start_prefixes
from reportlint.text import fold, strip_inline

if TYPE_CHECKING:
    from reportlint.config import Config

_LABEL = re.compile(r"^([^:;.?!]{1,60}?):\s+(?=\S)")
_DASH_LABEL = re.compile(r"^(.{1,60}?)\s+[—–-]\s+(?=\S)")
_LABEL_WORDS = 6
_TRIM = " \t\"'“”‘’()[]*_"
_WORD = re.compile(r"[\w'’-]+")
_FIGURES = ("number", "date")


@dataclass(frozen=True, slots=True)
class ClaimCue:
    """Why a sentence reads as a claim: the kind of cue and the words that carry it."""

    kind: str  # attribution, forecast, number, date, comparative, trend, quantifier
    text: str

    def __str__(self) -> str:
        return f'{self.kind} "{self.text}"'


def _phrase(entries: list[str]) -> str:
    return "|".join(f"(?:{entry})" for entry in entries)


_BEFORE = r"(?<![\w'’-])"  # a cue starts a word
_WORD_STARTS = re.compile(_BEFORE + r"(?=\S)")


def _words_pattern(entries: list[str]) -> re.Pattern[str]:
    return re.compile(rf"{_BEFORE}(?:{_phrase(entries)})(?![\w'’])", re.IGNORECASE)


class ClaimDetector:
    """Cues and signs of advice compiled from the `claim_cues` data."""

    def __init__(self, data: dict[str, Any], *, look_up_starts: bool = True) -> None:
        self.cues = [(kind, _words_pattern(entries))
                     for kind, entries in data.get("cues", {}).items() if entries]
        # Without the lookup every cue pattern scans the whole sentence: the same
        # answers, slower (the reference the lookup is tested against).
        self._starts = _cue_starts(self.cues) if look_up_starts else _CueStarts({}, frozenset())
        self.exceptions = {kind: _words_pattern(entries)
                           for kind, entries in data.get("exceptions", {}).items() if entries}
        self.opening = _start_pattern(data.get("opening_quantifiers", []))
        self.variety = _words_pattern(data.get("variety", []) or ["(?!)"])
        self.comparative_words = {w.casefold() for w in data.get("comparative_words", [])}
        self.not_comparison_after = {w.casefold()
                                     for w in data.get("not_comparison_after", [])}
        self.not_superlatives = {w.casefold() for w in data.get("not_superlatives", [])}
        signs = data.get("not_claims", {})
        self.imperative = _start_pattern(signs.get("imperative_verbs", []))
        self.second_person = _start_pattern(signs.get("second_person", []))
        self.conditional = _start_pattern(signs.get("conditionals", []))
        openers = signs.get("clause_openers", [])
        self.clause = re.compile(rf"^(?:{_phrase(openers)})\b[^,;:]{{0,80}},\s+",
                                 re.IGNORECASE) if openers else None
        self.not_claim = [(name, _words_pattern(signs.get(name, [])))
                          for name in ("recommendation", "framing", "definition")
                          if signs.get(name)]

    def find(self, sentence: str) -> ClaimCue | None:
        """The cue that makes `sentence` (inline Markdown allowed) a claim, or None when
        it is not one."""
        plain = fold(strip_inline(sentence)).strip(_TRIM + " ")
        if not plain or plain.rstrip(_TRIM).endswith(("?", ":")):
            return None  # a question, or the lead-in to a list
        label_end = _label_end(plain)
        body = plain[label_end:]
        if self.is_advice(body) or self.conditional.match(body):
            return None
        if any(pattern.search(plain) for _, pattern in self.not_claim):
            return None
        return self.cue_in(plain, label_end)

    def is_advice(self, body: str) -> bool:
        """An instruction or a sentence about the reader: its main clause starts with
        an imperative verb or with "you"."""
        clause = body
        for _ in range(2):
            if self.imperative.match(clause) or self.second_person.match(clause):
                return True
            opened = self.clause.match(clause) if self.clause else None
            if opened is None:
                return False
            clause = clause[opened.end():]
        return False

    def cue_in(self, text: str, label_end: int = 0) -> ClaimCue | None:
        """The first cue in `text`, by the data's order of kinds. Figures and dates in
        a leading label ("Weeks 1–2: ", "Q1 2026: ") do not count."""
        candidates = self._candidates(text)
        for number, (kind, pattern) in enumerate(self.cues):
            exception = self.exceptions.get(kind)
            spans: list[tuple[int, int]] | None = None
            if candidates is not None and number in self._starts.filtered:
                matches: Iterator[re.Match[str]] = _matches_at(
                    pattern, text, candidates.get(number, ()))
            else:
                matches = pattern.finditer(text)
            for match in matches:
                if kind in _FIGURES and match.start() < label_end:
                    continue
                if spans is None:
                    spans = [m.span() for m in exception.finditer(text)] if exception else []
                if any(start <= match.start() < end for start, end in spans):
                    continue
                if kind == "comparative" and self._false_superlative(match.group(0)):
                    continue
                return ClaimCue(kind, match.group(0))
            if kind == "comparative":
                than = self._comparison(text)
                if than is not None:
                    return ClaimCue(kind, than)
        opening = self.opening.match(text[label_end:])
        if opening is None or self.variety.search(text, opening.end()):
            return None
        return ClaimCue("quantifier", opening.group(0))

    def _candidates(self, text: str) -> dict[int, list[int]] | None:
        """Where each cue kind could match, by the first characters its matches start
        with (see `regexprefix`); None when `text` is beyond what those are known for."""
        if not self._starts.filtered or not SAFE_TEXT.fullmatch(text):
            return None
        lowered, starts = text.lower(), self._starts.kinds
        found: dict[int, list[int]] = {}
        for start in _WORD_STARTS.finditer(text):
            at = start.start()
            for size in (1, 2, 3):
                for number in starts.get(lowered[at:at + size], ()):
                    found.setdefault(number, []).append(at)
        for positions in found.values():
            positions.sort()
        return found

    def _false_superlative(self, text: str) -> bool:
        last = text.split()[-1].casefold()
        return "-" not in last and last in self.not_superlatives  # "best-paid" counts

    def _comparison(self, body: str) -> str | None:
        """"<comparative> ... than" within six words: "earn more than", "steadier demand
        for actuarial analysts than". Not "rather than" or "other than"."""
        words = [(m.group(0).casefold(), m.start()) for m in _WORD.finditer(body)]
        for index, (word, start) in enumerate(words):
            if word != "than" or index == 0 or words[index - 1][0] in ("rather", "other"):
                continue
            for back in range(index - 1, max(index - 7, -1), -1):
                if words[back][0] not in self.comparative_words:
                    continue
                before = {w for w, _ in words[max(back - 6, 0):back]}
                if before & self.not_comparison_after:
                    break
                return body[words[back][1]:start + len(word)]
        return None


@dataclass(frozen=True, slots=True)
class _CueStarts:
    kinds: dict[str, tuple[int, ...]]  # a match's first 1-3 characters -> cue kinds
    filtered: frozenset[int]  # the kinds whose starts are known


def _cue_starts(cues: list[tuple[str, re.Pattern[str]]]) -> _CueStarts:
    from reportlint import regexprefix
    from reportlint.cache import remember_parse

    # Reading the patterns again costs ~7 ms a process: kept between runs, by pattern.
    key = "\n".join(f"{pattern.flags} {pattern.pattern}" for _, pattern in cues)
    kinds, filtered = remember_parse(key, lambda _: _read_cue_starts(cues),
                                     code=[regexprefix.__file__, __file__])
    return _CueStarts(kinds, frozenset(filtered))


def _read_cue_starts(cues: list[tuple[str, re.Pattern[str]]]
                     ) -> tuple[dict[str, tuple[int, ...]], list[int]]:
    kinds: dict[str, list[int]] = {}
    filtered = []
    for number, (_, pattern) in enumerate(cues):
        prefixes = start_prefixes(pattern.pattern, pattern.flags)
        # A kind whose matches may start with any letter gains nothing from the lookup.
        if prefixes is None or any(len(p) == 1 and p.isalpha() for p in prefixes):
            continue
        filtered.append(number)
        for prefix in prefixes:
            kinds.setdefault(prefix, []).append(number)
    return {p: tuple(dict.fromkeys(n)) for p, n in kinds.items()}, filtered


def _matches_at(pattern: re.Pattern[str], text: str,
                positions: Iterable[int]) -> Iterator[re.Match[str]]:
    """What `pattern.finditer(text)` yields, trying only `positions` (a superset of
    where its matches start, in order)."""
    resume = 0
    for at in positions:
        if at < resume:
            continue
        match = pattern.match(text, at)
        if match is not None:
            yield match
            resume = max(match.end(), at + 1)


def _start_pattern(entries: list[str]) -> re.Pattern[str]:
    if not entries:
        return re.compile(r"(?!)")
    return re.compile(rf"^(?:{_phrase(entries)})(?![\w'’-])", re.IGNORECASE)


def _label_end(text: str) -> int:
    """Where the sentence proper starts after a leading short label or two ("Weeks
    1–2: ", "Tier 1 support — "): plan labels, stage names and list numbers are not
    what the sentence asserts."""
    end = 0
    for _ in range(2):
        for pattern in (_LABEL, _DASH_LABEL):
            match = pattern.match(text, end)
            if match and len(match.group(1).split()) <= _LABEL_WORDS:
                end = match.end()
                break
        else:
            break
    while end < len(text) and text[end] in _TRIM:
        end += 1
    return end


_DETECTORS: dict[str, ClaimDetector] = {}


def claim_detector(config: Config | None = None) -> ClaimDetector:
    """The detector for a configuration (the packaged cues, extended by the config's
    `data: {claim_cues: ...}`), built once per distinct data."""
    from reportlint.data import data_key, load_data

    key = data_key("claim_cues", config)
    if key not in _DETECTORS:
        _DETECTORS[key] = ClaimDetector(load_data("claim_cues", config) or {})
    return _DETECTORS[key]


def find_claim_cue(sentence: str, config: Config | None = None) -> ClaimCue | None:
    """The cue that makes `sentence` a claim that needs a source, or None."""
    return claim_detector(config).find(sentence)
