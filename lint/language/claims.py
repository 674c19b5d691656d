"""The claim detector: is a sentence a factual claim about the market that needs a
source, and which words make it one?

A sentence is a claim when it carries a cue (a figure, a date, a comparison, a trend,
a forecast, a quantifier over the market, or an attribution to someone's data) and
is not advice, a question, the writer's own recommendation, a definition, or the
report describing itself. The cues and the signs of advice are data
(`lint/language/data/claim_cues.yaml`); this module only applies them, so the rule that
reports unbacked claims and the tests that measure the detector share one judge.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from reportlint.document.text import fold, strip_inline
from reportlint.language.regexprefix import SAFE_TEXT, start_prefixes

if TYPE_CHECKING:
    from reportlint.config import Config

_LABEL = re.compile(r"^([^:;.?!]{1,60}?):\s+(?=\S)")
_DASH_LABEL = re.compile(r"^(.{1,60}?)\s+[—–-]\s+(?=\S)")
_LABEL_WORDS = 6
_TRIM = " \t\"'“”‘’()[]*_"
_WORD = re.compile(r"[\w'’-]+")
_FIGURES = ("number", "date")
# What follows a word: the end of a clause (punctuation) or the next word.
_NEXT_WORD = re.compile(r"\s*(?:([,;:.!?)\]]|$)|([\w'’-]+))")


@dataclass(frozen=True, slots=True)
class ClaimCue:
    """Why a sentence reads as a claim: the kind of cue and the words that carry it."""

    kind: str  # attribution, forecast, number, date, comparative, trend, quantifier
    text: str
    strength: str = "strong"  # strong, medium or weak: how much the cue alone says
    start: int = 0  # where the cue stands in the sentence's plain text

    def __str__(self) -> str:
        return f'{self.kind} "{self.text}"'


@dataclass(frozen=True, slots=True)
class Verdict:
    """The claim model's decision on one sentence, with its reasons.

    `cue` is the claim's cue when the sentence is a claim, else None; `why` says in a
    few words what decided (for a claim: what made a weak cue count; otherwise the
    role that makes it no claim: "a question", "advice", "an example"...); `source`
    is a source the sentence names without citing it ("Glassdoor", "U.S. Bureau of
    Labor Statistics").
    """

    cue: ClaimCue | None
    why: str
    source: str | None = None

    @property
    def is_claim(self) -> bool:
        return self.cue is not None


def _phrase(entries: list[str]) -> str:
    return "|".join(f"(?:{entry})" for entry in entries)


_BEFORE = r"(?<![\w'’-])"  # a cue starts a word
_WORD_STARTS = re.compile(_BEFORE + r"(?=\S)")


def _words_pattern(entries: list[str]) -> re.Pattern[str]:
    return re.compile(rf"{_BEFORE}(?:{_phrase(entries)})(?![\w'’])", re.IGNORECASE)


class ClaimDetector:
    """Cues, signs of advice and the claim model compiled from the `claim_cues` data."""

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
        self.noun_superlative_after = {w.casefold()
                                       for w in data.get("noun_superlative_after", [])}
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
        self.model = _Model(data.get("model", {}))

    def find(self, sentence: str, section: str | None = None,
             subsection: str | None = None) -> ClaimCue | None:
        """The cue that makes `sentence` (inline Markdown allowed) a claim, or None when
        it is not one. `section` is the catalog key of the section it stands in."""
        return self.judge(sentence, section, subsection).cue

    def judge(self, sentence: str, section: str | None = None,
              subsection: str | None = None, *, before_question: bool = False,
              before_instruction: bool = False) -> Verdict:
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
                return Verdict(None, _NOT_CLAIM_WHY.get(name, name))
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
        signs = _Signs(plain, body, label_end, reader, purpose, model)
        signs.advice_after = any(self.imperative_mood(clause.strip(_TRIM))
                                 for clause in _CLAUSE_BREAK.split(body)[1:])
        refusal = ""
        for cue in sorted(cues, key=lambda c: _STRENGTH_ORDER[c.strength]):
            why = signs.counts(cue)
            if why.startswith("+"):
                return Verdict(cue, why[1:], model.named_source(plain, sentence,
                                                                   cue.start + len(cue.text)))
            refusal = refusal or why
        return Verdict(None, refusal or "no cue")

    def imperative_mood(self, body: str) -> bool:
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
        return min(cues, key=lambda c: _STRENGTH_ORDER[c.strength]) if cues else None

    def cues_in(self, text: str, label_end: int = 0) -> list[ClaimCue]:
        """The first cue of each kind in `text`, in the data's order of kinds."""
        found: list[ClaimCue] = []
        candidates = self._candidates(text)
        for number, (kind, pattern) in enumerate(self.cues):
            exception = self.exceptions.get(kind)
            spans: list[tuple[int, int]] | None = None
            if candidates is not None and number in self._starts.filtered:
                matches: Iterator[re.Match[str]] = _matches_at(
                    pattern, text, candidates.get(number, ()))
            else:
                matches = pattern.finditer(text)
            cue: ClaimCue | None = None
            for match in matches:
                if match.start() < label_end and (
                        kind in _FIGURES or kind == "quantifier"):
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
        for start in _WORD_STARTS.finditer(text):
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
        before = _WORD.findall(text[max(match.start() - 20, 0):match.start()])
        if not before or before[-1].casefold() not in self.noun_superlative_after:
            return False
        after = _NEXT_WORD.match(text, match.end())
        return after is None or after.group(1) is not None or (
            after.group(2).casefold() in ("and", "or", "but"))

    def _comparison(self, body: str) -> tuple[str, int] | None:
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
                after = words[index + 1][0] if index + 1 < len(words) else ""
                if back == index - 1 and words[back][0] == "more" and (
                        after.endswith("ing") or after in ("just", "simply", "merely")):
                    break  # "more than automating tasks": not only, not a measure
                return body[words[back][1]:start + len(word)], words[back][1]
        return None


_STRENGTH_ORDER = {"strong": 0, "medium": 1, "weak": 2}
_NOT_CLAIM_WHY = {"recommendation": "the writer's recommendation",
                  "framing": "the report describing itself", "definition": "a definition"}
_PURPOSES = ("claim", "neutral", "answer", "story", "advice", "method")


def _regex(entries: list[str] | None, *, start: bool = False) -> re.Pattern[str]:
    if not entries:
        return re.compile(r"(?!)")
    return _start_pattern(entries) if start else _words_pattern(entries)


class _Model:
    """The claim model's data: the purpose of each section, the strength of each cue,
    and the words that mark a sentence's subject, hedges and examples."""

    def __init__(self, data: dict[str, Any]) -> None:
        sections = data.get("sections", {})
        self.by_section = {str(key): purpose for purpose in _PURPOSES
                           for key in sections.get(purpose, [])}
        self.by_subsection = [(purpose, _regex(sections.get(f"{purpose}_subsections")))
                              for purpose in _PURPOSES if sections.get(f"{purpose}_subsections")]
        strength = data.get("strength", {})
        self.kind_strength = {str(k): str(v) for k, v in strength.get("kinds", {}).items()}
        self.overrides = [(level, re.compile(rf"(?:{_phrase(strength[level])})", re.IGNORECASE))
                          for level in ("weak", "medium", "strong") if strength.get(level)]
        self.market = _regex(data.get("market_subjects"))
        self.population = _regex(data.get("population"))
        self.personal = _regex(data.get("personal_history"))
        self.determiner_after = {str(w).casefold() for w in data.get("determiner_after", [])}
        self.hedge = _regex(data.get("hedges"))
        self.existential_hedge = _regex(data.get("existential_hedges"))
        self.variety = _regex(data.get("variety"))
        self.example = _regex(data.get("example_markers"))
        self.list_lead_in = _regex(data.get("list_lead_ins"))
        self.example_start = _regex(data.get("example_openers"), start=True)
        self.generic_subject = _regex(data.get("generic_subjects"), start=True)
        self.existential = _regex(data.get("existential_subjects"), start=True)
        indefinite = _phrase(data.get("indefinite_subjects") or ["(?!)"])
        self.indefinite = re.compile(rf"^(?:{indefinite})", re.IGNORECASE)
        self.pay_figure = re.compile(_phrase(data.get("pay_figure") or ["(?!)"]), re.IGNORECASE)
        self.money = re.compile(_phrase(data.get("money_figure") or ["(?!)"]), re.IGNORECASE)
        self.first_person = _regex(data.get("first_person"))
        self.reader = _regex(data.get("reader_words"))
        self.reader_subject = _regex(data.get("reader_subjects"), start=True)
        self.reader_advice = _regex(data.get("reader_advice"))
        self.method = _regex(data.get("method_statements"))
        self.scenario_label = _regex(data.get("scenario_labels"))
        self.scenario_ok = bool(data.get("question_after_makes_a_scenario", True))
        self.sources = _regex(data.get("named_sources"))
        self.source_patterns = [re.compile(entry) for entry in data.get("source_patterns", [])]
        self.subject_reach = int(data.get("subject_reach", 40))
        self.skip_table = _regex(data.get("table_skip_headers"))
        self.determiners = re.compile(rf"(?:{_phrase(data.get('determiners') or ['(?!)'])})",
                                      re.IGNORECASE)
        domains = _phrase(data.get("source_domains") or ["(?!)"])
        self.source_domains = re.compile(
            rf"\]\(\s*(?:https?://)?(?:[\w-]+\.)*(?P<domain>{domains})(?:[/?#)\s]|$)",
            re.IGNORECASE)

    def purpose(self, section: str | None, subsection: str | None) -> str:
        if subsection:
            for purpose, pattern in self.by_subsection:
                if pattern.search(subsection):
                    return purpose
        return self.by_section.get(section or "", "neutral")

    def strength(self, kind: str, text: str) -> str:
        for level, pattern in self.overrides:
            if pattern.fullmatch(text):
                return level
        return self.kind_strength.get(kind, "strong")

    def named_source(self, plain: str, raw: str = "", before: int | None = None) -> str | None:
        """A source named in the sentence ("according to Glassdoor", "(U.S. Bureau of
        Labor Statistics, May 2023)", a link to a statistics or salary site), which a
        footnote should carry instead. `raw` is the sentence with its Markdown. A known
        publisher's name alone counts only before `before` (the claim's cue): "Levels.fyi
        shows a median of..." names its source, "brands depend on data from Circana"
        names a vendor."""
        for pattern in self.source_patterns:
            match = pattern.search(plain)
            if match:
                return match.group("source").strip(" ,.;:")
        match = self.sources.search(plain, 0, len(plain) if before is None else before)
        if match:
            return match.group(0)
        linked = self.source_domains.search(raw) if "](" in raw else None
        return linked.group("domain") if linked else None


# "In other words, ", "Today, ", "As a result, ": a short opening before the subject.
_READER_REACH = 40  # "you" this far after a cue makes the sentence about the reader
_NEXT_WORDS = re.compile(r"(?:\s+[\w'’&/-]+){1,5}")
_LEADING_CLAUSE = re.compile(r"^[^,;:]{1,40}?,\s+(?=\S)")
# Where a sentence's later clause starts: after a semicolon or a spaced dash.
_CLAUSE_BREAK = re.compile(r";|\s[—–]\s")


class _Signs:
    """What the sentence says about itself, for deciding whether a cue counts."""

    def __init__(self, plain: str, body: str, label_end: int, reader: bool, purpose: str,
                 model: _Model) -> None:
        self.plain, self.body, self.label_end = plain, body, label_end
        self.reader, self.purpose, self.model = reader, purpose, model
        example = model.example.search(plain)
        self.example_from = example.start() if example else len(plain) + 1
        self.example_sentence = bool(model.example_start.match(body))
        lead = _LEADING_CLAUSE.match(body)
        self.main = body[lead.end():] if lead else body
        self.advice_after = False  # an instruction to the reader follows in a clause

    def heads_a_subject(self, cue: ClaimCue) -> bool:
        """A quantifier such as "many" starts the main clause ("Most employers ...") or
        follows a preposition ("at most banks"); after a verb it quantifies an object
        ("ties many teams to one outcome") and says nothing about the market."""
        main_start = self.label_end + len(self.body) - len(self.main)
        if cue.start <= main_start:
            return True
        before = _WORD.findall(self.plain[main_start:cue.start])
        return bool(before) and before[-1].casefold() in self.model.determiner_after

    def market_subject(self, cue: ClaimCue) -> bool:
        """A word for the market (employers, hiring, pay, postings...) before the cue or
        just after it ("Most employers", "Hiring often clusters")."""
        model, end = self.model, cue.start + len(cue.text)
        if model.determiners.fullmatch(cue.text):
            noun = _NEXT_WORDS.match(self.plain, end)  # the noun phrase it quantifies
            window = noun.group(0) if noun else ""
            # the trade's own people ("most payroll specialists") make a market claim
            # only where the report states the market; elsewhere they describe the job
            return bool(model.market.search(window) or (
                self.purpose == "claim" and model.population.search(window)))
        before = model.market.search(self.plain, self.label_end, cue.start)
        if cue.strength == "weak":  # an adverb: its subject stands before it
            return bool(before)
        return bool(before or model.market.search(self.plain, end, end + model.subject_reach))

    def counts(self, cue: ClaimCue) -> str:
        """"+why" when `cue` makes the sentence a claim, else why it does not."""
        model, purpose = self.model, self.purpose
        if cue.start >= self.example_from:
            return "an example"
        market = self.market_subject(cue)
        if self.example_sentence and not (cue.strength == "strong" and market):
            return "an example"
        if purpose == "method" and model.method.search(self.body):
            return "the report's own method"
        if cue.strength == "strong":
            if self.reader and cue.kind == "number" and not model.pay_figure.search(cue.text):
                return "about the reader"
            if purpose == "advice" and not market and not model.money.search(cue.text):
                return "advice"
            return "+a figure" if cue.kind == "number" else "+stated as fact"
        if self.reader or model.reader.search(self.plain, self.label_end,
                                               cue.start + len(cue.text) + _READER_REACH):
            return "about the reader"
        end = cue.start + len(cue.text)
        if model.hedge.search(self.plain, 0, end) or model.existential_hedge.search(
                self.plain, cue.start, end + _READER_REACH):
            return "hedged"
        if model.variety.search(self.plain):
            return "says that it varies"
        if model.first_person.search(self.body):
            return "the writer's own view"
        if purpose == "story":
            return "a field note"
        if cue.strength == "weak" and model.list_lead_in.search(self.plain):
            return "the lead-in to a list"
        if cue.strength == "weak" and self.advice_after:
            # "Postings that ask for X usually bundle Y; ask how the work is split":
            # a rule of thumb the same sentence turns into an instruction
            return "the set-up of advice"
        if purpose == "advice" or purpose == "method":
            if cue.strength == "medium" and market:
                return "+about the market"
            return "advice" if purpose == "advice" else "the report's own method"
        if model.generic_subject.match(self.main):
            return "a generic statement"
        if cue.strength == "weak" and model.existential.match(self.main):
            return "a generic statement"
        if cue.strength == "weak" and model.indefinite.match(self.main):
            return "describes the job"
        if model.determiners.fullmatch(cue.text) and not self.heads_a_subject(cue):
            return "not the subject"
        if cue.strength == "weak" and model.personal.search(self.plain):
            return "a person's history"
        if (cue.kind == "comparative" and purpose == "neutral"
                and model.population.search(self.plain, self.label_end, cue.start)
                and not model.market.search(self.plain)):
            # "Platform PMs spend more time on API design than on screens": the
            # trade's own people compared with themselves, outside the sections that
            # state the market and with nothing of the market in it, describe the job
            return "describes the job"
        if cue.strength == "medium":
            return "+stated as fact"
        if purpose == "answer":
            return "the writer's answer"
        if market:
            return "+about the market"
        return "not about the market"


@dataclass(frozen=True, slots=True)
class _CueStarts:
    kinds: dict[str, tuple[int, ...]]  # a match's first 1-3 characters -> cue kinds
    filtered: frozenset[int]  # the kinds whose starts are known


def _cue_starts(cues: list[tuple[str, re.Pattern[str]]]) -> _CueStarts:
    from reportlint.language import regexprefix
    from reportlint.language.data.parsed import remember_parse

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
    from reportlint.language.data import data_key, load_data

    key = data_key("claim_cues", config)
    if key not in _DETECTORS:
        _DETECTORS[key] = ClaimDetector(load_data("claim_cues", config) or {})
    return _DETECTORS[key]


def find_claim_cue(sentence: str, config: Config | None = None) -> ClaimCue | None:
    """The cue that makes `sentence` a claim that needs a source, or None."""
    return claim_detector(config).find(sentence)
