"""The tool server for drafting assistants (`reportlint mcp`, the `mcp` extra): the
Model Context Protocol over standard input and output, through the official `mcp` SDK.

An assistant that drafts a report can check it, fix what is safe to fix, and read why a
rule fired, before a person reads the draft. The tools run the engine exactly as `check`
does: the config found from the report's folder (or the working directory), the same
per-file rules, the findings JSON of the contract. Nothing outside the working directory
is read or written, and a file is written only by `fix_report` asked with `write`.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import TYPE_CHECKING, Any

from mcp.server.mcpserver import MCPServer
from mcp.server.mcpserver.exceptions import ToolError
from reportlint import __version__

if TYPE_CHECKING:
    from reportlint.config import Config
    from reportlint.findings import Finding

CONTRACT_URI = "reportlint://contract"
INSTRUCTIONS = (
    "reportlint checks career market-analysis reports (Markdown with YAML front matter, or "
    "YAML) against the report contract (resource reportlint://contract). Draft, call "
    "check_report, revise what it finds (explain_rule says why a rule fired and what to "
    "write instead), and call fix_report for the fixes that cannot change meaning.")


def build_server(root: Path | None = None) -> MCPServer:
    """The tool server, serving files under `root` (default: the working directory)."""
    workspace = Workspace(root or Path.cwd())
    server = MCPServer("reportlint", version=__version__, instructions=INSTRUCTIONS)

    @server.tool()
    def check_report(text: str | None = None, path: str | None = None,
                     name: str = "report.md") -> dict[str, Any]:
        """Check one report and return its findings (the contract's JSON: path, line,
        column, rule, name, category, severity, message, section) and a short summary.
        Give either `text` (the report itself; `name` says its form: .md or .yaml) or
        `path` (a report file under the working directory)."""
        findings = workspace.check(text, path, name)
        return {"findings": [f.to_json() for f in findings], "summary": summary(findings)}

    @server.tool()
    def fix_report(text: str | None = None, path: str | None = None, name: str = "report.md",
                   unsafe: bool = False, write: bool = False) -> dict[str, Any]:
        """Apply the fixes that cannot change meaning (with `unsafe`, also those that may
        change wording) and return the fixed text, a unified diff and the findings that
        remain. The file at `path` is written only when `write` is true."""
        return workspace.fix(text, path, name, unsafe=unsafe, write=write)

    @server.tool()
    def explain_rule(code: str) -> dict[str, Any]:
        """A rule's documentation: what it finds, why it matters, an example and what to
        write instead, with its options. `code` is a code (E001) or a name (unbacked-claim)."""
        from reportlint.rules.docs import render_explanation
        from reportlint.rules.registry import rule_by_code

        rule = rule_by_code(code)
        if rule is None:
            raise ToolError(f"no rule '{code}' (list_rules gives every code)")
        explained: dict[str, Any] = json.loads(render_explanation(rule, "json", False))
        return explained

    @server.tool()
    def list_rules() -> list[dict[str, Any]]:
        """Every rule: code, name, category, default severity, whether it has a fix, and a
        one-line summary."""
        from reportlint.rules.docs import render_rules

        rules: list[dict[str, Any]] = json.loads(render_rules("json"))
        return [{key: value for key, value in rule.items() if key != "doc"} for rule in rules]

    @server.resource(CONTRACT_URI, name="report-contract", mime_type="text/markdown",
                     description="What a report must contain: front matter, the sections "
                                 "in order, citations and sources.")
    def contract() -> str:
        from reportlint.reporters.contract import contract_text

        return contract_text()

    return server


class Workspace:
    """The files the tools may touch (those under `root`), and checking them as `check`
    does."""

    def __init__(self, root: Path) -> None:
        self.root = Path(os.path.realpath(root))

    def check(self, text: str | None, path: str | None, name: str) -> list[Finding]:
        if path is not None:
            from reportlint.findings import Finding
            from reportlint.run.discovery import Target
            from reportlint.run.engine import RuleSet
            from reportlint.run.parallel import check_file

            display, config = self._file(path, text)
            # What `check` does with one file (one file has no cross-report findings).
            found = check_file(Target(self.root / display, display), RuleSet(config),
                               summarize=False).findings
            return sorted(found, key=Finding.sort_key)
        from reportlint.run.engine import lint_source

        raw, display, config = self._text(text, name)
        return lint_source(raw, display, config)

    def fix(self, text: str | None, path: str | None, name: str, *, unsafe: bool,
            write: bool) -> dict[str, Any]:
        from reportlint.run.engine import lint_source
        from reportlint.run.fixes import fix_text

        if path is not None:
            display, config = self._file(path, text)
            raw = self._read(display, config)
        else:
            if write:
                raise ToolError("write needs a path: give the report's path instead of text")
            data, display, config = self._text(text, name)
            raw = data.decode("utf-8-sig", "replace")
        findings = lint_source(raw.encode("utf-8"), display, config)
        plan = fix_text(display, raw, [f.fix for f in findings if f.fix is not None], config,
                        unsafe=unsafe)
        fixed = plan.after if plan is not None else raw
        if write and plan is not None:
            from reportlint.writers import write_atomic

            write_atomic(self.root / display, fixed)
        remaining = lint_source(fixed.encode("utf-8"), display, config)
        return {"text": fixed, "diff": plan.diff() if plan is not None else "",
                "applied": plan.applied if plan is not None else 0,
                "written": bool(write and plan is not None),
                "findings": [f.to_json() for f in remaining], "summary": summary(remaining)}

    def _file(self, path: str, text: str | None) -> tuple[str, Config]:
        """The path as `check` would show it (relative to the root), and its config."""
        from reportlint.readers import form_of

        if text is not None:
            raise ToolError("give either text or path, not both")
        given = Path(path)
        resolved = Path(os.path.realpath(given if given.is_absolute() else self.root / given))
        if resolved != self.root and self.root not in resolved.parents:
            raise ToolError(f"{path}: outside the working directory ({self.root}); only "
                            "files under it are read or written")
        if not resolved.is_file():
            raise ToolError(f"{path}: no such file")
        if form_of(resolved) is None:
            raise ToolError(f"{path}: not a report file (.md, .markdown, .yaml or .yml)")
        return resolved.relative_to(self.root).as_posix(), self._config(resolved.parent)

    def _text(self, text: str | None, name: str) -> tuple[bytes, str, Config]:
        from reportlint.readers import form_of

        if text is None:
            raise ToolError("give the report as text, or the path of a report file")
        if form_of(Path(name)) is None:
            raise ToolError(f"name {name!r} must end in .md or .yaml: it says the report's form")
        config = self._config(self.root)
        raw = text.encode("utf-8")
        if len(raw) > config.max_file_size:
            raise ToolError(f"the text is {len(raw):,} bytes, over the {config.max_file_size:,}"
                            "-byte limit for one report (max_file_size in the config)")
        return raw, Path(name).name, config

    def _read(self, display: str, config: Config) -> str:
        from reportlint.readers import read_regular_bytes

        raw = read_regular_bytes(self.root / display, config.max_file_size)
        if raw is None:
            raise ToolError(f"{display}: cannot be read, or is over the "
                            f"{config.max_file_size:,}-byte limit for one report")
        return raw.decode("utf-8-sig", "replace")

    def _config(self, folder: Path) -> Config:
        from reportlint.config import ConfigError
        from reportlint.run.configfile import find_config, load_config

        try:
            return load_config(find_config(folder))
        except ConfigError as error:
            raise ToolError(str(error)) from None


def summary(findings: list[Finding]) -> str:
    """"No findings.", or how many, by severity, and the rules that gave the most."""
    if not findings:
        return "No findings: the report meets the contract as far as the rules can tell."
    from collections import Counter

    severities = Counter(f.severity.value for f in findings)
    rules = Counter(f"{f.rule} {f.name}" for f in findings)
    counted = ", ".join(f"{count} {level}{'s' if count != 1 else ''}"
                        for level in ("error", "warning", "info")
                        if (count := severities.get(level)))
    top = "; ".join(f"{rule} ×{count}" for rule, count in rules.most_common(5))
    total = len(findings)
    return (f"{total} finding{'s' if total != 1 else ''} ({counted}). Most frequent: {top}. "
            "Call explain_rule with a code to see why and what to write instead.")


def serve() -> None:
    """Serve the tools over standard input and output until the client disconnects."""
    build_server().run("stdio")
