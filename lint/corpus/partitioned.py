"""The shared-passage comparison in parts, so that no one process holds the corpus.

`PassageIndex` holds every report's summary and one inverted index from hash to its
posting list. A report's answers depend only on the posting lists of its own hashes,
and each posting list only on the reports holding that hash. So the comparison splits
into steps that each see a part of the corpus (`run/cluster.py` runs them as Dask
tasks; `compare_in_parts` runs them in one process):

1. `posting_entries`: each report's hashes with its place, where the report is read
   (`packed_entries` packs them by group of hashes).
2. Grouped by hash (any grouping of whole hashes, `group_of`): `group_answers` works
   out, for each report holding one of the group's shared hashes, what it will ask of
   them: the other reports holding a passage or sentence hash word for word, and for
   each of its passage's shingles the shingle's head (its first `CAP` places, which
   templated reports share, so each head travels once per group of reports).
3. Grouped by report, with that report's summary and the heads its answers name:
   `report_shared_hits` tallies its passages' heads and makes the hits
   `shared_passage_hits` gives it, the same in every word.
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

__all__ = [
    "Answers",
    "HeadBook",
    "Heads",
    "Told",
    "compare_in_parts",
    "group_answers",
    "group_of",
    "identity_key",
    "packed_entries",
    "posting_entries",
    "report_shared_hits",
    "unpacked",
]

# (hash, report number, reference, identity key, line, 1 if the hash is a shingle's
# else 0): one posting entry and the line that names its place.
Entry = tuple[int, int, int, int, int, int]


def _rows() -> array[int]:
    return array("Q")


def _in_rows(values: Iterable[int], width: int) -> Iterator[tuple[int, ...]]:
    """Flat `values` read back as rows of `width`."""
    fields = iter(values)
    return zip(*[fields] * width, strict=True)


@dataclass
class Answers:
    """What the groups of hashes tell one report (summed with `add`), as flat arrays of
    unsigned integers: a corpus holds and sends millions of these rows (as Python tuples
    and dictionaries they took ten times the memory)."""

    # (passage or sentence hash, how many other reports hold it, k, then k places of
    # (other report, reference, line): the first of them)
    exact: array[int] = field(default_factory=_rows)
    # (passage, head, posting length), one row for each of the passage's shingles that
    # at least two identities hold: the head (in `Heads`) lists its first places.
    near: array[int] = field(default_factory=_rows)

    def add(self, other: Answers) -> None:
        self.exact.extend(other.exact)
        self.near.extend(other.near)

    def heads(self) -> set[int]:
        return set(self.near[1::3])


# A shingle's first CAP posting entries, each (report number, reference) once, flat as
# rows of (report number, reference, identity key, line), by head. Templated reports
# share heads: at 1,000 reports, 63,000 shingle rows named 5,000 heads, where a tally
# of each passage's places ran to 2.2 million rows. A head is named by the first hash
# found with it, which no other group holds.
Heads = dict[int, "array[int]"]


class HeadBook:
    """Heads read once for all the reports that name them: each head's places and the
    identities among them; each place's line and each report's identity."""

    def __init__(self, heads: Heads) -> None:
        self.heads = heads
        self.places: dict[int, tuple[tuple[int, int], ...]] = {}
        self.holders: dict[int, frozenset[int]] = {}
        self.lines: dict[tuple[int, int], int] = {}
        self.identities: dict[int, int] = {}

    def read(self, head: int) -> tuple[tuple[tuple[int, int], ...], frozenset[int]]:
        if head not in self.places:
            rows = list(_in_rows(self.heads[head], 4))
            self.places[head] = tuple((other, ref) for other, ref, _, _ in rows)
            self.holders[head] = frozenset(identity for _, _, identity, _ in rows)
            for other, ref, identity, line in rows:
                self.lines[(other, ref)] = line
                self.identities[other] = identity
        return self.places[head], self.holders[head]


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
    fields for each group of hashes (`group_of`): what a batch sends the groups."""
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


def group_answers(entries: Iterable[Entry], limit: int) -> tuple[dict[int, Answers], Heads]:
    """What the hashes of these entries (all the entries of each hash they hold) tell
    each report holding one that at least two identities hold, by report number, and
    the heads its answers name."""
    by_hash: dict[int, list[Entry]] = {}
    for entry in entries:
        by_hash.setdefault(entry[0], []).append(entry)
    answers: dict[int, Answers] = {}
    named: dict[tuple[tuple[int, int, int, int], ...], int] = {}  # head -> its name
    for value, posting in by_hash.items():
        posting.sort(key=lambda entry: (entry[1], entry[2]))  # the index's order
        places = [entry[1:5] for entry in posting]  # (number, ref, identity, line)
        count, first = first_places(places, limit)
        if count < 2:
            continue
        head = None
        lines = {place[:2]: place[3] for place in first}
        seen: set[tuple[int, int]] = set()  # a shingle twice in a passage counts once
        for number, ref, identity, _, shingle in (entry[1:] for entry in posting):
            if (number, ref) in seen:
                continue
            seen.add((number, ref))
            answer = answers.setdefault(number, Answers())
            if not shingle:  # the passage or sentence itself, word for word
                count_others, others = others_than(identity, count,
                                                   [place[:3] for place in first], limit)
                answer.exact.extend((value, count_others, len(others)))
                for other in others:
                    answer.exact.extend((*other, lines[other]))
            else:  # one of the passage's shingles
                if head is None:
                    head = named.setdefault(_once(places[:CAP]), value)
                answer.near.extend((ref, head, len(posting)))
    heads: Heads = {}
    for places_of, name in named.items():
        heads[name] = rows = _rows()
        for place in places_of:
            rows.extend(place)
    return answers, heads


def _once(places: Sequence[tuple[int, int, int, int]]) -> tuple[tuple[int, int, int, int], ...]:
    """Each (number, reference) once, the first time (its identity and line go with it)."""
    seen: set[tuple[int, int]] = set()
    kept = []
    for place in places:
        if place[:2] not in seen:
            seen.add(place[:2])
            kept.append(place)
    return tuple(kept)


class ReportCopies:
    """One report's copies, from what the groups told it (see `shared.Copies`);
    `path_of` names another report by its number."""

    def __init__(self, path: str, prints: PassagePrints, answers: Answers,
                 heads: HeadBook, path_of: Callable[[int], str]) -> None:
        self.path_of, self.heads = path_of, heads
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
        own = identity_key(prints.identity or path)
        self.tally: dict[int, Counter[tuple[int, int]]] = {}
        self.lengths: dict[int, list[int]] = {}
        for passage, head, length in _in_rows(answers.near, 3):
            self.lengths.setdefault(passage, []).append(length)
            listed, holders = heads.read(head)
            if own in holders:
                listed = tuple(place for place in listed
                               if heads.identities[place[0]] != own)
            self.tally.setdefault(passage, Counter()).update(listed)

    def exact(self, value: int, limit: int) -> tuple[int, list[tuple[int, int]]]:
        return self.exacts.get(value, (0, []))

    def near(self, passage: int, containment: float
             ) -> tuple[int, bool, list[tuple[int, int, float]]]:
        start = self.ends[passage - 1] if passage else 0
        size = len(set(self.shingles[start:self.ends[passage]]))
        if not size:
            return 0, False, []
        return nearest(self.tally.get(passage, Counter()), self.lengths.get(passage, []),
                       size, self.heads.identities.__getitem__, containment)

    def name(self, other: int, ref: int) -> str:
        line = self.lines.get((other, ref))
        return f"{self.path_of(other)}:{self.heads.lines[(other, ref)] if line is None else line}"


def report_shared_hits(path: str, prints: PassagePrints, answers: Answers,
                       heads: HeadBook, options: Mapping[str, Any],
                       path_of: Callable[[int], str]) -> list[Hit]:
    """One report's D004 hits from what the groups told it (`heads` holding every head
    its answers name): those `shared_passage_hits` gives it."""
    passages, _, _, sentences = prints.rows()
    copies = ReportCopies(path, prints, answers, heads, path_of)
    found = list(report_hits(passages, sentences, copies, float(options["containment"]),
                             int(options["max_names"])))
    return capped_hits(found, per_report_limit(options), path)


class Told:
    """What the groups of hashes told some reports, gathered: each report's answers
    summed over the groups, and every head they name (read once for all of them)."""

    def __init__(self) -> None:
        self.answers: dict[int, Answers] = {}
        self.heads: Heads = {}
        self.book = HeadBook(self.heads)

    def add(self, answers: Mapping[int, Answers], heads: Heads) -> None:
        for number, answer in answers.items():
            self.answers.setdefault(number, Answers()).add(answer)
        self.heads.update(heads)

    def hits(self, number: int, path: str, prints: PassagePrints,
             options: Mapping[str, Any], path_of: Callable[[int], str]) -> list[Hit]:
        """Report `number`'s D004 hits (see `report_shared_hits`)."""
        return report_shared_hits(path, prints, self.answers.get(number, Answers()),
                                  self.book, options, path_of)


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
    told = Told()
    for group in packed_entries(reports, parts).values():
        told.add(*group_answers(unpacked(group), limit))
    for number, path, prints in reports:
        for hit in told.hits(number, path, prints, options, lambda other: reports[other][1]):
            yield path, hit
