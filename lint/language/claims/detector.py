"""The claim detector behind E001: `claim_detector(config).find(sentence)` gives the cue
that makes a sentence a claim, with its strength and reading, or None."""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from reportlint.document.text import fold, strip_inline
from reportlint.language.claims.cues import (
    FIGURE_CUES,
    NEXT_WORD,
    NOT_CLAIM_WHY,
    STRENGTH_ORDER,
    WORD,
    WORD_STARTS,
    ClaimCue,
    CueStarts,
    Model,
    Verdict,
    cue_starts,
    phrase,
    start_pattern,
    words_pattern,
)
from reportlint.language.claims.signs import CLAUSE_BREAK, Signs
from reportlint.language.data.patterns import remembered_pattern
from reportlint.language.regexprefix import SAFE_TEXT, matches_at

if TYPE_CHECKING:
    from reportlint.config import Config


_LABEL = re.compile(r"^([^:;.?!]{1,60}?):\s+(?=\S)")
_DASH_LABEL = re.compile(r"^(.{1,60}?)\s+[—–-]\s+(?=\S)")
_LABEL_WORDS = 6
_REMEMBERED = 1 << 14  # verdicts and moods kept per detector (a few MB at most)
_TRIM = " \t\"'“”‘’()[]*_"
class ClaimDetector:
    """Cues, signs of advice and the claim model compiled from the `claim_cues` data."""

    def __init__(self, data: dict[str, Any], *, look_up_starts: bool = True) -> None:
        self.cues = [(kind, words_pattern(entries))
                     for kind, entries in data.get("cues", {}).items() if entries]
        # Without the lookup every cue pattern scans the whole sentence: the same
        # answers, slower (the reference the lookup is tested against).
        self._starts = cue_starts(self.cues) if look_up_starts else CueStarts({}, frozenset())
        self.exceptions = {kind: words_pattern(entries)
                           for kind, entries in data.get("exceptions", {}).items() if entries}
        self.opening = start_pattern(data.get("opening_quantifiers", []))
        self.variety = words_pattern(data.get("variety", []) or ["(?!)"])
        self.comparative_words = {w.casefold() for w in data.get("comparative_words", [])}
        self.not_comparison_after = {w.casefold()
                                     for w in data.get("not_comparison_after", [])}
        self.not_superlatives = {w.casefold() for w in data.get("not_superlatives", [])}
        self.noun_superlative_after = {w.casefold()
                                       for w in data.get("noun_superlative_after", [])}
        signs = data.get("not_claims", {})
        self.imperative = start_pattern(signs.get("imperative_verbs", []))
        self.second_person = start_pattern(signs.get("second_person", []))
        self.conditional = start_pattern(signs.get("conditionals", []))
        openers = signs.get("clause_openers", [])
        self.clause = remembered_pattern(rf"^(?:{phrase(openers)})\b[^,;:]{{0,80}},\s+",
                                         re.IGNORECASE) if openers else None
        self.not_claim = [(name, words_pattern(signs.get(name, [])))
                          for name in ("recommendation", "framing", "definition")
                          if signs.get(name)]
        self.model = Model(data.get("model", {}))
        # A verdict depends on the sentence, where it stands and what follows it, nothing
        # else: remembered, so that an editor's re-check after a keystroke, or a
        # templated corpus whose reports share sentences, judges each sentence once.
        self._verdicts = lru_cache(maxsize=_REMEMBERED)(self._judge)
        self._moods = lru_cache(maxsize=_REMEMBERED)(self._imperative_mood)

    def find(self, sentence: str, section: str | None = None,
             subsection: str | None = None) -> ClaimCue | None:
        """The cue that makes `sentence` (inline Markdown allowed) a claim, or None when
        it is not one. `section` is the catalog key of the section it stands in."""
        return self.judge(sentence, section, subsection).cue

    def judge(self, sentence: str, section: str | None = None,
              subsection: str | None = None, *, before_question: bool = False,
              before_instruction: bool = False) -> Verdict:
        """Whether `sentence` is a claim (see `_judge`), remembered."""
        return self._verdicts(sentence, section, subsection, before_question,
                              before_instruction)

    def _judge(self, sentence: str, section: str | None, subsection: str | None,
               before_question: bool, before_instruction: bool) -> Verdict:
        """Whether `sentence` is a claim, decided from its role (mood, examples, hedges,
        the section's purpose, its subject) and the strength of its cues.
        `before_question`: a question to the reader follows it in the same bullet or
        paragraph (the set-up of an interview scenario); `before_instruction`: an
        instruction follows it ("... Explain how you would check it."), which makes it
        a scenario outside the sections that state the market."""
        plain = fold(strip_inline(sentence)).strip(_TRIM + " ")
        if not plain:
            return Verdict(None, "no text")
        if plain.rstrip(_TRIM).endswith("?"):
            return Verdict(None, "a question")
        if plain.rstrip(_TRIM).endswith(":"):
            return Verdict(None, "the lead-in to a list")
        label_end = _label_end(plain)
        body = plain[label_end:]
        model = self.model
        if label_end and model.scenario_label.search(plain[:label_end]):
            return Verdict(None, "an example or scenario")
        if self.imperative_mood(body):
            return Verdict(None, "advice")
        if self.conditional.match(body):
            return Verdict(None, "a conditional")
        for name, pattern in self.not_claim:
            if pattern.search(plain):
                return Verdict(None, NOT_CLAIM_WHY.get(name, name))
        if before_question and model.scenario_ok:
            return Verdict(None, "the set-up of a question")
        purpose = model.purpose(section, subsection)
        if before_instruction and model.scenario_ok and purpose != "claim":
            return Verdict(None, "the set-up of a task")
        cues = self.cues_in(plain, label_end)
        if not cues:
            return Verdict(None, "no cue")

        reader = bool(self.second_person.match(body)) or bool(model.reader_subject.match(body))
        if reader and model.reader_advice.search(body):
            return Verdict(None, "advice")
        signs = Signs(plain, body, label_end, reader, purpose, model)
        signs.advice_after = any(self.imperative_mood(clause.strip(_TRIM))
                                 for clause in CLAUSE_BREAK.split(body)[1:])
        refusal = ""
        for cue in sorted(cues, key=lambda c: STRENGTH_ORDER[c.strength]):
            why = signs.counts(cue)
            if why.startswith("+"):
                source = model.named_source(plain, sentence, cue.start + len(cue.text))
                return Verdict(cue, why[1:], source,
                               source is not None and model.links_source(sentence, source))
            refusal = refusal or why
        return Verdict(None, refusal or "no cue")

    def imperative_mood(self, body: str) -> bool:
        """An instruction (see `_imperative_mood`), remembered."""
        return self._moods(body)

    def _imperative_mood(self, body: str) -> bool:
        """An instruction: the main clause starts with an imperative verb (after up to
        two leading clauses such as "If the role is on-call, ")."""
        clause = body
        for _ in range(2):
            if self.imperative.match(clause):
                return True
            opened = self.clause.match(clause) if self.clause else None
            if opened is None:
                return False
            clause = clause[opened.end():]
        return False

    def cue_in(self, text: str, label_end: int = 0) -> ClaimCue | None:
        """The strongest cue in `text` (the first of its strength, by the data's order
        of kinds). Figures and dates in a leading label ("Weeks 1–2: ", "Q1 2026: ")
        do not count."""
        cues = self.cues_in(text, label_end)
        return min(cues, key=lambda c: STRENGTH_ORDER[c.strength]) if cues else None

    def cues_in(self, text: str, label_end: int = 0) -> list[ClaimCue]:
        """The first cue of each kind in `text`, in the data's order of kinds."""
        found: list[ClaimCue] = []
        candidates = self._candidates(text)
        for number, (kind, pattern) in enumerate(self.cues):
            exception = self.exceptions.get(kind)
            spans: list[tuple[int, int]] | None = None
            if candidates is not None and number in self._starts.filtered:
                matches: Iterator[re.Match[str]] = matches_at(
                    pattern, text, candidates.get(number, ()))
            else:
                matches = pattern.finditer(text)
            cue: ClaimCue | None = None
            for match in matches:
                if match.start() < label_end and (
                        kind in FIGURE_CUES or kind == "quantifier"):
                    continue
                if spans is None:
                    spans = [m.span() for m in exception.finditer(text)] if exception else []
                if any(start <= match.start() < end for start, end in spans):
                    continue
                if kind == "comparative" and self._false_superlative(text, match):
                    continue
                found_here = self._cue(kind, match.group(0), match.start())
                cue = cue or found_here
                if found_here.strength != "weak" and (
                        kind != "number" or any(ch.isdigit() for ch in found_here.text)):
                    # a stronger cue of the kind further on, or the figure itself
                    # rather than "median", is what the finding names
                    cue = found_here if cue.strength == "weak" or kind == "number" else cue
                    break
            if cue is None and kind == "comparative" and "than" in text:
                than = self._comparison(text)
                if than is not None:
                    cue = self._cue(kind, than[0], than[1])
            if cue is not None:
                found.append(cue)
        opening = self.opening.match(text[label_end:])
        if opening is not None and not self.variety.search(text, opening.end()):
            found.append(self._cue("quantifier", opening.group(0), label_end))
        return found

    def _cue(self, kind: str, text: str, start: int) -> ClaimCue:
        return ClaimCue(kind, text, self.model.strength(kind, text), start)

    def _candidates(self, text: str) -> dict[int, list[int]] | None:
        """Where each cue kind could match, by the first characters its matches start
        with (see `regexprefix`); None when `text` is beyond what those are known for."""
        if not self._starts.filtered or not SAFE_TEXT.fullmatch(text):
            return None
        lowered, starts = text.lower(), self._starts.kinds
        found: dict[int, list[int]] = {}
        for start in WORD_STARTS.finditer(text):
            at = start.start()
            for size in (1, 2, 3):
                for number in starts.get(lowered[at:at + size], ()):
                    found.setdefault(number, []).append(at)
        for positions in found.values():
            positions.sort()
        return found

    def _false_superlative(self, text: str, match: re.Match[str]) -> bool:
        """A word in -est that is no superlative ("the backtest"), or a superlative
        standing for a noun after a preposition ("a success plan for the largest, ...")."""
        last = match.group(0).split()[-1].casefold()
        if "-" not in last and last in self.not_superlatives:  # "best-paid" counts
            return True
        if not self.noun_superlative_after:
            return False
        before = WORD.findall(text[max(match.start() - 20, 0):match.start()])
        if not before or before[-1].casefold() not in self.noun_superlative_after:
            return False
        after = NEXT_WORD.match(text, match.end())
        return after is None or after.group(1) is not None or (
            after.group(2).casefold() in ("and", "or", "but"))

    def _comparison(self, body: str) -> tuple[str, int] | None:
        """"<comparative> ... than" within six words: "earn more than", "steadier demand
        for actuarial analysts than". Not "rather than" or "other than"."""
        words = [(m.group(0).casefold(), m.start()) for m in WORD.finditer(body)]
        for index, (word, start) in enumerate(words):
            if word != "than" or index == 0 or words[index - 1][0] in ("rather", "other"):
                continue
            for back in range(index - 1, max(index - 7, -1), -1):
                if words[back][0] not in self.comparative_words:
                    continue
                before = {w for w, _ in words[max(back - 6, 0):back]}
                if before & self.not_comparison_after:
                    break
                after = words[index + 1][0] if index + 1 < len(words) else ""
                if back == index - 1 and words[back][0] == "more" and (
                        after.endswith("ing") or after in ("just", "simply", "merely")):
                    break  # "more than automating tasks": not only, not a measure
                return body[words[back][1]:start + len(word)], words[back][1]
        return None


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
    from reportlint.language.data import data_key, load_data

    key = data_key("claim_cues", config)
    if key not in _DETECTORS:
        _DETECTORS[key] = ClaimDetector(load_data("claim_cues", config) or {})
    return _DETECTORS[key]


def find_claim_cue(sentence: str, config: Config | None = None) -> ClaimCue | None:
    """The cue that makes `sentence` a claim that needs a source, or None."""
    return claim_detector(config).find(sentence)
