"""Paths and writes a hostile or unlucky user gives: an output onto an input, links,
FIFOs, loops, mixed line endings, a killed run. Nothing a writer wrote is lost, no run
hangs, and every refusal is exit 2 naming the path."""

from __future__ import annotations

import json
import os
import pickle
import shutil
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import CONTENT
from reportlint.cli import main
from reportlint.run.cache import Entry

REPORT = CONTENT / "account-executive-saas-us-2025.md"
RUN = [sys.executable, "-m", "reportlint"]


def run(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([*RUN, *args], cwd=cwd, capture_output=True, text=True, timeout=60)


@pytest.fixture
def report(tmp_path: Path) -> Path:
    path = tmp_path / "report.md"
    shutil.copy(REPORT, path)
    return path


def test_output_onto_a_checked_report_is_refused_and_the_report_kept(report: Path) -> None:
    before = report.read_bytes()
    result = CliRunner().invoke(main, ["check", "--no-cache", "-o", str(report), str(report)])
    assert result.exit_code == 2
    assert "it is an input of this run" in result.output
    assert report.read_bytes() == before


def test_output_through_a_link_to_a_checked_report_is_refused(report: Path) -> None:
    link = report.with_name("findings.md")
    link.symlink_to(report.name)
    before = report.read_bytes()
    result = CliRunner().invoke(main, ["check", "--no-cache", "-o", str(link), str(report)])
    assert result.exit_code == 2
    assert report.read_bytes() == before and link.is_symlink()


def test_output_onto_the_config_or_baseline_is_refused(report: Path) -> None:
    config = report.with_name("reportlint.yaml")
    config.write_text("ignore: [S005]\n")
    result = CliRunner().invoke(main, ["check", "--no-cache", "-o", str(config), str(report)])
    assert result.exit_code == 2
    assert config.read_text() == "ignore: [S005]\n"


def test_output_into_a_symlink_writes_its_target_and_keeps_the_link(report: Path,
                                                                     tmp_path: Path) -> None:
    target = tmp_path / "out" / "findings.json"
    target.parent.mkdir()
    target.write_text("old")
    link = tmp_path / "findings.json"
    link.symlink_to(target)
    result = CliRunner().invoke(main, ["check", "--no-cache", "--format", "json", "-o",
                                       str(link), str(report)])
    assert result.exit_code == 0, result.output
    assert link.is_symlink()
    assert json.loads(target.read_text()) == {"findings": []}


def test_output_into_a_fifo_is_written_into_not_replaced(report: Path, tmp_path: Path) -> None:
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    received: list[bytes] = []
    reader = threading.Thread(target=lambda: received.append(fifo.read_bytes()))
    reader.start()
    result = run("check", "--no-cache", "--format", "json", "-o", str(fifo), str(report),
                 cwd=tmp_path)
    reader.join(timeout=30)
    assert result.returncode == 0, result.stderr
    assert json.loads(received[0]) == {"findings": []}
    assert fifo.is_fifo()


def test_a_fifo_named_like_a_report_is_reported_not_opened(report: Path,
                                                           tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "stuck.md")
    for args in (["check", "--no-cache", "."], ["check", "--no-cache", "stuck.md"],
                 ["gate", "--no-cache", "."]):
        result = run(*args, cwd=tmp_path)  # would hang forever if the FIFO were opened
        assert result.returncode == 1, (args, result.stderr)
        assert "Traceback" not in result.stderr
    result = run("check", "--no-cache", "--format", "json", "stuck.md", cwd=tmp_path)
    [finding] = json.loads(result.stdout)["findings"]
    assert (finding["rule"], finding["message"]) == ("S009",
                                                      "not a regular file (a FIFO): not read")


def test_a_fifo_given_as_config_is_a_clear_error(report: Path, tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "config.yaml")
    result = run("check", "--no-cache", "--config", "config.yaml", str(report), cwd=tmp_path)
    assert result.returncode == 2
    assert "config.yaml: not a regular file (a FIFO)" in result.stderr


def test_symlink_loops_are_reported_and_the_run_goes_on(report: Path, tmp_path: Path) -> None:
    (tmp_path / "loop.md").symlink_to("loop.md")
    for args in (["check", "--no-cache", "--format", "json", "."],
                 ["check", "--format", "json", "loop.md", "report.md"]):
        result = run(*args, cwd=tmp_path)
        assert "Traceback" not in result.stderr, result.stderr
        findings = json.loads(result.stdout)["findings"]
        assert [(f["path"].rsplit("/", 1)[-1], f["rule"]) for f in findings] == [
            ("loop.md", "S009")]
        assert "symbolic links" in findings[0]["message"]


def test_fix_keeps_each_lines_own_ending(report: Path) -> None:
    lines = report.read_text().replace("## Market Snapshot", "## Market Snapshto").split("\n")
    mixed = "".join(line + ("\r\n" if k % 3 == 0 else "\n")
                    for k, line in enumerate(lines[:-1])) + lines[-1]
    report.write_bytes(mixed.encode())
    CliRunner().invoke(main, ["check", "--no-cache", "--fix", str(report)])
    before, after = mixed.encode().split(b"\n"), report.read_bytes().split(b"\n")
    changed = [k for k, (a, b) in enumerate(zip(before, after, strict=True)) if a != b]
    assert len(changed) == 1
    assert after[changed[0]].rstrip(b"\r") == b"## Market Snapshot (2025)"


def test_fix_through_a_symlink_fixes_the_target_and_keeps_the_link(report: Path) -> None:
    report.write_text(report.read_text().replace("## Market Snapshot", "## Market Snapshto"))
    link = report.with_name("link.md")
    link.symlink_to(report.name)
    CliRunner().invoke(main, ["check", "--no-cache", "--fix", str(link)])
    assert link.is_symlink()
    assert "## Market Snapshot (2025)" in report.read_text()


def test_fix_keeps_hard_links(report: Path) -> None:
    report.write_text(report.read_text().replace("## Market Snapshot", "## Market Snapshto"))
    other = report.with_name("other-name.txt")
    os.link(report, other)
    CliRunner().invoke(main, ["check", "--no-cache", "--fix", str(report)])
    assert os.path.samefile(report, other)
    assert "## Market Snapshot (2025)" in other.read_text()


def test_a_cache_entry_moved_to_another_files_key_is_not_served(tmp_path: Path) -> None:
    good, bad = tmp_path / "good.md", tmp_path / "bad.md"
    shutil.copy(REPORT, good)
    bad.write_text(REPORT.read_text().replace("## Market Snapshot", "## Market Snapshto"))
    first = CliRunner().invoke(main, ["check", "--format", "json", str(tmp_path)])
    assert json.loads(first.output)["findings"]
    entries = [p for p in (tmp_path / ".reportlint_cache").rglob("*")
               if p.is_file() and len(p.name) == 64]
    loaded = {p: pickle.loads(p.read_bytes()) for p in entries}
    by_findings = {bool(entry.findings): p for p, entry in loaded.items()
                   if isinstance(entry, Entry)}
    shutil.copy(by_findings[False], by_findings[True])  # the clean file's entry in bad's place
    again = CliRunner().invoke(main, ["check", "--format", "json", str(tmp_path)])
    assert json.loads(again.output) == json.loads(first.output)


@pytest.mark.parametrize(("args", "message"), [
    (["clean", "/nonexistent/reports"], "no such file or folder"),
    (["convert", "{report}", "-o", "{tmp}/out.txt"], "cannot tell the form"),
    (["convert", "{bad}"], "cannot convert: 'meta.role' is required"),
    (["convert", "{utf16}"], "UTF-16"),
    (["import", "{nul}"], "NUL byte"),
    (["convert", "{report}", "-o", "{report}"], "refusing to write"),
])
def test_mistakes_are_exit_2_with_a_message(args: list[str], message: str, report: Path,
                                            tmp_path: Path) -> None:
    (tmp_path / "bad.md").write_text("---\ntitle: x\n---\n")
    (tmp_path / "utf16.md").write_bytes(REPORT.read_text().encode("utf-16"))
    (tmp_path / "nul.txt").write_bytes(b"CAREER\nDec 1, 2025\n\0\nTitle\n")
    names = {"bad": tmp_path / "bad.md", "tmp": tmp_path, "utf16": tmp_path / "utf16.md",
             "nul": tmp_path / "nul.txt", "report": report}
    result = CliRunner().invoke(main, [a.format(**names) for a in args])
    assert result.exit_code == 2, result.output
    assert message in result.output


def _children(pid: int) -> set[int]:
    found = set()
    for task in Path(f"/proc/{pid}/task").iterdir():
        text = (task / "children").read_text().split()
        found |= {int(child) for child in text}
    return found


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc; Linux only")
def test_workers_end_when_their_run_is_killed(tmp_path: Path) -> None:
    for k in range(120):
        shutil.copy(REPORT, tmp_path / f"r{k:03}.md")
    process = subprocess.Popen([*RUN, "check", "--no-cache", "--jobs", "2", str(tmp_path)],
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    workers: set[int] = set()
    deadline = time.monotonic() + 30
    while len(workers) < 2 and time.monotonic() < deadline and process.poll() is None:
        workers = _children(process.pid)
        time.sleep(0.05)
    if len(workers) < 2:
        process.wait(timeout=60)
        pytest.fail("the run never started two workers")
    process.send_signal(signal.SIGKILL)
    process.wait(timeout=10)
    deadline = time.monotonic() + 10
    alive = workers
    while alive and time.monotonic() < deadline:
        alive = {pid for pid in alive if Path(f"/proc/{pid}").exists()
                 and "Z" not in Path(f"/proc/{pid}/stat").read_text().split()[2]}
        time.sleep(0.1)
    assert not alive
