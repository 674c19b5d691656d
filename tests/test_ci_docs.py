"""docs/ci.md stays true: every `reportlint` command its jobs run is run here, as written,
on a copy of content/ (which passes) and again with a report that has a defect (which
fails where the jobs should fail)."""

from __future__ import annotations

import json
import re
import shlex
import shutil
import subprocess
import sys
from pathlib import Path
from xml.etree import ElementTree

import pytest
from conftest import CONTENT, ROOT
from reportlint.readers.yamltree import load_yaml_tree

CI_DOC = ROOT / "docs" / "ci.md"


def job_commands() -> list[str]:
    """The reportlint commands of the YAML jobs (`run:` and `script:` lines) and of the
    shell examples in docs/ci.md, in order."""
    text = CI_DOC.read_text(encoding="utf-8")
    commands: list[str] = []
    for language, block in re.findall(r"```(\w+)\n(.*?)```", text, re.DOTALL):
        if language == "yaml":
            commands += [line for line in _run_lines(load_yaml_tree(block).data)]
        elif language == "sh":
            commands += block.splitlines()
    return [command for command in commands if command.startswith("reportlint ")]


def _run_lines(data: object) -> list[str]:
    if isinstance(data, dict):
        lines = []
        for key, value in data.items():
            if key in ("run", "script"):
                values = value if isinstance(value, list) else [value]
                lines += [line.strip() for item in values for line in str(item).splitlines()]
            else:
                lines += _run_lines(value)
        return lines
    if isinstance(data, list):
        return [line for item in data for line in _run_lines(item)]
    return []


def run(command: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    args = shlex.split(command)
    assert args[0] == "reportlint"
    return subprocess.run([sys.executable, "-m", "reportlint", *args[1:]], cwd=cwd,
                          capture_output=True, text=True)


def test_the_doc_has_the_jobs_it_promises() -> None:
    commands = job_commands()
    assert "reportlint check content --format github" in commands
    assert any("--format sarif" in c and "--output reportlint.sarif" in c for c in commands)
    assert any("--format gitlab" in c for c in commands)
    assert any("--format junit" in c for c in commands)
    assert "reportlint gate content --manifest release-manifest.json" in commands
    text = CI_DOC.read_text(encoding="utf-8")
    assert "github/codeql-action/upload-sarif" in text
    assert "codequality: gl-code-quality-report.json" in text


@pytest.fixture
def site(tmp_path: Path) -> Path:
    shutil.copytree(CONTENT, tmp_path / "content")
    return tmp_path


def test_the_jobs_pass_on_content(site: Path) -> None:
    from test_reporters import validate_sarif

    for command in job_commands():
        result = run(command, site)
        assert result.returncode == 0, f"{command}\n{result.stdout}{result.stderr}"
        assert "Traceback" not in result.stderr
    validate_sarif(json.loads((site / "reportlint.sarif").read_text(encoding="utf-8")))
    assert json.loads((site / "gl-code-quality-report.json").read_text()) == []
    junit = ElementTree.parse(site / "reportlint-junit.xml").getroot()
    assert junit.get("failures") == "0"
    reports = [p for p in (site / "content").iterdir() if p.suffix in (".md", ".yaml", ".yml")]
    assert junit.get("tests") == str(len(reports))
    manifest = json.loads((site / "release-manifest.json").read_text(encoding="utf-8"))
    assert manifest["reports"] and all(r["status"] == "pass" for r in manifest["reports"])
    assert (site / "reportlint-baseline.json").exists()


def test_the_jobs_fail_on_a_defect(site: Path) -> None:
    from test_reporters import validate_sarif

    report = next((site / "content").glob("*.md"))
    text = report.read_text(encoding="utf-8")
    report.write_text(text.replace("### Signals to watch", "### Signals to wacth"),
                      encoding="utf-8")
    outcomes = {}
    for command in job_commands():
        if "--baseline " in command:
            continue  # the baseline, written just before, knows the defect: covered below
        outcomes[command] = run(command, site)
    annotations = outcomes["reportlint check content --format github"]
    assert annotations.returncode == 1
    assert f"::warning title=reportlint S003 unknown-heading,file=content/{report.name}," in (
        annotations.stdout)
    gate = outcomes["reportlint gate content --manifest release-manifest.json"]
    assert gate.returncode == 1
    failing = [r for r in json.loads((site / "release-manifest.json").read_text())["reports"]
               if r["status"] != "pass"]
    assert len(failing) == 1 and failing[0]["path"].endswith(report.name)
    sarif = json.loads((site / "reportlint.sarif").read_text(encoding="utf-8"))
    validate_sarif(sarif)
    assert [r["ruleId"] for r in sarif["runs"][0]["results"]] == ["S003"]
    issues = json.loads((site / "gl-code-quality-report.json").read_text())
    assert [i["check_name"] for i in issues] == ["S003 unknown-heading"]
    junit = ElementTree.parse(site / "reportlint-junit.xml").getroot()
    assert junit.get("failures") == "1"
