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

`find_shared_passages(paths, config, top)` is the corpus view behind `reportlint
duplicates` and the HTML corpus report.
"""

from __future__ import annotations

from array import array
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from reportlint.corpus.fingerprints import SENTENCE, PassagePrints, settings, summarize_passages
from reportlint.document.text import strip_inline

if TYPE_CHECKING:
    from reportlint.config import Config
    from reportlint.run.discovery import Target

__all__ = ["PassageIndex", "PassagePrints", "SharedPassage", "find_shared_passages",
           "hash_values", "render_shared_passages", "summarize_passages"]

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
        self._distinct: dict[int, tuple[int, list[tuple[int, int]]]] = {}
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
            same = [self.identities[packed >> 24] for packed in posting]
            first: dict[int, tuple[int, int]] = {}
            for packed, identity in zip(posting, same, strict=True):
                if len(first) > limit:
                    break
                first.setdefault(identity, (packed >> 24, packed & 0xFFFFFF))
            self._distinct[value] = (len(set(same)), list(first.values()))
        count, first_places = self._distinct[value]
        own = self.identities[number]
        others = [p for p in first_places if self.identities[p[0]] != own][:limit]
        return max(count - 1, 0), others

    def near_copies(self, number: int, index: int,
                    containment: float) -> tuple[int, bool, list[tuple[int, int, float]]]:
        """Reports holding at least `containment` of passage `index`'s shingles:
        (how many, whether that is an estimate, [(report, passage, share)] best first)."""
        shingles = set(self.reports[number].shingles(index))
        own, identities = self.identities[number], self.identities
        if not shingles:
            return 0, False, []
        hits: Counter[tuple[int, int]] = Counter()
        truncated, sizes = False, []
        for value in shingles:
            posting = self.postings.get(value)
            if posting is None:
                continue
            truncated |= len(posting) > CAP
            sizes.append(len(posting))
            hits.update({(p >> 24, p & 0xFFFFFF) for p in posting[:CAP]
                         if identities[p >> 24] != own})
        best: dict[int, tuple[int, int]] = {}
        for (other, ref), count in hits.items():
            held = best.get(other)
            # Ties go to the earlier passage, whatever order the set above gave: the
            # answer then stays the same when passages are added above both.
            if held is None or count > held[0] or (count == held[0] and ref < held[1]):
                best[other] = (count, ref)
        size = len(shingles)
        found = sorted(((other, ref, count / size) for other, (count, ref) in best.items()
                        if count >= containment * size), key=lambda item: (-item[2], item[0]))
        count = len({identities[other] for other, _, _ in found})
        if truncated and found:
            return max(count, sorted(sizes)[len(sizes) // 2] - 1), True, found
        return count, False, found


def find_shared_passages(paths: Iterable[str | Path], config: Config | None = None,
                         top: int | None = 20, *, jobs: int | None = 1,
                         cache_root: Path | None = None) -> list[SharedPassage]:
    """The passages most widely shared across the reports under `paths`, most reports
    first (then longest), at most `top` of them (None: all).

    Exact copies (slots aside) and near copies (at least `containment` of the shingles
    of one held by another) are grouped into one `SharedPassage`; a sentence is listed
    on its own only when the paragraph around it is not shared. Unreadable files are
    skipped. Files are read in `jobs` processes (None: one per core), through the cache
    in `cache_root` if given, as `engine.lint_paths` reads them. Stable for callers such
    as the HTML corpus report.
    """
    from reportlint.config import Config
    from reportlint.rules.duplication import SharedPassage as SharedPassageRule
    from reportlint.run.discovery import collect_targets
    from reportlint.run.engine import RuleSet
    from reportlint.run.parallel import check_targets, default_jobs

    config = config or Config()
    only = config.model_copy(update={"select": [SharedPassageRule.code], "ignore": [],
                                     "per_path": []})
    rules = RuleSet(only, [SharedPassageRule])
    targets = collect_targets(paths, config.exclude, config.include)
    cache = None
    known: dict[str, PassagePrints] = {}
    if cache_root is not None:
        from reportlint.run.cache import Cache

        cache = Cache(cache_root, only, rules.rules)
        known = _checked_summaries(targets, config, cache_root)
    rest = [target for target in targets if target.display not in known]
    checked = check_targets(rest, rules, summarize=True, jobs=jobs or default_jobs(),
                            cache=cache)
    for target, file in zip(rest, checked, strict=True):
        summary = (file.summaries or {}).get(SharedPassageRule.code)
        if isinstance(summary, PassagePrints):
            known[target.display] = summary
    index = PassageIndex((t.display, known[t.display]) for t in targets if t.display in known)
    groups = _group_copies(index, float(settings(config)["containment"]))
    ranked = sorted(groups.values(), key=lambda g: (-_count(index, g[0]), -g[2],
                                                     min(g[0])))
    found = []
    for members, exact, _ in ranked[:top] if top is not None else ranked:
        places = sorted({(index.reports[n].path, index.reports[n].place(ref))
                         for n, ref in members})
        found.append(SharedPassage(_text_at(*places[0]), _count(index, members),
                                   tuple(places), exact))
    return found


def _checked_summaries(targets: Sequence[Target], config: Config,
                       cache_root: Path) -> dict[str, PassagePrints]:
    """The D004 summaries a full `check` with `config` left in the cache (the gate's run
    before the corpus page), by display path: those files need not be read again. Only
    read: a D004-only result is never stored where a full check's belongs."""
    from reportlint.rules.duplication import SharedPassage as SharedPassageRule
    from reportlint.rules.registry import all_rules
    from reportlint.run.cache import Cache, read_for_cache

    cache = Cache(cache_root, config, all_rules())
    found = {}
    for target in targets:
        content = read_for_cache(target.path, config.max_file_size)
        entry = cache.load(cache.key(target.display, content)) if content is not None else None
        summary = (entry.summaries or {}).get(SharedPassageRule.code) if entry else None
        if isinstance(summary, PassagePrints):
            found[target.display] = summary
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


def render_shared_passages(found: Sequence[SharedPassage], output_format: str = "text") -> str:
    """`reportlint duplicates` output: text for people, or JSON ({"passages": [...]})."""
    if output_format == "json":
        import json

        return json.dumps({"passages": [
            {"text": p.text, "reports": p.reports, "exact": p.exact,
             "places": [{"path": path, "line": line} for path, line in p.places]}
            for p in found]}, indent=2, ensure_ascii=False) + "\n"
    if not found:
        return "No passage is shared between reports.\n"
    lines = []
    for passage in found:
        kind = "exact" if passage.exact else "near"
        text = passage.text if len(passage.text) <= 160 else passage.text[:159] + "…"
        lines.append(f"{passage.reports} reports ({kind}): {text}")
        lines.extend(f"    {path}:{line}" for path, line in passage.places)
    return "\n".join(lines) + "\n"
