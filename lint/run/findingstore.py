"""A run's findings as they arrive, read back in the order they are printed.

Findings come in by report: each file's own as it is checked, then the cross-report
rules' findings of each report. The store gives them back sorted by path, line, column
and rule (`Finding.sort_key`), which is the order every output format prints, and may be
read more than once. A small run keeps them in memory; a large one writes each report's
to a temporary file as they come and reads one report's back at a time, so that the
process that prints a corpus of hundreds of thousands of reports (the driver of a Dask
run) does not hold every finding of the corpus at once.
"""

from __future__ import annotations

import pickle
from collections.abc import Iterator
from typing import IO, Protocol

from reportlint.findings import Finding, Hit

# From this many reports, the findings wait on disk: below it, holding them costs less
# than a temporary file (a templated report has about ten findings, a few KB).
ON_DISK_FROM = 2000


class FindingSink(Protocol):
    """Where an executor hands what it finds as it goes, instead of returning it."""

    def file_findings(self, path: str, findings: list[Finding]) -> None:
        """One report's own findings."""

    def compared_hits(self, code: str, path: str, hits: list[Hit]) -> None:
        """One report's hits of cross-report rule `code`, compared where the files were
        read (all of that report's hits of the rule in one call)."""


class FindingStore:
    """Findings by report, iterated in print order; `on_disk`: kept in a temporary file
    (see the module's doc)."""

    def __init__(self, *, on_disk: bool = False) -> None:
        self._file: IO[bytes] | None = None
        if on_disk:
            import tempfile

            # closed by close(), which the run calls from a with block
            self._file = tempfile.TemporaryFile(prefix="reportlint-findings-")  # noqa: SIM115
        # path -> its findings in memory, in the order they came
        self._kept: dict[str, list[Finding]] = {}
        # path -> (offset, size) of each pickled batch of its findings in the file
        self._spans: dict[str, list[tuple[int, int]]] = {}
        self._end = 0
        self.count = 0

    def add(self, path: str, findings: list[Finding]) -> None:
        """`findings` of the report at `path` (they may name only that path)."""
        if not findings:
            return
        self.count += len(findings)
        if self._file is None:
            self._kept.setdefault(path, []).extend(findings)
            return
        data = pickle.dumps(findings, pickle.HIGHEST_PROTOCOL)
        self._file.seek(self._end)
        self._file.write(data)
        self._spans.setdefault(path, []).append((self._end, len(data)))
        self._end += len(data)

    def add_all(self, findings: list[Finding]) -> None:
        """Findings of any reports, in the order they came."""
        by_path: dict[str, list[Finding]] = {}
        for finding in findings:
            by_path.setdefault(finding.path, []).append(finding)
        for path, found in by_path.items():
            self.add(path, found)

    @property
    def on_disk(self) -> bool:
        return self._file is not None

    def __len__(self) -> int:
        return self.count

    def __iter__(self) -> Iterator[Finding]:
        for _, findings in self.by_report():
            yield from findings

    def by_report(self) -> Iterator[tuple[str, list[Finding]]]:
        """(path, its findings in print order) of each report with findings, by path."""
        for path in sorted(self._kept.keys() | self._spans.keys()):
            yield path, self.of(path)

    def of(self, path: str) -> list[Finding]:
        """One report's findings in print order (none for a report without)."""
        if path not in self._kept and path not in self._spans:
            return []
        return sorted(self._of(path), key=Finding.sort_key)

    def __contains__(self, finding: object) -> bool:
        return isinstance(finding, Finding) and finding.path in self._kept.keys() | \
            self._spans.keys() and finding in self._of(finding.path)

    def _of(self, path: str) -> list[Finding]:
        if self._file is None:
            return self._kept[path]
        found: list[Finding] = []
        for offset, size in self._spans[path]:
            self._file.seek(offset)
            found += pickle.loads(self._file.read(size))
        return found

    def close(self) -> None:
        if self._file is not None:
            self._file.close()

    def __enter__(self) -> FindingStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
