"""The rule registry: every rule documented; plugins add rules through entry points."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from reportlint import registry
from reportlint.document import Document
from reportlint.findings import Category, Hit, Severity
from reportlint.registry import Context, Rule, all_rules, selector_matches


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
