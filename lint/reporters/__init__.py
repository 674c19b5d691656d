"""Reporters render findings; each is a function (findings, RenderOptions) -> text.

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
from collections.abc import Callable, Collection, Mapping, Sequence
from typing import TextIO

from reportlint.findings import Finding, Severity
from reportlint.reporters.options import RenderOptions
from reportlint.reporters.perfile import Writer

Reporter = Callable[[Sequence[Finding], RenderOptions], str]

# The registry: format -> (module, function), each function (findings, RenderOptions) ->
# text; a module is imported only when its format is asked for.
_REPORTERS = {
    "text": (".text", "render_text"),
    "json": (".json", "render_json"),
    "sarif": (".sarif", "render_sarif"),
    "github": (".github", "render_github"),
    "gitlab": (".gitlab", "render_gitlab"),
    "junit": (".junit", "render_junit"),
}
FORMATS = tuple(_REPORTERS)
# Every format is also written as the findings are read (a file's at a time), so that a
# corpus's are never all held: format -> (module, function (findings, RenderOptions,
# stream) -> None).
_WRITERS = {
    "text": (".text", "write_text"),
    "json": (".json", "write_json"),
    "sarif": (".sarif", "write_sarif"),
    "github": (".github", "write_github"),
    "gitlab": (".gitlab", "write_gitlab"),
    "junit": (".junit", "write_junit"),
}


def get_reporter(name: str) -> Reporter:
    """The reporter for a format (text for a name it does not know)."""
    module, function = _REPORTERS.get(name, _REPORTERS["text"])
    reporter: Reporter = getattr(importlib.import_module(module, __package__), function)
    return reporter


def render(name: str, findings: Sequence[Finding], *, files: int, colour: bool = False,
           paths: Sequence[str] = (), fail_on: Severity = Severity.WARNING,
           summary: bool = True, source_lines: Mapping[str, list[str]] | None = None,
           max_per_rule: int = 0) -> str:
    """Render in format `name` (see `RenderOptions` for what each option is for)."""
    options = RenderOptions(files, colour, paths, fail_on, summary, source_lines,
                            max_per_rule)
    return get_reporter(name)(findings, options)


def write(name: str, findings: Collection[Finding], out: TextIO, options: RenderOptions
          ) -> None:
    """`render`, into `out`: findings in print order (a run's `FindingStore` reads them
    from disk as it goes), written as they are read (text for a format it does not
    know)."""
    module, function = _WRITERS.get(name, _WRITERS["text"])
    writer: Writer = getattr(importlib.import_module(module, __package__), function)
    writer(findings, options, out)
