"""Every rule option is declared with what it does and the default in effect, and the
generated reference (docs/options.md), `explain` and `init` show the same."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner
from conftest import ROOT
from reportlint.cli import main
from reportlint.rules.registry import Rule, all_rules
from reportlint.run.configdoc import options_reference

WITH_OPTIONS = [rule for rule in all_rules() if rule.Options.model_fields]


def test_the_reference_in_docs_is_the_generated_one() -> None:
    written = (ROOT / "docs" / "options.md").read_text(encoding="utf-8")
    assert written == options_reference(), (
        "docs/options.md is out of date: reportlint config --reference > docs/options.md")


@pytest.mark.parametrize("rule", WITH_OPTIONS, ids=lambda rule: rule.code)
def test_each_option_says_what_it_does_and_its_default_is_valid(rule: type[Rule]) -> None:
    for name, field in rule.Options.model_fields.items():
        assert field.description, f"{rule.code}.{name} has no description"
    defaults = rule.Options.defaults()
    # The defaults in effect (some from data files) pass the option's own type and range:
    # a data file edited out of range would fail here, not in a writer's run.
    rule.Options.model_validate({k: v for k, v in defaults.items() if v is not None})
    assert all(value is not None for key, value in defaults.items() if key != "family")


def test_the_reference_lists_every_option_with_its_default() -> None:
    text = options_reference()
    assert "| `tolerance` | number >= 0 | `0.25` |" in text
    # A default that lives in a data file is the data file's value.
    assert "| `near_ratio` | number > 0 and <= 1 | `0.75` |" in text
    for rule in WITH_OPTIONS:
        assert f"### {rule.code} {rule.name}" in text
        for name in rule.Options.model_fields:
            assert f"| `{name}` |" in text


def test_explain_and_init_show_the_declared_defaults(tmp_path: object) -> None:
    runner = CliRunner()
    data = json.loads(runner.invoke(main, ["explain", "D003", "--format", "json"]).output)
    near = next(o for o in data["options"] if o["name"] == "near_ratio")
    assert near["default"] == 0.75 and near["type"] == "number > 0 and <= 1"
    assert "near-identical" in near["description"]
    text = runner.invoke(main, ["explain", "E007"]).output
    assert "max_age_years: whole number >= 0, default 5; a source dated" in text
    assert runner.invoke(main, ["config", "--reference"]).output == options_reference()


def test_a_configured_option_overrides_the_declared_default(tmp_path: object) -> None:
    from pathlib import Path

    folder = Path(str(tmp_path))
    (folder / "reportlint.yaml").write_text("rules: {E007: {max_age_years: 2}}\n")
    shown = CliRunner().invoke(main, ["config", "E007", "--config",
                                      str(folder / "reportlint.yaml")]).output
    assert "max_age_years: 2\n" in shown
    default = CliRunner().invoke(main, ["config", "E007"]).output
    assert "max_age_years: 5 (default)" in default
