"""Reporters render findings; each is a function (findings, files, colour) -> text.

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

Reporter = Callable[[Sequence[Finding], int, bool], str]

# format -> (module, function); imported only when that format is asked for
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
    """Render in format `name`. `paths` (every report checked) and `fail_on` matter to
    the JUnit reporter, which shows passing reports and fails only at that severity;
    `summary` and `source_lines` (each file's lines, for --show-source) to the text
    reporter; `max_per_rule` (0: no limit) to the text and GitHub reporters, which show
    that many findings of one rule in one file and count the rest, so that one flood
    does not hide the other findings (the other formats list every one)."""
    if name == "junit":
        from .junit import render_junit

        return render_junit(findings, files, colour, paths, fail_on)
    if name == "text":
        from .text import render_text

        return render_text(findings, files, colour, summary, source_lines, max_per_rule)
    if name == "github":
        from .github import render_github

        return render_github(findings, files, colour, max_per_rule)
    return get_reporter(name)(findings, files, colour)


def capped(findings: Sequence[Finding], limit: int) -> tuple[list[Finding], dict[int, int]]:
    """The findings to show, at most `limit` of one rule in one file (0: all), and for
    the index (in the shown list) of the last one shown of each capped group, how many
    more there are."""
    if limit <= 0:
        return list(findings), {}
    seen: dict[tuple[str, str], int] = {}
    last: dict[tuple[str, str], int] = {}
    shown: list[Finding] = []
    for finding in findings:
        key = (finding.path, finding.rule)
        seen[key] = seen.get(key, 0) + 1
        if seen[key] <= limit:
            last[key] = len(shown)
            shown.append(finding)
    more = {last[key]: count - limit for key, count in seen.items() if count > limit}
    return shown, more
