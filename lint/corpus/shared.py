"""D004's findings: each report's shared passages, at most `max_per_report` of them, and
after a change only for the reports the change can reach.

A report's findings depend on the other reports only through the posting lists of its
own hashes (who else holds them, where, under which identity). So when some files
changed, were added or were removed, the reports whose findings can differ are those
files and every report holding a hash whose postings they changed: a hash that entered
or left one of them, or moved to another passage or line in it. The index is then built
for those reports' hashes only, and their answers are the ones the whole index gives.
"""

from __future__ import annotations

from collections.abc import Collection, Iterator, Mapping, Sequence
from pathlib import PurePosixPath
from typing import TYPE_CHECKING, Any, Protocol

from reportlint.corpus.fingerprints import SENTENCE, PassagePrints
from reportlint.corpus.passages import PassageIndex, hash_values
from reportlint.findings import Hit

if TYPE_CHECKING:
    from reportlint.corpus.entry import CorpusEntry
    from reportlint.findings import Finding

__all__ = ["Copies", "affected_reports", "capped_hits", "named_reports", "per_report_limit",
           "report_hits", "shared_passage_hits"]


def shared_passage_hits(entries: Sequence[CorpusEntry], options: Mapping[str, Any],
                        only: Collection[str] | None = None) -> Iterator[tuple[str, Hit]]:
    """(path, Hit) for the passages and sentences each report shares with others: at most
    `max_per_report` of them per report (the most widely shared first, then in file
    order) and one more that counts the rest. `only`: just these reports' hits (the index
    still holds every report; see `reportlint.passage_changes`)."""
    containment, limit = float(options["containment"]), int(options["max_names"])
    cap = per_report_limit(options)
    focus = None
    if only is not None:
        wanted = [e.summary for e in entries
                  if e.path in only and isinstance(e.summary, PassagePrints)]
        focus = set().union(*(hash_values(prints) for prints in wanted))
    index = PassageIndex(((e.path, e.summary) for e in entries
                          if isinstance(e.summary, PassagePrints)), focus=focus)
    for number, report in enumerate(index.reports):
        if only is None or report.path in only:
            for hit in capped_hits(list(_report_hits(index, number, containment, limit)), cap,
                               report.path):
                yield report.path, hit


def per_report_limit(options: Mapping[str, Any]) -> int | None:
    """`max_per_report` from D004's settings (a whole number of at least 0), None for 0: no
    limit."""
    cap = int(options["max_per_report"])
    return cap if cap > 0 else None


class Copies(Protocol):
    """What finding one report's shared passages asks of the comparison: the copies of
    a text hash and the near copies of a passage in other reports, and the name of a
    place. `PassageIndex` answers from the whole index; `partitioned.ReportCopies` from
    the parts of it that hold the report's hashes."""

    def exact(self, value: int, limit: int) -> tuple[int, list[tuple[int, int]]]: ...

    def near(self, passage: int, containment: float
             ) -> tuple[int, bool, list[tuple[int, int, float]]]: ...

    def name(self, other: int, ref: int) -> str: ...


class _IndexCopies:
    def __init__(self, index: PassageIndex, number: int) -> None:
        self.index, self.number = index, number

    def exact(self, value: int, limit: int) -> tuple[int, list[tuple[int, int]]]:
        return self.index.exact_copies(value, self.number, limit)

    def near(self, passage: int, containment: float
             ) -> tuple[int, bool, list[tuple[int, int, float]]]:
        return self.index.near_copies(self.number, passage, containment)

    def name(self, other: int, ref: int) -> str:
        report = self.index.reports[other]
        return f"{report.path}:{report.place(ref)}"


def _report_hits(index: PassageIndex, number: int, containment: float,
                 limit: int) -> Iterator[tuple[int, Hit]]:
    report = index.reports[number]
    return report_hits(report.passages, report.sentences, _IndexCopies(index, number),
                       containment, limit)


def report_hits(passages: Sequence[int], sentences: Sequence[int], copies: Copies,
                containment: float, limit: int) -> Iterator[tuple[int, Hit]]:
    """(how many other reports, Hit) for each shared passage and sentence of one report
    (its summary's `passages` and `sentences` rows), in file order."""
    shared: set[int] = set()
    for passage in range(len(passages) // 4):
        line, column, size, value = passages[4 * passage:4 * passage + 4]
        what = "bullet" if size >> 32 else "paragraph"
        count, places = copies.exact(value, limit)
        how = "exact copy"
        estimate = False
        if not count:
            count, estimate, near = copies.near(passage, containment)
            places = [(other, ref) for other, ref, _ in near[:limit]]
            how = f"near copy, {near[0][2]:.0%} of it" if near else ""
        if count:
            shared.add(passage)
            yield count, _hit(what, count, estimate, places, how, copies, line, column)
    for sentence in range(len(sentences) // 4):
        line, column, passage, value = sentences[4 * sentence:4 * sentence + 4]
        if passage in shared:
            continue
        count, places = copies.exact(value, limit)
        if count:
            yield count, _hit("sentence", count, False, places, "exact copy", copies, line,
                              column)


def capped_hits(found: list[tuple[int, Hit]], cap: int | None, path: str) -> list[Hit]:
    """The `cap` most widely shared hits (ties: the earlier in the file), and one hit on
    the first of them in the file that counts the rest."""
    if cap is None or len(found) <= cap + 1:  # a summary in place of one hit hides nothing
        return [hit for _, hit in found]
    first = min((hit for _, hit in found), key=_position)
    ranked = sorted(range(len(found)), key=lambda i: (-found[i][0], _position(found[i][1])))
    shown = [found[i][1] for i in sorted(ranked[:cap])]
    more = len(found) - cap
    folder = PurePosixPath(path).parent.as_posix()
    summary = Hit(f"… and {more} more passages shared with other reports "
                  f"(`reportlint duplicates {folder}` lists them)", line=first.line,
                  column=first.column, data=(("more", more),))
    return [*shown, summary]


def _position(hit: Hit) -> tuple[int, int]:
    return hit.line or 0, hit.column or 0


def _hit(what: str, count: int, estimate: bool, places: Sequence[tuple[int, int]],
         how: str, copies: Copies, line: int, column: int) -> Hit:
    named = [copies.name(other, ref) for other, ref in places]
    more = count - len(named)
    listed = ", ".join(named) + (f" and {more} more" if more > 0 else "")
    amount = f"{'about ' if estimate else ''}{count} other report{'s' if count != 1 else ''}"
    return Hit(f"{what} shared with {amount}: {listed} ({how})", line=line, column=column,
               data=(("reports", count + 1), ("others", tuple(named))))


def affected_reports(entries: Sequence[CorpusEntry], before: Mapping[str, object | None],
                     named: Mapping[str, Collection[str]] | None = None) -> set[str]:
    """The reports whose D004 findings can differ from the last run's, given `before`:
    each changed, added or removed path and its summary in the last run (None when it
    had none). `named`: the paths each report's findings named last time; with it, a
    file whose passages only moved (to other lines, or below a passage added above them;
    the same passages in the same order) sends back only the reports that name it and
    those holding a hash of its new passages: the rest see postings that differ only by
    a renumbering that keeps their order, and answer the same."""
    now = {e.path: e.summary for e in entries if isinstance(e.summary, PassagePrints)}
    moved: set[int] = set()  # hashes whose postings changed
    shifted: set[str] = set()  # files whose places, and only those, changed
    for path, then in before.items():
        old = then if isinstance(then, PassagePrints) else None
        new = now.get(path)
        if old is None or new is None or old.identity != new.identity:
            moved.update(_footprint(old), _footprint(new))
            continue
        stable = _same_order(old, new)
        was, is_ = _footprint(old, stable), _footprint(new, stable)
        for value in was.keys() | is_.keys():
            there, here = was.get(value), is_.get(value)
            if there == here:
                continue
            if named is not None and there is not None and here is not None and [
                    entry[:2] for entry in there] == [entry[:2] for entry in here]:
                shifted.add(path)
            else:
                moved.add(value)
    affected = {path for path in before if path in now}
    for path, prints in now.items():
        if path in affected:
            continue
        if (moved and _holds_any(prints, moved)) or (
                shifted and named is not None and not shifted.isdisjoint(named.get(path, ()))):
            affected.add(path)
    return affected


def named_reports(findings: Mapping[str, Sequence[Finding]]) -> dict[str, set[str]]:
    """For each report, the paths its D004 findings name (their `others` data)."""
    named: dict[str, set[str]] = {}
    for path, found in findings.items():
        names = named.setdefault(path, set())
        for finding in found:
            others = dict(finding.data).get("others", ())
            if isinstance(others, tuple):
                names.update(str(place).rpartition(":")[0] for place in others)
    return named


def _holds_any(prints: PassagePrints, values: set[int]) -> bool:
    passages, shingles, _, sentences = prints.rows()
    return not (values.isdisjoint(passages[3::4]) and values.isdisjoint(shingles)
                and values.isdisjoint(sentences[3::4]))


def _footprint(prints: PassagePrints | None,
               stable: bool = False) -> dict[int, list[tuple[object, ...]]]:
    """Each hash of a report's summary and where it stands: (passage or sentence, size or
    passage, line, column) of each passage, shingle and sentence holding it, which is
    what its posting entries and the names of its places are made of. Passages and
    sentences are named by their number, or with `stable` by their text and how many
    before them have that text, so that one added above them does not rename them."""
    where: dict[int, list[tuple[object, ...]]] = {}
    if prints is None:
        return where
    passages, shingles, ends, sentences = prints.rows()
    names, sentence_names = _names(prints, stable)
    start = 0
    for index, name in enumerate(names):
        line, column, size, value = passages[4 * index:4 * index + 4]
        where.setdefault(value, []).append((name, size, line, column))
        for shingle in shingles[start:ends[index]]:
            where.setdefault(shingle, []).append((name, 0, line, column))
        start = ends[index]
    for index, name in enumerate(sentence_names):
        line, column, passage, value = sentences[4 * index:4 * index + 4]
        where.setdefault(value, []).append((name, names[passage], line, column))
    return where


def _names(prints: PassagePrints, stable: bool) -> tuple[list[object], list[object]]:
    """A name for each passage and each sentence (see `_footprint`)."""
    passages, _, _, sentences = prints.rows()
    if not stable:
        return (list(range(len(passages) // 4)),
                [SENTENCE | index for index in range(len(sentences) // 4)])
    named: list[list[object]] = []
    for kind, values in (("passage", passages[3::4]), ("sentence", sentences[3::4])):
        seen: dict[int, int] = {}
        names: list[object] = []
        for value in values:
            seen[value] = seen.get(value, -1) + 1
            names.append((kind, value, seen[value]))
        named.append(names)
    return named[0], named[1]


def _same_order(old: PassagePrints, new: PassagePrints) -> bool:
    """Whether the passages and sentences both summaries hold come in the same order."""
    for before, after in zip(_names(old, True), _names(new, True), strict=True):
        kept = set(before) & set(after)
        if [n for n in before if n in kept] != [n for n in after if n in kept]:
            return False
    return True
