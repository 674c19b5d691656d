"""`PhraseMatcher` against the plainest reading of its contract: at each word, try every
listed phrase; the longest that matches wins, the first listed among equals; a plural
first word only where no phrase matches the word as written; then go on after the match.

The matcher walks a table of word sequences instead of trying every phrase; these tests
hold the two to the same answers on phrase lists and texts built to meet its edge cases
(capitals, plurals in -s, -es and -ies, phrases inside phrases, the same words listed
twice, a phrase left out with `without`).
"""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st
from reportlint.document.text import PhraseMatcher, tokens


def _same(phrase_word: str, word: str) -> bool:
    if len(phrase_word) > 1 and phrase_word.isupper():
        return word == phrase_word
    return word.casefold() == phrase_word.casefold()


def _singular_forms(word: str) -> list[str]:
    if len(word) < 3 or word[-1] not in "sS":
        return []
    forms = [word[:-1]]
    if word[-2:] in ("es", "ES"):
        forms.append(word[:-2])
    if word[-3:] == "ies":
        forms.append(word[:-3] + "y")
    return forms


def reference(phrases: list[tuple[str, int]], text: str) -> list[tuple[str, int, int, int]]:
    found = tokens(text)
    written = [word for word, _, _ in found]
    listed = [([w for w, _, _ in tokens(phrase)], phrase, value) for phrase, value in phrases]
    out = []
    at = 0
    while at < len(written):
        best = None  # (size, order)
        for order, (parts, _, _) in enumerate(listed):
            size = len(parts)
            if not parts or at + size > len(written):
                continue
            last = written[at + size - 1]
            fits = all(_same(p, w) for p, w in zip(parts[:-1], written[at:], strict=False)) and (
                _same(parts[-1], last) or (size > 1 and any(
                    _same(parts[-1], s) for s in _singular_forms(last))))
            if fits and (best is None or size > best[0]):
                best = (size, order)
        if best is None:
            for form in _singular_forms(written[at]):
                orders = [order for order, (parts, _, _) in enumerate(listed)
                          if len(parts) == 1 and _same(parts[0], form)]
                if orders:
                    best = (1, orders[0])
                    break
        if best is None:
            at += 1
            continue
        size, order = best
        _, phrase, value = listed[order]
        out.append((phrase, value, found[at][1], found[at + size - 1][2]))
        at += size
    return out


def _found(matcher: PhraseMatcher[int], text: str) -> list[tuple[str, int, int, int]]:
    return [(m.phrase, m.value, m.start, m.end) for m in matcher.find(text)]


WORDS = ["data", "model", "win", "rate", "policy", "class", "deal", "desk", "sdr", "map",
         "team", "the", "eu", "act", "bus"]


def _written(word: str, case: int) -> str:
    return (word, word.upper(), word.capitalize())[case]


def _plural(word: str, form: int) -> str:
    if form == 1:
        return word + "s"
    if form == 2:
        return word + "es"
    if form == 3 and word.endswith("y"):
        return word[:-1] + "ies"
    return word


phrase_words = st.tuples(st.sampled_from(WORDS), st.integers(0, 2), st.integers(0, 3))
phrase_lists = st.lists(st.lists(phrase_words, min_size=1, max_size=3), min_size=1,
                        max_size=12)
texts = st.lists(phrase_words, max_size=14)


def _phrases(drawn: list[list[tuple[str, int, int]]]) -> list[tuple[str, int]]:
    # Phrases in lower case, capitals or title case; some listed in a plural form.
    return [(" ".join(_plural(_written(w, case), form % 2) for w, case, form in words),
             number) for number, words in enumerate(drawn)]


def _text(drawn: list[tuple[str, int, int]]) -> str:
    return " ".join(_plural(_written(w, case), form) for w, case, form in drawn) + "."


@settings(max_examples=400, deadline=None)
@given(phrase_lists, texts)
def test_matches_what_trying_every_phrase_finds(drawn_phrases, drawn_text):
    phrases, text = _phrases(drawn_phrases), _text(drawn_text)
    assert _found(PhraseMatcher(phrases), text) == reference(phrases, text)


@settings(max_examples=200, deadline=None)
@given(phrase_lists, texts, st.sets(st.integers(0, 11)))
def test_without_matches_a_matcher_built_from_the_rest(drawn_phrases, drawn_text, left_out):
    phrases, text = _phrases(drawn_phrases), _text(drawn_text)
    kept = [(phrase, value) for phrase, value in phrases if value not in left_out]
    assert _found(PhraseMatcher(phrases).without(left_out), text) == reference(kept, text)


def test_the_edge_cases_by_name():
    matcher = PhraseMatcher([("win rate", 1), ("MAP", 2), ("data", 3), ("data model", 4),
                             ("data", 5), ("policy", 6), ("deal desk", 7)])
    assert _found(matcher, "Win rates rose.") == [("win rate", 1, 0, 9)]
    assert _found(matcher, "a map, a MAP") == [("MAP", 2, 9, 12)]
    assert _found(matcher, "data models and data") == [("data model", 4, 0, 11),
                                                        ("data", 3, 16, 20)]
    assert _found(matcher, "Policies differ") == [("policy", 6, 0, 8)]
    # a plural inside a phrase is not its last word's plural
    assert _found(matcher, "deals desk") == []
