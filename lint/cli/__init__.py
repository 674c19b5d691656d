"""The command line: one small module per command (or family of commands), each parsing
its options and calling the layers below. `main` is the `reportlint` entry point."""

from __future__ import annotations

import click
from reportlint import __version__
from reportlint.cli.check import check
from reportlint.cli.convert import convert, import_page
from reportlint.cli.corpus import clean, duplicates, gate, report
from reportlint.cli.rules import explain, rules
from reportlint.cli.server import mcp, server
from reportlint.cli.setup import init, schema, show_config


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="reportlint")
def main() -> None:
    """Lint career market-analysis reports before they ship."""


main.add_command(check)
main.add_command(rules)
main.add_command(explain)
main.add_command(server)
main.add_command(mcp)
main.add_command(init)
main.add_command(show_config)
main.add_command(schema)
main.add_command(import_page)
main.add_command(convert)
main.add_command(gate)
main.add_command(report)
main.add_command(clean)
main.add_command(duplicates)
