"""The rule registry: every rule documented; plugins add rules through entry points."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from reportlint.document.model import Document
from reportlint.findings import Category, Hit, Severity
from reportlint.rules import registry
from reportlint.rules.registry import Context, Rule, all_rules, selector_matches


def test_codes_are_unique_and_well_formed() -> None:
    rules = all_rules()
    assert len({r.code for r in rules}) == len(rules)
    assert len({r.name for r in rules}) == len(rules)
    prefixes = {"structure": "S", "consistency": "C", "duplication": "D", "evidence": "E",
                "hygiene": "H"}
    for rule in rules:
        assert rule.code[0] == prefixes[rule.category.value], rule.code
        assert rule.name == rule.name.lower() and " " not in rule.name


def test_selectors() -> None:
    rule = registry.rule_by_code("S003")
    assert rule is not None
    for selector in ("ALL", "S", "S00", "S003", "structure", "unknown-heading"):
        assert selector_matches(selector, rule), selector
    for selector in ("C", "S004", "evidence"):
        assert not selector_matches(selector, rule), selector


class _PluginRule(Rule):
    """A plugin's rule.

    **What it does.** Flags nothing. **Why is this bad?** It is not. **Example.** None.
    """

    code = "X901"
    name = "plugin-rule"
    category = Category.HYGIENE
    severity = Severity.INFO

    def check(self, doc: Document, context: Context) -> Iterator[Hit]:
        return iter(())


def test_plugins_register_through_entry_points(monkeypatch: pytest.MonkeyPatch) -> None:
    class EntryPoint:
        def load(self) -> type[Rule]:
            return _PluginRule

    monkeypatch.setattr("importlib.metadata.entry_points", lambda group: [EntryPoint()])
    monkeypatch.setattr(registry, "_REGISTERED", dict(registry._REGISTERED))
    all_rules.cache_clear()
    try:
        assert registry.rule_by_code("X901") is _PluginRule
    finally:
        all_rules.cache_clear()


def test_a_clashing_code_is_refused() -> None:
    clash = type("Clash", (_PluginRule,), {"code": "S001"})
    with pytest.raises(ValueError, match="S001 is used by both"):
        registry.register(clash)


@pytest.mark.parametrize(("value", "default", "expected"), [
    (3, 5, 3), (3.5, 5, 5), ("3", 5, 5), (True, 5, 5), (None, 5, 5), (-1, 5, 5),
    (0.3, 0.1, 0.3), (1, 0.1, 1.0), ("high", 0.1, 0.1), (2.0, 0.1, 0.1),
])
def test_number_takes_a_number_of_the_default_kind_in_range(
        value: object, default: float, expected: float) -> None:
    found = registry.number(value, default, least=0, most=1 if isinstance(default, float)
                            else None)
    assert found == expected and type(found) is type(expected)


def test_rule_options_of_the_wrong_kind_count_as_unset(tmp_path: Path) -> None:
    """No option a config gets wrong makes a rule fail the run: it is as if unset."""
    from conftest import CONTENT, lint

    reports = sorted(CONTENT.glob("*.md"))
    report = tmp_path / "report.md"
    # A placeholder, so that there are findings to compare.
    report.write_text(reports[0].read_text(encoding="utf-8").replace(
        "\n## Risks", "\n- TODO fill in.\n\n## Risks", 1), encoding="utf-8")
    wrong = {code: dict.fromkeys(names, "high") for code, names in {
                 "D001": ["repeated_sentence_min_words", "repeated_item_min_words"],
                 "D002": ["min_count", "term_words", "min_sections", "term_label_slots",
                          "term_slots"],
                 "D003": ["near_ratio", "near_min_words", "repeated_sentence_min_words",
                          "near_min_shared"],
                 "D004": ["containment", "sample_modulus", "max_per_report"],
                 "H002": ["min_words", "max_words", "min_units", "term_words",
                          "term_label_slots", "term_slots"],
                 "C004": ["min_weight", "min_words", "min_weight_leaning", "family"],
                 "C005": ["share", "min_sentences"],
                 "E007": ["max_age_years"]}.items()}
    from reportlint.rules.registry import rule_by_code

    for code, options in wrong.items():  # what a rule reads, it declares
        declared = rule_by_code(code).Options.model_fields  # type: ignore[union-attr]
        assert set(options) <= set(declared), (code, set(options) - set(declared))
    zero = {"D002": {"min_count": {"2": 0}}, "D004": {"sample_modulus": 0},
            "D003": {"near_ratio": 0}}
    default = lint([report, *reports[1:]])
    assert default
    assert lint([report, *reports[1:]], rules=wrong) == default
    assert lint([report, *reports[1:]], rules=zero) == default
