"""The output formats: SARIF (validated against the official 2.1.0 schema), GitHub
workflow commands, GitLab Code Quality, JUnit, statistics, --output and --quiet."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any
from xml.etree import ElementTree

import jsonschema
import pytest
from conftest import CLEAN_FIXTURES, ROOT
from reportlint.findings import Category, Finding, Severity
from reportlint.reporters import FORMATS, render
from reportlint.reporters.sarif import artifact_uri, sarif_log
from reportlint.rules.registry import all_rules

SARIF_SCHEMA = ROOT / "tests" / "data" / "sarif-schema-2.1.0.json"
CLEAN = (CLEAN_FIXTURES / "data-analyst-retail-us-2025.md").read_text(encoding="utf-8")
TYPOS = (CLEAN.replace("### Signals to watch\n", "### Signals to wacth\n")
         .replace("## Demand Drivers\n", "## Demand Drivrs\n"))


def run(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "reportlint", *args], capture_output=True,
                          text=True, cwd=cwd)


def validate_sarif(document: Any) -> None:
    """Raise unless `document` is valid SARIF 2.1.0 (the OASIS schema, errata 01, as kept in
    tests/data; draft-04, so its own validator class; formats checked too)."""
    schema = json.loads(SARIF_SCHEMA.read_text(encoding="utf-8"))
    assert schema["id"].endswith("/sarif-schema-2.1.0.json")
    validator_class = jsonschema.validators.validator_for(schema)
    validator_class.check_schema(schema)
    validator = validator_class(schema, format_checker=validator_class.FORMAT_CHECKER)
    validator.validate(document)


@pytest.fixture
def reports(tmp_path: Path) -> Path:
    # Only the structure rules, so that the counts below do not move as rule families grow.
    (tmp_path / "reportlint.yaml").write_text("select: [structure]\n", encoding="utf-8")
    (tmp_path / "content").mkdir()
    (tmp_path / "content" / "typos.md").write_text(TYPOS, encoding="utf-8")
    other = CLEAN_FIXTURES / "backend-engineer-fintech-uk-2025.md"  # shares no passages
    (tmp_path / "content" / "clean.md").write_text(other.read_text(encoding="utf-8"),
                                                   encoding="utf-8")
    return tmp_path


def test_sarif_for_the_example_page_validates(imported_example: Path, tmp_path: Path) -> None:
    result = run("check", str(imported_example), "--format", "sarif", "--output",
                 "example.sarif", cwd=tmp_path)
    assert result.returncode == 1  # it has findings
    assert result.stdout == ""
    document = json.loads((tmp_path / "example.sarif").read_text(encoding="utf-8"))
    validate_sarif(document)
    run_ = document["runs"][0]
    results = run_["results"]
    assert results, "the example page has findings"
    rules = run_["tool"]["driver"]["rules"]
    assert [rule["id"] for rule in rules] == [rule.code for rule in all_rules()]
    for result_ in results:
        rule = rules[result_["ruleIndex"]]
        assert rule["id"] == result_["ruleId"]
        assert rule["help"]["text"].count("**What it does.**") == 1
        assert "Example." in rule["help"]["markdown"]
        location = result_["locations"][0]["physicalLocation"]
        assert location["artifactLocation"]["uri"].startswith("file:///")
        assert location["region"]["startLine"] >= 1
        assert result_["partialFingerprints"]["reportlint/v1"]


def test_the_schema_check_is_real() -> None:
    broken = sarif_log([Finding("r.md", 3, 1, "S003", "m", "unknown-heading")])
    validate_sarif(broken)
    broken["runs"][0]["results"][0]["level"] = "fatal"  # type: ignore[index]
    with pytest.raises(jsonschema.ValidationError):
        validate_sarif(broken)


def test_sarif_rules_carry_metadata_and_relative_paths_a_base(reports: Path) -> None:
    result = run("check", "content", "--format", "sarif", cwd=reports)
    document = json.loads(result.stdout)
    validate_sarif(document)
    driver = document["runs"][0]["tool"]["driver"]
    s003 = next(rule for rule in driver["rules"] if rule["id"] == "S003")
    assert s003["name"] == "unknown-heading"
    assert s003["shortDescription"]["text"].startswith("A heading the section catalog")
    assert s003["fullDescription"]["text"].startswith("Compares each level-2 heading")
    assert s003["defaultConfiguration"] == {"level": "warning"}
    assert s003["properties"]["category"] == "structure"
    results = document["runs"][0]["results"]
    assert {r["ruleId"] for r in results} == {"S001", "S003"}
    levels = {r["ruleId"]: r["level"] for r in results}
    assert levels == {"S001": "error", "S003": "warning"}
    location = results[0]["locations"][0]["physicalLocation"]["artifactLocation"]
    assert location == {"uri": "content/typos.md", "uriBaseId": "%SRCROOT%"}


def test_artifact_uris() -> None:
    assert artifact_uri("content/a b.md") == ("content/a%20b.md", "%SRCROOT%")
    assert artifact_uri("/srv/x/r.md") == ("file:///srv/x/r.md", None)


def test_github_annotations(reports: Path) -> None:
    result = run("check", "content", "--format", "github", cwd=reports)
    assert result.returncode == 1
    summary, *lines = result.stdout.splitlines()
    assert summary.startswith("reportlint: 3 findings (1 error, 2 warnings) in 1 of 2 reports")
    assert len(lines) == 3
    assert lines[0].startswith("::error ")  # the most severe first, whatever its line
    line = TYPOS.splitlines().index("### Signals to wacth") + 1
    assert (f"::warning title=reportlint S003 unknown-heading,file=content/typos.md,line={line},"
            f"col=5::content/typos.md:{line}:5: S003 unknown subsection of \"Market Snapshot\" "
            'heading "Signals to wacth"; did you mean "Signals to watch"?') in lines
    assert sum(line.startswith("::error ") for line in lines) == 1  # S001


def test_related_places_reach_sarif_and_github() -> None:
    repeated = Finding("r.md", 30, 1, "D001", "repeated", "repeated-sentence",
                       data=(("first_line", 12), ("lines", (12, 30, 41))))
    [result] = json.loads(render("sarif", [repeated], files=1))["runs"][0]["results"]
    assert [r["physicalLocation"]["region"]["startLine"] for r in
            result["relatedLocations"]] == [12, 41]
    annotations = render("github", [repeated], files=1)
    assert annotations.rstrip().endswith("(also line 12, line 41)")


def test_github_escapes_what_workflow_commands_need() -> None:
    found = [Finding("a,b:c.md", 2, 3, "S001", "100% of\nit", "missing-section",
                     severity=Severity.INFO, end_line=2, end_column=9)]
    assert render("github", found, files=1).split("\n", 1)[1] == (
        "::notice title=reportlint S001 missing-section,file=a%2Cb%3Ac.md,line=2,col=3,"
        "endLine=2,endColumn=9::a,b:c.md:2:3: S001 100%25 of%0Ait\n")


def test_gitlab_code_quality(reports: Path) -> None:
    result = run("check", "content", "--format", "gitlab", cwd=reports)
    assert result.returncode == 1
    issues = json.loads(result.stdout)
    assert len(issues) == 3
    for issue in issues:
        assert set(issue) >= {"description", "check_name", "fingerprint", "severity", "location"}
        assert issue["severity"] in {"info", "minor", "major", "critical", "blocker"}
        assert issue["location"]["path"] == "content/typos.md"
        assert isinstance(issue["location"]["lines"]["begin"], int)
    assert len({issue["fingerprint"] for issue in issues}) == 3
    # Stable as lines move: the same defects give the same fingerprints one line lower.
    path = reports / "content" / "typos.md"
    path.write_text(TYPOS.replace("## Executive Summary", "\n## Executive Summary"),
                    encoding="utf-8")
    moved = json.loads(run("check", "content", "--format", "gitlab", cwd=reports).stdout)
    assert [i["fingerprint"] for i in moved] == [i["fingerprint"] for i in issues]
    assert [i["location"]["lines"]["begin"] for i in moved] == [
        i["location"]["lines"]["begin"] + 1 for i in issues]


def test_gitlab_fingerprints_differ_for_the_same_defect_twice(tmp_path: Path) -> None:
    path = tmp_path / "r.md"
    path.write_text("x\nx\n", encoding="utf-8")
    twice = [Finding(str(path), 1, 1, "S003", "m"), Finding(str(path), 2, 1, "S003", "m")]
    issues = json.loads(render("gitlab", twice, files=1))
    assert issues[0]["fingerprint"] != issues[1]["fingerprint"]


def test_junit_one_case_per_report(reports: Path) -> None:
    result = run("check", "content", "--format", "junit", "--output", "junit.xml", cwd=reports)
    assert (result.returncode, result.stdout) == (1, "")
    root = ElementTree.parse(reports / "junit.xml").getroot()
    assert root.tag == "testsuites"
    assert (root.get("tests"), root.get("failures")) == ("2", "1")
    cases = {case.get("name"): case for case in root.iter("testcase")}
    assert set(cases) == {"content/clean.md", "content/typos.md"}
    assert cases["content/clean.md"].find("failure") is None
    failure = cases["content/typos.md"].find("failure")
    assert failure is not None and failure.get("message") == "3 findings"
    assert "S001 [error] missing required section" in (failure.text or "")


def test_junit_lists_findings_below_the_failing_severity_without_failing() -> None:
    info = Finding("r.md", 1, 1, "S003", "note this", severity=Severity.INFO)
    xml = render("junit", [info], files=1, paths=["r.md"])
    case = ElementTree.fromstring(xml.split("\n", 1)[1]).find(".//testcase")
    assert case is not None and case.find("failure") is None
    assert "note this" in (case.findtext("system-out") or "")


def test_json_is_still_the_contract(reports: Path) -> None:
    document = json.loads(run("check", "content", "--format", "json", cwd=reports).stdout)
    assert list(document) == ["findings"]


def test_statistics(reports: Path) -> None:
    text = run("check", "content", "--statistics", cwd=reports)
    assert text.returncode == 1
    assert text.stdout.splitlines() == [
        "2  S003  unknown-heading  structure  (2 fixable)",
        "1  S001  missing-section  structure",
        "",
        "3  structure",
        "3  findings in 1 report",
    ]
    document = json.loads(run("check", "content", "--statistics", "--format", "json",
                              cwd=reports).stdout)
    assert document["rules"][0] == {"rule": "S003", "name": "unknown-heading",
                                    "category": "structure", "count": 2, "fixable": 2}
    assert document["categories"] == {"structure": 3}
    refused = run("check", "content", "--statistics", "--format", "sarif", cwd=reports)
    assert refused.returncode == 2 and "--statistics prints text or json" in refused.stderr


def test_quiet_prints_the_findings_and_nothing_else(reports: Path) -> None:
    loud = run("check", "content", cwd=reports)
    quiet = run("check", "content", "--quiet", cwd=reports)
    summary = [n for n, line in enumerate(loud.stdout.splitlines()) if line.startswith("Found ")]
    assert summary and loud.stdout.splitlines()[summary[0]].startswith("Found 3 findings")
    assert quiet.stdout.splitlines() == loud.stdout.splitlines()[:summary[0]]
    assert quiet.returncode == loud.returncode == 1


def test_output_writes_a_file_readable_by_others(reports: Path) -> None:
    result = run("check", "content", "--format", "json", "-o", "findings.json",
                 cwd=reports)
    assert (result.stdout, result.stderr) == ("", "")
    assert len(json.loads((reports / "findings.json").read_text())["findings"]) == 3
    assert (reports / "findings.json").stat().st_mode & 0o044  # not mkstemp's 0600
    clean = run("check", "content/clean.md", "--format", "sarif", "-o", "clean.sarif",
                cwd=reports)
    assert clean.returncode == 0
    validate_sarif(json.loads((reports / "clean.sarif").read_text()))


def test_every_format_renders_no_findings() -> None:
    for name in FORMATS:
        text = render(name, [], files=0)
        assert isinstance(text, str)
    assert json.loads(render("gitlab", [], files=0)) == []
    validate_sarif(json.loads(render("sarif", [], files=0)))


def test_finding_from_an_unregistered_rule_still_validates() -> None:
    odd = Finding("r.md", 1, 1, "X999", "from an old plugin", "old-rule", Category.HYGIENE)
    document = sarif_log([odd])
    validate_sarif(document)
    rules = document["runs"][0]["tool"]["driver"]["rules"]  # type: ignore[index]
    assert rules[-1] == {"id": "X999", "name": "old-rule"}
