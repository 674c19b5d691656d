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
from collections.abc import Callable, Mapping, Sequence

from reportlint.findings import Finding, Severity
from reportlint.reporters.options import RenderOptions

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
