"""Passages shared across reports: the cross-report shared-passage index.

Each report arrives as a `PassagePrints` (see `reportlint.corpus.fingerprints`: hashes of its
paragraphs, bullets and longer sentences, and a sample of hashed 5-word shingles).
Comparing them is one inverted index from hash to (report, passage), built in two
passes: a byte-array counter keeps hashes seen in only one report out of the index, so
memory follows the text that is shared, not the size of the corpus. A passage is shared
exactly when another report holds its hash, and nearly when another report holds at
least `containment` of its shingles (containment, not Jaccard: a boilerplate paragraph
is a small part of a long report). Each shingle's posting list is read at most `CAP`
entries deep, so the work grows linearly with the corpus, never with its square.

`shared_passages(prints, containment, top)` is the corpus view behind `reportlint
duplicates` and the HTML corpus report (`run.duplicates` gathers the prints).
"""

from __future__ import annotations

from array import array
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from reportlint.corpus.fingerprints import SENTENCE, PassagePrints, summarize_passages
from reportlint.document.text import strip_inline

__all__ = ["PassageIndex", "PassagePrints", "SharedPassage", "hash_values", "shared_passages",
           "summarize_passages"]

CAP = 64  # posting entries read per shingle when looking for near copies


@dataclass(frozen=True, slots=True)
class SharedPassage:
    """A passage found in several reports, for `reportlint duplicates` and the corpus
    report. Stable shape: `text` (the passage as a reader sees it, from its first
    place), `reports` (how many reports carry it, exactly or nearly), `places` ((path,
    line) of each copy, in path order), `exact` (True when every copy is word for word
    the same, slots aside)."""

    text: str
    reports: int
    places: tuple[tuple[str, int], ...]
    exact: bool


@dataclass
class _Report:
    path: str
    identity: int  # reports with one identity are one report in two files
    passages: memoryview
    prints: memoryview
    ends: memoryview
    sentences: memoryview

    def shingles(self, index: int) -> memoryview:
        return self.prints[self.ends[index - 1] if index else 0:self.ends[index]]

    def place(self, ref: int) -> int:
        """The line of a passage or sentence reference."""
        if ref & SENTENCE:
            return self.sentences[4 * (ref ^ SENTENCE)]
        return self.passages[4 * ref]


def hash_values(prints: PassagePrints) -> set[int]:
    """Every hash of a report's summary: passages, shingles and sentences."""
    passages, shingles, _, sentences = prints.rows()
    return {*passages[3::4], *shingles, *sentences[3::4]}


class PassageIndex:
    """Every report's passages and an inverted index of the hashes two reports share."""

    def __init__(self, entries: Iterable[tuple[str, PassagePrints]],
                 focus: set[int] | None = None) -> None:
        """`focus`: index only these hashes (the hashes of the reports to be queried,
        whose answers are then the same as from the whole index, for less work)."""
        self._focus = focus
        identities: dict[str, int] = {}
        self.reports = []
        for path, prints in entries:
            same = identities.setdefault(prints.identity or path, len(identities))
            self.reports.append(_Report(path, same, *prints.rows()))
        self.postings: dict[int, array[int]] = {}
        self.identities: list[int] = []
        self._distinct: dict[int, tuple[int, list[Place]]] = {}
        self._build()

    def _values(self, report: _Report) -> set[int]:
        if self._focus is not None:
            values = self._focus.intersection(report.passages[3::4])
            values.update(self._focus.intersection(report.prints))
            values.update(self._focus.intersection(report.sentences[3::4]))
            return values
        values = set(report.passages[3::4])
        values.update(report.prints)
        values.update(report.sentences[3::4])
        return values

    def _build(self) -> None:
        total = sum(len(r.passages) // 4 + len(r.prints) + len(r.sentences) // 4
                    for r in self.reports)
        mask = (1 << max(16, (4 * total).bit_length())) - 1
        seen = bytearray(mask + 1)  # per hash slot: in how many reports (saturating at 2)
        for report in self.reports:
            for value in self._values(report):
                if seen[value & mask] < 2:
                    seen[value & mask] += 1
        postings: dict[int, array[int]] = {}
        for number, report in enumerate(self.reports):
            wanted = {value for value in self._values(report) if seen[value & mask] >= 2}
            if not wanted:
                continue
            high = number << 24
            for index, value in enumerate(report.passages[3::4]):
                if value in wanted:
                    postings.setdefault(value, array("Q")).append(high | index)
                for shingle in report.shingles(index):
                    if shingle in wanted:
                        postings.setdefault(shingle, array("Q")).append(high | index)
            for index, value in enumerate(report.sentences[3::4]):
                if value in wanted:
                    postings.setdefault(value, array("Q")).append(high | SENTENCE | index)
        # A hash of one report only (a collision in the counter, text repeated within one
        # report, or two files of one report) is no help.
        same = self.identities = [report.identity for report in self.reports]
        self.postings = {value: posting for value, posting in postings.items()
                         if any(same[p >> 24] != same[posting[0] >> 24] for p in posting)}

    def exact_copies(self, value: int, number: int,
                     limit: int) -> tuple[int, list[tuple[int, int]]]:
        """(how many other reports hold this text hash, the first `limit` (report,
        reference) of them)."""
        posting = self.postings.get(value)
        if posting is None:
            return 0, []
        if value not in self._distinct:
            identities = self.identities
            self._distinct[value] = first_places(
                ((packed >> 24, packed & 0xFFFFFF, identities[packed >> 24])
                 for packed in posting), limit)
        count, first = self._distinct[value]
        own = self.identities[number]
        return others_than(own, count, first, limit)

    def near_copies(self, number: int, index: int,
                    containment: float) -> tuple[int, bool, list[tuple[int, int, float]]]:
        """Reports holding at least `containment` of passage `index`'s shingles:
        (how many, whether that is an estimate, [(report, passage, share)] best first)."""
        identities = self.identities

        def heads(value: int) -> tuple[list[tuple[int, int, Any]], int] | None:
            posting = self.postings.get(value)
            if posting is None:
                return None
            return [(p >> 24, p & 0xFFFFFF, identities[p >> 24]) for p in posting[:CAP]], len(
                posting)

        return near_copies(set(self.reports[number].shingles(index)), identities[number],
                           heads, identities.__getitem__, containment)


# A posting entry as the comparison reads it: (report number, reference, identity, and
# perhaps more that the caller keeps with it).
Place = tuple[Any, ...]


def first_places(posting: Iterable[Place], limit: int) -> tuple[int, list[Place]]:
    """(how many identities hold a hash, the first place of each of the first `limit` + 1
    of them, in posting order), from its posting entries in order. One more than `limit`
    so that `limit` are left once the asking report's own identity is set aside."""
    first: dict[Any, Place] = {}
    identities = set()
    for place in posting:
        identities.add(place[2])
        if len(first) <= limit:
            first.setdefault(place[2], place)
    return len(identities), list(first.values())


def others_than(own: Any, count: int, first: Sequence[Place],
                limit: int) -> tuple[int, list[tuple[int, int]]]:
    """`exact_copies`'s answer for a report of identity `own`."""
    return max(count - 1, 0), [(n, ref) for n, ref, identity in first if identity != own][:limit]


def near_copies(shingles: set[int], own: Any,
                heads: Callable[[int], tuple[Sequence[Place], int] | None],
                identity_of: Callable[[int], Any],
                containment: float) -> tuple[int, bool, list[tuple[int, int, float]]]:
    """Reports holding at least `containment` of a passage's `shingles`, read from each
    shingle's first `CAP` posting entries and its posting's length (`heads`): (how many,
    whether that is an estimate, [(report, passage, share)] best first)."""
    if not shingles:
        return 0, False, []
    hits: Counter[tuple[int, int]] = Counter()
    lengths = []
    for value in shingles:
        found = heads(value)
        if found is None:
            continue
        head, length = found
        lengths.append(length)
        hits.update({(other, ref) for other, ref, identity in head if identity != own})
    return nearest(hits, lengths, len(shingles), identity_of, containment)


def nearest(hits: Mapping[tuple[int, int], int], lengths: Sequence[int], size: int,
            identity_of: Callable[[int], Any],
            containment: float) -> tuple[int, bool, list[tuple[int, int, float]]]:
    """`near_copies`' answer from its tally: for each (report, passage) of another
    identity, how many of the `size` shingles list it among their first `CAP` entries,
    and the posting length of each shingle that another report holds."""
    best: dict[int, tuple[int, int]] = {}
    for (other, ref), count in hits.items():
        held = best.get(other)
        # Ties go to the earlier passage, whatever order the tally came in: the
        # answer then stays the same when passages are added above both.
        if held is None or count > held[0] or (count == held[0] and ref < held[1]):
            best[other] = (count, ref)
    found_copies = sorted(((other, ref, count / size) for other, (count, ref) in best.items()
                           if count >= containment * size), key=lambda item: (-item[2], item[0]))
    count = len({identity_of(other) for other, _, _ in found_copies})
    if any(length > CAP for length in lengths) and found_copies:
        return max(count, sorted(lengths)[len(lengths) // 2] - 1), True, found_copies
    return count, False, found_copies


def shared_passages(known: Iterable[tuple[str, PassagePrints]], containment: float,
                    top: int | None = 20) -> list[SharedPassage]:
    """The passages most widely shared among these reports' prints, most reports first
    (then longest), at most `top` of them (None: all). Exact copies (slots aside) and
    near copies (at least `containment` of the shingles of one held by another) are
    grouped into one `SharedPassage`; a sentence is listed on its own only when the
    paragraph around it is not shared."""
    index = PassageIndex(known)
    groups = _group_copies(index, containment)
    ranked = sorted(groups.values(), key=lambda g: (-_count(index, g[0]), -g[2],
                                                     min(g[0])))
    found = []
    for members, exact, _ in ranked[:top] if top is not None else ranked:
        places = sorted({(index.reports[n].path, index.reports[n].place(ref))
                         for n, ref in members})
        found.append(SharedPassage(_text_at(*places[0]), _count(index, members),
                                   tuple(places), exact))
    return found


def _group_copies(index: PassageIndex, containment: float
                  ) -> dict[tuple[int, int], tuple[list[tuple[int, int]], bool, int]]:
    """Groups of copies: root -> ([(report, reference)], all exact?, words)."""
    parent: dict[tuple[int, int], tuple[int, int]] = {}
    exact: dict[tuple[int, int], bool] = {}

    def root(node: tuple[int, int]) -> tuple[int, int]:
        parent.setdefault(node, node)
        while parent[node] != node:
            parent[node] = parent[parent[node]]
            node = parent[node]
        return node

    def join(a: tuple[int, int], b: tuple[int, int], same: bool) -> None:
        ra, rb = root(a), root(b)
        if ra != rb:
            parent[max(ra, rb)] = min(ra, rb)
            exact[min(ra, rb)] = exact.get(ra, True) and exact.get(rb, True) and same

    sizes: dict[tuple[int, int], int] = {}
    for number, report in enumerate(index.reports):
        for passage in range(len(report.passages) // 4):
            node = (number, passage)
            sizes[node] = report.passages[4 * passage + 2] & 0xFFFFFFFF
            posting = index.postings.get(report.passages[4 * passage + 3])
            if posting is not None and posting[0] >> 24 != number:
                join(node, (posting[0] >> 24, posting[0] & 0xFFFFFF), True)
            elif posting is None:
                _, _, near = index.near_copies(number, passage, containment)
                if near:
                    join(node, (near[0][0], near[0][1]), False)
    reports_by_root: dict[tuple[int, int], set[int]] = defaultdict(set)
    for node in parent:
        reports_by_root[root(node)].add(index.reports[node[0]].identity)
    shared_passages = {node for node in parent if len(reports_by_root[root(node)]) > 1}
    for number, report in enumerate(index.reports):
        for sentence in range(len(report.sentences) // 4):
            _, _, passage, value = report.sentences[4 * sentence:4 * sentence + 4]
            posting = index.postings.get(value)
            if (number, passage) in shared_passages or posting is None:
                continue
            node = (number, SENTENCE | sentence)
            sizes[node] = 0
            first = (posting[0] >> 24, posting[0] & 0xFFFFFF)
            join(node, first if first[0] != number else node, True)
    groups: dict[tuple[int, int], tuple[list[tuple[int, int]], bool, int]] = {}
    for node in list(parent):
        top = root(node)
        members, _, size = groups.get(top, ([], True, 0))
        members.append(node)
        groups[top] = (members, exact.get(top, True), max(size, sizes.get(node, 0)))
    return {key: group for key, group in groups.items()
            if _count(index, group[0]) > 1}


def _count(index: PassageIndex, members: Iterable[tuple[int, int]]) -> int:
    """How many reports (files with one identity count once) the members stand in."""
    return len({index.reports[number].identity for number, _ in members})


def _text_at(path: str, line: int) -> str:
    """The plain text of the paragraph, bullet or sentence that starts on `line`."""
    from reportlint.readers import read_document

    doc = read_document(Path(path))
    for sentence in doc.sentences:
        if doc.position(sentence.offset())[0] == line:
            unit = sentence.unit
            text = unit.text if doc.position(unit.offset())[0] == line else sentence.text
            return " ".join(strip_inline(text).split())
    return ""
