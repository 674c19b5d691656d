"""`reportlint rules` and `reportlint explain`: what each rule is."""

from __future__ import annotations

import sys

import click
from reportlint.cli.common import ToolError, use_colour


@click.command()
@click.option("--format", "output_format", type=click.Choice(["table", "markdown", "json"]),
              default="table", show_default=True)
def rules(output_format: str) -> None:
    """List every rule: code, name, category, default severity, summary."""
    from reportlint.rules.docs import render_rules

    click.echo(render_rules(output_format), nl=False)


@click.command()
@click.argument("code")
@click.option("--format", "--output-format", "output_format",
              type=click.Choice(["text", "markdown", "json"]), default="text",
              show_default=True, help="text for a terminal, markdown as written, json for tools.")
@click.option("--color", "color", type=click.Choice(["auto", "always", "never"]),
              default="auto", show_default=True)
def explain(code: str, output_format: str, color: str) -> None:
    """Show a rule's documentation and example."""
    from reportlint.rules.registry import rule_by_code

    rule = rule_by_code(code)
    if rule is None:
        raise ToolError(f"no rule '{code}' (see `reportlint rules`)")
    from reportlint.rules.docs import render_explanation

    colour = output_format == "text" and use_colour(color, sys.stdout.isatty())
    click.echo(render_explanation(rule, output_format, colour), color=colour, nl=False)
