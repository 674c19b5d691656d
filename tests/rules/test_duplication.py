"""Duplication rules on real report text: repeated sentences, over-used phrases,
near-identical sentences, and passages shared across reports."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner
from conftest import CLEAN_FIXTURES, FIXTURES, ROOT, clean_reports, lint
from reportlint.cli import main
from reportlint.corpus.passages import SharedPassage
from reportlint.document.text import label_end, normalize, words
from reportlint.findings import Finding
from reportlint.run.duplicates import find_shared_passages

BASE = (CLEAN_FIXTURES / "backend-engineer-fintech-uk-2025.md").read_text(encoding="utf-8")
SHARED = FIXTURES / "duplication"
ANALYST = SHARED / "data-analyst-retail-us-2025.md"
MANAGER = SHARED / "product-manager-edtech-canada-2025.md"
Lint = Callable[..., list[Finding]]


def with_bullets(heading: str, *bullets: str, text: str = BASE) -> str:
    """The report with bullets added at the top of the section under `heading`."""
    start = text.index(f"\n{heading}") + 1
    end = text.index("\n", start) + 1
    added = "".join(f"- {b}\n" for b in bullets)
    return text[:end] + "\n" + added + text[end:]


def duplication(findings: list[Finding], code: str | None = None) -> list[Finding]:
    return [f for f in findings if f.category.value == "duplication"
            and (code is None or f.rule == code)]


def line(path: Path, number: int) -> str:
    return path.read_text(encoding="utf-8").splitlines()[number - 1]


# Clean reports ------------------------------------------------------------------------

def test_clean_reports_have_no_duplication_findings_alone_or_together() -> None:
    reports = clean_reports()
    assert len(reports) >= 12
    assert duplication(lint(reports)) == []


# D001 repeated-sentence -----------------------------------------------------------------

def test_a_sentence_repeated_under_a_label_is_reported_at_the_later_copy(lint_text: Lint) -> None:
    text = with_bullets("## Executive Summary",
                        "Best proof: a reconciliation job that you ran against real ledgers.")
    text = with_bullets("## Portfolio & Proof Artifacts",
                        "A reconciliation job that you ran against real ledgers.", text=text)
    [finding] = duplication(lint_text(text), "D001")
    first = text[:text.index("Best proof")].count("\n") + 1
    assert finding.line == text[:text.index("- A reconciliation job that")].count("\n") + 1
    assert f"repeats line {first}" in finding.message
    assert finding.section == "Portfolio & Proof Artifacts"


def test_short_sentences_and_different_sentences_are_left_alone(lint_text: Lint) -> None:
    text = with_bullets("## Executive Summary", "Definitions vary.",
                        "A reconciliation job run against real ledgers.")
    text = with_bullets("## Portfolio & Proof Artifacts", "Definitions vary.",
                        "A reconciliation job run against sandbox ledgers.", text=text)
    assert duplication(lint_text(text), "D001") == []


def test_a_sentence_said_three_times_is_one_finding_naming_every_copy(lint_text: Lint) -> None:
    sentence = "Keep a written record of every ledger correction and who approved it."
    text = with_bullets("## Executive Summary", sentence)
    text = with_bullets("## Portfolio & Proof Artifacts", sentence, text=text)
    text = with_bullets("## Interview Prep Checklist", sentence, text=text)
    [finding] = duplication(lint_text(text), "D001")
    places = [n for n, row in enumerate(text.splitlines(), 1) if row == f"- {sentence}"]
    assert finding.line == places[1]
    assert finding.message.startswith(
        f"sentence repeats line {places[0]} and again on line {places[2]}:")
    assert dict(finding.data)["lines"] == tuple(places)


def test_topic_names_of_an_overview_list_and_its_detail_are_not_repeated(
        lint_text: Lint) -> None:
    # The same topic heads an overview and the list that details it; a short item
    # that does not close as a sentence is a name, not a sentence said twice.
    topics = ("Payment scheme rules and settlement", "Idempotent API design patterns")
    text = with_bullets("## Skills & Signals (What gets interviews)", *topics)
    text = with_bullets("### Signals that pass screens", *topics, text=text)
    assert duplication(lint_text(text), "D001") == []
    text = with_bullets("## Portfolio & Proof Artifacts",
                        "Idempotent API design patterns are the core of the role.", text=text)
    text = with_bullets("## Interview Prep Checklist",
                        "Idempotent API design patterns are the core of the role.", text=text)
    assert len(duplication(lint_text(text), "D001")) == 1


# D002 over-used-phrase ------------------------------------------------------------------

PHRASE_BULLETS = (
    "Show reconciling ledger breaks after settlement in one worked example.",
    "Interviewers ask about reconciling ledger breaks after settlement in the design round.",
    "Teams hire for reconciling ledger breaks after settlement when volumes grow.",
    "A runbook for reconciling ledger breaks after settlement makes a strong artifact.",
)


def test_a_phrase_used_four_times_is_reported_once_as_the_longest(lint_text: Lint) -> None:
    text = with_bullets("## Demand Drivers", *PHRASE_BULLETS)
    [finding] = duplication(lint_text(text), "D002")
    data = dict(finding.data)
    assert data["phrase"] == "reconciling ledger breaks after settlement"
    assert data["count"] == 4
    assert len(data["lines"]) == 4  # type: ignore[arg-type]
    assert finding.message.startswith('"reconciling ledger breaks after settlement" is used 4')


def test_a_phrase_used_three_times_or_the_role_name_is_left_alone(lint_text: Lint) -> None:
    text = with_bullets("## Demand Drivers", *PHRASE_BULLETS[:3],
                        "A Backend Engineer in Fintech ships payment services.",
                        "A Backend Engineer in Fintech reviews ledger code.",
                        "A Backend Engineer in Fintech writes migration plans.",
                        "A Backend Engineer in Fintech joins the on-call rota.")
    assert duplication(lint_text(text), "D002") == []


def test_phrase_thresholds_come_from_config(lint_text: Lint) -> None:
    text = with_bullets("## Demand Drivers", *PHRASE_BULLETS[:3])
    findings = lint_text(text, rules={"D002": {"min_count": {"2": 10, "4": 3}}})
    assert [dict(f.data)["count"] for f in duplication(findings, "D002")] == [3]


def test_the_subject_of_the_report_is_not_an_overused_phrase(lint_text: Lint) -> None:
    # The role's plural and hyphenated forms, a job title, a term of the trade, a term
    # defined with an acronym and a list of named tools, each in four sections.
    sections = ("## Market Snapshot (2025)", "## Demand Drivers", "## Hiring Loop (What "
                "interviews test)", "## Interview Prep Checklist")
    text = BASE
    for heading in sections:
        text = with_bullets(
            heading,
            "Back-end engineers in payments talk to compliance officers about payment "
            "reconciliation every week.",
            "Teams watch mean time to recovery (MTTR) on the ledger service.",
            "The stack is Go, Kafka and PostgreSQL on managed clusters.", text=text)
    assert duplication(lint_text(text), "D002") == []


def test_a_phrase_repeated_only_by_copies_of_one_sentence_is_d001s(lint_text: Lint) -> None:
    sentence = "Bring one story about reconciling ledger breaks after settlement."
    text = with_bullets("## Demand Drivers", sentence)
    for heading in ("## Portfolio & Proof Artifacts", "## Interview Prep Checklist",
                    "## Risks & Outlook"):
        text = with_bullets(heading, sentence, text=text)
    findings = duplication(lint_text(text))
    assert [f.rule for f in findings] == ["D001"]
    assert len(dict(findings[0].data)["lines"]) == 4  # type: ignore[arg-type]


def test_a_frame_opening_each_item_is_not_an_overused_phrase(lint_text: Lint) -> None:
    text = with_bullets(
        "## Hiring Loop (What interviews test)",
        "System design: the candidate should be able to explain how retries stay idempotent.",
        "Code review: the candidate should be able to explain why the diff is unsafe.",
        "Incident review: the candidate should be able to explain what paged them and why.",
        "Final round: the candidate should be able to explain a trade-off they regret.")
    assert duplication(lint_text(text), "D002") == []


def test_a_short_phrase_counts_only_when_poured_into_slots(lint_text: Lint) -> None:
    # "ledger breaks" in ten sentences is a term; in slots after labels and in
    # parentheses it is a template's filler.
    plain = [
        "The hiring manager asks how you triage ledger breaks in the first call.",
        "Ledger breaks pile up when settlement files arrive late.",
        "Finance reviews open ledger breaks after every month-end.",
        "An auditor samples ledger breaks before sign-off.",
        "Operations owns the queue of ledger breaks overnight.",
        "The design round often turns to ledger breaks and retries.",
        "Your lead will want a weekly count of ledger breaks by cause.",
        "Regulators care less about ledger breaks than about how long they stay open.",
        "Support hears about ledger breaks from customers first.",
        "A product launch is a common source of new ledger breaks.",
    ]
    text = with_bullets("## Demand Drivers", *plain[:5])
    text = with_bullets("## Interview Prep Checklist", *plain[5:], text=text)
    assert duplication(lint_text(text), "D002") == []
    text = with_bullets("## Risks & Outlook", "Reality check: ledger breaks.",
                        "What shapes approvals: ledger breaks.",
                        "Plan around ledger breaks.", text=text)
    [finding] = duplication(lint_text(text), "D002")
    assert dict(finding.data)["phrase"] == "ledger breaks"


def test_what_counts_as_a_term_comes_from_config(lint_text: Lint) -> None:
    # Four words with no function word: a term by default, a phrase when terms are
    # set to two words at most.
    text = BASE
    for heading, sentence in (
            ("## Demand Drivers", "Chargeback volume keeps card dispute evidence packs busy."),
            ("## Interview Prep Checklist", "Bring card dispute evidence packs you wrote."),
            ("## Portfolio & Proof Artifacts", "Redacted card dispute evidence packs work."),
            ("## Risks & Outlook", "Automation may write card dispute evidence packs.")):
        text = with_bullets(heading, sentence, text=text)
    assert duplication(lint_text(text), "D002") == []
    findings = duplication(lint_text(text, rules={"D002": {"term_words": 2}}), "D002")
    assert [dict(f.data)["phrase"] for f in findings] == ["card dispute evidence packs"]


# D003 near-identical-sentences ----------------------------------------------------------

def test_a_refilled_slot_is_near_identical_and_shows_the_differing_words(
        lint_text: Lint) -> None:
    text = with_bullets(
        "## Interview Prep Checklist",
        "Before the system design round, write down two questions about scale and rehearse "
        "your answers aloud.",
        "Before the code review round, write down two questions about scale and rehearse "
        "your answers aloud.")
    [finding] = duplication(lint_text(text), "D003")
    assert '"system design" there, "code review" here' in finding.message
    assert dict(finding.data)["other_line"] == finding.line - 1


def test_sentences_sharing_their_words_in_another_order_are_not_near_identical(
        lint_text: Lint) -> None:
    # A token-set ratio calls these the same; they ask different things.
    text = with_bullets(
        "## Interview Prep Checklist",
        "Review the refund policy before the first shift and ask who approves exceptions.",
        "Ask who approves exceptions to the refund policy before the first shift review.")
    assert duplication(lint_text(text), "D003") == []


def test_a_label_restated_by_a_sibling_bullet_is_near_identical(lint_text: Lint) -> None:
    text = with_bullets("### Questions that uncover constraints",
                        "Remote pay banding: which office sets the band for remote staff.",
                        "Banding for remote staff: how pay follows the place you live.")
    [finding] = duplication(lint_text(text), "D003")
    assert "Remote pay banding" in finding.message


def test_numbered_labels_of_a_plan_are_not_restatements(lint_text: Lint) -> None:
    text = with_bullets("### Candidate plan (30 / 60 / 90 days)",
                        "Month one: read the incident history, then plan month two.",
                        "Month two: lead a small design review for month one's findings.")
    assert duplication(lint_text(text), "D003") == []


def test_lead_ins_levels_and_answers_are_not_near_identical(lint_text: Lint) -> None:
    text = with_bullets(
        "## Hiring Loop (What interviews test)",
        "Some of the questions in the system design round are:",
        "Some of the questions in the code review round are:",
        "Entry: basic understanding of payment scheme rules.",
        "Senior: deep understanding of payment scheme rules.")
    text = text.replace("### Do I need a finance background?",
                        "### How long does it take to become a payments engineer?\n\n"
                        "It takes about two years to become a payments engineer.\n\n"
                        "### Do I need a finance background?")
    assert duplication(lint_text(text), "D003") == []


def test_copies_of_a_near_identical_pair_are_one_finding(lint_text: Lint) -> None:
    first = ("After the system design round, list the two questions you could not answer "
             "and look them up that evening.")
    second = first.replace("system design", "code review")
    text = with_bullets("## Interview Prep Checklist", first, second)
    text = with_bullets("## Action Plan", first, second, text=text)
    assert len(duplication(lint_text(text), "D003")) == 1
    assert len(duplication(lint_text(text), "D001")) == 2


def test_the_shared_words_a_near_pair_needs_come_from_config(lint_text: Lint) -> None:
    text = with_bullets("### Career steps (practical)",
                        "Entry: basic understanding of payment scheme rules.",
                        "Senior: deep understanding of payment scheme rules.")
    assert duplication(lint_text(text), "D003") == []
    findings = lint_text(text, rules={"D003": {"near_min_shared": 4}})
    [finding] = duplication(findings, "D003")
    assert "basic" in str(dict(finding.data)["there"])
    assert "deep" in str(dict(finding.data)["here"])


# The imported example page --------------------------------------------------------------

def test_example_page_repeated_sentences(imported_example: Path) -> None:
    findings = duplication(lint([imported_example]), "D001")
    assert len(findings) >= 6
    for finding in findings:
        first = int(dict(finding.data)["first_line"])  # type: ignore[call-overload]
        later, earlier = line(imported_example, finding.line), line(imported_example, first)
        body = normalize(later.lstrip("- ")[label_end(later.lstrip("- ")):])
        assert body and body in normalize(earlier)


def test_example_page_overused_phrases_with_exact_counts(imported_example: Path) -> None:
    findings = duplication(lint([imported_example]), "D002")
    page = " ".join(words(imported_example.read_text(encoding="utf-8").split("\n---\n", 1)[1]))
    found = set()
    for finding in findings:
        data = dict(finding.data)
        phrase, count = str(data["phrase"]), int(data["count"])  # type: ignore[call-overload]
        assert f" {page} ".count(f" {phrase} ") == count  # the count is exact
        assert len(data["lines"]) >= 1  # type: ignore[arg-type]
        found.add((len(phrase.split()), count))
    # The four phrases: 7 words x12, 2 words x12, 5 words x8, 8 words x7.
    assert {(7, 12), (2, 12), (5, 8), (8, 7)} <= found


def test_example_page_near_identical_compensation_bullets(imported_example: Path) -> None:
    findings = duplication(lint([imported_example]), "D003")
    compensation = [f for f in findings if f.section == "Compensation & Leveling"]
    assert any("banding" in line(imported_example, f.line)
               and "banding" in line(imported_example, int(dict(f.data)["other_line"]))  # type: ignore[call-overload]
               and dict(f.data)["there"] and dict(f.data)["here"] for f in compensation)


# The real career guides ------------------------------------------------------------------

REALPAGES = ROOT.parent / "shared" / "realpages"
REPETITION = ("D001", "D002", "D003", "D004", "H002")


@pytest.mark.skipif(not REALPAGES.is_dir(), reason="../shared/realpages is not here")
def test_realpages_get_only_the_repetition_findings_an_editor_agrees_with() -> None:
    pages = sorted(p for p in REALPAGES.glob("*.md") if p.name != "README.md")
    labels = yaml.safe_load((ROOT / "tests" / "judgements" / "realpages" / "repeat.yaml")
                            .read_text(encoding="utf-8"))
    agreed = {(item["file"], item["line"], item["rule"]) for item in labels}
    found = {(Path(f.path).name, f.line, f.rule) for f in lint(pages)
             if f.rule in REPETITION}
    assert found == agreed


# D004 shared-passage --------------------------------------------------------------------

def test_shared_and_near_identical_paragraphs_name_the_other_report() -> None:
    findings = duplication(lint([ANALYST, MANAGER]), "D004")
    by_path: dict[str, list[Finding]] = {}
    for finding in findings:
        by_path.setdefault(Path(finding.path).name, []).append(finding)
    assert sorted(by_path) == [ANALYST.name, MANAGER.name]
    for path, other in ((ANALYST, MANAGER), (MANAGER, ANALYST)):
        messages = [f.message for f in by_path[path.name]]
        assert len(messages) == 2
        assert all(other.name in m for m in messages)
        assert sum("exact copy" in m for m in messages) == 1
        assert sum("near copy" in m for m in messages) == 1
        for finding in by_path[path.name]:
            assert len(line(path, finding.line).split()) >= 58


def test_one_report_alone_has_no_shared_passages() -> None:
    assert duplication(lint([ANALYST]), "D004") == []


def test_house_boilerplate_is_allowed() -> None:
    text = ANALYST.read_text(encoding="utf-8")
    paragraph = next(p for p in text.split("\n\n") if p.startswith("Read this report"))
    findings = lint([ANALYST, MANAGER], data={"boilerplate": {"passages": [paragraph]}})
    messages = [f.message for f in duplication(findings, "D004")]
    assert len(messages) == 2 and all("near copy" in m for m in messages)


def test_boilerplate_slots_stand_for_each_reports_own_names() -> None:
    text = ANALYST.read_text(encoding="utf-8")
    paragraph = next(p for p in text.split("\n\n") if p.startswith("Hiring in 2025"))
    entry = paragraph.replace("Data Analyst", "{role}")
    findings = lint([ANALYST, MANAGER], data={"boilerplate": {"passages": [entry]}})
    # The Product Manager's variant differs in more than the slot, so it still matches
    # the analyst's paragraph nearly; the analyst's own copy is allowed.
    assert not any(Path(f.path) == ANALYST and f.line == 25
                   for f in duplication(findings, "D004"))


def test_an_unreadable_report_in_the_corpus_is_no_traceback(tmp_path: Path) -> None:
    broken = tmp_path / "broken.md"
    broken.write_bytes(b"\xff\xfe not a report")
    findings = lint([ANALYST, MANAGER, broken])
    assert len(duplication(findings, "D004")) == 4


# reportlint duplicates ------------------------------------------------------------------

def test_find_shared_passages_ranks_the_widest_and_longest_first() -> None:
    found = find_shared_passages([SHARED], top=5)
    assert [type(p) for p in found] == [SharedPassage, SharedPassage]
    first, second = found
    assert first.exact and first.reports == 2 and len(first.text.split()) == 60
    assert not second.exact and second.reports == 2
    assert {Path(path).name for path, _ in first.places} == {ANALYST.name, MANAGER.name}


def test_duplicates_command_lists_the_top_passages() -> None:
    result = CliRunner().invoke(main, ["duplicates", str(SHARED), "--top", "1"])
    assert result.exit_code == 0, result.output
    assert result.output.startswith("2 reports (exact): Read this report as a map")
    assert result.output.count("    ") == 2
    result = CliRunner().invoke(main, ["duplicates", str(SHARED), "--format", "json"])
    passages = json.loads(result.output)["passages"]
    assert [p["reports"] for p in passages] == [2, 2]


def test_duplicates_command_on_clean_reports_finds_nothing_shared() -> None:
    result = CliRunner().invoke(main, ["duplicates", str(CLEAN_FIXTURES)])
    assert result.exit_code == 0
    assert result.output == "No passage is shared between reports.\n"


def test_two_files_of_one_report_are_not_compared(tmp_path: Path) -> None:
    # A draft and its final (or the Markdown and YAML forms) are one report.
    draft = tmp_path / "drafts" / ANALYST.name
    draft.parent.mkdir()
    draft.write_text(ANALYST.read_text(encoding="utf-8"), encoding="utf-8")
    findings = duplication(lint([ANALYST, draft, MANAGER]), "D004")
    assert {Path(f.path).name for f in findings} == {ANALYST.name, MANAGER.name}
    assert all("1 other report" in f.message for f in findings)


def test_two_word_labels_sharing_words_with_a_sibling_are_not_restatements(
        lint_text: Lint) -> None:
    text = with_bullets("## Role Variants & Specializations",
                        "Data engineering: ingestion and storage, with early work on data "
                        "exports.",
                        "Platform engineering: shared tooling for data engineering teams.",
                        "Account management: renewals and expansion with existing clients.",
                        "Sales development (for people who enjoy outage management): first "
                        "meetings for account executives.")
    assert duplication(lint_text(text), "D003") == []


def test_d004_options_of_the_wrong_kind_count_as_unset() -> None:
    default = duplication(lint([ANALYST, MANAGER]), "D004")
    odd = {"containment": "high", "sample_modulus": 0, "shingle_words": -1,
           "max_per_report": "ten", "max_names": True}
    assert duplication(lint([ANALYST, MANAGER], rules={"D004": odd}), "D004") == default
