"""The measuring functions behind D002 and D003, against plain reference versions."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st
from reportlint.document.text import words
from reportlint.language.repetition import (
    RepeatedPhrase,
    _longest_first,
    alignment_ratio,
    asks,
    closes_sentence,
    leads_in,
    near_pairs,
    repeated_phrases,
    shared_words,
    stands_as_heading,
)
from reportlint.language.slots import is_term
from reportlint.language.subjects import (
    defined_terms,
    is_name_list,
    is_occupation,
    mask_names,
    name_forms,
)

_SENTENCES = st.lists(st.lists(st.sampled_from(["a", "b", "c", "d", "e", "f", "g", "h"]),
                               max_size=14), min_size=2, max_size=24)


def every_pair(sequences: list[list[str]], threshold: float,
               min_words: int) -> list[tuple[int, int, float]]:
    """near_pairs written as its definition: every pair, in length order, within the
    length window and the shared-words bound, aligned at the threshold, not equal."""
    order = sorted((i for i, s in enumerate(sequences) if len(s) >= min_words),
                   key=lambda i: len(sequences[i]))
    found = []
    for position, i in enumerate(order):
        for j in order[position + 1:]:
            a, b = sequences[i], sequences[j]
            if len(b) > len(a) * ((2 - threshold) / threshold):  # as near_pairs rounds
                break
            shared = len(set(a) & set(b))
            if shared < (threshold - 0.2) / 2 * (len(a) + len(b)) or a == b:
                continue
            ratio = alignment_ratio(a, b)
            if ratio >= threshold:
                found.append((min(i, j), max(i, j), ratio))
    return found


@settings(max_examples=300, deadline=None)
@given(_SENTENCES, st.sampled_from([0.5, 0.6, 0.75, 0.9]), st.integers(1, 6))
def test_near_pairs_finds_what_comparing_every_pair_finds(
        sequences: list[list[str]], threshold: float, min_words: int) -> None:
    assert list(near_pairs(sequences, threshold, min_words)) == every_pair(
        sequences, threshold, min_words)


def test_near_pairs_example() -> None:
    one = "before the system design round write down two questions".split()
    two = "before the code review round write down two questions".split()
    other = "salary bands follow the local market in each region".split()
    assert [(i, j) for i, j, _ in near_pairs([one, other, two], 0.75, 6)] == [(0, 2)]


_TOKENS = st.lists(st.lists(st.sampled_from(["a", "b", "c", "the", "of", None]), max_size=12),
                   min_size=1, max_size=12)


def every_phrase(sequences: list[list[str | None]], min_count: int,
                 edge: frozenset[str]) -> list[RepeatedPhrase]:
    """repeated_phrases written as its definition: count every run of 2-12 words."""
    spots: dict[tuple[str, ...], list[tuple[int, int]]] = {}
    for index, tokens in enumerate(sequences):
        for start in range(len(tokens)):
            for end in range(start + 2, min(start + 12, len(tokens)) + 1):
                gram = tokens[start:end]
                if None in gram:
                    break
                spots.setdefault(tuple(str(t) for t in gram), []).append((index, start))
    found = [RepeatedPhrase(gram, tuple(sorted(places))) for gram, places in spots.items()
             if len(places) >= min_count and gram[0] not in edge and gram[-1] not in edge]
    return _longest_first(found, lambda size: min_count)


@settings(max_examples=300, deadline=None)
@given(_TOKENS, st.integers(2, 4))
def test_repeated_phrases_finds_what_counting_every_phrase_finds(
        sequences: list[list[str | None]], min_count: int) -> None:
    edge = frozenset({"the", "of"})
    found = repeated_phrases(sequences, lambda size: min_count, edge, max_words=12)
    assert found == every_phrase(sequences, min_count, edge)


# What a report is about, and the shapes of sentences ----------------------------------

def test_names_the_report_is_about() -> None:
    forms = name_forms(["Frontend Developer"])
    tokens = words("Hiring front-end developers who ship")
    assert mask_names(list(tokens), forms) == ["hiring", None, None, "who", "ship"]
    assert is_occupation(("registered", "nurses"), frozenset({"nurse"}), frozenset())
    assert not is_occupation(("reports", "for", "store", "managers"),
                             frozenset({"manager"}), frozenset({"for"}))
    assert is_name_list("HTML, CSS, and JavaScript", frozenset({"and"}))
    assert is_name_list("Python, pandas and scikit-learn", frozenset({"and"}))
    assert not is_name_list("navigating security reviews and procurement",
                            frozenset({"and"}))
    assert defined_terms(["Track mean time to recovery (MTTR) weekly.",
                          "a total cost of ownership (TCO) model", "Tier 2 (SaaS)"]) == [
        ("mean", "time", "to", "recovery"), ("total", "cost", "of", "ownership")]


def test_terms_and_template_phrases() -> None:
    function = frozenset({"of", "and", "after", "by"})
    assert is_term(("patient", "safety"), 3, function)
    assert is_term(("frontend", "and", "backend"), 3, function)
    assert is_term(("electronic", "health", "record", "systems"), 3, function)
    assert is_term(("jobs", "to", "be", "done"), 3, function | {"to", "be"})
    assert not is_term(("reconciling", "ledger", "breaks", "after", "settlement"), 3,
                       function)
    assert not is_term(("rebuilding", "the", "forecast", "after", "each", "reorganisation"),
                       3, function | {"the", "each"})


def test_shapes_of_sentences() -> None:
    assert leads_in("Some of the key features of Docker are:")
    assert asks("**What are the different HTTP methods?**")
    assert closes_sentence("Keep the record.") and not closes_sentence("Version control")
    assert stands_as_heading("**Step 1: Learn the basics.**")
    assert not stands_as_heading("**Step 1:** Learn the basics.")
    assert shared_words("basic understanding of design".split(),
                        "deep understanding of design".split(), frozenset({"of"})) == 2
