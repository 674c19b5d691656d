"""The layers of docs/architecture.md hold: import-linter's contracts (pyproject.toml)
are kept, and they do catch an import that climbs a layer."""

from __future__ import annotations

import ast
import os
import shutil
import subprocess
import sys
from pathlib import Path

from conftest import ROOT

LINT_IMPORTS = [sys.executable, "-c", "import sys; from importlinter.cli import "
                "lint_imports_command; sys.exit(lint_imports_command())"]


def lint_imports(package_parent: Path, config: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([*LINT_IMPORTS, "--config", str(config), "--no-cache"],
                          cwd=package_parent, capture_output=True, text=True,
                          env={**os.environ, "PYTHONPATH": str(package_parent)}, timeout=300)


def installed_copy(tmp_path: Path) -> Path:
    """lint/ laid out as the package it installs as (the contracts name `reportlint`)."""
    shutil.copytree(ROOT / "lint", tmp_path / "reportlint",
                    ignore=shutil.ignore_patterns("__pycache__"))
    return tmp_path


def test_the_contracts_are_kept(tmp_path: Path) -> None:
    result = lint_imports(installed_copy(tmp_path), ROOT / "pyproject.toml")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "5 kept, 0 broken" in result.stdout


def test_an_import_up_a_layer_breaks_a_contract(tmp_path: Path) -> None:
    parent = installed_copy(tmp_path)
    units = parent / "reportlint" / "document" / "units.py"
    units.write_text(units.read_text(encoding="utf-8") + "\nimport reportlint.run.engine\n",
                     encoding="utf-8")
    result = lint_imports(parent, ROOT / "pyproject.toml")
    assert result.returncode == 1
    assert "Each layer imports only the layers below it BROKEN" in result.stdout
    assert "reportlint.document.units -> reportlint.run.engine" in result.stdout


def test_a_corpus_module_may_not_reach_into_the_rules(tmp_path: Path) -> None:
    parent = installed_copy(tmp_path)
    entry = parent / "reportlint" / "corpus" / "entry.py"
    entry.write_text(entry.read_text(encoding="utf-8") + "\nimport reportlint.rules.registry\n",
                     encoding="utf-8")
    result = lint_imports(parent, ROOT / "pyproject.toml")
    assert result.returncode == 1
    assert "The corpus comparison knows nothing of rules, runs or caches BROKEN" in result.stdout


def test_the_schema_imports_nothing_of_the_linter() -> None:
    """schema/ installs from its own folder, which the contracts cannot follow."""
    for path in sorted((ROOT / "schema").glob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom) and node.module:
                assert not node.module.startswith("reportlint") or node.module.startswith(
                    "reportlint.schema"), f"{path.name} imports {node.module}"
            if isinstance(node, ast.Import):
                for alias in node.names:
                    assert not alias.name.startswith("reportlint") or alias.name.startswith(
                        "reportlint.schema"), f"{path.name} imports {alias.name}"


def test_no_module_is_longer_than_one_sitting() -> None:
    """style.md: past ~400 lines a module has two ideas in it."""
    long = {str(p.relative_to(ROOT)): n for p in sorted((ROOT / "lint").rglob("*.py"))
            if (n := len(p.read_text(encoding="utf-8").splitlines())) > 400}
    assert long == {}
