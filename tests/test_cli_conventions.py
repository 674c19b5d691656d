"""The flags people bring from ruff: comma lists, --extend-select, --output-format,
--show-source, --color with NO_COLOR/FORCE_COLOR, `check -` with --stdin-filename, the
[*] fixable marker and summary, --unsafe-fixes, and `explain` for a terminal."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import CONTENT
from reportlint.cli import main
from reportlint.findings import Finding, Fix
from reportlint.run.fixes import plan_fixes

REPORT = CONTENT / "account-executive-saas-us-2025.md"


@pytest.fixture
def typo_report(tmp_path: Path) -> Path:
    path = tmp_path / "report.md"
    path.write_text(REPORT.read_text().replace("## Market Snapshot", "## Market Snapshto"))
    return path


def codes(output: str) -> list[str]:
    return [f["rule"] for f in json.loads(output)["findings"]]


def test_comma_lists_and_extend_select(typo_report: Path) -> None:
    runner = CliRunner()
    both = runner.invoke(main, ["check", "--no-cache", "--output-format", "json",
                                "--select", "S001,S003", str(typo_report)])
    assert sorted(codes(both.output)) == ["S001", "S003"]
    only = runner.invoke(main, ["check", "--no-cache", "--format", "json", "--select", "S001",
                                "--extend-select", "S003", "--ignore", "S001,E", str(typo_report)])
    assert codes(only.output) == ["S003"]
    bad = runner.invoke(main, ["check", "--select", "S003,Z9", str(typo_report)])
    assert bad.exit_code == 2 and "unknown rule selector 'Z9'" in bad.output


def test_show_source_puts_a_caret_under_the_spot(typo_report: Path) -> None:
    result = CliRunner().invoke(main, ["check", "--no-cache", "--select", "S003",
                                       "--show-source", str(typo_report)])
    lines = result.output.splitlines()
    assert lines[1].endswith("| ## Market Snapshto (2025)")
    caret = lines[2]
    assert caret.index("^") == lines[1].index("Market") and caret.count("^") == len(
        "Market Snapshto (2025)")


def test_fixable_marker_and_summary(typo_report: Path) -> None:
    result = CliRunner().invoke(main, ["check", "--no-cache", "--select", "S", str(typo_report)])
    assert " S003 [*] [warning]" in result.output
    assert "S001 [error]" in result.output  # not fixable: no marker
    assert result.output.rstrip().endswith("[*] 1 fixable with the `--fix` option.")


@pytest.mark.parametrize(("args", "env", "coloured"), [
    (["--color", "always"], {}, True),
    (["--color", "never"], {"FORCE_COLOR": "1"}, False),
    ([], {"FORCE_COLOR": "1"}, True),
    ([], {"NO_COLOR": "1"}, False),
    ([], {}, False),  # not a terminal
])
def test_colour_choices(args: list[str], env: dict[str, str], coloured: bool,
                        typo_report: Path) -> None:
    result = CliRunner(env=env).invoke(main, ["check", "--no-cache", "--select", "S003", *args,
                                              str(typo_report)], color=True)
    assert ("\x1b[" in result.output) is coloured


def test_check_stdin_names_the_file_and_fixes_to_stdout(typo_report: Path) -> None:
    text = typo_report.read_text()
    runner = CliRunner()
    found = runner.invoke(main, ["check", "-", "--stdin-filename", "drafts/x.md",
                                 "--format", "json", "--select", "S003"], input=text)
    [finding] = json.loads(found.output)["findings"]
    assert finding["path"] == "drafts/x.md" and found.exit_code == 1
    fixed = runner.invoke(main, ["check", "-", "--stdin-filename", "x.md", "--select", "S003",
                                 "--fix"], input=text)
    assert fixed.stdout == text.replace("## Market Snapshto", "## Market Snapshot")
    assert fixed.exit_code == 0
    mixed = runner.invoke(main, ["check", "-", str(typo_report)], input=text)
    assert mixed.exit_code == 2


def test_unsafe_fixes_only_on_request(tmp_path: Path) -> None:
    path = tmp_path / "r.md"
    shutil.copy(REPORT, path)
    text = path.read_text()
    at = text.index("Account Executive")
    safe = Fix(at, at + 7, "Account", "ACCOUNT")
    unsafe = Fix(at + 8, at + 17, "Executive", "Seller", safe=False)
    findings = [Finding(str(path), 1, 1, "X", "m", fix=safe),
                Finding(str(path), 1, 1, "Y", "m", fix=unsafe)]
    (default,) = plan_fixes(findings)
    assert "ACCOUNT Executive" in default.after and "Seller" not in default.after
    (everything,) = plan_fixes(findings, unsafe=True)
    assert "ACCOUNT Seller" in everything.after


def test_explain_renders_for_a_terminal_and_as_json() -> None:
    runner = CliRunner()
    text = runner.invoke(main, ["explain", "S003"]).output
    assert text.startswith("S003 unknown-heading (structure, default warning)")
    assert "**" not in text and "`" not in text and "What it does." in text
    data = json.loads(runner.invoke(main, ["explain", "s003", "--format", "json"]).output)
    assert data["code"] == "S003" and data["fixable"] is True
    assert "**What it does.**" in data["explanation"]


def test_a_flood_of_one_rule_is_capped_in_text_but_listed_in_json(imported_example: Path) -> None:
    runner = CliRunner()
    text = runner.invoke(main, ["check", "--no-cache", "--select", "C004",
                                str(imported_example)]).output
    data = runner.invoke(main, ["check", "--no-cache", "--select", "C004", "--format", "json",
                                str(imported_example)]).output
    every = len(json.loads(data)["findings"])
    assert every > 10
    assert text.count(" C004 [") == 10
    assert f"C004 and {every - 10} more like this" in text
    assert f"Found {every} findings" in text
    full = runner.invoke(main, ["check", "--no-cache", "--select", "C004", "--max-per-rule",
                                "0", str(imported_example)]).output
    assert full.count(" C004 [") == every


def test_no_output_names_an_address_that_does_not_exist(tmp_path: Path) -> None:
    runner = CliRunner()
    sarif = runner.invoke(main, ["check", "--no-cache", "--format", "sarif", str(REPORT)])
    schema = runner.invoke(main, ["schema"]).output
    converted = runner.invoke(main, ["convert", str(REPORT), "--to", "yaml"]).output
    for text in (sarif.output, schema, converted):
        assert "reportlint.dev" not in text
    assert converted.startswith("# yaml-language-server: $schema=report.schema.json\n")
    written = runner.invoke(main, ["schema", "--write", str(tmp_path / "reports")])
    assert written.exit_code == 0
    assert (tmp_path / "reports" / "report.schema.json").read_text() == schema


def test_convert_and_import_read_what_the_file_is(tmp_path: Path) -> None:
    runner = CliRunner()
    text_named = tmp_path / "report.txt"
    shutil.copy(REPORT, text_named)
    converted = runner.invoke(main, ["convert", str(text_named), "--to", "yaml"])
    assert converted.exit_code == 0 and "\nmeta:\n" in converted.output
    (tmp_path / "x.json").write_text('{"meta": 1}')
    unknown = runner.invoke(main, ["convert", str(tmp_path / "x.json")])
    assert unknown.exit_code == 2 and "cannot tell what this is" in unknown.output
    imported = runner.invoke(main, ["import", str(REPORT)])
    assert imported.exit_code == 2 and "already a report (markdown form)" in imported.output
    assert "use `reportlint convert`" in imported.output


def test_convert_sends_a_page_dump_to_import(imported_example: Path) -> None:
    from conftest import EXAMPLE_PAGE

    result = CliRunner().invoke(main, ["convert", str(EXAMPLE_PAGE)])
    assert result.exit_code == 2 and "`reportlint import`" in result.output
