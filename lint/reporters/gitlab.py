"""GitLab Code Quality: a JSON array of Code Climate issues, shown in the merge request's
widget and diff (`artifacts: reports: codequality:`)."""

from __future__ import annotations

import hashlib
import json
from collections import Counter
from collections.abc import Sequence

from reportlint.findings import Finding, Severity
from reportlint.reporters.options import RenderOptions

_SEVERITIES = {Severity.ERROR: "major", Severity.WARNING: "minor", Severity.INFO: "info"}


def render_gitlab(findings: Sequence[Finding], options: RenderOptions) -> str:
    from reportlint.run.baseline import fingerprints

    seen: Counter[str] = Counter()
    issues = []
    for finding, key in zip(findings, fingerprints(findings), strict=True):
        # Unique per issue and stable while the text stands: path, rule, text and message,
        # plus the occurrence, for the same defect twice in one file.
        identity = f"{finding.path}\0{key}"
        seen[identity] += 1
        digest = hashlib.md5(f"{identity}\0{seen[identity]}".encode(), usedforsecurity=False)
        issues.append({
            "type": "issue",
            "check_name": f"{finding.rule} {finding.name}".rstrip(),
            "description": f"{finding.rule} {finding.message}",
            "categories": ["Style"],
            "severity": _SEVERITIES[finding.severity],
            "fingerprint": digest.hexdigest(),
            "location": {"path": finding.path,
                         "lines": {"begin": finding.line,
                                   "end": finding.end_line or finding.line}},
        })
    return json.dumps(issues, indent=2, ensure_ascii=False) + "\n"
