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


def render_for_terminal(header: str, documentation: str, colour: bool) -> str:
    """A rule's Markdown documentation as a terminal shows it: bold where it is bold,
    code without its backticks, paragraphs wrapped to 88 columns."""
    import re
    import textwrap

    import click

    def bold(text: str) -> str:
        return click.style(text, bold=True) if colour else text

    out = [bold(header), ""]
    for paragraph in documentation.split("\n\n"):
        flat = " ".join(paragraph.split())
        label = re.match(r"\*\*(.+?)\*\*\s*", flat)
        lead = ""
        if label:
            lead, flat = label.group(1), flat[label.end():]
        flat = re.sub(r"`([^`]+)`", r"\1", flat)
        flat = re.sub(r"\*\*([^*]+)\*\*", r"\1", flat)
        if lead:
            out.append(bold(lead))
        example, _, instead = flat.partition(" Use instead: ")
        out.append(textwrap.fill(example, 88) if example else "")
        if instead:
            out += ["", bold("Use instead:"), textwrap.fill(instead, 88)]
        out.append("")
    return "\n".join(out).rstrip() + "\n"
