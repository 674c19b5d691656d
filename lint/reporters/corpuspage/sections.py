"""The page's sections as HTML, each from the corpus facts, in plain words for a reader
who has never run the command line."""

from __future__ import annotations

import re
from collections import Counter
from html import escape
from typing import TYPE_CHECKING

from reportlint.findings import Category, Finding, Severity
from reportlint.reporters.corpuspage.charts import Bar, Segment, bar_chart
from reportlint.reporters.corpuspage.facts import PER_RULE

if TYPE_CHECKING:
    from reportlint.reporters.corpuspage.facts import CorpusFacts
    from reportlint.rules.registry import Rule
    from reportlint.run.gate import ReportStatus

WORST_REPORTS = 10
MESSAGE_CHARS = 240
PLACES_PER_PASSAGE = 12
DRIFT_ROWS = 50

# What each category holds, in plain words; the category is named as the CLI names it
# (`reportlint rules`, --statistics, JSON), so a reader can move between them.
CATEGORY_MEANING = {
    Category.STRUCTURE: "sections missing, empty, out of order or unreadable; a broken "
                        "table or header",
    Category.CONSISTENCY: "the role, industry, region or year named differently from the "
                          "report's header, or another job family's vocabulary",
    Category.DUPLICATION: "the same sentence or phrase repeated, or boilerplate shared with "
                          "other reports",
    Category.EVIDENCE: "claims without a citation, citations to missing sources, sources "
                       "never used or without a link or date",
    Category.HYGIENE: "placeholders such as TODO, text left from a template, empty lists, "
                      "stray captions",
}
CATEGORY_COLOURS = {Category.STRUCTURE: "#4f5bd5", Category.CONSISTENCY: "#8e44ad",
                    Category.DUPLICATION: "#138d75", Category.EVIDENCE: "#c0581d",
                    Category.HYGIENE: "#6b7785"}
SEVERITY_COLOURS = {Severity.ERROR: "#c0392b", Severity.WARNING: "#d68910",
                    Severity.INFO: "#2e86c1"}
SEVERITY_WORDS = {Severity.ERROR: "errors", Severity.WARNING: "warnings",
                  Severity.INFO: "notes"}


def plural(count: int, word: str, many: str | None = None) -> str:
    return f"{count:,} {word if count == 1 else (many or word + 's')}"


def failing_levels(fail_on: Severity) -> str:
    return {Severity.ERROR: "an error", Severity.WARNING: "an error or a warning",
            Severity.INFO: "any finding at all (error, warning or note)"}[fail_on]


def report_anchor(index: int) -> str:
    return f"report-{index}"


def rule_link(code: str, text: str | None = None) -> str:
    return f'<a class="rule" href="#rule-{escape(code)}">{escape(text or code)}</a>'


def summary(facts: CorpusFacts) -> str:
    gate = facts.gate
    total, failed = len(gate.reports), len(gate.failed)
    rate = 100.0 * (total - failed) / total if total else 100.0
    severities = Counter({s: sum(_count(r, s) for r in gate.reports) for s in Severity})
    tiles = [("Reports checked", f"{total:,}", ""),
             ("Pass", f"{total - failed:,}", "good"),
             ("Fail", f"{failed:,}", "bad" if failed else "good"),
             ("Pass rate", f"{rate:.1f}%", "good" if not failed else "bad"),
             ("Findings", f"{sum(r.findings for r in gate.reports):,}",
              " · ".join(plural(severities[s], SEVERITY_WORDS[s][:-1]) for s in Severity))]
    cards = "".join(
        f'<div class="tile {cls if cls in ("good", "bad") else ""}"><div class="tile-value">'
        f'{escape(value)}</div><div class="tile-label">{escape(label)}</div>'
        + (f'<div class="tile-note">{escape(cls)}</div>' if cls not in ("", "good", "bad")
           else "") + "</div>"
        for label, value, cls in tiles)
    return (f'<section id="summary"><h2>Summary</h2><div class="tiles">{cards}</div>'
            f'<p>A report <strong>passes</strong> when the checker found nothing serious in '
            f'it, and <strong>fails</strong> when it has {failing_levels(gate.fail_on)}. '
            f'Errors are the most serious findings (a report that cannot be read, a required '
            f'section missing); warnings are defects a reader would notice; notes are '
            f'suggestions.</p></section>')


def category_chart(facts: CorpusFacts) -> str:
    found = [report.counts["by_category"] for report in facts.gate.reports]
    counts = {c: sum(report[c.value] for report in found) for c in Category}
    reports = {c: sum(1 for report in found if report[c.value]) for c in Category}
    bars = [Bar(c.value,
                (Segment(counts[c], CATEGORY_COLOURS[c], "findings"),)) for c in Category]
    legend = "".join(
        f'<li><span class="swatch" style="background:{CATEGORY_COLOURS[c]}"></span>'
        f'<strong>{escape(c.value)}</strong>: '
        f'{escape(CATEGORY_MEANING[c])}. {plural(counts[c], "finding")} in '
        f'{plural(reports[c], "report")}.</li>' for c in Category)
    return (f'<section id="categories"><h2>What kind of problems</h2>'
            f'<p>Every finding belongs to one of five kinds. The bars count findings of each '
            f'kind across all reports.</p>'
            f'{bar_chart(bars, "Findings per kind of problem", "chart-categories")}'
            f'<ul class="legend">{legend}</ul></section>')


def worst_chart(facts: CorpusFacts) -> str:
    indexed = [(i, r) for i, r in enumerate(facts.gate.reports) if r.findings]
    indexed.sort(key=lambda item: (-item[1].findings, -_count(item[1], Severity.ERROR),
                                   item[1].path))
    if not indexed:
        return ('<section id="worst"><h2>Reports with the most findings</h2>'
                '<p class="empty">No report has any finding.</p></section>')
    bars = [Bar(r.path, tuple(Segment(_count(r, s), SEVERITY_COLOURS[s], SEVERITY_WORDS[s])
                              for s in Severity), f"#{report_anchor(i)}")
            for i, r in indexed[:WORST_REPORTS]]
    legend = "".join(f'<li><span class="swatch" style="background:{SEVERITY_COLOURS[s]}">'
                     f'</span>{escape(SEVERITY_WORDS[s])}</li>' for s in Severity)
    return (f'<section id="worst"><h2>Reports with the most findings</h2>'
            f'<p>The {min(len(indexed), WORST_REPORTS)} reports with the most findings; '
            f'click a bar to see them.</p>'
            f'{bar_chart(bars, "Reports with the most findings", "chart-worst")}'
            f'<ul class="legend inline">{legend}</ul></section>')


def _count(report: ReportStatus, severity: Severity) -> int:
    return report.counts["by_severity"][severity.value]


def rule_table(facts: CorpusFacts) -> str:
    counts: Counter[str] = Counter()
    reports: Counter[str] = Counter()
    for report in facts.gate.reports:
        counts.update(report.by_rule)
        reports.update(report.by_rule.keys())
    known = {rule.code: rule for rule in facts.rules}
    if not counts:
        return ('<section id="rules"><h2>Findings by rule</h2>'
                '<p class="empty">No rule found anything.</p></section>')
    rows = []
    for code, count in sorted(counts.items(), key=lambda item: (-item[1], item[0])):
        rule = known.get(code)
        name = rule.name if rule else facts.other_rule_names.get(code, code)
        what = rule.summary() if rule else ""
        category = rule.category.value if rule else ""
        rows.append(f'<tr><td>{rule_link(code) if rule else escape(code)}</td>'
                    f'<td>{escape(name)}</td><td>{escape(what)}</td><td>{escape(category)}</td>'
                    f'<td class="num">{reports[code]:,}</td><td class="num">{count:,}</td>'
                    f'</tr>')
    return ('<section id="rules"><h2>Findings by rule</h2><p>Each rule checks one thing; '
            'click its code for what it means and how to fix it.</p>'
            '<table class="data"><thead><tr><th>Rule</th><th>Name</th><th>What it checks</th>'
            '<th>Kind</th><th class="num">Reports</th><th class="num">Findings</th></tr>'
            f'</thead><tbody>{"".join(rows)}</tbody></table></section>')


def report_table(facts: CorpusFacts) -> str:
    reports = list(enumerate(facts.gate.reports))
    reports.sort(key=lambda item: (item[1].passed, -item[1].findings, item[1].path))
    rows = []
    for index, report in reports:
        name = escape(report.path)
        link = f'<a href="#{report_anchor(index)}">{name}</a>' if report.findings else name
        status = ('<span class="badge pass">Pass</span>' if report.passed
                  else '<span class="badge fail">Fail</span>')
        top = Counter(report.by_rule).most_common(1)
        top_cell = rule_link(top[0][0], f"{top[0][0]} ×{top[0][1]}") if top else ""
        numbers = "".join(f'<td class="num" data-sort="{_count(report, s)}">'
                          f'{_count(report, s)}</td>' for s in Severity)
        rows.append(f'<tr class="{"pass" if report.passed else "fail"}">'
                    f'<td data-sort="{escape(report.path, quote=True)}">{link}</td>'
                    f'<td data-sort="{int(report.passed)}">{status}</td>{numbers}'
                    f'<td class="num" data-sort="{report.findings}">'
                    f'{report.findings}</td><td data-sort="{top[0][0] if top else ""}">'
                    f'{top_cell}</td></tr>')
    headers = [("Report", "text"), ("Status", "num"), ("Errors", "num"), ("Warnings", "num"),
               ("Notes", "num"), ("All findings", "num"), ("Most frequent rule", "text")]
    head = "".join(f'<th aria-sort="none"{" class=num" if kind == "num" else ""}>'
                   f'<button type="button" data-column="{i}" data-type="{kind}">'
                   f'{escape(label)}<span class="arrow" aria-hidden="true"></span></button></th>'
                   for i, (label, kind) in enumerate(headers))
    return ('<section id="reports"><h2>All reports</h2>'
            '<p>Click a column heading to sort by it (click again to reverse). Failing reports '
            'come first; click a report to see its findings.</p>'
            '<label class="filter"><input type="checkbox" id="only-failing"> Show only failing '
            f'reports</label><table class="data sortable" id="report-table"><thead><tr>{head}'
            f'</tr></thead><tbody>{"".join(rows)}</tbody></table></section>')


def passages(facts: CorpusFacts) -> str:
    head = ('<section id="passages"><h2>Passages most widely shared</h2><p>Text that appears '
            'in several reports, word for word or nearly: boilerplate that readers (and '
            'search engines) notice. The more reports share a passage, the higher it is; '
            'click the count to see where it is.</p>')
    if not facts.passages:
        return f'{head}<p class="empty">No passage appears in more than one report.</p></section>'
    items = []
    for passage in facts.passages:
        places = [f"<li>{_report_link(facts, path, line)}</li>"
                  for path, line in passage.places[:PLACES_PER_PASSAGE]]
        more = len(passage.places) - PLACES_PER_PASSAGE
        if more > 0:
            places.append(f"<li>and {more:,} more</li>")
        text = passage.text if len(passage.text) <= 400 else passage.text[:399] + "…"
        how = "word for word" if passage.exact else "nearly word for word"
        items.append(f'<li><blockquote>{escape(text)}</blockquote><details><summary>in '
                     f'{plural(passage.reports, "report")}, {how}</summary><ul class="places">'
                     f'{"".join(places)}</ul></details></li>')
    return f'{head}<ol class="passages">{"".join(items)}</ol></section>'


def drift(facts: CorpusFacts) -> str:
    head = ('<section id="drift"><h2>Role-family drift</h2><p>A report about one kind of job '
            'that uses another job family\'s words (a support report that talks like a sales '
            'report) was often copied from the wrong template. A report <em>drifts</em> when '
            'a large share of its sentences read as another family\'s; single paragraphs in '
            'another family\'s words are counted too.</p>')
    if facts.drift is None:
        return f'{head}<p class="unavailable">{escape(facts.drift_note)}</p></section>'
    if not facts.drift and not facts.foreign:
        return (f'{head}<p class="empty">No report leans toward another job family\'s '
                f'vocabulary.</p></section>')
    drifting = Counter(d.family for d in facts.drift)
    paragraphs = Counter(family for _, family in facts.foreign)
    paragraph_reports = Counter(family for _, family in set(facts.foreign))
    families = sorted(set(drifting) | set(paragraphs),
                      key=lambda f: (-drifting[f], -paragraphs[f], f))
    chart = ""
    if drifting:
        bars = [Bar(family, (Segment(drifting[family], CATEGORY_COLOURS[Category.CONSISTENCY],
                                     "reports drifting"),))
                for family in families if drifting[family]]
        chart = ("<h3>Reports drifting toward each family</h3>"
                 + bar_chart(bars, "Reports drifting toward each role family", "chart-drift"))
    overview = "".join(f'<tr><td>{escape(family)}</td><td class="num">{drifting[family]:,}</td>'
                       f'<td class="num">{paragraphs[family]:,}</td><td class="num">'
                       f'{paragraph_reports[family]:,}</td></tr>' for family in families)
    table = ('<h3>By family</h3><table class="data"><thead><tr><th>Family whose words are '
             'used</th><th class="num">Reports drifting</th><th class="num">Paragraphs in its '
             'words</th><th class="num">Reports with such paragraphs</th></tr></thead>'
             f'<tbody>{overview}</tbody></table>')
    return f'{head}{chart}{table}{_drifted_reports(facts)}</section>'


def _drifted_reports(facts: CorpusFacts) -> str:
    if not facts.drift:
        return ""
    rows = []
    for item in facts.drift[:DRIFT_ROWS]:
        cell = _report_link(facts, item.path)
        percent = max(0.0, min(item.share, 1.0)) * 100
        rows.append(f'<tr><td>{cell}</td><td>{escape(item.family)}</td><td class="num">'
                    f'<span class="share"><span style="width:{percent:.0f}%"></span></span> '
                    f'{percent:.0f}%</td><td>{rule_link(item.rule)} {escape(item.message)}'
                    f'</td></tr>')
    more = (f'<p>And {len(facts.drift) - DRIFT_ROWS:,} more.</p>'
            if len(facts.drift) > DRIFT_ROWS else "")
    return ('<h3>Most drifted reports</h3><table class="data"><thead><tr><th>Report</th>'
            '<th>Drifts toward</th><th class="num">Share of sentences</th><th>Finding</th>'
            f'</tr></thead><tbody>{"".join(rows)}</tbody></table>{more}')


def _report_link(facts: CorpusFacts, display: str, line: int | None = None) -> str:
    """A report's path (relative to the corpus), linked to its findings if it has any."""
    index = facts.report_index(display)
    report = facts.gate.reports[index] if index is not None else None
    name = escape((report.path if report else display) + (f":{line}" if line else ""))
    if report is None or not report.findings:
        return name
    return f'<a href="#{report_anchor(index or 0)}">{name}</a>'


def findings_by_report(facts: CorpusFacts) -> str:
    blocks = []
    for index, report in enumerate(facts.gate.reports):
        if not report.findings:
            continue
        # Most serious first, as the text says and the CLI's GitHub output orders them.
        shown = sorted(facts.shown_of(report),
                       key=lambda f: (-f.severity.rank, f.line, f.column, f.rule))
        rows = "".join(_finding_row(f) for f in shown)
        more = report.findings - len(shown)
        tail = (f'<p class="more">{plural(more, "more finding")} not shown: run <code>'
                f'reportlint check {escape(report.display)}</code> for all of them.</p>'
                if more > 0 else "")
        status = ('<span class="badge pass">Pass</span>' if report.passed
                  else '<span class="badge fail">Fail</span>')
        by_rule = ", ".join(f"{rule_link(code)} ×{count}" for code, count in
                            Counter(report.by_rule).most_common())
        blocks.append(f'<section class="report" id="{report_anchor(index)}"><h3>'
                      f'{escape(report.path)} {status}</h3><p class="rules-found">'
                      f'{plural(report.findings, "finding")}: {by_rule}</p>'
                      f'<table class="data findings"><thead>'
                      f'<tr><th class="num">Line</th><th>Severity</th><th>Rule</th>'
                      f'<th>Section</th><th>What is wrong</th></tr></thead><tbody>{rows}'
                      f'</tbody></table>{tail}<p class="top"><a href="#reports">Back to all '
                      f'reports</a></p></section>')
    body = "".join(blocks) or '<p class="empty">No report has any finding.</p>'
    return (f'<section id="findings"><h2>Findings, report by report</h2><p>For each report: '
            f'how many findings of each rule, then a sample of them, most serious first (at '
            f'most {PER_RULE} of one rule). The line is the line in the report\'s file.</p>'
            f'{body}</section>')


def _finding_row(finding: Finding) -> str:
    # Kept lean: a large corpus has tens of thousands of these rows (styled by column in
    # page.css rather than by a class on every cell).
    return (f'<tr><td>{finding.line}</td><td class="{finding.severity.value}">'
            f'{SEVERITY_WORDS[finding.severity][:-1]}</td><td><a href="#rule-'
            f'{escape(finding.rule)}">{escape(finding.rule)}</a></td><td>'
            f'{escape(finding.section or "")}</td><td>{escape(_shorten(finding.message))}</td>'
            f'</tr>')


def _shorten(message: str, limit: int = MESSAGE_CHARS) -> str:
    return message if len(message) <= limit else message[:limit - 1].rstrip() + "…"


def rule_explanations(rules: tuple[type[Rule], ...]) -> str:
    articles = "".join(
        f'<article class="rule-doc" id="rule-{escape(rule.code)}"><h3>{escape(rule.code)} '
        f'{escape(rule.name)}</h3><p class="meta">Kind: {escape(rule.category.value)} · '
        f'usually {"an " if rule.severity is Severity.ERROR else "a "}'
        f'{escape(SEVERITY_WORDS[rule.severity][:-1])}</p>{doc_html(rule.documentation())}'
        f'</article>' for rule in rules)
    return (f'<section id="explanations"><h2>What each rule means</h2><p>Every rule, what it '
            f'looks for, why it matters, and an example with the fix.</p>{articles}</section>')


_CODE = re.compile(r"`([^`]+)`")
_BOLD = re.compile(r"\*\*(.+?)\*\*")


def doc_html(text: str) -> str:
    """A rule docstring (paragraphs, **bold**, `code`) as HTML."""
    paragraphs = [" ".join(part.split()) for part in re.split(r"\n\s*\n", text) if part.strip()]
    return "".join(f"<p>{_inline(p)}</p>" for p in paragraphs)


def _inline(text: str) -> str:
    pieces = _CODE.split(text)
    out = []
    for i, piece in enumerate(pieces):
        if i % 2:
            out.append(f"<code>{escape(piece)}</code>")
        else:
            out.append(_BOLD.sub(r"<strong>\1</strong>", escape(piece)))
    return "".join(out)
