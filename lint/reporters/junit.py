"""JUnit XML: one test case per report, failed when it has a finding at or above the
failing severity (lesser findings are listed in its output), for CI test dashboards."""

from __future__ import annotations

from collections.abc import Collection
from typing import TextIO
from xml.etree import ElementTree

from reportlint.findings import Finding, Severity
from reportlint.reporters.options import RenderOptions
from reportlint.reporters.perfile import by_file, findings_of

_CASES = "reportlint-cases"  # where the test cases go in the document's frame


def _line(f: Finding) -> str:
    return f"{f.path}:{f.line}:{f.column}: {f.rule} [{f.severity.value}] {f.message}"


def write_junit(findings: Collection[Finding], options: RenderOptions, out: TextIO) -> None:
    """A test case for each report checked (`options.paths`), then for each other file
    with findings, written a case at a time: the findings are read once for the counts
    at the top, then a report's at a time for its case."""
    paths = list(dict.fromkeys(options.paths))
    checked = set(paths)
    failures = 0
    for path, found in by_file(findings):
        failures += any(_fails(f, options.fail_on) for f in found)
        if path not in checked:
            paths.append(path)
    counts = {"tests": str(len(paths)), "failures": str(failures), "errors": "0",
              "skipped": "0", "time": "0"}
    suite = ElementTree.Element("testsuite", {"name": "reportlint", **counts})
    root = ElementTree.Element("testsuites", {"name": "reportlint", **{
        k: v for k, v in counts.items() if k != "skipped"}})
    root.append(suite)
    if paths:
        ElementTree.SubElement(suite, _CASES)
    ElementTree.indent(root)
    frame = ('<?xml version="1.0" encoding="UTF-8"?>\n'
             + ElementTree.tostring(root, encoding="unicode") + "\n")
    if not paths:
        out.write(frame)
        return
    # The frame as `ElementTree.indent` lays out the whole document, with each case
    # laid out the same where the placeholder is.
    at = frame.index(f"<{_CASES} />")
    line = frame.rindex("\n", 0, at)
    indent = frame[line:at]
    out.write(frame[:line])
    of = findings_of(findings)
    for path in paths:
        case = _case(path, of(path), options.fail_on)
        ElementTree.indent(case, level=2)
        out.write(indent + ElementTree.tostring(case, encoding="unicode"))
    out.write(frame[at + len(f"<{_CASES} />"):])


def _fails(finding: Finding, fail_on: Severity) -> bool:
    return finding.severity.rank >= fail_on.rank


def _case(path: str, found: list[Finding], fail_on: Severity) -> ElementTree.Element:
    case = ElementTree.Element("testcase", classname="reportlint", name=path, file=path)
    failing = [f for f in found if _fails(f, fail_on)]
    if failing:
        failure = ElementTree.SubElement(
            case, "failure", type="reportlint",
            message=f"{len(failing)} finding{'s' if len(failing) != 1 else ''}")
        failure.text = "\n".join(_line(f) for f in failing)
    lesser = [f for f in found if f not in failing]
    if lesser:
        ElementTree.SubElement(case, "system-out").text = "\n".join(map(_line, lesser))
    return case
