"""The rule table (`reportlint rules`), as text, Markdown (for the README) or JSON."""

from __future__ import annotations

import json

from reportlint.registry import all_rules


def render_rules(output_format: str) -> str:
    rules = all_rules()
    if output_format == "json":
        return json.dumps([{"code": r.code, "name": r.name, "category": r.category.value,
                            "severity": r.severity.value, "fixable": r.fixable,
                            "summary": r.summary(), "doc": r.documentation()}
                           for r in rules], indent=2, ensure_ascii=False) + "\n"
    if output_format == "markdown":
        lines = ["| code | name | category | default severity | fix | what it checks |",
                 "| --- | --- | --- | --- | --- | --- |"]
        lines += [f"| {r.code} | {r.name} | {r.category.value} | {r.severity.value} | "
                  f"{'yes' if r.fixable else ''} | {r.summary()} |" for r in rules]
        return "\n".join(lines) + "\n"
    width = max(len(r.name) for r in rules)
    return "".join(f"{r.code}  {r.name:<{width}}  {r.category.value:<11}  "
                   f"{r.severity.value:<7}  {r.summary()}\n" for r in rules)
