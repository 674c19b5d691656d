"""The README stays true: its rule table and its quick start."""

from __future__ import annotations

import re
from pathlib import Path

from conftest import ROOT
from reportlint.rules.docs import render_rules

README = ROOT / "README.md"


def test_rule_table_is_in_sync() -> None:
    text = README.read_text(encoding="utf-8")
    table = re.search(r"<!-- rules:start -->\n(.*?)<!-- rules:end -->", text, re.S)
    assert table is not None
    assert table.group(1) == render_rules("markdown"), (
        "README rule table is stale: paste `reportlint rules --format markdown` between the "
        "rules markers")


def test_ci_runs_the_readme_test_command() -> None:
    blocks = re.findall(r"```sh\n(.*?)\n```", README.read_text(encoding="utf-8"), re.S)
    test_command = next(block for block in blocks if "pytest" in block)
    assert test_command in (ROOT / ".ci" / "run").read_text(encoding="utf-8")


def test_example_page_statistics_are_what_the_readme_shows(imported_example: Path) -> None:
    from click.testing import CliRunner
    from reportlint.cli import main

    text = README.read_text(encoding="utf-8")
    section = text[text.index("## What the example page gets"):]
    blocks = re.findall(r"^```(\w*)\n(.*?)^```", section, re.S | re.M)
    shown = next(body for language, body in blocks if not language)
    result = CliRunner().invoke(main, ["check", "--statistics", "--no-cache",
                                       str(imported_example)])
    assert result.exit_code == 1
    assert result.stdout.replace(str(imported_example), "example.md") == shown
