"""The real example page (read from ../shared/examples at test time), imported and
checked: the structure findings the foundation must show."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner
from reportlint.cli import main


def line_of(path: Path, needle: str) -> int:
    lines = path.read_text(encoding="utf-8").splitlines()
    return next(number for number, line in enumerate(lines, 1) if needle in line)


def structure_findings(path: Path) -> list[dict[str, object]]:
    result = CliRunner().invoke(main, ["check", "--format", "json", "--select", "structure",
                                       str(path)])
    assert result.exit_code == 1, result.output
    return list(json.loads(result.output)["findings"])


def test_empty_sources_section_is_reported_at_its_heading(imported_example: Path) -> None:
    # what the sources section holds is evidence (E004), not structure
    result = CliRunner().invoke(main, ["check", "--format", "json", "--select", "E004",
                                       str(imported_example)])
    findings = json.loads(result.output)["findings"]
    assert [(f["line"], f["section"]) for f in findings] == [
        (line_of(imported_example, "## Sources & Further Reading"), "Sources & Further Reading")]


def test_run_together_proof_map_is_reported_row_by_row(imported_example: Path) -> None:
    findings = [f for f in structure_findings(imported_example) if f["rule"] == "S007"]
    header = line_of(imported_example, "| Skill / Signal")
    assert [f["line"] for f in findings] == [header, *range(header + 2, header + 7)]
    assert all("cells look run together" in str(f["message"]) for f in findings)
    assert all(f["section"] == "Skills & Signals" for f in findings)


def test_only_those_structure_findings(imported_example: Path) -> None:
    assert {str(f["rule"]) for f in structure_findings(imported_example)} == {"S007"}
