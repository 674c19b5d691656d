"""Evidence rules on real report text: claims need citations, citations need sources,
sources need to be complete, current and listed once."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable
from pathlib import Path

import pytest
from conftest import FIXTURES, SUPPORT_REPORT, clean_reports, lint
from reportlint.document.text import footnote_refs
from reportlint.findings import Finding, Severity
from reportlint.language.claims.detector import claim_detector
from reportlint.readers import read_document

GOOD = SUPPORT_REPORT.read_text(encoding="utf-8")
EVIDENCE = FIXTURES / "evidence"
Lint = Callable[..., list[Finding]]


def evidence(findings: list[Finding]) -> list[Finding]:
    return [f for f in findings if f.category.value == "evidence"]


def line_of(text: str, needle: str) -> int:
    return text[: text.index(needle)].count("\n") + 1


def lines_between(text: str, start: str, end: str) -> range:
    return range(line_of(text, start), line_of(text, end))


# -- the reports we wrote ---------------------------------------------------------------

@pytest.mark.parametrize("path", clean_reports(), ids=lambda p: p.name)
def test_clean_reports_have_no_evidence_findings(path: Path) -> None:
    assert evidence(lint([path], select=["evidence"])) == []


def test_clean_reports_make_cited_claims_of_every_kind() -> None:
    """They pass because their claims are cited, not because they make none."""
    detector = claim_detector()
    kinds: Counter[str] = Counter()
    making = 0
    for path in clean_reports():
        doc = read_document(path)
        cited = [cue for s in doc.sentences if footnote_refs(s.unit.text)
                 and (cue := detector.find(s.text, s.unit.section, s.unit.subsection))
                 is not None]
        making += bool(cited)
        kinds.update(cue.kind for cue in cited)
    assert making >= len(clean_reports()) - 2
    assert kinds["number"] >= 5 and kinds["trend"] >= 3, kinds
    # (their one cited "rarely" generalisation stands in a field note, where only
    # figures count as claims)
    assert {"number", "date", "comparative", "trend", "attribution"} <= set(kinds), kinds


# -- the example page -------------------------------------------------------------------

# The example page's claims an editor wants sourced, each by the words that carry it.
# Before the claim model E001 also reported: "Expectations vary widely" and "Support
# model varies widely" (statements that things differ), "Some ... roles are retitled"
# (a hedge: "some" says nothing to check), "Where you sit on build vs operate often
# drives banding" (about the reader), "That's higher ROI than rewriting bullets" (a
# generic judgement), "the fastest growth is shipping..." and "The fastest path is to
# become..." (advice as a superlative) and, in FAQ answers, "Most stalls come from
# decision confusion" and "... often matter more than raw ticket counts" (the writer's
# guidance, not a market fact).
EXAMPLE_MUST_FIND = [
    ("Hiring often clusters around", "quantifier", "often"),
    ("Multi-stakeholder deals and long cycles increase", "trend", "increase"),
    ("auditability become non-negotiable", "trend", "become non-negotiable"),
    ("Security reviews become routine", "trend", "become routine"),
    ("Most comp confusion is level mismatch", "quantifier", "Most"),
    ("Support roles increasingly blend", "quantifier", "increasingly"),
]


def test_example_page_claims_are_flagged_with_their_cues(imported_example: Path) -> None:
    text = imported_example.read_text(encoding="utf-8")
    claims = [f for f in lint([imported_example], select=["evidence"]) if f.rule == "E001"]
    found = {(f.line, dict(f.data)["cue"], dict(f.data)["cue_text"]) for f in claims}
    for needle, kind, cue in EXAMPLE_MUST_FIND:
        assert (line_of(text, needle), kind, cue) in found, needle
    assert len(claims) == len(EXAMPLE_MUST_FIND)
    by_section = Counter(f.section for f in claims)
    assert by_section["Market Snapshot"] == 2 and by_section["Demand Drivers"] == 2
    for finding in claims:
        cue = dict(finding.data)
        assert cue["cue"] in finding.message and f'"{cue["cue_text"]}"' in finding.message
        assert cue["cue_text"] in text.splitlines()[finding.line - 1]
        assert f"in {finding.section}" in finding.message  # the reading that decided


def test_example_page_advice_is_not_flagged(imported_example: Path) -> None:
    text = imported_example.read_text(encoding="utf-8")
    claims = [f.line for f in lint([imported_example], select=["evidence"]) if f.rule == "E001"]
    scope_checks = lines_between(text, "### Fast scope checks", "## Role Definition")
    checklist = lines_between(text, "## Interview Prep Checklist", "## Compensation")
    assert len(scope_checks) > 5 and len(checklist) > 10
    assert not [line for line in claims if line in scope_checks or line in checklist]


def test_example_page_sources(imported_example: Path) -> None:
    text = imported_example.read_text(encoding="utf-8")
    findings = lint([imported_example], select=["evidence"])
    pointers = [f.line for f in findings if f.rule == "E005" and "see sources below" in f.message]
    expected = [n for n, line in enumerate(text.splitlines(), 1) if "see sources below" in line]
    assert len(expected) == 2 and pointers == expected
    empty = [f for f in findings if f.rule == "E004"]
    assert [f.line for f in empty] == [line_of(text, "## Sources & Further Reading")]
    assert re.search(r"the report makes \d+ uncited claims$", empty[0].message)
    pay = [f for f in findings if f.rule == "E009"]
    assert [(f.line, f.severity) for f in pay] == [
        (line_of(text, "## Compensation & Leveling"), Severity.INFO)]


# -- fixtures for other roles -----------------------------------------------------------

FIXTURE_FINDINGS = {
    "ux-researcher-saas-uk-2025.md": [
        ("E001", "Research teams shrank", 'uncited claim (trend "shrank")'),
        ("E001", "Employers increasingly", 'uncited claim (quantifier "increasingly")'),
        ("E002", "Recruit participants", "footnote [^uxr-survey] has no definition"),
        ("E001", "Most research teams", 'uncited claim (quantifier "Most")'),
        ("E001", "By 2026, AI synthesis", 'uncited claim (forecast "By 2026")'),
        ("E001", "Senior researchers outside", 'uncited claim (number "10-15%")'),
        ("E007", "[^salary-guide]:", "source [^salary-guide] (salary data) is from 2017, 8 "
                                     "years before the report (2025), and backs a figure "
                                     "on line 38"),
        ("E006", "[^recruiter-guide]:", "source [^recruiter-guide] has no publisher or date"),
        ("E008", "[^recruiter-guide]:", "source [^recruiter-guide] has the same URL as "
                                        "[^salary-guide] (line 54)"),
        ("E003", "[^research-ops]:", "source [^research-ops] is never cited"),
    ],
    "warehouse-supervisor-logistics-us-2025.md": [
        ("E001", "According to our data", 'uncited claim (attribution "According to")'),
        ("E005", "According to our data", '"According to our data" points to sources'),
        ("E001", "Employers usually", 'uncited claim (quantifier "usually")'),
        ("E001", "Automation projects", 'uncited claim (comparative "the largest")'),
        ("E001", "Our analysis of job postings", 'uncited claim (attribution "Our analysis'),
        ("E005", "Our analysis of job postings", '"Our analysis of job postings" points to'),
        ("E009", "## Compensation", '"Compensation & Leveling" names no pay figure'),
        ("E005", "(see sources below)", '"see sources below" points to sources'),
        ("E004", "## Sources", '"Sources & Further Reading" has no source definitions'),
        ("E005", "Source links for", '"Source links for this report are listed below"'),
    ],
    "nurse-educator-healthcare-canada-2025.yaml": [
        ("E001", "likely to grow", 'uncited claim (forecast "likely to grow")'),
        ("E002", "[^ona-grid]", "footnote [^ona-grid] has no definition"),
        ("E006", "id: job-bank", "source [^job-bank] has no publisher or date"),
        ("E008", "title: Health workforce", "source id [^cihi-workforce] is defined twice "
                                            "(line 26)"),
    ],
}


@pytest.mark.parametrize("name", sorted(FIXTURE_FINDINGS))
def test_fixture_findings(name: str) -> None:
    path = EVIDENCE / name
    text = path.read_text(encoding="utf-8")
    found = [(f.rule, f.line, f.message) for f in evidence(lint([path], select=["evidence"]))]
    expected = FIXTURE_FINDINGS[name]
    assert len(found) == len(expected), found
    for (rule, line, message), (want_rule, needle, want_message) in zip(found, expected,
                                                                         strict=True):
        want_line = line_of(text, needle)
        if needle.startswith("title:"):  # a YAML source is reported at its "- id:" line
            want_line -= 1
        assert (rule, line) == (want_rule, want_line), (rule, line, message)
        assert message.startswith(want_message), message


def test_fixtures_are_what_they_say(lint_text: Lint) -> None:
    """The lines the fixtures must leave alone: advice, cited claims, an old standard."""
    path = EVIDENCE / "ux-researcher-saas-uk-2025.md"
    text = path.read_text(encoding="utf-8")
    flagged = {f.line for f in evidence(lint([path], select=["evidence"]))}
    for needle in ("Bring one study", "If the team has no research operations",
                   "In your first 30 days", "According to a recruiter survey",
                   "Mid-level researchers in London", "[^iso-9241]:", "Vacancies for research"):
        assert line_of(text, needle) not in flagged, needle


# -- one rule at a time, on the support report ------------------------------------------

def test_removing_a_citation_exposes_the_claim(lint_text: Lint) -> None:
    sentence = "became mandatory on 31 March 2025, including automated mechanisms for " \
               "reviewing audit logs.[^pci]"
    assert sentence in GOOD
    text = GOOD.replace(sentence, sentence.replace("[^pci]", ""))
    found = evidence(lint_text(text))
    assert [(f.rule, f.line, dict(f.data)["cue"]) for f in found] == [
        ("E001", line_of(text, "PCI DSS v4.0 requirements"), "date")]


def test_a_reference_on_the_paragraph_backs_each_sentence(lint_text: Lint) -> None:
    paragraph = ("Federal data pay general user support well below systems analysis, a split "
                 "that mirrors the line between queue work and diagnosis.")
    assert paragraph in GOOD
    text = GOOD.replace(paragraph, "Most applicants come from help desks. " + paragraph)
    assert evidence(lint_text(text)) == []


def test_advice_with_numbers_is_not_a_claim(lint_text: Lint) -> None:
    text = GOOD.replace("## Interview Prep Checklist\n\n", "## Interview Prep Checklist\n\n"
                        "- Spend 20 minutes a day reading public incident reviews.\n"
                        "- If the loop has a take-home, ask for 48 hours and a rubric.\n")
    assert evidence(lint_text(text)) == []


PAY_TABLE = """Base pay by tier, US fintech, 2025{cite}:

| Tier | P10 | P50 | P90 |
| --- | --- | --- | --- |
| Tier 1 support | $48k | $56k | $66k |
| Tier 2 support | $62k | $72k | $85k |
"""
COMPENSATION = "### Questions that uncover constraints"


def test_an_uncited_pay_table_is_one_finding_naming_its_cells(lint_text: Lint) -> None:
    text = GOOD.replace(COMPENSATION, PAY_TABLE.format(cite="") + "\n" + COMPENSATION, 1)
    found = [f for f in evidence(lint_text(text)) if f.rule == "E001"]
    assert [f.line for f in found] == [line_of(text, "| Tier | P10")]
    message = found[0].message
    assert message.startswith('uncited table (6 figures: Tier 1 support P10 "$48k", '
                              'Tier 1 support P50 "$56k", Tier 1 support P90 "$66k", '
                              "and 3 more)"), message
    assert "lead-in" in message and dict(found[0].data)["cue"] == "table"


@pytest.mark.parametrize("cite", [
    "[^bls-support]",  # on the lead-in
])
def test_a_cited_pay_table_is_left_alone(lint_text: Lint, cite: str) -> None:
    text = GOOD.replace(COMPENSATION, PAY_TABLE.format(cite=cite) + "\n" + COMPENSATION, 1)
    assert [f for f in evidence(lint_text(text)) if f.rule == "E001"] == []
    rows = PAY_TABLE.format(cite="").replace("$66k |", "$66k[^bls-support] |")
    text = GOOD.replace(COMPENSATION, rows + "\n" + COMPENSATION, 1)  # on a row
    assert [f for f in evidence(lint_text(text)) if f.rule == "E001"] == []


def test_a_table_whose_caption_names_a_source_asks_to_cite_it(lint_text: Lint) -> None:
    table = PAY_TABLE.format(cite="") + "\nSource: Levels.fyi, November 2025.\n"
    text = GOOD.replace(COMPENSATION, table + "\n" + COMPENSATION, 1)
    found = [f for f in evidence(lint_text(text)) if f.rule == "E001"]
    assert len(found) == 1 and 'names "Levels.fyi" but does not cite it' in found[0].message


def test_a_named_but_uncited_source_has_its_own_message(lint_text: Lint) -> None:
    cited = "for computer user support specialists in May 2024, a sensible floor"
    assert cited in GOOD
    named = GOOD.replace(
        "- The BLS Occupational Outlook Handbook reports a median annual wage of $60,340 "
        "for computer user support specialists in May 2024, a sensible floor for "
        "first-line fintech desks.[^bls-support]",
        "- Support specialists earned a median of $60,340 (U.S. Bureau of Labor Statistics, "
        "May 2024).\n- Tier 2 analysts earn $70k–$85k at processors.")
    found = [f for f in evidence(lint_text(named)) if f.rule == "E001"]
    assert [f.message.split(":")[0] for f in found] == [
        'uncited claim (number "$60,340") names "U.S. Bureau of Labor Statistics" but does '
        "not cite it", 'uncited claim (number "$70k")']
    assert "turn the named source into a footnote" in found[0].message
    assert "find a source" in found[1].message
    assert dict(found[0].data)["source"] == "U.S. Bureau of Labor Statistics"


def test_a_scenario_and_its_question_are_not_claims(lint_text: Lint) -> None:
    text = GOOD.replace("## Interview Prep Checklist\n\n", "## Interview Prep Checklist\n\n"
                        "- Failed payouts rose from 0.5% to 2% overnight. Where do you look "
                        "first?\n", 1)
    assert evidence(lint_text(text)) == []


def test_undefined_and_unused_sources(lint_text: Lint) -> None:
    text = GOOD.replace("[^cfpb]", "[^cfpb-2024]", 1)  # the first citation, not the definition
    found = [(f.rule, f.message) for f in evidence(lint_text(text))]
    assert ("E002", "footnote [^cfpb-2024] has no definition") in found
    text = GOOD.replace("Postings that name SQL", "Postings that name SQL[^cfpb]")
    text = re.sub(r"\[\^cfpb\](?!:)", "", text)
    assert [(f.rule, f.message) for f in evidence(lint_text(text))] == [
        ("E003", "source [^cfpb] is never cited")]


def test_stale_source_threshold_is_configurable(lint_text: Lint) -> None:
    text = GOOD.replace('"Consumer Complaint Database", November 2025',
                        '"Consumer Complaint Database", November 2021')
    assert evidence(lint_text(text)) == []
    found = evidence(lint_text(text, rules={"E007": {"max_age_years": 3}}))
    assert [f.message for f in found] == [
        "source [^cfpb] is from 2021, 4 years before the report (2025)"]
    # the 2019 examination handbook stays: reference documents do not go stale


def _dated(text: str, source: str, date: str) -> str:
    """The support report with one source's date and title changed."""
    line = next(line for line in text.splitlines() if line.startswith(f"[^{source}]:"))
    return text.replace(line, line.replace("August 2025", date).replace("November 2025", date))


def test_stale_data_backing_a_figure_is_a_warning(lint_text: Lint) -> None:
    """The BLS wage page backs "$60,340": as old as its source, the figure is stale."""
    text = _dated(GOOD, "bls-support", "May 2016")
    found = [f for f in lint_text(text) if f.rule == "E007"]
    assert [(f.severity, f.message) for f in found] == [(
        Severity.WARNING, "source [^bls-support] (employment statistics) is from 2016, 9 "
        f"years before the report (2025), and backs a figure on line {line_of(text, '$60,340')}")]
    assert found[0].line == line_of(text, "[^bls-support]:")


def test_stale_source_backing_no_figure_is_info(lint_text: Lint) -> None:
    """The complaint database is cited for what it shows, not for a number."""
    text = _dated(GOOD, "cfpb", "November 2017")
    assert [(f.severity, f.message) for f in lint_text(text) if f.rule == "E007"] == [
        (Severity.INFO, "source [^cfpb] is from 2017, 8 years before the report (2025)")]
    # a severity set in the config holds for every finding of the rule
    found = lint_text(_dated(GOOD, "bls-support", "May 2016"), severity={"E007": "info"})
    assert [f.severity for f in found if f.rule == "E007"] == [Severity.INFO]


@pytest.mark.parametrize(("source", "title"), [
    ("pci", "Payment Card Industry Data Security Standard v3.2"),          # a standard
    ("fednow", "Electronic Fund Transfer Act"),                            # a law
    ("fednow", "Regulation E: Electronic Fund Transfers, final regulations"),
    ("cfpb", "Site Reliability Engineering (book)"),                        # a book
    ("cfpb", "Incident Response Field Guide"),                              # a guide
])
def test_laws_standards_books_and_guides_do_not_go_stale(lint_text: Lint, source: str,
                                                         title: str) -> None:
    line = next(line for line in GOOD.splitlines() if line.startswith(f"[^{source}]:"))
    old_title = line.split('"')[1]
    dated = line.replace(old_title, title)
    for date in ("June 2024", "July 2023", "November 2025"):
        dated = dated.replace(date, "2002")
    assert [f for f in lint_text(GOOD.replace(line, dated)) if f.rule == "E007"] == []


def test_a_salary_guide_is_salary_data_not_a_guide(lint_text: Lint) -> None:
    line = next(line for line in GOOD.splitlines() if line.startswith("[^cfpb]:"))
    dated = line.replace("Consumer Complaint Database", "Fintech Salary Guide").replace(
        "November 2025", "2018")
    found = [f for f in lint_text(GOOD.replace(line, dated)) if f.rule == "E007"]
    assert [f.message for f in found] == [
        "source [^cfpb] (salary data) is from 2018, 7 years before the report (2025)"]


def test_duplicate_url_ignores_scheme_www_and_trailing_slash(lint_text: Lint) -> None:
    text = GOOD.replace("https://www.consumerfinance.gov/data-research/consumer-complaints/",
                        "http://consumerfinance.gov/data-research/consumer-complaints")
    text = text.replace("https://ithandbook.ffiec.gov/",
                        "https://www.consumerfinance.gov/data-research/consumer-complaints/")
    found = [(f.rule, f.message) for f in evidence(lint_text(text))]
    assert found == [("E008", "source [^cfpb] has the same URL as [^ffiec] (line 251)")]


def test_pay_figures_or_a_pay_source_satisfy_compensation(lint_text: Lint) -> None:
    start = GOOD.index("## Compensation & Leveling (US)\n\n") + len(
        "## Compensation & Leveling (US)\n\n")
    end = GOOD.index("### Questions that uncover constraints")
    no_figures = GOOD[:start] + "- Pay moves with rotation load and employer type.\n\n" + \
        GOOD[end:]
    assert [f.rule for f in evidence(lint_text(no_figures))] == ["E009"]
    cited = no_figures.replace("employer type.\n", "employer type.[^bls-support]\n")
    assert evidence(lint_text(cited)) == []


def test_missing_sources_section_when_not_required(lint_text: Lint) -> None:
    start = GOOD.index("## Sources & Further Reading")
    end = GOOD.index("## Related")
    text = re.sub(r"\[\^[\w-]+\](?!:)", "", GOOD[:start] + GOOD[end:])
    required = ["executive_summary", "market_snapshot"]
    found = [(f.rule, f.message) for f in evidence(lint_text(text, required_sections=required))]
    assert found[-1][0] == "E004" and found[-1][1].startswith(
        'no "Sources & Further Reading" section; the report makes ')
    assert all(rule == "E001" for rule, _ in found[:-1]) and len(found) > 3
    # when the section is required, S001 reports it and E004 says nothing more
    assert "E004" not in [f.rule for f in lint_text(text)]


@pytest.mark.parametrize("text", [
    "", "---\n---\n", "---\ntitle: [unclosed\n---\n", "## Sources & Further Reading\n\n[^x]:\n",
    "---\ntitle: x\n---\n\nMost teams grow.[^a][^a]\n\n[^a]: \n",
])
def test_broken_input_does_not_fail(lint_text: Lint, text: str) -> None:
    lint_text(text)  # the structure rules report it; the evidence rules must not raise


LOOK_ALIKES = """
A support analyst's queue is sorted by the client's tier: a named engineer for the largest,
a shared rota for the rest, and a page to the incident lead when the error rate rises.

Each change to the reconciliation job ends with a backtest against last month's
settlement files, and the desk tracks falls and spikes in the match rate on a dashboard.

Tier 2 analysts spend more time on root-cause notes than on tickets, and they add alerts
without slowing the release train.

"""
LOOK_ALIKE_CLAIMS = """
Hiring of production support analysts at US payment processors is slowing, and postings
fell after the summer.

"""


def test_look_alike_cues_are_left_alone_and_market_changes_found(lint_text: Lint) -> None:
    heading = "## Role Definition"
    assert heading in GOOD
    start = GOOD.index("\n", GOOD.index(heading)) + 1
    text = GOOD[:start] + LOOK_ALIKES + GOOD[start:]
    assert [f for f in evidence(lint_text(text)) if f.rule == "E001"] == []
    market = GOOD.index("\n", GOOD.index("## Market Snapshot")) + 1
    text = GOOD[:market] + LOOK_ALIKE_CLAIMS + GOOD[market:]
    found = [f for f in evidence(lint_text(text)) if f.rule == "E001"]
    assert [(f.line, dict(f.data)["cue_text"]) for f in found] == [
        (line_of(text, "Hiring of production support"), "slowing")]


def _e001_seconds(text: str, read_text: Callable[..., object]) -> float:
    import time

    from reportlint.config import Config
    from reportlint.run.engine import RuleSet

    rules = RuleSet(Config())
    rule = next(r for r, _ in rules.for_path("report.md") if r.code == "E001")
    best = float("inf")
    for _ in range(2):
        doc = read_text(text)
        start = time.process_time()
        list(rule.check(doc, rules.context))  # type: ignore[arg-type]
        best = min(best, time.process_time() - start)
    return best


def test_a_long_paragraph_of_claims_is_read_in_linear_time(
        read_text: Callable[..., object]) -> None:
    # Each sentence used to re-read the rest of its paragraph (its footnotes, what
    # follows it): the same claims took three to four times as long as one paragraph
    # as in paragraphs of ten sentences, and more the longer the paragraph.
    size = 250_000
    where = GOOD.index("## Demand Drivers")
    sentence = "Salaries grew 5%. "
    block = (sentence * (size // len(sentence) + 1))[:size].rstrip()

    def with_block(paragraphs: str) -> str:
        return GOOD[:where] + paragraphs + "\n\n" + GOOD[where:]

    short = re.sub(r"((?:Salaries grew 5%\. ){10})", "\\1\n\n", block + " ")
    in_short_paragraphs = _e001_seconds(with_block(short.strip()), read_text)
    in_one_paragraph = _e001_seconds(with_block(block), read_text)
    assert in_one_paragraph < max(2 * in_short_paragraphs, 0.5), (
        in_one_paragraph, in_short_paragraphs)


def test_a_source_linked_inline_is_asked_for_a_footnote_not_said_uncited(
        lint_text: Lint) -> None:
    """A writer who linked the source did cite it, only not as the format asks: the
    finding says to move the link into a footnote, not that the source is uncited."""
    bullet = ("- The BLS Occupational Outlook Handbook reports a median annual wage of $60,340 "
              "for computer user support specialists in May 2024, a sensible floor for "
              "first-line fintech desks.[^bls-support]")
    assert bullet in GOOD
    variants = {
        # the link's words name the source
        "- Support specialists earned a median of $60,340 in May 2024, according to the "
        "[U.S. Bureau of Labor Statistics](https://www.bls.gov/ooh/support.htm).":
            ("links", "U.S. Bureau of Labor Statistics"),
        # the name in the text, the link on other words but on the source's own site
        "- According to Glassdoor, tier 2 analysts earn $78,000 at processors (see "
        "[the salary page](https://uk.glassdoor.com/Salaries/analyst.htm)).":
            ("links", "Glassdoor"),
        # a link elsewhere is not the source's
        "- According to Glassdoor, tier 2 analysts earn $78,000 at processors (see "
        "[our interview guide](https://example.org/guides/tier-2)).":
            ("names", "Glassdoor"),
    }
    for text, (how, source) in variants.items():
        found = [f for f in evidence(lint_text(GOOD.replace(bullet, text)))
                 if f.rule == "E001"]
        assert len(found) == 1, text
        data = dict(found[0].data)
        assert data["source"] == source and data["linked"] is (how == "links")
        if how == "links":
            assert (f'links "{source}" inline but has no footnote: move the link into a '
                    "footnote") in found[0].message, text
            assert "does not cite" not in found[0].message
        else:
            assert f'names "{source}" but does not cite it' in found[0].message


def test_which_links_are_the_named_sources() -> None:
    from reportlint.language.claims.cues import Model

    assert Model.links_source("per [BLS (Bureau of Labor Statistics)](https://x.org)", "BLS")
    assert Model.links_source("[pay](https://www.indeed.com/career/x)", "Indeed")
    assert Model.links_source("[pay](https://uk.indeed.com/career/x)", "indeed.com")
    assert Model.links_source("[share](statista.com/statistics/1)", "Statista")
    assert not Model.links_source("[tables](https://notbls.example.com/x)", "BLS")
    assert not Model.links_source("[pay](https://notindeed.com/x)", "indeed.com")
    assert Model.links_source("[pay](https://www.glassdoor.co.uk/x)", "glassdoor.co.uk")
    assert not Model.links_source("According to Statista, 40% do.", "Statista")
