"""A run's findings held on disk and printed as they are read: the same findings, in the
same order, and the same text, as when they are all held in memory."""

from __future__ import annotations

import io
import json
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import CONTENT, FIXTURES
from hypothesis import given
from hypothesis import strategies as st
from reportlint.config import Config
from reportlint.findings import Finding, Severity
from reportlint.reporters import render, write
from reportlint.reporters.capping import capped
from reportlint.reporters.options import RenderOptions
from reportlint.run.findingstore import FindingStore
from reportlint.run.pipeline import lint_paths, stream_paths
from reportlint.writers import atomic_writing

findings = st.builds(
    Finding, path=st.sampled_from(["b.md", "a.md", "c/d.md"]), line=st.integers(1, 9),
    column=st.integers(1, 3), rule=st.sampled_from(["S001", "E001", "D004"]),
    message=st.sampled_from(["one", "two", 'a "quoted"\nline', "é"]),
    severity=st.sampled_from(list(Severity)))


@given(st.lists(st.lists(findings, max_size=6), max_size=8), st.booleans())
def test_the_store_gives_back_what_came_in_print_order(batches: list[list[Finding]],
                                                       on_disk: bool) -> None:
    with FindingStore(on_disk=on_disk) as store:
        for batch in batches:
            store.add_all(batch)
        every = [f for batch in batches for f in batch]
        assert list(store) == sorted(every, key=Finding.sort_key)
        assert list(store) == list(store)  # read again
        assert len(store) == len(every)
        assert all(f in store for f in every)
        assert Finding("elsewhere.md", 1, 1, "S001", "one") not in store


@given(st.lists(findings, max_size=30), st.integers(0, 3))
def test_capping_a_file_at_a_time_shows_and_counts_as_capping_the_whole(
        found: list[Finding], limit: int) -> None:
    found.sort(key=Finding.sort_key)
    shown = list(capped(found, limit))
    for path in {f.path for f in found}:
        for rule in {f.rule for f in found}:
            group = [f for f in found if (f.path, f.rule) == (path, rule)]
            group_shown = [(f, more) for f, more in shown if (f.path, f.rule) == (path, rule)]
            kept = group if limit == 0 else group[:limit]
            assert [f for f, _ in group_shown] == kept
            assert sum(more for _, more in group_shown) == len(group) - len(kept)
            if group_shown and len(group) > len(kept):
                assert group_shown[-1][1] == len(group) - len(kept)


@given(st.lists(findings, max_size=12))
def test_json_written_a_finding_at_a_time_is_json_dumps_of_the_whole(
        found: list[Finding]) -> None:
    found.sort(key=Finding.sort_key)
    text = render("json", found, files=3)
    assert text == json.dumps({"findings": [f.to_json() for f in found]}, indent=2,
                              ensure_ascii=False) + "\n"


@pytest.mark.parametrize("output_format", ["text", "json", "sarif", "github", "gitlab",
                                           "junit"])
def test_a_run_held_on_disk_prints_what_a_run_held_in_memory_prints(
        output_format: str) -> None:
    paths = [CONTENT, FIXTURES / "duplication"]
    in_memory = lint_paths(paths, Config(), jobs=1)
    options = RenderOptions(in_memory.files, max_per_rule=2)
    with stream_paths(paths, Config(), jobs=1, on_disk_from=1) as streamed:
        assert streamed.findings.on_disk
        out = io.StringIO()
        write(output_format, streamed.findings, out, options)
        assert list(streamed.findings) == in_memory.findings
    assert any(f.rule == "D004" for f in in_memory.findings)
    assert out.getvalue() == render(output_format, in_memory.findings,
                                    files=in_memory.files, max_per_rule=2)


# Run in a process of its own, so that only this writing is traced (other tests leave
# threads and caches in the test process that allocate while it writes).
_PEAK_WRITING = """
import io, sys, tracemalloc
from reportlint.findings import Finding, Severity
from reportlint.reporters import write
from reportlint.reporters.options import RenderOptions
from reportlint.run.findingstore import FindingStore

class Discarded(io.StringIO):
    def write(self, text):
        return len(text)

def peak_writing(store):
    tracemalloc.reset_peak()
    before = tracemalloc.get_traced_memory()[0]
    write(output_format, store, Discarded(), options)
    return tracemalloc.get_traced_memory()[1] - before

output_format, reports = sys.argv[1], 1000
paths = [f"reports/{number:05}.md" for number in range(reports)]
options = RenderOptions(reports, paths=paths, max_per_rule=3)
with FindingStore(on_disk=True) as store, FindingStore(on_disk=True) as empty:
    for path in paths:
        store.add(path, [Finding(path, line, 1, "E001", f"claim {line} cites nothing "
                                 + "x" * 600, "unbacked-claim", Severity.WARNING)
                         for line in range(1, 11)])
    write(output_format, store, Discarded(), options)  # imports and first-use caches
    tracemalloc.start()
    held = list(store)
    holding = tracemalloc.get_traced_memory()[0]
    del held
    # what the format takes for the findings, less what it takes for none
    print(peak_writing(store) - peak_writing(empty), holding)
"""


@pytest.mark.parametrize("output_format", ["text", "json", "sarif", "github", "gitlab",
                                           "junit"])
def test_every_format_writes_a_corpus_held_on_disk_a_report_at_a_time(
        output_format: str) -> None:
    """Printing a large run takes a report's findings at a time from the store, not the
    whole corpus's: its peak is a small part of what holding every finding takes."""
    done = subprocess.run([sys.executable, "-c", _PEAK_WRITING, output_format],
                          capture_output=True, text=True, timeout=300, check=True)
    peak, holding = map(int, done.stdout.split())
    assert peak < holding / 5, (peak, holding)


def test_an_output_file_is_left_as_it_was_when_writing_it_fails(tmp_path: Path) -> None:
    output = tmp_path / "findings.json"
    output.write_text("the last run's\n", encoding="utf-8")
    with pytest.raises(RuntimeError), atomic_writing(output) as out:
        out.write("half of this run's")
        raise RuntimeError("the run died half way")
    assert output.read_text(encoding="utf-8") == "the last run's\n"
    assert [p.name for p in tmp_path.iterdir()] == ["findings.json"]  # no temporary left
    with atomic_writing(output) as out:
        out.write("this run's\n")
    assert output.read_text(encoding="utf-8") == "this run's\n"


@pytest.mark.parametrize("jobs", [1, 2])
def test_local_processes_hand_each_files_findings_over_as_it_is_checked(jobs: int) -> None:
    """With a sink, the per-file pass keeps none of the findings it hands over, in this
    process or from a pool of workers, so a large corpus's are not all held at once."""
    from reportlint.run.discovery import collect_targets
    from reportlint.run.engine import RuleSet
    from reportlint.run.parallel import check_targets

    class Sink:
        def __init__(self) -> None:
            self.paths: list[str] = []
            self.findings: list[Finding] = []

        def file_findings(self, path: str, findings: list[Finding]) -> None:
            self.paths.append(path)
            self.findings += findings

        def compared_hits(self, code: str, path: str, hits: object) -> None:
            raise AssertionError("the per-file pass compares nothing")

    targets = collect_targets([CONTENT, FIXTURES], [], [])
    rules = RuleSet(Config())
    kept = check_targets(targets, rules, summarize=True, jobs=jobs)
    sink = Sink()
    handed = check_targets(targets, rules, summarize=True, jobs=jobs, found=sink)
    assert [r.summaries for r in handed] == [r.summaries for r in kept]
    assert not any(r.findings for r in handed)
    assert sink.findings == [f for r in kept for f in r.findings]
    assert sink.paths == [r.findings[0].path for r in kept if r.findings]
    assert len(sink.paths) == len(set(sink.paths)) > 5
