"""H100: the one rule about suppressions themselves. Its findings are made where the
suppressions are applied (`run.suppressions`), after every other rule of the file has
run; this is its record: code, name, category, severity and documentation."""

from __future__ import annotations

from reportlint.findings import Category, Severity
from reportlint.rules.registry import Rule, register


@register
class UnusedSuppression(Rule):
    """A suppression comment or front-matter ignore that suppresses nothing.

    **What it does.** Reports each rule named in a `reportlint-disable` comment, a YAML
    `# reportlint: disable=` comment or the front matter's `reportlint: {ignore: [...]}`
    that had no finding to hide, or that names no rule at all. Rules that are switched
    off by the config, and cross-report rules, are not judged (they never ran here).

    **Why is this bad?** A suppression outlives the defect it was written for: once the
    text is fixed it stays, silently hiding the next defect of that kind in the same
    place. It is hygiene in the contract's sense: text left in the file that no longer
    serves a purpose.

    **Example.** `<!-- reportlint-disable-next-line S003 -->` above `## Demand Drivers`
    (a heading the catalog knows) gives `H100 unused suppression of "S003": nothing here
    was reported`. Use instead: delete the comment.
    """

    code = "H100"
    name = "unused-suppression"
    category = Category.HYGIENE
    severity = Severity.WARNING
    needs_report = False
