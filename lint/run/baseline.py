"""Baselines, for adopting reportlint on a corpus that already has findings.

`reportlint check --write-baseline FILE` records today's findings; `--baseline FILE` then
reports only the findings that are not in it, and says how many recorded ones are gone.

A finding is recorded by its rule, its path (relative to the baseline file's folder, so
the check can run from anywhere) and a fingerprint of the text it stands on: the words
of its line, and its message with every number masked (messages cite line numbers, as in
"used 10 times (lines 20, 25, ...)"; the line's own words keep what the numbers said).
Line numbers themselves are left out, so a finding survives lines being inserted or
removed above it; editing the flagged line makes it new. The same fingerprint may be
recorded several times; each recorded copy hides one finding.

The file is JSON:

```json
{"version": 1, "tool": "reportlint", "findings": [
  {"path": "content/x.md", "rule": "S003", "fingerprint": "3f2a...", "line": 12,
   "message": "..."}
]}
```
(`line` and `message` are there for a person reading the file; matching ignores them.)
"""

from __future__ import annotations

import hashlib
import json
import os
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from reportlint.findings import Finding

BASELINE_VERSION = 1
_NUMBER = re.compile(r"\d+")
_SPACE = re.compile(r"\s+")


class LineTexts:
    """The text of a file's lines, read once per file (missing files read as empty)."""

    def __init__(self) -> None:
        self._files: dict[str, list[str]] = {}

    def line(self, path: str, number: int) -> str:
        lines = self._files.get(path)
        if lines is None:
            from reportlint.readers import read_regular_bytes

            raw = read_regular_bytes(Path(path)) or b""
            text = raw.decode("utf-8-sig", errors="replace")
            lines = self._files[path] = text.replace("\r\n", "\n").split("\n")
        return lines[number - 1] if 0 < number <= len(lines) else ""


def fingerprint(finding: Finding, line_text: str) -> str:
    """A digest of what a finding is about, independent of where its line now stands."""
    message = _NUMBER.sub("#", finding.message)
    words = _SPACE.sub(" ", line_text).strip()
    digest = hashlib.sha256(f"{finding.rule}\0{words}\0{message}".encode())
    return digest.hexdigest()[:20]


def fingerprints(findings: Sequence[Finding], texts: LineTexts | None = None) -> list[str]:
    """The fingerprint of each finding, in order."""
    texts = texts or LineTexts()
    return [fingerprint(f, texts.line(f.path, f.line)) for f in findings]


@dataclass(frozen=True)
class Entry:
    path: str
    rule: str
    fingerprint: str
    line: int = 0
    message: str = ""

    @property
    def key(self) -> tuple[str, str, str]:
        return (self.path, self.rule, self.fingerprint)


@dataclass
class Comparison:
    """The findings of a run set against a baseline."""

    new: list[Finding] = field(default_factory=list)
    known: int = 0  # findings the baseline hid
    gone: list[Entry] = field(default_factory=list)  # recorded findings no longer found


def _relative(path: str, folder: Path) -> str:
    """`path` as seen from the baseline's folder, in POSIX form."""
    try:
        return Path(os.path.relpath(os.path.realpath(path), os.path.realpath(folder))).as_posix()
    except ValueError:  # another drive on Windows
        return Path(os.path.realpath(path)).as_posix()


def entries_for(findings: Sequence[Finding], folder: Path) -> list[Entry]:
    keys = fingerprints(findings)
    return [Entry(_relative(f.path, folder), f.rule, key, f.line, f.message)
            for f, key in zip(findings, keys, strict=True)]


def write_baseline(path: Path, findings: Sequence[Finding]) -> int:
    """Record `findings` in a baseline file; returns how many were recorded."""
    from reportlint import __version__
    from reportlint.writers import write_atomic

    entries = entries_for(findings, path.parent)
    document = {
        "version": BASELINE_VERSION,
        "tool": "reportlint",
        "tool_version": __version__,
        "findings": [{"path": e.path, "rule": e.rule, "fingerprint": e.fingerprint,
                      "line": e.line, "message": e.message}
                     for e in sorted(entries, key=lambda e: (e.path, e.line, e.rule))],
    }
    write_atomic(path, json.dumps(document, indent=1, ensure_ascii=False) + "\n")
    return len(entries)


def load_baseline(path: Path) -> list[Entry]:
    """The entries of a baseline file. Raises OSError if it cannot be read and ValueError
    (with a plain message) if it is not a baseline."""
    try:
        document = json.loads(path.read_text(encoding="utf-8"))
    except UnicodeDecodeError:
        raise ValueError("not UTF-8 text") from None
    except json.JSONDecodeError as error:
        raise ValueError(f"not JSON: {error.msg} at line {error.lineno}") from None
    except RecursionError:
        raise ValueError("not a reportlint baseline (nested too deeply to read)") from None
    if not isinstance(document, dict) or not isinstance(document.get("findings"), list):
        raise ValueError('not a reportlint baseline (no "findings" list)')
    if document.get("version") != BASELINE_VERSION:
        raise ValueError(f"baseline version {document.get('version')!r} is not supported "
                         f"(this reportlint writes version {BASELINE_VERSION})")
    entries = []
    for index, item in enumerate(document["findings"]):
        if not (isinstance(item, dict) and all(isinstance(item.get(k), str)
                                               for k in ("path", "rule", "fingerprint"))):
            raise ValueError(f"finding {index + 1} needs string path, rule and fingerprint")
        line = item.get("line")
        entries.append(Entry(item["path"], item["rule"], item["fingerprint"],
                             line if isinstance(line, int) else 0, str(item.get("message", ""))))
    return entries


def compare(findings: Sequence[Finding], entries: Iterable[Entry], folder: Path) -> Comparison:
    """Split `findings` into new ones and ones the baseline records (each recorded copy
    hides one finding); what is recorded but no longer found is `gone`."""
    recorded = list(entries)
    applied = AppliedBaseline(recorded, folder)
    new = applied.new(findings)
    return Comparison(new, applied.known, applied.gone(recorded))


class AppliedBaseline:
    """A baseline applied a report at a time, so that a corpus's findings need not all be
    held at once (the gate): each recorded copy hides one finding with its key."""

    def __init__(self, recorded: Iterable[Entry], folder: Path) -> None:
        self.folder = folder
        self.remaining = Counter(entry.key for entry in recorded)
        self.known = 0  # findings hidden so far

    def new(self, findings: Sequence[Finding]) -> list[Finding]:
        """Those of `findings` no recorded copy is left to hide."""
        kept = []
        for finding, entry in zip(findings, entries_for(findings, self.folder), strict=True):
            if self.remaining[entry.key] > 0:
                self.remaining[entry.key] -= 1
                self.known += 1
            else:
                kept.append(finding)
        return kept

    def gone(self, recorded: Iterable[Entry]) -> list[Entry]:
        """The recorded entries that hid no finding."""
        left = Counter(self.remaining)
        gone = []
        for entry in recorded:
            if left[entry.key] > 0:
                left[entry.key] -= 1
                gone.append(entry)
        return gone


def filter_findings(findings: Sequence[Finding], baseline: Path) -> list[Finding]:
    """The findings a baseline file does not record (for callers that need only those)."""
    return compare(findings, load_baseline(baseline), baseline.parent).new


def describe(comparison: Comparison, baseline: Path) -> str:
    """One line for standard error: what the baseline hid and what is gone from it."""
    gone = len(comparison.gone)
    text = (f"{baseline}: {comparison.known} known finding{'s' if comparison.known != 1 else ''}"
            f" hidden, {len(comparison.new)} new")
    if gone:
        text += (f"; {gone} baselined finding{'s are' if gone != 1 else ' is'} gone (fixed or "
                 "removed): run --write-baseline again to drop "
                 f"{'them' if gone != 1 else 'it'}")
    else:
        text += "; none of the baselined findings is gone"
    return text + "."
