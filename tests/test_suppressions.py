"""Suppressions in Markdown comments, YAML comments, front matter and config, and H100
for the ones that hide nothing."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from conftest import CLEAN_FIXTURES, codes
from reportlint.findings import Finding
from reportlint.readers import read_document
from reportlint.run.suppressions import find_directives

Lint = Callable[..., list[Finding]]

CLEAN = (CLEAN_FIXTURES / "data-analyst-retail-us-2025.md").read_text(encoding="utf-8")
# Two real defects: a misspelt subsection (S003) and a misspelt section (S003, and S001
# because "Demand Drivers" is then missing).
TYPOS = (CLEAN.replace("### Signals to watch\n", "### Signals to wacth\n")
         .replace("## Demand Drivers\n", "## Demand Drivrs\n"))


def line_of(text: str, needle: str) -> int:
    return text[:text.index(needle)].count("\n") + 1


def test_the_typos_are_found_without_suppressions(lint_text: Lint) -> None:
    assert sorted(codes(lint_text(TYPOS))) == ["S001", "S003", "S003"]


def test_disable_next_line_hides_exactly_that_line(lint_text: Lint) -> None:
    text = TYPOS.replace("### Signals to wacth\n",
                         "<!-- reportlint-disable-next-line S003 -->\n### Signals to wacth\n")
    found = lint_text(text)
    assert sorted(codes(found)) == ["S001", "S003"]
    assert [f.line for f in found if f.rule == "S003"] == [line_of(text, "## Demand Drivrs")]


def test_disable_next_line_skips_blank_lines_and_takes_several_codes(lint_text: Lint) -> None:
    text = TYPOS.replace("## Demand Drivrs\n", "<!-- reportlint-disable-next-line S001, S003 "
                         "-- the desk's own heading -->\n\n## Demand Drivrs\n")
    found = lint_text(text)
    # S003 on the heading is hidden; S001 stands elsewhere (at "Supply & Competition"),
    # so its half of the comment hid nothing and is reported.
    assert sorted(codes(found)) == ["H100", "S001", "S003"]
    unused = next(f for f in found if f.rule == "H100")
    assert unused.message == 'unused suppression of "S001": nothing here was reported'
    assert unused.line == line_of(text, "<!-- reportlint-disable-next-line")


def test_disable_enable_range(lint_text: Lint) -> None:
    text = TYPOS.replace("## Market Snapshot", "<!-- reportlint-disable unknown-heading -->\n"
                         "## Market Snapshot").replace(
        "### Fast scope checks", "<!-- reportlint-enable unknown-heading -->\n"
        "### Fast scope checks")
    # The range (by rule name) covers "Signals to wacth" but not "Demand Drivrs" below it.
    found = lint_text(text)
    assert sorted(codes(found)) == ["S001", "S003"]
    assert next(f for f in found if f.rule == "S003").line == line_of(text, "## Demand Drivrs")


def test_disable_without_enable_runs_to_the_end_and_without_codes_covers_all(
        lint_text: Lint) -> None:
    text = TYPOS.replace("## Market Snapshot", "<!-- reportlint-disable -->\n## Market Snapshot")
    assert lint_text(text) == []


def test_category_selector(lint_text: Lint) -> None:
    text = TYPOS.replace("## Executive Summary", "<!-- reportlint-disable structure -->\n"
                         "## Executive Summary")
    assert lint_text(text) == []


def test_disable_line(lint_text: Lint) -> None:
    text = TYPOS.replace("### Signals to wacth\n",
                         "### Signals to wacth <!-- reportlint-disable-line S003 -->\n")
    # The comment becomes part of the heading's text, so the finding's message changes, but
    # it is hidden all the same.
    assert sorted(codes(lint_text(text))) == ["S001", "S003"]


def test_a_comment_in_a_code_block_is_an_example_not_a_directive(lint_text: Lint) -> None:
    text = TYPOS.replace("## Executive Summary", "<!-- reportlint-disable -->\n## Executive "
                         "Summary")
    text = text.replace("<!-- reportlint-disable -->",
                        "```\n<!-- reportlint-disable -->\n```", 1)
    doc_directives = _directives(text, "report.md")
    assert doc_directives == []


def _directives(text: str, name: str) -> list[str]:
    import tempfile

    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / name
        path.write_text(text, encoding="utf-8")
        return [s.selector for s in find_directives(read_document(path)).suppressions]


def test_front_matter_ignore_covers_the_file(lint_text: Lint) -> None:
    text = TYPOS.replace("author: Reportlint Editorial\n",
                         "author: Reportlint Editorial\nreportlint:\n  ignore: [S003]\n", 1)
    assert codes(lint_text(text)) == ["S001"]


def test_front_matter_ignore_that_hides_nothing_is_reported(lint_text: Lint) -> None:
    text = CLEAN.replace("author: Reportlint Editorial\n",
                         "author: Reportlint Editorial\nreportlint: {ignore: [S003, Z9]}\n", 1)
    found = lint_text(text)
    assert {(f.rule, f.line, f.message) for f in found} == {
        ("H100", line_of(text, "reportlint: {"),
         'unused suppression of "S003": nothing in this file was reported'),
        ("H100", line_of(text, "reportlint: {"),
         'suppression names no rule: "Z9" (see `reportlint rules`)'),
    }


def test_front_matter_setting_of_the_wrong_shape(lint_text: Lint) -> None:
    text = TYPOS.replace("author: Reportlint Editorial\n",
                         "author: Reportlint Editorial\nreportlint: S003\n", 1)
    found = lint_text(text)
    assert sorted(codes(found)) == ["H100", "S001", "S003", "S003"]
    assert "expected {ignore: [CODE, ...]}" in next(f for f in found if f.rule == "H100").message


def test_an_unknown_code_in_a_comment_is_reported(lint_text: Lint) -> None:
    text = CLEAN.replace("## FAQ", "<!-- reportlint-disable-next-line S03X -->\n## FAQ")
    found = lint_text(text)
    assert [(f.rule, f.message) for f in found] == [
        ("H100", 'suppression names no rule: "S03X" (see `reportlint rules`)')]


def test_unused_is_not_judged_for_rules_the_config_switched_off(lint_text: Lint) -> None:
    text = CLEAN.replace("## FAQ", "<!-- reportlint-disable-next-line S003 -->\n## FAQ")
    assert codes(lint_text(text)) == ["H100"]
    assert lint_text(text, ignore=["S003"]) == []
    assert lint_text(text, ignore=["H100"]) == []


def test_per_path_config_ignores(lint_text: Lint) -> None:
    assert lint_text(TYPOS, per_path=[{"paths": ["drafts/*"], "ignore": ["structure"]}]) != []
    assert lint_text(TYPOS, per_path=[{"paths": ["*report.md"], "ignore": ["structure"]}]) == []


@pytest.fixture
def yaml_report(tmp_path: Path) -> str:
    from reportlint.readers import read_document as read
    from reportlint.writers import render

    source = tmp_path / "clean.md"
    source.write_text(CLEAN, encoding="utf-8")
    report = read(source).report
    assert report is not None
    return render(report, "yaml").replace("heading: Signals to watch",
                                          "heading: Signals to wacth")


def test_yaml_typo_is_found(lint_text: Lint, yaml_report: str) -> None:
    assert codes(lint_text(yaml_report, name="report.yaml")) == ["S003"]


def test_yaml_comment_at_the_end_of_the_line(lint_text: Lint, yaml_report: str) -> None:
    text = yaml_report.replace("heading: Signals to wacth",
                               "heading: Signals to wacth  # reportlint: disable=S003")
    assert lint_text(text, name="report.yaml") == []


def test_yaml_comment_on_its_own_line_covers_the_next(lint_text: Lint, yaml_report: str) -> None:
    text = yaml_report.replace("    - heading: Signals to wacth",
                               "    # reportlint: disable=S003,S004 -- house style\n"
                               "    - heading: Signals to wacth")
    found = lint_text(text, name="report.yaml")
    assert [(f.rule, f.message) for f in found] == [
        ("H100", 'unused suppression of "S004": nothing here was reported')]


def test_yaml_comment_elsewhere_does_not_cover(lint_text: Lint, yaml_report: str) -> None:
    text = yaml_report.replace("  role: Data Analyst\n",
                               "  role: Data Analyst  # reportlint: disable=S003\n")
    assert sorted(codes(lint_text(text, name="report.yaml"))) == ["H100", "S003"]


def test_yaml_meta_ignore(lint_text: Lint, yaml_report: str) -> None:
    text = yaml_report.replace("  role: Data Analyst\n",
                               "  role: Data Analyst\n  reportlint:\n    ignore: [S003]\n")
    assert lint_text(text, name="report.yaml") == []


def test_a_quoted_hash_is_not_a_comment(lint_text: Lint, yaml_report: str) -> None:
    text = yaml_report.replace("heading: Signals to wacth",
                               "heading: 'Signals to wacth#reportlint: disable=S003'")
    assert codes(lint_text(text, name="report.yaml")) == ["S003"]


def test_the_clean_reports_state_no_suppressions() -> None:
    from conftest import clean_reports

    for path in clean_reports():
        assert find_directives(read_document(path)).suppressions == [], path


def test_explain_h100() -> None:
    from click.testing import CliRunner
    from reportlint.cli import main

    result = CliRunner().invoke(main, ["explain", "H100"])
    assert result.exit_code == 0
    assert result.output.startswith("H100 unused-suppression (hygiene, default warning)")
    assert "Use instead" in result.output


def test_cross_report_findings_follow_the_report_s_suppressions(tmp_path: Path) -> None:
    from conftest import lint

    first, second = tmp_path / "a.md", tmp_path / "b.md"
    first.write_text(CLEAN, encoding="utf-8")
    # The same text for another region: a copied report, which D004 (cross-report) flags
    # in both files.
    copy = CLEAN.replace("region: US\n", "region: UK\n", 1).replace("title: US ", "title: UK ")
    second.write_text(copy, encoding="utf-8")
    found = lint([first, second], select=["D004"])
    assert {Path(f.path).name for f in found} == {"a.md", "b.md"}

    second.write_text(copy.replace("author: Reportlint Editorial\n", "author: Reportlint "
                                   "Editorial\nreportlint: {ignore: [D004]}\n", 1),
                      encoding="utf-8")
    assert {Path(f.path).name for f in lint([first, second], select=["D004"])} == {"a.md"}
    # Not judged by H100: whether it hides anything depends on the other reports checked.
    assert codes(lint([second], select=["D004", "H100"])) == []

    second.write_text(copy.replace("## Executive Summary", "<!-- reportlint-disable D004 -->\n"
                                   "## Executive Summary"), encoding="utf-8")
    assert {Path(f.path).name for f in lint([first, second], select=["D004"])} == {"a.md"}

    second.write_text(copy, encoding="utf-8")
    # A file the config turns D004 off for is left out of the comparison altogether.
    per_path = [{"paths": ["*/b.md"], "ignore": ["D004"]}]
    assert lint([first, second], select=["D004"], per_path=per_path) == []


def test_a_suppression_that_may_serve_a_cross_report_rule_is_not_judged(
        lint_text: Lint) -> None:
    text = CLEAN.replace("author: Reportlint Editorial\n",
                         "author: Reportlint Editorial\nreportlint: {ignore: [duplication]}\n", 1)
    assert codes(lint_text(text)) == []  # D004 may need it when other reports are checked
    assert codes(lint_text(text, ignore=["D004"])) == ["H100"]  # D001-D003 ran: it hid nothing
