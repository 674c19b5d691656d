"""The servers, front doors like the command line: the language server for editors
(`reportlint server`: `app` and the modules it uses) and the tool server for drafting
assistants (`reportlint mcp`: `tools`).

Each needs its extra (`lsp`: pygls, lsprotocol; `mcp`: the MCP SDK), which the default
install leaves out so that `reportlint check` never loads them; `missing_extra` says
whether one is there without importing it.
"""

from __future__ import annotations

import importlib.util

INSTALL_HINT = "pip install 'reportlint[lsp]'"
EXTRAS = {"lsp": ("pygls", "lsprotocol"), "mcp": ("mcp",)}


def missing_extra(extra: str = "lsp") -> str | None:
    """The first package of `extra` that is not installed, else None."""
    for package in EXTRAS[extra]:
        if importlib.util.find_spec(package) is None:
            return package
    return None
