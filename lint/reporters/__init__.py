"""Reporters write findings; each is a function (findings, RenderOptions, stream) -> None.

| format | for |
| --- | --- |
| text | people: `path:line:col: CODE [severity] message`, then a summary |
| json | programs: the contract's `{"findings": [...]}` |
| sarif | code scanning: SARIF 2.1.0 with rule metadata and help |
| github | GitHub Actions: workflow commands that annotate the pull request |
| gitlab | GitLab Code Quality JSON (merge-request widget) |
| junit | CI test dashboards: JUnit XML, one test case per report |
"""

from __future__ import annotations

import importlib
from collections.abc import Collection, Mapping, Sequence
from typing import TextIO

from reportlint.findings import Finding, Severity
from reportlint.reporters.options import RenderOptions
from reportlint.reporters.perfile import Writer, rendered

# The registry: format -> (module, function (findings, RenderOptions, stream) -> None);
# a module is imported only when its format is asked for. Every format is written as the
# findings are read (a file's at a time), so that a corpus's are never all held.
_WRITERS = {
    "text": (".text", "write_text"),
    "json": (".json", "write_json"),
    "sarif": (".sarif", "write_sarif"),
    "github": (".github", "write_github"),
    "gitlab": (".gitlab", "write_gitlab"),
    "junit": (".junit", "write_junit"),
}
FORMATS = tuple(_WRITERS)


def _writer(name: str) -> Writer:
    """The writer for a format (text for a name it does not know)."""
    module, function = _WRITERS.get(name, _WRITERS["text"])
    writer: Writer = getattr(importlib.import_module(module, __package__), function)
    return writer


def render(name: str, findings: Sequence[Finding], *, files: int, colour: bool = False,
           paths: Sequence[str] = (), fail_on: Severity = Severity.WARNING,
           summary: bool = True, source_lines: Mapping[str, list[str]] | None = None,
           max_per_rule: int = 0) -> str:
    """Render in format `name` (see `RenderOptions` for what each option is for)."""
    options = RenderOptions(files, colour, paths, fail_on, summary, source_lines,
                            max_per_rule)
    return rendered(_writer(name))(findings, options)


def write(name: str, findings: Collection[Finding], out: TextIO, options: RenderOptions
          ) -> None:
    """`render`, into `out`: findings in print order (a run's `FindingStore` reads them
    from disk as it goes), written as they are read (text for a format it does not
    know)."""
    _writer(name)(findings, options, out)
