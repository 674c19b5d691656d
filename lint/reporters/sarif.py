"""SARIF 2.1.0, for code scanning (GitHub's upload-sarif, GitLab, Azure DevOps, IDEs).

One run, with every rule as a reporting descriptor (its summary, its What it does
paragraph, and its whole documentation as help, in text and Markdown) and one result a
finding. Relative paths stay relative to `%SRCROOT%` (the folder the check ran in),
which is what code-scanning services expect; absolute ones become file URIs. Columns
count Unicode code points, as reportlint's do.
"""

from __future__ import annotations

import json
import re
from collections.abc import Sequence
from pathlib import PurePosixPath
from typing import TYPE_CHECKING
from urllib.parse import quote

from reportlint.findings import Finding, Severity
from reportlint.reporters.options import RenderOptions

if TYPE_CHECKING:
    from reportlint.rules.registry import Rule

SCHEMA_URI = "https://json.schemastore.org/sarif-2.1.0.json"
_LEVELS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}
_WHAT = re.compile(r"\*\*What it does\.\*\*\s*(.+?)(?:\n\s*\n|\Z)", re.DOTALL)


def render_sarif(findings: Sequence[Finding], options: RenderOptions) -> str:
    return json.dumps(sarif_log(findings), indent=2, ensure_ascii=False) + "\n"


def sarif_log(findings: Sequence[Finding]) -> dict[str, object]:
    from reportlint import __version__
    from reportlint.rules.registry import all_rules
    from reportlint.run.baseline import fingerprints

    rules = list(all_rules())
    index = {rule.code: i for i, rule in enumerate(rules)}
    descriptors: list[dict[str, object]] = [_descriptor(rule) for rule in rules]
    for finding in findings:  # a rule that is not registered (an old plugin's finding)
        if finding.rule not in index:
            index[finding.rule] = len(descriptors)
            descriptors.append({"id": finding.rule, "name": finding.name or finding.rule})
    results = [_result(f, index[f.rule], key)
               for f, key in zip(findings, fingerprints(findings), strict=True)]
    return {
        "$schema": SCHEMA_URI,
        "version": "2.1.0",
        "runs": [{
            "tool": {"driver": {"name": "reportlint", "version": __version__,
                                "semanticVersion": __version__,
                                "rules": descriptors}},
            "columnKind": "unicodeCodePoints",
            "originalUriBaseIds": {"%SRCROOT%": {"description": {
                "text": "The folder reportlint was run in."}}},
            "results": results,
        }],
    }


def _descriptor(rule: type[Rule]) -> dict[str, object]:
    doc = rule.documentation()
    what = _WHAT.search(doc)
    return {
        "id": rule.code,
        "name": rule.name,
        "shortDescription": {"text": rule.summary()},
        "fullDescription": {"text": " ".join(what.group(1).split()) if what else rule.summary()},
        "help": {"text": doc, "markdown": doc},
        "defaultConfiguration": {"level": _LEVELS[rule.severity]},
        "properties": {"category": rule.category.value, "tags": [rule.category.value],
                       "fixable": rule.fixable},
    }


def artifact_uri(path: str) -> tuple[str, str | None]:
    """The URI of a finding's file, and its base id (None when absolute)."""
    posix = PurePosixPath(path.replace("\\", "/"))
    if posix.is_absolute():
        return "file://" + quote(posix.as_posix()), None
    return quote(posix.as_posix()), "%SRCROOT%"


def _result(finding: Finding, rule_index: int, key: str) -> dict[str, object]:
    uri, base = artifact_uri(finding.path)
    location: dict[str, object] = {"uri": uri}
    if base:
        location["uriBaseId"] = base
    region: dict[str, int] = {"startLine": finding.line, "startColumn": finding.column}
    if finding.end_line is not None and finding.end_column is not None:
        region.update(endLine=finding.end_line, endColumn=finding.end_column)
    result: dict[str, object] = {
        "ruleId": finding.rule,
        "ruleIndex": rule_index,
        "level": _LEVELS[finding.severity],
        "message": {"text": finding.message},
        "locations": [{"physicalLocation": {"artifactLocation": location, "region": region}}],
        "partialFingerprints": {"reportlint/v1": key},
        **({"relatedLocations": [
            {"id": index, "message": {"text": "the same root cause"},
             "physicalLocation": {"artifactLocation": location,
                                  "region": {"startLine": line, "startColumn": column}}}
            for index, (line, column) in enumerate(finding.related())]}
           if finding.related() else {}),
        "properties": {"category": finding.category.value,
                       **({"section": finding.section} if finding.section else {})},
    }
    return result
