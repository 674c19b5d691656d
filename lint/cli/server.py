"""`reportlint server`: the language server for editors (the `lsp` extra)."""

from __future__ import annotations

from typing import TYPE_CHECKING

import click
from reportlint.cli.common import ToolError

if TYPE_CHECKING:
    pass


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
