"""The language server (`reportlint server`), a front door like the command line.

It needs the `lsp` extra (pygls, lsprotocol), which the default install leaves out so
that `reportlint check` never loads them; `missing_extra` says whether it is there
without importing it.
"""

from __future__ import annotations

import importlib.util

INSTALL_HINT = "pip install 'reportlint[lsp]'"


def missing_extra() -> str | None:
    """The first package of the `lsp` extra that is not installed, else None."""
    for package in ("pygls", "lsprotocol"):
        if importlib.util.find_spec(package) is None:
            return package
    return None
