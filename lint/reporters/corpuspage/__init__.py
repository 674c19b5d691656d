"""The corpus report page: one self-contained HTML file (inline CSS, SVG charts and a
small sorting script; no network, no CDN), rendered from `CorpusFacts`."""

from __future__ import annotations

from datetime import UTC, datetime
from functools import cache
from html import escape
from importlib import resources
from pathlib import Path
from string import Template
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Callable

    from reportlint.config import Config
    from reportlint.findings import Severity
    from reportlint.reporters.corpuspage.facts import CorpusFacts


@cache
def _asset(name: str) -> str:
    return resources.files(__package__).joinpath(name).read_text(encoding="utf-8")


def render_page(facts: CorpusFacts) -> str:
    """The whole page as HTML text."""
    from reportlint import __version__
    from reportlint.reporters.corpuspage import sections

    gate = facts.gate
    body = "".join([
        sections.summary(facts),
        sections.category_chart(facts),
        sections.worst_chart(facts),
        # The short overviews first; the table of every report, long on a large corpus,
        # after them.
        sections.rule_table(facts),
        sections.passages(facts),
        sections.drift(facts),
        sections.report_table(facts),
        sections.findings_by_report(facts),
        sections.rule_explanations(facts.rules),
    ])
    when = datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC")
    scope = escape(gate.root)
    return Template(_asset("page.html")).substitute(
        title=escape(facts.title),
        css=_asset("page.css"),
        script=_asset("page.js"),
        intro=(f"This page shows what the report checker found in the "
               f"{sections.plural(len(gate.reports), 'report')} in <code>{scope}</code>. "
               f"Start with the summary; every rule's code links to an explanation at the "
               f"bottom of the page."),
        body=body,
        footer=(f"Made by reportlint {escape(__version__)} on {when} in "
                f"{facts.seconds:.1f} seconds."),
    )


def build_corpus_page(root: Path, config: Config, *, title: str | None = None,
                      fail_on: Severity | None = None,
                      progress: Callable[[int], None] | None = None,
                      on_targets: Callable[[int], None] | None = None,
                      jobs: int | None = 1, cache_root: Path | None = None) -> str:
    """The HTML page for the reports under `root`."""
    from reportlint.reporters.corpuspage.facts import collect_facts

    facts = collect_facts(root, config, title=title, fail_on=fail_on, progress=progress,
                          on_targets=on_targets, jobs=jobs, cache_root=cache_root)
    return render_page(facts)
