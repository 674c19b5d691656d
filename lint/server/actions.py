"""Code actions: apply one finding's safe fix, suppress one finding on its line, and fix
every safe fix in the file (`source.fixAll`)."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Any

from lsprotocol import types
from reportlint.findings import Finding
from reportlint.run.engine import check_source
from reportlint.server import convert
from reportlint.server.checking import Checked
from reportlint.server.edits import fix_all, fix_edit, suppression_edit
from reportlint.server.positions import LineIndex

# The server's way to run blocking work off its event loop (`ReportServer.on_worker`).
OnWorker = Callable[..., Awaitable[Any]]

FIX_ALL = f"{types.CodeActionKind.SourceFixAll.value}.reportlint"


def _wanted(kind: str, only: list[str] | None) -> bool:
    # `only` lists kinds and their parents: "source.fixAll" asks for "source.fixAll.x".
    return only is None or any(kind == o or kind.startswith(o + ".") for o in only)


def _in_range(finding: Finding, where: types.Range) -> bool:
    last = (finding.end_line or finding.line) - 1
    return finding.line - 1 <= where.end.line and last >= where.start.line


async def code_actions(on_worker: OnWorker, encoding: str, uri: str, checked: Checked,
                       params: types.CodeActionParams) -> list[types.CodeAction]:
    """The actions for `params.range` of the checked text: a quick fix and a suppression
    for each finding there, and fix-all; blocking work goes through `on_worker`."""
    only = [str(kind) for kind in params.context.only] if params.context.only else None
    index = LineIndex(checked.text, encoding)
    actions: list[types.CodeAction] = []
    quick = types.CodeActionKind.QuickFix.value
    if _wanted(quick, only):
        for finding in checked.findings:
            if not _in_range(finding, params.range):
                continue
            found = [convert.diagnostic(finding, index, uri)]
            span = await on_worker(fix_edit, checked, finding)
            if span is not None:
                actions.append(types.CodeAction(
                    title=f"Fix {finding.rule}: {finding.message}", kind=quick,
                    diagnostics=found, is_preferred=True,
                    edit=convert.workspace_edit(uri, [convert.span_edit(span, index)])))

            def recheck(text: str) -> list[Finding]:
                return check_source(text.encode("utf-8"), checked.display, checked.rules)[1]

            comment = await on_worker(suppression_edit, checked, finding, recheck)
            if comment is not None:
                actions.append(types.CodeAction(
                    title=f"Suppress {finding.rule} on this line", kind=quick,
                    diagnostics=found,
                    edit=convert.workspace_edit(uri, [convert.span_edit(comment, index)])))
    if _wanted(FIX_ALL, only):
        fixed = await on_worker(fix_all, checked)
        if fixed is not None:
            after, count = fixed
            actions.append(types.CodeAction(
                title=f"Fix all safe reportlint fixes ({count})", kind=FIX_ALL,
                edit=convert.workspace_edit(
                    uri, convert.whole_text_edits(checked.text, after, index))))
    return actions
