"""`reportlint server` as an editor meets it: the real server over stdio, driven by
pytest-lsp. Reports open with a defect, the diagnostic appears where the defect is, the
quick fix removes it; a broken config is one diagnostic and the server keeps answering."""

from __future__ import annotations

import asyncio
import json
import shutil
import subprocess
import sys
from collections.abc import AsyncIterator, Callable, Sequence
from pathlib import Path

import pytest
import pytest_lsp
from conftest import CONTENT
from lsprotocol import types
from pytest_lsp import ClientServerConfig, LanguageClient, client_capabilities
from reportlint.rules.docs import render_explanation
from reportlint.rules.registry import rule_by_code
from reportlint.server.positions import UTF16, LineIndex

AE_REPORT = CONTENT / "account-executive-saas-us-2025.md"
GOOD = AE_REPORT.read_text(encoding="utf-8")
TYPO = GOOD.replace("## Demand Drivers", "## Demand Drivres")
TYPO_LINE = GOOD.splitlines().index("## Demand Drivers")  # 0-based, as LSP counts

pytestmark = pytest.mark.asyncio(loop_scope="function")


@pytest_lsp.fixture(config=ClientServerConfig(
    server_command=[sys.executable, "-m", "reportlint", "server"]))
async def client(lsp_client: LanguageClient, request: pytest.FixtureRequest
                 ) -> AsyncIterator[None]:
    workspace: Path = request.getfixturevalue("tmp_path")
    # The server asks to watch config files, as VS Code lets it.
    lsp_client.feature(types.CLIENT_REGISTER_CAPABILITY)(lambda params: None)
    await lsp_client.initialize_session(types.InitializeParams(
        capabilities=client_capabilities("visual-studio-code"),
        root_uri=workspace.as_uri(), initialization_options={"debounceMs": 0}))
    yield
    await lsp_client.shutdown_session()


async def until(condition: Callable[[], object], timeout: float = 20.0) -> None:
    """Wait for what the server sends to satisfy `condition` (notifications arrive while
    the test awaits, in no order the test can rely on)."""
    loop = asyncio.get_running_loop()
    deadline = loop.time() + timeout
    while not condition():
        if loop.time() > deadline:
            raise AssertionError("the server did not send what was expected in time")
        await asyncio.sleep(0.01)


def codes(client: LanguageClient, uri: str) -> list[str]:
    return [str(d.code) for d in client.diagnostics.get(uri, [])]


def open_report(client: LanguageClient, path: Path, text: str) -> str:
    path.write_text(text, encoding="utf-8")
    uri = path.as_uri()
    client.text_document_did_open(types.DidOpenTextDocumentParams(
        text_document=types.TextDocumentItem(uri=uri, language_id="markdown", version=1,
                                             text=text)))
    return uri


def change(client: LanguageClient, uri: str, version: int, text: str) -> None:
    client.text_document_did_change(types.DidChangeTextDocumentParams(
        text_document=types.VersionedTextDocumentIdentifier(uri=uri, version=version),
        content_changes=[types.TextDocumentContentChangeWholeDocument(text=text)]))


def apply(text: str, edits: Sequence[types.TextEdit]) -> str:
    """`edits` made on `text`, as an editor makes them (last first, UTF-16 positions)."""
    index = LineIndex(text, UTF16)
    spans = sorted(((index.to_offset((e.range.start.line, e.range.start.character)),
                     index.to_offset((e.range.end.line, e.range.end.character)), e.new_text)
                    for e in edits), reverse=True)
    for start, end, new in spans:
        text = text[:start] + new + text[end:]
    return text


async def test_a_defect_is_diagnosed_where_it_is_and_cleared_when_fixed(
        client: LanguageClient, tmp_path: Path) -> None:
    uri = open_report(client, tmp_path / "report.md", TYPO)
    await until(lambda: "S003" in codes(client, uri))
    typo = next(d for d in client.diagnostics[uri] if d.code == "S003")
    assert typo.range.start == types.Position(line=TYPO_LINE, character=3)
    assert typo.range.end == types.Position(line=TYPO_LINE, character=len("## Demand Drivres"))
    assert typo.severity == types.DiagnosticSeverity.Warning
    assert typo.source == "reportlint"
    assert typo.message.startswith('unknown section heading "Demand Drivres"')
    assert typo.data["category"] == "structure"
    missing = next(d for d in client.diagnostics[uri] if d.code == "S001")
    assert missing.severity == types.DiagnosticSeverity.Error

    change(client, uri, 2, GOOD)
    await until(lambda: uri in client.diagnostics and not client.diagnostics[uri])


async def test_the_quick_fix_and_fix_all_remove_the_finding(
        client: LanguageClient, tmp_path: Path) -> None:
    uri = open_report(client, tmp_path / "report.md", TYPO)
    await until(lambda: "S003" in codes(client, uri))
    actions = await client.text_document_code_action_async(types.CodeActionParams(
        text_document=types.TextDocumentIdentifier(uri=uri),
        range=types.Range(start=types.Position(line=TYPO_LINE, character=4),
                          end=types.Position(line=TYPO_LINE, character=4)),
        context=types.CodeActionContext(diagnostics=[])))
    assert actions is not None
    titles = [a.title for a in actions if isinstance(a, types.CodeAction)]
    assert "Suppress S003 on this line" in titles
    fix = next(a for a in actions if isinstance(a, types.CodeAction)
               and a.title.startswith("Fix S003"))
    assert fix.kind == types.CodeActionKind.QuickFix and fix.edit and fix.edit.changes
    [edit] = fix.edit.changes[uri]
    assert edit.new_text == "Demand Drivers"
    fixed = apply(TYPO, fix.edit.changes[uri])
    assert fixed == GOOD
    change(client, uri, 2, fixed)
    await until(lambda: "S003" not in codes(client, uri))
    assert codes(client, uri) == []

    change(client, uri, 3, TYPO.replace("### Signals to watch", "### Sginals to watch"))
    await until(lambda: codes(client, uri).count("S003") == 2)
    whole = await client.text_document_code_action_async(types.CodeActionParams(
        text_document=types.TextDocumentIdentifier(uri=uri),
        range=types.Range(start=types.Position(line=0, character=0),
                          end=types.Position(line=0, character=0)),
        context=types.CodeActionContext(diagnostics=[],
                                        only=[types.CodeActionKind.SourceFixAll])))
    assert whole is not None
    [fix_all] = whole
    assert isinstance(fix_all, types.CodeAction) and fix_all.edit and fix_all.edit.changes
    assert fix_all.kind == "source.fixAll.reportlint"
    assert apply(TYPO.replace("### Signals to watch", "### Sginals to watch"),
                 fix_all.edit.changes[uri]) == GOOD


async def test_suppressing_a_finding_hides_it_and_adds_nothing(
        client: LanguageClient, tmp_path: Path) -> None:
    text = GOOD.replace("## FAQ", "## FAQ\n\nTODO: more questions.", 1)
    uri = open_report(client, tmp_path / "report.md", text)
    await until(lambda: bool(codes(client, uri)))
    [placeholder] = client.diagnostics[uri]
    actions = await client.text_document_code_action_async(types.CodeActionParams(
        text_document=types.TextDocumentIdentifier(uri=uri), range=placeholder.range,
        context=types.CodeActionContext(diagnostics=[placeholder])))
    assert actions is not None
    suppress = next(a for a in actions if isinstance(a, types.CodeAction)
                    and a.title == f"Suppress {placeholder.code} on this line")
    assert suppress.edit and suppress.edit.changes
    suppressed = apply(text, suppress.edit.changes[uri])
    assert (f"TODO: more questions. <!-- reportlint-disable-line {placeholder.code} -- "
            "<reason> -->") in suppressed
    change(client, uri, 2, suppressed)
    await until(lambda: not client.diagnostics[uri])


async def test_hover_explains_the_rule_and_follows_citations(
        client: LanguageClient, tmp_path: Path) -> None:
    text = TYPO.replace("[^census]", "[^nowhere]", 1)
    uri = open_report(client, tmp_path / "report.md", text)
    await until(lambda: "S003" in codes(client, uri))

    async def hover(line: int, character: int) -> str:
        found = await client.text_document_hover_async(types.HoverParams(
            text_document=types.TextDocumentIdentifier(uri=uri),
            position=types.Position(line=line, character=character)))
        assert found is not None and isinstance(found.contents, types.MarkupContent)
        return found.contents.value

    rule = rule_by_code("S003")
    assert rule is not None
    assert render_explanation(rule, "markdown", False).strip() in await hover(TYPO_LINE, 6)
    lines = text.splitlines()
    cited = next(i for i, line in enumerate(lines) if "[^aicpa]" in line)
    shown = await hover(cited, lines[cited].index("[^aicpa]") + 2)
    assert "`[^aicpa]` (line" in shown and "AICPA" in shown
    dangling = next(i for i, line in enumerate(lines) if "[^nowhere]" in line)
    assert "points to no source" in await hover(dangling, lines[dangling].index("[^nowhere]"))


async def test_a_broken_config_is_one_diagnostic_and_the_server_keeps_answering(
        client: LanguageClient, tmp_path: Path) -> None:
    config = tmp_path / "reportlint.yaml"
    config.write_text("select: [ALL]\nignroe: [S003]\n", encoding="utf-8")
    config_uri = config.as_uri()
    # Written after the server started (which may have read the folder's configs
    # already), so the editor's watcher says so, as it would.
    client.workspace_did_change_watched_files(types.DidChangeWatchedFilesParams(changes=[
        types.FileEvent(uri=config_uri, type=types.FileChangeType.Created)]))
    uri = open_report(client, tmp_path / "report.md", TYPO)
    await until(lambda: "config" in codes(client, config_uri))
    [problem] = client.diagnostics[config_uri]
    assert problem.range.start.line == 1 and "ignroe" in problem.message
    assert problem.severity == types.DiagnosticSeverity.Error
    # not checked under a config that cannot be used, as `check` would not run
    await until(lambda: uri in client.diagnostics)
    assert list(client.diagnostics[uri]) == []
    answer = await client.text_document_hover_async(types.HoverParams(
        text_document=types.TextDocumentIdentifier(uri=uri),
        position=types.Position(line=TYPO_LINE, character=4)))
    assert answer is None

    config.write_text("select: [ALL]\nignore: [S001]\n", encoding="utf-8")
    client.workspace_did_change_watched_files(types.DidChangeWatchedFilesParams(changes=[
        types.FileEvent(uri=config_uri, type=types.FileChangeType.Changed)]))
    await until(lambda: not client.diagnostics[config_uri] and codes(client, uri))
    assert codes(client, uri) == ["S003"]  # the new config's ignore holds


def _findings_via_check(path: Path) -> list[tuple[str, int, int, str]]:
    result = subprocess.run([sys.executable, "-m", "reportlint", "check", "--format", "json",
                             "--no-cache", str(path)], capture_output=True, text=True)
    assert result.returncode in (0, 1), result.stderr
    return sorted((f["rule"], f["line"], f["column"], f["message"])
                  for f in json.loads(result.stdout)["findings"])


def _mutations(text: str) -> list[str]:
    """The report as written, and with defects of several kinds put in."""
    lines = text.split("\n")
    heading = next((i for i, line in enumerate(lines) if line.startswith("## ") and i > 20),
                   None)
    if heading is not None:  # Markdown: a typo in a heading
        lines[heading] = lines[heading][:-1] + lines[heading][-2]
    bullet = next(i for i, line in enumerate(lines) if line.lstrip().startswith("- ")
                  and len(line) > 60)
    indent = lines[bullet][:lines[bullet].index("-")]
    lines.insert(bullet + 1, lines[bullet])  # the same bullet twice
    lines.insert(bullet + 2, f"{indent}- TODO add the numbers, which grew 40% in 2025.[^missing]")
    return [text, "\n".join(lines)]


@pytest.mark.parametrize("report", sorted([*CONTENT.glob("*.md"), *CONTENT.glob("*.yaml")]),
                         ids=lambda p: p.name)
async def test_the_server_finds_what_check_finds(client: LanguageClient, tmp_path: Path,
                                                 report: Path) -> None:
    path = tmp_path / report.name
    uri = path.as_uri()
    for version, text in enumerate(_mutations(report.read_text(encoding="utf-8")), 1):
        path.write_text(text, encoding="utf-8")
        expected = _findings_via_check(path)
        if version == 1:
            client.text_document_did_open(types.DidOpenTextDocumentParams(
                text_document=types.TextDocumentItem(uri=uri, language_id="markdown",
                                                     version=1, text=text)))
            await until(lambda: uri in client.diagnostics)
        else:
            client.diagnostics.pop(uri, None)
            change(client, uri, version, text)
            await until(lambda: uri in client.diagnostics)
        index = LineIndex(text, UTF16)
        got = []
        for d in client.diagnostics[uri]:
            start = (d.range.start.line, d.range.start.character)
            column = index.to_offset(start) - index.to_offset((start[0], 0)) + 1
            got.append((str(d.code), start[0] + 1, column, d.message))
        assert sorted(got) == expected
        assert version == 1 or expected  # the mutations are found



async def test_passages_shared_with_other_reports_show_after_a_save(
        client: LanguageClient, tmp_path: Path) -> None:
    """D004 compares the saved workspace in the background: the open report shows the
    passages it shares with a report that is not open, and loses them once it is saved
    without them."""
    from conftest import FIXTURES

    pair = sorted((FIXTURES / "duplication").glob("*.md"))
    shutil.copy(pair[1], tmp_path / pair[1].name)
    text = pair[0].read_text(encoding="utf-8")
    uri = open_report(client, tmp_path / pair[0].name, text)
    client.text_document_did_save(types.DidSaveTextDocumentParams(
        text_document=types.TextDocumentIdentifier(uri=uri)))
    await until(lambda: "D004" in codes(client, uri), timeout=60)
    shared = [d for d in client.diagnostics[uri] if d.code == "D004"]
    assert len(shared) == 2 and all(pair[1].name in d.message for d in shared)
    assert codes(client, uri).count("D004") == 2  # per-file findings are still there too

    other = (tmp_path / pair[1].name)
    other.write_text("---\ntitle: gone\n---\n", encoding="utf-8")  # its passages are gone
    client.text_document_did_save(types.DidSaveTextDocumentParams(
        text_document=types.TextDocumentIdentifier(uri=uri)))
    await until(lambda: "D004" not in codes(client, uri), timeout=60)
