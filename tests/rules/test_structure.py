"""Structure rules on real report text: each flags the defect and leaves good text alone."""

from __future__ import annotations

import re
from collections.abc import Callable

import pytest
from conftest import SUPPORT_REPORT, clean_reports, codes, lint
from reportlint.findings import Finding

GOOD = SUPPORT_REPORT.read_text(encoding="utf-8")
Lint = Callable[..., list[Finding]]


def line_of(text: str, needle: str) -> int:
    return text[: text.index(needle)].count("\n") + 1


def drop_section(text: str, heading: str) -> str:
    """The report without the level-2 section that starts with `heading`."""
    start = text.index(f"\n## {heading}") + 1
    following = text.find("\n## ", start)
    return text[:start] + (text[following + 1:] if following != -1 else "")


def section_text(text: str, heading: str) -> str:
    start = text.index(f"\n## {heading}") + 1
    following = text.find("\n## ", start)
    return text[start:following + 1] if following != -1 else text[start:]


def structure(findings: list[Finding]) -> list[Finding]:
    return [f for f in findings if f.category.value == "structure"]


@pytest.mark.parametrize("path", clean_reports(), ids=lambda p: p.name)
def test_clean_reports_have_no_structure_findings(path: object) -> None:
    assert structure(lint([path])) == []  # type: ignore[list-item]


def test_missing_section_is_named_with_where_it_belongs(lint_text: Lint) -> None:
    text = drop_section(GOOD, "Skills & Signals")
    findings = structure(lint_text(text))
    assert codes(findings) == ["S001"]
    assert findings[0].message == ('missing required section "Skills & Signals (What gets '
                                   'interviews)"; it belongs before "Hiring Loop"')
    assert findings[0].line == line_of(text, "## Hiring Loop")
    assert findings[0].severity.value == "error"


def test_missing_last_section_points_at_the_end(lint_text: Lint) -> None:
    text = drop_section(drop_section(GOOD, "Related"), "Sources & Further Reading")
    text = re.sub(r"\[\^[\w-]+\]", "", text)
    findings = [f for f in structure(lint_text(text)) if f.rule == "S001"]
    assert [f.message for f in findings] == [
        'missing required section "Sources & Further Reading" at the end of the report']


def test_related_is_optional(lint_text: Lint) -> None:
    assert structure(lint_text(drop_section(GOOD, "Related"))) == []


def test_required_sections_follow_the_config(lint_text: Lint) -> None:
    text = drop_section(GOOD, "Demand Drivers")
    assert codes(structure(lint_text(text))) == ["S001"]
    keys = ["executive_summary", "market_snapshot"]
    assert structure(lint_text(text, required_sections=keys)) == []


def test_empty_section_and_empty_subsection(lint_text: Lint) -> None:
    demand = section_text(GOOD, "Demand Drivers")
    text = GOOD.replace(demand, "## Demand Drivers\n\n")
    text = re.sub(r"(### Fast scope checks\n)(.*?)(\n## )", r"\1\3", text, flags=re.S)
    findings = structure(lint_text(text))
    assert [(f.rule, f.message) for f in findings] == [
        ("S002", 'subsection "Fast scope checks" is empty'),
        ("S002", 'section "Demand Drivers" is empty'),
    ]
    assert findings[1].line == line_of(text, "## Demand Drivers")


def test_sources_without_definitions_is_evidence_not_structure(lint_text: Lint) -> None:
    sources = section_text(GOOD, "Sources & Further Reading")
    text = GOOD.replace(sources, "## Sources & Further Reading\n\nSource links appear "
                        "on our methodology page.\n\n")
    findings = lint_text(text)
    assert not [f for f in findings if f.rule == "S002"]
    empty = [f for f in findings if f.rule == "E004"]  # what the section holds is evidence
    assert len(empty) == 1
    assert empty[0].message.startswith('"Sources & Further Reading" has no source definitions')
    assert empty[0].line == line_of(text, "## Sources & Further Reading")


def test_unknown_heading_suggests_and_fixes_a_near_miss(lint_text: Lint) -> None:
    text = GOOD.replace("## Market Snapshot (2025)", "## Market Snapshott (2025)")
    findings = structure(lint_text(text))
    unknown = [f for f in findings if f.rule == "S003"]
    assert [f.message for f in unknown] == [
        'unknown section heading "Market Snapshott (2025)"; did you mean "Market Snapshot"?']
    assert unknown[0].fix is not None and unknown[0].fix.replacement == "Market Snapshot"
    # the section it should have been is then missing
    assert "S001" in codes(findings)


def test_unknown_heading_levels(lint_text: Lint) -> None:
    text = GOOD.replace("### Signals to watch", "## Signals to watch")
    text = text.replace("### How to position (practical)", "### How to pitch")
    text = text.replace("## Career Roadmap", "# Career Roadmap")
    messages = [f.message for f in structure(lint_text(text)) if f.rule == "S003"]
    assert messages == [
        '"Signals to watch" is a subsection of "Market Snapshot": use a level-3 heading under it',
        'unknown subsection of "Supply & Competition" heading "How to pitch"; did you mean '
        '"How to position"?',
        'unexpected level-1 heading "Career Roadmap": sections are level 2 and subsections '
        "level 3 (the title lives in front matter)",
    ]


def test_faq_questions_are_not_unknown_headings(lint_text: Lint) -> None:
    findings = lint_text(GOOD)
    assert not [f for f in findings if f.rule == "S003"]


def test_duplicate_section_names_the_first(lint_text: Lint) -> None:
    faq = section_text(GOOD, "FAQ")
    text = GOOD.replace(faq, faq + faq.replace("### ", "### Also: "))
    findings = [f for f in structure(lint_text(text)) if f.rule == "S004"]
    assert [f.message for f in findings] == [
        f'section "FAQ" appears again; first at line {line_of(text, "## FAQ")}']


def test_section_order_reports_only_the_moved_section(lint_text: Lint) -> None:
    demand = section_text(GOOD, "Demand Drivers")
    text = GOOD.replace(demand, "")
    text = text.replace("## Industry Lens", demand + "## Industry Lens")
    findings = [f for f in structure(lint_text(text)) if f.rule == "S005"]
    assert [f.message for f in findings] == [
        'section "Demand Drivers" is out of order: it belongs after "Role Variants & '
        'Specializations"']
    assert findings[0].line == line_of(text, "## Demand Drivers")


def test_front_matter_type_error_at_its_line(lint_text: Lint) -> None:
    text = GOOD.replace("year: 2025", 'year: "twenty twenty-five"').replace(
        "author: Reportlint Editorial\n", "")
    findings = [f for f in lint_text(text) if f.rule == "S006"]
    assert [(f.line, f.message) for f in findings] == [
        (1, "'meta.author' is required but missing"),
        (line_of(text, "year:"), "'meta.year': Input should be a valid integer "
                                 "(got 'twenty twenty-five')"),
    ]


def test_front_matter_missing_and_unclosed(lint_text: Lint) -> None:
    body = GOOD.split("---\n", 2)[2]
    assert [f.message for f in lint_text(body) if f.rule == "S006"] == [
        "no front matter: a report starts with a '---' block of title, role, industry, "
        "region, year, published and author"]
    unclosed = GOOD.replace("---\n\n## Executive", "\n## Executive", 1)
    assert [f.message for f in lint_text(unclosed) if f.rule == "S006"] == [
        "front matter is not closed: add a '---' line after it"]


def test_proof_map_wrong_columns_and_ragged_rows(lint_text: Lint) -> None:
    text = GOOD.replace('| Skill / Signal | What "good" looks like | How to prove it |',
                        "| Skill | Evidence | Proof |")
    row = next(line for line in text.splitlines() if line.startswith("| SQL investigation"))
    text = text.replace(row, "| SQL investigation | Traces one payment |")
    findings = [f for f in lint_text(text) if f.rule == "S007"]
    assert [(f.line, f.message) for f in findings] == [
        (line_of(text, "| Skill | Evidence"), 'proof-map header does not match; expected '
                                               '"Skill / Signal | What "good" looks like | '
                                               'How to prove it"'),
        (line_of(text, "| SQL investigation |"), "proof-map row has 2 cells, expected 3"),
    ]


def test_proof_map_run_together_cells_are_split_in_the_message(lint_text: Lint) -> None:
    row = next(line for line in GOOD.splitlines() if line.startswith("| SQL investigation"))
    cells = [c.strip() for c in row.strip("|").split("|")]
    text = GOOD.replace(row, "| " + "".join(cells) + " |")
    findings = [f for f in lint_text(text) if f.rule == "S007"]
    assert len(findings) == 1
    assert findings[0].message == ("proof-map row has 1 cell, expected 3; its cells look run "
                                   "together: " + " | ".join(f'"{c}"' for c in cells))


def test_proof_map_missing(lint_text: Lint) -> None:
    text = re.sub(r"\n\|.*", "", GOOD)
    findings = [f for f in lint_text(text) if f.rule == "S007"]
    assert [f.line for f in findings] == [line_of(text, "## Skills & Signals")]


def test_unanswered_faq_question(lint_text: Lint) -> None:
    text = re.sub(r"(### How much on-call should I expect\?\n)\n.*?\n(\n### )", r"\1\2", GOOD,
                  flags=re.S)
    findings = [f for f in lint_text(text) if f.rule == "S008"]
    assert [f.message for f in findings] == [
        'FAQ question "How much on-call should I expect?" has no answer']
    assert findings[0].line == line_of(text, "### How much on-call")


def test_a_typo_across_the_colon_is_reported_without_a_fix(
        lint_text: Callable[..., list[Finding]]) -> None:
    from conftest import CLEAN_FIXTURES

    text = (CLEAN_FIXTURES / "account-executive-logistics-us-2025.md").read_text(
        encoding="utf-8").replace("## Industry Lens: Logistics", "## Industry Len:s Logistics")
    [finding] = [f for f in lint_text(text) if f.rule == "S003"]
    assert finding.message.endswith('did you mean "Industry Lens"?')
    assert finding.fix is None
