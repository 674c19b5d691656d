"""The check command as users meet it: formats, exit codes, config discovery."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from click.testing import CliRunner
from conftest import CONTENT, SUPPORT_REPORT
from reportlint.cli import main

GOOD = SUPPORT_REPORT.read_text(encoding="utf-8")
BROKEN = GOOD.replace("## Market Snapshot (2025)", "## Market Snapshott (2025)")
CONTRACT_KEYS = {"path", "line", "column", "rule", "category", "severity", "message", "section"}


def run(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "reportlint", *args], capture_output=True,
                          text=True, cwd=cwd)


def test_content_is_clean_and_silent() -> None:
    result = run("check", str(CONTENT))
    assert (result.returncode, result.stdout, result.stderr) == (0, "", "")


def test_text_format(tmp_path: Path) -> None:
    path = tmp_path / "r.md"
    path.write_text(BROKEN, encoding="utf-8")
    result = run("check", str(path))
    assert result.returncode == 1
    lines = result.stdout.splitlines()
    line = GOOD.splitlines().index("## Market Snapshot (2025)") + 1
    assert lines[0] == (f"{path}:{line}:4: S003 [*] [warning] unknown section heading "
                        '"Market Snapshott (2025)"; did you mean "Market Snapshot"?')
    assert lines[-2:] == ["Found 2 findings (1 error, 1 warning) in 1 of 1 report.",
                          "[*] 1 fixable with the `--fix` option."]
    assert "\x1b[" not in result.stdout  # no colour when not on a terminal


def test_json_format_matches_the_contract(tmp_path: Path) -> None:
    (tmp_path / "a.md").write_text(BROKEN, encoding="utf-8")
    (tmp_path / "b.md").write_text(GOOD, encoding="utf-8")
    (tmp_path / "notes.txt").write_text("not a report")
    result = run("check", "--format", "json", str(tmp_path))
    assert result.returncode == 1
    document = json.loads(result.stdout)
    assert list(document) == ["findings"]
    findings = document["findings"]
    assert [f["rule"] for f in findings] == ["S003", "S001"]
    for finding in findings:
        assert set(finding) >= CONTRACT_KEYS
        assert finding["path"] == f"{tmp_path.as_posix()}/a.md"
        assert finding["category"] in {"structure", "consistency", "duplication", "evidence",
                                       "hygiene"}
        assert finding["severity"] in {"error", "warning", "info"}
        assert isinstance(finding["line"], int) and isinstance(finding["column"], int)
    assert findings[0]["section"] == "Market Snapshott (2025)"
    assert findings[1]["section"] == "Market Snapshot"


def test_json_with_no_findings_is_still_one_object() -> None:
    result = run("check", "--format", "json", str(SUPPORT_REPORT))
    assert (result.returncode, json.loads(result.stdout)) == (0, {"findings": []})


def test_yaml_and_markdown_forms_give_the_same_findings(tmp_path: Path) -> None:
    markdown = tmp_path / "r.md"
    markdown.write_text(BROKEN.replace("## Demand Drivers", "## Demand Driverz"),
                        encoding="utf-8")
    yaml = tmp_path / "r.yaml"
    assert run("convert", str(markdown), "-o", str(yaml)).returncode == 0

    def keyed(path: Path) -> list[tuple[str, str, str | None]]:
        output = run("check", "--format", "json", "--select", "structure", str(path)).stdout
        findings = json.loads(output)["findings"]
        return sorted((f["rule"], f["message"], f["section"]) for f in findings)

    # Unknown sections are kept in `extra_sections`, which the YAML form writes last, so
    # the same findings stand at other lines and in another order.
    assert keyed(markdown) == keyed(yaml)
    assert len(keyed(markdown)) == 4


def test_fail_on_and_exit_zero(tmp_path: Path) -> None:
    path = tmp_path / "r.md"
    path.write_text(BROKEN, encoding="utf-8")
    assert run("check", "--fail-on", "error", "--select", "S003", str(path)).returncode == 0
    assert run("check", "--fail-on", "warning", "--select", "S003", str(path)).returncode == 1
    assert run("check", "--exit-zero", str(path)).returncode == 0
    assert run("check", "--ignore", "structure", str(path)).returncode == 0


def test_config_file_found_upward(tmp_path: Path) -> None:
    (tmp_path / "reportlint.yaml").write_text("ignore: [S003]\nseverity: {S001: info}\n"
                                              "fail_on: warning\n")
    folder = tmp_path / "reports" / "2025"
    folder.mkdir(parents=True)
    (folder / "r.md").write_text(BROKEN, encoding="utf-8")
    result = run("check", str(folder))
    assert result.returncode == 0
    assert "S001 [info]" in result.stdout and "S003" not in result.stdout


def test_pyproject_config_and_per_path_overrides(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text(
        '[tool.reportlint]\nper_path = [{paths = ["drafts/*"], ignore = ["structure"]}]\n')
    (tmp_path / "drafts").mkdir()
    (tmp_path / "drafts" / "r.md").write_text(BROKEN, encoding="utf-8")
    (tmp_path / "final.md").write_text(BROKEN, encoding="utf-8")
    result = run("check", "drafts", "final.md", cwd=tmp_path)
    assert result.returncode == 1
    assert "final.md" in result.stdout and "drafts/r.md" not in result.stdout


def test_bad_config_and_bad_options_exit_2(tmp_path: Path) -> None:
    (tmp_path / "reportlint.yaml").write_text("fail_on: sometimes\n")
    (tmp_path / "r.md").write_text(GOOD, encoding="utf-8")
    result = run("check", str(tmp_path / "r.md"))
    assert result.returncode == 2
    assert "reportlint.yaml:1:1: 'fail_on'" in result.stderr and "Traceback" not in result.stderr
    assert run("check", "--select", "Z999", str(SUPPORT_REPORT)).returncode == 2
    assert run("check", "--format", "xml", str(SUPPORT_REPORT)).returncode == 2
    (tmp_path / "reportlint.yaml").write_text("select: [S00\n")
    assert run("check", str(tmp_path / "r.md")).returncode == 2


def test_rules_and_explain() -> None:
    runner = CliRunner()
    listing = runner.invoke(main, ["rules", "--format", "json"])
    rules = json.loads(listing.output)
    assert {"S001", "S009", "C001"} <= {r["code"] for r in rules}
    for rule in rules:
        assert rule["category"] in {"structure", "consistency", "duplication", "evidence",
                                    "hygiene"}
        for part in ("**What it does.**", "**Why is this bad?**", "**Example.**"):
            assert part in rule["doc"], (rule["code"], part)
    explained = runner.invoke(main, ["explain", "S003"])
    assert explained.exit_code == 0 and "Market Snapshott" in explained.output
    assert runner.invoke(main, ["explain", "Z999"]).exit_code == 2


def test_fix_and_diff(tmp_path: Path) -> None:
    path = tmp_path / "r.md"
    path.write_text(BROKEN, encoding="utf-8")
    diff = run("check", "--diff", str(path))
    assert diff.returncode == 1
    assert "-## Market Snapshott (2025)" in diff.stdout
    assert "+## Market Snapshot (2025)" in diff.stdout
    assert path.read_text(encoding="utf-8") == BROKEN
    fixed = run("check", "--fix", str(path))
    assert fixed.returncode == 0, fixed.stdout
    assert path.read_text(encoding="utf-8") == GOOD
    assert run("check", "--diff", str(path)).stdout == ""


def test_a_folder_walk_skips_config_and_hidden_files(tmp_path: Path) -> None:
    (tmp_path / "reportlint.yaml").write_text("fail_on: error\n")
    (tmp_path / ".pre-commit-config.yaml").write_text("repos: []\n")
    (tmp_path / "r.md").write_text(GOOD, encoding="utf-8")
    result = run("check", "--no-cache", str(tmp_path))
    assert (result.returncode, result.stdout) == (0, "")
