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
from collections.abc import Collection, Iterator
from pathlib import PurePosixPath
from typing import TYPE_CHECKING, TextIO
from urllib.parse import quote

from reportlint.findings import Finding, Severity
from reportlint.reporters.options import RenderOptions
from reportlint.reporters.perfile import by_file, indented_items

if TYPE_CHECKING:
    from reportlint.rules.registry import Rule

SCHEMA_URI = "https://json.schemastore.org/sarif-2.1.0.json"
_LEVELS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}
_WHAT = re.compile(r"\*\*What it does\.\*\*\s*(.+?)(?:\n\s*\n|\Z)", re.DOTALL)


def write_sarif(findings: Collection[Finding], options: RenderOptions, out: TextIO) -> None:
    """The same text as `json.dumps(sarif_log(findings), indent=2)`, written a file's
    results at a time: the findings are read once for the rules the log must name (an
    old plugin's), then once for the results."""
    descriptors, index = _descriptors(findings)
    if not findings:
        out.write(json.dumps(_log(descriptors, []), indent=2, ensure_ascii=False) + "\n")
        return
    marker = "\0results\0"
    text = json.dumps(_log(descriptors, [marker]), indent=2, ensure_ascii=False)
    at = text.index(json.dumps(marker))
    line = text.rindex("\n", 0, at)
    out.write(text[:line])
    out.writelines(indented_items(
        (json.dumps(result, indent=2, ensure_ascii=False)
         for result in _results(findings, index)), text[line + 1:at]))
    out.write(text[at + len(json.dumps(marker)):] + "\n")


def sarif_log(findings: Collection[Finding]) -> dict[str, object]:
    descriptors, index = _descriptors(findings)
    return _log(descriptors, list(_results(findings, index)))


def _descriptors(findings: Collection[Finding]
                 ) -> tuple[list[dict[str, object]], dict[str, int]]:
    """Every rule's reporting descriptor, and a finding's rule's place among them; a
    rule that is not registered (an old plugin's finding) is named after the rest."""
    from reportlint.rules.registry import all_rules

    rules = list(all_rules())
    index = {rule.code: i for i, rule in enumerate(rules)}
    descriptors: list[dict[str, object]] = [_descriptor(rule) for rule in rules]
    for _, found in by_file(findings):
        for finding in found:
            if finding.rule not in index:
                index[finding.rule] = len(descriptors)
                descriptors.append({"id": finding.rule, "name": finding.name or finding.rule})
    return descriptors, index


def _results(findings: Collection[Finding], index: dict[str, int]
             ) -> Iterator[dict[str, object]]:
    from reportlint.run.baseline import fingerprints

    for _, found in by_file(findings):  # each file's lines read for its fingerprints
        for finding, key in zip(found, fingerprints(found), strict=True):
            yield _result(finding, index[finding.rule], key)


def _log(descriptors: list[dict[str, object]], results: list[object]) -> dict[str, object]:
    from reportlint import __version__

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
