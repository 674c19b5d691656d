"""Consistency rules on real report text: each flags the defect and leaves good text alone."""

from __future__ import annotations

from collections.abc import Callable
from functools import lru_cache
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import CONTENT, FIXTURES, SUPPORT_REPORT, clean_reports, lint
from hypothesis import given
from hypothesis import strategies as st
from reportlint.cli import main
from reportlint.document.model import Document
from reportlint.document.units import Kind, Unit
from reportlint.findings import Finding
from reportlint.readers import read_document
from reportlint.writers import render

GOOD = SUPPORT_REPORT.read_text(encoding="utf-8")
Lint = Callable[..., list[Finding]]
BAD = FIXTURES / "consistency"


def consistency(findings: list[Finding], *wanted: str) -> list[Finding]:
    return [f for f in findings if f.category.value == "consistency"
            and (not wanted or f.rule in wanted)]


def line_of(text: str, needle: str) -> int:
    return text[: text.index(needle)].count("\n") + 1


def with_bullet(text: str, after: str, bullet: str) -> str:
    """The report with `bullet` added after the line that starts with `after`."""
    start = text.index(after)
    end = text.index("\n", start) + 1
    return text[:end] + f"- {bullet}\n" + text[end:]


# Clean reports for the three families the shared clean set lacks (security, operations,
# legal and compliance), written to measure the vocabulary rule on text it was not tuned on.
MORE_CLEAN = sorted((FIXTURES / "consistency" / "clean").glob("*.md"))


@pytest.mark.parametrize("path", [*clean_reports(), *MORE_CLEAN], ids=lambda p: p.name)
def test_clean_reports_have_no_consistency_findings(path: Path) -> None:
    assert consistency(lint([path])) == []


def test_every_rule_family_leaves_the_clean_reports_alone() -> None:
    found = lint([*clean_reports(), *MORE_CLEAN])
    assert [(Path(f.path).name, f.line, f.rule, f.message) for f in found] == []


def test_the_clean_reports_cover_twelve_role_families() -> None:
    from reportlint.config import Config
    from reportlint.rules.registry import Context
    from reportlint.rules.roles.facts import role_facts

    families = set()
    for path in [*clean_reports(), *MORE_CLEAN]:
        facts = role_facts(read_document(path), Context(Config()))
        assert facts is not None and facts.family is not None, path
        families.add(facts.family.key)
    assert len(families) >= 12


def test_the_judgement_cases_cover_every_role_family() -> None:
    """Every family in role_families.yaml is the role's family in some C004 case file, so
    each family's words are judged both ways."""
    import yaml
    from reportlint.language.vocabulary import vocabulary_for

    vocabulary = vocabulary_for(None, None)
    covered: set[str] = set()
    for path in (Path(__file__).parent.parent / "judgements" / "cases").glob("c004-*.yaml"):
        raw = yaml.safe_load(path.read_text(encoding="utf-8"))
        roles = {raw["report"]["role"]} | {case["report"]["role"] for case in raw["cases"]
                                           if "role" in case.get("report", {})}
        for role in roles:
            found = vocabulary.families_of([role])
            assert found is not None, role
            covered |= found.keys
    assert covered == set(vocabulary.families)


# --- C002 role-name-variant ------------------------------------------------------------

def test_variants_of_the_role_are_found_with_how_they_differ(lint_text: Lint) -> None:
    text = with_bullet(GOOD, "- Triage alerts and tickets", "A Prod Support Analyst reads "
                       "logs; Production-Support Analysts write runbooks; a production support "
                       "analist escalates; a production Support analyst pages.")
    found = consistency(lint_text(text), "C002")
    assert [f.message for f in found] == [
        'role written "Prod Support Analyst" (abbreviation); the front matter calls it '
        '"Production Support Analyst"',
        'role written "Production-Support Analysts" (hyphenation); the front matter '
        'calls it "Production Support Analyst"',
        'role written "production support analist" (spelling); the front matter calls '
        'it "Production Support Analyst"',
        'role written "production Support analyst" (case); the front matter calls '
        'it "Production Support Analyst"',
    ]
    assert {f.line for f in found} == {line_of(text, "- A Prod Support Analyst")}
    assert [f.column for f in found] == [5, 38, 84, 124]
    assert [f.fix.replacement for f in found if f.fix] == [
        "Production Support Analyst", "Production Support Analysts",
        "production support analyst", "production support analyst"]


def test_words_in_another_order(lint_text: Lint) -> None:
    text = with_bullet(GOOD, "- Triage alerts and tickets", "Every Support Production Analyst "
                       "keeps a runbook.")
    found = consistency(lint_text(text), "C002")
    assert [f.message for f in found] == [
        'role written "Support Production Analyst" (word order); the front matter calls it '
        '"Production Support Analyst"']
    assert found[0].fix is None  # reordering words is not a spelling fix


def test_the_role_written_as_declared_is_left_alone(lint_text: Lint) -> None:
    text = with_bullet(GOOD, "- Triage alerts and tickets", "Senior Production Support "
                       "Analysts and the Application Support Analyst on nights share one "
                       "Production Support Engineer; product support analysts sit elsewhere.")
    assert consistency(lint_text(text), "C002") == []


@pytest.mark.parametrize("bullet", [
    "Production support analysts read logs before they page anyone.",
    "A production support analyst's first week is spent on the runbook.",
    "Most production-support analysts rotate through the overnight queue.",
    "PRODUCTION SUPPORT ANALYST interviews open with a log-reading exercise.",
    "Hiring a production support analyst takes about six weeks in payments.",
    "Our production support analysts' runbooks live next to the code.",
])
def test_the_role_as_an_ordinary_noun_is_the_role(lint_text: Lint, bullet: str) -> None:
    text = with_bullet(GOOD, "- Triage alerts and tickets", bullet)
    assert consistency(lint_text(text), "C002") == []


def test_a_misspelled_data_engineer_in_a_yaml_report(lint_text: Lint) -> None:
    source = (CONTENT / "data-engineer-healthcare-uk-2025.yaml").read_text(encoding="utf-8")
    needle = "The Data Engineer builds and runs"
    text = source.replace(needle, "The data enginer builds and runs", 1)
    found = consistency(lint_text(text, name="report.yaml"), "C002")
    assert [(f.line, f.message) for f in found] == [
        (line_of(source, needle), 'role written "data enginer" (spelling); the front '
                                  'matter calls it "Data Engineer"')]
    assert found[0].fix is not None and found[0].fix.replacement == "data engineer"


def test_real_words_near_the_name_are_not_misspellings(lint_text: Lint) -> None:
    source = (CONTENT / "data-engineer-healthcare-uk-2025.yaml").read_text(encoding="utf-8")
    text = source.replace("The Data Engineer builds and runs",
                          "Data engineering builds and runs", 1)
    assert consistency(lint_text(text, name="report.yaml"), "C002") == []


def _with_role(role: str, bullet: str, aliases: str = "") -> str:
    text = GOOD.replace("role: Production Support Analyst", f"role: {role}", 1)
    text = text.replace("title: US Production Support Analyst", f"title: US {role}", 1)
    text = text.replace("role_aliases: [Application Support Analyst]",
                        f"role_aliases: [{aliases}]" if aliases else "role_aliases: []", 1)
    return with_bullet(text, "- Triage alerts and tickets", bullet)


def test_undeclared_initials_of_the_role_are_found(lint_text: Lint) -> None:
    text = _with_role("Product Manager", "A PM owns the roadmap; two APMs join in spring, "
                      "and PMs present at the 4 PM review.")
    assert [f.message for f in consistency(lint_text(text), "C002")] == [
        'role written "PM" (abbreviation not in role_aliases); the front matter calls it '
        '"Product Manager"',
        'role written "APMs" (abbreviation not in role_aliases); the front matter calls it '
        '"Product Manager"',
        'role written "PMs" (abbreviation not in role_aliases); the front matter calls it '
        '"Product Manager"']
    declared = _with_role("Product Manager", "A PM owns the roadmap; two APMs join in "
                          "spring.", aliases="PM")
    assert consistency(lint_text(declared), "C002") == []


def test_the_role_s_field_with_a_generic_head_is_another_title(lint_text: Lint) -> None:
    text = _with_role("Data Scientist", "Every Data Science Specialist on the team ships "
                      "one model a quarter; the Google Data Science Professional Certificate "
                      "is optional.")
    found = consistency(lint_text(text), "C002")
    assert [f.message for f in found] == [
        'role written "Data Science Specialist" (another title); the front matter calls it '
        '"Data Scientist"']
    assert found[0].fix is None


@pytest.mark.parametrize(("role", "bullet"), [
    ("Engineer Data", "Every data enginer on call reads the runbook; Data Engineers own the "
                      "pipelines."),
    ("Data Enginer", "Every Data-Enginer on call reads the runbook."),
])
def test_no_fix_copies_a_role_that_looks_wrong_itself(lint_text: Lint, role: str,
                                                      bullet: str) -> None:
    found = consistency(lint_text(_with_role(role, bullet)), "C002")
    assert found and all(f.fix is None for f in found)


def _fix(path: Path) -> str:
    result = CliRunner().invoke(main, ["check", "--fix", "--select", "C002", str(path)])
    assert result.exception is None or isinstance(result.exception, SystemExit), result.output
    return path.read_text(encoding="utf-8")


def test_fix_rewrites_only_the_variants_in_markdown(tmp_path: Path) -> None:
    bad = with_bullet(GOOD, "- Triage alerts and tickets",
                      "A Prod Support Analyst reads Production-Support Analysts' notes; "
                      "production-support analysts keep them; a production support analist "
                      "files them.")
    path = tmp_path / "report.md"
    path.write_text(bad, encoding="utf-8")
    fixed = _fix(path)
    assert fixed == bad.replace("Prod Support Analyst", "Production Support Analyst").replace(
        "Production-Support Analysts'", "Production Support Analysts'").replace(
        "production support analist", "production support analyst")
    assert _fix(path) == fixed  # a second run changes nothing
    assert consistency(lint([path]), "C002") == []


def test_fix_keeps_yaml_comments_and_everything_else(tmp_path: Path) -> None:
    yaml_text = render(read_document(SUPPORT_REPORT).report, "yaml")  # type: ignore[arg-type]
    needle = "Triage alerts and tickets, set severity"
    assert needle in yaml_text
    bad = ("# yaml-language-server: $schema=../schema/report.schema.json\n"
           + yaml_text.replace(needle, "Triage alerts as a Prod Support Analyst, set severity", 1)
           .replace("executive_summary:", "executive_summary:  # the dek's bullets", 1))
    path = tmp_path / "report.yaml"
    path.write_text(bad, encoding="utf-8")
    fixed = _fix(path)
    assert fixed == bad.replace("Prod Support Analyst", "Production Support Analyst")
    assert "# the dek's bullets" in fixed and fixed.startswith("# yaml-language-server")
    assert _fix(path) == fixed


def test_shop_talk_and_other_initials_are_left_alone(lint_text: Lint) -> None:
    degree = _with_role("Business Analyst", "A business analyst with a BA in economics "
                        "writes the requirements.")
    assert consistency(lint_text(degree), "C002") == []
    shop_talk = _with_role("Sales Operations Manager", "Most sales ops managers own the CRM "
                           "hygiene; a Sales Ops Manager title is a different story.")
    assert [f.message for f in consistency(lint_text(shop_talk), "C002")] == [
        'role written "Sales Ops Manager" (abbreviation); the front matter calls it '
        '"Sales Operations Manager"']


# --- C003 other-role-title -------------------------------------------------------------

def test_another_title_in_the_role_s_own_place(lint_text: Lint) -> None:
    text = with_bullet(GOOD, "- Triage alerts and tickets", "As a Data Analyst, you own the "
                       "overnight settlement checks.")
    text = with_bullet(text, "- Recruiter screen:", "Data Analyst interviews add a live SQL "
                       "round on ledger tables.")
    text = with_bullet(text, "- Pay moves with", "Offers for Data Analyst seats in payments "
                       "teams often include an on-call stipend.")
    found = consistency(lint_text(text), "C003")
    assert [(f.line, f.message) for f in found] == [
        (line_of(text, "- As a Data Analyst"), '"Data Analyst" where the report speaks of its '
         'own role ("as a"); this report is about a Production Support Analyst'),
        (line_of(text, "- Data Analyst interviews"), '"Data Analyst" where the report speaks '
         'of its own role ("interviews"); this report is about a Production Support Analyst'),
        (line_of(text, "- Offers for Data Analyst"), '"Data Analyst" where the report speaks '
         'of its own role ("offers for"); this report is about a Production Support Analyst'),
    ]


def test_colleagues_moves_and_comparisons_are_not_the_role(lint_text: Lint) -> None:
    text = with_bullet(GOOD, "- Triage alerts and tickets", "Escalate to the Site Reliability "
                       "Engineer on call when a processor outage passes fifteen minutes.")
    text = with_bullet(text, "- Recruiter screen:", "Recruiter screen: shift pattern and pay.")
    text = with_bullet(text, "- Pay moves with", "Analysts who tune alerts can move into "
                       "Site Reliability Engineer roles within two years.")
    text = with_bullet(text, "- Pay moves with", "A Production Support Analyst earns less "
                       "than a Data Analyst offer at the same bank.")
    assert consistency(lint_text(text), "C003") == []


def _backend(bullet: str) -> str:
    return _with_role("Backend Developer", bullet)


@pytest.mark.parametrize("bullet", [
    "As a backend engineer, you will own the ledger service and its migrations.",
    "Backend Engineer candidates are asked to design an idempotent payments API.",
    "As a software engineer on the payments team, you review every schema change.",
    "Based on my years as a backend engineer recruiter, on-call history matters most.",
    "**Data Engineer**: if you prefer pipelines to APIs, consider becoming a data engineer.",
    "Later you might specialize as a platform engineer and run the shared clusters.",
    "You can switch to a Data Engineer role later; as a Data Engineer, you own the feeds.",
])
def test_the_same_role_options_and_topics_are_not_another_role(lint_text: Lint,
                                                                  bullet: str) -> None:
    assert consistency(lint_text(_backend(bullet)), "C003") == []


@pytest.mark.parametrize(("bullet", "cue"), [
    ("As a Frontend Developer, you will build the onboarding screens.", "as a"),
    ("Data Engineer interviews include a live SQL round on ledger tables.", "interviews"),
])
def test_another_role_in_the_role_s_place_is_still_found(lint_text: Lint, bullet: str,
                                                         cue: str) -> None:
    found = consistency(lint_text(_backend(bullet)), "C002", "C003")
    assert [(f.rule, f'("{cue}")' in f.message) for f in found] == [("C003", True)]


# --- C004 foreign-vocabulary and C005 role-drift on the example page -------------------

def _units(path: Path) -> list[Unit]:
    return [u for u in _read(path).units if u.kind is not Kind.HEADING]


def _flagged_lines(path: Path) -> dict[int, Finding]:
    return {f.line: f for f in consistency(lint([path]), "C004")}


def _line(path: Path, unit: Unit) -> int:
    return _read(path).position(unit.offset())[0]


@lru_cache(maxsize=4)
def _read(path: Path) -> Document:
    return read_document(path)


def _where(path: Path, section: str, subsection: str | None = None) -> list[Unit]:
    return [u for u in _units(path) if u.section == section
            and (subsection is None or u.subsection == subsection)]


def test_example_page_sales_vocabulary_where_it_dominates(imported_example: Path) -> None:
    flagged = _flagged_lines(imported_example)
    bullets = [u for u in _where(imported_example, "executive_summary") if u.kind is Kind.BULLET]
    industry_reality = bullets[1]
    industry = [u for u in _where(imported_example, "industry_lens") if u.kind is Kind.BULLET]
    hiring_teams = _where(imported_example, "action_plan", "Hiring teams (process upgrades)")
    steps = _where(imported_example, "career_roadmap", "Career steps (practical)")
    questions = [u for u in _units(imported_example) if u.kind is Kind.QUESTION]
    stalled_deals = _where(imported_example, "faq", questions[2].subsection)
    expected = [industry_reality, industry[0], industry[4], industry[5], industry[7],
                industry[9], industry[11], hiring_teams[0], hiring_teams[1], hiring_teams[3],
                steps[0], steps[1], steps[2], *stalled_deals]
    missing = [u.text for u in expected if _line(imported_example, u) not in flagged]
    assert missing == []
    for unit in expected:
        finding = flagged[_line(imported_example, unit)]
        assert finding.message.startswith("sales vocabulary in a Production Support Analyst "
                                          "report: ")
        assert dict(finding.data)["family"] == "sales"
        assert finding.section in ("Executive Summary", "Industry Lens", "Action Plan",
                                   "Career Roadmap", "FAQ")
    assert len(flagged) >= 40


def test_example_page_support_passages_are_left_alone(imported_example: Path) -> None:
    flagged = _flagged_lines(imported_example)
    stages = [u for u in _where(imported_example, "hiring_loop") if u.kind is Kind.BULLET]
    questions = [u for u in _units(imported_example) if u.kind is Kind.QUESTION]
    technical_career = _where(imported_example, "faq", questions[0].subsection)
    metrics = _where(imported_example, "faq", questions[1].subsection)
    left_alone = [stages[0], stages[1], *technical_career, *metrics]
    assert [u.text for u in left_alone if _line(imported_example, u) in flagged] == []


def test_example_page_drifts_as_a_whole(imported_example: Path) -> None:
    drift = consistency(lint([imported_example]), "C005")
    assert len(drift) == 1
    data = dict(drift[0].data)
    assert data["family"] == "sales"
    assert isinstance(data["share"], float) and 0.2 < data["share"] < 0.4
    assert drift[0].line == 3  # the front matter's role
    assert "most of them sales" in drift[0].message
    assert drift[0].message.split(": ")[0].endswith("in a Production Support Analyst report")
    assert len(data["words"]) == 5  # type: ignore[arg-type]


def test_yaml_form_of_the_example_gives_the_same_vocabulary_findings(
        imported_example: Path, tmp_path: Path) -> None:
    doc = read_document(imported_example)
    yaml_path = tmp_path / "example.yaml"
    yaml_path.write_text(render(doc.report, "yaml"), encoding="utf-8")  # type: ignore[arg-type]
    markdown = [(f.rule, f.message) for f in consistency(lint([imported_example]))]
    assert [(f.rule, f.message) for f in consistency(lint([yaml_path]))] == markdown


def test_support_words_in_a_sales_report_are_flagged_too(lint_text: Lint) -> None:
    source = (CONTENT / "account-executive-saas-us-2025.md").read_text(encoding="utf-8")
    text = with_bullet(source, "- Build and share a mutual action plan", "Work the ticket "
                       "queue, keep first response time under an hour and write macros for "
                       "the help center.")
    found = consistency(lint_text(text), "C004")
    assert [(f.line, f.message) for f in found] == [
        (line_of(text, "- Work the ticket queue"), "customer support vocabulary in an Account "
         "Executive report: ticket queue, first response time, macros, help center")]


def test_a_leaning_word_alone_is_not_drift(lint_text: Lint) -> None:
    text = with_bullet(GOOD, "- Triage alerts and tickets", "Ask which buyer of the "
                       "platform, such as a bank partner, signs off a risky change.")
    assert consistency(lint_text(text), "C004") == []


SECURITY = (FIXTURES / "consistency" / "clean" / "security-analyst-healthcare-us-2025.md"
            ).read_text(encoding="utf-8")
PRODUCT = (FIXTURES / "clean" / "product-manager-edtech-canada-2025.md").read_text(
    encoding="utf-8")


def as_role(text: str, old: str, new: str) -> str:
    """The report with its front matter's role (and title) renamed."""
    head, body = text.split("\n---\n", 1)
    return head.replace(old, new) + "\n---\n" + body


@pytest.mark.parametrize(("role", "families"), [
    ("DevSecOps Engineer", {"security", "infrastructure"}),
    ("Security Operations Analyst", {"security"}),
    ("Marketing Data Analyst", {"data", "marketing"}),
    ("Sales Operations Manager", {"revenue_operations"}),
    ("Revenue Operations Manager", {"revenue_operations"}),
    ("Clinical Research Associate", {"clinical"}),
    ("Frontend Developer", {"frontend", "software_engineering"}),
    ("Production Support Analyst", {"customer_support"}),
])
def test_the_whole_title_decides_the_role_s_families(role: str, families: set[str]) -> None:
    from reportlint.language.vocabulary import vocabulary_for

    found = vocabulary_for(None, "SaaS").families_of([role])
    assert found is not None and found.keys == families


def test_the_head_of_a_compound_title_comes_first() -> None:
    from reportlint.language.vocabulary import vocabulary_for

    found = vocabulary_for(None, "SaaS").families_of(["Marketing Data Analyst"])
    assert found is not None and found.primary.key == "data"


def test_a_security_operations_title_owns_its_soc_words(lint_text: Lint) -> None:
    text = as_role(SECURITY, "Security Analyst", "Security Operations Analyst")
    text = with_bullet(text, "- Screens check whether", "Threat hunting grows analysts: query "
                       "the SIEM, read EDR telemetry and turn phishing campaigns into "
                       "detection rules.")
    assert consistency(lint_text(text), "C004") == []
    copied = with_bullet(text, "- Screens check whether", "Run the biweekly payroll, reconcile "
                         "garnishments and answer questions about pay stubs.")
    assert [(f.line, f.message) for f in consistency(lint_text(copied), "C004")] == [
        (line_of(copied, "- Run the biweekly payroll"), "payroll vocabulary in a Security "
         "Operations Analyst report: payroll, garnishments, pay stubs")]


def test_shared_terms_of_a_neighbouring_job_are_not_drift(lint_text: Lint) -> None:
    text = with_bullet(PRODUCT, "- Hiring managers probe", "Weigh technical debt against the "
                       "next launch, review the API design with engineers and read whether "
                       "the A/B test reached statistical significance.")
    assert consistency(lint_text(text), "C004") == []
    copied = with_bullet(PRODUCT, "- Hiring managers probe", "Review pull requests, raise unit "
                         "test coverage and refactor the monolith into microservices.")
    assert [f.message for f in consistency(lint_text(copied), "C004")] == [
        "software engineering vocabulary in a Product Manager report: pull requests, test "
        "coverage, refactor, monolith, microservices"]


def test_one_borrowed_term_counts_only_beside_a_paragraph_of_its_family(
        lint_text: Lint) -> None:
    lone = with_bullet(GOOD, "- Triage alerts and tickets", "Some analysts later move to a "
                       "team with a quota.")
    assert consistency(lint_text(lone), "C004") == []
    beside = with_bullet(lone, "- Triage alerts and tickets", "Run discovery calls, build a "
                         "mutual action plan and protect your win rate.")
    assert [f.line for f in consistency(lint_text(beside), "C004")] == [
        line_of(beside, "- Run discovery calls"), line_of(beside, "- Some analysts later")]


def test_thresholds_and_family_come_from_config(imported_example: Path) -> None:
    assert consistency(lint([imported_example], rules={"C005": {"share": 0.5}}), "C005") == []
    strict = consistency(lint([imported_example], rules={"C004": {"min_weight": 4}}), "C004")
    assert 0 < len(strict) < len(consistency(lint([imported_example]), "C004"))
    # Read as a sales report, the page's support passages are the ones out of place.
    as_sales = consistency(lint([imported_example], rules={"C004": {"family": "sales"}}), "C004")
    assert {dict(f.data)["family"] for f in as_sales} == {"customer support"}
    # A list makes both families the role's own: nothing is foreign any more.
    both = consistency(lint([imported_example], rules={"C004": {"family": [
        "customer_support", "sales"]}}), "C004", "C005")
    assert both == []


def test_config_adds_words_to_a_family(lint_text: Lint) -> None:
    text = with_bullet(GOOD, "- Triage alerts and tickets", "Chase the spiff and the "
                       "accelerator before quarter end.")
    assert consistency(lint_text(text), "C004") == []
    extended = lint_text(text, data={"role_families": {"families": {"sales": {
        "strong": ["spiff", "accelerator"]}}}})
    assert [f.message for f in consistency(extended, "C004")] == [
        "sales vocabulary in a Production Support Analyst report: spiff, accelerator"]


def test_config_adds_a_family(lint_text: Lint) -> None:
    clinical = {"label": "clinical", "titles": ["Staff Nurse"],
                "strong": ["care plan", "bedside handover"]}
    text = with_bullet(GOOD, "- Triage alerts and tickets", "Write the care plan and lead the "
                       "bedside handover.")
    found = lint_text(text, data={"role_families": {"families": {"clinical": clinical}}})
    assert [f.message for f in consistency(found, "C004")] == [
        "clinical vocabulary in a Production Support Analyst report: care plan, bedside handover"]


def test_broken_config_data_gives_no_traceback(lint_text: Lint) -> None:
    broken = {"role_families": {"families": {"sales": "not a mapping"}},
              "job_titles": {"heads": 3, "self_before": {"x": 1}},
              "markets": {"slots": ["(unclosed {industry}"], "regions": ["US"]}}
    assert consistency(lint_text(GOOD, data=broken)) == []


# --- C006 templated-heading-mismatch, C007 published-before-year -----------------------

def test_templated_headings_must_match_the_front_matter(lint_text: Lint) -> None:
    text = (GOOD.replace("## Market Snapshot (2025)", "## Market Snapshot (2024)")
            .replace("## Industry Lens: Fintech", "## Industry Lens: Retail")
            .replace("## Compensation & Leveling (US)", "## Compensation & Leveling (UK)"))
    found = consistency(lint_text(text), "C006")
    assert [(f.line, f.message) for f in found] == [
        (line_of(text, "## Market Snapshot"), '"Market Snapshot (2024)" names 2024; the report '
                                              "is for 2025"),
        (line_of(text, "## Industry Lens"), '"Industry Lens: Retail" names "Retail"; the '
                                            "report's industry is Fintech"),
        (line_of(text, "## Compensation"), '"Compensation & Leveling (UK)" names UK; the '
                                           "report's region is US"),
    ]


def test_other_names_for_the_same_market_are_fine(lint_text: Lint) -> None:
    text = (GOOD.replace("## Industry Lens: Fintech", "## Industry Lens: Financial Technology")
            .replace("## Compensation & Leveling (US)",
                     "## Compensation & Leveling (United States, remote)"))
    assert consistency(lint_text(text), "C006") == []


def test_published_before_the_year(lint_text: Lint) -> None:
    text = GOOD.replace("published: 2025-12-01", "published: 2024-11-02")
    found = consistency(lint_text(text), "C007")
    assert [(f.line, f.message) for f in found] == [
        (line_of(text, "published:"), "published 2024-11-02 is before the report's year, "
                                      "2025, begins")]
    assert consistency(lint_text(GOOD.replace("published: 2025-12-01", "published: 2026-01-10")),
                       "C007") == []


# --- C008 other-industry-or-region -----------------------------------------------------

def test_another_industry_or_region_in_the_templated_spots(lint_text: Lint) -> None:
    text = with_bullet(GOOD, "- Every defect carries", "In Retail, outages peak on "
                       "holiday weekends.")
    text = with_bullet(text, "- Every defect carries", "Hiring is steady in the UK market, "
                       "where examiners ask for resilience tests.")
    found = consistency(lint_text(text), "C008")
    assert [(f.line, f.column, f.message) for f in found] == [
        (line_of(text, "- Hiring is steady"), 27, 'names the region "UK" where the report\'s '
         "own goes; this report is about US"),
        (line_of(text, "- In Retail"), 6, 'names the industry "Retail" where the report\'s '
         "own goes; this report is about Fintech"),
    ]


def test_the_report_s_own_market_and_ordinary_mentions_are_fine(lint_text: Lint) -> None:
    text = with_bullet(GOOD, "- Every defect carries", "In fintech, a retail bank partner "
                       "and UK card schemes shape the queue; in the US market, rails never "
                       "close.")
    assert consistency(lint_text(text), "C008") == []


def test_codes_are_documented_with_an_example() -> None:
    from reportlint.rules.registry import all_rules

    rules = [rule for rule in all_rules() if rule.category.value == "consistency"]
    assert [rule.code for rule in rules] == [f"C00{n}" for n in range(1, 9)]
    for rule in rules:
        doc = rule.documentation()
        assert "**What it does.**" in doc and "**Why is this bad?**" in doc
        assert "**Example.**" in doc and "Use instead" in doc


# --- bad-text fixtures for other role families: exactly these findings -----------------

FIXTURE_FINDINGS = {
    "data-analyst-healthcare-us-2025.md": [
        (7, "C007", "published 2024-12-01 is before the report's year, 2025, begins"),
        # Organic traffic and MQLs are numbers an analyst reports; the calendar and SEO
        # are a marketer's work.
        (19, "C004", "marketing vocabulary in a Data Analyst report: content calendar, SEO"),
        (22, "C006", '"Market Snapshot (2024)" names 2024; the report is for 2025'),
        (29, "C008", 'names the industry "Retail" where the report\'s own goes; this report is '
                     "about Healthcare"),
        (47, "C006", '"Industry Lens: Retail" names "Retail"; the report\'s industry is '
                     "Healthcare"),
        (57, "C003", '"Data Scientist" where the report speaks of its own role ("as a"); this '
                     "report is about a Data Analyst"),
        (62, "C004", "marketing vocabulary in a Data Analyst report: landing page, email "
                     "nurture"),
        (77, "C002", 'role written "data anlyst" (spelling); the front matter calls it '
                     '"Data Analyst"'),
        (117, "C002", 'role written "Data-Analyst" (hyphenation); the front matter calls it '
                      '"Data Analyst"'),
    ],
    "product-designer-saas-us-2025.md": [
        (19, "C004", "software engineering vocabulary in a Product Designer report: pull "
                     "requests, unit tests, test coverage"),
        (20, "C008", 'names the region "UK" where the report\'s own goes; this report is about US'),
        (57, "C004", "software engineering vocabulary in a Product Designer report: refactor, "
                     "monolith, microservices, code review"),
        (57, "C003", '"Frontend Engineer" where the report speaks of its own role ("as a"); this '
                     "report is about a Product Designer"),
        (77, "C002", 'role written "ux designer" (case); the front matter calls it "UX Designer"'),
        (119, "C006", '"Compensation & Leveling (UK)" names UK; the report\'s region is US'),
    ],
}


@pytest.mark.parametrize("name", sorted(FIXTURE_FINDINGS))
def test_bad_fixture_gets_exactly_its_findings(name: str) -> None:
    found = consistency(lint([BAD / name]))
    assert [(f.line, f.rule, f.message) for f in found] == FIXTURE_FINDINGS[name]


@given(st.lists(st.sampled_from(["health care", "Health", "US", "United States", "fintech",
                                 "retail banks", "retail", "EU", "energy", "States"]),
                max_size=10, unique=True),
       st.sets(st.sampled_from(["health care", "Health", "US", "States", "retail", "energy"])),
       st.sampled_from(["Health care and retail banks in the United States and the EU.",
                        "US energy firms; health systems, retail and fintech in States.",
                        "HEALTH CARE is not health care; Retails, energies, fintechs."]))
def test_a_matcher_less_some_phrases_finds_what_one_built_without_them_finds(
        names: list[str], left_out: set[str], text: str) -> None:
    from reportlint.document.text import PhraseMatcher

    fewer = PhraseMatcher((name, name) for name in names).without(left_out)
    built = PhraseMatcher((name, name) for name in names if name not in left_out)
    assert fewer.find(text) == built.find(text)
    assert bool(fewer) == bool(built)
