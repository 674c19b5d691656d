"""`reportlint server` (the language server for editors, the `lsp` extra) and `reportlint
mcp` (the tool server for drafting assistants, the `mcp` extra)."""

from __future__ import annotations

import click
from reportlint.cli.common import ToolError


@click.command()
def server() -> None:
    """Run the language server on standard input and output, for editors (docs/editors.md)."""
    from reportlint.server import INSTALL_HINT, missing_extra

    missing = missing_extra()
    if missing is not None:
        raise ToolError(f"the language server needs the lsp extra ({missing} is not "
                        f"installed): {INSTALL_HINT}")
    from reportlint.server.app import serve

    serve()


@click.command()
def mcp() -> None:
    """Run the Model Context Protocol tool server on standard input and output, for
    drafting assistants: check_report, fix_report, explain_rule, list_rules (docs/editors.md)."""
    from reportlint.server import missing_extra

    missing = missing_extra("mcp")
    if missing is not None:
        raise ToolError(f"the tool server needs the mcp extra ({missing} is not installed): "
                        "pip install 'reportlint[mcp]'")
    from reportlint.server.tools import serve

    serve()
