"""The shared-passage comparison in parts, so that no one process holds the corpus.

`PassageIndex` holds every report's summary and one inverted index from hash to its
posting list. The answers for one report depend only on the posting lists of its own
hashes, and each posting list only on the reports holding that hash. So the comparison
splits into steps that each see a part of the corpus (`run/cluster.py` runs them as
Dask bag shuffles; `tests/test_partitioned.py` runs them in one process):

1. `posting_entries`: each report's hashes with its place, where the report is read.
2. Grouped by hash (any partition of the hashes): `hash_views` keeps the hashes held by
   at least two identities, and for each the little of its posting list a report's
   answer reads (`HashView`: how many identities, the first place of the first few
   identities, the first `CAP` entries, the length), addressed to every report holding
   it.
3. Grouped by report, with that report's summary: `report_shared_hits`, the hits of
   `shared_passage_hits`, the same in every word.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from reportlint.corpus.fingerprints import SENTENCE, PassagePrints
from reportlint.corpus.passages import CAP, first_places, near_copies, others_than
from reportlint.corpus.shared import capped_hits, per_report_limit, report_hits
from reportlint.findings import Hit

__all__ = ["HashView", "ReportCopies", "compare_in_parts", "hash_views", "posting_entries",
           "report_shared_hits"]

# (hash, report number, reference, identity, line, path): one posting entry and how to
# name its place.
Entry = tuple[int, int, int, str, int, str]
# A place as a view keeps it: (report number, reference, identity, line, path).
ViewPlace = tuple[int, int, str, int, str]


@dataclass(frozen=True, slots=True)
class HashView:
    """What any report's answer reads of one hash's posting list."""

    identities: int  # how many identities hold the hash
    first: tuple[ViewPlace, ...]  # the first place of each of the first few identities
    head: tuple[ViewPlace, ...]  # the first CAP entries, in posting order
    length: int  # entries in the posting list


def posting_entries(number: int, path: str, prints: PassagePrints) -> Iterator[Entry]:
    """Every posting entry report `number` makes: one per passage, sampled shingle and
    sentence hash (a hash met twice in the report is two entries, as in the index)."""
    identity = prints.identity or path
    passages, shingles, ends, sentences = prints.rows()
    start = 0
    for index in range(len(passages) // 4):
        line = passages[4 * index]
        yield passages[4 * index + 3], number, index, identity, line, path
        for shingle in shingles[start:ends[index]]:
            yield shingle, number, index, identity, line, path
        start = ends[index]
    for index in range(len(sentences) // 4):
        yield (sentences[4 * index + 3], number, SENTENCE | index, identity,
               sentences[4 * index], path)


def hash_views(entries: Iterable[Entry], limit: int) -> Iterator[tuple[int, int, HashView]]:
    """(report number, hash, view) for every report holding a hash that at least two
    identities hold, from all the entries of some hashes (any grouping of whole hashes)."""
    by_hash: dict[int, list[ViewPlace]] = {}
    for value, number, ref, identity, line, path in entries:
        by_hash.setdefault(value, []).append((number, ref, identity, line, path))
    for value, posting in by_hash.items():
        posting.sort(key=lambda place: (place[0], place[1]))  # the index's order
        count, first = first_places(posting, limit)
        if count < 2:
            continue
        view = HashView(count, tuple(first), tuple(posting[:CAP]), len(posting))
        for number in dict.fromkeys(place[0] for place in posting):
            yield number, value, view


class ReportCopies:
    """One report's copies, answered from the views of its hashes (see `Copies`)."""

    def __init__(self, identity: str, prints: PassagePrints,
                 views: Mapping[int, HashView]) -> None:
        self.identity, self.views = identity, views
        _, self.shingles, self.ends, _ = prints.rows()
        self.places = {(place[0], place[1]): place for view in views.values()
                       for place in (*view.first, *view.head)}
        self.identities = {number: place[2] for (number, _), place in self.places.items()}

    def exact(self, value: int, limit: int) -> tuple[int, list[tuple[int, int]]]:
        view = self.views.get(value)
        if view is None:
            return 0, []
        return others_than(self.identity, view.identities,
                           [place[:3] for place in view.first], limit)

    def near(self, passage: int, containment: float
             ) -> tuple[int, bool, list[tuple[int, int, float]]]:
        start = self.ends[passage - 1] if passage else 0
        shingles = set(self.shingles[start:self.ends[passage]])

        def heads(value: int) -> tuple[Sequence[tuple[int, int, Any]], int] | None:
            view = self.views.get(value)
            return None if view is None else ([p[:3] for p in view.head], view.length)

        return near_copies(shingles, self.identity, heads, self.identities.__getitem__,
                           containment)

    def name(self, other: int, ref: int) -> str:
        place = self.places[(other, ref)]
        return f"{place[4]}:{place[3]}"


def report_shared_hits(path: str, prints: PassagePrints, views: Mapping[int, HashView],
                       options: Mapping[str, Any]) -> list[Hit]:
    """One report's D004 hits from the views of its hashes: those `shared_passage_hits`
    gives it."""
    passages, _, _, sentences = prints.rows()
    copies = ReportCopies(prints.identity or path, prints, views)
    found = list(report_hits(passages, sentences, copies, float(options["containment"]),
                             int(options["max_names"])))
    return capped_hits(found, per_report_limit(options), path)


def compare_in_parts(entries: Sequence[Any], options: Mapping[str, Any],
                     parts: int = 4) -> Iterator[tuple[str, Hit]]:
    """`shared_passage_hits(entries, options)` through the steps above, in this process:
    the hashes split into `parts` groups by value (what the cluster does across workers)."""
    limit = int(options["max_names"])
    reports = [(number, entry.path, entry.summary) for number, entry in enumerate(
        e for e in entries if isinstance(e.summary, PassagePrints))]
    groups: list[list[Entry]] = [[] for _ in range(parts)]
    for number, path, prints in reports:
        for entry in posting_entries(number, path, prints):
            groups[entry[0] % parts].append(entry)
    views: dict[int, dict[int, HashView]] = {}
    for group in groups:
        for number, value, view in hash_views(group, limit):
            views.setdefault(number, {})[value] = view
    for number, path, prints in reports:
        for hit in report_shared_hits(path, prints, views.get(number, {}), options):
            yield path, hit
