"""`reportlint server`: the language server an editor talks to over stdio (pygls).

Open reports are checked from the editor's text, debounced after each change; a check
that a newer edit overtook is dropped. Every check runs on one worker thread, one after
another, so the protocol keeps answering while a report is read and the rules (which
share their loaded data) never run twice at once.

Cross-report findings (a passage shared with other reports) come from comparing the
workspace's saved reports, in a process of their own so that typing never waits for it:
when the server starts, after each save of a report and after a config change; each open
report then shows its own among its diagnostics.

Initialization options (all optional): `{"debounceMs": 150}`, the quiet time after an
edit before the check starts.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor, ThreadPoolExecutor
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

from lsprotocol import types
from pygls.lsp.server import LanguageServer
from pygls.uris import from_fs_path
from reportlint import __version__
from reportlint.readers import REPORT_SUFFIXES
from reportlint.run.discovery import _HEAD_BYTES, looks_like_report, matches
from reportlint.server import convert
from reportlint.server.checking import (
    Checked,
    Configs,
    check_text,
    is_config_file,
    workspace_cross_report,
)
from reportlint.server.positions import LineIndex

if TYPE_CHECKING:
    from reportlint.findings import Finding

logger = logging.getLogger(__name__)
T = TypeVar("T")
DEFAULT_DEBOUNCE = 0.15


class ReportServer(LanguageServer):
    """The server's state: configs, the last check of each open report, pending checks."""

    def __init__(self) -> None:
        super().__init__("reportlint", __version__,
                         text_document_sync_kind=types.TextDocumentSyncKind.Incremental)
        self.debounce = DEFAULT_DEBOUNCE
        self.configs = Configs()
        self.checked: dict[str, tuple[int | None, Checked]] = {}
        self.pending: dict[str, asyncio.Task[None]] = {}
        self.config_uris: set[str] = set()  # config files we published a problem on
        self._worker = ThreadPoolExecutor(max_workers=1, thread_name_prefix="reportlint")
        # The cross-report comparison of the saved workspace, by display path, and its own
        # process (started when first needed, not forked from these threads): a long
        # comparison never holds up, nor competes for the interpreter with, the checks of
        # what is being typed.
        self.corpus: dict[str, list[Finding]] = {}
        self._corpus_worker: ProcessPoolExecutor | None = None
        self._corpus_run: asyncio.Task[None] | None = None
        self._corpus_again = False

    @property
    def encoding(self) -> str:
        return str(self.workspace.position_encoding or "utf-16")

    async def on_worker(self, work: Callable[..., T], *args: Any) -> T:
        return await asyncio.get_running_loop().run_in_executor(self._worker, work, *args)

    def display(self, path: Path) -> str:
        """The path findings name: relative to the workspace root, as `check` run there
        prints it (and as `per_path` globs are written), else as the editor gave it."""
        root = self.workspace.root_path
        if root:
            try:
                return path.resolve().relative_to(Path(root).resolve()).as_posix()
            except ValueError:
                pass
        return path.as_posix()

    def schedule(self, uri: str, delay: float) -> None:
        """Check `uri` after `delay` seconds, in place of any check still waiting."""
        waiting = self.pending.pop(uri, None)
        if waiting is not None:
            waiting.cancel()
        self.pending[uri] = asyncio.get_running_loop().create_task(self._check_later(uri, delay))

    async def _check_later(self, uri: str, delay: float) -> None:
        if delay > 0:
            await asyncio.sleep(delay)
        try:
            await self.current(uri)
        except Exception:  # a bug in a rule must not take the server down
            logger.exception("checking %s failed", uri)

    async def current(self, uri: str) -> Checked | None:
        """The check of the open report's current text, run now unless it was, and its
        diagnostics published. None: not a report, or its config cannot be used."""
        document = self.workspace.get_text_document(uri)
        version, text = document.version, document.source
        kept = self.checked.get(uri)
        if kept is not None and kept[0] == version and kept[1].text == text:
            return kept[1]
        path = Path(document.path)
        entry = self.configs.for_document(path)
        self.publish_config_problems()
        rules = entry.rules
        if rules is None or not self.is_report(path, text, rules.config.exclude,
                                               rules.config.include):
            self.checked.pop(uri, None)
            self.publish(uri, version, [])
            return None
        checked = await self.on_worker(check_text, text, self.display(path), rules)
        now = self.workspace.text_documents.get(uri)
        if now is None or now.version != version:
            return None  # closed or edited meanwhile: a newer check will publish
        self.checked[uri] = (version, checked)
        self.publish_checked(uri, version, checked)
        return checked

    def publish_checked(self, uri: str, version: int | None, checked: Checked) -> None:
        """The report's diagnostics: its own findings, then its cross-report ones."""
        index = LineIndex(checked.text, self.encoding)
        found = convert.diagnostics(checked, index, uri)
        found += [convert.diagnostic(f, index, uri) for f in self.corpus.get(checked.display, [])]
        self.publish(uri, version, found)

    def refresh_corpus(self) -> None:
        """Compare the workspace's saved reports again in the background (once more after
        the running comparison, if one is running)."""
        if self._corpus_run is not None and not self._corpus_run.done():
            self._corpus_again = True
            return
        self._corpus_run = asyncio.get_running_loop().create_task(self._compare_corpus())

    def stop_comparing(self) -> None:
        """End the comparison's process, even in the middle of a comparison."""
        worker, self._corpus_worker = self._corpus_worker, None
        if worker is None:
            return
        processes = list(getattr(worker, "_processes", {}).values())
        worker.shutdown(wait=False, cancel_futures=True)
        for process in processes:
            process.terminate()

    async def _compare_corpus(self) -> None:
        root = self.workspace.root_path
        entry = self.configs.for_document(Path(root) / "report.md") if root else None
        if root and entry is not None and entry.config is not None and entry.compares_reports():
            if self._corpus_worker is None:
                import multiprocessing

                self._corpus_worker = ProcessPoolExecutor(
                    max_workers=1, mp_context=multiprocessing.get_context("spawn"))
            try:
                self.corpus = await asyncio.get_running_loop().run_in_executor(
                    self._corpus_worker, workspace_cross_report, Path(root), entry.config)
            except Exception:  # a bug in a rule must not take the server down
                logger.exception("comparing the workspace's reports failed")
            else:
                for uri, (version, checked) in list(self.checked.items()):
                    self.publish_checked(uri, version, checked)
        if self._corpus_again:
            self._corpus_again = False
            self.refresh_corpus()

    def is_report(self, path: Path, text: str, exclude: list[str], include: list[str]) -> bool:
        """Whether `check` would take this file as a report in a folder of them: a
        report's suffix, not a config file, not excluded, and named by `include` or
        looking like a report (README.md is not one)."""
        if path.suffix.lower() not in REPORT_SUFFIXES or is_config_file(path):
            return False
        display = self.display(path)
        if exclude and matches(display, exclude):
            return False
        if include:
            return matches(display, include)
        return looks_like_report(text.encode("utf-8")[:_HEAD_BYTES], path.suffix)

    def publish(self, uri: str, version: int | None, found: list[types.Diagnostic]) -> None:
        self.text_document_publish_diagnostics(types.PublishDiagnosticsParams(
            uri=uri, version=version, diagnostics=found))

    def publish_config_problems(self) -> None:
        """One diagnostic on each config file that cannot be used; cleared once it can."""
        now: set[str] = set()
        for entry in self.configs.loaded():
            problem = entry.problem
            if problem is None:
                continue
            uri = from_fs_path(str(problem.path)) or problem.path.as_uri()
            try:
                text = problem.path.read_text(encoding="utf-8", errors="replace")
            except OSError:
                text = ""
            self.publish(uri, None, [convert.config_diagnostic(problem, text, self.encoding)])
            now.add(uri)
        for uri in self.config_uris - now:
            self.publish(uri, None, [])
        self.config_uris = now

    def reload_configs(self) -> None:
        """A config file changed: read configs afresh and check every open report again."""
        self.configs.forget()
        self.checked.clear()
        for uri in list(self.workspace.text_documents):
            path = Path(self.workspace.get_text_document(uri).path)
            if is_config_file(path):
                self.configs.for_document(path.parent / "x.md")  # its problems show too
            else:
                self.schedule(uri, 0)
        self.publish_config_problems()
        self.refresh_corpus()


def build_server() -> ReportServer:
    """A server with every feature registered (a new one per call, for tests)."""
    server = ReportServer()

    @server.feature(types.INITIALIZE)
    def initialize(ls: ReportServer, params: types.InitializeParams) -> None:
        options = params.initialization_options
        if isinstance(options, dict) and isinstance(options.get("debounceMs"), int | float):
            ls.debounce = max(float(options["debounceMs"]), 0.0) / 1000

    @server.feature(types.INITIALIZED)
    async def initialized(ls: ReportServer, params: types.InitializedParams) -> None:
        ls.refresh_corpus()
        watched = ls.client_capabilities.workspace
        dynamic = (watched is not None and watched.did_change_watched_files is not None
                   and watched.did_change_watched_files.dynamic_registration)
        if not dynamic:
            return
        # Config files change outside the editor too (git checkout): ask to hear of it.
        pattern = ("**/{reportlint.yaml,.reportlint.yaml,reportlint.yml,.reportlint.yml,"
                   "pyproject.toml}")
        try:
            await ls.client_register_capability_async(types.RegistrationParams(registrations=[
                types.Registration(
                    id="reportlint-config", method=types.WORKSPACE_DID_CHANGE_WATCHED_FILES,
                    register_options=types.DidChangeWatchedFilesRegistrationOptions(watchers=[
                        types.FileSystemWatcher(glob_pattern=pattern)]))]))
        except Exception:  # the client said no: saving a config in the editor still works
            logger.info("the client does not watch config files for us")

    @server.feature(types.TEXT_DOCUMENT_DID_OPEN)
    def did_open(ls: ReportServer, params: types.DidOpenTextDocumentParams) -> None:
        if is_config_file(Path(ls.workspace.get_text_document(params.text_document.uri).path)):
            ls.reload_configs()
        else:
            ls.schedule(params.text_document.uri, 0)

    @server.feature(types.TEXT_DOCUMENT_DID_CHANGE)
    def did_change(ls: ReportServer, params: types.DidChangeTextDocumentParams) -> None:
        ls.schedule(params.text_document.uri, ls.debounce)

    @server.feature(types.TEXT_DOCUMENT_DID_SAVE)
    def did_save(ls: ReportServer, params: types.DidSaveTextDocumentParams) -> None:
        if is_config_file(Path(ls.workspace.get_text_document(params.text_document.uri).path)):
            ls.reload_configs()
        else:
            ls.refresh_corpus()

    @server.feature(types.TEXT_DOCUMENT_DID_CLOSE)
    def did_close(ls: ReportServer, params: types.DidCloseTextDocumentParams) -> None:
        uri = params.text_document.uri
        waiting = ls.pending.pop(uri, None)
        if waiting is not None:
            waiting.cancel()
        ls.checked.pop(uri, None)
        ls.publish(uri, None, [])

    @server.feature(types.WORKSPACE_DID_CHANGE_WATCHED_FILES)
    def watched(ls: ReportServer, params: types.DidChangeWatchedFilesParams) -> None:
        from pygls.uris import to_fs_path

        if any(is_config_file(Path(to_fs_path(change.uri) or change.uri))
               for change in params.changes):
            ls.reload_configs()

    @server.feature(types.TEXT_DOCUMENT_CODE_ACTION, types.CodeActionOptions(
        code_action_kinds=[types.CodeActionKind.QuickFix, types.CodeActionKind.SourceFixAll]))
    async def code_action(ls: ReportServer,
                          params: types.CodeActionParams) -> list[types.CodeAction] | None:
        from reportlint.server.actions import code_actions

        uri = params.text_document.uri
        checked = await ls.current(uri)
        if checked is None:
            return None
        return await code_actions(ls.on_worker, ls.encoding, uri, checked, params)

    @server.feature(types.TEXT_DOCUMENT_HOVER)
    async def hover(ls: ReportServer, params: types.HoverParams) -> types.Hover | None:
        checked = await ls.current(params.text_document.uri)
        if checked is None:
            return None
        index = LineIndex(checked.text, ls.encoding)
        text = convert.hover_text(checked, index,
                                  (params.position.line, params.position.character))
        if text is None:
            return None
        return types.Hover(contents=types.MarkupContent(kind=types.MarkupKind.Markdown,
                                                        value=text))

    return server


def serve() -> None:
    """Run the server on standard input and output until the client says exit."""
    server = build_server()
    try:
        server.start_io()
    finally:
        server.stop_comparing()
