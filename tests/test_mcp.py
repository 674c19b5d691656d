"""`reportlint mcp`: the tool server for drafting assistants, driven through the official
SDK's client (in process, and once over stdio as an assistant runs it). The tools give
the same findings as `reportlint check`, fix without changing meaning, and touch nothing
outside the working directory."""

from __future__ import annotations

import asyncio
import json
import os
import shutil
import subprocess
import sys
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Any

import pytest
from conftest import CONTENT, ROOT

pytest.importorskip("mcp", reason="the mcp extra (a test extra) is not installed")
from mcp import Client, StdioServerParameters
from reportlint.server.tools import build_server

Session = Callable[[Client], Awaitable[Any]]


def with_client(root: Path, session: Session) -> Any:
    async def run() -> Any:
        async with Client(build_server(root)) as client:
            return await session(client)

    return asyncio.run(run())


def call(root: Path, tool: str, **arguments: object) -> tuple[bool, Any]:
    """(whether the tool failed, its structured result or its error text)."""
    async def session(client: Client) -> Any:
        return await client.call_tool(tool, arguments)

    result = with_client(root, session)
    if result.is_error:
        return True, result.content[0].text
    return False, result.structured_content


def check_json(path: str, cwd: Path) -> list[dict[str, Any]]:
    result = subprocess.run([sys.executable, "-m", "reportlint", "check", "--no-cache",
                             "--output-format", "json", "--exit-zero", path],
                            cwd=cwd, capture_output=True, text=True, check=True)
    findings: list[dict[str, Any]] = json.loads(result.stdout)["findings"]
    return findings


def test_the_tools_and_the_contract_are_offered() -> None:
    async def session(client: Client) -> Any:
        tools = await client.list_tools()
        resources = await client.list_resources()
        contract = await client.read_resource("reportlint://contract")
        return tools, resources, contract

    tools, resources, contract = with_client(ROOT, session)
    assert sorted(t.name for t in tools.tools) == ["check_report", "explain_rule",
                                                   "fix_report", "list_rules"]
    assert [r.uri for r in resources.resources] == ["reportlint://contract"]
    text = contract.contents[0].text
    from reportlint.schema import CATALOG

    assert all(f"| {spec.heading} |" in text for spec in CATALOG)
    assert "`role` | yes" in text and "[^id]" in text


@pytest.mark.parametrize("report", sorted([*CONTENT.glob("*.md"), *CONTENT.glob("*.yaml")]),
                         ids=lambda p: p.name)
def test_check_report_gives_what_check_gives_on_content(report: Path) -> None:
    path = report.relative_to(ROOT).as_posix()
    failed, result = call(ROOT, "check_report", path=path)
    assert not failed, result
    assert result["findings"] == check_json(path, ROOT)


def test_check_report_gives_what_check_gives_on_the_example_page(imported_example: Path
                                                                   ) -> None:
    failed, result = call(imported_example.parent, "check_report", path=imported_example.name)
    assert not failed, result
    expected = check_json(imported_example.name, imported_example.parent)
    assert result["findings"] == expected and len(expected) > 20
    assert result["summary"].startswith(f"{len(expected)} findings (")
    # the same page given as text, as an assistant drafting it would: the same findings
    failed, as_text = call(imported_example.parent, "check_report",
                           text=imported_example.read_text(encoding="utf-8"),
                           name=imported_example.name)
    assert not failed and as_text["findings"] == expected


def test_a_clean_report_says_so() -> None:
    failed, result = call(ROOT, "check_report",
                          text=next(CONTENT.glob("*.md")).read_text(encoding="utf-8"))
    assert not failed
    assert result == {"findings": [], "summary": result["summary"]}
    assert result["summary"].startswith("No findings")


def test_nothing_outside_the_working_directory_is_read(tmp_path: Path) -> None:
    inside = tmp_path / "reports"
    inside.mkdir()
    secret = tmp_path / "secret.md"
    shutil.copy(next(CONTENT.glob("*.md")), secret)
    (inside / "link.md").symlink_to(secret)
    for path in (str(secret), "../secret.md", "link.md"):
        failed, message = call(inside, "check_report", path=path)
        assert failed and "outside the working directory" in message, path
    failed, message = call(inside, "fix_report", path="../secret.md", write=True)
    assert failed and "outside the working directory" in message


@pytest.mark.parametrize(("arguments", "says"), [
    ({}, "give the report as text"),
    ({"text": "x", "path": "a.md"}, "either text or path"),
    ({"text": "x", "name": "notes.txt"}, "must end in .md or .yaml"),
    ({"path": "missing.md"}, "no such file"),
    ({"path": "pyproject.toml"}, "not a report file"),
])
def test_bad_input_is_a_clear_error(arguments: dict[str, object], says: str) -> None:
    failed, message = call(ROOT, "check_report", **arguments)
    assert failed and says in message


def test_text_over_the_size_limit_is_refused(tmp_path: Path) -> None:
    (tmp_path / "reportlint.yaml").write_text("max_file_size: 1000\n", encoding="utf-8")
    failed, message = call(tmp_path, "check_report", text="x" * 1001)
    assert failed and "over the 1,000-byte limit" in message


@pytest.fixture
def misspelt(tmp_path: Path) -> Path:
    report = tmp_path / next(CONTENT.glob("*.md")).name
    text = next(CONTENT.glob("*.md")).read_text(encoding="utf-8")
    assert "### Signals to watch" in text
    report.write_text(text.replace("### Signals to watch", "### Signals to wacth"),
                      encoding="utf-8")
    return report


def test_fix_report_returns_the_fix_and_writes_nothing(misspelt: Path) -> None:
    before = misspelt.read_text(encoding="utf-8")
    failed, result = call(misspelt.parent, "fix_report", path=misspelt.name)
    assert not failed, result
    assert "### Signals to watch" in result["text"] and result["applied"] == 1
    assert "-### Signals to wacth\n+### Signals to watch\n" in result["diff"]
    assert result["findings"] == [] and result["written"] is False
    assert misspelt.read_text(encoding="utf-8") == before
    # given as text, the same fix
    failed, as_text = call(misspelt.parent, "fix_report", text=before, name=misspelt.name)
    assert not failed and as_text["text"] == result["text"]


def test_fix_report_writes_when_asked(misspelt: Path) -> None:
    failed, result = call(misspelt.parent, "fix_report", path=misspelt.name, write=True)
    assert not failed and result["written"] is True
    assert misspelt.read_text(encoding="utf-8") == result["text"]
    assert check_json(misspelt.name, misspelt.parent) == []
    failed, message = call(misspelt.parent, "fix_report", text="x", write=True)
    assert failed and "write needs a path" in message


def test_explain_rule_and_list_rules() -> None:
    failed, explained = call(ROOT, "explain_rule", code="unbacked-claim")
    assert not failed and explained["code"] == "E001"
    assert "**Why is this bad?**" in explained["explanation"]
    failed, message = call(ROOT, "explain_rule", code="Z999")
    assert failed and "no rule 'Z999'" in message
    failed, listed = call(ROOT, "list_rules")
    from reportlint.rules.registry import all_rules

    rules = listed["result"] if isinstance(listed, dict) else listed
    assert [r["code"] for r in rules] == [rule.code for rule in all_rules()]
    assert all("doc" not in r and r["name"] for r in rules)


def test_over_stdio_as_an_assistant_runs_it() -> None:
    report = next(CONTENT.glob("*.md")).relative_to(ROOT).as_posix()
    parameters = StdioServerParameters(command=sys.executable,
                                       args=["-m", "reportlint", "mcp"], cwd=str(ROOT),
                                       env={**os.environ})

    async def run() -> Any:
        async with Client(parameters) as client:
            return await client.call_tool("check_report", {"path": report})

    result = asyncio.run(asyncio.wait_for(run(), timeout=120))
    assert not result.is_error
    assert result.structured_content["findings"] == check_json(report, ROOT)
