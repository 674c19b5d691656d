"""GitLab Code Quality: a JSON array of Code Climate issues, shown in the merge request's
widget and diff (`artifacts: reports: codequality:`)."""

from __future__ import annotations

import hashlib
import json
from collections import Counter
from collections.abc import Collection, Iterator
from typing import TextIO

from reportlint.findings import Finding, Severity
from reportlint.reporters.options import RenderOptions
from reportlint.reporters.perfile import by_file, indented_items

_SEVERITIES = {Severity.ERROR: "major", Severity.WARNING: "minor", Severity.INFO: "info"}


def write_gitlab(findings: Collection[Finding], options: RenderOptions, out: TextIO) -> None:
    """The same text as `json.dumps([...], indent=2)`, written a file's issues at a time
    (each file's lines are read for the fingerprints, then let go)."""
    if not findings:
        out.write("[]\n")
        return
    out.write("[")
    out.writelines(indented_items(
        (json.dumps(issue, indent=2, ensure_ascii=False) for issue in _issues(findings)),
        "  "))
    out.write("\n]\n")


def _issues(findings: Collection[Finding]) -> Iterator[dict[str, object]]:
    from reportlint.run.baseline import fingerprints

    for _, found in by_file(findings):
        seen: Counter[str] = Counter()
        for finding, key in zip(found, fingerprints(found), strict=True):
            # Unique per issue and stable while the text stands: path, rule, text and
            # message, plus the occurrence, for the same defect twice in one file.
            identity = f"{finding.path}\0{key}"
            seen[identity] += 1
            digest = hashlib.md5(f"{identity}\0{seen[identity]}".encode(),
                                 usedforsecurity=False)
            yield {
                "type": "issue",
                "check_name": f"{finding.rule} {finding.name}".rstrip(),
                "description": f"{finding.rule} {finding.message}",
                "categories": ["Style"],
                "severity": _SEVERITIES[finding.severity],
                "fingerprint": digest.hexdigest(),
                "location": {"path": finding.path,
                             "lines": {"begin": finding.line,
                                       "end": finding.end_line or finding.line}},
            }
