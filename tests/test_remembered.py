"""What the per-file pass remembers between documents (claim verdicts, passages scored
for role words, placeholders per unit, parsed sections and YAML keys) must never change
a finding: each report, checked after
every other one, gives what it gives checked first in a fresh state."""

from __future__ import annotations

from pathlib import Path

from reportlint.config import Config
from reportlint.language.claims.detector import claim_detector
from reportlint.readers import read_document
from reportlint.readers.markdown import _section_tokens
from reportlint.readers.yamltree import _composed_key
from reportlint.rules.hygiene.placeholders import _placeholders_in
from reportlint.rules.roles import facts
from reportlint.run.engine import RuleSet, lint_document

ROOT = Path(__file__).resolve().parent.parent


def _forget() -> None:
    detector = claim_detector(None)
    detector._verdicts.cache_clear()
    detector._moods.cache_clear()
    facts._SCORING.clear()
    facts._LAST.clear()
    _section_tokens.cache_clear()
    _composed_key.cache_clear()
    _placeholders_in.cache_clear()


def test_remembering_changes_no_finding(imported_example: Path) -> None:
    pages = [*sorted((ROOT / "content").glob("*.*")),
             *sorted((ROOT / "tests" / "fixtures").rglob("*.md")),
             *sorted((ROOT / "tests" / "fixtures").rglob("*.yaml")), imported_example]
    rules = RuleSet(Config())
    fresh = {}
    for page in pages:
        _forget()
        fresh[page] = [repr(f) for f in lint_document(read_document(page), rules)]
    assert sum(map(len, fresh.values())) > 50  # findings to compare, not silence
    for _ in range(2):  # the second round meets every sentence remembered
        for page in reversed(pages):
            assert [repr(f) for f in lint_document(read_document(page), rules)] == fresh[page]


def test_an_edited_report_is_judged_on_its_new_text(tmp_path: Path) -> None:
    """The same file checked again after an edit (as an editor does at each keystroke):
    the new sentence is judged, the old findings stay where they were."""
    page = ROOT / "content" / "production-support-analyst-fintech-us-2025.md"
    rules = RuleSet(Config())
    lines = page.read_text(encoding="utf-8").split("\n")
    lint_document(read_document(page), rules)
    snapshot = lines.index(next(line for line in lines if line.startswith("## Market")))
    edited = tmp_path / page.name
    lines[snapshot + 1:snapshot + 1] = ["", "Demand for this role grew 40% last year."]
    edited.write_text("\n".join(lines), encoding="utf-8")
    found = lint_document(read_document(edited), rules)
    assert [f.line for f in found if f.rule == "E001"] == [snapshot + 3]
    _forget()
    assert [repr(f) for f in lint_document(read_document(edited), rules)] == [
        repr(f) for f in found]
