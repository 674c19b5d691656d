"""The corpus page in a real browser: headless Chromium loads it from a file URL, the
charts and the table render, a click on a column heading sorts the table, nothing is
fetched from the network, and a screenshot is saved beside the test's files."""

from __future__ import annotations

import base64
import json
import os
import shutil
import subprocess
import time
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from conftest import CLEAN_FIXTURES, CONTENT
from reportlint.config import Config
from reportlint.findings import Category
from reportlint.reporters.corpuspage import render_page
from reportlint.reporters.corpuspage.facts import collect_facts

BROWSERS = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")
FLAGS = ("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
         "--disable-component-update", "--disable-sync", "--no-first-run",
         "--disable-dev-shm-usage", "--window-size=1280,1800")
TIMEOUT = 30.0


def find_chromium() -> str | None:
    explicit = os.environ.get("REPORTLINT_CHROMIUM")
    if explicit:
        return explicit
    return next((found for name in BROWSERS if (found := shutil.which(name))), None)


class DevTools:
    """A minimal client of Chromium's DevTools protocol over one page's websocket."""

    def __init__(self, url: str) -> None:
        import websocket

        self.socket = websocket.create_connection(url, timeout=TIMEOUT, suppress_origin=True)
        self.next_id = 0
        self.events: list[dict[str, Any]] = []

    def send(self, method: str, **params: Any) -> dict[str, Any]:
        self.next_id += 1
        wanted = self.next_id
        self.socket.send(json.dumps({"id": wanted, "method": method, "params": params}))
        while True:
            message = json.loads(self.socket.recv())
            if message.get("id") == wanted:
                if "error" in message:
                    raise AssertionError(f"{method}: {message['error']}")
                return message.get("result", {})  # type: ignore[no-any-return]
            if "method" in message:
                self.events.append(message)

    def wait_for(self, event: str) -> dict[str, Any]:
        deadline = time.monotonic() + TIMEOUT
        while time.monotonic() < deadline:
            for seen in self.events:
                if seen["method"] == event:
                    return seen
            message = json.loads(self.socket.recv())
            if "method" in message:
                self.events.append(message)
        raise AssertionError(f"no {event} within {TIMEOUT} s")

    def evaluate(self, expression: str) -> Any:
        result = self.send("Runtime.evaluate", expression=expression, returnByValue=True)
        if "exceptionDetails" in result:
            raise AssertionError(f"{expression}: {result['exceptionDetails']}")
        return result["result"].get("value")

    def click(self, selector: str) -> None:
        """A real mouse click in the middle of the element (scrolled into view first)."""
        box = self.evaluate(
            f"(() => {{ const e = document.querySelector({json.dumps(selector)}); "
            "e.scrollIntoView({block: 'center'}); const r = e.getBoundingClientRect(); "
            "return [r.left + r.width / 2, r.top + r.height / 2]; })()")
        for kind in ("mousePressed", "mouseReleased"):
            self.send("Input.dispatchMouseEvent", type=kind, x=box[0], y=box[1],
                      button="left", clickCount=1)

    def close(self) -> None:
        self.socket.close()


@pytest.fixture
def browser(tmp_path: Path) -> Iterator[DevTools]:
    executable = find_chromium()
    if executable is None:
        pytest.skip("Chromium cannot be found (Debian package `chromium`, which .ci/run "
                    "installs; or set REPORTLINT_CHROMIUM to a Chromium or Chrome binary)")
    pytest.importorskip("websocket", reason="websocket-client (a test extra) is not installed")
    profile = tmp_path / "chromium-profile"
    process = subprocess.Popen([executable, *FLAGS, f"--user-data-dir={profile}",
                                "--remote-debugging-port=0", "about:blank"],
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    client = None
    try:
        port = _devtools_port(profile, process)
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/json/list",
                                    timeout=TIMEOUT) as answer:
            targets = json.load(answer)
        page = next(t for t in targets if t.get("type") == "page")
        client = DevTools(page["webSocketDebuggerUrl"])
        yield client
    finally:
        if client is not None:
            client.close()
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def _devtools_port(profile: Path, process: subprocess.Popen[bytes]) -> int:
    """The port Chromium chose; it writes it to DevToolsActivePort in the profile."""
    marker = profile / "DevToolsActivePort"
    deadline = time.monotonic() + TIMEOUT
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise AssertionError(f"Chromium exited with status {process.returncode}")
        if marker.exists():
            first = marker.read_text(encoding="utf-8").split("\n", 1)[0].strip()
            if first.isdigit():
                return int(first)
        time.sleep(0.05)
    raise AssertionError(f"Chromium did not open its DevTools port within {TIMEOUT} s")


@dataclass
class Page:
    path: Path
    reports: int
    failing: int
    with_findings: int


@pytest.fixture
def page(tmp_path: Path, imported_example: Path) -> Page:
    """The page for content/, the clean fixtures, the imported example page and a report
    cut off halfway."""
    root = tmp_path / "corpus"
    root.mkdir()
    for source in [*CONTENT.glob("*.md"), *CONTENT.glob("*.yaml"), *CLEAN_FIXTURES.glob("*.md"),
                   imported_example]:
        shutil.copy(source, root / source.name)
    broken = (CONTENT / "account-executive-saas-us-2025.md").read_text(encoding="utf-8")
    (root / "half-written.md").write_text(broken.split("## Demand Drivers")[0],
                                          encoding="utf-8")
    facts = collect_facts(root, Config())
    target = tmp_path / "report.html"
    target.write_text(render_page(facts), encoding="utf-8")
    reports = facts.gate.reports
    assert len(reports) == len(list(root.iterdir()))
    return Page(target, len(reports), len(facts.gate.failed),
                sum(1 for report in reports if report.findings))


def test_the_page_renders_and_sorts_in_chromium(browser: DevTools, page: Page,
                                                tmp_path: Path) -> None:
    path, reports, failing = page.path, page.reports, page.failing
    assert failing >= 2  # the example page and the half-written report
    browser.send("Page.enable")
    browser.send("Network.enable")
    browser.send("Runtime.enable")
    browser.send("Page.navigate", url=path.as_uri())
    browser.wait_for("Page.loadEventFired")

    # The charts drew bars with a real size, and the table has one row per report.
    assert browser.evaluate("document.querySelectorAll('svg.chart').length") >= 2
    bars = browser.evaluate(
        "Array.from(document.querySelectorAll('#chart-categories rect'))"
        ".map(r => r.getBoundingClientRect().width)")
    assert bars and all(width > 0 for width in bars)
    worst = browser.evaluate("document.querySelectorAll('#chart-worst g.bar').length")
    assert worst == min(page.with_findings, 10)

    # The categories are named as the CLI names them, and every chart label shows its
    # whole text inside its chart (the report names are the longest).
    names = browser.evaluate("Array.from(document.querySelectorAll('#chart-categories "
                             "g.bar')).map(g => g.getAttribute('data-label'))")
    assert names == [category.value for category in Category]
    labels = browser.evaluate(
        "Array.from(document.querySelectorAll('svg.chart text.label')).map(t => {"
        " const box = t.getBoundingClientRect(), chart = t.ownerSVGElement"
        ".getBoundingClientRect(); const shown = Array.from(t.childNodes)"
        ".filter(n => n.nodeType === 3).map(n => n.textContent).join('');"
        " return [t.closest('g').getAttribute('data-label'), shown,"
        " box.left >= chart.left - 0.5 && box.right <= chart.right + 0.5]; })")
    assert labels and all(full == shown and inside for full, shown, inside in labels), [
        label for label in labels if not (label[0] == label[1] and label[2])]

    # Each report's sample of findings is most serious first.
    ranks = browser.evaluate(
        "Array.from(document.querySelectorAll('section.report')).map(s => Array.from("
        "s.querySelectorAll('tbody tr td:nth-child(2)')).map(td => td.className))")
    order = {"error": 3, "warning": 2, "info": 1}
    assert any(len(set(block)) > 1 for block in ranks)  # mixed severities are shown
    for block in ranks:
        assert [order[c] for c in block] == sorted((order[c] for c in block), reverse=True)
    assert browser.evaluate("document.querySelector('#report-table').offsetHeight") > 100
    rows = "Array.from(document.querySelectorAll('#report-table tbody tr'))"
    assert browser.evaluate(f"{rows}.length") == reports
    statuses = browser.evaluate(f"{rows}.map(r => r.className)")
    assert statuses == ["fail"] * failing + ["pass"] * (reports - failing)

    # A click on "Report" sorts by name, A to Z; a click on "All findings" puts the most
    # findings first, and a second click reverses it.
    names = f"{rows}.map(r => r.cells[0].getAttribute('data-sort'))"
    totals = f"{rows}.map(r => Number(r.cells[5].getAttribute('data-sort')))"
    browser.click("#report-table th button[data-column='0']")
    by_name = browser.evaluate(names)
    assert len(by_name) == reports and by_name == sorted(by_name, key=str.lower)
    assert browser.evaluate("document.querySelectorAll('#report-table th')[0]"
                            ".getAttribute('aria-sort')") == "ascending"
    browser.click("#report-table th button[data-column='5']")
    most_first = browser.evaluate(totals)
    assert most_first == sorted(most_first, reverse=True) and most_first[0] > 0
    browser.click("#report-table th button[data-column='5']")
    assert browser.evaluate(totals) == sorted(most_first)

    # "Show only failing reports" hides the passing rows.
    browser.click("#only-failing")
    visible = browser.evaluate(f"{rows}.filter(r => r.offsetParent !== null).length")
    assert visible == failing

    # A report's link in the table jumps to its findings.
    browser.click("#report-table tbody tr.fail a")
    target = browser.evaluate("location.hash")
    assert target.startswith("#report-")
    assert browser.evaluate(f"document.querySelector('{target}').getBoundingClientRect().top"
                            ) < 100
    assert browser.evaluate(f"document.querySelectorAll('{target} tbody tr').length") > 0

    browser.click("#only-failing")
    browser.evaluate("window.scrollTo(0, 0)")
    screenshot = browser.send("Page.captureScreenshot", format="png")
    shot = tmp_path / "report-page.png"
    shot.write_bytes(base64.b64decode(screenshot["data"]))
    assert shot.read_bytes().startswith(b"\x89PNG") and shot.stat().st_size > 10_000

    # Nothing went to the network, and the page's script threw nothing.
    requested = [e["params"]["request"]["url"] for e in browser.events
                 if e["method"] == "Network.requestWillBeSent"]
    assert requested and all(url.startswith(("file:", "data:", "about:")) for url in requested)
    assert not [e for e in browser.events if e["method"] == "Runtime.exceptionThrown"]
