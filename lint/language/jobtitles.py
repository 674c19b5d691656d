"""Job titles in report prose: other titles used where the report speaks of its own
role (C003), and the words both role rules share.

The words that make a title (head nouns, seniority, abbreviations, heads that mean the
same, the cues of speaking about oneself) are data: `job_titles.yaml`, extended by
config. How the report's own role is written (C002) is `rolenames`.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from reportlint.document.text import PhraseMatch, PhraseMatcher, split_sentences
from reportlint.language.roleforms import RoleMention
from reportlint.language.rolenames import RoleNames, Word
from reportlint.language.titlewords import TitleWords, title_words_for

__all__ = ["OtherTitle", "RoleMention", "RoleNames", "TitleFinder", "TitleWords", "Word",
           "title_words_for"]


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
    folded words joined by spaces). Titles that contain the role or that the role
    contains ("Senior Product Manager", "Product Manager"), and titles that name the same
    role ("Backend Engineer" for a Backend Developer, "web developer" for a Frontend
    Developer), are not other titles."""

    def __init__(self, titles: PhraseMatcher[str], own: RoleNames) -> None:
        self.words = own.words
        self.own = own
        self.titles = titles

    def is_other(self, key: str) -> bool:
        return not any(_contains(key, o) or _contains(o, key) for o in self.own.keys) and \
            not self.own.same_role(key)

    def find(self, text: str, words: Sequence[Word], own: Sequence[RoleMention],
             named: Sequence[PhraseMatch[str]]) -> list[OtherTitle]:
        """The other titles among `named` (this text's title matches) used in a spot
        where the report speaks of its own role. Once a passage has named a title as a
        topic of its own (its bold lead-in, a move, a comparison), later mentions of it
        in that passage go on speaking of that title."""
        found: list[OtherTitle] = []
        sentences = split_sentences(text) if named else []
        topics: set[str] = set()
        lead = _LEAD_IN.match(text) if named else None
        for match in named:
            if not self.is_other(match.value) or any(
                    m.start < match.end and match.start < m.end for m in own):
                continue
            if match.value in topics or (lead and match.start < lead.end()):
                topics.add(match.value)
                continue
            sentence = next(((s, e) for s, e in sentences if s <= match.start < e),
                            (0, len(text)))
            inside = [w for w in words if sentence[0] <= w[1] < sentence[1]]
            cue = ""
            if not any(sentence[0] <= m.start < sentence[1] for m in own):
                # a sentence that names both is a comparison or a career move
                cue = self._self_cue(match.value, match.start, match.end, inside)
            if cue:
                found.append(OtherTitle(match.start, match.end, match.words, cue))
            else:
                topics.add(match.value)
        return found

    def _self_cue(self, key: str, start: int, end: int, words: Sequence[Word]) -> str:
        before = [w for w in words if w[2] <= start]
        after = [w for w in words if w[1] >= end]
        if after and _singular(after[0][0].casefold()) & self.words.heads:
            return ""  # "a backend engineer recruiter": the title names another job's field
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


# A bullet or paragraph that opens with a bold label ("**Data Analyst**: ...") is about
# what the label names.
_LEAD_IN = re.compile(r"\s*(\*\*|__)[^*_\n]+\1")


def _singular(word: str) -> set[str]:
    forms = {word}
    if word.endswith("s"):
        forms.add(word[:-1])
    return forms


def _contains(longer: str, shorter: str) -> bool:
    return f" {shorter} " in f" {longer} "
