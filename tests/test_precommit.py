"""pre-commit, for real: this repository as a hook source, tried from a content repository.

`pre-commit try-repo` installs the hook from a git repository's HEAD into its own virtual
environment (pip install of this package), as a content repository's `rev:` would. The test
tries a fresh clone of HEAD, so what it checks is what was committed (in CI, a clean clone,
the same thing); building the hook's environment takes a few seconds, once.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import CLEAN_FIXTURES, ROOT
from reportlint.readers.yamltree import load_yaml_tree

CLEAN = (CLEAN_FIXTURES / "data-analyst-retail-us-2025.md").read_text(encoding="utf-8")
BAD = CLEAN.replace("### Signals to watch\n", "### Signals to wacth\n")


def pre_commit(*args: str, cwd: Path, home: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PRE_COMMIT_HOME": str(home), "PRE_COMMIT_COLOR": "never"}
    env.pop("PRE_COMMIT", None)  # when this test itself runs under a hook
    return subprocess.run([sys.executable, "-m", "pre_commit", *args], cwd=cwd, env=env,
                          capture_output=True, text=True, timeout=900)


def git(*args: str, cwd: Path) -> None:
    subprocess.run(["git", *args], cwd=cwd, check=True, capture_output=True)


def test_the_manifest_offers_the_three_hooks(tmp_path: Path) -> None:
    hooks = {hook["id"]: hook for hook in load_yaml_tree(
        (ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8")).data}
    assert set(hooks) == {"reportlint", "reportlint-fix", "reportlint-corpus"}
    assert hooks["reportlint"]["entry"] == "reportlint check --scope per-file"
    assert hooks["reportlint-fix"]["entry"] == "reportlint check --scope per-file --fix"
    corpus = hooks["reportlint-corpus"]
    assert corpus["entry"] == "reportlint check --scope cross-report"
    assert (corpus["pass_filenames"], corpus["require_serial"]) == (False, True)
    for hook in hooks.values():
        assert hook["language"] == "python"
        assert hook["types_or"] == ["markdown", "yaml"]
    result = pre_commit("validate-manifest", ".pre-commit-hooks.yaml", cwd=ROOT, home=tmp_path)
    assert result.returncode == 0, result.stdout + result.stderr
    result = pre_commit("validate-config", ".pre-commit-config.yaml", cwd=ROOT, home=tmp_path)
    assert result.returncode == 0, result.stdout + result.stderr


def test_try_repo_passes_a_clean_report_and_fails_a_bad_one(tmp_path: Path) -> None:
    if not (ROOT / ".git").exists():
        pytest.skip("not a git checkout: pre-commit installs hooks from a git repository")
    assert shutil.which("git"), "git is needed (pre-commit runs on it)"
    source = tmp_path / "reportlint"
    git("clone", "--quiet", str(ROOT), str(source), cwd=tmp_path)
    site = tmp_path / "site"
    (site / "content").mkdir(parents=True)
    (site / "content" / "clean.md").write_text(CLEAN, encoding="utf-8")
    (site / "content" / "bad.md").write_text(BAD, encoding="utf-8")
    git("init", "--quiet", cwd=site)
    git("add", ".", cwd=site)
    home = tmp_path / "pre-commit-home"

    passed = pre_commit("try-repo", str(source), "reportlint", "--files", "content/clean.md",
                        cwd=site, home=home)
    assert passed.returncode == 0, passed.stdout + passed.stderr
    assert "reportlint" in passed.stdout and "Passed" in passed.stdout

    failed = pre_commit("try-repo", str(source), "reportlint", "--files", "content/clean.md",
                        "content/bad.md", cwd=site, home=home)
    assert failed.returncode == 1, failed.stdout + failed.stderr
    assert "Failed" in failed.stdout
    line = BAD.splitlines().index("### Signals to wacth") + 1
    assert (f"content/bad.md:{line}:5: S003 [*] [warning] unknown subsection of "
            '"Market Snapshot" heading "Signals to wacth"; did you mean "Signals to watch"?'
            ) in failed.stdout
    # Per-file rules only: the two reports share most of their text, but comparing the
    # files of one commit is the corpus hook's job, over the whole folder.
    assert not [text for text in failed.stdout.splitlines() if text.startswith(
        "content/clean.md:") and ("[warning]" in text or "[error]" in text)]


def test_scope_splits_per_file_and_cross_report_rules(tmp_path: Path) -> None:
    from reportlint.rules.registry import all_rules

    corpus_rules = {rule.code for rule in all_rules() if rule.corpus}
    (tmp_path / "a.md").write_text(BAD, encoding="utf-8")
    (tmp_path / "b.md").write_text(BAD, encoding="utf-8")  # the same text twice
    found = {}
    for scope in ("per-file", "cross-report", "all"):
        result = subprocess.run([sys.executable, "-m", "reportlint", "check", "--scope", scope,
                                 "--format", "json", str(tmp_path)], capture_output=True,
                                text=True)
        found[scope] = {(f["path"], f["line"], f["rule"])
                        for f in json.loads(result.stdout)["findings"]}
    assert found["per-file"] and not {rule for _, _, rule in found["per-file"]} & corpus_rules
    assert {rule for _, _, rule in found["cross-report"]} <= corpus_rules
    assert found["per-file"] | found["cross-report"] == found["all"]


def test_try_repo_fix_and_corpus_hooks(tmp_path: Path) -> None:
    if not (ROOT / ".git").exists():
        pytest.skip("not a git checkout: pre-commit installs hooks from a git repository")
    source = tmp_path / "reportlint"
    git("clone", "--quiet", str(ROOT), str(source), cwd=tmp_path)
    site = tmp_path / "site"
    (site / "content").mkdir(parents=True)
    (site / "content" / "report.md").write_text(BAD, encoding="utf-8")
    git("init", "--quiet", cwd=site)
    git("add", ".", cwd=site)
    home = tmp_path / "pre-commit-home"

    # reportlint-fix repairs the heading typo in place; pre-commit fails the commit
    # because the hook changed a file, and the writer commits the fixed report.
    fixed = pre_commit("try-repo", str(source), "reportlint-fix", "--files",
                       "content/report.md", cwd=site, home=home)
    assert fixed.returncode == 1, fixed.stdout + fixed.stderr
    assert "files were modified by this hook" in fixed.stdout
    assert (site / "content" / "report.md").read_text(encoding="utf-8") == CLEAN
    git("add", ".", cwd=site)
    again = pre_commit("try-repo", str(source), "reportlint-fix", "--files",
                       "content/report.md", cwd=site, home=home)
    assert again.returncode == 0, again.stdout + again.stderr

    # reportlint-corpus compares the whole folder: one report passes, a second one
    # sharing its passages fails with D004 on both.
    alone = pre_commit("try-repo", str(source), "reportlint-corpus", "--all-files",
                       cwd=site, home=home)
    assert alone.returncode == 0, alone.stdout + alone.stderr
    # The same text for another region: one file per report, so a shared passage.
    other = CLEAN.replace("\nregion: US\n", "\nregion: Canada\n", 1).replace(
        "title: US ", "title: Canada ", 1)
    (site / "content" / "copy.md").write_text(other, encoding="utf-8")
    git("add", ".", cwd=site)
    shared = pre_commit("try-repo", str(source), "reportlint-corpus", "--all-files",
                        cwd=site, home=home)
    assert shared.returncode == 1, shared.stdout + shared.stderr
    assert "content/copy.md:" in shared.stdout and " D004 " in shared.stdout
