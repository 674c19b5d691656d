"""The install a user gets: the wheel built from what is committed carries the code,
the data files and the schemas, and, installed on its own, checks `content/` as the
repository's own copy does. The version has one source."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
import reportlint
from conftest import CONTENT, ROOT


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    if not (ROOT / ".git").exists():
        pytest.skip("not a git checkout: the wheel is built from the tracked files")
    source = tmp_path_factory.mktemp("source")
    tracked = subprocess.run(["git", "ls-files", "-z"], cwd=ROOT, capture_output=True,
                             check=True).stdout.decode().split("\0")
    for name in filter(None, tracked):
        if (ROOT / name).is_file():
            (source / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(ROOT / name, source / name)
    out = tmp_path_factory.mktemp("dist")
    # No isolation: the build uses the setuptools the test extra installed, offline.
    built = subprocess.run([sys.executable, "-m", "build", "--wheel", "--no-isolation",
                            "--outdir", str(out), str(source)],
                           capture_output=True, text=True, timeout=300)
    assert built.returncode == 0, built.stdout[-2000:] + built.stderr[-2000:]
    (found,) = out.glob("reportlint-*.whl")
    return found


def test_the_wheel_carries_the_code_data_and_schemas(wheel: Path) -> None:
    names = set(zipfile.ZipFile(wheel).namelist())
    data = ROOT / "lint" / "language" / "data"
    wanted = {f"reportlint/language/data/{p.name}" for p in data.glob("*.yaml")}
    wanted |= {f"reportlint/schema/{p.name}" for p in (ROOT / "schema").glob("*.json")}
    page = ROOT / "lint" / "reporters" / "corpuspage"
    wanted |= {f"reportlint/reporters/corpuspage/{p.name}" for p in page.iterdir()
               if p.suffix in (".html", ".css", ".js")}
    wanted |= {"reportlint/cli/__init__.py", "reportlint/rules/structure/sections.py",
               "reportlint/server/app.py"}
    assert wanted <= names, sorted(wanted - names)
    assert f"reportlint-{reportlint.__version__}.dist-info/METADATA" in names


def test_the_installed_wheel_checks_content_as_the_repository_does(wheel: Path,
                                                                  tmp_path: Path) -> None:
    target = tmp_path / "site"
    subprocess.run([sys.executable, "-m", "pip", "install", "--quiet", "--no-deps",
                    "--no-index", "--target", str(target), str(wheel)], check=True,
                   capture_output=True, timeout=300)
    # The wheel's copy comes first on the path, ahead of the repository's editable one;
    # the dependencies are this environment's.
    run = [sys.executable, "-c",
           "import sys, reportlint, reportlint.cli; print(reportlint.__file__, "
           "file=sys.stderr); sys.argv[0] = 'reportlint'; reportlint.cli.main()"]
    env = {"PYTHONPATH": str(target), "PATH": "/usr/bin:/bin", "NO_COLOR": "1"}
    clean = subprocess.run([*run, "check", "--no-cache", "--format", "json", str(CONTENT)],
                           capture_output=True, text=True, env=env, timeout=300,
                           cwd=tmp_path)
    assert clean.stderr.startswith(str(target / "reportlint")), clean.stderr
    assert clean.returncode == 0, clean.stdout + clean.stderr
    assert json.loads(clean.stdout)["findings"] == []
    broken = tmp_path / "broken.md"
    text = (CONTENT / "production-support-analyst-fintech-us-2025.md").read_text()
    broken.write_text(text.replace("## Market Snapshot", "## Market Snapshoot", 1))
    found = subprocess.run([*run, "check", "--no-cache", str(broken)], capture_output=True,
                           text=True, env=env, timeout=300, cwd=tmp_path)
    assert found.returncode == 1 and " S003 " in found.stdout, found.stdout + found.stderr


def test_the_version_has_one_source() -> None:
    from importlib.metadata import version

    from click.testing import CliRunner
    from reportlint.cli import main

    assert version("reportlint") == reportlint.__version__
    assert CliRunner().invoke(main, ["--version"]).output.strip().endswith(
        reportlint.__version__)
    assert 'version = "' not in (ROOT / "pyproject.toml").read_text().split("[project]")[1] \
        .split("[")[0]
