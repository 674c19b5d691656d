"""ruff and mypy are part of the tests, so CI fails on a lint or type error."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

from conftest import ROOT


def test_ruff_is_clean() -> None:
    result = subprocess.run([sys.executable, "-m", "ruff", "check", "lint", "schema", "tests",
                             "bench"], cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr


def test_mypy_strict_is_clean(tmp_path: Path) -> None:
    # lint/ and schema/ install as one package (reportlint, reportlint.schema); mypy cannot
    # follow setuptools' package-dir mapping, so check a copy laid out as installed.
    package = tmp_path / "reportlint"
    shutil.copytree(ROOT / "lint", package, ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copytree(ROOT / "schema", package / "schema",
                    ignore=shutil.ignore_patterns("__pycache__"))
    result = subprocess.run([sys.executable, "-m", "mypy", "--config-file",
                             str(ROOT / "pyproject.toml"), "--cache-dir", str(tmp_path / ".mypy"),
                             "reportlint"], cwd=tmp_path, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
