"""The shared-passage comparison in parts, so that no one process holds the corpus.

`PassageIndex` holds every report's summary and one inverted index from hash to its
posting list. A report's answers depend only on the posting lists of its own hashes,
and each posting list only on the reports holding that hash. So the comparison splits
into steps that each see a part of the corpus (`run/cluster.py` runs them as Dask bag
shuffles; `compare_in_parts` runs them in one process):

1. `posting_entries`: each report's hashes with its place, where the report is read
   (`packed_entries` packs them by group for the shuffle).
2. Grouped by hash (any grouping of whole hashes): `group_answers` works out, for each
   report holding one of the group's shared hashes, what it will ask of them: the other
   reports holding a passage or sentence hash word for word, and for each passage the
   tally of other reports' passages among its shingles' first `CAP` entries. Tallies are
   summed within the group, so what leaves it is about one short list a passage.
3. Grouped by report, with that report's summary: `report_shared_hits` sums its tallies
   over the groups and makes the hits `shared_passage_hits` gives it, the same in every
   word.
"""

from __future__ import annotations

import hashlib
from array import array
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from reportlint.corpus.fingerprints import SENTENCE, PassagePrints
from reportlint.corpus.passages import CAP, first_places, nearest, others_than
from reportlint.corpus.shared import capped_hits, per_report_limit, report_hits
from reportlint.findings import Hit

__all__ = ["Answers", "compare_in_parts", "group_answers", "identity_key", "posting_entries",
           "report_shared_hits"]

# (hash, report number, reference, identity key, line, 1 if the hash is a shingle's
# else 0): one posting entry and the line that names its place.
Entry = tuple[int, int, int, int, int, int]


@dataclass
class _Told:
    """What one group of hashes tells one report, as it is worked out."""

    exact: dict[int, tuple[int, list[tuple[int, int]]]] = field(default_factory=dict)
    tally: dict[int, Counter[tuple[int, int]]] = field(default_factory=dict)
    lengths: dict[int, list[int]] = field(default_factory=dict)
    identities: dict[int, int] = field(default_factory=dict)
    lines: dict[tuple[int, int], int] = field(default_factory=dict)

    def packed(self) -> Answers:
        answers = Answers()
        for value, (count, places) in self.exact.items():
            answers.exact.extend((value, count, len(places)))
            for other, ref in places:
                answers.exact.extend((other, ref, self.lines[(other, ref)]))
        for passage, tally in self.tally.items():
            for (other, ref), count in tally.items():
                answers.tally.extend((passage, other, ref, self.lines[(other, ref)], count))
        for passage, lengths in self.lengths.items():
            for length in lengths:
                answers.lengths.extend((passage, length))
        for other, identity in self.identities.items():
            answers.identities.extend((other, identity))
        return answers


def _rows() -> array[int]:
    return array("Q")


def _in_rows(values: Iterable[int], width: int) -> Iterator[tuple[int, ...]]:
    """Flat `values` read back as rows of `width`."""
    fields = iter(values)
    return zip(*[fields] * width, strict=True)


@dataclass
class Answers:
    """What the groups of hashes tell one report (summed with `add`), as flat arrays of
    unsigned integers: a corpus sends and holds millions of these rows, which as Python
    tuples and dictionaries took ten times the memory (a worker's peak at 5,000 reports
    was 3.5 GB)."""

    # (passage or sentence hash, how many other reports hold it, k, then k places of
    # (other report, reference, line): the first of them)
    exact: array[int] = field(default_factory=_rows)
    # (passage, other report, its passage, that passage's line, how many of the
    # passage's shingles list it among their first CAP posting entries)
    tally: array[int] = field(default_factory=_rows)
    # (passage, the posting length of one of its shingles that another report holds)
    lengths: array[int] = field(default_factory=_rows)
    identities: array[int] = field(default_factory=_rows)  # (other report, identity key)

    def add(self, other: Answers) -> None:
        self.exact.extend(other.exact)
        self.tally.extend(other.tally)
        self.lengths.extend(other.lengths)
        self.identities.extend(other.identities)


def posting_entries(number: int, path: str, prints: PassagePrints) -> Iterator[Entry]:
    """Every posting entry report `number` makes: one per passage, sampled shingle and
    sentence hash (a hash met twice in the report is two entries, as in the index)."""
    identity = identity_key(prints.identity or path)
    passages, shingles, ends, sentences = prints.rows()
    start = 0
    for index in range(len(passages) // 4):
        line = passages[4 * index]
        yield passages[4 * index + 3], number, index, identity, line, 0
        for shingle in shingles[start:ends[index]]:
            yield shingle, number, index, identity, line, 1
        start = ends[index]
    for index in range(len(sentences) // 4):
        yield (sentences[4 * index + 3], number, SENTENCE | index, identity,
               sentences[4 * index], 0)


def packed_entries(reports: Iterable[tuple[int, str, PassagePrints]], groups: int
                   ) -> dict[int, array[int]]:
    """The posting entries of these (number, path, prints), one flat array of their
    fields for each group of hashes (`group_of`): what a shuffle carries."""
    packed: dict[int, array[int]] = {}
    for number, path, prints in reports:
        for entry in posting_entries(number, path, prints):
            packed.setdefault(group_of(entry[0], groups), _rows()).extend(entry)
    return packed


def group_of(value: int, groups: int) -> int:
    """The group of a hash: read from its high half, because shingles are sampled by
    their low bits (`hash % sample_modulus == 0`), so that grouping by `hash % groups`
    put every shingle in one group whenever the two numbers shared a factor (at 1,000
    reports, one of four groups held 93% of the work and a worker's peak)."""
    return (value >> 32) % groups


def unpacked(packed: array[int]) -> Iterator[Entry]:
    """The entries `packed_entries` packed."""
    return _in_rows(packed, 6)  # type: ignore[return-value]


def group_answers(entries: Iterable[Entry], limit: int) -> dict[int, Answers]:
    """What the hashes of these entries (all the entries of each hash they hold) tell
    each report holding one that at least two identities hold, by report number."""
    by_hash: dict[int, list[Entry]] = {}
    for entry in entries:
        by_hash.setdefault(entry[0], []).append(entry)
    answers: dict[int, _Told] = {}
    for value, posting in by_hash.items():
        posting.sort(key=lambda entry: (entry[1], entry[2]))  # the index's order
        places = [entry[1:5] for entry in posting]  # (number, ref, identity, line)
        count, first = first_places(places, limit)
        if count < 2:
            continue
        head = places[:CAP]
        seen: set[tuple[int, int]] = set()  # a shingle twice in a passage counts once
        for number, ref, identity, _, shingle in (entry[1:] for entry in posting):
            if (number, ref) in seen:
                continue
            seen.add((number, ref))
            answer = answers.setdefault(number, _Told())
            named = head if shingle else first
            for other, other_ref, other_identity, line in named:
                answer.identities[other] = other_identity
                answer.lines[(other, other_ref)] = line
            if not shingle:  # the passage or sentence itself, word for word
                answer.exact[value] = others_than(identity, count,
                                                  [place[:3] for place in first], limit)
            else:  # one of the passage's shingles
                answer.tally.setdefault(ref, Counter()).update(
                    {(other, other_ref) for other, other_ref, other_identity, _ in head
                     if other_identity != identity})
                answer.lengths.setdefault(ref, []).append(len(posting))
    return {number: told.packed() for number, told in answers.items()}


class ReportCopies:
    """One report's copies, from what the groups told it (see `shared.Copies`);
    `path_of` names another report by its number."""

    def __init__(self, prints: PassagePrints, answers: Answers,
                 path_of: Callable[[int], str]) -> None:
        self.path_of = path_of
        _, self.shingles, self.ends, _ = prints.rows()
        self.lines: dict[tuple[int, int], int] = {}
        self.exacts: dict[int, tuple[int, list[tuple[int, int]]]] = {}
        exact, at = answers.exact, 0
        while at < len(exact):
            value, count, named = exact[at:at + 3]
            places = exact[at + 3:at + 3 + 3 * named]
            for other, ref, line in _in_rows(places, 3):
                self.lines[(other, ref)] = line
            self.exacts[value] = (count, list(zip(places[::3], places[1::3], strict=True)))
            at += 3 + 3 * named
        self.tally: dict[int, Counter[tuple[int, int]]] = {}
        for passage, other, ref, line, count in _in_rows(answers.tally, 5):
            self.tally.setdefault(passage, Counter())[(other, ref)] += count
            self.lines[(other, ref)] = line
        self.lengths: dict[int, list[int]] = {}
        for passage, length in _in_rows(answers.lengths, 2):
            self.lengths.setdefault(passage, []).append(length)
        self.identities = dict(_in_rows(answers.identities, 2))

    def exact(self, value: int, limit: int) -> tuple[int, list[tuple[int, int]]]:
        return self.exacts.get(value, (0, []))

    def near(self, passage: int, containment: float
             ) -> tuple[int, bool, list[tuple[int, int, float]]]:
        start = self.ends[passage - 1] if passage else 0
        size = len(set(self.shingles[start:self.ends[passage]]))
        if not size:
            return 0, False, []
        return nearest(self.tally.get(passage, Counter()), self.lengths.get(passage, []),
                       size, self.identities.__getitem__, containment)

    def name(self, other: int, ref: int) -> str:
        return f"{self.path_of(other)}:{self.lines[(other, ref)]}"


def report_shared_hits(path: str, prints: PassagePrints, answers: Answers,
                       options: Mapping[str, Any], path_of: Callable[[int], str]) -> list[Hit]:
    """One report's D004 hits from what the groups told it: those `shared_passage_hits`
    gives it."""
    passages, _, _, sentences = prints.rows()
    found = list(report_hits(passages, sentences, ReportCopies(prints, answers, path_of),
                             float(options["containment"]), int(options["max_names"])))
    return capped_hits(found, per_report_limit(options), path)


def identity_key(identity: str) -> int:
    """A report's identity as 8 bytes of its hash: what the groups compare and carry (two
    identities share a key about once in 10^19 pairs)."""
    return int.from_bytes(hashlib.blake2b(identity.encode(), digest_size=8).digest(), "little")


def compare_in_parts(entries: Sequence[Any], options: Mapping[str, Any],
                     parts: int = 4) -> Iterator[tuple[str, Hit]]:
    """`shared_passage_hits(entries, options)` through the steps above, in this process:
    the hashes split into `parts` groups by value (what the cluster does across workers)."""
    limit = int(options["max_names"])
    reports = [(number, entry.path, entry.summary) for number, entry in enumerate(
        e for e in entries if isinstance(e.summary, PassagePrints))]
    answers: dict[int, Answers] = {}
    for group in packed_entries(reports, parts).values():
        for number, answer in group_answers(unpacked(group), limit).items():
            answers.setdefault(number, Answers()).add(answer)
    for number, path, prints in reports:
        for hit in report_shared_hits(path, prints, answers.get(number, Answers()), options,
                                      lambda other: reports[other][1]):
            yield path, hit
