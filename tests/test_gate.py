"""The release gate: pass or fail per report, the manifest that records why, --since in a
real git repository, and the progress bar that only a terminal sees."""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import CLEAN_FIXTURES, CONTENT
from reportlint.cli import main
from reportlint.config import Config
from reportlint.findings import Severity
from reportlint.run.discovery import collect_targets
from reportlint.run.gate import (
    MANIFEST_VERSION,
    REASONS_PER_REPORT,
    REASONS_PER_RULE,
    GateError,
    run_gate,
)
from reportlint.run.pipeline import lint_paths

SELLER = CONTENT / "account-executive-saas-us-2025.md"
ANALYST = CLEAN_FIXTURES / "data-analyst-retail-us-2025.md"
# A subsection the catalog does not know: one warning (S003), nothing worse.
WARNING_ONLY = SELLER.read_text(encoding="utf-8").replace(
    "## Demand Drivers\n", "## Demand Drivers\n\n### Hiring season\n\nAsk the recruiter when "
    "the team plans its headcount.\n\n", 1)


def gate(*args: str) -> tuple[int, dict[str, object] | None, str]:
    """Run `reportlint gate ARGS --manifest M`; the exit code, the manifest and stderr."""
    with tempfile.TemporaryDirectory() as folder:
        target = Path(folder) / "release.json"
        result = CliRunner().invoke(main, ["gate", *args, "--manifest", str(target)])
        manifest = json.loads(target.read_text(encoding="utf-8")) if target.exists() else None
    return result.exit_code, manifest, result.stderr


def reports_of(manifest: dict[str, object] | None) -> dict[str, dict[str, object]]:
    assert manifest is not None
    return {entry["path"]: entry for entry in manifest["reports"]}  # type: ignore[attr-defined]


def test_content_passes_the_gate() -> None:
    code, manifest, stderr = gate(str(CONTENT), "--no-cache")
    assert code == 0, stderr
    assert manifest is not None
    assert manifest["manifest_version"] == MANIFEST_VERSION
    assert manifest["status"] == "pass"
    assert manifest["scope"] == {"kind": "all"}
    targets = collect_targets([CONTENT])
    entries = reports_of(manifest)
    assert sorted(entries) == sorted(t.path.relative_to(CONTENT).as_posix() for t in targets)
    for target in targets:
        entry = entries[target.path.relative_to(CONTENT).as_posix()]
        content = target.path.read_bytes()
        assert entry["status"] == "pass"
        assert entry["sha256"] == hashlib.sha256(content).hexdigest()
        assert entry["bytes"] == len(content)
        assert entry["reasons"] == []
        assert entry["counts"] == {
            "by_category": dict.fromkeys(
                ("structure", "consistency", "duplication", "evidence", "hygiene"), 0),
            "by_severity": {"error": 0, "warning": 0, "info": 0}, "by_rule": {}}
        assert entry["reasons_not_listed"] == 0
    summary = manifest["summary"]
    assert summary["reports"] == summary["passed"] == len(targets)  # type: ignore[index]
    assert summary["failed"] == 0  # type: ignore[index]
    assert "Gate passed" in stderr


def test_the_imported_example_fails_and_the_manifest_says_why(
        tmp_path: Path, imported_example: Path) -> None:
    shutil.copy(imported_example, tmp_path / imported_example.name)
    shutil.copy(SELLER, tmp_path / SELLER.name)
    code, manifest, stderr = gate(str(tmp_path))
    assert code == 1
    assert manifest is not None and manifest["status"] == "fail"
    entries = reports_of(manifest)
    assert entries[SELLER.name]["status"] == "pass"
    failing = entries[imported_example.name]
    assert failing["status"] == "fail"
    reasons = failing["reasons"]
    assert isinstance(reasons, list) and reasons
    # The page's proof map is flattened into one column, and its sources section lists
    # no footnote definitions: both are warnings, and both are in the manifest.
    assert "S007" in {reason["rule"] for reason in reasons}
    assert any(reason["section"] == "Sources & Further Reading" for reason in reasons)
    for reason in reasons:
        assert reason["severity"] in ("warning", "error")
        assert set(reason) == {"line", "column", "rule", "name", "category", "severity",
                               "section", "message"}
    counts = failing["counts"]
    total = sum(counts["by_severity"].values())  # type: ignore[index]
    assert sum(counts["by_category"].values()) == total  # type: ignore[index]
    assert sum(counts["by_rule"].values()) == total  # type: ignore[index]
    # The page's sales passages (C004) are flagged dozens of times: the manifest lists a
    # few of each rule, the most serious first, and says how many it left out.
    assert counts["by_rule"]["C004"] > REASONS_PER_RULE  # type: ignore[index]
    listed = [reason["rule"] for reason in reasons]
    assert len(listed) <= REASONS_PER_REPORT
    assert max(listed.count(rule) for rule in listed) <= REASONS_PER_RULE
    failing_total = sum(counts["by_severity"][s] for s in ("error", "warning"))  # type: ignore[index]
    assert failing["reasons_not_listed"] == failing_total - len(reasons)
    assert [r["line"] for r in reasons] == sorted(r["line"] for r in reasons)
    summary = manifest["summary"]
    assert (summary["reports"], summary["passed"], summary["failed"]) == (2, 1, 1)  # type: ignore[index]
    assert "Gate failed: 1 of 2 reports" in stderr
    assert f"{imported_example.name}: " in stderr


def test_fail_on_sets_the_bar(tmp_path: Path) -> None:
    (tmp_path / SELLER.name).write_text(WARNING_ONLY, encoding="utf-8")
    code, manifest, _ = gate(str(tmp_path))
    assert code == 1
    assert [r["rule"] for r in reports_of(manifest)[SELLER.name]["reasons"]] == ["S003"]  # type: ignore[attr-defined]
    code, manifest, _ = gate(str(tmp_path), "--fail-on", "error")
    assert code == 0
    entry = reports_of(manifest)[SELLER.name]
    assert manifest is not None and manifest["fail_on"] == "error"
    # Passing, but the warning is still counted.
    assert (entry["status"], entry["reasons"]) == ("pass", [])
    assert entry["counts"]["by_severity"] == {"error": 0, "warning": 1, "info": 0}  # type: ignore[index]
    assert entry["counts"]["by_category"]["structure"] == 1  # type: ignore[index]


def test_config_fail_on_is_the_default(tmp_path: Path) -> None:
    (tmp_path / "reports").mkdir()
    (tmp_path / "reports" / SELLER.name).write_text(WARNING_ONLY, encoding="utf-8")
    (tmp_path / "reportlint.yaml").write_text("fail_on: error\n", encoding="utf-8")
    code, manifest, _ = gate(str(tmp_path / "reports"))
    assert code == 0
    assert manifest is not None and manifest["fail_on"] == "error"
    assert manifest["config"]["source"].endswith("reportlint.yaml")  # type: ignore[index]


def test_an_unreadable_report_fails(tmp_path: Path) -> None:
    (tmp_path / "notes.md").write_bytes(b"\xff\xfe not text \x00")
    code, manifest, _ = gate(str(tmp_path))
    assert code == 1
    entry = reports_of(manifest)["notes.md"]
    assert entry["status"] == "fail"
    assert entry["reasons"][0]["severity"] == "error"  # type: ignore[index]


@pytest.mark.parametrize("setup, message", [
    (lambda root: None, "no reports"),
    (lambda root: (root / "README.txt").write_text("x", encoding="utf-8"), "no reports"),
])
def test_the_gate_cannot_run_on_an_empty_folder(tmp_path: Path, setup: object,
                                                message: str) -> None:
    setup(tmp_path)  # type: ignore[operator]
    code, manifest, stderr = gate(str(tmp_path))
    assert (code, manifest) == (2, None)
    assert message in stderr


def test_the_gate_cannot_run_on_a_missing_folder(tmp_path: Path) -> None:
    code, manifest, stderr = gate(str(tmp_path / "nowhere"))
    assert (code, manifest) == (2, None)
    assert "nowhere" in stderr


def test_quiet_prints_nothing(tmp_path: Path) -> None:
    shutil.copy(SELLER, tmp_path / SELLER.name)
    result = CliRunner().invoke(main, ["gate", str(tmp_path), "--quiet"])
    assert (result.exit_code, result.stdout, result.stderr) == (0, "", "")


def test_a_baseline_lets_known_findings_through(tmp_path: Path,
                                                imported_example: Path) -> None:
    reports = tmp_path / "reports"
    reports.mkdir()
    shutil.copy(imported_example, reports / imported_example.name)
    shutil.copy(SELLER, reports / SELLER.name)
    baseline = tmp_path / "baseline.json"
    recorded = CliRunner().invoke(main, ["check", str(reports), "--write-baseline",
                                         str(baseline)])
    assert recorded.exit_code == 0, recorded.output
    code, manifest, stderr = gate(str(reports), "--baseline", str(baseline))
    assert code == 0, stderr
    assert manifest is not None
    known = manifest["baseline"]["suppressed"]  # type: ignore[index]
    assert known >= 7 and manifest["baseline"]["path"] == baseline.as_posix()  # type: ignore[index]
    assert manifest["summary"]["findings"] == 0  # type: ignore[index]
    # A new defect is not in the baseline: the gate fails on it alone.
    (reports / SELLER.name).write_text(WARNING_ONLY, encoding="utf-8")
    code, manifest, _ = gate(str(reports), "--baseline", str(baseline))
    assert code == 1
    failing = [r for r in manifest["reports"] if r["status"] == "fail"]  # type: ignore[index, union-attr]
    assert [(r["path"], [x["rule"] for x in r["reasons"]]) for r in failing] == [
        (SELLER.name, ["S003"])]


def test_a_bad_baseline_is_a_tool_error(tmp_path: Path) -> None:
    shutil.copy(SELLER, tmp_path / SELLER.name)
    baseline = tmp_path / "baseline.json"
    baseline.write_text("{not json", encoding="utf-8")
    code, manifest, stderr = gate(str(tmp_path), "--baseline", str(baseline))
    assert (code, manifest) == (2, None)
    assert "not JSON" in stderr


def test_parallel_and_cached_runs_write_the_same_manifest(tmp_path: Path,
                                                          imported_example: Path) -> None:
    shutil.copy(imported_example, tmp_path / imported_example.name)
    shutil.copy(SELLER, tmp_path / SELLER.name)
    shutil.copy(ANALYST, tmp_path / ANALYST.name)

    def judged(*args: str) -> object:
        code, manifest, _ = gate(str(tmp_path), *args)
        assert code == 1 and manifest is not None
        return {key: value for key, value in manifest.items() if key != "created"}

    serial = judged("--no-cache", "-j", "1")
    assert not (tmp_path / ".reportlint_cache").exists()
    assert judged("-j", "2") == serial
    assert (tmp_path / ".reportlint_cache").is_dir()
    assert judged("-j", "2") == serial  # from the cache


# --since: a real repository, as a publisher's content repo would be.

def git(repo: Path, *args: str) -> str:
    env = {**os.environ, "GIT_AUTHOR_NAME": "Editor", "GIT_AUTHOR_EMAIL": "ed@example.org",
           "GIT_COMMITTER_NAME": "Editor", "GIT_COMMITTER_EMAIL": "ed@example.org",
           "GIT_CONFIG_GLOBAL": os.devnull, "GIT_CONFIG_NOSYSTEM": "1"}
    return subprocess.run(["git", "-C", str(repo), *args], check=True, capture_output=True,
                          text=True, env=env).stdout


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    """A content repository with three clean reports committed and tagged `v1`."""
    if shutil.which("git") is None:
        pytest.skip("git is not installed")
    root = tmp_path / "site"
    (root / "reports").mkdir(parents=True)
    for source in (SELLER, ANALYST, CLEAN_FIXTURES / "backend-engineer-fintech-uk-2025.md"):
        shutil.copy(source, root / "reports" / source.name)
    git(root, "init", "-q", "-b", "main")
    git(root, "add", ".")
    git(root, "commit", "-q", "-m", "first release")
    git(root, "tag", "v1")
    return root


def test_since_gates_only_what_changed(repo: Path) -> None:
    reports = repo / "reports"
    (reports / SELLER.name).write_text(WARNING_ONLY, encoding="utf-8")  # modified, not staged
    shutil.copy(CLEAN_FIXTURES / "product-manager-edtech-canada-2025.md", reports / "new.md")
    (reports / "backend-engineer-fintech-uk-2025.md").unlink()
    (reports / "notes.txt").write_text("not a report", encoding="utf-8")
    code, manifest, stderr = gate(str(reports), "--since", "v1")
    assert code == 1, stderr
    assert manifest is not None
    scope = manifest["scope"]
    assert scope == {"kind": "since", "revision": "v1",  # type: ignore[comparison-overlap]
                     "commit": git(repo, "rev-parse", "v1").strip(),
                     "removed": ["backend-engineer-fintech-uk-2025.md"]}
    entries = reports_of(manifest)
    assert sorted(entries) == ["account-executive-saas-us-2025.md", "new.md"]
    assert entries[SELLER.name]["status"] == "fail"
    assert entries["new.md"]["status"] == "pass"
    assert "changed since v1" in stderr


def test_since_with_nothing_changed_passes(repo: Path) -> None:
    git(repo, "commit", "-q", "--allow-empty", "-m", "nothing")
    code, manifest, stderr = gate(str(repo / "reports"), "--since", "HEAD~1")
    assert code == 0, stderr
    assert manifest is not None and manifest["reports"] == []
    assert manifest["summary"]["reports"] == 0  # type: ignore[index]


def test_since_sees_committed_changes(repo: Path) -> None:
    (repo / "reports" / SELLER.name).write_text(WARNING_ONLY, encoding="utf-8")
    git(repo, "commit", "-q", "-am", "edit")
    code, manifest, _ = gate(str(repo / "reports"), "--since", "v1")
    assert code == 1
    assert list(reports_of(manifest)) == [SELLER.name]


def test_since_an_unknown_revision_is_a_tool_error(repo: Path) -> None:
    code, manifest, stderr = gate(str(repo / "reports"), "--since", "no-such-tag")
    assert (code, manifest) == (2, None)
    assert "unknown git revision 'no-such-tag'" in stderr


def test_since_outside_a_repository_is_a_tool_error(tmp_path: Path) -> None:
    if shutil.which("git") is None:
        pytest.skip("git is not installed")
    shutil.copy(SELLER, tmp_path / SELLER.name)
    code, _, stderr = gate(str(tmp_path), "--since", "HEAD")
    assert code == 2
    assert "git work tree" in stderr


def test_run_gate_reports_targets_and_progress() -> None:
    seen: list[int] = []
    done: list[int] = []
    result = run_gate(CONTENT, Config(), fail_on=Severity.ERROR, progress=done.append,
                      on_targets=seen.append)
    assert seen == [len(collect_targets([CONTENT]))]
    assert sum(done) == seen[0]
    assert result.passed and result.manifest()["fail_on"] == "error"
    with pytest.raises(GateError):
        run_gate(CONTENT / SELLER.name, Config())


def test_lint_paths_calls_progress_once_per_file() -> None:
    done: list[int] = []
    result = lint_paths([CONTENT], Config(), progress=done.append)
    assert sum(done) == result.files


# The progress bar: on a terminal only, never with --quiet.

def run_on_terminal(*args: str) -> str:
    """Run reportlint with standard error on a pseudo-terminal; what the terminal showed."""
    pty = pytest.importorskip("pty")
    main_fd, child_fd = pty.openpty()
    try:
        process = subprocess.Popen([sys.executable, "-m", "reportlint", *args],
                                   stdout=subprocess.DEVNULL, stderr=child_fd,
                                   stdin=subprocess.DEVNULL, env={**os.environ, "COLUMNS": "100"})
        os.close(child_fd)
        shown = b""
        while True:
            try:
                chunk = os.read(main_fd, 4096)
            except OSError:  # the terminal closes when the process ends
                break
            if not chunk:
                break
            shown += chunk
        process.wait(timeout=60)
    finally:
        os.close(main_fd)
    return shown.decode("utf-8", "replace")


@pytest.mark.skipif(sys.platform == "win32", reason="pseudo-terminals are POSIX")
def test_progress_bar_on_a_terminal(tmp_path: Path) -> None:
    shown = run_on_terminal("gate", str(CLEAN_FIXTURES), "--no-cache")
    assert "Checking reports" in shown
    assert f"{len(collect_targets([CLEAN_FIXTURES]))}/" in shown
    assert "Gate passed" in shown or "Gate failed" in shown
    quiet = run_on_terminal("gate", str(CLEAN_FIXTURES), "--quiet", "--no-cache")
    assert quiet == ""


def test_no_progress_bar_when_not_a_terminal(tmp_path: Path) -> None:
    result = subprocess.run([sys.executable, "-m", "reportlint", "gate", str(CLEAN_FIXTURES),
                             "--no-cache"],
                            capture_output=True, text=True)
    assert "Checking reports" not in result.stderr
    assert result.stderr.startswith(("Gate passed", "Gate failed"))
