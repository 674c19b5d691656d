"""Hygiene rules on real report text: what a draft or a page template leaves behind is
flagged, on the example page and on pages and drafts written for other roles."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

import pytest
from conftest import FIXTURES, SUPPORT_REPORT, clean_reports, lint
from reportlint.findings import Finding
from reportlint.readers import read_document
from reportlint.readers.pagetext import import_page_text
from reportlint.writers.markdown import render_markdown
from reportlint.writers.yaml import render_yaml

GOOD = SUPPORT_REPORT.read_text(encoding="utf-8")
HYGIENE = FIXTURES / "hygiene"
Lint = Callable[..., list[Finding]]


def hygiene(findings: list[Finding]) -> list[Finding]:
    return [f for f in findings if f.category.value == "hygiene"]


def line_of(text: str, needle: str) -> int:
    return text[: text.index(needle)].count("\n") + 1


def lines(text: str) -> list[str]:
    return text.splitlines()


def first_body_line(text: str) -> int:
    """The first non-empty line after the front matter."""
    all_lines = lines(text)
    closing = all_lines.index("---", 1)
    return next(n for n, line in enumerate(all_lines, 1) if n > closing + 1 and line.strip())


@pytest.mark.parametrize("path", clean_reports(), ids=lambda p: p.name)
def test_clean_reports_have_no_hygiene_findings(path: Path) -> None:
    assert hygiene(lint([path], select=["hygiene"])) == []


# -- the example page -------------------------------------------------------------------

def test_example_page_caption_and_stray_lines(imported_example: Path) -> None:
    text = imported_example.read_text(encoding="utf-8")
    found = {(f.rule, f.line) for f in hygiene(lint([imported_example], select=["hygiene"]))}
    assert ("H003", line_of(text, "cover_caption:")) in found
    assert ("H004", first_body_line(text)) in found
    sources = line_of(text, "## Sources & Further Reading")
    related = line_of(text, "## Related")
    assert [line for rule, line in found if rule == "H004" and sources < line < related]
    assert ("H005", related) in found


def test_example_page_slot_leftovers(imported_example: Path) -> None:
    text = imported_example.read_text(encoding="utf-8").casefold()
    slots = [f for f in lint([imported_example], select=["hygiene"]) if f.rule == "H002"]
    assert len(slots) >= 6
    phrases = {str(dict(f.data)["phrase"]) for f in slots}
    assert len(phrases) >= 2
    for finding in slots:
        phrase = str(dict(finding.data)["phrase"])
        line = lines(text)[finding.line - 1]
        assert phrase in line
        assert sum(phrase in other for other in lines(text)) >= 4
    ends = [lines(text)[f.line - 1].rstrip(" .") for f in slots]
    # after a label's colon, and in a sentence with no label at all ("<verb> around ...")
    assert any(re.search(r":\s+[^:]+$", end) and end.endswith(tuple(phrases)) for end in ends)
    assert any(":" not in end and "(" not in end for end in ends)


# -- a page written for another role, imported at test time -----------------------------

def test_page_for_another_role(tmp_path: Path) -> None:
    page = HYGIENE / "data-analyst-retail-uk-2025.page.txt"
    path = tmp_path / "data-analyst-retail-uk-2025.md"
    path.write_text(render_markdown(import_page_text(page.read_bytes())), encoding="utf-8")
    text = path.read_text(encoding="utf-8")
    found = [(f.rule, f.line, f.message) for f in hygiene(lint([path], select=["hygiene"]))]
    slot = 'template slot filled with "messy point-of-sale data", a phrase the report puts in 7'
    workflow = ('template slot filled with "weekly trading reports for store managers", a '
                "phrase the report puts in 4 places")
    assert found == [
        ("H003", line_of(text, "cover_caption:"), 'leftover image caption "UK Data Analyst '
         'Retail Market Analysis 2025 report cover": it only restates the title'),
        ("H004", line_of(text, "Data Analyst Retail Market\n"),
         'stray line "Data Analyst Retail Market" repeats the title'),
        ("H002", line_of(text, "- Ground truth in this sector:"), slot + " places"),
        ("H002", line_of(text, "Constraints (messy"), slot + " places"),
        ("H002", line_of(text, "- Ground truth: messy"), slot + " places"),
        ("H002", line_of(text, "- What slows sign-off:"), slot + " places"),
        ("H002", line_of(text, "- Store analytics"), workflow),
        ("H002", line_of(text, "- Work around"), slot + " places"),
        ("H004", line_of(text, "Sources and Further Reading\n"),
         'stray line "Sources and Further Reading" reads like the heading "Sources & '
         'Further Reading"'),
        ("H005", line_of(text, "## Related"), '"Related on Example Careers" lists nothing'),
    ]
    # the same phrase in a longer sentence is text, not a slot
    assert line_of(text, "SQL exercise") not in [line for _, line, _ in found]
    assert line_of(text, "- Supply chain analytics") not in [line for _, line, _ in found]


# -- drafts in Markdown -----------------------------------------------------------------

def test_recruiter_draft() -> None:
    path = HYGIENE / "healthcare-recruiter-healthcare-canada-2025.md"
    text = path.read_text(encoding="utf-8")
    found = [(f.rule, f.line) for f in hygiene(lint([path], select=["hygiene"]))]
    assert found == [
        ("H003", line_of(text, "cover_caption:")),
        ("H004", line_of(text, "Healthcare Recruiter Healthcare Market Analysis\n")),
        ("H002", line_of(text, "Watch out for:")),
        ("H002", line_of(text, "Biggest blocker:")),
        ("H005", line_of(text, "Where the work is:")),
        ("H002", line_of(text, "(credential verification delays)")),
        ("H002", line_of(text, "Budget around")),
        ("H002", line_of(text, "Friction point:")),
        ("H005", line_of(text, "## Related")),
    ]


def test_placeholders_in_a_backend_draft() -> None:
    path = HYGIENE / "backend-engineer-fintech-germany-2025.md"
    text = path.read_text(encoding="utf-8")
    found = [(f.rule, f.line, f.message) for f in hygiene(lint([path], select=["hygiene"]))]
    assert found == [
        ("H001", line_of(text, "summary: TBD"), 'placeholder "TBD" in front matter "summary"'),
        ("H001", line_of(text, "TODO:"), 'placeholder "TODO"'),
        ("H001", line_of(text, "{{ city }}"), 'placeholder "{{ city }}"'),
        ("H001", line_of(text, "$XXk"), 'placeholder "XXk"'),
        ("H001", line_of(text, "[COMPANY]"), 'placeholder "[COMPANY]"'),
        ("H001", line_of(text, "Lorem ipsum"), 'placeholder "Lorem ipsum"'),
        ("H001", line_of(text, "<HIRING MANAGER>"), 'placeholder "<HIRING MANAGER>"'),
        ("H001", line_of(text, "Insert two more"), 'placeholder "Insert two more questions here"'),
        ("H001", line_of(text, "{year}"), 'placeholder "{year}"'),
    ]
    # left alone: a descriptive cover caption, "to-do list", link text and URLs in
    # capitals, footnote references, an empty-looking but real Related list
    for needle in ("cover_caption:", "to-do list", "PSD2, SCA", "[^stepstone]:", "## Related"):
        assert line_of(text, needle) not in [line for _, line, _ in found], needle


# -- one rule at a time, on the support report ------------------------------------------

@pytest.mark.parametrize(("inserted", "message"), [
    ("- Median base pay: TBD.\n", 'placeholder "TBD"'),
    ("- Ask [HIRING MANAGER] how the rotation is paid.\n", 'placeholder "[HIRING MANAGER]"'),
    ("- Insert the on-call stipend here.\n", 'placeholder "Insert the on-call stipend here"'),
    ("- {{ pay_band }} for the level.\n", 'placeholder "{{ pay_band }}"'),
])
def test_placeholder(lint_text: Lint, inserted: str, message: str) -> None:
    text = GOOD.replace("- Is on-call paid", inserted + "- Is on-call paid")
    assert [(f.rule, f.message) for f in hygiene(lint_text(text))] == [("H001", message)]


@pytest.mark.parametrize("inserted", [
    "- Keep a todo list of follow-ups from each incident.\n",
    "- Read the [PCI DSS](https://www.pcisecuritystandards.org/DOCUMENT_LIBRARY) summary.\n",
    "- Ask for the XML schema of the settlement file (ISO 20022, pain.001).\n",
])
def test_not_a_placeholder(lint_text: Lint, inserted: str) -> None:
    text = GOOD.replace("- Is on-call paid", inserted + "- Is on-call paid")
    assert hygiene(lint_text(text)) == []


@pytest.mark.parametrize(("inserted", "message"), [
    ("- Send questions to [insert email address] before the call.\n",
     'placeholder "[insert email address]"'),
    ("- Ask [Company Name] how incidents are paid.\n", 'placeholder "[Company Name]"'),
    ("(A worked example of a settlement break will be added here.)\n\n",
     'placeholder "(A worked example of a settlement break will be added here.)"'),
    ("- Weekend cover rota (details to be added)\n", 'placeholder "(details to be added)"'),
    ("- On-call pay: TODO\n", 'placeholder "TODO"'),
])
def test_leftover_promises_and_reader_instructions(lint_text: Lint, inserted: str,
                                                   message: str) -> None:
    text = GOOD.replace("- Is on-call paid", inserted + "- Is on-call paid")
    assert [(f.rule, f.message) for f in hygiene(lint_text(text))] == [("H001", message)]


@pytest.mark.parametrize("inserted", [
    "- Engineers who leave TODO comments in runbooks get asked about them.\n",
    "- Ask how tickets with a fix date marked TBD are escalated.\n",
    "- Alert templates render `{{ $labels.instance }}` into the page text.\n",
    "- Settlement cut-off times are to be confirmed with each new partner bank.\n",
])
def test_prose_about_markers_and_slots_is_not_a_placeholder(lint_text: Lint,
                                                             inserted: str) -> None:
    text = GOOD.replace("- Is on-call paid", inserted + "- Is on-call paid")
    assert hygiene(lint_text(text)) == []


def test_slots_in_a_template_offered_to_copy_are_left_alone(lint_text: Lint) -> None:
    template = ("### Incident update template\n\nCustomer impact: [describe the impact]\n\n"
                "Next update from [Company Name] at [insert time].\n\n")
    text = GOOD.replace("## Action Plan\n\n", "## Action Plan\n\n" + template)
    assert hygiene(lint_text(text)) == []
    # a draft marker stays one, template or not; slots after the template are slots
    text = GOOD.replace("## Action Plan\n\n", "## Action Plan\n\n" + template
                        + "Owner: TBD\n\n")
    assert [f.message for f in hygiene(lint_text(text))] == ['placeholder "TBD"']
    plan = "### Candidate plan (30 / 60 / 90 days)\n\n"
    text = GOOD.replace("## Action Plan\n\n", "## Action Plan\n\n" + template).replace(
        plan, plan + "Ask [Company Name] first.\n\n")
    assert [f.message for f in hygiene(lint_text(text))] == ['placeholder "[Company Name]"']


def test_placeholder_in_a_front_matter_list(lint_text: Lint) -> None:
    text = GOOD.replace("role_aliases: [Application Support Analyst]",
                        "role_aliases: [Application Support Analyst, \"{{ alias }}\"]")
    assert [(f.rule, f.message) for f in hygiene(lint_text(text))] == [
        ("H001", 'placeholder "{{ alias }}" in front matter "role_aliases"')]


def test_a_descriptive_caption_is_left_alone(lint_text: Lint) -> None:
    text = GOOD.replace("role_aliases:", "cover_caption: An analyst tracing a failed payment "
                        "across three dashboards\nrole_aliases:")
    assert hygiene(lint_text(text)) == []
    text = GOOD.replace("role_aliases:", "cover_caption: US Production Support Analyst "
                        "Fintech Market Analysis 2025 featured image\nrole_aliases:")
    assert [f.rule for f in hygiene(lint_text(text))] == ["H003"]


def test_a_repeated_term_is_not_a_slot(lint_text: Lint) -> None:
    """A domain term used in many sentences, even after a label once, fills no slot
    unless the report puts it in four places."""
    text = GOOD.replace("- Reconciliation is a daily control.", "- Daily control: ledger "
                        "breaks. Reconciliation is a daily control.")
    assert hygiene(lint_text(text)) == []


@pytest.mark.parametrize(("inserted", "message"), [
    ("Was this page helpful? Yes No", 'stray line "Was this page helpful? Yes No" is page '
                                      "furniture"),
    ("Content has loaded", 'stray line "Content has loaded" is page furniture'),
    ("- Share this article", 'stray line "Share this article" is page furniture'),
    ("Back to top ↑", 'stray line "Back to top ↑" is page furniture'),
])
def test_page_furniture_is_a_stray_line(lint_text: Lint, inserted: str, message: str) -> None:
    text = GOOD.replace("## Action Plan\n\n", f"## Action Plan\n\n{inserted}\n\n")
    assert [(f.rule, f.message) for f in hygiene(lint_text(text))] == [("H004", message)]


def test_a_tagged_caption_is_a_leftover(lint_text: Lint) -> None:
    caption = "[Featured Image] Two analysts reading a payments dashboard on a wall screen"
    text = GOOD.replace("## Action Plan\n\n", f"## Action Plan\n\n{caption}\n\n")
    assert [(f.rule, f.line) for f in hygiene(lint_text(text))] == [
        ("H003", line_of(text, caption))]


@pytest.mark.parametrize("inserted", [
    "- Ask whether last quarter's incident reviews were helpful to the desk.",
    "- Share this week's break report with the settlement team before noon.",
    "- Bring a photo of your on-call rota to the interview.",
])
def test_prose_about_feedback_sharing_and_images_is_left_alone(lint_text: Lint,
                                                               inserted: str) -> None:
    text = GOOD.replace("- Is on-call paid", inserted + "\n- Is on-call paid")
    assert hygiene(lint_text(text)) == []


@pytest.mark.parametrize("following", [
    "### Payments\n\nCard and ACH incidents.\n\n### Lending\n\nLoan servicing incidents.\n",
    "```\nselect * from settlements where status = 'failed'\n```\n",
    "| Queue | Owner |\n|---|---|\n| Payments | Tier 2 |\n",
    "1. Read the alert.\n2. Check the ledger.\n",
    "> Start with the ledger, not the logs.\n",
])
def test_a_lead_in_over_something_is_not_an_empty_list(lint_text: Lint,
                                                       following: str) -> None:
    text = GOOD.replace("## Action Plan\n\n",
                        f"## Action Plan\n\nThe desk's work splits like this:\n\n{following}\n")
    assert [f for f in hygiene(lint_text(text)) if f.rule == "H005"] == []


def test_a_lead_in_over_the_next_section_is_an_empty_list(lint_text: Lint) -> None:
    text = GOOD.replace("## Action Plan\n\n", "## Action Plan\n\nThe desk's work splits "
                        "like this:\n\n### Candidate plan\n\nStart here.\n\nFirst steps:\n\n")
    text = text.replace("\n## Risks", "\nWhat to watch:\n\n## Risks", 1)
    found = [(f.line, f.message) for f in hygiene(lint_text(text)) if f.rule == "H005"]
    # "First steps:" stands over a sibling "###", "What to watch:" over the next "##";
    # "The desk's work splits like this:" introduces its sub-heading
    assert found == [
        (line_of(text, "First steps:"), '"First steps:" introduces a list that is not there'),
        (line_of(text, "What to watch:"), '"What to watch:" introduces a list that is not there')]


def test_the_yaml_form_gives_the_same_lead_in_and_template_findings(tmp_path: Path) -> None:
    """Offsets differ in YAML (the outline points at `heading:`); the findings do not."""
    template = ("### Incident update template\n\nNext update from [Company Name].\n\n"
                "Owner: TBD\n\n")
    text = GOOD.replace("## Action Plan\n\n", "## Action Plan\n\nTwo plans follow:\n\n"
                        + template).replace("\n## Risks", "\nWhat to watch:\n\n## Risks", 1)
    markdown = tmp_path / "report.md"
    markdown.write_text(text, encoding="utf-8")
    report = read_document(markdown).report
    assert report is not None
    as_yaml = tmp_path / "report.yaml"
    as_yaml.write_text(render_yaml(report), encoding="utf-8")
    found = {form: sorted(f.message for f in hygiene(lint([path], select=["hygiene"])))
             for form, path in (("md", markdown), ("yaml", as_yaml))}
    assert found["md"] == found["yaml"] == [
        '"What to watch:" introduces a list that is not there', 'placeholder "TBD"']


def test_related_required_by_config_is_s002s(lint_text: Lint) -> None:
    text = GOOD[: GOOD.index("## Related")] + "## Related\n"
    assert [f.rule for f in hygiene(lint_text(text))] == ["H005"]
    required = ["executive_summary", "related"]
    findings = lint_text(text, required_sections=required)
    assert "H005" not in [f.rule for f in findings] and "S002" in [f.rule for f in findings]


def test_titles_names_and_terms_in_slots_are_the_reports_subject(lint_text: Lint) -> None:
    """The role after "Job title:", another title after "Reports to:", a list of named
    tools in parentheses and a term after one label: however often the report names
    them, they fill no template slot."""
    added = ("- Job title: Production Support Analyst.\n"
             "- Reports to: incident manager.\n- Escalates to: incident manager.\n"
             "- Works beside: incident manager.\n"
             "- Daily tools (Splunk, Jira and PagerDuty) are assumed.\n"
             "- Interviews test Splunk, Jira and PagerDuty in one scenario.\n"
             "- Refresh Splunk, Jira and PagerDuty before the panel.\n"
             "- Bring a dashboard built on Splunk, Jira and PagerDuty.\n"
             "- Core habit: payment reconciliation.\n"
             "- Payment reconciliation runs before the morning stand-up.\n"
             "- Breaks found in payment reconciliation go to the incident manager.\n"
             "- Ask who signs off payment reconciliation at month-end.\n")
    text = GOOD.replace("## Interview Prep Checklist\n\n", "## Interview Prep Checklist\n\n"
                        + added)
    assert [f for f in hygiene(lint_text(text)) if f.rule == "H002"] == []


def test_a_short_phrase_needs_two_labelled_slots(lint_text: Lint) -> None:
    """A term after one label and in sentences is the report's term; after two labels
    and in a frame, it is a template's filler."""
    once = ("- Hard truth: ledger breaks.\n- Ledger breaks pile up overnight.\n"
            "- Finance reviews ledger breaks weekly.\n- Plan around ledger breaks.\n")
    text = GOOD.replace("## Interview Prep Checklist\n\n", "## Interview Prep Checklist\n\n"
                        + once)
    assert [f for f in hygiene(lint_text(text)) if f.rule == "H002"] == []
    text = text.replace("- Ledger breaks pile up overnight.", "- Usual snag: ledger breaks.")
    assert [f.rule for f in hygiene(lint_text(text))] == ["H002"] * 3


def test_slot_threshold_is_configurable(lint_text: Lint) -> None:
    text = GOOD.replace("## Interview Prep Checklist\n\n", "## Interview Prep Checklist\n\n"
                        "- Hard truth: ledger breaks.\n- Work around ledger breaks.\n"
                        "- Usual snag: ledger breaks.\n")
    assert [f.rule for f in hygiene(lint_text(text))] == []  # three places: below the bar
    found = hygiene(lint_text(text, rules={"H002": {"min_units": 3}}))
    assert [f.rule for f in found] == ["H002"] * 3


@pytest.mark.parametrize("text", [
    "", "---\n---\n", "## Related\n", "Lead-in:\n", "---\ntitle: {{ t }}\n---\n\nTODO\n",
    "---\ncover_caption: [1, 2]\n---\n",
])
def test_broken_input_does_not_fail(lint_text: Lint, text: str) -> None:
    lint_text(text)
