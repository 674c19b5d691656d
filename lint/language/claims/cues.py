"""`claim_cues.yaml` compiled for the detector: cue patterns by strength, what each
section is for, and where each cue can start (so a cue is tried only where it can match)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from reportlint.document.text import links
from reportlint.language.data.patterns import remembered_pattern
from reportlint.language.regexprefix import start_prefixes

WORD = re.compile(r"[\w'’-]+")
FIGURE_CUES = ("number", "date")
# What follows a word: the end of a clause (punctuation) or the next word.
NEXT_WORD = re.compile(r"\s*(?:([,;:.!?)\]]|$)|([\w'’-]+))")


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
    linked: bool = False  # the sentence links the source inline, without a footnote

    @property
    def is_claim(self) -> bool:
        return self.cue is not None


def phrase(entries: list[str]) -> str:
    return "|".join(f"(?:{entry})" for entry in entries)


_BEFORE = r"(?<![\w'’-])"  # a cue starts a word
WORD_STARTS = re.compile(_BEFORE + r"(?=\S)")


def words_pattern(entries: list[str]) -> re.Pattern[str]:
    return remembered_pattern(rf"{_BEFORE}(?:{phrase(entries)})(?![\w'’])", re.IGNORECASE)


STRENGTH_ORDER = {"strong": 0, "medium": 1, "weak": 2}
NOT_CLAIM_WHY = {"recommendation": "the writer's recommendation",
                  "framing": "the report describing itself", "definition": "a definition"}
_PURPOSES = ("claim", "neutral", "answer", "story", "advice", "method")


def _regex(entries: list[str] | None, *, start: bool = False) -> re.Pattern[str]:
    if not entries:
        return re.compile(r"(?!)")
    return start_pattern(entries) if start else words_pattern(entries)


class Model:
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
        self.overrides = [(level, remembered_pattern(rf"(?:{phrase(strength[level])})",
                                                     re.IGNORECASE))
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
        indefinite = phrase(data.get("indefinite_subjects") or ["(?!)"])
        self.indefinite = remembered_pattern(rf"^(?:{indefinite})", re.IGNORECASE)
        self.pay_figure = remembered_pattern(phrase(data.get("pay_figure") or ["(?!)"]),
                                             re.IGNORECASE)
        self.money = remembered_pattern(phrase(data.get("money_figure") or ["(?!)"]),
                                        re.IGNORECASE)
        self.first_person = _regex(data.get("first_person"))
        self.reader = _regex(data.get("reader_words"))
        self.reader_subject = _regex(data.get("reader_subjects"), start=True)
        self.reader_advice = _regex(data.get("reader_advice"))
        self.method = _regex(data.get("method_statements"))
        self.scenario_label = _regex(data.get("scenario_labels"))
        self.scenario_ok = bool(data.get("question_after_makes_a_scenario", True))
        self.sources = _regex(data.get("named_sources"))
        self.source_patterns = [remembered_pattern(entry)
                                for entry in data.get("source_patterns", [])]
        self.subject_reach = int(data.get("subject_reach", 40))
        self.skip_table = _regex(data.get("table_skip_headers"))
        determiners = phrase(data.get("determiners") or ["(?!)"])
        self.determiners = remembered_pattern(rf"(?:{determiners})", re.IGNORECASE)
        domains = phrase(data.get("source_domains") or ["(?!)"])
        self.source_domains = remembered_pattern(
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

    @staticmethod
    def links_source(raw: str, source: str) -> bool:
        """Whether `raw` links the named `source` inline: a link whose words hold its name
        ("[Statista](https://...)"), or whose address is on its site ("Indeed reported
        ... [salaries](https://www.indeed.com/...)"). The claim is then backed, only not
        in a footnote, which is what its finding should say."""
        name = source.casefold()
        if not name:
            return False
        squashed = re.sub(r"[\W_]+", "", name)
        for label, target in links(raw):
            if name in label.casefold():
                return True
            # Whole labels of the host only: "bls.gov" and "uk.indeed.com" are the
            # sites of "BLS" and "indeed.com", "notbls.example.com" is not.
            host = re.sub(r"^[a-z][\w+.-]*://", "", target.casefold()).split("/")[0]
            if squashed in host.split(".") or f".{host}".endswith(f".{name}"):
                return True
        return False


@dataclass(frozen=True, slots=True)
class CueStarts:
    kinds: dict[str, tuple[int, ...]]  # a match's first 1-3 characters -> cue kinds
    filtered: frozenset[int]  # the kinds whose starts are known


def cue_starts(cues: list[tuple[str, re.Pattern[str]]]) -> CueStarts:
    from reportlint.language import regexprefix
    from reportlint.language.data.parsed import remember_parse

    # Reading the patterns again costs ~7 ms a process: kept between runs, by pattern.
    key = "\n".join(f"{pattern.flags} {pattern.pattern}" for _, pattern in cues)
    kinds, filtered = remember_parse(key, lambda _: _read_cue_starts(cues),
                                     code=[regexprefix.__file__, __file__])
    return CueStarts(kinds, frozenset(filtered))


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


def start_pattern(entries: list[str]) -> re.Pattern[str]:
    if not entries:
        return re.compile(r"(?!)")
    return remembered_pattern(rf"^(?:{phrase(entries)})(?![\w'’-])", re.IGNORECASE)
