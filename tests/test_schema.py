"""The schema: JSON Schema up to date, YAML reports valid against it, catalog matching."""

from __future__ import annotations

import json

import jsonschema
import pytest
from click.testing import CliRunner
from conftest import CONTENT, ROOT
from reportlint.cli import main
from reportlint.readers.yamltree import load_yaml_tree
from reportlint.schema import match_section, match_subsection, split_qualifier
from reportlint.schema.export import report_json_schema, report_json_schema_text


def test_checked_in_json_schema_is_current() -> None:
    checked_in = (ROOT / "schema" / "report.schema.json").read_text(encoding="utf-8")
    assert checked_in == report_json_schema_text(), (
        "schema/report.schema.json is stale: run `reportlint schema > schema/report.schema.json`")


def test_schema_command_prints_it() -> None:
    result = CliRunner().invoke(main, ["schema"])
    assert result.exit_code == 0 and json.loads(result.output)["title"].startswith("Career")


def test_yaml_content_validates_against_the_json_schema() -> None:
    schema = report_json_schema()
    for path in CONTENT.glob("*.yaml"):
        data = load_yaml_tree(path.read_text(encoding="utf-8")).data
        jsonschema.validate(json.loads(json.dumps(data, default=str)), schema)


def test_json_schema_rejects_a_wrong_type() -> None:
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate({"meta": {"title": "x"}, "faq": 3}, report_json_schema())


@pytest.mark.parametrize(("heading", "key"), [
    ("Market Snapshot", "market_snapshot"),
    ("Market Snapshot (2025)", "market_snapshot"),
    ("market snapshot (2024)", "market_snapshot"),
    ("Industry Lens: Fintech", "industry_lens"),
    ("Risks & Outlook (12-24 months)", "risks_outlook"),
    ("Compensation & Leveling (UK)", "compensation"),
    ("Related on Example.com", "related"),
    ("Sources", "sources"),
    ("Market Outlook", None),
    ("Relatedness", None),
])
def test_section_headings_and_variants(heading: str, key: str | None) -> None:
    spec = match_section(heading)
    assert (spec.key if spec else None) == key


def test_subsection_variants_and_qualifiers() -> None:
    spec = match_section("Compensation & Leveling")
    assert spec is not None
    assert match_subsection(spec, "Questions that uncover constraints (pager, budget)") == (
        "Questions that uncover constraints")
    assert split_qualifier("Industry Lens: Retail") == ("Industry Lens", "Retail")
    assert split_qualifier("Market Snapshot (2024)") == ("Market Snapshot", "2024")
