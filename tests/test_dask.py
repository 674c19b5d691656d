"""`--executor dask`: the per-file pass and the shared-passage comparison on a Dask cluster
give the same findings as local processes, and the default run never imports Dask."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from conftest import CONTENT, FIXTURES, ROOT

pytest.importorskip("distributed", reason="the dask extra (a test extra) is not installed")
from distributed import LocalCluster
from reportlint.config import Config
from reportlint.findings import Finding, Hit
from reportlint.run.cluster import DaskExecutor
from reportlint.run.discovery import collect_targets
from reportlint.run.engine import RuleSet
from reportlint.run.pipeline import lint_paths


@pytest.fixture(scope="module")
def scheduler() -> Iterator[str]:
    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                      dashboard_address=None) as cluster:
        yield cluster.scheduler_address


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    """content/, the pair of reports that share passages, and each of content/'s reports
    again for another year (so not the same report): cross-report findings planted in
    many places."""
    folder = tmp_path / "corpus"
    shutil.copytree(CONTENT, folder, ignore=shutil.ignore_patterns(".*"))
    for report in sorted((FIXTURES / "duplication").glob("*.md")):
        shutil.copy(report, folder / report.name)
    for number, report in enumerate(sorted(CONTENT.glob("*.md"))):
        (folder / f"next-year-{number}-{report.name}").write_text(
            report.read_text(encoding="utf-8").replace("2025", "2026"), encoding="utf-8")
    return folder


def test_the_same_findings_as_local_processes(scheduler: str, corpus: Path) -> None:
    local = lint_paths([corpus], Config(), jobs=1).findings
    # batches of two: the results of many tasks, finishing in any order, come back in order
    executor = DaskExecutor(scheduler, batch=2)
    on_cluster = lint_paths([corpus], Config(), executor=executor).findings
    assert on_cluster == local
    assert sum(f.rule == "D004" for f in local) >= 8
    assert executor.compared == {"D004"}
    # compared on the workers: the hits came back, the passage prints did not, and the
    # findings went to the sink as they came, not back with the results
    targets = collect_targets([corpus], Config().exclude, Config().include)
    sink = Sink()
    results = executor.check_targets(targets, RuleSet(Config()), summarize=True, found=sink)
    assert results and all("D004" not in (r.summaries or {}) and not r.findings
                           for r in results)
    assert sorted(sink.findings, key=Finding.sort_key) == [f for f in local
                                                           if f.rule != "D004"]
    assert sorted(hit.message for hit in sink.hits) == sorted(
        f.message for f in local if f.rule == "D004")


def test_the_same_findings_in_more_groups_of_hashes_than_batches(
        scheduler: str, corpus: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Each batch sends a piece to every group of hashes and each group answers every
    batch, whatever the two numbers: here a group for every three reports, in batches of
    five."""
    from reportlint.run import cluster

    monkeypatch.setattr(cluster, "REPORTS_PER_HASH_GROUP", 3)
    reports = len(list(corpus.glob("*.md")))
    assert cluster.work_shape(reports, 2, batch=5).groups > -(-reports // 5) > 1
    local = lint_paths([corpus], Config(), jobs=1).findings
    on_cluster = lint_paths([corpus], Config(), executor=DaskExecutor(scheduler, batch=5))
    assert on_cluster.findings == local


def test_a_worker_gets_groups_of_hashes_and_a_large_corpus_more_of_them() -> None:
    from reportlint.run.cluster import BATCH, REPORTS_PER_HASH_GROUP, WorkShape, work_shape

    assert work_shape(10, 2) == WorkShape(BATCH, 4)
    assert work_shape(10, 0) == WorkShape(BATCH, 2)
    assert work_shape(20 * REPORTS_PER_HASH_GROUP, 2).groups == 20
    assert work_shape(20 * REPORTS_PER_HASH_GROUP + 1, 2).groups == 21
    assert work_shape(10, 2, batch=3) == WorkShape(3, 4)


@pytest.mark.parametrize("reports", [100_000, 300_000, 1_000_000, 10_000_000, 100_000_000])
@pytest.mark.parametrize("workers", [2, 50, 400])
def test_the_comparison_stays_within_what_a_scheduler_hands_out(reports: int,
                                                                workers: int) -> None:
    """Batches times groups is the comparison's task count: past `MAX_PIECES` batches
    grow, then batches and groups alike, so that neither side's tasks hold much more of
    the corpus than the other's, and every worker keeps a share of both."""
    from reportlint.run.cluster import BATCH, MAX_PIECES, REPORTS_PER_HASH_GROUP, work_shape

    shape = work_shape(reports, workers)
    batches = -(-reports // shape.batch)
    assert shape.batch >= BATCH and shape.groups >= workers and batches >= 2 * workers
    assert batches * shape.groups <= max(MAX_PIECES, 2 * workers * workers)
    reports_a_group = -(-reports // shape.groups)
    assert shape.batch <= max(BATCH, reports_a_group)
    assert reports_a_group <= max(REPORTS_PER_HASH_GROUP, 2 * shape.batch)


def test_a_worker_gets_several_batches_of_a_size_between_the_bounds() -> None:
    from reportlint.run.cluster import BATCH, MOST_IN_BATCH, WorkShape, work_shape

    assert work_shape(10_000, 2) == WorkShape(625, 4)  # 8 batches a worker
    assert work_shape(100_000, 2) == WorkShape(MOST_IN_BATCH, 20)
    assert work_shape(1000, 50).batch == BATCH


class Sink:
    def __init__(self) -> None:
        self.findings: list[Finding] = []
        self.hits: list[Hit] = []

    def file_findings(self, path: str, findings: list[Finding]) -> None:
        assert {f.path for f in findings} == {path}
        self.findings += findings

    def compared_hits(self, code: str, path: str, hits: list[Hit]) -> None:
        assert code == "D004"
        self.hits += hits


def test_the_same_findings_on_content_through_the_cache(scheduler: str, tmp_path: Path) -> None:
    local = lint_paths([CONTENT], Config(), jobs=1).findings
    executor = DaskExecutor(scheduler, batch=1)
    cold = lint_paths([CONTENT], Config(), executor=executor, cache_root=tmp_path).findings
    warm = lint_paths([CONTENT], Config(), executor=executor, cache_root=tmp_path).findings
    assert cold == warm == local
    assert any((tmp_path / ".reportlint_cache").rglob("*"))


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "reportlint", *args], cwd=ROOT,
                          capture_output=True, text=True, timeout=300)


def test_the_command_line_starts_a_local_cluster_when_given_no_scheduler() -> None:
    local = run("check", "content", "tests/fixtures/duplication", "--no-cache",
                "--output-format", "json", "--exit-zero")
    dask = run("check", "content", "tests/fixtures/duplication", "--no-cache",
               "--output-format", "json", "--exit-zero", "--executor", "dask")
    assert dask.returncode == 0, dask.stderr
    assert json.loads(dask.stdout) == json.loads(local.stdout)
    assert json.loads(local.stdout)["findings"]


def test_a_scheduler_without_the_dask_executor_is_a_usage_error() -> None:
    result = run("check", "content", "--scheduler", "tcp://127.0.0.1:8786")
    assert result.returncode == 2
    assert "--scheduler needs --executor dask" in result.stderr


def test_the_default_run_never_imports_dask_nor_the_cluster_module() -> None:
    code = ("import sys; from reportlint.cli import main\n"
            "try:\n    main(['check', 'content', '--no-cache'])\n"
            "except SystemExit:\n    pass\n"
            "print(sorted(m for m in sys.modules if m.split('.')[0] in "
            "('dask', 'distributed') or m == 'reportlint.run.cluster'))")
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True,
                            text=True, timeout=120)
    assert result.stdout.strip().splitlines()[-1] == "[]", result.stdout + result.stderr


def test_the_gate_judges_the_same_on_the_cluster(scheduler: str, corpus: Path) -> None:
    """The gate reads the run's findings back a report at a time, wherever they came
    from: the same manifest (less its time) from the cluster as from local processes."""
    from reportlint.run.gate import run_gate

    local = run_gate(corpus, Config(), jobs=1).manifest()
    on_cluster = run_gate(corpus, Config(), executor=DaskExecutor(scheduler, batch=3)).manifest()
    local.pop("created")
    on_cluster.pop("created")
    assert on_cluster == local
    reports = local["reports"]
    assert isinstance(reports, list)
    assert any("D004" in report["counts"]["by_rule"] for report in reports)
