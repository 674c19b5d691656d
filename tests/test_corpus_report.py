"""The corpus page: one self-contained HTML file an editor can read without the CLI."""

from __future__ import annotations

import re
import shutil
from html import escape
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import CLEAN_FIXTURES, CONTENT
from reportlint.cli import main
from reportlint.config import Config
from reportlint.corpus.passages import SharedPassage
from reportlint.findings import Category, Finding, Severity
from reportlint.reporters.corpuspage import render_page
from reportlint.reporters.corpuspage.facts import (
    FINDINGS_PER_REPORT,
    CorpusFacts,
    Drift,
    collect_facts,
    report_drift,
    role_family_drift,
)
from reportlint.reporters.corpuspage.sections import doc_html
from reportlint.rules.registry import all_rules
from reportlint.run.gate import sample_findings

SELLER = CONTENT / "account-executive-saas-us-2025.md"
ANALYST = CLEAN_FIXTURES / "data-analyst-retail-us-2025.md"


@pytest.fixture
def corpus(tmp_path: Path, imported_example: Path) -> Path:
    """Two clean reports and the imported example page."""
    root = tmp_path / "reports"
    root.mkdir()
    for source in (SELLER, ANALYST, imported_example):
        shutil.copy(source, root / source.name)
    return root


def page_for(root: Path, **options: object) -> str:
    return render_page(collect_facts(root, Config(), **options))  # type: ignore[arg-type]


def test_the_page_is_self_contained(corpus: Path) -> None:
    page = page_for(corpus)
    assert page.startswith("<!DOCTYPE html>")
    # Nothing is fetched: no external script, style sheet, image, font or frame, and a
    # content security policy that would block one anyway.
    assert "default-src 'none'" in page
    assert not re.search(r"<(script|img|iframe|link)[^>]*\s(src|href)=", page)
    assert "@import" not in page and "url(" not in page
    assert not re.search(r'(src|href)="(https?:)?//', page)


def test_every_internal_link_has_a_target(corpus: Path) -> None:
    page = page_for(corpus)
    targets = set(re.findall(r'\sid="([^"]+)"', page))
    links = set(re.findall(r'href="#([^"]+)"', page))
    assert links and links <= targets


def test_every_rule_is_explained_on_the_page(corpus: Path) -> None:
    page = page_for(corpus)
    for rule in all_rules():
        assert f'id="rule-{rule.code}"' in page
    assert "<strong>What it does.</strong>" in page


def test_summary_table_and_charts(corpus: Path, imported_example: Path) -> None:
    facts = collect_facts(corpus, Config())
    page = render_page(facts)
    assert len(facts.gate.reports) == 3
    assert '<div class="tile-value">3</div><div class="tile-label">Reports checked' in page
    assert '<div class="tile-value">66.7%</div>' in page  # the example fails
    table = page.split('id="report-table"')[1].split("</table>")[0]
    assert table.count("<tr class=") == 3
    # Failing reports first, and each links to its findings.
    rows = re.findall(r'<tr class="(pass|fail)"><td data-sort="([^"]+)">', table)
    assert [status for status, _ in rows] == ["fail", "pass", "pass"]
    example_index = next(i for i, r in enumerate(facts.gate.reports)
                         if r.path == imported_example.name)
    assert f'<a href="#report-{example_index}">{imported_example.name}</a>' in table
    assert page.count('<svg class="chart"') >= 2
    categories = page.split('id="chart-categories"')[1].split("</svg>")[0]
    assert categories.count("<g class=\"bar\"") == 5
    worst = page.split('id="chart-worst"')[1].split("</svg>")[0]
    assert f'data-label="{imported_example.name}"' in worst
    assert 'href="#rule-S007"' in page  # the example's proof map, linked to its rule


def test_report_text_is_escaped(tmp_path: Path) -> None:
    front = SELLER.read_text(encoding="utf-8").split("## Executive Summary")[0]
    (tmp_path / "draft.md").write_text(f"{front}## <script>alert('x')</script>\n\nText.\n",
                                       encoding="utf-8")
    page = page_for(tmp_path)
    assert "<script>alert" not in page
    assert "&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt;" in page


def test_a_clean_corpus_says_so(tmp_path: Path) -> None:
    shutil.copy(SELLER, tmp_path / SELLER.name)
    page = page_for(tmp_path, title="Spring release")
    assert "<h1>Spring release</h1>" in page
    assert "No report has any finding." in page
    assert "No rule found anything." in page
    assert '<div class="tile-value">100.0%</div>' in page


def test_role_family_drift_from_finding_data() -> None:
    findings = [
        Finding("a.md", 1, 1, "C900", "reads like a sales report (41% of its role words)",
                "role-family-drift", Category.CONSISTENCY, Severity.WARNING,
                data=(("family", "sales"), ("share", 0.41))),
        Finding("b.md", 9, 1, "C900", "reads like an engineering report",
                "role-family-drift", Category.CONSISTENCY, Severity.WARNING,
                data=(("family", "engineering"), ("share", 0.72))),
        # A finding with a family but no share is per-paragraph, not report-level drift.
        Finding("a.md", 5, 1, "C901", "a sales word", "foreign-vocabulary",
                Category.CONSISTENCY, Severity.INFO, data=(("family", "sales"),)),
    ]
    drift, note = role_family_drift(report_drift(findings), all_rules())
    assert note == ""
    assert drift == [Drift("b.md", "engineering", 0.72, "C900",
                           "reads like an engineering report"),
                     Drift("a.md", "sales", 0.41, "C900",
                           "reads like a sales report (41% of its role words)")]


def test_drift_is_plainly_unavailable_when_its_rule_is_off(tmp_path: Path) -> None:
    rules = tuple(rule for rule in all_rules() if "drift" not in rule.name)
    drift, note = role_family_drift([], rules)
    assert drift is None
    assert "turned off" in note
    shutil.copy(SELLER, tmp_path / SELLER.name)
    facts = collect_facts(tmp_path, Config(ignore=["role-drift"]))
    assert facts.drift is None
    assert f'<p class="unavailable">{escape(facts.drift_note)}</p>' in render_page(facts)


def test_the_most_widely_shared_passages(tmp_path: Path) -> None:
    seller = SELLER.read_text(encoding="utf-8")
    snapshot = seller.split("## Market Snapshot (2025)\n\n")[1].split("\n\n")[0]
    shutil.copy(SELLER, tmp_path / SELLER.name)
    analyst = ANALYST.read_text(encoding="utf-8")
    marker = "## Demand Drivers\n\n"
    assert marker in analyst
    (tmp_path / ANALYST.name).write_text(analyst.replace(marker, f"{marker}{snapshot}\n\n", 1),
                                         encoding="utf-8")
    facts = collect_facts(tmp_path, Config())
    assert facts.passages, "the pasted paragraph is shared by two reports"
    top = facts.passages[0]
    assert top.reports == 2 and top.exact
    assert {Path(path).name for path, _ in top.places} == {SELLER.name, ANALYST.name}
    page = render_page(facts)
    assert "in 2 reports, word for word" in page
    assert escape(top.text[:60]) in page


def facts_with(tmp_path: Path, **extra: object) -> CorpusFacts:
    shutil.copy(SELLER, tmp_path / SELLER.name)
    facts = collect_facts(tmp_path, Config())
    for key, value in extra.items():
        setattr(facts, key, value)
    return facts


def test_passages_and_drift_are_shown(tmp_path: Path) -> None:
    display = (tmp_path / SELLER.name).as_posix()
    facts = facts_with(
        tmp_path,
        passages=[SharedPassage("Hiring managers buy predictability.", 3,
                                ((display, 20), ("b.md", 7), ("c.md", 9)), True),
                  SharedPassage("Ask for the quota and the ramp.", 2,
                                (("b.md", 3), ("c.md", 4)), False)],
        drift=[Drift(display, "sales", 0.5, "C900", "reads like a sales report")])
    page = render_page(facts)
    assert "<blockquote>Hiring managers buy predictability.</blockquote>" in page
    assert "in 3 reports, word for word" in page and "b.md:7" in page
    assert "in 2 reports, nearly word for word" in page
    # The one report in this corpus has no findings, so its place is not a link.
    assert f"<li>{SELLER.name}:20</li>" in page
    assert 'id="chart-drift"' in page and 'data-label="sales"' in page
    assert "50%" in page
    assert f'<td>{SELLER.name}</td><td>sales</td>' in page  # no findings: no link


def test_paragraphs_in_another_familys_words_are_counted(tmp_path: Path) -> None:
    display = (tmp_path / SELLER.name).as_posix()
    facts = facts_with(tmp_path, drift=[], foreign=[(display, "engineering"),
                                                    (display, "engineering"), ("b.md", "sales")])
    page = render_page(facts)
    assert 'id="chart-drift"' not in page  # no report drifts as a whole
    assert ('<tr><td>engineering</td><td class="num">0</td><td class="num">2</td>'
            '<td class="num">1</td></tr>') in page


def test_the_example_page_drifts_toward_sales(corpus: Path, imported_example: Path) -> None:
    facts = collect_facts(corpus, Config())
    assert facts.drift is not None and facts.drift_note == ""
    example = [d for d in facts.drift if d.path.endswith(imported_example.name)]
    assert len(example) == 1 and example[0].family.lower() == "sales"
    assert 0.1 <= example[0].share <= 1
    assert any(path.endswith(imported_example.name) and family.lower() == "sales"
               for path, family in facts.foreign)
    page = render_page(facts)
    assert 'id="chart-drift"' in page and "Most drifted reports" in page


def test_doc_html() -> None:
    assert doc_html("**What it does.** Flags `<b>` tags.\n\nSecond **part**.") == (
        "<p><strong>What it does.</strong> Flags <code>&lt;b&gt;</code> tags.</p>"
        "<p>Second <strong>part</strong>.</p>")
    assert doc_html("A `**not bold**` code span.") == (
        "<p>A <code>**not bold**</code> code span.</p>")


def test_report_command_writes_the_page(tmp_path: Path) -> None:
    shutil.copy(SELLER, tmp_path / SELLER.name)
    output = tmp_path / "out" / "page.html"
    output.parent.mkdir()
    result = CliRunner().invoke(main, ["report", str(tmp_path), "-o", str(output)])
    assert result.exit_code == 0, result.output
    assert output.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    assert f"wrote {output}" in result.stderr
    quiet = CliRunner().invoke(main, ["report", str(tmp_path), "-o", str(output), "-q"])
    assert (quiet.exit_code, quiet.stderr) == (0, "")


def test_report_command_on_a_missing_folder(tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["report", str(tmp_path / "nowhere"),
                                       "-o", str(tmp_path / "page.html")])
    assert result.exit_code == 2
    assert not (tmp_path / "page.html").exists()


def test_a_noisy_rule_cannot_hide_the_others() -> None:
    def finding(line: int, rule: str, severity: Severity = Severity.WARNING) -> Finding:
        return Finding("a.md", line, 1, rule, f"{rule} at {line}", severity=severity)

    noisy = [finding(line, "D004") for line in range(1, 80)]
    rare = [finding(200, "E001"), finding(300, "S001", Severity.ERROR)]
    shown = sample_findings(noisy + rare, per_rule=3, total=15)
    assert [f.rule for f in shown] == ["D004", "D004", "D004", "E001", "S001"]
    assert [f.line for f in shown] == [1, 2, 3, 200, 300]
    # Every rule shows once before any shows twice; the error's rule comes first.
    shown = sample_findings(noisy + rare, per_rule=3, total=2)
    assert [(f.rule, f.line) for f in shown] == [("D004", 1), ("S001", 300)]


def test_a_first_build_reads_each_report_once(tmp_path: Path, reads: list[str]) -> None:
    """The shared passages come from what the gate's check left in the cache."""
    from conftest import mixed_corpus

    folder = mixed_corpus(tmp_path / "reports")
    cached = collect_facts(folder, Config(), cache_root=folder)
    twice = {Path(path).name for path in reads if reads.count(path) > 1}
    assert len(reads) > 10 and twice <= {"empty.md", "binary.md"}  # nothing to summarize
    assert cached.passages and cached.passages == collect_facts(folder, Config()).passages


def test_page_names_categories_as_the_cli_shows_labels_whole_and_errors_first(
        tmp_path: Path) -> None:
    from reportlint.findings import Category
    from reportlint.reporters.corpuspage import render_page
    from reportlint.reporters.corpuspage.facts import collect_facts

    root = tmp_path / "a-corpus-folder-with-a-long-name"
    root.mkdir()
    long_name = "a-report-whose-file-name-is-much-longer-than-thirty-characters-2025.md"
    text = (CONTENT / "account-executive-saas-us-2025.md").read_text(encoding="utf-8")
    # An error (the report cut off) and warnings (a typo'd heading) in one report.
    (root / long_name).write_text(text.split("## Demand Drivers")[0].replace(
        "## Market Snapshot", "## Market Snapshoot", 1), encoding="utf-8")
    html = render_page(collect_facts(root, Config()))
    chart = html[html.index('id="chart-categories"'):]
    chart = chart[:chart.index("</svg>")]
    assert re.findall(r'data-label="([^"]+)"', chart) == [c.value for c in Category]
    assert "…</text>" not in html and f">{escape(long_name)}</text>" in html
    section = html[html.index('<section class="report"'):]
    classes = re.findall(r'<tr><td>\d+</td><td class="(\w+)">', section)
    order = {"error": 3, "warning": 2, "info": 1}
    assert len(set(classes)) > 1
    assert [order[c] for c in classes] == sorted((order[c] for c in classes), reverse=True)


def test_the_page_keeps_only_the_findings_it_shows(tmp_path: Path) -> None:
    """A corpus's findings are not held for the page: of each report it keeps the sample
    it shows, and its counts (summary, kinds, rules) come from the gate's."""
    text = SELLER.read_text(encoding="utf-8")
    placeholders = "".join(f"\nTODO: fill in point {n}.\n" for n in range(30))
    (tmp_path / "busy.md").write_text(text + placeholders, encoding="utf-8")
    shutil.copy(SELLER, tmp_path / SELLER.name)
    facts = collect_facts(tmp_path, Config())
    busy = next(r for r in facts.gate.reports if r.path == "busy.md")
    assert busy.findings > FINDINGS_PER_REPORT + 10
    assert 0 < len(facts.shown_of(busy)) <= FINDINGS_PER_REPORT
    assert sum(len(shown) for shown in facts.shown.values()) < busy.findings
    page = render_page(facts)
    everything = sum(r.findings for r in facts.gate.reports)
    assert f'<div class="tile-value">{everything:,}</div><div class="tile-label">Findings' in page
    count = max(busy.by_rule.values())
    assert f'<td class="num">{count:,}</td></tr>' in page
    assert f"{busy.findings - len(facts.shown_of(busy))} more findings not shown" in page
