"""What a report names because it is about it: its own role (however spelt, singular or
plural), job titles, and lists of named things. A repeated phrase that is one of these
is the report's subject, not a template's filler, so the repetition rules (D002, H002)
leave it alone."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING

from reportlint.document.text import fold, strip_inline, word_spans, words
from reportlint.language.repetition import Tokens, own_names

if TYPE_CHECKING:
    from reportlint.config import Config
    from reportlint.document.model import Document

def squashed(tokens: Sequence[str]) -> str:
    """A name's spelling-blind form: "front-end developers" and "Frontend Developers"
    both give "frontenddevelopers"."""
    return "".join(token.replace("-", "").replace("'", "") for token in tokens)


def name_forms(names: Iterable[str]) -> frozenset[str]:
    """The squashed forms of the report's own names, singular and plural."""
    forms: set[str] = set()
    for name in names:
        form = squashed(words(name))
        if form:
            forms.update((form, form + "s", form + "es"))
    return frozenset(forms)


def mask_names(tokens: Tokens, forms: frozenset[str], longest: int = 5) -> Tokens:
    """`tokens` with every run of words spelling one of `forms` (however hyphenated or
    spaced: "front-end developers" for a Frontend Developer) set to None."""
    if not forms:
        return list(tokens)
    starts = _prefixes(forms)
    masked = list(tokens)
    if starts.isdisjoint(masked) and not any(
            token.replace("-", "").replace("'", "") in starts for token in masked
            if token is not None and ("-" in token or "'" in token)):
        return masked
    start = 0
    while start < len(masked):
        matched = 0
        joined = ""
        for end in range(start, min(start + longest, len(masked))):
            token = masked[end]
            if token is None:
                break
            joined += token.replace("-", "").replace("'", "")
            if joined not in starts:  # most words start no name
                break
            if joined in forms:
                matched = end + 1 - start
        if matched:
            masked[start:start + matched] = [None] * matched
            start += matched
        else:
            start += 1
    return masked


@lru_cache(maxsize=64)
def _prefixes(forms: frozenset[str]) -> frozenset[str]:
    return frozenset(form[:end] for form in forms for end in range(1, len(form) + 1))


def singular(word: str) -> str:
    """A plural head noun's singular, near enough for matching titles."""
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    if word.endswith(("ches", "shes", "sses")):
        return word[:-2]
    if word.endswith("s") and not word.endswith("ss") and len(word) > 3:
        return word[:-1]
    return word


def is_occupation(phrase: Sequence[str], heads: frozenset[str],
                  edge_words: frozenset[str]) -> bool:
    """Whether a phrase is a job title: a few content words ending in a head noun
    ("registered nurses", "backend engineer", "data scientists"). A phrase with function
    words in it ("reports for store managers") is not a title."""
    return (len(phrase) <= 4 and singular(phrase[-1]) in heads
            and not any(word in edge_words for word in phrase))


def phrase_as_written(text: str, start: int, size: int) -> str:
    """The words `start` to `start + size` of `text` (as `words` counts them) with the
    punctuation between them, as written; "" when the words cannot be found again."""
    plain = fold(strip_inline(text))
    spans = word_spans(plain)
    if len(spans) != len(words(text)) or start + size > len(spans) or size < 1:
        return ""
    return plain[spans[start][1]:spans[start + size - 1][2]]


_ITEM_BREAK = re.compile(r"\s*[,;/&+]\s*(?:(?:and|or)\s+)?|\s+(?:and|or)\s+", re.IGNORECASE)


def is_name_list(written: str, edge_words: frozenset[str]) -> bool:
    """Whether a phrase as written is a list of named things: proper names and acronyms
    joined by function words ("HTML, CSS, and JavaScript", "SOX and PCI DSS"), or three
    or more items of a word or two each ("Python, pandas and scikit-learn"). A report
    about them names them again and again; a template's phrase is a clause."""
    found = [word for word, _, _ in word_spans(written)]
    content = [word for word in found if word.casefold() not in edge_words]
    if content and all(word[0].isupper() or word[0].isdigit()
                       or any(c.isupper() for c in word[1:]) for word in content):
        return True
    items = [item for item in _ITEM_BREAK.split(written) if item.strip()]
    return len(items) >= 3 and all(len(word_spans(item)) <= 2 for item in items)


_ACRONYM = re.compile(r"\(([A-Z][A-Za-z0-9&]{1,7})\)")
_OPTIONAL = frozenset({"a", "an", "and", "as", "at", "be", "by", "for", "in", "of", "on", "or",
                       "the", "to"})


def _spells(term: Sequence[str], letters: str) -> bool:
    """Whether the words' initials spell `letters`, each short function word ("of",
    "to") free to give its initial or not."""
    if not term:
        return not letters
    word, rest = term[0], term[1:]
    if letters and word[0] == letters[0] and _spells(rest, letters[1:]):
        return True
    return word in _OPTIONAL and _spells(rest, letters)


def defined_terms(texts: Iterable[str]) -> list[tuple[str, ...]]:
    """Terms the report defines with an acronym: "mean time to recovery (MTTR)" gives
    ("mean", "time", "to", "recovery"): the words just before the parenthesis whose
    initials spell it, function words allowed inside."""
    found: set[tuple[str, ...]] = set()
    for text in texts:
        if "(" not in text:
            continue
        plain = fold(strip_inline(text))
        for match in _ACRONYM.finditer(plain):
            letters = "".join(c for c in match.group(1) if c.isupper() or c.isdigit()).casefold()
            before = words(plain[:match.start()])[-2 * len(letters) - 2:]
            for start in range(len(before) - 1, -1, -1):
                term = before[start:]
                if len(term) >= 2 and term[0] not in _OPTIONAL and _spells(term, letters):
                    found.add(tuple(term))
                    break
    return sorted(found)


@dataclass(frozen=True)
class Subjects:
    """What a report names because it is about it: its own names (role, aliases,
    industry, region, track, however spelt), terms it defines with an acronym ("mean
    time to recovery (MTTR)"), job titles, and lists of named things.
    A repeated phrase that is one of these is the subject, not a template's filler."""

    edge_words: frozenset[str]
    heads: frozenset[str]
    own: frozenset[str]
    terms: frozenset[tuple[str, ...]] = frozenset()  # defined with an acronym

    def named(self, phrase: Sequence[str], written: str = "") -> bool:
        """Whether `phrase` (normalised words; `written`: the phrase as written, when
        known) is one of the report's own names, a job title or a list of names."""
        return (squashed(phrase) in self.own or tuple(phrase) in self.terms
                or is_occupation(phrase, self.heads, self.edge_words)
                or (bool(written) and is_name_list(written, self.edge_words)))


def subjects(doc: Document, config: Config | None = None) -> Subjects:
    """The report's `Subjects`, from its front matter and the packaged word lists
    (`stop_phrases.yaml`: edge words, occupation heads; `job_titles.yaml`: title heads)."""
    from reportlint.language.data import load_data, strings

    stop = load_data("stop_phrases", config)
    heads = {word.casefold() for word in strings(load_data("job_titles", config).get("heads"))}
    heads.update(word.casefold() for word in strings(stop.get("occupation_heads")))
    names = own_names(doc)
    if doc.meta is not None and words(doc.meta.role):
        heads.add(singular(words(doc.meta.role)[-1]))
    return Subjects(frozenset(str(w) for w in stop.get("edge_words", [])), frozenset(heads),
                    name_forms(names), frozenset(defined_terms(u.text for u in doc.units)))
