"""Baselines: record today's findings, then report only new ones, whatever lines move."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import CLEAN_FIXTURES
from reportlint.findings import Finding
from reportlint.run.baseline import (
    AppliedBaseline,
    Entry,
    LineTexts,
    compare,
    filter_findings,
    fingerprint,
    load_baseline,
    write_baseline,
)

CLEAN = (CLEAN_FIXTURES / "data-analyst-retail-us-2025.md").read_text(encoding="utf-8")


def run(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "reportlint", *args], capture_output=True,
                          text=True, cwd=cwd)


def findings_of(result: subprocess.CompletedProcess[str]) -> list[dict[str, object]]:
    found: list[dict[str, object]] = json.loads(result.stdout)["findings"]
    return found


def insert_line_at_top(path: Path, line: str) -> None:
    """A line just under the opening `---`: every line of the report moves down by one."""
    text = path.read_text(encoding="utf-8")
    assert text.startswith("---\n")
    path.write_text(f"---\n{line}\n{text[4:]}", encoding="utf-8")


def test_baseline_on_the_example_page_survives_moving_lines_and_catches_a_new_defect(
        imported_example: Path, tmp_path: Path) -> None:
    content = tmp_path / "content"
    content.mkdir()
    page = content / "example.md"
    shutil.copy(imported_example, page)
    before = findings_of(run("check", "content", "--format", "json", cwd=tmp_path))
    assert before, "the example page has findings to record"

    written = run("check", "content", "--write-baseline", "baseline.json", cwd=tmp_path)
    assert written.returncode == 0, written.stderr
    assert written.stderr == f"wrote baseline.json: {len(before)} findings recorded\n"
    assert len(json.loads((tmp_path / "baseline.json").read_text())["findings"]) == len(before)

    insert_line_at_top(page, "# reviewed for the 2026 refresh")
    moved = run("check", "content", "--format", "json", cwd=tmp_path)
    assert [f["line"] for f in findings_of(moved)] == [int(str(f["line"])) + 1 for f in before]
    again = run("check", "content", "--baseline", "baseline.json", cwd=tmp_path)
    assert (again.returncode, again.stdout) == (0, "")
    assert again.stderr == (f"baseline.json: {len(before)} known findings hidden, 0 new; none "
                            "of the baselined findings is gone.\n")

    text = page.read_text(encoding="utf-8")
    assert text.count("\n### Signals to watch\n") == 1
    page.write_text(text.replace("\n### Signals to watch\n", "\n### Signals to wacth\n"),
                    encoding="utf-8")
    new = run("check", "content", "--baseline", "baseline.json", "--format", "json",
              cwd=tmp_path)
    assert new.returncode == 1
    line = page.read_text(encoding="utf-8").splitlines().index("### Signals to wacth") + 1
    assert [(f["rule"], f["line"]) for f in findings_of(new)] == [("S003", line)]
    assert f"{len(before)} known findings hidden, 1 new" in new.stderr


def test_fixed_findings_are_counted_as_gone(tmp_path: Path) -> None:
    report = tmp_path / "report.md"
    report.write_text(CLEAN.replace("### Signals to watch", "### Signals to wacth")
                      .replace("### Fast scope checks", "### Fast scope chekcs"),
                      encoding="utf-8")
    assert run("check", "report.md", "--write-baseline", "b.json", cwd=tmp_path).returncode == 0
    report.write_text(CLEAN.replace("### Signals to watch", "### Signals to wacth"),
                      encoding="utf-8")
    result = run("check", "report.md", "--baseline", "b.json", cwd=tmp_path)
    assert (result.returncode, result.stdout) == (0, "")
    assert result.stderr == ("b.json: 1 known finding hidden, 0 new; 1 baselined finding is "
                             "gone (fixed or removed): run --write-baseline again to drop it.\n")
    quiet = run("check", "report.md", "--baseline", "b.json", "--quiet", cwd=tmp_path)
    assert (quiet.returncode, quiet.stdout, quiet.stderr) == (0, "", "")


def test_paths_are_relative_to_the_baseline_so_any_folder_works(tmp_path: Path) -> None:
    (tmp_path / "content").mkdir()
    (tmp_path / "content" / "r.md").write_text(
        CLEAN.replace("### Signals to watch", "### Signals to wacth"), encoding="utf-8")
    assert run("check", "content", "--write-baseline", "b.json", cwd=tmp_path).returncode == 0
    assert load_baseline(tmp_path / "b.json")[0].path == "content/r.md"
    inside = run("check", "r.md", "--baseline", "../b.json", cwd=tmp_path / "content")
    assert (inside.returncode, inside.stdout) == (0, "")
    absolute = run("check", str(tmp_path / "content"), "--baseline", str(tmp_path / "b.json"),
                   cwd=Path("/"))
    assert (absolute.returncode, absolute.stdout) == (0, "")


def finding(rule: str = "S004", line: int = 12, message: str = "m", path: str = "r.md") -> Finding:
    return Finding(path, line, 1, rule, message)


def test_fingerprint_ignores_line_numbers_but_not_words() -> None:
    first = finding(message='section "FAQ" appears again; first at line 180')
    moved = finding(line=13, message='section "FAQ" appears again; first at line 181')
    assert fingerprint(first, "## FAQ") == fingerprint(moved, "## FAQ")
    listed = finding(message='"long cycles" is used 3 times (lines 20, 25, 69)')
    shifted = finding(message='"long cycles" is used 3 times (lines 21, 26, 70)')
    assert fingerprint(listed, "- long cycles") == fingerprint(shifted, "- long cycles")
    assert fingerprint(first, "## FAQ") == fingerprint(first, "  ##   FAQ ")
    assert fingerprint(first, "## FAQ") != fingerprint(first, "## FAQs")
    assert fingerprint(first, "## FAQ") != fingerprint(finding(rule="S003"), "## FAQ")


def test_each_recorded_copy_hides_one_finding(tmp_path: Path) -> None:
    (tmp_path / "r.md").write_text("same line\nsame line\n", encoding="utf-8")
    twice = [finding(line=1, path=str(tmp_path / "r.md")),
             finding(line=2, path=str(tmp_path / "r.md"))]
    baseline = tmp_path / "b.json"
    write_baseline(baseline, twice[:1])
    result = compare(twice, load_baseline(baseline), tmp_path)
    assert (result.known, len(result.new), result.gone) == (1, 1, [])
    assert filter_findings(twice, baseline) == result.new
    result = compare([], load_baseline(baseline), tmp_path)
    assert [entry.rule for entry in result.gone] == ["S004"]


def test_a_baseline_applied_a_report_at_a_time_hides_what_it_hides_applied_whole(
        tmp_path: Path) -> None:
    """The gate applies the baseline to each report's findings as they are read back, so
    that a corpus's findings are never all held: the same findings hidden and kept."""
    for name in ("a.md", "b.md"):
        (tmp_path / name).write_text("same line\nsame line\nother line\n", encoding="utf-8")
    found = [finding(rule=rule, line=line, path=str(tmp_path / name))
             for name in ("a.md", "b.md") for line in (1, 2, 3) for rule in ("S004", "E001")]
    baseline = tmp_path / "b.json"
    write_baseline(baseline, found[::3] + found[1:2])  # five of the twelve
    whole = compare(found, load_baseline(baseline), tmp_path)
    applied = AppliedBaseline(load_baseline(baseline), tmp_path)
    kept = [f for name in ("a.md", "b.md")
            for f in applied.new([f for f in found if f.path.endswith(name)])]
    assert kept == whole.new and applied.known == whole.known == 5
    assert applied.gone(load_baseline(baseline)) == whole.gone == []


def test_line_texts_reads_each_file_once_and_forgives_missing_ones(tmp_path: Path) -> None:
    path = tmp_path / "r.md"
    path.write_bytes(b"\xef\xbb\xbfone\r\ntwo\r\n")
    texts = LineTexts()
    assert (texts.line(str(path), 1), texts.line(str(path), 2)) == ("one", "two")
    path.unlink()
    assert texts.line(str(path), 2) == "two"  # cached
    assert texts.line(str(tmp_path / "gone.md"), 1) == ""
    assert texts.line(str(tmp_path / "gone.md"), 0) == ""


@pytest.mark.parametrize(("content", "message"), [
    ("{", "not JSON"),
    ('{"findings": 3}', 'no "findings" list'),
    ('{"version": 9, "findings": []}', "baseline version 9 is not supported"),
    ('{"version": 1, "findings": [{"path": "a"}]}', "finding 1 needs string path"),
])
def test_a_bad_baseline_is_a_tool_error(tmp_path: Path, content: str, message: str) -> None:
    (tmp_path / "r.md").write_text(CLEAN, encoding="utf-8")
    (tmp_path / "b.json").write_text(content, encoding="utf-8")
    result = run("check", "r.md", "--baseline", "b.json", cwd=tmp_path)
    assert result.returncode == 2
    assert message in result.stderr
    assert "Traceback" not in result.stderr
    with pytest.raises(ValueError, match=message.split(" ")[0]):
        load_baseline(tmp_path / "b.json")


def test_a_missing_baseline_is_a_tool_error(tmp_path: Path) -> None:
    (tmp_path / "r.md").write_text(CLEAN, encoding="utf-8")
    result = run("check", "r.md", "--baseline", "nope.json", cwd=tmp_path)
    assert result.returncode == 2
    assert "cannot read baseline nope.json" in result.stderr


def test_entries_keep_line_and_message_for_people(tmp_path: Path) -> None:
    (tmp_path / "r.md").write_text("x\n", encoding="utf-8")
    write_baseline(tmp_path / "b.json", [finding(line=1, path=str(tmp_path / "r.md"))])
    entry = load_baseline(tmp_path / "b.json")[0]
    assert entry == Entry("r.md", "S004", entry.fingerprint, 1, "m")
