"""The README stays true: its rule table and its quick start."""

from __future__ import annotations

import re

from conftest import ROOT
from reportlint.ruledocs import render_rules

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
