"""How long a writer waits for diagnostics after a keystroke, over the real protocol.

Spawns `reportlint server` (debounce 0, through its initialization option, so the time is
the check's, not the wait), opens a report from content/, then makes one-character edits
(typing a sentence a letter at a time at the end of its longest prose line, so that every
version is a text the server has not seen) and times each from the didChange sent to the
publishDiagnostics of that version received.

    python bench/lsp_latency.py                       # 50 edits on the 19 KB Markdown report
    python bench/lsp_latency.py --report content/data-engineer-healthcare-uk-2025.yaml
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import sys
import time
from pathlib import Path

from lsprotocol import types
from pygls.lsp.client import LanguageClient

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_REPORT = ROOT / "content" / "production-support-analyst-fintech-us-2025.md"
# What the bench types, a letter per edit (a second round makes the line longer still).
_TYPED = " Most of these teams also run a weekly review of open incidents."


async def measure(report: Path, edits: int) -> list[float]:
    client = LanguageClient("lsp-latency", "1")
    arrived: dict[int, float] = {}
    waiting: dict[int, asyncio.Future[None]] = {}
    published: dict[int, int] = {}  # how often each version's diagnostics came

    @client.feature(types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)
    def diagnostics(params: types.PublishDiagnosticsParams) -> None:
        if params.version is not None:
            published[params.version] = published.get(params.version, 0) + 1
            arrived[params.version] = time.perf_counter()
            future = waiting.get(params.version)
            if future is not None and not future.done():
                future.set_result(None)

    @client.feature(types.CLIENT_REGISTER_CAPABILITY)
    def register(params: types.RegistrationParams) -> None:
        return None

    await client.start_io(sys.executable, "-m", "reportlint", "server")
    await client.initialize_async(types.InitializeParams(
        capabilities=types.ClientCapabilities(), root_uri=ROOT.as_uri(),
        initialization_options={"debounceMs": 0}))
    client.initialized(types.InitializedParams())
    text = report.read_text(encoding="utf-8")
    uri = report.as_uri()
    loop = asyncio.get_running_loop()
    waiting[1] = loop.create_future()
    client.text_document_did_open(types.DidOpenTextDocumentParams(
        text_document=types.TextDocumentItem(uri=uri, language_id=report.suffix.lstrip("."),
                                             version=1, text=text)))
    await asyncio.wait_for(waiting[1], 60)  # the cold check: imports, data files
    # The workspace's cross-report comparison starts with the server and republishes the
    # open report when it ends; measure typing after it, in the steady state an editor
    # spends its day in (it runs in its own process, but this machine has two cores).
    deadline = loop.time() + 300
    while published.get(1, 0) < 2 and loop.time() < deadline:
        await asyncio.sleep(0.1)
    lines = text.split("\n")
    prose = max(range(len(lines)), key=lambda i: len(lines[i]))  # the longest line
    end = len(lines[prose])  # ASCII-safe enough: the bench only appends and deletes there
    times: list[float] = []
    for version in range(2, edits + 2):
        typed = version - 2
        at = types.Position(line=prose, character=end + typed)
        change = types.TextDocumentContentChangePartial(
            range=types.Range(start=at, end=at), text=_TYPED[typed % len(_TYPED)])
        waiting[version] = loop.create_future()
        sent = time.perf_counter()
        client.text_document_did_change(types.DidChangeTextDocumentParams(
            text_document=types.VersionedTextDocumentIdentifier(uri=uri, version=version),
            content_changes=[change]))
        await asyncio.wait_for(waiting[version], 60)
        times.append(arrived[version] - sent)
    await client.shutdown_async(None)
    client.exit(None)
    await client.stop()
    return times


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--report", type=Path, default=DEFAULT_REPORT)
    parser.add_argument("--edits", type=int, default=50)
    args = parser.parse_args()
    times = sorted(asyncio.run(measure(args.report.resolve(), args.edits)))
    p95 = times[min(len(times) - 1, round(0.95 * (len(times) - 1)))]
    size = args.report.stat().st_size / 1000
    print(f"{args.report.name} ({size:.0f} KB), {len(times)} one-character edits, debounce 0:")
    print(f"median {statistics.median(times) * 1000:.1f} ms, p95 {p95 * 1000:.1f} ms, "
          f"min {times[0] * 1000:.1f} ms, max {times[-1] * 1000:.1f} ms")


if __name__ == "__main__":
    main()
