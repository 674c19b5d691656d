"""JUnit XML: one test case per report, failed when it has a finding at or above the
failing severity (lesser findings are listed in its output), for CI test dashboards."""

from __future__ import annotations

from collections.abc import Sequence
from xml.etree import ElementTree

from reportlint.findings import Finding
from reportlint.reporters.options import RenderOptions


def _line(f: Finding) -> str:
    return f"{f.path}:{f.line}:{f.column}: {f.rule} [{f.severity.value}] {f.message}"


def render_junit(findings: Sequence[Finding], options: RenderOptions) -> str:
    paths, fail_on = options.paths, options.fail_on
    by_path: dict[str, list[Finding]] = {path: [] for path in paths}
    for finding in findings:
        by_path.setdefault(finding.path, []).append(finding)
    suite = ElementTree.Element("testsuite", name="reportlint")
    failures = 0
    for path, found in by_path.items():
        case = ElementTree.SubElement(suite, "testcase", classname="reportlint", name=path,
                                      file=path)
        failing = [f for f in found if f.severity.rank >= fail_on.rank]
        if failing:
            failures += 1
            failure = ElementTree.SubElement(
                case, "failure", type="reportlint",
                message=f"{len(failing)} finding{'s' if len(failing) != 1 else ''}")
            failure.text = "\n".join(_line(f) for f in failing)
        lesser = [f for f in found if f not in failing]
        if lesser:
            ElementTree.SubElement(case, "system-out").text = "\n".join(map(_line, lesser))
    counts = {"tests": str(len(by_path)), "failures": str(failures), "errors": "0",
              "skipped": "0", "time": "0"}
    suite.attrib.update(counts)
    root = ElementTree.Element("testsuites", {"name": "reportlint", **{
        k: v for k, v in counts.items() if k != "skipped"}})
    root.append(suite)
    ElementTree.indent(root)
    return ('<?xml version="1.0" encoding="UTF-8"?>\n'
            + ElementTree.tostring(root, encoding="unicode") + "\n")
