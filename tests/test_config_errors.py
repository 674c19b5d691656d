"""Every config mistake is exit 2 with the file, line and column, and a suggestion where
one is near. A typo never quietly changes what runs."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from conftest import CONTENT

REPORT = CONTENT / "account-executive-saas-us-2025.md"


@pytest.mark.parametrize(("config", "expected"), [
    ("select: [Z999]\n", ":1:10: 'select[0]': unknown rule selector \"Z999\""),
    ("ignore:\n  - S005\n  - C0O4\n", ":3:5: 'ignore[1]': unknown rule selector \"C0O4\" "
     "(did you mean \"C004\"?)"),
    ("per_path:\n  - paths: [drafts/*]\n    select: [evidenc]\n",
     ":3:14: 'per_path[0].select[0]': unknown rule selector \"evidenc\" (did you mean "
     "\"evidence\"?)"),
    ("severity: {S02: error}\n", ":1:12: 'severity.S02': unknown rule \"S02\" (did you mean "
     "\"S002\"?)"),
    ("rules:\n  X001: {}\n", ":2:3: 'rules.X001': unknown rule \"X001\""),
    ("selct: [ALL]\n", ":1:1: 'selct': unknown key (did you mean \"select\"?)"),
    ("select: [ALL]\nselect: [S]\n", ":2:1: 'select' is given twice"),
    ("fail_on: sometimes\n", ":1:1: 'fail_on': Input should be"),
    ("max_file_size: -5\n", ":1:1: 'max_file_size': Input should be greater than 0"),
    ("data:\n  placeholder: {}\n", ":2:3: 'data.placeholder': unknown data file "
     "\"placeholder\" (did you mean \"placeholders\"?)"),
    ("data:\n  job_titles:\n    heads: 3\n", ":3:5: 'data.job_titles.heads': expected a "
     "list, got a number"),
    ("data:\n  job_titles:\n    abbreviations: {pm: [product]}\n",
     ":3:21: 'data.job_titles.abbreviations.pm': expected text, got a list"),
    ("data:\n  placeholders:\n    placeholders: ['[unclosed']\n",
     ":3:20: 'data.placeholders.placeholders[0]': pattern \"[unclosed\" does not compile"),
    ("data:\n  placeholders:\n    placeholders: ['(\\w+\\s?)*$']\n",
     ":3:20: 'data.placeholders.placeholders[0]': pattern \"(\\w+\\s?)*$\" can take time "
     "that grows faster than the text"),
    ("data:\n  leftovers:\n    page_furniture: ['(']\n",
     ":3:22: 'data.leftovers.page_furniture[0]': pattern \"(\" does not compile"),
    ("select: [ALL\n", ":2:1: invalid YAML"),
    ("rules:\n  C004: {min_wieght: 2}\n", ":2:10: 'rules.C004.min_wieght': C004 has no "
     "option \"min_wieght\" (did you mean \"min_weight\"?)"),
    ("rules:\n  C005:\n    share: -1\n", ":3:5: 'rules.C005.share': C005 option share: Input "
     "should be greater than 0 (got -1)"),
    ("rules:\n  foreign-vocabulary:\n    min_weight: high\n", ":3:5: "
     "'rules.foreign-vocabulary.min_weight': C004 option min_weight: Input should be a "
     "valid number (got 'high')"),
    ("rules:\n  S005: {strict: true}\n", ":2:10: 'rules.S005.strict': S005 has no option "
     "\"strict\"; it has no options"),
])
def test_config_mistakes_exit_2_at_their_line(config: str, expected: str,
                                              tmp_path: Path) -> None:
    (tmp_path / "reportlint.yaml").write_text(config, encoding="utf-8")
    result = subprocess.run([sys.executable, "-m", "reportlint", "check", "--no-cache",
                             "--config", str(tmp_path / "reportlint.yaml"), str(REPORT)],
                            capture_output=True, text=True, timeout=60)
    assert result.returncode == 2, result.stderr
    assert f"reportlint.yaml{expected}" in result.stderr, result.stderr
    assert "Traceback" not in result.stderr


def test_a_good_config_with_data_still_runs(tmp_path: Path) -> None:
    (tmp_path / "reportlint.yaml").write_text(
        "select: [S, evidence, C004]\nignore: [S005]\nseverity: {S002: error}\n"
        "data:\n  placeholders:\n    placeholders: ['\\bNEEDS SOURCE\\b']\n"
        "  job_titles:\n    abbreviations: {pmm: product}\n"
        "rules:\n  foreign-vocabulary: {min_weight: 3, family: [sales]}\n  D004: "
        "{max_per_report: 0}\n", encoding="utf-8")
    result = subprocess.run([sys.executable, "-m", "reportlint", "check", "--no-cache",
                             "--config", str(tmp_path / "reportlint.yaml"), str(REPORT)],
                            capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr


def test_init_writes_a_config_that_loads_as_the_defaults(tmp_path: Path) -> None:
    from click.testing import CliRunner
    from reportlint.cli import main
    from reportlint.config import Config
    from reportlint.run.configfile import load_config

    runner = CliRunner()
    assert runner.invoke(main, ["init", str(tmp_path)]).exit_code == 0
    written = tmp_path / "reportlint.yaml"
    assert load_config(written).model_dump(exclude={"source"}) == Config().model_dump(
        exclude={"source"})
    text = written.read_text()
    assert "#  C004:  # foreign-vocabulary" in text and "#    min_weight: 3.0  # number > 0" in text
    again = runner.invoke(main, ["init", str(tmp_path)])
    assert again.exit_code == 2 and "--force" in again.output


def test_config_shows_what_is_in_effect_for_a_rule(tmp_path: Path) -> None:
    from click.testing import CliRunner
    from reportlint.cli import main

    (tmp_path / "reportlint.yaml").write_text("ignore: [C005]\nrules: {C004: {min_weight: 4}}\n")
    runner = CliRunner()
    shown = runner.invoke(main, ["config", "C004", "--config",
                                 str(tmp_path / "reportlint.yaml")]).output
    assert "runs: yes" in shown and "min_weight: 4\n" in shown and "family: (default)" in shown
    assert "min_words: 2.0 (default)" in shown
    off = runner.invoke(main, ["config", "role-drift", "--config",
                               str(tmp_path / "reportlint.yaml")]).output
    assert "runs: no" in off


def test_the_config_schema_is_checked_in_and_checks_configs() -> None:
    import json

    import jsonschema
    from conftest import ROOT
    from reportlint.run.configdoc import config_json_schema, config_json_schema_text

    assert (ROOT / "schema" / "config.schema.json").read_text() == config_json_schema_text()
    validator = jsonschema.Draft202012Validator(config_json_schema())
    good = {"select": ["S", "E001"], "rules": {"C004": {"min_weight": 3, "family": ["sales"]},
                                               "foreign-vocabulary": {"min_words": 2}},
            "data": {"placeholders": {"placeholders": ["x"]}}}
    assert not list(validator.iter_errors(good))
    for bad in ({"rules": {"C004": {"min_wieght": 3}}}, {"rules": {"C005": {"share": 2}}},
                {"data": {"placeholder": {}}}, {"selct": ["S"]}):
        assert list(validator.iter_errors(json.loads(json.dumps(bad)))), bad


def _string_lists(value: object, path: tuple[str, ...] = ()) -> list[tuple[str, ...]]:
    if isinstance(value, list) and value and all(isinstance(v, str) for v in value):
        return [path]
    if isinstance(value, dict):
        return [found for key, item in value.items()
                for found in _string_lists(item, (*path, str(key)))]
    return []


def test_a_broken_pattern_in_any_data_list_is_refused_or_harmless(tmp_path: Path) -> None:
    # The long fuzz run found a list (leftovers.page_furniture) that the rules compile
    # as patterns but the config check did not: every list of strings in every packaged
    # file, given "(", must be refused at load or leave the check running.
    import json

    from conftest import CONTENT
    from reportlint.config import ConfigError
    from reportlint.language.data import load_data, packaged_names
    from reportlint.readers import read_document
    from reportlint.run.configfile import load_config
    from reportlint.run.engine import RuleSet, lint_document

    doc_path = CONTENT / "production-support-analyst-fintech-us-2025.md"
    tried = 0
    for name in sorted(packaged_names()):
        for path in _string_lists(load_data(name)):
            data: object = ["(", "x"]
            for key in reversed(path):
                data = {key: data}
            config_path = tmp_path / f"{name}-{'-'.join(path)}.yaml"
            config_path.write_text(json.dumps({"data": {name: data}}), encoding="utf-8")
            tried += 1
            try:
                config = load_config(config_path)
            except ConfigError:
                continue
            lint_document(read_document(doc_path), RuleSet(config))
    assert tried > 20
