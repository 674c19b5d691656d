"""E010 contradictory-figures on real report text: one measure given two values that
cannot both hold is flagged at the later one; figures of different levels, places,
periods, currencies, bases or statistics are left alone."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from conftest import clean_reports, lint
from reportlint.config import Config
from reportlint.findings import Finding
from reportlint.language.figures import FigureReader, figure_words
from reportlint.language.vocabulary import markets_for
from reportlint.rules.registry import rule_by_code

Lint = Callable[..., list[Finding]]
REALPAGES = Path(__file__).resolve().parents[3] / "shared" / "realpages"

FRONT = """---
title: US Production Support Analyst Fintech Market Analysis 2025
role: Production Support Analyst
industry: Fintech
region: US
year: 2025
published: 2025-11-30
author: Reportlint Editorial
---
"""
SOURCES = """
## Sources & Further Reading

[^bls]: U.S. Bureau of Labor Statistics. "Occupational Outlook Handbook", 2025. \
https://www.bls.gov/ooh/ (accessed 2025-11-30)
"""


def report(summary: str = "", snapshot: str = "", pay: str = "") -> str:
    parts = [FRONT]
    for heading, body in (("Executive Summary", summary), ("Market Snapshot (2025)", snapshot),
                          ("Compensation & Leveling (US)", pay)):
        if body:
            parts.append(f"\n## {heading}\n\n{body.strip()}\n")
    return "".join(parts) + SOURCES


def e010(lint_text: Lint, text: str, **config: object) -> list[Finding]:
    return [f for f in lint_text(text, select=["E010"], **config) if f.rule == "E010"]


def line_of(text: str, needle: str) -> int:
    return text[: text.index(needle)].count("\n") + 1


# -- contradictions ---------------------------------------------------------------------

def test_senior_pay_in_the_summary_and_the_body_that_cannot_both_hold(lint_text: Lint) -> None:
    text = report(
        summary="- Senior analysts on payment platforms earn $150,000–$230,000.[^bls]",
        pay="- Entry: $68k-$82k; Mid: $85k–$110k; Senior: $125,000–$154,000 base.[^bls]")
    [finding] = e010(lint_text, text)
    earlier = line_of(text, "$150,000")
    assert finding.line == line_of(text, "$125,000")
    assert finding.message == (f"senior pay is $125,000–$154,000 here but $150,000–$230,000 "
                               f"on line {earlier}: the two cannot both hold")
    related = dict(finding.data)["related"]
    assert isinstance(related, tuple) and related[0][0] == earlier
    assert finding.severity.value == "warning" and finding.category.value == "evidence"


def test_a_figure_repeated_after_the_contradiction_is_not_reported_again(
        lint_text: Lint) -> None:
    text = report(
        summary="- Senior analysts earn $150,000–$230,000.[^bls]",
        pay="- Senior: $125,000–$154,000 base.[^bls]\n"
            "- Most senior analysts we surveyed earn $150,000–$230,000.[^bls]\n"
            "- Senior pay is $60,000–$70,000 today.[^bls]")
    found = e010(lint_text, text)
    assert [f.line for f in found] == [line_of(text, "$125,000"), line_of(text, "$60,000")]


def test_openings_an_order_of_magnitude_apart(lint_text: Lint) -> None:
    text = report(
        summary="- Employers list about 125,000 openings for support analysts each year.[^bls]",
        snapshot="- Job boards carry roughly 12,000 openings for the role each year.[^bls]")
    [finding] = e010(lint_text, text)
    assert finding.line == line_of(text, "12,000")
    assert "openings per year is 12,000 here but 125,000" in finding.message


def test_growth_projections_for_the_same_window(lint_text: Lint) -> None:
    text = report(snapshot="""
- Employment of support analysts is projected to grow 16% from 2023 to 2033.[^bls]
- Over 2023 to 2033, employment in the role should grow just 4%.[^bls]
""")
    [finding] = e010(lint_text, text)
    assert "employment growth (2023–2033) is 4% here but 16%" in finding.message


def test_a_city_median_said_to_exceed_a_national_median_it_falls_below(
        lint_text: Lint) -> None:
    text = report(pay="""
- The national median salary for the role is $98,000.[^bls]
- In Austin, the median salary of $91,000 sits above the national median.[^bls]
""")
    [finding] = e010(lint_text, text)
    assert finding.line == line_of(text, "$91,000")
    assert "is said to be above the national median, but the report gives $98,000" in \
        finding.message


def test_the_national_figure_given_after_the_comparison(lint_text: Lint) -> None:
    text = report(pay="""
- In Denver, the median salary of $104,000 trails the national median.[^bls]
- Nationally, the median salary for the role is $98,000.[^bls]
""")
    [finding] = e010(lint_text, text)
    assert finding.line == line_of(text, "$98,000")
    assert finding.message == (
        f"the national median is $98,000 here, but line {line_of(text, '$104,000')} says "
        "median pay (denver) $104,000 is below it")


def test_a_pay_table_row_against_a_bullet(lint_text: Lint) -> None:
    text = report(pay="""
| Level | Base salary |
|---|---|
| Junior | $62k–$74k |
| Senior | $118k–$136k |

- Senior analysts on card-issuing platforms take home $170k–$190k in base pay.[^bls]
""")
    [finding] = e010(lint_text, text)
    assert finding.line == line_of(text, "$170k")
    assert "$118k–$136k" in finding.message


# -- left alone -------------------------------------------------------------------------

@pytest.mark.parametrize("pay", [
    # different levels
    "- Entry-level analysts earn $62k–$74k.[^bls]\n- Senior analysts earn $118k–$136k.[^bls]",
    # base against total compensation
    "- Senior base salary runs $118k–$136k.[^bls]\n"
    "- Senior total compensation, with bonus, reaches $150k–$175k.[^bls]",
    # another currency
    "- Senior analysts earn $118k–$136k.[^bls]\n"
    "- London desks pay senior analysts £70k–£85k.[^bls]",
    # hourly against yearly
    "- Senior analysts earn $118k–$136k a year.[^bls]\n"
    "- Senior contractors bill $85–$110 per hour.[^bls]",
    # a city against the country
    "- Senior analysts earn $118k–$136k.[^bls]\n"
    "- In San Francisco, senior analysts earn $160k–$185k.[^bls]",
    # percentiles
    "- The 25th percentile for senior analysts is $104,000.[^bls]\n"
    "- The 90th percentile for senior analysts is $162,000.[^bls]",
    # a value inside a range, and overlapping ranges
    "- Senior analysts earn $118k–$136k.[^bls]\n- A typical senior offer is $125,000.[^bls]\n"
    "- Senior base pay sits at $125k–$145k.[^bls]",
    # a bound is no value
    "- Senior analysts earn $118k–$136k.[^bls]\n"
    "- Senior pay can reach up to $210k at trading firms.[^bls]",
    # a premium is no level of pay
    "- Senior analysts earn $118k–$136k.[^bls]\n"
    "- On-call rotations add a $15k–$20k premium for senior analysts.[^bls]",
    # one sentence pairing two levels with two figures
    "- Junior analysts earn $62k–$74k, while senior analysts earn $118k–$136k.[^bls]\n"
    "- Senior analysts who own incident review earn $120k–$138k.[^bls]",
    # median against mean
    "- The median salary for the role is $86,000.[^bls]\n"
    "- The mean salary for the role is $97,500.[^bls]",
    # a year apart
    "- In 2023, senior analysts earned $98k–$110k.[^bls]\n"
    "- Senior analysts now earn $118k–$136k.[^bls]",
])
def test_figures_of_different_measures_are_left_alone(lint_text: Lint, pay: str) -> None:
    assert e010(lint_text, report(pay=pay)) == []


def test_another_occupation_is_another_measure(lint_text: Lint) -> None:
    text = report(pay="""
- The BLS reports a median annual wage of $60,340 for computer user support specialists.[^bls]
- Computer systems analysts, a closer match for second-line work, earn a median of $103,790.[^bls]
""")
    assert e010(lint_text, text) == []


def test_counts_of_another_kind_or_frame_are_left_alone(lint_text: Lint) -> None:
    text = report(snapshot="""
- Employers list about 9,500 openings for the role each year.[^bls]
- At any one time, job boards show around 30,000 postings that mention it.[^bls]
- Over the decade, that comes to roughly 95,000 openings.[^bls]
- About 30% of openings are fully remote.[^bls]
""")
    assert e010(lint_text, text) == []


def test_two_exact_medians_of_one_year_are_held_to_the_exact_tolerance(
        lint_text: Lint) -> None:
    text = report(summary="- The BLS puts the median annual wage at $93,600 (May 2024).[^bls]",
                  pay="- In May 2024 the median annual wage was $86,070.[^bls]\n"
                      "- In May 2024 the median annual wage was about $91,000.[^bls]")
    [finding] = e010(lint_text, text)
    assert finding.line == line_of(text, "$86,070")
    assert e010(lint_text, text, rules={"E010": {"exact_tolerance": 0.1}}) == []


def test_tolerance_is_an_option(lint_text: Lint) -> None:
    text = report(pay="- The median salary is $86,000.[^bls]\n"
                      "- Analysts report a median salary of $112,000.[^bls]")
    assert len(e010(lint_text, text)) == 1
    assert e010(lint_text, text, rules={"E010": {"tolerance": 0.4}}) == []
    growth = report(snapshot="- Employment is projected to grow 5% from 2023 to 2033.[^bls]\n"
                             "- For 2023 to 2033, employment should grow 9%.[^bls]")
    assert len(e010(lint_text, growth)) == 1
    assert e010(lint_text, growth, rules={"E010": {"percent_points": 5}}) == []


# -- reading amounts --------------------------------------------------------------------

@pytest.mark.parametrize(("written", "low", "high", "currency", "percent"), [
    ("$150,000", 150_000, 150_000, "USD", False),
    ("$150k", 150_000, 150_000, "USD", False),
    ("150K", 150_000, 150_000, None, False),
    ("$1.2M", 1_200_000, 1_200_000, "USD", False),
    ("€65k–€85k", 65_000, 85_000, "EUR", False),
    ("CA$105k", 105_000, 105_000, "CAD", False),
    ("$68k-$82k", 68_000, 82_000, "USD", False),
    ("$68-82k", 68_000, 82_000, "USD", False),
    ("5–15%", 5, 15, None, True),
    ("£38,682 to £46,580", 38_682, 46_580, "GBP", False),
    ("65k EUR", 65_000, 65_000, "EUR", False),
])
def test_amounts_as_writers_write_them(written: str, low: float, high: float,
                                       currency: str | None, percent: bool) -> None:
    reader = FigureReader(figure_words(None), ["Production Support Analyst"], "US",
                          ["Fintech"], 2025, markets_for(None).regions)
    [amount] = reader.amounts(f"Pay is {written} here.".replace("–", "-"))
    assert (amount.low, amount.high, amount.currency, amount.percent) == (
        low, high, currency, percent)


def test_years_and_bare_numbers_are_no_amounts() -> None:
    reader = FigureReader(figure_words(None), ["Data Analyst"], "US", [], 2025,
                          markets_for(None).regions)
    assert reader.amounts("From 2023 to 2033, the top 10 teams ran 3 rounds.") == []


# -- the reports we wrote and the real pages ------------------------------------------------

@pytest.mark.parametrize("path", clean_reports(), ids=lambda p: p.name)
def test_clean_reports_have_no_contradictory_figures(path: Path) -> None:
    assert [f for f in lint([path], select=["E010"]) if f.rule == "E010"] == []


@pytest.mark.skipif(not REALPAGES.is_dir(), reason="the real pages are not beside the repo")
def test_real_pages_give_no_false_contradictions() -> None:
    pages = sorted(p for p in REALPAGES.glob("*.md") if p.name != "README.md")
    assert [f for f in lint(pages, select=["E010"]) if f.rule == "E010"] == []


def test_the_rule_documents_itself() -> None:
    rule = rule_by_code("E010")
    assert rule is not None and rule.name == "contradictory-figures"
    doc = rule.documentation()
    for part in ("**What it does.**", "**Why is this bad?**", "**Example.**", "`tolerance`",
                 "`percent_points`", "`exact_tolerance`"):
        assert part in doc
    assert Config().rules.get("E010") is None
